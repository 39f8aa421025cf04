"""Contract for `auth_session`: log in with a form, see a private page, log out."""

import re

import pytest

from tests.databases import empty_django_database
from tests.support import client, snippet_module, uses_django

PASSWORD = "correct horse battery staple"
HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]+)"')


@pytest.fixture(autouse=True)
def database(monkeypatch):
    """The Django snippet keeps users and sessions in an in-memory SQLite database; the tests that
    share its process (forked, one per snippet) each start with empty tables."""
    monkeypatch.setenv("DJANGO_DB_PATH", ":memory:")
    yield
    empty_django_database()


def add_user(framework, username):
    """Create the user with each snippet's own means: Django's User model, or add_user()."""
    if uses_django(framework):
        from django.contrib.auth import get_user_model
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        get_user_model().objects.create_user(username, password=PASSWORD)
    else:
        snippet_module("auth_session", framework).add_user(username, PASSWORD)


@pytest.fixture
def alice(http, framework, monkeypatch):
    """Quart-Auth marks its cookie Secure by default, which a client on plain http://localhost
    never sends back (and Quart-Auth warns); the tests turn the flag off as a developer serving
    on plain HTTP would. test_quart_auth_cookie_is_secure_by_default checks the default."""
    if framework == "quart":
        monkeypatch.setattr(snippet_module("auth_session", framework).auth, "cookie_secure", False)
    add_user(framework, "alice")


def hidden_fields(page):
    """What a browser would send back from the page's form: Django's CSRF token, if any."""
    return dict(HIDDEN_INPUT.findall(page.text))


def log_in(http, password=PASSWORD, username="alice"):
    form = http.get("/login")
    assert form.status_code == 200
    assert "<form" in form.text
    fields = {**hidden_fields(form), "username": username, "password": password}
    return http.post("/login", data=fields)


# The redirect after logging in and after logging out: Django's views and Flask's and Quart's
# redirect() send a 302; the Starlette-based snippets (FastAPI, Starlette) and Litestar's set 303,
# which tells the browser to follow a POST with a GET.
REDIRECT_STATUS = {
    "django": 302,
    "django_ninja": 302,
    "flask": 302,
    "quart": 302,
    "fastapi": 303,
    "litestar": 303,
    "starlette": 303,
}


def test_login_redirects_to_the_private_page(http, framework, alice):
    response = log_in(http)

    assert response.status_code == REDIRECT_STATUS[framework]
    assert response.headers["location"] == "/private"


def test_session_cookie_opens_the_private_page(http, alice):
    log_in(http)

    response = http.get("/private")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Hello, alice" in response.text


def test_session_cookie_is_http_only_and_same_site_lax(http, alice):
    response = log_in(http)

    session_cookies = [c for c in response.headers.get_list("set-cookie") if "csrftoken" not in c]
    assert session_cookies
    for cookie in session_cookies:
        assert "httponly" in cookie.lower()
        assert "samesite=lax" in cookie.lower()


def test_username_is_escaped_on_the_page(http, framework, alice):
    """A username is the user's own text: written into HTML, it is escaped."""
    name = "<i>al&ice</i>"
    add_user(framework, name)
    log_in(http, username=name)

    page = http.get("/private")

    assert page.status_code == 200
    assert "Hello, &lt;i&gt;al&amp;ice&lt;/i&gt;" in page.text
    assert "<i>" not in page.text


def restore(http, cookies):
    http.cookies.clear()
    for cookie in cookies:
        http.cookies.jar.set_cookie(cookie)


def test_login_gives_a_new_session_id(http, framework, alice):
    """Session fixation: an attacker logs in as themselves and plants their session cookie in
    the victim's browser; the victim logs in. The attacker's copy, tried straight after the
    login, must not open the victim's session: every snippet gives the session a new id (or a
    new signed cookie) at login."""
    add_user(framework, "mallory")
    log_in(http, username="mallory")
    planted = list(http.cookies.jar)

    log_in(http)
    victims = list(http.cookies.jar)
    assert {c.name: c.value for c in victims} != {c.name: c.value for c in planted}

    restore(http, planted)
    assert "Hello, alice" not in http.get("/private").text
    restore(http, victims)
    assert "Hello, alice" in http.get("/private").text


