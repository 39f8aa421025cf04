"""The outcome records (tests/outcomes.py) when a cell's tests are split between xdist workers."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from fieldguide.outcome_record import contract_inputs, inputs_digest, read_record
from tests import outcomes
from tests.support import ROOT

CELL = ("crud", "flask")


@pytest.fixture
def recorder(tmp_path, monkeypatch):
    """A fresh recorder for CELL, with two collected tests (one in its contract module), writing
    to a file of its own; `record(worker, run, **counts)` writes one worker's part."""
    path = tmp_path / "outcomes.json"
    monkeypatch.setenv("FIELDGUIDE_OUTCOMES", str(path))
    for name, value in (("_collected", Counter({CELL: 2})), ("_in_module", Counter({CELL: 1}))):
        monkeypatch.setattr(outcomes, name, value)
    for name in ("_counts", "_failed", "_databases", "_run"):
        monkeypatch.setattr(outcomes, name, {})

    def record(worker: str, run: str, passed: int = 0, failed: int = 0) -> dict:
        outcomes._run.update(id=run, worker=worker)
        outcomes._counts[CELL] = Counter(passed=passed, failed=failed)
        outcomes._failed[CELL] = [f"test_{worker}"] if failed else []
        outcomes._databases[CELL] = {"sqlite"}
        outcomes._write({CELL})
        return json.loads(path.read_text(encoding="utf-8"))["cells"]["crud/flask"]

    return record


def test_a_cell_split_between_workers_passes_once_both_parts_have(recorder):
    assert recorder("gw0", "run1", passed=1)["outcome"] == "incomplete"
    both = recorder("gw1", "run1", passed=1)
    assert both["outcome"] == "passed"
    assert both["tests"] == {"passed": 2, "collected": 2}
    assert set(both["parts"]) == {"gw0", "gw1"}


def test_a_failure_on_either_worker_fails_the_cell(recorder):
    recorder("gw0", "run1", failed=1)
    both = recorder("gw1", "run1", passed=1)
    assert both["outcome"] == "failed"
    assert both["failed_tests"] == ["test_gw0"]


def test_a_new_run_starts_the_parts_afresh(recorder):
    recorder("gw0", "run1", passed=1)
    recorder("gw1", "run1", passed=1)
    again = recorder("gw0", "run2", passed=1)
    assert again["outcome"] == "incomplete"
    assert set(again["parts"]) == {"gw0"}


def test_the_digest_is_the_same_in_another_checkout_of_the_same_files(tmp_path):
    """A record written in one clone reads as current in another (CI's fresh clone, a fork)."""
    snippet = "snippets/hello/flask_app.py"
    for relative in contract_inputs("hello", snippet):
        copy = tmp_path / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes((ROOT / relative).read_bytes())

    assert inputs_digest(tmp_path, "hello", snippet) == inputs_digest(ROOT, "hello", snippet)
    (tmp_path / snippet).write_text("changed\n")
    assert inputs_digest(tmp_path, "hello", snippet) != inputs_digest(ROOT, "hello", snippet)


def test_a_record_of_another_format_reads_as_no_record(recorder, tmp_path):
    """Format 1 hashed absolute paths: its cells must read as "did not run", not as "changed"."""
    written = recorder("gw0", "run1", passed=2)
    path = tmp_path / "outcomes.json"
    assert read_record(path)["crud/flask"].outcome == written["outcome"] == "passed"

    old = json.loads(path.read_text(encoding="utf-8")) | {"format": 1}
    path.write_text(json.dumps(old), encoding="utf-8")

    assert read_record(path) == {}
