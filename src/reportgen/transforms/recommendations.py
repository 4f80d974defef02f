"""Views of the recommendations, built once into the model after numbering so every renderer shows
the same: "as recommended previously" after a recommendation that repeats one of the previous
cycle, a "Summary of recommendations" annex, and a follow-up table of the previous cycle's
recommendations with the coalition's assessment."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import model as m
from ..errors import Source
from ..i18n import join_and, labels, punctuation


@dataclass(frozen=True)
class Placed:
    """A recommendation, the heading under which the report argues it, and the number by which
    that heading is referred to (its own, else that of the numbered heading it falls under)."""

    recommendation: m.Recommendation
    heading: m.Heading | None
    number: str
    numbered_heading: m.Heading | None = None  # the heading that `number` is the number of


def placed_recommendations(sections: tuple[m.Section, ...]) -> list[Placed]:
    """Every recommendation in document order, with its nearest preceding heading."""
    out, heading, numbered = [], None, {}  # numbered: level -> the last numbered heading there
    for section in sections:
        for node in m.walk(section):
            if isinstance(node, m.Heading):
                heading = node
                if node.number:
                    numbered = {level: h for level, h in numbered.items() if level < node.level}
                    numbered[node.level] = node
            elif isinstance(node, m.Recommendation):
                if heading and heading.number:
                    by = heading
                else:  # an unnumbered heading is referred to by the numbered one it falls under
                    parents = [h for level, h in numbered.items() if heading and level < heading.level]
                    by = parents[-1] if parents else None
                out.append(Placed(node, heading, by.number.rstrip(".") if by else "", by))
    return out


def recommendation_qualifiers(placed: list[Placed]) -> list[str]:
    """For each recommendation, the number of its heading when numbers alone do not tell them apart
    (they restart in each block), else "": "recommendation 2 (section 1.1.4)". All are qualified
    then, so that the summary annex shows every number alike."""
    labels = [item.recommendation.label for item in placed]
    if len(set(labels)) == len(labels):
        return [""] * len(placed)
    return [item.number for item in placed]


def qualified_label(item: Placed, qualifier: str) -> str:
    """A recommendation's number as the summary annex shows it: `2.`, or `2 (1.1.4)` when needed."""
    label = item.recommendation.label
    return f"{label.rstrip('.')} ({qualifier})" if qualifier else label


def heading_reference(item: Placed) -> tuple[m.Node, ...]:
    """A link to the heading that argues a recommendation, shown by number (or title)."""
    heading = item.heading
    if heading is None:
        return ()
    shown = item.number or m.plain_text(heading.inlines)
    return (m.Link(f"#{heading.id}", (m.Text(shown),), heading.source),)


