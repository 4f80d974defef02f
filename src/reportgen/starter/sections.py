"""The section files of a new report, in the structure OHCHR's guidelines call for: an executive
summary; for an NHRI, its mandate and accreditation; from the 2nd cycle on, the follow-up to the
previous review; then one section per theme, each ending with its recommendations. Headings and
TODO lines are in the report's language, the guidance for authors in comments (never printed)."""

from __future__ import annotations

import re
import unicodedata

from .texts import TEXTS

SUMMARY = """\
<!-- What OHCHR's guidelines ask for first: "an introduction paragraph summarizing the main points",
     with the key recommendations. Keep it short: the whole submission has a word limit, which
     `reportgen status` shows section by section. Comments such as this one are never printed. -->
"""
INSTITUTION = """\
<!-- OHCHR's summary of stakeholders' information gives an NHRI accredited in full compliance with
     the Paris Principles a section of its own: say what the institution's mandate is, its status of
     accreditation, and what it has done since the previous review. -->
"""
FOLLOW_UP = """\
<!-- From the 2nd cycle on, OHCHR encourages stakeholders to assess how the recommendations of the
     previous review were implemented. Name each as OHCHR's matrix does: its number, the State that
     made it, its position and the report that records it, e.g. "recommendation 104.3 (Norway,
     Supported, A/HRC/19/8)" (rules ST-6 and ST-7). Saved as report/previous-recommendations.csv,
     the matrix gives an annex of those recommendations with your assessment of each. -->
"""
THEME = """\
<!-- One theme: the facts of the last four years (the review period, rule ST-8), each with its
     source: [@ngo-report, p. 12] makes a note (see references.bib). Then the recommendations, one
     per item: one action, addressed to the State, that can be measured, with a time frame (RC-1).
     previous="104.3" after one names the previous recommendation it repeats. -->
"""


def section_files(answers) -> dict[str, str]:
    """`sections/<nn>-<name>.md` → text, in the report's order."""
    words = TEXTS[answers.language]
    owner = answers.acronym
    parts = [("executive-summary", words["summary"], SUMMARY + "\n" + words["todo_summary"] + "\n")]
    if answers.submission == "nhri":
        parts.append(("institution", words["institution"], INSTITUTION + "\n" + words["todo_institution"] + "\n"))
    if answers.cycle >= 2:
        parts.append(("follow-up", words["follow_up"], FOLLOW_UP + "\n" + words["todo_follow_up"] + "\n"))
    themes = answers.themes or tuple(words["theme"].format(n=n) for n in (1, 2))
    for number, theme in enumerate(themes, 1):
        slug = _slug(theme)
        parts.append((slug if re.search("[a-z]", slug) else f"theme-{number}", theme, _theme(words, theme)))
    return {f"sections/{n:02d}-{name}.md": _front(title, owner) + body
            for n, (name, title, body) in enumerate(parts, 1)}


def _front(title: str, owner: str) -> str:
    from .config_yaml import scalar

    return f"---\ntitle: {scalar(title)}\nowner: {scalar(owner)}  # who answers for this section\n" \
           "status: draft  # draft, review or final\n---\n\n"


def _theme(words: dict, theme: str) -> str:
    label = theme.replace('"', "'")
    return (f"{THEME}\n{words['todo_theme']}\n\n## {words['recommendations']}\n\n::: recommendations\n"
            f"- {words['todo_recommendation']} {{theme=\"{label}\"}}\n:::\n")


def _slug(text: str) -> str:
    """A file name from a title: ASCII letters and digits, hyphens between words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
