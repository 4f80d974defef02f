"""CSL styles for the notes (`csl:`) through Pandoc's citeproc, and CSL-JSON/CSL-YAML bibliographies."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen import model as m
from reportgen.errors import Problems, ReportError
from reportgen.load.bibliography import read_bibliography
from reportgen.load.project import Project
from reportgen.pipeline import load_model

STYLES = Path(__file__).parent / "fixtures" / "csl"
BIB = r"""
@book{doe, author = {Doe, Jane}, title = {Rights}, subtitle = {A History}, publisher = {Pedone},
  location = {Paris}, date = {2011}}
@article{roe, author = {Roe, Rick}, title = {Torture}, journal = {Human Rights Quarterly}, volume = {3},
  number = {2}, pages = {10--20}, date = {2012}}
"""
BODY = ("A[@doe, p. 33]. B[@doe, p. 34]. C^[A plain note.] D[@doe, p. 35]. E[-@roe; see @doe].\n"
        "F^[As in [@roe, chap. 2].]\n")


def styled(project, style: str, body: str = BODY, bib: str = BIB, language: str = "en",
           problems: Problems | None = None) -> list[str]:
    root = project({"sections/01.md": body, "references.bib": bib, "style.csl": (STYLES / style).read_text(),
                    "report/report.yaml": f"title: T\nlanguage: {language}\ncsl: style.csl\n"})
    return [m.plain_text(note.blocks) for note in load_model(Project.at(root), problems).notes]


def test_chicago_full_note(project):
    assert styled(project, "chicago-notes-bibliography-17th-edition.csl") == [
        "Jane Doe, Rights: A History (Paris: Pedone, 2011), 33.",
        "Doe, 34.",
        "A plain note.",
        "Doe, Rights, 35.",
        "“Torture,” Human Rights Quarterly 3, no. 2 (2012): 10–20; see Doe, Rights.",
        "As in Roe, “Torture,” chap. 2."]


def test_oscola_ibid_cross_references_and_a_plain_note_between(project):
    # Ibid. only right after the note citing the same work; "(n 1)" points at the note of the first citation.
    assert styled(project, "oscola.csl") == [
        "Jane Doe, Rights: A History (Pedone 2011) 33.",
        "Ibid 34.",
        "A plain note.",
        "Doe (n 1) 35.",
        "‘Torture’ (2012) 3 Human Rights Quarterly 10; see Doe (n 1).",
        "As in Roe (n 5), chap. 2."]  # OSCOLA is British English: its chapter is "ch", so "chap. 2" stays text


def test_an_author_date_style_puts_its_citation_in_the_note(project):
    assert styled(project, "apa.csl", "A[@doe, p. 33]. B^[See [@roe].]\n") == [
        "(Doe, 2011, p. 33).", "See (Roe, 2012)."]


def test_french_terms_come_from_the_report_language(project):
    notes = styled(project, "oscola.csl", "A[@doe, p. 33]. B[@doe, p. 34].\n", language="fr")
    assert notes[1] == "Ibid 34."
    assert styled(project, "apa.csl", "A[@roe, chap. 2].\n", language="fr") == ["(Roe, 2012, Chapitre 2)."]


def test_emphasis_and_links_survive_the_style(project):
    bib = r"@online{w, title = {The \emph{Titanic} page}, url = {https://example.org/t}, urldate = {2020-01-02}}"
    root = project({"sections/01.md": "A[@w].\n", "references.bib": bib,
                    "style.csl": (STYLES / "chicago-notes-bibliography-17th-edition.csl").read_text(),
                    "report/report.yaml": "title: T\ncsl: style.csl\n"})
    note = load_model(Project.at(root)).notes[0]
    assert [n.url for n in m.walk(note) if isinstance(n, m.Link)] == ["https://example.org/t"]
    assert m.Emph((m.Text("Titanic"),)) in [n for n in m.walk(note)]


def test_citation_style_is_read_as_csl_with_a_hint(project):
    root = project({"sections/01.md": "A[@doe].\n", "references.bib": BIB,
                    "style.csl": (STYLES / "oscola.csl").read_text(),
                    "report/report.yaml": "title: T\ncitation-style: style.csl\n"})
    problems = Problems()
    notes = load_model(Project.at(root), problems).notes
    assert m.plain_text(notes[0].blocks) == "Jane Doe, Rights: A History (Pedone 2011)."
    assert "report/report.yaml:2: warning: 'citation-style' is read as 'csl', the name reportgen and Pandoc use " \
           "for it" in [str(p) for p in problems.items]


@pytest.mark.parametrize(("style", "message"), [
    (None, "report/report.yaml:2: CSL style 'style.csl' does not exist"),
    ("<style/>", "report/report.yaml:2: 'style.csl' is not a CSL style (its root element is not <style> in the "
                 "CSL namespace)"),
    ("<style xmlns='http://purl.org/net/xbiblio/csl'><info><link rel='independent-parent' "
     "href='http://www.zotero.org/styles/apa'/></info></style>",
     "report/report.yaml:2: 'style.csl' is a dependent style: download the style it depends on "
     "(http://www.zotero.org/styles/apa) and name that one"),
    ("<style", "report/report.yaml:2: 'style.csl' is not a CSL style: Couldn't find end of Start Tag style line 1, "
               "line 1, column 7"),
])
def test_a_bad_style_is_an_error_at_the_csl_line(project, style, message):
    files = {"sections/01.md": "A[@doe].\n", "references.bib": BIB, "report/report.yaml": "title: T\ncsl: style.csl\n"}
    if style is not None:
        files["style.csl"] = style
    with pytest.raises(ReportError) as caught:
        load_model(Project.at(project(files)))
    assert [str(p) for p in caught.value.problems] == [message]


def test_a_style_outside_the_project_is_refused(project):
    root = project({"sections/01.md": "A[@doe].\n", "references.bib": BIB,
                    "report/report.yaml": "title: T\ncsl: ../outside.csl\n"})
    with pytest.raises(ReportError, match="report/report.yaml:2: the CSL style must be inside the project"):
        load_model(Project.at(root))


# CSL-JSON and CSL-YAML ----------------------------------------------------------------------------------

CSL_JSON = """[
  {"id": "ohchr2020", "type": "report", "title": "Annual report on <i>UPR</i> follow-up",
   "author": [{"literal": "Office of the High Commissioner for Human Rights"}], "number": "A/HRC/43/3",
   "publisher-place": "Geneva", "issued": {"date-parts": [[2020, 3, 5]]},
   "URL": "https://example.org/r.pdf", "accessed": {"date-parts": [[2021, 3, 17]]}},
  {"id": "doe2019", "type": "article-journal", "title": "Shadow reports", "container-title": "HRQ",
   "author": [{"family": "Doe", "given": "John"}], "volume": "41", "issue": "2", "page": "100-120",
   "issued": {"date-parts": [[2019]]}}
]"""
CSL_YAML = """---
references:
- id: chapter
  type: chapter
  title: Torture
  author:
    - family: Doe
      given: Jane
  container-title: Human Rights
  editor:
    - {family: Roe, given: Richard}
  publisher: Brill
  publisher-place: Leiden
  issued: 2012
  page: 10-20
