"""Every benchmark prints one line shape, ``name  value  unit  target``, through benchmarks/_report.py.

Running the benchmarks takes minutes (they start servers and browsers), so this checks the shared
helper's shape and that each script prints through it and nothing else.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _helper():
    spec = importlib.util.spec_from_file_location("_report", BENCHMARKS / "_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("args", [("api_tally_p95", 3.31, "ms", "< 20"), ("load_answered_429", 33, "requests"),
                                  ("power_powerindex_2024", "skipped", "-", "- (pip install powerindex)"),
                                  ("throughput", 4612.7, "requests/s", "- (client=wrk)"), ("tiny", 1.5e-13, "abs")])
def test_lines_parse_back(args) -> None:
    helper = _helper()
    fields = helper.parse(helper.line(*args))
    assert fields["name"] == args[0] and fields["unit"] == args[2]
    assert fields["value"] == "skipped" or float(fields["value"]) == pytest.approx(float(args[1]), rel=1e-3)
    assert fields["target"] == (args[3] if len(args) > 3 else "-")


@pytest.mark.parametrize("bad", [("two words", 1.0, "ms"), ("name", 1.0, "x real time"), ("name", 1.0, "ms", "a  b")])
def test_a_field_that_breaks_the_shape_is_refused(bad) -> None:
    with pytest.raises(ValueError):
        _helper().line(*bad)


@pytest.mark.parametrize("script", sorted(BENCHMARKS.glob("bench_*.py")), ids=lambda p: p.name)
def test_each_benchmark_reports_through_the_helper(script: Path) -> None:
    tree = ast.parse(script.read_text())
    prints = [node.lineno for node in ast.walk(tree)
              if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"]
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == "_report"
               for alias in node.names}
    assert not prints, f"{script.name} prints outside benchmarks/_report.py at lines {prints}"
    assert "report" in imports
