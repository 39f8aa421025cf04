"""JSON Schemas generated from the models; editors use them through each file's first line."""

from __future__ import annotations

import json
from pathlib import Path

from fieldguide import layout
from fieldguide.models import Capability, Framework, Guide, Task

SCHEMAS = {"framework": Framework, "task": Task, "capability": Capability, "guide": Guide}


def schema_text(kind: str) -> str:
    schema = SCHEMAS[kind].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_path(root: Path, kind: str) -> Path:
    return root / layout.schema(kind)


def write_schemas(root: Path) -> list[Path]:
    written = []
    for kind in SCHEMAS:
        path = schema_path(root, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[Path]:
    return [
        schema_path(root, kind)
        for kind in SCHEMAS
        if not schema_path(root, kind).is_file()
        or schema_path(root, kind).read_text(encoding="utf-8") != schema_text(kind)
    ]
