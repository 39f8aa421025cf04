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


# a domain name: dot-separated labels of letters, digits and inner hyphens, an optional port
DOMAIN = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?$")


def _https(url: str) -> str:
    if not url.startswith("https://"):
        raise ValueError(f"URL must start with https:// (got {url!r}); use the https address")
    if any(character.isspace() for character in url):
        raise ValueError(
            f"URL contains a space (got {url!r}); remove it, or write it as %20 if the address "
            "has one"
        )
    host = url.removeprefix("https://").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if not host:
        raise ValueError(
            f"URL has no host after https:// (got {url!r}); write the whole address, such as "
            "https://docs.example.org/page"
        )
    if not DOMAIN.match(host):
        raise ValueError(
            f"URL host {host!r} is not a domain name such as docs.example.org (got {url!r}); "
            "write the whole address"
        )
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
DistributionName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


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


class Fact(Strict):
    """One stated fact about a framework and where it can be checked."""

    value: str = Field(min_length=1)
    source: HttpsUrl


class Release(Strict):
    """A release date, shown only while `version` is the installed version."""

    version: str = Field(pattern=r"^\d+(\.\d+)*$")
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    source: HttpsUrl


class Point(Strict):
    """One advantage or challenge, in our words, linked to the rows that show it."""

    text: str = Field(min_length=1)
    rows: list[Identifier] = Field(
        min_length=1, description="Task or capability ids whose pages and cells show the point"
    )


class Profile(Strict):
    what: str = Field(min_length=1, description="What the framework is, in two or three lines")
    license: Fact
    governance: Fact
    first_release: Fact
    release_cadence: Fact
    python_versions: Fact | None = Field(
        default=None, description="As the project documents them; the package metadata is shown too"
    )
    release: Release | None = None
    advantages: list[Point] = Field(min_length=1)
    challenges: list[Point] = Field(min_length=1)


class AdvisedServer(Strict):
    """The production server the framework's own deployment docs advise (the benchmarks run
    each framework on it, and on one server common to all)."""

    server: Literal["gunicorn", "uvicorn", "hypercorn", "granian"]
    source: HttpsUrl = Field(description="The framework's docs page that advises that server")


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
    advised_server: AdvisedServer
    summary: str = Field(min_length=1)
    homepage: HttpsUrl
    docs: HttpsUrl
    repository: HttpsUrl
    profile: Profile | None = Field(
        default=None, description="Facts for the framework's profile page, each with its source"
    )


class Evidence(Strict):
    snippet: str | None = Field(
        default=None,
        pattern=r"^snippets/[a-z][a-z0-9_]*/[a-z][a-z0-9_]*_app\.py$",
        description="The tested snippet: snippets/<task>/<framework>_app.py",
    )
    docs: HttpsUrl | None = Field(default=None, description="Upstream documentation")
    changelog: HttpsUrl | None = Field(default=None, description="Where it landed upstream")


