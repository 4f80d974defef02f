"""The rule families, each a `check(ctx)` that yields findings; the registry describes their rule ids."""

from . import front, privacy, recommendations, sections, sources, words

CHECKS = (words.check, front.check, sections.check, sources.check, recommendations.check, privacy.check)
