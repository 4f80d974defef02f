"""References as CSL-JSON items, for a CSL processor: BibLaTeX types and fields mapped to CSL's, dates as
date-parts, emphasis as CSL's HTML-like tags."""

from __future__ import annotations

from .. import model as m
from ..i18n import localised
from ..load import dates
from ..load.bibliography import Name, Reference
from ..load.langid import langid_tag
from .notestyle import IN_TYPES

TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "bookinbook": "chapter", "inbook": "chapter",
    "suppbook": "chapter", "incollection": "chapter", "suppcollection": "chapter", "inproceedings": "paper-conference",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "inreference": "entry-encyclopedia", "report": "report",
    "thesis": "thesis", "online": "webpage", "manual": "book", "misc": "document", "unpublished": "manuscript",
    "booklet": "pamphlet", "patent": "patent", "periodical": "article-journal", "suppperiodical": "article-journal",
    "dataset": "dataset", "software": "software", "legislation": "legislation", "jurisdiction": "legal_case",
    "legal": "treaty", "letter": "personal_communication", "movie": "motion_picture", "video": "motion_picture",
    "music": "song", "audio": "song", "image": "graphic", "artwork": "graphic", "standard": "standard",
    "review": "review", "performance": "speech", "commentary": "book", "set": "document",
}
FIELDS = {
    "volume": "volume", "volumes": "number-of-volumes", "part": "part-number", "edition": "edition",
    "location": "publisher-place", "pagetotal": "number-of-pages", "note": "note", "url": "URL", "doi": "DOI",
    "isbn": "ISBN", "issn": "ISSN", "eventtitle": "event-title", "venue": "event-place", "version": "version",
    "chapter": "chapter-number", "abstract": "abstract",
}
NAMES = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author"}
DATES = {"date": "issued", "origdate": "original-date", "eventdate": "event-date", "urldate": "accessed"}
_EPRINT_URLS = {"arxiv": "https://arxiv.org/abs/{}", "jstor": "https://www.jstor.org/stable/{}",
                "hdl": "https://hdl.handle.net/{}", "handle": "https://hdl.handle.net/{}",
                "pubmed": "https://pubmed.ncbi.nlm.nih.gov/{}/", "googlebooks": "https://books.google.com?id={}"}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}


def csl_item(ref: Reference, item_id: str, language: str) -> dict:
    """The reference as one CSL-JSON item with the id `item_id`, mapped as Pandoc maps BibLaTeX where it can."""
    kind = TYPES.get(ref.type, "document")
    if kind == "article-journal" and ref.get("entrysubtype") in ("magazine", "newspaper"):
        kind = "article-" + ref.get("entrysubtype")
    item: dict = {"id": item_id, "type": kind, **_titles(ref)}
    for field, variable in FIELDS.items():
        if ref.get(field):
            item[variable] = _markup(ref, field) if variable not in ("URL", "DOI") else ref.get(field)
    if ref.get("pages"):
        item["page"] = ref.get("pages").replace("–", "-")
    item.update(_numbers(ref, kind))
    item.update(_publisher(ref, language))
    for field, variable in (("type", "genre"), ("pubstate", "status"), ("language", "language")):
        if ref.get(field):
            item[variable] = localised(ref.get(field), "en" if field == "language" else language)
    tag = langid_tag(ref)
    if tag:
        item["language"] = tag
    item.update(_people(ref))
    for field, variable in DATES.items():
        date = _date(ref, field)
        if date:
            item[variable] = date
    eprint_type = ref.get("eprinttype").lower()
    if ref.get("eprint") and eprint_type in _EPRINT_URLS and "URL" not in item:
        item["URL"] = _EPRINT_URLS[eprint_type].format(ref.get("eprint"))
    season = _SEASONS.get(ref.get("issue").lower())
    if season and "date-parts" in item.get("issued", {}):
        item["issued"]["season"] = season
    return {key: value for key, value in item.items() if value}


def _titles(ref: Reference) -> dict:
    """Title, short title and container: a volume of a multi-volume work has the work's title as its title
    and its own as `volume-title`; `titleaddon` follows the title after a full stop."""
    from .shortforms import short_title

    title = _title(ref, "title")
    if ref.get("titleaddon"):
        addon = _markup(ref, "titleaddon")
        title = f"{title}. {addon[:1].upper()}{addon[1:]}"
    out = {"title": title, "title-short": _tags(short_title(ref)) if ref.get("title") else ""}
    container = _title(ref, "journaltitle") or _title(ref, "booktitle")
    main = _title(ref, "maintitle")
    if main and ref.type in IN_TYPES:
        out.update({"container-title": main, "volume-title": container})
    elif main:
        out.update({"title": main, "title-short": "", "volume-title": title, "container-title": container})
    elif ref.type == "periodical":  # an issue of a journal: its title is the issue's
        out.update({"title": _title(ref, "issuetitle"), "title-short": "", "container-title": title})
    else:
        out["container-title"] = container
    if ref.get("series"):
        out["collection-title"] = localised(ref.get("series"), "en")
    return out


def _publisher(ref: Reference, language: str) -> dict:
    from .notestyle import literal_list

    field = next((f for f in ("publisher", "institution", "organization") if ref.get(f)), "")
    publisher = literal_list(ref, field, language) if field else ""
    if ref.get("howpublished") and not publisher:  # as Pandoc reads it
        return {"publisher": ref.get("howpublished")}
    return {"publisher": publisher, "medium": ref.get("howpublished")}


def _people(ref: Reference) -> dict:
    out = {}
    for role, variable in NAMES.items():
        if ref.people(role):
            if role == "editor" and ref.get("editortype") in ("director", "compiler"):
                variable = ref.get("editortype")
            out[variable] = [_name(person) for person in ref.people(role)]
    if "author" not in out and ref.people("holder"):
        out["author"] = [_name(person) for person in ref.people("holder")]
    return out


def _numbers(ref: Reference, kind: str) -> dict:
    """A series number is CSL's collection-number; an article's number its issue; a report's its number."""
    number = ref.get("number")
    if not number:
        return {"issue": ref.get("issue")} if ref.get("issue") else {}
    if kind.startswith("article") or kind == "review":
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
            out.append(node.text)  # Pandoc reads no entities: `&amp;` would stay as written
        else:
            tag = {m.Emph: "i", m.Strong: "b", m.Superscript: "sup", m.Subscript: "sub"}.get(type(node))
            inner = _tags(getattr(node, "children", ()))
            out.append(f"<{tag}>{inner}</{tag}>" if tag else inner)
    return "".join(out)


def _name(person: Name) -> dict:
    if person.others:  # Pandoc's way to say "and others": a style writes "et al."
        return {"literal": "others"}
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
    if any(p.fuzzy for p in ends) or (date.is_range and None in (date.start, date.end)):
        return {"literal": dates.write(date, "en")}  # "1990s", "2015–": CSL's date-parts cannot say it
    out: dict = {"date-parts": [[p.year] + ([p.month] if p.month else []) + ([p.day] if p.day else []) for p in ends]}
    if ends and ends[0].season >= 0:
        out["season"] = ends[0].season + 1
    if any(p.approximate for p in ends):
        out["circa"] = True
    return out
