"""Every function of the package stays small: at most 60 lines and cyclomatic complexity 15 (radon).

The same check by hand: ``radon cc -s -n C src/electoral`` lists every function of complexity 11 or more.
"""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_visit

import electoral

MAX_LINES = 60
MAX_COMPLEXITY = 15
PACKAGE = Path(electoral.__file__).parent


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_function_is_longer_than_60_lines():
    long = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {lines} lines")
    assert not long, long


def test_no_function_is_more_complex_than_15():
    complex_ = [f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname}: {block.complexity}"
                for path in _sources() for block in cc_visit(path.read_text(encoding="utf-8"))
                if block.complexity > MAX_COMPLEXITY]
    assert not complex_, complex_
