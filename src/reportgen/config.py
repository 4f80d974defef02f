"""`report/report.yaml`: the report's metadata and settings, checked key by key with file and line.

The schema is the dataclasses below; each field's `doc` is what the README documents. Reading
goes through PyYAML's node graph, so every mistake (an unknown key, a wrong type, a value out of
range) is reported with its line, all at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Literal

import yaml

from .errors import Problem, Problems, ReportError, Source

CONFIG_PATH = "report/report.yaml"


def doc(text: str, default=MISSING, required: bool = False, **kwargs):
    """A dataclass field with its documentation. A required key still gets a default, so that
    reading can go on and report every other mistake too."""
    if default is MISSING and "default_factory" not in kwargs:
        default = ""
    metadata = {"doc": text, "required": required}
    if "default_factory" in kwargs:
        return field(metadata=metadata, **kwargs)
    return field(default=default, metadata=metadata, **kwargs)


@dataclass(frozen=True)
class Organisation:
    name: str = doc("Full name of the organisation.", required=True)
    acronym: str = doc("Acronym, used by OHCHR to attribute points (e.g. `PKPA`).", "")
    website: str = doc("Web site.", "")


@dataclass(frozen=True)
class Coalition:
    name: str = doc("Name of the coalition making a joint submission.", "")
    acronym: str = doc("The coalition's acronym.", "")
    description: str = doc("Paragraph on the coalition: its activities, affiliation, date of establishment "
                           "(Markdown, shown on the first page).", "")


@dataclass(frozen=True)
class Contact:
    name: str = doc("Contact person for the submission.", "")
    organisation: str = doc("The contact person's organisation.", "")
    email: str = doc("E-mail address.", "")
    phone: str = doc("Telephone number.", "")
    address: str = doc("Postal address.", "")
    website: str = doc("Web site.", "")


@dataclass(frozen=True)
class Numbering:
    headings: tuple[str, ...] = doc(
        "Heading number formats by level, written as the first number of that level looks: "
        "`I.` upper-case roman, `1.1` arabic with the parent's number, `a)` letters, `i.` roman. "
        "Levels beyond the list are not numbered.", ("I.", "1.1", "1.1.1"))
    paragraphs: bool = doc("Number the body paragraphs continuously through the document (1., 2., 3. ...).", True)
    recommendations: str = doc("Format of recommendation numbers (`1.`, `(a)`, `R1` ...).", "1.")
    recommendations_restart: Literal["block", "section", "never"] = doc(
        "Where recommendation numbers start again at 1: `block` (each recommendations block), `section` "
        "(each section file) or `never` (numbered through the whole report).", "block")


@dataclass(frozen=True)
class Recommendations:
    summary: Literal["none", "theme", "section"] = doc(
        "Add a \"Summary of recommendations\" annex grouped by `theme` or by `section`, or `none`.", "none")
    follow_up: bool = doc("With previous-cycle data (`report/previous-recommendations.csv`), add an annex "
                          "table of those recommendations with the coalition's assessment.", True)
    cite_previous: bool = doc("After a recommendation with `previous=`, say \"as recommended previously\" "
                              "with the number, recommending State, position and source of each.", True)


Level = Literal["off", "error", "warning", "info"]


@dataclass(frozen=True)
class Checks:
    count_notes: bool = doc("Count the words of notes in the word limit (rule WL-4); they are always "
                            "reported apart.", False)
    nhri_limit: int = doc("Word limit of an NHRI submission (rule WL-3); OHCHR publishes none, 5,630 is "
                          "the joint limit.", 5630)
    note_words: int = doc("A note without a citation or link that is longer than this many words is "
                          "flagged as substance (rule WL-5).", 40)
    rules: dict[str, Level] = doc("Rule id to `off`, `error`, `warning` or `info`, e.g. `{PU-1: off, ST-4: error}`; "
                                  "see \"reportgen check\".", default_factory=dict)


@dataclass(frozen=True)
class ReportConfig:
    title: str = doc("Title of the submission.", required=True)
    subtitle: str = doc("Subtitle, shown under the title.", "")
    state: str = doc("The State under review (one State per submission).", "")
    session: int | None = doc("Number of the UPR Working Group session (e.g. `13`).", None)
    cycle: int | None = doc("UPR cycle (1: sessions 1-12, 2: 13-26, 3: 27-40, 4: 41-54).", None)
    submission: Literal["individual", "joint", "nhri"] = doc(
        "`individual` (one organisation), `joint` (two or more) or `nhri` (national human rights institution).",
        "individual")
    language: str = doc("Language of the submission as an ISO 639-1 code: `en`, `fr`, `es` (also `ar`, `ru`, `zh`).",
                        "en")
    date: dt.date | None = doc("Date of the submission, `YYYY-MM-DD`.", None)
    organisations: tuple[Organisation, ...] = doc(
        "The submitting organisations, each with `name` and `acronym` (and optional `website`); "
        "for a joint submission, every member of the coalition.", ())
    coalition: Coalition = doc("For a joint submission: `name`, `acronym`, `description` of the coalition.",
                               default_factory=Coalition)
    contact: Contact = doc("Contact for the submission: `name`, `organisation`, `email`, `phone`, `address`, "
                           "`website`.", default_factory=Contact)
    keywords: tuple[str, ...] = doc("Key words of the submission (e.g. `child trafficking`).", ())
    sections: tuple[str, ...] = doc("Section files in build order, relative to `sections/`; "
                                    "by default every `sections/*.md` in file-name order.", ())
    bibliography: str = doc("The BibTeX file, relative to the project root.", "references.bib")
    notes: Literal["footnotes", "endnotes"] = doc("Where notes go: `footnotes` at the foot of the page "
                                                  "or `endnotes` at the end.", "footnotes")
    recommendations: Recommendations = doc("Views of the recommendations: `summary`, `follow_up`, "
                                           "`cite_previous`.", default_factory=Recommendations)
    numbering: Numbering = doc("Numbering settings: `headings`, `paragraphs`, `recommendations`, "
                               "`recommendations_restart`.",
                               default_factory=Numbering)
    draft: bool = doc("Build drafts: a DRAFT watermark, a version stamp (build date, git commit) and line "
                      "numbers on every page, and the version in the file names; `reportgen build --final` "
                      "overrides it.", False)
    output_name: str = doc("File name of the outputs, without extension; by default "
                           "`<ACRONYM>_<submission>_UPR<session>_<State>_<YYYY-MM>` as OHCHR suggests.", "")
    checks: Checks = doc("Settings of `reportgen check`: `count_notes`, `nhri_limit`, `note_words`, `rules`.",
                         default_factory=Checks)
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)

    def source(self, key: str = "") -> Source:
        """Where `key` (dotted, e.g. `coalition.name`) is written in report.yaml, or the file itself."""
        return Source(CONFIG_PATH, self.key_lines.get(key, 0))

    @property
    def is_joint(self) -> bool:
        return self.submission == "joint"


def documented_keys(cls=ReportConfig, prefix: str = "") -> list[tuple[str, str]]:
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


def markdown_table() -> str:
    """The README's table of report.yaml keys: key, default, meaning."""
    rows = ["| Key | Default | Meaning |", "|---|---|---|"]
    for key, text, default in _keys_with_defaults(ReportConfig, ""):
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