...
"""


def test_a_csl_json_bibliography_in_the_un_style(project):
    root = project({"sections/01.md": "A[@ohchr2020, para. 3]. B[@doe2019, p. 101]. C[@ohchr2020].\n",
                    "refs.json": CSL_JSON, "report/report.yaml": "title: T\nbibliography: refs.json\n"})
    notes = load_model(Project.at(root)).notes
    assert [m.plain_text(n.blocks) for n in notes] == [
        "Office of the High Commissioner for Human Rights, Annual report on UPR follow-up, A/HRC/43/3 (Geneva, "
        "5 March 2020), para. 3. Available at https://example.org/r.pdf (accessed on 17 March 2021).",
        "John Doe, “Shadow reports”, HRQ, vol. 41, No. 2 (2019), pp. 100–120, p. 101.",
        "A/HRC/43/3."]
    assert m.Emph((m.Text("UPR"),)) in notes[0].blocks[0].inlines[1].children or any(
        isinstance(n, m.Text) and n.text == "UPR" for n in m.walk(notes[0]))


def test_a_csl_yaml_bibliography_with_a_csl_style(project):
    root = project({"sections/01.md": "A[@chapter, p. 12].\n", "refs.yaml": CSL_YAML,
                    "style.csl": (STYLES / "chicago-notes-bibliography-17th-edition.csl").read_text(),
                    "report/report.yaml": "title: T\nbibliography: refs.yaml\ncsl: style.csl\n"})
    assert [m.plain_text(n.blocks) for n in load_model(Project.at(root)).notes] == [
        "Jane Doe, “Torture,” in Human Rights, ed. Richard Roe (Leiden: Brill, 2012), 12."]


def test_references_in_a_sections_front_matter_are_cited(project):
    """Pandoc's inline bibliography (its test 10185): read as CSL YAML, a plain string author included."""
    section = ("---\nreferences:\n- id: foo\n  type: book\n  title: The Title\n  author: John Doe\n"
               "  issued: 2011\n- id: bar\n  type: report\n  title: A Report\n  number: A/HRC/19/8\n"
               "  author: [{family: Roe, given: Rick}]\n- title: no id\n...\n\nLorem ipsum [@foo]. Dolor[@bar].\n")
    root = project({"sections/01.md": section})
    with pytest.raises(ReportError) as caught:
        load_model(Project.at(root))
    assert [str(p) for p in caught.value.problems] == ["sections/01.md:13: a CSL item has no id"]
    root = project({"sections/01.md": section.replace("- title: no id\n", "")})
    assert [m.plain_text(n.blocks) for n in load_model(Project.at(root)).notes] == [
        "John Doe, The Title (2011).", "Rick Roe, A Report, A/HRC/19/8."]