class Support(Strict):
    """One cell: how one framework does one task, and how we know. The level follows the rubric
    in docs/conventions.md#rubric, which tests/test_levels.py applies to every snippet."""

    level: Level
    api: str | None = Field(default=None, description="The API or package that does the job")
    package: Requirement | None = Field(
        default=None,
        description="Required when level is plugin: the distribution that does the task, one "
        "the install line adds beyond `pip install <framework>`",
    )
    since: str | None = Field(default=None, pattern=r"^\d+(\.\d+)*$")
    note: str | None = Field(default=None, description="Plain text; HTML is shown, not run")
    install: list[Requirement] = Field(
        default_factory=list, description="What `pip install` needs for the snippet"
    )
    incidental: dict[DistributionName, str] = Field(
        default_factory=dict,
        description="Distributions the install line adds that the snippet uses for something the "
        "task does not ask for (password hashing, a database driver, the test runner), each with "
        "what it is for; the level does not count them (docs/conventions.md#rubric)",
    )
    gap_test: str | None = Field(
        default=None,
        pattern=r"^tests/[a-z0-9_/]+\.py::test_[a-z0-9_]+$",
        description="For a partial cell with a snippet: the test that checks the part the "
        "framework leaves to the snippet, as tests/<file>.py::test_<name>",
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
        if self.level == Level.partial and not self.note:
            raise ValueError("a 'partial' cell needs a `note:` saying which part is left to you")
        if self.level in (Level.none, Level.unknown) and not self.note:
            raise ValueError(f"a '{self.level}' cell needs a `note:` telling the reader what to do")
        has_snippet = self.evidence is not None and bool(self.evidence.snippet)
        if has_snippet and self.level in (Level.none, Level.unknown):
            raise ValueError(
                f"a '{self.level}' cell claims no support, so it has no snippet to test; remove "
                "`snippet:` (and the snippet file), or set the level the snippet shows"
            )
        if has_snippet and not self.install:
            raise ValueError("a cell with a snippet needs `install:`, the packages it imports")
        if self.gap_test and self.level != Level.partial:
            raise ValueError(
                f"only a 'partial' cell names a `gap_test:`; remove it from this '{self.level}' "
                "cell"
            )
        if self.level == Level.partial and has_snippet and not self.gap_test:
            raise ValueError(
                "a 'partial' cell with a snippet needs `gap_test:` naming the test that checks "
                "the part the framework leaves to the snippet (tests/<file>.py::test_<name>)"
            )
        if self.incidental and not has_snippet:
            raise ValueError(
                "`incidental:` names packages of a snippet's install line; this cell has no "
                "snippet, so remove it"
            )
        return self


class Upload(Strict):
    """One file sent as multipart/form-data; its content is `size` bytes of the letter a."""

    field: str = Field(min_length=1, description="The form field that carries the file")
    filename: str = Field(min_length=1)
    size: int = Field(ge=0, le=16 * 1024 * 1024, description="Length of the file in bytes")


class Request(Strict):
    method: Literal["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] = "GET"
    path: str = Field(pattern=r"^/")
    headers: dict[str, str] = Field(
        default_factory=dict, description="Request headers, such as Authorization"
    )
    json_body: dict | list | None = Field(default=None, alias="json")
    upload: Upload | None = Field(
        default=None, description="Send one file as multipart/form-data instead of a JSON body"
    )

    @model_validator(mode="after")
    def _one_body(self) -> Request:
        if self.json_body is not None and self.upload is not None:
            raise ValueError("a request sends either `json:` or `upload:`, not both")
        return self


class Observed(Strict):
    """What one framework answered; the contract tests check it against the real answer."""

    status: int = Field(ge=100, le=599)
    content_type: str
    headers: dict[str, str] = Field(
        default_factory=dict, description="Response headers, each checked exactly"
    )
    json_body: dict | list | None = Field(default=None, alias="json")
    text: str | None = Field(default=None, description="The whole body, for an answer not in JSON")
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


class Capability(Strict):
    """data/capabilities/<id>.yml: a matrix row without a task page, documented upstream only.

    A task with the same id replaces the row: its cells carry tested snippets."""

    id: Identifier
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    support: dict[Identifier, Support]

    @model_validator(mode="after")
    def _no_snippets(self) -> Capability:
        for framework, cell in self.support.items():
            if cell.evidence and cell.evidence.snippet:
                raise ValueError(
                    f"support.{framework}: capability rows have no snippets; turn the row into a "
                    "task (`fieldguide new-task`) to show tested code"
                )
        return self


class Reason(Strict):
    """Why a pick fits a situation, linked to the rows (and so the cells) that show it."""

    text: str = Field(min_length=1)
    rows: list[Identifier] = Field(min_length=1)


class PickException(Strict):
    """Why a framework that scores at least as high is not the pick (or the runner-up)."""

    framework: Identifier = Field(description="The framework the pick or runner-up is preferred to")
    text: str = Field(min_length=1, description="The reason, in words that compare no scores")
    rows: list[Identifier] = Field(min_length=1, description="The rows whose cells show it")


class Situation(Strict):
    id: Identifier
    title: str = Field(min_length=1)
    answers: dict[Identifier, Identifier] = Field(
        description="The wizard's answer to every question for this situation: {question: option}"
    )
    pick: Identifier
    runner_up: Identifier
    reasons: list[Reason] = Field(min_length=1)
    exceptions: list[PickException] = Field(
        default_factory=list,
        description="One per framework that scores at least as high as the pick, or higher "
        "than the runner-up, on these answers: why it is not chosen",
    )


class Rule(Strict):
    """Points for every framework from one row: weight x the cell's level points."""

    row: Identifier
    weight: int = Field(ge=1, le=5)
    why: str = Field(min_length=1, description="Why this row matters for the answer")


class Option(Strict):
    id: Identifier
    label: str = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)


class Question(Strict):
    id: Identifier
    text: str = Field(min_length=1)
    options: list[Option] = Field(min_length=2)


class Guide(Strict):
    """data/guides/guide.yml: the decision guide's situations and the wizard's questions."""

    rationale: str = Field(min_length=1, description="How the rules were chosen")
    situations: list[Situation] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)


class Claim(Strict):
    """A throughput figure that a published comparison prints (data/benchmarks/claims.yml), set
    beside the ratios measured here on the Benchmarks page."""

    id: str = Field(min_length=1)
    source: str = Field(min_length=1, description="who published it, in a few words")
    url: HttpsUrl
    setup: str = Field(description="how they measured, in our own words")
    scenario: Literal["json", "db", "template", "io_wait"] = Field(
        description="the benchmark scenario here that is closest to theirs"
    )
    figures: dict[str, float] = Field(default_factory=dict, description="req/s per framework")
    summary: str
