"""Django's settings are configured only inside forked test processes, never in this one."""

import pytest

from tests.support import catalog


def test_the_parent_process_never_configures_django():
    from django.conf import settings

    assert not settings.configured


def test_every_test_of_an_isolated_framework_runs_forked(request: pytest.FixtureRequest):
    isolated = {f.id for f in catalog().frameworks if f.isolated}
    checked = 0
    for item in request.session.items:
        if not item.nodeid.startswith(("tests/snippets/", "tests/test_differences.py")):
            continue  # only these load snippet apps in the test process
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("framework") in isolated:
            assert item.get_closest_marker("forked") is not None, item.nodeid
            checked += 1
    if len(request.session.items) > 1:
        assert checked > 0
