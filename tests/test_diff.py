"""`reportgen diff`: the example edited between two commits of a temporary git repository (a
paragraph changed, one added, one removed, a note changed, a recommendation added, every paragraph
after the removed one renumbered). The diff reports exactly those changes, the redline PDF shows
them, LibreOffice lists the same insertions and deletions in the tracked-changes DOCX, and
accepting or rejecting them all gives the newer or the older text."""

from __future__ import annotations

import copy
import html
import io
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from reportgen import model as m
from reportgen.cli import main
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import render_docx
from reportgen.review.changes import changes
from reportgen.review.compare import compare
from reportgen.review.diff import align_documents

from .conftest import ROOT
from .docx_inspect import NS, Docx, squash, w
from .libreoffice import convert

EPOCH = "1330000000"  # 23 February 2012
REMOVED = ("sections/01-executive-summary.md", """\
With regard to the implementation of the relevant legal and policy frameworks, further efforts to
coordinate actions by all relevant stakeholders, including governmental agencies as well as civil
society organizations, are needed to improve child victims' access to adequate assistance and
support services and to enhance capacity building for law enforcement representatives.

""")
CHANGED = ("sections/01-executive-summary.md", "its implementation still suffers from a lack of coordination",
           "its implementation suffers from a serious lack of coordination")
NOTE = ("sections/02-normative-framework.md", "ASEAN^[ASEAN: Association of Southeast Asian Nations.]",
        "ASEAN^[ASEAN: the Association of Southeast Asian Nations, founded in 1967.]")
ADDED_AFTER = ("sections/03-implementation.md", "comprehensive protection for children[@ecpat2011].\n")
ADDED = ("\nIn 2011 the Government announced a review of the training curricula of the police academy, but no\n"
         "timetable has been published.\n")
RECOMMENDATION_AFTER = ("sections/03-implementation.md",
                        '  them with adequate resources. {theme="victim support" sdg="16.2"}\n')
RECOMMENDATION = ("- Ratify without delay the Optional Protocol on the sale of children, child prostitution and child\n"
                  "  pornography.\n")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout.strip()


