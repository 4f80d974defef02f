"""The bibliography and what cites it: uncited entries (BIB-2), entries missing what their note needs
(BIB-4), sources older than the review period (ST-8)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import model as m
from ...errors import Problem
from ...transforms.notestyle import UN_SYMBOL
from ..context import Context

REVIEW_YEARS = 4
_ONLINE_TYPES = {"online", "www", "electronic", "webpage"}
# Dated by adoption, not facts: laws and treaties, and UN documents (earlier reviews, treaty bodies'
# concluding observations and general comments), known by their symbol.
_INSTRUMENT_TYPES = {"legislation", "legal", "jurisdiction"}


def year_of(entry) -> int | None:
    match = re.search(r"\d{4}", entry.get("year") or entry.get("date"))
    return int(match[0]) if match else None


def check(ctx: Context) -> Iterator[Problem]:
    written = ctx.written
    citations = [n for part in (written.cover, *written.sections) for n in m.walk(part) if isinstance(n, m.Citation)]
    cited = {c.key for c in citations} | {k.strip("{}") for s in written.sections for k in s.nocite}
    entries = written.bibliography.entries if written.bibliography else {}
    used = _with_related(cited, entries)
    for entry in entries.values():
        if entry.key not in used and "*" not in cited:
            yield ctx.finding("BIB-2", entry.source, f"entry '{entry.key}' is never cited")
        if entry.type in ("set", "bibnote"):  # a set prints its members, a bibnote its note
            continue
        missing = [name for name, present in (
            ("title", entry.get("title")), ("year or date", year_of(entry)),
            ("url", entry.get("url") or entry.get("doi") or not _online(entry))) if not present]
        if missing:
            yield ctx.finding("BIB-4", entry.source, f"entry '{entry.key}' has no {' and no '.join(missing)}, "
                                                     "which its note needs")
    if ctx.config.date is None:
        return  # no review period without a submission date
    end = ctx.config.date.year
    start = end - REVIEW_YEARS
    for citation in citations:
        entry = written.bibliography.entries.get(citation.key) if written.bibliography else None
        year = year_of(entry) if entry and not _instrument(entry) else None
        if year and year < start:
            yield ctx.finding("ST-8", citation.source, f"cites '{citation.key}' from {year}, before the review "
                                                       f"period {start}-{end}")


def _with_related(cited: set[str], entries: dict) -> set[str]:
    """The cited keys with what they print: a @set's members, the crossref and xref parents."""
    used, todo = set(), list(cited)
    while todo:
        key = todo.pop()
        entry = entries.get(key)
        if key in used or entry is None:
            used.add(key)
            continue
        used.add(key)
        for field in ("entryset", "crossref", "xref"):
            todo += [k.strip() for k in entry.get(field).split(",") if k.strip()]
    return used


def _instrument(entry) -> bool:
    return entry.type in _INSTRUMENT_TYPES or bool(UN_SYMBOL.match(entry.get("number")))


def _online(entry) -> bool:
    return entry.type in _ONLINE_TYPES or bool(entry.get("urldate"))
