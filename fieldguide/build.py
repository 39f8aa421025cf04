"""Build the site all or nothing: check inputs, build into a fresh folder, then swap it in."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fieldguide.checks import check_all


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path) -> float:
    """Write the site to `site_dir` only if every check and the strict build pass.

    Returns the build's wall time in seconds. On failure `site_dir` is left as it was.
    """
    import time

    check_all(root)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=".site-", dir=site_dir.parent) as scratch:
        staged = Path(scratch) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staged)],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BuildFailed(result.stderr + result.stdout)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        staged.rename(site_dir)
    return time.perf_counter() - started
