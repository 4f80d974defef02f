"""What `reportgen comments` prints: one line a remark (`path:line: author: text [details]`), CSV or
JSON, ordered by file and line or grouped per reviewer or per section owner."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict

from ..errors import one_line
from ..renderers.export import spreadsheet_cell
from .comments import Remark

VIEWS = ("file", "reviewer", "owner")
_KINDS = ("comment", "insertion", "deletion", "drawing")
_COLUMNS = ["path", "line", "kind", "author", "date", "text", "on", "reply_to", "type", "comment", "note", "owner",
            "reviewed"]


def grouped(remarks: list[Remark], by: str) -> list[tuple[str, list[Remark]]]:
    """The remarks per reviewer or per section owner (each group by file and line), or as one group."""
    if by == "file":
        return [("", remarks)]
    groups: dict[str, list[Remark]] = {}
    for remark in remarks:
        name = (remark.author if by == "reviewer" else remark.owner) or ("unknown" if by == "reviewer"
                                                                           else "no owner")
        groups.setdefault(name, []).append(remark)
    return sorted(groups.items(), key=lambda group: group[0].casefold())


def format_text(remarks: list[Remark], by: str = "file", several: bool = False) -> str:
    """One remark a line; per reviewer or owner, each group under its name. `several`: name the
    reviewed file of each remark."""
    out = []
    for name, group in grouped(remarks, by):
        if name:
            out.append(f"{'' if not out else chr(10)}{name} ({summary(group)}):\n")
        out += [line(remark, several) + "\n" for remark in group]
    return "".join(out)


def line(remark: Remark, several: bool = False) -> str:
    """`path:line: author: text [details]`"""
    where = f"{remark.path}:{remark.line}" if remark.line else remark.path
    details = [f"reply to {remark.reply_to}"] if remark.reply_to else []
    if remark.kind == "comment":
        body = " ".join(remark.text.split())
        if not body:  # a highlight, an underline, a stamp without words
            body, quoted = f'{remark.subtype or "marked"} "{excerpt(remark.quoted)}"', ""
        else:
            quoted = remark.quoted
        details += [f'on "{excerpt(quoted)}"'] if quoted else []
        details += [remark.subtype] if remark.subtype and remark.text.strip() else []
    elif remark.kind == "drawing":
        body = f'{remark.subtype} at "{excerpt(remark.quoted)}"' if remark.quoted else remark.subtype
    else:
        verb = {"insertion": "inserted", "deletion": "deleted"}[remark.kind]
        if remark.subtype:  # a PDF's caret or strike-out suggests it
            verb = {"insertion": "insert", "deletion": "delete"}[remark.kind]
        body = f'{verb} "{excerpt(remark.text)}"' + (f": {' '.join(remark.comment.split())}" if remark.comment else "")
    when = remark.date[:16].replace("T", " ")
    details += [when] if when else []
    details += [remark.reviewed] if several and remark.reviewed else []
    details += [remark.note] if remark.note else []
    suffix = f" [{'; '.join(details)}]" if details else ""
    # Escaped: a reviewer's name or a path read from the DOCX cannot start a forged `path:line:` line.
    return one_line(f"{where}: {remark.author or 'unknown'}: {body}{suffix}")


def format_csv(remarks: list[Remark], by: str = "file") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180's; with "\n" a cell's lone "\r" was not quoted
    writer.writerow(_COLUMNS)
    for _, group in grouped(remarks, by):
        for r in group:
            writer.writerow([spreadsheet_cell(cell) for cell in (
                r.path, r.line, r.kind, r.author, r.date, r.text, r.quoted, r.reply_to, r.subtype, r.comment, r.note,
                r.owner, r.reviewed)])
    return buffer.getvalue()


def format_json(remarks: list[Remark], warnings: list[str], by: str = "file") -> str:
    data = {"remarks": [asdict(r) for _, group in grouped(remarks, by) for r in group],
            "warnings": warnings,
            "counts": dict(Counter(r.kind for r in remarks)),
            "reviewers": sorted({r.author for r in remarks}, key=str.casefold)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary(remarks: list[Remark]) -> str:
    """`4 comments, 1 insertion, 3 deletions` (drawings when there are)."""
    counts = Counter(r.kind for r in remarks)
    return ", ".join(f"{counts[kind]} {kind}{'s' if counts[kind] != 1 else ''}" for kind in _KINDS
                     if counts[kind] or kind != "drawing")


def excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"
