"""HTML and Markdown written from the data. The HTML comes from fieldguide/templates/, whose
autoescape escapes every string from data; the Markdown here escapes it with `esc` and `md_text`."""

from __future__ import annotations

import html
import json
import re
from textwrap import indent

from markupsafe import Markup

from fieldguide.compare import Comparison
from fieldguide.evidence import Status
from fieldguide.labels import LEVEL_LABELS, LEVEL_MEANINGS
from fieldguide.load import Catalog
from fieldguide.models import Level, Support, Task
from fieldguide.templating import render
from fieldguide.versions import (
    declared_support,
    distribution,
    framework_label,
    installed,
)

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}()#+!|~])")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def md_text(text: str) -> str:
    """Plain text made safe for Markdown: no HTML runs, no Markdown syntax is interpreted."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", esc(text))


def install_command(cell: Support) -> str:
    parts = [f'"{r}"' if "[" in r else r for r in cell.install]
    return "pip install " + " ".join(parts)


def framework_tabs(catalog: Catalog, task: Task) -> str:
    """Material content tabs, one per framework in data order, bodies included from snippets."""
    blocks = []
    for framework in catalog.frameworks:
        cell = task.support[framework.id]
        label = esc(framework.name)  # quote=True: a " in a name cannot end the tab's title
        if cell.evidence and cell.evidence.snippet:
            body = (
                f"```bash\n{install_command(cell)}\n```\n\n"
                f'```python title="{cell.evidence.snippet}"\n'
                f'--8<-- "{cell.evidence.snippet}"\n```\n'
            )
        else:
            body = (
                f'!!! note "{LEVEL_LABELS[cell.level]} in {label}"\n\n'
                + indent(md_text(cell.note or ""), "    ")
                + "\n"
            )
        blocks.append(f'=== "{label}"\n\n{indent(body, "    ")}')
    return "\n".join(blocks)


DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def support_table(site: Comparison, task: Task) -> str:
    rows = [
        (framework, task.support[framework.id], site.verdict(task.id, framework.id))
        for framework in site.catalog.frameworks
    ]
    return render("support_table.html", rows=rows)


def verified_with(site: Comparison, task: Task) -> str:
    """The versions each snippet runs with, and whether the test run before this build passed
    its contract (with the databases it ran on), read from the recorded outcomes: a one-line
    count, with the list per framework under it (shown open when a contract failed)."""
    snippets, passed, failed, places, pythons = [], 0, 0, set(), set()
    for framework in site.catalog.frameworks:
        cell = task.support[framework.id]
        if not (cell.evidence and cell.evidence.snippet):
            continue
        line = {
            "framework": framework.name,
            "packages": [
                (distribution(r), installed(r), _declared_lag(r, cell.install))
                for r in cell.install
            ],
        }
        judged = site.verdict(task.id, framework.id)
        if judged.status in (Status.tested, Status.failed) and judged.record:
            pythons.add(judged.record.python)
        if judged.status == Status.tested and judged.record:
            databases = [DATABASE_NAMES.get(d, d) for d in judged.record.databases]
            where = f" on {' and '.join(databases)}" if databases else ""
            places.add(where)
            passed += 1
            line |= {"outcome": "passed", "where": where, "date": judged.record.date[:10]}
        elif judged.status == Status.failed:
            failed += 1
            line["outcome"] = "failed"
        else:
            reason = judged.detail.partition("Not verified in this build: ")[2].rstrip(".")
            line |= {"outcome": "unverified", "reason": reason or "no test record"}
        snippets.append(line)
    return render(
        "verified_with.html",
        pythons=sorted(pythons),  # of the test run, not of this build
        snippets=snippets,
        passed=passed,
        failed=failed,
        where=places.pop() if len(places) == 1 and passed == len(snippets) else "",
    )


def _declared_lag(requirement: str, install: list[str]) -> str:
    """ "declares Django up to 6.0" when the package's classifiers stop below the installed
    release of a framework the same snippet installs (the rule in docs/conventions.md), else ""."""
    for framework in install:
        newest = declared_support(requirement, framework)
        if newest:
            return f"declares {framework_label(requirement, framework)} up to {newest}"
    return ""


def differences(catalog: Catalog, task: Task) -> str:
    shown = []
    for difference in task.differences:
        request = difference.request
        request_text = f"{request.method} {request.path}"
        request_text += "".join(f"\n{name}: {value}" for name, value in request.headers.items())
        if request.json_body is not None:
            request_text += "\n\n" + json.dumps(request.json_body, indent=2)
        if request.upload is not None:
            upload = request.upload
            request_text += (
                f"\nContent-Type: multipart/form-data\n\n{upload.field}: "
                f"{upload.filename} ({upload.size:,} bytes)"
            )
        answers = [
            (framework, observed, None if body is None else json.dumps(body, indent=2))
            for framework in catalog.frameworks
            if (observed := difference.observed.get(framework.id)) is not None
            for body in [observed.json_body]
        ]
        shown.append(
            {
                "heading": Markup(md_text(difference.title)),
                "id": difference.id,
                "request": request_text,
                "answers": answers,
            }
        )
    return render("differences.html", differences=shown)


def levels_table() -> str:
    return render("levels_table.html", levels=list(Level), meanings=LEVEL_MEANINGS)


def task_index(catalog: Catalog) -> str:
    return render(
        "task_index.html",
        frameworks=catalog.frameworks,
        tasks=sorted(catalog.tasks.values(), key=lambda t: t.title),
    )
