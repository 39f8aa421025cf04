"""`fieldguide new-task`: write a task's skeleton so a contributor starts from a passing shape."""

from __future__ import annotations

from pathlib import Path

from fieldguide import layout
from fieldguide.errors import InputError, Problem
from fieldguide.load import load_catalog
from fieldguide.models import TASK_ID

TASK_DATA = """\
# yaml-language-server: $schema=../schema/task.schema.json
id: {task}
title: {title}
summary: One sentence on what the reader will see done in each framework.
support:
{cells}"""

CELL = """\
  {framework}:
    level: unknown
    note: Not written yet; see CONTRIBUTING.md to add this framework's snippet.
"""

TASK_PAGE = """\
---
task: {task}
---

# {title}

{{{{ verified_with() }}}}

Say here what the task is and what the reader should compare.

## Code {{ #code }}

{{{{ framework_tabs() }}}}

## Support

{{{{ support_table() }}}}
"""

CONTRACT_TEST = '''\
"""Contract for the {task} task: every framework's snippet must pass the same assertions."""

from tests.support import snippet_params

FRAMEWORKS = snippet_params("{task}")
'''


def new_task(root: Path, task: str, title: str) -> list[Path]:
    if not TASK_ID.match(task):
        raise InputError(
            [Problem("<command line>", 1, f"task id '{task}' must match [a-z][a-z0-9_]*")]
        )
    catalog = load_catalog(root)
    targets = {
        root / layout.task_data(task): TASK_DATA.format(
            task=task,
            title=title,
            cells="".join(CELL.format(framework=f.id) for f in catalog.frameworks),
        ),
        root / layout.task_page(task): TASK_PAGE.format(task=task, title=title),
        root / layout.SNIPPETS / task / "__init__.py": "",
        root / layout.contract(task): CONTRACT_TEST.format(task=task),
    }
    existing = [p for p in targets if p.exists()]
    if existing:
        raise InputError(
            [
                Problem(str(p.relative_to(root)), 1, "already exists; pick another id")
                for p in existing
            ]
        )
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    add_to_nav(root / "mkdocs.yml", f"tasks/{task}.md")
    return [*targets, root / "mkdocs.yml"]


def add_to_nav(mkdocs_yml: Path, page: str) -> None:
    """Insert the page after the last task page in `nav:` (text edit: keeps comments)."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if line.strip().startswith("- tasks/"))
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {page}\n")
    mkdocs_yml.write_text("".join(lines), encoding="utf-8")
