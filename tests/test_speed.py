"""The speed work changes nothing but the time: shortcuts give what the long way gives. No timings here."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen import model as m
from reportgen.errors import Problems, ReportError
from reportgen.load import latex
from reportgen.load.cache import ParseCache
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model

PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\\{}$%&~#^_`"),
                max_size=40).filter(lambda s: not latex.LATEX_MARKUP.search(s))
DASHES = st.text(alphabet="a -–—\n\u00a0'", max_size=30)


def decoded_the_long_way(text: str) -> str:
    return "".join(run[0] for run in latex._tidy(latex._Decoder(text, None).runs()))


@settings(max_examples=400, deadline=None)
@given(st.one_of(PLAIN, DASHES))
def test_values_without_latex_markup_skip_the_decoder_and_decode_the_same(text):
    assert latex.to_text(text) == decoded_the_long_way(text)


def test_values_with_latex_markup_still_decode():
    for source, text in [('M{\\"u}ller', "Müller"), ("2009--2014", "2009–2014"), ("a~b", "a\u00a0b"),
                         ("``quoted''", "“quoted”")]:
        assert latex.to_text(source) == decoded_the_long_way(source) == text


LOADED_LIBRARIES = """
import sys
from pathlib import Path
if sys.argv[1] == "fast":
    from reportgen.renderers._weasyprint_import import import_weasyprint
    import_weasyprint()
else:
    import weasyprint