def commit(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message)
    return git(folder, "rev-parse", "--short", "HEAD")


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def make_repository(root: Path) -> tuple[str, str]:
    """The example committed, then edited and committed again; the two short hashes."""
    for name in ("report", "sections"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "references.bib", root)
    git(root, "init", "-q")
    first = commit(root, "draft 1")
    edit(root, REMOVED[0], REMOVED[1], "")
    edit(root, *CHANGED)
    edit(root, *NOTE)
    edit(root, ADDED_AFTER[0], ADDED_AFTER[1], ADDED_AFTER[1] + ADDED)
    edit(root, RECOMMENDATION_AFTER[0], RECOMMENDATION_AFTER[1], RECOMMENDATION_AFTER[1] + RECOMMENDATION)
    return first, commit(root, "draft 2")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    """The repository, its two commits, their models, and the redline written by `compare`."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to compare two commits")
    root = tmp_path_factory.mktemp("repository")
    first, second = make_repository(root)
    new = load_model(Project.at(root))
    old_root = tmp_path_factory.mktemp("first")
    archive = subprocess.run(["git", "-C", str(root), "archive", first], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as files:
        files.extractall(old_root, filter="data")
    old = load_model(Project.at(old_root))
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = tmp_path_factory.mktemp("redline")
    result = compare(root, first, None, ("pdf", "html", "docx"), out)  # the work tree is the second commit
    monkeypatch.undo()
    return {"root": root, "first": first, "second": second, "old": old, "new": new, "result": result,
            "files": {path.suffix[1:]: path for path in result.written}}


def numbered(model) -> list[m.Paragraph]:
    return [n for s in model.sections for n in m.walk(s) if isinstance(n, m.Paragraph) and n.number is not None]


def paragraph_with(model, text: str) -> m.Paragraph:
    found = [p for p in numbered(model) if text in " ".join(m.plain_text(p.inlines).split())]
    assert len(found) == 1, text
    return found[0]


def line_of(root: Path, path: str, text: str) -> int:
    content = (root / path).read_text(encoding="utf-8")
    return content[:content.index(text)].count("\n") + 1


def test_the_edit_renumbers_every_paragraph_after_the_removed_one(drafts):
    old, new = numbered(drafts["old"]), numbered(drafts["new"])
    removed = paragraph_with(drafts["old"], "With regard to the implementation of the relevant legal")
    later = [p for p in old if p.number > removed.number]
    assert len(later) >= 10
    for paragraph in later:
        text = m.plain_text(paragraph.inlines)
        assert paragraph_with(drafts["new"], text[:60]).number == paragraph.number - 1
    assert len(new) == len(old)  # one removed, one added


def test_the_diff_reports_exactly_those_changes(drafts):
    root, first, second = drafts["root"], drafts["first"], drafts["second"]
    old, new = drafts["old"], drafts["new"]
    found = changes(align_documents(old, new))
    assert sorted((c.status, c.what) for c in found) == [
        ("added", "paragraph"), ("added", "recommendation"), ("changed", "note"), ("changed", "paragraph"),
        ("removed", "paragraph")]

    changed = paragraph_with(new, "suffers from a serious lack")
    removed = paragraph_with(old, "With regard to the implementation of the relevant legal")
    added = paragraph_with(new, "In 2011 the Government announced")
    note = next(n for n in new.notes if "founded in 1967" in m.plain_text(n.blocks, notes=True))
    section_03 = (root / "sections/03-implementation.md").read_text()
    recommendation_line = section_03[:section_03.index(RECOMMENDATION)].count("\n") + 1
    assert drafts["result"].report.splitlines() == [
        f'sections/01-executive-summary.md:{changed.source.line}: paragraph {changed.number} changed: '
        '"With regard to the policy framework, even though a National Plan of…"',
        f'{first}:sections/01-executive-summary.md:{removed.source.line}: paragraph {removed.number} removed: '
        '"With regard to the implementation of the relevant legal and policy…"',
        f'sections/02-normative-framework.md:{note.source.line}: note {note.number} changed: '
        '"ASEAN: the Association of Southeast Asian Nations, founded in 1967."',
        f'sections/03-implementation.md:{added.source.line}: paragraph {added.number} added: '
        '"In 2011 the Government announced a review of the training curricula…"',
        f'sections/03-implementation.md:{recommendation_line}: recommendation 3 added: '
        '"Ratify without delay the Optional Protocol on the sale of children,…"',
        "words: 2,757 before, 2,742 now, of the 5,630 allowed for a joint submission (2,888 left)",
        f"diff: commit {first} of {git(root, 'show', '-s', '--format=%cs', first)} -> the work tree (commit "
        f"{second}): 1 paragraph added, 1 removed, 1 changed; 1 note changed; 1 recommendation added"]
    assert [p.name for p in drafts["result"].written] == [
        f"ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11_redline-{first}-worktree.{x}" for x in ("pdf", "html", "docx")]


def pdf_pages(path: Path, marks: bool = False) -> list[str]:
    """The text of each page without the draft marks (line numbers, watermark); with `marks`, the
    numbers in the left margin instead, then the stamp and page number at the foot."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        words, numbers, foot = [], [], []
        for _, y0, x1, y1, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                              r'yMax="([\d.]+)">([^<]*)</word>', page):
            if float(x1) < 62 and text.isdigit():
                numbers.append(text)
            elif float(y0) > 790:
                foot.append(html.unescape(text))
            elif float(y1) - float(y0) <= 20:  # not the watermark's letters
                words.append(html.unescape(text))
        numbers = [str(n) for n in sorted(map(int, numbers))]
        text = " ".join(numbers + foot) if marks else " ".join(words + foot)
        pages.append(text if marks else re.sub(r"[\u2010\u00ad-] ", "", text))
    return pages


