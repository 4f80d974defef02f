"""The BibLaTeX data model: entry types and their BibTeX aliases, field aliases, crossref/xref/xdata
inheritance as the BibLaTeX manual's table (appendix B) has it, and the checks every entry passes at load.
"""

from __future__ import annotations

from ..errors import Problems
from . import dates
from .bibliography import Entry

TYPES = frozenset("""
article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection suppcollection dataset
manual misc online patent periodical suppperiodical proceedings mvproceedings inproceedings reference mvreference
inreference report set software thesis unpublished xdata customa customb customc customd custome customf
artwork audio bibnote commentary image jurisdiction legislation legal letter movie music performance review
standard video
""".split())
# BibTeX's types, read as BibLaTeX reads them: (type, the `type` field it implies).
TYPE_ALIASES = {"conference": ("inproceedings", ""), "electronic": ("online", ""), "www": ("online", ""),
                "mastersthesis": ("thesis", "mathesis"), "phdthesis": ("thesis", "phdthesis"),
                "techreport": ("report", "techreport")}
FIELD_ALIASES = {"address": "location", "journal": "journaltitle", "school": "institution", "annote": "annotation",
                 "archiveprefix": "eprinttype", "primaryclass": "eprintclass", "key": "sortkey"}
# Fields BibLaTeX treats as verbatim: `%` in a URL is not a LaTeX comment, `_` no subscript.
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "urlraw", "pdf", "verba", "verbb", "verbc"})
DATE_FIELDS = ("date", "origdate", "eventdate", "urldate")

# Never inherited (appendix B: `* -> *`), and the xdata/xref links themselves.
_NOT_INHERITED = frozenset("""ids crossref xref xdata entryset entrysubtype execute label options presort related
relatedoptions relatedstring relatedtype shorthand shorthandintro sortinit sortkey""".split())
_MAIN = {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon", "shorttitle": None,
         "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_BOOK = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon", "shorttitle": None,
         "sorttitle": None, "indextitle": None, "indexsorttitle": None}
_JOURNAL = {"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": None, "sorttitle": None,
            "indextitle": None, "indexsorttitle": None}
_IN_BOOK = ("inbook", "bookinbook", "suppbook")
_IN_COLLECTION = ("incollection", "inreference", "suppcollection")
# (parent types, child types, field mapping); a mapped field is inherited under its new name only. A @book
# parent of an @incollection is read as a @collection (BibTeX files do that).
_TABLE = [
    (("mvbook", "book"), _IN_BOOK, {"author": ("author", "bookauthor")}),
    (("mvbook",), ("book",) + _IN_BOOK, _MAIN),
    (("mvcollection", "mvreference"), ("collection", "reference") + _IN_COLLECTION, _MAIN),
    (("mvproceedings",), ("proceedings", "inproceedings"), _MAIN),
    (("book",), _IN_BOOK, _BOOK),
    (("collection", "reference", "book"), _IN_COLLECTION, _BOOK),
    (("proceedings", "book"), ("inproceedings",), _BOOK),
    (("periodical",), ("article", "suppperiodical"), _JOURNAL),
]


MAX_PARENTS = 32  # crossref and xdata parents one above the other: real chains have one or two


def resolve(entries: dict[str, Entry], problems: Problems) -> dict[str, Entry]:
    """Types and fields normalised, xdata and crossref inherited, xrefs and dates checked; @xdata entries,
    which cannot be cited, are left out."""
    entries = {key: _normalise(entry, problems) for key, entry in entries.items()}
    done: dict[str, Entry] = {}
    for key in entries:
        _inherit(key, entries, done, problems, ())
    for entry in done.values():
        _check(entry, done, problems)
    return {key: entry for key, entry in done.items() if entry.type != "xdata"}


