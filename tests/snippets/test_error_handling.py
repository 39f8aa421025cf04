"""Contract for `error_handling`: one problem+json format (RFC 9457) for every kind of error."""

import pytest

from tests.support import client, isolation_marks, media_type, snippet_module

PROBLEM = "application/problem+json"


def assert_problem(response, status: int, title: str) -> dict:
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["title"] == title
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body


@pytest.mark.parametrize("snippet", [pytest.param("django", marks=isolation_marks("django"))])
def test_drf_handler_leaves_unexpected_exceptions_to_django(snippet):
    handler = snippet_module("error_handling", snippet).problem_handler

    assert handler(RuntimeError("bug"), {}) is None


def test_valid_order_is_created_as_plain_json(http):
    response = http.post("/orders", json={"item_id": 1, "quantity": 2})

    assert response.status_code == 201
    assert media_type(response) == "application/json"
    assert response.json() == {"item_id": 1, "quantity": 2}


@pytest.mark.parametrize("path", ["/nowhere", "/orders/1", "/static/x.css"])
def test_unknown_path_is_a_404_problem(http, path):
    assert_problem(http.get(path), 404, "Not Found")


def test_unknown_item_is_a_404_problem_naming_it(http):
    body = assert_problem(
        http.post("/orders", json={"item_id": 99, "quantity": 1}), 404, "Not Found"
    )

    assert body["detail"] == "Item 99 does not exist"


def test_application_exception_is_a_409_problem(http):
    body = assert_problem(http.post("/orders", json={"item_id": 2, "quantity": 1}), 409, "Conflict")

    assert body["detail"] == "Only 0 of item 2 left"


def test_wrong_method_is_a_405_problem_that_keeps_the_allow_header(http):
    response = http.get("/orders")

    assert_problem(response, 405, "Method Not Allowed")
    assert "POST" in response.headers["allow"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"item_id": 1, "quantity": 0}, ["quantity"]),
        ({"item_id": "one", "quantity": 1}, ["item_id"]),
        ({}, ["item_id", "quantity"]),
    ],
)
def test_validation_errors_are_a_422_problem_listing_each_field(http, body, fields):
    problem = assert_problem(http.post("/orders", json=body), 422, "Unprocessable Content")

    assert [error["field"] for error in problem["errors"]] == fields
    assert all(isinstance(error["message"], str) for error in problem["errors"])


def test_validation_problem_does_not_echo_the_input(http):
    secret = "do-not-echo-me"

    response = http.post("/orders", json={"item_id": secret, "quantity": 1})

    assert response.status_code == 422
    assert secret not in response.text


# A body that is not JSON keeps the framework's status (the page says which and why): a parse
# error is a 400 in Django, Django Ninja, Flask, Quart and Litestar; FastAPI and the Starlette
# snippet's Pydantic report it as a validation error, a 422.
MALFORMED_JSON_STATUS = {
    "django": 400,
    "django_ninja": 400,
    "flask": 400,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}


def test_malformed_json_is_a_problem_too(http, framework):
    response = http.post(
        "/orders", content=b'{"item_id": 1,', headers={"content-type": "application/json"}
    )

    assert response.headers["content-type"] == PROBLEM
    assert response.status_code == MALFORMED_JSON_STATUS[framework]
    assert response.json()["status"] == response.status_code


@pytest.mark.parametrize("body", [[1, 2], "an order"])
def test_quart_body_that_is_not_an_object_is_a_problem_naming_the_body(body):
    """Quart-Schema validates the parsed body itself, so an error about the whole body has an
    empty `loc`; the snippet names it `body`, as FastAPI's `loc` does."""
    with client("error_handling", "quart") as http:
        problem = assert_problem(http.post("/orders", json=body), 422, "Unprocessable Content")

    assert [error["field"] for error in problem["errors"]] == ["body"]


@pytest.mark.parametrize("body", [[1, 2], "an order"])
def test_a_body_that_is_not_an_object_is_a_422_problem(http, body):
    problem = assert_problem(http.post("/orders", json=body), 422, "Unprocessable Content")

    assert problem["errors"] and all(isinstance(e["message"], str) for e in problem["errors"])