def without_notes(nodes: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """Inlines copied into a table: a note can be called from one place only."""
    return _NoteRemover().visit_all(nodes)


class _NoteRemover(m.Transformer):
    def visit_Note(self, note: m.Note) -> tuple:
        return ()


def recommendation_text(recommendation: m.Recommendation) -> tuple[m.Node, ...]:
    paragraphs = [b.inlines for b in recommendation.blocks if isinstance(b, m.Paragraph)]
    joined: list[m.Node] = []
    for inlines in paragraphs:
        if joined:
            joined.append(m.Text(" "))
        joined.extend(without_notes(inlines))
    return tuple(joined)


# "As recommended previously" ----------------------------------------------------------------------

class _PreviousCiter(m.Transformer):
    def __init__(self, previous: dict, language: str):
        self.previous, self.words, self.mark = previous, labels(language), punctuation(language)
        self.language = language

    def visit_Paragraph(self, paragraph: m.Paragraph) -> m.Paragraph:
        return paragraph

    def visit_Recommendation(self, recommendation: m.Recommendation) -> m.Recommendation:
        blocks = recommendation.blocks
        if not recommendation.previous or not blocks or not isinstance(blocks[-1], m.Paragraph):
            return recommendation
        mark = self.mark
        references = mark.semicolon.join(self.reference(number, recommendation) for number in recommendation.previous)
        last = blocks[-1]
        ending = m.plain_text(last.inlines).rstrip()
        stop = "" if ending.endswith((".", "!", "?", ":", ";", "。", "！", "？", "：", "；", "؟", "؛")) else mark.stop
        sentence = m.Text(f"{stop}{mark.space}{self.words['as_recommended']}{mark.colon}{references}{mark.stop}")
        return replace(recommendation, blocks=blocks[:-1] + (replace(last, inlines=last.inlines + (sentence,)),))

    def reference(self, number: str, recommendation: m.Recommendation) -> str:
        known = self.previous.get(number)
        mark = self.mark
        # The recommending States, as a matrix lists them ("Mexico; Brazil"), read as a list in the
        # report's language ("Mexico and Brazil"): a semicolon would cut the list of details in two
        states = known.state.split(";") if known and known.state else recommendation.states
        state = join_and([name.strip() for name in states], self.language)
        position = self.words.get(known.position, known.position) if known else ""  # in the report's language
        details = [state, position, known.source if known else ""]
        shown = mark.comma.join(d for d in details if d)
        return number + mark.paren(shown) if shown else number


# Annexes ----------------------------------------------------------------------------------------------

def _cell(*inlines: m.Node) -> m.TableCell:
    return m.TableCell(tuple(inlines))


def _text_cell(text: str) -> m.TableCell:
    return m.TableCell((m.Text(text),) if text else ())


def _joined(parts: list[tuple[m.Node, ...]], separator: str = ", ") -> tuple[m.Node, ...]:
    out: list[m.Node] = []
    for part in parts:
        if out and part:
            out.append(m.Text(separator))
        out.extend(part)
    return tuple(out)


def _title(heading: m.Heading | None) -> str:
    if heading is None:
        return ""
    return " ".join(part for part in (heading.number.rstrip("."), m.plain_text(heading.inlines)) if part)


def summary_annex(placed: list[Placed], grouping: str, language: str, source: Source,
                  taken: set[str]) -> m.Section:
    """The recommendations again, in tables grouped by theme or by the heading that argues them."""
    words = labels(language)
    qualified = {id(item): qualified_label(item, qualifier)
                 for item, qualifier in zip(placed, recommendation_qualifiers(placed), strict=True)}
    groups: dict[str, list[Placed]] = {}
    for item in placed:
        if grouping == "theme":
            key = item.recommendation.theme or words["no_theme"]
            key = key[:1].upper() + key[1:]
        else:
            key = _title(item.heading)
        groups.setdefault(key, []).append(item)
    third = words["section"] if grouping == "theme" else words["theme"]
    header = (_text_cell(words["number"]), _text_cell(words["recommendation"]), _text_cell(words["sdg"]),
              _text_cell(third))
    ident = _free("annex-recommendations", taken)
    blocks: list[m.Node] = [m.Heading(1, (m.Text(words["summary"]),), source, id=ident, numbered=False)]
    for title, items in groups.items():
        blocks.append(m.Heading(2, (m.Text(title),), source, id=_free(f"{ident}-{len(blocks)}", taken),
                                numbered=False))
        rows = tuple((_text_cell(qualified[id(item)]),
                      replace(_cell(*recommendation_text(item.recommendation)), source=item.recommendation.source),
                      _text_cell(", ".join(item.recommendation.sdg)),
                      _cell(*heading_reference(item)) if grouping == "theme"
                      else _text_cell(item.recommendation.theme))
                     for item in items)
        blocks.append(m.Table(header, rows, source))
    return m.Section(tuple(blocks), source, title=words["summary"], id=ident, annex=True, generated=True)


def follow_up_annex(previous: tuple, placed: list[Placed], language: str, taken: set[str]) -> m.Section:
    """The previous cycle's recommendations with the coalition's assessment and where the report
    discusses each (the recommendations that follow it up)."""
    words = labels(language)
    source, ident = Source(previous[0].origin.path, 1), _free("annex-follow-up", taken)
    discussed: dict[str, list[Placed]] = {}
    for item in placed:
        for number in item.recommendation.previous:
            discussed.setdefault(number, []).append(item)
    header = tuple(_text_cell(words[k]) for k in ("number", "recommendation", "recommending_state", "position",
                                                   "assessment", "discussed"))
    rows = []
    for earlier in previous:
        references = _joined([heading_reference(p) for p in discussed.get(earlier.number, [])])
        rows.append((_text_cell(earlier.number), _text_cell(earlier.text), _text_cell(earlier.state),
                     _text_cell(words.get(earlier.position, earlier.position)),
                     _text_cell(words.get(earlier.assessment, earlier.assessment) or words["not_assessed"]),
                     m.TableCell(references or (m.Text("–"),))))
    blocks = (m.Heading(1, (m.Text(words["follow_up"]),), source, id=ident, numbered=False),
              m.Table(header, tuple(rows), source))
    return m.Section(blocks, source, title=words["follow_up"], id=ident, annex=True, generated=True)


def add_recommendation_views(document: m.Document) -> m.Document:
    """Apply the `recommendations` settings to a numbered document."""
    settings, language = document.config.recommendations, document.config.language
    sections = document.sections
    if settings.cite_previous:
        previous = {p.number: p for p in document.previous}
        sections = _PreviousCiter(previous, language).visit_all(sections)
    placed = placed_recommendations(sections)
    taken = {n.id for s in sections for n in m.walk(s) if isinstance(n, m.Heading)}
    annexes = []
    if settings.summary != "none" and placed:
        source = document.config.source("recommendations.summary")
        annexes.append(summary_annex(placed, settings.summary, language, source, taken))
    if settings.follow_up and document.previous:
        annexes.append(follow_up_annex(document.previous, placed, language, taken))
    return replace(document, sections=sections + tuple(annexes))


def _free(ident: str, taken: set[str]) -> str:
    candidate, n = ident, 1
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate
