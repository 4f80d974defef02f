"""`reportgen apply`: a reviewer's tracked changes written back into the Markdown as the smallest
edits; accepting them all in the DOCX and applying them give the same text."""

from __future__ import annotations

import io
import shutil
import subprocess

import docx
import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.pipeline import build
from reportgen.review.markdown_edit import NotPlaced, apply_edits
from reportgen.review.revisions import NOTE_CALL, Edit

from .conftest import ROOT
from .test_comments import isolate, tracked
from .test_review_clients import uno_review

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git holds the draft's version")


def edit(start: int, end: int, text: str = "", formatted: bool = False) -> Edit:
    return Edit(start, end, text, "Jane", formatted)


@pytest.mark.parametrize("source, original, edits, expected", [
    # a word deleted, with its space; the line layout kept
    ("The State has made\nsignificant progress.", "The State has made significant progress.",
     [edit(19, 31)], "The State has made\nprogress."),
    # emphasis, a note call and a citation stay where they were
    ("A *very* bad law[^1] that [@smith2020] nobody reads.",
     f"A very bad law{NOTE_CALL} that {NOTE_CALL} nobody reads.",
     [edit(2, 7), edit(22, 22, " still")], "A bad law[^1] that [@smith2020] still nobody reads."),
    # an insertion after emphasized words goes outside the emphasis, at a line's end before the break
    ("laws *need to be reviewed*\nand amended", "laws need to be reviewed and amended", [edit(24, 24, " urgently")],
     "laws *need to be reviewed* urgently\nand amended"),
    ("laws need to be reviewed\nand amended", "laws need to be reviewed and amended", [edit(24, 24, " urgently")],
     "laws need to be reviewed urgently\nand amended"),
    # a deletion over a line break keeps the break and the next line's indent (a list item's)
    ("- one two\n  three four", "one two three four", [edit(4, 14)], "- one\n  four"),
    # emphasis emptied by a deletion goes too; inserted Markdown is escaped
    ("It is *very* bad.", "It is very bad.", [edit(6, 11), edit(14, 14, " (see *note* [1])")],
     "It is bad \\(see \\*note\\* \\[1\\]).".replace("\\(", "(")),
    # typographic quotes and dashes in the text, straight ones in the source
    ("the child's \"best interest\" -- always", "the child\u2019s \u201cbest interest\u201d \u2013 always",
     [edit(9, 9, "ren"), edit(29, 36)], "the children's \"best interest\" --"),
])
def test_edits_are_made_in_the_markdown_exactly(source, original, edits, expected):
    assert apply_edits(source, original, edits) == expected


@pytest.mark.parametrize("source, original, edits, reason", [
    ("A law[^1] that works.", f"A law{NOTE_CALL} that works.", [edit(2, 10)], "it crosses a note call"),
    ("A *very bad* law.", "A very bad law.", [edit(7, 14)], "it crosses the edge of emphasis"),
    ("A bad law.", "A bad law.", [edit(2, 2, "very ", formatted=True)], "the inserted text is formatted"),
    ("Another text entirely, rewritten.", "A bad law that nobody reads.", [edit(2, 6)],
     "the paragraph's text is not the one in the source"),
    ("A law[^1] that works.", f"A law{NOTE_CALL} that works.", [edit(0, 18, "New text.")],
     "the paragraph is replaced whole, notes included"),
])
def test_what_cannot_be_placed_exactly_says_why(source, original, edits, reason):
    with pytest.raises(NotPlaced, match=reason):
        apply_edits(source, original, edits)


def git(root, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()


def copy_of_example(folder):
    root = folder / "report"
    root.mkdir()
    for name in ("report", "sections", "references.bib"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "draft")
    return root


LIBREOFFICE_EDITS = [
    {"delete_paragraphs": ["With regard to the policy framework"]},
    {"delete": "significant "},
    {"insert": " urgently", "after": "need to be reviewed"},
    {"delete": "Brunei Darussalam, "},
    {"insert": " and remains weak", "after": "not adequately implemented"},
    {"delete": "primarily "},
    {"replace_paragraph": "With regard to the implementation", "text": "Further efforts are needed to coordinate the "
     "actions of all stakeholders, so that child victims have access to assistance and support services."},
]


def body_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs if p.text.strip()] + cells


