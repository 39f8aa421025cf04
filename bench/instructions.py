"""Deterministic cost: CPU instructions per request, counted by valgrind's callgrind.

The parent compiles `cgmark.c` (two callgrind client requests) and runs
`python -m bench.instructions drive <app>` under callgrind. The driver imports the app, warms
each scenario up, then for each repeat counts the instructions of a window of `small` requests
and of a window of `large` requests, called in-process with no server and no sockets. Per
request = (large window - small window) / (large - small), so the cost of opening and closing
a window cancels. `io_wait` is left out: its cost is a timer, and under valgrind the number of
event-loop turns while waiting depends on the clock.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ctypes
import gc
import importlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.suite import APPS, check_answer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MEASURED = ("json", "db", "template")
WARMUP = 10


def helper_library() -> Path:
    """Compile cgmark.c once into a cache folder and return the shared library's path."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fieldguide-bench"
    cache.mkdir(parents=True, exist_ok=True)
    source = HERE / "cgmark.c"
    library = cache / "cgmark.so"
    if not library.is_file() or library.stat().st_mtime < source.stat().st_mtime:
        compiler = shutil.which("gcc") or shutil.which("cc")
        if compiler is None:
            raise RuntimeError("no C compiler: install gcc (Debian: apt-get install gcc)")
        subprocess.run(
            [compiler, "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True
        )
    return library


def wsgi_caller(app, path: str):
    def call() -> tuple[int, str, bytes]:
        environ = {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": _EMPTY,
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        started: list = []

        def start_response(status, headers, exc_info=None):
            started[:] = [status, headers]

        result = app(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        headers = {name.lower(): value for name, value in started[1]}
        return int(started[0].split()[0]), headers.get("content-type", ""), body

    return call


class _Empty:
    def read(self, *args) -> bytes:
        return b""

    def readline(self, *args) -> bytes:
        return b""


_EMPTY = _Empty()


def start_lifespan(app, loop: asyncio.AbstractEventLoop) -> dict:
    """Run the app's lifespan startup, as an ASGI server does, and return its state. The
    lifespan task then waits for a shutdown that never comes."""
    state: dict = {}
    started = loop.create_future()
    messages = [{"type": "lifespan.startup"}]

    async def receive():
        if messages:
            return messages.pop()
        await loop.create_future()

    async def send(message):
        if not started.done():
            started.set_result(message)

    scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}, "state": state}
    task = loop.create_task(app(scope, receive, send))
    loop.run_until_complete(asyncio.wait([task, started], return_when=asyncio.FIRST_COMPLETED))
    if not started.done() or started.result()["type"] != "lifespan.startup.complete":
        raise SystemExit(f"lifespan startup failed: {started.result() if started.done() else task}")
    return state


def asgi_caller(app, path: str, loop: asyncio.AbstractEventLoop, state: dict | None = None):
    scope_template = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }
    state = state or {}

    async def one() -> tuple[int, str, bytes]:
        sent: list[dict] = []
        finished = loop.create_future()
        requested = False

        async def receive():
            # the request once, then (as a server does) a disconnect after the response
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await finished
            return {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)
            if (
                message["type"] == "http.response.body"
                and not message.get("more_body")
                and not finished.done()
            ):
                finished.set_result(None)

        await app({**scope_template, "state": state.copy()}, receive, send)
        start = sent[0]
        headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}
        body = b"".join(m.get("body", b"") for m in sent[1:])
        return start["status"], headers.get("content-type", ""), body

    def call() -> tuple[int, str, bytes]:
        return loop.run_until_complete(one())

    async def many(count: int) -> None:
        for _ in range(count):
            await one()

    call.many = lambda count: loop.run_until_complete(many(count))
    return call


