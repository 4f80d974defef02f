"""A library as coalitions keep it in Zotero, exported twice: through Better BibTeX's Better BibLaTeX
(`langid`, `file`, `keywords`, `{{...}}` case protection, `\\textsuperscript`, its quality-report
comments) and as Better CSL JSON (dates as strings in date-parts, literal authors, `<sup>`). UN
documents, treaty bodies' documents, national laws in their gazettes, NGO reports, news articles and
web pages, in English, French and Spanish (tests/fixtures/zotero/), cited in one section."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from reportgen import model as m
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.transforms import csl

from .conftest import write_project

FIXTURES = Path(__file__).parent / "fixtures" / "zotero"
CHICAGO = Path(__file__).parent / "fixtures" / "csl" / "chicago-notes-bibliography-17th-edition.csl"
EXPORTS = ("better-biblatex.bib", "better-csl.json")


def notes(root: Path, export: str, style: str = "", language: str = "en") -> list[str]:
    config = f"title: T\nlanguage: {language}\nbibliography: {export}\n" + ("csl: style.csl\n" if style else "")
    files = {"report/report.yaml": config, "sections/01.md": (FIXTURES / "section.md").read_text(),
             export: (FIXTURES / export).read_text()}
    if style:
        files["style.csl"] = CHICAGO.read_text()
    return [m.plain_text(note.blocks) for note in load_model(Project.at(write_project(root, files))).notes]


@pytest.mark.parametrize("style", ["", "chicago"], ids=["UN style", "Chicago"])
def test_both_exports_give_the_same_notes(tmp_path, style):
    bib, json = (notes(tmp_path / export, export, style) for export in EXPORTS)
    assert len(bib) == 21 and bib == json


@pytest.mark.parametrize("export", EXPORTS)
def test_laws_keep_their_gazette_and_number(tmp_path, export):
    """A Zotero statute's code (BibLaTeX `journaltitle`, CSL `container-title`) and its number were dropped."""
    found = notes(tmp_path, export)
    assert found[6] == ("Undang-Undang Republik Indonesia Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang "
                        "Nomor 23 Tahun 2002 tentang Perlindungan Anak, Lembaran Negara Republik Indonesia, No. 297 "
                        "(17 October 2014), art. 76.")
    assert found[8] == ("Ley General de los Derechos de Niñas, Niños y Adolescentes, Diario Oficial de la Federación "
                        "(4 December 2014), art. 47. Available at https://www.diputados.gob.mx/LeyesBiblio/pdf/LGDNNA.pdf.")
    assert found[17:19] == ["A/HRC/36/7, para. 140.", "Ibid."]


def test_a_note_field_ending_a_sentence_gets_no_second_full_stop(tmp_path):
    bib = "@report{r, author = {{UNICEF}}, title = {Report}, date = {2019}, note = {Figures for 2018.},\n" \
          "  url = {https://www.unicef.org/r}}\n"
    root = write_project(tmp_path, {"sections/01.md": "A[@r].\n", "references.bib": bib})
    assert [m.plain_text(n.blocks) for n in load_model(Project.at(root)).notes] == [
        "UNICEF, Report (2019). Figures for 2018. Available at https://www.unicef.org/r."]


def test_chicago_notes_are_pandocs_and_keep_french_and_spanish_titles_as_written(tmp_path):
    """`langid` tells the CSL processor a title is not English, so Chicago's title case leaves it alone
    ("Rapport du Groupe de travail sur l'Examen périodique universel", not "Rapport Du Groupe De Travail
    Sur…"), as in Pandoc."""
    ours = notes(tmp_path, EXPORTS[0], "chicago")
    done = subprocess.run([csl.pandoc_path(), str(FIXTURES / "section.md"), "--citeproc", "--csl", str(CHICAGO),
                           "--bibliography", str(FIXTURES / EXPORTS[0]), "-t", "plain", "--wrap=none",
                           "-M", "suppress-bibliography=true"], capture_output=True, text=True, check=True).stdout
    theirs = re.split(r"\n\n(?=\[\d+\] )", done[re.search(r"^\[1\] ", done, re.M).start():].strip())
    theirs = [re.sub(r"^\[\d+\] ", "", note).replace("n^(o)", "no").replace("'", "’") for note in theirs]
    different = [i + 1 for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b]
    # Pandoc does not know langid "indonesian", so it title-cases the Indonesian law's title ("Tentang").
    assert different == [7]
    assert ours[1].startswith("Conseil des droits de l’homme, Rapport du Groupe de travail sur l’Examen périodique")
    assert ours[5].startswith("Comité de los Derechos del Niño, Observaciones finales sobre los informes periódicos")
