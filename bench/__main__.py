"""`python -m bench run|schema|check`: the one command behind `make bench`."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from fieldguide.benchmarks import (
    SCHEMA_VERSION,
    Results,
    load_results,
    rejected_count,
    result_files,
    schema_path,
    schema_text,
)

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "django",
    "flask",
    "fastapi",
    "starlette",
    "django-ninja",
    "litestar",
    "quart",
    "jinja2",
    "msgspec",
    "sqlalchemy",
    "pydantic",
    "werkzeug",
    "gunicorn",
    "uvicorn",
    "uvloop",
    "httptools",
    "hypercorn",
    "granian",
)


def machine() -> dict:
    cpu_model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    memory_kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_release = dict(
        line.split("=", 1)
        for line in Path("/etc/os-release").read_text().splitlines()
        if "=" in line
    )
    virtualization = None
    if shutil.which("systemd-detect-virt"):
        found = subprocess.run(["systemd-detect-virt"], capture_output=True, text=True)
        virtualization = found.stdout.strip() or None
    if virtualization in (None, "none"):
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        hypervisor = re.search(r"Hypervisor vendor:\s+(.+)", lscpu)
        virtualization = hypervisor.group(1).strip() if hypervisor else None
    return {
        "cpu_model": cpu_model,
        "logical_cpus": os.cpu_count() or 1,
        "memory_mib": memory_kib // 1024,
        "os": os_release.get("PRETTY_NAME", platform.platform()).strip('"'),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "virtualization": virtualization,
    }


def version_of(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    text = (result.stdout + result.stderr).strip().splitlines()
    return text[0] if text else "unknown"


def loadavg() -> list[float]:
    return [float(v) for v in Path("/proc/loadavg").read_text().split()[:3]]


def require_tools(throughput: bool, instructions: bool) -> None:
    missing = []
    if throughput:
        missing += [tool for tool in ("wrk", "taskset") if shutil.which(tool) is None]
    if instructions:
        missing += [tool for tool in ("valgrind", "gcc") if shutil.which(tool) is None]
    if missing:
        sys.exit(
            f"missing system tools: {', '.join(missing)}. On Debian/Ubuntu: "
            "sudo apt-get install wrk valgrind gcc util-linux"
        )
    if throughput and (os.cpu_count() or 1) < 2:
        sys.exit("the throughput measure needs two CPUs: one for the server, one for wrk")


def run(args: argparse.Namespace) -> int:
    from bench import harness, instructions
    from bench.database import ensure_database
    from bench.suite import APPS, COMMON_SERVER, SCENARIOS, SERVER_SETTINGS, server_command

    throughput = args.rounds > 0
    require_tools(throughput, not args.no_instructions)
    started = time.monotonic()
    date = datetime.now(UTC).replace(microsecond=0)
    load_start = loadavg()
    database = ensure_database()
    apps = tuple(args.apps.split(",")) if args.apps else tuple(APPS)
    options = harness.Options(
        rounds=args.rounds,
        duration=args.duration,
        warmup=args.warmup,
        max_other_load=args.max_other_load,
        max_attempts=args.max_attempts,
        seed=args.seed,
        apps=apps,
        scenarios=tuple(args.scenarios.split(",")) if args.scenarios else SCENARIOS,
    )
    out_dir = ROOT / "data" / "benchmarks"
    out_dir.mkdir(parents=True, exist_ok=True)
    log = Path(args.log)
    log.write_bytes(b"")
    say = print if not args.quiet else (lambda *a, **k: None)
    say(f"servers' output goes to {log}")
    runs, memory, failures = (
        harness.run_rounds(options, log, say=say) if throughput else ([], [], [])
    )
    samples = []
    if not args.no_instructions:
        say(f"counting instructions per request under callgrind, {args.jobs} apps at a time")

        def count(app_id: str) -> list[dict]:
            try:
                return instructions.count(app_id)
            except (RuntimeError, KeyError, OSError) as error:
                failures.append(f"instruction count of {app_id}: {error}"[:2000])
                say(f"  FAILED: {failures[-1]}")
                return []

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for found in pool.map(count, apps):
                if found:
                    say(
                        f"  {found[0]['app']}: "
                        + ", ".join(
                            f"{s['scenario']} {s['per_request']:,.0f}"
                            for s in found
                            if s["repeat"] == 0
                        )
                    )
                samples += found
    fake = APPS["bare_wsgi"]
    results = {
        "schema_version": SCHEMA_VERSION,
        "date": date.isoformat(),
        "command": shlex.join(["python", "-m", "bench", *sys.argv[1:]]),
        "wall_time_s": round(time.monotonic() - started, 1),
        "machine": machine(),
        "loadavg_start": load_start,
        "loadavg_end": loadavg(),
        "packages": {
            name: importlib.metadata.version(name) for name in PACKAGES if _installed(name)
        },
        "system_tools": {
            "wrk": version_of(["wrk", "--version"]).split(" Copyright")[0],
            "valgrind": version_of(["valgrind", "--version"]),
            "gcc": version_of(["gcc", "--version"]),
        },
        "apps": [
            {
                "id": app.id,
                "name": app.name,
                "interface": app.interface,
                "baseline": app.baseline,
                "package": app.package,
                "version": importlib.metadata.version(app.package) if app.package else None,
                "advised_server": app.advised_server,
                "advised_source": app.advised_source,
            }
            for app in APPS.values()
            if app.id in apps
        ],
        "servers": [
            {
                "id": server,
                "version": importlib.metadata.version(server),
                "command": [
                    "taskset",
                    "-c",
                    str(options.server_cpu),
                    *[
                        part.replace(sys.executable, "python")
                        .replace(fake.target, "{app}")
                        .replace("65535", "{port}")
                        for part in server_command(server, fake, 65535)
                    ],
                ],
                "settings": SERVER_SETTINGS[server],
            }
            for server in sorted({APPS[a].advised_server for a in apps} | {COMMON_SERVER})
        ],
        "load_tool": {
            "name": "wrk",
            "version": version_of(["wrk", "--version"]).split(" Copyright")[0],
            "command": [
                part if part != "-c0" else "-c{connections}"
                for part in harness.wrk_command(options, 0, options.duration, "{url}")
            ],
            "threads": 1,
            "saturation_connections": options.saturation_connections,
            "moderate_connections": options.moderate_connections,
            "duration_s": options.duration,
            "warmup_s": options.warmup,
            "timeout_s": 5,
        },
        "settings": {
            "rounds": options.rounds,
            "shuffled": True,
            "seed": options.seed,
            "server_cpu": options.server_cpu,
            "loadgen_cpu": options.loadgen_cpu,
            "max_other_load": options.max_other_load,
            "max_attempts": options.max_attempts,
            "database": database,
        },
        "runs": runs,
        "memory": memory,
        "instruction_tool": "valgrind --tool=callgrind, in-process calls, "
        f"{instructions.WARMUP} warm-up requests, windows of {samples[0]['small']} and "
        f"{samples[0]['large']} requests"
        if samples
        else "not run",
        "instructions": samples,
        "notes": args.note or [],
        "failures": failures,
    }
    validated = Results.model_validate(results)
    name = args.output or f"{date.strftime('%Y-%m-%dT%H%M%SZ')}.json"
    path = out_dir / name if not Path(name).is_absolute() else Path(name)
    path.write_text(validated.model_dump_json(indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {path} in {validated.wall_time_s:.0f} s: {len(validated.runs)} runs, "
        f"{rejected_count(validated)} rejected, {len(validated.instructions)} instruction samples"
    )
    return 0


def _installed(name: str) -> bool:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    runner = commands.add_parser("run", help="run the suite and write data/benchmarks/<date>.json")
    runner.add_argument("--rounds", type=int, default=5, help="0 skips the server measure")
    runner.add_argument("--duration", type=int, default=2, help="whole seconds per wrk run")
    runner.add_argument(
        "--warmup", type=int, default=1, help="whole seconds of warm-up per scenario"
    )
    runner.add_argument("--max-other-load", type=float, default=0.25)
    runner.add_argument("--max-attempts", type=int, default=2)
    runner.add_argument("--seed", type=int, default=None, help="shuffle seed (default: random)")
    runner.add_argument("--apps", help="comma-separated app ids (default: all)")
    runner.add_argument("--scenarios", help="comma-separated scenarios (default: all)")
    runner.add_argument(
        "--jobs", type=int, default=2, help="callgrind runs at a time (counts are unaffected)"
    )
    runner.add_argument("--no-instructions", action="store_true", help="skip the callgrind count")
    runner.add_argument("--output", help="file name (default: the UTC date)")
    runner.add_argument("--log", default="/tmp/fieldguide-bench-servers.log")
    runner.add_argument("--note", action="append", help="a note stored in the results file")
    runner.add_argument("--quiet", action="store_true")
    commands.add_parser("schema", help=f"write data/benchmarks/{schema_path(ROOT).name}")
    commands.add_parser("check", help="validate every results file and the schema's freshness")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args)
    if args.command == "schema":
        schema_path(ROOT).parent.mkdir(parents=True, exist_ok=True)
        schema_path(ROOT).write_text(schema_text(), encoding="utf-8")
        print(f"wrote {schema_path(ROOT).relative_to(ROOT)}")
        return 0
    for path in result_files(ROOT):
        load_results(path)
        print(f"ok: {path.relative_to(ROOT)}")
    if schema_path(ROOT).read_text(encoding="utf-8") != schema_text():
        print("the schema is stale: run `python -m bench schema`", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
