"""The six UN languages: the words reportgen writes in each, Word's word count for Chinese, the wording
checks, and the Arabic, Chinese and Russian fixture reports built to PDF and DOCX (the DOCX's language
slots and right-to-left layout, the PDF's text in reading order, LibreOffice's layout of the Arabic DOCX)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from reportgen.cli import main
from reportgen.i18n import _NOTE_WORDS, LABELS, LANGUAGES, annex_number, format_date, ordinal_phrase
from reportgen.model import label_number
from reportgen.numberformat import NumberFormat
from reportgen.numberwords import arabic_ordinal, chinese
from reportgen.scripts import count_words, direction_runs

from .libreoffice import convert
from .ooxml_schema import assert_valid_docx

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufeff]")  # LibreOffice's PDF maps glyphs to presentation forms


def test_every_language_has_every_word():
    for table in (LABELS, _NOTE_WORDS):
        assert set(table) == set(LANGUAGES)
        for code, words in table.items():
            assert set(words) - {"months_of"} == set(table["en"]), code  # Russian months after a day
            for key, value in words.items():
                if isinstance(value, str):
                    assert re.findall(r"{\w+}", value) == re.findall(r"{\w+}", table["en"][key]), (code, key)


@pytest.mark.parametrize("code, session, cycle, edition, date", [
    ("en", "13th session of the UPR Working Group", "1st cycle", "2nd ed.", "1 March 2011"),
    ("fr", "13e session du Groupe de travail de l'EPU", "1er cycle", "2e éd.", "1er mars 2011"),
    ("es", "13.º período de sesiones del Grupo de Trabajo del EPU", "1.º ciclo", "2.ª ed.", "1 de marzo de 2011"),
    ("ar", "الدورة الثالثة عشرة للفريق العامل المعني بالاستعراض الدوري الشامل", "الجولة الأولى", "الطبعة الثانية",
     "1 آذار/مارس 2011"),
    ("ru", "13-я сессия Рабочей группы по УПО", "1-й цикл", "2-е изд.", "1 марта 2011 года"),
    ("zh", "普遍定期审议工作组第十三届会议", "第一轮", "第二版", "2011年3月1日"),
])
def test_sessions_cycles_editions_and_dates(code, session, cycle, edition, date):
    assert ordinal_phrase(13, "session", code) == session
    assert ordinal_phrase(1, "cycle", code) == cycle
    assert ordinal_phrase(2, "edition", code) == edition
    assert format_date("2011-03-01", code) == date
    assert format_date("2011-03", "ru") == "март 2011 года" and format_date("2011-03", "zh") == "2011年3月"


def test_number_words():
    assert [chinese(n) for n in (1, 10, 13, 20, 54, 105, 110, 1005, 1050)] == [
        "一", "十", "十三", "二十", "五十四", "一百零五", "一百一十", "一千零五", "一千零五十"]
    assert [arabic_ordinal(n) for n in (1, 10, 11, 12, 13, 20, 21, 54)] == [
        "الأولى", "العاشرة", "الحادية عشرة", "الثانية عشرة", "الثالثة عشرة", "العشرون", "الحادية والعشرون",
        "الرابعة والخمسون"]


def test_annexes_are_numbered_as_the_un_numbers_them():
    """Annex I, Приложение II; المرفق الأول (a masculine ordinal: المرفق is masculine); 附件一."""
    assert [annex_number(n, "ar") for n in (1, 2, 10, 11, 12, 21)] == [
        "الأول", "الثاني", "العاشر", "الحادي عشر", "الثاني عشر", "الحادي والعشرون"]
    assert [annex_number(n, "zh") for n in (1, 2, 11)] == ["一", "二", "十一"]
    assert [annex_number(n, code) for n in (1, 4) for code in ("en", "ru")] == ["I", "I", "IV", "IV"]
    assert [label_number(label) for label in ("Annex II", "表3", "附件十二", "المرفق الحادي عشر")] == [
        "II", "3", "十二", "الحادي عشر"]


def test_an_arabic_cross_reference_names_the_annex_as_its_label_does(tmp_path):
    root = shutil.copytree(FIXTURES / "ar", tmp_path / "ar")
    summary = root / "sections" / "01-summary.md"
    summary.write_text(summary.read_text() + "\nانظر @annex-recommendations.\n")
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "html,docx"])
    assert result.exit_code == 0, result.output
    html = next((root / "build").glob("*.html")).read_text()
    assert 'انظر المرفق <a class="xref" href="#annex-recommendations">الأول</a>.' in html
    assert '<span class="annex-label">المرفق الأول</span>' in html
    document = _text(_xml(next((root / "build").glob("*.docx")), "word/document.xml"))
    assert "انظر المرفق الأول." in document and "المرفق I" not in document  # the field shows the number


def test_chinese_words_are_counted_as_word_counts_them():
    assert count_words("人权理事会") == 5
    assert count_words("2011年") == 2
    assert count_words("我们在2011年提交了 A/HRC/19/8 报告。") == 12  # 10 characters, 2011, the symbol
    assert count_words("child-rights and/or A/HRC/19/8") == 3


def test_mixed_directions_are_cut_at_the_letters():
    assert direction_runs("قال A/HRC/19/8 أن عام 2011 ECPAT هي", True) == [
        ("قال ", True), ("A/HRC/19/8", False), (" أن عام 2011 ", True), ("ECPAT", False), (" هي", True)]
    assert direction_runs("The name مؤيدة is Arabic.", False) == [
        ("The name ", False), ("مؤيدة", True), (" is Arabic.", False)]
    assert direction_runs("2011.", True) == [("2011.", True)]


def _check(root: Path) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--project", str(root)])
    assert "Traceback" not in result.output
    return [line for line in result.stdout.splitlines() if not line.startswith(("words:", "  ", "check:"))]


@pytest.mark.parametrize("code", ["ar", "zh", "ru"])
def test_the_wording_checks_read_each_language(code, tmp_path):
    """Each fixture's summary heading, its recommendation verbs and the position and symbol of the
    previous recommendation it cites are recognised: only FM-5 (a language OHCHR accepts but does not
    prefer) is left. A weak recommendation is found in each language."""
    root = shutil.copytree(FIXTURES / code, tmp_path / code)
    assert _check(root) == [f"report/report.yaml:8: warning FM-5 language '{code}' ({LANGUAGES[code].name}) is "
                            "accepted, but OHCHR prefers English, French or Spanish"]
    weak = {"ar": "مواصلة الجهود", "zh": "继续努力", "ru": "Продолжать усилия"}[code]
    findings = root / "sections" / "02-findings.md"
    findings.write_text(findings.read_text().replace(":::\n", f"- {weak} в 2013 году.\n:::\n", 1).replace(
        "в 2013 году", {"ar": "في عام 2013", "zh": "在2013年", "ru": "в 2013 году"}[code]))
    assert any(f"RC-2 recommendation 3 is weak ('{weak[:2]}" in line for line in _check(root))


def test_a_language_outside_the_six_is_an_error(tmp_path):
    root = shutil.copytree(FIXTURES / "ru", tmp_path / "de")
    config = root / "report" / "report.yaml"
    config.write_text(config.read_text().replace("language: ru", "language: de"))
    assert "report/report.yaml:8: error FM-2 language 'de' is not a UN official language (en, fr, es, ar, ru, zh)" \
        in _check(root)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each fixture built to PDF and DOCX: {code: (pdf, docx)}."""
    out = {}
    for code in ("ar", "zh", "ru"):
        folder = tmp_path_factory.mktemp(code)
        result = CliRunner().invoke(main, ["build", "--project", str(FIXTURES / code), "--output", str(folder),
                                           "--format", "pdf,docx"])
        assert result.exit_code == 0, result.output
        assert "notdef" not in result.output  # every character had a glyph
        out[code] = (next(folder.glob("*.pdf")), next(folder.glob("*.docx")))
        assert_valid_docx(out[code][1].read_bytes())
    return out


