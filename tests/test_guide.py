"""The wizard's scores and the decision guide: one scoring function, a row counted once, and a
guide that `fieldguide check` refuses when it contradicts the matrix."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fieldguide.compare import Comparison, load_comparison
from fieldguide.compare_render import score_groups, situations_table, wizard_data, wizard_query
from fieldguide.guide_checks import guide_problems
from fieldguide.load import load_catalog
from fieldguide.models import Level, PickException
from fieldguide.scores import answer_lines, counted, needs_exception, rank
from tests.sandbox import copy_inputs
from tests.support import catalog
from tests.test_compare import a_tested_cell, record


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    found, problems = load_comparison(catalog())
    assert problems == []
    return replace(found, outcomes={})


def problems_of(comparison: Comparison, **situation_changes) -> list[str]:
    """The guide's problems with the first situation changed."""
    guide = comparison.guide
    first = guide.situations[0].model_copy(update=situation_changes)
    changed = replace(
        comparison,
        guide=guide.model_copy(update={"situations": [first, *guide.situations[1:]]}),
    )
    frameworks = {f.id for f in comparison.catalog.frameworks}
    return [
        p.message for p in guide_problems(changed, None, frameworks, {r.id for r in changed.rows})
    ]


def test_failed_cells_score_nothing_in_the_wizard(comparison):
    row, framework, cell = a_tested_cell()
    answers = {"output": "api"}
    failed = replace(comparison, outcomes=record(row, framework, cell, outcome="failed"))
    before = dict(rank(comparison, answers))[framework]
    after = dict(rank(failed, answers))[framework]
    assert before - after == 2 * 3  # request_validation weighs 2 for an API; built in = 3
    assert dict(rank(failed, answers, judged=False))[framework] == before  # the claimed level


def test_a_row_weighted_by_two_answers_counts_once_at_the_larger_weight(comparison):
    # a JSON API weights request validation 2, typed contracts weight it 1
    answers = {"output": "api", "typed": "yes"}
    lines = answer_lines(comparison, answers)
    fastapi = [x for x in lines if x.framework == "fastapi" and x.row == "request_validation"]
    assert [x.weight for x in fastapi] == [2, 1]
    assert [x.weight for x in counted(fastapi)] == [2]
    level = comparison.row("request_validation").support["fastapi"].level
    assert level == Level.builtin
    alone = dict(rank(comparison, {"output": "api"}))["fastapi"]
    together = dict(rank(comparison, answers))["fastapi"]
    extra = {"openapi", "request_validation"}  # weighted by both answers: no new points
    typed_only = sum(
        x.points
        for x in counted(answer_lines(comparison, {"typed": "yes"}))
        if x.framework == "fastapi" and x.row not in extra
    )
    assert together == alone + typed_only


def test_the_wizard_data_adds_up_to_the_ranking_with_each_row_once(comparison):
    data = wizard_data(comparison)
    answers = {"output": "api", "typed": "yes", "size": "large", "team": "new"}
    totals = {f["id"]: 0 for f in data["frameworks"]}
    best: dict[tuple[str, str], dict] = {}
    for question in data["questions"]:
        for line in question["options"].get(answers.get(question["id"]), []):
            assert line["href"].startswith(("tasks/", "compare/#"))
            key = (line["fw"], line["row"])
            if key not in best or line["weight"] > best[key]["weight"]:
                best[key] = line
    for line in best.values():
        totals[line["fw"]] += line["points"]
    assert sorted(totals.items(), key=lambda kv: -kv[1]) == rank(comparison, answers)


def test_who_needs_an_exception():
    ranking = [("litestar", 23), ("ninja", 20), ("fastapi", 19), ("django", 17), ("flask", 17)]
    assert needs_exception(ranking, "litestar", "ninja") == []
    assert needs_exception(ranking, "fastapi", "ninja") == ["litestar", "ninja"]
    assert needs_exception(ranking, "litestar", "django") == ["ninja", "fastapi"]  # flask ties
    assert needs_exception([("a", 5), ("b", 5)], "a", "b") == ["b"]  # a tie is not a pick


