"""Contract for `admin`: a list page behind a login, with search and a filter.

Each admin has its own URLs and login, so the test keeps a small map of them per framework;
the assertions are the same for every framework. Every test runs on an empty database (forked)."""

import re
from dataclasses import dataclass

import pytest

from tests.databases import (
    ASYNC_SQLITE,
    database_client,
    database_marks,
    insert_with_a_sync_engine,
)
from tests.support import frameworks_with_snippet, snippet_module, uses_django


def on_a_database(test):
    """Database tests run forked (see tests/databases.py); the last test of the module does not,
    so pytest's own bookkeeping of the module runs in the parent process."""
    for mark in database_marks("admin"):
        test = mark(test)
    return test


USERNAME = "editor"
PASSWORD = "a long admin password for the tests"
BOOKS = [
    {"title": "Middlemarch", "author": "George Eliot", "year": 1871, "in_print": True},
    {"title": "Romola", "author": "George Eliot", "year": 1863, "in_print": False},
    {"title": "Mrs Dalloway", "author": "Virginia Woolf", "year": 1925, "in_print": True},
]
TITLES = {book["title"] for book in BOOKS}


@dataclass(frozen=True)
class AdminUI:
    list_url: str
    search: str
    in_print_only: dict
    out_of_print_only: dict


DJANGO_ADMIN = AdminUI(
    "/admin/bookshop/book/", "q", {"in_print__exact": "1"}, {"in_print__exact": "0"}
)
SQLADMIN = AdminUI("/admin/book/list", "search", {"in_print": "true"}, {"in_print": "false"})
UI = {
    "django": DJANGO_ADMIN,
    "django_ninja": DJANGO_ADMIN,
    "flask": AdminUI(
        "/admin/book/", "search", {"flt0_in_print_equals": "1"}, {"flt0_in_print_equals": "0"}
    ),
    "fastapi": SQLADMIN,
    "starlette": SQLADMIN,
}


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    """Flask, FastAPI and Starlette read the admin's credentials from the environment at import."""
    monkeypatch.setenv("ADMIN_USERNAME", USERNAME)
    monkeypatch.setenv("ADMIN_PASSWORD", PASSWORD)


def seed(framework):
    """The admin user (Django keeps users in its database) and three books, through each ORM."""
    module = snippet_module("admin", framework)
    if uses_django(framework):
        from django.contrib.auth import get_user_model

        from snippets.admin.bookshop.models import Book

        get_user_model().objects.create_superuser(USERNAME, password=PASSWORD)
        Book.objects.bulk_create(Book(**book) for book in BOOKS)
    elif framework == "flask":
        with module.app.app_context():
            module.db.session.add_all(module.Book(**book) for book in BOOKS)
            module.db.session.commit()
    elif framework in ASYNC_SQLITE:
        insert_with_a_sync_engine([module.Book(**book) for book in BOOKS])
    else:
        from sqlalchemy.orm import Session

        with Session(module.engine) as session:
            session.add_all(module.Book(**book) for book in BOOKS)
            session.commit()


@pytest.fixture
def admin_http(framework, database):
    with database_client("admin", framework) as http:
        seed(framework)
        yield http


def log_in(http, framework, password=PASSWORD):
    """Log in as a person would: Django's and SQLAdmin's login forms, Flask's Basic auth."""
    if framework == "flask":
        http.auth = (USERNAME, password)
        return http.get("/admin/book/")
    login_url = "/admin/login/" if uses_django(framework) else "/admin/login"
    form = http.get(login_url)
    assert form.status_code == 200
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.text))
    fields.update(username=USERNAME, password=password)
    return http.post(login_url, data=fields, follow_redirects=False)


def titles_on(page) -> set[str]:
    """Titles shown as the text of an element (a cell or a link), whitespace allowed around."""
    return {title for title in TITLES if re.search(rf">\s*{title}\s*<", page.text)}


