"""Contract for `cors`: one allowed origin gets CORS headers and preflight answers; others don't."""

import pytest

ALLOWED = "https://app.example.org"
OTHERS = ["https://evil.example", "http://app.example.org", "https://app.example.org.evil.example"]
ACAO = "access-control-allow-origin"

# flask-cors sends its header even to requests without an Origin (its always_send option).
HEADER_WITHOUT_ORIGIN = {
    "django": False,
    "django_ninja": False,
    "flask": True,
    "quart": False,
    "fastapi": False,
    "litestar": False,
    "starlette": False,
}


def preflight(http, origin: str, method: str = "DELETE"):
    return http.options(
        "/api/items/1",
        headers={"Origin": origin, "Access-Control-Request-Method": method},
    )


def test_allowed_origin_gets_the_header(http):
    response = http.get("/api/items", headers={"Origin": ALLOWED})

    assert response.status_code == 200
    assert response.headers[ACAO] == ALLOWED
    assert response.json() == {"1": "teapot", "2": "kettle"}


@pytest.mark.parametrize("origin", OTHERS)
def test_other_origins_get_no_header_but_the_same_answer(http, origin):
    response = http.get("/api/items", headers={"Origin": origin})

    assert response.status_code == 200
    assert ACAO not in response.headers
    assert "access-control-allow-credentials" not in response.headers


def test_request_without_origin(http, framework):
    response = http.get("/api/items")

    assert response.status_code == 200
    assert (ACAO in response.headers) is HEADER_WITHOUT_ORIGIN[framework]


# The status of an accepted preflight: Litestar's CORS middleware answers with an empty 204,
# the others with 200 (the page's preflight_allowed row).
PREFLIGHT_ALLOWED_STATUS = {
    "django": 200,
    "django_ninja": 200,
    "flask": 200,
    "quart": 200,
    "fastapi": 200,
    "litestar": 204,
    "starlette": 200,
}


def test_preflight_from_allowed_origin_allows_delete(http, framework):
    response = preflight(http, ALLOWED)

    assert response.status_code == PREFLIGHT_ALLOWED_STATUS[framework]
    assert response.headers[ACAO] == ALLOWED
    methods = {m.strip() for m in response.headers["access-control-allow-methods"].split(",")}
    assert "DELETE" in methods


# A refused preflight: django-cors-headers, flask-cors and quart-cors let the framework's own
# OPTIONS answer (200) go out without CORS headers; Starlette's middleware (FastAPI's too) and
# Litestar's refuse it with a 400 (the page's preflight_other_origin row).
PREFLIGHT_REFUSED_STATUS = {
    "django": 200,
    "django_ninja": 200,
    "flask": 200,
    "quart": 200,
    "fastapi": 400,
    "litestar": 400,
    "starlette": 400,
}


@pytest.mark.parametrize("origin", OTHERS)
def test_preflight_from_other_origin_gets_no_permission(http, framework, origin):
    response = preflight(http, origin)

    assert response.status_code == PREFLIGHT_REFUSED_STATUS[framework]
    assert ACAO not in response.headers


def test_allowed_cross_origin_delete_succeeds_with_the_header(http):
    response = http.delete("/api/items/2", headers={"Origin": ALLOWED})

    assert response.status_code == 204
    assert response.headers[ACAO] == ALLOWED
    assert "2" not in http.get("/api/items").json()
