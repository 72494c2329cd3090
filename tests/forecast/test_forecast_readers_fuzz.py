"""Property: any poll file made from a real one by dropping columns and writing junk into cells is either read
(bad rows reported) or refused with InvalidInput; no other exception escapes a reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from electoral.errors import InvalidInput
from electoral.forecast import read_poll_file

HERE = Path(__file__).parent / "fixtures"
FILES = ("polls_538_2020.csv", "polls_huffpost_2012.csv", "polls_huffpost_2016.csv", "polls_538_2024_switch.csv")
JUNK = st.sampled_from(["", "NA", "abc", "abcd-ef", "-1", "1e309", "nan", "13/45/2020", "2020", "--", " ", "0",
                        "1000", "Likely Voters - Democrat", "DEM", "10/1/20", "2020-02-30", "\u00e9"])


@st.composite
def damaged(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    rows = list(csv.reader(io.StringIO((HERE / name).read_text(encoding="utf-8"))))
    keep = draw(st.lists(st.booleans(), min_size=len(rows[0]), max_size=len(rows[0])))
    keep = keep if any(keep) else [True] + keep[1:]
    for _ in range(draw(st.integers(0, 8))):
        r, c = draw(st.integers(1, len(rows) - 1)), draw(st.integers(0, len(rows[0]) - 1))
        rows[r][c] = draw(JUNK)
    out = io.StringIO()
    csv.writer(out).writerows([[cell for cell, k in zip(row, keep) if k] for row in rows])
    return name, out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damaged(), st.sampled_from([None, "fivethirtyeight", "huffpost"]))
def test_damaged_files_are_read_or_refused_never_crash(tmp_path, case, poll_format):
    name, text = case
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        polls = read_poll_file(path, poll_format)
    except InvalidInput as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert len(polls) > 0 and all(p.row >= 2 for p in polls.problems)
