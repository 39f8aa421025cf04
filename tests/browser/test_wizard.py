"""The decision wizard ranks as the guide's rules say, explains each point, and keeps its state
in the address so a result can be shared."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from fieldguide.compare import load_comparison
from fieldguide.compare_render import wizard_query
from fieldguide.scores import rank
from tests.support import catalog

WIZARD = "guides/wizard/"
SITUATIONS = [s.id for s in load_comparison(catalog())[0].guide.situations]


def defaults(comparison) -> dict[str, str]:
    return {q.id: q.options[0].id for q in comparison.guide.questions}


def ranking_on_page(page) -> list[tuple[str, int]]:
    items = page.locator(".fg-ranking > li")
    items.first.wait_for()
    return [
        (
            items.nth(i).get_attribute("data-fw"),
            int(items.nth(i).locator(".fg-rank-score").inner_text().split()[0]),
        )
        for i in range(items.count())
    ]


def answer(page, answers: dict[str, str]) -> None:
    for question, option in answers.items():
        page.locator(f'input[name="{question}"][value="{option}"]').check()
    page.get_by_role("button", name="Rank").click()


@pytest.mark.parametrize("situation_id", SITUATIONS)
def test_each_guide_situation_opens_the_wizard_on_its_answers(page, comparison, situation_id):
    """The guide's link for a situation opens the wizard on that situation's answers; the
    ranking is the one fieldguide.scores computes (the guide's check holds the pick to it) and
    the wizard names the situation, with ties marked as ties."""
    situation = next(s for s in comparison.guide.situations if s.id == situation_id)
    page.goto("guides/")
    row = page.locator(f"tr#{situation.id}")
    link = row.get_by_role("link", name="open them in the wizard")
    assert link.get_attribute("href").endswith(
        f"wizard/?{wizard_query(comparison, situation.answers)}"
    )
    link.click()

    shown = ranking_on_page(page)
    assert shown == rank(comparison, situation.answers)
    note = page.locator(".fg-rank-situation")
    assert note.inner_text().startswith(
        f"These are the answers of the guide's situation {situation.title}"
    )
    items = page.locator(".fg-ranking > li")
    for i, (_framework, score) in enumerate(shown):
        tied = sum(1 for _, other in shown if other == score) > 1
        assert (items.nth(i).locator(".fg-rank-tie").count() == 1) == tied
        above = sum(1 for _, other in shown if other > score)
        assert items.nth(i).get_attribute("value") == str(above + 1)


def test_a_row_two_answers_weight_is_added_once(page, comparison):
    answers = {"output": "api", "typed": "yes"}  # both weight request validation and openapi
    page.goto(WIZARD)
    answer(page, answers)
    assert ranking_on_page(page) == rank(comparison, {**defaults(comparison), **answers})
    once = page.locator('.fg-ranking > li[data-fw="fastapi"] li.fg-rank-once')
    assert once.count() == 2
    assert once.first.locator("strong").inner_text() == "+0"
    assert "Not added again" in once.first.inner_text()


def test_every_point_is_explained_with_a_link(page, comparison, base_url):
    page.goto(WIZARD)
    answer(page, {"output": "api", "admin": "yes", "database": "heavy"})
    ranking_on_page(page)

    for item in page.locator(".fg-ranking > li").all():
        score = int(item.locator(".fg-rank-score").inner_text().split()[0])
        lines = item.locator("ul > li")
        points = [int(line.locator("strong").inner_text()) for line in lines.all()]
        assert sum(points) == score, "the lines must add up to the score"
        for line in lines.all():
            href = line.locator("a").get_attribute("href")
            assert href and not href.startswith("http"), href
            assert line.locator("a").inner_text(), "each line says which row produced it"
    first_link = page.locator(".fg-ranking a").first
    target = first_link.evaluate("a => a.href")
    assert target.startswith(base_url)
    response = page.request.get(target.split("#")[0])
    assert response.status == 200, target


def test_answers_go_into_the_address(page):
    page.goto(WIZARD)
    answer(page, {"output": "html", "admin": "yes"})
    ranking_on_page(page)
    assert "output=html" in page.url
    assert "admin=yes" in page.url


def test_state_is_restored_from_the_address(page, comparison):
    answers = {**defaults(comparison), "output": "api", "realtime": "yes", "typed": "yes"}
    page.goto(f"{WIZARD}?{urlencode(answers)}")

    assert ranking_on_page(page) == rank(comparison, answers)
    for question, option in answers.items():
        assert page.locator(f'input[name="{question}"][value="{option}"]').is_checked()


def test_unknown_answers_in_the_address_are_ignored(page):
    page.goto(f"{WIZARD}?output=<script>&admin=maybe")
    assert page.locator('input[name="output"]:checked').get_attribute("value") == "api"
    assert page.locator(".fg-ranking").count() == 0
