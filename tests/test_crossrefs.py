"""Cross-references in Quarto's syntax: printed from the model's numbers in the report's language, a
link in HTML and PDF, a REF field in the DOCX; every mistake located."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.errors import Problems, ReportError
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import bookmark_name, number_bookmark, render_docx
from reportgen.renderers.html import HtmlRenderer

from .docx_inspect import NS, Docx, w

SECTION = """\
    # Context {#sec-context}

    []{#para-law} The law of 2009 is the basis of what follows.

    ## Law {#sec-law}

    As @sec-context shows, and [@sec-context; @sec-law] confirm, see [Chapter @sec-law], @Sec-law and
    [-@sec-law]. Paragraph @para-law says so; @tbl-cases counts; @rec-plan asks.

    | Year | Cases |
    |------|-------|
    | 2020 | 12    |

    : Cases reported {#tbl-cases}

    ::: recommendations
    - Adopt a plan. {#rec-plan}
    :::
    """


def load(project, files: dict[str, str], problems: Problems | None = None) -> m.Document:
    return load_model(Project.at(project(files)), problems)


def paragraph(document: m.Document, start: str) -> m.Paragraph:
    return next(n for s in document.sections for n in m.walk(s)
                if isinstance(n, m.Paragraph) and m.plain_text(n).startswith(start))


def test_references_print_the_targets_numbers_in_words(project):
    document = load(project, {"sections/01.md": SECTION})
    assert m.plain_text(paragraph(document, "As")) == (
        "As section I shows, and sections I and 1.1 confirm, see Chapter 1.1, Section 1.1 and 1.1. Paragraph "
        "1 says so; table 1 counts; recommendation 1 asks.")
    refs = [n for n in m.walk(paragraph(document, "As")) if isinstance(n, m.Ref)]
    assert [(r.target, r.number, r.kind) for r in refs][:3] == [
        ("sec-context", "I", "heading"), ("sec-context", "I", "heading"), ("sec-law", "1.1", "heading")]


def test_french_words_and_short_paragraph_references(project):
    files = {"sections/01.md": SECTION.replace("Paragraph @para-law", "Le @para-law"),
             "report/report.yaml": "title: Rapport\nlanguage: fr\nnumbering: {paragraph_references: short}\n"}
    text = m.plain_text(paragraph(load(project, files), "As"))
    assert "sections I et 1.1" in text and "Section 1.1" in text and "Le par. 1" in text
    assert "tableau 1" in text and "recommandation 1" in text


def test_html_links_each_number_to_its_target(project):
    html = HtmlRenderer(load(project, {"sections/01.md": SECTION})).render()
    assert 'sections <a class="xref" href="#sec-context">I</a> and <a class="xref" href="#sec-law">1.1</a>' in html
    assert '<p id="para-law" class="numbered"' in html
    assert '<table id="tbl-cases"' in html and '<span class="table-label">Table 1</span>Cases reported' in html
    assert '<li id="rec-plan"' in html


def test_docx_references_are_ref_fields_showing_the_current_number(project):
    root = project({"sections/01.md": SECTION})
    docx = Docx(render_docx(load_model(Project.at(root)), None, root))
    fields, results = [], []
    for p in docx.document.iter(w("p")):
        runs = list(p.iter(w("r")))
        for i, run in enumerate(runs):
            instruction = run.findtext("w:instrText", namespaces=NS)
            if instruction:
                fields.append(instruction.strip())
                results.append(runs[i + 2].findtext("w:t", namespaces=NS))  # after the `separate` mark
    context, law = bookmark_name("sec-context"), bookmark_name("sec-law")
    assert fields[:3] == [f"REF {context} \\n \\h", f"REF {context} \\n \\h", f"REF {law} \\n \\h"]
    assert results[:3] == ["I", "I", "1.1"]
    assert f"REF {number_bookmark('tbl-cases')} \\h" in fields
    assert f"REF {bookmark_name('para-law')} \\n \\h" in fields
    bookmarks = {b.get(w("name")) for b in docx.document.iter(w("bookmarkStart"))}
    targets = {bookmark_name(i) for i in ("sec-context", "sec-law", "para-law", "rec-plan", "tbl-cases")}
    assert targets | {number_bookmark("tbl-cases")} <= bookmarks
    assert "@" not in "".join(t.text for t in docx.document.iter(w("t")))


def test_recommendations_numbered_per_block_are_told_apart(project):
    files = {"sections/01.md": """\
        # Laws

        ::: recommendations
        - Adopt a law. {#rec-law}
        :::

        # Courts

        ::: recommendations
        - Train judges. {#rec-judges}
        :::

        See @rec-law and @rec-judges.
        """, "report/report.yaml": "title: T\nrecommendations: {summary: theme}\n"}
    document = load(project, files)
    assert m.plain_text(paragraph(document, "See")) == (
        "See recommendation 1 (section I) and recommendation 1 (section II).")
    annex = document.sections[-1]
    table = next(n for n in m.walk(annex) if isinstance(n, m.Table))
    assert [m.plain_text(row[0]) for row in table.rows] == ["1 (I)", "1 (II)"]
    assert annex.blocks[0].label == "Annex I"


@pytest.mark.parametrize("text, message", [
    ("See @sec-contxt.", "sections/01.md:3: cross-reference '@sec-contxt' names nothing: no heading, paragraph, "
                         "recommendation, table or annex has the id 'sec-contxt' (did you mean '@sec-context'?)"),
    ("See [@sec-context; @smith2020].", "sections/01.md:3: citations and cross-references cannot share brackets: "
                                        "write [@key] and @sec-id apart"),
    ("See @para-loose.\n\n- []{#para-loose} An item.",
     "sections/01.md:3: cross-reference '@para-loose' names a paragraph without a number (an unnumbered "
     "paragraph, a table without a caption)"),
])
def test_mistakes_are_located_errors(project, text, message):
    with pytest.raises(ReportError) as caught:
        load(project, {"sections/01.md": f"# Context {{#sec-context}}\n\n{text}\n"})
    assert [str(p) for p in caught.value.problems] == [message]


def test_an_id_that_is_also_a_citation_key_is_an_error(project):
    with pytest.raises(ReportError) as caught:
        load(project, {"sections/01.md": "# Smith {#smith2020}\n\nText.\n"})
    assert [str(p) for p in caught.value.problems] == [
        "sections/01.md:1: 'smith2020' is both a citation key in references.bib and the id of a cross-reference "
        "target: rename one"]


def test_a_word_that_is_neither_key_nor_target_is_printed_with_a_warning(project):
    problems = Problems()
    document = load(project, {"sections/01.md": "Write to @UNICEF or info@example.org; cite @smith2021.\n"},
                    problems)
    assert m.plain_text(document.sections[0].blocks[0]) == (
        "Write to @UNICEF or info@example.org; cite @smith2021.")
    assert [str(p) for p in problems.warnings] == [
        "sections/01.md:1: warning: '@UNICEF' is neither a citation key nor a cross-reference target; printed as "
        "written (write \\@ for a plain @)",
        "sections/01.md:1: warning: '@smith2021' is neither a citation key nor a cross-reference target; printed "
        "as written (did you mean '@smith2020'?) (write \\@ for a plain @)"]


def test_annexes_are_labelled_and_referenced(project):
    files = {"sections/01.md": "# Body\n\nSee @annex-data and @annex-recommendations.\n\n"
                               "::: recommendations\n- Adopt a plan.\n:::\n",
             "sections/02.md": "---\ntitle: Data\nid: annex-data\nannex: true\n---\n\nThe data.\n",
             "report/report.yaml": "title: T\nlanguage: es\nrecommendations: {summary: theme}\n"}
    document = load(project, files)
    assert m.plain_text(paragraph(document, "See")) == "See anexo I and anexo II."
    assert [s.blocks[0].label for s in document.sections if s.annex] == ["Anexo I", "Anexo II"]
    assert not document.sections[1].blocks[0].number  # an annex is labelled, not numbered


def test_unnumbered_headings_keep_the_headings_under_them_unnumbered(project):
    document = load(project, {
        "sections/01.md": "# Executive summary {-}\n\n## Key findings\n\nText.\n\n# Context\n\n## Law\n\nText.\n",
        "sections/02.md": "---\ntitle: Methods\nnumbered: false\n---\n\n## Sources\n\nText.\n"})
    headings = [(m.plain_text(n.inlines), n.number) for s in document.sections for n in m.walk(s)
                if isinstance(n, m.Heading)]
    assert headings == [("Executive summary", ""), ("Key findings", ""), ("Context", "I."), ("Law", "1.1"),
                        ("Methods", ""), ("Sources", "")]


def test_an_in_text_citation_carries_its_locator(project):
    document = load(project, {"sections/01.md": "As @smith2020 [p. 33] shows.\n"})
    assert m.plain_text(document.sections[0].blocks[0]) == "As Smith and Müller shows."
    assert m.plain_text(document.notes[0].blocks).endswith(", p. 33.")
