"""The mapping rules of the layout: one id names its page, data file, snippet folder and tests."""

from __future__ import annotations

import sys
from importlib.metadata import packages_distributions

import pytest

from tests.support import ROOT, catalog, frameworks_with_snippet

TASKS = sorted(catalog().tasks)
FRAMEWORKS = [f.id for f in catalog().frameworks]


@pytest.mark.parametrize("task", TASKS)
def test_task_id_names_page_data_snippets_and_contract(task):
    assert (ROOT / "docs" / "tasks" / f"{task}.md").is_file()
    assert (ROOT / "data" / "tasks" / f"{task}.yml").is_file()
    if frameworks_with_snippet(task):
        assert (ROOT / "snippets" / task / "__init__.py").is_file()
        assert (ROOT / "tests" / "snippets" / f"test_{task}.py").is_file()


def test_every_page_snippet_folder_and_contract_belongs_to_a_task():
    pages = {p.stem for p in (ROOT / "docs" / "tasks").glob("*.md")}
    folders = {
        p.name for p in (ROOT / "snippets").iterdir() if p.is_dir() and p.name != "__pycache__"
    }
    contracts = {
        p.stem.removeprefix("test_") for p in (ROOT / "tests" / "snippets").glob("test_*.py")
    }
    assert pages <= set(TASKS)
    assert folders <= set(TASKS)
    assert contracts <= set(TASKS)


def test_framework_id_names_its_data_file_and_snippets():
    assert sorted(p.stem for p in (ROOT / "data" / "frameworks").glob("*.yml")) == sorted(
        FRAMEWORKS
    )
    for path in (ROOT / "snippets").glob("*/*_app.py"):
        assert path.stem.removesuffix("_app") in FRAMEWORKS, path


def test_no_snippet_name_shadows_a_module():
    taken = set(sys.stdlib_module_names) | set(packages_distributions())
    names = set(TASKS) | {f"{f}_app" for f in FRAMEWORKS} | {"snippets"}
    assert names & taken == set()


def test_no_snippet_file_is_named_after_its_framework():
    for path in (ROOT / "snippets").rglob("*.py"):
        assert path.stem not in {"django", "flask", "fastapi", "starlette", "pydantic"}, path


def test_every_framework_and_no_other_has_a_benchmark_app():
    """bench/ takes its frameworks from data/frameworks/: each needs bench/apps/<id>_app.py, and
    an app there without a framework (or baseline) behind it would never run."""
    from bench.suite import APPS

    apps = {p.stem.removesuffix("_app") for p in (ROOT / "bench" / "apps").glob("*_app.py")}
    assert apps == set(FRAMEWORKS)
    assert [a for a in APPS if not APPS[a].baseline] == FRAMEWORKS
