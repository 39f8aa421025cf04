# ruff: noqa: RUF001, RUF002
"""Benchmark results: the file format (pydantic models -> JSON Schema) and what the site shows.

`python -m bench run` (`make bench`) writes `data/benchmarks/<UTC date>.json`; the benchmark
pages render the newest one through the macros in fieldguide/bench_macros.py. Every figure on
those pages is computed here from the raw runs in that file; nothing is typed into a page.
"""

from __future__ import annotations

import functools
import json
import re
import statistics
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError

from fieldguide.errors import Problem, relative

RESULTS_DIR = Path("data") / "benchmarks"
SCHEMA_NAME = "results.schema.json"
SCHEMA_VERSION = 1


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Machine(Strict):
    cpu_model: str
    logical_cpus: int = Field(ge=1)
    memory_mib: int = Field(ge=1)
    os: str = Field(description="distribution name and version, from /etc/os-release")
    kernel: str
    python: str
    python_implementation: str
    virtualization: str | None = Field(None, description="hypervisor vendor, if any")


class AppInfo(Strict):
    id: str
    name: str
    interface: Literal["wsgi", "asgi"]
    baseline: bool
    package: str | None = Field(None, description="distribution whose version is recorded")
    version: str | None = None
    advised_server: str
    advised_source: HttpUrl | None = Field(
        None, description="the framework's deployment docs that advise that server"
    )


class ServerInfo(Strict):
    id: str
    version: str
    command: list[str] = Field(description="command template; {app} and {port} are filled in")
    settings: str


class LoadTool(Strict):
    name: str
    version: str
    command: list[str]
    threads: int
    saturation_connections: int
    moderate_connections: int
    duration_s: float
    warmup_s: float
    timeout_s: float


class Settings(Strict):
    rounds: int = Field(ge=0)
    shuffled: bool
    seed: int | None
    server_cpu: int
    loadgen_cpu: int
    max_other_load: float = Field(
        description="a run is rejected when other processes used more CPUs than this"
    )
    max_attempts: int
    database: str = Field(description="database URL, password hidden")


class Latency(Strict):
    p50: float | None = None
    p75: float | None = None
    p90: float | None = None
    p99: float | None = None


class Run(Strict):
    round: int = Field(ge=1)
    app: str
    server: str
    role: Literal["advised", "common"]
    scenario: Literal["json", "db", "template", "io_wait"]
    kind: Literal["throughput", "latency"]
    attempt: int = Field(ge=1)
    connections: int
    duration_s: float
    requests: int
    rps: float
    latency_ms: Latency
    errors: int
    server_cpu: float = Field(description="CPUs the server used during the run")
    loadgen_cpu: float = Field(description="CPUs wrk used during the run")
    other_load: float = Field(description="CPUs every other process used during the run")
    steal: float
    loadavg_1m: float
    rejected: bool
    reject_reason: str | None


class Memory(Strict):
    round: int
    app: str
    server: str
    rss_kib: int = Field(description="resident memory of the server's process tree at the end")


class InstructionSample(Strict):
    app: str
    scenario: Literal["json", "db", "template"]
    repeat: int
    small: int
    large: int
    instructions_small: int
    instructions_large: int
    per_request: float


class Results(Strict):
    schema_version: Literal[1]
    date: datetime
    command: str
    wall_time_s: float
    machine: Machine
    loadavg_start: list[float]
    loadavg_end: list[float]
    packages: dict[str, str] = Field(description="exact versions of the Python distributions")
    system_tools: dict[str, str]
    apps: list[AppInfo]
    servers: list[ServerInfo]
    load_tool: LoadTool
    settings: Settings
    runs: list[Run]
    memory: list[Memory]
    instruction_tool: str
    instructions: list[InstructionSample]
    notes: list[str] = Field(default_factory=list)
    failures: list[str] = Field(
        default_factory=list, description="(app, server) pairs that failed to start or answer"
    )

    @functools.cached_property
    def runs_by_app(self) -> dict[str, list[Run]]:
        """The runs of each app, in file order."""
        index: dict[str, list[Run]] = {}
        for run in self.runs:
            index.setdefault(run.app, []).append(run)
        return index


def schema_text() -> str:
    schema = Results.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Benchmark results (written by `make bench`)"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_path(root: Path) -> Path:
    return root / RESULTS_DIR / SCHEMA_NAME


RESULTS_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{6}Z\.json$")  # as bench/__main__.py names it
MAX_SHOWN = 5  # problems shown per file; a foreign JSON file would list every missing field


def result_files(root: Path) -> list[Path]:
    """Results files, oldest first (names are UTC timestamps, so they sort by date). Only names
    of that form count: a stray JSON file beside them is never taken as the newest."""
    return sorted(p for p in (root / RESULTS_DIR).glob("*.json") if RESULTS_NAME.match(p.name))


def check_results(root: Path) -> list[Problem]:
    """Every JSON file under data/benchmarks/ is a results file that loads, or a problem."""
    problems: list[Problem] = []
    for path in sorted((root / RESULTS_DIR).glob("*.json")):
        shown = relative(path, root)
        if path.name == SCHEMA_NAME:
            continue
        if not RESULTS_NAME.match(path.name):
            problems.append(
                Problem(
                    shown,
                    1,
                    "not a results file name (`make bench` writes <UTC date>.json, such as "
                    "2026-12-01T065010Z.json); rename it or move it out of data/benchmarks/",
                )
            )
            continue
        problems += _results_problems(path, shown)
    return problems


