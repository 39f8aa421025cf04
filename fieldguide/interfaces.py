"""Which interface (WSGI or ASGI) each snippet's app speaks, read from the snippet's source.

A framework has a default interface (`interface:` in data/frameworks/), the one its snippets and
its benchmark use. Django speaks both: a snippet that builds its `application` with Django's or
Channels' ASGI entry point is served over ASGI. The profile lists the tasks that do, so the page
never says "WSGI" of a framework whose snippets here also run on ASGI. tests/test_interfaces.py
loads every such app and checks this reading against the real object.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from fieldguide.models import Interface
from fieldguide.snippet_source import assignments

# the calls that build a Django project's entry point, by interface
FACTORIES = {
    "get_wsgi_application": Interface.wsgi,
    "get_asgi_application": Interface.asgi,
    "ProtocolTypeRouter": Interface.asgi,
}


@functools.cache
def snippet_interface(path: Path, attribute: str, default: Interface) -> Interface:
    """The interface of `attribute` in the snippet: the factory it is assigned from, else the
    framework's default."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    value = next((v for name, v in assignments(tree) if name == attribute), None)
    if not isinstance(value, ast.Call):
        return default
    called = value.func
    name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
    return FACTORIES.get(name, default)
