"""The comparison layer: how a cell is known, what the matrix shows for it, the wizard's
scores, the export, and the errors a bad capability or guide file gives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from fieldguide import compare_render, render, versions
from fieldguide.compare import Comparison, load_comparison
from fieldguide.compare_render import (
    feature_matrix,
    framework_profile,
    lock_upload_date,
)
from fieldguide.errors import InputError
from fieldguide.evidence import Status, verdict
from fieldguide.export import Export, dataset, llms_txt
from fieldguide.load import load_catalog
from fieldguide.models import Support
from fieldguide.outcome_record import CellRecord, inputs_digest
from fieldguide.versions import distribution, installed
from tests.sandbox import copy_inputs, edit
from tests.support import ROOT, catalog


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    found, problems = load_comparison(catalog())
    assert problems == []
    return replace(found, outcomes={})


def a_tested_cell() -> tuple[str, str, Support]:
    task = catalog().tasks["request_validation"]
    return task.id, "fastapi", task.support["fastapi"]


def record(row: str, framework: str, cell: Support, **changes) -> dict[str, CellRecord]:
    entry = {
        "task": row,
        "framework": framework,
        "snippet": cell.evidence.snippet,
        "sha256": inputs_digest(ROOT, row, cell.evidence.snippet),
        "versions": {distribution(r): installed(r) for r in cell.install},
        "outcome": "passed",
        "date": "2026-01-01T00:00:00+00:00",
        "python": "3.13",
    }
    return {f"{row}/{framework}": CellRecord(**{**entry, **changes})}


def test_a_passing_record_for_this_code_and_these_versions_is_tested_here():
    row, framework, cell = a_tested_cell()
    judged = verdict(ROOT, record(row, framework, cell), row, framework, cell)
    assert judged.status == Status.tested and judged.supported
    assert "passed on 2026-01-01" in judged.detail


def test_a_failed_record_is_never_supported():
    row, framework, cell = a_tested_cell()
    judged = verdict(ROOT, record(row, framework, cell, outcome="failed"), row, framework, cell)
    assert judged.status == Status.failed and not judged.supported


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (None, "did not run"),
        ({"sha256": "0" * 64}, "changed since the test ran"),
        ({"versions": {"fastapi": "0.0.1"}}, "versions differ"),
        ({"outcome": "incomplete"}, "not every contract test"),
    ],
)
def test_without_a_usable_record_the_cell_falls_back_to_upstream_docs(changes, reason):
    row, framework, cell = a_tested_cell()
    outcomes = {} if changes is None else record(row, framework, cell, **changes)
    judged = verdict(ROOT, outcomes, row, framework, cell)
    assert judged.status == Status.documented
    assert "Not verified in this build" in judged.detail and reason in judged.detail


def test_a_snippet_cell_without_docs_or_record_is_not_verified():
    row, framework, cell = a_tested_cell()
    bare = cell.model_copy(update={"evidence": cell.evidence.model_copy(update={"docs": None})})
    judged = verdict(ROOT, {}, row, framework, bare)
    assert judged.status == Status.unverified and not judged.supported


def test_the_matrix_shows_a_failed_test_instead_of_the_level(comparison):
    row, framework, cell = a_tested_cell()
    failed = replace(comparison, outcomes=record(row, framework, cell, outcome="failed"))
    html = feature_matrix(failed, "../")
    start = html.index(f'<tr id="{row}">')
    cells = html[start : html.index("</tr>", start)]
    fastapi = cells[cells.index(f'<td data-fw="{framework}">') :]
    assert fastapi.startswith(f'<td data-fw="{framework}"><span class="fg-level fg-level--failed">')
    assert "fg-how--tested" not in cells and "Built in" not in fastapi.split("</td>")[0]


def test_the_matrix_says_tested_here_only_with_a_passing_record(comparison):
    row, framework, cell = a_tested_cell()
    passed = replace(comparison, outcomes=record(row, framework, cell))
    assert feature_matrix(passed, "../").count("fg-how--tested") == 1
    assert feature_matrix(comparison, "../").count("fg-how--tested") == 0


def test_a_task_replaces_the_capability_row_of_the_same_id(comparison):
    ids = [r.id for r in comparison.rows]
    assert len(ids) == len(set(ids))
    for row in comparison.rows:
        assert row.kind == ("task" if row.id in catalog().tasks else "capability")


def test_profiles_state_the_installed_version_and_a_release_date_only_from_a_record(comparison):
    for framework in comparison.frameworks_with_profiles():
        html = framework_profile(comparison, framework, "../../")
        version = installed(framework.package)
        assert version in html
        uploaded = lock_upload_date(ROOT, framework.package, version)
        if uploaded:
            assert f"{uploaded}: first upload of {version} to PyPI" in html
        else:  # pragma: no cover - depends on the lock
            assert "not recorded for this version" in html


def test_release_dates_come_from_the_lock_for_that_exact_version():
    assert lock_upload_date(ROOT, "flask", "0.0.0") is None
    assert lock_upload_date(ROOT, "flask", installed("flask")) is not None


def test_the_export_carries_every_cell_with_its_status(comparison):
    data = json.loads(json.dumps(dataset(comparison)))
    assert data.pop("$schema") == "schema/export.schema.json"
    Export.model_validate(data)  # the published schema describes the published file
    assert {r["id"] for r in data["rows"]} == {r.id for r in comparison.rows}
    for row in data["rows"]:
        assert set(row["cells"]) == {f.id for f in catalog().frameworks}
        for cell in row["cells"].values():
            assert cell["status"] in {s.value for s in Status}
    text = llms_txt(comparison, "https://example.org/")
    assert "https://example.org/data/fieldguide.json" in text
    assert "tested here" not in text.split("## Support matrix")[1]  # no outcomes given


def bad_guide(repo: Path) -> None:
    edit(repo / "data/guides/guide.yml", "- {row: admin, weight: 3,", "- {row: admn, weight: 3,")


def snippet_in_capability(repo: Path) -> None:
    edit(
        repo / "data/capabilities/cli.yml",
        "      docs: https://docs.djangoproject.com/en/stable/howto/custom-management-commands/\n",
        "      docs: https://docs.djangoproject.com/en/stable/howto/custom-management-commands/\n"
        "      snippet: snippets/cli/django_app.py\n    install: [django]\n",
    )


def missing_cell(repo: Path) -> None:
    text = (repo / "data/capabilities/cli.yml").read_text()
    (repo / "data/capabilities/cli.yml").write_text(text.split("  flask:\n")[0])


def unknown_profile_row(repo: Path) -> None:
    edit(repo / "data/frameworks/flask.yml", "rows: [settings, cli]", "rows: [settings, clii]")


def profile_without_a_page(repo: Path) -> None:
    (repo / "docs/frameworks/flask.md").unlink()


def capability_twin_of_a_task(repo: Path) -> None:
    edit(
        repo / "data/capabilities/cli.yml",
        "title: Command-line tasks",
        "title: Routing and parameters",
    )


def capability_left_behind_by_a_task(repo: Path) -> None:
    text = (repo / "data/capabilities/cli.yml").read_text()
    (repo / "data/capabilities/routing.yml").write_text(
        text.replace("id: cli", "id: routing").replace("title: Command-line tasks", "title: Routes")
    )


@pytest.mark.parametrize(
    ("breakage", "where", "message"),
    [
        (
            capability_left_behind_by_a_task,
            "data/capabilities/routing.yml:2:",
            "the task data/tasks/routing.yml replaces this capability row",
        ),
        (
            capability_twin_of_a_task,
            "data/capabilities/cli.yml:3:",
            "Rename this file to routing.yml",
        ),
        (bad_guide, "data/guides/guide.yml:", "unknown row 'admn'"),
        (snippet_in_capability, "data/capabilities/cli.yml:", "capability rows have no snippets"),
        (missing_cell, "data/capabilities/cli.yml:", "no support cell for 'flask'"),
        (unknown_profile_row, "data/frameworks/flask.yml:46:", "unknown row 'clii'"),
        (profile_without_a_page, "data/frameworks/flask.yml:17:", "has a profile but no page"),
    ],
)
def test_bad_comparison_data_names_the_file_and_the_fix(tmp_path, breakage, where, message):
    repo = copy_inputs(tmp_path / "repo")
    breakage(repo)
    problems = load_comparison(load_catalog(repo))[1]
    shown = [str(p) for p in problems]
    assert any(s.startswith(where) and message in s for s in shown), shown


def test_the_shipped_comparison_data_has_no_problems():
    try:
        load_comparison(load_catalog(ROOT))
    except InputError as error:  # pragma: no cover - the message is the point
        pytest.fail(str(error))
    assert load_comparison(load_catalog(ROOT))[1] == []


def test_the_verified_line_names_the_databases_the_passing_run_used(comparison):
    task = catalog().tasks["crud"]
    cell = task.support["flask"]
    outcomes = record("crud", "flask", cell, databases=["postgresql", "sqlite"])
    site = replace(comparison, outcomes=outcomes)
    line = render.verified_with(site, task)
    assert "<strong>Flask</strong>: " in line
    assert "contract passed on PostgreSQL and SQLite (2026-01-01)" in line
    assert "<strong>Django</strong>: " in line and "not verified in this build" in line
    assert f"1 of {len(catalog().frameworks)} snippets passed their contract<" in line
    assert "<summary>Verified on Python 3.13:" in line  # the record's Python, not the build's
    assert "<details>" in line  # nothing failed: the list is folded
    table = render.support_table(site, task)
    others = len(catalog().frameworks) - 1
    assert table.count("fg-how--tested") == 1 and table.count("fg-how--documented") == others


def classifiers(monkeypatch, declared: dict[str, list[str]], django: str = "6.1.3") -> None:
    """Pretend each package declares these `Framework :: Django :: <release>` classifiers."""
    monkeypatch.setattr(
        versions,
        "_framework_classifiers",
        lambda name: tuple(("Django", release) for release in declared.get(name, [])),
    )
    real = versions._installed_version
    monkeypatch.setattr(
        versions, "_installed_version", lambda name: django if name == "django" else real(name)
    )


def test_a_package_whose_classifiers_stop_below_the_installed_django_is_named(monkeypatch):
    classifiers(
        monkeypatch,
        {"old": ["5.2", "6.0"], "current": ["6.0", "6.1"], "major": ["6"], "django": ["6.0"]},
    )
    assert versions.declared_support("old", "django") == "6.0"
    assert versions.declared_support("old[extra]", "django") == "6.0"
    assert versions.declared_support("current", "django") is None
    assert versions.declared_support("major", "django") is None  # `6` covers every 6.x
    assert versions.declared_support("silent", "django") is None  # no release named: no claim
    assert versions.declared_support("django", "django") is None  # a framework is not its plugin
    assert versions.framework_label("old", "django") == "Django"


def test_the_verified_line_notes_a_package_that_declares_an_older_django(comparison, monkeypatch):
    """One rule for every package (docs/conventions.md): a classifier gap is shown, from the
    installed metadata, on every page whose snippet uses the package; it excludes nothing."""
    task = catalog().tasks["websocket_chat"]
    classifiers(monkeypatch, {"channels": ["5.2", "6.0"]})
    line = render.verified_with(comparison, task)
    assert f"channels {installed('channels')} (declares Django up to 6.0)" in line
    assert line.count("(declares Django up to 6.0)") == 2  # the Django and Django Ninja tabs
    classifiers(monkeypatch, {"channels": ["6.0", "6.1"]})
    assert "declares" not in render.verified_with(comparison, task)


def test_without_a_test_run_the_verified_line_claims_nothing(comparison):
    task = catalog().tasks["routing"]
    line = render.verified_with(comparison, task)
    assert "contract passed" not in line
    frameworks = len(catalog().frameworks)
    assert line.count("not verified in this build (its contract test did not run") == frameworks
    summary = line.split("<summary>")[1].split("</summary>")[0]
    assert summary == (  # not "Verified on Python 3.13: 0 of 7 snippets passed"
        f"Not verified in this build: the contracts of these {frameworks} snippets did not run "
        "for this code and these versions"
    )


def test_a_failed_contract_is_named_in_the_verified_line(comparison):
    task = catalog().tasks["routing"]
    cell = task.support["django"]
    site = replace(comparison, outcomes=record("routing", "django", cell, outcome="failed"))
    line = render.verified_with(site, task)
    assert "<strong>Django</strong>: " in line and "contract test failed" in line
    assert "<strong>1 failed</strong>" in line and "<details open>" in line


def test_the_wizard_data_cannot_end_or_escape_its_script_element(comparison, monkeypatch):
    """Before the templates only "</" was rewritten, so "<!--<script>" in a guide text could
    still make the browser run the real </script> past its end; tojson writes < > & ' as \\u."""
    text = "</script><!--<script> & 'x'"
    monkeypatch.setattr(compare_render, "wizard_data", lambda _: {"text": text})

    html = compare_render.decision_wizard(comparison, "../")

    data = html.partition('<script type="application/json" id="fg-wizard-data">')[2]
    assert data.endswith("</script>") and data.count("<") == 1
    assert json.loads(data.removesuffix("</script>")) == {"text": text}
