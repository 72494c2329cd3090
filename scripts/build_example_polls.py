"""Build the packaged example poll file (src/electoral/data/example_polls_2020.csv) from FiveThirtyEight's 2020 file.

A small extract of FiveThirtyEight's ``presidential_polls_2020.csv`` (CC BY 4.0, "Data: FiveThirtyEight"; origin and
commit in the raw data folder's SOURCES.md): every row of the polls that ended from 27 October 2020 on, unchanged,
in the file's own schema, so the docstrings, tests and examples can run the poll reader and the model on real
rows without the raw data. Run: ``python scripts/build_example_polls.py [RAW_FOLDER]`` (default ../shared/data).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

FIRST_END = pd.Timestamp("2020-10-27")
RAW = "fivethirtyeight/presidential_polls_2020.csv"
SOURCE = "fivethirtyeight-polls-2020"  # a key of src/electoral/data/sources.csv


def main(raw_root: str = "../shared/data") -> None:
    frame = pd.read_csv(Path(raw_root) / RAW, dtype=str, keep_default_na=False)
    ends = pd.to_datetime(frame["enddate"], format="%m/%d/%Y")
    extract = frame[ends >= FIRST_END].assign(source=SOURCE)
    out = Path(__file__).resolve().parents[1] / "src/electoral/data/example_polls_2020.csv"
    extract.to_csv(out, index=False, lineterminator="\n")
    print(f"{out.name}: {len(extract)} rows, {extract['poll_id'].nunique()} polls, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:])
