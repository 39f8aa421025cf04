"""Versions read from the installed packages at build time, never typed by hand."""

from __future__ import annotations

import functools
import platform
import re
from importlib.metadata import PackageNotFoundError, version


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
