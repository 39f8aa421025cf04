"""The dataset as files tools can cite: `data/fieldguide.json`, its schemas, and `llms.txt`.

Written after every build (mkdocs-macros' `on_post_build`, wired in fieldguide/macros.py). The
JSON holds every framework, task and capability row with each cell's verdict as this build
judged it, so a tool quoting it says *tested here* only where this site's tests proved it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import Field

from fieldguide.compare import Comparison
from fieldguide.evidence import Status
from fieldguide.labels import LEVEL_LABELS, STATUS_LABELS
from fieldguide.models import Framework, Guide, Identifier, Strict, Support, Task
from fieldguide.schema import SCHEMAS, schema_text
from fieldguide.versions import installed, python_version

FORMAT = 1


class ExportCell(Support):
    status: Status = Field(description="How this build knows the cell (fieldguide/evidence.py)")
    status_detail: str
    supported: bool = Field(description="Shown as supported: tested here or documented upstream")


class ExportFramework(Framework):
    installed_version: str = Field(description="Version the site was built and tested with")


class ExportRow(Strict):
    id: Identifier
    kind: Literal["task", "capability"]
    title: str
    summary: str
    url: str = Field(description="Relative to the site root")
    cells: dict[Identifier, ExportCell]


class Export(Strict):
    """data/fieldguide.json: everything the site states, with how each cell is known."""

    format: Literal[1]
    built: str
    python: str
    schemas: dict[str, str]
    frameworks: list[ExportFramework]
    rows: list[ExportRow]
    tasks: list[Task]
    guide: Guide | None = None


def export_schema_text() -> str:
    schema = Export.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def dataset(comparison: Comparison) -> dict:
    catalog = comparison.catalog
    rows = []
    for row in comparison.rows:
        cells = {}
        for framework in catalog.frameworks:
            cell = row.support[framework.id]
            judged = comparison.verdict(row.id, framework.id)
            cells[framework.id] = ExportCell(
                **cell.model_dump(by_alias=True),
                status=judged.status,
                status_detail=judged.detail,
                supported=judged.supported,
            )
        rows.append(
            ExportRow(
                id=row.id,
                kind=row.kind,  # type: ignore[arg-type]
                title=row.title,
                summary=row.summary,
                url=row.url,
                cells=cells,
            )
        )
    export = Export(
        format=FORMAT,
        built=datetime.now(UTC).isoformat(timespec="seconds"),
        python=python_version(),
        schemas={"export": "schema/export.schema.json"}
        | {kind: f"schema/{kind}.schema.json" for kind in SCHEMAS},
        frameworks=[
            ExportFramework(**f.model_dump(by_alias=True), installed_version=installed(f.package))
            for f in catalog.frameworks
        ],
        rows=rows,
        tasks=sorted(catalog.tasks.values(), key=lambda t: t.id),
        guide=comparison.guide,
    )
    return {
        "$schema": "schema/export.schema.json",
        **export.model_dump(mode="json", by_alias=True, exclude_none=True),
    }


def llms_txt(comparison: Comparison, site_url: str) -> str:
    catalog = comparison.catalog
    names = ", ".join(f.name for f in catalog.frameworks)
    lines = [
        "# Field Guide to Python Web Frameworks",
        "",
        f"> {names} compared task by task. Each code sample is a file the site's test suite "
        "runs; each support cell says how it is known: 'tested here' (the snippet's contract "
        "test passed for the build that wrote this file) or 'documented upstream'.",
        "",
        f"Full dataset (JSON, with JSON Schemas): {site_url}data/fieldguide.json",
        "",
        "## Frameworks",
        "",
    ]
    for f in catalog.frameworks:
        lines.append(
            f"- [{f.name}]({site_url}frameworks/{f.id}/): {f.summary.strip()} "
            f"(version used: {installed(f.package)})"
        )
    lines += ["", "## Support matrix", ""]
    for row in comparison.rows:
        parts = []
        for f in catalog.frameworks:
            cell = row.support[f.id]
            judged = comparison.verdict(row.id, f.id)
            level = (
                LEVEL_LABELS[cell.level]
                if judged.supported or not STATUS_LABELS[judged.status]
                else f"not shown as supported ({STATUS_LABELS[judged.status]})"
            )
            extra = f" via {cell.package}" if cell.package else ""
            how = f", {STATUS_LABELS[judged.status]}" if judged.supported else ""
            parts.append(f"{f.name}: {level}{extra}{how}")
        lines.append(f"- [{row.title}]({site_url}{row.url}): " + "; ".join(parts))
    if comparison.guide:
        lines += ["", "## Decision guide", "", f"Details: {site_url}guides/", ""]
        names_by_id = {f.id: f.name for f in catalog.frameworks}
        for s in comparison.guide.situations:
            lines.append(
                f"- {s.title}: pick {names_by_id[s.pick]}, runner-up {names_by_id[s.runner_up]}"
            )
    return "\n".join(lines) + "\n"


def write_exports(comparison: Comparison, site_dir: Path, site_url: str) -> list[Path]:
    data_dir = site_dir / "data"
    (data_dir / "schema").mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = data_dir / "schema" / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    path = data_dir / "schema" / "export.schema.json"
    path.write_text(export_schema_text(), encoding="utf-8")
    written.append(path)
    path = data_dir / "fieldguide.json"
    path.write_text(json.dumps(dataset(comparison), indent=1, sort_keys=True), encoding="utf-8")
    written.append(path)
    path = site_dir / "llms.txt"
    path.write_text(llms_txt(comparison, site_url), encoding="utf-8")
    written.append(path)
    return written
