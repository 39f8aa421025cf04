"""Throughput and latency on real servers: one pinned worker, wrk on the other core.

Each round starts every (app, server) pair afresh in shuffled order, checks that all four
scenarios answer correctly, then for each scenario (shuffled) runs a warm-up, a saturation run
and a run at a moderate concurrency. A run during which other processes used more CPU than
`max_other_load` (read from /proc/stat minus the server's and wrk's own CPU) is rejected, kept
in the file with its reason, and tried again up to `max_attempts` times.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import resource
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.suite import APPS, SCENARIOS, cells, check_answer, server_command

TICKS = os.sysconf("SC_CLK_TCK")
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Options:
    rounds: int = 5
    duration: int = 2
    warmup: int = 1
    saturation_connections: int = 32
    moderate_connections: int = 8
    max_other_load: float = 0.25
    max_attempts: int = 2
    server_cpu: int = 0
    loadgen_cpu: int = 1
    seed: int | None = None
    apps: tuple[str, ...] = tuple(APPS)
    scenarios: tuple[str, ...] = SCENARIOS


class ServerFailed(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 5.0) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("content-type", ""), response.read()
    finally:
        connection.close()


class Server:
    """A server process pinned to one CPU, stopped (with its workers) on exit."""

    def __init__(self, app_id: str, server: str, cpu: int, log: Path):
        self.app = APPS[app_id]
        self.server = server
        self.port = free_port()
        self.command = server_command(server, self.app, self.port)
        self.log = log
        self.cpu = cpu
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
        env["PYTHONUNBUFFERED"] = "1"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["taskset", "-c", str(self.cpu), *self.command],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_and_check()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_and_check(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise ServerFailed(f"{self.app.id} on {self.server} exited; see {self.log}")
            try:
                fetch(self.port, "/json", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise ServerFailed(f"{self.app.id} on {self.server} never answered") from None
                time.sleep(0.1)
        for scenario in SCENARIOS:
            problem = check_answer(scenario, *fetch(self.port, f"/{scenario}"))
            if problem:
                raise ServerFailed(f"{self.app.id} on {self.server}, /{scenario}: {problem}")

    def __exit__(self, *exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def pids(self) -> list[int]:
        assert self.process is not None
        return process_tree(self.process.pid)


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(_stat_fields(int(entry.name))[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _stat_fields(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()  # fields from `state` on


def process_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = _stat_fields(pid)
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_ticks() -> tuple[int, int]:
    """(busy, steal) jiffies summed over all CPUs since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return user + nice + system + irq + softirq, steal


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse_wrk(output: str) -> dict:
    requests = re.search(r"(\d+) requests in ([\d.]+)(\w+)", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not requests or not rps:
        raise ValueError(f"cannot read wrk's output:\n{output}")
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+(?:us|ms|s|m))$", output, re.M))
    errors = 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non2xx:
        errors += int(non2xx.group(1))
    return {
        "requests": int(requests.group(1)),
        "rps": float(rps.group(1)),
        "latency_ms": {f"p{k}": round(_ms(v), 4) for k, v in latency.items()},
        "errors": errors,
    }


def wrk_command(options: Options, connections: int, duration: int, url: str) -> list[str]:
    return [
        "taskset",
        "-c",
        str(options.loadgen_cpu),
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "--latency",
        url,
    ]


