"""Numbering: headings by scheme, paragraphs continuous through the document, recommendations per list."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.load.project import Project
from reportgen.numberformat import NumberFormat, format_value, heading_formats
from reportgen.pipeline import load_model

SECTION_ONE = """\
# Summary {.unnumbered}

Summary paragraph.

# Legal framework

## International standards

### Treaties

First body paragraph.

- a list item, not numbered

### Regional instruments

::: recommendations
- Ratify the treaty.
- Amend the law.
:::
"""

SECTION_TWO = """\
# Implementation

Second section paragraph.

## Victim support

::: {.recommendations}
1. Open shelters.
:::

> A quotation is not a numbered paragraph.
"""


def headings_and_paragraphs(document):
    out = []
    for section in document.sections:
        for node in m.walk(section):
            if isinstance(node, m.Heading):
                out.append(("h", node.number, m.plain_text(node.inlines)))
            elif isinstance(node, m.Paragraph) and node.number:
                out.append(("p", node.number, m.plain_text(node.inlines)))
            elif isinstance(node, m.Recommendation):
                out.append(("r", node.label, m.plain_text(node.blocks)))
    return out


def test_default_scheme_reproduces_the_seed(project):
    root = project({"sections/01.md": SECTION_ONE, "sections/02.md": SECTION_TWO})
    assert headings_and_paragraphs(load_model(Project.at(root))) == [
        ("h", "", "Summary"),
        ("p", 1, "Summary paragraph."),
        ("h", "I.", "Legal framework"),
        ("h", "1.1", "International standards"),
        ("h", "1.1.1", "Treaties"),
        ("p", 2, "First body paragraph."),
        ("h", "1.1.2", "Regional instruments"),
        ("r", "1.", "Ratify the treaty."),
        ("r", "2.", "Amend the law."),
        ("h", "II.", "Implementation"),
        ("p", 3, "Second section paragraph."),
        ("h", "2.1", "Victim support"),
        ("r", "1.", "Open shelters."),
    ]


def test_other_schemes_and_paragraph_numbering_off(project):
    config = ("title: T\nnumbering:\n  headings: ['A.', '(a)']\n  paragraphs: false\n"
              "  recommendations: 'R(i)'\n")
    root = project({"sections/01.md": SECTION_ONE, "sections/02.md": SECTION_TWO,
                    "report/report.yaml": config})
    numbers = [(kind, number) for kind, number, _ in headings_and_paragraphs(load_model(Project.at(root)))]
    assert numbers == [("h", ""), ("h", "A."), ("h", "(a)"), ("h", ""), ("h", ""), ("r", "R(i)"), ("r", "R(ii)"),
                       ("h", "B."), ("h", "(a)"), ("r", "R(i)")]


@pytest.mark.parametrize("value, kind, text", [
    (3, "1", "3"), (3, "a", "c"), (28, "a", "bb"), (3, "A", "C"), (14, "i", "xiv"), (1999, "I", "MCMXCIX"),
])
def test_counter_kinds(value, kind, text):
    assert format_value(value, kind) == text


def test_number_formats_are_written_as_their_first_number_looks():
    fmt = NumberFormat.parse("1.1")
    assert (fmt.literals, fmt.kinds) == (("", ".", ""), ("1", "1"))
    assert fmt.format((2, 3)) == "2.3"
    assert NumberFormat.parse("Rec. 1").format((12,)) == "Rec. 12"
    assert NumberFormat.parse("(a)").format((27,)) == "(aa)"
    assert [f.pattern for f in heading_formats(("I.", "1.1", "1.1.1"))] == ["I.", "1.1", "1.1.1"]
    with pytest.raises(ValueError, match="shows 2 numbers"):
        heading_formats(("1.1",))
