"""Comments on an older draft: placed in the files of the commit the draft was built from, then
carried to today's files through the paragraph alignment of `reportgen diff`."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.pipeline import build
from reportgen.review.carry import MOVED_CHANGED_SINCE
from reportgen.review.comments import trace

from .pdf_annotate import annotate_pypdf
from .test_comments import isolate

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git holds the drafts' versions")

OLD = """\
# Findings

Children are trafficked across the border every month, the report finds.

The hotline answers calls in three languages only.

Shelters lack trained staff in every province visited.

Prosecutions remain rare and sentences light.
"""
NEW = """\
# Findings

A new first paragraph, written after the draft went out.

It pushes every line down.

Children are trafficked across the border every month, the report finds.

Prosecutions remain rare and sentences light.

The hotline answers calls in four languages, since March.
"""
# (phrase commented, comment, where it is today, note)
COMMENTS = [
    ("trafficked across the border", "Which border?", 7, ""),
    ("in three languages", "Which ones?", 11, MOVED_CHANGED_SINCE),
    ("lack trained staff", "Source?", None, "deleted since"),
    ("sentences light", "Compared with what?", 9, ""),
]


def git(root, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()


def commit(root, message: str) -> str:
    git(root, "add", "-A")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", message)
    return git(root, "rev-parse", "--short", "HEAD")


@pytest.fixture
def drafted(project, tmp_path):
    """A project drafted at one commit, with a reviewer's DOCX and PDF of that draft, then edited
    and committed again."""
    root = project({"sections/01.md": OLD})
    git(root, "init", "-q")
    first = commit(root, "draft")
    files, _ = build(root, ("docx", "pdf"), tmp_path / "out", draft=True)
    built = {path.suffix: path for path in files}
    document = docx.Document(built[".docx"])
    for phrase, comment, *_ in COMMENTS:
        document.add_comment(isolate(document, phrase), text=comment, author="Jane")
    document.save(tmp_path / "reviewed.docx")
    annotate_pypdf(built[".pdf"], tmp_path / "reviewed.pdf",
                   [{"type": "Highlight", "phrase": phrase, "contents": comment, "author": "Ana"}
                    for phrase, comment, *_ in COMMENTS])
    (root / "sections" / "01.md").write_text(NEW, encoding="utf-8")
    commit(root, "edited")
    return root, first, tmp_path


@pytest.mark.parametrize("reviewed", ["reviewed.docx", "reviewed.pdf"])
def test_comments_on_an_older_draft_are_carried_to_todays_lines(drafted, reviewed):
    if reviewed.endswith(".pdf") and shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext finds the phrases to annotate")
    root, first, folder = drafted
    traced = trace(folder / reviewed, root)
    assert traced.warnings == []
    got = [(r.path, r.line, r.text, r.note) for r in traced.remarks]
    old_line = OLD.splitlines().index("Shelters lack trained staff in every province visited.") + 1
    expected = [("sections/01.md", line, comment, note) for _, comment, line, note in COMMENTS if line]
    expected.append((f"{first}:sections/01.md", old_line, "Source?", "deleted since"))
    assert sorted(got) == sorted(expected)


def test_the_command_says_so(drafted):
    root, first, folder = drafted
    result = CliRunner().invoke(main, ["comments", str(folder / "reviewed.docx"), "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "sections/01.md:11: Jane: Which ones? [on \"in three languages\"; " in result.stdout
    assert result.stdout.splitlines()[2].endswith("; the paragraph has moved and changed since]")
    assert f"{first}:sections/01.md:7: Jane: Source? [on \"lack trained staff\"; " in result.stdout


def test_without_git_or_with_an_unknown_commit_a_warning_says_the_lines_may_be_stale(drafted):
    root, first, folder = drafted
    shutil.rmtree(root / ".git")
    traced = trace(folder / "reviewed.docx", root)
    assert traced.warnings == [f"reviewed.docx: built from commit {first}, but {root} is not in a git repository: "
                               "its marks are placed in today's files and may be stale"]
    git(root, "init", "-q")
    commit(root, "another history")
    traced = trace(folder / "reviewed.docx", root)
    assert traced.warnings == [f"reviewed.docx: built from commit {first}, which this repository does not have: "
                               "its marks are placed in today's files and may be stale"]
