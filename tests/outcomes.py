"""pytest plugin: record which snippets' contract tests passed, for the build to read.

A matrix cell may say *tested here* only if the contract test of its snippet passed. This plugin
maps every contract test (tests/snippets/test_<task>.py, and the rows of tests/test_differences.py)
to its (task, framework) cell and writes, after each such test, `build/test-outcomes.json`
(git-ignored; `FIELDGUIDE_OUTCOMES` moves it). Each cell's record holds the outcome, the test
counts, a sha256 of the snippet, its contract module and its data, and the installed versions
of what the snippet imports, so the build can refuse a record that no longer describes the code
and packages it would publish (fieldguide/evidence.py). Cells this run did not test keep the record
of the run that did.

Under pytest-xdist (`make test` runs two workers) a cell's tests may be split between workers: its
contract module on one, its rows of tests/test_differences.py on another. Each worker then writes
its own part of the record (`parts`, keyed by worker, for the run named by xdist's shared
`testrunuid`), and the outcome is judged on the sum of the parts, so a cell is *passed* only once
every collected test of it has passed, whichever worker ran it.
"""

from __future__ import annotations

import fcntl
import json
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fieldguide import layout
from fieldguide.evidence import outcomes_path
from fieldguide.outcome_record import (
    FORMAT,
    CellRecord,
    OutcomeFile,
    WorkerPart,
    inputs_digest,
    read_record,
)
from fieldguide.versions import distribution, installed, python_version
from tests.support import ROOT, catalog

CONTRACT_PREFIX = layout.contract_module("")  # tests.snippets.test_<task>
_cells: dict[str, tuple[str, str]] = {}  # nodeid -> (task, framework)
_counts: dict[tuple[str, str], Counter] = {}
_failed: dict[tuple[str, str], list[str]] = {}
_collected: Counter = Counter()  # (task, framework) -> contract tests collected, before -k
_in_module: Counter = Counter()  # of those, the ones in tests/snippets/test_<task>.py
_database_of: dict[str, str] = {}  # nodeid -> the `database` parameter (sqlite, postgresql)
_databases: dict[tuple[str, str], set[str]] = {}  # cell -> databases whose tests passed
_run = {"id": uuid.uuid4().hex, "worker": "main"}  # xdist's run id and worker id, when it runs


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)  # set by pytest-xdist in its workers
    if workerinput is not None:
        _run.update(id=workerinput["testrunuid"], worker=workerinput["workerid"])


def _cell_of(item: pytest.Item) -> tuple[str, str] | None:
    params = getattr(getattr(item, "callspec", None), "params", {})
    framework = params.get("framework")
    if not isinstance(framework, str):
        return None
    module = item.module.__name__ if item.module else ""  # type: ignore[attr-defined]
    if module.startswith(CONTRACT_PREFIX):
        return module.removeprefix(CONTRACT_PREFIX), framework
    if module == "tests.test_differences" and isinstance(params.get("task"), str):
        return params["task"], framework
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        cell = _cell_of(item)
        if cell is not None:
            _cells[item.nodeid] = cell
            _collected[cell] += 1
            database = getattr(getattr(item, "callspec", None), "params", {}).get("database")
            if isinstance(database, str):
                _database_of[item.nodeid] = database
            if item.module.__name__.startswith(CONTRACT_PREFIX):  # type: ignore[attr-defined]
                _in_module[cell] += 1


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    cell = _cells.get(report.nodeid)
    if cell is None:
        return
    counts = _counts.setdefault(cell, Counter())
    if report.failed:
        counts["failed"] += 1
        _failed.setdefault(cell, []).append(report.nodeid)
    elif report.when == "call" and report.passed:
        counts["passed"] += 1
        if report.nodeid in _database_of:
            _databases.setdefault(cell, set()).add(_database_of[report.nodeid])
    elif report.skipped:
        counts["skipped"] += 1
        if report.nodeid in _database_of:
            counts["skipped_database"] += 1  # a database that is not there (PostgreSQL)
    else:
        return
    _write({cell})


def _write(changed: set[tuple[str, str]]) -> None:
    path = outcomes_path(ROOT)
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / ".test-outcomes.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # parallel pytest runs share the file
        _merge(path, changed)


def _merge(path: Path, changed: set[tuple[str, str]]) -> None:
    cells = read_record(path)  # an unreadable or older-format record starts afresh
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for task_id, framework in changed:
        key = f"{task_id}/{framework}"
        cell = catalog().tasks[task_id].support[framework]
        snippet = cell.evidence.snippet if cell.evidence else None
        earlier = cells.get(key)
        parts = dict(earlier.parts) if earlier and earlier.run == _run["id"] else {}
        parts[_run["worker"]] = WorkerPart(
            tests=dict(_counts[(task_id, framework)]),
            failed_tests=_failed.get((task_id, framework), []),
            databases=sorted(_databases.get((task_id, framework), set())),
        )
        counts = sum((Counter(part.tests) for part in parts.values()), Counter())
        collected = _collected[(task_id, framework)]
        if counts["failed"]:
            outcome = "failed"
        elif (
            counts["passed"] + counts["skipped_database"] == collected
            and counts["passed"]
            and _in_module[(task_id, framework)]
        ):
            # the contract module ran, and every test of the cell passed, but perhaps those of a
            # database that was not there: `databases` names the ones that ran
            outcome = "passed"
        else:
            outcome = "incomplete"  # some were skipped, deselected or have not run yet
        cells[key] = CellRecord(
            task=task_id,
            framework=framework,
            snippet=snippet,
            sha256=inputs_digest(ROOT, task_id, snippet) if snippet else None,
            outcome=outcome,
            tests={**counts, "collected": collected},
            failed_tests=sorted(n for part in parts.values() for n in part.failed_tests),
            databases=sorted({d for part in parts.values() for d in part.databases}),
            versions={distribution(r): installed(r) for r in cell.install},
            python=python_version(),
            date=now,
            run=_run["id"],
            parts=parts,
        )
    record = OutcomeFile(format=FORMAT, updated=now, cells=cells)
    scratch = path.with_suffix(".json.tmp")
    scratch.write_text(
        json.dumps(record.model_dump(mode="json"), indent=1, sort_keys=True), encoding="utf-8"
    )
    scratch.replace(path)
