"""The DOCX renderer: real notes, Word-native numbering that shows the model's numbers, styles from
a reference document, page furniture and reproducible bytes."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import docx
import pytest
from click.testing import CliRunner
from lxml.etree import tostring as etree_tostring

from reportgen import model as m
from reportgen.cli import main
from reportgen.errors import ReportError
from reportgen.load.project import Project
from reportgen.numberformat import NumberFormat
from reportgen.pipeline import build, load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.word_numbering import heading_levels, marker_level, single_level

from .conftest import MINIMAL_CONFIG, ROOT
from .docx_inspect import NS, Docx, squash, w, word_format
from .ooxml_schema import schema_errors

WORD_KINDS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def render(project_dir) -> Docx:
    return Docx(render_docx(load_model(Project.at(project_dir)), project_dir / "templates", project_dir))


@pytest.fixture(scope="module")
def example(example_model) -> Docx:
    return Docx(render_docx(example_model, ROOT / "templates", ROOT))


def expected_labels(blocks):
    """(label, text) of every numbered thing of the model, in document order, from its own numbers."""
    for node in blocks:
        if isinstance(node, m.Heading) and node.number:
            yield node.number, squash(m.plain_text(node.inlines))
        elif isinstance(node, m.Paragraph) and node.number is not None:
            yield f"{node.number}.", squash(m.plain_text(node.inlines))
        elif isinstance(node, m.OrderedList | m.Recommendations):
            for i, item in enumerate(node.items):
                if isinstance(node, m.Recommendations):
                    label = item.label
                else:
                    value = word_format(node.start + i, WORD_KINDS[node.kind])
                    label = f"({value})" if node.delimiter == "()" else value + node.delimiter
                first = item.blocks[0] if item.blocks else None
                yield label, squash(m.plain_text(first.inlines)) if isinstance(first, m.Paragraph) else ""
                yield from expected_labels(item.blocks[1:] if isinstance(first, m.Paragraph) else item.blocks)
        elif isinstance(node, m.BulletList):
            for item in node.items:
                yield from expected_labels(item.blocks)
        elif isinstance(node, m.BlockQuote | m.Div | m.Section):
            yield from expected_labels(node.blocks)


def list_items(document: Docx) -> list[tuple[str, tuple[str, int]]]:
    """(label, (numId, ilvl)) of the paragraphs that are list items (not styled headings or paragraphs)."""
    return [(label, document.numpr(p)) for label, _, p in document.labels() if p.find("w:pPr/w:numPr", NS) is not None]


def shown_labels(document: Docx):
    bullets = {"–", "•"}
    return [(label, text) for label, text, _ in document.labels() if label is not None and label not in bullets]


# Notes --------------------------------------------------------------------------------------------

def test_every_model_note_is_a_word_footnote_with_its_text(example, example_model):
    notes = example.notes("footnote")
    assert [ident for ident, _ in notes] == list(range(1, len(example_model.notes) + 1))
    assert example.references("footnote") == [n.number for n in example_model.notes]
    for (ident, text), note in zip(notes, example_model.notes, strict=True):
        assert text == squash(m.plain_text(note.blocks)), f"note {ident}"


def test_footnote_part_follows_the_recipe(example):
    root = example.xml("word/footnotes.xml")
    separators = {n.get(w("type")): n.get(w("id")) for n in root.findall("w:footnote", NS) if n.get(w("type"))}
    assert separators == {"separator": "-1", "continuationSeparator": "0"}
    settings = example.xml("word/settings.xml")
    names = [child.tag.split("}")[1] for child in settings]
    assert names.index("footnotePr") < names.index("compat")
    properties = settings.find("w:footnotePr", NS)
    assert [c.tag.split("}")[1] for c in properties] == ["numFmt", "numRestart", "footnote", "footnote"]
    assert properties.find("w:numRestart", NS).get(w("val")) == "continuous"
    assert example.style_id("Footnote Text") == "FootnoteText"
    assert example.style_id("Footnote Reference") == "FootnoteReference"
    for reference in example.document.iter(w("footnoteReference")):
        assert reference.getparent().find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"


def test_note_bodies_keep_italics_and_links(example):
    root = example.xml("word/footnotes.xml")
    first = root.find("w:footnote[@w:id='1']", NS)
    italic = "".join(t.text for r in first.iter(w("r")) if r.find("w:rPr/w:i", NS) is not None
                     for t in r.iter(w("t")))
    assert italic.startswith("Global Monitoring Report")
    link = first.find(".//w:hyperlink", NS)
    rels = example.xml("word/_rels/footnotes.xml.rels")
    target = {r.get("Id"): r for r in rels}[link.get(f"{{{NS['r']}}}id")]
    assert target.get("TargetMode") == "External"
    assert target.get("Target") == "".join(t.text for t in link.iter(w("t")))


def test_adjacent_note_calls_are_kept_apart_by_a_superscript_comma(project):
    folder = project({"sections/01.md": "# Intro\n\nA claim.^[First note.]^[Second note.] More text.\n"})
    document = render(folder)
    p = next(p for p in document.body_paragraphs() if "A claim" in document.text(p))
    runs = list(p.iter(w("r")))
    kinds = [("ref" if r.find("w:footnoteReference", NS) is not None else "".join(t.text for t in r.iter(w("t"))))
             for r in runs]
    at = kinds.index("ref")
    assert kinds[at:at + 3] == ["ref", ",", "ref"]
    assert runs[at + 1].find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    assert [text for _, text in document.notes()] == ["First note.", "Second note."]


def test_endnotes_when_the_report_asks_for_them(project):
    folder = project({"report/report.yaml": MINIMAL_CONFIG + "notes: endnotes\n",
                      "sections/01.md": "# Intro\n\nOne.^[A note with *emphasis*.] Two [@smith2020, 12].\n"})
    document = render(folder)
    model = load_model(Project.at(folder))
    assert "word/footnotes.xml" not in document.files
    notes = document.notes("endnote")
    assert [text for _, text in notes] == [squash(m.plain_text(n.blocks)) for n in model.notes]
    assert notes[0][1] == "A note with emphasis." and "Human Rights Advocacy" in notes[1][1]
    assert document.references("endnote") == [1, 2]
    properties = document.xml("word/settings.xml").find("w:endnotePr", NS)
    assert properties.find("w:numFmt", NS).get(w("val")) == "decimal"  # Word's default is i, ii, iii
    section = document.document.find("w:body/w:sectPr/w:endnotePr", NS)  # LibreOffice reads this one
    assert section.find("w:numFmt", NS).get(w("val")) == "decimal"
    last = document.body_paragraphs()[-1]
    assert document.text(last) == "Notes" and document.numpr(last) is None


def test_notes_hold_real_lists(project):
    folder = project({"sections/01.md": """\
        # Intro

        Text.[^r]

        [^r]: Two reasons:

            a) the first;
            b) the second.
        """})
    document = render(folder)
    root = document.xml("word/footnotes.xml")
    items = [p for p in root.iter(w("p")) if p.find("w:pPr/w:numPr", NS) is not None]
    assert [document.text(p) for p in items] == ["the first;", "the second."]
    num_id = items[0].find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    abstract = document.abstracts[document.nums[num_id][0]][0]
    assert (abstract.num_fmt, abstract.text) == ("lowerLetter", "%1)")
    assert document.notes()[0][1] == "Two reasons: the first; the second."


def test_the_schema_check_finds_an_element_out_of_order(example):
    """Every DOCX the tests read is validated (docx_inspect.Docx); the check itself can fail."""
    with zipfile.ZipFile(io.BytesIO(example.data)) as package:
        files = {name: package.read(name) for name in package.namelist()}
    root = example.xml("word/document.xml")
    ppr = next(p for p in root.iter(w("pPr")) if p.find("w:numPr", NS) is not None)
    ppr.append(ppr.find("w:pStyle", NS))  # pStyle must come first
    files["word/document.xml"] = etree_tostring(root)
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    errors = schema_errors(broken.getvalue())
    assert len(errors) == 1 and errors[0].startswith("word/document.xml:") and "pStyle" in errors[0]


def test_element_order_comes_from_python_docx():
    """_ooxml inserts children in the order python-docx declares; this fails loudly if a python-docx
    release stops declaring it the way _ooxml reads it."""
    from docx.oxml.numbering import CT_Numbering
    from docx.oxml.section import CT_SectPr
    from docx.oxml.settings import CT_Settings
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.parfmt import CT_PPr

    from reportgen.renderers import _ooxml

    ppr = _ooxml._order(CT_PPr)
    assert ppr[0] == "w:pStyle" and ppr.index("w:numPr") < ppr.index("w:pBdr") < ppr.index("w:outlineLvl")
    assert len(ppr) == 36 and len(_ooxml._order(CT_RPr)) == 39
    assert _ooxml._order(CT_SectPr).index("w:footnotePr") < _ooxml._order(CT_SectPr).index("w:lnNumType")
    assert _ooxml._order(CT_Settings)[0] == "w:evenAndOddHeaders"  # the head before it is _ooxml's
    assert "w:compat" in _ooxml._order(CT_Settings) and _ooxml._order(CT_Numbering)[0] == "w:num"


# Numbering ----------------------------------------------------------------------------------------

def test_word_shows_exactly_the_model_numbers(example, example_model):
    expected = [pair for section in example_model.sections for pair in expected_labels(section.blocks)]
    assert shown_labels(example) == expected
    labels = [label for label, _ in expected]
    assert {"I.", "1.1", "1.1.1", "1.1.4", "II.", "2.1", "2.3", "15.", "a)", "d)"} <= set(labels)


def test_headings_and_numbered_paragraphs_get_numbers_from_their_styles(example, example_model):
    paragraph_style = example.style_id("Numbered Paragraph")
    numbered = 0
    for label, _text, p in example.labels():
        style = example.paragraph_style(p)
        if style == paragraph_style:
            numbered += 1
            assert p.find("w:pPr/w:numPr", NS) is None  # the style carries the list
            assert label == f"{numbered}."
        if style and style.startswith("Heading") and label:
            assert p.find("w:pPr/w:numPr", NS) is None
    paragraphs = [n for s in example_model.sections for n in m.walk(s) if isinstance(n, m.Paragraph)]
    assert numbered == sum(1 for p in paragraphs if p.number)
    unnumbered = [text for label, text, p in example.labels()
                  if (example.paragraph_style(p) or "").endswith("Unnumbered")]
    # the body's three, then the themes of the summary annex (whose title is an Annex Heading)
    assert unnumbered == ["Executive Summary", unnumbered[1], unnumbered[2], "Legal framework", "Trafficking",
                          "Victim support", "Law enforcement"]
    annex = [text for _, text, p in example.labels() if example.paragraph_style(p) == example.style_id("Annex Heading")]
    assert annex == ["Annex I Summary of recommendations"]  # "Annex I", a line break, the title


def test_paragraph_numbers_run_through_the_whole_document(example):
    # one list, one instance: Word counts on across headings and sections
    numbered = [p for _, _, p in example.labels() if example.paragraph_style(p) == "NumberedParagraph"]
    assert {example.numpr(p) for p in numbered} == {example.numpr(numbered[0])}


def test_each_markdown_list_is_one_word_list_restarted_where_it_starts(example):
    """One w:num per list, whose startOverride is its first value; the lettered headings b), c), d)
    that go on from a) after paragraphs of text join a)'s list, so Word renumbers them after an edit."""
    lists: dict[str, list[str]] = {}
    for label, _, p in example.labels():
        if p.find("w:pPr/w:numPr", NS) is not None:
            lists.setdefault(example.numpr(p)[0], []).append(label)
    assert sorted(lists.values()) == sorted([["a)", "b)"], ["a)", "b)", "c)", "d)"],
                                             ["1.", "2.", "3.", "4.", "5.", "6.", "7."], ["1.", "2.", "3.", "4."]])
    for num_id, labels in lists.items():
        first = labels[0].rstrip(".)")
        value = int(first) if first.isdigit() else ord(first) - ord("a") + 1
        assert example.nums[num_id][1] == {0: value}


