"""tests/forking.py, the plugin that runs Django's tests in forked children, checked on small
throwaway test files in a separate pytest run."""

import pytest

from tests.support import ROOT

pytest_plugins = ["pytester"]

GROUPED = """
import os
import pytest

PARENT = os.getpid()

@pytest.mark.forked
@pytest.mark.parametrize("framework", ["django"])
@pytest.mark.parametrize("step", [1, 2, 3])
def test_step(framework, step):
    with open(os.environ["PIDS"], "a") as file:
        file.write(f"{os.getpid()}\\n")
    assert os.getpid() != PARENT
    assert step != 2, "step two fails"

def test_in_the_parent():
    assert os.getpid() == PARENT
"""

CRASH = """
import os
import pytest

pytestmark = pytest.mark.forked

@pytest.mark.parametrize("framework", ["django"])
@pytest.mark.parametrize("step", [1, 2, 3])
def test_step(framework, step):
    if step == 2:
        os._exit(3)

def test_after():
    pass
"""

FRESH = """
import os
import pytest

pytestmark = [pytest.mark.forked, pytest.mark.fresh_process]

@pytest.mark.parametrize("framework", ["django"])
@pytest.mark.parametrize("step", [1, 2])
def test_step(framework, step):
    with open(os.environ["PIDS"], "a") as file:
        file.write(f"{os.getpid()}\\n")
"""


@pytest.fixture
def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    def run(source: str) -> tuple[pytest.RunResult, list[str]]:
        pytester.makepyfile(test_module=source)
        pids = pytester.path / "pids"
        monkeypatch.setenv("PIDS", str(pids))
        result = pytester.runpytest_subprocess("-p", "tests.forking", "-p", "no:cacheprovider")
        return result, pids.read_text().split() if pids.exists() else []

    return run


def test_a_snippets_tests_share_one_child_and_report_each_outcome(run):
    result, pids = run(GROUPED)

    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*AssertionError: step two fails*"])
    assert len(pids) == 3 and len(set(pids)) == 1


def test_a_crashed_child_fails_the_tests_it_had_not_reported(run):
    result, _ = run(CRASH)

    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(
        ["*forked child that ran this test exited with status 3 before reporting it*"]
    )


def test_fresh_process_gives_each_test_its_own_child(run):
    result, pids = run(FRESH)

    result.assert_outcomes(passed=2)
    assert len(pids) == 2 and len(set(pids)) == 2
