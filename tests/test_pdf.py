"""The example report's PDF, read back with pypdf: notes on the page of their call, continuous
paragraph numbers, page numbers, every coalition member on page 1, metadata, reproducibility."""

from __future__ import annotations

import re

import pypdf
import pytest

from reportgen import model as m
from reportgen.pipeline import build

from .conftest import ROOT

EPOCH = "1322000000"  # 22 November 2011


def normalise(text: str) -> str:
    """Undo line breaks and hyphenation so phrases can be found whatever the layout."""
    text = re.sub(r"[\u2010\u00ad-]\s*\n\s*", "", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path_factory.mktemp("example")
    written, warnings = build(ROOT, ("pdf",), out)
    monkeypatch.undo()
    assert warnings == []
    reader = pypdf.PdfReader(written[0])
    return written[0], reader, [normalise(page.extract_text()) for page in reader.pages]


def page_of(pages: list[str], phrase: str) -> int:
    found = [i + 1 for i, text in enumerate(pages) if phrase in text]
    assert len(found) == 1, f"{phrase!r} found on pages {found}"
    return found[0]


def call_page(pages: list[str], words: list[str], number: int) -> int:
    """The page showing the note call: the words just before it followed by its number, as
    `Criminal Matters3`; as few words as make that unique (a call may follow a page break)."""
    for count in range(1, len(words) + 1):
        found = [i + 1 for i, text in enumerate(pages) if " ".join(words[-count:]) + str(number) in text]
        if len(found) == 1:
            return found[0]
    raise AssertionError(f"call of note {number} after {words} not found")


def words_before_notes(document: m.Document) -> dict[int, list[str]]:
    """For each note number, the last words of body text written before its call."""
    phrases = {}
    for section in document.sections:
        for node in m.walk(section):
            inlines = getattr(node, "inlines", None)
            if not isinstance(node, m.Paragraph | m.Heading) or not inlines:
                continue
            for i, inline in enumerate(inlines):
                if isinstance(inline, m.Note):
                    phrases[inline.number] = m.plain_text(inlines[:i]).split()[-6:]
    return phrases


def test_every_note_is_on_the_page_of_its_call(example_pdf, example_model):
    _, _, pages = example_pdf
    calls = words_before_notes(example_model)
    assert sorted(calls) == list(range(1, 15))
    for note in example_model.notes:
        body = f"{note.number} " + " ".join(m.plain_text(note.blocks).split())[:60]
        assert call_page(pages, calls[note.number], note.number) == page_of(pages, body), note.number


def test_paragraph_numbers_are_continuous_and_in_order(example_pdf, example_model):
    _, _, pages = example_pdf
    text = " ".join(pages)
    paragraphs = [n for s in example_model.sections for n in m.walk(s)
                  if isinstance(n, m.Paragraph) and n.number is not None]
    assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    position = 0
    for paragraph in paragraphs:
        opening = f"{paragraph.number}. " + " ".join(m.plain_text(paragraph.inlines).split()[:3])
        found = text.find(opening, position)
        assert found >= 0, opening
        position = found


def test_headings_carry_the_seed_numbers(example_pdf):
    _, _, pages = example_pdf
    text = " ".join(pages)
    for number, title in [("I.", "Current normative and institutional framework"), ("1.1", "Legal framework"),
                          ("1.1.1", "International legal standards"), ("1.1.4", "Recommendations regarding"),
                          ("II.", "Promotion and protection of human rights"), ("2.3", "Lack of training")]:
        assert f"{number} {title}" in text


def test_page_numbers_and_running_head(example_pdf):
    _, reader, pages = example_pdf
    total = len(reader.pages)
    assert total >= 6
    for index, text in enumerate(pages, start=1):
        assert f"{index} / {total}" in text
        if index > 1:
            assert "Indonesia – 13th session of the UPR Working Group, 2nd cycle" in text


def test_first_page_names_every_member_organisation(example_pdf, example_model):
    _, _, pages = example_pdf
    first = pages[0]
    for organisation in example_model.config.organisations:
        assert organisation.name in first
    assert "Member organisations (21):" in first
    assert "Joint submission to the Universal Periodic Review".upper() in first
    assert "Key words: commercial sexual exploitation of children; child trafficking" in first


def test_metadata_and_links(example_pdf):
    path, reader, _ = example_pdf
    meta = reader.metadata
    assert meta.title == "Commercial sexual exploitation of children in Indonesia"
    assert meta.author == "National Coalition for the Elimination of Commercial Sexual Exploitation of Children"
    assert meta["/CreationDate"].startswith("D:20111122")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    uris = {annotation.get_object()["/A"]["/URI"] for page in reader.pages
            for annotation in page.get("/Annots", []) if "/URI" in annotation.get_object().get("/A", {})}
    assert "http://www.aseansec.org/17363.pdf" in uris


def test_pdf_is_reproducible(example_pdf, tmp_path, monkeypatch):
    path, _, _ = example_pdf
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again, _ = build(ROOT, ("pdf",), tmp_path)
    assert again[0].read_bytes() == path.read_bytes()


def test_endnotes_collect_the_notes_at_the_end(project, tmp_path):
    root = project({"sections/01.md": "# Findings\n\nA finding[@ohchr2020] and a note^[Plain note.].\n",
                    "report/report.yaml": "title: T\nnotes: endnotes\n"})
    written, _ = build(root, ("pdf", "html"), tmp_path)
    pages = [normalise(p.extract_text()) for p in pypdf.PdfReader(written[0]).pages]
    text = " ".join(pages)
    assert "Notes 1. Office of the High Commissioner for Human Rights, Annual report on UPR follow-up" in text
    assert "2. Plain note." in text
    html = written[1].read_text()
    assert '<a class="note-ref" id="ref-1" href="#note-1"><sup>1</sup></a>' in html


def test_both_weasyprint_fixes_apply_to_the_installed_version_at_their_own_lines():
    import inspect

    from weasyprint.layout import block

    from reportgen.renderers._weasyprint_patch import FIXES, patch_weasyprint, unpatched_warnings

    lines, first_line = inspect.getsourcelines(block._linebox_layout)
    assert all("".join(lines).count(old) == 1 for old, _ in FIXES.values()), "WeasyPrint changed: update the patch"
    assert patch_weasyprint() == () and unpatched_warnings() == []
    assert block._linebox_layout.__code__.co_filename == block.__file__
    assert block._linebox_layout.__code__.co_firstlineno == first_line  # tracebacks point at WeasyPrint's lines


def test_a_fix_that_cannot_be_applied_is_a_warning_of_the_build(monkeypatch):
    import weasyprint

    from reportgen.load.project import Project
    from reportgen.pipeline import load_model
    from reportgen.renderers import _weasyprint_patch
    from reportgen.renderers.pdf_worker import PdfJob, render

    monkeypatch.setattr(_weasyprint_patch, "_missing", ("keep notes with their calls",))
    project = Project.at(ROOT)
    job = PdfJob.of(load_model(project), project.templates, project.root, "2011-11-21T00:00:00+00:00")
    assert render(job).result.warnings[0] == (
        f"PDF: WeasyPrint {weasyprint.__version__} was not patched to keep notes with their calls; "
        "notes are checked after layout instead")


def test_code_is_never_hyphenated(project, tmp_path):
    """Pandoc's test 7858: a hyphen put into code changes what a reader copies."""
    code = ("neuth asontue stheuosnt aeosunth asnoetuh asneotuh snatehou snatoehu sntahe ousntahoe unstaheou "
            "sntaheou aoeu sthoeu sntaoeusnth ansoetuhs atoeuh saonteu")
    root = project({"sections/01.md": f"Text `{code}` and more text to fill the line, hyphenated as usual.\n"})
    written, _ = build(root, ("pdf",), tmp_path)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(written[0]).pages)
    assert "\u2010" not in text and "\u00ad" not in text
    assert " ".join(text.split()).count(code) == 1


def test_a_character_no_font_has_is_a_warning_at_its_line(project, tmp_path):
    """Pandoc's test 7214: '語' (Japanese, traditional Chinese) is in no bundled font; the warning said not where."""
    root = project({"sections/01.md": "# Title\n\nA line.\n\n| 日本語 | words |\n|---|---|\n| a | b |\n"})
    _, warnings = build(root, ("pdf",), tmp_path)
    assert ("sections/01.md:5: warning: no font of the PDF has '語' (U+8A9E): it is printed as an empty box "
            "(.notdef)") in warnings
