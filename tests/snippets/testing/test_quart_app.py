import pytest

from snippets.testing.quart_app import app

pytestmark = pytest.mark.anyio


@pytest.fixture
def client():
    app.config.update(TESTING=True)
    return app.test_client()


async def test_greets_by_name(client):
    response = await client.get("/hello", query_string={"name": "Ada"})

    assert response.status_code == 200
    assert await response.get_json() == {"message": "Hello, Ada!"}


async def test_greets_the_world_by_default(client):
    response = await client.get("/hello")

    assert await response.get_json() == {"message": "Hello, world!"}


async def test_greeting_comes_from_config(client, monkeypatch):
    monkeypatch.setitem(app.config, "GREETING", "Howdy")

    response = await client.get("/hello?name=Ada")

    assert await response.get_json() == {"message": "Howdy, Ada!"}


async def test_reverses_the_text(client):
    response = await client.post("/reverse", json={"text": "stressed"})

    assert response.status_code == 200
    assert await response.get_json() == {"text": "desserts"}


@pytest.mark.parametrize("body", [{}, {"text": 42}, ["text"]])
async def test_refuses_a_body_without_text(client, body):
    response = await client.post("/reverse", json=body)

    assert response.status_code == 400


async def test_refuses_a_body_that_is_not_json(client):
    response = await client.post(
        "/reverse", data="{oops", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400


async def test_only_post_is_allowed(client):
    response = await client.get("/reverse")

    assert response.status_code == 405
