"""Contract for `templates`: a page rendered from a layout and a loop, with autoescaping."""

import html
import re

import pytest

TITLES = ["Pride &amp; Prejudice (1813)", "Middlemarch (1871)", "Mrs Dalloway (1925)"]


def test_list_page_is_html_from_the_layout(http):
    response = http.get("/books")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert page.startswith("<!doctype html>")
    assert "<title>Books matching “”</title>" in page
    assert "<main>" in page
    assert "<h1>Books matching “”</h1>" in page


def test_loop_renders_one_item_per_book_in_order(http):
    page = http.get("/books").text

    items = [line.strip() for line in page.splitlines() if line.strip().startswith("<li>")]
    assert items == [f"<li>{title}</li>" for title in TITLES]


def test_query_filters_the_loop(http):
    page = http.get("/books", params={"q": "mid"}).text

    assert "<li>Middlemarch (1871)</li>" in page
    assert "Dalloway" not in page
    assert "<h1>Books matching “mid”</h1>" in page


def test_empty_loop_shows_its_fallback(http):
    page = http.get("/books", params={"q": "zzz"}).text

    assert "<li>No books found.</li>" in page
    assert page.count("<li>") == 1


@pytest.mark.parametrize(
    "injected", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onclick='x"]
)
def test_user_input_is_autoescaped(http, injected):
    page = http.get("/books", params={"q": injected}).text

    heading = re.search(r"<h1>Books matching “(.*)”</h1>", page)
    title = re.search(r"<title>Books matching “(.*)”</title>", page)
    assert heading and title
    for shown in (heading[1], title[1]):
        assert html.unescape(shown) == injected
        assert not set("<>\"'") & set(shown)
    assert "<script>" not in page
    assert "<img" not in page


def test_data_from_the_view_is_escaped_too(http):
    page = http.get("/books", params={"q": "&"}).text

    assert "<li>Pride &amp; Prejudice (1813)</li>" in page
    assert "Pride & Prejudice" not in page


def test_litestar_escapes_templates_whatever_their_name(tmp_path):
    """Litestar's JinjaTemplateEngine turns autoescaping on for every template, not only .html."""
    from litestar.plugins.jinja import JinjaTemplateEngine

    (tmp_path / "page.txt").write_text("{{ value }}", encoding="utf-8")
    engine = JinjaTemplateEngine(directory=tmp_path)

    assert engine.get_template("page.txt").render(value="<b>") == "&lt;b&gt;"


def test_quart_escapes_by_file_name_as_flask_does():
    """Quart inherits Flask's select_jinja_autoescape: .html is escaped, .txt is not."""
    from snippets.templates.quart_app import app

    assert app.select_jinja_autoescape("books.html") is True
    assert app.select_jinja_autoescape("email.txt") is False


def test_starlette_escapes_html_templates_only(tmp_path):
    """Starlette's Jinja2Templates (autoescaping on since 1.0) uses Jinja's select_autoescape:
    .html, .htm and .xml templates are escaped, a .txt template is not."""
    from starlette.templating import Jinja2Templates

    (tmp_path / "page.html").write_text("{{ value }}", encoding="utf-8")
    (tmp_path / "page.txt").write_text("{{ value }}", encoding="utf-8")
    templates = Jinja2Templates(directory=tmp_path)

    assert templates.get_template("page.html").render(value="<b>") == "&lt;b&gt;"
    assert templates.get_template("page.txt").render(value="<b>") == "<b>"
