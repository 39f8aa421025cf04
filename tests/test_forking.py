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

HANG = """
import time
import pytest

import tests.forking

tests.forking.SECONDS_PER_TEST = 6

@pytest.mark.forked
@pytest.mark.parametrize("framework", ["django"])
def test_waits_forever(framework):
    time.sleep(600)

def test_after():
    pass
"""

SESSION_FIXTURE = """
import os
import pytest

@pytest.fixture(scope="session")
def resource():
    yield os.getpid()
    with open(os.environ["PIDS"], "a") as file:
        file.write(f"teardown {os.getpid()}\\n")
"""

FIRST_USER = """
import os

def test_in_the_parent(resource):
    with open(os.environ["PIDS"], "a") as file:
        file.write(f"parent {os.getpid()}\\n")
"""

FORKED_USER = """
import os
import pytest

@pytest.mark.forked
@pytest.mark.parametrize("framework", ["django"])
def test_in_a_child(framework, resource):
    assert resource != os.getpid()

def test_after(resource):
    pass
"""


@pytest.fixture
def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    def run(source: str, *options: str) -> tuple[pytest.RunResult, list[str]]:
        pytester.makepyfile(test_module=source)
        pids = pytester.path / "pids"
        monkeypatch.setenv("PIDS", str(pids))
        result = pytester.runpytest_subprocess(
            "-p", "tests.forking", "-p", "no:cacheprovider", *options
        )
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


def test_forked_children_work_under_xdist_workers(run):
    result, pids = run(GROUPED, "-p", "xdist", "-n", "2", "--dist", "loadfile")

    result.assert_outcomes(passed=3, failed=1)
    assert len(pids) == 3 and len(set(pids)) == 1


def test_a_hung_child_is_killed_and_its_stack_reported(run):
    result, _ = run(HANG)

    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*forked child that ran this test ended by signal 9 (killed after its time ran out)*",
            "*in test_waits_forever*",
        ]
    )


def test_a_child_leaves_the_parents_fixtures_to_the_parent(pytester, run):
    pytester.makeconftest(SESSION_FIXTURE)
    pytester.makepyfile(test_a=FIRST_USER)
    result, lines = run(FORKED_USER)

    result.assert_outcomes(passed=3)
    assert lines == ["parent", lines[1], "teardown", lines[1]]  # once, by the parent


def test_a_directory_whose_last_tests_ran_in_children_is_torn_down_here(pytester, run):
    sub = pytester.mkdir("sub")
    sub.joinpath("test_a.py").write_text("def test_first():\n    pass\n")
    sub.joinpath("test_b.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.forked\n"
        "@pytest.mark.parametrize('framework', ['django'])\n"
        "def test_in_a_child(framework):\n    pass\n"
    )
    result, _ = run("def test_elsewhere():\n    pass\n")  # test_module.py, outside sub/

    result.assert_outcomes(passed=3)  # not "previous item was not torn down properly"
