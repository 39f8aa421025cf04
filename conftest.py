"""Sybil wiring: every ```python block in docs/ runs as a test (kept at the root, never published).

Only fences whose info string is exactly `python` are collected; `fieldguide check` and
tests/test_pages.py reject look-alikes (```py, ```python title=...) so none is skipped silently.
"""

from sybil import Sybil
from sybil.parsers.markdown import ClearNamespaceParser, PythonCodeBlockParser, SkipParser

SYBIL = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser(), ClearNamespaceParser()],
    path="docs",
    patterns=["*.md"],
)
pytest_collect_file = SYBIL.pytest()
