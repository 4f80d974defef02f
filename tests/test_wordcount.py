"""Word counts as Word makes them, part by part: body, headings, notes, cover page, annexes."""

from __future__ import annotations

import pytest

from reportgen.check.wordcount import count_document, count_words
from reportgen.load.project import Project
from reportgen.pipeline import load_model


@pytest.mark.parametrize("text, words", [
    ("child-rights and/or A/HRC/19/8", 3),  # hyphenated and slashed compounds are one word
    ("In 2009-2014, 21 NGOs reported 1,234 cases.", 7),  # numbers are words
    ("war – peace", 3),  # a dash standing between spaces is a token like any other
    ("war–peace", 1),
    ("« mot »", 3),
    ("  spaced\tout\nover\u00a0lines  ", 4),
    ("", 0),
])
def test_words_are_runs_between_whitespace(text, words):
    assert count_words(text) == words


SECTION = """\
# Findings {#findings}

Two words[@ohchr2020, p. 3].^[A note of six words here.]

- a list item
- another one

| State | Position |
|-------|----------|
| Indonesia | Supported |

![](data:image/png;base64,iVBORw0KGgo=){fig-alt="a long description that is not counted"}

![A caption](data:image/png;base64,iVBORw0KGgo=){fig-alt="a long description that is not counted"}

::: {.box}
## Boxed heading

Boxed text.
:::

::: recommendations
- Ratify the Protocol.
:::
"""

ANNEX = """\
---
annex: true
---
# Annex

Annexed text of six words.^[And a note.]
"""


def test_each_part_is_counted_apart(project):
    root = project({"sections/01.md": SECTION, "sections/02-annex.md": ANNEX})
    document = load_model(Project.at(root))
    words = count_document(document, count_notes=False)
    section, annex = words.sections
    # body: "Two words." 2, list 5, table 4, image 0, figure 2 (its caption), "Boxed text." 2, recommendation 3
    assert (section.body, section.headings) == (18, 3)
    # notes: the citation's note, "Office of the High Commissioner … (accessed on 17 March 2021)." (25 words),
    # and the plain note (6)
    assert section.notes == 25 + 6
    assert (annex.body, annex.headings, annex.notes, annex.annex) == (5, 1, 3, True)
    assert (words.body, words.headings, words.notes, words.annexes) == (18, 3, 31, 9)
    assert words.counted == words.cover + 18 + 3
    assert count_document(document, count_notes=True).counted == words.cover + 18 + 3 + 31


def test_the_example_report(example_model):
    words = count_document(example_model, count_notes=False)
    assert [(s.body, s.headings, s.notes) for s in words.sections] == [(310, 2, 24), (1340, 29, 97),
                                                                       (755, 81, 47), (498, 10, 0)]
    assert (words.cover, words.counted, words.annexes) == (240, 2757, 508)  # the summary of recommendations
