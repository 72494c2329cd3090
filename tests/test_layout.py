"""The README's "How the code is laid out" names every package folder and top-level module of the tree."""

from __future__ import annotations

from pathlib import Path

import electoral

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(electoral.__file__).parent


def _layout_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## How the code is laid out")
    return text[start:text.index("\n## ", start + 1)]


def test_readme_layout_names_every_package_and_module():
    block = _layout_block()
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    missing = sorted(f"{name}/" for name in packages if f"{name}/" not in block)
    missing += sorted(name for name in modules if name not in block)
    assert not missing, f"README's layout lacks {missing}"
