"""Shared fixtures. Tests read only the installed package's own data, never ../shared."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.fixture
def run_cli():
    """Run ``electoral ARGS`` in a subprocess; returns the CompletedProcess (text mode)."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "electoral.cli.app", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run
