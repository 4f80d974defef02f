"""Ground truth per reviewer's client: a reviewer marks a draft of the example in a real client
(LibreOffice through UNO, with "Track Changes" on), and `reportgen comments` must give every mark
back at the file and line its text is written on. The figures are printed at the end of the run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from reportgen.pipeline import build
from reportgen.renderers.docx import render_docx
from reportgen.review.comments import trace

from .conftest import ROOT, record_accuracy
from .libreoffice_uno import python_with_uno
from .test_comments import line_of

HELPER = Path(__file__).with_name("libreoffice_review.py")
SUMMARY = "sections/01-executive-summary.md"
NORMATIVE = "sections/02-normative-framework.md"
IMPLEMENTATION = "sections/03-implementation.md"

# (action, kind, text reportgen gives back, file, phrase on the expected line)
LIBREOFFICE_MARKS = [
    ({"delete": "significant "}, "deletion", "significant ", SUMMARY, "has made significant progress"),
    ({"insert": " urgently", "after": "need to be reviewed"}, "insertion", " urgently", SUMMARY,
     "need to be reviewed"),
    ({"delete_paragraphs": ["With regard to the policy framework", "With regard to the implementation"]},
     "deletion", None, SUMMARY, "With regard to the policy framework"),
    (None, "deletion", None, SUMMARY, "With regard to the implementation of the relevant legal"),
    ({"delete": "Brunei Darussalam, "}, "deletion", "Brunei Darussalam, ", NORMATIVE, "(Brunei Darussalam,"),
    ({"insert": " and remains weak", "after": "not adequately implemented"}, "insertion", " and remains weak",
     IMPLEMENTATION, "Plan of Action was not adequately implemented"),
    ({"delete": "primarily "}, "deletion", "primarily ", IMPLEMENTATION, "very weak, primarily due"),
    ({"insert": " (2002)", "after": "In addition, the extraterritorial legal framework"}, "insertion", " (2002)",
     NORMATIVE, "In addition, the extraterritorial legal framework"),
]


def uno_review(source: Path, target: Path, author: str, actions: list[dict], filter_name: str) -> dict:
    python = python_with_uno()
    if python is None:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is needed: it is the reviewer's client here")
    script = target.with_suffix(".json")
    script.write_text(json.dumps(actions))
    result = subprocess.run([python, str(HELPER), str(source), str(target), filter_name, author, str(script)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module", params=["docx", "odt"])
def libreoffice_reviewed(request, example_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    draft = folder / "draft.docx"
    draft.write_bytes(render_docx(example_model, ROOT / "templates", ROOT))
    actions = [action for action, *_ in LIBREOFFICE_MARKS if action]
    target = folder / f"reviewed.{request.param}"
    uno_review(draft, target, "Lena Lawyer", actions, "MS Word 2007 XML" if request.param == "docx" else "writer8")
    return target


def test_libreoffice_marks_each_at_its_file_and_line(libreoffice_reviewed):
    remarks = trace(libreoffice_reviewed, ROOT).remarks
    expected = sorted((path, line_of(path, phrase), kind) for _, kind, _, path, phrase in LIBREOFFICE_MARKS)
    got = sorted((r.path, r.line, r.kind) for r in remarks)
    right = sum(1 for mark in expected if mark in got)
    record_accuracy(f"LibreOffice 7.4 through UNO, {libreoffice_reviewed.suffix[1:].upper()} (tracked changes, "
                    "whole paragraphs deleted)", right, len(expected))
    assert got == expected
    assert all(r.author == "Lena Lawyer" for r in remarks)
    texts = {(r.path, r.line): r.text for r in remarks}
    for _, _kind, text, path, phrase in LIBREOFFICE_MARKS:
        if text:
            assert texts[(path, line_of(path, phrase))] == text
    deleted = texts[(SUMMARY, line_of(SUMMARY, "With regard to the policy framework"))]
    assert deleted.startswith("With regard to the policy framework") and deleted.endswith("monitoring mechanisms.")


def test_the_redline_docx_accepted_in_libreoffice_is_the_newer_version(project, tmp_path):
    """A renamed heading next to a deleted paragraph, a heading replaced by another, a moved
    paragraph, a changed table cell, a list item removed: LibreOffice's "Accept All" on the
    redline gives the newer version, paragraph styles included."""
    import docx

    from reportgen.review.compare import compare

    from .test_comments_carry import commit, git

    old = ("# Findings\n\nPara one is here.\n\nPara two goes away.\n\n## Old heading\n\nText under it.\n\n"
           "## Second heading\n\nA moving paragraph.\n\n- first item\n- second item\n\n| State | Position |\n"
           "|---|---|\n| Chile | Noted |\n\nLast words.\n")
    new = ("# Findings\n\nPara one is here.\n\n## Old heading renamed\n\nText under it.\n\n"
           "## Something else entirely\n\n- first item\n\n| State | Position |\n|---|---|\n| Chile | Supported |\n\n"
           "Last words.\n\nA moving paragraph.\n")
    root = project({"sections/01.md": old})
    git(root, "init", "-q")
    commit(root, "old")
    (root / "sections" / "01.md").write_text(new, encoding="utf-8")
    redline, = compare(root, "HEAD", None, ("docx",), tmp_path / "out").written
    accepted = uno_review(redline, tmp_path / "accepted.docx", "Lena Lawyer", [{"accept_all": True}],
                          "MS Word 2007 XML")["paragraphs"]
    commit(root, "new")
    built, _ = build(root, ("docx",), tmp_path / "new", draft=True)
    expected = [[p.style.name, p.text] for p in docx.Document(built[0]).paragraphs]
    body = [pair for pair in accepted if pair[1].strip()]
    assert body == [pair for pair in expected if pair[1].strip()]
    assert ["Heading 2", "Old heading renamed"] in body and ["Heading 2", "Something else entirely"] in body
