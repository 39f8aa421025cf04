"""Everything `fieldguide check` verifies, in one call shared by the CLI, the build and tests."""

from __future__ import annotations

from pathlib import Path

from fieldguide.compare import load_comparison
from fieldguide.errors import InputError
from fieldguide.load import Catalog, read_catalog
from fieldguide.pages import check_pages


def check_all(root: Path) -> Catalog:
    """Validate data, snippets and pages; raise InputError listing every problem."""
    from fieldguide.macros import MACROS

    catalog, problems = read_catalog(root)
    problems += load_comparison(catalog)[1]
    problems += check_pages(root, catalog, set(MACROS) | {"catalog"})
    if problems:
        raise InputError(problems)
    return catalog
