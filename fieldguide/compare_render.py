"""HTML for the comparison pages: matrix, filter, profiles, situations and the wizard.

The HTML comes from fieldguide/templates/, whose autoescape escapes every string from data.
`base` is the relative path from the current page to the site root ("../" for /compare/), so
links work on any host and offline.
"""

from __future__ import annotations

import functools
import tomllib
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from urllib.parse import urlencode

from fieldguide.compare import Comparison
from fieldguide.evidence import Status
from fieldguide.interfaces import snippet_interface
from fieldguide.labels import LEVEL_LABELS
from fieldguide.models import Framework, Level
from fieldguide.scores import contributions, preferred_to, rank
from fieldguide.templating import render
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


def framework_profile(comparison: Comparison, framework: Framework, base: str) -> str:
    profile = framework.profile
    assert profile is not None
    version = installed(framework.package)
    requires, classifiers = python_support(framework.package)
    support = []
    for level in (Level.builtin, Level.plugin, Level.partial, Level.none):
        rows = [
            row
            for row in comparison.rows
            if row.support[framework.id].level == level
            and (comparison.verdict(row.id, framework.id).supported or level == Level.none)
        ]
        if rows:
            support.append((level, rows))
    release = profile.release
    return render(
        "framework_profile.html",
        comparison=comparison,
        framework=framework,
        profile=profile,
        base=base,
        version=version,
        uploaded=lock_upload_date(comparison.catalog.root, framework.package, version),
        release=release if release and release.version == version else None,
        requires=requires,
        classifiers=classifiers,
        support=support,
        also=other_interfaces(comparison, framework),
    )


def other_interfaces(comparison: Comparison, framework: Framework) -> dict[str, list]:
    """{interface: the tasks whose snippet serves it} for interfaces besides the default one."""
    found: dict[str, list] = {}
    for task in comparison.catalog.tasks.values():
        cell = task.support[framework.id]
        if not (cell.evidence and cell.evidence.snippet):
            continue
        path = comparison.catalog.root / cell.evidence.snippet
        spoken = snippet_interface(path, framework.app_attribute, framework.interface)
        if spoken != framework.interface:
            found.setdefault(spoken.value.upper(), []).append(comparison.row(task.id))
    return found


# --- decision guide -------------------------------------------------------------------------


def situations_table(comparison: Comparison, base: str) -> str:
    assert comparison.guide is not None
    names = {f.id: f.name for f in comparison.catalog.frameworks}
    shown = []
    for situation in comparison.guide.situations:
        ranking = rank(comparison, situation.answers)
        score = dict(ranking)
        shown.append(
            {
                "situation": situation,
                "groups": score_groups([(names[f], points) for f, points in ranking]),
                "score": score,
                "than": {
                    e.framework: preferred_to(
                        score, e.framework, situation.pick, situation.runner_up
                    )
                    for e in situation.exceptions
                },
                # a failed or unverified cell counts nothing here but its level in the check
                "differs": ranking != rank(comparison, situation.answers, judged=False),
                "wizard": f"{base}guides/wizard/?{wizard_query(comparison, situation.answers)}",
            }
        )
    return render(
        "situations_table.html",
        comparison=comparison,
        situations=shown,
        names=names,
        base=base,
    )


def score_groups(ranking: list[tuple[str, int]]) -> list[tuple[list[str], int]]:
    """Frameworks with the same score together, so a tie reads as a tie."""
    groups: list[tuple[list[str], int]] = []
    for name, points in ranking:
        if groups and groups[-1][1] == points:
            groups[-1][0].append(name)
        else:
            groups.append(([name], points))
    return groups


def wizard_query(comparison: Comparison, answers: dict[str, str]) -> str:
    """The wizard's address for these answers (in the questions' order, as the wizard writes)."""
    assert comparison.guide is not None
    return urlencode([(q.id, answers[q.id]) for q in comparison.guide.questions if q.id in answers])


def wizard_data(comparison: Comparison) -> dict:
    """What fieldguide.js needs: the questions and, per option, every scored line (the script
    keeps, per framework and row, the line with the largest weight, as fieldguide.scores does),
    and the guide's situations, so that their answers show the guide's pick."""
    assert comparison.guide is not None
    names = {f.id: f.name for f in comparison.catalog.frameworks}
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
                            "row": line.row,
                            "weight": line.weight,
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
        "situations": [
            {
                "title": s.title,
                "answers": s.answers,
                "pick": names[s.pick],
                "runner_up": names[s.runner_up],
                "href": f"guides/#{s.id}",
            }
            for s in comparison.guide.situations
        ],
    }


def decision_wizard(comparison: Comparison, base: str) -> str:
    assert comparison.guide is not None
    return render(
        "decision_wizard.html",
        questions=comparison.guide.questions,
        data=wizard_data(comparison),
        base=base,
    )


def level_label(level: Level) -> str:
    return LEVEL_LABELS[level]