def _xml(docx: Path, part: str):
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(part))


def _text(document) -> str:
    return "".join(t.text or "" for t in document.iter(f"{W}t"))


def _runs(document) -> list[tuple[str, bool]]:
    return [("".join(r.itertext()), r.find(f"{W}rPr/{W}rtl") is not None) for r in document.iter(f"{W}r")
            if "".join(t.text or "" for t in r.iter(f"{W}t"))]


def test_arabic_docx_is_right_to_left(built):
    docx = built["ar"][1]
    styles, document, notes = (_xml(docx, f"word/{p}.xml") for p in ("styles", "document", "footnotes"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}bidi") == "ar-SA" and lang.get(f"{W}val") == "en-GB"
    paragraphs = [p for root in (document, notes) for p in root.iter(f"{W}p")]
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    assert all(s.find(f"{W}bidi") is not None for s in document.iter(f"{W}sectPr"))
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in document.iter(f"{W}tbl"))
    runs = _runs(document)
    assert ("الاستغلال الجنسي التجاري للأطفال في إندونيسيا", True) in runs  # the title
    assert ("A/HRC/8/23", False) in runs  # a symbol inside Arabic text keeps its own left-to-right run
    headings = styles.find(f"{W}style[@{W}styleId='Heading1']/{W}rPr")
    assert headings.find(f"{W}bCs") is not None and headings.find(f"{W}szCs") is not None


