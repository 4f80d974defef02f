"""The changes a reader would name, from two aligned models: paragraphs, headings and notes added,
removed or changed; blocks moved (within a section or to another), as moves; recommendations
reworded or given another theme, SDG target or priority; table cells changed, by row and column."""

from __future__ import annotations

from .. import model as m
from ..errors import Source
from ..renderers.tables import row_lines
from .diff import ADDED, CHANGED, MOVED, REMOVED, SAME, Change, Pair, align, children, moved_blocks, word_similarity
from .inline_diff import align as align_atoms
from .inline_diff import atoms, content_key

_METADATA = (("theme", "theme"), ("sdg", "SDG"), ("priority", "priority"), ("previous", "previous"),
             ("states", "States"))


def changes(pairs: tuple[Pair, ...]) -> list[Change]:
    """The changes of aligned sections, in the order of the newer document. Sections reportgen
    makes itself (the recommendations annexes, from report.yaml's settings) are views of the
    others: what changed in them follows from what changed there, and is not listed again."""
    lister = _Lister(moved_blocks(pairs))
    for pair in pairs:
        section = (pair.new or pair.old).source.path
        if not section.startswith("sections/"):  # section files lie in sections/, always
            continue
        if pair.status in (ADDED, REMOVED):
            for block in (pair.new or pair.old).blocks:
                lister.whole(block, pair.status, section)
        else:
            for child in pair.children:
                lister.pair(child, section)
    return lister.out


def kind(node: m.Node) -> str:
    if isinstance(node, m.Paragraph | m.Heading | m.Recommendation | m.Table | m.Note):
        return type(node).__name__.lower()
    return "block"


class _Lister:
    def __init__(self, moves: dict[int, m.Node]):
        self.moves, self.out = moves, []
        self.targets = {id(new) for new in moves.values()}

    def whole(self, node: m.Node, status: str, section: str) -> None:
        """A node added or removed with everything in it; a move is told once, where it went."""
        if status == ADDED and id(node) in self.targets:
            return
        moved = self.moves.get(id(node)) if status == REMOVED else None
        if moved is not None:
            same = content_key(node) == content_key(moved)
            self.out.append(Change(MOVED, kind(moved), node, moved, moved.source.path,
                                   "" if same else "and changed"))
            return
        if isinstance(node, m.Recommendation | m.Paragraph | m.Heading | m.Table | m.CodeBlock):
            self.out.append(_change(status, node, section))
            self.out += [_change(status, note, section) for note in _notes(node)]
            return
        for child in children(node) or ():
            self.whole(child, status, section)

    def pair(self, pair: Pair, section: str) -> None:
        if pair.status == SAME:
            return
        if pair.status in (ADDED, REMOVED):
            self.whole(pair.new or pair.old, pair.status, section)
            return
        old, new = pair.old, pair.new
        if isinstance(new, m.Paragraph | m.Heading):
            text_changed, notes = inline_changes(old.inlines, new.inlines, section)
            if text_changed:
                self.out.append(Change(CHANGED, kind(new), old, new, section))
            self.out += notes
        elif isinstance(new, m.Recommendation):
            self.recommendation(pair, section)
        elif isinstance(new, m.Table) and len(old.header) == len(new.header):
            self.out += table_changes(old, new, section)
        elif pair.children or children(new) is not None:
            for child in pair.children:
                self.pair(child, section)
        else:
            self.out.append(Change(CHANGED, kind(new), old, new, section))

    def recommendation(self, pair: Pair, section: str) -> None:
        """Whatever changed in its text, the recommendation was reworded; its metadata are listed."""
        inner = _Lister(self.moves)
        for child in pair.children:
            inner.pair(child, section)
        notes = [c for c in inner.out if c.what == "note"]
        detail = metadata_changes(pair.old, pair.new)
        if len(notes) < len(inner.out) or detail:
            self.out.append(Change(CHANGED, "recommendation", pair.old, pair.new, section, detail))
        self.out += notes


