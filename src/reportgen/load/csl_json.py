"""CSL-JSON and CSL-YAML bibliographies (what Zotero exports and Pandoc reads) as BibLaTeX entries, every
mistake located at its line: an item without an id, a duplicate id, an impossible date.
"""

from __future__ import annotations

import json
import re

import yaml

from .. import model as m
from ..errors import Problems, Source
from . import biblatex, dates
from .bibliography import Entry, Name
from .textclean import clean_data

TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article", "article": "misc",
    "book": "book", "classic": "book", "chapter": "incollection", "paper-conference": "inproceedings",
    "report": "report", "thesis": "thesis", "webpage": "online", "post": "online", "post-weblog": "online",
    "legislation": "legislation", "bill": "legislation", "regulation": "legislation", "legal_case": "jurisdiction",
    "treaty": "legal", "patent": "patent", "dataset": "dataset", "software": "software", "manuscript": "unpublished",
    "speech": "unpublished", "interview": "misc", "personal_communication": "letter", "motion_picture": "movie",
    "broadcast": "video", "song": "music", "musical_score": "music", "graphic": "image", "map": "misc",
    "entry": "inreference", "entry-dictionary": "inreference", "entry-encyclopedia": "inreference",
    "review": "review", "review-book": "review", "periodical": "periodical", "collection": "collection",
    "standard": "standard", "document": "misc", "event": "misc", "hearing": "misc", "performance": "performance",
    "pamphlet": "booklet",
}
_CONTAINER = {"article": "journaltitle", "periodical": "title", "online": "organization", "review": "journaltitle",
              "legislation": "journaltitle", "jurisdiction": "journaltitle", "legal": "journaltitle"}  # a gazette
FIELDS = {
    "title": "title", "title-short": "shorttitle", "shortTitle": "shorttitle", "collection-title": "series",
    "collection-number": "number", "number": "number", "volume": "volume", "number-of-volumes": "volumes",
    "number-of-pages": "pagetotal", "page": "pages", "edition": "edition", "publisher": "publisher",
    "publisher-place": "location", "event-title": "eventtitle", "event": "eventtitle", "event-place": "venue",
    "genre": "type", "URL": "url", "DOI": "doi", "ISBN": "isbn", "ISSN": "issn", "note": "note",
    "abstract": "abstract", "language": "langid", "status": "pubstate", "authority": "institution",
    "chapter-number": "chapter", "version": "version", "medium": "howpublished", "section": "chapter",
    "part-number": "part", "volume-title": "maintitle", "annote": "annotation", "keyword": "keywords",
    "archive": "library", "archive_location": "library", "references": "addendum", "PMID": "pmid",
}
NAMES = {"author": "author", "editor": "editor", "translator": "translator", "container-author": "bookauthor",
         "collection-editor": "editora", "director": "author", "composer": "author", "reviewed-author": "editorb"}
DATES = {"issued": "date", "accessed": "urldate", "original-date": "origdate", "event-date": "eventdate"}


def read_csl(text: str, path: str, problems: Problems, yaml: bool) -> dict[str, Entry]:
    """Every item of a CSL-JSON array, or of a CSL-YAML list (or its `references:`), by id."""
    items = _yaml_items(text, path, problems) if yaml else _json_items(text, path, problems)
    entries: dict[str, Entry] = {}
    for item, lines, where in items:
        entry = item_entry(item, lines, where, problems)
        if entry is None:
            continue
        if entry.key in entries:
            first = entries[entry.key].source.line
            problems.error(where, f"duplicate id '{entry.key}' (first defined on line {first})", rule="BIB-3")
            continue
        entries[entry.key] = entry
    return biblatex.resolve(entries, problems)


