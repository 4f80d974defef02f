"""`reportgen status`: the coordinator's board on the example report and on a new report in git, with
budgets, TODO markers, open reviewers' comments and last changes; text and JSON."""

from __future__ import annotations

import json
import os
import subprocess

from click.testing import CliRunner

from reportgen.cli import main
from reportgen.review import ledger
from reportgen.status import collect
from reportgen.status_format import format_text

from .conftest import ROOT


def test_the_example_report(tmp_path):
    board = collect(ROOT, tmp_path)  # an output folder of its own: no reviewers' comments kept there
    rows = [(s.path, s.owner, s.status, s.words, s.notes, s.citations, s.errors, s.warnings, len(s.markers),
             len(s.comments)) for s in board.sections]
    assert rows == [
        ("sections/01-executive-summary.md", "ECPAT Indonesia", "final", 312, 1, 1, 0, 0, 0, 0),
        ("sections/02-normative-framework.md", "PKPA", "final", 1369, 8, 5, 0, 6, 0, 0),
        ("sections/03-implementation.md", "YKAI", "final", 836, 5, 5, 0, 5, 0, 0),
    ]
    assert (board.words, board.limit, board.cover, board.errors, board.warnings) == (2757, 5630, 240, 0, 12)
    assert board.blockers == []
    text = format_text(board)
    assert text.startswith("ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11: joint submission on Indonesia, "
                           "session 13, language en\n")
    assert "total: 2,757 of 5,630 words (2,873 left; cover page 240, rule WL-2); 0 errors, 12 warnings" in text
    assert text.rstrip().endswith("nothing blocks submission: `reportgen package` makes the files for OHCHR's form")
    assert "  1,369 (24%)  " in text


