"""Personal data in the text (PU-1): OHCHR publishes every submission in full."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import model as m
from ...errors import Problem
from ..context import Context, passages

# Both in time linear in the text: an address starts only where a run of its characters starts,
# and no part gives back what it took (a word of 100,000 letters took 110 s when every start in it
# was tried, and `tel` before 50,000 spaces as long, each split of the spaces between two parts).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
# A phone number written internationally (+62 21 ...) or after a word that says so (Tel. 021 ...).
PHONE = re.compile(r"(?:\+\d{1,3}|\b(?:tel|phone|telephone|mobile|cell|fax|hp|tél|téléphone|teléfono|móvil)"
                   r"\b\.?:?)[\s.()-]*+\d[\d\s.()/-]{5,}\d", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Problem]:
    for source, text in passages(ctx.document):
        for email in EMAIL.findall(text) if "@" in text else ():
            yield ctx.finding("PU-1", ctx.files.locate(source, email), f"e-mail address '{email}' in the text; "
                                                                        "submissions are published")
        for phone in PHONE.finditer(text):
            number = phone[0].strip()
            digits = sum(c.isdigit() for c in number)
            if digits >= 7:
                yield ctx.finding("PU-1", ctx.files.locate(source, number.split()[-1]),
                                  f"phone number '{number}' in the text; submissions are published")
    for section in ctx.document.sections:
        for link in (n for n in m.walk(section) if isinstance(n, m.Link) and n.url.lower().startswith("mailto:")):
            address = link.url[len("mailto:"):]
            if address not in m.plain_text(link.children):
                yield ctx.finding("PU-1", link.source, f"e-mail address '{address}' in a link; submissions are "
                                                       "published")
