"""How `reportgen status` shows its board: a table for the terminal, and a page for `serve`."""

from __future__ import annotations

from html import escape

from .status import Board, SectionStatus

COLUMNS = ("section", "owner", "status", "words", "notes", "cites", "errors", "warnings", "todo", "comments",
           "last change")


def words_cell(s: SectionStatus) -> str:
    """`312 of 300 (12 over)` against a budget, `312 (11%)` of the limit, `412 (annex)`."""
    if s.words is None:
        return "not counted"
    if s.annex:
        return f"{s.words:,} (annex)"
    if s.budget is not None:
        left = s.budget - s.words
        return f"{s.words:,} of {s.budget:,} ({left:,} left)" if left >= 0 else f"{s.words:,} of {s.budget:,} " \
                                                                             f"({-left:,} over)"
    return f"{s.words:,} ({s.share:.0%})"


def change_cell(s: SectionStatus) -> str:
    when = f"{s.author}, {s.date[:10]}" if s.author else ""
    return f"{when} (modified)" if s.modified and when else ("not committed" if s.modified else when)


def rows(board: Board) -> list[tuple[str, ...]]:
    def counted(n: int, s: SectionStatus) -> str:
        return "" if s.words is None else str(n)  # not loaded: not counted

    return [(s.path, s.owner, s.status, words_cell(s), counted(s.notes, s), counted(s.citations, s), str(s.errors),
             counted(s.warnings, s), str(len(s.markers)), str(len(s.comments)), change_cell(s)) for s in board.sections]


def heading(board: Board) -> str:
    session = f", session {board.session}" if board.session else ""
    return f"{board.name}: {board.submission} submission on {board.state or 'no State given'}{session}, " \
           f"language {board.language}"


def totals(board: Board) -> str:
    if board.words is None:
        return f"words not counted; {board.errors} error{'' if board.errors == 1 else 's'} while loading"
    left = board.limit - board.words
    margin = f"{left:,} left" if left >= 0 else f"{-left:,} over"
    return (f"{board.words:,} of {board.limit:,} words ({margin}; cover page {board.cover:,}, rule "
            f"{board.limit_rule}); {board.errors} errors, {board.warnings} warnings")


def format_text(board: Board) -> str:
    table = [COLUMNS, *rows(board)]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    right = {3, 4, 5, 6, 7, 8, 9}
    lines = [heading(board), ""]
    for row in table:
        cells = [cell.rjust(w) if i in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    lines += ["", f"total: {totals(board)}"]
    lines += [f"note: {note}" for note in board.notes]
    if board.blockers:
        lines += ["", "blocks submission:"] + [f"  - {b}" for b in board.blockers]
    else:
        lines += ["", "nothing blocks submission: `reportgen package` makes the files for OHCHR's form"]
    return "\n".join(lines) + "\n"


def format_html(board: Board) -> str:
    """A page of its own (served at /status), plain HTML and a little CSS."""
    head = "".join(f"<th>{escape(c)}</th>" for c in COLUMNS)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows(board))
    blockers = "".join(f"<li>{escape(b)}</li>" for b in board.blockers) or \
        "<li>Nothing: <code>reportgen package</code> makes the files for OHCHR's form.</li>"
    notes = "".join(f"<p>{escape(n)}</p>" for n in board.notes)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Status: {escape(board.name)}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; }}
th, td {{ padding: 0.3em 0.7em; border-bottom: 1px solid #ddd; text-align: left; }}
td:nth-child(n+4):nth-child(-n+10) {{ text-align: right; }} th {{ background: #f4f4f4; }}
</style></head><body>
<h1>{escape(heading(board))}</h1>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
<p><strong>Total:</strong> {escape(totals(board))}</p>{notes}
<h2>Blocks submission</h2><ul>{blockers}</ul>
<p><a href="/">Back to the preview</a></p>
</body></html>
"""
