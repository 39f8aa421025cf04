"""The data model: one YAML file per framework, one per task.

These pydantic models are the single source of truth for the data's shape; the JSON Schemas in
`data/schema/` are generated from them (`fieldguide schema`) and a test keeps them fresh.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


def _https(url: str) -> str:
    if not url.startswith("https://"):
        raise ValueError(f"URL must start with https:// (got {url!r}); use the https address")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https), Field(examples=["https://example.org/docs/"])]
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]
Requirement = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?$",
        description="A pip requirement, with the extras the snippet needs: pydantic[email]",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Interface(StrEnum):
    wsgi = "wsgi"
    asgi = "asgi"


class Level(StrEnum):
    """How a framework supports a task. The meaning of each level is in docs/conventions.md."""

    builtin = "builtin"
    partial = "partial"
    plugin = "plugin"
    none = "none"
    unknown = "unknown"


class Framework(Strict):
    """data/frameworks/<id>.yml"""

    id: Identifier
    name: str = Field(min_length=1, description="Display name, used as the tab label")
    order: int = Field(ge=1, description="Position of the framework's tab and column")
    interface: Interface
    package: str = Field(description="Distribution whose installed version the pages stamp")
    app_attribute: str = Field(
        default="app", description="Name of the WSGI/ASGI callable in each snippet"
    )
    isolated: bool = Field(
        default=False,
        description="Run each of its contract tests in a fresh process (Django's settings "
        "can be configured only once per process)",
    )
    summary: str = Field(min_length=1)
    homepage: HttpsUrl
    docs: HttpsUrl
    repository: HttpsUrl


class Evidence(Strict):
    snippet: str | None = Field(
        default=None,
        pattern=r"^snippets/[a-z][a-z0-9_]*/[a-z][a-z0-9_]*_app\.py$",
        description="The tested snippet: snippets/<task>/<framework>_app.py",
    )
    docs: HttpsUrl | None = Field(default=None, description="Upstream documentation")
    changelog: HttpsUrl | None = Field(default=None, description="Where it landed upstream")


class Support(Strict):
    """One cell: how one framework does one task, and how we know."""

    level: Level
    api: str | None = Field(default=None, description="The API or package that does the job")
    package: Requirement | None = Field(
        default=None, description="Required when level is plugin: the extension package"
    )
    since: str | None = Field(default=None, pattern=r"^\d+(\.\d+)*$")
    note: str | None = Field(default=None, description="Plain text; HTML is shown, not run")
    install: list[Requirement] = Field(
        default_factory=list, description="What `pip install` needs for the snippet"
    )
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _level_rules(self) -> Support:
        has_evidence = self.evidence is not None and bool(
            self.evidence.snippet or self.evidence.docs
        )
        if self.level in (Level.builtin, Level.plugin, Level.partial) and not has_evidence:
            raise ValueError(
                f"a '{self.level}' cell needs evidence: add `evidence:` with a `snippet:` "
                "path or a `docs:` URL"
            )
        if self.level == Level.plugin and not self.package:
            raise ValueError("a 'plugin' cell needs `package:` naming the extension to install")
        if self.level in (Level.none, Level.unknown) and not self.note:
            raise ValueError(f"a '{self.level}' cell needs a `note:` telling the reader what to do")
        if self.evidence and self.evidence.snippet and not self.install:
            raise ValueError("a cell with a snippet needs `install:`, the packages it imports")
        return self


class Request(Strict):
    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE"] = "GET"
    path: str = Field(pattern=r"^/")
    json_body: dict | list | None = Field(default=None, alias="json")


class Observed(Strict):
    """What one framework answered; the contract tests check it against the real answer."""

    status: int = Field(ge=100, le=599)
    content_type: str
    json_body: dict | list | None = Field(default=None, alias="json")
    note: str | None = None


class Difference(Strict):
    """A behaviour that differs between frameworks, stated once and tested for each."""

    id: Identifier
    title: str
    request: Request
    observed: dict[Identifier, Observed]


class Task(Strict):
    """data/tasks/<id>.yml"""

    id: Identifier
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    support: dict[Identifier, Support]
    differences: list[Difference] = Field(default_factory=list)


TASK_ID = re.compile(ID_PATTERN)
