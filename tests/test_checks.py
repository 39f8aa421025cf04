"""A build checks its inputs once: `build_site` hands the checked site to the macros."""

from fieldguide import checks
from tests.support import ROOT


def test_a_handed_over_site_is_used_once_then_the_inputs_are_checked_again(monkeypatch):
    calls = []
    monkeypatch.setattr(checks, "check_all", lambda root, names: calls.append(root) or "fresh")
    with checks.handed_over(ROOT, "checked"):  # type: ignore[arg-type]
        assert checks.checked_site(ROOT, []) == "checked"
        assert calls == []
        assert checks.checked_site(ROOT, []) == "fresh"  # a `mkdocs serve` rebuild
    assert calls == [ROOT]
    assert checks.checked_site(ROOT, []) == "fresh"
