"""Every cell with a snippet has the level the rubric allows (docs/conventions.md#rubric).

From the cell's install line and the installed packages' metadata: a 'builtin' or 'none' cell
needs nothing beyond `pip install <framework>` for the task, a 'plugin' cell needs something
and names it in `package:`, and a 'partial' cell names the existing test that checks the part
the framework leaves to the snippet. The rubric's other half, whether the snippet writes part
of the task itself, is judged by people; these tests check what can be computed.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from fieldguide import layout
from fieldguide.models import Level, Support
from fieldguide.yamlfile import line_of
from tests.levels import level_problems
from tests.packages import imported_modules
from tests.support import ROOT, catalog, cells_with_snippet

CELLS = cells_with_snippet()


@pytest.mark.parametrize(
    ("task", "framework", "cell"), CELLS, ids=[f"{t}-{f}" for t, f, _ in CELLS]
)
def test_level_follows_the_rubric(task: str, framework: str, cell: Support) -> None:
    problems = level_problems(task, framework, cell)
    assert not problems, "\n".join(problems)


def cell(task: str, framework: str, **changes: object) -> Support:
    return catalog().tasks[task].support[framework].model_copy(update=changes)


def line(task: str, *keys: str) -> int:
    return line_of(catalog().documents[layout.task_data(task)], ["support", *keys])


def test_a_builtin_cell_whose_extra_pulls_in_a_package_is_reported() -> None:
    wrong = cell("templates", "litestar", level=Level.builtin, package=None)

    assert level_problems("templates", "litestar", wrong) == [
        f"data/tasks/templates.yml:{line('templates', 'litestar', 'level')}: support.litestar is "
        "'builtin', but its install line adds jinja2 (from litestar[jinja]) beyond `pip install "
        "litestar`. Rate it 'plugin' with `package:` naming the one that does the task, or, if "
        "the snippet uses it for something the task does not ask for, list it under "
        "`incidental:` with what it is for (docs/conventions.md#rubric)"
    ]


def test_a_package_a_framework_module_needs_counts_too() -> None:
    """FastAPI's UploadFile parses nothing without python-multipart, which the snippet never
    imports: the install line, not the imports, says what `pip install fastapi` lacks."""
    assert "multipart" not in imported_modules(ROOT / "snippets/file_uploads/fastapi_app.py")
    wrong = cell("file_uploads", "fastapi", level=Level.builtin, package=None)

    (problem,) = level_problems("file_uploads", "fastapi", wrong)
    assert "adds python-multipart beyond `pip install fastapi`" in problem


def test_a_plugin_cell_that_needs_nothing_more_is_reported() -> None:
    wrong = cell("hello", "flask", level=Level.plugin, package="flask-cors")

    assert level_problems("hello", "flask", wrong) == [
        f"data/tasks/hello.yml:{line('hello', 'flask', 'level')}: support.flask is 'plugin', but "
        "`pip install flask` installs everything its install line needs for the task: rate it "
        "'builtin' (or 'partial', with `gap_test:`) and remove `package:` "
        "(docs/conventions.md#rubric)"
    ]


def test_a_dependency_of_the_framework_is_no_plugin() -> None:
    """Hypercorn comes with `pip install quart`."""
    wrong = cell("deployment", "quart", level=Level.plugin, package="hypercorn")

    (problem,) = level_problems("deployment", "quart", wrong)
    assert "support.quart is 'plugin', but `pip install quart` installs everything" in problem


def test_a_package_the_install_line_does_not_add_is_reported() -> None:
    """SQLAlchemy comes with SQLModel; the cell names the package it installs."""
    wrong = cell("crud", "fastapi", package="sqlalchemy")

    assert level_problems("crud", "fastapi", wrong) == [
        f"data/tasks/crud.yml:{line('crud', 'fastapi', 'package')}: support.fastapi names "
        "`package: sqlalchemy`, which its install line does not add beyond `pip install "
        "fastapi`: name the one of sqlmodel that does the task "
        "(docs/conventions.md#rubric)"
    ]


def test_a_package_on_a_builtin_cell_is_reported() -> None:
    wrong = cell("hello", "fastapi", package="starlette")

    (problem,) = level_problems("hello", "fastapi", wrong)
    assert "names `package: starlette` on a 'builtin' cell" in problem


def test_a_none_cell_whose_snippet_uses_a_package_is_reported() -> None:
    wrong = cell("pagination_filtering", "starlette", level=Level.none, gap_test=None)

    (problem,) = level_problems("pagination_filtering", "starlette", wrong)
    assert problem.startswith(
        f"data/tasks/pagination_filtering.yml:{line('pagination_filtering', 'starlette', 'level')}"
        ": support.starlette is 'none', but its snippet needs sqlalchemy (from "
        "sqlalchemy[asyncio]), aiosqlite, pydantic beyond `pip install starlette`"
    )


def test_incidental_packages_must_come_from_the_install_line() -> None:
    wrong = cell("permissions", "litestar", incidental={"pwdlib": "hashes", "pyjwt": "tokens"})

    (problem,) = level_problems("permissions", "litestar", wrong)
    assert problem.endswith(
        "support.litestar.incidental names pyjwt, which its install line does not add beyond "
        "`pip install litestar`; remove it from `incidental:`"
    )


def test_the_package_that_does_the_task_is_never_incidental() -> None:
    wrong = cell("templates", "fastapi", incidental={"jinja2": "renders the page"})

    problems = level_problems("templates", "fastapi", wrong)
    assert any("lists jinja2, the cell's `package:`" in p for p in problems)


def test_a_gap_test_that_does_not_exist_is_reported() -> None:
    wrong = cell("routing", "starlette", gap_test="tests/snippets/test_routing.py::test_nothing")

    assert level_problems("routing", "starlette", wrong) == [
        f"data/tasks/routing.yml:{line('routing', 'starlette', 'gap_test')}: "
        "support.starlette.gap_test names tests/snippets/test_routing.py::test_nothing, but "
        "tests/snippets/test_routing.py defines no test_nothing(); name the test that checks the "
        "part the framework leaves to the snippet"
    ]


def test_a_gap_test_in_a_missing_file_is_reported() -> None:
    wrong = cell("routing", "starlette", gap_test="tests/snippets/test_nowhere.py::test_x")

    (problem,) = level_problems("routing", "starlette", wrong)
    assert "but tests/snippets/test_nowhere.py does not exist" in problem


def test_a_partial_cell_says_what_is_missing_and_which_test_shows_it() -> None:
    snippet = {"snippet": "snippets/routing/starlette_app.py"}
    with pytest.raises(ValidationError, match="needs a `note:` saying which part is left to you"):
        Support(level=Level.partial, install=["starlette"], evidence=snippet)
    with pytest.raises(ValidationError, match="needs `gap_test:` naming the test that checks"):
        Support(
            level=Level.partial,
            note="Queries are strings.",
            install=["starlette"],
            evidence=snippet,
        )
