"""`file_tabs`: show tested files other than the main snippet (templates, tests, Dockerfiles).

`framework_tabs` shows each framework's `<framework>_app.py`. Some tasks have more files the
reader needs to see. This writes one Material tab per framework (labelled like framework_tabs,
so linked tabs stay in step) with one titled fence per file, included by pymdownx.snippets from
the file the tests use. Only files under `snippets/` or `tests/snippets/` can be shown.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import indent

from fieldguide import layout
from fieldguide.errors import InputError, Problem
from fieldguide.load import Catalog
from fieldguide.render import esc

SHOWABLE_ROOTS = (f"{layout.SNIPPETS}/", f"{layout.CONTRACTS}/")
LANGUAGES = {
    ".py": "python",
    ".html": "html",
    ".toml": "toml",
    ".txt": "text",
    ".cfg": "ini",
    ".ini": "ini",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".sh": "bash",
}


def language(path: str) -> str:
    name = Path(path).name
    if name == "Dockerfile" or name.endswith(".Dockerfile"):
        return "dockerfile"
    return LANGUAGES.get(Path(path).suffix, "text")


def file_tabs(catalog: Catalog, page: str, files: dict[str, str | list[str]]) -> str:
    known = {f.id for f in catalog.frameworks}
    problems = []
    for framework, paths in files.items():
        if framework not in known:
            problems.append(Problem(page, 1, f"file_tabs: unknown framework '{framework}'"))
        for path in [paths] if isinstance(paths, str) else paths:
            target = (catalog.root / path).resolve()
            inside = target.is_relative_to(catalog.root)
            if not path.startswith(SHOWABLE_ROOTS) or not inside or ".." in Path(path).parts:
                problems.append(
                    Problem(page, 1, f"file_tabs: {path} is not under snippets/ or tests/snippets/")
                )
            elif not target.is_file():
                problems.append(Problem(page, 1, f"file_tabs: {path} does not exist"))
    if problems:
        raise InputError(problems)
    blocks = []
    for framework in catalog.frameworks:
        if framework.id not in files:
            continue
        paths = files[framework.id]
        fences = "\n".join(
            f'```{language(path)} title="{esc(path)}"\n--8<-- "{path}"\n```\n'
            for path in ([paths] if isinstance(paths, str) else paths)
        )
        label = esc(framework.name)  # escapes quotes too, so a name cannot end the tab title
        blocks.append(f'=== "{label}"\n\n{indent(fences, "    ")}')
    return "\n".join(blocks)
