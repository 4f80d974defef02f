"""A section file's front matter: the YAML block between `---` lines at its top, read with lines."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields, replace

import yaml

from ..errors import Problem, Problems, ReportError, Source
from .csl import read_references
from .schema import compose, doc, read_schema


@dataclass(frozen=True)
class FrontMatter:
    title: str = doc("Section title (Markdown, as in Pandoc), shown as a level-1 heading at the top of the section "
                     "(when the file itself opens with a `#` heading, that heading is the title: rule ED-6).", "")
    id: str = doc("Identifier of that heading, for links and cross-references.", "")
    owner: str = doc("Who is responsible for the section (shown by `reportgen check`).", "")
    status: str = doc("Editorial status, e.g. `draft`, `review`, `final`.", "")
    numbered: bool = doc("Whether the title heading is numbered.", True)
    annex: bool = doc("The section is an annex: its words are counted apart, outside the word limit.", False)
    lang: str = doc("Language of the section when not the report's (`fr`, `es-AR`): its quotes, hyphenation and "
                    "spelling. A passage is marked with `[texte]{lang=fr}` or `::: {lang=fr}`.", "")
    author: tuple[str, ...] = doc("Pandoc's author key: the section's owner when `owner` is not given.", ())
    nocite: tuple[str, ...] = doc("Pandoc's `nocite`: keys (`@key`, `@*` for all) of entries counted as cited "
                                  "without a citation, so that rule BIB-2 does not report them.", ())
    references: tuple = doc("Pandoc's inline bibliography: entries in CSL YAML (`id`, `type`, `author`, `title`, "
                            "`issued` ...), cited like those of references.bib.", ())


# Pandoc's and Quarto's own keys that mean nothing for one section of a report: a warning, not an error.
PANDOC_KEYS = {"subtitle", "date", "abstract", "keywords", "bibliography", "csl", "format", "toc", "toc-title",
               "number-sections", "lof", "lot", "documentclass", "classoption", "geometry", "fontsize", "mainfont",
               "header-includes", "include-before", "include-after", "link-citations", "citation-style", "execute",
               "jupyter", "engine", "editor", "description", "categories", "image", "draft", "output", "institute",
               "thanks", "dir", "linestretch", "papersize", "subject", "tags", "crossref", "filters", "params",
               "reference-section-title", "suppress-bibliography", "date-format", "affiliation", "email",
               "abstract-title",
               "knitr", "title-block-banner", "citation", "google-scholar", "license", "copyright", "funding"}
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_KEYS = re.compile(r"@(\*|\{[^{}]+\}|\w(?:[\w:.#$%&\-+?<>~/]*\w)?)")


# Blank lines may come first, as Pandoc reads them (an editor or a template may leave one).
_FRONT_MATTER = re.compile(r"\A(?P<blank>(?:[ \t]*\n)*)---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.DOTALL)


def read_front_matter(text: str, path: str, problems: Problems) -> tuple[FrontMatter, dict[str, int], str]:
    """The front matter, the line of each key, and the text with the front matter blanked out (its
    lines kept, so Markdown line numbers stay true); mistakes go to `problems`."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(), {}, text
    front, lines = FrontMatter(), {}
    offset = 1 + match["blank"].count("\n")  # the line before the YAML's first
    try:
        node = compose(match["yaml"] or "", path, line_offset=offset, problems=problems)
        empty = node is None or (isinstance(node, yaml.ScalarNode) and not node.value)  # `---` then `---`
        if not isinstance(node, yaml.MappingNode) and not empty:
            raise ReportError([Problem(Source(path, node.start_mark.line + 1 + offset),
                                       "the front matter must be a mapping of keys to values (key: value lines)")])
        pandoc = _take_pandoc_keys(node, path, offset, problems)
        value, lines = read_schema(FrontMatter, node, path, problems, line_offset=offset)
        front = replace(value or front, **pandoc)
    except ReportError as exc:
        problems.extend(exc.problems)
    if front.lang and not _LANG.fullmatch(front.lang):
        problems.error(Source(path, lines.get("lang", 1)), f"'lang' must be a language tag such as fr or es-AR, "
                                                           f"not '{front.lang}'")
        front = replace(front, lang="")
    return front, lines, "\n" * match.group(0).count("\n") + text[match.end():]


def _take_pandoc_keys(node, path: str, offset: int, problems: Problems) -> dict:
    """Read Pandoc's `author`, `nocite` and `references`, whose values take more shapes than the
    schema reads, and take them and Pandoc's other keys out of `node`; each of those is a warning.
    A key that is neither ours nor Pandoc's stays, for the schema to report with a suggestion."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    ours, values, kept = {f.name for f in fields(FrontMatter)} - {"author", "nocite", "references"}, {}, []
    for key_node, value_node in node.value:
        name, where = str(key_node.value), Source(path, key_node.start_mark.line + 1 + offset)
        if name == "references":
            values[name] = read_references(value_node, path, offset, problems)
        elif name in ("author", "nocite"):
            words = _strings(value_node)
            values[name] = tuple(words) if name == "author" else tuple(k for w in words for k in _KEYS.findall(w))
        elif name in PANDOC_KEYS or (name not in ours and not difflib.get_close_matches(name, ours, cutoff=0.75)):
            problems.warning(where, f"front matter key '{name}' is not used in a section; it is ignored")
        else:
            kept.append((key_node, value_node))
    node.value = kept
    return values


def _strings(node: yaml.Node) -> list[str]:
    """The texts of a YAML value, read from its node as written (a date YAML cannot construct is still
    text): a string, a list of them, or of mappings with a `name` (Quarto's authors)."""
    if isinstance(node, yaml.SequenceNode):
        return [text for item in node.value for text in _strings(item)]
    if isinstance(node, yaml.MappingNode):
        named = {str(key.value): value for key, value in node.value}
        return _strings(named.get("name") or named.get("literal") or yaml.ScalarNode("", ""))
    null = node.tag == "tag:yaml.org,2002:null"
    return [] if null or not str(node.value).strip() else [str(node.value).strip()]