def compose(text: str, path: str, line_offset: int = 0) -> yaml.Node | None:
    """Parse YAML text into a node graph; a syntax error becomes a located ReportError."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 0) + line_offset
        raise ReportError([Problem(Source(path, line), f"invalid YAML: {exc.problem or exc.context}")]) from None
    except yaml.YAMLError as exc:
        raise ReportError([Problem(Source(path), f"invalid YAML: {exc}")]) from None


def read_schema(cls, node: yaml.Node | None, path: str, problems: Problems, line_offset: int = 0):
    """Read a node graph into the dataclass `cls`; returns (value or None, key → line)."""
    if node is None:
        node = yaml.ScalarNode("tag:yaml.org,2002:null", "", yaml.Mark(path, 0, 0, 0, None, None), None)
    reader = _Reader(path, problems, line_offset)
    value = reader.read_mapping(cls, node, "")
    return (None if value is _INVALID else value), reader.lines


def load_config(text: str, problems: Problems) -> ReportConfig | None:
    """Read report.yaml's text; mistakes go to `problems`."""
    try:
        node = compose(text, CONFIG_PATH)
    except ReportError as exc:
        problems.extend(exc.problems)
        return None
    config, lines = read_schema(ReportConfig, node, CONFIG_PATH, problems)
    if config is None:
        return None
    object.__setattr__(config, "key_lines", lines)
    check_values(config, problems)
    return config


UN_LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


def check_values(config: ReportConfig, problems: Problems) -> None:
    """Checks across keys that the schema alone cannot express."""
    from .numberformat import NumberFormat, heading_formats

    try:
        heading_formats(config.numbering.headings)
    except ValueError as exc:
        problems.error(config.source("numbering.headings"), f"numbering.headings: {exc}")
    try:
        recommendations = NumberFormat.parse(config.numbering.recommendations)
        if len(recommendations.kinds) > 1:  # one counter per block: `1.1` would label them `1.`, `2.`
            raise ValueError(f"'{recommendations.pattern}' shows {len(recommendations.kinds)} numbers; "
                             "a recommendation has only one")
    except ValueError as exc:
        problems.error(config.source("numbering.recommendations"), f"numbering.recommendations: {exc}")
    if not (len(config.language) == 2 and config.language.isalpha() and config.language.islower()):
        problems.error(config.source("language"),
                       f"'language' must be a two-letter ISO 639-1 code such as en, fr or es, not '{config.language}'")
    _check_rule_settings(config, problems)


def _check_rule_settings(config: ReportConfig, problems: Problems) -> None:
    """`checks.rules` names rules that exist; rules the loader enforces keep their severity."""
    from .check.registry import RULES

    for rule, level in config.checks.rules.items():
        where = config.source(f"checks.rules.{rule}")
        if rule not in RULES:
            close = difflib.get_close_matches(rule.upper(), RULES, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.error(where, f"unknown rule '{rule}' in checks.rules{hint}")
        elif RULES[rule].loader and level != RULES[rule].severity:
            problems.error(where, f"rule {rule} is checked while loading the project; it cannot be switched off or "
                                  "changed")
