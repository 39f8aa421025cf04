"""What `fieldguide check` holds `data/guides/guide.yml` to: known rows, frameworks and answers,
and a guide that cannot contradict the matrix.

Each situation names the wizard's answers that describe it. Scored by the levels the data claims
(fieldguide/scores.py, the wizard's own function), the pick must come first and the runner-up
second; every framework that scores at least as high as the pick, or higher than the
runner-up, needs a named exception saying why it is not chosen (a tie with the runner-up is
printed as a tie), and an exception nobody needs is refused, so a re-rated cell cannot leave the
guide behind. Reasons compare no scores in words: the page prints the scores from the cells.
"""

from __future__ import annotations

import re
from typing import Any

from fieldguide import layout
from fieldguide.errors import Problem
from fieldguide.models import Guide
from fieldguide.scores import Comparison, needs_exception, preferred_to, rank
from fieldguide.yamlfile import line_of

GUIDE_FILE = layout.GUIDE
# "scores the same", "outscores", "ranks higher": comparisons the page computes instead
SCORE_WORDS = re.compile(r"\b(out)?(scor|rank)(e|es|ed|ing|s)?\b", re.IGNORECASE)


def guide_problems(
    comparison: Comparison,
    document: Any,
    framework_ids: set[str],
    row_ids: set[str],
    *,
    scored: bool = True,
) -> list[Problem]:
    """Every problem of the guide; `scored=False` skips the agreement with the matrix (when a
    row lacks cells, so that nothing can be scored)."""
    guide = comparison.guide
    assert guide is not None
    problems: list[Problem] = []

    def problem(location: list, message: str) -> None:
        problems.append(Problem(GUIDE_FILE, line_of(document, location), message))

    known_rows = ", ".join(sorted(row_ids))

    def check_rows(location: list, rows: list[str]) -> None:
        for row_id in rows:
            if row_id not in row_ids:
                problem(location, f"unknown row '{row_id}'; known rows: {known_rows}")

    def check_words(location: list, text: str) -> None:
        if found := SCORE_WORDS.search(text):
            problem(
                location,
                f"'{found.group(0)}': the page prints each situation's scores from the cells, "
                "so a reason never compares scores in words; say what the cells show instead",
            )

    for q, question in enumerate(guide.questions):
        if question.id in {x.id for x in guide.questions[:q]}:
            problem(["questions", q, "id"], f"question id '{question.id}' is used twice")
        option_ids = [o.id for o in question.options]
        if len(set(option_ids)) != len(option_ids):
            problem(["questions", q, "options"], "option ids must be unique within a question")
        for o, option in enumerate(question.options):
            for r, rule in enumerate(option.rules):
                check_rows(["questions", q, "options", o, "rules", r, "row"], [rule.row])
    rules_ok = not problems  # a rule on an unknown row cannot be scored

    first: dict[str, int] = {}
    for s, situation in enumerate(guide.situations):
        where = ["situations", s]
        line = line_of(document, [*where, "id"])
        if situation.id in first:
            problem(
                [*where, "id"],
                f"situation id '{situation.id}' is used twice (first on line "
                f"{first[situation.id]}); the guide page and the wizard link to each situation "
                "by id, so rename one",
            )
        first.setdefault(situation.id, line)
        for key in ("pick", "runner_up"):
            if getattr(situation, key) not in framework_ids:
                problem([*where, key], f"unknown framework '{getattr(situation, key)}'")
        if situation.pick == situation.runner_up:
            problem([*where, "runner_up"], "the runner-up must differ from the pick")
        for r, reason in enumerate(situation.reasons):
            check_rows([*where, "reasons", r, "rows"], reason.rows)
            check_words([*where, "reasons", r, "text"], reason.text)
        for e, exception in enumerate(situation.exceptions):
            if exception.framework not in framework_ids:
                problem([*where, "exceptions", e, "framework"], "unknown framework")
            check_rows([*where, "exceptions", e, "rows"], exception.rows)
            check_words([*where, "exceptions", e, "text"], exception.text)
        answers_ok = _check_answers(guide, situation.answers, [*where, "answers"], problem)
        if scored and answers_ok and rules_ok:
            _check_agreement(comparison, s, problem)
    return problems


def _check_answers(guide: Guide, answers: dict[str, str], where: list, problem) -> bool:
    """Every question answered once, with one of its options."""
    ok = True
    questions = {q.id: q for q in guide.questions}
    for question_id, option_id in answers.items():
        question = questions.get(question_id)
        if question is None:
            problem([*where, question_id], f"unknown question '{question_id}'")
            ok = False
        elif option_id not in {o.id for o in question.options}:
            options = ", ".join(f'"{o.id}"' for o in question.options)
            problem(
                [*where, question_id],
                f"'{option_id}' is not an option of '{question_id}' "
                f"(options: {options}; quote yes and no, which YAML reads as booleans)",
            )
            ok = False
    missing = [q for q in questions if q not in answers]
    if missing:
        problem(
            where,
            f"answer every question, so the wizard can be asked: missing {', '.join(missing)}",
        )
        ok = False
    return ok


def _check_agreement(comparison: Comparison, s: int, problem) -> None:
    assert comparison.guide is not None
    situation = comparison.guide.situations[s]
    names = {f.id: f.name for f in comparison.catalog.frameworks}
    ranking = rank(comparison, situation.answers, judged=False)
    score = dict(ranking)
    scores = ", ".join(f"{names[f]} {p}" for f, p in ranking)
    needed = needs_exception(ranking, situation.pick, situation.runner_up)
    given = [e.framework for e in situation.exceptions]
    for framework in needed:
        if framework not in given:
            than = preferred_to(score, framework, situation.pick, situation.runner_up)
            beats_pick = than == situation.pick
            role = "pick" if beats_pick else "runner-up"
            problem(
                ["situations", s, "pick" if beats_pick else "runner_up"],
                f"situation '{situation.id}': on its answers {names[framework]} scores "
                f"{score[framework]} and the {role} {names[than]} {score[than]} (the levels the "
                f"data claims: {scores}). Pick the top score, or add to `exceptions:` "
                f"{{framework: {framework}, text: why {names[than]} is preferred, rows: [the "
                "rows that show it]}",
            )
    for e, framework in enumerate(given):
        if framework in given[:e]:
            problem(["situations", s, "exceptions", e], f"a second exception for '{framework}'")
        elif framework not in needed and framework in score:
            problem(
                ["situations", s, "exceptions", e],
                f"situation '{situation.id}': {names[framework]} scores {score[framework]} on its "
                f"answers, below the pick and the runner-up ({scores}); this exception is no "
                "longer needed, delete it",
            )
