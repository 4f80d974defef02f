"""YAML read into frozen dataclasses key by key, every mistake located: the reader behind report.yaml
and section front matter. A schema is a dataclass whose fields are made with `doc`; the README's key
tables are generated from the same documentation."""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import MISSING, field, fields, is_dataclass
from typing import Literal

import yaml

from ..errors import Problem, Problems, ReportError, Source
from .textclean import clean_value


def doc(text: str, default=MISSING, required: bool = False, **kwargs):
    """A dataclass field with its documentation. A required key still gets a default, so that
    reading can go on and report every other mistake too."""
    if default is MISSING and "default_factory" not in kwargs:
        default = ""
    metadata = {"doc": text, "required": required}
    if "default_factory" in kwargs:
        return field(metadata=metadata, **kwargs)
    return field(default=default, metadata=metadata, **kwargs)


def documented_keys(cls, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted key, documentation) for every key of the schema, for the README and its test."""
    out = []
    for f in fields(cls):
        if "doc" not in f.metadata:
            continue
        out.append((prefix + f.name, f.metadata["doc"]))
        inner = _inner_dataclass(f.type if not isinstance(f.type, str) else typing.get_type_hints(cls)[f.name])
        if inner:
            out.extend(documented_keys(inner, prefix + f.name + "."))
    return out


def markdown_table(cls) -> str:
    """A README table of a schema's keys: key, default, meaning."""
    rows = ["| Key | Default | Meaning |", "|---|---|---|"]
    for key, text, default in _keys_with_defaults(cls, ""):
        rows.append(f"| `{key}` | {default} | {text} |")
    return "\n".join(rows) + "\n"


def _keys_with_defaults(cls, prefix: str):
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        if "doc" not in f.metadata:
            continue
        inner = _inner_dataclass(hints[f.name])
        if f.metadata["required"]:
            shown = "required"
        elif f.default is MISSING or inner or f.default in (None, "", ()) or f.default == {}:
            shown = "—"
        elif isinstance(f.default, bool):
            shown = f"`{str(f.default).lower()}`"
        elif isinstance(f.default, tuple):
            shown = "`[" + ", ".join(f'"{v}"' for v in f.default) + "]`"
        else:
            shown = f"`{f.default}`"
        yield prefix + f.name, f.metadata["doc"], shown
        if inner:
            yield from _keys_with_defaults(inner, prefix + f.name + ".")


def _inner_dataclass(tp):
    if is_dataclass(tp):
        return tp
    for arg in typing.get_args(tp):
        if is_dataclass(arg):
            return arg
    return None


# Reading ------------------------------------------------------------------------------------------

class _Reader:
    """Turns a YAML node graph into the schema's dataclasses, recording problems with lines."""

    def __init__(self, path: str, problems: Problems, line_offset: int = 0):
        self.path, self.problems, self.lines, self.offset = path, problems, {}, line_offset

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def fail(self, node: yaml.Node, message: str):
        self.problems.error(Source(self.path, self.line(node)), message)
        return _INVALID

    def read(self, tp, node: yaml.Node, key: str):
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType):
            if _is_null(node) and type(None) in args:
                return None
            tp = next(a for a in args if a is not type(None))
            origin, args = typing.get_origin(tp), typing.get_args(tp)
        if is_dataclass(tp):
            return self.read_mapping(tp, node, key)
        if origin is dict:
            return self.read_dict(args[1], node, key)
        if origin is tuple:
            if _is_null(node):
                return ()
            if not isinstance(node, yaml.SequenceNode):
                return self.fail(node, f"'{key}' must be a list")
            items = tuple(self.read(args[0], item, f"{key}[{i}]") for i, item in enumerate(node.value))
            for i, item in enumerate(node.value):
                self.lines.setdefault(f"{key}[{i}]", self.line(item))
            return tuple(item for item in items if item is not _INVALID)
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(node, f"'{key}' must be a single value, not a {_kind(node)}")
        if origin is Literal:
            if node.value not in args:
                close = difflib.get_close_matches(node.value, args, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                return self.fail(node, f"'{key}' must be one of {', '.join(args)}, not '{node.value}'{hint}")
            return node.value
        if tp is str:
            return "" if _is_null(node) else node.value
        if tp is bool:
            if node.tag != "tag:yaml.org,2002:bool":
                return self.fail(node, f"'{key}' must be true or false, not '{node.value}'")
            return node.value.lower() in ("true", "yes", "on")
        if tp is int:
            if node.tag != "tag:yaml.org,2002:int":
                return self.fail(node, f"'{key}' must be a whole number, not '{node.value}'")
            return int(node.value)
        if tp is dt.date:
            try:
                return dt.date.fromisoformat(node.value)
            except ValueError:
                return self.fail(node, f"'{key}' must be a date written YYYY-MM-DD, not '{node.value}'")
        raise TypeError(f"unsupported schema type {tp!r}")  # a bug in the schema, not a user mistake

    def read_dict(self, value_type, node: yaml.Node, key: str):
        """A mapping with free keys (checked by the caller), each value of `value_type`."""
        if _is_null(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, f"'{key}' must be a mapping, not a {_kind(node)}")
        values: dict = {}
        for key_node, value_node in node.value:
            name, dotted = str(key_node.value), f"{key}.{key_node.value}"
            if name in values:
                self.fail(key_node, f"'{dotted}' is given twice (first on line {self.lines[dotted]})")
                continue
            self.lines.setdefault(dotted, self.line(key_node))
            value = self.read(value_type, value_node, dotted)
            if value is not _INVALID:
                values[name] = value
        return values

    def read_mapping(self, cls, node: yaml.Node, key: str):
        if _is_null(node):
            node = yaml.MappingNode("tag:yaml.org,2002:map", [], node.start_mark, node.end_mark)
        if not isinstance(node, yaml.MappingNode):
            what = f"'{key}'" if key else "report.yaml"
            return self.fail(node, f"{what} must be a mapping of keys to values, not a {_kind(node)}")
        known = {f.name: f for f in fields(cls) if "doc" in f.metadata}
        hints = typing.get_type_hints(cls)
        values, seen = {}, {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            if name in getattr(cls, "ALIASES", {}):  # another program's name for a key: read, with a hint
                alias, name = name, cls.ALIASES[name]
                self.problems.warning(Source(self.path, self.line(key_node)), f"'{alias}' is read as '{name}', "
                                      f"the name reportgen and Pandoc use for it")
            dotted = f"{key}.{name}" if key else name
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                where = f" in '{key}'" if key else ""
                self.fail(key_node, f"unknown key '{name}'{where}{hint}")
                continue
            if name in seen:
                self.fail(key_node, f"'{dotted}' is given twice (first on line {seen[name]})")
                continue
            seen[name] = self.line(key_node)
            self.lines.setdefault(dotted, self.line(key_node))
            values[name] = self.read(hints[name], value_node, dotted)
        for name, f in known.items():
            if f.metadata["required"] and name not in values:
                where = f"'{key}'" if key else "report.yaml"
                self.fail(node, f"{where} has no '{name}' (required)")
        # A value in error is left out: its default stands in, so that reading goes on.
        return cls(**{name: value for name, value in values.items() if value is not _INVALID})


_INVALID = object()


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _kind(node: yaml.Node) -> str:
    return {yaml.MappingNode: "mapping", yaml.SequenceNode: "list"}.get(type(node), "single value")


# What a writer most often did to get PyYAML's message.
_HINTS = {"mapping values are not allowed here": " (a value holding ': ' must be quoted: "
                                               "title: \"Follow-up: 2019\")",
          "mapping values are not allowed in this context": " (a value holding ': ' must be quoted: "
                                                          "title: \"Follow-up: 2019\")"}


def compose(text: str, path: str, line_offset: int = 0, problems: Problems | None = None) -> yaml.Node | None:
    """Parse YAML text into a node graph; a syntax error becomes a located ReportError. With
    `problems`, every string in it is cleaned as a section's text is (`textclean.clean_value`): a
    YAML escape can write any character, which XML, and so a DOCX, cannot hold."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        if problems is not None and node is not None:
            _check_aliases(node, path, line_offset)
            _clean_strings(node, path, problems, line_offset)
        return node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 0) + line_offset
        problem = exc.problem or exc.context
        hint = _HINTS.get(problem or "", "")
        raise ReportError([Problem(Source(path, line), f"invalid YAML: {problem}{hint}")]) from None
    except yaml.YAMLError as exc:
        raise ReportError([Problem(Source(path), f"invalid YAML: {exc}")]) from None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_aliases(root: yaml.Node, path: str, line_offset: int) -> None:
    """Refuse a graph whose aliases make it a loop, or many times larger than written (a "billion
    laughs": nine lines of aliases make 10^9 values, and reading them took hours)."""
    size: dict[int, int] = {}  # values a node stands for, aliases expanded
    unique = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        if finished:
            size[id(node)] = 1 + sum(size[id(child)] for child in _children(node))
            if size[id(node)] > max(ALIAS_EXPANSION, 4 * unique):
                raise ReportError([Problem(Source(path, node.start_mark.line + 1 + line_offset),
                                           f"YAML aliases here repeat more than {max(ALIAS_EXPANSION, 4 * unique):,} "
                                           "values; write the values out")])
        elif id(node) in size:
            if size[id(node)] < 0:
                raise ReportError([Problem(Source(path, node.start_mark.line + 1 + line_offset),
                                           "a YAML alias here refers to the value that holds it")])
        else:
            size[id(node)], unique = -1, unique + 1  # being read: met again below it, it is a loop
            stack.append((node, True))
            stack += [(child, False) for child in _children(node)]


ALIAS_EXPANSION = 100_000  # values that aliases may make of a document, beyond 4 times what is written


def _clean_strings(root: yaml.Node, path: str, problems: Problems, line_offset: int) -> None:
    """Clean every scalar of the graph in place, each node once (aliases repeat nodes, not work);
    a value is named by its keys, `organisations[0].name`, as the schema reader names it."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, name = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            where = Source(path, node.start_mark.line + 1 + line_offset)
            node.value = clean_value(node.value, where, name or "the value", problems)
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, f"{name}[{i}]" if name else "") for i, item in enumerate(node.value)]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and id(key) not in seen:  # first: it names the value
                    seen.add(id(key))
                    key.value = clean_value(key.value, Source(path, key.start_mark.line + 1 + line_offset),
                                            "a key", problems)
                else:
                    stack.append((key, "a key"))
                label = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, f"{name}.{label}" if name else label))


def read_schema(cls, node: yaml.Node | None, path: str, problems: Problems, line_offset: int = 0):
    """Read a node graph into the dataclass `cls`; returns (value or None, key → line)."""
    if node is None:
        node = yaml.ScalarNode("tag:yaml.org,2002:null", "", yaml.Mark(path, 0, 0, 0, None, None), None)
    reader = _Reader(path, problems, line_offset)
    value = reader.read_mapping(cls, node, "")
    return (None if value is _INVALID else value), reader.lines
