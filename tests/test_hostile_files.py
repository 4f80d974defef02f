"""Hostile or damaged files a user is handed: report.yaml and front matter with control characters,
bibliographies bibtexparser cannot read, reviewed DOCX files that are zip bombs, corrupt or oddly
built, and exports opened in a spreadsheet. Each is a one-line located error or safe output, never a
traceback, and memory stays bounded."""

from __future__ import annotations

import csv
import io
import random
import re
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.errors import ReportError

from .conftest import MINIMAL_CONFIG

GOOD = "# Findings\n\nA finding[@ohchr2020] and a note^[Plain note.].\n"



def run(*args: str):
    return CliRunner().invoke(main, list(args))


def problems(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if re.match(r"[\w/.-]+(:\d+)?: ", line)]


# Control characters that arrive through YAML escapes -------------------------------------------------

@pytest.mark.parametrize("files, message", [
    ({"report/report.yaml": MINIMAL_CONFIG.replace("title: A test report", 'title: "A\\x01b"')},
     "report/report.yaml:1: control character U+0001 in 'title' cannot go into a document; delete it"),
    ({"report/report.yaml": MINIMAL_CONFIG.replace("{name: Example Rights Watch", '{name: "Example\\0 Watch"')},
     "report/report.yaml:7: control character U+0000 in 'organisations[0].name' cannot go into a document; "
     "delete it"),
    ({"sections/01.md": '---\ntitle: "Find\\x07ings"\n---\n\nText.\n'},
     "sections/01.md:2: control character U+0007 in 'title' cannot go into a document; delete it"),
    ({"sections/01.md": "---\nowner: \"Ana\\uFFFE\"\n---\n\nText.\n"},
     "sections/01.md:2: control character U+FFFE in 'owner' cannot go into a document; delete it"),
    ({"report/previous-recommendations.yaml": '- {number: "28.1", text: "Ratify\\x1b the protocol"}\n'},
     "report/previous-recommendations.yaml:1: control character U+001B in 'text' cannot go into a document; "
     "delete it"),
    ({"references.json": '[{"id": "ohchr2020", "type": "report", "title": "Bad\\u0001 title"}]',
      "report/report.yaml": MINIMAL_CONFIG + "bibliography: references.json\n"},  # a JSON escape, the same
     "references.json:1: control character U+0001 in 'title' cannot go into a document; delete it"),
    ({"references.json": "[" * 5000 + "]" * 5000,
      "report/report.yaml": MINIMAL_CONFIG + "bibliography: references.json\n"},
     "references.json:1: invalid JSON: arrays or objects nested too deep"),  # Python's parser: a RecursionError
])
def test_control_characters_in_yaml_strings_are_located_errors(project, files, message):
    root = project({"sections/01.md": GOOD, **files})
    result = run("build", "--project", str(root), "--format", "html,docx")
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert message in problems(result)
    assert not list((root / "build").glob("*.docx"))


