"""How long the site takes to build: `make build` in fresh processes, and a `mkdocs serve`-style
rebuild after a data edit in a warm one. Prints every run and the median; compare two checkouts
by running it in each, alternately, on the same machine (`make build-time` in both).

    python scripts/build_time.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITED = ROOT / "data" / "tasks" / "hello.yml"


def fresh_build(site_dir: Path) -> float:
    """Wall time of `python -m fieldguide build`, interpreter start included."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "fieldguide", "build", "--site-dir", str(site_dir)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def warm_rebuilds(site_dir: Path, rounds: int) -> list[float]:
    """Builds in one process after editing a data file each time, as `mkdocs serve` rebuilds
    (it reloads the config and the data on every change; package metadata stays cached)."""
    sys.path.insert(0, str(ROOT))
    from fieldguide.build import mkdocs_build

    original = EDITED.read_text(encoding="utf-8")
    mkdocs_build(ROOT, site_dir / "warm-up")
    times = []
    try:
        for n in range(rounds):
            EDITED.write_text(original + f"# edited {n}\n", encoding="utf-8")
            started = time.perf_counter()
            mkdocs_build(ROOT, site_dir / f"rebuild-{n}")
            times.append(time.perf_counter() - started)
    finally:
        EDITED.write_text(original, encoding="utf-8")
    return times


def report(label: str, times: list[float]) -> None:
    runs = " ".join(f"{t:.2f}" for t in times)
    print(f"{label}: median {statistics.median(times):.2f} s (runs: {runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        fresh = [fresh_build(Path(scratch) / f"site-{n}") for n in range(args.rounds)]
        report("python -m fieldguide build (make build)", fresh)
        report("serve rebuild after a data edit", warm_rebuilds(Path(scratch), args.rounds))


if __name__ == "__main__":
    main()
