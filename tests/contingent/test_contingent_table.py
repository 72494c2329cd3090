"""The generated table of docs/contingent.md says what the library says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_docs_table_is_regenerated() -> None:
    spec = importlib.util.spec_from_file_location("contingent_table", ROOT / "scripts" / "contingent_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = (ROOT / "docs" / "contingent.md").read_text(encoding="utf-8")
    inside = doc.split(module.START)[1].split(module.END)[0].strip()
    assert inside == module.table(), "regenerate the table with: python scripts/contingent_table.py"
    assert "| 2020 | AZ, GA, WI | Joe Biden 269 - Donald Trump 269 | 117th, 2021-01-03 | 27 / 20 / 3 / 0 |" in inside
