"""The decision wizard ranks as the guide's rules say, explains each point, and keeps its state
in the address so a result can be shared."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from fieldguide.compare import rank

WIZARD = "guides/wizard/"

# Answer sets a reader would give, with the frameworks the guide must put first for each (more
# than one when they tie on points; the page lists tied frameworks in data order).
CASES = {
    "admin-heavy product on a growing database": (
        {"output": "html", "admin": "yes", "database": "heavy", "size": "large"},
        {"django"},
    ),
    "typed public API": ({"output": "api", "typed": "yes"}, {"fastapi", "litestar"}),
    "real-time features": ({"output": "api", "realtime": "yes"}, {"fastapi", "litestar"}),
    "team new to Python building an admin": (
        {"output": "html", "admin": "yes", "team": "new", "database": "heavy"},
        {"django"},
    ),
    "typed API on a central database": (
        {"output": "api", "typed": "yes", "database": "heavy"},
        {"django_ninja"},
    ),
}


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


@pytest.mark.parametrize(("answers", "first"), list(CASES.values()), ids=list(CASES))
def test_wizard_ranks_as_the_rules_say(page, comparison, answers, first):
    page.goto(WIZARD)
    answer(page, answers)

    shown = ranking_on_page(page)
    expected = rank(comparison, {**defaults(comparison), **answers})
    assert shown == expected
    top = shown[0][1]
    assert {fw for fw, score in shown if score == top} == first, f"{answers}: {shown}"


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
