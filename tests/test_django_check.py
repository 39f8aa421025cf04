"""Every Django snippet runs as a program: `python -m snippets.<task>.django_app check`, and its
`application` speaks the interface its profile states (fieldguide/interfaces.py).

Django Ninja's snippets are Django projects too (`isolated` in the data), so they are checked the
same way. Each runs its `__main__` block in a forked child (Django's settings are configured once
per process), which is what the command line does, without starting a new interpreter."""

import inspect
import runpy
import sys

import pytest

from fieldguide.interfaces import snippet_interface
from fieldguide.models import Interface
from tests.support import ROOT, catalog, frameworks_with_snippet, uses_django

DJANGO_SNIPPETS = [
    (task, framework)
    for task in sorted(catalog().tasks)
    for framework in frameworks_with_snippet(task)
    if uses_django(framework)
]


@pytest.mark.forked
@pytest.mark.parametrize(
    ("task", "framework"), DJANGO_SNIPPETS, ids=[f"{t}-{f}" for t, f in DJANGO_SNIPPETS]
)
def test_django_snippet_passes_the_system_checks(task, framework, monkeypatch, capsys):
    module = f"snippets.{task}.{framework}_app"
    monkeypatch.setattr(sys, "argv", [module, "check", "--fail-level", "WARNING"])
    monkeypatch.delitem(sys.modules, module, raising=False)

    program = runpy.run_module(module, run_name="__main__", alter_sys=True)

    assert "System check identified no issues" in capsys.readouterr().out
    described = catalog().framework(framework)
    app = program[described.app_attribute]
    stated = snippet_interface(
        ROOT / catalog().tasks[task].support[framework].evidence.snippet,
        described.app_attribute,
        described.interface,
    )
    is_asgi = inspect.iscoroutinefunction(type(app).__call__) or inspect.iscoroutinefunction(app)
    assert is_asgi == (stated == Interface.asgi), f"{module}: the profile says {stated.value}"
