"""The section files: a summary or introduction (ST-3), no empty file (ED-2), editorial status
(ED-3), heading levels (ED-4), markers of text still to write (ED-5), images (FM-4) and their
alternative text (AC-1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import model as m
from ...errors import Problem, Source
from .. import wording
from ..context import Context

_SUMMARY = wording.either(wording.SUMMARY)
MARKER = re.compile(r"\b(?:TODO|FIXME)\b")


def _empty_headings(ctx: Context, blocks: tuple[m.Node, ...]) -> Iterator[Problem]:
    """ED-7: a heading followed by a heading of its level or above (or the end of its file) with
    nothing between them."""
    flat = [b for block in blocks for b in (block.blocks if isinstance(block, m.Div) else (block,))]
    for i, block in enumerate(flat):
        if not isinstance(block, m.Heading):
            continue
        after = flat[i + 1:]
        end = next((j for j, b in enumerate(after) if isinstance(b, m.Heading) and b.level <= block.level), len(after))
        if all(isinstance(b, m.Heading) for b in after[:end]):
            title = m.plain_text(block.inlines) or block.label
            below = (f"before the heading on line {after[end].source.line}" if end < len(after)
                     else "at the end of the file")
            yield ctx.finding("ED-7", block.source, f"heading '{title}' has nothing under it ({below})")


def check(ctx: Context) -> Iterator[Problem]:
    sections = ctx.document.sections
    headings = [m.plain_text(n.inlines) for s in sections for n in m.walk(s) if isinstance(n, m.Heading)]
    if sections and not any(_SUMMARY.search(h) for h in headings):
        yield ctx.finding("ST-3", sections[0].source, "no executive summary or introduction (a heading such as "
                                                      "'Executive summary' or 'Introduction')")
    previous = 0
    for heading in (n for s in sections if not s.annex for n in m.walk(s) if isinstance(n, m.Heading)):
        if heading.level > previous + 1:
            yield ctx.finding("ED-4", heading.source, f"a level-{heading.level} heading right after a level-"
                                                      f"{previous} one" if previous else
                              f"the first heading is at level {heading.level}, not 1")
        previous = heading.level
    for section in sections:
        if not all(isinstance(b, m.Heading) for b in section.blocks):
            yield from _empty_headings(ctx, section.blocks)
        if all(isinstance(b, m.Heading) for b in section.blocks):
            yield ctx.finding("ED-2", section.source, "section has no text" + (" under its headings"
                                                                                if section.blocks else ""))
        if section.status and section.status.lower() != "final":
            where = ctx.files.locate(Source(section.source.path, 1), "status:")
            yield ctx.finding("ED-3", where, f"status is '{section.status}', not final (owner: "
                                             f"{section.owner or 'none given'})")
        yield from _markers(ctx, section)
        for image in (n for n in m.walk(section) if isinstance(n, m.Image)):
            yield ctx.finding("FM-4", image.source, f"image '{image.src}': OHCHR summarises text only; keep text "
                                                    "that matters out of images, and use no UN emblem")
            if not image.alt.strip():
                yield ctx.finding("AC-1", image.source, f"image '{image.src}' has no alternative text: write what "
                                                        "it shows in the brackets, ![…](file)")


def _markers(ctx: Context, section: m.Section) -> Iterator[Problem]:
    """ED-5: each paragraph, heading, term or cell (in the text or a note) that holds TODO or FIXME."""
    for node in m.walk(section):
        if isinstance(node, m.Paragraph | m.Heading | m.DefinitionItem | m.TableCell):
            text = " ".join(m.plain_text(node.inlines).split())
            match = MARKER.search(text)
            if match:
                excerpt = text[match.start():match.start() + 60].rstrip() + ("…" if len(text) > match.start() + 60
                                                                              else "")
                yield ctx.finding("ED-5", node.source, f"still to write: \"{excerpt}\"")
