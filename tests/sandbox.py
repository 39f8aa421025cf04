"""A throwaway copy of the site's inputs, for tests that break things on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support import ROOT

INPUTS = (
    "mkdocs.yml",
    "CONTRIBUTING.md",
    "docs",
    "data",
    "snippets",
    "tests",
    "overrides",
    "fieldguide",
)


def copy_inputs(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact, unique piece of text; fail loudly if the fixture drifted."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
