"""A writer killed with SIGKILL in the middle of a batch loses no acknowledged event and leaves no partial batch;
ingesting the same batches again changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from electoral.ledger.store import open_store

BATCH = 5_000

WRITER = """
import sys
from electoral.ledger.events import make_event
from electoral.ledger.store import open_store

def batch(number, size):
    return [make_event(2024, "PA", "results_update",
                       f"2024-11-{5 + number // 24:02d}T{number % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}-05:00", "AP",
                       source=f"batch {number}", fields={"votes": {"Trump": i, "Harris": number}})
            for i in range(size)]

store = open_store(sys.argv[1])
start, size = int(sys.argv[2]), int(sys.argv[3])
for number in range(start, start + int(sys.argv[4])):
    events = batch(number, size)
    print("begin", number, flush=True)
    result = store.append(events)
    print("ack", number, result.stored, flush=True)
"""


def _batch_sizes(url: str) -> dict[str, int]:
    store = open_store(url)
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT source, count(*) FROM ledger_events GROUP BY source")).all()
    store.close()
    return {source: count for source, count in rows}


def _writer(url: str, start: int, count: int, size: int = BATCH) -> subprocess.Popen:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-c", WRITER, url, str(start), str(size), str(count)],
                            stdout=subprocess.PIPE, text=True, env=env)


@pytest.mark.slow
def test_kill_9_mid_batch_keeps_acknowledged_batches_whole_and_nothing_partial(ledger_url):
    open_store(ledger_url).close()  # migrate first, so the writer's time is spent writing
    writer = _writer(ledger_url, 0, 50)
    acked, begun = [], []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        words = writer.stdout.readline().split()
        if words[:1] == ["ack"]:
            acked.append(int(words[1]))
        elif words[:1] == ["begin"]:
            begun.append(int(words[1]))
            if len(acked) >= 2:  # the third batch is under way: kill the writer inside append()
                time.sleep(0.05)
                os.kill(writer.pid, signal.SIGKILL)
                break
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL and len(acked) >= 2
    sizes = _batch_sizes(ledger_url)
    for number in acked:  # every acknowledged batch survived whole
        assert sizes.get(f"batch {number}") == BATCH, (number, sizes)
    for source, size in sizes.items():  # no batch is there in part
        assert size == BATCH, (source, size)
    assert set(sizes) <= {f"batch {n}" for n in begun}

    again = _writer(ledger_url, 0, len(begun))  # deliver every batch again, the killed one included
    out, _ = again.communicate(timeout=120)
    stored = [int(line.split()[2]) for line in out.splitlines() if line.startswith("ack")]
    assert stored[:len(acked)] == [0] * len(acked)  # nothing new from what was stored
    after = _batch_sizes(ledger_url)
    assert after == {f"batch {n}": BATCH for n in begun}
