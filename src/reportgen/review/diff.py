"""Two document models matched, not two text dumps: sections by file, then their headings,
paragraphs, lists, recommendations and tables by content and order, notes by their place in the
text. A number is not content: a paragraph that was only renumbered, or pushed down by another,
is the same paragraph. What is left unmatched was added or removed; what matched with different
content changed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .. import model as m
from ..errors import Source
from .inline_diff import content_key

SAME, CHANGED, ADDED, REMOVED, MOVED = "same", "changed", "added", "removed", "moved"
SIMILAR = 0.5  # two blocks at the same place with at least this share of their words in common: one changed block
_LARGEST_GAP = 10_000  # unmatched old x new blocks beyond which nothing is paired by similarity (too slow)


@dataclass(frozen=True)
class Pair:
    """A node of the older model and its counterpart in the newer one (either may be None)."""

    status: str
    old: m.Node | None
    new: m.Node | None
    children: tuple[Pair, ...] = ()  # for two matched containers: their items or blocks, aligned


@dataclass(frozen=True)
class Change:
    """One change a reader would name: a paragraph changed or moved, a note removed, a recommendation
    added, a table cell changed."""

    status: str  # added, removed, changed or moved
    what: str  # paragraph, heading, recommendation, note, table, table cell, table row or block
    old: m.Node | None
    new: m.Node | None
    section: str  # the section file it is in (the newer one's, or the older one's for a section removed)
    detail: str = ""  # what changed besides the words: `theme "A" → "B"`, `row 2, column 3 (Position)` ...
    where: Source | None = None  # for a part without a source of its own (a table's row or cell): its line


# Alignment ----------------------------------------------------------------------------------------

def align_documents(old: m.Document, new: m.Document) -> tuple[Pair, ...]:
    """One pair per section file, in the newer order, a removed section where it used to be."""
    return align(old.sections, new.sections, by=lambda section: section.source.path)


def align(olds: tuple, news: tuple, by=content_key, similar=None) -> tuple[Pair, ...]:
    """Align two sequences of nodes (or table rows): equal ones (by `by`) first, in order; then, in
    each gap between them, those whose words are similar enough (`similar`, by default `similarity`)."""
    matcher = difflib.SequenceMatcher(None, [by(n) for n in olds], [by(n) for n in news], autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [matched(o, n) for o, n in zip(olds[i1:i2], news[j1:j2], strict=True)]
        else:
            pairs += _pair_gap(olds[i1:i2], news[j1:j2], similar or similarity)
    return tuple(pairs)


def matched(old: m.Node, new: m.Node) -> Pair:
    if content_key(old) == content_key(new):
        return Pair(SAME, old, new)
    return Pair(CHANGED, old, new, align(children(old), children(new)) if children(old) is not None else ())


def children(node: m.Node) -> tuple | None:
    """The aligned parts of a container; None for a block compared as a whole."""
    if isinstance(node, m.BulletList | m.OrderedList | m.Recommendations):
        return node.items
    if isinstance(node, m.Section | m.ListItem | m.Recommendation | m.BlockQuote | m.Div):
        return node.blocks
    return None


def _pair_gap(olds: tuple, news: tuple, similarity) -> list[Pair]:
    """Pairs in a gap: the order-keeping matching with the most similarity (a weighted longest
    common subsequence); removed nodes come before added ones where both are left."""
    n, k = len(olds), len(news)
    if not n or not k or n * k > _LARGEST_GAP:
        return [Pair(REMOVED, o, None) for o in olds] + [Pair(ADDED, None, x) for x in news]
    similar = [[similarity(o, x) for x in news] for o in olds]
    score = [[0.0] * (k + 1) for _ in range(n + 1)]  # the best total similarity of olds[i:] with news[j:]
    for i in range(n - 1, -1, -1):
        for j in range(k - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if similar[i][j] >= SIMILAR:
                best = max(best, similar[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs, i, j = [], 0, 0
    removed: list[Pair] = []
    added: list[Pair] = []
    while i < n and j < k:
        if similar[i][j] >= SIMILAR and score[i][j] == similar[i][j] + score[i + 1][j + 1]:
            pairs += removed + added + [matched(olds[i], news[j])]
            removed, added = [], []
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            removed.append(Pair(REMOVED, olds[i], None))
            i += 1
        else:
            added.append(Pair(ADDED, None, news[j]))
            j += 1
    removed += [Pair(REMOVED, o, None) for o in olds[i:]]
    added += [Pair(ADDED, None, x) for x in news[j:]]
    return pairs + removed + added


def similarity(old: m.Node, new: m.Node) -> float:
    """The share of words two nodes of the same kind have in common (0 for different kinds)."""
    if type(old) is not type(new):
        return 0.0
    return word_similarity(_words(old), _words(new))


def word_similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= SIMILAR else 0.0  # an upper bound, cheap to compute


def _words(node: m.Node) -> list[str]:
    return m.plain_text(node, notes=True).split()


# Moves --------------------------------------------------------------------------------------------

_MOVABLE = (m.Paragraph, m.Heading, m.Table, m.CodeBlock, m.Recommendation, m.BlockQuote)


def moved_blocks(pairs: tuple[Pair, ...]) -> dict[int, m.Node]:
    """Blocks removed in one place and added in another (in the same section or another): id() of
    the older block -> the newer one. First those added as they were removed (a content removed
    once and added once), then, among those left, each with the most similar one added (at least
    `SIMILAR`): moved and changed. Only blocks that say something count (not an empty paragraph)."""
    removed: dict[tuple, list[m.Node]] = {}
    added: dict[tuple, list[m.Node]] = {}
    for pair in _leaves(pairs):
        node = pair.old if pair.status == REMOVED else pair.new
        if m.plain_text(node, notes=True).strip():
            (removed if pair.status == REMOVED else added).setdefault(content_key(node), []).append(node)
    moves = {id(olds[0]): added[key][0] for key, olds in removed.items()
             if len(olds) == 1 and len(added.get(key, ())) == 1}
    taken = {id(node) for node in moves.values()}
    left = [node for nodes in added.values() for node in nodes if id(node) not in taken]
    for old in (node for nodes in removed.values() for node in nodes if id(node) not in moves):
        scored = [(similarity(old, new), index) for index, new in enumerate(left)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= SIMILAR:
            moves[id(old)] = left.pop(best[1])
    return moves


def _leaves(pairs: tuple[Pair, ...]):
    """The pairs of blocks added or removed whole, inside containers added or removed too."""
    for pair in pairs:
        node = pair.old if pair.status == REMOVED else pair.new
        if pair.status in (ADDED, REMOVED):
            if isinstance(node, _MOVABLE):
                yield pair
            else:
                yield from _leaves(tuple(Pair(pair.status, c if pair.status == REMOVED else None,
                                              c if pair.status == ADDED else None) for c in children(node) or ()))
        elif pair.status == CHANGED:
            yield from _leaves(pair.children)