def colours(path: Path, page: int, folder: Path) -> tuple[int, int]:
    """(red, blue) pixels of a page: deletions and insertions."""
    from PIL import Image

    prefix = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(path),
                    str(prefix)], check=True)
    image = Image.open(f"{prefix}.png").convert("RGB")
    red = blue = 0
    for r, g, b in image.getdata() if not hasattr(image, "get_flattened_data") else image.get_flattened_data():
        red += r > 140 and g < 90 and b < 90
        blue += b > 120 and r < 80 and g < 110
    return red, blue


def test_the_redline_pdf_shows_a_summary_then_the_changes_in_colour(drafts, tmp_path):
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler reads the PDF back")
    pdf = drafts["files"]["pdf"]
    pages = pdf_pages(pdf)
    summary = pages[0]
    assert summary.startswith(f"Changes from {drafts['first']} to worktree")
    for number, page in enumerate(pdf_pages(pdf, marks=True), start=1):  # marked as a draft of the newer version
        count = len(re.match(r"[\d ]*", page).group(0).split()) - 1  # its lines numbered
        assert count > 5 and page.startswith(" ".join(map(str, range(1, count + 1))) + " "), page[:40]
        assert page.endswith(f"Draft · 2012-02-23 12:26 UTC · commit {drafts['second']} {number} / {len(pages)}")
    assert "Words: 2,757 before, 2,742 now, of the 5,630 allowed for a joint submission (2,888 left)." in summary
    table = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    for row in (r"sections/01-executive-summary\.md +0 +1 +1 +–", r"sections/02-normative-framework\.md +0 +0 +0 +"
                r"1 note changed", r"sections/03-implementation\.md +1 +0 +0 +1 recommendation",
                r"All sections +1 +1 +1 +1 note changed; 1"):
        assert re.search(row, table), row
    assert "Added, recommendation 3: Ratify without delay the Optional Protocol" in summary
    assert pages[1].startswith("JOINT SUBMISSION")  # the report itself starts on a page of its own
    body = " ".join(pages[1:])
    for text in ("its implementation still suffers from a serious lack of coordination",  # both words are shown
                 "With regard to the implementation of the relevant legal and policy frameworks",
                 "ASEAN: the Association of Southeast Asian Nations, founded in 1967.",
                 "In 2011 the Government announced a review of the training curricula",
                 "3. Ratify without delay the Optional Protocol"):
        assert text in body, text
    changed_page = next(i for i, p in enumerate(pages, start=1) if "serious lack of coordination" in p)
    red, blue = colours(pdf, changed_page, tmp_path)
    assert red > 200 and blue > 20, (red, blue)
    quiet = next(i for i, p in enumerate(pages, start=1) if "2.1 Gaps in implementing" in p)  # nothing changed there
    assert colours(pdf, quiet, tmp_path) == (0, 0)


def test_the_redline_html_marks_words_blocks_and_notes(drafts):
    html = drafts["files"]["html"].read_text()
    assert "its implementation <del>still </del>suffers from a<ins> serious</ins> lack" in html
    assert re.search(r'<div class="deleted"><p class="numbered" data-src="sections/01-executive-summary.md:28">'
                     r'<span class="para-num">4\.</span>With regard to the implementation', html)
    assert re.search(r'<div class="inserted"><p id="paragraph-15" class="numbered" data-src="[^"]+">'
                     r'<span class="para-num">15\.</span>In 2011 the Government', html)
    note = re.search(r'<span class="fn" [^>]*>(<span class="note-p">ASEAN:.*?)</span></span>', html).group(1)
    assert re.findall(r"<ins>(.*?)</ins>", note) == [" the", ", founded in 1967"]
    assert re.sub(r"<[^>]+>", "", note) == "ASEAN: the Association of Southeast Asian Nations, founded in 1967."
    assert html.count('id="paragraph-4"') == 1  # the removed paragraph 4 gave its id to the new paragraph 4


