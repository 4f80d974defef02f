"""The UN note style: a full reference the first time a work is cited, a short one later, Ibid.

    Full:   Author, *Title: Subtitle*, Editor, ed., 2nd ed., vol. 2 of *Main Title*, Series No. 5
            (Place, Publisher, 17 March 2011), p. 12. Available at URL (accessed on 17 March 2012)
    Short:  Author, *Short title*, p. 12        a UN document: its symbol, A/HRC/19/8, para. 12
    Ibid.:  ibid., p. 12                        (capitalised at the start of a note by the caller)

Articles, chapters, theses and unpublished works take their title in quotation marks, the journal or book
in italics. Every function returns model inlines (Text, Emph, Link …), so every renderer shows the same note.
"""

from __future__ import annotations

import re

from .. import model as m
from ..i18n import localised, note_words, ordinal_phrase
from ..load import dates
from ..load.bibliography import Name, Reference

ARTICLES = frozenset({"article", "review", "suppperiodical"})
IN_TYPES = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "inreference", "suppcollection",
                      "inproceedings"})
QUOTED = (ARTICLES | IN_TYPES | {"thesis", "unpublished"}) - {"bookinbook"}
_QUOTES = {"fr": ("« ", " »"), "es": ("«", "»")}
_CONTRIBUTORS = ("editora", "editorb", "editorc", "annotator", "commentator", "introduction", "foreword",
                 "afterword")
_PAGE_RANGE = re.compile(r"(?<=\w)\s*-{1,2}\s*(?=\w)")
UN_SYMBOL = re.compile(r"(A|E|S|ST|CCPR|CAT|CEDAW|CERD|CRC|CMW|CRPD|CED|HRI|TD|UNEP|DP|UNW)(/[\w.\-()]+)+")


class Builder:
    """Collects inlines, merging adjacent text."""

    def __init__(self) -> None:
        self.parts: list[m.Node] = []

    def text(self, text: str) -> Builder:
        if text:
            if self.parts and isinstance(self.parts[-1], m.Text):
                self.parts[-1] = m.Text(self.parts[-1].text + text)
            else:
                self.parts.append(m.Text(text))
        return self

    def add(self, nodes) -> Builder:
        for node in nodes:
            self.text(node.text) if isinstance(node, m.Text) else self.parts.append(node)
        return self

    def build(self) -> tuple[m.Node, ...]:
        return tuple(self.parts)


