"""Bad input stops the build with `file:line: what is wrong and how to fix it`, and writes no site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fieldguide.cli import main
from fieldguide.macros import MACROS
from tests.sandbox import copy_inputs, edit
from tests.support import coverage_paused


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_inputs(tmp_path / "repo")


def build(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with coverage_paused():
        code = main(["--root", str(repo), "build"])
    return code, capsys.readouterr().err


def malformed_yaml(repo: Path) -> None:
    edit(repo / "data/tasks/hello.yml", "title: Hello, JSON", "title: [Hello, JSON")


def duplicate_key(repo: Path) -> None:
    edit(repo / "data/tasks/hello.yml", "title: Hello, JSON\n", "title: Hello, JSON\ntitle: Hi\n")


def unknown_field(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "    api: a view that returns a dict\n",
        "    api: a view that returns a dict\n    colour: red\n",
    )


def claim_with_unknown_field(repo: Path) -> None:
    edit(
        repo / "data/benchmarks/claims.yml",
        "  scenario: json\n  figures: {fastapi: 2420",
        "  scenario: json\n  colour: red\n  figures: {fastapi: 2420",
    )


def claim_with_unknown_scenario(repo: Path) -> None:
    edit(
        repo / "data/benchmarks/claims.yml",
        "  scenario: json\n  figures: {fastapi: 2420",
        "  scenario: hello\n  figures: {fastapi: 2420",
    )


NEWEST_RESULTS = "data/benchmarks/2026-12-01T065010Z.json"


def truncated_results(repo: Path) -> None:
    path = repo / NEWEST_RESULTS
    path.write_text("\n".join(path.read_text().splitlines()[:5]) + "\n")


def results_of_an_unknown_version(repo: Path) -> None:
    edit(repo / NEWEST_RESULTS, '"schema_version": 1,', '"schema_version": 7,')


def stray_json_beside_the_results(repo: Path) -> None:
    (repo / "data/benchmarks/zz-notes.json").write_text("{}\n")


def foreign_json_with_a_results_name(repo: Path) -> None:
    (repo / "data/benchmarks/2027-01-01T000000Z.json").write_text('{"hello": "world"}\n')


def unknown_framework(repo: Path) -> None:
    edit(repo / "data/tasks/routing.yml", "\n  flask:\n", "\n  flsk:\n")


def unknown_level(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "    level: builtin\n    api: JsonResponse",
        "    level: built-in\n    api: JsonResponse",
    )


def builtin_without_evidence(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "    evidence:\n      snippet: snippets/hello/fastapi_app.py\n"
        "      docs: https://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content\n",
        "",
    )
    (repo / "snippets/hello/fastapi_app.py").unlink()


def plugin_without_package(repo: Path) -> None:
    edit(repo / "data/tasks/request_validation.yml", "    package: marshmallow\n", "")


def partial_without_gap_test(repo: Path) -> None:
    path = repo / "data/tasks/routing.yml"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("    gap_test:")))


def missing_snippet(repo: Path) -> None:
    (repo / "snippets/hello/flask_app.py").unlink()


def snippet_without_data(repo: Path) -> None:
    edit(repo / "data/tasks/hello.yml", "      snippet: snippets/hello/flask_app.py\n", "")


def id_differs_from_file_name(repo: Path) -> None:
    edit(repo / "data/tasks/hello.yml", "id: hello\n", "id: helo\n")


def http_url(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "docs: https://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content",
        "docs: http://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content",
    )


def page_without_data(repo: Path) -> None:
    (repo / "docs/tasks/caching.md").write_text("---\ntask: caching\n---\n\n# Caching\n")


def undefined_macro(repo: Path) -> None:
    edit(repo / "docs/tasks/hello.md", "{{ framework_tabs() }}", "{{ framework_tab() }}")


def missing_schema_line(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "# yaml-language-server: $schema=../schema/task.schema.json\n",
        "",
    )


def silent_python_fence(repo: Path) -> None:
    edit(
        repo / "docs/conventions.md",
        "## Code tabs\n",
        '## Code tabs\n\n```python title="demo.py"\nprint(1)\n```\n',
    )


def since_without_changelog(repo: Path) -> None:
    edit(
        repo / "data/tasks/async_views.yml",
        "      changelog: https://flask.palletsprojects.com/en/stable/changes/#version-2-0-0\n",
        "",
    )


def capability_since_without_changelog(repo: Path) -> None:
    edit(
        repo / "data/capabilities/async_orm.yml",
        "      changelog: https://docs.djangoproject.com/en/stable/releases/4.1/"
        "#asynchronous-orm-interface\n",
        "",
    )


def no_cell_for_a_framework(repo: Path) -> None:
    text = (repo / "data/tasks/hello.yml").read_text()
    head, _ = text.split("\n  fastapi:\n", 1)
    (repo / "data/tasks/hello.yml").write_text(head + "\n")
    (repo / "snippets/hello/fastapi_app.py").unlink()


def duplicate_difference_id(repo: Path) -> None:
    edit(repo / "data/tasks/routing.yml", "  - id: negative_path\n", "  - id: non_integer_path\n")


def duplicate_situation_id(repo: Path) -> None:
    edit(repo / "data/guides/guide.yml", "  - id: typed_api\n", "  - id: admin_heavy\n")


def data_file_with_the_wrong_extension(repo: Path) -> None:
    (repo / "data/tasks/hello.yml").rename(repo / "data/tasks/hello.yaml")


def stray_file_under_data(repo: Path) -> None:
    (repo / "data/guides/notes.md").write_text("# Notes\n")


def snippet_with_a_syntax_error(repo: Path) -> None:
    edit(repo / "snippets/hello/flask_app.py", "def hello():\n", "def hello(:\n")


def empty_snippet(repo: Path) -> None:
    (repo / "snippets/hello/flask_app.py").write_text("")


def snippet_without_its_app(repo: Path) -> None:
    edit(repo / "snippets/hello/flask_app.py", "app = Flask(__name__)", "api = Flask(__name__)")
    edit(repo / "snippets/hello/flask_app.py", "@app.get", "@api.get")


def none_cell_with_a_snippet(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "  flask:\n    level: builtin\n",
        "  flask:\n    level: none\n",
    )


def url_without_a_host(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "docs: https://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content",
        "docs: https:///tutorial/first-steps/",
    )


def url_with_a_space(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "docs: https://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content",
        "docs: https://fastapi.tiangolo.com/tutorial/first steps/",
    )


def url_host_that_is_no_domain(repo: Path) -> None:
    edit(
        repo / "data/tasks/hello.yml",
        "docs: https://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content",
        "docs: https://fastapi/tutorial/first-steps/",
    )


def since_as_a_number(repo: Path) -> None:
    edit(repo / "data/tasks/async_views.yml", '    since: "2.0"\n', "    since: 2.0\n")


def page_twice_in_the_nav(repo: Path) -> None:
    edit(
        repo / "mkdocs.yml",
        "      - tasks/routing.md\n",
        "      - tasks/routing.md\n      - tasks/hello.md\n",
    )


CASES: list[tuple[Callable[[Path], None], str]] = [
    (
        malformed_yaml,
        "data/tasks/hello.yml:3: YAML syntax error: while parsing a flow sequence; did not find "
        "expected ',' or ']' (line 4)",
    ),
    (
        duplicate_key,
        "data/tasks/hello.yml:4: duplicate key 'title'; each key may appear once, remove one",
    ),
    (
        unknown_field,
        "data/tasks/hello.yml:26: unknown field 'colour' in support.flask; allowed fields: level, "
        "api, package, since, note, install, incidental, gap_test, evidence",
    ),
    (
        unknown_framework,
        "data/tasks/routing.yml:24: unknown framework 'flsk'; known frameworks: django, "
        "django_ninja, fastapi, flask, litestar, quart, starlette",
    ),
    (
        unknown_level,
        "data/tasks/hello.yml:7: support.django.level: Input should be 'builtin', 'partial', "
        "'plugin', 'none' or 'unknown'",
    ),
    (
        builtin_without_evidence,
        "data/tasks/hello.yml:39: support.fastapi: a 'builtin' cell needs evidence: add `evidence:` "
        "with a `snippet:` path or a `docs:` URL",
    ),
    (
        plugin_without_package,
        "data/tasks/request_validation.yml:27: support.flask: a 'plugin' cell needs `package:` "
        "naming the extension to install",
    ),
    (
        partial_without_gap_test,
        "data/tasks/routing.yml:60: support.starlette: a 'partial' cell with a snippet needs "
        "`gap_test:` naming the test that checks the part the framework leaves to the snippet "
        "(tests/<file>.py::test_<name>)",
    ),
    (
        missing_snippet,
        "data/tasks/hello.yml:29: evidence snippet snippets/hello/flask_app.py does not exist; create "
        "it (`fieldguide new-task` writes a skeleton) or remove the line",
    ),
    (
        snippet_without_data,
        "snippets/hello/flask_app.py:1: snippet has no data entry; set support.flask.evidence.snippet: "
        "snippets/hello/flask_app.py in data/tasks/hello.yml",
    ),
    (
        id_differs_from_file_name,
        "data/tasks/hello.yml:2: id 'helo' differs from the file name; rename the file to helo.yml or "
        "set id: hello",
    ),
    (
        http_url,
        "data/tasks/hello.yml:45: support.fastapi.evidence.docs: URL must start with "
        "https:// (got 'http://fastapi.tiangolo.com/tutorial/first-steps/#step-5-return-the-content'); "
        "use the https address",
    ),
    (
        page_without_data,
        "docs/tasks/caching.md:2: task 'caching' has no data file data/tasks/caching.yml; create it "
        "(`fieldguide new-task caching`) or fix the name",
    ),
    (
        undefined_macro,
        "docs/tasks/hello.md:14: undefined macro or variable 'framework_tab'; known macros: "
        + ", ".join(sorted({*MACROS, "catalog", "config", "files", "navigation", "page", "task"})),
    ),
    (
        missing_schema_line,
        "data/tasks/hello.yml:1: first line must be `# yaml-language-server: "
        "$schema=../schema/task.schema.json` so editors check the file",
    ),
    (
        silent_python_fence,
        "docs/conventions.md:91: code fence info string 'python title=\"demo.py\"' is not run by the "
        "tests; write exactly ```python (or ```text for output that is not Python)",
    ),
    (
        claim_with_unknown_field,
        "data/benchmarks/claims.yml:11: unknown field 'colour'; allowed fields: id, source, url, "
        "setup, scenario, figures, summary",
    ),
    (
        claim_with_unknown_scenario,
        "data/benchmarks/claims.yml:10: scenario: Input should be 'json', 'db', 'template' or "
        "'io_wait'",
    ),
    (
        truncated_results,
        f"{NEWEST_RESULTS}:6: invalid JSON: Expecting property name enclosed in double quotes; "
        "re-run `make bench`",
    ),
    (
        results_of_an_unknown_version,
        f"{NEWEST_RESULTS}:2: schema_version: Input should be 1",
    ),
    (
        stray_json_beside_the_results,
        "data/benchmarks/zz-notes.json:1: not a results file name (`make bench` writes <UTC "
        "date>.json, such as 2026-12-01T065010Z.json); rename it or move it out of "
        "data/benchmarks/",
    ),
    (
        foreign_json_with_a_results_name,
        "data/benchmarks/2027-01-01T000000Z.json:1: and 13 more; is this a results file of "
        "`make bench`?",
    ),
    (
        since_without_changelog,
        "data/tasks/async_views.yml:32: support.flask: `since: 2.0` needs the release note or "
        "changelog entry that states it: add `changelog:` under `evidence:`, or remove `since:`",
    ),
    (
        capability_since_without_changelog,
        "data/capabilities/async_orm.yml:9: support.django: `since: 4.1` needs the release note or "
        "changelog entry that states it: add `changelog:` under `evidence:`, or remove `since:`",
    ),
    (
        no_cell_for_a_framework,
        "data/tasks/hello.yml:5: no support cell for 'fastapi'; add one (use `level: unknown` with a "
        "note if it is not known yet)",
    ),
    (
        duplicate_difference_id,
        "data/tasks/routing.yml:116: difference id 'non_integer_path' is used twice in this task "
        "(first on line 72); the page gives each difference an HTML id, so rename one",
    ),
    (
        duplicate_situation_id,
        "data/guides/guide.yml:35: situation id 'admin_heavy' is used twice (first on line 13); "
        "the guide page and the wizard link to each situation by id, so rename one",
    ),
    (
        data_file_with_the_wrong_extension,
        "data/tasks/hello.yaml:1: the checks and the build never read this file: data files end "
        "in .yml; rename it to data/tasks/hello.yml",
    ),
    (
        stray_file_under_data,
        "data/guides/notes.md:1: the checks and the build never read this file; remove it, or "
        "move it out of data/",
    ),
    (
        snippet_with_a_syntax_error,
        "snippets/hello/flask_app.py:7: Python syntax error: invalid syntax; fix the code on this "
        "line so that the snippet parses",
    ),
    (
        empty_snippet,
        "snippets/hello/flask_app.py:1: the snippet is empty; write the app that support.flask "
        "in data/tasks/hello.yml describes, or remove its `snippet:` line there",
    ),
    (
        snippet_without_its_app,
        "snippets/hello/flask_app.py:1: no module-level `app = ...`; the tests and the servers "
        "load the app by that name (app_attribute in data/frameworks/flask.yml), so assign it at "
        "the top level of the snippet",
    ),
    (
        none_cell_with_a_snippet,
        "data/tasks/hello.yml:23: support.flask: a 'none' cell claims no support, so it has no "
        "snippet to test; remove `snippet:` (and the snippet file), or set the level the snippet "
        "shows",
    ),
    (
        url_without_a_host,
        "data/tasks/hello.yml:45: support.fastapi.evidence.docs: URL has no host after https:// "
        "(got 'https:///tutorial/first-steps/'); write the whole address, such as "
        "https://docs.example.org/page",
    ),
    (
        url_with_a_space,
        "data/tasks/hello.yml:45: support.fastapi.evidence.docs: URL contains a space (got "
        "'https://fastapi.tiangolo.com/tutorial/first steps/'); remove it, or write it as %20 if "
        "the address has one",
    ),
    (
        url_host_that_is_no_domain,
        "data/tasks/hello.yml:45: support.fastapi.evidence.docs: URL host 'fastapi' is not a "
        "domain name such as docs.example.org (got 'https://fastapi/tutorial/first-steps/'); "
        "write the whole address",
    ),
    (
        since_as_a_number,
        "data/tasks/async_views.yml:32: support.flask.since: YAML reads 2.0 as a number, not "
        "text; quote it: '2.0'",
    ),
    (
        page_twice_in_the_nav,
        "mkdocs.yml:14: tasks/hello.md is already in the nav (line 12); list each page once: "
        "remove this entry",
    ),
]


@pytest.mark.parametrize(("breakage", "expected"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_input_names_file_line_and_fix_and_writes_nothing(repo, capsys, breakage, expected):
    breakage(repo)

    code, errors = build(repo, capsys)

    assert code == 1
    assert expected in errors.splitlines(), errors
    assert "nothing was written" in errors
    assert not (repo / "site").exists()
    assert not list(repo.glob(".site-*"))


def test_failed_mkdocs_build_keeps_the_previous_site(repo, capsys):
    previous = repo / "site" / "index.html"
    previous.parent.mkdir()
    previous.write_text("previous build")
    edit(repo / "docs/conventions.md", "## Code tabs\n", "## Code tabs\n\n[broken](nowhere.md)\n")

    code, errors = build(repo, capsys)

    assert code == 1
    assert "nowhere.md" in errors
    assert "the previous site was left as it was" in errors
    assert previous.read_text() == "previous build"
    assert not list(repo.glob(".site-*"))


def test_a_macro_that_fails_while_rendering_names_the_page(repo, capsys):
    """mkdocs-macros logs the error and exits; the build reports it and writes nothing."""
    edit(
        repo / "docs/frameworks/flask.md",
        "{{ framework_profile() }}",
        '{{ framework_profile("nope") }}',
    )

    code, errors = build(repo, capsys)

    assert code == 1
    assert "framework_profile needs front matter `framework:` naming one of" in errors
    assert "the previous site was left as it was" in errors
    assert not (repo / "site").exists()
    assert not list(repo.glob(".site-*"))


def test_html_in_a_note_is_shown_as_text_never_run(repo, capsys):
    edit(
        repo / "data/tasks/routing.yml",
        "note: Query parameters arrive as strings; converting and rejecting them is the view's job.",
        'note: "<script>alert(1)</script> and <b>bold</b> **stars**"',
    )

    code, errors = build(repo, capsys)

    assert code == 0, errors
    page = (repo / "site/tasks/routing/index.html").read_text()
    assert "<script>alert(1)</script>" not in page
    assert "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; **stars**" in page


def test_every_problem_is_reported_at_once(repo, capsys):
    unknown_field(repo)
    http_url(repo)
    page_without_data(repo)

    code, errors = build(repo, capsys)

    assert code == 1
    assert "3 problem(s); nothing was written." in errors
