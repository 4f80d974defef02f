"""The command line: outputs, progress, and every user mistake as `path:line: message`, all at once,
exit status 1, no traceback, and the previous build left untouched."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from reportgen import __version__
from reportgen.cli import main

GOOD_SECTION = """\
# Findings

A finding[@ohchr2020, p. 3] and a note^[Plain note.].
"""

BROKEN_BIB = """\
@report{ohchr2020,
  author = {{Office of the High Commissioner for Human Rights}},
  title = {Annual report},
  year = {2020},
}
@report{ohchr2020,
  title = {Duplicate},
}
@misc{broken,
  title = {never closed
"""

BROKEN_CONFIG = """\
title: A test report
titel: typo
sections: [01-findings.md, 02-missing.md]
"""

BROKEN_SECTION = """\
---
owner: [unclosed
---

# Findings

A finding[@ohcr2020] and a note[^missing].

[^unused]: Never called.

::: recommendations
- Do it.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_build_writes_pdf_html_and_docx_and_reports_stages(project):
    root = project({"sections/01-findings.md": GOOD_SECTION})
    result = run("build", "--project", str(root))
    assert result.exit_code == 0, result.output
    stages = [line.split()[0] for line in result.stderr.splitlines()]
    assert stages == ["load", "check", "html", "docx", "pdf", "write"]  # the PDF is laid out during the DOCX
    assert "1 sections, 1 numbered paragraphs, 2 notes, 2 references" in result.stderr
    assert result.stdout.startswith("built ")
    outputs = sorted(p.name for p in (root / "build").glob("[!.]*"))
    assert outputs == ["ERW_individual_UPR41_Exampleland.docx", "ERW_individual_UPR41_Exampleland.html",
                       "ERW_individual_UPR41_Exampleland.pdf"]


def test_every_mistake_is_reported_at_once_and_the_last_good_build_survives(project):
    root = project({"sections/01-findings.md": GOOD_SECTION})
    assert run("build", "--project", str(root)).exit_code == 0
    before = {p.name: p.read_bytes() for p in (root / "build").glob("[!.]*")}

    (root / "references.bib").write_text(BROKEN_BIB)
    (root / "report/report.yaml").write_text((root / "report/report.yaml").read_text() + BROKEN_CONFIG)
    (root / "sections/01-findings.md").write_text(BROKEN_SECTION)
    result = run("build", "--project", str(root))

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "references.bib:6: duplicate entry key 'ohchr2020' (first defined on line 1)",
        "references.bib:9: cannot parse this BibTeX entry: unexpectedly reached end of file.",
        "report/report.yaml:8: 'title' is given twice (first on line 1)",
        "report/report.yaml:9: unknown key 'titel' (did you mean 'title'?)",
        "report/report.yaml:10: section file 'sections/02-missing.md' does not exist",
        "sections/01-findings.md:3: invalid YAML: did not find expected ',' or ']'",
        "sections/01-findings.md:7: note [^missing] has no definition (add a line '[^missing]: ...')",
        "sections/01-findings.md:7: unknown citation key 'ohcr2020' (did you mean 'ohchr2020'?)",
        "sections/01-findings.md:9: note [^unused] is defined but never used",
        "sections/01-findings.md:11: fenced div '::: recommendations' is never closed (end it with a line ':::')",
        "reportgen: 10 errors; nothing was written",
    ]
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in (root / "build").glob("*") if p.is_file()} == before | {
        ".reportgen.lock": b""}


def test_unknown_citation_keys_fail_the_build(project):
    root = project({"sections/01.md": "Claim[@ohcr2020].\n"})
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "sections/01.md:1: unknown citation key 'ohcr2020' (did you mean 'ohchr2020'?)",
        "reportgen: 1 error; nothing was written",
    ]
    assert not list((root / "build").glob("[!.]*"))


def test_not_a_project(tmp_path):
    result = run("build", "--project", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path}: not a reportgen project (no report/report.yaml); run in a project folder or pass "
        "--project DIR")


def test_format_and_output_options(project, tmp_path):
    root = project({"sections/01.md": GOOD_SECTION})
    out = tmp_path / "drafts"
    result = run("build", "--project", str(root), "--format", "html", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in out.glob("[!.]*")] == [".html"]
    bad = run("build", "--project", str(root), "--format", "pdf,odt")
    assert bad.exit_code == 2
    assert ("Invalid value for '--format': choose from pdf, html, docx, csv, json, xlsx (comma-separated), "
            "not 'pdf,odt'") in bad.stderr


def test_version_and_help_are_instant_and_light():
    assert run("--version").output == f"reportgen, version {__version__}\n"
    # --help must not import the heavy libraries.
    code = ("import sys; from reportgen.cli import main\n"
            "for command in ('build', 'check', 'watch', 'recommendations'):\n"
            "    try:\n        main([command, '--help'])\n    except SystemExit:\n        pass\n"
            "heavy = [m for m in ('weasyprint', 'docx', 'bibtexparser', 'markdown_it', 'jinja2') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip().endswith("HEAVY []")


@pytest.mark.parametrize("config, message", [
    ("title: T\nbibliography: ../outside.bib\n", "report/report.yaml:2: the bibliography must be inside the project"),
    ("title: T\nbibliography: refs.bib\n", "report/report.yaml:2: bibliography 'refs.bib' does not exist"),
    ("title: T\nsections: [../../etc/passwd]\n", "report/report.yaml:2: section '../../etc/passwd' is outside the "
                                                 "sections/ folder"),
])
def test_project_paths_stay_inside_the_project(project, config, message):
    root = project({"sections/01.md": "Text.\n", "report/report.yaml": textwrap.dedent(config)})
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message


def test_images_resolve_inside_the_project(project, tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
                        "53de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082")
    root = project({"images/dot.png": png, "sections/01.md": "Chart: ![a dot](../images/dot.png)\n"})
    result = run("build", "--project", str(root), "--format", "pdf,html")
    assert result.exit_code == 0, result.output
    assert '<img src="images/dot.png" alt="a dot">' in next((root / "build").glob("*.html")).read_text()

    (root / "sections/01.md").write_text("![](/etc/passwd) ![](../../outside.png) ![](http://127.0.0.1:9/x.png)\n"
                                         "![](missing.png)\n")
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:4] == [
        "sections/01.md:1: image '../../outside.png' is outside the project",
        "sections/01.md:1: image '/etc/passwd' must be a file inside the project, written relative to the "
        "section file",
        "sections/01.md:1: image 'http://127.0.0.1:9/x.png' must be a file inside the project, written relative "
        "to the section file",
        "sections/01.md:2: image 'missing.png' does not exist: no file sections/missing.png (an image's path is "
        "relative to its section file)",
    ]
