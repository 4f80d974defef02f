"""Language-aware typography: raised and lowered text in every output, quotes, French spacing, ordinals."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reportgen import model as m
from reportgen.errors import Source
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.html import HtmlRenderer
from reportgen.transforms.typography import typesetter

from .docx_inspect import NS, Docx, w


def _with_first_paragraph(document: m.Document, inlines: tuple[m.Node, ...]) -> m.Document:
    section = document.sections[0]
    blocks = tuple(replace(b, inlines=inlines) if isinstance(b, m.Paragraph) else b for b in section.blocks)
    return replace(document, sections=(replace(section, blocks=blocks),) + document.sections[1:])


def test_superscript_and_subscript_are_real_formatting_in_html_and_docx(project):
    root = project({"sections/01.md": "Placeholder.\n"})
    inlines = (m.Text("la 51"), m.Superscript((m.Text("e"),)), m.Text(" session, H"), m.Subscript((m.Text("2"),)),
               m.Text("O"))
    document = _with_first_paragraph(load_model(Project.at(root)), inlines)
    assert "la 51<sup>e</sup> session, H<sub>2</sub>O" in HtmlRenderer(document).render()
    body = Docx(render_docx(document, None, root)).document
    runs = [(r.findtext("w:t", namespaces=NS), r.find("w:rPr/w:vertAlign", NS).get(w("val"))
             if r.find("w:rPr/w:vertAlign", NS) is not None else "") for r in body.iter(w("r"))]
    assert ("e", "superscript") in runs and ("2", "subscript") in runs and ("la 51", "") in runs
    assert m.plain_text(document.sections[0].blocks[0]) == "la 51e session, H2O"


# The typesetter, line by line -----------------------------------------------------------------------

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize("language, written, printed", [
    ("en", "The child's \"right\" and students' 'own' words", "The child’s “right” and students’ ‘own’ words"),
    ("en", "An unmatched \" stays", "An unmatched \" stays"),
    ("fr", "Comme l'indique la \"section\": voir! Pourquoi? Oui; non.",
     f"Comme l’indique la «{NB}section{NB}»{NB}: voir{NNB}! Pourquoi{NNB}? Oui{NNB}; non."),
    ("fr", "Présentée par: la coalition", f"Présentée par{NB}: la coalition"),
    ("fr", "« déjà » et «bien» et l’« accord »", f"«{NB}déjà{NB}» et «{NB}bien{NB}» et l’«{NB}accord{NB}»"),
    ("fr", f"Déjà typographié{NB}: rien{NNB}! à changer", f"Déjà typographié{NB}: rien{NNB}! à changer"),
    ("fr", "À 10:30, voir http://example.org/?q=1 ou A/HRC/19:8?!", f"À 10:30, voir http://example.org/?q=1 ou "
                                                                   f"A/HRC/19:8{NNB}?!"),
    ("es", "\"Hola\", la 13ª sesión y el 1º ciclo", "«Hola», la 13.ª sesión y el 1.º ciclo"),
    ("es", "Más de 17 000 niños, 1 250 000 pesos, el 6 % del PIB; en 2019 123 casos, 3,5 000",
     f"Más de 17{NB}000 niños, 1{NB}250{NB}000 pesos, el 6{NB}% del PIB; en 2019 123 casos, 3,5 000"),
    ("fr", "15 000 francs CFA, 38 %", f"15{NB}000 francs CFA, 38{NB}%"),
    ("ru", "Более 17 000 детей", f"Более 17{NB}000 детей"),
    ("en", "17 000 children, 6 %", "17 000 children, 6 %"),
])
def test_lines_are_typeset_as_the_language_writes(language, written, printed):
    assert typesetter(language).text(written) == printed


def test_french_ordinals_and_numero_are_raised():
    inlines = typesetter("fr").run((m.Text("la 51e session, le 1er et la 1re, le XXIe siècle, n° 5; Vers le Ve"),))
    assert inlines == (
        m.Text("la 51"), m.Superscript((m.Text("e"),)), m.Text(" session, le 1"), m.Superscript((m.Text("er"),)),
        m.Text(" et la 1"), m.Superscript((m.Text("re"),)), m.Text(" le XXI".replace(" le", ", le")),
        m.Superscript((m.Text("e"),)), m.Text(" siècle, n"), m.Superscript((m.Text("o"),)),
        m.Text(f"{NB}5{NNB}; Vers le V"), m.Superscript((m.Text("e"),)))


def test_spanish_abbreviated_ordinals_take_their_full_stop_and_raised_letters():
    inlines = typesetter("es").run((m.Text("el 3.er ciclo, el 3er informe, los 1.os, MP3er"),))
    assert inlines == (
        m.Text("el 3."), m.Superscript((m.Text("er"),)), m.Text(" ciclo, el 3."), m.Superscript((m.Text("er"),)),
        m.Text(" informe, los 1."), m.Superscript((m.Text("os"),)), m.Text(", MP3er"))


def test_quotes_pair_across_emphasis_and_leave_code_addresses_and_escapes_alone():
    setter = typesetter("fr")
    inlines = (m.Text('Le "'), m.Emph((m.Text("titre"),)), m.Text('" et '), m.Code('"code"'), m.Text(" "),
               m.Link("https://x.org/a:b", (m.Text("https://x.org/a:b"),), Source("s.md", 1)), m.Text(" "),
               m.Verbatim('"'), m.Text("tel quel"), m.Verbatim('"'))
    assert setter.run(inlines) == (
        m.Text(f"Le «{NB}"), m.Emph((m.Text("titre"),)), m.Text(f"{NB}» et "), m.Code('"code"'), m.Text(" "),
        inlines[5], m.Text(" "), m.Verbatim('"'), m.Text("tel quel"), m.Verbatim('"'))


def test_spanish_quotes_as_configured():
    assert typesetter("es", "“”‘’").text('"Hola"') == "“Hola”"
    assert typesetter("de") is None  # no typography for this language: text left as typed


# Everything printed ----------------------------------------------------------------------------

FRENCH = """\
title: "L'éducation des enfants"
language: fr
state: France
session: 51
cycle: 4
submission: joint
coalition: {name: Coalition pour l'éducation, acronym: CPE}
organisations:
  - {name: "Association d'aide", acronym: AA}
  - {name: Ligue, acronym: LG}
recommendations: {summary: theme}
"""

FRENCH_BIB = """\
@report{kone2023,
  author = {Koné, Awa},
  title = {L'école pour tous: un bilan},
  year = {2023},
}
"""


def test_a_french_report_is_typeset_everywhere(project):
    root = project({"report/report.yaml": FRENCH, "references.bib": FRENCH_BIB, "sections/01.md": """\
        # Le droit à l'éducation

        Comme le note @kone2023, l'accès est "limité" [@kone2023, p. 3].

        ::: recommendations
        - Garantir l'accès. {previous="112.45"}
        :::
        """})
    document = load_model(Project.at(root))
    cover = document.cover
    assert m.plain_text(cover.title) == "L’éducation des enfants"
    assert m.plain_text(cover.label_submitters) == f"Organisations membres (2){NB}:"
    assert cover.review == (m.Text("France – 51"), m.Superscript((m.Text("e"),)),
                            m.Text(" session du Groupe de travail de l’EPU, 4"), m.Superscript((m.Text("e"),)),
                            m.Text(" cycle"))
    body = document.sections[0]
    assert m.plain_text(body.blocks[0]) == "Le droit à l’éducation"
    assert m.plain_text(body.blocks[1]) == f"Comme le note Koné, l’accès est «{NB}limité{NB}»."
    assert [m.plain_text(n.blocks) for n in document.notes] == [
        f"L’école pour tous{NB}: un bilan (2023).", "Ibid., p. 3."]  # the author is in the text
    recommendation = next(n for n in m.walk(body) if isinstance(n, m.Recommendation))
    assert m.plain_text(recommendation.blocks).endswith(f"Comme recommandé précédemment{NB}: 112.45.")
    html = HtmlRenderer(document).render()
    assert f'<span class="label">Organisations membres (2){NB}:</span>' in html
    assert "51<sup>e</sup> session" in html and "Annexe I" in html
    body = Docx(render_docx(document, None, root)).document
    runs = list(body.iter(w("r")))
    raised = [r.findtext("w:t", namespaces=NS) for r in runs if r.find("w:rPr/w:vertAlign", NS) is not None
              and r.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"]
    assert raised[:2] == ["e", "e"]  # 51e session, 4e cycle on the cover
    calls = [i for i, r in enumerate(runs) if r.find("w:footnoteReference", NS) is not None]
    before = ["".join(t.text for t in runs[i - 1].iter(w("t"))) for i in calls]
    assert before and all(text and not text[-1].isspace() for text in before)  # no space before a call


def test_typography_can_be_switched_off(project):
    root = project({"report/report.yaml": FRENCH + "typography: {enabled: false}\n", "references.bib": FRENCH_BIB,
                    "sections/01.md": "Texte: voir.\n"})
    document = load_model(Project.at(root))
    assert m.plain_text(document.cover.title) == "L'éducation des enfants"
    assert m.plain_text(document.sections[0].blocks[0]) == "Texte: voir."


# Note calls ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, calls_after, printed", [
    ("l'éducation [@smith2020].", True, "l’éducation.[1]"),
    ("l'éducation [@smith2020].", False, "l’éducation[1]."),
    ("text [@smith2020] [@ohchr2020], more", True, "text,[1][2] more"),
    ("text^[A note.] ; more", True, "text ;[1] more"),
    ("text [@smith2020])", True, "text[1])"),
])
def test_note_calls_are_placed_as_typesetters_place_them(project, written, calls_after, printed):
    setting = f"typography: {{notes_after_punctuation: {str(calls_after).lower()}}}"
    root = project({"sections/01.md": written + "\n", "report/report.yaml": f"title: T\n{setting}\n"})
    paragraph = load_model(Project.at(root)).sections[0].blocks[0]
    shown = "".join(f"[{n.number}]" if isinstance(n, m.Note) else m.plain_text(n) for n in paragraph.inlines)
    assert shown == printed


def test_a_passage_in_another_language_keeps_its_own_typography():
    span = m.Span((m.Text('"Quoted": fine'),), m.Attributes(pairs=(("lang", "en"),)))
    inlines = typesetter("fr").run((m.Text('Il dit "oui" : '), span, m.Text(".")))
    assert inlines == (m.Text(f"Il dit «{NB}oui{NB}»{NB}: "),
                       m.Span((m.Text("“Quoted”: fine"),), span.attributes), m.Text("."))


def test_the_readmes_french_example_prints_what_the_readme_says(project):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```markdown\n---\nlang: fr")
    example = readme[start + len("```markdown\n"):readme.index("```\n", start + 12)]
    bib = (Path(__file__).parent / "fixtures/french-report/references.bib").read_text(encoding="utf-8")
    root = project({"sections/01.md": example, "references.bib": bib.replace("hrc2019", "ohchr2020"),
                    "report/report.yaml": "title: T\nlanguage: fr\n"})
    paragraphs = [b for b in load_model(Project.at(root)).sections[0].blocks if isinstance(b, m.Paragraph)]
    assert m.plain_text(paragraphs[0]) == (f"Comme le note Koné, l’école «{NB}pour tous{NB}» reste un objectif{NNB}; "
                                           "la 51e session l’a rappelé. Voir la section 1.1 et le paragraphe 2.")
    assert paragraphs[1].number == 2 and m.plain_text(paragraphs[1]).startswith(f"Les frais de scolarité no{NB}3")


def test_configured_quotes_are_used_in_the_text_and_in_what_reportgen_writes(project):
    bib = '@book{b, title = {El "derecho" a la educación}, year = {2020}}'
    root = project({"report/report.yaml": 'title: \'El "derecho"\'\nlanguage: es\ntypography: {quotes: "“”‘’"}\n',
                    "references.bib": bib, "sections/01.md": 'El "derecho"[@b].\n'})
    document = load_model(Project.at(root))
    assert m.plain_text(document.cover.title) == "El “derecho”"
    assert m.plain_text(document.sections[0].blocks[0]) == "El “derecho”."
    assert "“derecho”" in m.plain_text(document.notes[0].blocks)


def test_divs_in_another_language_and_definition_terms_are_typeset_too(project):
    root = project({"report/report.yaml": "title: T\nlanguage: fr\n", "sections/01.md": """\
        Terme "défini"
        :   Sa définition: ici.

        ::: {lang=en}
        An "English" passage: as typed.
        :::
        """})
    blocks = load_model(Project.at(root)).sections[0].blocks
    assert m.plain_text(blocks[0].items[0].inlines) == f"Terme «{NB}défini{NB}»"
    assert m.plain_text(blocks[0].items[0].items[0]) == f"Sa définition{NB}: ici."
    assert m.plain_text(blocks[1]) == "An “English” passage: as typed."  # its own quotes, no French space
