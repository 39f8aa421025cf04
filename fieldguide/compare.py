"""The comparison layer: matrix rows, profiles and the decision guide (scores: scores.py).

Rows are the tasks (`data/tasks/`, cells with tested snippets) plus the capability rows
(`data/capabilities/`, cells documented upstream) that no task has replaced yet. Every cell is
judged by `fieldguide.evidence.verdict` against the recorded test outcomes when the site is
built, so the same cell reads *tested here*, *documented upstream* or *test failed* depending on
what this build can prove. The wizard's and the guide's rules live in `data/guides/guide.yml`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from fieldguide import layout
from fieldguide.errors import Problem, relative
from fieldguide.evidence import Verdict, read_outcomes, verdict
from fieldguide.guide_checks import GUIDE_FILE, guide_problems
from fieldguide.load import Catalog, _explain, _load_kind
from fieldguide.models import Capability, Claim, Guide, Support
from fieldguide.outcome_record import CellRecord
from fieldguide.support_cells import support_cell_problems
from fieldguide.yamlfile import line_of, plain, read_yaml

GUIDE_SCHEMA_LINE = "# yaml-language-server: $schema=../schema/guide.schema.json"


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    summary: str
    support: dict[str, Support]
    kind: str  # "task" or "capability"

    @property
    def url(self) -> str:
        """Site-relative URL of the row's page (tasks) or matrix anchor (capabilities)."""
        return f"tasks/{self.id}/" if self.kind == "task" else f"compare/#{self.id}"


@dataclass(frozen=True)
class Comparison:
    catalog: Catalog
    capabilities: dict[str, Capability]
    guide: Guide | None
    outcomes: dict[str, CellRecord] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()  # data/benchmarks/claims.yml, for the Benchmarks page
    # every cell is judged once per build, however many pages show it (`replace()` starts afresh)
    _verdicts: dict[tuple[str, str], Verdict] = field(
        init=False, default_factory=dict, compare=False, repr=False
    )

    @functools.cached_property
    def rows(self) -> list[Row]:
        rows = [
            Row(t.id, t.title, t.summary, t.support, "task") for t in self.catalog.tasks.values()
        ]
        rows += [
            Row(c.id, c.title, c.summary, c.support, "capability")
            for c in self.capabilities.values()
            if c.id not in self.catalog.tasks
        ]
        return sorted(rows, key=lambda r: r.title.lower())

    @functools.cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        return {r.id: r for r in self.rows}

    def row(self, row_id: str) -> Row:
        return self._rows_by_id[row_id]

    def verdict(self, row_id: str, framework_id: str) -> Verdict:
        key = (row_id, framework_id)
        if key not in self._verdicts:
            self._verdicts[key] = _verdict(self, row_id, framework_id)
        return self._verdicts[key]

    def frameworks_with_profiles(self):
        return [f for f in self.catalog.frameworks if f.profile is not None]


def _verdict(comparison: Comparison, row_id: str, framework_id: str) -> Verdict:
    cell = comparison.row(row_id).support[framework_id]
    return verdict(comparison.catalog.root, comparison.outcomes, row_id, framework_id, cell)


def load_comparison(catalog: Catalog) -> tuple[Comparison, list[Problem]]:
    """Capabilities and guide with every problem found; outcomes read from the last test run."""
    root = catalog.root
    problems: list[Problem] = []
    loaded = _load_kind(root, "capabilities", "capability", Capability, problems)
    capabilities = {k: c for k, (c, _) in sorted(loaded.items())}
    framework_ids = {f.id for f in catalog.frameworks}
    for cid, (capability, document) in loaded.items():
        shown = layout.capability_data(cid)
        problems += support_cell_problems(shown, document, capability.support, framework_ids)
    for cid, (_capability, document) in loaded.items():
        if cid in catalog.tasks:
            problems.append(
                Problem(
                    layout.capability_data(cid),
                    line_of(document, ["id"]),
                    f"the task {layout.task_data(cid)} replaces this capability row (its cells "
                    "carry tested snippets); delete this file and move any fact it has that "
                    "the task lacks into the task's cells",
                )
            )
    task_titles = {t.title.lower(): t.id for t in catalog.tasks.values()}
    for cid, (capability, document) in loaded.items():
        twin = task_titles.get(capability.title.lower())
        if twin and twin != cid:
            problems.append(
                Problem(
                    layout.capability_data(cid),
                    line_of(document, ["title"]),
                    f"task '{twin}' has the same title; the matrix would show the row twice. "
                    f"Rename this file to {twin}.yml with id: {twin} (the task then replaces "
                    "it) and update the rows that link to it",
                )
            )
    guide, document = _load_guide(root, problems)
    comparison = Comparison(catalog, capabilities, guide, read_outcomes(root))
    row_ids = {r.id for r in comparison.rows}
    if guide is not None:
        # scoring needs every cell of every row: only when the rows themselves are sound
        scored = not problems and all(set(r.support) >= framework_ids for r in comparison.rows)
        problems += guide_problems(comparison, document, framework_ids, row_ids, scored=scored)
    for framework in catalog.frameworks:
        shown = layout.framework_data(framework.id)
        if framework.profile is None:
            continue
        for kind in ("advantages", "challenges"):
            for index, point in enumerate(getattr(framework.profile, kind)):
                for position, row_id in enumerate(point.rows):
                    if row_id not in row_ids:
                        where = ["profile", kind, index, "rows", position]
                        problems.append(
                            Problem(
                                shown,
                                line_of(catalog.documents.get(shown), where),
                                f"profile.{kind}[{index}] links to unknown row '{row_id}'; "
                                "use a task or capability id",
                            )
                        )
        page = root / layout.framework_page(framework.id)
        if not page.is_file():
            problems.append(
                Problem(
                    shown,
                    line_of(catalog.documents.get(shown), ["profile"]),
                    "framework has a profile but no page; create "
                    f"{layout.framework_page(framework.id)} with front matter "
                    f"`framework: {framework.id}` and {{{{ framework_profile() }}}}",
                )
            )
    return comparison, problems


def _load_guide(root: Path, problems: list[Problem]) -> tuple[Guide | None, object]:
    path = root / GUIDE_FILE
    if not path.is_file():
        return None, None
    shown = relative(path, root)
    document, errors = read_yaml(path, shown)
    if errors:
        problems += errors
        return None, None
    if path.read_text(encoding="utf-8").splitlines()[:1] != [GUIDE_SCHEMA_LINE]:
        problems.append(Problem(shown, 1, f"first line must be `{GUIDE_SCHEMA_LINE}`"))
    try:
        return Guide.model_validate(plain(document)), document
    except ValidationError as error:
        problems += [_explain(shown, document, e, Guide) for e in error.errors()]
        return None, None