def test_chinese_docx_uses_the_east_asian_slots(built):
    docx = built["zh"][1]
    styles, document = _xml(docx, "word/styles.xml"), _xml(docx, "word/document.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == "SimSun"
    chinese_runs = [r for r in document.iter(f"{W}r") if re.search("[\u4e00-\u9fff]", "".join(r.itertext()))]
    assert chinese_runs and all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}hint") == "eastAsia" for r in chinese_runs)
    assert document.find(f".//{W}bidi") is None


def test_russian_docx_is_in_the_latin_slot(built):
    styles = _xml(built["ru"][1], "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "ru-RU" and lang.get(f"{W}bidi") is None and lang.get(f"{W}eastAsia") is None


def _pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return BIDI_MARKS.sub("", text)


@pytest.mark.parametrize("code, lines", [
    ("ar", ["الاستغلال الجنسي التجاري للأطفال في إندونيسيا", "موجز تنفيذي", "الإطار القانوني"]),
    ("zh", ["印度尼西亚 – 普遍定期审议工作组第十三届会议，第二轮", "印度尼西亚儿童商业性剥削问题",
            "第一轮审议所提建议的落实情况（2008—2011年）", "2011年11月21日"]),
    ("ru", ["Индонезия – 13-я сессия Рабочей группы по УПО, 2-й цикл", "21 ноября 2011 года",
            "Коммерческая сексуальная эксплуатация детей в"]),
])
def test_pdf_text_reads_in_logical_order(built, code, lines):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read the PDF")
    text = _pdf_text(built[code][0]).splitlines()
    for line in lines:
        assert line in text


def test_an_address_in_arabic_text_reads_left_to_right_where_the_line_breaks(built):
    """The address in note 1 breaks after `http://`; isolated left to right (`dir="ltr"`), its end of
    line is not reordered into `//:http` as the Arabic line's own direction would."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read the PDF")
    text = _pdf_text(built["ar"][0])
    assert "http://" in text and "//:http" not in text


@pytest.mark.parametrize("code", ["ar", "zh", "ru"])
def test_the_title_is_centred_on_every_line(built, code):
    """The cover's title is a heading but hangs no number: each of its lines is centred on the page, the
    second of the Russian title and the single one of the Arabic title as well."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read the PDF")
    title = re.search(r"^title: (.*)$", (FIXTURES / code / "report" / "report.yaml").read_text(), re.M)[1]
    xml = BIDI_MARKS.sub("", subprocess.run(["pdftotext", "-bbox", "-l", "1", str(built[code][0]), "-"],
                                            capture_output=True, text=True, check=True).stdout)
    width = float(re.search(r'<page width="([\d.]+)"', xml)[1])
    lines: dict[str, list[tuple[float, float, str]]] = {}
    for x0, x1, y1, word in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">'
                                       r"([^<]*)<", xml):
        lines.setdefault(y1, []).append((float(x0), float(x1), word[::-1] if code == "ar" else word))  # as drawn
    title_lines = [ws for ws in lines.values() if all(w in title.split() + [title] for *_, w in ws)]
    assert sorted(w for ws in title_lines for *_, w in ws) == sorted(title.split())
    for ws in title_lines:
        centre = (min(x0 for x0, *_ in ws) + max(x1 for _, x1, _ in ws)) / 2
        assert abs(centre - width / 2) < 1.5, (code, ws)


