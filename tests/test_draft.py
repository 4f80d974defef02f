"""Draft builds: a watermark, a version stamp and line numbers restarting on each page (PDF and
DOCX), the version in the file names; a final build has none of these. Read back from the PDF's
text with positions, its page images and the DOCX's XML."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.load.stamp import draft_stamp
from reportgen.pipeline import build

from .conftest import ROOT
from .docx_inspect import NS, Docx, w
from .libreoffice import convert

EPOCH = "1322000000"  # 2011-11-22 22:13:20 UTC
STAMP_TIME = "2011-11-22 22:13 UTC"
LEFT_MARGIN_PT = 2.5 / 2.54 * 72

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                   reason="poppler (pdftotext, pdftoppm) reads the PDFs back")
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git gives the draft's commit")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout.strip()


def commit_all(folder: Path, message: str = "draft") -> None:
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message)


def expected_version(folder: Path) -> tuple[str, bool] | None:
    """(short commit, modified) as git itself says, or None outside a git work tree."""
    if shutil.which("git") is None:
        return None
    inside = subprocess.run(["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"], capture_output=True,
                            text=True)
    if inside.returncode or inside.stdout.strip() != "true":
        return None
    inputs = ["report", "sections", "templates", "references.bib"]  # the example's inputs
    return git(folder, "rev-parse", "--short", "HEAD"), bool(git(folder, "status", "--porcelain", "--", *inputs))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The example built as a draft and as a final, PDF and DOCX, on the same clock."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    out = {}
    for kind in ("draft", "final"):
        folder = tmp_path_factory.mktemp(kind)
        written, warnings = build(ROOT, ("pdf", "docx"), folder, draft=kind == "draft")
        assert warnings == []
        out[kind] = {path.suffix[1:]: path for path in written}
    monkeypatch.undo()
    return out


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (xMin, yMin, xMax, yMax in points, from the top)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def margin_numbers(page) -> list[tuple[int, float]]:
    """(number, bottom) of the numbers in the left margin, top to bottom."""
    return sorted(((int(t), y1) for x0, y0, x1, y1, t in page if x1 < LEFT_MARGIN_PT and t.isdigit()),
                  key=lambda n: n[1])


@needs_git
def test_the_stamp_names_the_commit_and_a_modified_work_tree(project, tmp_path):
    root = project({"sections/01.md": "# Findings\n\nA finding.\n"})
    time = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)
    plain = draft_stamp(root, "en", time)
    assert plain.text() == "Draft · 2026-03-05 09:30 UTC" and plain.file_suffix() == "draft-2026-03-05"

    git(root, "init", "-q")
    commit_all(root)
    commit = git(root, "rev-parse", "--short", "HEAD")
    (root / "build").mkdir()
    (root / "build" / "old.pdf").write_bytes(b"%PDF")  # the output folder is not the project's text
    clean = draft_stamp(root, "fr", time, root / "build")
    assert clean.text() == f"Projet · 2026-03-05 09:30 UTC · commit {commit}"
    assert clean.file_suffix() == f"draft-2026-03-05-{commit}" and clean.watermark == "PROJET"

    (root / "reviewed.docx").write_bytes(b"PK")  # files that are not the report's inputs do not count
    (root / "notes").mkdir()
    (root / "notes" / "minutes.txt").write_text("meeting")
    inputs = ["report", "sections", "templates", "references.bib"]
    stamp = draft_stamp(root, "en", time, root / "build", inputs)
    assert stamp.text() == f"Draft · 2026-03-05 09:30 UTC · commit {commit}"
    (root / "sections/01.md").write_text("# Findings\n\nA finding, edited.\n")
    edited = draft_stamp(root, "en", time, root / "build", inputs)
    assert edited.text() == f"Draft · 2026-03-05 09:30 UTC · commit {commit} (modified)"
    assert edited.file_suffix() == f"draft-2026-03-05-{commit}-modified"


def test_a_draft_is_named_after_its_version_and_a_final_is_not(builds):
    version = expected_version(ROOT)
    suffix = "_draft-2011-11-22" + (f"-{version[0]}" + ("-modified" if version[1] else "") if version else "")
    assert builds["draft"]["pdf"].name == f"ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11{suffix}.pdf"
    assert builds["draft"]["docx"].name == f"ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11{suffix}.docx"
    assert builds["final"]["pdf"].name == "ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11.pdf"


@needs_poppler
def test_every_draft_page_carries_the_stamp(builds):
    version = expected_version(ROOT)
    stamp = f"Draft · {STAMP_TIME}" + (f" · commit {version[0]}" + (" (modified)" if version[1] else "")
                                       if version else "")
    for pages, kind in ((words(builds["draft"]["pdf"]), "draft"), (words(builds["final"]["pdf"]), "final")):
        for number, page in enumerate(pages, start=1):
            bottom = " ".join(t for x0, y0, x1, y1, t in page if y0 > 780)
            assert bottom.startswith(stamp + " ") == (kind == "draft"), f"{kind} page {number}: {bottom!r}"
            assert bottom.endswith(f"{number} / {len(pages)}")


@needs_poppler
def test_draft_lines_are_numbered_from_1_on_each_page_beside_their_text(builds):
    pages = words(builds["draft"]["pdf"])
    assert len(pages) >= 6
    for index, page in enumerate(pages, start=1):
        numbers = margin_numbers(page)
        assert [n for n, _ in numbers] == list(range(1, len(numbers) + 1)), f"page {index}"
        # the text, not the watermark's big letters
        text = [(y1, y1 - y0) for x0, y0, x1, y1, t in page if x0 >= LEFT_MARGIN_PT and y1 - y0 < 30]
        # every number stands on a line of text (same bottom, within the difference of font sizes)
        for n, bottom in numbers:
            assert any(abs(bottom - y) < 2.5 for y, _ in text), f"page {index}, line {n} has no text beside it"
        # and every line of 12-point body text has a number
        for y, height in text:
            if height > 12.5 and y < 780:
                assert any(abs(bottom - y) < 2.5 for _, bottom in numbers), f"page {index}: line at {y} unnumbered"
    full = max(len(margin_numbers(page)) for page in pages)
    assert full >= 30
    assert all(margin_numbers(page) == [] for page in words(builds["final"]["pdf"]))


def page_image(pdf: Path, page: int, folder: Path):
    from PIL import Image

    prefix = folder / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", "60", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(prefix)], check=True)
    return Image.open(f"{prefix}.png")


@needs_poppler
def test_page_images_show_watermark_stamp_and_line_numbers_on_drafts_only(builds, tmp_path):
    """The last page is mostly empty: on the draft, the watermark's light grey fills its middle."""
    last = len(words(builds["final"]["pdf"]))
    light_grey = {}
    for kind in ("draft", "final"):
        for page in (2, last):
            image = page_image(builds[kind]["pdf"], page, tmp_path)
            width, height = image.size
            middle = image.crop((width // 4, height // 3, 3 * width // 4, 2 * height // 3))
            histogram = middle.histogram()  # grey levels 0 (black) to 255 (white)
            light_grey[kind, page] = sum(histogram[200:246]) / sum(histogram)
            margin = image.crop((int(width * 0.05), height // 10, int(width * 0.115), height * 8 // 10))
            ink = sum(margin.histogram()[:200])
            assert (ink > 5) == (kind == "draft"), f"{kind} page {page}: {ink} dark pixels in the left margin"
            stamp = image.crop((int(width * 0.1), int(height * 0.93), int(width * 0.4), height))  # left of "n / N"
            ink = sum(stamp.histogram()[:200])
            assert (ink > 20) == (kind == "draft"), f"{kind} page {page}: {ink} dark pixels where the stamp is"
    # The watermark greys the middle of the page (a final's own grey is that of table headers).
    assert all(light_grey["draft", page] > light_grey["final", page] + 0.015 for page in (2, last)), light_grey


def test_the_draft_pdf_is_reproducible(builds, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again, _ = build(ROOT, ("pdf",), tmp_path, draft=True)
    assert again[0].read_bytes() == builds["draft"]["pdf"].read_bytes()


def header_parts(docx: Docx) -> list:
    return [docx.xml(name) for name in sorted(docx.files) if re.fullmatch(r"word/header\d+\.xml", name)]


def test_the_draft_docx_numbers_lines_per_page_and_carries_watermark_and_stamp(builds):
    draft, final = Docx(builds["draft"]["docx"].read_bytes()), Docx(builds["final"]["docx"].read_bytes())
    numbering = draft.document.findall(".//w:sectPr/w:lnNumType", NS)
    assert numbering and all(n.get(w("restart")) == "newPage" and n.get(w("countBy")) == "1" for n in numbering)
    assert final.document.findall(".//w:lnNumType", NS) == []
    headers = header_parts(draft)
    assert len(headers) == 2  # the first page has its own header
    stamp = f"Draft · {STAMP_TIME}"
    for header in headers:
        text = "".join(header.itertext())
        assert stamp in text
        shapes = header.findall(".//{urn:schemas-microsoft-com:vml}shape")
        assert [s.get("id")[:24] for s in shapes] == ["PowerPlusWaterMarkObject"]
        assert shapes[0].find("{urn:schemas-microsoft-com:vml}textpath").get("string") == "DRAFT"
    for header in header_parts(final):
        assert "Draft" not in "".join(header.itertext())
        assert header.findall(".//{urn:schemas-microsoft-com:vml}shape") == []


@needs_poppler
def test_libreoffice_shows_the_draft_docx_stamp_and_line_numbers(builds, tmp_path):
    source = tmp_path / "draft.docx"
    shutil.copy(builds["draft"]["docx"], source)
    pdf, = convert([source], "pdf", tmp_path, "it lays out the DOCX")
    pages = words(pdf)
    counts = []
    for index, page in enumerate(pages, start=1):
        assert f"Draft · {STAMP_TIME}" in " ".join(t for *_, t in page), f"page {index}"
        numbers = [n for n, _ in margin_numbers(page)]
        # restarting on each page: 1, 2, 3 ... for the text, then (LibreOffice only) again for the notes
        runs = [list(range(1, len(numbers) + 1))] if 1 not in numbers[1:] else [
            list(range(1, numbers.index(1, 1) + 1)), list(range(1, len(numbers) - numbers.index(1, 1) + 1))]
        assert numbers == sum(runs, []), f"page {index}: {numbers}"
        counts.append(len(runs[0]))
    assert sum(count >= 30 for count in counts) >= 5, counts  # Word and LibreOffice leave tables unnumbered


def test_draft_in_report_yaml_and_final_on_the_command_line(project, monkeypatch):
    root = project({"sections/01.md": "# Findings\n\nA finding.\n",
                    "report/report.yaml": "title: T\norganisations: [{name: Org, acronym: ORG}]\ndraft: true\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (root / "build").glob("*.docx")] == ["ORG_individual_draft-2011-11-22.docx"]
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "docx", "--final"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "build").glob("*.docx")) == ["ORG_individual.docx",
                                                                      "ORG_individual_draft-2011-11-22.docx"]


def test_a_draft_pdf_carries_the_map_of_its_sources_and_a_final_does_not(builds):
    import json

    import pypdf

    from reportgen.renderers.pdf_anchors import ATTACHMENT

    draft = pypdf.PdfReader(builds["draft"]["pdf"])
    assert list(pypdf.PdfReader(builds["final"]["pdf"]).attachments) == []
    sources = json.loads(draft.attachments[ATTACHMENT][0])
    version = expected_version(ROOT)
    assert (sources["commit"], sources["modified"]) == (version if version else ("", False))
    assert len(sources["pages"]) == len(draft.pages)
    lines = [line for page in sources["pages"] for line in page]
    # each word where pdftotext finds it, with the file and line it was written on
    found = {(line[4], word[2]) for line in lines for word in line[5]}
    assert ("sections/02-normative-framework.md:25", "Declaration") in found
    assert ("sections/02-normative-framework.md:25", "ASEAN:") in found  # the note, written inline there
    assert ("report/report.yaml:8", "Commercial") in found  # the title, from report.yaml
    first = next(line for line in lines if line[4] == "sections/02-normative-framework.md:25")
    page = next(i for i, p in enumerate(sources["pages"]) if first in p)
    height = float(draft.pages[page].mediabox.height)
    x0, top, x1, bottom, text = next(w for w in words(builds["draft"]["pdf"])[page] if w[4] == first[5][0][2])
    assert abs(first[5][0][0] - x0) < 1 and abs(first[5][0][1] - x1) < 1
    assert first[1] - 1 < height - bottom and height - top < first[3] + 1
