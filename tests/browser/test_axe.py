"""axe-core (vendored, see vendor/README.md) finds no accessibility violations on the pages
readers land on, in the light and the dark colour scheme."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE

PAGES = {
    "home": "",
    "task page": "tasks/request_validation/",
    "matrix": "compare/",
    "profile": "frameworks/django/",
    "decision guide": "guides/",
    "wizard with a result": "guides/wizard/?output=api&admin=yes",
}


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in found
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", list(PAGES.values()), ids=list(PAGES))
def test_no_axe_violations(page, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    page.wait_for_load_state("load")
    for details in page.locator("details").all()[:3]:
        details.locator("summary").click()  # open content is checked too
    assert violations(page) == []