def _results_problems(path: Path, shown: str) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return [Problem(shown, 1, f"not UTF-8 text ({error.reason}); re-run `make bench`")]
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return [Problem(shown, error.lineno, f"invalid JSON: {error.msg}; re-run `make bench`")]
    try:
        Results.model_validate_json(text)
    except ValidationError as error:
        found = [
            Problem(shown, _line_of_key(text, e["loc"]), f"{_where(e['loc'])}: {e['msg']}")
            for e in error.errors()
        ]
        if len(found) > MAX_SHOWN:
            more = len(found) - MAX_SHOWN
            found = found[:MAX_SHOWN]
            found.append(
                Problem(shown, 1, f"and {more} more; is this a results file of `make bench`?")
            )
        return found
    return []


def _where(location: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in location).lstrip(".")


def _line_of_key(text: str, location: tuple) -> int:
    """The line of the location's top-level key (the file is machine-written JSON)."""
    if location and isinstance(location[0], str):
        at = text.find(f'"{location[0]}":')
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


def load_results(path: Path) -> Results:
    return Results.model_validate_json(path.read_text(encoding="utf-8"))


def latest(root: Path) -> tuple[Path, Results] | None:
    files = result_files(root)
    return (files[-1], load_results(files[-1])) if files else None


# --- figures derived from the raw runs --------------------------------------------------------


class Spread(BaseModel):
    median: float
    low: float
    high: float
    n: int

    def overlaps(self, other: Spread) -> bool:
        return self.low <= other.high and other.low <= self.high


def spread(values: list[float]) -> Spread | None:
    if not values:
        return None
    return Spread(
        median=statistics.median(values), low=min(values), high=max(values), n=len(values)
    )


def _candidates(results: Results, where: dict[str, object]) -> list[Run]:
    """The runs that can match `where`: those of its app when it names one (an index built once
    per results object, since the page asks about ~1,000 filters over ~800 runs)."""
    if "app" not in where:
        return results.runs
    return results.runs_by_app.get(str(where["app"]), [])


def accepted(results: Results, **where: object) -> list[Run]:
    return [
        run
        for run in _candidates(results, where)
        if not run.rejected and all(getattr(run, k) == v for k, v in where.items())
    ]


def baseline_of(results: Results, app_id: str) -> str:
    interface = next(a.interface for a in results.apps if a.id == app_id)
    return next(a.id for a in results.apps if a.baseline and a.interface == interface)


def server_for(results: Results, app_id: str, role: str) -> str:
    if role == "advised":
        return next(a.advised_server for a in results.apps if a.id == app_id)
    return next(r.server for r in results.runs if r.role == "common")


def last_attempts(results: Results, **where: object) -> list[Run]:
    """The final attempt of each round, kept or not: what a disturbed run still shows."""
    final: dict[int, Run] = {}
    for run in _candidates(results, where):
        matches = all(getattr(run, k) == v for k, v in where.items())
        if matches and (run.round not in final or run.attempt > final[run.round].attempt):
            final[run.round] = run
    return [final[n] for n in sorted(final)]


def ratios(
    results: Results, app_id: str, role: str, scenario: str, disturbed: bool = False
) -> list[float]:
    """Throughput of `app_id` over its baseline's on the same server, round by round.

    With `disturbed`, rejected runs count too (the last attempt of each round)."""
    base = baseline_of(results, app_id)
    server = server_for(results, app_id, role)
    pick = last_attempts if disturbed else accepted
    out = []
    for round_number in sorted({r.round for r in results.runs}):
        mine = pick(
            results,
            app=app_id,
            server=server,
            scenario=scenario,
            kind="throughput",
            round=round_number,
        )
        theirs = pick(
            results,
            app=base,
            server=server,
            scenario=scenario,
            kind="throughput",
            round=round_number,
        )
        if mine and theirs and theirs[0].rps > 0:
            out.append(mine[0].rps / theirs[0].rps)
    return out


def pair_ratios(
    results: Results, top: str, bottom: str, role: str, scenario: str, disturbed: bool = False
) -> list[float]:
    """Throughput of `top` over `bottom` round by round, each on its `role` server."""
    pick = last_attempts if disturbed else accepted
    out = []
    for round_number in sorted({r.round for r in results.runs}):
        where = {"role": role, "scenario": scenario, "kind": "throughput", "round": round_number}
        a, b = pick(results, app=top, **where), pick(results, app=bottom, **where)
        if a and b and b[0].rps > 0:
            out.append(a[0].rps / b[0].rps)
    return out


def fastest_over_slowest(results: Results, role: str, scenario: str) -> float | None:
    """Median throughput of the fastest framework over the slowest's (baselines left out);
    rejected runs are used only where a framework has no kept run."""
    medians = []
    for app in results.apps:
        if app.baseline:
            continue
        where = {"app": app.id, "role": role, "scenario": scenario, "kind": "throughput"}
        runs = accepted(results, **where) or last_attempts(results, **where)
        if runs:
            medians.append(statistics.median(r.rps for r in runs))
    return max(medians) / min(medians) if len(medians) > 1 and min(medians) > 0 else None


def tiers(rows: list[tuple[str, Spread | None]], descending: bool = True) -> dict[str, str]:
    """Group rows whose min-max ranges overlap a neighbour's: gaps within the noise are not
    called. Returns a tier label ("1", "2", ...) per row id; rows without data get "–"."""
    known = [(key, s) for key, s in rows if s is not None]
    known.sort(key=lambda item: item[1].median, reverse=descending)
    labels: dict[str, str] = {key: "–" for key, s in rows if s is None}
    tier, previous = 0, None
    for key, s in known:
        if previous is None or not s.overlaps(previous):
            tier += 1
        labels[key] = str(tier)
        previous = s
    return labels


def rejected_count(results: Results) -> int:
    return sum(run.rejected for run in results.runs)
