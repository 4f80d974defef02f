"""Citations become numbered notes in the UN note format: full, short, Ibid., locators, corporate authors."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.errors import ReportError
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.html import HtmlRenderer

from .conftest import MINIMAL_CONFIG

BIB = r"""
@report{ohchr2020,
  author = {{Office of the High Commissioner for Human Rights}},
  shortauthor = {OHCHR},
  title = {Annual report on {UPR} follow-up},
  number = {A/HRC/43/3},
  location = {Geneva},
  year = {2020},
  url = {https://example.org/annual%20report.pdf},
  urldate = {2021-03-17},
}
@book{smith2020,
  author = {Smith, Jane and M{\"u}ller, Hans and de la Cruz, Mar{\'i}a},
  title = {Human Rights Advocacy: A Handbook},
  publisher = {Oxford University Press},
  location = {Oxford},
  edition = {2},
  year = {2020},
}
@article{doe2019,
  author = {Doe, John},
  title = {Shadow reports and the {UPR}},
  journal = {Human Rights Quarterly},
  volume = {41},
  number = {2},
  pages = {100--120},
  year = {2019},
}
"""


def notes_of(project, body: str) -> list[str]:
    root = project({"sections/01.md": body, "references.bib": BIB})
    document = load_model(Project.at(root))
    return [m.plain_text(note.blocks) for note in document.notes]


def test_first_full_then_short_then_ibid(project):
    notes = notes_of(project, """\
        One[@smith2020, p. 12]. Two[@smith2020, p. 12]. Three[@smith2020, p. 14].
        Four[@ohchr2020]. Five[@smith2020]. Six[@smith2020].
        """)
    assert notes == [
        "Jane Smith, Hans Müller and María de la Cruz, Human Rights Advocacy: A Handbook, 2nd ed. "
        "(Oxford, Oxford University Press, 2020), p. 12.",
        "Ibid.",
        "Ibid., p. 14.",
        "Office of the High Commissioner for Human Rights, Annual report on UPR follow-up, A/HRC/43/3 "
        "(Geneva, 2020). Available at https://example.org/annual%20report.pdf (accessed on 17 March 2021).",
        "Smith, Müller and de la Cruz, Human Rights Advocacy.",
        "Ibid.",
    ]


def test_titles_are_italic_in_full_and_short_notes(project):
    root = project({"sections/01.md": "A[@smith2020]. B[@ohchr2020]. C[@smith2020].\n", "references.bib": BIB})
    first, _, short = load_model(Project.at(root)).notes
    assert m.Emph((m.Text("Human Rights Advocacy: A Handbook"),)) in first.blocks[0].inlines
    assert short.blocks[0].inlines == (m.Text("Smith, Müller and de la Cruz, "),
                                       m.Emph((m.Text("Human Rights Advocacy"),)), m.Text("."))


def test_corporate_short_author_and_url_link(project):
    root = project({"sections/01.md": "A[@ohchr2020]. B[@doe2019]. C[@ohchr2020, para. 4].\n",
                    "references.bib": BIB})
    first, _, third = load_model(Project.at(root)).notes
    links = [n for n in m.walk(first) if isinstance(n, m.Link)]
    assert [link.url for link in links] == ["https://example.org/annual%20report.pdf"]
    # A UN document's short form is its symbol.
    assert m.plain_text(third.blocks) == "A/HRC/43/3, para. 4."


def test_article_quoted_title_and_pages(project):
    assert notes_of(project, "A[@doe2019, p. 105].\n") == [
        "John Doe, “Shadow reports and the UPR”, Human Rights Quarterly, vol. 41, No. 2 (2019), "
        "pp. 100–120, p. 105."]


def test_no_ibid_after_a_plain_note_or_a_note_citing_two_works(project):
    notes = notes_of(project, """\
        A[@doe2019]. B^[A plain note.] C[@doe2019]. D[@doe2019; @smith2020]. E[@smith2020].
        """)
    assert notes[2] == "Doe, “Shadow reports and the UPR”."
    assert notes[4].startswith("Smith, Müller and de la Cruz")


def test_prefix_suffix_and_capitalised_ibid(project):
    notes = notes_of(project, """\
        A[@doe2019]. B[see @doe2019, p. 3]. C[Some of these findings come from @doe2019].
        D[@doe2019, p. 4 and passim].
        """)
    assert notes[1] == "See ibid., p. 3."
    assert notes[2] == "Some of these findings come from Doe, “Shadow reports and the UPR”."
    assert notes[3] == "Ibid., p. 4 and passim."


def test_citation_inside_a_note_becomes_text(project):
    notes = notes_of(project, "Claim^[See the handbook [@smith2020, ch. 2] for more.] and more[@smith2020].\n")
    assert notes[0].startswith("See the handbook Jane Smith, Hans Müller and María de la Cruz, Human Rights")
    assert notes[0].endswith("2020), ch. 2 for more.")
    # "Ibid." alone would point back to chapter 2; the whole work is meant, so the short form is used.
    assert notes[1] == "Smith, Müller and de la Cruz, Human Rights Advocacy."


def test_notes_are_numbered_in_document_order_across_sections(project):
    root = project({"sections/01.md": "A^[first] B[@doe2019].\n", "sections/02.md": "C[^x].\n\n[^x]: third\n",
                    "references.bib": BIB})
    document = load_model(Project.at(root))
    assert [n.number for n in document.notes] == [1, 2, 3]
    assert [n.source.path for n in document.notes] == ["sections/01.md", "sections/01.md", "sections/02.md"]
    assert [n.from_citation for n in document.notes] == [False, True, False]


def test_unknown_keys_are_all_reported_with_a_suggestion(project):
    root = project({"sections/01.md": "A[@smith2002].\n\nB[@nobody, p. 3].\n", "references.bib": BIB})
    with pytest.raises(ReportError) as caught:
        load_model(Project.at(root))
    assert [str(p) for p in caught.value.problems] == [
        "sections/01.md:1: unknown citation key 'smith2002' (did you mean 'smith2020'?)",
        "sections/01.md:3: unknown citation key 'nobody'",
    ]


def test_french_labels(project):
    root = project({"sections/01.md": "A[@ohchr2020]. B[@ohchr2020, p. 2].\n", "references.bib": BIB,
                    "report/report.yaml": "title: Rapport\nlanguage: fr\n"})
    notes = [m.plain_text(n.blocks) for n in load_model(Project.at(root)).notes]
    assert notes[0].endswith("Disponible à l’adresse https://example.org/annual%20report.pdf "
                             "(consulté le 17 mars 2021).")
    assert notes[1] == "Ibid., p. 2."


def test_a_citation_in_the_coalition_description_is_the_first_note(project):
    config = MINIMAL_CONFIG.replace("submission: individual", "submission: joint") + (
        "coalition:\n  name: Example Coalition\n  acronym: EC\n"
        "  description: Founded after the last review [@ohchr2020].\n")
    root = project({"report/report.yaml": config, "sections/01.md": "# Findings\n\nA finding[@smith2020].\n"})
    document = load_model(Project.at(root))
    assert [n.number for n in document.notes] == [1, 2]
    assert "Annual report on UPR follow-up" in m.plain_text(document.notes[0].blocks, notes=True)
    html = HtmlRenderer(document).render()
    assert 'id="note-1"' in html and 'id="note-2"' in html


def test_ibid_repeats_what_is_no_locator(project):
    """Pandoc's test 7324: `[among others]` is a suffix, not a page; "Ibid." alone lost it."""
    notes = notes_of(project, "One @doe2019 [among others]. Two @doe2019 [among others]. Three[@doe2019, p. 3]. "
                              "Four[@doe2019, p. 3].\n")
    assert notes[1:] == ["Ibid., among others.", "Ibid., p. 3.", "Ibid."]