def test_nested_and_continued_lists_share_one_word_list(project):
    folder = project({"sections/01.md": """\
        # Intro

        1. one
           a) one a
           b) one b
        2. two
           a) two a
              i. two a i
              ii. two a ii
        3. three

        Text between.

        4. four, going on
        5. five

        (i) roman
        (ii) roman two

        A new paragraph.

        1. a list of its own
        """})
    document = render(folder)
    items = list_items(document)
    assert [label for label, _ in items] == ["1.", "a)", "b)", "2.", "a)", "i.", "ii.", "3.", "4.", "5.",
                                             "(i)", "(ii)", "1."]
    first = items[0][1][0]
    assert [numpr for _, numpr in items[:10]] == [(first, level) for level in (0, 1, 1, 0, 1, 2, 2, 0, 0, 0)]
    assert len({numpr[0] for _, numpr in items[10:12]} | {items[12][1][0], first}) == 3
    levels = document.abstracts[document.nums[first][0]]
    assert [(levels[k].num_fmt, levels[k].text) for k in range(3)] == [
        ("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3.")]
    assert document.nums[items[12][1][0]][1] == {0: 1}


def test_a_nested_list_that_does_not_fit_its_parent_list_is_a_list_of_its_own(project):
    folder = project({"sections/01.md": """\
        # Intro

        1. one
           a) one a

           Between.

           a) one a again
        2. two

           3) three, as written
        """})
    document = render(folder)
    items = list_items(document)
    assert [label for label, _ in items] == ["1.", "a)", "a)", "2.", "3)"]
    assert items[1][1] == (items[0][1][0], 1)
    assert items[2][1][0] != items[0][1][0] and items[4][1][0] != items[0][1][0]