def test_chinese_lines_are_justified_between_their_characters(tmp_path):
    """Each line of a Chinese paragraph but its last ends at the right margin: the width it lacks is
    shared between its characters and spaces (WeasyPrint alone stretches spaces only, leaving a line
    with none short by up to a character, and putting it all in the one space of `ECPAT International`)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read the PDF")
    root = shutil.copytree(FIXTURES / "zh", tmp_path / "zh")
    sentence = "该联盟由21个非政府组织组成，是ECPAT International在印度尼西亚的成员，致力于终止对儿童的性剥削。"
    (root / "sections" / "01-summary.md").write_text(f"# 内容提要 {{.unnumbered}}\n\n{sentence * 6}\n")
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    xml = subprocess.run(["pdftotext", "-bbox", "-l", "1", str(next((root / "build").glob("*.pdf"))), "-"],
                         capture_output=True, text=True, check=True).stdout
    right = float(re.search(r'<page width="([\d.]+)"', xml)[1]) - 2.5 / 2.54 * 72
    summary = xml[xml.index(">内容提要<"):xml.index(">I.<")]  # up to the next heading
    ends: list[list[float]] = []  # [bottom, right end] of each line
    for x1, y1 in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">', summary):
        if ends and abs(float(y1) - ends[-1][0]) < 5:  # a line's Latin and Chinese words differ in height
            ends[-1][1] = max(ends[-1][1], float(x1))
        else:
            ends.append([float(y1), float(x1)])
    ends = [end for _, end in ends]
    assert len(ends) >= 6 and all(abs(end - right) < 0.5 for end in ends[:-1]), (right, str(ends))


@pytest.mark.parametrize("code, label", [("ar", "المرفق الأول"), ("zh", "附件一"), ("ru", "Приложение I")])
def test_the_annex_is_labelled_in_the_reports_language(built, code, label):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read the PDF")
    assert label in _pdf_text(built[code][0]).splitlines()
    assert label in _text(_xml(built[code][1], "word/document.xml"))


def test_chinese_is_not_set_in_italics(built):
    """The subtitle and running head, italic in the other languages, stand upright in a Chinese report:
    in the PDF (whose Chinese font has no italic, so that only its digits leaned) and in the DOCX (where
    Word and LibreOffice slant the Chinese characters)."""
    import pypdf

    fonts: dict[str, str] = {}
    for code, subtitle in (("zh", "2008—2011"), ("ru", "Выполнение")):
        def visit(text, cm, tm, font, size, code=code, subtitle=subtitle):
            if subtitle in text and font:
                fonts.setdefault(code, font["/BaseFont"])
        pypdf.PdfReader(built[code][0]).pages[0].extract_text(visitor_text=visit)
    assert "Italic" not in fonts["zh"] and "Italic" in fonts["ru"], fonts
    for code in ("zh", "ru"):
        styles = _xml(built[code][1], "word/styles.xml")
        for name in ("Subtitle", "Header"):
            italic = styles.find(f"{W}style[@{W}styleId='{name}']/{W}rPr/{W}i")
            assert italic is not None and (italic.get(f"{W}val") == "0") == (code == "zh"), (code, name)


def test_chinese_chapters_may_be_numbered_in_chinese_numerals(tmp_path):
    """`numbering.headings: ["一.", "1.1"]` numbers chapters as UN Chinese documents do: 一., 二. in the
    PDF, Word's `chineseCounting` in the DOCX (LibreOffice shows 一. too)."""
    assert NumberFormat.parse("第一章").format((12,)) == "第十二章"
    root = shutil.copytree(FIXTURES / "zh", tmp_path / "zh")
    config = root / "report" / "report.yaml"
    config.write_text(config.read_text() + 'numbering:\n  headings: ["一.", "1.1"]\n')
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "html,docx"])
    assert result.exit_code == 0, result.output
    html = next((root / "build").glob("*.html")).read_text()
    assert '<span class="secnum">一.</span>' in html and '<span class="secnum">1.1</span>' in html
    numbering = _xml(next((root / "build").glob("*.docx")), "word/numbering.xml")
    formats = {lvl.find(f"{W}pStyle").get(f"{W}val"): lvl.find(f"{W}numFmt").get(f"{W}val")
               for lvl in numbering.iter(f"{W}lvl") if lvl.find(f"{W}pStyle") is not None}
    assert formats["Heading1"] == "chineseCounting" and formats["Heading2"] == "decimal"


