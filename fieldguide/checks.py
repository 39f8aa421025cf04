"""Everything `fieldguide check` verifies, in one call shared by the CLI, the build and tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from fieldguide.benchmarks import check_results
from fieldguide.compare import Comparison, load_comparison
from fieldguide.data_files import unread_data_files
from fieldguide.errors import InputError
from fieldguide.load import read_catalog, read_claims
from fieldguide.pages import check_pages


def check_all(root: Path, macro_names: Iterable[str]) -> Comparison:
    """Validate data, snippets and pages; raise InputError listing every problem.

    Returns the site's data, loaded once: the catalog (frameworks, tasks), the capability rows,
    the guide, the published benchmark claims and the recorded test outcomes. `macro_names` are
    the macros pages may call (fieldguide.macros.MACROS), passed in so that the checks never
    import the MkDocs glue."""
    catalog, problems = read_catalog(root)
    comparison, more = load_comparison(catalog)
    claims, wrong_claims = read_claims(catalog.root)
    problems += more + wrong_claims + check_results(catalog.root)
    problems += unread_data_files(catalog.root)
    problems += check_pages(root, catalog, set(macro_names) | {"catalog"})
    if problems:
        raise InputError(problems)
    return replace(comparison, claims=tuple(claims))


# A build checks the inputs before MkDocs starts (so that errors come without a half-made site),
# then MkDocs loads the macros; `build_site` hands the checked site over so it is not loaded twice.
_checked: dict[Path, Comparison] = {}


@contextmanager
def handed_over(root: Path, site: Comparison) -> Iterator[None]:
    """While the block runs, `checked_site(root)` returns `site` once instead of checking again."""
    _checked[root.resolve()] = site
    try:
        yield
    finally:
        _checked.pop(root.resolve(), None)


def checked_site(root: Path, macro_names: Iterable[str]) -> Comparison:
    """The site handed over by this build, or the inputs checked now (`mkdocs serve` rebuilds)."""
    return _checked.pop(root.resolve(), None) or check_all(root, macro_names)
