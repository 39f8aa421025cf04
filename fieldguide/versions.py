"""Versions read from the installed packages at build time, never typed by hand."""

from __future__ import annotations

import platform
import re
from importlib.metadata import PackageNotFoundError, version


def distribution(requirement: str) -> str:
    """`pydantic[email]` -> `pydantic`."""
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0]


def installed(requirement: str) -> str:
    name = distribution(requirement)
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def python_version() -> str:
    return platform.python_version()
