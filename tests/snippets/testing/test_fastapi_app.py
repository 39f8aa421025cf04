import pytest
from fastapi.testclient import TestClient

from snippets.testing.fastapi_app import app, get_greeting

client = TestClient(app)


def test_greets_by_name():
    response = client.get("/hello", params={"name": "Ada"})

    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Ada!"}


def test_greets_the_world_by_default():
    assert client.get("/hello").json() == {"message": "Hello, world!"}


def test_greeting_can_be_overridden():
    app.dependency_overrides[get_greeting] = lambda: "Howdy"
    try:
        response = client.get("/hello", params={"name": "Ada"})
    finally:
        app.dependency_overrides.clear()

    assert response.json() == {"message": "Howdy, Ada!"}


def test_reverses_the_text():
    response = client.post("/reverse", json={"text": "stressed"})

    assert response.status_code == 200
    assert response.json() == {"text": "desserts"}


@pytest.mark.parametrize("body", [{}, {"text": 42}, ["text"]])
def test_refuses_a_body_without_text(body):
    assert client.post("/reverse", json=body).status_code == 422


def test_refuses_a_body_that_is_not_json():
    response = client.post(
        "/reverse", content="{oops", headers={"content-type": "application/json"}
    )

    assert response.status_code == 422


def test_only_post_is_allowed():
    assert client.get("/reverse").status_code == 405
