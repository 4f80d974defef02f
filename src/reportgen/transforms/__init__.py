"""Model-to-model steps run once between loading and rendering: citations, then numbering."""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from .citations import resolve_citations
from .numbering import number_document
from .recommendations import add_recommendation_views


def resolve_model(document: m.Document, problems: Problems) -> m.Document:
    """The loaded document made ready for any renderer: citations become notes, then everything is
    numbered, each step once on the whole document. Every error is raised together; warnings stay
    in `problems`."""
    document = resolve_citations(document, problems)
    problems.raise_if_errors()
    return add_recommendation_views(number_document(document))
