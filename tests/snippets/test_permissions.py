"""Contract for `permissions`: only the admin role may read the report."""

import json

import pytest

from tests.databases import empty_django_database
from tests.support import snippet_module, uses_django

PASSWORD = "correct horse battery staple"
URL = "/admin/report"


@pytest.fixture(autouse=True)
def database(monkeypatch):
    """The Django snippet keeps users and groups in an in-memory SQLite database; the tests that
    share its process (forked, one per snippet) each start with empty tables."""
    monkeypatch.setenv("DJANGO_DB_PATH", ":memory:")
    yield
    empty_django_database()


# alice is the admin; bob's role sorts after "admin" and carol's before it, so a role check that
# compares by order rather than equality lets one of them through.
ROLES = [("alice", "admin"), ("bob", "member"), ("carol", "accountant")]


def as_stored(text: str) -> str:
    """The string as it comes back from a database or a file: an object of its own, not the
    interned literal, so a role check by identity (`is`) fails as it would in production."""
    return json.loads(json.dumps(text))


@pytest.fixture
def users(http, framework):
    """The users of ROLES, each made the snippet's own way."""
    if uses_django(framework):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        for username, role in ROLES:
            user = get_user_model().objects.create_user(username, password=PASSWORD)
            user.groups.add(Group.objects.get_or_create(name=role)[0])
    else:
        module = snippet_module("permissions", framework)
        for username, role in ROLES:
            module.add_user(username, PASSWORD, as_stored(role))


def test_admin_reads_the_report(http, users):
    response = http.get(URL, auth=("alice", PASSWORD))

    assert response.status_code == 200
    assert response.json() == {"username": "alice", "role": "admin"}


@pytest.mark.parametrize("username", ["bob", "carol"])
def test_other_role_is_forbidden(http, users, username):
    response = http.get(URL, auth=(username, PASSWORD))

    assert response.status_code == 403
    assert "alice" not in response.text


# The Basic challenge of every 401 (the page's anonymous row): DRF's BasicAuthentication (and
# the Django Ninja snippet's handler, like it) names the realm "api", Flask-HTTPAuth names its
# default realm, and the other snippets send a bare "Basic".
CHALLENGE = {
    "django": 'Basic realm="api"',
    "django_ninja": 'Basic realm="api"',
    "flask": 'Basic realm="Authentication Required"',
    "quart": "Basic",
    "fastapi": "Basic",
    "litestar": "Basic",
    "starlette": "Basic",
}


@pytest.mark.parametrize(
    "credentials",
    [("alice", "wrong password"), ("mallory", PASSWORD)],
    ids=["wrong-password", "unknown-user"],
)
def test_wrong_credentials_are_unauthorized(http, framework, users, credentials):
    response = http.get(URL, auth=credentials)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE[framework]


def test_anonymous_caller_is_unauthorized(http, framework):
    response = http.get(URL)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE[framework]


def test_malformed_basic_credentials_are_unauthorized(http, framework):
    response = http.get(URL, headers={"Authorization": "Basic not base64!"})

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE[framework]


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
        'Digest username="alice", realm="x"',
        "Basic",
        "ApiKey c2VjcmV0",
    ],
    ids=["bearer", "digest", "basic-empty", "apikey"],
)
def test_another_scheme_is_unauthorized(http, framework, users, authorization):
    """Only Basic credentials are read: any other scheme is a 401 challenge, never a 500."""
    response = http.get(URL, headers={"Authorization": authorization})

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE[framework]


def test_starlette_scope_check_alone_answers_403_to_everyone():
    """Why the Starlette snippet stacks @requires("authenticated", status_code=401) on top of the
    role check: @requires cannot tell a caller without credentials from one without the scope."""
    from starlette.applications import Starlette
    from starlette.authentication import requires
    from starlette.middleware import Middleware
    from starlette.middleware.authentication import AuthenticationMiddleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    module = snippet_module("permissions", "starlette")

    @requires("admin")
    async def report(request):
        return PlainTextResponse("report")

    app = Starlette(
        routes=[Route(URL, report)],
        middleware=[Middleware(AuthenticationMiddleware, backend=module.BasicAuthBackend())],
    )
    with TestClient(app) as http:
        response = http.get(URL)

    assert response.status_code == 403
    assert response.text == "Forbidden"
    assert "www-authenticate" not in response.headers
