"""Checks on the Markdown pages that Markdown and Jinja would otherwise let slip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
import yaml
from jinja2 import meta

from fieldguide import layout
from fieldguide.errors import Problem, relative
from fieldguide.load import Catalog
from fieldguide.yamlfile import LineDict, LineList, read_yaml

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
PYTHON_WORDS = {"py", "python", "python3", "pycon", "pytb"}
PAGE_VARIABLES = {"page", "config", "navigation", "files"}
MKDOCS_FILE = "mkdocs.yml"


def front_matter(text: str) -> tuple[dict, int]:
    """The page's YAML front matter and the number of lines it takes (0 if none)."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---\n", 4)
    if end == -1:
        return {}, 0
    header = text[4:end]
    return yaml.safe_load(header) or {}, header.count("\n") + 2


def check_pages(root: Path, catalog: Catalog, macro_names: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    docs = root / layout.DOCS
    pages = sorted(docs.rglob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        shown = relative(page, root)
        meta_vars, _ = front_matter(text)
        problems += _python_fences(shown, text)
        problems += _undefined_variables(shown, text, macro_names | PAGE_VARIABLES | set(meta_vars))
        if page.parent == docs / "tasks":
            problems += _task_page(shown, text, meta_vars, page.stem, catalog)
    problems += _nav_twice(root)
    for task_id in sorted(catalog.tasks):
        if not (root / layout.task_page(task_id)).is_file():
            problems.append(
                Problem(
                    layout.task_data(task_id),
                    1,
                    f"task has no page; create {layout.task_page(task_id)} "
                    f"(`fieldguide new-task {task_id}` writes one)",
                )
            )
    return problems


def _nav_twice(root: Path) -> list[Problem]:
    """A page listed twice in mkdocs.yml's `nav:` shows twice in the menu (MkDocs says nothing).

    An unreadable mkdocs.yml is left to MkDocs, whose own error is the one to read."""
    path = root / MKDOCS_FILE
    if not path.is_file():
        return []
    document, errors = read_yaml(path, MKDOCS_FILE)
    if errors or not isinstance(document, LineDict) or "nav" not in document:
        return []
    problems = []
    first: dict[str, int] = {}
    for page, line in _nav_pages(document["nav"], document.key_lines["nav"]):
        if page in first:
            problems.append(
                Problem(
                    MKDOCS_FILE,
                    line,
                    f"{page} is already in the nav (line {first[page]}); list each page once: "
                    "remove this entry",
                )
            )
        first.setdefault(page, line)
    return problems


def _nav_pages(entry: object, line: int) -> Iterator[tuple[str, int]]:
    """The pages of a nav entry (a path, {title: path}, or a list of entries), with their lines;
    links to other sites are not pages."""
    if isinstance(entry, str):
        if "://" not in entry:
            yield entry, line
    elif isinstance(entry, LineList):
        for item, item_line in zip(entry, entry.item_lines, strict=True):
            yield from _nav_pages(item, item_line)
    elif isinstance(entry, LineDict):
        for key, value in entry.items():
            yield from _nav_pages(value, entry.key_lines[key])


def _task_page(shown: str, text: str, meta_vars: dict, stem: str, catalog: Catalog) -> list:
    task = meta_vars.get("task")
    line = _line_of_key(text, "task")
    if task is None:
        return [Problem(shown, 1, f"task pages need front matter `task: {stem}`")]
    if task not in catalog.tasks:
        if (catalog.root / layout.task_data(task)).is_file():
            return []  # the data file exists but has errors of its own, reported already
        return [
            Problem(
                shown,
                line,
                f"task '{task}' has no data file {layout.task_data(task)}; create it "
                f"(`fieldguide new-task {task}`) or fix the name",
            )
        ]
    if task != stem:
        return [
            Problem(shown, line, f"front matter task '{task}' must match the file name '{stem}'")
        ]
    return []


def _line_of_key(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _python_fences(shown: str, text: str) -> list[Problem]:
    """Sybil runs only fences whose info string is exactly `python`; flag look-alikes."""
    problems = []
    inside: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line)
        if not match:
            continue
        fence, info = match["fence"], match["info"]
        if inside is not None:
            if fence.startswith(inside) and not info.strip():
                inside = None
            continue
        inside = fence
        words = re.findall(r"[A-Za-z0-9_]+", info)
        if info != "python" and words and words[0].lower() in PYTHON_WORDS:
            problems.append(
                Problem(
                    shown,
                    number,
                    f"code fence info string '{info.strip()}' is not run by the tests; "
                    "write exactly ```python (or ```text for output that is not Python)",
                )
            )
    return problems


def _undefined_variables(shown: str, text: str, known: set[str]) -> list[Problem]:
    env = jinja2.Environment()
    try:
        parsed = env.parse(text)
    except jinja2.TemplateSyntaxError as error:
        return [Problem(shown, error.lineno or 1, f"template syntax error: {error.message}")]
    problems = []
    for name in sorted(meta.find_undeclared_variables(parsed) - known):
        problems.append(
            Problem(
                shown,
                _line_of_name(text, name),
                f"undefined macro or variable '{name}'; known macros: {', '.join(sorted(known))}",
            )
        )
    return problems


def _line_of_name(text: str, name: str) -> int:
    pattern = re.compile(r"(\{\{|\{%)[^}]*\b" + re.escape(name) + r"\b")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1