def test_no_body_paragraph_starts_with_a_typed_number(example):
    typed = re.compile(r"^\(?(\d+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+)(\.\d+)*[.)]\s")
    texts = [text for _, text, _ in example.labels()]
    assert len(texts) > 60
    assert [t for t in texts if typed.match(t)] == []


def test_other_number_schemes_and_list_kinds(project):
    config = """\
        title: Schemes
        organisations: [{name: Example Rights Watch, acronym: ERW}]
        numbering:
          headings: ["1.", "1.1.", "a)"]
          recommendations: "(a)"
        """
    folder = project({"report/report.yaml": config, "sections/01.md": """\
        # One

        ## One one

        ### Sub

        ### Sub two

        i. roman
        ii. roman two

        A) upper
        B) upper two

        (3) three
        (4) four

        ::: recommendations
        - rec
        - rec two
        :::

        # Two {.unnumbered}

        # Three

        ## Three one

        - bullet
          1. nested one
          2. nested two
        """})
    document = render(folder)
    model = load_model(Project.at(folder))
    expected = [pair for section in model.sections for pair in expected_labels(section.blocks)]
    assert shown_labels(document) == expected
    assert [label for label, _ in expected] == [
        "1.", "1.1.", "a)", "b)", "i.", "ii.", "A)", "B)", "(3)", "(4)", "(a)", "(b)", "2.", "2.1.", "1.", "2."]


