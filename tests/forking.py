"""Run marked tests in forked child processes, one child per snippet rather than per test.

`pytest.mark.forked` puts a test in a child process. Consecutive forked tests of one module that
load the same snippet (the same `task`, `framework`, `snippet` and `database` parameters) share
one child, in collection order, the way a project's own test run shares one process: each test
still gets its own function fixtures, and the database fixtures empty their tables after each
test (tests/databases.py). A module whose tests must each start a snippet afresh (say, with
other environment variables) adds `pytest.mark.fresh_process`.

The child runs pytest's own `runtestprotocol` and sends each test's reports back through a pipe
as soon as the test ends, so progress, durations, captured output and failures look as if the
test had run here. If the child dies or hangs, the tests it had not reported fail with its exit
status and its last output. Coverage follows the child through coverage.py's `patch = fork,
_exit` settings (pyproject.toml).
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import select
import signal
import struct
import sys
import tempfile
import time
from dataclasses import dataclass, field

import pytest
from _pytest.capture import CaptureManager
from _pytest.runner import CallInfo, runtestprotocol
from _pytest.warnings import catch_warnings_for_item

GROUP_PARAMS = ("task", "framework", "snippet", "database")
SECONDS_PER_TEST = 120  # how long a child may take per test before it is killed
HEADER = struct.Struct("!I")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "forked: run in a forked child shared with the same snippet's other tests"
    )
    config.addinivalue_line("markers", "fresh_process: give each forked test its own child")
    config.stash[_GROUPS] = {}


def group_key(item: pytest.Item) -> tuple | None:
    """Tests with the same key run in one child; None runs the test in this process."""
    if item.get_closest_marker("forked") is None:
        return None
    if item.get_closest_marker("fresh_process") is not None:
        return (item.nodeid,)
    params = getattr(getattr(item, "callspec", None), "params", {})
    return (item.module.__name__, *(str(params.get(name)) for name in GROUP_PARAMS))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Within each module, run forked tests first, each snippet's tests together.

    A forked test is set up and torn down in its child, so when one ends a module the parent
    never tears that module down and the next module's first test errors ("previous item was
    not torn down properly"). Ending every module on an in-process test avoids it. Tests that
    share a child must be consecutive (tests/forking.py).
    """
    module_order = {
        id(item.module): i
        for i, item in reversed(list(enumerate(items)))
        if getattr(item, "module", None)
    }
    group_order: dict[tuple, int] = {}
    for i, item in enumerate(items):
        if (key := group_key(item)) is not None:
            group_order.setdefault(key, i)
    items.sort(
        key=lambda item: (
            module_order.get(id(getattr(item, "module", None)), -1),
            group_key(item) is None,
            group_order.get(group_key(item), 0),
        )
    )