def italic(nodes: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """Inlines in italics; what the source already emphasised is set upright, as LaTeX's \\emph does."""
    out: list[m.Node] = []
    for node in nodes:
        out.extend(node.children if isinstance(node, m.Emph) else (m.Emph((node,)),))
    return tuple(out)


def quoted(nodes: tuple[m.Node, ...], language: str) -> tuple[m.Node, ...]:
    opening, closing = _QUOTES.get(language, ("“", "”"))
    return (m.Text(opening),) + nodes + (m.Text(closing),)


def names(people: tuple[Name, ...], language: str, short: bool = False) -> str:
    """`A`, `A and B`, `A, B and C`; four or more, or a list ending in `and others`: `A et al.`"""
    words = note_words(language)
    others = bool(people) and people[-1].others
    written = [p.short if short else p.full for p in people if not p.others]
    if not written:
        return ""
    if len(written) > 3:
        return f"{written[0]} {words['et_al']}"
    if others:
        return f"{', '.join(written)} {words['et_al']}"
    if len(written) > 1:
        return f"{', '.join(written[:-1])} {words['and']} {written[-1]}"
    return written[0]


def literal_list(ref: Reference, field: str, language: str) -> str:
    """A BibLaTeX literal list (`location = {countryfr and countryuk}`): its items joined with the report
    language's "and", localisation keys as words."""
    items = [localised(item, language) for item in ref.items(field)]
    if len(items) > 1:
        return f"{', '.join(items[:-1])} {note_words(language)['and']} {items[-1]}"
    return items[0] if items else ""


def _role(ref: Reference, role: str, language: str) -> str:
    """`ed.`/`eds.`, or the word of `editortype` (`comp.`), for the names in `role`."""
    words = note_words(language)
    kind = ref.get(f"{role}type") or "editor"
    if kind == "editor":
        return words["eds"] if len(ref.people(role)) > 1 else words["ed"]
    return localised(kind, language)


def creator(ref: Reference, language: str) -> tuple[str, set[str]]:
    """Who stands first in the full note, and which name fields that uses."""
    if ref.people("author"):
        return names(ref.people("author"), language), {"author"}
    for role in ("editor", "translator"):
        if ref.people(role):
            return _contributor(ref, role, language), {role} | _same_translator(ref, role)
    if ref.people("holder"):
        return names(ref.people("holder"), language), {"holder"}
    for name in ("organization", "institution"):
        if ref.get(name) and ref.type not in ("thesis",):
            return literal_list(ref, name, language), {name}
    return "", set()


def _same_translator(ref: Reference, role: str) -> set[str]:
    return {"translator"} if role == "editor" and ref.people("translator") == ref.people("editor") else set()


def _contributor(ref: Reference, role: str, language: str) -> str:
    """`Jane Doe, ed.`, `Jane Doe, trans.`, `Jane Doe, ed. and trans.`."""
    words = note_words(language)
    people = ref.people(role)
    if role == "translator":
        label = words["trans"]
    elif _same_translator(ref, role):
        label = words["eds_trans"] if len(people) > 1 else words["ed_trans"]
    elif role.startswith("editor"):
        label = _role(ref, role, language)
    else:
        return f"{words[role]} {names(people, language)}"
    return f"{names(people, language)}, {label}"


def title(ref: Reference, language: str, field: str = "title") -> tuple[m.Node, ...]:
    """`title: subtitle` (and `maintitle: mainsubtitle` …) as inlines, plain."""
    prefix = field[:-5] if field != "title" else ""
    main, sub = ref.inlines(field), ref.inlines(prefix + "subtitle")
    if main and sub:
        joiner = " " if m.plain_text(main).rstrip().endswith(("?", "!")) else ": "
        return main + (m.Text(joiner),) + sub
    return main or sub


def full(ref: Reference, locator: str, language: str, source, author: bool = True) -> tuple[m.Node, ...]:
    """The first citation of a work (`author=False` leaves out who wrote it, for `[-@key]`)."""
    if ref.type == "bibnote":  # a note kept in the bibliography: its text is the citation
        return ref.inlines("note") + ((m.Text(", " + locator),) if locator else ())
    words = note_words(language)
    who, used = creator(ref, language)
    pieces: list[tuple[m.Node, ...]] = [(m.Text(who),)] if who and author else []
    main = title(ref, language) or (m.Text(ref.key),)
    pieces.append(quoted(main, language) if ref.type in QUOTED else italic(main))
    if ref.get("language") and _language_code(ref.items("language")[0]) != language:
        written_in = words["in_language"].format(language=literal_list(ref, "language", language))
        pieces[-1] += (m.Text(f" ({written_in})"),)
    pieces += [(m.Text(text),) for text in (ref.get("titleaddon"),) if text]
    pieces += container(ref, language)
    pieces += [(m.Text(text),) for text in contributors(ref, language, used)]
    pieces += details(ref, language)
    b = Builder()
    for i, piece in enumerate(pieces):
        b.text(", " if i else "").add(piece)
    place = imprint(ref, language, who if "publisher" not in used else "")
    if place:
        b.text(f" ({place})")
    b.text(pages(ref, language))
    if locator:
        b.text(", " + locator)
    for name in ("note", "addendum"):
        if ref.get(name):
            b.text(". ").add(ref.inlines(name))
    access(b, ref, language, source)
    return b.build()


def _language_code(value: str) -> str:
    value = value.strip().lower()
    return {"english": "en", "french": "fr", "spanish": "es", "american": "en", "british": "en"}.get(value, value[:2])


def container(ref: Reference, language: str) -> list[tuple[m.Node, ...]]:
    """The journal of an article, the book of a chapter, the main title of a volume."""
    words = note_words(language)
    out: list[tuple[m.Node, ...]] = []
    if ref.type in ARTICLES:
        journal = title(ref, language, "journaltitle")
        if journal:
            out.append(italic(journal))
        if ref.get("series"):
            series = ref.get("series")
            out.append((m.Text(ordinal_phrase(int(series), "series", language) if series.isdigit()
                               else localised(series, language)),))
        out += [(m.Text(t),) for t in (_labelled(words["vol"], ref.get("volume")), _labelled(words["no"],
                                                                                            ref.get("number")))
                if t]
        if ref.get("issuetitle"):
            out.append(italic(title(ref, language, "issuetitle")))
        return out
    if ref.type == "periodical":
        if ref.get("issuetitle"):
            out.append(italic(title(ref, language, "issuetitle")))
        return out + [(m.Text(t),) for t in (_labelled(words["vol"], ref.get("volume")),
                                             _labelled(words["no"], ref.get("number"))) if t]
    if ref.type in IN_TYPES:
        book = title(ref, language, "booktitle")
        if book:
            by = names(ref.people("bookauthor"), language)
            out.append((m.Text(f"{words['in']} " + (f"{by}, " if by else "")),) + italic(book))
        if ref.get("booktitleaddon"):
            out.append((m.Text(ref.get("booktitleaddon")),))
    return out


def contributors(ref: Reference, language: str, used: set[str]) -> list[str]:
    """Editors, translators and the other contributors the creator does not already name."""
    out = []
    if ref.people("editor") and "editor" not in used:
        out.append(_contributor(ref, "editor", language))
        used = used | _same_translator(ref, "editor")
    if ref.people("translator") and "translator" not in used:
        out.append(_contributor(ref, "translator", language))
    out += [_contributor(ref, role, language) for role in _CONTRIBUTORS if ref.people(role)]
    if ref.people("holder") and "holder" not in used:  # a patent's assignee
        out.append(names(ref.people("holder"), language))
    return out


def details(ref: Reference, language: str) -> list[tuple[m.Node, ...]]:
    """Main title and volume, edition, volumes, part, series and number, type, version, event, how published."""
    words = note_words(language)
    out: list[tuple[m.Node, ...]] = []
    main = title(ref, language, "maintitle")
    volume = ref.get("volume") if ref.type not in ARTICLES | {"periodical"} else ""
    if main:
        lead = f"{words['vol']} {volume} {words['of']} " if volume else (f"{words['in']} " if ref.type in IN_TYPES
                                                                           else "")
        out.append((m.Text(lead),) + italic(main) if lead else italic(main))
        volume = ""
    texts = [_edition(ref.get("edition"), language), words["vols"].format(n=ref.get("volumes")) if
             ref.get("volumes") else "", _labelled(words["vol"], volume), _labelled(words["part"], ref.get("part")),
             _labelled(words["chap"], ref.get("chapter")) if ref.type in IN_TYPES else ""]
    texts += _series_and_number(ref, language) if ref.type not in ARTICLES | {"periodical"} else []
    texts += [f"{words['version']} {ref.get('version')}" if ref.get("version") else "", ref.get("howpublished"),
              ", ".join(t for t in (ref.get("eventtitle"), ref.get("venue"), _date(ref.get("eventdate"), language))
                        if t)]
    out += [(m.Text(t),) for t in texts if t]
    return out


def _labelled(label: str, value: str) -> str:
    return f"{label} {value}" if value else ""


def _edition(edition: str, language: str) -> str:
    if edition.isdigit():
        return ordinal_phrase(int(edition), "edition", language)
    return edition


def _series_and_number(ref: Reference, language: str) -> list[str]:
    """`Series No. 5`; a report's or patent's type and number (`technical report 12`, a UN symbol)."""
    words = note_words(language)
    series, number = localised(ref.get("series"), language), ref.get("number")
    kind = localised(ref.get("type"), language)
    if ref.type == "thesis" and not kind:
        kind = words["thesis"]
    out = []
    if series:
        out.append(f"{series} {words['no']} {number}" if number else series)
        number = ""
    if number:
        out.append(f"{kind} {number}" if kind and ref.type not in ("article",) else number)
    elif kind:
        out.append(kind)
    return out


def _date(text: str, language: str) -> str:
    if not text:
        return ""
    try:
        return dates.write(dates.parse(text), language)
    except dates.DateError:
        return text


def when(ref: Reference, language: str) -> str:
    """The date of publication: `date` (EDTF), else `year` and `month`, with `origdate` and `pubstate`."""
    words = note_words(language)
    date = dates.from_fields(ref.fields)
    text = dates.write(date, language) if date else (ref.get("year") if not ref.get("date") else ref.get("date"))
    if ref.get("month") and date and not date.start.month and not ref.get("date"):
        text = f"{ref.get('month')} {text}"
    if ref.get("origdate"):
        text = f"{text}; {words['first_published']} {_date(ref.get('origdate'), language)}".lstrip("; ")
    if ref.get("pubstate"):
        state = localised(ref.get("pubstate"), language)
        text = f"{text}, {state}" if text else state
    if ref.get("issue") and ref.type in ARTICLES:
        text = f"{ref.get('issue')} {text}".strip()
    return text


def imprint(ref: Reference, language: str, who: str) -> str:
    """`Place, Publisher, date`: the publisher left out when it is the author."""
    field = next((f for f in ("publisher", "institution", "organization") if ref.get(f)), "")
    if ref.type in ("thesis", "report") and ref.get("institution"):
        field = "institution"
    publisher = literal_list(ref, field, language) if field else ""
    if publisher == who:
        publisher = ""
    place = literal_list(ref, "location", language)
    return ", ".join(p for p in (place, publisher, when(ref, language)) if p)


def pages(ref: Reference, language: str) -> str:
    words = note_words(language)
    text = _PAGE_RANGE.sub("–", ref.get("pages"))
    if text:
        return f", {words['pp'] if re.search('[–,&]', text) else words['p']} {text}"
    if ref.get("pagetotal"):
        return ", " + words["pagetotal"].format(n=ref.get("pagetotal"))
    return ""


_EPRINTS = {"arxiv": ("arXiv:{id}", "https://arxiv.org/abs/{id}"), "hdl": ("hdl:{id}", "https://hdl.handle.net/{id}"),
            "handle": ("hdl:{id}", "https://hdl.handle.net/{id}"),
            "jstor": ("JSTOR {id}", "https://www.jstor.org/stable/{id}"),
            "pubmed": ("PMID {id}", "https://pubmed.ncbi.nlm.nih.gov/{id}/"),
            "googlebooks": ("Google Books {id}", "https://books.google.com/books?id={id}")}


def access(b: Builder, ref: Reference, language: str, source) -> None:
    """`. arXiv:1234.5678 [cs.CL]. Available at URL (accessed on 17 March 2010) and https://doi.org/…`."""
    words = note_words(language)
    kind, eprint = ref.get("eprinttype").lower(), ref.get("eprint")
    doi = ref.get("doi") or (eprint if kind == "doi" else "")
    if eprint and kind != "doi":
        shown, url = _EPRINTS.get(kind, (f"{ref.get('eprinttype') or 'eprint'}: {{id}}", ""))
        b.text(". ")
        text = shown.format(id=eprint) + (f" [{ref.get('eprintclass')}]" if ref.get("eprintclass") else "")
        b.add((m.Link(url.format(id=eprint), (m.Text(text),), source),) if url else (m.Text(text),))
    links = [ref.get("url")] if ref.get("url") else []
    if doi:
        links.append("https://doi.org/" + re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi, flags=re.I))
    for i, url in enumerate(links):
        b.text(f". {words['available']} " if i == 0 else f" {words['and']} ")
        b.add((m.Link(url, (m.Text(url),), source),))
        if i == 0 and ref.get("urldate"):
            b.text(f" ({words['accessed']} {_date(ref.get('urldate'), language)})")


def short(ref: Reference, form, locator: str, language: str, author: bool = True) -> tuple[m.Node, ...]:
    """A later citation: `form` is the work's short form (shortforms.ShortForm)."""
    if ref.type == "bibnote":
        return full(ref, locator, language, None)
    b = Builder()
    if form.symbol:
        b.text(form.symbol)
    else:
        if form.creator and author:
            b.text(form.creator + ", ")
        b.add(quoted(form.title, language) if ref.type in QUOTED else italic(form.title))
        if form.year:
            b.text(f" ({form.year})")
    if locator:
        b.text(", " + locator)
    return b.build()


def ibid(locator: str, language: str) -> tuple[m.Node, ...]:
    """The same work as the one cited just before."""
    word = note_words(language)["ibid"]
    return (m.Text(f"{word}, {locator}" if locator else word),)
