"""Every Django snippet runs as a program: `python -m snippets.<task>.django_app check`."""

import subprocess
import sys

import pytest

from tests.support import ROOT, catalog, frameworks_with_snippet

DJANGO_TASKS = [t for t in sorted(catalog().tasks) if "django" in frameworks_with_snippet(t)]


@pytest.mark.parametrize("task", DJANGO_TASKS)
def test_django_snippet_passes_the_system_checks(task):
    result = subprocess.run(
        [sys.executable, "-m", f"snippets.{task}.django_app", "check", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
