"""The support-level rubric of docs/conventions.md#rubric, applied to one cell.

A cell's install line, set beside what `pip install <framework>` installs, says whether the
snippet needs another distribution for the task; the level and `package:` must agree with that.
A partial cell must name an existing test that checks the part the framework leaves undone.
Each problem is one line, `file:line: what is wrong; what to do`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from fieldguide import layout
from fieldguide.models import Level, Support
from fieldguide.yamlfile import line_of
from tests.packages import added_distributions
from tests.support import ROOT, catalog

RUBRIC = "docs/conventions.md#rubric"


def level_problems(task: str, framework: str, cell: Support) -> list[str]:
    """What in this cell breaks the rubric; empty when the level and package agree with it."""
    shown = layout.task_data(task)
    document = catalog().documents[shown]

    def at(*keys: str) -> str:
        return f"{shown}:{line_of(document, ['support', framework, *keys])}: support.{framework}"

    pip = f"`pip install {catalog().framework(framework).package}`"
    added = added_distributions(cell.install, catalog().framework(framework).package)
    incidental = {canonicalize_name(name) for name in cell.incidental}
    counted = {name: origin for name, origin in added.items() if name not in incidental}
    package = canonicalize_name(Requirement(cell.package).name) if cell.package else None
    listing = ", ".join(
        name if origin == name else f"{name} (from {origin})" for name, origin in counted.items()
    )
    problems = [
        f"{at('incidental', name)}.incidental names {name}, which its install line does not add "
        f"beyond {pip}; remove it from `incidental:`"
        for name in cell.incidental
        if canonicalize_name(name) not in added
    ]
    if package and package in incidental:
        problems.append(
            f"{at('incidental')}.incidental lists {package}, the cell's `package:`; the package "
            "that does the task is never incidental: remove it from `incidental:`"
        )
    if cell.level == Level.builtin and counted:
        problems.append(
            f"{at('level')} is 'builtin', but its install line adds {listing} beyond {pip}. Rate "
            "it 'plugin' with `package:` naming the one that does the task, or, if the snippet "
            "uses it for something the task does not ask for, list it under `incidental:` with "
            f"what it is for ({RUBRIC})"
        )
    if cell.level == Level.none and counted:
        problems.append(
            f"{at('level')} is 'none', but its snippet needs {listing} beyond {pip}: a package "
            "that does part of the task makes the cell 'partial' (with `gap_test:`) or 'plugin'; "
            f"list it under `incidental:` if the snippet uses it for something else ({RUBRIC})"
        )
    if cell.level == Level.plugin and not counted:
        problems.append(
            f"{at('level')} is 'plugin', but {pip} installs everything its install line needs "
            "for the task: rate it 'builtin' (or 'partial', with `gap_test:`) and remove "
            f"`package:` ({RUBRIC})"
        )
    elif package and cell.level in (Level.builtin, Level.none):
        problems.append(
            f"{at('package')} names `package: {cell.package}` on a '{cell.level}' cell; only a "
            "'plugin' or 'partial' cell names a package: remove it"
        )
    elif package and package not in counted:
        choices = (
            f"name the one of {', '.join(counted)} that does the task"
            if counted
            else ("remove `package:`")
        )
        problems.append(
            f"{at('package')} names `package: {cell.package}`, which its install line does not "
            f"add beyond {pip}: {choices} ({RUBRIC})"
        )
    if cell.gap_test:
        problems += gap_test_problems(at("gap_test"), cell.gap_test)
    return problems


def gap_test_problems(where: str, gap_test: str) -> list[str]:
    """The named test must exist: a module-level test function in that file."""
    file, _, name = gap_test.partition("::")
    path = ROOT / file
    fix = "name the test that checks the part the framework leaves to the snippet"
    if not path.is_file():
        return [f"{where}.gap_test names {gap_test}, but {file} does not exist; {fix}"]
    if name not in defined_tests(path):
        return [f"{where}.gap_test names {gap_test}, but {file} defines no {name}(); {fix}"]
    return []


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }
