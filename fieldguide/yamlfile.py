"""Read YAML keeping line numbers, and map a pydantic error location back to a line.

PyYAML's libyaml-backed safe loader composes the node tree (which carries every line); this
module turns it into dicts and lists that remember where each key and item was written. Nothing
under data/ is written back, so no round-trip reader is needed: the C loader is about ten times
faster than one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from fieldguide.errors import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that knows the line of each of its keys (1-based)."""

    line: int = 1
    key_lines: dict[Any, int]
    # each scalar value as written (`1.10`, not the float 1.1), for messages that quote it
    value_text: dict[Any, str]


class LineList(list):
    """A sequence that knows the line of each of its items (1-based)."""

    line: int = 1
    item_lines: list[int]


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        self.key, self.line = key, line


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse one file. Duplicate keys are errors; syntax errors name their line."""
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (_convert(loader, node) if node is not None else None), []
    except _DuplicateKey as error:
        return None, [
            Problem(
                shown_as,
                error.line,
                f"duplicate key '{error.key}'; each key may appear once, remove one",
            )
        ]
    except yaml.MarkedYAMLError as error:
        # Report where the broken construct starts (the context), and where parsing gave up.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 1 if mark else 1
        what = "; ".join(part for part in (error.context, error.problem) if part)
        if error.context_mark and error.problem_mark:
            what += f" (line {error.problem_mark.line + 1})"
        return None, [Problem(shown_as, line, f"YAML syntax error: {what or 'invalid YAML'}")]
    finally:
        loader.dispose()


def _convert(loader: Any, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line, mapping.key_lines, mapping.value_text = node.start_mark.line + 1, {}, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in mapping:
                raise _DuplicateKey(key, line)
            mapping[key] = _convert(loader, value_node)
            mapping.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode):
                mapping.value_text[key] = value_node.value
        return mapping
    if isinstance(node, yaml.SequenceNode):
        sequence = LineList(_convert(loader, item) for item in node.value)
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
        return sequence
    return loader.construct_object(node, deep=True)


def line_of(document: Any, location: Sequence[str | int]) -> int:
    """The 1-based line of the deepest part of `location` that exists in the document."""
    line = getattr(document, "line", 1)
    node = document
    for part in location:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines[part]
            node = node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def written(document: Any, location: Sequence[str | int]) -> str | None:
    """The scalar at `location` as the file writes it, or None if it is not a mapping's value."""
    *parents, last = location
    node = document
    for part in parents:
        in_mapping = isinstance(node, LineDict) and part in node
        in_list = isinstance(node, LineList) and isinstance(part, int) and part < len(node)
        if not (in_mapping or in_list):
            return None
        node = node[part]
    return node.value_text.get(last) if isinstance(node, LineDict) else None


def plain(node: Any) -> Any:
    """Plain dicts and lists for pydantic (keys as strings, as YAML writes them)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
