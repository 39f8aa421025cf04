"""Mutation testing of the snippets: `make mutation [TASK=...] [FRAMEWORK=...]`.

    python -m tests.mutation [--task TASK] [--framework FRAMEWORK] [--budget SECONDS]

For each selected snippet (snippets/<task>/<framework>_app.py) this writes a cosmic-ray
configuration under build/mutation/<task>/<framework>/, runs the unmutated tests once (the
baseline: they must pass, and their time sets the per-mutant timeout), lets `cosmic-ray init`
list the mutants and `cosmic-ray exec` run them until the snippet's time budget is spent, and
writes build/mutation/<task>/<framework>.json: counts of killed, survived, timed-out, equivalent
and not-run mutants, and each survivor's line, operator and diff.

The tests of one snippet are the ones that exercise it: its task's contract module
(tests/snippets/test_<task>.py), its rows of tests/test_differences.py, for Django-based
snippets its row of tests/test_django_check.py, and every example of docs/tasks/<task>.md
(unfiltered: Sybil's examples share a namespace, and they are quick). The selection is made by
this module as a pytest plugin (`-p tests.mutation --mutation-target <task>/<framework>`), from
each test's `task` and `framework` parameters rather than from `-k` substrings, which would take
`django` for `django_ninja` too.

Equivalent mutants (no test could tell them apart from the snippet) are listed, with a reason,
in data/mutation/equivalent.yml; they are counted as equivalent, not survived. An entry whose
mutant no longer exists, or is now killed, is reported as stale. docs/contributing/mutation.md
says why cosmic-ray and how to read the results.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldguide import layout

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "mutation"
EQUIVALENTS = ROOT / layout.MUTATION_EQUIVALENTS
DEFAULT_BUDGET = 300.0  # seconds of mutants per snippet, after its baseline
TIMEOUT_FACTOR = 3.0  # a mutant may take this many times the baseline before it counts as a hang
MIN_TIMEOUT = 20.0  # seconds: a floor under the per-mutant timeout, for a slow moment

Outcome = Literal["killed", "timeout", "survived", "equivalent", "error", "skipped", "not_run"]
OUTCOMES: tuple[Outcome, ...] = (
    "killed",
    "timeout",
    "survived",
    "equivalent",
    "error",
    "skipped",
    "not_run",
)


# --- which snippets, and which tests -----------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    task: str
    framework: str

    @property
    def path(self) -> str:
        """The snippet's path from the repository root, as the data and the results name it."""
        return f"snippets/{self.task}/{self.framework}_app.py"

    @property
    def target(self) -> str:
        return f"{self.task}/{self.framework}"


def select_snippets(
    existing: Iterable[Snippet],
    frameworks: Sequence[str],
    task: str | None = None,
    framework: str | None = None,
) -> list[Snippet]:
    """The snippets to mutate, task by task and in `frameworks` order; `task` and `framework`
    narrow the choice (None or "" for all). A name that matches no snippet is an error that
    lists the names there are, so a typo never runs nothing."""
    snippets = [s for s in existing if s.framework in frameworks]
    tasks = sorted({s.task for s in snippets})
    if task and task not in tasks:
        raise ValueError(f"no task {task!r}; tasks: {', '.join(tasks)}")
    if framework and framework not in frameworks:
        raise ValueError(f"no framework {framework!r}; frameworks: {', '.join(frameworks)}")
    chosen = [
        s
        for s in snippets
        if (not task or s.task == task) and (not framework or s.framework == framework)
    ]
    if not chosen:
        raise ValueError(f"task {task!r} has no {framework} snippet")
    order = {name: i for i, name in enumerate(frameworks)}
    return sorted(set(chosen), key=lambda s: (s.task, order[s.framework]))


def snippets_on_disk(root: Path, frameworks: Sequence[str]) -> list[Snippet]:
    """Every snippets/<task>/<framework>_app.py; other files there (test modules such as
    snippets/testing/test_flask_app.py, project packages, migrations) are not mutated."""
    return [
        Snippet(path.parent.name, framework)
        for framework in frameworks
        for path in sorted((root / "snippets").glob(f"*/{framework}_app.py"))
    ]