def accepted(element, accept: bool) -> None:
    """Accept (or reject) every tracked change under `element`, as Word's Accept All (Reject All)."""
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    for row in list(element.iter(w("tr"))):
        if row.find(f"w:trPr/w:{drop}", NS) is not None:
            row.getparent().remove(row)
    for paragraph in list(element.iter(w("p"))):
        mark = paragraph.find(f"w:pPr/w:rPr/w:{drop}", NS)
        if mark is not None and not [t for t in paragraph.iter(w("t"))
                                     if t.getparent().getparent().tag != w(drop)]:
            paragraph.getparent().remove(paragraph)  # the whole paragraph goes
    for change in list(element.iter(w(drop))):
        if change.getparent().tag not in (w("rPr"), w("trPr")):
            change.getparent().remove(change)
    for change in list(element.iter(w(keep))):
        parent = change.getparent()
        if parent.tag in (w("rPr"), w("trPr")):
            parent.remove(change)
            continue
        for child in list(change):
            change.addprevious(child)
        parent.remove(change)
    for text in element.iter(w("delText")):
        text.tag = w("t")


def texts(data: bytes, accept: bool | None = None) -> tuple[list[str], list[str]]:
    """The body paragraphs' and the notes' texts of a DOCX, after accepting or rejecting its changes."""
    docx = Docx(data)
    body, notes = docx.document, docx.xml("word/footnotes.xml")
    if accept is not None:
        body, notes = copy.deepcopy(body), copy.deepcopy(notes)
        accepted(body, accept)
        accepted(notes, accept)
    paragraphs = [squash(Docx.text(p)) for p in body.iter(w("p"))]
    return [p for p in paragraphs if p], [squash(" ".join(Docx.text(p) for p in n.iter(w("p"))))
                                          for n in notes.findall("w:footnote", NS) if n.get(w("type")) is None]


def test_accepting_all_changes_gives_the_newer_text_and_rejecting_them_the_older(drafts):
    redline = drafts["files"]["docx"].read_bytes()
    newer = render_docx(drafts["new"], project_root=drafts["root"])
    older = render_docx(drafts["old"], project_root=drafts["root"])
    assert texts(redline, accept=True) == texts(newer)
    assert texts(redline, accept=False) == texts(older)
    assert texts(redline, accept=True) != texts(older)


def test_the_tracked_changes_have_an_author_and_the_date(drafts):
    docx = Docx(drafts["files"]["docx"].read_bytes())
    marks = [e for part in (docx.document, docx.xml("word/footnotes.xml")) for tag in ("ins", "del")
             for e in part.iter(w(tag))]
    # at least: two words changed, a paragraph removed, one added, a recommendation added (runs and
    # paragraph mark each) and two insertions in a note; the recommendations annex changes too
    assert len(marks) >= 10
    author = f"reportgen: {drafts['first']} to worktree"
    assert {(e.get(w("author")), e.get(w("date"))) for e in marks} == {(author, "2012-02-23T12:26:40Z")}
    ids = [int(e.get(w("id"))) for e in marks] + [int(b.get(w("id"))) for b in docx.document.iter(w("bookmarkStart"))]
    assert len(ids) == len(set(ids))


def libreoffice_changes(fodt: Path) -> list[tuple[str, str, str, str]]:
    """(kind, author, date, text) of each change LibreOffice lists in its own tracked-changes table."""
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "dc": "http://purl.org/dc/elements/1.1/"}
    root = etree.parse(str(fodt)).getroot()
    text_ns = f"{{{ns['text']}}}"
    regions = {}
    for region in root.iterfind(".//text:tracked-changes/text:changed-region", ns):
        change = region[0]
        info = change.find("office:change-info", ns)
        regions[region.get(text_ns + "id")] = [change.tag.split("}")[1], info.findtext("dc:creator", namespaces=ns),
                                               info.findtext("dc:date", namespaces=ns), []]
    open_ids: list[str] = []
    for event, element in etree.iterwalk(root.find(".//office:body", ns), events=("start", "end")):
        if event == "start" and element.tag == text_ns + "change-start":
            open_ids.append(element.get(text_ns + "change-id"))
        elif event == "start" and element.tag == text_ns + "change-end":
            open_ids.remove(element.get(text_ns + "change-id"))
        elif event == "start" and element.tag == text_ns + "p" and open_ids:
            regions[open_ids[-1]][3].append(" ")  # a paragraph break inside a change
        for ident in open_ids[-1:]:
            if event == "start" and element.text:
                regions[ident][3].append(element.text)
            if event == "end" and element.tail and element.tag != text_ns + "change-end":
                regions[ident][3].append(element.tail)
    return sorted((kind, who, when, squash("".join(parts))) for kind, who, when, parts in regions.values())


