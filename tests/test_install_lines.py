"""Each tab's `pip install` line covers what its snippet imports, extras included.

Nothing is installed: the snippet's imports are checked against the dependency closure of the
listed requirements, read from the installed packages' metadata.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, requires

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support import ROOT, catalog

PRELOAD = ["flask", "fastapi", "django.core.wsgi", "django.http", "django.urls"]
CELLS = [
    (task.id, framework, cell)
    for task in catalog().tasks.values()
    for framework, cell in task.support.items()
    if cell.evidence and cell.evidence.snippet
]


@cache
def _providers() -> dict[str, list[str]]:
    return packages_distributions()


def distributions_of(module: str) -> set[str]:
    return {canonicalize_name(d) for d in _providers().get(module, [])}


@cache
def _dependencies(name: str) -> tuple[str, ...]:
    try:
        return tuple(requires(name) or ())
    except PackageNotFoundError:
        return ()


def closure(requirements: list[str]) -> tuple[set[str], dict[str, str]]:
    """Distributions the requirements install, and {distribution: 'pkg[extra]'} for the
    distributions an unrequested extra of one of them would add."""
    installed: set[str] = set()
    optional: dict[str, str] = {}
    pending = [Requirement(r) for r in requirements]
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        installed.add(name)
        for line in _dependencies(name):
            dependency = Requirement(line)
            marker = dependency.marker
            if marker is None or any(
                marker.evaluate({"extra": extra}) for extra in {"", *requirement.extras}
            ):
                pending.append(dependency)
            elif "extra" in str(marker):
                for extra in _extras_in(str(marker)):
                    if marker.evaluate({"extra": extra}):
                        optional.setdefault(
                            canonicalize_name(dependency.name), f"{requirement.name}[{extra}]"
                        )
    return installed, {d: e for d, e in optional.items() if d not in installed}


def _extras_in(marker: str) -> list[str]:
    return [part.split('"')[1] for part in marker.split("extra ==")[1:] if '"' in part]


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"snippets"}


@pytest.mark.parametrize(
    ("task", "framework", "cell"), CELLS, ids=[f"{t}-{f}" for t, f, _ in CELLS]
)
def test_install_line_covers_every_import(task, framework, cell):
    installed, _ = closure(cell.install)
    for module in imported_modules(ROOT / cell.evidence.snippet):
        providers = distributions_of(module)
        assert providers, (
            f"{cell.evidence.snippet} imports {module}, which no installed package provides"
        )
        assert providers & installed, (
            f"{cell.evidence.snippet} imports {module} ({', '.join(sorted(providers))}), "
            f"which `pip install {' '.join(cell.install)}` does not bring in; add it to "
            f"support.{framework}.install in data/tasks/{task}.yml"
        )


# Packages a snippet needs at run time without importing them itself: the traps readers hit.
# (what the snippet uses, how to spot it in the source, the distribution that must be installed)
RUNTIME_NEEDS = [
    ("EmailStr", lambda src, tree: "EmailStr" in _names(tree), "email-validator"),
    (
        "SQLAlchemy's asyncio extension",
        lambda src, tree: "sqlalchemy.ext.asyncio" in src,
        "greenlet",
    ),
    ("async views in Flask", lambda src, tree: "Flask(" in src and _has_async_def(tree), "asgiref"),
    (
        "FastAPI form and file parameters",
        lambda src, tree: {"Form", "File", "UploadFile"} & _names(tree) and "fastapi" in src,
        "python-multipart",
    ),
    (
        "Starlette's SessionMiddleware",
        lambda src, tree: "SessionMiddleware" in _names(tree),
        "itsdangerous",
    ),
    ("Jinja2Templates", lambda src, tree: "Jinja2Templates" in _names(tree), "jinja2"),
]


def _names(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        alias.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for alias in n.names
    }


def _has_async_def(tree: ast.AST) -> bool:
    return any(isinstance(n, ast.AsyncFunctionDef) for n in ast.walk(tree))


@pytest.mark.parametrize(
    ("task", "framework", "cell"), CELLS, ids=[f"{t}-{f}" for t, f, _ in CELLS]
)
def test_install_line_has_the_extras_the_snippet_needs(task, framework, cell):
    installed, optional = closure(cell.install)
    source = (ROOT / cell.evidence.snippet).read_text(encoding="utf-8")
    tree = ast.parse(source)
    for what, uses, needed in RUNTIME_NEEDS:
        if uses(source, tree):
            hint = optional.get(needed, needed)
            assert needed in installed, (
                f"{cell.evidence.snippet} uses {what}, which needs {needed}; "
                f"add {hint} to support.{framework}.install in data/tasks/{task}.yml"
            )


def test_the_extras_check_catches_a_missing_extra():
    _, optional = closure(["fastapi", "pydantic"])
    assert optional.get("email-validator") == "pydantic[email]"
    installed, optional = closure(["fastapi", "pydantic[email]"])
    assert "email-validator" in installed
    assert "email-validator" not in optional


def test_a_missing_extra_is_reported_with_the_fix():
    source = (ROOT / "snippets/request_validation/fastapi_app.py").read_text()
    tree = ast.parse(source)
    installed, optional = closure(["fastapi", "pydantic"])
    needs = [needed for _, uses, needed in RUNTIME_NEEDS if uses(source, tree)]

    assert needs == ["email-validator"]
    assert "email-validator" not in installed
    assert optional["email-validator"] == "pydantic[email]"
