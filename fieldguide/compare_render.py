"""HTML for the comparison pages: matrix, filter, profiles, situations and the wizard.

Every string that comes from data goes through `esc`. `base` is the relative path from the
current page to the site root ("../" for /compare/), so links work on any host and offline.
"""

from __future__ import annotations

import functools
import json
import tomllib
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path

from fieldguide.compare import Comparison, contributions
from fieldguide.evidence import Status
from fieldguide.labels import LEVEL_LABELS
from fieldguide.models import Framework, Level
from fieldguide.render import esc, level_badge
from fieldguide.templating import macro, render
from fieldguide.versions import installed


def python_support(package: str) -> tuple[str, str]:
    """Requires-Python and the Python version classifiers of the installed distribution."""
    try:
        meta = metadata(package)
    except PackageNotFoundError:
        return "", ""
    prefix = "Programming Language :: Python :: 3."
    versions = sorted(
        (
            c.removeprefix("Programming Language :: Python :: ")
            for c in meta.get_all("Classifier") or []
            if c.startswith(prefix) and c.removeprefix(prefix).split(" ")[0].isdigit()
        ),
        key=lambda v: int(v.split(".")[1].split(" ")[0]),
    )
    return meta.get("Requires-Python") or "", ", ".join(versions)


@functools.cache
def _lock(path: Path) -> dict:
    """uv.lock, parsed once per process (it changes only with the installed packages)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def lock_upload_date(root: Path, package: str, version: str) -> str | None:
    """When PyPI received this version's files, as uv recorded it in uv.lock (offline, exact)."""
    lock = _lock(root / "uv.lock")
    wanted = package.lower().replace("_", "-")
    for entry in lock.get("package", []):
        if entry.get("name") == wanted and entry.get("version") == version:
            files = [entry.get("sdist") or {}, *entry.get("wheels", [])]
            times = sorted(f["upload-time"] for f in files if f.get("upload-time"))
            return times[0][:10] if times else None
    return None


def feature_matrix(comparison: Comparison, base: str) -> str:
    return render(
        "feature_matrix.html",
        comparison=comparison,
        frameworks=comparison.catalog.frameworks,
        base=base,
    )


def framework_filter(comparison: Comparison) -> str:
    """Checkboxes naming the frameworks; fieldguide.js hides the others and keeps ?fw= in sync."""
    return render("framework_filter.html", frameworks=comparison.catalog.frameworks)


def matrix_summary(comparison: Comparison) -> str:
    counts: dict[Status, int] = {}
    for row in comparison.rows:
        for framework in comparison.catalog.frameworks:
            status = comparison.verdict(row.id, framework.id).status
            counts[status] = counts.get(status, 0) + 1
    parts = [
        f"{counts.get(s, 0)} {label}"
        for s, label in (
            (Status.tested, "tested here"),
            (Status.documented, "documented upstream"),
            (Status.failed, "with a failed test"),
            (Status.unverified, "not verified"),
        )
    ]
    return render(
        "matrix_summary.html",
        rows=len(comparison.rows),
        frameworks=len(comparison.catalog.frameworks),
        parts=parts,
    )


# --- profiles -------------------------------------------------------------------------------


def _point(comparison: Comparison, text: str, rows: list[str], base: str) -> str:
    return str(macro("_compare.html", "point")(comparison, text, rows, base))


