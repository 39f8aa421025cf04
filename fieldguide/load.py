"""Load and cross-check everything the site is built from.

`load_catalog(root)` returns the validated data or raises `InputError` listing every problem as
`path:line: message`. The build, the dev server and the tests all go through here, so an error
is reported the same way wherever it is found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from fieldguide import layout
from fieldguide.errors import InputError, Problem, relative
from fieldguide.models import Claim, Framework, Task
from fieldguide.snippet_source import snippet_problems
from fieldguide.support_cells import support_cell_problems
from fieldguide.yamlfile import line_of, plain, read_yaml, written

Model = TypeVar("Model", bound=BaseModel)

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{kind}.schema.json"


@dataclass(frozen=True)
class Catalog:
    root: Path
    frameworks: tuple[Framework, ...]
    tasks: dict[str, Task]
    # each data file as read, by repository-relative path: the lines of later checks' problems
    documents: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def framework(self, framework_id: str) -> Framework:
        return next(f for f in self.frameworks if f.id == framework_id)


def load_catalog(root: Path) -> Catalog:
    """Validate data/, snippets/ and their links; raise InputError with every problem found."""
    catalog, problems = read_catalog(root)
    if problems:
        raise InputError(problems)
    return catalog


def read_catalog(root: Path) -> tuple[Catalog, list[Problem]]:
    """The data that loaded, and the problems with the rest."""
    root = root.resolve()
    problems: list[Problem] = []
    frameworks = _load_kind(root, "frameworks", "framework", Framework, problems)
    tasks = _load_kind(root, "tasks", "task", Task, problems)
    problems += _check_frameworks(root, frameworks)
    problems += _check_tasks(root, frameworks, tasks)
    problems += _check_snippets(root, frameworks, tasks)
    ordered = tuple(sorted((f for f, _ in frameworks.values()), key=lambda f: f.order))
    documents = {layout.framework_data(k): d for k, (_, d) in frameworks.items()}
    documents |= {layout.task_data(k): d for k, (_, d) in tasks.items()}
    catalog = Catalog(
        root=root,
        frameworks=ordered,
        tasks={k: t for k, (t, _) in tasks.items()},
        documents=documents,
    )
    return catalog, problems


CLAIMS_FILE = layout.CLAIMS


def read_claims(root: Path) -> tuple[list[Claim], list[Problem]]:
    """The published benchmark figures, and the problems with them (`file:line: what`)."""
    path = root / CLAIMS_FILE
    if not path.is_file():
        return [], []
    document, problems = read_yaml(path, CLAIMS_FILE)
    if problems:
        return [], problems
    if document is None:
        return [], []
    if not isinstance(document, list):
        return [], [Problem(CLAIMS_FILE, 1, "expected a list of claims (each item starts with -)")]
    claims: list[Claim] = []
    seen: set[str] = set()
    for index, item in enumerate(document):
        line = line_of(document, [index])
        if not isinstance(item, dict):
            problems.append(Problem(CLAIMS_FILE, line, "each claim is a mapping of fields"))
            continue
        try:
            claim = Claim.model_validate(plain(item))
        except ValidationError as error:
            problems += [_explain(CLAIMS_FILE, item, e, Claim) for e in error.errors()]
            continue
        if claim.id in seen:
            problems.append(
                Problem(CLAIMS_FILE, line_of(item, ["id"]), f"claim id '{claim.id}' is used twice")
            )
            continue
        seen.add(claim.id)
        claims.append(claim)
    return claims, problems


def _load_kind[Model: BaseModel](
    root: Path, folder: str, kind: str, model: type[Model], problems: list[Problem]
) -> dict[str, tuple[Model, object]]:
    loaded: dict[str, tuple[Model, object]] = {}
    for path in sorted((root / layout.DATA / folder).glob("*.yml")):
        shown = relative(path, root)
        document, errors = read_yaml(path, shown)
        if errors:
            problems += errors
            continue
        first = path.read_text(encoding="utf-8").splitlines()[:1]
        expected = SCHEMA_LINE.format(kind=kind)
        if first != [expected]:
            problems.append(
                Problem(shown, 1, f"first line must be `{expected}` so editors check the file")
            )
        if not isinstance(document, dict):
            problems.append(Problem(shown, 1, f"expected a mapping of {kind} fields"))
            continue
        try:
            item = model.model_validate(plain(document))
        except ValidationError as error:
            problems += [_explain(shown, document, e, model) for e in error.errors()]
            continue
        if item.id != path.stem:  # type: ignore[attr-defined]
            problems.append(
                Problem(
                    shown,
                    line_of(document, ["id"]),
                    f"id '{item.id}' differs from the file name; "  # type: ignore[attr-defined]
                    f"rename the file to {item.id}.yml or set id: {path.stem}",  # type: ignore[attr-defined]
                )
            )
            continue
        loaded[path.stem] = (item, document)
    return loaded


def _explain(shown: str, document: object, error: dict, model: type[BaseModel]) -> Problem:
    location = [p for p in error["loc"]]
    line = line_of(document, location)
    where = ".".join(str(p) for p in location)
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = location[:-1]
        allowed = ", ".join(_allowed_fields(model, parent))
        message = f"unknown field '{location[-1]}'"
        if where != str(location[-1]):
            message += f" in {'.'.join(str(p) for p in parent)}"
        message += f"; allowed fields: {allowed}"
    elif kind == "missing":
        message = f"missing required field '{where}'"
    elif kind == "string_type" and (as_written := written(document, location)) is not None:
        read_as = _yaml_kind(error["input"])
        message = (
            f"{where}: YAML reads {as_written} as {read_as}, not text; quote it: '{as_written}'"
        )
    else:
        text = error["msg"].removeprefix("Value error, ")
        message = f"{where}: {text}" if where else text
    return Problem(shown, line, message)


def _yaml_kind(value: object) -> str:
    """What YAML made of an unquoted scalar that was meant as text."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, date):
        return "a date"
    return "something else"


