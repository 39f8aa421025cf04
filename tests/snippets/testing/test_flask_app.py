import pytest

from snippets.testing.flask_app import app


@pytest.fixture
def client():
    app.config.update(TESTING=True)
    return app.test_client()


def test_greets_by_name(client):
    response = client.get("/hello", query_string={"name": "Ada"})

    assert response.status_code == 200
    assert response.json == {"message": "Hello, Ada!"}


def test_greets_the_world_by_default(client):
    assert client.get("/hello").json == {"message": "Hello, world!"}


def test_greeting_comes_from_config(client, monkeypatch):
    monkeypatch.setitem(app.config, "GREETING", "Howdy")

    assert client.get("/hello?name=Ada").json == {"message": "Howdy, Ada!"}


def test_reverses_the_text(client):
    response = client.post("/reverse", json={"text": "stressed"})

    assert response.status_code == 200
    assert response.json == {"text": "desserts"}


@pytest.mark.parametrize("body", [{}, {"text": 42}, ["text"]])
def test_refuses_a_body_without_text(client, body):
    assert client.post("/reverse", json=body).status_code == 400


def test_refuses_a_body_that_is_not_json(client):
    response = client.post("/reverse", data="{oops", content_type="application/json")

    assert response.status_code == 400


def test_only_post_is_allowed(client):
    assert client.get("/reverse").status_code == 405