def exercising_paths(snippet: Snippet, django_based: bool) -> list[str]:
    """The test files that exercise `snippet`; the plugin below keeps only its tests in them."""
    paths = [f"tests/snippets/test_{snippet.task}.py", "tests/test_differences.py"]
    if django_based:
        paths.append("tests/test_django_check.py")
    page = f"docs/tasks/{snippet.task}.md"
    if (ROOT / page).exists():
        paths.append(page)
    return paths


def exercises(path: str, params: dict[str, object], task: str, framework: str) -> bool:
    """Whether the test at `path` (from the root) with these parameters runs `task`'s
    `framework` snippet. A page's examples all run; a parametrized test runs when its
    `framework` is the snippet's and its `task` (or its contract module's) is the task."""
    if path == f"docs/tasks/{task}.md":
        return True
    module_task = (
        Path(path).stem.removeprefix("test_") if path.startswith("tests/snippets/") else None
    )
    return params.get("framework") == framework and params.get("task", module_task) == task


def mutant_command(snippet: Snippet, django_based: bool) -> list[str]:
    """The pytest run of one mutant: stop at the first failure, no coverage, no xdist."""
    return [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "--no-cov",
        "-n",
        "0",
        "-p",
        "no:cacheprovider",
        "-p",
        "tests.mutation",
        "--mutation-target",
        snippet.target,
        *exercising_paths(snippet, django_based),
    ]


# --- the pytest plugin (active only with --mutation-target) ------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--mutation-target",
        default=None,
        metavar="TASK/FRAMEWORK",
        help="keep only the tests that exercise snippets/TASK/FRAMEWORK_app.py (tests/mutation.py)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    target = config.getoption("mutation_target")
    if not target:
        return
    task, _, framework = target.partition("/")
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        path = item.path.relative_to(config.rootpath).as_posix()
        (kept if exercises(path, params, task, framework) else dropped).append(item)
    if not kept:
        raise pytest.UsageError(f"no test exercises snippets/{task}/{framework}_app.py")
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


# --- equivalent mutants (data/mutation/equivalent.yml) -----------------------------------------


