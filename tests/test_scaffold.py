"""`fieldguide new-task` writes a skeleton that passes every check and builds."""

from pathlib import Path

from fieldguide.build import build_site
from fieldguide.checks import check_all
from fieldguide.cli import main
from fieldguide.macros import MACROS
from tests.sandbox import copy_inputs
from tests.support import coverage_paused


def test_new_task_skeleton_checks_and_builds(tmp_path: Path, capsys):
    repo = copy_inputs(tmp_path / "repo")
    (repo / "tests" / "snippets").mkdir(parents=True, exist_ok=True)

    assert main(["--root", str(repo), "new-task", "caching", "--title", "Caching"]) == 0

    written = capsys.readouterr().out.split()
    assert "data/tasks/caching.yml" in written
    assert "docs/tasks/caching.md" in written
    assert "tests/snippets/test_caching.py" in written
    catalog = check_all(repo, MACROS).catalog
    assert {cell.level for cell in catalog.tasks["caching"].support.values()} == {"unknown"}
    assert "      - tasks/caching.md\n" in (repo / "mkdocs.yml").read_text()
    with coverage_paused():
        build_site(repo, repo / "site")
    page = (repo / "site/tasks/caching/index.html").read_text()
    assert "Not written yet" in page


def test_new_task_refuses_to_overwrite(tmp_path: Path, capsys):
    repo = copy_inputs(tmp_path / "repo")

    assert main(["--root", str(repo), "new-task", "routing", "--title", "Again"]) == 1
    assert "data/tasks/routing.yml:1: already exists; pick another id" in capsys.readouterr().err
