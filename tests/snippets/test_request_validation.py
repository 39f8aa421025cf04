"""Contract for `request_validation`: create a user from a validated JSON body."""

import pytest

from tests.support import media_type

VALID = {"name": "Ada Lovelace", "email": "ada@example.org", "age": 36}


def test_valid_body_creates_the_user(http):
    response = http.post("/users", json=VALID)

    assert response.status_code == 201
    created = response.json()
    assert {k: created[k] for k in VALID} == VALID
    assert isinstance(created["id"], int)


def test_each_user_gets_a_new_id(http):
    first = http.post("/users", json=VALID).json()["id"]
    second = http.post("/users", json={**VALID, "email": "grace@example.org"}).json()["id"]

    assert second != first


# The status of a refused body (the page's invalid_values and missing_fields rows): 400 from DRF,
# Quart-Schema and Litestar; 422 from Django Ninja and FastAPI, and from the Flask and Starlette
# snippets, which choose it themselves.
REFUSED_STATUS = {
    "django": 400,
    "django_ninja": 422,
    "flask": 422,
    "quart": 400,
    "fastapi": 422,
    "litestar": 400,
    "starlette": 422,
}


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-email"), ("age", -1), ("age", "old"), ("name", ""), ("email", None)],
)
def test_invalid_field_is_rejected_and_named(http, framework, field, value):
    response = http.post("/users", json={**VALID, field: value})

    assert response.status_code == REFUSED_STATUS[framework]
    assert media_type(response) == "application/json"
    assert field in response.text


@pytest.mark.parametrize("missing", ["name", "email", "age"])
def test_missing_field_is_rejected_and_named(http, framework, missing):
    body = {k: v for k, v in VALID.items() if k != missing}
    response = http.post("/users", json=body)

    assert response.status_code == REFUSED_STATUS[framework]
    assert missing in response.text
