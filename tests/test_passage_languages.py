"""A passage in another language than the report's (a section's `lang` front matter, a `::: {lang=…}`
div, a `[…]{lang=…}` span) carries its language into every output: Word's run language in the slot of its
script (`w:val`, `w:eastAsia`, `w:bidi`) and its paragraphs' direction, the HTML's `lang` and `dir`."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from reportgen.pipeline import Session

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SECTIONS = {
    "sections/01.md": """\
        # One

        English text.

        ::: {lang=ar}
        نص عربي هنا.^[حاشية عربية.]
        :::

        ::: {lang=zh}
        中文段落。
        :::

        A [texte]{lang=fr} and [نص]{lang=ar}.
        """,
    "sections/02.md": """\
        ---
        lang: fr
        ---
        # Deux

        Un paragraphe en français[@smith2020].
        """,
}


def render(root, formats=("docx", "html")) -> dict:
    with Session(root, pdf=False) as session:
        return session.render(session.load().document, formats).outputs


def _runs(docx: bytes, part: str = "document") -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read(f"word/{part}.xml"))
    return {"".join(r.itertext()): r for r in root.iter(f"{W}r") if "".join(r.itertext()).strip()}


def _lang(run) -> dict[str, str]:
    lang = run.find(f"{W}rPr/{W}lang")
    return {} if lang is None else {k.replace(W, ""): v for k, v in lang.attrib.items()}


def _bidi(run):
    paragraph = run.getparent()
    while paragraph.tag != f"{W}p":
        paragraph = paragraph.getparent()
    bidi = paragraph.find(f"{W}pPr/{W}bidi")
    return None if bidi is None else bidi.get(f"{W}val", "1")


def test_divs_sections_and_spans_set_word_language_in_the_slot_of_their_script(project):
    out = render(project(SECTIONS))
    runs, notes = _runs(out["docx"]), _runs(out["docx"], "footnotes")
    assert _lang(runs["نص عربي هنا."]) == {"bidi": "ar-SA"} and _bidi(runs["نص عربي هنا."]) == "1"
    assert _lang(runs["中文段落。"]) == {"eastAsia": "zh-CN"} and _bidi(runs["中文段落。"]) is None
    assert _lang(runs["English text."]) == {}
    assert _lang(runs["Un paragraphe en français."]) == {"val": "fr-FR"}  # the note call after the full stop
    assert _lang(runs["texte"]) == {"val": "fr-FR"} and _lang(runs["نص"]) == {"bidi": "ar-SA"}
    assert _lang(notes["حاشية عربية."]) == {"bidi": "ar-SA"}  # a note written in the passage
    # a note made from a citation is written in the report's language, not the section's
    assert all(_lang(run) == {} for text, run in notes.items() if "Human Rights Advocacy" in text)


def test_html_marks_the_language_and_direction_of_passages(project):
    html = render(project(SECTIONS), ("html",))["html"].decode()
    assert '<div lang="ar" dir="rtl">' in html and '<div lang="zh" dir="ltr">' in html
    assert 'lang="fr" dir="ltr" data-src="sections/02.md"' in html
    assert '<span lang="ar" dir="rtl">نص</span>' in html


def test_a_left_to_right_section_in_an_arabic_report_is_laid_out_left_to_right(project):
    root = project({**SECTIONS, "report/report.yaml": "title: تقرير\nlanguage: ar\n",
                    "sections/03.md": "---\nlang: en\n---\n# Three\n\nAn English paragraph.\n"})
    out = render(root)
    runs = _runs(out["docx"])
    assert _bidi(runs["An English paragraph."]) == "0" and _lang(runs["An English paragraph."]) == {"val": "en-GB"}
    assert _bidi(runs["English text"]) == "1"  # the report's own paragraphs stay right to left
    assert 'lang="en" dir="ltr"' in out["html"].decode()
