"""Build the site all or nothing: check inputs, build into a fresh folder, then swap it in."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from fieldguide.checks import check_all, handed_over


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path) -> float:
    """Write the site to `site_dir` only if every check and the strict build pass.

    Returns the build's wall time in seconds. On failure `site_dir` is left as it was.
    """
    from fieldguide.macros import MACROS

    site = check_all(root, MACROS)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site_dir.parent) as scratch:
        staged = Path(scratch) / "site"
        with handed_over(root, site):
            mkdocs_build(root, staged)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        staged.rename(site_dir)
    return time.perf_counter() - started


def mkdocs_build(root: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` in this process (no second interpreter to start and no second
    import of MkDocs, Material and the package). Raises BuildFailed with every warning MkDocs
    logged. The working directory is the root while it runs, as `pymdownx.snippets` reads
    `base_path` relative to it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with _warnings_of("mkdocs") as warnings, contextlib.chdir(root):
        try:
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
            build(config)
        except (Abort, MkDocsException) as error:
            raise BuildFailed("\n".join([*warnings, str(error)])) from None
        except Exception as error:  # a plugin's or extension's own error, never a traceback
            raise BuildFailed("\n".join([*warnings, f"{type(error).__name__}: {error}"])) from None
        except SystemExit as error:  # mkdocs-macros exits (status 100) after logging a macro error
            raise BuildFailed(
                "\n".join([*warnings, f"the build stopped (exit {error.code})"])
            ) from None


@contextlib.contextmanager
def _warnings_of(logger_name: str) -> Iterator[list[str]]:
    """Collect the messages of WARNING and above that `logger_name` logs meanwhile."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(f"{record.levelname}: {record.getMessage()}")

    handler = Collect(level=logging.WARNING)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
