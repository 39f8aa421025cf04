"""The test run's record of each cell's contract (`build/test-outcomes.json`): its format, shared by
the pytest plugin that writes it (tests/outcomes.py) and the build that reads it (evidence.py).

The digest covers repository-relative paths and file contents only, so an identical checkout in
another folder (a fresh clone in CI, a contributor's copy) reads the same record as current.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from fieldguide import layout
from fieldguide.models import Strict

FORMAT = 2  # 1 hashed absolute paths; such records read as "did not run", never as "changed"


class WorkerPart(Strict):
    """What one pytest-xdist worker saw of a cell in one run."""

    tests: dict[str, int] = Field(default_factory=dict)
    failed_tests: list[str] = Field(default_factory=list)
    databases: list[str] = Field(default_factory=list)


class CellRecord(Strict):
    task: str
    framework: str
    snippet: str | None
    sha256: str | None = Field(description="inputs_digest() of the snippet, contract and data")
    outcome: Literal["passed", "failed", "incomplete"]
    tests: dict[str, int] = Field(default_factory=dict, description="counts, and `collected`")
    failed_tests: list[str] = Field(default_factory=list)
    databases: list[str] = Field(default_factory=list, description="databases whose tests passed")
    versions: dict[str, str] = Field(description="installed version of each install-line package")
    python: str
    date: str = Field(description="ISO 8601, UTC, when the record was last written")
    run: str | None = Field(None, description="the test run (xdist's testrunuid)")
    parts: dict[str, WorkerPart] = Field(default_factory=dict, description="per xdist worker")


class OutcomeFile(Strict):
    format: Literal[2]
    updated: str
    cells: dict[str, CellRecord]


def contract_inputs(task: str, snippet: str) -> tuple[str, ...]:
    """What decides a cell's test: the snippet, its contract module and the task's data (whose
    `differences:` rows tests/test_differences.py sends), as repository-relative paths."""
    return (snippet, layout.contract(task), layout.task_data(task))


def inputs_digest(root: Path, task: str, snippet: str) -> str:
    """sha256 over the relative path and content of each contract input. Editing any of them
    makes the recorded outcome stale until the tests run again."""
    digest = hashlib.sha256()
    for relative in contract_inputs(task, snippet):
        path = root / relative
        digest.update(relative.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


def read_record(path: Path) -> dict[str, CellRecord]:
    """The recorded cells, or {} when there is no readable record of this format."""
    try:
        return OutcomeFile.model_validate_json(path.read_bytes()).cells
    except (OSError, ValidationError):
        return {}
