"""What changed between two versions, told twice from the same list of changes: as lines for the
terminal (`path:line: paragraph 7 changed ...`) and as the first page of the redline (per section,
paragraphs added, removed and changed; the word count against the limit; recommendations)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import model as m
from ..check.context import excerpt
from ..check.findings import Limit
from ..errors import Source
from .diff import ADDED, CHANGED, MOVED, REMOVED, Change
from .redline import inlines
from .versions import Version

_NOWHERE = Source("", 0)
_STATUSES = (ADDED, REMOVED, CHANGED, MOVED)


@dataclass(frozen=True)
class Words:
    before: int
    after: int
    limit: Limit

    def line(self) -> str:
        left = self.limit.words - self.after
        margin = f"{left:,} left" if left >= 0 else f"{-left:,} over"
        return (f"{self.before:,} before, {self.after:,} now, of the {self.limit.words:,} allowed for "
                f"{self.limit.kind} ({margin})")


def number(node: m.Node) -> str:
    """The number a reader knows a node by: `7`, `1.2`, `3`, `(a)`; "" for none."""
    if isinstance(node, m.Paragraph | m.Note) and node.number:
        return str(node.number)
    if isinstance(node, m.Heading):
        return node.number.rstrip(".")
    if isinstance(node, m.Recommendation):
        return node.label.rstrip(".")
    return ""


def name(change: Change) -> str:
    """`paragraph 7`, `heading 1.2`, `recommendation 3`, `note 12`, `table cell at row 2, column 3` ..."""
    if change.what in ("table cell", "table row") and change.detail:
        return f"{change.what} at {change.detail}"
    return f"{change.what} {number(change.new or change.old)}".strip()


def text_of(node: m.Node) -> str:
    blocks = node.blocks if isinstance(node, m.Note) else (node,)
    return " ".join(" ".join(m.plain_text(b, notes=False) for b in blocks).split())


def change_line(change: Change, old: Version, new: Version) -> str:
    """`sections/02.md:48: paragraph 9 changed (was 8): "Although progress…"`; a move says where from."""
    text = excerpt(text_of(change.new or change.old), 70)
    if change.status == MOVED:
        how = "moved and changed" if change.detail else "moved"
        return (f"{new.where(change.new.source)}: {name(change)} {how} from {old.where(change.old.source)}: "
                f'"{text}"')
    source = change.where or (change.old.source if change.status == REMOVED else change.new.source)
    where = old.where(source) if change.status == REMOVED else new.where(source)
    was = ""
    if change.status == CHANGED and change.what not in ("table cell", "table row") and \
            number(change.old) != number(change.new):
        was = f" (was {number(change.old) or 'unnumbered'})"
    if change.what == "recommendation" and change.detail:
        was += f" ({change.detail})"
    return f'{where}: {name(change)} {change.status}{was}: "{text}"'


def totals(changes: list[Change]) -> str:
    """`1 paragraph added, 1 removed, 1 changed; 1 note changed` (or `no changes`)."""
    counts = Counter((c.what, c.status) for c in changes)
    parts = []
    for what in dict.fromkeys(c.what for c in changes):
        numbers = [(counts[(what, s)], s) for s in _STATUSES if counts[(what, s)]]
        first = f"{numbers[0][0]} {what}{'s' if numbers[0][0] != 1 else ''} {numbers[0][1]}"
        parts.append(", ".join([first] + [f"{n} {s}" for n, s in numbers[1:]]))
    return "; ".join(parts) or "no changes"


def report(changes: list[Change], old: Version, new: Version, words: Words) -> str:
    """The lines `reportgen diff` prints."""
    lines = [change_line(c, old, new) for c in changes]
    lines.append(f"words: {words.line()}")
    lines.append(f"diff: {old.description} -> {new.description}: {totals(changes)}")
    return "\n".join(lines) + "\n"


# The redline's first page -------------------------------------------------------------------------

def summary_blocks(changes: list[Change], old: Version, new: Version, words: Words,
                   sections: list[str]) -> tuple[m.Node, ...]:
    """The blocks of the redline's summary; `sections` are the section files in order."""
    blocks: list[m.Node] = [
        _heading(f"Changes from {old.label} to {new.label}", 1, "rg-changes"),
        _paragraph(m.Text(f"Older: {old.description}. Newer: {new.description}.")),
        _paragraph(m.Text("Added text is "), m.Inserted((m.Text("underlined in blue"),)), m.Text(", removed text "),
                   m.Deleted((m.Text("struck through in red"),)), m.Text(", and a bar in the margin marks each "
                   "change. Notes are numbered as Word numbers them while it shows changes: a removed note keeps "
                   "its number.")),
        _paragraph(m.Strong((m.Text("Words: "),)), m.Text(words.line() + ".")),
    ]
    if not changes:
        return tuple(blocks + [_paragraph(m.Text("No changes."))])
    header = ("Section", "Paragraphs added", "removed", "changed", "Other changes")
    rows = [_row(path, [c for c in changes if c.section == path]) for path in sections
            if any(c.section == path for c in changes)]
    rows.append(_row("All sections", changes, strong=True))
    blocks.append(m.Table(tuple(m.TableCell((m.Text(h),), "right" if 0 < i < 4 else "") for i, h in enumerate(header)),
                          tuple(rows), _NOWHERE))
    recommendations = [c for c in changes if c.what == "recommendation"]
    if recommendations:
        blocks.append(_heading("Recommendations", 2, "rg-changes-recommendations"))
        blocks.append(m.BulletList(tuple(m.ListItem((_recommendation(c),), _NOWHERE) for c in recommendations),
                                   _NOWHERE))
    return tuple(blocks)


def _row(label: str, changes: list[Change], strong: bool = False) -> tuple[m.TableCell, ...]:
    counts = Counter(c.status for c in changes if c.what == "paragraph")
    others = totals([c for c in changes if c.what != "paragraph" or c.status == MOVED])
    cells = [label] + [str(counts[s]) for s in (ADDED, REMOVED, CHANGED)] + [others if others != "no changes" else "–"]
    return tuple(m.TableCell((m.Strong((m.Text(text),)) if strong else m.Text(text),), "right" if 0 < i < 4 else "")
                 for i, text in enumerate(cells))


def _recommendation(change: Change) -> m.Paragraph:
    label = {ADDED: "Added", REMOVED: "Removed", CHANGED: "Reworded", MOVED: "Moved"}[change.status]
    if change.status == CHANGED and change.detail and text_of(change.old) == text_of(change.new):
        label = f"Changed ({change.detail})"
    node = change.new or change.old
    text: tuple[m.Node, ...] = (m.Text(text_of(node)),)
    if change.status == CHANGED:
        text = inlines((m.Text(text_of(change.old)),), text)
    elif change.status == ADDED:
        text = (m.Inserted(text),)
    else:
        text = (m.Deleted(text),)
    return _paragraph(m.Strong((m.Text(f"{label}, {name(change)}: "),)), *text)


def _heading(text: str, level: int, ident: str) -> m.Heading:
    return m.Heading(level, (m.Text(text),), _NOWHERE, id=ident, numbered=False)


def _paragraph(*inlines: m.Node) -> m.Paragraph:
    return m.Paragraph(tuple(inlines), _NOWHERE)
