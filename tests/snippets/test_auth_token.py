"""Contract for `auth_token`: log in for a JWT, then call a protected endpoint with it."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from tests.databases import empty_django_database
from tests.support import isolation_marks, snippet_module, uses_django

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def database(monkeypatch):
    """The Django snippet keeps users in an in-memory SQLite database; the tests that
    share its process (forked, one per snippet) each start with empty tables."""
    monkeypatch.setenv("DJANGO_DB_PATH", ":memory:")
    yield
    empty_django_database()


@pytest.fixture
def alice(http, framework):
    """Create the user with each snippet's own means: Django's User model, or add_user()."""
    if uses_django(framework):
        from django.contrib.auth import get_user_model
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        return get_user_model().objects.create_user("alice", password=PASSWORD)
    snippet_module("auth_token", framework).add_user("alice", PASSWORD)
    return "alice"


def stored_hash(framework, alice):
    if uses_django(framework):
        return alice.password
    return snippet_module("auth_token", framework).users["alice"]


def signed_token(framework, alice, exp=None, sub=None):
    """A token signed with the key and algorithm the snippet itself uses, for `alice` unless
    another `sub` is given, without an `exp` claim when `exp` is None."""
    module = snippet_module("auth_token", framework)
    if uses_django(framework):
        from django.conf import settings

        key, alice_sub = settings.SECRET_KEY, str(alice.pk)
    elif framework == "flask":
        key, alice_sub = module.app.config["SECRET_KEY"], alice
    else:
        key, alice_sub = module.SECRET_KEY, alice
    claims = {"sub": sub or alice_sub}
    if exp is not None:
        claims["exp"] = exp
    if framework == "litestar":  # Litestar's Token refuses a JWT without an iat claim
        claims["iat"] = datetime.now(UTC) - timedelta(minutes=1)
    return jwt.encode(claims, key, algorithm=module.ALGORITHM)


def log_in(http, password=PASSWORD, username="alice"):
    return http.post("/token", data={"username": username, "password": password})


def assert_refused(response):
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"].startswith("application/json")
    assert "username" not in response.json()


def test_login_returns_a_bearer_token_that_expires(http, alice):
    response = log_in(http)

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    lifetime = datetime.fromtimestamp(claims["exp"], UTC) - datetime.now(UTC)
    assert timedelta(minutes=29) < lifetime <= timedelta(minutes=30)


def test_token_opens_the_protected_endpoint(http, alice):
    token = log_in(http).json()["access_token"]

    response = http.get("/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json() == {"username": "alice"}


def test_password_is_stored_as_an_argon2_hash(framework, http, alice):
    stored = stored_hash(framework, alice)

    assert "argon2id" in stored.split("$")[:2]
    assert PASSWORD not in stored


@pytest.mark.parametrize(
    ("username", "password"), [("alice", "wrong password"), ("mallory", PASSWORD)]
)
def test_wrong_credentials_get_no_token(http, alice, username, password):
    response = log_in(http, password=password, username=username)

    assert_refused(response)
    assert "access_token" not in response.json()


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer",
        "Bearer not-a-jwt",
        "Basic YWxpY2U6c2VjcmV0",
        "Bearer eyJhbGciOiJub25lIn0.e30.",
    ],
    ids=["missing", "empty", "garbage", "basic", "alg-none"],
)
def test_missing_or_malformed_token_is_refused(http, authorization):
    headers = {"Authorization": authorization} if authorization else {}

    assert_refused(http.get("/me", headers=headers))


# Litestar's JWT middleware takes whatever follows the first space of the header as the token,
# whatever the scheme before it (litestar/security/jwt/middleware.py); the page says so.
ANY_SCHEME_ACCEPTED = {"litestar"}


@pytest.mark.parametrize("scheme", ["Token", "JWT", "bearerx"])
def test_a_valid_token_under_another_scheme(framework, http, alice, scheme):
    """Only `Bearer` carries the token (RFC 6750): the others refuse a good token under another
    scheme, including one that sorts after "bearer". Litestar's login also sets the token as a
    cookie, which its backend accepts: it is dropped, so only the header speaks."""
    token = log_in(http).json()["access_token"]
    http.cookies.clear()

    response = http.get("/me", headers={"Authorization": f"{scheme} {token}"})

    if framework in ANY_SCHEME_ACCEPTED:
        assert response.status_code == 200
    else:
        assert_refused(response)


def test_tampered_token_is_refused(http, alice):
    token = log_in(http).json()["access_token"]
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"

    assert_refused(http.get("/me", headers={"Authorization": f"Bearer {forged}"}))


def test_token_is_accepted_until_it_expires(framework, http, alice):
    now = datetime.now(UTC)
    fresh = signed_token(framework, alice, now + timedelta(minutes=1))
    expired = signed_token(framework, alice, now - timedelta(seconds=1))

    assert http.get("/me", headers={"Authorization": f"Bearer {fresh}"}).status_code == 200
    assert_refused(http.get("/me", headers={"Authorization": f"Bearer {expired}"}))


def test_token_without_expiry_is_refused(framework, http, alice):
    forever = signed_token(framework, alice)

    assert "exp" not in jwt.decode(forever, options={"verify_signature": False})
    assert_refused(http.get("/me", headers={"Authorization": f"Bearer {forever}"}))


def test_token_for_an_unknown_user_is_refused(framework, http, alice):
    """A validly signed token whose `sub` names nobody: Django's users are keyed by id."""
    unknown = "999999" if uses_django(framework) else "mallory"
    token = signed_token(framework, alice, datetime.now(UTC) + timedelta(minutes=1), sub=unknown)

    assert_refused(http.get("/me", headers={"Authorization": f"Bearer {token}"}))


def test_token_of_a_user_who_can_no_longer_log_in_is_refused(framework, http, alice):
    """Django deactivates a user (`is_active=False`); the other snippets remove the user from
    their dictionary. A token issued before stops working at once, not when it expires."""
    token = log_in(http).json()["access_token"]
    if uses_django(framework):
        alice.is_active = False
        alice.save()
    else:
        del snippet_module("auth_token", framework).users["alice"]

    assert_refused(http.get("/me", headers={"Authorization": f"Bearer {token}"}))


@pytest.mark.parametrize(
    "snippet", [pytest.param("django_ninja", marks=isolation_marks("django_ninja"))]
)
def test_ninja_answers_401_without_a_challenge_unless_told(snippet):
    """Why the Django Ninja snippet handles AuthenticationError itself: Ninja's own 401 carries no
    WWW-Authenticate header, which RFC 6750 asks for."""
    snippet_module("auth_token", snippet)  # configures Django before Ninja is imported
    from django.test import RequestFactory
    from ninja import NinjaAPI
    from ninja.errors import AuthenticationError

    response = NinjaAPI(urls_namespace="bare").on_exception(
        RequestFactory().get("/me"), AuthenticationError()
    )

    assert response.status_code == 401
    assert "WWW-Authenticate" not in response