def test_every_shipped_situation_agrees_with_the_matrix(comparison):
    for situation in comparison.guide.situations:
        ranking = rank(comparison, situation.answers, judged=False)
        needed = needs_exception(ranking, situation.pick, situation.runner_up)
        assert sorted(e.framework for e in situation.exceptions) == sorted(needed), situation.id


def test_a_pick_below_the_top_score_without_an_exception_is_refused(comparison):
    situation = comparison.guide.situations[0]
    ranking = rank(comparison, situation.answers, judged=False)
    last = ranking[-1][0]
    found = problems_of(comparison, pick=last, exceptions=[])
    top = ranking[0][0]
    name = comparison.catalog.framework(top).name
    assert any(
        f"on its answers {name} scores {ranking[0][1]} and the pick" in m
        and f"{{framework: {top}," in m
        for m in found
    ), found


def test_an_exception_no_framework_needs_is_refused(comparison):
    situation = comparison.guide.situations[0]
    ranking = rank(comparison, situation.answers, judged=False)
    low = ranking[-1][0]
    stale = PickException(framework=low, text="It is fine.", rows=["admin"])
    found = problems_of(comparison, exceptions=[*situation.exceptions, stale])
    assert any("this exception is no longer needed, delete it" in m for m in found), found


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({}, "answer every question, so the wizard can be asked: missing output"),
        ({"colour": "blue"}, "unknown question 'colour'"),
        ({"admin": False}, None),  # YAML's unquoted no: refused by the model, see below
        ({"admin": "maybe"}, "'maybe' is not an option of 'admin'"),
    ],
)
def test_situation_answers_must_be_the_wizards(comparison, answers, message):
    if message is None:
        with pytest.raises(ValueError, match="valid string"):
            comparison.guide.situations[0].model_validate(
                {**comparison.guide.situations[0].model_dump(), "answers": answers}
            )
        return
    found = problems_of(comparison, answers=answers)
    assert any(message in m for m in found), found


@pytest.mark.parametrize(
    "text", ["Litestar scores the same on these rows.", "It outscores the pick.", "Ranks higher."]
)
def test_reasons_compare_no_scores_in_words(comparison, text):
    situation = comparison.guide.situations[0]
    reason = situation.reasons[0].model_copy(update={"text": text})
    found = problems_of(comparison, reasons=[reason, *situation.reasons[1:]])
    assert any("never compares scores in words" in m for m in found), found


def test_a_contradicting_guide_file_is_refused_with_its_line(tmp_path):
    repo = copy_inputs(tmp_path / "repo")
    guide = repo / "data/guides/guide.yml"
    text = guide.read_text(encoding="utf-8")
    first = text.index("    pick: ")
    line = text[:first].count("\n") + 1
    pick = text[first:].split("\n", 1)[0].split(": ")[1]
    guide.write_text(text[:first] + text[first:].replace(f"pick: {pick}", "pick: quart", 1))
    problems = [str(p) for p in load_comparison(load_catalog(repo))[1]]
    assert any(p.startswith(f"data/guides/guide.yml:{line}: situation '") for p in problems), (
        problems
    )


def test_ties_read_as_ties_and_the_wizard_link_carries_the_answers(comparison):
    assert score_groups([("A", 5), ("B", 5), ("C", 3)]) == [(["A", "B"], 5), (["C"], 3)]
    situation = comparison.guide.situations[0]
    query = wizard_query(comparison, situation.answers)
    assert query.count("=") == len(comparison.guide.questions)
    html = situations_table(comparison, "../")
    assert f'href="../guides/wizard/?{query.replace("&", "&amp;")}"' in html
    for situation in comparison.guide.situations:
        row = html.split(f'<tr id="{situation.id}">')[1].split("</tr>")[0]
        for exception in situation.exceptions:
            name = comparison.catalog.framework(exception.framework).name
            assert f"Why not {name} (" in row