def test_csl_mistakes_are_located():
    problems = Problems()
    read_bibliography('[\n {"id": "a", "type": "book", "issued": {"date-parts": [[2019, 13]]}},\n'
                      ' {"type": "book"},\n {"id": "a", "type": "nonsense"}\n]', "refs.json", problems)
    assert [str(p) for p in problems.items] == [
        "refs.json:3: a CSL item has no id",
        "refs.json:4: warning: item 'a' has the unknown CSL type 'nonsense'; it is printed as @misc",
        "refs.json:4: duplicate id 'a' (first defined on line 2)",
        "refs.json:2: entry 'a': date '2019-13' has the month 13, which does not exist"]
    problems = Problems()
    read_bibliography("references:\n- id: x\n  accessed: 2012-13-45\n- [not, an, item]\n", "refs.yaml", problems)
    assert [str(p) for p in problems.items] == [
        "refs.yaml:2: warning: item 'x' has no type; it is printed as @misc",
        "refs.yaml:4: a CSL item must be a mapping of variables to values",
        "refs.yaml:3: entry 'x': urldate '2012-13-45' has the month 13, which does not exist"]
    problems = Problems()
    read_bibliography("[{", "refs.json", problems)
    assert [str(p) for p in problems.items] == ["refs.json:1: invalid JSON: Expecting property name enclosed in "
                                                "double quotes"]


def test_a_set_is_cited_as_its_members(project):
    bib = BIB + "@set{both, entryset = {doe,roe}}\n"
    assert styled(project, "oscola.csl", "A[@both, p. 3].\n", bib) == [
        "Jane Doe, Rights: A History (Pedone 2011); Rick Roe, ‘Torture’ (2012) 3 Human Rights Quarterly 10, 3."]


def test_pandoc_citeproc_yaml_dates_are_dates(project):
    """Pandoc's test pandoc-citeproc-327: `issued: [{year: 2017}]` was printed as Python's text of a list."""
    section = ("---\nreferences:\n- id: li\n  type: article-journal\n  title: Title\n  container-title: Journal\n"
               "  author: [{family: Li, given: Ping}]\n  issued:\n  - year: 2017\n"
               "  URL: https://example.org/a\n  accessed:\n  - {day: 27, month: 3, year: 2018}\n"
               "...\n\nText [@li].\n")
    notes = load_model(Project.at(project({"sections/01.md": section}))).notes
    assert [m.plain_text(n.blocks) for n in notes] == [
        "Ping Li, “Title”, Journal (2017). Available at https://example.org/a (accessed on 27 March 2018)."]


def test_markdown_emphasis_in_csl_yaml_is_emphasis(project):
    """Pandoc's test pandoc-citeproc-301: Pandoc reads CSL YAML strings as Markdown; the asterisks were printed."""
    section = ("---\nreferences:\n- id: test2\n  type: book\n  title: '*Test:* An experiment on __bold__ and"
               " snake_case_names'\n  URL: https://example.org/a_b_c\n...\n\nText [@test2].\n")
    notes = load_model(Project.at(project({"sections/01.md": section}))).notes
    assert m.plain_text(notes[0].blocks) == ("Test: An experiment on bold and snake_case_names. "
                                             "Available at https://example.org/a_b_c.")
    kinds = {type(n).__name__ for n in m.walk(notes[0])}
    assert {"Emph", "Strong"} <= kinds
