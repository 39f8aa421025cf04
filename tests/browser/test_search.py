"""The site's own search (Material's lunr index, served locally) finds the pages readers want."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support import catalog

# (query, what the results must include): the matrix, which has a row for each, and the task
# page whose id contains the fragment. Task pages are written task by task; until one exists its
# case skips, saying so.
QUERIES = {
    "admin panel": "admin",
    "jwt": "auth_token",
    "websocket": "websocket",
    "background jobs": "background",
    "migrations": "migration",
}
CASES = [(query, "matrix") for query in QUERIES] + [(query, "task") for query in QUERIES]
CASES.append(("decision wizard", "wizard"))


def expected_page(query: str, kind: str) -> str | None:
    if kind == "matrix":
        return "compare/"
    if kind == "wizard":
        return "guides/wizard/"
    task = next((t for t in sorted(catalog().tasks) if QUERIES[query] in t), None)
    return f"tasks/{task}/" if task else None


def search(page, query: str) -> list[str]:
    page.goto("")
    box = page.locator("input.md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Initializing search")  # the index loads in a web worker
    box.press_sequentially(query)  # Material listens to key events, not to fill()
    expect(meta).to_contain_text("matching")  # "N matching documents" or "No matching ..."
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => new URL(a.href).pathname)"
    )


@pytest.mark.parametrize(("query", "kind"), CASES, ids=[f"{q}->{k}" for q, k in CASES])
def test_search_finds_the_page(page, built, query, kind):
    expected = expected_page(query, kind)
    if expected is None or not (built[0] / expected / "index.html").is_file():
        pytest.skip(f"no task page for {QUERIES[query]!r} is written yet (docs/tasks/)")
    found = search(page, query)
    assert f"/{expected}" in found, f"search for {query!r} found {found}"
