"""References as CSL-JSON items, for a CSL processor: BibLaTeX types and fields mapped to CSL's, dates as
date-parts, emphasis as CSL's HTML-like tags."""

from __future__ import annotations

import html

from .. import model as m
from ..i18n import localised
from ..load import dates
from ..load.bibliography import Name, Reference

TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "chapter", "inbook": "chapter",
    "suppbook": "chapter", "incollection": "chapter", "suppcollection": "chapter", "inproceedings": "paper-conference",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "inreference": "entry-encyclopedia", "report": "report",
    "thesis": "thesis", "online": "webpage", "manual": "report", "misc": "document", "unpublished": "manuscript",
    "booklet": "pamphlet", "patent": "patent", "periodical": "periodical", "suppperiodical": "article-journal",
    "dataset": "dataset", "software": "software", "legislation": "legislation", "jurisdiction": "legal_case",
    "legal": "treaty", "letter": "personal_communication", "movie": "motion_picture", "video": "broadcast",
    "music": "song", "audio": "song", "image": "graphic", "artwork": "graphic", "standard": "standard",
    "review": "review", "performance": "performance", "set": "document",
}
FIELDS = {
    "shorttitle": "title-short", "volume": "volume", "volumes": "number-of-volumes", "part": "part-number",
    "edition": "edition", "location": "publisher-place", "pages": "page", "pagetotal": "number-of-pages",
    "note": "note", "url": "URL", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "eventtitle": "event-title",
    "venue": "event-place", "version": "version", "pubstate": "status", "chapter": "chapter-number",
    "howpublished": "medium", "abstract": "abstract",
}
NAMES = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author"}
DATES = {"date": "issued", "origdate": "original-date", "eventdate": "event-date", "urldate": "accessed"}


def csl_item(ref: Reference, item_id: str, language: str) -> dict:
    """The reference as one CSL-JSON item with the id `item_id`."""
    kind = TYPES.get(ref.type, "document")
    if kind == "article-journal" and ref.get("entrysubtype") in ("magazine", "newspaper"):
        kind = "article-" + ref.get("entrysubtype")
    item: dict = {"id": item_id, "type": kind, "title": _title(ref, "title")}
    if ref.get("subtitle") and ref.get("title"):  # as Pandoc reads BibLaTeX: the short title is the title
        item["title-short"] = _markup(ref, "title")
    for field, variable in FIELDS.items():
        if ref.get(field):
            item[variable] = _markup(ref, field) if variable not in ("URL", "DOI") else ref.get(field)
    item.update(_containers(ref, kind))
    item.update(_numbers(ref, kind, language))
    publisher = ref.get("publisher") or ref.get("institution") or ref.get("organization")
    if publisher:
        item["publisher"] = publisher
    if ref.get("type"):
        item["genre"] = localised(ref.get("type"), language)
    if ref.get("language"):
        item["language"] = ref.get("language")
    for role, variable in NAMES.items():
        if ref.people(role):
            item[variable] = [_name(person) for person in ref.people(role) if not person.others]
    if "author" not in item and ref.people("holder"):
        item["author"] = [_name(person) for person in ref.people("holder")]
    for field, variable in DATES.items():
        date = _date(ref, field)
        if date:
            item[variable] = date
    if ref.get("eprint") and ref.get("eprinttype").lower() == "arxiv" and "URL" not in item:
        item["URL"] = "https://arxiv.org/abs/" + ref.get("eprint")
    return {key: value for key, value in item.items() if value}


def _containers(ref: Reference, kind: str) -> dict:
    out = {}
    container = _title(ref, "journaltitle") or _title(ref, "booktitle") or _title(ref, "maintitle")
    if container:
        out["container-title"] = container
    if ref.get("series"):
        out["collection-title"] = localised(ref.get("series"), "en") if kind != "article-journal" else ""
    return out


def _numbers(ref: Reference, kind: str, language: str) -> dict:
    """A series number is CSL's collection-number; an article's number its issue; a report's its number."""
    number = ref.get("number")
    if not number:
        return {"issue": ref.get("issue")} if ref.get("issue") else {}
    if kind.startswith("article") or kind == "periodical":
        return {"issue": number}
    if ref.get("series"):
        return {"collection-number": number}
    return {"number": number}


def _title(ref: Reference, field: str) -> str:
    prefix = field[:-5] if field != "title" else ""
    main, sub = _markup(ref, field), _markup(ref, prefix + "subtitle")
    if main and sub:
        return f"{main}{' ' if main.rstrip().endswith(('?', '!')) else ': '}{sub}"
    return main or sub


def _markup(ref: Reference, field: str) -> str:
    """A field with its emphasis as CSL's `<i>`, `<b>`, `<sup>`, `<sub>`."""
    return _tags(ref.inlines(field))


def _tags(nodes) -> str:
    out = []
    for node in nodes:
        if isinstance(node, m.Text):
            out.append(html.escape(node.text, quote=False))
        else:
            tag = {m.Emph: "i", m.Strong: "b", m.Superscript: "sup", m.Subscript: "sub"}.get(type(node))
            inner = _tags(getattr(node, "children", ()))
            out.append(f"<{tag}>{inner}</{tag}>" if tag else inner)
    return "".join(out)


def _name(person: Name) -> dict:
    if person.corporate or not (person.first or person.von):
        return {"literal": person.last} if person.corporate else {"family": person.last}
    name = {"family": person.last, "given": person.first}
    if person.von:
        name["non-dropping-particle"] = person.von
    if person.jr:
        name["suffix"] = person.jr
    return name


def _date(ref: Reference, field: str) -> dict | None:
    if field == "date" and not ref.get("date"):
        date = dates.from_fields(ref.fields)
        if date is None:
            return {"literal": ref.get("year")} if ref.get("year") else None
    else:
        try:
            date = dates.parse(ref.get(field)) if ref.get(field) else None
        except dates.DateError:
            return {"literal": ref.get(field)}
    if date is None:
        return None
    ends = [p for p in (date.start, date.end) if p is not None]
    out: dict = {"date-parts": [[p.year] + ([p.month] if p.month else []) + ([p.day] if p.day else []) for p in ends]}
    if ends and ends[0].season >= 0:
        out["season"] = ends[0].season + 1
    if any(p.approximate for p in ends):
        out["circa"] = True
    return out
