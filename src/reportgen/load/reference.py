"""One cited entry decoded: LaTeX (or CSL-JSON's HTML-like tags) to text and inlines, name lists to names.

Unknown LaTeX commands and unreadable names are warnings at the line of their field.
"""

from __future__ import annotations

import re

from .. import model as m
from ..errors import Problems
from . import latex
from .biblatex import DATE_FIELDS, VERBATIM_FIELDS
from .bibliography import Entry, Name, Reference

NAME_FIELDS = frozenset({"author", "editor", "translator", "editora", "editorb", "editorc", "annotator",
                         "commentator", "introduction", "foreword", "afterword", "bookauthor", "holder"})
LIST_FIELDS = frozenset({"location", "publisher", "institution", "organization", "origlocation", "origpublisher",
                         "language", "origlanguage"})
# What a note can link to: EndNote exports `<Go to ISI>://WOS:…`, Zotero a local `file:` now and then.
_WEB = re.compile(r"(?:https?|ftp)://\S", re.IGNORECASE)
_EXTENDED = re.compile(r"\s*(family|given|prefix|suffix)\s*=", re.IGNORECASE)


def decode(entry: Entry, problems: Problems) -> Reference:
    """The entry's fields as text and inlines, its name lists as names."""
    fields, rich, names, lists = {}, {}, dict(entry.names), {}
    for name, value in entry.fields.items():
        where = entry.where(name)

        def warn(message: str, where=where, name=name) -> None:
            problems.warning(where, f"entry '{entry.key}', field '{name}': {message}")

        if name == "url" and value.strip() and not _WEB.match(value.strip()):
            warn(f"'{value.strip()}' is not a web address (http or https); left out of the note")
        elif name in VERBATIM_FIELDS or name in DATE_FIELDS:  # dates are EDTF: `~` is "about", not a space
            fields[name] = "".join(value.split()) if name in ("url", "doi") or name in DATE_FIELDS else value
        elif name in NAME_FIELDS and entry.latex:
            names[name] = parse_names(value, warn)
        else:
            if entry.latex:
                inlines = latex.to_inlines(value, where, warn)
            else:
                from .csl_json import markup_inlines

                inlines = markup_inlines(value, where)
            fields[name] = m.plain_text(inlines)
            if any(not isinstance(node, m.Text) for node in inlines):
                rich[name] = inlines
            if name in LIST_FIELDS and entry.latex and re.search(r"\sand\s", value):
                lists[name] = tuple(latex.to_text(item, warn) for item in _split_list(value))
    _howpublished_url(fields, rich)
    return Reference(entry.key, entry.type, fields, rich, names, entry.source, lists)


def _howpublished_url(fields: dict, rich: dict) -> None:
    """`howpublished = {\\url{…}}`, as BibTeX styles without a url field had it: the entry's url, so
    the note prints it where it prints one ("Available at …"), as a link."""
    inlines = rich.get("howpublished", ())
    if not fields.get("url") and len(inlines) == 1 and isinstance(inlines[0], m.Link):
        fields["url"] = inlines[0].url
        del fields["howpublished"], rich["howpublished"]


def _split_list(value: str) -> list[str]:
    """A literal list's items: split at ` and ` outside braces, as BibLaTeX does."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    return [item for item in split_multiple_persons_names(value) if item.strip()]


def parse_names(value: str, warn) -> tuple[Name, ...]:
    """A BibTeX name list (`Last, First and {Corporate Body} and others`) as names, LaTeX decoded."""
    from bibtexparser.middlewares.names import split_multiple_persons_names

    out = []
    for raw in split_multiple_persons_names(value):
        if raw.strip().lower() == "others":
            out.append(Name(others=True))
        elif _EXTENDED.match(raw):
            out.append(_extended_name(raw, warn))
        elif raw.strip():
            out.append(_name(raw, warn))
    return tuple(out)


def _name(raw: str, warn) -> Name:
    from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts

    try:
        parts = parse_single_name_into_parts(raw, strict=True)
    except InvalidNameError as exc:
        warn(f"the name '{raw.strip()}' {_reason(exc)}; it is read as well as it can be")
        parts = parse_single_name_into_parts(raw, strict=False)
    joined = {key: " ".join(getattr(parts, key)) for key in ("first", "von", "last", "jr")}
    last = joined["last"].strip()
    corporate = not joined["first"] and not joined["von"] and _one_group(last)
    return Name(**{key: latex.to_text(text, warn) for key, text in joined.items()}, corporate=corporate)


def _reason(exc: Exception) -> str:
    reason = str(getattr(exc, "reason", "") or exc).rstrip(".")
    return f"cannot be read ({reason[0].lower() + reason[1:]})" if reason else "cannot be read"


def _one_group(text: str) -> bool:
    """`{World Health Organization}`: one brace group around the whole name."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for i, c in enumerate(text):
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _extended_name(raw: str, warn) -> Name:
    """Biber's extended name format: `family=Doe, given=John, prefix=de`."""
    parts = {}
    for item in re.split(r",(?![^{]*})", raw):
        key, _, value = item.partition("=")
        parts[key.strip().lower()] = latex.to_text(value.strip(), warn)
    return Name(first=parts.get("given", ""), von=parts.get("prefix", ""), last=parts.get("family", ""),
                jr=parts.get("suffix", ""))