class Equivalent(BaseModel):
    """A mutant that no test can kill, because it behaves as the snippet does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    snippet: str = Field(pattern=r"^snippets/[a-z_]+/[a-z_]+_app\.py$")
    line: int = Field(ge=1)
    column: int | None = Field(default=None, ge=0)  # when one line has two such mutants
    operator: str = Field(pattern=r"^core/\w+$")
    code: str = Field(min_length=1)  # the line as it reads (stripped), so an edit makes it stale
    reason: str = Field(min_length=10)


class EquivalentsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    equivalent: list[Equivalent] = []


def load_equivalents(path: Path = EQUIVALENTS) -> list[Equivalent]:
    if not path.exists():
        return []
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        data = yaml.safe_load(path.read_text()) or {}
        return EquivalentsFile.model_validate(data).equivalent
    except (yaml.YAMLError, ValidationError) as error:  # YAML's errors name line and column
        raise SystemExit(f"{shown}: {error}") from error


# --- results -----------------------------------------------------------------------------------


@dataclass
class Mutant:
    snippet: str
    operator: str
    occurrence: int
    line: int
    column: int
    outcome: Outcome
    diff: str = ""
    reason: str = ""  # why it is equivalent


@dataclass
class Stale:
    entry: dict[str, Any]
    why: str


def outcome_of(result: dict[str, Any] | None) -> Outcome:
    """One `cosmic-ray dump` result as an outcome. cosmic-ray counts a timeout as killed, with
    the output "timeout"; here it is its own outcome, since a hang is a weaker kill."""
    if result is None:
        return "not_run"
    worker = result.get("worker_outcome")
    if worker in ("no-test", "skipped"):
        return "skipped"
    if worker != "normal":
        return "error"
    test = result.get("test_outcome")
    if test == "killed":
        return "timeout" if result.get("output") == "timeout" else "killed"
    if test == "survived":
        return "survived"
    return "error"


def parse_dump(lines: Iterable[str]) -> list[Mutant]:
    """The mutants of a `cosmic-ray dump`: one JSON [work item, result or null] per line."""
    mutants = []
    for text in lines:
        if not text.strip():
            continue
        item, result = json.loads(text)
        (mutation,) = item["mutations"]
        line, column = mutation["start_pos"]
        mutants.append(
            Mutant(
                snippet=mutation["module_path"],
                operator=mutation["operator_name"],
                occurrence=mutation["occurrence"],
                line=line,
                column=column,
                outcome=outcome_of(result),
                diff=(result or {}).get("diff") or "",
            )
        )
    return sorted(mutants, key=lambda m: (m.line, m.column, m.operator))


def matches(entry: Equivalent, mutant: Mutant) -> bool:
    return (
        entry.snippet == mutant.snippet
        and entry.line == mutant.line
        and entry.operator == mutant.operator
        and entry.column in (None, mutant.column)
    )


def apply_equivalents(
    mutants: list[Mutant], entries: Iterable[Equivalent], source: str, complete: bool
) -> list[Stale]:
    """Mark the survivors that `entries` list as equivalent (in place) and return the entries
    that are stale: their line no longer reads `code`, no mutant matches them (only known when
    the run was `complete`), or the mutant they name is now killed."""
    lines = source.splitlines()
    stale: list[Stale] = []
    for entry in entries:
        shown = entry.model_dump(exclude_none=True)
        actual = lines[entry.line - 1].strip() if entry.line <= len(lines) else None
        if actual != entry.code:
            stale.append(Stale(shown, f"line {entry.line} now reads {actual!r}"))
            continue
        found = [m for m in mutants if matches(entry, m)]
        if not found:
            if complete:
                stale.append(Stale(shown, "no such mutant any more"))
            continue
        for mutant in found:
            if mutant.outcome == "survived":
                mutant.outcome, mutant.reason = "equivalent", entry.reason
            elif mutant.outcome in ("killed", "timeout"):
                stale.append(Stale(shown, f"the mutant is {mutant.outcome} now: not equivalent"))
    return stale


def summarize(mutants: Iterable[Mutant]) -> dict[str, int]:
    """Counts per outcome (every outcome present), the total, and the score: the share of
    killed or timed-out mutants among those that ran and are not equivalent (None if none)."""
    counts = Counter(m.outcome for m in mutants)
    summary: dict[str, Any] = {outcome: counts[outcome] for outcome in OUTCOMES}
    summary["total"] = sum(counts.values())
    judged = summary["killed"] + summary["timeout"] + summary["survived"]
    summary["score"] = (
        round((summary["killed"] + summary["timeout"]) / judged, 3) if judged else None
    )
    return summary


@dataclass
class Report:
    snippet: str
    status: Literal["complete", "budget spent", "baseline failed"]
    test_command: list[str]
    baseline_seconds: float
    timeout_seconds: float
    budget_seconds: float
    wall_seconds: float
    counts: dict[str, Any]
    resumed: bool = False  # this run went on with a session an earlier run had cut short
    survivors: list[dict[str, Any]] = field(default_factory=list)
    equivalent: list[dict[str, Any]] = field(default_factory=list)
    stale_equivalents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    baseline_output: str = ""


def make_report(
    snippet: Snippet,
    mutants: list[Mutant],
    stale: list[Stale],
    **fields: Any,
) -> Report:
    def shown(mutant: Mutant) -> dict[str, Any]:
        return {
            k: v for k, v in asdict(mutant).items() if k not in ("snippet", "outcome") and v != ""
        }

    return Report(
        snippet=snippet.path,
        counts=summarize(mutants),
        survivors=[shown(m) for m in mutants if m.outcome == "survived"],
        equivalent=[shown(m) for m in mutants if m.outcome == "equivalent"],
        errors=[shown(m) for m in mutants if m.outcome == "error"],
        stale_equivalents=[asdict(s) for s in stale],
        **fields,
    )


# --- running cosmic-ray ------------------------------------------------------------------------


def cosmic_ray_config(snippet: Snippet, command: Sequence[str], timeout: float) -> str:
    """cosmic-ray's TOML: one module, the snippet's tests, the local (sequential) distributor."""
    quoted = " ".join(_shell_word(word) for word in command)
    return (
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(snippet.path)}\n"
        f"timeout = {timeout:.1f}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(quoted)}\n"
        "\n[cosmic-ray.distributor]\n"
        'name = "local"\n'
    )


def _shell_word(word: str) -> str:
    """cosmic-ray splits the test command with shlex; none of ours needs quoting."""
    if not word or any(c.isspace() or c in "'\"\\" for c in word):
        raise ValueError(f"test command word needs quoting: {word!r}")
    return word


def inputs_digest(root: Path, paths: Iterable[str]) -> str:
    """A sha256 of the named files, names included: what a session's results depend on."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode() + b"\0" + (root / path).read_bytes() + b"\0")
    return digest.hexdigest()


