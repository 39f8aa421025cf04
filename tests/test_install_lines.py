"""Each tab's `pip install` line covers what its snippet imports, extras included.

Nothing is installed: the snippet's imports are checked against the dependency closure of the
listed requirements, read from the installed packages' metadata.
"""

from __future__ import annotations

import ast

import pytest

from tests.packages import closure, distributions_of, imported_modules
from tests.support import ROOT, cells_with_snippet

PRELOAD = ["flask", "fastapi", "django.core.wsgi", "django.http", "django.urls"]
CELLS = cells_with_snippet()


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
