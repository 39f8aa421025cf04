"""The one scoring function behind the wizard, the decision guide and their agreement check.

An answer to a wizard question weights a few rows (`data/guides/guide.yml`). Each framework earns,
per row, weight x its cell's points (built in 3, plugin 2, partial 1). A row counts once: when
two answers weight the same row (a JSON API and typed contracts both weight request validation),
the larger weight counts, and the other line is shown as already counted. `judged=True` counts only
the cells this build can stand behind (tested here or documented upstream), as the wizard does;
`judged=False` counts the levels the data claims, which is what `fieldguide check` holds the
guide's picks to, with or without a test run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from fieldguide.evidence import LEVEL_POINTS, SUPPORTED, Verdict, points
from fieldguide.labels import LEVEL_LABELS, STATUS_LABELS
from fieldguide.models import Framework, Guide, Support


class _Row(Protocol):
    id: str
    title: str
    support: dict[str, Support]


class _Catalog(Protocol):
    frameworks: tuple[Framework, ...]


class Comparison(Protocol):
    """What scoring reads of fieldguide.compare.Comparison (a protocol, so that the guide's
    checks in fieldguide.compare can score without an import cycle)."""

    guide: Guide | None
    catalog: _Catalog

    def row(self, row_id: str) -> _Row: ...

    def verdict(self, row_id: str, framework_id: str) -> Verdict: ...


@dataclass(frozen=True)
class Contribution:
    """One line of a framework's score: a rule applied to one cell."""

    framework: str
    points: int
    row: str
    weight: int
    text: str


def contributions(
    comparison: Comparison, question_id: str, option_id: str, *, judged: bool = True
) -> list[Contribution]:
    """Every line an answer gives, for every framework, before rows are counted once."""
    assert comparison.guide is not None
    question = next(q for q in comparison.guide.questions if q.id == question_id)
    option = next(o for o in question.options if o.id == option_id)
    lines = []
    for rule in option.rules:
        row = comparison.row(rule.row)
        for framework in comparison.catalog.frameworks:
            cell = row.support[framework.id]
            verdict = comparison.verdict(row.id, framework.id)
            cell_points = points(cell, verdict) if judged else LEVEL_POINTS.get(cell.level, 0)
            lines.append(
                Contribution(
                    framework.id,
                    rule.weight * cell_points,
                    row.id,
                    rule.weight,
                    f"{row.title}: {_how(cell.level, verdict)} ({rule.weight} x {cell_points}). "
                    f"{rule.why}",
                )
            )
    return lines


def _how(level, verdict: Verdict) -> str:
    status = STATUS_LABELS[verdict.status] or "no claim"
    if verdict.supported:
        return f"{LEVEL_LABELS[level]}, {status}"
    if level in SUPPORTED:
        return f"{LEVEL_LABELS[level]}: {status}, not counted"
    return LEVEL_LABELS[level]


def counted(lines: Iterable[Contribution]) -> list[Contribution]:
    """The lines that count: per framework and row, the one with the largest weight (the first
    of equal weights), in the order given."""
    lines = list(lines)
    best: dict[tuple[str, str], Contribution] = {}
    for line in lines:
        key = (line.framework, line.row)
        if key not in best or line.weight > best[key].weight:
            best[key] = line
    return [line for line in lines if best[(line.framework, line.row)] is line]


def answer_lines(
    comparison: Comparison, answers: dict[str, str], *, judged: bool = True
) -> list[Contribution]:
    """Every line of the given answers, in the questions' order (the wizard's order too)."""
    assert comparison.guide is not None
    return [
        line
        for question in comparison.guide.questions
        if question.id in answers
        for line in contributions(comparison, question.id, answers[question.id], judged=judged)
    ]


def rank(
    comparison: Comparison, answers: dict[str, str], *, judged: bool = True
) -> list[tuple[str, int]]:
    """Frameworks by score for the given answers, highest first; ties keep the data order."""
    totals = {f.id: 0 for f in comparison.catalog.frameworks}
    for line in counted(answer_lines(comparison, answers, judged=judged)):
        totals[line.framework] += line.points
    order = {f.id: f.order for f in comparison.catalog.frameworks}
    return sorted(totals.items(), key=lambda item: (-item[1], order[item[0]]))


def needs_exception(ranking: list[tuple[str, int]], pick: str, runner_up: str) -> list[str]:
    """The frameworks a guide situation must say why it did not choose: every one that scores at
    least as high as the pick (the runner-up too, when it ties with the pick: a tie is not a
    pick), and every other one that scores higher than the runner-up. A framework tied with the
    runner-up needs none: the page prints the tie."""
    score = dict(ranking)
    return [
        framework
        for framework, points_ in ranking
        if framework != pick
        and (points_ >= score[pick] or (framework != runner_up and points_ > score[runner_up]))
    ]


def preferred_to(score: dict[str, int], framework: str, pick: str, runner_up: str) -> str:
    """Which choice an exception for `framework` explains: the pick, when the framework scores at
    least as high as it, else the runner-up."""
    return pick if score[framework] >= score[pick] else runner_up
