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
from reportgen.review.carry import CHANGED_SINCE, MOVED_CHANGED_SINCE, MOVED_SINCE
from reportgen.review.comments import trace

from .conftest import ROOT, record_accuracy
from .libreoffice import convert
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


# The example report drafted, reviewed, then edited as authors edit between two rounds: a paragraph
# added at the top of each of two sections, one reworded, one moved to another section, one deleted,
# a line added to report.yaml. Each mark: (file in the draft, phrase commented, what became of it).
S1, S2, S3 = "sections/01-executive-summary.md", "sections/02-normative-framework.md", "sections/03-implementation.md"
EXAMPLE_MARKS = [
    ("report/report.yaml", "Commercial sexual exploitation of children in Indonesia", ""),
    (S1, "has made significant progress", ""),
    (S1, "fail to adequately define", CHANGED_SINCE),
    (S1, "lack of coordination among the relevant", MOVED_SINCE),  # to section 3
    (S1, "enhance capacity building", "deleted since"),
    (S2, "Laos, Malaysia, Myanmar", ""),
    (S2, "Child Protection Act (2002) (CPA)", ""),
    (S2, "The Law on Pornography was adopted in 2008", CHANGED_SINCE),
    (S3, "great concern as it hampers", ""),
    (S3, "judges and attorneys still", ""),
]
MOVED = """With regard to the policy framework, even though a National Plan of Action on the Eradication of
the Criminal Act of Trafficking in Persons and Sexual Exploitation of Children (2009-2014) has
been established, its implementation still suffers from a lack of coordination among the relevant
state agencies and well as weak monitoring mechanisms.

"""
DELETED = """With regard to the implementation of the relevant legal and policy frameworks, further efforts to
coordinate actions by all relevant stakeholders, including governmental agencies as well as civil
society organizations, are needed to improve child victims' access to adequate assistance and
support services and to enhance capacity building for law enforcement representatives.

"""
EXAMPLE_EDITS = [  # (file, old text, new text)
    ("report/report.yaml", "title: Commercial", "# Title agreed at the coalition's meeting.\ntitle: Commercial"),
    (S1, "{.unnumbered}\n\n", "{.unnumbered}\n\nA paragraph written after the draft went out.\n\n"),
    (S1, "These laws\nneed to be reviewed", "These laws\nmust be reviewed"),
    (S1, MOVED, ""),
    (S1, DELETED, ""),
    (S2, "### Regional legal standards", "A paragraph added,\nover two lines.\n\n### Regional legal standards"),
    (S2, "which has a very broad scope", "whose scope is very broad"),
    (S3, "The situation of child victims unable", MOVED + "The situation of child victims unable"),
]


def line_in(text: str, phrase: str) -> int:
    assert text.count(phrase) == 1, phrase
    return text[:text.index(phrase)].count("\n") + 1


@pytest.fixture(scope="module")
def example_drafted(tmp_path_factory):
    """The example drafted at one commit, marked by a reviewer in the DOCX and another on the PDF,
    then edited and committed; the ground truth of where each mark belongs today."""
    root, out = tmp_path_factory.mktemp("example"), tmp_path_factory.mktemp("drafted")
    for name in ("report", "sections"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "references.bib", root)
    git(root, "init", "-q")
    first = commit(root, "draft for the lawyers")
    files, _ = build(root, ("docx", "pdf"), out, draft=True)
    built = {path.suffix: path for path in files}
    document = docx.Document(built[".docx"])
    for _, phrase, _ in EXAMPLE_MARKS:
        document.add_comment(isolate(document, phrase), text=f"On {phrase}", author="Bob Lawyer")
    document.save(out / "bob.docx")
    if shutil.which("soffice") or shutil.which("libreoffice"):  # the same marks, saved by LibreOffice as ODT
        (out / "lo").mkdir()
        saved, = convert([out / "bob.docx"], "odt", out / "lo", "it saves the reviewer's file as ODT")
        saved.rename(out / "bob.odt")
    if shutil.which("pdftotext"):
        marks = [{"type": "Highlight", "phrase": phrase, "author": "Jane", "contents": f"On {phrase}"}
                 for _, phrase, _ in EXAMPLE_MARKS]
        annotate_pypdf(built[".pdf"], out / "jane.pdf", marks)
    old = {path: (root / path).read_text(encoding="utf-8") for path, _, _ in EXAMPLE_MARKS}
    for path, before, after in EXAMPLE_EDITS:
        text = (root / path).read_text(encoding="utf-8")
        assert text.count(before) == 1, before
        (root / path).write_text(text.replace(before, after), encoding="utf-8")
    commit(root, "second round")
    truth = {}
    for path, phrase, fate in EXAMPLE_MARKS:
        if fate == "deleted since":
            truth[f"On {phrase}"] = (f"{first}:{path}", line_in(old[path], phrase), fate)
            continue
        today = S3 if fate == MOVED_SINCE else path
        truth[f"On {phrase}"] = (today, line_in((root / today).read_text(encoding="utf-8"), phrase), fate)
        assert fate or truth[f"On {phrase}"][1] != line_in(old[path], phrase) or path == S3, phrase  # all moved
    return root, out, truth


@pytest.mark.parametrize("client", ["bob.docx", "bob.odt", "jane.pdf"])
def test_the_example_commented_on_an_older_draft_every_mark_on_todays_line(example_drafted, client):
    """The issue's case: marks on a draft whose sections have moved on; printed against today's files
    with the draft's line numbers, most pointed at unrelated paragraphs."""
    root, out, truth = example_drafted
    if not (out / client).exists():
        pytest.skip("LibreOffice saves the ODT, poppler's pdftotext finds the phrases to annotate")
    traced = trace(out / client, root)
    assert traced.warnings == []
    got = {r.text: (r.path, r.line, r.note) for r in traced.remarks}
    right = [text for text, place in truth.items() if got.get(text) == place]
    kind = {".docx": "DOCX comments", ".odt": "the DOCX saved as ODT by LibreOffice",
            ".pdf": "PDF highlights (pypdf)"}[client[client.rindex("."):]]
    record_accuracy(f"The example commented on an older draft, then edited (a paragraph added, reworded, moved to "
                    f"another section, deleted), {kind}", len(right), len(truth))
    assert got == truth
    owners = {r.text: r.owner for r in traced.remarks}  # a paragraph deleted since still has its section's owner
    assert owners["On enhance capacity building"] == "ECPAT Indonesia"
    assert owners["On judges and attorneys still"] == "YKAI"