def metadata_changes(old: m.Recommendation, new: m.Recommendation) -> str:
    """`theme "Trafficking" → "Justice"; SDG 16.2 → 16.2, 8.7` (or "")."""
    out = []
    for field, label in _METADATA:
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            shown = [", ".join(v) if isinstance(v, tuple) else v for v in (before, after)]
            shown = [f'"{v}"' if field == "theme" and v else v or "none" for v in shown]
            out.append(f"{label} {shown[0]} → {shown[1]}")
    return "; ".join(out)


def table_changes(old: m.Table, new: m.Table, section: str) -> list[Change]:
    """A table's changes by row and column: cells changed, rows added or removed."""
    lines = dict(zip(map(id, ((new.header,) if new.header else ()) + new.rows), row_lines(new), strict=True))
    lines |= dict(zip(map(id, ((old.header,) if old.header else ()) + old.rows), row_lines(old), strict=True))
    header = [m.plain_text(cell) for cell in new.header]
    out: list[Change] = []
    rows = [Pair(SAME if content_key(old.header) == content_key(new.header) else CHANGED, old.header, new.header)] \
        if new.header else []
    rows += list(align(old.rows, new.rows, similar=row_similarity))
    numbers = {id(r): i for table in (old, new) for i, r in enumerate(((table.header,) if table.header else ())
                                                                     + table.rows, start=0 if table.header else 1)}
    for pair in rows:
        row = pair.new if pair.new is not None else pair.old  # a removed row: where it was, in the older file
        number = numbers[id(row)]
        where = Source((new if pair.new is not None else old).source.path, lines[id(row)] or 0)
        if pair.status == CHANGED and len(pair.old) == len(pair.new):
            for column, (a, b) in enumerate(zip(pair.old, pair.new, strict=True), start=1):
                if content_key(a) != content_key(b):
                    name = f" ({header[column - 1]})" if header and header[column - 1] and number else ""
                    row = f"row {number}" if number else "header"
                    out.append(Change(CHANGED, "table cell", a, b, section, f"{row}, column {column}{name}", where))
        elif pair.status != SAME:
            status = REMOVED if pair.new is None else ADDED if pair.old is None else CHANGED
            out.append(Change(status, "table row", _row(pair.old), _row(pair.new), section,
                              f"row {number}" if pair.new is not None else "", where))
    return out


def _row(cells) -> m.Node | None:
    return m.Paragraph(tuple(inline for cell in cells for inline in cell.inlines + (m.Text(" "),)), Source("")) \
        if cells is not None else None


def row_similarity(old: tuple[m.TableCell, ...], new: tuple[m.TableCell, ...]) -> float:
    def words(row: tuple[m.TableCell, ...]) -> list[str]:
        return " ".join(m.plain_text(cell) for cell in row).split()

    return word_similarity(words(old), words(new))


def _change(status: str, node: m.Node, section: str) -> Change:
    return Change(status, kind(node), node if status == REMOVED else None, node if status == ADDED else None, section)


def _notes(node: m.Node) -> list[m.Note]:
    return [n for n in m.walk(node) if isinstance(n, m.Note)]


def inline_changes(old: tuple, new: tuple, section: str) -> tuple[bool, list[Change]]:
    """Whether the text of two runs of inlines differs, and the changes of their notes."""
    text_changed, notes = False, []
    for tag, olds, news in align_atoms(atoms(old), atoms(new)):
        if tag == "equal":
            notes += [Change(CHANGED, "note", a.node, b.node, section) for a, b in zip(olds, news, strict=True)
                      if isinstance(a.node, m.Note) and content_key(a.node) != content_key(b.node)]
            continue
        text_changed |= any(not isinstance(a.node, m.Note) for a in olds + news)
        notes += [Change(REMOVED, "note", a.node, None, section) for a in olds if isinstance(a.node, m.Note)]
        notes += [Change(ADDED, "note", None, a.node, section) for a in news if isinstance(a.node, m.Note)]
    return text_changed, notes
