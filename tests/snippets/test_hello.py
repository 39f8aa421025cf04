"""Contract for `hello`: the smallest app answers GET /hello with JSON."""

from tests.support import media_type


def test_hello_answers_json(http):
    response = http.get("/hello")

    assert response.status_code == 200
    assert media_type(response) == "application/json"
    assert response.json() == {"message": "Hello, World!"}


def test_other_paths_are_not_found(http):
    assert http.get("/nope").status_code == 404