def test_unnumbered_paragraphs_use_the_body_style(project):
    folder = project({"report/report.yaml": MINIMAL_CONFIG + "numbering:\n  paragraphs: false\n",
                      "sections/01.md": "# Intro\n\nFirst.\n\nSecond.\n"})
    document = render(folder)
    body = [(label, document.style_names[document.paragraph_style(p)]) for label, text, p in document.labels()
            if text in ("First.", "Second.")]
    assert body == [(None, "Body Text"), (None, "Body Text")]


def test_word_levels_from_number_formats():
    levels = heading_levels(tuple(NumberFormat.parse(p) for p in ("I.", "1.1", "1.1.1")))
    assert [(lv.num_fmt, lv.text, lv.legal) for lv in levels] == [
        ("upperRoman", "%1.", False), ("decimal", "%1.%2", True), ("decimal", "%1.%2.%3", True)]
    levels = heading_levels(tuple(NumberFormat.parse(p) for p in ("A.", "A.1", "(a)")))
    assert [(lv.num_fmt, lv.text, lv.legal) for lv in levels] == [
        ("upperLetter", "%1.", False), ("decimal", "%1.%2", False), ("lowerLetter", "(%3)", False)]
    assert single_level(NumberFormat.parse("R1")).text == "R%1"
    assert marker_level("i", "()").text == "(%1)" and marker_level("A", ".").num_fmt == "upperLetter"
    with pytest.raises(ValueError, match="only one"):
        single_level(NumberFormat.parse("1.1"))


# Styles -------------------------------------------------------------------------------------------

def test_all_formatting_comes_from_named_styles(example):
    """Paragraphs name a style (and at most a list); runs a character style, emphasis, strong or
    strike. Word's own note separators are the only exception."""
    for part in ("word/document.xml", "word/footnotes.xml"):
        for p in example.xml(part).iter(w("p")):
            if p.getparent().get(w("type")) in ("separator", "continuationSeparator"):
                continue
            ppr = p.find("w:pPr", NS)
            assert ppr is not None and ppr.find("w:pStyle", NS) is not None, part
            assert {c.tag.split("}")[1] for c in ppr} <= {"pStyle", "numPr"}, part
            for rpr in p.iter(w("rPr")):
                assert {c.tag.split("}")[1] for c in rpr} <= {"rStyle", "i", "b", "strike"}, part