def assert_refused(response, framework):
    """Django and SQLAdmin redirect a visitor who is not logged in to their login page; the
    Flask snippet answers 401 with the Basic challenge that makes a browser ask for a login."""
    if framework == "flask":
        assert response.status_code == 401
        assert response.headers.get("www-authenticate", "").startswith("Basic ")
    else:
        assert response.status_code == 302
        assert "/admin/login" in response.headers["location"]


@on_a_database
def test_list_page_needs_a_login(admin_http, framework):
    response = admin_http.get(UI[framework].list_url, follow_redirects=False)

    assert_refused(response, framework)
    assert titles_on(response) == set()


# How each admin answers a login with the wrong password: Django's login page comes back (200),
# Flask's Basic challenge is sent again (401), SQLAdmin (FastAPI, Starlette) answers 400.
WRONG_PASSWORD_STATUS = {
    "django": 200,
    "django_ninja": 200,
    "flask": 401,
    "fastapi": 400,
    "starlette": 400,
}


@on_a_database
def test_wrong_password_is_refused(admin_http, framework):
    response = log_in(admin_http, framework, password="wrong")

    assert response.status_code == WRONG_PASSWORD_STATUS[framework]
    assert_refused(admin_http.get(UI[framework].list_url, follow_redirects=False), framework)


@on_a_database
def test_logged_in_list_shows_every_book(admin_http, framework):
    log_in(admin_http, framework)

    page = admin_http.get(UI[framework].list_url)

    assert page.status_code == 200
    assert titles_on(page) == TITLES


@pytest.mark.parametrize(
    ("term", "expected"),
    [("eliot", {"Middlemarch", "Romola"}), ("dalloway", {"Mrs Dalloway"}), ("tolstoy", set())],
)
@on_a_database
def test_search_matches_title_or_author(admin_http, framework, term, expected):
    log_in(admin_http, framework)
    ui = UI[framework]

    page = admin_http.get(ui.list_url, params={ui.search: term})

    assert page.status_code == 200
    assert titles_on(page) == expected


@on_a_database
def test_filter_by_a_boolean_field(admin_http, framework):
    log_in(admin_http, framework)
    ui = UI[framework]

    in_print = admin_http.get(ui.list_url, params=ui.in_print_only)
    out_of_print = admin_http.get(ui.list_url, params=ui.out_of_print_only)

    assert titles_on(in_print) == {"Middlemarch", "Mrs Dalloway"}
    assert titles_on(out_of_print) == {"Romola"}


@on_a_database
def test_search_and_filter_combine(admin_http, framework):
    log_in(admin_http, framework)
    ui = UI[framework]

    page = admin_http.get(ui.list_url, params={ui.search: "eliot", **ui.in_print_only})

    assert titles_on(page) == {"Middlemarch"}


@on_a_database
def test_search_input_is_escaped(admin_http, framework):
    log_in(admin_http, framework)
    ui = UI[framework]

    page = admin_http.get(ui.list_url, params={ui.search: "<script>alert(1)</script>"})

    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text


def log_out(http, framework):
    """Django logs out with a POST carrying the CSRF token, SQLAdmin with a GET; with Basic auth
    the browser simply stops sending the credentials."""
    if uses_django(framework):
        token = http.cookies["csrftoken"]
        return http.post("/admin/logout/", data={"csrfmiddlewaretoken": token})
    if framework in ("fastapi", "starlette"):
        return http.get("/admin/logout", follow_redirects=False)
    http.auth = None
    return None


@on_a_database
def test_logging_out_closes_the_list_page(admin_http, framework):
    log_in(admin_http, framework)
    assert admin_http.get(UI[framework].list_url).status_code == 200

    log_out(admin_http, framework)

    assert_refused(admin_http.get(UI[framework].list_url, follow_redirects=False), framework)


def test_every_admin_has_its_urls_mapped():
    assert sorted(UI) == sorted(frameworks_with_snippet("admin"))
