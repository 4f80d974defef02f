"""`reportgen package`: refused while `check --strict` fails (saying why), forced or clean it writes the
DOCX and PDF named as OHCHR suggests, the annexes apart when asked, the recommendations matrix and the
form's answers; on the example report and on a report started with `init`."""

from __future__ import annotations

import re
import shutil
import zipfile

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from reportgen.cli import main

from .conftest import ROOT

NAME = "ECPAT-Indonesia_joint_UPR13_Indonesia_2011-11"


def package(root, *args: str):
    return CliRunner().invoke(main, ["package", "--project", str(root), *args])


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def example(tmp_path):
    root = tmp_path / "example"
    for part in ("report", "sections", "references.bib"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
    return root


def test_the_example_is_refused_until_forced(example):
    result = package(example)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "sections/02-normative-framework.md:136: warning RC-1 recommendation 1 does not start with an action " \
           "verb addressed to the State: \"Urge the government of Indonesia to ratify the Optional…\"" in lines
    assert lines[-1] == "reportgen: `reportgen check --strict` fails (0 errors, 12 warnings); nothing was packaged " \
                        "(--force packages anyway)"
    assert not (example / "build/package").exists()

    result = package(example, "--force")
    assert result.exit_code == 0, result.output
    folder = example / "build/package"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        f"{NAME}{suffix}" for suffix in (".docx", ".pdf", "_recommendations.xlsx", "_form.txt"))
    assert "Summary of recommendations" in pdf_text(folder / f"{NAME}.pdf")  # annexes inline by default
    document = docx.Document(folder / f"{NAME}.docx")
    assert document.core_properties.title == "Commercial sexual exploitation of children in Indonesia"
    assert "DRAFT" not in pdf_text(folder / f"{NAME}.pdf")
    form = (folder / f"{NAME}_form.txt").read_text()
    assert form == result.stdout
    for line in ("Submission type:    Joint submission (21 organisations)",
                 "State under review: Indonesia", "UPR session:        13 (cycle 2)",
                 "Submitted by:       National Coalition for the Elimination of Commercial Sexual Exploitation of "
                 "Children (ECPAT Indonesia)",
                 "  - Pusat Kajian dan Perlindungan Anak (PKPA)",
                 "  ECOSOC status (or an NHRI's accreditation) of 21 not given: report.yaml's organisations.status",
                 "Contact person:     (not given: report.yaml's contact.name)",
                 "Language:           English (en)",
                 "Word count:         2,757 of the 5,630 allowed for a joint submission (2,873 left)",
                 "  not counted:      notes 168, annexes 508",
                 f"  - {NAME}.docx   (the upload: OHCHR asks for Word)"):
        assert line in form.splitlines(), line
    assert len(form.splitlines()) < 60  # a page
    with zipfile.ZipFile(folder / f"{NAME}_recommendations.xlsx") as xlsx:
        assert "xl/worksheets/sheet1.xml" in xlsx.namelist()
    assert "(packaged anyway: --force)" in result.stderr


def test_annexes_apart_when_report_yaml_asks(example):
    config = example / "report/report.yaml"
    config.write_text(config.read_text() + "package: {annexes: separate}\n")
    result = package(example, "--force")
    assert result.exit_code == 0, result.output
    folder = example / "build/package"
    body, annexes = pdf_text(folder / f"{NAME}.pdf"), pdf_text(folder / f"{NAME}_annexes.pdf")
    assert "Summary of recommendations" not in body and "Summary of recommendations" in annexes
    assert "Harmonise the laws" in body and "Harmonise the laws" in annexes  # the summary quotes them
    annex_docx = docx.Document(folder / f"{NAME}_annexes.docx")
    assert "Summary of recommendations" in "\n".join(p.text for p in annex_docx.paragraphs)
    assert f"  - {NAME}_annexes.docx" in result.stdout.splitlines()


def test_a_report_started_with_init(tmp_path):
    root = tmp_path / "report"
    assert CliRunner().invoke(main, ["init", str(root), "--no-input", "--state", "Indonesia", "--session", "41",
                                     "--organisation", "Example Rights Watch (ERW)", "--date", "2026-03-01",
                                     "--contact", "Ana Author", "--email", "ana@example.org",
                                     "--keyword", "education"]).exit_code == 0
    result = package(root)
    assert result.exit_code == 1 and "warning ED-5 still to write" in result.output

    # written: every TODO replaced, the examples cited or deleted, the sections final
    for section in (root / "sections").iterdir():
        text = re.sub(r"- TODO: [^{\n]*", "- Adopt a national action plan on education by 2027. ", section.read_text())
        text = re.sub(r"TODO: .*", "The State adopted a plan in 2025, as recommendation 139.12 (Norway, Supported, "
                                   "A/HRC/52/5) asked[@ohchr-upr].", text)
        section.write_text(text.replace("status: draft", "status: final"))
    bib = (root / "references.bib").read_text()
    (root / "references.bib").write_text(bib[bib.index("% A web page"):])
    checked = CliRunner().invoke(main, ["check", "--project", str(root), "--strict"])
    assert checked.exit_code == 0, checked.output

    result = package(root)
    assert result.exit_code == 0, result.output
    folder = root / "build/package"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        f"ERW_individual_UPR41_Indonesia_2026-03{s}" for s in (".docx", ".pdf", "_recommendations.xlsx", "_form.txt"))
    assert "Contact person:     Ana Author" in result.stdout and "Key words:          education" in result.stdout
    assert "Adopt a national action plan on education by 2027." in pdf_text(
        folder / "ERW_individual_UPR41_Indonesia_2026-03.pdf")
