"""Eastern Arabic digits (`digits: arabic-indic` in report.yaml): the numbers of Arabic text become ٠١٢٣٤٥٦٧٨٩ in
what is shown (HTML, PDF, DOCX), those of Latin text keep Western digits. A number joined to letters or to another
number by `/ . -` (A/HRC/19/8, A4A2011) is part of that word; a number standing alone goes with the word just
before it (`Report 2011`, `عام ٢٠١١`), or after a bracket or punctuation with the next word (`(١٤ أيار/مايو`), or
without words around it with the passage's direction. Applied to the model a renderer reads, after the checks,
which read the text as written."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import model as m
from ..i18n import language, with_digits
from ..scripts import has_arabic, is_rtl_language

# A number, possibly a range or with separators (104.3, 40,000, 14–15); whether it stands alone is seen around it.
_NUMBER = re.compile(r"\d+(?:[.,:/–\-]\d+)*")
_JOINING = "/.-_"  # a number joined to a word by these is part of it (A/HRC/19/8, A4A2011_EAP)
_LETTER = re.compile(r"[^\W\d_]")


def shown_digits(document: m.Document) -> m.Document:
    """The document with the digits of its right-to-left text in the digits report.yaml asks for."""
    digits = getattr(document.config, "digits", "western")
    if digits == "western":
        return document
    rtl = language(document.config.language).direction == "rtl"
    writer = _Digits(digits, rtl)
    cover, sections = writer.visit(document.cover), writer.visit_all(document.sections)
    return replace(document, cover=cover, sections=sections, notes=m.notes_of(cover, sections))


class _Digits(m.Transformer):
    def __init__(self, digits: str, rtl: bool):
        self.digits, self.rtl = digits, rtl

    def text(self, text: str) -> str:
        """`text` with the digits of its Arabic numbers converted (the rule above)."""
        if not any(c.isdigit() for c in text):
            return text
        return _NUMBER.sub(lambda match: with_digits(match[0], self.digits) if self.arabic(text, match) else match[0],
                           text)

    def arabic(self, text: str, match: re.Match) -> bool:
        joined = [c for c in (_neighbour(text[:match.start()][::-1]), _neighbour(text[match.end():])) if c]
        if joined:  # inside a word: an Arabic one (`و٧٠`, `٢٠١١م`), or a symbol, a Latin or Chinese word (2011年)
            return all(has_arabic(c) for c in joined)
        before = text[:match.start()].rstrip(" .")  # the word before, an abbreviation's full stop and all
        if before and _LETTER.match(before[-1]):
            return has_arabic(before[-1])
        after = _LETTER.search(text, match.end())
        return has_arabic(after[0]) if after else self.rtl

    def within(self, lang: str, node: m.Node) -> m.Node:
        """Visit `node`, a passage in `lang`, in its direction."""
        if not lang:
            return self.generic_visit(node)
        outer, self.rtl = self.rtl, is_rtl_language(lang)
        try:
            return self.generic_visit(node)
        finally:
            self.rtl = outer

    def visit_Text(self, node: m.Text) -> m.Text:
        text = self.text(node.text)
        return node if text == node.text else replace(node, text=text)

    def visit_Section(self, node: m.Section) -> m.Section:
        return self.within(node.lang, node)

    def visit_Div(self, node: m.Div) -> m.Div:
        return self.within(node.attributes.get("lang"), node)

    def visit_Span(self, node: m.Span) -> m.Span:
        return self.within(node.attributes.get("lang"), node)

    def visit_Heading(self, node: m.Heading) -> m.Heading:
        node = self.generic_visit(node)
        return replace(node, number=with_digits(node.number, self.digits)) if self.rtl and node.number else node

    def visit_Recommendation(self, node: m.Recommendation) -> m.Recommendation:
        node = self.generic_visit(node)
        return replace(node, label=with_digits(node.label, self.digits)) if self.rtl and node.label else node


def _neighbour(side: str) -> str:
    """The letter or digit a number is joined to on one side (`side` read away from it): the next character, or
    the one after a joining `/ . - _`; "" when a space, a bracket or the end parts them."""
    first = side[:1]
    if first.isalnum():
        return first
    if first and first in _JOINING and side[1:2].isalnum():
        return side[1:2]
    return ""
