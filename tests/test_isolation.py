"""Django's settings are configured only inside forked test processes, never in this one."""

import json
import subprocess
import sys

import pytest

from tests.support import ROOT, catalog, coverage_paused

SCOPE = ("tests/snippets/", "tests/test_differences.py")  # these load snippet apps in-process

# A collection of SCOPE in a child process, for a run that collected none of it
COLLECT = """
import json, sys
import pytest

class Probe:
    def pytest_collection_finish(self, session):
        from tests.test_isolation import isolated_tests  # once pytest has set up its plugins

        self.tests = isolated_tests(session.items)

probe = Probe()
code = pytest.main(["--collect-only", "-q", "--no-cov", "-p", "no:cacheprovider", "-n", "0",
                    *sys.argv[1:]], plugins=[probe])
print(json.dumps({"code": int(code), "tests": probe.tests}))
"""


def isolated_tests(items: list[pytest.Item]) -> list[tuple[str, bool]]:
    """(node id, runs forked) of each test in SCOPE whose framework is `isolated`."""
    isolated = {f.id for f in catalog().frameworks if f.isolated}
    return [
        (item.nodeid, item.get_closest_marker("forked") is not None)
        for item in items
        if item.nodeid.startswith(SCOPE)
        and getattr(getattr(item, "callspec", None), "params", {}).get("framework") in isolated
    ]


def collected_in_a_child() -> list[tuple[str, bool]]:
    with coverage_paused():
        result = subprocess.run(
            [sys.executable, "-c", COLLECT, *SCOPE],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0, result.stdout[-4000:]
    return [tuple(test) for test in report["tests"]]


def test_the_parent_process_never_configures_django():
    from django.conf import settings

    assert not settings.configured


def test_every_test_of_an_isolated_framework_runs_forked(request: pytest.FixtureRequest):
    """This run's tests that load an isolated framework's snippet; when it runs none (this
    module alone, say), all of them, as a collection of their own finds them."""
    tests = isolated_tests(request.session.items) or collected_in_a_child()

    assert tests, f"no test in {SCOPE} loads an isolated framework's snippet"
    assert [nodeid for nodeid, forked in tests if not forked] == []