def test_reference_document_sets_page_and_body_text(example):
    section = example.document.find("w:body/w:sectPr", NS)
    size, margins = section.find("w:pgSz", NS), section.find("w:pgMar", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")  # A4
    assert {margins.get(w(side)) for side in ("top", "bottom", "left", "right")} == {"1417"}  # 2.5 cm
    normal = example.style_by_id["Normal"]
    assert normal.find("w:rPr/w:rFonts", NS).get(w("ascii")) == "Times New Roman"
    assert normal.find("w:rPr/w:sz", NS).get(w("val")) == "24"
    assert normal.find("w:pPr/w:jc", NS).get(w("val")) == "both"
    assert example.style_by_id["FootnoteText"].find("w:rPr/w:sz", NS).get(w("val")) == "20"
    heading = example.style_by_id["Heading1"].find("w:pPr/w:ind", NS)
    assert (heading.get(w("left")), heading.get(w("hanging"))) == ("680", "680")  # 12 mm, as in the PDF


def test_footer_has_live_page_numbers_and_header_the_review(example):
    footers = [example.xml(n) for n in example.files if n.startswith("word/footer")]
    assert footers
    for footer in footers:
        instructions = [squash(t.text) for t in footer.iter(w("instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert " / " in "".join(t.text for t in footer.iter(w("t")))
    headers = [example.xml(n) for n in example.files if n.startswith("word/header")]
    assert any("13th session" in "".join(t.text for t in h.iter(w("t"))) for h in headers)
    assert example.document.find("w:body/w:sectPr/w:titlePg", NS) is not None


def test_first_page_shows_the_cover(example, example_model):
    texts = [text for _, text, _ in example.labels()]
    cover = example_model.cover
    start = texts[:5]
    assert start == [m.plain_text(part) for part in (cover.kind, cover.review, cover.title, cover.subtitle, cover.date)]
    details = " ".join(texts[5:11])
    for name in cover.submitters + (cover.coalition,):
        assert m.plain_text(name) in details
    assert "Key words: commercial sexual exploitation of children;" in details
    assert "Contact: National Coalition" in details
    styles = [example.style_names[example.paragraph_style(p)] for _, _, p in example.labels()[:6]]
    assert styles == ["Cover Kind", "Cover Review", "Title", "Subtitle", "Cover Date", "Cover Details"]


def test_core_properties(example, example_model):
    core = example.xml("docProps/core.xml")
    values = {child.tag.split("}")[1]: child.text for child in core}
    assert values["title"] == example_model.config.title
    assert values["creator"] == "National Coalition for the Elimination of Commercial Sexual Exploitation of Children"
    assert values["subject"] == ("Joint submission to the Universal Periodic Review: Indonesia – 13th session of the "
                                 "UPR Working Group, 2nd cycle")
    assert values["keywords"].startswith("commercial sexual exploitation of children, child trafficking")
    assert values["language"] == "en-GB"


def test_a_project_reference_document_replaces_the_built_in_one(project):
    plain = io.BytesIO()
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.save(plain)
    folder = project({"templates/reference.docx": plain.getvalue(),
                      "sections/01.md": "# Intro\n\nText.^[A note.]\n\n::: recommendations\n- Do it.\n:::\n"})
    result = render(folder)
    normal = result.style_by_id["Normal"]
    assert normal.find("w:rPr/w:rFonts", NS).get(w("ascii")) == "Arial"  # the project's look is kept
    for name in ("Footnote Text", "Footnote Reference", "Numbered Paragraph", "Recommendation"):
        result.style_id(name)  # missing styles were added
    assert [label for label, _, _ in result.labels() if label] == ["I.", "1.", "1."]


def test_a_previous_output_can_serve_as_the_reference_document(tmp_path, example, example_model):
    """A coordinator restyles a built DOCX in Word and saves it as templates/reference.docx: its
    text, notes and lists are replaced, its styles and running header kept."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "reference.docx").write_bytes(example.data)
    again = Docx(render_docx(example_model, templates, ROOT))
    assert shown_labels(again) == shown_labels(example)
    assert again.notes() == example.notes()
    assert len(again.body_paragraphs()) == len(example.body_paragraphs())
    claims = [s.get(w("val")) for s in again.numbering.iterfind("w:abstractNum/w:lvl/w:pStyle", NS)]
    assert len(claims) == len(set(claims))  # each style belongs to one list
    headers = [n for n in again.files if n.startswith("word/header")]
    texts = ["".join(t.text for t in again.xml(n).iter(w("t"))) for n in headers]
    assert sorted(texts) == sorted(["", m.plain_text(example_model.cover.review)])


def test_a_reference_document_without_lists_or_notes_gets_them(project):
    data = io.BytesIO()
    document = docx.Document()
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/numbering"):
            del document.part.rels[rId]
    document.save(data)
    assert "word/numbering.xml" not in zipfile.ZipFile(data).namelist()
    folder = project({"templates/reference.docx": data.getvalue(), "sections/01.md": "# Intro\n\nText.^[Note.]\n"})
    result = render(folder)
    assert [label for label, _, _ in result.labels() if label] == ["I.", "1."]
    assert result.notes() == [(1, "Note.")]


@pytest.mark.parametrize("content, message", [
    (b"not a zip file", "cannot use this file as the DOCX reference document"),
    (b"PK\x03\x04broken", "cannot use this file as the DOCX reference document"),
])
def test_a_broken_reference_document_is_a_clear_error(project, content, message):
    folder = project({"templates/reference.docx": content, "sections/01.md": "# Intro\n\nText.\n"})
    with pytest.raises(ReportError) as error:
        render(folder)
    assert str(error.value).startswith(f"templates/reference.docx: {message}")


def test_a_reference_style_of_the_wrong_kind_is_a_clear_error(project):
    data = io.BytesIO()
    document = docx.Document()
    document.styles.add_style("Footnote Text", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    document.save(data)
    folder = project({"templates/reference.docx": data.getvalue(), "sections/01.md": "# Intro\n\nText.\n"})
    with pytest.raises(ReportError, match="style 'Footnote Text' is a character style; reportgen needs a "
                                          "paragraph style"):
        render(folder)


# Content ------------------------------------------------------------------------------------------

def _png(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_tables_quotes_code_links_and_images(project):
    folder = project({"images/dot.png": _png(4, 3), "sections/01.md": """\
        # Intro {#intro}

        | Year | Cases |
        |------|------:|
        | 2010 | 12    |
        | 2011 | 15    |

        > A quotation.

        ```
        code  kept
        ```

        See [the intro](#intro), [the site](https://example.org/a?b=1).

        ![A red dot](../images/dot.png)

        ## A heading whose identifier is much longer than forty characters

        Back to [it](#a-heading-whose-identifier-is-much-longer-than-forty-characters).
        """})
    document = render(folder)
    table = document.document.find(".//w:tbl", NS)
    assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None
    assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == document.style_id("Report Table")
    indent = document.style_by_id[document.style_id("Report Table")].find("w:tblPr/w:tblInd", NS)
    assert indent.get(w("w")) == "680"  # the 12 mm gutter
    widths = [int(c.get(w("w"))) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
    # widths share the text width as the HTML's <col>s do: "Cases" is the wider column
    assert widths[0] < widths[1] and abs(widths[0] / sum(widths) - 7 / 15) < 0.01  # (4 + 3) / (4 + 3 + 5 + 3)
    assert sum(widths) + 680 <= 11906 - 2 * 1417
    cells = [document.text(p) for p in table.iter(w("p"))]
    assert cells == ["Year", "Cases", "2010", "12", "2011", "15"]
    by_text = {text: p for _, text, p in document.labels()}
    assert document.style_names[document.paragraph_style(by_text["A quotation."])] == "Block Text"
    assert document.style_names[document.paragraph_style(by_text["code kept"])] == "Source Code"
    links = document.document.findall(".//w:hyperlink", NS)
    assert [link.get(w("anchor")) for link in links][:2] == ["_Ref_intro", None]
    assert document.document.find(".//w:bookmarkStart[@w:name='_Ref_intro']", NS) is not None
    names = [b.get(w("name")) for b in document.document.iter(w("bookmarkStart"))]
    # names Word keeps: at most 40 letters, digits and underscores; hidden (a leading underscore)
    assert all(re.fullmatch(r"_[A-Za-z0-9_]{1,39}", name) for name in names), names
    long_heading = next(n for n in names if n.startswith("_Ref_a_heading_whose_identif"))
    assert long_heading in [link.get(w("anchor")) for link in document.document.iter(w("hyperlink"))]
    rels = document.xml("word/_rels/document.xml.rels")
    assert "https://example.org/a?b=1" in [r.get("Target") for r in rels]
    assert "javascript" not in document.files["word/_rels/document.xml.rels"].decode()
    picture = document.document.find(".//{*}docPr", NS)
    assert picture.get("descr") == "A red dot"
    assert any(name.startswith("word/media/") for name in document.files)


def test_link_addresses_are_valid_relationship_targets(project):
    """Pandoc's test 11562: a second `#` (and brackets, a lone `%`) cannot stand in an xs:anyURI; the
    DOCX percent-encodes them, so that it still validates and the link goes to the same place."""
    folder = project({"sections/01.md": "[a](https://example.com/#/#room) [b](https://example.com/##) "
                                        "[c](https://example.com/p[1]?q=100%)\n"})
    data = render_docx(load_model(Project.at(folder)), folder / "templates", folder)
    assert schema_errors(data) == []
    targets = [r.get("Target") for r in Docx(data).xml("word/_rels/document.xml.rels")
               if r.get("TargetMode") == "External"]
    assert targets == ["https://example.com/#/%23room", "https://example.com/#%23",
                       "https://example.com/p%5B1%5D?q=100%25"]


def test_a_figure_prints_its_caption_in_every_format(project):
    """Pandoc's implicit figure (an image alone in its paragraph): the bracketed text is a caption that
    readers see, in the PDF and the DOCX alike, not only a description (Pandoc's fb2 and figure tests)."""
    folder = project({"sections/chart.png": _png(4, 3), "sections/01.md": (
        "Text.\n\n![Reported cases, 2010--2015](chart.png){#fig-cases fig-alt=\"Bars rising\"}\n\n"
        "See [the chart](#fig-cases).\n")})
    files, _ = build(folder, ("html", "docx", "pdf"), force=True)
    html, data, pdf = (next(f for f in files if f.suffix == suffix) for suffix in (".html", ".docx", ".pdf"))
    assert '<figcaption>Reported cases, 2010–2015</figcaption>' in html.read_text()
    document = Docx(data.read_bytes())
    by_text = {text: p for _, text, p in document.labels()}
    caption = by_text["Reported cases, 2010–2015"]
    assert document.style_names[document.paragraph_style(caption)] == "Image Caption"
    assert document.document.find(".//{*}docPr", NS).get("descr") == "Bars rising"
    names = [b.get(w("name")) for b in document.document.iter(w("bookmarkStart"))]
    link = document.document.find(".//w:hyperlink", NS).get(w("anchor"))
    assert link.startswith("_Ref_fig_cases") and link in names
    import pypdf
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Reported cases, 2010–2015" in text and "2. See the chart." in squash(text)


def test_an_image_outside_the_project_is_an_error(project):
    folder = project({"sections/01.md": "# Intro\n\n![x](../../secret.png)\n"})
    with pytest.raises(ReportError, match=r"sections/01.md:3: image '../../secret.png' is outside the project"):
        render(folder)


# Build --------------------------------------------------------------------------------------------

def test_builds_are_byte_identical_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1321833600")
    first, _ = build(ROOT, ("docx",), tmp_path / "a")
    second, _ = build(ROOT, ("docx",), tmp_path / "b")
    assert first[0].read_bytes() == second[0].read_bytes()
    with zipfile.ZipFile(first[0]) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert package.namelist()[0] == "[Content_Types].xml"
        core = package.read("docProps/core.xml").decode()
    assert "2011-11-21T00:00:00Z" in core


def test_cli_builds_docx_with_a_stage_line(tmp_path):
    result = CliRunner().invoke(main, ["build", "--project", str(ROOT), "--format", "docx",
                                       "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^docx +\d+\.\d\d s  14 footnotes$", result.stderr, re.M)
    assert [p.suffix for p in tmp_path.glob("[!.]*")] == [".docx"]
    docx.Document(str(next(tmp_path.glob("*.docx"))))  # python-docx reads it back


def test_docx_is_a_default_format():
    result = CliRunner().invoke(main, ["build", "--help"])
    assert "pdf,html,docx" in result.output
