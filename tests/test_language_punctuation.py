"""The labels and sentences reportgen writes itself are punctuated as the report's language is: Chinese
with full-width marks and no spaces (`联盟：…（ECPAT Indonesia）`, `；`, `。`), Arabic with its comma and
semicolon (`،` `؛`), in the HTML, the PDF and the DOCX alike."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reportgen.pipeline import Session

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def outputs():
    out = {}
    for code in ("zh", "ar", "ru"):
        with Session(FIXTURES / code, pdf=False) as session:
            rendered = session.render(session.load().document, ("html", "docx")).outputs
        html = etree.fromstring(rendered["html"], etree.HTMLParser(encoding="utf-8"))
        with zipfile.ZipFile(io.BytesIO(rendered["docx"])) as archive:
            document = etree.fromstring(archive.read("word/document.xml"))
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.iter(f"{W}p")]
        out[code] = (["".join(p.itertext()).strip() for p in html.iter("p", "li")], paragraphs)
    return out


@pytest.mark.parametrize("code, lines", [
    ("zh", ["联盟：消除儿童商业性剥削全国联盟（ECPAT Indonesia）",
            "成员组织（2个）：儿童保护研究中心（PKPA）；印度尼西亚儿童福利基金会（YKAI）。",
            "关键词：儿童性剥削；贩卖儿童。",
            "联系人：艾哈迈德·索菲安，ECPAT Indonesia，info@ecpat.example.org"]),
    ("ar", ["المنظمات الأعضاء (2): مركز دراسات حماية الطفل (PKPA)؛ مؤسسة رعاية الطفل الإندونيسي (YKAI).",
            "الكلمات الرئيسية: الاستغلال الجنسي للأطفال؛ الاتجار بالأطفال."]),
    ("ru", ["Ключевые слова: сексуальная эксплуатация детей; торговля детьми."]),
])
def test_cover_labels_and_lists_are_punctuated_in_the_reports_language(outputs, code, lines):
    html, docx = outputs[code]
    for line in lines:
        assert line in html, line
        assert line in docx, line


def test_the_previous_recommendation_sentence_is_punctuated_in_chinese(outputs):
    html, docx = outputs["zh"]
    ending = "儿童色情制品问题的任择议定书》。先前提出的建议：104.3。"
    assert any(re.sub(r"^\d+\.\s*", "", line).endswith(ending) for line in html)
    assert any(line.endswith(ending) for line in docx)
    assert not any("。." in line for line in html + docx)


@pytest.mark.parametrize("code, typed, typeset", [
    ("zh", '本报告, 见附件. 他说"你好"? 中文(English)中文', "本报告，见附件。他说“你好”？中文（English）中文"),
    ("zh", "比例为 3.5%, 见 A/HRC/8/23 (2008). Smith, Jones.", "比例为 3.5%, 见 A/HRC/8/23 (2008). Smith, Jones."),
    ("ar", 'قال "مرحبا", ثم سأل لماذا? وأيضا; 1,000 و A, B', "قال ”مرحبا“، ثم سأل لماذا؟ وأيضا؛ 1,000 و A, B"),
    ("ru", 'Он сказал "привет" и "всё".', "Он сказал «привет» и «всё»."),
])
def test_the_typography_of_arabic_chinese_and_russian_text(code, typed, typeset):
    """The author's own text: quotation marks as each language writes them, and after Chinese or Arabic
    letters the language's own punctuation for what a Latin keyboard types; Latin text and numbers as typed."""
    from reportgen.transforms.typography import typesetter

    assert typesetter(code).text(typed) == typeset
