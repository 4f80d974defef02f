"""Short forms that identify the work, for the notes after the first.

A UN document's short form is its symbol (A/HRC/19/8). Otherwise it is the short author (`shortauthor`, or
the surnames) and the short title: `shorttitle` when given, else the title up to its first colon, question
or exclamation mark, full stop ending a sentence or spaced dash, never at an initial (`Juan E.`), an
abbreviation (`No.`, `Inc.`), inside brackets or quotation marks, or in a title within the title (emphasised).
When two cited works would share a short form, the year is added (`OHCHR, *Annual report* (2020)`), then the
whole title, then both. A Chinese title is cut at its full-width `：？！。` as well.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from .. import model as m
from ..load import dates
from ..load.bibliography import Reference
from . import notestyle

_OPENING, _CLOSING = "([{“‘«\"（《〈「『", ")]}”’»\"）》〉」』"
_ABBREVIATIONS = frozenset("""no nos vol vols p pp para paras art arts ch chap ed eds st dr mr mrs ms mme mlle prof
inc ltd co corp jr sr vs cf al etc approx dept govt int nat rev fig sec op cit ibid n nr núm sr sra dra""".split())


@dataclass(frozen=True, slots=True)
class ShortForm:
    creator: str
    title: tuple[m.Node, ...]
    symbol: str = ""
    year: str = ""


def short_forms(references: dict[str, Reference], language: str) -> dict[str, ShortForm]:
    """The short form of each cited work, made longer where two would be the same."""
    forms = {key: _form(ref, language, 0) for key, ref in references.items()}
    for level in (1, 2, 3):
        groups = defaultdict(list)
        for key, form in forms.items():
            if not form.symbol:
                groups[_signature(form)].append(key)
        clashes = [key for keys in groups.values() if len(keys) > 1 for key in keys]
        if not clashes:
            break
        for key in clashes:
            forms[key] = _form(references[key], language, level)
    return forms


def _signature(form: ShortForm) -> tuple:
    return (form.creator, m.plain_text(form.title).casefold(), form.year)


def _form(ref: Reference, language: str, level: int) -> ShortForm:
    """Level 0: the short title; 1: and the year; 2: the whole title; 3: the whole title and the year."""
    symbol = ref.get("number")
    if notestyle.UN_SYMBOL.fullmatch(symbol):
        return ShortForm("", (), symbol)
    creator = short_creator(ref, language)
    title = notestyle.title(ref, language) if level >= 2 else short_title(ref)
    form = ShortForm(creator, title or (m.Text(ref.key),))
    if level in (1, 3):
        form = replace(form, year=_year(ref))
    return form


def _year(ref: Reference) -> str:
    date = dates.from_fields(ref.fields)
    return str(date.start.year) if date and date.start else ref.get("year")


def short_creator(ref: Reference, language: str) -> str:
    """`shortauthor`, else the authors' (or editors', translators') surnames, else the organisation."""
    if ref.get("shortauthor"):
        return ref.get("shortauthor")
    for role in ("author", "editor", "translator", "holder"):
        if ref.people(role):
            return notestyle.names(ref.people(role), language, short=True)
    field = "organization" if ref.get("organization") else "institution"
    return ref.get("shorteditor") or notestyle.literal_list(ref, field, language)


def short_title(ref: Reference) -> tuple[m.Node, ...]:
    """`shorttitle`, else the title cut by the rule above; never empty while the title is not."""
    if ref.get("shorttitle").strip():
        return ref.inlines("shorttitle")
    whole = ref.inlines("title")
    cut = cut_point(m.plain_text(whole), _styled(whole))
    return truncate(whole, cut) if cut else whole


def _styled(nodes: tuple[m.Node, ...]) -> set[int]:
    """The positions of text in emphasis and the like: a title within the title is never cut."""
    out, position = set(), 0
    for node in nodes:
        size = len(m.plain_text(node))
        if not isinstance(node, m.Text):
            out.update(range(position, position + size))
        position += size
    return out


def cut_point(text: str, protected: set[int] = frozenset()) -> int:
    """Where the short title ends in `text`, or 0 to keep all of it; never at a `protected` position."""
    depth = 0
    for i, c in enumerate(text):
        if i in protected:
            continue
        if c in _OPENING and not (c == '"' and depth):
            depth += 1
        elif c in _CLOSING and depth:
            depth -= 1
        elif depth == 0 and i > 0 and text[i + 1:i + 2] == " " and _ends_here(text, i):
            return i + 1 if c in "?!" else i
        elif depth == 0 and c in "：？！。" and text[:i].strip():  # Chinese marks, no space after them
            return i + 1 if c in "？！" else i
        elif depth == 0 and text[i:i + 3] in (" – ", " — ") and text[:i].strip():
            return i
    return 0


def _ends_here(text: str, i: int) -> bool:
    c = text[i]
    if c in ":?!":
        return bool(text[:i].strip())
    if c != ".":
        return False
    word = text[:i].rsplit(" ", 1)[-1]
    stripped = word.strip(_OPENING + _CLOSING)
    is_initial = len(stripped) == 1 and stripped.isalpha()
    return bool(stripped) and not is_initial and "." not in stripped and stripped.lower() not in _ABBREVIATIONS \
        and not stripped.isdigit() and len(text[:i].split()) > 1


def truncate(nodes: tuple[m.Node, ...], length: int) -> tuple[m.Node, ...]:
    """The first `length` characters of inlines, keeping their markup."""
    out: list[m.Node] = []
    for node in nodes:
        if length <= 0:
            break
        size = len(m.plain_text(node))
        if size <= length:
            out.append(node)
        elif isinstance(node, m.Text):
            out.append(m.Text(node.text[:length].rstrip()))
        elif hasattr(node, "children"):
            out.append(replace(node, children=truncate(node.children, length)))
        length -= size
    return tuple(out)
