"""Rebuilds after saves (`watch`, `serve`) reuse what did not change and give exactly what a clean
build gives: the same bytes after any sequence of edits."""

from __future__ import annotations

import os
import random
import re
import shutil
import threading

import pytest

from reportgen import model as m
from reportgen.errors import ReportError
from reportgen.pipeline import Built, Session, build
from reportgen.renderers.html import HtmlRenderer
from reportgen.renderers.memo import Memo

from .conftest import ROOT

FAST = ("html", "docx")  # the PDF is compared once, at the end: its layout is slow


@pytest.fixture
def example(tmp_path, monkeypatch):
    """A copy of the example report, built at a fixed time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1321833600")
    root = tmp_path / "example"
    for name in ("report", "sections", "references.bib"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    return root


class Rebuilds:
    """A warm session rebuilding after each edit, waiting for its background work each time."""

    def __init__(self, root, formats):
        self.session = Session(root, root / "build", pdf="pdf" in formats)
        self.formats, self.ended = formats, threading.Event()
        self.results: list = []

    def rebuild(self) -> list[str]:
        self.ended.clear()
        try:
            self.session.rebuild(self.formats, then=self._then)
        except ReportError as exc:
            return [str(p) for p in exc.problems]
        assert self.ended.wait(120), "the background work did not end"
        if isinstance(self.results[-1], BaseException):
            raise self.results[-1]
        return []

    def _then(self, result) -> None:
        self.results.append(result)
        self.ended.set()


def outputs(folder, formats) -> dict[str, bytes]:
    return {path.suffix: path.read_bytes() for path in folder.iterdir() if path.suffix[1:] in formats}


def assert_as_clean(root, tmp_path, formats) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build(root, formats, output_dir=clean)
    rebuilt, expected = outputs(root / "build", formats), outputs(clean, formats)
    assert sorted(rebuilt) == sorted(expected) == sorted(f".{f}" for f in formats)
    for suffix in expected:
        assert rebuilt[suffix] == expected[suffix], f"{suffix} differs from a clean build"


# The edits an author makes: each changes one file, some shift what follows (note numbers, Ibid.).

def _paragraph_lines(text: str) -> list[int]:
    body = text.split("\n---\n", 1)[-1] if text.startswith("---\n") else text
    offset = text.count("\n") - body.count("\n")
    return [offset + i for i, line in enumerate(body.split("\n"))
            if re.match(r"[A-Z][a-z]", line) and not line.startswith(("<!--", "-->"))]


def edit_line(rng: random.Random, root, change) -> None:
    path = rng.choice(sorted((root / "sections").glob("*.md")))
    lines = path.read_text().split("\n")
    candidates = _paragraph_lines("\n".join(lines))
    if candidates:
        i = rng.choice(candidates)
        lines[i] = change(rng, lines[i])
        path.write_text("\n".join(lines))


EDITS = {
    "word": lambda rng, line: line.replace(" the ", " the whole ", 1) if " the " in line else line + " Indeed.",
    "note": lambda rng, line: line + " An added claim.^[A note added while writing.]",
    "cite": lambda rng, line: line + rng.choice([" Cited[@ecpat2011, p. 4].", " Cited[@iom2006shelters].",
                                                " Cited[see @asean2004mla; @ecpat2011]."]),
    "drop": lambda rng, line: re.sub(r"\^\[[^\]]*\]|\[@[^\]]*\]", "", line, count=1),
}


def edit(rng: random.Random, root, original: dict) -> str:
    kind = rng.choice([*EDITS, "revert", "section", "config", "bib"])
    if kind in EDITS:
        edit_line(rng, root, EDITS[kind])
    elif kind == "revert":  # saved back as it was: what was rendered before is right again
        name = rng.choice(sorted(original))
        (root / name).write_text(original[name])
    elif kind == "section":  # a section file added, or removed again
        added = root / "sections" / "04-added.md"
        if added.exists():
            added.unlink()
        else:
            added.write_text("# Added findings\n\nA new paragraph citing[@ecpat2011] and noting.^[Its note.]\n")
    elif kind == "config":  # endnotes instead of footnotes: every section renders differently
        config = root / "report" / "report.yaml"
        text = config.read_text()
        swap = {"notes: footnotes": "notes: endnotes", "notes: endnotes": "notes: footnotes"}
        config.write_text(re.sub(r"notes: \w+notes", lambda found: swap[found.group()], text, count=1))
    else:  # a reference changed: every note citing it changes
        bib = root / "references.bib"
        bib.write_text(bib.read_text().replace("title = {", "title = {Revised: ", 1))
    return kind


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rebuilds_after_any_edits_equal_a_clean_build(example, tmp_path, seed):
    rng = random.Random(seed)
    original = {p.relative_to(example).as_posix(): p.read_text()
                for p in [*(example / "sections").glob("*.md"), example / "report" / "report.yaml"]}
    rebuilds = Rebuilds(example, FAST)
    with rebuilds.session:
        assert rebuilds.rebuild() == []
        for _ in range(8):
            kind = edit(rng, example, original)
            assert rebuilds.rebuild() == [], kind
            assert_as_clean(example, tmp_path, FAST)
        assert rebuilds.session.memo.hits > 0  # unchanged sections were reused, not rendered again


def test_with_the_pdf_every_output_equals_a_clean_build(example, tmp_path):
    rebuilds = Rebuilds(example, ("pdf", "html", "docx"))
    with rebuilds.session:
        rebuilds.rebuild()
        sections = rebuilds.session.memo.misses
        last = example / "sections" / "03-implementation.md"
        last.write_text(last.read_text() + "\nA sentence added at the end.^[And its note.]\n")
        rebuilds.rebuild()
        assert [type(r) for r in rebuilds.results] == [Built, Built]
        assert rebuilds.session.memo.hits == sections - 1  # all but the section edited
    assert_as_clean(example, tmp_path, ("pdf", "html", "docx"))


def test_a_newer_save_cancels_the_pdf_of_the_older_one(example, tmp_path):
    """The first rebuild's PDF is still being laid out when the second starts: it is given up (its
    process replaced), never written, and the outputs are those of the last save."""
    results = []
    section = example / "sections" / "01-executive-summary.md"
    with Session(example, example / "build") as session:
        session.rebuild(then=results.append)
        worker = session.worker
        section.write_text(section.read_text().replace("\n\n", "\n\nA later sentence.\n\n", 1))
        ended = threading.Event()
        session.rebuild(then=lambda result: (results.append(result), ended.set()))
        assert ended.wait(120)
        assert len(results) == 1 and isinstance(results[0], Built)  # the first one never reported
        assert session.worker is not worker  # the busy process was replaced
        assert (example / "build" / "report.pdf").is_file() or any((example / "build").glob("*.pdf"))
    assert_as_clean(example, tmp_path, ("pdf", "html", "docx"))


def test_close_stops_the_background_work_at_once(example):
    section = example / "sections" / "01-executive-summary.md"
    session = Session(example, example / "build")
    session.rebuild()
    worker = session.worker
    session.close()
    assert session.background is None and session.worker is None
    assert not worker.alive()
    assert section.is_file()


# The memo of sections' HTML ------------------------------------------------------------------------

def test_a_section_rendered_from_the_memo_is_what_a_fresh_renderer_gives(example_model):
    memo = Memo()
    first = HtmlRenderer(example_model, memo=memo).render()
    again = HtmlRenderer(example_model, memo=memo).render()
    assert memo.hits == len(example_model.sections) and first == again == HtmlRenderer(example_model).render()


def test_the_memo_context_holds_everything_a_section_rendering_reads(example_model):
    """A block rule that reads some state of the renderer the memo does not key on would reuse HTML
    made under another state: every attribute of the renderer read while rendering a section must
    be in the memo's context (or be a method)."""
    read: set[str] = set()

    class Tracing(HtmlRenderer):
        def __getattribute__(self, name):
            value = object.__getattribute__(self, name)
            if not callable(value):
                read.add(name)
            return value

    renderer = Tracing(example_model)
    for section in example_model.sections:
        renderer._section(section)
    # `after_note` is set by `inlines` before each node it reads it for; `memo` is the memo itself
    keyed = {"config", "break_before_notes", "deleted", "footnotes", "after_note"}
    assert read <= keyed, f"read while rendering a section but not in the memo's context: {read - keyed}"


def test_notes_renumbered_by_an_earlier_edit_are_rendered_again(example_model):
    memo = Memo()
    HtmlRenderer(example_model, memo=memo).render()
    first = example_model.sections[0]
    shifted = m.Section((m.Paragraph((m.Note((m.Paragraph((m.Text("New."),), first.source),), first.source, 1),),
                                     first.source),) + first.blocks, first.source)
    renumbered = _renumber_notes(example_model, shifted)
    html = HtmlRenderer(renumbered, memo=memo).render()
    assert html == HtmlRenderer(renumbered).render()


def _renumber_notes(document: m.Document, first: m.Section) -> m.Document:
    """The document with `first` as its first section, every note numbered again in order."""
    from dataclasses import replace

    from reportgen.errors import Problems
    from reportgen.transforms.citations import resolve_citations

    return resolve_citations(replace(document, sections=(first, *document.sections[1:])), Problems())


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_the_pdf_process_of_a_rebuild_gives_way_to_the_next_saves_html(example):
    with Session(example, example / "build") as session:
        session.rebuild()
        assert os.getpriority(os.PRIO_PROCESS, session.worker._process.pid) == os.getpriority(os.PRIO_PROCESS, 0) + 5