def model_changes(model) -> dict[str, list[str]]:
    """The words each kind of mark holds in the redline model, sorted: LibreOffice may cut a change
    into several (one per table cell), but the words inserted and deleted are the same."""
    out: dict[str, list[str]] = {"insertion": [], "deletion": []}

    def visit(node):  # notes included: they are children of their paragraph
        if isinstance(node, m.Inserted | m.Deleted):
            out["insertion" if isinstance(node, m.Inserted) else "deletion"] += m.plain_text(node.children).split()
            return
        for name in m.child_fields(node):
            for child in getattr(node, name):
                for cell in child if isinstance(child, tuple) else (child,):
                    visit(cell)

    for section in model.sections:
        visit(section)
    return {kind: sorted(words) for kind, words in out.items()}


def test_libreoffice_lists_the_same_insertions_and_deletions(drafts, tmp_path):
    from reportgen.review.redline import redline

    source = tmp_path / "redline.docx"
    shutil.copy(drafts["files"]["docx"], source)
    fodt, = convert([source], "fodt", tmp_path, "it reads the tracked changes")
    listed = libreoffice_changes(fodt)
    author = f"reportgen: {drafts['first']} to worktree"
    assert {(who, when[:16]) for _, who, when, _ in listed} == {(author, "2012-02-23T12:26")}
    marked = redline(drafts["new"], align_documents(drafts["old"], drafts["new"]))
    assert {kind: sorted(w for k, _, _, text in listed if k == kind for w in text.split())
            for kind in ("insertion", "deletion")} == model_changes(marked)
    changes = [(kind, text) for kind, _, _, text in listed]
    removed = paragraph_with(drafts["old"], "With regard to the implementation of the relevant legal")
    added = paragraph_with(drafts["new"], "In 2011 the Government announced")
    for change in [("deletion", "still"), ("insertion", "serious"), ("insertion", "the"),
                   ("insertion", ", founded in 1967"), ("deletion", squash(m.plain_text(removed.inlines))),
                   ("insertion", squash(m.plain_text(added.inlines))), ("insertion", squash(RECOMMENDATION[2:]))]:
        assert change in changes, change


# Small projects ------------------------------------------------------------------------------------

def models(project, old: dict[str, str], new: dict[str, str]):
    """The models of two versions of a small project (written one after the other)."""
    from .conftest import write_project

    loaded = []
    for index, files in enumerate((old, new)):
        root = project({}).parent / f"version{index}"
        loaded.append(load_model(Project.at(write_project(root, files))))
    return loaded


def summary(old, new) -> list[tuple[str, str, str]]:
    return [(c.status, c.what, squash(m.plain_text((c.new or c.old), notes=False))[:30])
            for c in changes(align_documents(old, new))]


def lines(old, new) -> list[str]:
    """The lines `reportgen diff` prints for each change."""
    from reportgen.review.summary import change_line
    from reportgen.review.versions import Version

    versions = Version("old", "", Path("."), "old:"), Version("new", "", Path("."), "")
    return [change_line(c, *versions) for c in changes(align_documents(old, new))]


def redline_html(old, new) -> str:
    from reportgen.renderers.html import HtmlRenderer
    from reportgen.review.redline import redline

    return HtmlRenderer(redline(new, align_documents(old, new))).render()