def _allowed_fields(model: type[BaseModel], location: list) -> list[str]:
    """Field names (by alias) of the model found at `location` inside `model`."""
    current: type[BaseModel] = model
    for part in location:
        if isinstance(part, int):
            continue
        field = next(
            (f for name, f in current.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            # a dict key (a framework id, say): the value type is the model we want
            continue
        current = _inner_model(field.annotation) or current
    return [f.alias or name for name, f in current.model_fields.items()]


def _inner_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _check_frameworks(root: Path, frameworks: dict) -> list[Problem]:
    problems = []
    seen: dict[int, str] = {}
    for fid, (framework, document) in frameworks.items():
        if framework.order in seen:
            problems.append(
                Problem(
                    layout.framework_data(fid),
                    line_of(document, ["order"]),
                    f"order {framework.order} is already used by '{seen[framework.order]}'; "
                    "pick a free number",
                )
            )
        seen[framework.order] = fid
    return problems


def _check_tasks(root: Path, frameworks: dict, tasks: dict) -> list[Problem]:
    problems = []
    for tid, (task, document) in tasks.items():
        shown = layout.task_data(tid)
        problems += support_cell_problems(shown, document, task.support, frameworks)
        for fid, cell in task.support.items():
            if fid not in frameworks:
                continue
            snippet = cell.evidence.snippet if cell.evidence else None
            if snippet:
                expected = layout.snippet(tid, fid)
                snippet_line = line_of(document, ["support", fid, "evidence", "snippet"])
                if snippet != expected:
                    problems.append(
                        Problem(shown, snippet_line, f"snippet must be {expected} (got {snippet})")
                    )
                elif not (root / snippet).is_file():
                    problems.append(
                        Problem(
                            shown,
                            snippet_line,
                            f"evidence snippet {snippet} does not exist; create it "
                            "(`fieldguide new-task` writes a skeleton) or remove the line",
                        )
                    )
                else:
                    problems += snippet_problems(
                        root / snippet,
                        snippet,
                        frameworks[fid][0].app_attribute,
                        f"support.{fid}",
                        shown,
                        layout.framework_data(fid),
                    )
        problems += _duplicate_difference_ids(shown, document, task)
        for index, difference in enumerate(task.differences):
            for fid in difference.observed:
                cell = task.support.get(fid)
                if cell is None or not (cell.evidence and cell.evidence.snippet):
                    problems.append(
                        Problem(
                            shown,
                            line_of(document, ["differences", index, "observed", fid]),
                            f"difference '{difference.id}' lists '{fid}', which has no snippet "
                            "to test it against",
                        )
                    )
    return problems


def _duplicate_difference_ids(shown: str, document: Any, task: Task) -> list[Problem]:
    """Each difference becomes a heading with its id as HTML id: two alike break the links."""
    problems = []
    first: dict[str, int] = {}
    for index, difference in enumerate(task.differences):
        line = line_of(document, ["differences", index, "id"])
        if difference.id in first:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"difference id '{difference.id}' is used twice in this task (first on line "
                    f"{first[difference.id]}); the page gives each difference an HTML id, so "
                    "rename one",
                )
            )
        first.setdefault(difference.id, line)
    return problems


def _check_snippets(root: Path, frameworks: dict, tasks: dict) -> list[Problem]:
    """Every snippet file is claimed by exactly the data cell that names it.

    Snippets of a task whose data file did not load are skipped: the data error says it all."""
    problems = []
    unreadable = {p.stem for p in (root / layout.DATA / "tasks").glob("*.yml")} - set(tasks)
    claimed = {
        cell.evidence.snippet
        for task, _ in tasks.values()
        for cell in task.support.values()
        if cell.evidence and cell.evidence.snippet
    }
    for path in sorted((root / layout.SNIPPETS).glob("*/*.py")):
        shown = relative(path, root)
        task_id = path.parent.name
        if path.name == "__init__.py" or shown in claimed or task_id in unreadable:
            continue
        framework_id = path.stem.removesuffix("_app")
        if not path.stem.endswith("_app") or framework_id not in frameworks:
            problems.append(
                Problem(
                    shown,
                    1,
                    "snippet files are named <framework>_app.py with a known framework id "
                    f"({', '.join(sorted(frameworks))}); rename it",
                )
            )
        else:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"snippet has no data entry; set support.{framework_id}.evidence.snippet: "
                    f"{shown} in data/tasks/{task_id}.yml",
                )
            )
    return problems
