"""Pandoc's `references:` in a section's front matter: CSL YAML entries read into bibliography entries,
so that a section can carry the sources it alone cites."""

from __future__ import annotations

import yaml

from ..errors import Problems, Source
from .bibliography import Entry, Name

# CSL item types as the BibLaTeX types the note style knows.
_TYPES = {"article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
          "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "report": "report",
          "thesis": "thesis", "webpage": "online", "post-weblog": "online", "legislation": "legislation",
          "legal_case": "jurisdiction", "treaty": "legislation", "manuscript": "unpublished"}
# CSL variables as BibLaTeX fields; `container-title` depends on the type.
_FIELDS = {"title": "title", "title-short": "shorttitle", "publisher": "publisher", "publisher-place": "location",
           "URL": "url", "DOI": "doi", "volume": "volume", "issue": "number", "number": "number", "page": "pages",
           "edition": "edition", "collection-title": "series", "collection-number": "number", "note": "note",
           "genre": "type", "medium": "howpublished"}


def read_references(node: yaml.Node, path: str, line_offset: int, problems: Problems) -> tuple[Entry, ...]:
    """The entries of a `references:` list; an item without an `id` is a located error."""
    def line(n: yaml.Node) -> int:
        return n.start_mark.line + 1 + line_offset

    if not isinstance(node, yaml.SequenceNode):
        problems.error(Source(path, line(node)), "'references' must be a list of entries (CSL YAML, as pandoc)")
        return ()
    entries = []
    for item in node.value:
        data = yaml.safe_load(yaml.serialize(item)) if isinstance(item, yaml.MappingNode) else None
        if not isinstance(data, dict) or not str(data.get("id") or "").strip():
            problems.error(Source(path, line(item)), "a reference needs an 'id' (its citation key)")
            continue
        entries.append(_entry(data, Source(path, line(item))))
    return tuple(entries)


def _entry(data: dict, source: Source) -> Entry:
    kind = _TYPES.get(str(data.get("type", "")), "misc")
    fields = {name: _text(data[key]) for key, name in _FIELDS.items() if data.get(key) not in (None, "")}
    if data.get("container-title"):
        fields["journaltitle" if kind == "article" else "booktitle"] = _text(data["container-title"])
    for key, name in (("issued", "date"), ("accessed", "urldate")):
        date = _date(data.get(key))
        if date:
            fields[name] = date
    return Entry(str(data["id"]).strip(), kind, fields, _names(data.get("author")), _names(data.get("editor")),
                 source)


def _text(value) -> str:
    return " ".join(str(value).split())


def _date(value) -> str:
    """`2021`, `2021-03-17`, or CSL's `{date-parts: [[2021, 3, 17]]}` / `{literal: ...}`, as YYYY-MM-DD."""
    if isinstance(value, dict):
        parts = (value.get("date-parts") or [[]])[0] or []
        return "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts)) or _text(
            value.get("literal", ""))
    return _text(value) if value not in (None, "") else ""


def _names(value) -> tuple[Name, ...]:
    """CSL names: `{family, given}`, `{literal}` (a corporate author), or a plain string."""
    if not value:
        return ()
    out = []
    for person in value if isinstance(value, list) else [value]:
        if isinstance(person, dict) and "family" in person:
            out.append(Name(first=_text(person.get("given", "")), von=_text(person.get("non-dropping-particle", "")),
                            last=_text(person["family"]), jr=_text(person.get("suffix", ""))))
        elif isinstance(person, dict):
            out.append(Name(last=_text(person.get("literal") or person.get("name") or ""), corporate=True))
        else:
            out.append(Name(last=_text(person), corporate=True))
    return tuple(out)