@needs_git
def test_accept_all_then_apply_then_rebuild_gives_the_same_text(tmp_path):
    root = copy_of_example(tmp_path)
    files, _ = build(root, ("docx",), tmp_path / "out", draft=True)
    reviewed, accepted = tmp_path / "reviewed.docx", tmp_path / "accepted.docx"
    uno_review(files[0], accepted, "Lena Lawyer", LIBREOFFICE_EDITS + [
        {"save": str(reviewed), "filter": "MS Word 2007 XML"}, {"accept_all": True}], "MS Word 2007 XML")
    result = CliRunner().invoke(main, ["apply", str(reviewed), "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "not applied" not in result.stdout, result.stdout
    assert "apply: 7 changes applied, 0 not applied" in result.stderr
    rebuilt, _ = build(root, ("docx",), tmp_path / "again", draft=True)
    assert body_text(rebuilt[0].read_bytes()) == body_text(accepted.read_bytes())
    diff = git(root, "diff", "--stat")
    assert "3 files changed" in diff


@needs_git
def test_a_dry_run_prints_a_diff_and_writes_nothing(tmp_path):
    root = copy_of_example(tmp_path)
    files, _ = build(root, ("docx",), tmp_path / "out", draft=True)
    document = docx.Document(files[0])
    run = isolate(document, "still suffers")
    run._r.addprevious(tracked("del", "still suffers", 901, "Bob"))
    run._r.getparent().remove(run._r)
    document.save(tmp_path / "reviewed.docx")
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "reviewed.docx"), "--project", str(root), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("--- a/sections/01-executive-summary.md\n+++ b/sections/01-executive-summary.md\n")
    assert "-been established, its implementation still suffers from a lack of coordination among the relevant\n" \
           "+been established, its implementation from a lack of coordination among the relevant\n" in result.stdout
    assert "sections/01-executive-summary.md:25: deleted \"still suffers\"" in result.stderr
    assert git(root, "status", "--porcelain") == ""


@needs_git
def test_a_paragraph_changed_since_the_draft_is_left_alone_and_the_others_follow_their_lines(tmp_path):
    root = copy_of_example(tmp_path)
    files, _ = build(root, ("docx",), tmp_path / "out", draft=True)
    document = docx.Document(files[0])
    for phrase, ident in (("still suffers", 901), ("Brunei Darussalam, ", 902)):
        run = isolate(document, phrase)
        run._r.addprevious(tracked("del", phrase, ident, "Bob"))
        run._r.getparent().remove(run._r)
    document.save(tmp_path / "reviewed.docx")
    summary = root / "sections" / "01-executive-summary.md"
    summary.write_text(summary.read_text().replace("still suffers from", "suffers from"), encoding="utf-8")
    normative = root / "sections" / "02-normative-framework.md"
    normative.write_text(normative.read_text().replace("### Regional legal standards\n",
                                                       "### Regional legal standards\n\nA new paragraph.\n"))
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "edited")
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "reviewed.docx"), "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "sections/01-executive-summary.md:23: not applied: the paragraph has changed since the draft: " \
           "deleted \"still suffers\"" in result.stdout
    assert "sections/02-normative-framework.md:36: deleted \"Brunei Darussalam,\"" in result.stdout
    assert "(Cambodia, Indonesia," in normative.read_text()


def test_a_change_in_the_generated_annex_is_left_alone(tmp_path, example_model):
    from reportgen.renderers.docx import render_docx

    root = copy_of_example(tmp_path) if shutil.which("git") else pytest.skip("git")
    document = docx.Document(io.BytesIO(render_docx(example_model, ROOT / "templates", ROOT)))
    cell = next(c for t in document.tables for row in t.rows for c in row.cells if c.text.startswith("Urge the"))
    cell.paragraphs[0].runs[0]._r.addprevious(tracked("ins", "Strongly ", 990, "Bob"))
    document.save(tmp_path / "annex.docx")
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "annex.docx"), "--project", str(root)])
    assert "not applied: in a table reportgen generates (an annex): change the recommendation itself" in result.stdout
    assert git(root, "status", "--porcelain") == ""


@needs_git
def test_word_markup_in_the_body_and_in_notes(tmp_path):
    from .test_comments import review

    root = copy_of_example(tmp_path)
    files, _ = build(root, ("docx",), tmp_path / "out", draft=True)
    (tmp_path / "word.docx").write_bytes(review(files[0].read_bytes(), in_note=False))
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "word.docx"), "--project", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert 'sections/01-executive-summary.md:25: deleted "still suffers"' in lines
    assert 'sections/01-executive-summary.md:21: inserted "urgently"' in lines
    assert 'sections/02-normative-framework.md:25: deleted "Southeast"' in lines  # in a note written inline
    assert ('sections/02-normative-framework.md:30: not applied: in a note made from a citation, or text reportgen '
            'generates: deleted "Kuala Lumpur,"') in lines
    text = (root / "sections" / "02-normative-framework.md").read_text()
    assert "ASEAN^[ASEAN: Association of Asian Nations.]" in text


@needs_git
def test_changes_on_an_older_draft_follow_paragraphs_moved_since_and_leave_deleted_ones(tmp_path):
    """The edits of test_comments_carry's round made between the draft and `apply`: a change in a
    paragraph moved to another section is made there, one in a paragraph deleted or reworded since
    is listed and left alone, the others follow their lines."""
    from .test_comments_carry import EXAMPLE_EDITS, S1, S2, S3

    root = copy_of_example(tmp_path)
    files, _ = build(root, ("docx",), tmp_path / "out", draft=True)
    document = docx.Document(files[0])
    for ident, phrase in enumerate(["still ", "further ", "adequately ", "very broad scope", "toward "], 901):
        run = isolate(document, phrase)
        run._r.addprevious(tracked("del", phrase, ident, "Bob"))
        run._r.getparent().remove(run._r)
    document.save(tmp_path / "reviewed.docx")
    for path, before, after in EXAMPLE_EDITS:
        (root / path).write_text((root / path).read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "second round")
    result = CliRunner().invoke(main, ["apply", str(tmp_path / "reviewed.docx"), "--project", str(root)])
    assert result.exit_code == 0, result.output
    texts = {path: (root / path).read_text(encoding="utf-8") for path in (S1, S2, S3)}
    moved = texts[S3].index("its implementation suffers from a lack of coordination")
    assert f"{S3}:{texts[S3][:moved].count(chr(10)) + 1}: deleted \"still\"" in result.stdout
    assert "has made significant progress a more comprehensive" in texts[S1]
    first = git(root, "rev-parse", "--short", "HEAD~1")
    for where, reason, phrase in [(f"{S1}:19", "has changed", "adequately"),  # today's line, or the draft's
                                  (f"{S2}:68", "has changed", "very broad scope"),
                                  (f"{first}:{S1}:28", "was deleted", "further")]:
        assert f"{where}: not applied: the paragraph {reason} since the draft: deleted \"{phrase}\"" in result.stdout
    assert "to adequately define" in texts[S1] and "whose scope is very broad" in texts[S2]
    assert "apply: 2 changes applied, 3 not applied" in result.stderr
