"""Contract for `testing`: the apps behave alike, and each framework's own tests pass.

The tests a reader would write live in tests/snippets/testing/ and are shown on the page:
pytest collects the Flask and FastAPI modules directly; Django's and Django Ninja's run under
Django's own test runner (`manage.py test`, here `python -m snippets.testing.django_app test`)
in a fresh process.
"""

import ast
import subprocess
import sys

import pytest

from tests.support import ROOT

READER_TESTS = ROOT / "tests" / "snippets" / "testing"


def test_hello_greets_by_name(http):
    response = http.get("/hello", params={"name": "Ada"})

    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Ada!"}


def test_hello_has_a_default_name(http):
    assert http.get("/hello").json() == {"message": "Hello, world!"}


def test_reverse_reverses(http):
    response = http.post("/reverse", json={"text": "stressed"})

    assert response.status_code == 200
    assert response.json() == {"text": "desserts"}


# A body without a text string (the page's wrong_type row): 400 from the Django, Flask, Quart and
# Starlette snippets, which check it by hand, and from Litestar's validation; 422 from FastAPI's
# and Django Ninja's.
NO_TEXT_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 400,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 400,
}


@pytest.mark.parametrize("body", [{}, {"text": 42}, ["text"], {"text": None}])
def test_reverse_refuses_a_body_without_text(http, framework, body):
    assert http.post("/reverse", json=body).status_code == NO_TEXT_STATUS[framework]


# Broken JSON is as above, except that Django Ninja fails to parse it before validating (400,
# "Cannot parse request body"); FastAPI reports it as a validation error (422, json_invalid).
BROKEN_JSON_STATUS = {
    "django": 400,
    "django_ninja": 400,
    "flask": 400,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 400,
}


def test_reverse_refuses_broken_json(http, framework):
    response = http.post("/reverse", content=b"{oops", headers={"content-type": "application/json"})

    assert response.status_code == BROKEN_JSON_STATUS[framework]


def test_methods_are_enforced(http):
    assert http.get("/reverse").status_code == 405
    assert http.post("/hello").status_code == 405


@pytest.mark.parametrize(
    ("snippet", "tests"),
    [("django_app", "django_tests"), ("django_ninja_app", "django_ninja_tests")],
)
def test_django_tests_pass_under_djangos_runner(snippet, tests):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            f"snippets.testing.{snippet}",
            "test",
            f"tests.snippets.testing.{tests}",
            "-v",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "Ran 7 tests" in result.stderr
    assert result.stderr.rstrip().endswith("OK")


@pytest.mark.parametrize(
    ("module", "count"),
    [
        ("django_tests.py", 7),
        ("django_ninja_tests.py", 7),
        ("test_flask_app.py", 7),
        ("test_quart_app.py", 7),
        ("test_fastapi_app.py", 7),
        ("test_litestar_app.py", 7),
        ("test_starlette_app.py", 7),
    ],
)
def test_every_framework_shows_its_own_tests(module, count):
    tree = ast.parse((READER_TESTS / module).read_text(encoding="utf-8"))
    tests = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    ]

    assert len(tests) == count
