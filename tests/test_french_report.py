"""A French coalition's report written as Pandoc and Quarto users write (tests/fixtures/french-report):
what it once printed wrong, now right in the PDF and the DOCX."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.errors import Problems
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model

from .docx_inspect import NS, Docx, w

FRENCH = Path(__file__).parent / "fixtures" / "french-report"
NB, NNB = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("french") / "report"
    shutil.copytree(FRENCH, root)
    pdf, html, docx = build(root, ("pdf", "html", "docx"), root / "build").files
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return root, " ".join(text.split()), Docx(docx.read_bytes()), html.read_text(encoding="utf-8")


def test_cross_references_and_in_text_citations_are_printed(built):
    _, pdf, docx, html = built
    assert "Comme l’indique la section 2.1, la gratuité" in pdf
    assert "Comme le note Koné,1 des frais" in pdf and "Le paragraphe 2 montre" in pdf and "Le tableau 1 montre" in pdf
    assert "La recommandation 1 (section 3.1) et la recommandation 1 (section 3.2)" in pdf
    assert "@" not in pdf.replace("contact@cosed.example.org", "")
    words = "".join(t.text for t in docx.document.iter(w("t")))
    assert "@sec" not in words and "@kone" not in words
    fields = [t.text.strip() for t in docx.document.iter(w("instrText"))]
    assert sum(f.startswith("REF ") for f in fields) == 10


def test_french_typography_everywhere(built):
    _, pdf, docx, html = built
    # the PDF's text as pdftotext reads it, its no-break spaces as spaces; the HTML has them as written
    assert "Organisations membres (2) : Association pour l’éducation des filles (APEF) ; Ligue" in pdf
    assert f"Organisations membres (2){NB}:</span>" in html and f"(APEF)</span>{NNB}; <span" in html
    assert f"Comme recommandé précédemment{NB}: 112.45." in html and f"«{NB}de participation{NB}»" in html
    assert f"Pourquoi cet écart{NNB}? La pauvreté{NNB}!" in html
    assert "L’école pour tous" in pdf and "Conseil des droits de l’homme" in pdf  # from the .bib
    raised = [r.findtext("w:t", namespaces=NS) for r in docx.document.iter(w("r"))
              if r.find("w:rPr/w:vertAlign", NS) is not None]
    assert raised.count("e") >= 4 and "re" in raised  # 45e session, 4e cycle …, 1re cause


def test_note_calls_follow_the_word_and_the_punctuation(built):
    _, pdf, _, html = built
    assert f'familles{NB}:<span class="fn"' in html  # typed `familles [@unesco2021] :`
    assert "lors du 3e cycle.3" in pdf and "des filles.4" in pdf


def test_one_title_per_chapter_and_the_annex_labelled(built):
    root, pdf, _, _ = built
    problems = Problems()
    document = load_model(Project.at(root), problems)
    assert [str(p) for p in problems.warnings] == [
        "sections/01-resume.md:2: warning: 'Résumé' is both the front matter title and the level-1 heading on line 5: "
        "printed once (remove one of them)"]
    assert pdf.count("Résumé") == 1 and "Annexe I Récapitulatif des recommandations" in pdf
    assert [s.blocks[0].label for s in document.sections if s.annex] == ["Annexe I"]
