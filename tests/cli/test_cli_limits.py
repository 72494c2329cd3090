"""Outputs and sizes are checked before the work: --plot (written atomically in the format its name says, never losing the result), draw counts, chunk sizes and listed paths."""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("matplotlib")

ODDS = ("odds", "example-2020", "--national", "0.6", "--exact")


def _one_error_line(out) -> str:
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    return out.stderr


def test_missing_folder_is_refused_before_any_work(run_cli, tmp_path):
    out = run_cli(*ODDS, "--plot", str(tmp_path / "nope" / "ev.png"))
    assert "does not exist" in _one_error_line(out) and out.stdout == ""


def test_a_folder_as_the_target_is_refused(run_cli, tmp_path):
    assert "it is a folder" in _one_error_line(run_cli(*ODDS, "--plot", str(tmp_path) + "/"))
    (tmp_path / "d.png").mkdir()
    assert "it is a folder" in _one_error_line(run_cli(*ODDS, "--plot", str(tmp_path / "d.png")))


def test_an_existing_file_needs_force_and_a_symlink_is_replaced_not_followed(run_cli, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "ev.png"
    link.symlink_to(victim)
    assert "use --force" in _one_error_line(run_cli(*ODDS, "--plot", str(link)))
    out = run_cli(*ODDS, "--plot", str(link), "--force")
    assert out.returncode == 0, out.stderr
    assert victim.read_text() == "keep me"  # the link was replaced, its target untouched
    assert not link.is_symlink() and link.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pdf_is_a_pdf_and_an_unknown_suffix_is_refused(run_cli, tmp_path):
    out = run_cli(*ODDS, "--plot", str(tmp_path / "ev.pdf"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "ev.pdf").read_bytes()[:5] == b"%PDF-"
    assert "must end in .png, .pdf, .svg" in _one_error_line(run_cli(*ODDS, "--plot", str(tmp_path / "ev.jpg")))
    assert not (tmp_path / "ev.jpg").exists()


def test_a_failed_write_prints_the_result_first_and_leaves_nothing_behind(run_cli):
    # /proc exists and passes the folder checks, but no file can be created in it, even by root
    out = run_cli(*ODDS, "--json", "--plot", "/proc/ev.png")
    assert "cannot write '/proc/ev.png'" in _one_error_line(out)
    assert json.loads(out.stdout)["p_win"]["D"] > 0.5  # the computed JSON came out before the failure


def test_a_full_disk_keeps_the_existing_file_and_removes_the_temporary(tmp_path, monkeypatch):
    from electoral.errors import InvalidInput
    from electoral.probability.plot import write_atomically

    target = tmp_path / "ev.png"
    target.write_bytes(b"old plot")

    def fill_the_disk(handle):
        handle.write(b"partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(InvalidInput, match="No space left on device"):
        write_atomically(target, fill_the_disk)
    assert target.read_bytes() == b"old plot"
    assert os.listdir(tmp_path) == ["ev.png"]


@pytest.mark.parametrize("args, limit", [(("-n", "1e18"), "at most 1,000,000,000 draws"),
                                         (("--chunk-size", "2e8"), "at most 1,000,000 draws")])
def test_simulation_sizes_are_checked_against_the_limits_before_any_draw(run_cli, args, limit):
    assert limit in _one_error_line(run_cli("simulate", "example-2020", "--seed", "1", *args))


@pytest.mark.parametrize("limit", ["99999999999999999999", "100000"])
def test_paths_limit_is_checked_against_the_limits_before_any_work(run_cli, limit):
    assert "at most 100 sets" in _one_error_line(run_cli("paths", "2020", "--json", "--limit", limit))


@pytest.mark.parametrize("args, message", [
    (("tally", "2_020"), "digits 0-9, got '2_020'"),
    (("tally", "２０２０"), "digits 0-9"),  # full-width digits
    (("tally", "٢٠٢٠"), "digits 0-9"),  # Arabic-Indic digits
    (("whatif", "2020", "--house-size", "４３５"), "--house-size must be a whole number >= 1 written in digits 0-9"),
    (("whatif", "2020", "--add-state", "TX=100"), "TX is already a state in the 2010 census"),
    (("calendar", "2_028"), "digits 0-9, got '2_028'"),
    (("whatif", "2_020"), "digits 0-9, got '2_020'"),  # what-ifs and contingent elections read years strictly too
    (("contingent", "2_020"), "digits 0-9, got '2_020'"),
    (("whatif", "2020", "--census", "2_010"), "--census must be a whole number written in digits 0-9"),
    (("status", "２０２０"), "digits 0-9"),
    (("apportion", "２０２０"), "digits 0-9"),
    (("whatif", "2020", "--house-size", "1e300"), "house size must be at most 10,000 seats"),
    (("apportion", "2020", "--seats", "1e9"), "house size must be at most 10,000 seats"),
])
def test_lenient_numbers_and_replacing_a_state_are_refused(run_cli, args, message):
    assert message in _one_error_line(run_cli(*args))
