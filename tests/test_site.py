"""The strict build is a test, and so is what it writes: tabs, includes, stamps, no third parties."""

from __future__ import annotations

import html
import html.parser
import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest

from fieldguide.compare_macros import comparison_of
from fieldguide.evidence import Status, outcomes_path, read_outcomes
from fieldguide.render import install_command
from fieldguide.versions import distribution
from tests.support import ROOT, catalog

RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]+)\""
    r"|<link\b[^>]*\bhref=\"([^\"]+)\"[^>]*>"
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site


def page(site: Path, task: str) -> str:
    return (site / "tasks" / task / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


TASKS = sorted(catalog().tasks)


@pytest.mark.parametrize("task", TASKS)
def test_tabs_follow_data_order_and_are_labelled_by_framework(site, task):
    labels = re.findall(r'<label for="__tabbed_1_\d+">([^<]+)</label>', page(site, task))
    assert labels == [f.name for f in catalog().frameworks]


@pytest.mark.parametrize("task", TASKS)
def test_each_tab_shows_the_whole_snippet_and_its_install_line(site, task):
    rendered = text_of(page(site, task))
    for framework in catalog().frameworks:
        cell = catalog().tasks[task].support[framework.id]
        if cell.evidence and cell.evidence.snippet:
            source = (ROOT / cell.evidence.snippet).read_text(encoding="utf-8")
            assert source.strip() in rendered, f"{cell.evidence.snippet} is not shown whole"
            assert install_command(cell) in rendered
        else:
            assert text_of(cell.note or "") in rendered


@pytest.mark.parametrize("task", TASKS)
def test_verified_with_states_the_installed_versions(site, task):
    stamp = text_of(
        re.search(r'<div class="fg-verified">.*?</div>', page(site, task), re.S).group(0)
    )
    listed = stamp.count("contract passed") + stamp.count("contract test failed")
    listed += stamp.count("not verified in this build")
    passed = stamp.count("contract passed")
    if passed or "contract test failed" in stamp:
        assert f"{passed} of {listed} snippets passed their contract" in stamp
    else:
        assert stamp.startswith(f"Not verified in this build: the contracts of these {listed} ")
    for framework in catalog().frameworks:
        cell = catalog().tasks[task].support[framework.id]
        if cell.evidence and cell.evidence.snippet:
            for requirement in cell.install:
                name = distribution(requirement)
                assert f"{name} {version(name)}" in stamp


@pytest.mark.parametrize("task", TASKS)
def test_every_difference_has_its_anchor(site, task):
    for difference in catalog().tasks[task].differences:
        assert f'id="{difference.id}"' in page(site, task)


def test_nothing_loads_from_a_third_party_host(site):
    offenders = []
    for path in site.rglob("*.html"):
        for match in RESOURCE.finditer(path.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            tag = match.group(0)
            if match.group(2) and not re.search(
                r'rel="(stylesheet|icon|preload|modulepreload|manifest)"', tag
            ):
                continue
            if re.match(r"(https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: {url}")
    for path in site.rglob("*.css"):
        for match in CSS_URL.finditer(path.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: {url}")
    assert offenders == []


def test_search_index_covers_every_task_page(site):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for task in TASKS:
        assert f'"location":"tasks/{task}/"' in index.replace(" ", "")


def test_the_build_reads_every_record_the_contract_tests_wrote(site):
    """The record the contract tests wrote (tests/outcomes.py) is the one the build reads
    (fieldguide/evidence.py): same format, same digest. Each cell judged *tested here* shows the
    badge once on the matrix, besides the legend's."""
    path = outcomes_path(ROOT)
    if not path.is_file():
        pytest.skip("no contract test ran before this build: there is no record to read")
    written = json.loads(path.read_text(encoding="utf-8"))["cells"]
    read = read_outcomes(ROOT)
    assert len(read) == len(written) > 0

    loaded = comparison_of(catalog())
    tested = [key for key in read if loaded.verdict(*key.split("/")).status == Status.tested]
    matrix = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert matrix.count('class="fg-how fg-how--tested"') == len(tested) + 1


class _Links(html.parser.HTMLParser):
    """The ids a page defines and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def _parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_internal_links(site: Path) -> list[str]:
    """Every relative link of every built page whose file or anchor does not exist."""
    site = site.resolve()
    pages = {path: _parsed(path) for path in site.rglob("*.html")}
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            target, _, anchor = href.partition("#")
            target = target.partition("?")[0]  # a query (the wizard's answers) names no file
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
                continue  # another site, mailto: and the like
            if not target:
                path = page
            elif target.startswith("/"):  # 404.html links from the site's root
                path = (site / target.lstrip("/")).resolve()
            else:
                path = (page.parent / target).resolve()
            if path.is_dir():
                path = path / "index.html"
            if path not in pages and not path.is_file():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif anchor and path in pages and anchor not in pages[path].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_internal_links(site) == []


def test_a_broken_link_or_anchor_is_found(tmp_path):
    """The check above can fail: a missing page and a missing anchor are both reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/?q=1">ok</a><a href="a/#here">ok</a><a href="a/#gone">x</a>'
        '<a href="b/">x</a><a href="b/?q=1">x</a>'
        '<a href="https://example.org/">elsewhere</a>'
    )
    assert broken_internal_links(tmp_path) == [
        "index.html: a/#gone (no such anchor)",
        "index.html: b/ (no such file)",
        "index.html: b/?q=1 (no such file)",
    ]
