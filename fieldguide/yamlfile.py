"""Read YAML keeping line numbers, and map a pydantic error location back to a line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from fieldguide.errors import Problem


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse one file. Duplicate keys are errors; syntax errors name their line."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text), []
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = str(error.problem).split('"')[1] if '"' in str(error.problem) else "?"
        line = mark.line + 1 if mark else 1
        return None, [
            Problem(shown_as, line, f"duplicate key '{key}'; each key may appear once, remove one")
        ]
    except MarkedYAMLError as error:
        # Report where the broken construct starts (the context), and where parsing gave up.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else 1
        what = "; ".join(part for part in (error.context, error.problem) if part)
        if error.context_mark and error.problem_mark:
            what += f" (line {error.problem_mark.line + 1})"
        return None, [Problem(shown_as, line, f"YAML syntax error: {what or 'invalid YAML'}")]


def line_of(document: Any, location: Sequence[str | int]) -> int:
    """The 1-based line of the deepest part of `location` that exists in the document."""
    line = _own_line(document)
    node = document
    for part in location:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break
    return line


def _own_line(node: Any) -> int:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return 1
    return lc.line + 1


def plain(node: Any) -> Any:
    """Convert ruamel's round-trip containers to plain dicts and lists for pydantic."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    for kind in (bool, str, int, float):  # ruamel's Scalar* subclasses become plain types
        if isinstance(node, kind):
            return kind(node)
    return node