def item_entry(item, lines: dict, where: Source, problems: Problems) -> Entry | None:
    """One CSL item as an entry, or None (and a located error) when it has no usable id."""
    if not isinstance(item, dict):
        problems.error(where, "a CSL item must be a mapping of variables to values")
        return None
    key = str(item.get("id", "")).strip() if item.get("id") is not None else ""
    if not key or re.search(r"\s", key):
        problems.error(where, f"a CSL item needs an id without spaces, not '{key}'" if key else
                       "a CSL item has no id")
        return None
    csl_type = str(item.get("type", ""))
    kind = TYPES.get(csl_type, "misc")
    if csl_type not in TYPES:
        what = f"the unknown CSL type '{csl_type}'" if csl_type else "no type"
        problems.warning(where, f"item '{key}' has {what}; it is printed as @misc")
    fields, names, field_lines = {}, {}, {}
    for variable, value in item.items():
        line = lines.get(variable, where.line)
        target = NAMES.get(variable) or DATES.get(variable) or _target(variable, kind)
        if variable in NAMES:
            names[target] = _names(value, Source(where.path, line), key, variable, problems)
        elif variable in DATES:
            text, structured = _date(value)
            if variable == "issued" and not structured and dates.problem(text):
                target = "year"  # "n.d.", "forthcoming": printed as written
            fields[target] = text
        elif target and isinstance(value, str | int | float) and str(value).strip():
            fields.setdefault(target, str(value).strip())
        else:
            continue
        field_lines.setdefault(target, line)
    if kind == "article" and csl_type in ("article-magazine", "article-newspaper"):
        fields["entrysubtype"] = csl_type.split("-")[1]
    if kind == "incollection" and "booktitle" not in fields and "editor" not in names:
        kind = "inbook" if "booktitle" in fields else kind
    return Entry(key, kind, fields, where, field_lines, latex=False, names=names)


def _target(variable: str, kind: str) -> str:
    if variable == "container-title":
        return _CONTAINER.get(kind, "booktitle")
    if variable == "issue":
        return "number" if kind in ("article", "periodical") else "issue"
    return FIELDS.get(variable, "")


def _names(value, where: Source, key: str, variable: str, problems: Problems) -> tuple[Name, ...]:
    if isinstance(value, dict | str):  # one name; a string is a literal name, as Pandoc reads it
        value = [value]
    if not isinstance(value, list):
        problems.error(where, f"item '{key}': '{variable}' must be a list of names")
        return ()
    out = []
    for person in value:
        if isinstance(person, str):
            out.append(Name(last=person, corporate=True))
        elif isinstance(person, dict) and person.get("literal"):
            out.append(Name(last=str(person["literal"]), corporate=True))
        elif isinstance(person, dict) and (person.get("family") or person.get("given")):
            given = " ".join(str(person.get(k, "")) for k in ("given", "dropping-particle") if person.get(k))
            out.append(Name(first=given, von=str(person.get("non-dropping-particle", "")),
                            last=str(person.get("family", "")), jr=str(person.get("suffix", ""))))
        else:
            problems.error(where, f"item '{key}': a name in '{variable}' has neither family, given nor literal")
    return tuple(out)


def _legacy_date(value):
    """pandoc-citeproc's `{year: 2017, month: 3}` (or a list of one or two) as CSL date-parts."""
    ends = value if isinstance(value, list) else [value]
    if not ends or len(ends) > 2 or not all(isinstance(end, dict) and "year" in end for end in ends):
        return value
    parts = []
    for end in ends:
        numbers = [end["year"]]
        if "month" in end:
            numbers += [end["month"]] + ([end["day"]] if "day" in end else [])
        parts.append(numbers)
    return {"date-parts": parts}


def _date(value) -> tuple[str, bool]:
    """A CSL date as EDTF text, and whether it was given as numbers (`date-parts`); `raw`, `literal` or a
    string are the text as written. pandoc-citeproc's YAML dates, still read by Pandoc (`issued: {year:
    2017}`, or a list of one or two such mappings: a range), are date-parts."""
    value = _legacy_date(value)
    if not isinstance(value, dict):
        return str(value).strip(), False
    if not value.get("date-parts"):
        return str(value.get("raw") or value.get("literal") or "").strip(), False
    ends = []
    for parts in value["date-parts"][:2]:
        if not (isinstance(parts, list) and parts and all(re.fullmatch(r"-?\d+", str(p)) for p in parts)):
            return str(parts), True
        numbers = [int(p) for p in parts[:3]]
        if len(numbers) == 1 and str(value.get("season", "")) in ("1", "2", "3", "4"):
            numbers.append(20 + int(value["season"]))
        ends.append("-".join([f"{numbers[0]:04d}"] + [f"{n:02d}" for n in numbers[1:]]))
    text = "/".join(ends)
    return text + ("~" if value.get("circa") and "/" not in text else ""), True


# Reading the files with lines -----------------------------------------------------------------------

