"""Pages: every Python fence is run by Sybil, and look-alike fences that Sybil would skip are refused."""

from __future__ import annotations

import re

import pytest

from fieldguide.pages import _python_fences
from tests.docs_examples import SYBIL
from tests.support import ROOT

DOCS = sorted((ROOT / "docs").rglob("*.md"))
PYTHON_FENCE = re.compile(r"^(`{3,}|~{3,})python$")
SKIP = re.compile(r"<!--\s*skip:\s*(?P<what>\w+)(?P<rest>.*?)-->")


def python_fence_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if PYTHON_FENCE.match(line)]


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_pytest_hands_every_page_to_sybil(page):
    assert SYBIL.should_parse(page)


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_every_python_fence_is_collected_by_sybil(page):
    fences = python_fence_lines(page.read_text(encoding="utf-8"))
    document = SYBIL.parse(page)
    example_lines = [example.line for example in document.examples()]

    for start in fences:
        assert any(line > start for line in example_lines), (
            f"{page}:{start}: this ```python fence produced no Sybil example"
        )


def test_the_docs_have_executed_examples():
    total = sum(len(list(SYBIL.parse(page).examples())) for page in DOCS)
    assert total >= 5


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_no_fence_is_silently_skipped(page):
    assert _python_fences(page.name, page.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_skips_carry_a_reason(page):
    for match in SKIP.finditer(page.read_text(encoding="utf-8")):
        if match["what"] == "next":
            assert match["rest"].strip().strip('"'), f"{page}: skip without a reason"


@pytest.mark.parametrize(
    "opening",
    [
        "```py",
        "```python3",
        "``` python",
        '```python title="app.py"',
        '```python hl_lines="1"',
        "```{.python}",
        "~~~py",
        "```pycon",
        "````Python",
    ],
)
def test_look_alike_python_fences_are_refused(opening):
    page = f"# Page\n\n{opening}\nprint(1)\n```\n"

    problems = _python_fences("docs/x.md", page)

    assert [p.line for p in problems] == [3]
    assert "is not run by the tests" in problems[0].message


@pytest.mark.parametrize("opening", ["```python", "```text", "```bash", "```", "```json"])
def test_other_fences_pass(opening):
    assert _python_fences("docs/x.md", f"{opening}\nx = 1\n```\n") == []


def test_fences_inside_an_outer_fence_are_content_not_code():
    page = "````markdown\n```py\nprint(1)\n```\n````\n"
    assert _python_fences("docs/x.md", page) == []
