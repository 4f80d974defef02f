"""The BibLaTeX data model in notes, one test per defect found by citing real bibliographies and comparing with
Pandoc's citeproc: fields never printed, crossref and @string not resolved, localisation keys printed raw,
LaTeX lost, short forms that do not identify the work, and mistakes not located at their .bib line."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.errors import Problems, ReportError
from reportgen.load.bibliography import read_bibliography
from reportgen.load.project import Project
from reportgen.pipeline import load_model


def notes(project, bib: str, body: str, language: str = "en") -> list[str]:
    files = {"sections/01.md": body, "references.bib": bib}
    if language != "en":
        files["report/report.yaml"] = f"title: T\nlanguage: {language}\n"
    document = load_model(Project.at(project(files)))
    return [m.plain_text(note.blocks) for note in document.notes]


def problems_of(bib: str) -> list[str]:
    problems = Problems()
    read_bibliography(bib, "references.bib", problems)
    return [str(p) for p in problems.items]


# Fields that were never printed -------------------------------------------------------------------

def test_subtitle_translator_and_series_volume(project):
    bib = r"""
    @book{b,
      author = {Doe, Jane}, title = {Rights}, subtitle = {A History}, translator = {Roe, Richard},
      series = {Studies in Law}, number = {4}, volume = {2}, location = {Paris}, publisher = {Pedone},
      date = {2011},
    }"""
    assert notes(project, bib, "A[@b].\n") == [
        "Jane Doe, Rights: A History, Richard Roe, trans., vol. 2, Studies in Law No. 4 (Paris, Pedone, 2011)."]


def test_editor_who_is_also_the_translator_is_named_once(project):
    bib = r"@book{b, editor = {Roe, Richard}, translator = {Roe, Richard}, title = {Letters}, date = {1999}}"
    assert notes(project, bib, "A[@b].\n") == ["Richard Roe, ed. and trans., Letters (1999)."]


def test_maintitle_and_booksubtitle(project):
    bib = r"""
    @inbook{c, author = {Doe, Jane}, title = {Origins}, booktitle = {Law}, booksubtitle = {Essays},
      maintitle = {Collected Works}, mainsubtitle = {Volumes I--IV}, volume = {3}, publisher = {P}, date = {2001}}
    """
    assert notes(project, bib, "A[@c].\n") == [
        "Jane Doe, “Origins”, in Law: Essays, vol. 3 of Collected Works: Volumes I–IV (P, 2001)."]


def test_arxiv_eprint_is_a_link(project):
    bib = r"""@misc{a, author = {Doe, Jane}, title = {Models}, date = {2020}, eprinttype = {arxiv},
      eprint = {2001.01234}, eprintclass = {cs.CL}}"""
    root = project({"sections/01.md": "A[@a].\n", "references.bib": bib})
    note = load_model(Project.at(root)).notes[0]
    assert m.plain_text(note.blocks) == "Jane Doe, Models (2020). arXiv:2001.01234 [cs.CL]."
    assert [n.url for n in m.walk(note) if isinstance(n, m.Link)] == ["https://arxiv.org/abs/2001.01234"]


def test_report_volume_and_journal_new_series(project):
    bib = r"""
    @report{r, institution = {UNICEF}, title = {Survey}, volume = {2}, type = {resreport}, number = {7},
      date = {2015}}
    @article{a, author = {Doe, Jane}, title = {T}, journal = {Law Review}, series = {newseries}, volume = {3},
      date = {1990}}
    """
    assert notes(project, bib, "A[@r]. B[@a].\n") == [
        "UNICEF, Survey, vol. 2, research report 7 (2015).",
        "Jane Doe, “T”, Law Review, new series, vol. 3 (1990)."]


# Inheritance and macros ----------------------------------------------------------------------------

def test_crossref_gives_the_chapter_its_book(project):
    bib = r"""
    @collection{book, editor = {Roe, Richard}, title = {Human Rights}, subtitle = {Essays},
      publisher = {Brill}, location = {Leiden}, date = {2012}}
    @incollection{chapter, author = {Doe, Jane}, title = {Torture}, pages = {10--20}, crossref = {book}}
    """
    assert notes(project, bib, "A[@chapter].\n") == [
        "Jane Doe, “Torture”, in Human Rights: Essays, Richard Roe, ed. (Leiden, Brill, 2012), pp. 10–20."]


def test_a_crossref_or_xref_to_a_missing_entry_is_an_error_at_its_line():
    bib = "@incollection{c,\n  title = {T},\n  crossref = {nowhere},\n  xref = {gone},\n}\n"
    assert problems_of(bib) == [
        "references.bib:3: entry 'c': crossref 'nowhere' is not in the bibliography",
        "references.bib:4: entry 'c': xref 'gone' is not in the bibliography"]


def test_xdata_fields_are_inherited_and_xdata_entries_cannot_be_cited():
    problems = Problems()
    bib = read_bibliography("@xdata{pub, publisher = {Pedone}, location = {Paris}}\n"
                            "@book{b, title = {T}, xdata = {pub}}\n", "references.bib", problems)
    assert problems.items == []
    assert list(bib.entries) == ["b"]
    assert (bib["b"].get("publisher"), bib["b"].get("location")) == ("Pedone", "Paris")


def test_string_macros_are_joined_with_hash(project):
    bib = r"""
    @string{dtv = {Deutscher Taschenbuch-Verlag}}
    @book{b, title = {Werke}, publisher = dtv # { and } # {Walter de Gruyter}, year = 1990, month = mar}
    """
    assert notes(project, bib, "A[@b].\n") == ["Werke (Deutscher Taschenbuch-Verlag and Walter de Gruyter, "
                                               "March 1990)."]


def test_an_undefined_macro_is_an_error_at_its_line():
    assert problems_of("@book{b,\n  title = {T},\n  publisher = dtv,\n}\n") == [
        "references.bib:3: entry 'b', field 'publisher': 'dtv' is not a @string defined above it "
        "(write {dtv} for the text itself)"]


# Localisation keys -----------------------------------------------------------------------------------

LOCALISED = r"""
@thesis{t, author = {Doe, Jane}, title = {Essays on torture}, type = {phdthesis}, institution = {EUI},
  date = {2010}}
@patent{p, author = {Roe, Richard}, title = {A pump}, type = {patenteu}, number = {EP 1234},
  location = {countryfr and countryuk}, date = {2001-04-02}}
@phdthesis{old, author = {Poe, Ann}, title = {Rights}, school = {MIT}, year = {2001}}
"""


def test_localisation_keys_are_words_in_the_report_language(project):
    assert notes(project, LOCALISED, "A[@t]. B[@p]. C[@old].\n") == [
        "Jane Doe, “Essays on torture”, PhD thesis (EUI, 2010).",
        "Richard Roe, A pump, European patent EP 1234 (France and United Kingdom, 2 April 2001).",
        "Ann Poe, “Rights”, PhD thesis (MIT, 2001)."]
    assert notes(project, LOCALISED, "A[@t]. B[@p].\n", "fr") == [
        "Jane Doe, «\u00a0Essays on torture\u00a0», thèse de doctorat (EUI, 2010).",  # no-break spaces
        "Richard Roe, A pump, brevet européen EP 1234 (France et Royaume-Uni, 2 avril 2001)."]
    assert notes(project, LOCALISED, "A[@p].\n", "es")[0].endswith("patente europea EP 1234 (Francia y Reino Unido, "
                                                                   "2 de abril de 2001).")


# LaTeX ------------------------------------------------------------------------------------------------

def test_tex_logos_hyphen_and_math(project):
    bib = r"""@book{b, author = {Knuth, Donald E.}, title = {{\TeX}: The Program},
      subtitle = {methodology\hyphen independent $\alpha$ and $x^2 \leq y$}, year = {1986}}"""
    assert notes(project, bib, "A[@b].\n") == [
        "Donald E. Knuth, TeX: The Program: methodology-independent α and x2 ≤ y (1986)."]


def test_emphasis_in_a_title_is_upright_inside_an_italic_title(project):
    bib = r"@book{b, title = {The \emph{Titanic} and \textbf{Others}}, year = {2000}}"
    root = project({"sections/01.md": "A[@b].\n", "references.bib": bib})
    note = load_model(Project.at(root)).notes[0]
    assert note.blocks[0].inlines == (m.Emph((m.Text("The "),)), m.Text("Titanic"), m.Emph((m.Text(" and "),)),
                                      m.Emph((m.Strong((m.Text("Others"),)),)), m.Text(" (2000)."))


def test_an_unknown_command_is_a_warning_that_keeps_its_argument(project):
    bib = "@book{b,\n  title = {The \\foo{Bar} case},\n  year = {2000},\n}\n"
    root = project({"sections/01.md": "A[@b].\n", "references.bib": bib})
    problems = Problems()
    document = load_model(Project.at(root), problems)
    assert m.plain_text(document.notes[0].blocks) == "The Bar case (2000)."
    assert [str(p) for p in problems.warnings if "LaTeX" in p.message] == [
        "references.bib:2: warning: entry 'b', field 'title': unknown LaTeX command '\\foo' (its argument is kept)"]


def test_and_others_is_et_al(project):
    bib = r"@book{b, author = {Doe, John and others}, title = {T}, year = {2000}}"
    assert notes(project, bib, "A[@b]. B^[x] C[@b].\n") == ["John Doe et al., T (2000).", "x", "Doe et al., T."]


# Dates --------------------------------------------------------------------------------------------------

def test_date_ranges_are_written_out(project):
    bib = r"""
    @proceedings{p, title = {Forum}, date = {2011-11-21/2011-11-23}}
    @proceedings{q, title = {Congress}, date = {2011-11-21/2012-01-03}}
    @book{c, title = {Old}, date = {1850~}}
    """
    assert notes(project, bib, "A[@p]. B[@q]. C[@c].\n") == [
        "Forum (21–23 November 2011).", "Congress (21 November 2011–3 January 2012).", "Old (c. 1850)."]


def test_an_impossible_date_is_an_error_at_its_line():
    assert problems_of("@online{o,\n  title = {T},\n  url = {https://x.org},\n  urldate = {2012-13-45},\n}\n") == [
        "references.bib:4: entry 'o': urldate '2012-13-45' has the month 13, which does not exist"]
    assert problems_of("@book{b, title = {T}, date = {2011-02-30}}") == [
        "references.bib:1: entry 'b': date '2011-02-30' has the day 30, which February 2011 does not have"]


# Short forms --------------------------------------------------------------------------------------------

def test_two_works_of_one_author_get_different_short_forms(project):
    bib = r"""
    @report{a, author = {{Amnesty International}}, title = {Indonesia: Torture in custody}, date = {2011}}
    @report{b, author = {{Amnesty International}}, title = {Indonesia: Excessive force}, date = {2012}}
    @report{c, author = {{Human Rights Watch}}, title = {Indonesia: Prisons}, date = {2012}}
    @report{d, author = {{Human Rights Watch}}, title = {Indonesia: Police}, date = {2012}}
    @report{e, author = {{Human Rights Watch}}, title = {Indonesia: Police}, subtitle = {Update}, date = {2012}}
    """
    # Short titles that would be the same take the year; if that is the same too, the whole title, then both.
    assert notes(project, bib, "A[@a]. B[@b]. C[@c]. D[@d]. E[@e]. F[@a]. G[@b]. H[@c]. I[@d]. J[@e].\n")[5:] == [
        "Amnesty International, Indonesia (2011).", "Amnesty International, Indonesia (2012).",
        "Human Rights Watch, Indonesia: Prisons.", "Human Rights Watch, Indonesia: Police.",
        "Human Rights Watch, Indonesia: Police: Update."]


def test_a_short_title_is_not_cut_at_an_initial_or_inside_brackets(project):
    bib = r"""
    @report{sr, author = {{Special Rapporteur on torture}},
      title = {Report of the Special Rapporteur on torture and other cruel, inhuman or degrading treatment or
               punishment, Juan E. M{\'e}ndez}, date = {2013}}
    @book{k, author = {Knuth, Donald E.}, title = {{The {\TeX}book (vol. A. of Computers and Typesetting)}},
      year = {1984}}
    @book{e, author = {Knuth, Donald E.}, title = {: }, shorttitle = {}, year = {1986}}
    """
    found = notes(project, bib, "A[@sr]. B[@k]. C[@e]. D[@sr, para. 3]. E[@k, p. 5]. F[@e, p. 5].\n")
    assert found[3:] == [
        "Special Rapporteur on torture, Report of the Special Rapporteur on torture and other cruel, inhuman or "
        "degrading treatment or punishment, Juan E. Méndez, para. 3.",
        "Knuth, The TeXbook (vol. A. of Computers and Typesetting), p. 5.",
        "Knuth, :, p. 5."]


def test_un_documents_are_told_apart_by_symbol_and_date(project):
    bib = r"""
    @report{wg1, author = {{Human Rights Council}}, title = {Report of the Working Group on the Universal Periodic
      Review: Indonesia}, number = {A/HRC/8/23}, date = {2008-05-14}}
    @report{wg2, author = {{Human Rights Council}}, title = {Report of the Working Group on the Universal Periodic
      Review: Indonesia}, number = {A/HRC/21/7}, date = {2012-07-05}}
    """
    assert notes(project, bib, "A[@wg1, para. 12]. B[@wg2, para. 12]. C[@wg1, para. 12]. D[@wg2, para. 12].\n") == [
        "Human Rights Council, Report of the Working Group on the Universal Periodic Review: Indonesia, A/HRC/8/23 "
        "(14 May 2008), para. 12.",
        "Human Rights Council, Report of the Working Group on the Universal Periodic Review: Indonesia, A/HRC/21/7 "
        "(5 July 2012), para. 12.",
        "A/HRC/8/23, para. 12.", "A/HRC/21/7, para. 12."]


def test_suppress_author_leaves_the_author_out_of_the_note(project):
    bib = r"@book{b, author = {Doe, Jane}, title = {Rights}, year = {2000}}"
    assert notes(project, bib, "Doe says[-@b, p. 3]. Again[-@b, p. 4]. Then [@c]^[x] [-@b, p. 5].\n"
                 .replace(" [@c]", "")) == ["Rights (2000), p. 3.", "Ibid., p. 4.", "x", "Rights, p. 5."]


# Located mistakes ---------------------------------------------------------------------------------------

def test_a_missing_comma_between_fields_is_an_error_at_its_line():
    bib = "@report{r,\n  title = {Report}\n  year = 2011,\n}\n"
    assert problems_of(bib) == ["references.bib:3: entry 'r', field 'title': a comma is missing before 'year'"]


def test_a_space_in_a_key_is_an_error_at_the_bib_line():
    assert problems_of("\n@book{my key,\n  title = {T},\n}\n") == [
        "references.bib:2: the entry key 'my key' contains a space; a key is one word such as 'smith2020'"]


def test_an_unknown_entry_type_is_a_warning_and_printed_as_misc(project):
    assert problems_of("@webpage{w, title = {T}}") == [
        "references.bib:1: warning: entry 'w' has the unknown type '@webpage'; it is printed as @misc"]


def test_a_bad_entry_stops_the_build_with_its_line(project):
    bib = "@report{r,\n  title = {Report}\n  year = 2011,\n}\n"
    root = project({"sections/01.md": "A[@r].\n", "references.bib": bib})
    with pytest.raises(ReportError, match=r"references.bib:3: entry 'r', field 'title': a comma is missing"):
        load_model(Project.at(root))


def test_a_commentary_entry_is_not_taken_for_a_comment():
    """bibtexparser reads `@commentary{` as an `@comment` block: the entry was dropped without a word."""
    problems = Problems()
    bib = read_bibliography("@comment{not an entry}\n\n@commentary{c,\n  title = {T},\n}\n", "references.bib", problems)
    assert problems.items == []
    found = [(e.key, e.type, e.source.line, e.lines["title"]) for e in bib.entries.values()]
    assert found == [("c", "commentary", 3, 4)]


def test_a_string_defined_twice_is_named_as_a_string():
    assert problems_of("@string{a = {x}}\n@string{a = {y}}\n") == ["references.bib:2: @string 'a' is defined twice"]


def test_reading_a_bibliography_leaves_bibtexparser_logging_as_it_was():
    import logging

    from reportgen.errors import Problems
    from reportgen.load.bibliography import read_bibliography

    logger = logging.getLogger("bibtexparser")
    logger.setLevel(logging.INFO)
    read_bibliography("@book{a, title = {T}, year = {2020}}\n@broken{", "references.bib", Problems())
    assert logger.level == logging.INFO


def test_set_members_and_crossref_parents_count_as_cited(project):
    from reportgen.pipeline import Session

    bib = r"""
    @collection{book, editor = {Roe, Richard}, title = {Essays}, date = {2012}}
    @incollection{chapter, author = {Doe, Jane}, title = {Torture}, crossref = {book}}
    @set{both, entryset = {a1,a2}}
    @article{a1, author = {Doe, Jane}, title = {One}, journal = {J}, date = {2001}}
    @article{a2, author = {Doe, Jane}, title = {Two}, journal = {J}, date = {2002}}
    @book{alone, title = {Never cited}, date = {2000}}
    """
    root = project({"sections/01.md": "A[@chapter]. B[@both].\n", "references.bib": bib})
    with Session(root) as session:
        findings = session.check_project()
    found = [f for f in findings.findings if f.rule in ("BIB-2", "BIB-4")]
    assert [(f.rule, f.message) for f in found] == [("BIB-2", "entry 'alone' is never cited")]
