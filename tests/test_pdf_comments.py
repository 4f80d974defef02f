"""`reportgen comments` on PDFs: a draft of the example annotated by two independent libraries
(pypdf, pikepdf) with every kind of annotation reviewers' PDF programs write, against a table of
where each annotation belongs. The figures are printed at the end of the run."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.pipeline import build
from reportgen.review.comments import trace

from .conftest import ROOT, record_accuracy
from .pdf_annotate import PDFJS, annotate_pdfjs, annotate_pikepdf, annotate_pypdf
from .test_comments import line_of

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext finds the phrases")

SUMMARY = "sections/01-executive-summary.md"
NORMATIVE = "sections/02-normative-framework.md"
IMPLEMENTATION = "sections/03-implementation.md"
JANE, BOB, ANA = "Jane Reviewer", "Bob Lawyer", "Ana Member"

# (annotation, kind, text, quoted, file, phrase on the expected line)
TABLE = [
    ({"type": "Text", "phrase": "four year period", "contents": "Which years exactly?", "author": JANE},
     "comment", "Which years exactly?", "", SUMMARY, "four year period"),
    ({"type": "Highlight", "phrase": "Laos, Malaysia, Myanmar", "contents": "Which member States?", "author": JANE},
     "comment", "Which member States?", "Laos, Malaysia, Myanmar,", NORMATIVE, "Laos, Malaysia, Myanmar"),
    ({"type": "Text", "phrase": "Laos, Malaysia, Myanmar", "contents": "All ten of them.", "author": BOB,
      "reply_to": 1}, "comment", "All ten of them.", "Laos, Malaysia, Myanmar,", NORMATIVE, "Laos, Malaysia, Myanmar"),
    ({"type": "Underline", "phrase": "Domestic legal framework", "author": BOB},
     "comment", "", "Domestic legal framework", NORMATIVE, "### Domestic legal framework"),
    ({"type": "StrikeOut", "phrase": "still suffers", "contents": "Too strong.", "author": BOB},
     "deletion", "still suffers", "", SUMMARY, "still suffers"),
    ({"type": "Squiggly", "phrase": "Anonymous 24-hour hotlines", "contents": "Which ones?", "author": ANA},
     "comment", "Which ones?", "Anonymous 24-hour hotlines", IMPLEMENTATION, "Anonymous 24-hour hotlines"),
    ({"type": "Caret", "phrase": "reviewed and amended", "contents": " urgently", "author": JANE},
     "insertion", " urgently", "", SUMMARY, "amended to comply"),
    ({"type": "FreeText", "phrase": "Child Protection Act", "contents": "Cite the article.", "author": ANA},
     "comment", "Cite the article.", "", NORMATIVE, "Child Protection Act (2002) (CPA)"),
    ({"type": "Ink", "phrase": "Criminal Code (1982)", "author": BOB},
     "drawing", "", "Criminal Code (1982)", NORMATIVE, "Child Protection Act (2002) (CPA)"),
    ({"type": "Highlight", "phrase": "Association of Southeast Asian Nations.", "contents": "Spell out once.",
      "author": JANE}, "comment", "Spell out once.", "Association of Southeast Asian Nations.", NORMATIVE,
     "ASEAN: Association of Southeast Asian Nations."),
    ({"type": "Highlight", "phrase": "Commercial sexual exploitation of children in Indonesia",
      "contents": "Is this still the title?", "author": JANE}, "comment", "Is this still the title?",
     "Commercial sexual exploitation of children in Indonesia", "report/report.yaml",
     "Commercial sexual exploitation of children in Indonesia"),
    ({"type": "Highlight", "phrase": "sale of chil- dren, child prostitution", "contents": "Name it (OPSC).",
      "author": ANA}, "comment", "Name it (OPSC).", "sale of children, child prostitution", NORMATIVE,
     "The fact that Indonesia is not a State Party to the Optional Protocol"),
    ({"type": "Highlight", "phrase": "Urge the government of Indonesia to ratify", "occurrence": 2,
      "contents": "Add a deadline.", "author": BOB}, "comment", "Add a deadline.",
     "Urge the government of Indonesia to ratify", NORMATIVE, "- Urge the government of Indonesia to ratify"),
]


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf-draft")
    files, _ = build(ROOT, ("pdf",), folder, draft=True)
    return files[0]


@pytest.fixture(scope="module", params=["pypdf", "pikepdf"])
def annotated(request, draft, tmp_path_factory):
    target = tmp_path_factory.mktemp(request.param) / f"reviewed-{request.param}.pdf"
    writer = annotate_pypdf if request.param == "pypdf" else annotate_pikepdf
    if request.param == "pikepdf":
        pytest.importorskip("pikepdf")
    writer(draft, target, [annotation for annotation, *_ in TABLE])
    return request.param, target


def test_every_annotation_is_traced_to_its_file_and_line(annotated):
    writer, path = annotated
    remarks = trace(path, ROOT).remarks
    expected = [(where, line_of(where, phrase), kind, annotation["author"], text)
                for annotation, kind, text, _, where, phrase in TABLE]
    got = [(r.path, r.line, r.kind, r.author, r.text) for r in remarks]
    right = sum(1 for mark in expected if mark in got)
    record_accuracy(f"PDF annotations written by {writer} (13 annotations, 9 kinds)", right, len(expected))
    assert sorted(got) == sorted(expected)
    quoted = {r.text or r.quoted: r.quoted for r in remarks if r.kind != "deletion"}
    for annotation, kind, text, wanted, *_ in TABLE:
        if kind != "deletion" and wanted:
            assert quoted[text or wanted] == wanted, annotation
    reply = next(r for r in remarks if r.text == "All ten of them.")
    assert reply.reply_to == JANE
    assert [r.text for r in remarks][[r.text for r in remarks].index("Which member States?") + 1] == reply.text


def test_the_command_prints_each_annotation_with_its_kind(annotated):
    _, path = annotated
    result = CliRunner().invoke(main, ["comments", str(path), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f'{SUMMARY}:{line_of(SUMMARY, "still suffers")}: Bob Lawyer: delete "still suffers": Too strong. [' in out
    assert f'{SUMMARY}:{line_of(SUMMARY, "amended to comply")}: Jane Reviewer: insert "urgently" [' in out
    line = line_of(NORMATIVE, "Child Protection Act (2002) (CPA)")
    assert f'{NORMATIVE}:{line}: Bob Lawyer: drawing at "Criminal Code (1982)" [2026-03-02 09:15' in out
    line = line_of(NORMATIVE, "### Domestic legal framework")
    assert f'{NORMATIVE}:{line}: Bob Lawyer: underline "Domestic legal framework" [2026-03-02 09:15' in out
    assert "comments: 10 comments, 1 insertion, 1 deletion, 1 drawing from 3 reviewers in " in result.stderr


# Firefox's PDF editor (pdf.js): highlights, text boxes and drawings, without an author
FIREFOX = [
    ({"type": "Highlight", "phrase": "Laos, Malaysia, Myanmar"}, "comment", "", "Laos, Malaysia, Myanmar,", NORMATIVE,
     "Laos, Malaysia, Myanmar"),
    ({"type": "FreeText", "phrase": "Child Protection Act", "contents": "Cite the article."}, "comment",
     "Cite the article.", "", NORMATIVE, "Child Protection Act (2002) (CPA)"),
    ({"type": "Ink", "phrase": "Criminal Code (1982)"}, "drawing", "", "Criminal Code (1982)", NORMATIVE,
     "Child Protection Act (2002) (CPA)"),
    ({"type": "Highlight", "phrase": "Commercial sexual exploitation of children in Indonesia"}, "comment", "",
     "Commercial sexual exploitation of children in Indonesia", "report/report.yaml",
     "Commercial sexual exploitation of children in Indonesia"),
    ({"type": "FreeText", "phrase": "Anonymous 24-hour hotlines", "contents": "Which ones?"}, "comment",
     "Which ones?", "", IMPLEMENTATION, "Anonymous 24-hour hotlines"),
]


def test_annotations_saved_by_firefoxs_pdf_viewer(draft, tmp_path):
    if shutil.which("node") is None or not PDFJS.is_dir():
        pytest.skip("Node and pdfjs-dist are needed (sh tools/setup.sh --test installs them)")
    target = tmp_path / "firefox.pdf"
    annotate_pdfjs(draft, target, [annotation for annotation, *_ in FIREFOX])
    remarks = trace(target, ROOT).remarks
    expected = [(where, line_of(where, phrase), kind, text, quoted) for _, kind, text, quoted, where, phrase in FIREFOX]
    got = [(r.path, r.line, r.kind, r.text, r.quoted) for r in remarks]
    record_accuracy("PDF annotations saved by pdf.js 4.10, Firefox's PDF viewer (5 annotations, 3 kinds)",
                    sum(mark in got for mark in expected), len(expected))
    assert sorted(got) == sorted(expected)
    assert {r.author for r in remarks} == {""}
