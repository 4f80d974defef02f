"""Model-to-model steps run once between loading and rendering: citations, then numbering."""