def framework_profile(comparison: Comparison, framework: Framework, base: str) -> str:
    profile = framework.profile
    assert profile is not None
    version = installed(framework.package)
    uploaded = lock_upload_date(comparison.catalog.root, framework.package, version)
    history = f"https://pypi.org/project/{esc(framework.package)}/#history"
    if uploaded:
        released = (
            f"{esc(uploaded)}: first upload of {esc(version)} to PyPI, as recorded in uv.lock "
            f'(<a href="{history}">release history</a>)'
        )
    elif profile.release and profile.release.version == version:
        released = (
            f'{esc(profile.release.date)} (<a href="{esc(profile.release.source)}">source</a>)'
        )
    else:
        released = f'not recorded for this version; see <a href="{history}">the release history</a>'

    def fact(label: str, value: str, source: str) -> str:
        link = f'<a href="{esc(source)}">source</a>'
        return f'<tr><th scope="row">{label}</th><td>{esc(value)} ({link})</td></tr>'

    requires, classifiers = python_support(framework.package)
    facts = [
        f'<tr><th scope="row">Interface</th><td>{esc(framework.interface.value.upper())}</td></tr>',
        f'<tr><th scope="row">Version used here</th><td>{esc(framework.package)} '
        f"{esc(version)} (read from the installed package when the site was built)</td></tr>",
        f'<tr><th scope="row">Released</th><td>{released}</td></tr>',
        f'<tr><th scope="row">Python (package metadata)</th><td>{esc(classifiers or "not listed")}'
        f"; requires {esc(requires or 'not stated')}</td></tr>",
        *(
            [fact("Python (upstream docs)", versions.value, versions.source)]
            if (versions := profile.python_versions)
            else []
        ),
        fact("License", profile.license.value, profile.license.source),
        fact("Governance", profile.governance.value, profile.governance.source),
        fact("First release", profile.first_release.value, profile.first_release.source),
        fact("Release cadence", profile.release_cadence.value, profile.release_cadence.source),
        f'<tr><th scope="row">Links</th><td><a href="{esc(framework.homepage)}">home</a> · '
        f'<a href="{esc(framework.docs)}">docs</a> · '
        f'<a href="{esc(framework.repository)}">repository</a></td></tr>',
    ]
    advantages = "".join(_point(comparison, p.text, p.rows, base) for p in profile.advantages)
    challenges = "".join(_point(comparison, p.text, p.rows, base) for p in profile.challenges)
    support = []
    for level in (Level.builtin, Level.plugin, Level.partial, Level.none):
        names = []
        for row in comparison.rows:
            cell = row.support[framework.id]
            judged = comparison.verdict(row.id, framework.id)
            if cell.level == level and (judged.supported or level == Level.none):
                names.append(f'<a href="{base}{row.url}">{esc(row.title)}</a>')
        if names:
            support.append(f"<li>{level_badge(level)} {', '.join(names)}</li>")
    return (
        f'<p class="fg-what">{esc(profile.what)}</p>\n\n'
        f'<table class="fg-facts"><tbody>{"".join(facts)}</tbody></table>\n\n'
        f'<h2 id="advantages">Advantages</h2>\n<ul>{advantages}</ul>\n\n'
        f'<h2 id="challenges">Challenges</h2>\n<ul>{challenges}</ul>\n\n'
        f'<h2 id="support">Support at a glance</h2>\n<ul class="fg-glance">{"".join(support)}</ul>'
    )


# --- decision guide -------------------------------------------------------------------------


def situations_table(comparison: Comparison, base: str) -> str:
    assert comparison.guide is not None
    return render(
        "situations_table.html",
        comparison=comparison,
        situations=comparison.guide.situations,
        names={f.id: f.name for f in comparison.catalog.frameworks},
        base=base,
    )


def wizard_data(comparison: Comparison) -> dict:
    """What fieldguide.js needs: the questions and, per option, every scored line."""
    assert comparison.guide is not None
    return {
        "frameworks": [
            {"id": f.id, "name": f.name, "order": f.order} for f in comparison.catalog.frameworks
        ],
        "questions": [
            {
                "id": q.id,
                "options": {
                    o.id: [
                        {
                            "fw": line.framework,
                            "points": line.points,
                            "text": line.text,
                            "href": comparison.row(line.row).url,
                        }
                        for line in contributions(comparison, q.id, o.id)
                    ]
                    for o in q.options
                },
            }
            for q in comparison.guide.questions
        ],
    }


def decision_wizard(comparison: Comparison, base: str) -> str:
    assert comparison.guide is not None
    fieldsets = []
    for question in comparison.guide.questions:
        options = "".join(
            f'<label><input type="radio" name="{esc(question.id)}" value="{esc(o.id)}"'
            f"{' checked' if i == 0 else ''}> {esc(o.label)}</label>"
            for i, o in enumerate(question.options)
        )
        fieldsets.append(f"<fieldset><legend>{esc(question.text)}</legend>{options}</fieldset>")
    data = json.dumps(wizard_data(comparison), sort_keys=True).replace("</", "<\\/")
    return (
        f'<form class="fg-wizard" method="get" data-fg-wizard data-base="{esc(base)}">'
        + "".join(fieldsets)
        + '<button type="submit" class="md-button md-button--primary">Rank</button></form>\n'
        '<section class="fg-result" aria-live="polite" data-fg-result>'
        "<p>Choose answers, then press <em>Rank</em>.</p></section>\n"
        f'<script type="application/json" id="fg-wizard-data">{data}</script>'
    )


def level_label(level: Level) -> str:
    return LEVEL_LABELS[level]