class InlineExecutor(concurrent.futures.ThreadPoolExecutor):
    """An executor that runs each call at once on the calling thread (see below)."""

    def submit(self, fn, /, *args, **kwargs):
        future: concurrent.futures.Future = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def run_thread_work_inline(loop: asyncio.AbstractEventLoop) -> None:
    """Make "in a worker thread" functions run inline, on the event loop's thread.

    FastAPI and Starlette hand sync endpoints and dependencies to anyio's thread pool; Litestar
    (`sync_to_thread=True`) and Quart (sync views) to the loop's default executor. Under
    valgrind the threads are serialised and the number of event-loop turns and GIL hand-offs
    while one waits for the other depends on timing, which moved the db count by 20%. Inline,
    the count repeats; what it leaves out, the hand-off itself, is in the throughput measure.
    """
    import anyio.to_thread

    loop.set_default_executor(InlineExecutor(max_workers=1))

    async def run_sync(func, *args, abandon_on_cancel=False, cancellable=None, limiter=None):
        return func(*args)

    anyio.to_thread.run_sync = run_sync


def drive(
    app_id: str, small: int, large: int, repeats: int, library: str, scenarios: list[str]
) -> None:
    """Runs under callgrind: one dump per window, labelled `scenario repeat size`."""
    marks = ctypes.CDLL(library)
    random.seed(1234)
    app = APPS[app_id]
    loop = asyncio.new_event_loop() if app.interface == "asgi" else None
    if loop is not None:
        asyncio.set_event_loop(loop)
        run_thread_work_inline(loop)
    module = importlib.import_module(app.module)
    target = module.app
    state = start_lifespan(target, loop) if loop is not None else None
    marks.fg_start()
    for scenario in scenarios:
        path = f"/{scenario}"
        call = wsgi_caller(target, path) if loop is None else asgi_caller(target, path, loop, state)
        problem = check_answer(scenario, *call())
        if problem:
            raise SystemExit(f"{app_id} /{scenario}: {problem}")
        many = getattr(call, "many", None) or (
            lambda count, call=call: [call() for _ in range(count)]
        )
        many(WARMUP)
        for repeat in range(repeats):
            for size in (small, large):
                gc.collect()
                marks.fg_zero()
                many(size)
                marks.fg_dump(f"{scenario} {repeat} {size}".encode())


DUMP = re.compile(r"^desc: Trigger: Client Request: (\w+) (\d+) (\d+)$", re.M)
TOTALS = re.compile(r"^(?:totals|summary): (\d+)", re.M)


def count(
    app_id: str,
    small: int = 10,
    large: int = 60,
    repeats: int = 2,
    scenarios: tuple[str, ...] = MEASURED,
) -> list[dict]:
    """Instructions per request for each measured scenario of `app_id`, one entry per repeat."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise RuntimeError("valgrind is missing (Debian: apt-get install valgrind)")
    library = helper_library()
    with tempfile.TemporaryDirectory(prefix="fg-callgrind-") as scratch:
        out = Path(scratch) / "callgrind.out"
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
        env["PYTHONHASHSEED"] = "0"
        result = subprocess.run(
            [
                valgrind,
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--dump-instr=no",
                "--dump-line=no",
                "--instr-atstart=no",
                sys.executable,
                "-m",
                "bench.instructions",
                "drive",
                app_id,
                str(small),
                str(large),
                str(repeats),
                str(library),
                ",".join(scenarios),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"callgrind run of {app_id} failed:\n{result.stderr[-3000:]}")
        windows: dict[tuple[str, int, int], int] = {}
        for dump in Path(scratch).glob("callgrind.out.*"):
            text = dump.read_text()
            label, totals = DUMP.search(text), TOTALS.search(text)
            if label and totals:
                scenario, repeat, size = label.group(1), int(label.group(2)), int(label.group(3))
                windows[scenario, repeat, size] = int(totals.group(1))
    samples = []
    for scenario in scenarios:
        for repeat in range(repeats):
            low, high = windows[scenario, repeat, small], windows[scenario, repeat, large]
            samples.append(
                {
                    "app": app_id,
                    "scenario": scenario,
                    "repeat": repeat,
                    "small": small,
                    "large": large,
                    "instructions_small": low,
                    "instructions_large": high,
                    "per_request": round((high - low) / (large - small), 1),
                }
            )
    return samples


if __name__ == "__main__":
    if sys.argv[1:2] == ["drive"]:
        _, _, app_id, small, large, repeats, library, scenarios = sys.argv
        drive(app_id, int(small), int(large), int(repeats), library, scenarios.split(","))
    else:
        for sample in count(sys.argv[1]):
            print(sample)