def git(root, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ana Author", "GIT_AUTHOR_EMAIL": "ana@example.org",
           "GIT_COMMITTER_NAME": "Ana Author", "GIT_COMMITTER_EMAIL": "ana@example.org",
           "GIT_AUTHOR_DATE": "2026-03-02T10:00:00+01:00", "GIT_COMMITTER_DATE": "2026-03-02T10:00:00+01:00"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_a_new_report_in_git(tmp_path):
    root = tmp_path / "report"
    result = CliRunner().invoke(main, ["init", str(root), "--no-input", "--state", "Indonesia", "--session", "41",
                                       "--organisation", "Example Rights Watch (ERW)", "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    config = root / "report/report.yaml"
    config.write_text(config.read_text().replace("# budgets: {01-executive-summary.md: 300, 02-follow-up.md: 800}",
                                                 "budgets: {01-executive-summary.md: 10, 04-theme-2.md: 500, x.md: 1}"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "A new report")
    theme = root / "sections/03-theme-1.md"
    theme.write_text(theme.read_text().replace("status: draft", "status: final"))  # changed since the commit
    ledger.save(root / "build", ["reviewed.docx"], [
        {"path": "sections/02-follow-up.md", "line": 13, "kind": "comment", "author": "Jane Reviewer",
         "text": "Which recommendations?", "reply_to": ""},
        {"path": "sections/02-follow-up.md", "line": 13, "kind": "comment", "author": "Bob", "text": "Agreed.",
         "reply_to": "Jane Reviewer"},
        {"path": "sections/02-follow-up.md", "line": 13, "kind": "deletion", "author": "Bob", "text": "TODO",
         "reply_to": ""}])

    result = CliRunner().invoke(main, ["status", "--project", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "ERW_individual_UPR41_Indonesia_2026-03: individual submission on Indonesia, session 41, " \
                       "language en"
    assert lines[2].split() == ["section", "owner", "status", "words", "notes", "cites", "errors", "warnings", "todo",
                                "comments", "last", "change"]
    assert lines[3].split() == ["sections/01-executive-summary.md", "ERW", "draft", "16", "of", "10", "(6", "over)",
                                "0", "0", "0", "1", "1", "0", "Ana", "Author,", "2026-03-02"]
    assert lines[4].split()[-6:] == ["1", "1", "1", "Ana", "Author,", "2026-03-02"]
    assert lines[5].split()[:4] == ["sections/03-theme-1.md", "ERW", "final", "29"]
    assert lines[5].endswith("Ana Author, 2026-03-02 (modified)")
    assert "  29 of 500 (471 left)  " in lines[6]
    assert "note: report.yaml's budgets name 'x.md', which is not a section of the report" in lines
    blockers = lines[lines.index("blocks submission:") + 1:]
    assert blockers == [
        "  - 3 sections not final: sections/01-executive-summary.md (draft, ERW), sections/02-follow-up.md (draft, "
        "ERW), sections/04-theme-2.md (draft, ERW)",
        "  - 6 TODO/FIXME markers: sections/01-executive-summary.md:11, sections/02-follow-up.md:13, "
        "sections/03-theme-1.md:12, sections/03-theme-1.md:17, sections/04-theme-2.md:12, sections/04-theme-2.md:17",
        "  - 1 open reviewer comment: sections/02-follow-up.md:13 (Jane Reviewer)"]

    data = json.loads(CliRunner().invoke(main, ["status", "--project", str(root), "--format", "json"]).stdout)
    assert data["version"] == 1 and data["comments_run"] and data["limit"] == 2815
    follow_up = data["sections"][1]
    assert follow_up["comments"] == [{"line": 13, "author": "Jane Reviewer", "text": "Which recommendations?"}]
    assert follow_up["markers"] == [{"line": 13, "text": "TODO: for each recommendation of the previous review on "
                                                         "these themes, its number"}]
    assert (follow_up["author"], follow_up["date"], follow_up["modified"]) == (
        "Ana Author", "2026-03-02T10:00:00+01:00", False)
    assert data["sections"][2]["modified"] is True


def test_a_project_that_does_not_load_still_shows_its_sections(project):
    root = project({"sections/01.md": "---\nowner: Ana\nstatus: review\n---\n\n# Summary\n\nA claim[@nowhere].\n",
                    "sections/02.md": "---\nowner: Bob\n---\n\n# Findings\n\nTODO: the figures.\n"})
    result = CliRunner().invoke(main, ["status", "--project", str(root)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # who has to mend what, and nothing counted that could not be counted
    assert lines[3].split() == ["sections/01.md", "Ana", "review", "not", "counted", "1", "0", "0"]
    assert lines[4].split() == ["sections/02.md", "Bob", "not", "counted", "0", "1", "0"]
    assert "total: words not counted; 1 error while loading" in lines
    blockers = lines[lines.index("blocks submission:") + 1:]
    assert blockers[0] == "  - the report does not load (1 error; `reportgen build` lists them): sections/01.md:8: " \
                          "unknown citation key 'nowhere'"
    assert blockers[2] == "  - 1 TODO/FIXME marker: sections/02.md:7"
    data = json.loads(CliRunner().invoke(main, ["status", "--project", str(root), "--format", "json"]).stdout)
    assert data["words"] is None and [s["errors"] for s in data["sections"]] == [1, 0]


def test_a_project_whose_settings_do_not_load(project):
    root = project({"sections/01.md": "# Summary\n"})
    (root / "report/report.yaml").write_text("title: [unclosed\n")
    result = CliRunner().invoke(main, ["status", "--project", str(root)])
    assert result.exit_code == 1
    assert result.output.startswith("report/report.yaml:") and "Traceback" not in result.output


def test_a_board_never_shows_a_file_outside_the_project(project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\nowner: Someone Else\n---\n\nTODO: the password is hunter2\n")
    root = project({"sections/01.md": "# Summary\n\nText.\n"})
    (root / "sections/02.md").symlink_to(secret)
    result = CliRunner().invoke(main, ["status", "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "sections/02.md" in result.stdout and "hunter2" not in result.stdout
    assert "Someone Else" not in result.stdout
