"""Versions read from the installed packages at build time, never typed by hand."""

from __future__ import annotations

import functools
import platform
import re
from importlib.metadata import PackageNotFoundError, metadata, version


def distribution(requirement: str) -> str:
    """`pydantic[email]` -> `pydantic`."""
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0]


def installed(requirement: str) -> str:
    return _installed_version(distribution(requirement))


@functools.cache
def _installed_version(name: str) -> str:
    """Cached for the life of the process: a build asks ~4,500 times about ~50 distributions,
    and packages do not change under a running build or `mkdocs serve` (restart it after an
    upgrade)."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def python_version() -> str:
    return platform.python_version()


def declared_support(requirement: str, framework: str) -> str | None:
    """The newest release of `framework` that `requirement` declares in its trove classifiers
    (`Framework :: Django :: 6.0`), when none of them covers the installed `framework`; None when
    one does, or when the package names no release of it. Read from the installed metadata, so
    the page says what the package says today, never what someone typed."""
    package, target = distribution(requirement), distribution(framework)
    if package.lower() == target.lower():
        return None
    installed_parts = _parts(_installed_version(target))
    if installed_parts is None:
        return None
    declared = [
        (parts, text)
        for name, text in _framework_classifiers(package)
        if name.lower() == target.lower() and (parts := _parts(text)) is not None
    ]
    if not declared or any(installed_parts[: len(p)] == p for p, _ in declared):
        return None
    return max(declared)[1]


def framework_label(requirement: str, framework: str) -> str:
    """The framework's name as `requirement`'s classifiers spell it (Django, not django)."""
    target = distribution(framework).lower()
    names = [n for n, _ in _framework_classifiers(distribution(requirement)) if n.lower() == target]
    return names[0] if names else distribution(framework)


@functools.cache
def _framework_classifiers(name: str) -> tuple[tuple[str, str], ...]:
    """(framework, release) pairs from `Framework :: <framework> :: <release>` classifiers."""
    try:
        classifiers = metadata(name).get_all("Classifier") or []
    except PackageNotFoundError:
        return ()
    pairs = []
    for classifier in classifiers:
        parts = [p.strip() for p in classifier.split("::")]
        if len(parts) == 3 and parts[0] == "Framework":
            pairs.append((parts[1], parts[2]))
    return tuple(pairs)


def _parts(text: str) -> tuple[int, ...] | None:
    match = re.match(r"^\d+(\.\d+)*", text)
    return tuple(int(p) for p in match.group(0).split(".")) if match else None
