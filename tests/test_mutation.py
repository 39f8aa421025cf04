"""The pure parts of `make mutation` (tests/mutation.py): which snippets and tests it picks, how
equivalent mutants are matched, and how results are counted. cosmic-ray itself is not run."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.mutation import (
    EQUIVALENTS,
    ROOT,
    Equivalent,
    Mutant,
    Snippet,
    apply_equivalents,
    cosmic_ray_config,
    exercises,
    load_equivalents,
    mutant_command,
    outcome_of,
    parse_dump,
    select_snippets,
    snippets_on_disk,
    summarize,
)
from tests.support import catalog

FRAMEWORKS = ["django", "django_ninja", "flask", "fastapi"]
EXISTING = [
    Snippet("hello", "flask"),
    Snippet("hello", "django"),
    Snippet("hello", "django_ninja"),
    Snippet("crud", "fastapi"),
    Snippet("crud", "django"),
    Snippet("testing", "test_flask"),  # snippets/testing/test_flask_app.py is not a snippet
]


@pytest.mark.parametrize(
    ("task", "framework", "expected"),
    [
        (
            None,
            None,
            ["crud/django", "crud/fastapi", "hello/django", "hello/django_ninja", "hello/flask"],
        ),
        ("hello", "", ["hello/django", "hello/django_ninja", "hello/flask"]),
        ("", "django", ["crud/django", "hello/django"]),
        ("crud", "fastapi", ["crud/fastapi"]),
    ],
)
def test_selection_narrows_by_task_and_framework(task, framework, expected):
    chosen = select_snippets(EXISTING, FRAMEWORKS, task, framework)
    assert [s.target for s in chosen] == expected


@pytest.mark.parametrize(
    ("task", "framework", "message"),
    [
        ("helo", None, "no task 'helo'; tasks: crud, hello"),
        (None, "ninja", "no framework 'ninja'; frameworks: django, django_ninja, flask, fastapi"),
        ("crud", "flask", "task 'crud' has no flask snippet"),
    ],
)
def test_a_name_that_selects_nothing_is_an_error(task, framework, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        select_snippets(EXISTING, FRAMEWORKS, task, framework)


def test_every_snippet_on_disk_is_found_and_no_test_module_is_taken_for_one():
    frameworks = [f.id for f in catalog().frameworks]
    found = snippets_on_disk(ROOT, frameworks)
    assert len(found) == len(list((ROOT / "snippets").glob("*/*_app.py"))) - len(
        list((ROOT / "snippets").glob("*/test_*_app.py"))
    )
    assert Snippet("testing", "flask") in found
    assert all(not s.framework.startswith("test_") for s in found)


@pytest.mark.parametrize(
    ("path", "params", "selected"),
    [
        ("tests/snippets/test_hello.py", {"framework": "django"}, True),
        ("tests/snippets/test_hello.py", {"framework": "django_ninja"}, False),
        ("tests/snippets/test_crud.py", {"framework": "django"}, False),
        ("tests/snippets/test_crud.py", {"framework": "django", "database": "sqlite"}, False),
        ("tests/test_differences.py", {"task": "hello", "framework": "django"}, True),
        ("tests/test_differences.py", {"task": "hello", "framework": "flask"}, False),
        ("tests/test_differences.py", {"task": "crud", "framework": "django"}, False),
        ("tests/test_differences.py", {"actual": 1, "expected": 1, "result": True}, False),
        ("tests/test_django_check.py", {"task": "hello", "framework": "django"}, True),
        ("docs/tasks/hello.md", {}, True),
        ("docs/tasks/crud.md", {}, False),
        ("tests/test_compare.py", {"framework": "django"}, False),
    ],
)
def test_the_plugin_keeps_the_tests_of_one_snippet(path, params, selected):
    assert exercises(path, params, "hello", "django") is selected


def test_a_mutants_command_collects_exactly_its_snippets_tests():
    """The real collection, not a run: Django Ninja's tests and no Django ones, the page's
    examples all, and every kind of test that exercises the snippet."""
    command = mutant_command(Snippet("auth_token", "django_ninja"), django_based=True)
    collected = subprocess.run(
        [*command, "--collect-only"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    ids = [line for line in collected.splitlines() if "::" in line]
    page = [i for i in ids if i.startswith("docs/tasks/auth_token.md::")]
    others = [i for i in ids if i not in page]
    assert page
    assert others
    assert all("[django_ninja" in i or "-django_ninja]" in i for i in others), others
    for module in ("tests/snippets/test_auth_token.py", "tests/test_differences.py"):
        assert any(i.startswith(f"{module}::") for i in others), module
    assert (
        "tests/test_django_check.py::test_django_snippet_passes_the_system_checks[auth_token-django_ninja]"
        in others
    )


def test_django_based_snippets_also_run_their_system_check():
    command = mutant_command(Snippet("hello", "django"), django_based=True)
    assert command[command.index("--mutation-target") + 1] == "hello/django"
    assert command[-3:] == [
        "tests/test_differences.py",
        "tests/test_django_check.py",
        "docs/tasks/hello.md",
    ]
    assert "tests/test_django_check.py" not in mutant_command(Snippet("hello", "flask"), False)


def test_the_config_names_one_module_and_its_command():
    config = cosmic_ray_config(Snippet("hello", "flask"), ["python", "-m", "pytest", "-x"], 20)
    assert 'module-path = "snippets/hello/flask_app.py"' in config
    assert 'test-command = "python -m pytest -x"' in config
    assert "timeout = 20.0" in config
    with pytest.raises(ValueError, match="needs quoting"):
        cosmic_ray_config(Snippet("hello", "flask"), ["pytest", "-k", "a or b"], 20)


def _result(test_outcome, output="", worker="normal"):
    return {"worker_outcome": worker, "test_outcome": test_outcome, "output": output, "diff": "d"}


@pytest.mark.parametrize(
    ("result", "outcome"),
    [
        (None, "not_run"),
        (_result("killed", "FAILED tests/..."), "killed"),
        (_result("killed", "timeout"), "timeout"),
        (_result("survived"), "survived"),
        (_result("incompetent"), "error"),
        (_result("incompetent", worker="exception"), "error"),
        (_result(None, worker="no-test"), "skipped"),
    ],
)
def test_cosmic_ray_results_become_outcomes(result, outcome):
    assert outcome_of(result) == outcome


def test_a_dump_is_read_into_mutants_sorted_by_line():
    def line(operator, start, result):
        item = {
            "job_id": "x",
            "mutations": [
                {
                    "module_path": "snippets/hello/flask_app.py",
                    "operator_name": operator,
                    "occurrence": 0,
                    "start_pos": start,
                    "end_pos": start,
                    "operator_args": {},
                    "definition_name": "hello",
                }
            ],
        }
        return json.dumps([item, result])

    dump = [
        line("core/NumberReplacer", [9, 4], _result("survived")),
        "",
        line("core/AddNot", [3, 7], None),
    ]
    mutants = parse_dump(dump)
    assert [(m.line, m.operator, m.outcome, m.diff) for m in mutants] == [
        (3, "core/AddNot", "not_run", ""),
        (9, "core/NumberReplacer", "survived", "d"),
    ]


SOURCE = "import os\nDEBUG = os.environ.get('DEBUG') == '1'\nPORT = 8000\n"
PATH = "snippets/hello/flask_app.py"


def _mutant(line, operator, outcome, column=0):
    return Mutant(PATH, operator, 0, line, column, outcome)


def _entry(line=2, operator="core/ReplaceComparisonOperator_Eq_NotEq", code=None, **extra):
    code = code if code is not None else SOURCE.splitlines()[line - 1]
    return Equivalent(
        snippet=PATH,
        line=line,
        operator=operator,
        code=code,
        reason="a reason long enough",
        **extra,
    )


def test_a_listed_survivor_counts_as_equivalent_with_its_reason():
    mutants = [
        _mutant(2, "core/ReplaceComparisonOperator_Eq_NotEq", "survived"),
        _mutant(3, "core/NumberReplacer", "survived"),
    ]
    stale = apply_equivalents(mutants, [_entry()], SOURCE, complete=True)
    assert stale == []
    assert [m.outcome for m in mutants] == ["equivalent", "survived"]
    assert mutants[0].reason == "a reason long enough"
    assert summarize(mutants)["equivalent"] == 1
    assert summarize(mutants)["survived"] == 1


def test_a_column_narrows_the_match_to_one_mutant_of_the_line():
    mutants = [
        _mutant(2, "core/ReplaceComparisonOperator_Eq_NotEq", "survived", column=4),
        _mutant(2, "core/ReplaceComparisonOperator_Eq_NotEq", "survived", column=30),
    ]
    apply_equivalents(mutants, [_entry(column=30)], SOURCE, complete=True)
    assert [m.outcome for m in mutants] == ["survived", "equivalent"]


@pytest.mark.parametrize(
    ("entry", "mutants", "complete", "why"),
    [
        (_entry(code="DEBUG = False"), [], True, "line 2 now reads"),
        (_entry(line=40, code="x"), [], True, "line 40 now reads None"),
        (_entry(), [], True, "no such mutant any more"),
        (
            _entry(),
            [_mutant(2, "core/ReplaceComparisonOperator_Eq_NotEq", "killed")],
            False,
            "the mutant is killed now",
        ),
        (
            _entry(),
            [_mutant(2, "core/ReplaceComparisonOperator_Eq_NotEq", "timeout")],
            True,
            "the mutant is timeout now",
        ),
    ],
)
def test_an_entry_that_no_longer_fits_is_stale(entry, mutants, complete, why):
    stale = apply_equivalents(mutants, [entry], SOURCE, complete=complete)
    assert len(stale) == 1
    assert stale[0].why.startswith(why)
    assert all(m.outcome != "equivalent" for m in mutants)


def test_a_missing_mutant_is_not_stale_while_the_run_is_incomplete():
    assert apply_equivalents([], [_entry()], SOURCE, complete=False) == []


def test_counts_name_every_outcome_and_the_score_leaves_out_what_did_not_run():
    mutants = [
        _mutant(1, "a", "killed"),
        _mutant(1, "b", "killed"),
        _mutant(1, "c", "timeout"),
        _mutant(1, "d", "survived"),
        _mutant(1, "e", "equivalent"),
        _mutant(1, "f", "not_run"),
    ]
    assert summarize(mutants) == {
        "killed": 2,
        "timeout": 1,
        "survived": 1,
        "equivalent": 1,
        "error": 0,
        "skipped": 0,
        "not_run": 1,
        "total": 6,
        "score": 0.75,
    }
    assert summarize([])["score"] is None


def test_the_equivalents_file_is_valid_and_every_entry_still_reads_as_written():
    entries = load_equivalents(EQUIVALENTS)
    for entry in entries:
        lines = (ROOT / entry.snippet).read_text().splitlines()
        assert entry.line <= len(lines), entry
        assert lines[entry.line - 1].strip() == entry.code, entry


def test_an_equivalents_file_with_an_unknown_key_or_no_reason_is_refused(tmp_path):
    bad = tmp_path / "equivalent.yml"
    bad.write_text(
        "equivalent:\n"
        "  - snippet: snippets/hello/flask_app.py\n"
        "    line: 2\n"
        "    operator: core/NumberReplacer\n"
        "    code: PORT = 8000\n"
        "    because: short\n"
    )
    with pytest.raises(SystemExit, match="reason\n  Field required") as error:
        load_equivalents(bad)
    assert "because\n  Extra inputs are not permitted" in str(error.value)


def test_an_equivalents_file_that_is_not_yaml_names_its_line(tmp_path):
    bad = tmp_path / "equivalent.yml"
    bad.write_text("equivalent:\n  - code: if __name__ == '__main__':\n")
    with pytest.raises(
        SystemExit, match=r"equivalent\.yml: mapping values are not allowed here"
    ) as error:
        load_equivalents(bad)
    assert "line 2, column 36" in str(error.value)
