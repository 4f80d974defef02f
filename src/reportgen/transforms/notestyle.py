"""The UN note style: a full reference the first time a work is cited, a short one later, Ibid.

    Full:   Author, *Title: Subtitle*, Editor, ed., 2nd ed., vol. 2 of *Main Title*, Series No. 5
            (Place, Publisher, 17 March 2011), p. 12. Available at URL (accessed on 17 March 2012)
    Short:  Author, *Short title*, p. 12        a UN document: its symbol, A/HRC/19/8, para. 12
    Ibid.:  ibid., p. 12                        (capitalised at the start of a note by the caller)

Articles, chapters, theses and unpublished works take their title in quotation marks, the journal or book
in italics. Every function returns model inlines (Text, Emph, Link …), so every renderer shows the same note.

Other languages punctuate with their own marks (`i18n.Punctuation`): Arabic `، ؛`; Chinese writes `，` `（）`
`。` with no spaces, a title in Chinese characters in title marks rather than italics (`《人权与发展》`, as
Chinese practice and GB/T 7714 have it), and its locators after the number (`第12页`, `locators`).
"""

from __future__ import annotations

import re

from .. import model as m
from ..i18n import join_and, localised, note_words, ordinal_phrase, punctuation
from ..load import dates
from ..load.bibliography import Name, Reference
from ..load.langid import langid_tag
from ..scripts import has_east_asian
from . import locators

ARTICLES = frozenset({"article", "review", "suppperiodical"})
IN_TYPES = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "inreference", "suppcollection",
                      "inproceedings"})
QUOTED = (ARTICLES | IN_TYPES | {"thesis", "unpublished"}) - {"bookinbook"}
# Laws and judgments published in a gazette or a law report (`journaltitle`), as Better BibTeX exports
# Zotero's statutes and cases: the gazette is printed like an article's journal, with its volume and number.
_GAZETTED = frozenset({"legislation", "jurisdiction", "legal"})
# Quotation marks around an article's title; Arabic writes ”…“ (on the right the first), as its typography does.
_QUOTES = {"fr": ("« ", " »"), "es": ("«", "»"), "ru": ("«", "»"), "ar": ("”", "“")}
_CONTRIBUTORS = ("editora", "editorb", "editorc", "annotator", "commentator", "introduction", "foreword",
                 "afterword")
# A number that says it is one ("No. 29", "n° 2012-300", "№ 5"), as people write `number` fields.
_NUMBER_LABELLED = re.compile(r"(?i)(?:nos?\.?|nr\.?|núm\.?|number|n[°º]|№)\s*\d")
UN_SYMBOL = re.compile(r"(A|E|S|ST|CCPR|CAT|CEDAW|CERD|CRC|CMW|CRPD|CED|HRI|TD|UNEP|DP|UNW)(/[\w.\-()]+)+")


_ENDS = frozenset(".!?。！？…")


class Builder:
    """Collects inlines, merging adjacent text."""

    def __init__(self) -> None:
        self.parts: list[m.Node] = []

    def text(self, text: str) -> Builder:
        if text[:1] in (".", "。") and self.parts and m.plain_text(self.parts[-1]).rstrip()[-1:] in _ENDS:
            text = text[1:]  # a field that ends a sentence itself (a note, a title ending in "?"): no second stop
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
    if _title_marks(nodes, language):
        return _in_title_marks(nodes)
    opening, closing = _QUOTES.get(language, ("“", "”"))
    return (m.Text(opening),) + nodes + (m.Text(closing),)


def work(nodes: tuple[m.Node, ...], language: str) -> tuple[m.Node, ...]:
    """The title of a work (a book, report, journal): in italics, in a Chinese note in title marks when
    it is written in Chinese (a title in English keeps its italics, as Chinese notes cite it)."""
    return _in_title_marks(nodes) if _title_marks(nodes, language) else italic(nodes)


def _title_marks(nodes: tuple[m.Node, ...], language: str) -> bool:
    return language == "zh" and has_east_asian(m.plain_text(nodes))


