"""Cross-references in Quarto's syntax, resolved once on the model: `@sec-id` and `[@sec-id]` to a
heading, `@para-id`, `@rec-id`, `@annex-id`, `@tbl-id`; printed from the model's numbers in the
report's language ("section II", "sections 1.1 and 1.2", "paragraph 12", "annex I").

Two steps. Before citations become notes, `separate` takes the `@` that name a target out of the
citations (a `CrossRef`), and reports those that name nothing. Once everything is numbered,
`resolve` prints each one as words and `Ref` numbers, which renderers show as links or Word fields.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .. import model as m
from ..errors import Problems, Source
from ..i18n import labels
from .recommendations import placed_recommendations, recommendation_qualifiers

# The prefixes Quarto gives cross-reference ids: an `@` with one is never a citation.
PREFIXES = ("sec-", "para-", "rec-", "annex-", "tbl-")


def target_ids(document: m.Document) -> dict[str, Source]:
    """Every id a cross-reference may name, with where it is given: headings, paragraphs,
    recommendations and tables of the sections, and the annexes reportgen makes."""
    ids: dict[str, Source] = {}
    for section in document.sections:
        for node in m.walk(section):
            ident = getattr(node, "id", "") if isinstance(node, m.Heading | m.Paragraph | m.Recommendation
                                                           | m.Table) else ""
            if ident:
                ids.setdefault(ident, node.source)
    settings = document.config.recommendations
    if settings.summary != "none":
        ids.setdefault("annex-recommendations", document.config.source("recommendations.summary"))
    if settings.follow_up and document.previous:
        ids.setdefault("annex-follow-up", document.config.source("recommendations.follow_up"))
    return ids


def _own_id(key: str, ids) -> str | None:
    """The target id an `@key` names (`@Sec-x` names `sec-x`), or None when it names none."""
    for ident in (key, key[:1].lower() + key[1:]):
        if ident in ids or ident.startswith(PREFIXES):
            return ident
    return None


class _Separator(m.Transformer):
    def __init__(self, ids: dict[str, Source], keys, problems: Problems):
        self.ids, self.keys, self.problems = ids, keys, problems

    def visit_Cite(self, cite: m.Cite) -> m.Node:
        named = [_own_id(c.key, self.ids) if c.key not in self.keys else None for c in cite.citations]
        if not any(named):
            if len(cite.citations) == 1 and cite.citations[0].mode == "author-in-text" \
                    and cite.citations[0].key not in self.keys:
                return self.unknown_word(cite.citations[0])
            return cite
        if not all(named):
            self.problems.error(cite.source, "citations and cross-references cannot share brackets: write "
                                             "[@key] and @sec-id apart", rule="XR-1")
            return ()  # reported once, not again as unknown citation keys
        for ident in named:
            if ident not in self.ids:
                close = difflib.get_close_matches(ident, list(self.ids), n=1)
                hint = f" (did you mean '@{close[0]}'?)" if close else ""
                self.problems.error(cite.source, f"cross-reference '@{ident}' names nothing: no heading, paragraph, "
                                                 f"recommendation, table or annex has the id '{ident}'{hint}",
                                    rule="XR-1")
        first, last = cite.citations[0], cite.citations[-1]
        suffix = ((m.Text(", " + last.locator),) if last.locator else ()) + (
            (m.Text(" "),) + last.suffix if last.suffix else ())
        return m.CrossRef(tuple(named), cite.source, first.prefix, suffix, first.mode == "suppress-author",
                          first.key[:1].isupper() and named[0] != first.key)

    def visit_Paragraph(self, node: m.Paragraph) -> m.Paragraph:
        node = self.generic_visit(node)
        return replace(node, inlines=_capitalised(node.inlines))

    def unknown_word(self, citation: m.Citation) -> m.Node:
        """`@word` in the text that is neither a citation key nor a target: printed as written."""
        written = f"@{citation.key}" + (f" [{citation.locator}]" if citation.locator else "")
        close = difflib.get_close_matches(citation.key, [*self.keys, *self.ids], n=1)
        hint = f" (did you mean '@{close[0]}'?)" if close else ""
        self.problems.warning(citation.source, f"'@{citation.key}' is neither a citation key nor a cross-reference "
                                               f"target; printed as written{hint} (write \\@ for a plain @)",
                              rule="XR-2")
        return m.Text(written)


def _opens_sentence(before: str) -> bool:
    """The text before a word is nothing, or ends a sentence: a full stop after a word of four letters or
    more (not an abbreviation's: "e.g.", "cf.", "p."), or `!` `?` (a closing quote after them), and a space."""
    text = before.rstrip()
    if not text:
        return not before or before.isspace()
    if text == before:
        return False
    if text[-1] in "\"'”’»)" and len(text) > 1:
        text = text[:-1]
        return text[-1] in ".!?…"
    if text[-1] in "!?":
        return True
    word = text[-5:-1]
    return text[-1] in ".…" and len(word) == 4 and all(c.isalnum() for c in word)


def _capitalised(inlines: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """A cross-reference opening the paragraph or a sentence is capitalised ("Table 1 shows"), as Quarto
    prints it; the author's own word (`[see @sec-x]`) is left as written."""
    out = list(inlines)
    for i, node in enumerate(out):
        if isinstance(node, m.CrossRef) and not node.prefix and not node.capital:
            before = out[i - 1] if i else m.Text("")
            if isinstance(before, m.Text) and _opens_sentence(before.text):
                out[i] = replace(node, capital=True)
    return tuple(out)


def separate(document: m.Document, problems: Problems) -> m.Document:
    """Take cross-references out of the citations; an id that is also a citation key is an error."""
    ids = target_ids(document)
    keys = document.bibliography.entries if document.bibliography else {}
    for ident, source in ids.items():
        if ident in keys:
            problems.error(source, f"'{ident}' is both a citation key in {document.bibliography.path} and the id "
                                   "of a cross-reference target: rename one", rule="XR-1")
    separator = _Separator(ids, keys, problems)
    return replace(document, cover=separator.visit(document.cover), sections=separator.visit_all(document.sections))


# Resolving ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """What a cross-reference prints for one target: the kind of thing (for its word) and its number."""

    word: str  # section, paragraph, recommendation, annex, table
    number: tuple[m.Node, ...]


def targets(document: m.Document) -> dict[str, Target]:
    """The printed number of every target of the resolved, numbered document."""
    words = labels(document.config.language)
    found: dict[str, Target] = {}
    for section in document.sections:
        opening = section.blocks[0] if section.annex and section.blocks else None
        for node in m.walk(section):
            if isinstance(node, m.Heading) and node.id:
                found.setdefault(node.id, _heading_target(node, node is opening))
            elif isinstance(node, m.Paragraph) and node.id:
                number = (m.Ref(node.id, str(node.number), "paragraph"),) if node.number is not None else ()
                found.setdefault(node.id, Target("paragraph", number))
            elif isinstance(node, m.Table) and node.id:
                number = (m.Ref(node.id, str(node.number), "table"),) if node.number else ()
                found.setdefault(node.id, Target("table", number))
    placed = placed_recommendations(document.sections)
    for item, qualifier in zip(placed, recommendation_qualifiers(placed), strict=True):
        recommendation = item.recommendation
        if recommendation.id:
            number: tuple[m.Node, ...] = (m.Ref(recommendation.id, recommendation.label.rstrip("."),
                                                "recommendation"),)
            if qualifier:  # "recommendation 2 (section 1.1.4)"
                before, after = words["xref"]["section"][0].split("{n}")
                number += (m.Text(f" ({before}"), m.Ref(item.numbered_heading.id, qualifier, "heading"),
                           m.Text(f"{after})"))
            found.setdefault(recommendation.id, Target("recommendation", number))
    return found


def _heading_target(heading: m.Heading, opens_annex: bool) -> Target:
    if opens_annex and heading.label:
        return Target("annex", (m.Ref(heading.id, m.label_number(heading.label), "annex"),))
    if heading.number:
        return Target("section", (m.Ref(heading.id, heading.number.rstrip("."), "heading"),))
    return Target("section", (m.Text('"'), m.Ref(heading.id, m.plain_text(heading.inlines), "title"), m.Text('"')))


class _Resolver(m.Transformer):
    def __init__(self, found: dict[str, Target], language: str, short_paragraphs: bool, problems: Problems):
        self.found, self.problems = found, problems
        self.words = labels(language)
        self.short_paragraphs = short_paragraphs

    def visit_Paragraph(self, node: m.Paragraph) -> m.Paragraph:
        """`recommendation @rec-x`, the word written before the reference: the number alone follows it."""
        inlines = list(node.inlines)
        for i, ref in enumerate(inlines):
            if isinstance(ref, m.CrossRef) and i and isinstance(inlines[i - 1], m.Text) \
                    and self.named_before(ref, inlines[i - 1].text):
                inlines[i] = replace(ref, bare=True)
        return self.generic_visit(replace(node, inlines=tuple(inlines)))

    def named_before(self, ref: m.CrossRef, text: str) -> bool:
        target = self.found.get(ref.targets[0])
        if target is None or ref.prefix or ref.bare or not text.endswith((" ", "\u00a0")):
            return False
        before, after = self.pattern(target.word, len(ref.targets) > 1).split("{n}")
        word, written = before.strip().lower(), text.rstrip().lower()
        return bool(word) and not after.strip() and written.endswith(word) \
            and not written[:-len(word)][-1:].isalpha()

    def visit_CrossRef(self, ref: m.CrossRef) -> tuple[m.Node, ...]:
        groups: list[tuple[str, list[tuple[m.Node, ...]]]] = []
        for ident in ref.targets:
            target = self.found.get(ident)
            if target is None or not target.number:
                what = target.word if target else "target"
                self.problems.error(ref.source, f"cross-reference '@{ident}' names a {what} without a number "
                                                "(an unnumbered paragraph, a table without a caption)", rule="XR-1")
                continue
            if groups and groups[-1][0] == target.word:
                groups[-1][1].append(target.number)
            else:
                groups.append((target.word, [target.number]))
        out: list[m.Node] = []
        for i, (word, numbers) in enumerate(groups):
            if i:
                out.append(m.Text("; "))
            before, after = "", ""
            if i == 0 and ref.prefix:
                out.extend(ref.prefix)
                out.append(m.Text(" "))
            elif not ref.bare:
                before, after = self.pattern(word, len(numbers) > 1).split("{n}")
                if ref.capital and i == 0:
                    before = before[:1].upper() + before[1:]
            out.extend((m.Text(before), *self.listed(numbers), m.Text(after)))
        return m.merge_text(out + list(ref.suffix))

    def pattern(self, kind: str, plural: bool) -> str:
        """`section {n}`, `sections {n}`: how the language names the kind of target around its numbers."""
        key = "paragraph_short" if kind == "paragraph" and self.short_paragraphs else kind
        return self.words["xref"][key][1 if plural else 0]

    def listed(self, numbers: list[tuple[m.Node, ...]]) -> Iterator[m.Node]:
        """1.1, 1.2 and 1.3"""
        for i, number in enumerate(numbers):
            if i:
                yield m.Text(self.words["and_between"] if i == len(numbers) - 1 else self.words["comma"])
            yield from number



def resolve(document: m.Document, problems: Problems) -> m.Document:
    """Print every cross-reference of the numbered document."""
    config = document.config
    resolver = _Resolver(targets(document), config.language, config.numbering.paragraph_references == "short",
                         problems)
    cover, sections = resolver.visit(document.cover), resolver.visit_all(document.sections)
    return replace(document, cover=cover, sections=sections, notes=m.notes_of(cover, sections))
