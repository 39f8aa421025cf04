from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from snippets.testing.starlette_app import app


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


def test_greets_by_name(client):
    response = client.get("/hello", params={"name": "Ada"})

    assert response.status_code == 200
    assert response.json() == {"message": "Hello, Ada!"}


def test_greets_the_world_by_default(client):
    assert client.get("/hello").json() == {"message": "Hello, world!"}


def test_greeting_comes_from_the_app_state(client, monkeypatch):
    monkeypatch.setattr(app.state, "greeting", "Howdy")

    assert client.get("/hello", params={"name": "Ada"}).json() == {"message": "Howdy, Ada!"}


def test_reverses_the_text(client):
    response = client.post("/reverse", json={"text": "stressed"})

    assert response.status_code == 200
    assert response.json() == {"text": "desserts"}


@pytest.mark.parametrize("body", [{}, {"text": 42}, ["text"]])
def test_refuses_a_body_without_text(client, body):
    assert client.post("/reverse", json=body).status_code == 400


def test_refuses_a_body_that_is_not_json(client):
    response = client.post(
        "/reverse", content="{oops", headers={"content-type": "application/json"}
    )

    assert response.status_code == 400


def test_only_post_is_allowed(client):
    assert client.get("/reverse").status_code == 405
