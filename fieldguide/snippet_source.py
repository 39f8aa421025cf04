"""What a snippet's source must hold, read with `ast` (nothing is imported): Python that parses,
some code, and the module-level assignment of the app that the tests and servers load."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from fieldguide.errors import Problem


def snippet_problems(
    path: Path, shown: str, app_attribute: str, cell: str, data_file: str, framework_file: str
) -> list[Problem]:
    """The problems of the snippet at `path` (shown as `shown`), which the cell `cell`
    (support.<framework>) of `data_file` names; `framework_file` sets its `app_attribute`."""
    text = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text, filename=shown)
    except SyntaxError as error:
        return [
            Problem(
                shown,
                error.lineno or 1,
                f"Python syntax error: {error.msg}; fix the code on this line so that the "
                "snippet parses",
            )
        ]
    if not tree.body:
        return [
            Problem(
                shown,
                1,
                f"the snippet is empty; write the app that {cell} in {data_file} describes, or "
                "remove its `snippet:` line there",
            )
        ]
    if app_attribute not in _assigned_names(tree):
        return [
            Problem(
                shown,
                1,
                f"no module-level `{app_attribute} = ...`; the tests and the servers load the app "
                f"by that name (app_attribute in {framework_file}), so assign it at the top "
                "level of the snippet",
            )
        ]
    return []


def _assigned_names(tree: ast.Module) -> set[str]:
    """Names the module's top-level statements assign (`x = ...`, `x: T = ...`, `x, y = ...`)."""
    return {name for name, _value in assignments(tree)}


def assignments(tree: ast.Module) -> Iterator[tuple[str, ast.expr | None]]:
    """Each name a top-level statement assigns, with the value assigned to it alone (None for a
    name unpacked from a tuple or list)."""
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        pending: list[tuple[ast.expr, ast.expr | None]] = [(t, value) for t in targets]
        while pending:
            target, assigned = pending.pop()
            if isinstance(target, ast.Name):
                yield target.id, assigned
            elif isinstance(target, ast.Tuple | ast.List):
                pending += [(element, None) for element in target.elts]
            elif isinstance(target, ast.Starred):
                pending.append((target.value, None))
