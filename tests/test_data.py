"""The committed data loads cleanly and its generated schemas are fresh."""

import json
import subprocess

import yaml

from fieldguide.load import load_catalog
from fieldguide.models import Level
from fieldguide.schema import SCHEMAS, schema_path, schema_text, stale_schemas
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


def kind_of(path: str) -> str:
    return path.rsplit("/", 1)[-1].removesuffix(".schema.json")


def test_every_model_has_its_committed_schema_and_every_schema_its_model():
    """Both ways: the schema files on disk, the ones git tracks and the ones the data files
    name on their first line are each exactly the generated ones, and each file is fresh."""
    folder = schema_path(ROOT, "task").parent
    on_disk = {kind_of(p.name) for p in folder.glob("*.schema.json")}
    tracked = subprocess.run(
        ["git", "ls-files", "--", "*.schema.json"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    named = {
        kind_of(line.partition("$schema=")[2])
        for path in (ROOT / "data").glob("*/*.yml")
        if "$schema=" in (line := path.read_text(encoding="utf-8").partition("\n")[0])
    }

    assert on_disk == set(SCHEMAS)
    assert {kind_of(p) for p in tracked} == set(SCHEMAS), "commit data/schema/"
    assert named == set(SCHEMAS)
    for kind in on_disk:
        assert schema_path(ROOT, kind).read_text(encoding="utf-8") == schema_text(kind), kind


def test_every_snippet_cell_lists_what_to_install():
    catalog = load_catalog(ROOT)
    for task in catalog.tasks.values():
        for framework_id, cell in task.support.items():
            if cell.evidence and cell.evidence.snippet:
                assert cell.install, f"{task.id}.{framework_id} has a snippet but no install line"


def test_every_data_file_reads_the_same_without_libyaml():
    """The site reads YAML with libyaml; a machine whose PyYAML lacks it uses the pure-Python
    parser, which is stricter (`{Location: /login?next=/}` is a syntax error there)."""
    for path in sorted((ROOT / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(
            text, Loader=yaml.CSafeLoader
        ), path
