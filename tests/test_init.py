"""`reportgen init`: a new project for every submission type and language builds, and `check` finds
nothing but what is still to write; prompts, options, the commented report.yaml and the CI files."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.i18n import LANGUAGES, PREFERRED_LANGUAGES
from reportgen.load.config import documented_keys
from reportgen.pipeline import Session

# What a new report may be warned about: text still to write (ED-5, and RC-1 on a recommendation
# that is still a TODO), example entries (BIB-2, BIB-4), the follow-up (ST-6), key words (ST-4), a
# contact (ST-2), and a name that is not a UN Member State's (ST-2, as 'Exampleland' is not).
STILL_TO_WRITE = {"ED-5", "RC-1", "BIB-2", "BIB-4", "ST-6", "ST-4", "ST-2"}
ORGANISATIONS = {"individual": ["Example Rights Watch (ERW)"], "nhri": ["Exampleland Human Rights Commission (EHRC)"],
                 "joint": ["Example Rights Watch (ERW)", "Children First (CF)", "Ligue des droits (LDH)"]}


def init(folder: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["init", str(folder), *args], input=input)


def options(submission: str, language: str) -> list[str]:
    args = ["--no-input", "--state", "Indonesia", "--session", "41", "--submission", submission, "--language",
            language, "--date", "2026-03-01"]
    for organisation in ORGANISATIONS[submission]:
        args += ["--organisation", organisation]
    if submission == "joint":
        args += ["--coalition", "Coalition for Children (CFC)"]
    return args


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("submission", ["individual", "joint", "nhri"])
def test_a_new_project_builds_and_checks(tmp_path, submission, language):
    root = tmp_path / "report"
    result = init(root, *options(submission, language))
    assert result.exit_code == 0, result.output
    with Session(root, pdf=False) as session:
        loaded = session.load()
        checked = session.check(loaded)
        rendered = session.render(loaded.document, ("html", "docx"))
    assert not loaded.warnings
    assert checked.errors == 0, [f.finding() for f in checked.findings]
    warned = {f.rule for f in checked.findings if f.severity == "warning"}
    warned -= {"FM-5"} if language not in PREFERRED_LANGUAGES else set()  # OHCHR prefers en, fr, es
    assert warned <= STILL_TO_WRITE, [f.finding() for f in checked.findings if f.rule not in STILL_TO_WRITE]
    todo = [f for f in checked.findings if f.rule == "ED-5"]
    assert todo and all("TODO" in (root / f.source.path).read_text().splitlines()[f.source.line - 1] for f in todo)
    assert {f.rule for f in checked.findings if f.severity == "info"} <= {"ED-3"}
    sections = [s.source.path for s in loaded.document.sections if not s.annex]
    structure = ["executive-summary", "institution", "follow-up"] if submission == "nhri" else \
        ["executive-summary", "follow-up"]
    assert [Path(p).stem[3:] for p in sections[:len(structure)]] == structure
    assert len(sections) == len(structure) + 2  # two themes, each with its recommendations
    assert rendered.outputs["html"].count(b'class="marked recommendations') == 2
    assert loaded.document.config.language == language and loaded.document.config.submission == submission


@pytest.mark.parametrize("language", ["en", "ar", "zh"])
def test_a_new_project_builds_its_pdf(tmp_path, language):
    root = tmp_path / "report"
    assert init(root, *options("joint", language)).exit_code == 0
    result = CliRunner().invoke(main, ["build", "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert len(list((root / "build").glob("CFC_joint_UPR41_Indonesia_2026-03.*"))) == 3


def test_the_questions_asked(tmp_path):
    answers = "\n".join(["Indonesia", "27", "joint", "fr", "Coalition pour l'enfance (CPE)",
                         "Ligue des droits (LDH)", "Enfants d'abord (EDA)", "", "", "Marie Curie",
                         "marie@example.org", "Éducation; Traite des enfants", ""])
    result = init(tmp_path / "new", "--date", "2017-05-01", input=answers)
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "new/report/report.yaml").read_text())
    assert config["state"] == "Indonesia" and config["session"] == 27 and config["cycle"] == 3
    assert config["title"] == "Situation des droits de l'homme : Indonesia"
    assert config["coalition"] == {"name": "Coalition pour l'enfance", "acronym": "CPE"}
    assert config["organisations"] == [{"name": "Ligue des droits", "acronym": "LDH"},
                                       {"name": "Enfants d'abord", "acronym": "EDA"}]
    assert config["contact"] == {"name": "Marie Curie", "organisation": "CPE", "email": "marie@example.org"}
    assert sorted(p.name for p in (tmp_path / "new/sections").iterdir()) == [
        "01-executive-summary.md", "02-follow-up.md", "03-education.md", "04-traite-des-enfants.md"]
    assert "title: Résumé\n" in (tmp_path / "new/sections/01-executive-summary.md").read_text()


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = init(tmp_path, *options("individual", "en"))
    assert result.exit_code == 1
    assert "not an empty folder" in result.output and "nothing is overwritten" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_scripts_must_give_what_cannot_be_guessed(tmp_path):
    result = init(tmp_path / "new", "--no-input", "--session", "41", "--organisation", "X (X)")
    assert result.exit_code == 2 and "--state is needed with --no-input" in result.output
    assert not (tmp_path / "new").exists()


def test_report_yaml_documents_every_key_and_each_example_is_valid(tmp_path):
    root = tmp_path / "report"
    assert init(root, *options("joint", "en")).exit_code == 0
    text = (root / "report/report.yaml").read_text()
    for key, doc in documented_keys():
        depth, name = key.count("."), key.rsplit(".", 1)[-1]
        if key.startswith("organisations."):
            assert f"`{name}`: {doc.split()[0]}" in " ".join(text.split())
            continue
        assert re.search(rf"^{'  ' * depth}(# )?{name}:", text, re.MULTILINE), key
        assert " ".join(doc.split()[:6]) in " ".join(line.strip(" #") for line in text.splitlines()), key
    # every key commented out is valid as it stands: turn all of them on (but the CSL file, which
    # the project does not have) and the project still loads
    on = re.sub(r"^(\s*)# (?!csl:)(?=[a-z_]+:|  \S)", r"\1", text, flags=re.MULTILINE)
    (root / "report/report.yaml").write_text(on)
    with Session(root, pdf=False) as session:
        config = session.load().document.config
    assert config.contact.email == "jane.doe@example.org" and config.checks.rules == {"PU-1": "off", "ST-4": "error"}
    assert config.budgets == {"01-executive-summary.md": 300, "02-follow-up.md": 800}


def test_the_ci_files_run_as_written(tmp_path):
    """The commands of the GitHub workflow and the GitLab CI file work in the new project, and the
    pull-request check gives GitHub annotations."""
    root = tmp_path / "report"
    assert init(root, *options("individual", "en"), "--reportgen", "reportgen @ git+https://example.org/r@v1"
                ).exit_code == 0
    workflow = yaml.safe_load((root / ".github/workflows/report.yml").read_text())
    steps = workflow["jobs"]["report"]["steps"]
    assert "reportgen @ git+https://example.org/r@v1" in workflow["jobs"]["report"]["env"]["REPORTGEN"]
    assert [s["with"]["path"].split() for s in steps if "upload-artifact" in s.get("uses", "")] == [
        ["build/*.pdf", "build/*.docx"]]
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text())
    assert gitlab["variables"]["REPORTGEN"] == "reportgen @ git+https://example.org/r@v1"
    commands = [s["run"] for s in steps if s.get("run", "").startswith("reportgen ")]
    commands += [line for job in ("build", "check") for line in gitlab[job]["script"]]
    assert commands == ["reportgen build", "reportgen check --strict --format github", "reportgen build",
                        "reportgen check --format codequality > gl-code-quality-report.json || true",
                        "reportgen check --strict"]
    outputs = {}
    for command in dict.fromkeys(commands):
        args = shlex.split(command.split(">")[0].split("||")[0])
        outputs[command] = subprocess.run([sys.executable, "-m", "reportgen", *args[1:]], cwd=root,
                                          capture_output=True, text=True, timeout=300)
    assert outputs["reportgen build"].returncode == 0
    assert {p.suffix for p in (root / "build").glob("[!.]*.*")} == {".pdf", ".docx", ".html"}
    strict = outputs["reportgen check --strict --format github"]
    assert strict.returncode == 1  # a new report has text still to write
    assert "::warning file=sections/01-executive-summary.md,line=11,title=ED-5 " in strict.stdout
    assert outputs["reportgen check --strict"].returncode == 1
    quality = outputs["reportgen check --format codequality > gl-code-quality-report.json || true"]
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(
        yaml.safe_load(quality.stdout)[0])


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_example_sources_are_cited_in_the_reports_language(tmp_path, language):
    from reportgen import model as m
    from reportgen.starter.bibliography import ENTRIES

    root = tmp_path / "report"
    assert init(root, *options("individual", language)).exit_code == 0
    summary = next((root / "sections").glob("01-*.md"))
    keys = re.findall(r"^@\w+\{([\w-]+),", (root / "references.bib").read_text(encoding="utf-8"), re.M)
    assert len(keys) == 5
    summary.write_text(summary.read_text(encoding="utf-8") + "".join(f"\n\nA fact[@{k}]." for k in keys),
                       encoding="utf-8")
    with Session(root, pdf=False) as session:
        notes = [m.plain_text(n.blocks) for n in session.load().document.notes]
    council, upr_report, committee, general_comment, ohchr, upr, law, title, city = ENTRIES[language]
    for name, note in zip((upr_report.format(state="Indonesia"), general_comment, law, title, upr), notes, strict=True):
        start = name[:6]  # before the typography spaces a colon, curls an apostrophe or nests quotes its way
        assert start in note.replace("\u00a0", " ").replace("\u202f", " "), (name, note)
    if language != "en":
        assert not any("Human Rights" in note for note in notes)
