"""Sybil wiring: the docs' ```python blocks are collected as tests (at the root so it is never
published and so pytest collects docs/). The parsers live in tests/docs_examples.py."""

from tests.docs_examples import SYBIL

pytest_collect_file = SYBIL.pytest()
