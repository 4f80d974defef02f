"""Many reviewers at once: `reportgen comments a.docx b.pdf c.odt` merges their marks by file and line,
groups them per reviewer or per section owner, filters by author, and never counts reportgen's own
tracked changes (a redline's) as a reviewer's."""

from __future__ import annotations

import json
import shutil

import docx
import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.pipeline import build

from .conftest import ROOT
from .pdf_annotate import annotate_pypdf
from .test_comments import isolate, line_of, tracked

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext finds the phrases")
SUMMARY, NORMATIVE = "sections/01-executive-summary.md", "sections/02-normative-framework.md"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """Jane's DOCX and Bob's PDF of the same draft of the example."""
    folder = tmp_path_factory.mktemp("many")
    files, _ = build(ROOT, ("docx", "pdf"), folder / "draft", draft=True)
    built = {path.suffix: path for path in files}
    document = docx.Document(built[".docx"])
    document.add_comment(isolate(document, "Laos, Malaysia, Myanmar"), text="Which member States?",
                         author="Jane Reviewer")
    run = isolate(document, "still suffers")
    run._r.addprevious(tracked("del", "still suffers", 901, "Jane Reviewer"))
    run._r.getparent().remove(run._r)
    document.save(folder / "jane.docx")
    annotate_pypdf(built[".pdf"], folder / "bob.pdf", [
        {"type": "Text", "phrase": "four year period", "contents": "Which years?", "author": "Bob Lawyer"},
        {"type": "Highlight", "phrase": "Domestic legal framework", "contents": "Name the law.",
         "author": "Bob Lawyer"}])
    return folder


def run(*args: str):
    result = CliRunner().invoke(main, ["comments", *args, "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    return result


def test_files_of_several_reviewers_are_merged_by_file_and_line(reviewed):
    result = run(str(reviewed / "jane.docx"), str(reviewed / "bob.pdf"))
    places = [line.split(": ")[0] for line in result.stdout.splitlines()]
    assert places == [f"{SUMMARY}:{line_of(SUMMARY, 'four year period')}",
                      f"{SUMMARY}:{line_of(SUMMARY, 'still suffers')}",
                      f"{NORMATIVE}:{line_of(NORMATIVE, 'Laos, Malaysia')}",
                      f"{NORMATIVE}:{line_of(NORMATIVE, '### Domestic legal framework')}"]
    assert result.stdout.splitlines()[0].endswith("; bob.pdf]")  # several files: each line says whose
    assert "comments: 3 comments, 0 insertions, 1 deletion from 2 reviewers in 2 files" in result.stderr


def test_per_reviewer_per_owner_and_one_author(reviewed):
    files = [str(reviewed / "jane.docx"), str(reviewed / "bob.pdf")]
    by_reviewer = run(*files, "--by", "reviewer").stdout
    assert by_reviewer.startswith("Bob Lawyer (2 comments, 0 insertions, 0 deletions):\n")
    assert "\n\nJane Reviewer (1 comment, 0 insertions, 1 deletion):\n" in by_reviewer
    by_owner = run(*files, "--by", "owner").stdout  # the sections' front matter `owner`
    owner = (ROOT / NORMATIVE).read_text().split("owner: ")[1].split("\n")[0]
    assert by_owner.startswith("ECPAT Indonesia (1 comment, 0 insertions, 1 deletion):\n")
    assert f"\n\n{owner} (2 comments, 0 insertions, 0 deletions):\n" in by_owner
    only = run(*files, "--author", "bob lawyer", "--format", "json").stdout
    data = json.loads(only)
    assert {r["author"] for r in data["remarks"]} == {"Bob Lawyer"} and data["counts"] == {"comment": 2}
    assert data["remarks"][0]["owner"] == "ECPAT Indonesia" and data["remarks"][0]["reviewed"] == "bob.pdf"


def test_reportgens_own_tracked_changes_in_a_redline_are_not_a_reviewers(reviewed, tmp_path):
    document = docx.Document(reviewed / "jane.docx")
    run_ = isolate(document, "four year period")
    run_._r.addprevious(tracked("ins", "NEW ", 950, "reportgen: 1a2b3c4 to 5d6e7f8"))  # the redline's own
    document.save(tmp_path / "redline-reviewed.docx")
    result = run(str(tmp_path / "redline-reviewed.docx"), "--format", "csv")
    assert "reportgen:" not in result.stdout and "Jane Reviewer" in result.stdout
    assert "comments: 1 comment, 0 insertions, 1 deletion from 1 reviewer in " in result.stderr


def test_a_file_of_another_kind_is_a_one_line_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = CliRunner().invoke(main, ["comments", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"{path}: not a file reportgen can read marks from (DOCX, ODT or PDF)\n"


def test_a_final_pdf_is_refused_with_a_one_line_error(tmp_path):
    files, _ = build(ROOT, ("pdf",), tmp_path, draft=False)
    result = CliRunner().invoke(main, ["comments", str(files[0])])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{files[0]}: not a draft PDF built by reportgen (it has no "
                                    "reportgen-sources.json)")
    assert len(result.stderr.splitlines()) == 1
