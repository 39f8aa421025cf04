"""Rendering escapes everything that comes from data and keeps every framework's tab."""

from fieldguide import bench_render, render
from fieldguide.compare_macros import comparison_of
from fieldguide.models import Claim, Level, Support, Task
from tests.support import catalog


def task_with(cell: Support) -> Task:
    base = catalog().tasks["hello"]
    return base.model_copy(update={"support": {**base.support, "flask": cell}})


def test_a_framework_without_support_keeps_its_tab_with_the_reason():
    cell = Support(level=Level.none, note="Use Flask-Sock <b>instead</b>.")

    tabs = render.framework_tabs(catalog(), task_with(cell))

    assert '=== "Flask"' in tabs
    assert '!!! note "Not available in Flask"' in tabs
    assert "Use Flask-Sock &lt;b&gt;instead&lt;/b&gt;." in tabs
    assert "<b>" not in tabs


def test_markdown_in_data_is_shown_literally():
    assert render.md_text("**bold** [link](x) `code`") == (r"\*\*bold\*\* \[link\]\(x\) \`code\`")


def test_support_table_escapes_every_field():
    cell = Support(
        level=Level.plugin,
        package="evil",
        api="<img src=x onerror=alert(1)>",
        note='"quoted" & <script>',
        evidence={"docs": 'https://example.org/"><script>'},
    )

    table = render.support_table(comparison_of(catalog()), task_with(cell))

    assert "<img" not in table and "<script>" not in table
    assert "&lt;img src=x onerror=alert(1)&gt;" in table
    assert "&#34;quoted&#34; &amp; &lt;script&gt;" in table
    assert 'href="https://example.org/&#34;&gt;&lt;script&gt;"' in table


def test_install_command_quotes_extras_for_the_shell():
    cell = Support(
        level=Level.builtin,
        install=["fastapi", "pydantic[email]"],
        evidence={"snippet": "snippets/x/fastapi_app.py"},
    )
    assert render.install_command(cell) == 'pip install fastapi "pydantic[email]"'


def test_levels_table_lists_every_level_once():
    table = render.levels_table()
    for level in Level:
        assert table.count(f"<code>{level.value}</code>") == 1


def test_bench_table_cells_are_text_unless_a_macro_made_them():
    """Before the templates, bench_render.table() escaped its headers but not its cells."""
    html = bench_render.table(
        ["<h>"], [["<script>alert(1)</script> & co", bench_render._range(None)]]
    )

    assert "<script>" not in html
    assert "<th>&lt;h&gt;</th>" in html
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td><td>–</td>" in html  # noqa: RUF001


def test_bench_claims_escape_every_field_the_reference_included():
    """The reference framework's name was written into the claim cell unescaped."""
    claim = Claim(
        id="x",
        source="<b>Bench</b>",
        url="https://example.org/?a=1&b=2",
        scenario="json",
        setup='"five workers" <i>',
        summary="x",
        figures={"fastapi": 200.0, "<r>": 100.0},
    )

    html = bench_render.claims(None, [claim], reference="<r>")

    assert "<b>" not in html and "<i>" not in html and "<r>" not in html
    assert '<a href="https://example.org/?a=1&amp;b=2">&lt;b&gt;Bench&lt;/b&gt;</a>' in html
    assert "<td>&#34;five workers&#34; &lt;i&gt;</td>" in html
    assert "<td>fastapi 200 req/s (2.0× &lt;r&gt;), &lt;r&gt; 100 req/s</td><td>–</td>" in html  # noqa: RUF001
