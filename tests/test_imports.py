"""The package's imports point one way: no cycles, and the data layer (reading, checking, judging)
never imports the rendering or the MkDocs glue. Read from the source with `ast`, so an import
inside a function counts too."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from tests.support import ROOT

PACKAGE = ROOT / "fieldguide"
# Modules that render HTML or talk to MkDocs, and the commands on top of them.
RENDERING = {
    "render",
    "compare_render",
    "bench_render",
    "templating",
    "file_tabs",
    "html_hooks",
    "export",
    "macros",
    "compare_macros",
    "bench_macros",
    "build",
    "cli",
    "scaffold",
    "__main__",
}


def imports_of(path: Path) -> set[str]:
    """The fieldguide modules that `path` imports, by module name (`fieldguide.x` -> `x`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "fieldguide":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("fieldguide."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("fieldguide.")}
    return found - {path.stem}


def graph() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in PACKAGE.glob("*.py")}


def test_the_package_has_no_import_cycle():
    try:
        order = list(TopologicalSorter(graph()).static_order())
    except CycleError as error:  # pragma: no cover - the message is the point
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None
    assert set(order) >= {"checks", "macros", "models"}


def test_the_data_layer_never_imports_rendering_or_mkdocs():
    wrong = {
        (module, imported)
        for module, imported_names in graph().items()
        if module not in RENDERING
        for imported in imported_names & RENDERING
    }
    assert wrong == set()


def test_the_checks_find_an_import_cycle(tmp_path):
    """The test above can fail: a cycle like the old checks <-> macros one is reported."""
    (tmp_path / "a.py").write_text("from fieldguide.b import x\n")
    (tmp_path / "b.py").write_text("def f():\n    from fieldguide import a\n")
    cyclic = {path.stem: imports_of(path) for path in tmp_path.glob("*.py")}
    assert cyclic == {"a": {"b"}, "b": {"a"}}
    try:
        list(TopologicalSorter(cyclic).static_order())
    except CycleError:
        return
    raise AssertionError("the cycle was not found")
