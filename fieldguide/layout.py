"""Every path an id names, in one place: a task id names its page, its data file, its snippet
folder and its contract module; a framework id names its data file, its profile page and every
`<framework>_app.py`. Paths are repository-relative strings, as problems and the export show
them; join them to a root with `root / layout.task_data(task)`. tests/test_layout.py asserts
that the files on disk follow these rules."""

from __future__ import annotations

DATA = "data"
DOCS = "docs"
SNIPPETS = "snippets"
CONTRACTS = "tests/snippets"  # one contract module per task
CONTRACT_PACKAGE = "tests.snippets"

GUIDE = f"{DATA}/guides/guide.yml"
CLAIMS = f"{DATA}/benchmarks/claims.yml"
SCHEMAS = f"{DATA}/schema"
MUTATION_EQUIVALENTS = f"{DATA}/mutation/equivalent.yml"  # read by tests/mutation.py


def task_data(task: str) -> str:
    return f"{DATA}/tasks/{task}.yml"


def task_page(task: str) -> str:
    return f"{DOCS}/tasks/{task}.md"


def snippet(task: str, framework: str) -> str:
    return f"{SNIPPETS}/{task}/{framework}_app.py"


def contract(task: str) -> str:
    return f"{CONTRACTS}/test_{task}.py"


def contract_module(task: str) -> str:
    return f"{CONTRACT_PACKAGE}.test_{task}"


def framework_data(framework: str) -> str:
    return f"{DATA}/frameworks/{framework}.yml"


def framework_page(framework: str) -> str:
    return f"{DOCS}/frameworks/{framework}.md"


def capability_data(capability: str) -> str:
    return f"{DATA}/capabilities/{capability}.yml"


def schema(kind: str) -> str:
    return f"{SCHEMAS}/{kind}.schema.json"


def page(src_path: str) -> str:
    """A page as problems name it, from MkDocs' `src_path` (relative to docs/)."""
    return f"{DOCS}/{src_path}"
