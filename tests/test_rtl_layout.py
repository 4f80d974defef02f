"""Right to left everywhere in an Arabic report: a draft's line numbers in the right margin of the PDF and
on the side of the DOCX's right-to-left sections."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARGIN = 2.5 / 2.54 * 72  # the reference document's 2.5 cm, in points


def _words(pdf: Path, page: int) -> tuple[float, list[tuple[float, float, float, str]]]:
    """The page's width and its words as (xMin, xMax, yMax, text), in points."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', xml)[1])
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml)
    return width, [(float(a), float(b), float(c), text) for a, b, c, text in words]


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ar-draft")
    result = CliRunner().invoke(main, ["build", "--project", str(FIXTURES / "ar"), "--output", str(folder),
                                       "--format", "pdf,docx", "--draft"])
    assert result.exit_code == 0, result.output
    return next(folder.glob("*.pdf")), next(folder.glob("*.docx"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads the PDF back")
def test_a_draft_numbers_the_lines_of_an_arabic_pdf_in_the_right_margin(draft):
    width, words = _words(draft[0], 1)
    right, left = [w for w in words if w[0] > width - MARGIN + 2], [w for w in words if w[1] < MARGIN - 2]
    numbers = [int(text) for *_, text in sorted(right, key=lambda w: w[2]) if text.isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 20, numbers
    assert not [text for *_, text in left if text.isdigit()]  # none in the left margin


def test_a_draft_docx_numbers_lines_in_right_to_left_sections(draft):
    """Word draws the line numbers of a right-to-left section (`w:bidi`) in its right margin."""
    with zipfile.ZipFile(draft[1]) as archive:
        document = archive.read("word/document.xml").decode()
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", document, re.S)
    assert sections and all("<w:lnNumType" in s and "<w:bidi/>" in s for s in sections)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads the PDF back")
def test_the_covers_letter_spacing_leaves_arabic_letters_joined(draft):
    """The kind of submission is spaced out on the cover; Arabic letters spaced apart no longer join (and
    pdftotext reads `الاستعراض` as `ا ل استعراض`), so an Arabic report's cover does not space them."""
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(draft[0]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ورقة مشتركة مقدمة في إطار الاستعراض الدوري الشامل" in re.sub("[\u200e\u200f\u202a-\u202e]", "", text)
    with zipfile.ZipFile(draft[1]) as archive:
        document = archive.read("word/document.xml").decode()
    kind = re.search(r'<w:p><w:pPr><w:pStyle w:val="CoverKind"/>.*?</w:p>', document, re.S)[0]
    runs = re.findall(r"<w:r>.*?</w:r>", kind, re.S)
    assert runs and all('<w:spacing w:val="0"/>' in run for run in runs if "<w:rtl/>" in run)


def test_chinese_docx_names_simsun_as_word_does(tmp_path):
    """Word's font table gives SimSun its Chinese name (宋体) and charset (86, GB 2312): Chinese Word lists the
    font by it; the theme's East Asian font is SimSun too (Design > Fonts)."""
    result = CliRunner().invoke(main, ["build", "--project", str(FIXTURES / "zh"), "--output", str(tmp_path),
                                       "--format", "docx"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(next(tmp_path.glob("*.docx"))) as archive:
        fonts, theme = archive.read("word/fontTable.xml").decode(), archive.read("word/theme/theme1.xml").decode()
    simsun = re.search(r'<w:font w:name="SimSun">.*?</w:font>', fonts, re.S)[0]
    assert '<w:altName w:val="宋体"/>' in simsun and '<w:charset w:val="86"/>' in simsun
    assert '<w:panose1 w:val="02010600030101010101"/>' in simsun and "<w:sig " in simsun
    assert re.findall(r'<a:ea typeface="([^"]*)"/>', theme) == ["SimSun", "SimSun"]


@pytest.fixture(scope="module")
def eastern(tmp_path_factory):
    """The Arabic fixture with `digits: arabic-indic`, as PDF, DOCX and HTML."""
    root = shutil.copytree(FIXTURES / "ar", tmp_path_factory.mktemp("digits") / "ar",
                           ignore=shutil.ignore_patterns("build"))
    config = root / "report" / "report.yaml"
    config.write_text(config.read_text() + "digits: arabic-indic\n")
    folder = root / "out"
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--output", str(folder),
                                       "--format", "pdf,docx,html"])
    assert result.exit_code == 0, result.output
    return root, {path.suffix: path for path in folder.iterdir() if path.is_file()}


def test_arabic_indic_digits_in_the_arabic_text_and_the_numbers_reportgen_writes(eastern):
    root, files = eastern
    html = files[".html"].read_text()
    assert '<span class="para-num">١.</span>' in html and 'data-n="٢"' in html  # paragraph and note numbers
    assert "counter(page, arabic-indic)" in html
    assert "في عام ٢٠٠٩" in html and "٢١ تشرين الثاني/نوفمبر ٢٠١١" in html  # text and the cover's date
    assert "و٧٠,٠٠٠" in html  # a number written onto an Arabic word
    assert "A/HRC/8/23 (١٤ أيار/مايو ٢٠٠٨)" in html  # the symbol keeps its digits, the date after it not
    assert "ECPAT International" in html and "A4A2011_EAP" in html and "2009" not in html.split("<body")[1]
    with zipfile.ZipFile(files[".docx"]) as archive:
        numbering, document = archive.read("word/numbering.xml").decode(), archive.read("word/document.xml").decode()
        footers = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer"))
    assert '<w:numFmt w:val="hindiNumbers"/>' in numbering and '<w:numFmt w:val="decimal"/>' not in numbering
    assert '<w:footnotePr><w:numFmt w:val="hindiNumbers"/>' in document and "في عام ٢٠٠٩" in document
    assert "PAGE \\* HINDIARABIC" in footers and "NUMPAGES \\* HINDIARABIC" in footers


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads the PDF back")
def test_the_pdf_writes_arabic_indic_page_and_paragraph_numbers(eastern):
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(eastern[1][".pdf"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = re.sub("[\u200e\u200f\u202a-\u202e]", "", text)
    assert "٣/١" in text.replace(" ", "") and ".١" in text and "٢٠٠٩" in text and "A/HRC/8/23" in text


def test_western_digits_by_default_and_a_checked_setting(project):
    """UN Arabic documents write Western digits: the default. The checks read the text as written."""
    root = project({"report/report.yaml": "title: T\nlanguage: ar\ndigits: hindi\n", "sections/01.md": "نص.\n"})
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "html"])
    assert "report/report.yaml:3: 'digits' must be one of western, arabic-indic, not 'hindi'" in result.output


def test_the_checks_read_the_digits_as_written(eastern):
    """The time-bound recommendation (بحلول عام 2013) and the cited previous recommendation (104.3) are still
    recognised: only FM-5 (a language OHCHR accepts but does not prefer) is left, as without the setting."""
    result = CliRunner().invoke(main, ["check", "--project", str(eastern[0])])
    findings = [line for line in result.stdout.splitlines() if re.match(r"\S+:\d+: (error|warning)", line)]
    assert [line.split()[2] for line in findings] == ["FM-5"], result.stdout
