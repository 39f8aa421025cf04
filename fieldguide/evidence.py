"""How each cell is known: tested here, documented upstream, or neither, decided at build time.

The test run records its outcomes (tests/outcomes.py writes `build/test-outcomes.json`). A cell
with a snippet is *tested here* only if that record says every contract test of the snippet
passed, for the current content (sha256) of the snippet, its contract module and its data, and
for the versions installed now. A record that failed makes the cell *failed*: never shown as
supported. Without a usable record (a plain `make build` on a fresh clone, an edited snippet,
upgraded packages) the cell falls back to its upstream docs link, shown as *documented upstream,
not verified in this build*; a cell with neither is *not verified* and is not shown as supported
either.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fieldguide.models import Level, Support
from fieldguide.outcome_record import CellRecord, inputs_digest, read_record
from fieldguide.versions import distribution, installed

OUTCOMES_ENV = "FIELDGUIDE_OUTCOMES"
SUPPORTED = (Level.builtin, Level.plugin, Level.partial)
LEVEL_POINTS = {Level.builtin: 3, Level.plugin: 2, Level.partial: 1}


class Status(StrEnum):
    tested = "tested"
    documented = "documented"
    failed = "failed"
    unverified = "unverified"
    absent = "absent"  # level none/unknown: nothing is claimed, the note says what to do


def outcomes_path(root: Path) -> Path:
    configured = os.environ.get(OUTCOMES_ENV)
    return Path(configured) if configured else root / "build" / "test-outcomes.json"


def read_outcomes(root: Path) -> dict[str, CellRecord]:
    """The recorded cells, or {} when no test run left a readable record."""
    return read_record(outcomes_path(root))


@dataclass(frozen=True)
class Verdict:
    status: Status
    detail: str  # one sentence for the reader: why this status
    record: CellRecord | None = None

    @property
    def supported(self) -> bool:
        return self.status in (Status.tested, Status.documented)


def verdict(
    root: Path, outcomes: dict[str, CellRecord], row: str, framework: str, cell: Support
) -> Verdict:
    if cell.level not in SUPPORTED:
        return Verdict(Status.absent, cell.note or "")
    snippet = cell.evidence.snippet if cell.evidence else None
    docs = cell.evidence.docs if cell.evidence else None
    why_not = ""
    if snippet:
        record = outcomes.get(f"{row}/{framework}")
        current = {distribution(r): installed(r) for r in cell.install}
        if record is None:
            why_not = "its contract test did not run before this build"
        elif record.sha256 != inputs_digest(root, row, snippet):
            why_not = "the snippet, its contract test or its data changed since the test ran"
        elif record.versions != current:
            why_not = "the installed versions differ from those the test ran with"
        elif record.outcome == "failed":
            return Verdict(
                Status.failed,
                f"The contract test of {snippet} failed on {record.date}; "
                "the cell is not shown as supported.",
                record,
            )
        elif record.outcome != "passed":
            why_not = "not every contract test of the snippet ran"
        else:
            versions = ", ".join(f"{k} {v}" for k, v in sorted(current.items()))
            return Verdict(
                Status.tested,
                f"Contract test of {snippet} passed on {record.date} "
                f"with {versions} on Python {record.python}.",
                record,
            )
    if docs:
        detail = "Stated by the upstream documentation."
        if why_not:
            detail += f" Not verified in this build: {why_not}."
        return Verdict(Status.documented, detail)
    return Verdict(Status.unverified, f"Not verified in this build: {why_not or 'no evidence'}.")


def points(cell: Support, judged: Verdict) -> int:
    """What a cell adds to a framework's score in the wizard: nothing unless it is supported."""
    return LEVEL_POINTS.get(cell.level, 0) if judged.supported else 0
