"""Sybil's view of the docs: every ```python block in docs/ is a test (see the root conftest.py).

Only fences whose info string is exactly `python` are collected; `fieldguide check` and
tests/test_pages.py reject look-alikes (```py, ```python title=...) so none is skipped silently.
"""

from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser

SYBIL = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser(), ClearNamespaceParser()],
    path=str(Path(__file__).resolve().parents[1] / "docs"),
    patterns=["*.md"],
)
