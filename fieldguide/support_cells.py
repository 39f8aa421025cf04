"""The rules every support table obeys, for task and capability rows alike: one cell for each
known framework, none for an unknown one, and a `since:` only with the release note that says
so."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldguide.errors import Problem
from fieldguide.models import Support
from fieldguide.yamlfile import line_of


def support_cell_problems(
    shown: str, document: Any, support: Mapping[str, Support], frameworks: Iterable[str]
) -> list[Problem]:
    known = set(frameworks)
    problems = [
        Problem(
            shown,
            line_of(document, ["support", fid]),
            f"unknown framework '{fid}'; known frameworks: {', '.join(sorted(known))}",
        )
        for fid in support
        if fid not in known
    ]
    problems += [
        Problem(
            shown,
            line_of(document, ["support"]),
            f"no support cell for '{fid}'; add one (use `level: unknown` with a note if it is "
            "not known yet)",
        )
        for fid in sorted(known - set(support))
    ]
    problems += [
        Problem(
            shown,
            line_of(document, ["support", fid, "since"]),
            f"support.{fid}: `since: {cell.since}` needs the release note or changelog entry "
            f"that states it: add `changelog:` under `evidence:`, or remove `since:`",
        )
        for fid, cell in support.items()
        if cell.since and not (cell.evidence and cell.evidence.changelog)
    ]
    return problems
