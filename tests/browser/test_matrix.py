"""The matrix shows the frameworks the reader picked, and the pick lives in the address."""

from __future__ import annotations

MATRIX = "compare/"


def visible_columns(page) -> list[str]:
    return [
        th.get_attribute("data-fw")
        for th in page.locator(".fg-matrix thead th[data-fw]").all()
        if th.is_visible()
    ]


def test_all_frameworks_show_by_default(page, comparison):
    page.goto(MATRIX)
    assert visible_columns(page) == [f.id for f in comparison.catalog.frameworks]


def test_the_address_picks_the_columns(page):
    page.goto(f"{MATRIX}?fw=django,fastapi")
    assert visible_columns(page) == ["django", "fastapi"]
    assert page.locator('.fg-matrix td[data-fw="flask"]').first.is_hidden()
    assert not page.locator('.fg-filter input[value="flask"]').is_checked()


def test_unticking_a_framework_hides_it_and_updates_the_address(page, comparison):
    rest = [f.id for f in comparison.catalog.frameworks if f.id != "flask"]
    page.goto(MATRIX)
    page.get_by_label("Flask", exact=True).uncheck()
    assert visible_columns(page) == rest
    assert page.url.endswith(f"?fw={','.join(rest)}")

    page.reload()
    assert visible_columns(page) == rest
    page.get_by_label("Flask", exact=True).check()
    assert "fw=" not in page.url


def test_each_cell_says_how_it_is_known(page, comparison):
    page.goto(MATRIX)
    row = next(r for r in comparison.rows if r.kind == "task")
    for framework in comparison.catalog.frameworks:
        cell = page.locator(f'tr[id="{row.id}"] td[data-fw="{framework.id}"]')
        judged = comparison.verdict(row.id, framework.id)
        if judged.status.value in ("tested", "documented"):
            assert cell.locator(f".fg-how--{judged.status.value}").count() == 1
        cell.locator("summary").click()
        assert cell.locator("details a").count() >= 1, "every cell links to its evidence"
