"""Pages: every Python fence is run by Sybil, and look-alike fences that Sybil would skip are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldguide.pages import _python_fences
from tests.docs_examples import SYBIL
from tests.support import ROOT

DOCS = sorted((ROOT / "docs").rglob("*.md"))
PYTHON_FENCE = re.compile(r"^(`{3,}|~{3,})python$")
SKIP = re.compile(r"<!--\s*skip:\s*(?P<what>\w+)(?P<rest>.*?)-->")


def python_fence_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if PYTHON_FENCE.match(line)]


def python_fences(text: str) -> list[tuple[int, int]]:
    """Each ```python fence as (opening line, closing line); the closing line is the first later
    line of only the same fence character, at least as many (the page's last line if none)."""
    lines = text.splitlines()
    fences = []
    for start in python_fence_lines(text):
        opening = PYTHON_FENCE.match(lines[start - 1])[1]
        end = next(
            (
                n
                for n in range(start + 1, len(lines) + 1)
                if (closing := lines[n - 1].strip()).startswith(opening)
                and closing == opening[0] * len(closing)
            ),
            len(lines),
        )
        fences.append((start, end))
    return fences


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_pytest_hands_every_page_to_sybil(page):
    assert SYBIL.should_parse(page)


def fences_without_examples(page: Path) -> list[int]:
    """The opening lines of the page's ```python fences that have no Sybil example of their own,
    between their opening and closing lines (a code block's example is on the opening line, a
    doctest's on each `>>>` line)."""
    example_lines = [example.line for example in SYBIL.parse(page).examples()]
    return [
        start
        for start, end in python_fences(page.read_text(encoding="utf-8"))
        if not any(start <= line <= end for line in example_lines)
    ]


@pytest.mark.parametrize("page", DOCS, ids=[p.relative_to(ROOT).as_posix() for p in DOCS])
def test_every_python_fence_is_collected_by_sybil(page):
    assert fences_without_examples(page) == [], (
        f"{page}: these ```python fences produced no Sybil example"
    )


def test_a_fence_sybil_does_not_collect_is_reported_even_before_one_it_does(tmp_path):
    """A stray bare fence opens a block that Sybil closes with the python fence's closing line,
    so that fence is lost; the next one is collected. A plain code block counts as collected."""
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n```\n\n```python\n>>> 1 + 1\n2\n```\n\n"
        "```python\n>>> 2 + 2\n4\n```\n\n```python\nx = 1\n```\n",
        encoding="utf-8",
    )

    assert fences_without_examples(page) == [5]


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
