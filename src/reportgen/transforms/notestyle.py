"""The UN-style note format: a full reference the first time a work is cited, a short one later, Ibid.

    Full:   Author, *Title*, 2nd ed., Series No. 5 (Place, Publisher, 2011), p. 12. Available at URL
            (accessed on 17 March 2010)
    Short:  Author, *Short title*, p. 12
    Ibid.:  ibid., p. 12   (capitalised at the start of a note by the caller)

Articles and chapters take their title in quotation marks and the journal or book in italics.
Every function returns model inlines (Text, Emph, Link), so both renderers show the same note.
"""

from __future__ import annotations

import re

from .. import model as m
from ..i18n import format_date, labels, ordinal
from ..load.bibliography import Entry, Name

_QUOTED_TYPES = {"article", "inbook", "incollection", "inproceedings", "conference", "chapter"}
_QUOTES = {"fr": ("« ", " »"), "es": ("«", "»")}


class _Builder:
    """Collects inlines, merging adjacent text."""

    def __init__(self) -> None:
        self.parts: list[m.Node] = []

    def text(self, text: str) -> _Builder:
        if text:
            if self.parts and isinstance(self.parts[-1], m.Text):
                self.parts[-1] = m.Text(self.parts[-1].text + text)
            else:
                self.parts.append(m.Text(text))
        return self

    def emph(self, text: str) -> _Builder:
        if text:
            self.parts.append(m.Emph((m.Text(text),)))
        return self

    def link(self, url: str, source) -> _Builder:
        self.parts.append(m.Link(url, (m.Text(url),), source))
        return self

    def build(self) -> tuple[m.Node, ...]:
        return tuple(self.parts)


def names(people: tuple[Name, ...], language: str, short: bool = False) -> str:
    words = labels(language)
    written = [p.short if short else p.full for p in people]
    if len(written) > 3:
        return f"{written[0]} {words['et_al']}"
    if len(written) > 1:
        return f"{', '.join(written[:-1])} {words['and']} {written[-1]}"
    return written[0] if written else ""


def _creator(entry: Entry, language: str, short: bool = False) -> str:
    if short and entry.get("shortauthor"):
        return entry.get("shortauthor")
    if entry.authors:
        return names(entry.authors, language, short)
    if entry.editors:
        words = labels(language)
        editors = names(entry.editors, language, short)
        return editors if short else f"{editors} ({words['eds'] if len(entry.editors) > 1 else words['ed']})"
    return entry.get("organization") or entry.get("institution") if not short else ""


def _title(builder: _Builder, entry: Entry, title: str, language: str) -> None:
    if entry.type in _QUOTED_TYPES:
        opening, closing = _QUOTES.get(language, ("“", "”"))
        builder.text(f"{opening}{title}{closing}")
    else:
        builder.emph(title)


def _date(entry: Entry, language: str) -> str:
    if entry.get("date"):
        return format_date(entry.get("date"), language)
    year, month = entry.get("year"), entry.get("month")
    if year and month:
        number = _month_number(month)
        return format_date(f"{year}-{number:02d}", language) if number else f"{month} {year}"
    return year


def _month_number(month: str) -> int:
    month = month.strip().lower()[:3]
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    if month.isdigit() and 1 <= int(month) <= 12:
        return int(month)
    return names.index(month) + 1 if month in names else 0


def _edition(entry: Entry, language: str) -> str:
    edition = entry.get("edition")
    if edition.isdigit():
        return f"{ordinal(int(edition), language)} {labels(language)['edition']}"
    return edition


def full(entry: Entry, locator: str, language: str, source) -> tuple[m.Node, ...]:
    """The first citation of a work."""
    words = labels(language)
    b = _Builder()
    creator = _creator(entry, language)
    if creator:
        b.text(creator + ", ")
    _title(b, entry, entry.get("title") or entry.key, language)
    container = entry.get("journaltitle") or entry.get("journal") or entry.get("booktitle")
    if container:
        b.text(", " if entry.type == "article" else f", {words['in']} ")
        b.emph(container)
    if entry.authors and entry.editors:
        plural = words["eds"] if len(entry.editors) > 1 else words["ed"]
        b.text(f", {names(entry.editors, language)}, {plural}")
    details = [_edition(entry, language)]
    if entry.type == "article":
        details += [f"{words['vol']} {entry.get('volume')}" if entry.get("volume") else "",
                    f"{words['no']} {entry.get('number')}" if entry.get("number") else ""]
    else:
        series = entry.get("series")
        number = entry.get("number")
        kind = entry.get("type")
        if series:
            details.append(f"{series} {words['no']} {number}" if number else series)
        elif number:
            details.append(f"{kind} {number}" if kind else number)
        elif kind and entry.type not in ("report", "techreport"):
            details.append(kind)
    details.append(entry.get("howpublished"))
    b.text("".join(f", {d}" for d in details if d))
    publisher = entry.get("publisher") or entry.get("institution") or entry.get("organization") or entry.get("school")
    if publisher == creator:
        publisher = ""
    place = entry.get("location") or entry.get("address")
    imprint = ", ".join(p for p in (place, publisher, _date(entry, language)) if p)
    if imprint:
        b.text(f" ({imprint})")
    if entry.get("pages"):
        pages = entry.get("pages").replace("--", "–").replace("-", "–")
        b.text(f", {'pp.' if '–' in pages else 'p.'} {pages}")
    if locator:
        b.text(", " + locator)
    if entry.get("note"):
        b.text(". " + entry.get("note"))
    url = entry.get("url") or (f"https://doi.org/{entry.get('doi')}" if entry.get("doi") else "")
    if url:
        b.text(f". {words['available']} ")
        b.link(url, source)
        if entry.get("urldate"):
            b.text(f" ({words['accessed']} {format_date(entry.get('urldate'), language)})")
    return b.build()


def short_title(entry: Entry) -> str:
    """`shorttitle`, else the title up to its first colon or full stop."""
    if entry.get("shorttitle"):
        return entry.get("shorttitle")
    return re.split(r"\s*[:.]\s", entry.get("title") or entry.key, maxsplit=1)[0]


def short(entry: Entry, locator: str, language: str) -> tuple[m.Node, ...]:
    """A later citation of a work already cited in full."""
    b = _Builder()
    creator = _creator(entry, language, short=True)
    if creator:
        b.text(creator + ", ")
    _title(b, entry, short_title(entry), language)
    if locator:
        b.text(", " + locator)
    return b.build()


def in_text_author(entry: Entry, language: str) -> str:
    """Who an in-text citation `@key` names in the text: the short form of the author (or the
    corporate author, or the editors), else the short title."""
    return _creator(entry, language, short=True) or short_title(entry)


def ibid(locator: str, language: str) -> tuple[m.Node, ...]:
    """The same work as the one cited just before."""
    word = labels(language)["ibid"]
    return (m.Text(f"{word}, {locator}" if locator else word),)