def test_a_paragraph_pushed_down_and_renumbered_is_not_a_change(project):
    body = "# Findings\n\nFirst finding.\n\nSecond finding.\n\nThird finding.\n"
    old, new = models(project, {"sections/01.md": body},
                      {"sections/01.md": body.replace("# Findings\n\n", "# Findings\n\nA new first finding.\n\n")})
    assert [p.number for p in numbered(new)] == [1, 2, 3, 4]
    assert summary(old, new) == [("added", "paragraph", "A new first finding.")]


def test_changed_words_are_marked_inside_their_formatting(project):
    old, new = models(project, {"sections/01.md": "# Findings\n\nA *big* dog barks at [night](https://example.org).\n"},
                      {"sections/01.md": "# Findings\n\nA *small* dog barks at [noon](https://example.org).\n"})
    assert summary(old, new) == [("changed", "paragraph", "A small dog barks at noon.")]
    assert ('A <del><em>big</em></del><ins><em>small</em></ins> dog barks at <del><a href="https://example.org">'
            'night</a></del><ins><a href="https://example.org">noon</a></ins>.') in redline_html(old, new)


def test_sections_headings_and_tables(project):
    table = "| State | Position |\n|---|---|\n| Indonesia | {} |\n"
    old, new = models(project, {
        "sections/01.md": "# Legal framework\n\nText.\n\n" + table.format("Supported"),
        "sections/02.md": "# Gone\n\nThe police were trained in 2009.\n",
        "sections/04.md": "# Renamed\n\nA section whose file was renamed.\n"}, {
        "sections/01.md": "# Legal framework in force\n\nText.\n\n" + table.format("Noted"),
        "sections/03.md": "# New\n\nShelters opened in Jakarta.\n",
        "sections/05.md": "# Renamed\n\nA section whose file was renamed.\n"})
    assert summary(old, new) == [
        ("changed", "heading", "Legal framework in force"), ("changed", "table cell", "Noted"),
        ("removed", "heading", "Gone"), ("removed", "paragraph", "The police were trained in 200"),
        ("added", "heading", "New"), ("added", "paragraph", "Shelters opened in Jakarta.")]
    html = redline_html(old, new)
    assert "<td><del>Supported</del><ins>Noted</ins></td>" in html
    assert ('<div class="deleted"><h1 class="numbered" data-src="sections/02.md:1"><span class="secnum">II.</span>'
            in html)


def test_recommendations_added_removed_and_reworded_and_their_word_list(project):
    recommendations = "# Recommendations\n\n::: recommendations\n{}:::\n"
    old, new = models(project, {"sections/01.md": recommendations.format(
        "- Ratify the Optional Protocol.\n- Establish a national hotline for children.\n"
        "- Train the police on child protection.\n")}, {"sections/01.md": recommendations.format(
            "- Ratify the Optional Protocol.\n- Establish a free national hotline for child victims.\n"
            "- Publish the budget of the National Plan of Action.\n")})
    assert summary(old, new) == [
        ("changed", "recommendation", "Establish a free national hotline for child victims."[:30]),
        ("removed", "recommendation", "Train the police on child protection."[:30]),
        ("added", "recommendation", "Publish the budget of the National Plan of Action."[:30])]
    from reportgen.review.redline import redline

    docx = Docx(render_docx(redline(new, align_documents(old, new))))
    items = [p for p in docx.body_paragraphs() if docx.paragraph_style(p) == "Recommendation"]
    assert [squash(Docx.text(p)) for p in items] == [  # Word's text, deletions left out
        "Ratify the Optional Protocol.", "Establish a free national hotline for child victims.", "",
        "Publish the budget of the National Plan of Action."]
    removed, added = items[2], items[3]
    assert "".join(removed.itertext()) == "Train the police on child protection."
    assert removed.find("w:pPr/w:numPr", NS) is not None and removed.find("w:pPr/w:rPr/w:del", NS) is not None
    assert added.find("w:ins/w:r", NS) is not None and added.find("w:pPr/w:rPr/w:ins", NS) is not None


