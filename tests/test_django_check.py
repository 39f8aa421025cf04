"""Every Django snippet runs as a program: `python -m snippets.<task>.django_app check`.

Django Ninja's snippets are Django projects too (`isolated` in the data), so they are checked the
same way."""

import subprocess
import sys

import pytest

from tests.support import ROOT, catalog, frameworks_with_snippet, uses_django

DJANGO_SNIPPETS = [
    (task, framework)
    for task in sorted(catalog().tasks)
    for framework in frameworks_with_snippet(task)
    if uses_django(framework)
]


@pytest.mark.parametrize(
    ("task", "framework"), DJANGO_SNIPPETS, ids=[f"{t}-{f}" for t, f in DJANGO_SNIPPETS]
)
def test_django_snippet_passes_the_system_checks(task, framework):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            f"snippets.{task}.{framework}_app",
            "check",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
