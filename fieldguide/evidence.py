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

import hashlib
import json
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from fieldguide.models import Level, Support
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


STATUS_LABELS = {
    Status.tested: "tested here",
    Status.documented: "documented upstream",
    Status.failed: "test failed",
    Status.unverified: "not verified",
    Status.absent: "",
}


def outcomes_path(root: Path) -> Path:
    configured = os.environ.get(OUTCOMES_ENV)
    return Path(configured) if configured else root / "build" / "test-outcomes.json"


def inputs_digest(root: Path, task: str, snippet: str) -> str:
    """sha256 over what decides the cell's test: the snippet, its contract module and the task's
    data (whose `differences:` rows tests/test_differences.py sends). Editing any of them makes
    the recorded outcome stale until the tests run again."""
    digest = hashlib.sha256()
    for path in (
        root / snippet,
        root / "tests" / "snippets" / f"test_{task}.py",
        root / "data" / "tasks" / f"{task}.yml",
    ):
        digest.update(path.as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()


def read_outcomes(root: Path) -> dict[str, dict]:
    """The recorded cells, or {} when no test run left a readable record."""
    try:
        recorded = json.loads(outcomes_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict) or recorded.get("format") != 1:
        return {}
    return recorded.get("cells", {})


@dataclass(frozen=True)
class Verdict:
    status: Status
    detail: str  # one sentence for the reader: why this status
    record: dict | None = None

    @property
    def supported(self) -> bool:
        return self.status in (Status.tested, Status.documented)


def verdict(root: Path, outcomes: dict[str, dict], row: str, framework: str, cell: Support):
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
        elif record.get("sha256") != inputs_digest(root, row, snippet):
            why_not = "the snippet, its contract test or its data changed since the test ran"
        elif record.get("versions") != current:
            why_not = "the installed versions differ from those the test ran with"
        elif record.get("outcome") == "failed":
            return Verdict(
                Status.failed,
                f"The contract test of {snippet} failed on {record.get('date')}; "
                "the cell is not shown as supported.",
                record,
            )
        elif record.get("outcome") != "passed":
            why_not = "not every contract test of the snippet ran"
        else:
            versions = ", ".join(f"{k} {v}" for k, v in sorted(current.items()))
            return Verdict(
                Status.tested,
                f"Contract test of {snippet} passed on {record.get('date')} "
                f"with {versions} on Python {record.get('python')}.",
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