def _in_title_marks(nodes: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """《title》, what the source emphasised upright, and a title within it in 〈〉 as Chinese nests them."""
    inner = tuple(n for node in nodes for n in (node.children if isinstance(node, m.Emph) else (node,)))
    inner = tuple(m.Text(n.text.replace("《", "〈").replace("》", "〉")) if isinstance(n, m.Text) else n
                  for n in inner)
    return (m.Text("《"),) + inner + (m.Text("》"),)


def names(people: tuple[Name, ...], language: str, short: bool = False) -> str:
    """`A`, `A and B`, `A, B and C`; four or more, or a list ending in `and others`: `A et al.`"""
    words, mark = note_words(language), punctuation(language)
    others = bool(people) and people[-1].others
    written = [p.short if short else p.full for p in people if not p.others]
    if not written:
        return ""
    if len(written) > 3:
        return f"{written[0]}{mark.space}{words['et_al']}"
    if others:
        return f"{mark.enumeration.join(written)}{mark.space}{words['et_al']}"
    return join_and(written, language)


def literal_list(ref: Reference, field: str, language: str) -> str:
    """A BibLaTeX literal list (`location = {countryfr and countryuk}`): its items joined with the report
    language's "and", localisation keys as words."""
    return join_and([localised(item, language) for item in ref.items(field)], language)


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
    words, mark = note_words(language), punctuation(language)
    people = ref.people(role)
    if role == "translator":
        label = words["trans"]
    elif _same_translator(ref, role):
        label = words["eds_trans"] if len(people) > 1 else words["ed_trans"]
    elif role.startswith("editor"):
        label = _role(ref, role, language)
    else:
        return f"{words[role]}{mark.space}{names(people, language)}"
    return f"{names(people, language)}{'' if language == 'zh' else mark.comma}{label}"  # 王晓明编


def title(ref: Reference, language: str, field: str = "title") -> tuple[m.Node, ...]:
    """`title: subtitle` (and `maintitle: mainsubtitle` …) as inlines, plain."""
    prefix = field[:-5] if field != "title" else ""
    main, sub = ref.inlines(field), ref.inlines(prefix + "subtitle")
    if main and sub:
        ending = m.plain_text(main).rstrip()
        joiner = "：" if has_east_asian(ending) else ": "
        joiner = "" if ending.endswith(("？", "！")) else " " if ending.endswith(("?", "!")) else joiner
        return _in_own_language(ref, main + (m.Text(joiner),) + sub, language)
    return _in_own_language(ref, main or sub, language)


def _in_own_language(ref: Reference, nodes: tuple[m.Node, ...], language: str) -> tuple[m.Node, ...]:
    """A title in another language than the report's (its entry's `langid`) is a passage in that language:
    typeset as it is (no French spaces in an English title), and hyphenated as it is."""
    tag = langid_tag(ref)
    if not nodes or not tag or tag.split("-")[0].lower() == language:
        return nodes
    return (m.Span(nodes, m.Attributes(pairs=(("lang", tag.split("-")[0].lower()),))),)


def full(ref: Reference, locator: str, language: str, source, author: bool = True) -> tuple[m.Node, ...]:
    """The first citation of a work (`author=False` leaves out who wrote it, for `[-@key]`)."""
    mark, locator = punctuation(language), locators.localise(locator, language)
    if ref.type == "bibnote":  # a note kept in the bibliography: its text is the citation
        return ref.inlines("note") + ((m.Text(mark.comma + locator),) if locator else ())
    words = note_words(language)
    who, used = creator(ref, language)
    pieces: list[tuple[m.Node, ...]] = [(m.Text(who),)] if who and author else []
    main = title(ref, language) or (m.Text(ref.key),)
    pieces.append(quoted(main, language) if ref.type in QUOTED else work(main, language))
    if ref.get("language") and _language_code(ref.items("language")[0]) != language:
        written_in = words["in_language"].format(language=literal_list(ref, "language", language))
        pieces[-1] += (m.Text(mark.paren(written_in)),)
    pieces += [(m.Text(text),) for text in (ref.get("titleaddon"),) if text]
    pieces += container(ref, language)
    pieces += [(m.Text(text),) for text in contributors(ref, language, used)]
    pieces += details(ref, language)
    b = Builder()
    for i, piece in enumerate(pieces):
        b.text(mark.comma if i else "").add(piece)
    place = imprint(ref, language, who if "publisher" not in used else "")
    if place:
        b.text(mark.paren(place))
    b.text(pages(ref, language))
    if locator:
        b.text(mark.comma + locator)
    for name in ("note", "addendum"):
        if ref.get(name):
            b.text(mark.then()).add(ref.inlines(name))
    access(b, ref, language, source)
    return b.build()


def _language_code(value: str) -> str:
    value = value.strip().lower()
    return {"english": "en", "american": "en", "british": "en", "spanish": "es", "chinese": "zh", "german": "de",
            "greek": "el", "dutch": "nl", "portuguese": "pt"}.get(value, value[:2])


def container(ref: Reference, language: str) -> list[tuple[m.Node, ...]]:
    """The journal of an article, the book of a chapter, the main title of a volume."""
    words, mark = note_words(language), punctuation(language)
    out: list[tuple[m.Node, ...]] = []
    if _in_journal(ref):
        journal = title(ref, language, "journaltitle")
        if journal:
            out.append(work(journal, language))
        if ref.get("series"):
            series = ref.get("series")
            out.append((m.Text(ordinal_phrase(int(series), "series", language) if series.isdigit()
                               else localised(series, language)),))
        out += [(m.Text(t),) for t in (_labelled(words["vol"], ref.get("volume"), language),
                                       _labelled(words["no"], ref.get("number"), language)) if t]
        if ref.get("issuetitle"):
            out.append(work(title(ref, language, "issuetitle"), language))
        return out
    if ref.type == "periodical":
        if ref.get("issuetitle"):
            out.append(work(title(ref, language, "issuetitle"), language))
        return out + [(m.Text(t),) for t in (_labelled(words["vol"], ref.get("volume"), language),
                                             _labelled(words["no"], ref.get("number"), language)) if t]
    if ref.type in IN_TYPES:
        book = title(ref, language, "booktitle")
        if book:
            by = names(ref.people("bookauthor"), language)
            out.append((m.Text(words["in"] + mark.space + (by + mark.comma if by else "")),) + work(book, language))
        if ref.get("booktitleaddon"):
            out.append((m.Text(ref.get("booktitleaddon")),))
    return out


def _in_journal(ref: Reference) -> bool:
    """An article, or a law or judgment in a gazette: its journal, volume and number follow the title."""
    return ref.type in ARTICLES or (ref.type in _GAZETTED and bool(ref.get("journaltitle")))


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
    words, mark = note_words(language), punctuation(language)
    out: list[tuple[m.Node, ...]] = []
    main = title(ref, language, "maintitle")
    volume = ref.get("volume") if not _in_journal(ref) and ref.type != "periodical" else ""
    if main:
        out.append(_main_title(work(main, language), volume, ref.type in IN_TYPES, language))
        volume = ""
    texts = [_edition(ref.get("edition"), language), words["vols"].format(n=ref.get("volumes")) if
             ref.get("volumes") else "", _labelled(words["vol"], volume, language),
             _labelled(words["part"], ref.get("part"), language),
             _labelled(words["chap"], ref.get("chapter"), language) if ref.type in IN_TYPES else ""]
    texts += _series_and_number(ref, language) if not _in_journal(ref) and ref.type != "periodical" else []
    texts += [words["version"] + mark.space + ref.get("version") if ref.get("version") else "",
              ref.get("howpublished"), mark.comma.join(t for t in (ref.get("eventtitle"), ref.get("venue"),
                                                                   _date(ref.get("eventdate"), language)) if t)]
    out += [(m.Text(t),) for t in texts if t]
    return out


def _main_title(main: tuple[m.Node, ...], volume: str, part_of: bool, language: str) -> tuple[m.Node, ...]:
    """`vol. 2 of *Main Title*`, `in *Main Title*`; in Chinese `《总标题》第2卷`, `载于《总标题》`."""
    words, mark = note_words(language), punctuation(language)
    if volume and language == "zh":
        return main + (m.Text(_labelled(words["vol"], volume, language)),)
    lead = f"{words['vol']} {volume} {words['of']} " if volume else (words["in"] + mark.space if part_of else "")
    return (m.Text(lead),) + main if lead else main


def _labelled(label: str, value: str, language: str = "en") -> str:
    """`vol. 2`, `No. 5`; in Chinese the counter after the number, `第2卷`, `第5期`."""
    if not value or _NUMBER_LABELLED.match(value):  # `number = {No. 29 of 2022}` is printed as written
        return value
    return f"第{value}{label}" if language == "zh" and value[:1].isdigit() else f"{label} {value}"


def _edition(edition: str, language: str) -> str:
    if edition.isdigit():
        return ordinal_phrase(int(edition), "edition", language)
    return edition


def _series_and_number(ref: Reference, language: str) -> list[str]:
    """`Series No. 5`; a report's or patent's type and number (`technical report 12`, a UN symbol)."""
    words, space = note_words(language), punctuation(language).space
    series, number = localised(ref.get("series"), language), ref.get("number")
    kind = localised(ref.get("type"), language)
    if ref.type == "thesis" and not kind:
        kind = words["thesis"]
    out = []
    if series:
        out.append(series + space + _labelled(words["no"], number, language) if number else series)
        number = ""
    if number:
        out.append(kind + space + number if kind and ref.type not in ("article",) else number)
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
    words, mark = note_words(language), punctuation(language)
    date = dates.from_fields(ref.fields)
    text = dates.write(date, language) if date else (ref.get("year") if not ref.get("date") else ref.get("date"))
    if ref.get("month") and date and not date.start.month and not ref.get("date"):
        text = f"{ref.get('month')} {text}"
    if ref.get("origdate"):
        first = words["first_published"] + mark.space + _date(ref.get("origdate"), language)
        text = f"{text}{mark.semicolon}{first}" if text else first
    if ref.get("pubstate"):
        state = localised(ref.get("pubstate"), language)
        text = f"{text}{mark.comma}{state}" if text else state
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
    return punctuation(language).comma.join(p for p in (place, publisher, when(ref, language)) if p)


def pages(ref: Reference, language: str) -> str:
    """`, pp. 100–120` (`，第100至120页`), or the number of pages."""
    comma = punctuation(language).comma
    if ref.get("pages").strip():
        return comma + locators.phrase("page", ref.get("pages"), language)
    if ref.get("pagetotal"):
        return comma + note_words(language)["pagetotal"].format(n=ref.get("pagetotal"))
    return ""


_EPRINTS = {"arxiv": ("arXiv:{id}", "https://arxiv.org/abs/{id}"), "hdl": ("hdl:{id}", "https://hdl.handle.net/{id}"),
            "handle": ("hdl:{id}", "https://hdl.handle.net/{id}"),
            "jstor": ("JSTOR {id}", "https://www.jstor.org/stable/{id}"),
            "pubmed": ("PMID {id}", "https://pubmed.ncbi.nlm.nih.gov/{id}/"),
            "googlebooks": ("Google Books {id}", "https://books.google.com/books?id={id}")}


def access(b: Builder, ref: Reference, language: str, source) -> None:
    """`. arXiv:1234.5678 [cs.CL]. Available at URL (accessed on 17 March 2010) and https://doi.org/…`."""
    words, mark = note_words(language), punctuation(language)
    kind, eprint = ref.get("eprinttype").lower(), ref.get("eprint")
    doi = ref.get("doi") or (eprint if kind == "doi" else "")
    if eprint and kind != "doi":
        shown, url = _EPRINTS.get(kind, (f"{ref.get('eprinttype') or 'eprint'}: {{id}}", ""))
        b.text(mark.then())
        text = shown.format(id=eprint) + (f" [{ref.get('eprintclass')}]" if ref.get("eprintclass") else "")
        b.add((m.Link(url.format(id=eprint), (m.Text(text),), source),) if url else (m.Text(text),))
    links = [ref.get("url")] if ref.get("url") else []
    if doi:
        links.append("https://doi.org/" + re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi, flags=re.I))
    for i, url in enumerate(links):
        b.text(mark.then() + words["available"] + " " if i == 0 else f" {words['and']} ")
        b.add((m.Link(url, (m.Text(url),), source),))
        if i == 0 and ref.get("urldate"):
            b.text(mark.paren(words["accessed"] + mark.space + _date(ref.get("urldate"), language)))


def short(ref: Reference, form, locator: str, language: str, author: bool = True) -> tuple[m.Node, ...]:
    """A later citation: `form` is the work's short form (shortforms.ShortForm)."""
    if ref.type == "bibnote":
        return full(ref, locator, language, None)
    mark, locator = punctuation(language), locators.localise(locator, language)
    b = Builder()
    if form.symbol:
        b.text(form.symbol)
    else:
        if form.creator and author:
            b.text(form.creator + mark.comma)
        b.add(quoted(form.title, language) if ref.type in QUOTED else work(form.title, language))
        if form.year:
            b.text(mark.paren(form.year))
    if locator:
        b.text(mark.comma + locator)
    return b.build()


def ibid(locator: str, language: str) -> tuple[m.Node, ...]:
    """The same work as the one cited just before."""
    word, locator = note_words(language)["ibid"], locators.localise(locator, language)
    return (m.Text(f"{word}{punctuation(language).comma}{locator}" if locator else word),)
