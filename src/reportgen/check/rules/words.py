"""Word limits (WL-1 to WL-4), notes that hold substance (WL-5) and where annexes go (AN-1)."""

from __future__ import annotations

from collections.abc import Iterator

from ... import model as m
from ...errors import Problem
from ...load.config import ReportConfig
from ..context import Context
from ..findings import Limit
from ..wordcount import count_words

INDIVIDUAL_LIMIT = 2815
JOINT_LIMIT = 5630
_URL = ("http://", "https://", "www.", "A/HRC/")


def limit_for(config: ReportConfig) -> Limit:
    if config.submission == "joint":
        return Limit("WL-2", JOINT_LIMIT, "a joint submission")
    if config.submission == "nhri":
        return Limit("WL-3", config.checks.nhri_limit, "an NHRI submission")
    return Limit("WL-1", INDIVIDUAL_LIMIT, "an individual submission")


def check(ctx: Context) -> Iterator[Problem]:
    yield from _limit(ctx)
    yield from _notes(ctx)
    yield from _annexes(ctx)


def _limit(ctx: Context) -> Iterator[Problem]:
    words, limit = ctx.words, ctx.limit
    over = words.counted - limit.words
    if over > 0:
        biggest = ", ".join(f"{name} ({n:,})" for name, n in words.biggest())
        yield ctx.finding(limit.rule, ctx.config.source("submission"),
                          f"{words.counted:,} words, {over:,} over the {limit.words:,}-word limit for {limit.kind}; "
                          f"biggest: {biggest}")
    elif not words.count_notes and words.counted + words.notes > limit.words:
        yield ctx.finding("WL-4", ctx.config.source("checks.count_notes"),
                          f"with its {words.notes:,} words of notes the text has {words.counted + words.notes:,} "
                          f"words, over the {limit.words:,}-word limit; whether OHCHR counts notes is unconfirmed")


def _notes(ctx: Context) -> Iterator[Problem]:
    """Notes as written (citations are not notes yet) with no reference in them."""
    longest = ctx.config.checks.note_words
    for section in ctx.written.sections:
        for note in (n for n in m.walk(section) if isinstance(n, m.Note)):
            text = m.plain_text(note.blocks, notes=True)
            referenced = (any(isinstance(n, m.Cite | m.Link) for b in note.blocks for n in m.walk(b))
                          or any(u in text for u in _URL))
            words = count_words(text)
            if not referenced and words > longest:
                where = note.blocks[0].source if note.blocks else note.source
                yield ctx.finding("WL-5", where, f"note of {words} words with no citation or link: notes should "
                                                 "hold references, not substance")


def _annexes(ctx: Context) -> Iterator[Problem]:
    annex = None
    for section in ctx.document.sections:
        if section.annex:
            annex = annex or section
        elif annex:
            yield ctx.finding("AN-1", section.source, f"this section comes after the annex {annex.source.path}; "
                                                      "annexes go at the end")