def test_the_session_cookie_opens_the_page_on_every_request(http, alice):
    """A browser sends the same cookie with requests made at once (two tabs, a page and its
    assets): the session keeps its id between requests and changes it only at login."""
    log_in(http)
    cookies = list(http.cookies.jar)

    for _ in range(3):
        restore(http, cookies)
        assert "Hello, alice" in http.get("/private").text


# How a visitor without a session is turned away from /private (the page's anonymous_page row):
# a redirect to the login form from Django's login_required, Flask-Login, Quart's error handler
# (302) and Starlette's @requires(redirect=...) (303), or a 401 where there is no login page to
# send anyone to (Django Ninja's django_auth, FastAPI's dependency, Litestar's SessionAuth).
TURNED_AWAY = {
    "django": 302,
    "django_ninja": 401,
    "flask": 302,
    "quart": 302,
    "fastapi": 401,
    "litestar": 401,
    "starlette": 303,
}


def test_wrong_password_shows_the_form_again(http, framework, alice):
    response = log_in(http, password="wrong password")

    assert response.status_code == 200
    assert "correct username and password" in response.text
    assert "<form" in response.text
    assert http.get("/private").status_code == TURNED_AWAY[framework]


def test_logout_ends_the_session(http, framework, alice):
    log_in(http)
    page = http.get("/private")

    response = http.post("/logout", data=hidden_fields(page))

    assert response.status_code == REDIRECT_STATUS[framework]
    assert response.headers["location"] == "/login"
    assert http.get("/private").status_code == TURNED_AWAY[framework]


def test_anonymous_visitor_does_not_see_the_page(http, framework):
    response = http.get("/private")

    assert response.status_code == TURNED_AWAY[framework]
    assert "Hello" not in response.text


# Whether a copy of the session cookie taken before logout still logs in afterwards. Django
# (and so Django Ninja) deletes the server-side session; Flask and Starlette (FastAPI's sessions
# are Starlette's) keep the whole session in the signed cookie, which stays valid until it
# expires, and so does Quart-Auth's signed user id. Litestar's sessions are server-side. The
# page's "Logging out" section states this.
REPLAYED_COOKIE_WORKS = {
    "django": False,
    "django_ninja": False,
    "flask": True,
    "quart": True,
    "fastapi": True,
    "litestar": False,
    "starlette": True,
}


def test_cookie_copied_before_logout(http, framework, alice):
    log_in(http)
    copied = list(http.cookies.jar)
    http.post("/logout", data=hidden_fields(http.get("/private")))
    assert http.get("/private").status_code == TURNED_AWAY[framework]

    restore(http, copied)
    replayed = http.get("/private")

    assert (replayed.status_code == 200) is REPLAYED_COOKIE_WORKS[framework]


@pytest.mark.parametrize("snippet", ["litestar"])
def test_litestar_refuses_a_logged_in_post_without_the_csrf_token(snippet):
    """The CSRF middleware runs after SessionAuth: an anonymous POST is a 401 (the page's
    difference), a logged-in one without the token a 403, and the session survives it."""
    snippet_module("auth_session", snippet).add_user("alice", PASSWORD)
    with client("auth_session", snippet) as http:
        assert log_in(http).status_code == 303

        refused = http.post("/logout")

        assert refused.status_code == 403
        assert http.get("/private").status_code == 200


def test_quart_auth_cookie_is_secure_by_default():
    """Quart-Auth's cookie is Secure, HttpOnly and SameSite=Lax unless configured otherwise; set
    over plain HTTP it comes with a warning, and the client will not send it back."""
    module = snippet_module("auth_session", "quart")
    module.add_user("alice", PASSWORD)
    with client("auth_session", "quart") as http:
        with pytest.warns(UserWarning, match="Secure cookies will be ignored"):
            response = log_in(http)
        assert http.get("/private").status_code == 302

    [cookie] = response.headers.get_list("set-cookie")
    assert {"secure", "httponly", "samesite=lax"} <= {
        part.strip().lower() for part in cookie.split(";")
    }
