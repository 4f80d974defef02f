"""Model-to-model steps run once between loading and rendering: citations, numbering, cross-references,
note calls, typography."""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from . import crossrefs
from .citations import resolve_citations
from .notecalls import place_note_calls
from .numbering import label_annexes, number_document
from .recommendations import add_recommendation_views
from .typography import typeset_document


def resolve_model(document: m.Document, problems: Problems) -> m.Document:
    """The loaded document made ready for any renderer, each step once on the whole document:
    cross-references are told from citations, citations become notes, everything is numbered (the
    annexes reportgen adds too), cross-references are printed, note calls placed, and the text
    typeset in the report's language. Every error is raised together; warnings stay in `problems`."""
    document = crossrefs.separate(document, problems)
    document = resolve_citations(document, problems)
    problems.raise_if_errors()
    document = label_annexes(add_recommendation_views(number_document(document)))
    document = crossrefs.resolve(document, problems)
    problems.raise_if_errors()
    document = place_note_calls(document, document.config.typography.notes_after_punctuation)
    return typeset_document(document)
