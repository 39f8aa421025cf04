"""Browser tests: the built site served on loopback, driven by Debian's chromium via Playwright.

`playwright install` is not used: the browser is the system's `chromium` (`.ci/run` installs it
with apt). Without it these tests skip with that reason. The site is built once per session
into a temporary folder (or taken from `FIELDGUIDE_BROWSER_SITE`, an already built site) and
served by Python's http.server in a thread on 127.0.0.1 and a free port: nothing leaves the
machine, as for a reader offline.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from fieldguide.compare import Comparison
from fieldguide.compare_macros import comparison_of
from fieldguide.load import load_catalog
from tests.support import ROOT

HERE = Path(__file__).parent
AXE = HERE / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the browser tests and run them last, after the contract tests have recorded their
    outcomes, so the site they build says *tested here* where this run proved it."""
    browser = [item for item in items if HERE in Path(str(item.path)).parents]
    for item in browser:
        item.add_marker(pytest.mark.browser)
    items[:] = [item for item in items if item not in browser] + browser


def chromium_path() -> str | None:
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def built(request: pytest.FixtureRequest) -> tuple[Path, Comparison]:
    """The built site, and the comparison (with the outcomes) it was built from."""
    if chromium_path() is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; CI does)")
    comparison = comparison_of(load_catalog(ROOT))
    prebuilt = os.environ.get("FIELDGUIDE_BROWSER_SITE")
    if prebuilt:
        return Path(prebuilt), comparison
    return request.getfixturevalue("built_site"), comparison


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(built: tuple[Path, Comparison]) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built[0]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def browser(built) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    """A fresh context per test: no localStorage or cookies carried between tests."""
    context = browser.new_context(base_url=base_url, service_workers="block")
    context.set_default_timeout(15_000)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            errors.append(f"request left loopback: {request.url}")
            if not request.url.startswith((base_url, "data:", "blob:"))
            else None
        ),
    )
    yield page
    context.close()
    assert errors == [], "the page raised errors or requested another host"


@pytest.fixture(scope="session")
def comparison(built) -> Comparison:
    return built[1]