def test_pdf_declares_language_and_direction(built, tmp_path):
    import pypdf

    reader = pypdf.PdfReader(built["ar"][0])
    assert reader.trailer["/Root"].get("/Lang") == "ar"
    assert "普遍定期审议工作组第十三届会议" in pypdf.PdfReader(built["zh"][0]).pages[0].extract_text()


def test_libreoffice_lays_the_arabic_docx_out_right_to_left(built, tmp_path):
    """LibreOffice's PDF of the Arabic DOCX: every line of body text ends at the right margin (the
    start of a right-to-left line), and paragraph numbers stand right of their text."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is needed to read LibreOffice's PDF")
    docx = shutil.copy(built["ar"][1], tmp_path / "ar.docx")
    (pdf,) = convert([Path(docx)], "pdf", tmp_path, "to lay out the Arabic DOCX")
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    page = etree.fromstring(html.encode(), etree.HTMLParser(encoding="utf-8"))
    width = float(page.find(".//page").get("width"))
    right_margin = width - 25 / 25.4 * 72  # 2.5 cm
    lines = []  # (left, right) of each line of Arabic text that is not centred (the cover's first lines)
    for line in page.iter("line"):
        words = [(float(w.get("xmin")), float(w.get("xmax")), w.text or "") for w in line.iter("word")]
        left, right = min(x for x, _, _ in words), max(x for _, x, _ in words)
        if any(ARABIC.search(text) for *_, text in words) and abs((left + right) / 2 - width / 2) > 5:
            lines.append((left, right))
    assert len(lines) >= 10
    # every line starts at the right margin, or at the paragraph numbers' gutter (12 mm) left of it
    assert all(right_margin - 40 < right < right_margin + 2 for _, right in lines), lines
    assert any(left > width / 2 for left, _ in lines)  # short last lines end at the right: ragged left
    numbers = [(float(w.get("xmin")), float(w.get("xmax"))) for w in page.iter("word")
               if w.text in ("1", "2", "1.", "2.")]
    assert len([x for x, _ in numbers if x > right_margin - 10]) >= 4  # paragraph and note numbers, at the right
    assert not [x for x, _ in numbers if x < width - right_margin + 10]  # none where a left-to-right page has them
    # within the margins: a number aligned left in a right-to-left paragraph would run 3 mm into the margin
    assert all(right <= right_margin + 1 for _, right in numbers), (numbers, right_margin)