def _json_items(text: str, path: str, problems: Problems) -> list:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.error(Source(path, exc.lineno), f"invalid JSON: {exc.msg}")
        return []
    except RecursionError:  # Python's parser recurses into each array or object
        problems.error(Source(path, 1), "invalid JSON: arrays or objects nested too deep")
        return []
    if isinstance(data, dict):
        data = data.get("items", data.get("references", [data]))
    if not isinstance(data, list):
        problems.error(Source(path, 1), "a CSL-JSON bibliography is a list of items")
        return []
    item_lines = _json_lines(text)
    out = []
    for i, item in enumerate(data):
        start, lines = item_lines[i] if i < len(item_lines) else (1, {})
        out.append((clean_data(item, Source(path, start), problems), lines, Source(path, start)))
    return out


def _json_lines(text: str) -> list[tuple[int, dict]]:
    """For each object in the top-level list: its line, and the line of each of its keys."""
    out: list[tuple[int, dict]] = []
    depth, line, i, last_string = 0, 1, 0, None
    while i < len(text):
        c = text[i]
        if c == "\n":
            line += 1
        elif c == '"':
            end = i + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            last_string = (text[i + 1:end], line)
            line += text.count("\n", i, end)
            i = end
        elif c in "[{":
            depth += 1
            if c == "{" and depth == 2:
                out.append((line, {}))
        elif c in "]}":
            depth -= 1
        elif c == ":" and depth == 2 and out and last_string:
            out[-1][1].setdefault(last_string[0], last_string[1])
        i += 1
    return out


def _yaml_items(text: str, path: str, problems: Problems) -> list:
    from ..errors import ReportError
    from .schema import compose

    try:
        node = compose(text, path, problems=problems)
    except ReportError as exc:
        problems.extend(exc.problems)
        return []
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if k.value == "references"), None)
    if not isinstance(node, yaml.SequenceNode):
        problems.error(Source(path, 1), "a CSL-YAML bibliography is a list of items, or has one under 'references:'")
        return []
    out = []
    for child in node.value:
        lines = {k.value: k.start_mark.line + 1 for k, _ in child.value} if isinstance(child, yaml.MappingNode) else {}
        out.append((yaml_item(child), lines, Source(path, child.start_mark.line + 1)))
    return out


# Pandoc reads each string of a CSL-YAML item as Markdown: its emphasis is CSL's <i> and <b>.
_EMPHASIS = ((re.compile(r"(?<![\w*\\])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"<b>\2</b>"),
             (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"), r"<i>\1</i>"),
             (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"<i>\1</i>"))
_VERBATIM = frozenset({"id", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "call-number", "type", "language"})


def yaml_item(node: yaml.Node):
    """A CSL-YAML item as Python data, its strings read as Pandoc reads them."""
    return _markdown(plain(node))


def _markdown(value, variable: str = ""):
    """A CSL-YAML item with the Markdown emphasis of its strings (`*Test:* An experiment`) as CSL's markup."""
    if isinstance(value, dict):
        return {k: _markdown(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_markdown(v, variable) for v in value]
    if isinstance(value, str) and variable not in _VERBATIM:
        for pattern, tag in _EMPHASIS:
            value = pattern.sub(tag, value)
    return value


def plain(node: yaml.Node):
    """A YAML node as Python data; scalars keep their text except whole numbers."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(v) for v in node.value]
    if node.tag == "tag:yaml.org,2002:int" and node.value.lstrip("-").isdigit():
        return int(node.value)
    return node.value


# CSL's HTML-like markup in values ---------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(i|b|sup|sub|span)(?:\s[^>]*)?>")


def markup_inlines(text: str, source: Source) -> tuple[m.Node, ...]:
    """`<i>`, `<b>`, `<sup>`, `<sub>` and `<span class="nocase">` to inlines; anything else is text."""
    out: list[m.Node] = []
    stack: list[str] = []
    pos = 0
    for match in _TAG.finditer(text):
        _add(out, text[pos:match.start()], stack)
        closing, tag = match[1], match[2]
        if closing:
            if tag in stack:
                del stack[len(stack) - 1 - stack[::-1].index(tag)]
        else:
            stack.append(tag)
        pos = match.end()
    _add(out, text[pos:], stack)
    return tuple(out)


def _add(out: list, text: str, stack: list[str]) -> None:
    text = re.sub(r"\s+", " ", text)
    if not text:
        return
    node: m.Node = m.Text(text)
    if "sup" in stack or "sub" in stack:
        node = (m.Superscript if "sup" in stack else m.Subscript)((node,))
    if "b" in stack:
        node = m.Strong((node,))
    if "i" in stack:
        node = m.Emph((node,))
    if isinstance(node, m.Text) and out and isinstance(out[-1], m.Text):
        out[-1] = m.Text(out[-1].text + text)
    else:
        out.append(node)