def test_two_project_folders_and_where_the_older_ones_lines_are(project, tmp_path, monkeypatch):
    from .conftest import write_project

    write_project(tmp_path / "draft-1", {"sections/01.md": "# Findings\n\nOld finding.\n\nKept finding.\n"})
    new = write_project(tmp_path / "draft-2", {"sections/01.md": "# Findings\n\nKept finding.\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["diff", "draft-1", "--project", "draft-2", "--format", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == 'draft-1/sections/01.md:3: paragraph 1 removed: "Old finding."'
    assert result.stdout.splitlines()[-1] == "diff: the project folder draft-1 -> the project folder: " \
                                             "1 paragraph removed"
    assert [p.name for p in (new / "build").iterdir() if not p.name.startswith(".")] == [
        "ERW_individual_UPR41_Exampleland_redline-draft-1-worktree.html"]


@pytest.mark.parametrize("case", ["bad revision", "no repository", "not a project", "older fails to load"])
def test_mistakes_are_one_line_messages(project, tmp_path, case, monkeypatch):
    root = project({"sections/01.md": "# Findings\n\nA finding.\n"})
    args = ["diff", "nope", "--project", str(root)]
    expected = f"'nope' is not a project folder, and {root} is not in a git repository, so it cannot be a git " \
               "revision either"
    if case != "no repository" and shutil.which("git") is None:
        pytest.skip("git is needed")
    if case in ("bad revision", "older fails to load"):
        git(root, "init", "-q")
        first = commit(root, "one")
        expected = f"'nope' is neither a project folder nor a git revision of {root}"
        if case == "older fails to load":
            (root / "sections/01.md").write_text("# Findings\n\nA finding[@nokey].\n")
            commit(root, "broken")
            (root / "sections/01.md").write_text("# Findings\n\nA finding.\n")
            args[1] = "HEAD"
            second = git(root, "rev-parse", "--short", "HEAD")
            expected = f"{second}:sections/01.md:3: unknown citation key 'nokey'"
            assert first != second
    if case == "not a project":
        (tmp_path / "empty").mkdir()
        args[1] = str(tmp_path / "empty")
        expected = f"{tmp_path / 'empty'}: not a reportgen project (no report/report.yaml)"
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert expected in result.stderr.splitlines() and "Traceback" not in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_a_removed_paragraph_takes_its_note_along_as_endnote_too(project):
    config = "title: T\nnotes: endnotes\n"
    kept = "# Findings\n\nAnother finding^[A plain note.].\n"
    removed = kept.replace("Another", "A finding[@ohchr2020].\n\nAnother")
    old, new = models(project, {"report/report.yaml": config, "sections/01.md": removed},
                      {"report/report.yaml": config, "sections/01.md": kept})
    assert summary(old, new) == [("removed", "paragraph", "A finding."), ("removed", "note", "")]
    from reportgen.review.redline import redline

    marked = redline(new, align_documents(old, new))
    assert [n.number for n in marked.notes] == [1, 2]  # the removed note keeps its number, as in Word
    html = redline_html(old, new)
    assert re.search(r'<li id="note-1" value="1" data-src="sections/01.md:3"><a class="note-back" href="#ref-1">1\.</a>'
                     r' <p class="note-p"><del>Office of the High Commissioner', html)
    docx = Docx(render_docx(marked))
    assert docx.references("endnote") == [1, 2]
    first = docx.xml("word/endnotes.xml").find("w:endnote[@w:id='1']", NS)
    assert first.find(".//w:del/w:r/w:delText", NS) is not None and first.find(".//w:t", NS) is None


def test_table_rows_added_removed_and_changed(project):
    table = "# Positions\n\n| State | Position |\n|---|---|\n{}"
    consulted = "in March 2012 after a long consultation"
    old, new = models(project, {"sections/01.md": table.format(
        f"| Brazil | Supported in 2008 |\n| Chile | Noted {consulted} |\n")},
        {"sections/01.md": table.format(f"| Chile | Supported {consulted} |\n| Peru | Noted |\n")})
    assert summary(old, new) == [("removed", "table row", "Brazil Supported in 2008"),
                                 ("changed", "table cell", "Supported in March 2012 after "),
                                 ("added", "table row", "Peru Noted")]
    # each where it is: the cell by its row (and line) and column, a removed row in the older file
    assert lines(old, new) == [
        'old:sections/01.md:5: table row removed: "Brazil Supported in 2008"',
        f'sections/01.md:5: table cell at row 1, column 2 (Position) changed: "Supported {consulted}"',
        'sections/01.md:6: table row at row 2 added: "Peru Noted"']
    html = redline_html(old, new)
    assert "<tr><td><del>Brazil</del></td><td><del>Supported in 2008</del></td></tr>" in html
    # each row of the newer table says where it is written (a removed row is not there any more)
    assert (f'<tr data-src="sections/01.md:5"><td>Chile</td><td><del>Noted</del><ins>Supported</ins> {consulted}'
            "</td></tr>") in html
    assert '<tr data-src="sections/01.md:6"><td><ins>Peru</ins></td><td><ins>Noted</ins></td></tr>' in html
    from reportgen.review.redline import redline

    redline_docx = render_docx(redline(new, align_documents(old, new)))
    rows = Docx(redline_docx).document.findall(".//w:tr", NS)
    assert [r.find("w:trPr/w:ins", NS) is not None for r in rows] == [False, False, False, True]
    assert [r.find("w:trPr/w:del", NS) is not None for r in rows] == [False, True, False, False]
    assert texts(redline_docx, accept=True) == texts(render_docx(new))
    assert texts(redline_docx, accept=False) == texts(render_docx(old))


def test_a_paragraph_moved_is_a_move_within_a_section_and_across_sections(project):
    first, second, third = ("Children are trafficked across the border.", "The hotline answers in three languages.",
                            "Shelters lack trained staff in every province.")
    old, new = models(project, {
        "sections/01.md": f"# One\n\n{first}\n\n{second}\n\n{third}\n",
        "sections/02.md": "# Two\n\nProsecutions remain rare and sentences light.\n"}, {
        "sections/01.md": f"# One\n\n{second}\n\n{third}\n\n{first}\n",
        "sections/02.md": "# Two\n\nProsecutions remain rare and sentences light.\n"})
    assert summary(old, new) == [("moved", "paragraph", first[:30])]  # the others stayed where they were
    assert lines(old, new) == [f'sections/01.md:7: paragraph 3 moved from old:sections/01.md:3: "{first}"']
    old, new = models(project, {
        "sections/01.md": f"# One\n\n{first}\n\n{second}\n", "sections/02.md": "# Two\n\nProsecutions.\n"}, {
        "sections/01.md": f"# One\n\n{first}\n", "sections/02.md": f"# Two\n\nProsecutions.\n\n{second[:-1]}, "
                                                                 "now.\n"})
    assert lines(old, new) == ['sections/02.md:5: paragraph 3 moved and changed from old:sections/01.md:5: '
                               '"The hotline answers in three languages, now."']


def test_a_recommendations_theme_sdg_or_priority_alone_is_a_change(project):
    recommendations = "# Recommendations\n\n::: recommendations\n- Ratify the Optional Protocol. {}\n:::\n"
    old, new = models(project, {"sections/01.md": recommendations.format('{theme="legal framework" sdg="16.2"}')},
                      {"sections/01.md": recommendations.format('{theme="justice" sdg="16.2 8.7" priority=high}')})
    assert lines(old, new) == ['sections/01.md:4: recommendation 1 changed (theme "legal framework" → "justice"; '
                               'SDG 16.2 → 16.2, 8.7; priority none → high): "Ratify the Optional Protocol."']
