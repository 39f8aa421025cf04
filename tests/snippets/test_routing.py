"""Contract for `routing`: a typed path parameter and an optional query parameter."""

import pytest


def test_path_parameter_is_converted_to_int(http):
    response = http.get("/items/42")

    assert response.status_code == 200
    assert response.json() == {"item_id": 42, "limit": 10}


@pytest.mark.parametrize("limit", [0, 5, 100])
def test_query_parameter_overrides_the_default(http, limit):
    assert http.get("/items/7", params={"limit": limit}).json() == {"item_id": 7, "limit": limit}


def test_non_integer_path_is_an_error(http):
    assert http.get("/items/abc").status_code in (404, 422)
