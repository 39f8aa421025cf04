"""The Jinja2 environment the HTML fragments are rendered with (templates in fieldguide/templates/).

Autoescape is on for .html and .svg templates, so every value from data is escaped unless it is
Markup (HTML made by another template or macro); an undefined name is an error, not an empty
string.
The fragments go into Markdown pages (mkdocs-macros), where a blank line or a 4-space indent
inside an HTML block would end it or turn it into code: trim_blocks and lstrip_blocks drop the
lines that hold only a {% tag %}, and the final newline of a template is dropped, so a template
writes exactly the lines it shows. A line that starts with `{#- #}` (an empty comment that strips
the whitespace before it) continues the line before it, for output lines too long to read.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from fieldguide.labels import LEVEL_LABELS, STATUS_LABELS

TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(level_labels=LEVEL_LABELS, status_labels=STATUS_LABELS)
    env.filters["num"] = lambda value, digits=0: f"{value:,.{digits}f}"
    return env


def render(name: str, **context: Any) -> str:
    """The template `name` rendered with `context`, as a plain string."""
    return environment().get_template(name).render(**context)


def macro(template: str, name: str) -> Any:
    """A macro of `template`, callable from Python; it returns Markup."""
    return getattr(environment().get_template(template).module, name)
