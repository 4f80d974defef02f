"""`reportgen comments`: a reviewer comments and edits the built DOCX in the markup Word writes, the
file goes through LibreOffice as through a reviewer's client, and every comment and tracked change
is traced back to the section file and line its text came from."""

from __future__ import annotations

import copy
import csv
import io
import re
import zipfile

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from reportgen.cli import main
from reportgen.renderers.docx import render_docx
from reportgen.review import ledger
from reportgen.review.comments import trace

from .conftest import ROOT, record_accuracy
from .docx_inspect import NS, w
from .libreoffice import convert, soffice

DATE = "2026-03-02T09:15:00Z"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def line_of(path: str, phrase: str) -> int:
    """The line of the project file `path` holding `phrase` (looked up here, not by reportgen)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    assert text.count(phrase) == 1, phrase
    return text[:text.index(phrase)].count("\n") + 1


def isolate(document, phrase: str):
    """The run holding exactly `phrase`, split out of the body run that contains it."""
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if phrase in run.text:
                before, after = run.text.split(phrase, 1)
                run.text = before
                middle = copy.deepcopy(run._r)
                run._r.addnext(middle)
                rest = copy.deepcopy(run._r)
                middle.addnext(rest)
                middle_run, rest_run = docx.text.run.Run(middle, paragraph), docx.text.run.Run(rest, paragraph)
                middle_run.text, rest_run.text = phrase, after
                return middle_run
    raise AssertionError(f"no run holds {phrase!r}")


def tracked(kind: str, text: str, ident: int, author: str):
    """A tracked insertion or deletion as Word writes it."""
    tag = "delText" if kind == "del" else "t"
    return etree.fromstring(f'<w:{kind} xmlns:w="{NS["w"]}" w:id="{ident}" w:author="{author}" w:date="{DATE}"><w:r>'
                            f'<w:{tag} xml:space="preserve">{text}</w:{tag}></w:r></w:{kind}>')


# (author, comment, phrase commented, file) - each phrase is on one line of its file
COMMENTS = [
    ("Jane Reviewer", "Is this still the title?", "Commercial sexual exploitation of children in Indonesia",
     "report/report.yaml"),
    ("Jane Reviewer", "Which member States?", "Laos, Malaysia, Myanmar", "sections/02-normative-framework.md"),
    ("Bob Lawyer", "Name the law.", "Domestic legal framework", "sections/02-normative-framework.md"),
    ("Bob Lawyer", "Too vague.", "Anonymous 24-hour hotlines", "sections/03-implementation.md"),
]
DELETED = ("Bob Lawyer", "still suffers", "sections/01-executive-summary.md")
INSERTED = ("Jane Reviewer", " urgently", "amended to comply", "sections/01-executive-summary.md")  # after 'amended'
NOTE_DELETED = ("Bob Lawyer", "Southeast ", "ASEAN: Association of Southeast Asian Nations.",
                "sections/02-normative-framework.md")  # in a note written inline
CITATION_DELETED = ("Bob Lawyer", "Kuala Lumpur, ", "[@asean2004mla]", "sections/02-normative-framework.md")
NOTE = ("Ana Member", "Which convention?", "for the purpose of exploitation.", "sections/02-normative-framework.md")


def review(data: bytes, in_note: bool = True) -> bytes:
    """The built DOCX with the comments and tracked changes above, as a reviewer makes them in Word;
    `in_note` adds the comment in a note."""
    document = docx.Document(io.BytesIO(data))
    for author, comment, phrase, _ in COMMENTS:
        document.add_comment(isolate(document, phrase), text=comment, author=author, initials=author[:2])
    author, phrase, _ = DELETED
    run = isolate(document, phrase)
    run._r.addprevious(tracked("del", phrase, 901, author))
    run._r.getparent().remove(run._r)
    author, text, after, _ = INSERTED
    isolate(document, after.split()[0])._r.addnext(tracked("ins", text, 902, author))
    buffer = io.BytesIO()
    document.save(buffer)
    data = delete_in_notes(buffer.getvalue(), [NOTE_DELETED, CITATION_DELETED])
    document = docx.Document(io.BytesIO(data))
    if in_note:  # made on a body run, then its marks moved into the note, where Word puts them
        author, comment, phrase, _ = NOTE
        document.add_comment(isolate(document, "Trafficking Protocol"), text=comment, author=author, initials="AM")
    buffer = io.BytesIO()
    document.save(buffer)
    return move_comment_into_note(buffer.getvalue(), NOTE[2]) if in_note else buffer.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def package(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def split_note_run(notes, phrase: str):
    """The run of a note holding exactly `phrase`, split out of the run that contains it."""
    run = next(r for r in notes.iter(w("r")) if phrase in "".join(r.itertext()))
    before, after = "".join(run.itertext()).split(phrase, 1)
    run.find("w:t", NS).text = before
    for text in (after, phrase):
        piece = copy.deepcopy(run)
        piece.find("w:t", NS).text = text
        piece.find("w:t", NS).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addnext(piece)
    return run.getnext()


def delete_in_notes(data: bytes, deletions) -> bytes:
    """Tracked deletions of text inside notes."""
    files = parts(data)
    notes = etree.fromstring(files["word/footnotes.xml"])
    for ident, (author, text, _, _) in enumerate(deletions, start=950):
        run = split_note_run(notes, text)
        run.addprevious(tracked("del", text, ident, author))
        run.getparent().remove(run)
    files["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    return package(files)


def move_comment_into_note(data: bytes, phrase: str) -> bytes:
    files = parts(data)
    body, notes = etree.fromstring(files["word/document.xml"]), etree.fromstring(files["word/footnotes.xml"])
    last = str(max(int(c.get(w("id"))) for c in body.iter(w("commentRangeStart"))))
    start = body.find(f".//w:commentRangeStart[@w:id='{last}']", NS)
    end = body.find(f".//w:commentRangeEnd[@w:id='{last}']", NS)
    reference = body.find(f".//w:commentReference[@w:id='{last}']", NS).getparent()
    run = split_note_run(notes, phrase)
    run.addprevious(start)
    run.addnext(end)
    end.addnext(reference)
    files["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    return package(files)


@pytest.fixture(scope="module")
def reviewed(example_model, tmp_path_factory):
    """The reviewed DOCX as the reviewer's Word wrote it, and as LibreOffice saves it again. LibreOffice
    7.4 cannot open a DOCX with a comment inside a note, so the copy it saves has none there."""
    soffice("it is the reviewer's client here")
    folder = tmp_path_factory.mktemp("reviewed")
    built = render_docx(example_model, ROOT / "templates", ROOT)
    (folder / "built.docx").write_bytes(built)
    (folder / "word.docx").write_bytes(review(built))
    (folder / "for-client.docx").write_bytes(review(built, in_note=False))
    (folder / "client").mkdir()
    saved, = convert([folder / "for-client.docx"], "docx", folder / "client", "it is the reviewer's client here")
    saved.rename(folder / "client" / "word.docx")
    saved, = convert([folder / "for-client.docx"], "odt", folder / "client", "it is the reviewer's client here")
    saved.rename(folder / "client" / "word.odt")
    return folder


def bookmarks(path) -> set[str]:
    with zipfile.ZipFile(path) as package:
        names = set()
        for part in ("word/document.xml", "word/footnotes.xml"):
            names |= {b.get(w("name")) for b in etree.fromstring(package.read(part)).iter(w("bookmarkStart"))}
    return {name for name in names if name.startswith("_rg_")}


def test_paragraph_anchors_survive_libreoffice(reviewed):
    built = bookmarks(reviewed / "built.docx")
    assert len(built) > 60
    assert "_rg_02_normative_framework_L25" in built and "_rg_report_report_yaml_L13" in built
    # LibreOffice 7.4 renames the bookmarks of notes (all but the first) `..._Copy_1`; reportgen reads both
    assert built == {re.sub(r"_Copy_\d+$", "", name) for name in bookmarks(reviewed / "client" / "word.docx")}


def expected(in_note: bool = True) -> list[tuple[str, int, str, str, str]]:
    out = [(path, line_of(path, phrase), "comment", author, comment) for author, comment, phrase, path in COMMENTS]
    author, phrase, path = DELETED
    out.append((path, line_of(path, phrase), "deletion", author, phrase))
    author, text, after, path = INSERTED
    out.append((path, line_of(path, after), "insertion", author, text))
    for author, text, phrase, path in (NOTE_DELETED, CITATION_DELETED):
        out.append((path, line_of(path, phrase), "deletion", author, text))
    if in_note:
        author, comment, phrase, path = NOTE
        out.append((path, line_of(path, phrase), "comment", author, comment))
    return sorted(out)


CLIENTS = {"word.docx": "python-docx, DOCX as Word writes it (comments, tracked changes, in notes too)",
           "client/word.docx": "LibreOffice 7.4, that DOCX saved again as DOCX",
           "client/word.odt": "LibreOffice 7.4, that DOCX saved as ODT"}


@pytest.mark.parametrize("client", list(CLIENTS))
def test_every_mark_is_traced_to_its_file_and_line(reviewed, client):
    remarks = trace(reviewed / client, ROOT).remarks
    in_note = client == "word.docx"
    got = sorted((r.path, r.line, r.kind, r.author, r.text) for r in remarks)
    record_accuracy(CLIENTS[client], sum(mark in got for mark in expected(in_note)), len(expected(in_note)))
    assert got == expected(in_note)
    quoted = {r.text: r.quoted for r in remarks if r.kind == "comment"}
    for _, comment, phrase, _ in COMMENTS + [NOTE] * in_note:
        assert quoted[comment] == phrase


def test_without_the_project_a_mark_gets_its_paragraphs_first_line(reviewed):
    exact = {(r.kind, r.text): (r.path, r.line) for r in trace(reviewed / "client" / "word.docx", ROOT).remarks}
    for remark in trace(reviewed / "client" / "word.docx").remarks:
        path, line = exact[(remark.kind, remark.text)]
        assert remark.path == path and 0 < remark.line <= line
        # the paragraph's first line is where its paragraph begins: after a blank line or front matter
        lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        assert all(lines[n - 1].strip() for n in range(remark.line, line + 1))


def test_the_command_prints_lines_and_csv(reviewed):
    runner = CliRunner()
    result = runner.invoke(main, ["comments", str(reviewed / "client" / "word.docx"), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output
    line = f"{COMMENTS[1][3]}:{line_of(COMMENTS[1][3], COMMENTS[1][2])}: Jane Reviewer: Which member States? " \
           f'[on "Laos, Malaysia, Myanmar"; '
    assert line in result.stdout
    path, phrase = DELETED[2], DELETED[1]
    assert f'{path}:{line_of(path, phrase)}: Bob Lawyer: deleted "still suffers" [2026-03-02 09:15]' in result.stdout
    assert "comments: 4 comments, 1 insertion, 3 deletions from 2 reviewers in " in result.stderr
    result = runner.invoke(main, ["comments", str(reviewed / "client" / "word.docx"), "--project", str(ROOT),
                                  "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted((r["path"], int(r["line"]), r["kind"], r["author"], r["text"]) for r in rows) == expected(False)
    assert {r["date"] for r in rows if r["kind"] != "comment"} == {DATE}


def test_a_reply_names_the_comment_it_answers(project, tmp_path):
    from reportgen.load.project import Project
    from reportgen.pipeline import load_model

    root = project({"sections/01.md": "# Findings\n\nA finding.\n"})
    document = docx.Document(io.BytesIO(render_docx(load_model(Project.at(root)), project_root=root)))
    run = document.paragraphs[-1].runs[0]
    first = document.add_comment(run, text="Source?", author="Jane")
    second = document.add_comment(run, text="Agreed.", author="Bob")
    for number, comment in enumerate((first, second)):  # Word numbers every paragraph (w14:paraId)
        comment.paragraphs[-1]._p.set(f"{{{W14}}}paraId", f"0000000{number}")
    path = tmp_path / "replied.docx"
    document.save(path)
    extended = ('<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
                '<w15:commentEx w15:paraId="00000000" w15:done="0"/>'
                '<w15:commentEx w15:paraId="00000001" w15:paraIdParent="00000000" w15:done="0"/></w15:commentsEx>')
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("word/commentsExtended.xml", extended)
    remarks = trace(path, root).remarks
    assert [(r.path, r.line, r.author, r.text, r.reply_to) for r in remarks] == [
        ("sections/01.md", 3, "Jane", "Source?", ""), ("sections/01.md", 3, "Bob", "Agreed.", "Jane")]
    # the run is kept for `reportgen status`: one thread, so one open comment
    result = CliRunner().invoke(main, ["comments", str(path), "--project", str(root)])
    assert result.exit_code == 0, result.output
    kept = ledger.load(root / "build")
    assert kept.reviewed == ("replied.docx",)
    assert [(r["path"], r["line"], r["author"], r["text"]) for r in kept.open()] == [
        ("sections/01.md", 3, "Jane", "Source?")]


@pytest.mark.parametrize("content, message", [
    (b"not a zip file", "not a DOCX file (File is not a zip file)"),
    ("plain", "not a DOCX built by reportgen (it has no reportgen anchors)"),
    ("damaged", "word/document.xml is damaged: "),
])
def test_files_that_cannot_be_traced_are_one_line_errors(tmp_path, content, message):
    path = tmp_path / "reviewed.docx"
    if content == "plain":
        document = docx.Document()
        document.add_paragraph("Hello")
        document.save(path)
    elif content == "damaged":
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body>")
    else:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["comments", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}: {message}") and len(result.stderr.splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_paragraph_the_reviewer_added_belongs_to_the_one_before(project, tmp_path):
    from reportgen.load.project import Project
    from reportgen.pipeline import load_model

    root = project({"sections/01.md": "# Findings\n\nA finding.\n\nAnother\nfinding.\n"})
    document = docx.Document(io.BytesIO(render_docx(load_model(Project.at(root)), project_root=root)))
    new = document.paragraphs[-2].insert_paragraph_before("")  # between the two findings
    document.paragraphs[-2]._p.addnext(new._p)
    new._p.append(tracked("ins", "A new finding.", 5, "Jane"))
    document.add_comment(document.paragraphs[-1].runs[0], text="Merge?", author="Bob")
    path = tmp_path / "added.docx"
    document.save(path)
    remarks = trace(path, root).remarks
    assert [(r.line, r.kind, r.text) for r in remarks] == [(3, "insertion", "A new finding."), (5, "comment", "Merge?")]
    assert re.search(r"^sections/01.md:5: Bob: Merge\? \[on \"Another finding.\"", "".join(
        CliRunner().invoke(main, ["comments", str(path), "--project", str(root)]).stdout), re.M)


def test_anchor_names_are_valid_word_bookmarks_and_read_back():
    from reportgen.errors import Source
    from reportgen.renderers.anchors import AnchorNames, parse

    names = AnchorNames()
    long = "sections/annexes/2024-follow-up/recommendations-of-the-third-cycle.md"
    made = [names.name(Source(path, line)) for path, line in [
        ("sections/02-normative-framework.md", 14), ("sections/02-normative-framework.md", 14), (long, 12345),
        ("sections/a-b.md", 3), ("sections/a_b.md", 3), ("report/report.yaml", 8)]]
    assert made[:2] == ["_rg_02_normative_framework_L14", "_rg_02_normative_framework_L14_2"]
    assert all(len(n) <= 40 and re.fullmatch(r"_[A-Za-z0-9_]+", n) for n in made), made
    assert len(set(made)) == len(made)
    paths = {key: path for key, path in names.files.items()}
    for name, (path, line) in zip(made, [("sections/02-normative-framework.md", 14)] * 2 + [
            (long, 12345), ("sections/a-b.md", 3), ("sections/a_b.md", 3), ("report/report.yaml", 8)], strict=True):
        key, read_line = parse(name)
        assert (paths[key], read_line) == (path, line)
        assert parse(name + "_Copy_1") == (key, read_line)  # as LibreOffice renames bookmarks in notes
    assert parse("para-12") is None and parse("_GoBack") is None


def test_a_reference_document_keeps_its_own_properties_and_loses_old_anchors(project):
    from reportgen.load.project import Project
    from reportgen.pipeline import load_model

    old = project({"sections/01.md": "# Old\n\nOld text.\n"})
    files = parts(render_docx(load_model(Project.at(old)), project_root=old))
    files["docProps/custom.xml"] = files["docProps/custom.xml"].replace(
        b"</Properties>", b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="Client">'
                          b"<vt:lpwstr>UPR Info</vt:lpwstr></property></Properties>")
    (old / "templates").mkdir()
    (old / "templates" / "reference.docx").write_bytes(package(files))
    (old / "sections" / "01.md").unlink()
    (old / "sections" / "02-new.md").write_text("# New\n\nNew text.\n")
    built = parts(render_docx(load_model(Project.at(old)), old / "templates", old))
    properties = etree.fromstring(built["docProps/custom.xml"])
    values = {p.get("name"): "".join(p.itertext()) for p in properties}
    assert values == {"Client": "UPR Info", "reportgen anchors": "1", "reportgen file report_report_yaml":
                      "report/report.yaml", "reportgen file 02_new": "sections/02-new.md"}
    assert sorted(int(p.get("pid")) for p in properties) == [2, 3, 4, 5]


def test_a_comment_in_the_generated_summary_annex_goes_to_the_recommendations_source(example_model, tmp_path):
    document = docx.Document(io.BytesIO(render_docx(example_model, ROOT / "templates", ROOT)))
    phrase = "Urge the government of Indonesia to ratify the Optional Protocol"
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells
             if cell.text.startswith(phrase)]
    assert len(cells) == 1  # the annex's copy; the recommendation itself is a paragraph
    document.add_comment(cells[0].paragraphs[0].runs[0], text="Add a deadline.", author="Bob Lawyer")
    document.save(tmp_path / "annex.docx")
    remark, = trace(tmp_path / "annex.docx", ROOT).remarks
    assert (remark.path, remark.line) == ("sections/02-normative-framework.md",
                                          line_of("sections/02-normative-framework.md", "- Urge the government"))


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" + b" " * 100_000_000 + b">")
    result = CliRunner().invoke(main, ["comments", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}: word/document.xml is too large to read (100,000,002 bytes inflated ")
    assert len(result.stderr.splitlines()) == 1
