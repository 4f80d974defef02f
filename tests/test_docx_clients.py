"""The example's DOCX in real clients: LibreOffice lays it out (notes at the foot of their pages,
live numbers that follow an edit) and pandoc reads it back. Slow: one LibreOffice run for all."""

from __future__ import annotations

import copy
import io
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from reportgen import model as m
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import render_docx

from . import libreoffice, libreoffice_uno
from .conftest import ROOT
from .docx_inspect import NS, squash, w
from .libreoffice import convert
from .libreoffice import version as libreoffice_version
from .ooxml_schema import assert_valid_docx


def compact(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF may fall anywhere, even inside a URL."""
    return re.sub(r"\s+", "", text)


def with_inserted_paragraph(data: bytes, copy_index: int = 6, after_index: int = 2) -> bytes:
    """The DOCX with a copy of numbered paragraph `copy_index` inserted after `after_index` (0-based),
    as an author would paste one in Word; nothing else changes."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        files = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(files["word/document.xml"])
    numbered = [p for p in root.iter(w("p")) if p.find("w:pPr/w:pStyle[@w:val='NumberedParagraph']", NS) is not None]
    pasted = copy.deepcopy(numbered[copy_index])
    for mark in pasted.findall(".//w:bookmarkStart", NS) + pasted.findall(".//w:bookmarkEnd", NS):
        mark.getparent().remove(mark)
    assert pasted.find(".//w:footnoteReference", NS) is None
    numbered[after_index].addnext(pasted)
    files["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in files.items():
            package.writestr(name, content)
    return out.getvalue()


@pytest.fixture(scope="module")
def example_docx(example_model) -> bytes:
    data = render_docx(example_model, ROOT / "templates", ROOT)
    assert_valid_docx(data)
    return data


@pytest.fixture(scope="module")
def libreoffice_pages(example_docx, tmp_path_factory) -> dict[str, list[str]]:
    """The example and an edited copy converted by LibreOffice in one run; the text of each page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler (pdftotext) is needed to read LibreOffice's PDF")
    folder = tmp_path_factory.mktemp("libreoffice")
    (folder / "report.docx").write_bytes(example_docx)
    (folder / "edited.docx").write_bytes(with_inserted_paragraph(example_docx))
    why = "it checks the DOCX in a real client"
    convert([folder / "report.docx", folder / "edited.docx"], "pdf", folder, why)
    pages = {"version": [libreoffice_version(why)]}
    for name in ("report", "edited"):
        # -layout keeps each line together: a list marker stays beside its text
        text = subprocess.run(["pdftotext", "-layout", str(folder / f"{name}.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        pages[name] = text.split("\f")[:-1]
    return pages


def numbered_paragraphs(model) -> list[tuple[int, str]]:
    return [(node.number, m.plain_text(node.inlines)) for section in model.sections for node in m.walk(section)
            if isinstance(node, m.Paragraph) and node.number is not None]


def opening(text: str, words: int = 6) -> str:
    return compact(" ".join(text.split()[:words]))


def note_calls(model) -> dict[int, str]:
    """How each note's call reads in a PDF's text without spaces: the words before it, then its
    number (after the previous call and a comma when two calls touch)."""
    calls, previous = {}, None
    for section in model.sections:
        for node in m.walk(section):
            if not isinstance(node, m.Paragraph | m.Heading) or _in_note(node, model):
                continue
            before = ""
            for inline in node.inlines:
                if isinstance(inline, m.Note):
                    words = compact(" ".join(before.split()[-2:]))
                    calls[inline.number] = (previous + "," if previous else words) + str(inline.number)
                    previous = calls[inline.number]
                else:
                    before += m.plain_text(inline)
                    previous = None
    return calls


def test_libreoffice_puts_every_note_at_the_foot_of_its_page(libreoffice_pages, example_model):
    pages = [compact(page) for page in libreoffice_pages["report"]]
    calls = note_calls(example_model)
    assert sorted(calls) == [note.number for note in example_model.notes]
    for note in example_model.notes:
        text = compact(m.plain_text(note.blocks))
        call_page = next((i for i, page in enumerate(pages) if calls[note.number] in page), None)
        assert call_page is not None, f"the call of note {note.number} ({calls[note.number]}) is missing"
        # on the page of its call, or carried over to the next one as Word and LibreOffice may do
        assert text in pages[call_page] or text in pages[call_page + 1], f"note {note.number}"


def test_libreoffice_shows_the_model_numbers(libreoffice_pages, example_model):
    text = compact("".join(libreoffice_pages["report"]))
    for number, paragraph in numbered_paragraphs(example_model):
        assert f"{number}.{opening(paragraph)}" in text, f"paragraph {number}"
    for marker, words in (("a)", "Since the previous UPR"), ("d)", "Laws addressing child sex tourism"),
                          ("7.", "Ratify the ASEAN Treaty"), ("4.", "Law enforcement representatives"),
                          ("I.", "Current normative"), ("II.", "Promotion and protection")):
        assert compact(marker + words) in text, marker
    pages = len(libreoffice_pages["report"])
    assert compact(f"1 / {pages}") in compact(libreoffice_pages["report"][0])  # the footer's fields


def test_libreoffice_and_legal_heading_numbers(libreoffice_pages):
    """`1.1` under `I.` is Word's legal numbering (w:isLgl), which LibreOffice reads only since 24.2:
    older versions write the parent in its own style. Pinned so that a change on either side shows."""
    text = compact("".join(libreoffice_pages["report"]))
    version = re.search(r"LibreOffice (\d+)\.(\d+)", libreoffice_pages["version"][0])
    legal = version is not None and (int(version.group(1)), int(version.group(2))) >= (24, 2)
    for label, words in (("1.1", "Legal framework"), ("1.1.4", "Recommendations regarding"), ("2.3", "Lack of")):
        shown = label if legal else "I" * int(label[0]) + label[1:]
        assert compact(shown + words) in text, shown


def test_inserting_a_paragraph_renumbers_the_following_ones(libreoffice_pages, example_model):
    paragraphs = [text for _, text in numbered_paragraphs(example_model)]
    edited = paragraphs[:3] + [paragraphs[6]] + paragraphs[3:]
    text = compact("".join(libreoffice_pages["edited"]))
    for number, paragraph in enumerate(edited, start=1):
        assert f"{number}.{opening(paragraph)}" in text, f"paragraph {number} after the insertion"
    assert len(edited) == len(paragraphs) + 1 == 16


def edit_in_writer(data: bytes, folder, start: str, typed: str) -> dict[str, list[tuple[str, str]]]:
    """Press Enter after the paragraph that starts with `start` in LibreOffice Writer and type
    `typed`; the list labels Writer shows then, and after saving as DOCX and opening that again."""
    libreoffice.soffice("it edits the DOCX in a real client")
    python = libreoffice_uno.python_with_uno()
    if python is None:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is needed to edit the DOCX in Writer")
    (folder / "in.docx").write_bytes(data)
    result = subprocess.run([python, libreoffice_uno.__file__, str(folder / "in.docx"), str(folder / "saved.docx"),
                             start, typed], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {step: [(label, squash(text)) for label, text in pairs if label]
            for step, pairs in json.loads(result.stdout).items()}


def test_an_item_typed_into_a_lettered_list_renumbers_the_rest_and_survives_saving(example_docx, tmp_path):
    """The example's a) … d) go on across paragraphs of text: one Word list, so Writer renumbers them."""
    shown = edit_in_writer(example_docx, tmp_path, "Laws addressing child prostitution", "An inserted item.")
    for step in ("edited", "reopened"):
        lettered = [(label, text[:30]) for label, text in shown[step] if re.fullmatch(r"[a-z]\)", label)]
        assert lettered == [("a)", "Since the previous UPR review,"), ("b)", "However, the Indonesian govern"),
                            ("a)", "Laws addressing child prostitu"), ("b)", "An inserted item."),
                            ("c)", "Laws addressing child pornogra"), ("d)", "Laws addressing child traffick"),
                            ("e)", "Laws addressing child sex tour")], step


def test_an_item_typed_into_a_nested_list_renumbers_its_level(project, tmp_path):
    folder = project({"sections/01.md": """\
        # Intro

        1. one
           a) one a
           b) one b
        2. two
           a) two a
        3. three
        """})
    data = render_docx(load_model(Project.at(folder)), folder / "templates", folder)
    shown = edit_in_writer(data, tmp_path, "one a", "typed")
    for step in ("edited", "reopened"):
        items = [pair for pair in shown[step] if pair[1] != "Intro"]
        assert items == [("1.", "one"), ("a)", "one a"), ("b)", "typed"), ("c)", "one b"), ("2.", "two"),
                         ("a)", "two a"), ("3.", "three")], step


def _stringify(inlines) -> str:
    out = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Strikeout", "Underline", "SmallCaps", "Superscript", "Subscript"):
            out.append(_stringify(content))
        elif kind in ("Link", "Span", "Quoted", "Image"):
            out.append(_stringify(content[1]))
        elif kind == "Code":
            out.append(content[1])
    return "".join(out)


def _read_back(blocks, paragraphs: list[str], notes: list[str]) -> None:
    """Collect pandoc's paragraph texts and, in order, its notes' texts."""
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain", "Header"):
            inlines = content[2] if kind == "Header" else content
            paragraphs.append(squash(_stringify(inlines)))
            _notes_in(inlines, notes)
        elif kind == "BulletList":
            for item in content:
                _read_back(item, paragraphs, notes)
        elif kind == "OrderedList":
            for item in content[1]:
                _read_back(item, paragraphs, notes)
        elif kind in ("BlockQuote",):
            _read_back(content, paragraphs, notes)
        elif kind == "Div":
            _read_back(content[1], paragraphs, notes)


def _notes_in(inlines, notes: list[str]) -> None:
    for inline in inlines:
        if inline["t"] == "Note":
            texts: list[str] = []
            _read_back(inline["c"], texts, [])
            notes.append(squash(" ".join(texts)))
        elif isinstance(inline.get("c"), list):
            children = inline["c"]
            nested = children[1] if inline["t"] in ("Link", "Span", "Quoted", "Image") else children
            if isinstance(nested, list) and all(isinstance(x, dict) for x in nested):
                _notes_in(nested, notes)


def test_pandoc_reads_back_the_notes_and_paragraphs(example_docx, example_model, tmp_path):
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary is needed to read the DOCX with pandoc")
    path = tmp_path / "report.docx"
    path.write_bytes(example_docx)
    document = json.loads(pypandoc.convert_file(str(path), "json", format="docx"))
    paragraphs, notes = [], []
    _read_back(document["blocks"], paragraphs, notes)
    assert notes == [squash(m.plain_text(note.blocks)) for note in example_model.notes]
    expected = [squash(f"{getattr(node, 'label', '')} {m.plain_text(node.inlines)}")  # "Annex I", then the title
                for section in example_model.sections for node in m.walk(section)
                if isinstance(node, m.Paragraph | m.Heading) and not _in_note(node, example_model)]
    missing = [text for text in expected if text not in paragraphs]
    assert missing == []


def _in_note(node, model) -> bool:
    return any(node is inner for note in model.notes for inner in m.walk(note))