LAUGHS = "".join([f"- id: a0\n  note: &a0 [{', '.join('x' * 10)}]\n",
                  *(f"- id: a{i}\n  note: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)),
                  "- id: ohchr2020\n  type: report\n  title: *a8\n"])


@pytest.mark.parametrize("yaml_text, message", [
    (LAUGHS, "YAML aliases here repeat more than 100,000 values; write the values out"),  # a "billion laughs"
    ("- &a [*a]\n", "a YAML alias here refers to the value that holds it"),
])
def test_yaml_aliases_that_explode_or_loop_are_located_errors(project, yaml_text, message):
    """Nine lines of aliases stand for 10^9 values: reading the bibliography's took hours."""
    root = project({"sections/01.md": GOOD, "references.yaml": yaml_text,
                    "report/report.yaml": MINIMAL_CONFIG + "bibliography: references.yaml\n"})
    result = run("build", "--project", str(root), "--format", "html")
    assert "Traceback" not in result.output and result.exit_code == 1
    assert any(re.fullmatch(rf"references\.yaml:\d+: {re.escape(message)}", p) for p in problems(result)), result.stderr


def test_windows_1252_debris_in_yaml_strings_is_cleaned_with_a_warning(project):
    root = project({"sections/01.md": GOOD,
                    "report/report.yaml": MINIMAL_CONFIG.replace("title: A test report", 'title: "Children\\x92s"')})
    result = run("build", "--project", str(root), "--format", "html")
    assert result.exit_code == 0, result.output
    assert ("report/report.yaml:1: warning: control character U+0092 in 'title' read as Windows-1252 '’'"
            in result.stderr.splitlines())
    assert "Children’s" in next((root / "build").glob("*.html")).read_text()


@pytest.mark.parametrize("section", [
    "---\nnocite: 2011-13-45\nauthor: 2011-13-45\n---\n# Findings\n\nText.\n",  # a date YAML cannot construct
    "# Findings\n\nText.\n\n---\ndate: 2011-13-45\n---\n\nMore text.\n",  # Pandoc's metadata block, mid-file
])
def test_a_date_yaml_cannot_construct_is_read_as_text(project, section):
    """YAML's date constructor raised ValueError ('month must be in 1..12'): a traceback."""
    root = project({"sections/01.md": section})
    result = run("build", "--project", str(root), "--format", "html")
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output


# Bibliographies bibtexparser rejects, block by block -------------------------------------------------------

@pytest.mark.parametrize("value", ["{" * 3000 + "x" + "}" * 3000, "\\emph{" * 3000 + "x" + "}" * 3000])
def test_braces_nested_thousands_deep_are_read_with_a_warning(project, value):
    """bibtexparser's LaTeX decoder left an error block (an AttributeError here); the decoder that
    replaced it recursed into each group: a RecursionError."""
    root = project({"sections/01.md": GOOD, "references.bib": f"@misc{{ohchr2020, title = {{{value}}}, year = 2020}}\n"
                                                              f"@string{{s = {{{value}}}}}\n"})
    result = run("build", "--project", str(root), "--format", "html")
    assert result.exit_code == 0, result.output
    assert ("references.bib:1: warning: entry 'ohchr2020', field 'title': braces or commands nested too "
            "deep to read as LaTeX; the text is kept without them") in result.stderr.splitlines()


def test_a_crossref_chain_thousands_long_is_a_located_error(project):
    """Each parent was resolved one call deeper: 3,000 entries, each the crossref of the one before, were
    a RecursionError."""
    chain = "".join(f"@book{{e{i}, title = {{T{i}}}, crossref = {{e{i + 1}}}}}\n" for i in range(3000))
    root = project({"sections/01.md": "# T\n\nText[@e0].\n",
                    "references.bib": chain + "@book{e3000, title = {Last}, year = 2020}\n"})
    result = run("build", "--project", str(root), "--format", "html")
    assert "Traceback" not in result.output and result.exit_code == 1
    assert problems(result)[0] == ("references.bib:1: entry 'e0' inherits through more than 32 crossref or xdata "
                                   "parents in a row (to 'e32'); give it its fields itself")


@pytest.mark.parametrize("bib, line", [
    ("@misc{ohchr2020, title = {x}}\n@misc{b, title = {x}\n", 2),  # never closed
    ("@misc{ohchr2020, title = {x}, title = {y}}\n", 1),
    ("@misc{ohchr2020, title = {x}}\n@misc{ohchr2020, title = {y}}\n", 2),
    ("@misc{ohchr2020 title = {x}}\n", 1),
])
def test_every_kind_of_bibtex_error_block_is_a_located_error(project, bib, line):
    root = project({"sections/01.md": GOOD, "references.bib": bib})
    result = run("build", "--project", str(root), "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert any(p.startswith(f"references.bib:{line}: ") for p in problems(result)), result.stderr


# Reviewed DOCX files ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> bytes:
    """A DOCX reportgen built, with a comment and a tracked change as a reviewer adds them."""
    from .conftest import write_project

    root = write_project(tmp_path_factory.mktemp("reviewed"), {"sections/01.md": GOOD + "\nSecond paragraph.\n"})
    result = run("build", "--project", str(root), "--format", "docx")
    assert result.exit_code == 0, result.output
    document = docx.Document(next((root / "build").glob("*.docx")))
    paragraph = next(p for p in document.paragraphs if "Second" in p.text)
    document.add_comment(paragraph.runs, text="Which paragraph?", author="Jane\nsections/01.md:1: forged")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _trace(data: bytes, tmp_path: Path, name: str = "reviewed.docx"):
    from reportgen.review.comments import trace

    path = tmp_path / name
    path.write_bytes(data)
    return trace(path)


def _with_part(data: bytes, name: str, content: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        if content is not None:
            target.writestr(name, content)
    return out.getvalue()


def test_a_zip_bomb_is_one_line_error_in_bounded_memory(reviewed, tmp_path):
    """word/document.xml inflating to 300 MB from 300 KB: refused before it is inflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(reviewed)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>")
            chunk = b" " * (1 << 20)
            for _ in range(300):
                part.write(chunk)
            part.write(b"</w:document>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    tracemalloc.start()
    try:
        result = run("comments", str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: word/document.xml is too large to read ("), lines
    assert peak < 50 * 2**20


def test_a_part_that_inflates_far_more_than_text_does_is_refused(reviewed, tmp_path):
    """20 MB from 20 KB: a compression ratio no document part has, though under the size cap."""
    bomb = b"<w:comments xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
    bomb += b" " * (20 << 20) + b"</w:comments>"
    path = tmp_path / "ratio.docx"
    path.write_bytes(_with_part(reviewed, "word/comments.xml", bomb))
    result = run("comments", str(path))
    assert result.exit_code == 1
    assert re.fullmatch(rf"{re.escape(str(path))}: word/comments.xml is too large to read \(20,971,[\d,]+ bytes "
                        r"inflated from [\d,]+\)", result.stderr.strip()), result.stderr


@pytest.mark.parametrize("part, xml", [
    ("word/document.xml", "<w:ins xmlns:w='{W}' w:id='1' w:author='a'><w:r><w:t>x</w:t></w:r></w:ins>"),
    ("word/document.xml", "<w:t xmlns:w='{W}'>text</w:t>"),
    ("word/document.xml", "<html><body>not Word</body></html>"),
    ("word/document.xml", "<w:document xmlns:w='{W}'/>"),
    ("word/comments.xml", "<w:p xmlns:w='{W}'/>"),
    ("word/comments.xml", "<w:comments xmlns:w='{W}'><w:comment/><w:comment w:id='0'><w:ins/></w:comment>"
                          "</w:comments>"),
    ("word/footnotes.xml", "<w:ins xmlns:w='{W}'><w:footnote/></w:ins>"),
    ("docProps/custom.xml", "<Properties/>"),
    ("word/document.xml", "<!DOCTYPE d [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><w:document xmlns:w='{W}'>"
                          "<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"),
])
def test_unusual_roots_and_shapes_give_a_one_line_error_or_marks(reviewed, tmp_path, part, xml):
    xml = xml.replace("{W}", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
    path = tmp_path / "odd.docx"
    path.write_bytes(_with_part(reviewed, part, xml.encode()))
    result = run("comments", str(path))
    assert "Traceback" not in result.output and "root:" not in result.output
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"{path}: ")


def test_byte_flipped_docx_files_are_read_or_refused_in_one_line(reviewed, tmp_path):
    """300 mutants, each with one bit flipped: a damaged file is a ReportError, never anything else."""
    rng = random.Random(19)
    unexpected = []
    for index in range(300):
        data = bytearray(reviewed)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        try:
            _trace(bytes(data), tmp_path)
        except ReportError as error:
            assert len(str(error).splitlines()) == 1
        except Exception as error:  # noqa: BLE001 - collected and shown below
            unexpected.append(f"mutant {index} (byte {position}): {type(error).__name__}: {error}")
    assert unexpected == []


# What a reviewer's text can do to the coordinator's outputs ---------------------------------------------

def test_comments_text_output_keeps_each_mark_on_one_line(reviewed, tmp_path):
    path = tmp_path / "reviewed.docx"
    path.write_bytes(reviewed)
    result = run("comments", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sections/01.md:5: Jane\\nsections/01.md:1: forged: Which paragraph?")


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def test_comments_csv_neutralises_formulas(reviewed, tmp_path):
    document = docx.Document(io.BytesIO(reviewed))
    paragraph = next(p for p in document.paragraphs if "Second" in p.text)
    for formula in FORMULAS:
        document.add_comment(paragraph.runs, text=formula, author=formula)
    path = tmp_path / "formulas.docx"
    document.save(path)
    result = run("comments", str(path), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    texts = [row[5] for row in rows[1:]]
    authors = [row[3] for row in rows[1:]]
    for formula in FORMULAS:
        assert "'" + formula in authors
        assert "'" + formula in texts or formula[0].isspace()  # the reader strips a comment's text
    assert all(not cell or cell[0] not in "=+-@\t\r" for row in rows for cell in row)


def test_the_recommendations_csv_neutralises_formulas(project):
    items = "\n".join(f"- {formula} the State should act." for formula in FORMULAS if formula[0] not in "\t\r")
    root = project({"sections/01.md": f"# Recommendations\n\n::: recommendations\n{items}\n:::\n"})
    for args in (["recommendations"], ["build", "--format", "csv"]):
        result = run(*args, "--project", str(root))
        assert result.exit_code == 0, result.output
        path = next((root / "build").glob("*_recommendations.csv"))
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert all(not cell or cell[0] not in "=+-@\t\r" for row in rows for cell in row), rows
        assert "'=HYPERLINK(“http://evil.example”,“x”) the State should act." in [row[1] for row in rows]
        path.unlink()
