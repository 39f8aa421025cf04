"""Contract for `routing`: a typed path parameter and an optional query parameter."""

import pytest


def test_path_parameter_is_converted_to_int(http):
    response = http.get("/items/42")

    assert response.status_code == 200
    assert response.json() == {"item_id": 42, "limit": 10}


@pytest.mark.parametrize("limit", [0, 5, 100])
def test_query_parameter_overrides_the_default(http, limit):
    assert http.get("/items/7", params={"limit": limit}).json() == {"item_id": 7, "limit": limit}


# /items/abc (the page's non_integer_path row): where the route itself says int (Django, Flask,
# Quart, Litestar, Starlette), no route matches, a 404; FastAPI and Django Ninja match the route
# and report a validation error, a 422.
NON_INTEGER_PATH_STATUS = {
    "django": 404,
    "django_ninja": 422,
    "flask": 404,
    "quart": 404,
    "fastapi": 422,
    "litestar": 404,
    "starlette": 404,
}


def test_non_integer_path_is_an_error(http, framework):
    assert http.get("/items/abc").status_code == NON_INTEGER_PATH_STATUS[framework]