def _normalise(entry: Entry, problems: Problems) -> Entry:
    kind, fields, lines = entry.type, dict(entry.fields), dict(entry.lines)
    for old, new in FIELD_ALIASES.items():
        if old in fields and new not in fields:
            fields[new] = fields.pop(old)
            lines[new] = lines.pop(old, entry.source.line)
    if kind in TYPE_ALIASES:
        kind, implied = TYPE_ALIASES[kind]
        if implied and not fields.get("type"):
            fields["type"] = implied
    elif kind not in TYPES:
        problems.warning(entry.source, f"entry '{entry.key}' has the unknown type '@{kind}'; it is printed as "
                                       "@misc")
        kind = "misc"
    return Entry(entry.key, kind, fields, entry.source, lines, entry.latex, entry.names)


def _inherit(key: str, entries: dict, done: dict, problems: Problems, chain: tuple) -> Entry | None:
    """Entry `key` with what it inherits from its xdata and crossref parents (themselves resolved first)."""
    if key in done:
        return done[key]
    entry = entries.get(key)
    if entry is None:
        return None
    if key in chain:
        problems.error(entry.source, f"entry '{key}' inherits from itself: {' -> '.join(chain + (key,))}")
        return entry
    if len(chain) >= MAX_PARENTS:  # each parent is one more call deep: a long chain would exhaust the stack
        problems.error(entries[chain[0]].source, f"entry '{chain[0]}' inherits through more than {MAX_PARENTS} "
                                                 f"crossref or xdata parents in a row (to '{key}'); give it its "
                                                 "fields itself")
        return entry
    fields, lines = dict(entry.fields), dict(entry.lines)
    for parent_key in _keys(entry.get("xdata")):
        parent = _parent(entry, "xdata", parent_key, entries, done, problems, chain)
        if parent is not None:
            _copy(parent, fields, lines, {})
    crossref = entry.get("crossref").strip()
    if crossref:
        parent = _parent(entry, "crossref", crossref, entries, done, problems, chain)
        if parent is not None:
            _copy(parent, fields, lines, _mapping(parent.type, entry.type))
    done[key] = Entry(entry.key, entry.type, fields, entry.source, lines, entry.latex, entry.names)
    return done[key]


def _parent(entry: Entry, field: str, key: str, entries, done, problems: Problems, chain: tuple) -> Entry | None:
    parent = _inherit(key, entries, done, problems, chain + (entry.key,))
    if parent is None:
        problems.error(entry.where(field), f"entry '{entry.key}': {field} '{key}' is not in the bibliography")
    elif field == "xdata" and parent.type != "xdata":
        problems.error(entry.where(field), f"entry '{entry.key}': xdata '{key}' is a @{parent.type}, not an @xdata")
        return None
    return parent


def _mapping(parent: str, child: str) -> dict:
    mapping: dict = {}
    for parents, children, fields in _TABLE:
        if parent in parents and child in children:
            for source, target in fields.items():
                mapping.setdefault(source, target)
    return mapping


def _copy(parent: Entry, fields: dict, lines: dict, mapping: dict) -> None:
    """Fill the child's missing fields from the parent's: mapped fields under their new names, the others
    under their own names."""
    for name, value in parent.fields.items():
        if name in _NOT_INHERITED:
            continue
        targets = mapping.get(name, name)
        for target in (targets,) if isinstance(targets, str) or targets is None else targets:
            if target and target not in fields:
                fields[target] = value
                lines[target] = parent.lines.get(name, parent.source.line)


def _keys(value: str) -> list[str]:
    return [key.strip() for key in value.split(",") if key.strip()]


def _check(entry: Entry, entries: dict, problems: Problems) -> None:
    """Dates that exist, xrefs that point at an entry."""
    for name in DATE_FIELDS:
        if entry.get(name):
            problem = dates.problem(entry.get(name))
            if problem:
                problems.error(entry.where(name), f"entry '{entry.key}': {name} '{entry.get(name)}' {problem}")
    if entry.get("year") and not entry.get("date"):
        problem = dates.year_problem(entry.get("year"), entry.get("month"))
        if problem:
            problems.error(entry.where("month" if "month" in problem else "year"),
                           f"entry '{entry.key}': {problem}")
    for name in ("xref", "entryset"):
        for key in _keys(entry.get(name)):
            if key not in entries:
                problems.error(entry.where(name), f"entry '{entry.key}': {name} '{key}' is not in the bibliography")