@dataclass
class Child:
    """A forked child running `items` in order, and what it has reported so far."""

    items: list[pytest.Item]
    pid: int
    pipe: int
    output: str  # a file that receives the child's stdout and stderr outside of tests
    deadline: float
    reports: dict[str, list[dict]] = field(default_factory=dict)
    status: int | None = None
    buffer: bytes = b""

    def read_until(self, nodeid: str) -> None:
        """Block until the child has reported `nodeid`, exited or run out of time."""
        while nodeid not in self.reports and self.status is None:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                os.kill(self.pid, signal.SIGKILL)
                self._reap()
                return
            ready, _, _ = select.select([self.pipe], [], [], min(remaining, 1.0))
            if not ready:
                continue
            chunk = os.read(self.pipe, 1 << 16)
            if not chunk:
                self._reap()
                return
            self.buffer += chunk
            self._parse()

    def _parse(self) -> None:
        while len(self.buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(self.buffer)
            if len(self.buffer) < HEADER.size + size:
                return
            message = self.buffer[HEADER.size : HEADER.size + size]
            self.buffer = self.buffer[HEADER.size + size :]
            nodeid, reports = pickle.loads(message)
            self.reports[nodeid] = reports

    def _reap(self) -> None:
        _, status = os.waitpid(self.pid, 0)
        self.status = status
        os.close(self.pipe)

    def finish(self) -> None:
        if self.status is None:
            self.read_until("\0never")
        if os.path.exists(self.output):
            os.unlink(self.output)

    def describe_end(self) -> str:
        if self.status is None:
            return "still running"
        if os.WIFSIGNALED(self.status):
            signal_number = os.WTERMSIG(self.status)
            killed = " (killed after its time ran out)" if signal_number == signal.SIGKILL else ""
            return f"ended by signal {signal_number}{killed}"
        return f"exited with status {os.WEXITSTATUS(self.status)}"

    def last_output(self) -> str:
        try:
            with open(self.output, encoding="utf-8", errors="replace") as file:
                return file.read()[-4000:]
        except OSError:
            return ""


_GROUPS = pytest.StashKey[dict[str, Child]]()


def _group_of(item: pytest.Item) -> list[pytest.Item]:
    """`item` and the consecutive items after it that share its key."""
    items = item.session.items
    start = items.index(item)
    key = group_key(item)
    group = [item]
    for later in items[start + 1 :]:
        if group_key(later) != key:
            break
        group.append(later)
    return group


def _send(pipe: int, message: object) -> None:
    data = pickle.dumps(message)
    os.write(pipe, HEADER.pack(len(data)))
    view = memoryview(data)
    while view:
        view = view[os.write(pipe, view) :]


def _run_in_child(items: list[pytest.Item], pipe: int, output: str) -> None:
    """The child: fresh output capture, then each test with its reports sent as it ends."""
    config = items[0].config
    descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    # a child about to be killed first writes every thread's stack to its output (kept open
    # under its own descriptor, as fd 2 is captured during tests), which the parent reports
    faulthandler.dump_traceback_later(SECONDS_PER_TEST * len(items) - 5, file=descriptor)
    plugins = config.pluginmanager
    for plugin in plugins.get_plugins():
        if type(plugin).__name__ == "WorkerInteractor":  # pytest-xdist's link to its controller
            plugins.unregister(plugin)  # is the parent's: the child reports through its pipe
    plugins.unregister(name="capturemanager")
    capture = CaptureManager(config.option.capture)
    plugins.register(capture, "capturemanager")
    capture.start_global_capturing()
    capture.suspend_global_capture()
    # The fixtures and collectors the parent set up stay the parent's to tear down: the child
    # forgets their finalizers (a session fixture's thread, say, is not in the child), and at the
    # end tears down only what it set up itself.
    stack = items[0].session._setupstate.stack
    for node, (_, exc) in list(stack.items()):
        stack[node] = ([], exc)
    for index, item in enumerate(items):
        nextitem = items[index + 1] if index + 1 < len(items) else None
        with catch_warnings_for_item(config, item.ihook, when="runtest", item=item):
            reports = runtestprotocol(item, nextitem=nextitem, log=False)
        _send(
            pipe,
            (
                item.nodeid,
                [
                    config.hook.pytest_report_to_serializable(config=config, report=r)
                    for r in reports
                ],
            ),
        )
    sys.stdout.flush()
    sys.stderr.flush()


def _fork(items: list[pytest.Item]) -> Child:
    read_end, write_end = os.pipe()
    handle, output = tempfile.mkstemp(prefix="fieldguide-fork-", suffix=".log")
    os.close(handle)
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(read_end)
            _run_in_child(items, write_end, output)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + SECONDS_PER_TEST * len(items)
    return Child(items, pid, read_end, output, deadline)


def _crash_report(item: pytest.Item, child: Child) -> pytest.TestReport:
    return pytest.TestReport(
        nodeid=item.nodeid,
        location=item.location,
        keywords={name: 1 for name in item.keywords},
        outcome="failed",
        longrepr=(
            f"The forked child that ran this test {child.describe_end()} before reporting it. "
            f"Its last output outside tests (a test's own output is captured and lost with "
            f"the child):\n{child.last_output()}"
        ),
        when="call",
        sections=[],
        duration=0.0,
        start=time.time(),
        stop=time.time(),
    )


def _tear_down_towards(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Tear down, here, what this process set up and `nextitem` does not need, as pytest does
    after each test: say, a directory whose last test ran in a child, before a test elsewhere
    (under pytest-xdist any module may come next), or the session after a forked last test."""
    call = CallInfo.from_call(
        lambda: item.session._setupstate.teardown_exact(nextitem), when="teardown"
    )
    if call.excinfo is not None:
        report = item.ihook.pytest_runtest_makereport(item=item, call=call)
        item.ihook.pytest_runtest_logreport(report=report)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    if group_key(item) is None:
        return None
    children = item.config.stash[_GROUPS]
    child = children.get(item.nodeid)
    if child is None:
        child = _fork(_group_of(item))
        for member in child.items:
            children[member.nodeid] = child
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    child.read_until(item.nodeid)
    serialized = child.reports.get(item.nodeid)
    if serialized is None:
        reports = [_crash_report(item, child)]
    else:
        reports = [
            item.config.hook.pytest_report_from_serializable(config=item.config, data=data)
            for data in serialized
        ]
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    _tear_down_towards(item, nextitem)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    del children[item.nodeid]
    if item is child.items[-1]:
        child.finish()
    return True
