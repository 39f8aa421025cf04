"""What a snippet imports and what a `pip install` line brings in, read from the installed
packages' metadata (nothing is installed). Shared by the install-line and support-level tests.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


@cache
def _providers() -> dict[str, list[str]]:
    return packages_distributions()


def distributions_of(module: str) -> set[str]:
    return {canonicalize_name(d) for d in _providers().get(module, [])}


@cache
def _dependencies(name: str) -> tuple[str, ...]:
    try:
        return tuple(requires(name) or ())
    except PackageNotFoundError:
        return ()


def closure(requirements: list[str]) -> tuple[set[str], dict[str, str]]:
    """Distributions the requirements install, and {distribution: 'pkg[extra]'} for the
    distributions an unrequested extra of one of them would add."""
    installed: set[str] = set()
    optional: dict[str, str] = {}
    pending = [Requirement(r) for r in requirements]
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        installed.add(name)
        for line in _dependencies(name):
            dependency = Requirement(line)
            marker = dependency.marker
            if marker is None or any(
                marker.evaluate({"extra": extra}) for extra in {"", *requirement.extras}
            ):
                pending.append(dependency)
            elif "extra" in str(marker):
                for extra in _extras_in(str(marker)):
                    if marker.evaluate({"extra": extra}):
                        optional.setdefault(
                            canonicalize_name(dependency.name), f"{requirement.name}[{extra}]"
                        )
    return installed, {d: e for d, e in optional.items() if d not in installed}


def _extras_in(marker: str) -> list[str]:
    return [part.split('"')[1] for part in marker.split("extra ==")[1:] if '"' in part]


def imported_modules(path: Path) -> set[str]:
    """The top-level modules a file imports, without the standard library's."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"snippets"}


def own_distributions(framework_package: str) -> set[str]:
    """What `pip install <framework>` installs: its distribution and, transitively, every
    distribution it requires unconditionally (no `extra ==` marker)."""
    installed, _ = closure([framework_package])
    return installed


def added_distributions(install: list[str], framework_package: str) -> dict[str, str]:
    """The distributions an install line asks for beyond `pip install <framework>`, each with
    the requirement that brings it: a listed requirement the framework does not install, or a
    distribution that an extra of one it does install pulls in (`litestar[jinja]` -> jinja2)."""
    own = own_distributions(framework_package)
    added: dict[str, str] = {}
    for line in install:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name not in own:
            added.setdefault(name, line)
            continue
        with_extras, _ = closure([line])
        for extra in sorted(requirement.extras):
            for dependency in _extra_dependencies(name, extra):
                if dependency in with_extras and dependency not in own:
                    added.setdefault(dependency, f"{requirement.name}[{extra}]")
    return added


def _extra_dependencies(name: str, extra: str) -> list[str]:
    """The distributions `name[extra]` requires that plain `name` does not."""
    found = []
    for line in _dependencies(name):
        dependency = Requirement(line)
        marker = dependency.marker
        if (
            marker is not None
            and marker.evaluate({"extra": extra})
            and not marker.evaluate({"extra": ""})
        ):
            found.append(canonicalize_name(dependency.name))
    return found