def measure(server: Server, options: Options, scenario: str, connections: int) -> dict:
    """One wrk run against `server`, with the CPU that everything else used meanwhile."""
    url = f"http://127.0.0.1:{server.port}/{scenario}"
    pids = server.pids()
    load_before = loadavg()
    busy0, steal0 = cpu_ticks()
    server0 = process_ticks(pids)
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    result = subprocess.run(
        wrk_command(options, connections, options.duration, url),
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.monotonic() - started
    children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy1, steal1 = cpu_ticks()
    server1 = process_ticks(pids)
    wrk_seconds = (children1.ru_utime + children1.ru_stime) - (
        children0.ru_utime + children0.ru_stime
    )
    server_seconds = (server1 - server0) / TICKS
    other = (busy1 - busy0) / TICKS - server_seconds - wrk_seconds
    figures = parse_wrk(result.stdout)
    run = {
        "connections": connections,
        "duration_s": options.duration,
        **figures,
        "server_cpu": round(server_seconds / elapsed, 3),
        "loadgen_cpu": round(wrk_seconds / elapsed, 3),
        "other_load": round(max(other, 0.0) / elapsed, 3),
        "steal": round((steal1 - steal0) / TICKS / elapsed, 3),
        "loadavg_1m": load_before,
    }
    reasons = []
    if run["other_load"] > options.max_other_load:
        reasons.append(f"other processes used {run['other_load']:.2f} CPUs")
    if run["steal"] > options.max_other_load:
        reasons.append(f"the hypervisor stole {run['steal']:.2f} CPUs")
    if run["errors"]:
        reasons.append(f"{run['errors']} socket errors or non-2xx answers")
    if run["loadgen_cpu"] > 0.9:
        reasons.append(f"wrk used {run['loadgen_cpu']:.0%} of its core: it was the bottleneck")
    run["rejected"] = bool(reasons)
    run["reject_reason"] = "; ".join(reasons) or None
    return run


def warm_up(server: Server, options: Options, scenario: str) -> None:
    if options.warmup > 0:
        subprocess.run(
            wrk_command(
                options,
                options.saturation_connections,
                options.warmup,
                f"http://127.0.0.1:{server.port}/{scenario}",
            ),
            capture_output=True,
            check=True,
        )


def run_rounds(options: Options, log: Path, say=print) -> tuple[list[dict], list[dict], list[str]]:
    """All rounds; returns (runs, memory samples, failures). A pair whose server fails to
    start or answer wrongly is recorded as a failure and the run goes on without it."""
    rng = random.Random(options.seed)
    runs: list[dict] = []
    memory: list[dict] = []
    failures: list[str] = []
    pairs = [pair for pair in cells() if pair[0] in options.apps]
    for round_number in range(1, options.rounds + 1):
        order = pairs[:]
        rng.shuffle(order)
        for app_id, server_id, role in order:
            try:
                with Server(app_id, server_id, options.server_cpu, log) as server:
                    runs += _measure_pair(server, options, rng, round_number, role, say)
                    memory.append(
                        {
                            "round": round_number,
                            "app": app_id,
                            "server": server_id,
                            "rss_kib": rss_kib(server.pids()),
                        }
                    )
            except (ServerFailed, OSError, ValueError, subprocess.CalledProcessError) as error:
                failures.append(f"round {round_number}, {app_id} on {server_id}: {error}")
                say(f"  FAILED: {failures[-1]}")
    return runs, memory, failures


def _measure_pair(server: Server, options: Options, rng, round_number: int, role: str, say):
    runs = []
    scenarios = list(options.scenarios)
    rng.shuffle(scenarios)
    for scenario in scenarios:
        warm_up(server, options, scenario)
        for kind, connections in (
            ("throughput", options.saturation_connections),
            ("latency", options.moderate_connections),
        ):
            for attempt in range(1, options.max_attempts + 1):
                run = measure(server, options, scenario, connections)
                run.update(
                    round=round_number,
                    app=server.app.id,
                    server=server.server,
                    role=role,
                    scenario=scenario,
                    kind=kind,
                    attempt=attempt,
                )
                runs.append(run)
                if not run["rejected"]:
                    break
                say(f"    rejected: {run['reject_reason']}")
            say(
                f"  round {round_number} {server.app.id:>9} on {server.server:<8} "
                f"{scenario:<8} {kind:<10} {run['rps']:>9.0f} req/s"
                f" p50 {run['latency_ms'].get('p50', 0):.2f} ms"
            )
    return runs
