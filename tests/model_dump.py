"""A readable dump of model nodes, one node a line, for the dialect's fixture files.

Every dataclass field is shown when it differs from its default, so a new field or node type is
dumped without changing this module. A text is a JSON string; an inline node whose only child is a
text is written on one line (`Emph "word"`), the rest of a node's children are indented under it.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields

from reportgen import model as m
from reportgen.errors import Source


def dump(nodes, indent: int = 0) -> list[str]:
    """The lines of a dump of `nodes` (one node or a tuple of them)."""
    lines: list[str] = []
    for node in nodes if isinstance(nodes, tuple) else (nodes,):
        lines.extend(_node(node, indent))
    return lines


def _text(node: m.Node) -> str:
    return json.dumps(node.text, ensure_ascii=False)


def _node(node: m.Node, indent: int) -> list[str]:
    pad = "  " * indent
    if isinstance(node, m.Verbatim):
        return [f"{pad}Verbatim {_text(node)}"]
    if isinstance(node, m.Text):
        return [pad + _text(node)]
    children = m.child_fields(node)
    head = " ".join([type(node).__name__] + _attributes(node, children))
    kids = [(name, getattr(node, name)) for name in children if getattr(node, name)]
    if len(kids) == 1 and len(kids[0][1]) == 1 and isinstance(kids[0][1][0], m.Text):
        return [f"{pad}{head} {_text(kids[0][1][0])}"]
    lines = [pad + head]
    for name, value in kids:
        if len(kids) > 1 or name in ("prefix", "suffix", "header", "rows"):
            lines.append(f"{pad}  {name}:")
            lines.extend(_field(value, indent + 2))
        else:
            lines.extend(_field(value, indent + 1))
    return lines


def _field(value: tuple, indent: int) -> list[str]:
    if value and isinstance(value[0], tuple):  # table rows
        lines = []
        for row in value:
            lines.append("  " * indent + "row:")
            lines.extend(dump(row, indent + 1))
        return lines
    return dump(value, indent)


def _attributes(node: m.Node, children: tuple[str, ...]) -> list[str]:
    out = []
    for f in fields(node):
        if f.name in children or not f.compare:
            continue
        value = getattr(node, f.name)
        if isinstance(value, Source):
            out.append(f"@{value.line}")
            continue
        default = f.default if f.default is not MISSING else (
            f.default_factory() if f.default_factory is not MISSING else MISSING)
        if value == default:
            continue
        out.append(f"{f.name}={_value(value)}")
    return out


def _value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if not value.isidentifier() else value
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return "[" + ",".join(_value(v) for v in value) + "]"
    if hasattr(value, "__dataclass_fields__"):  # attributes
        parts = [f"{f.name}={_value(getattr(value, f.name))}" for f in fields(value) if getattr(value, f.name)]
        return "{" + " ".join(parts) + "}"
    return repr(value)
