"""The recommendations as a matrix for advocacy spreadsheets (CSV, JSON, XLSX), one row each, with
columns modelled on OHCHR's recommendation matrices and UPR Info's database."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from .. import model as m
from ..transforms.recommendations import placed_recommendations

# (key, heading, column width in characters for the spreadsheet)
COLUMNS = (
    ("number", "No.", 6), ("recommendation", "Recommendation", 70), ("section", "Section", 30),
    ("theme", "Theme", 18), ("sdg", "SDG targets", 11), ("priority", "Priority", 9),
    ("previous", "Previous recommendation", 13), ("recommending_state", "Recommending State", 18),
    ("position", "Position", 11), ("source_document", "Source of position", 18), ("assessment", "Assessment", 16),
    ("state_under_review", "State under review", 14), ("session", "Session", 8), ("cycle", "Cycle", 6),
    ("submitted_by", "Submitted by", 24), ("source", "Source file", 30),
)
FORMATS = ("csv", "json", "xlsx")


def matrix(document: m.Document) -> list[dict[str, str]]:
    """One row per recommendation, in document order."""
    config = document.config
    previous = {p.number: p for p in document.previous}
    submitted_by = config.coalition.acronym or config.coalition.name or "; ".join(
        o.acronym or o.name for o in config.organisations)
    rows = []
    for item in placed_recommendations(document.sections):
        rec = item.recommendation
        earlier = [previous.get(number) for number in rec.previous]
        section = " ".join(p for p in (item.number, m.plain_text(item.heading.inlines) if item.heading else "") if p)
        rows.append({
            "number": rec.label.rstrip("."),
            "recommendation": " ".join(m.plain_text(rec.blocks).split()),
            "section": section,
            "theme": rec.theme,
            "sdg": ", ".join(rec.sdg),
            "priority": rec.priority,
            "previous": "; ".join(rec.previous),
            "recommending_state": "; ".join(p.state for p in earlier if p and p.state) or "; ".join(rec.states),
            "position": "; ".join(p.position for p in earlier if p and p.position),
            "source_document": "; ".join(dict.fromkeys(p.source for p in earlier if p and p.source)),
            "assessment": "; ".join(p.assessment for p in earlier if p and p.assessment),
            "state_under_review": config.state,
            "session": str(config.session or ""),
            "cycle": str(config.cycle or ""),
            "submitted_by": submitted_by,
            "source": str(rec.source),
        })
    return rows


def to_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel as well as LibreOffice reads the accents right;
    every cell spreadsheet-safe (`spreadsheet_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([heading for _, heading, _ in COLUMNS])
    for row in rows:
        writer.writerow([spreadsheet_cell(row[key]) for key, _, _ in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def spreadsheet_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: one it would read as a formula (`=`, `+`, `-`,
    `@`, or a tab or carriage return first, OWASP's rule against formula injection) starts with a
    quote, which the spreadsheet does not show. LibreOffice ran `=HYPERLINK(...)` from a
    recommendation's text as a live link."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_json(rows: list[dict[str, str]]) -> bytes:
    return (json.dumps({"version": 1, "recommendations": rows}, ensure_ascii=False, indent=2) + "\n").encode()


def to_xlsx(rows: list[dict[str, str]], created: datetime, title: str = "") -> bytes:
    """A real spreadsheet: bold frozen header row with a filter, set column widths, wrapped text."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": title, "created": created.replace(tzinfo=None)})
    sheet = workbook.add_worksheet("Recommendations")
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8E8E8",
                                  "border": 1})
    cell = workbook.add_format({"text_wrap": True, "valign": "top"})
    for column, (_, heading, width) in enumerate(COLUMNS):
        sheet.set_column(column, column, width, cell)
        sheet.write_string(0, column, heading, header)
    for row_index, row in enumerate(rows, start=1):
        for column, (key, _, _) in enumerate(COLUMNS):
            sheet.write_string(row_index, column, row[key], cell)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    workbook.close()
    return buffer.getvalue()


def export(document: m.Document, fmt: str, created: datetime) -> bytes:
    rows = matrix(document)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    return to_xlsx(rows, created, document.config.title)