names = ("pango", "harfbuzz", "fontconfig", "gobject")
maps = Path("/proc/self/maps").read_text().split()
print(sorted({Path(p).name for p in maps if p.startswith("/") and any(n in p for n in names)}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is for Linux only")
def test_weasyprint_imported_without_the_library_search_loads_the_same_libraries():
    def loaded(how: str) -> str:
        return subprocess.run([sys.executable, "-c", LOADED_LIBRARIES, how], capture_output=True, text=True,
                              check=True).stdout

    fast = loaded("fast")
    assert "libpango" in fast
    assert fast == loaded("usual")


# The parse cache ---------------------------------------------------------------------------------

SECTION = """\
# Findings

A "finding"[@ohchr2020, p. 3] and a note^[Plain note.] <b>bold</b>.
"""


def _load(root, cache):
    problems = Problems()
    document = load_model(Project.at(root), problems, cache)
    return document, [str(p) for p in problems.items]


def test_an_unchanged_project_is_not_parsed_again_and_gives_the_same_model(project, tmp_path):
    root = project({"sections/01.md": SECTION, "sections/02.md": "# More\n\nText[@smith2020].\n"})
    first, warnings = _load(root, ParseCache(tmp_path / "cache"))
    cache = ParseCache(tmp_path / "cache")  # a new process: only the files are left
    second, again = _load(root, cache)
    assert (cache.hits, cache.misses) == (3, 0)  # two sections and the bibliography
    assert second == first and second.notes == first.notes
    assert again == warnings == ["sections/01.md:3: warning: raw HTML is shown as text, not interpreted; "
                                 "write Markdown instead"]  # reported on every build


def test_the_example_is_read_back_from_the_cache(tmp_path):
    """Every kind of node the example holds unpickles (a class the unpickler does not know would
    make every build parse again)."""
    from .conftest import ROOT

    first = load_model(Project.at(ROOT), cache=ParseCache(tmp_path))
    cache = ParseCache(tmp_path)
    assert load_model(Project.at(ROOT), cache=cache) == first
    # every section, the bibliography and the coalition's description
    assert cache.misses == 0 and cache.hits == len(list((ROOT / "sections").glob("*.md"))) + 2


def test_only_what_changed_is_parsed_again(project, tmp_path):
    root = project({"sections/01.md": SECTION, "sections/02.md": "# More\n\nText[@smith2020].\n"})
    cache = ParseCache(tmp_path / "cache")
    _load(root, cache)
    (root / "sections/02.md").write_text("# More\n\nOther text[@smith2020].\n")
    cache.hits = cache.misses = 0
    document, _ = _load(root, cache)
    assert (cache.hits, cache.misses) == (2, 1)
    assert "Other text" in m.plain_text(document.sections[1].blocks)


def test_the_language_is_part_of_the_key(project, tmp_path):
    root = project({"sections/01.md": SECTION})
    cache = ParseCache(tmp_path / "cache")
    english, _ = _load(root, cache)
    config = root / "report/report.yaml"
    config.write_text(config.read_text() + "language: fr\n")
    french, _ = _load(root, cache)
    assert "“finding”" in m.plain_text(english.sections[0].blocks)
    assert "«\u00a0finding\u00a0»" in m.plain_text(french.sections[0].blocks)


def test_errors_are_reported_again_from_the_cache(project, tmp_path):
    root = project({"sections/01.md": "# A\n\nText[@nowhere].\n"})
    messages = []
    for _ in range(2):
        with pytest.raises(ReportError) as caught:
            _load(root, ParseCache(tmp_path / "cache"))
        messages.append([str(p) for p in caught.value.problems])
    assert messages[0] == messages[1] == ["sections/01.md:3: unknown citation key 'nowhere'"]


def test_a_corrupt_or_planted_cache_file_is_parsed_again_never_trusted(project, tmp_path):
    root = project({"sections/01.md": SECTION})
    folder = tmp_path / "cache"
    expected, _ = _load(root, ParseCache(folder))
    files = sorted(folder.glob("*.pickle"))
    assert len(files) == 2
    files[0].write_bytes(files[0].read_bytes()[:100])  # truncated
    marker = tmp_path / "pwned"
    files[1].write_bytes(pickle.dumps(_Planted(str(marker))))
    cache = ParseCache(folder)
    document, _ = _load(root, cache)
    assert document == expected and cache.misses == 2
    assert not marker.exists()


class _Planted:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.system, (f"touch {self.path}",))


def test_builds_use_a_cache_in_the_output_folder(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project({"sections/01.md": SECTION})
    first = {}
    for run in range(2):
        written, _ = build(root, ("html", "docx"))
        outputs = {path.name: path.read_bytes() for path in written}
        assert run == 0 or outputs == first
        first = outputs
    assert len(list((root / "build" / ".cache").glob("*.pickle"))) == 2


# The PDF in its own process ------------------------------------------------------------------------

def test_a_parallel_build_writes_what_a_sequential_one_would(project, monkeypatch):
    from reportgen.clock import build_time
    from reportgen.pipeline import Session
    from reportgen.renderers._ooxml_properties import with_page_count
    from reportgen.renderers.docx import render_docx
    from reportgen.renderers.pdf_worker import PdfJob, render

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project({"sections/01.md": SECTION, "sections/02.md": "# More\n\nText[@smith2020].\n"})
    written, _ = build(root)
    outputs = {path.suffix: path.read_bytes() for path in written}

    source = Project.at(root)
    document = load_model(source)
    done = render(PdfJob.of(document, source.templates, source.root, build_time().isoformat()))
    assert outputs[".pdf"] == done.result.pdf
    assert outputs[".html"] == done.result.html.encode()
    with Session(root, pdf=False) as session:  # the DOCX's statistics: the checker's words, the PDF's pages
        words = session.check(session.load()).words.counted
    docx = render_docx(document, source.templates, source.root, build_time(), words=words)
    assert outputs[".docx"] == with_page_count(docx, done.result.pages)


def test_a_note_pushed_to_the_next_page_is_laid_out_from_the_model(project, monkeypatch):
    from reportgen.renderers import pdf
    from reportgen.renderers.html import HtmlRenderer
    from reportgen.renderers.pdf_worker import PdfJob, render

    source = Project.at(project({"sections/01.md": SECTION}))
    document = load_model(source)
    layouts = []

    def note_1_misplaced_once(laid_out):  # as if note 1 fell on the page after its call, the first time
        layouts.append(laid_out)
        return {1: (1, 2 if len(layouts) == 1 else 1), 2: (1, 1)}

    monkeypatch.setattr(pdf, "note_pages", note_1_misplaced_once)
    done = render(PdfJob.of(document, source.templates, source.root, "2022-01-01T00:00:00+00:00"))
    assert len(layouts) == 2
    assert done.result.html == HtmlRenderer(document, source.templates, "2022-01-01T00:00:00+00:00",
                                            frozenset({1})).render()
    assert 'class="numbered page-break"' in done.result.html


def test_the_pdf_process_can_be_spawned_as_on_macos_and_windows(project, monkeypatch):
    from reportgen.renderers import pdf_worker

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = project({"sections/01.md": SECTION})
    forked = {path.name: path.read_bytes() for path in build(root, ("pdf",), root / "forked")[0]}
    monkeypatch.setattr(pdf_worker, "START_METHOD", "spawn")
    spawned = {path.name: path.read_bytes() for path in build(root, ("pdf",), root / "spawned")[0]}
    assert spawned == forked


def test_mistakes_met_in_the_pdf_process_are_located_and_nothing_is_written(project):
    root = project({"sections/01.md": SECTION, "templates/report.html.j2": "<html>{{ nothing.here }}</html>\n"})
    with pytest.raises(ReportError) as caught:
        build(root, ("pdf", "docx"))
    assert [str(p) for p in caught.value.problems] == [
        "templates/report.html.j2:1: template error: 'nothing' is undefined"]
    assert not list((root / "build").glob("*.docx"))


def test_weasyprint_lays_out_every_page_of_the_example_once(example_model):
    """Nothing in the template makes WeasyPrint lay pages out again (no target-counter, no page
    counters in the text): the PDF costs one layout pass."""
    import logging

    from weasyprint.logger import PROGRESS_LOGGER

    from reportgen.renderers._weasyprint_patch import patch_weasyprint
    from reportgen.renderers.html import HtmlRenderer
    from reportgen.renderers.pdf import render_pdf

    from .conftest import ROOT

    patch_weasyprint()  # as in the PDF process

    made, up_to_date = [], []

    class Pages(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            if "Creating layout - Page" in message:
                (up_to_date if "up-to-date" in message else made).append(message)

    handler, level = Pages(), PROGRESS_LOGGER.level
    PROGRESS_LOGGER.addHandler(handler)
    PROGRESS_LOGGER.setLevel(logging.INFO)
    try:
        result = render_pdf(lambda pushed=frozenset(): HtmlRenderer(example_model, ROOT / "templates").render(),
                            ROOT)
    finally:
        PROGRESS_LOGGER.removeHandler(handler)
        PROGRESS_LOGGER.setLevel(level)
    assert len(made) == result.pages and not up_to_date


RENDER_WITH_OR_WITHOUT_THE_LOOKUP_FIX = """
import hashlib, sys
from reportgen.renderers import _weasyprint_patch
if sys.argv[2] == "without":
    _weasyprint_patch.FIXES["look for notes only where one is called"] = ("no such code", "")
from reportgen.renderers.pdf_worker import PdfJob, render
from reportgen.load.project import Project
from reportgen.pipeline import load_model
project = Project.at(sys.argv[1])
job = PdfJob.of(load_model(project), project.templates, project.root, "2022-01-01T00:00:00+00:00")
print(hashlib.sha256(render(job).result.pdf).hexdigest())
"""


def test_the_note_lookup_fix_applies_to_the_installed_weasyprint_and_changes_no_byte(project):
    import inspect

    from weasyprint.layout import block

    from reportgen.renderers import _weasyprint_patch

    source = inspect.getsource(inspect.getmodule(block))
    old, _ = _weasyprint_patch.FIXES["look for notes only where one is called"]
    assert source.count(old) == 1  # else an upgrade left it unpatched
    root = project({"sections/01.md": SECTION * 3, "sections/02.md": "# More\n\nText[@smith2020].\n"})

    def pdf(how: str) -> str:
        return subprocess.run([sys.executable, "-c", RENDER_WITH_OR_WITHOUT_THE_LOOKUP_FIX, str(root), how],
                              capture_output=True, text=True, check=True).stdout

    assert pdf("with") == pdf("without")


def test_decoded_references_are_kept_in_the_cache_with_their_warnings(project, monkeypatch):
    """The next build reads the cited works decoded, and reports what decoding found again."""
    from reportgen.load import reference
    from reportgen.pipeline import Session

    from .conftest import MINIMAL_BIB

    bib = MINIMAL_BIB.replace("year = {2020},\n}", "year = {2020},\n  note = {An \\oddcommand{x} here},\n}", 1)
    root = project({"sections/01.md": "# A\n\nText[@smith2020].\n", "references.bib": bib})
    with Session(root, pdf=False) as session:
        first = session.load()
    monkeypatch.setattr(reference, "decode", lambda *args: pytest.fail("decoded again"))
    with Session(root, pdf=False) as session:  # a new process would read the same files
        again = session.load()
    assert again.document == first.document and again.document.notes == first.document.notes
    assert [str(p) for p in again.warnings] == [str(p) for p in first.warnings] == [
        "references.bib:16: warning: entry 'smith2020', field 'note': unknown LaTeX command '\\oddcommand' "
        "(its argument is kept)"]
