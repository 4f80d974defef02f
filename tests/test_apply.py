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
def test_an_edit_where_the_words_changed_since_the_draft_is_left_alone_and_the_others_follow_their_lines(tmp_path):
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
    assert "sections/01-executive-summary.md:23: not applied: the paragraph has changed since the draft, there too: " \
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
    # reworded since, elsewhere in the paragraph: merged; where the reviewer's words were: left, at today's line
    assert "ages, fail to define\nand criminalise the different forms of commercial sexual exploitation of children. " \
           "These laws\nmust be reviewed" in texts[S1]
    assert f"{S1}:21: deleted \"adequately\" (the paragraph has changed since the draft, elsewhere)" in result.stdout
    assert f"{S2}:68: not applied: the paragraph has changed since the draft, there too: deleted \"very broad scope\"" \
           in result.stdout and "whose scope is very broad" in texts[S2]
    first = git(root, "rev-parse", "--short", "HEAD~1")  # deleted since: its place in the draft
    assert f"{first}:{S1}:28: not applied: the paragraph was deleted since the draft: deleted \"further\"" \
           in result.stdout
    assert "apply: 3 changes applied, 2 not applied" in result.stderr


@pytest.mark.parametrize("base, edited, today, expected", [
    # the reviewer's deletion, and the authors' rewording elsewhere in the paragraph, both kept
    ("The law fails to adequately define it. It needs review.", "The law fails to define it. It needs review.",
     "The law fails to adequately define it. It must be reviewed.", "The law fails to define it. It must be reviewed."),
    # an insertion between words that are still there, with text added before them
    ("Shelters lack staff.", "Shelters lack trained staff.", "In 2011, shelters lack staff.",
     "In 2011, shelters lack trained staff."),
    # the words edited were reworded since: not placed
    ("which has a very broad scope, provides", "which has a , provides", "whose scope is very broad, provides", None),
    # an insertion beside a word changed since: not placed
    ("lack staff in every province.", "lack staff in every visited province.", "lack staff in each province.", None),
])
def test_a_reviewers_edit_is_merged_into_a_paragraph_changed_since_only_where_its_words_are_unchanged(
        base, edited, today, expected):
    from reportgen.review.apply import _merge

    if expected is None:
        with pytest.raises(NotPlaced, match="the paragraph has changed since the draft, there too"):
            _merge(base, edited, today)
    else:
        assert _merge(base, edited, today) == expected


@pytest.mark.parametrize("name, message", [
    ("ana.odt", "apply reads the reviewer's Track Changes from a DOCX: open it in LibreOffice, save it as Word"),
    ("bob.pdf", "a PDF holds suggestions, not tracked changes: list them with reportgen comments"),
    ("notes.docx", "not a DOCX file"),
])
def test_a_file_apply_cannot_read_is_a_one_line_error_that_says_what_to_do(tmp_path, name, message):
    (tmp_path / name).write_bytes(b"PK\x03\x04 not really")
    result = CliRunner().invoke(main, ["apply", str(tmp_path / name), "--project", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("\n") == 1 and message in result.output, result.output
