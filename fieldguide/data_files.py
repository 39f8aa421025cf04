"""Every file under data/ is one that something reads: a file nobody reads (`hello.yaml`, notes
left beside the data) would look like data and change nothing, so `fieldguide check` refuses it.

Who reads what: fieldguide/load.py the frameworks and tasks, fieldguide/compare.py the
capabilities and the guide, fieldguide/benchmarks.py every JSON file in data/benchmarks/ (it
judges their names itself) and fieldguide/load.py its claims.yml, editors the schemas that
`make schema` writes, and tests/mutation.py the equivalent mutants."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from fieldguide import layout
from fieldguide.benchmarks import RESULTS_DIR
from fieldguide.errors import Problem, relative
from fieldguide.schema import SCHEMAS

READ = (
    layout.framework_data("*"),
    layout.task_data("*"),
    layout.capability_data("*"),
    layout.GUIDE,
    layout.CLAIMS,
    f"{RESULTS_DIR.as_posix()}/*.json",
    *(layout.schema(kind) for kind in SCHEMAS),
    layout.MUTATION_EQUIVALENTS,
)


def is_read(shown: str) -> bool:
    """Whether the repository-relative path is a data file that something reads."""
    path = PurePosixPath(shown)
    return any(path.full_match(pattern) for pattern in READ)


def unread_data_files(root: Path) -> list[Problem]:
    problems = []
    for path in sorted((root / layout.DATA).rglob("*")):
        shown = relative(path, root)
        if not path.is_file() or is_read(shown):
            continue
        renamed = PurePosixPath(shown).with_suffix(".yml").as_posix()
        if path.suffix.lower() in (".yaml", ".yml") and is_read(renamed):
            fix = f": data files end in .yml; rename it to {renamed}"
        else:
            fix = f"; remove it, or move it out of {layout.DATA}/"
        problems.append(Problem(shown, 1, f"the checks and the build never read this file{fix}"))
    return problems
