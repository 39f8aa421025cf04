"""The committed data loads cleanly and its generated schemas are fresh."""

import json

from fieldguide.load import load_catalog
from fieldguide.models import Level
from fieldguide.schema import SCHEMAS, schema_path, stale_schemas
from tests.support import ROOT


def test_the_data_loads_without_problems():
    catalog = load_catalog(ROOT)
    assert [f.id for f in catalog.frameworks][:3] == ["django", "flask", "fastapi"]
    assert {"hello", "routing", "request_validation"} <= set(catalog.tasks)


def test_generated_schemas_are_fresh():
    assert stale_schemas(ROOT) == [], "run `make schema` and commit data/schema/"


def test_schemas_close_the_support_vocabulary():
    task_schema = json.loads(schema_path(ROOT, "task").read_text())
    assert task_schema["$defs"]["Level"]["enum"] == [level.value for level in Level]
    assert task_schema["$defs"]["Support"]["additionalProperties"] is False
    assert set(SCHEMAS) == {
        p.name.removesuffix(".schema.json")
        for p in schema_path(ROOT, "task").parent.glob("*.schema.json")
    } | set(SCHEMAS)


def test_every_snippet_cell_lists_what_to_install():
    catalog = load_catalog(ROOT)
    for task in catalog.tasks.values():
        for framework_id, cell in task.support.items():
            if cell.evidence and cell.evidence.snippet:
                assert cell.install, f"{task.id}.{framework_id} has a snippet but no install line"