def _environment(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    # A mutant's test run must not replace the record the build reads (tests/outcomes.py).
    env["FIELDGUIDE_OUTCOMES"] = str(workdir / "test-outcomes.json")
    return env


def _forget_bytecode(snippet: Snippet) -> None:
    """Drop the snippet's cached bytecode, so no run can take it for a mutant's source.
    (cosmic-ray runs each mutant with PYTHONDONTWRITEBYTECODE=1, so none is written after.)"""
    source = ROOT / snippet.path
    for cached in (source.parent / "__pycache__").glob(f"{source.stem}.*.pyc"):
        cached.unlink()


def _kill_tree(pid: int) -> None:
    """Kill `pid` and every process under it. cosmic-ray starts each test run in a session of
    its own, so killing cosmic-ray's process group would leave that run (and its forked
    Django children) going on without it. Linux: the parents are read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # it ended meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {pid}, True
    while grew:
        found = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    for member in tree:
        with contextlib.suppress(ProcessLookupError):
            os.kill(member, signal.SIGKILL)


def _cosmic_ray(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("cosmic-ray")), *args]


def run_snippet(
    snippet: Snippet,
    django_based: bool,
    entries: list[Equivalent],
    budget: float,
    fresh: bool = False,
    timeout_factor: float = TIMEOUT_FACTOR,
) -> Report:
    workdir = OUT / snippet.task / snippet.framework
    workdir.mkdir(parents=True, exist_ok=True)
    env = _environment(workdir)
    command = mutant_command(snippet, django_based)
    target = ROOT / snippet.path
    original = target.read_bytes()
    started = time.monotonic()
    fields: dict[str, Any] = {"test_command": command, "budget_seconds": budget}

    baseline = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    fields["baseline_seconds"] = round(time.monotonic() - started, 1)
    if baseline.returncode != 0:
        output = (baseline.stdout + baseline.stderr)[-4000:]
        return make_report(
            snippet,
            [],
            [],
            status="baseline failed",
            timeout_seconds=0.0,
            wall_seconds=fields["baseline_seconds"],
            baseline_output=output,
            **fields,
        )
    _forget_bytecode(snippet)
    timeout = max(MIN_TIMEOUT, timeout_factor * fields["baseline_seconds"])
    fields["timeout_seconds"] = round(timeout, 1)

    config, session = workdir / "cosmic-ray.toml", workdir / "session.sqlite"
    config.write_text(cosmic_ray_config(snippet, command, timeout))
    tomllib.loads(config.read_text())  # fails here, not inside cosmic-ray, if it is malformed
    # A session cut short by the budget goes on where it stopped, while the snippet and its
    # tests are unchanged; otherwise (or with --fresh) its mutants are listed anew.
    digest = inputs_digest(ROOT, [snippet.path, *exercising_paths(snippet, django_based)])
    stamp = workdir / "inputs.sha256"
    resumed = not fresh and session.exists() and stamp.exists() and stamp.read_text() == digest
    if not resumed:
        session.unlink(missing_ok=True)
        stamp.unlink(missing_ok=True)
        subprocess.run(
            _cosmic_ray("init", str(config), str(session)), cwd=ROOT, env=env, check=True
        )
        stamp.write_text(digest)
    fields["resumed"] = resumed

    log = (workdir / "exec.log").open("w")
    process = subprocess.Popen(
        _cosmic_ray("exec", str(config), str(session)),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so the budget's end stops the test run under it too
    )
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        pass
    finally:  # the budget is spent, or this command was interrupted
        if process.poll() is None:
            _kill_tree(process.pid)
            process.wait()
        log.close()
        if target.read_bytes() != original:  # cosmic-ray was stopped with a mutant on disk
            target.write_bytes(original)
    if process.returncode not in (0, -signal.SIGKILL):
        raise RuntimeError(f"cosmic-ray exec failed ({process.returncode}): see {log.name}")

    dump = subprocess.run(
        _cosmic_ray("dump", str(session)),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    mutants = parse_dump(dump.stdout.splitlines())
    cut = any(m.outcome == "not_run" for m in mutants)
    status: Literal["complete", "budget spent"] = "budget spent" if cut else "complete"
    mine = [e for e in entries if e.snippet == snippet.path]
    stale = apply_equivalents(mutants, mine, original.decode(), complete=status == "complete")
    return make_report(
        snippet,
        mutants,
        stale,
        status=status,
        wall_seconds=round(time.monotonic() - started, 1),
        **fields,
    )


def write_report(report: Report, snippet: Snippet) -> Path:
    path = OUT / snippet.task / f"{snippet.framework}.json"
    path.write_text(json.dumps(asdict(report), indent=2) + "\n")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.mutation", description=__doc__)
    parser.add_argument("--task", default="", help="one task id (default: every task)")
    parser.add_argument("--framework", default="", help="one framework id (default: all)")
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        help=f"seconds of mutants per snippet, after its baseline (default {DEFAULT_BUDGET:.0f})",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="list the mutants anew instead of resuming a session"
    )
    args = parser.parse_args(argv)

    from tests.support import catalog  # the data, read only when the command runs

    frameworks = [f.id for f in catalog().frameworks]
    django_based = {f.id for f in catalog().frameworks if f.isolated}
    try:
        snippets = select_snippets(
            snippets_on_disk(ROOT, frameworks), frameworks, args.task, args.framework
        )
    except ValueError as error:
        parser.error(str(error))
    entries = load_equivalents()
    at_most = len(snippets) * (args.budget + 60)
    print(
        f"{len(snippets)} snippet(s), at most {args.budget:.0f} s of mutants each plus a baseline:"
        f" up to {at_most / 60:.0f} min"
    )

    problems = 0
    for snippet in snippets:
        print(f"{snippet.path}: ", end="", flush=True)
        report = run_snippet(
            snippet, snippet.framework in django_based, entries, args.budget, args.fresh
        )
        path = write_report(report, snippet)
        counts = report.counts
        print(
            f"{report.status}, {counts['total']} mutants: {counts['killed']} killed,"
            f" {counts['timeout']} timed out, {counts['survived']} survived,"
            f" {counts['equivalent']} equivalent, {counts['not_run']} not run,"
            f" {counts['error']} errors; {report.wall_seconds:.0f} s -> {path.relative_to(ROOT)}"
        )
        for mutant in report.survivors:
            print(f"  survived: line {mutant['line']} {mutant['operator']}")
        for stale in report.stale_equivalents:
            print(f"  stale equivalent ({stale['why']}): {stale['entry']}")
        if report.status == "baseline failed":
            print(report.baseline_output)
        problems += report.status == "baseline failed" or bool(report.stale_equivalents)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
