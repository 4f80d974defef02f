"""`reportgen check` and `build` together: output, exit codes, JSON, settings, inline silencing, the
example report and an oversized copy of it."""

from __future__ import annotations

import json
import re
import shutil

from click.testing import CliRunner

from reportgen.check.registry import RULES, markdown_table
from reportgen.cli import main
from reportgen.load.frontmatter import FrontMatter

from .conftest import ROOT
from .test_check_rules import CLEAN, CONFIG, SECTION, config, section


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def check(root, *args: str):
    return run("check", "--project", str(root), *args)


def test_the_example_report():
    """Every finding here was read against the example and its seed: each is true."""
    result = check(ROOT)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "report/report.yaml:12: warning ST-6 no previous recommendation is cited by number (e.g. 'recommendation "
        "104.3'); OHCHR asks for their follow-up",
        "sections/02-normative-framework.md:136: warning RC-1 recommendation 1 does not start with an action verb "
        "addressed to the State: \"Urge the government of Indonesia to ratify the Optional…\"",
        "sections/02-normative-framework.md:138: warning RC-1 recommendation 2 holds 2 actions: \"Harmonise the "
        "laws addressing commercial sexual…\"",
        "sections/02-normative-framework.md:144: warning RC-1 recommendation 3 does not start with an action verb "
        "addressed to the State: \"The Law on the Eradication of the Criminal Act of…\"",
        "sections/02-normative-framework.md:148: warning RC-1 recommendation 4 does not start with an action verb "
        "addressed to the State: \"The Indonesian legal framework should impose reporting…\"",
        "sections/02-normative-framework.md:151: warning RC-1 recommendation 5 does not start with an action verb "
        "addressed to the State: \"The Government Regulation of the Republic of Indonesia No.…\"",
        "sections/02-normative-framework.md:155: warning RC-1 recommendation 6 does not start with an action verb "
        "addressed to the State and holds 2 actions: \"The Criminal Code should be reviewed in order to "
        "eliminate…\"",
        "sections/03-implementation.md:58: warning ST-8 cites 'iom2006shelters' from 2006, before the review period "
        "2007-2011",
        "sections/03-implementation.md:85: warning RC-1 recommendation 1 does not start with an action verb "
        "addressed to the State and holds 2 actions: \"The implementation of the National Plan of Action should "
        "be…\"",
        "sections/03-implementation.md:89: warning RC-1 recommendation 2 does not start with an action verb "
        "addressed to the State and holds 2 actions: \"The Government of Indonesia should ensure that shelters "
        "for…\"",
        "sections/03-implementation.md:92: warning RC-1 recommendation 3 does not start with an action verb "
        "addressed to the State and holds 2 actions: \"Anonymous 24-hour hotlines for child victims of "
        "trafficking…\"",
        "sections/03-implementation.md:95: warning RC-1 recommendation 4 does not start with an action verb "
        "addressed to the State and holds 2 actions: \"Law enforcement representatives should be provided with…\"",
        "words: 2,757 of 5,630 words (2,873 left), the limit for a joint submission (rule WL-2)",
        "  counted: body 2,405 + headings 112 + cover page 240",
        "  notes: 168 words, not counted (checks.count_notes: false); annexes: 508 words, never counted",
        "  biggest: sections/02-normative-framework.md 1,369, sections/03-implementation.md 836, "
        "sections/01-executive-summary.md 312",
        "check: 0 errors, 12 warnings, 0 info (3 silenced)",
    ]
    assert check(ROOT, "--strict").exit_code == 1


def oversized_example(tmp_path):
    """The example plus a section holding the implementation chapter four times over."""
    root = tmp_path / "oversized"
    for name in ("report", "sections", "references.bib"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    chapter = (ROOT / "sections/03-implementation.md").read_text().split("---\n", 2)[2]
    (root / "sections/04-case-studies.md").write_text("---\nowner: PKPA\nstatus: final\n---\n" + chapter * 4)
    return root


WL2 = ("report/report.yaml:13: error WL-2 6,101 words, 471 over the 5,630-word limit for a joint submission; "
       "biggest: sections/04-case-studies.md (3,344), sections/02-normative-framework.md (1,369), "
       "sections/03-implementation.md (836)")


def test_an_oversized_example_fails_and_build_refuses_it(tmp_path):
    root = oversized_example(tmp_path)
    result = check(root)
    assert result.exit_code == 1
    assert WL2 in result.stdout.splitlines()
    assert result.stdout.splitlines()[-5:] == [
        "words: 6,101 of 5,630 words (471 over), the limit for a joint submission (rule WL-2)",
        "  counted: body 5,425 + headings 436 + cover page 240",
        "  notes: 280 words, not counted (checks.count_notes: false); annexes: 1,188 words, never counted",
        "  biggest: sections/04-case-studies.md 3,344, sections/02-normative-framework.md 1,369, "
        "sections/03-implementation.md 836",
        "check: 1 error, 32 warnings, 0 info (7 silenced)",
    ]

    built = run("build", "--project", str(root), "--format", "html")
    assert built.exit_code == 1
    lines = built.stderr.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["load", "check"]
    assert lines[1].endswith("6,101 of 5,630 words (471 over); 1 error, 32 warnings, 0 info (7 silenced)")
    assert lines[2:] == [WL2, "reportgen: 1 error found by the checks; nothing was written (--force builds anyway)"]
    assert not list((root / "build").glob("[!.]*"))

    forced = run("build", "--project", str(root), "--format", "html", "--force")
    assert forced.exit_code == 0
    assert f"warning: {WL2} (built anyway: --force)" in forced.stderr.splitlines()
    assert [p.suffix for p in (root / "build").glob("[!.]*")] == [".html"]


def test_build_keeps_the_previous_outputs_when_the_checks_fail(project):
    root = project(CLEAN)
    assert run("build", "--project", str(root), "--format", "html").exit_code == 0
    before = {p.name: p.read_bytes() for p in (root / "build").iterdir() if p.is_file()}
    (root / "report/report.yaml").write_text(CONFIG.replace("cycle: 4", "cycle: 3"))
    result = run("build", "--project", str(root), "--format", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[2:] == [
        "report/report.yaml:4: error ST-10 cycle 3 does not match session 41, which is in cycle 4 (sessions 41-54)",
        "reportgen: 1 error found by the checks; nothing was written (--force builds anyway)",
    ]
    assert {p.name: p.read_bytes() for p in (root / "build").iterdir() if p.is_file()} == before


def test_text_output_and_exit_codes(project):
    root = project({**CLEAN, **config(keywords=None)})
    result = check(root)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "report/report.yaml: warning ST-4 no key words: list them under 'keywords'",
        "words: 64 of 2,815 words (2,751 left), the limit for an individual submission (rule WL-1)",
        "  counted: body 27 + headings 3 + cover page 34",
        "  notes: 40 words, not counted (checks.count_notes: false); annexes: 0 words, never counted",
        "  biggest: cover page 34, sections/01-summary.md 30",
        "check: 0 errors, 1 warning, 0 info",
    ]
    assert check(root, "--strict").exit_code == 1
    assert check(root, "--format", "xml").exit_code == 2
    not_a_project = check(root / "sections")
    assert not_a_project.exit_code == 2
    assert not_a_project.stderr.endswith("not a reportgen project (no report/report.yaml); run in a project folder "
                                         "or pass --project DIR\n")


def test_notes_can_count(project):
    root = project({**CLEAN, **config(checks="{count_notes: true}")})
    assert check(root).stdout.splitlines()[1:3] == [
        "  counted: body 27 + headings 3 + cover page 38 + notes 40",
        "  notes: 40 words, counted (checks.count_notes: true); annexes: 0 words, never counted",
    ]


def test_json_output(project):
    root = project({**CLEAN, **config(keywords=None)})
    result = check(root, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "version": 1,
        "findings": [{"path": "report/report.yaml", "line": 0, "severity": "warning", "rule": "ST-4",
                      "message": "no key words: list them under 'keywords'", "title": RULES["ST-4"].title}],
        "summary": {"errors": 0, "warnings": 1, "info": 0, "silenced": 0},
        "words": {"limit": 2815, "rule": "WL-1", "counted": 64, "left": 2751, "count_notes": False, "body": 27,
                  "headings": 3, "notes": 40, "cover": 34, "annexes": 0,
                  "sections": [{"path": "sections/01-summary.md", "body": 27, "headings": 3, "notes": 40,
                                "annex": False}]},
    }


def test_loading_errors_are_findings_and_stop_the_other_rules(project):
    root = project({**CLEAN, **section("[@stats2021]", "[@stats2012]"),
                    "references.bib": "@misc{x,\n  title = {never closed\n"})
    result = check(root, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [f"{f['path']}:{f['line']}: {f['rule']}" for f in data["findings"]] == [
        "references.bib:1: LD-1", "sections/01-summary.md:7: BIB-1", "sections/01-summary.md:11: BIB-1"]
    assert data["words"] is None
    text = check(root).stdout.splitlines()
    assert text[-1] == "check: 3 errors, 0 warnings, 0 info; the other rules run once the project loads"
    assert "Traceback" not in check(root).output


def test_rules_can_be_switched_off_or_changed_in_report_yaml(project):
    root = project({**CLEAN, **config(keywords=None, checks="{rules: {ST-4: error, ST-3: off}}"),
                    **section("# Executive summary", "# Context")})
    result = check(root)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "report/report.yaml: error ST-4 no key words: list them under 'keywords'"
    assert result.stdout.splitlines()[-1] == "check: 1 error, 0 warnings, 0 info"


def test_unknown_or_fixed_rules_in_report_yaml_are_located_errors(project):
    root = project({**CLEAN, **config(checks="{rules: {ST-88: off, pu-1: off, BIB-1: warning, LD-2: warning}}")})
    result = check(root)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "report/report.yaml:12: error LD-1 rule BIB-1 is checked while loading the project; it cannot be switched "
        "off or changed",
        "report/report.yaml:12: error LD-1 unknown rule 'ST-88' in checks.rules (did you mean 'ST-8'?)",
        "report/report.yaml:12: error LD-1 unknown rule 'pu-1' in checks.rules (did you mean 'PU-1'?)",
        "check: 3 errors, 0 warnings, 0 info; the other rules run once the project loads",
    ]


def test_a_finding_is_silenced_by_a_comment_on_its_line_or_the_line_before(project):
    old_bib = CLEAN["references.bib"].replace("year = {2021}", "year = {2016}")
    files = {
        **config(keywords=None, state="Vietnam"),
        **section("rose by 12 per cent in 2021[@stats2021].", "rose[@stats2021] (write to a@example.org)."),
        "references.bib": old_bib + "@book{unused, title = {Unused}, year = {2020}}\n",
    }
    root = project({**CLEAN, **files})
    assert sorted(line.split(": ")[1].split()[1] for line in check(root).stdout.splitlines()[:-5]) == [
        "BIB-2", "PU-1", "ST-2", "ST-4", "ST-8"]

    yaml = files["report/report.yaml"].replace("state: Vietnam", "state: Vietnam  # reportgen-ignore ST-2")
    bib = old_bib + "% reportgen-ignore BIB-2: kept\n@book{unused, title = {Unused}, year = {2020}}\n"
    markdown = SECTION.replace("Reported cases rose by 12 per cent in 2021[@stats2021].",
                               "<!-- reportgen-ignore ST-8, PU-1: a reason -->\n"
                               "Reported cases rose[@stats2021] (write to a@example.org).")
    root = project({**CLEAN, **files, "report/report.yaml": yaml, "references.bib": bib,
                    "sections/01-summary.md": markdown})
    result = check(root)
    assert result.stdout.splitlines()[0] == "report/report.yaml: warning ST-4 no key words: list them under 'keywords'"
    assert result.stdout.splitlines()[-1] == "check: 0 errors, 1 warning, 0 info (4 silenced)"


def test_an_unknown_rule_in_an_ignore_comment_is_an_error(project):
    root = project({**CLEAN, **section("# Findings", "# Findings <!-- reportgen-ignore ST-88 -->")})
    result = check(root)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == ("sections/01-summary.md:9: error LD-1 unknown rule 'ST-88' in "
                                             "reportgen-ignore (did you mean 'ST-8'?)")


def test_the_readme_documents_every_rule_the_json_format_and_the_front_matter():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "regenerate the rule table: python -c 'from reportgen.check.registry " \
                                       "import markdown_table; print(markdown_table())'"
    assert '"version": 1' in readme and '"findings": [' in readme
    front = readme.split("- **Front matter**")[1].split("- **Headings**")[0]
    documented = set(re.findall(r"^  \| (\w+) \|", front, flags=re.MULTILINE)) - {"Key"}
    assert documented == set(FrontMatter.__dataclass_fields__)


def test_github_annotations(project, monkeypatch):
    """`--format github`: GitHub's workflow commands, one per finding, paths from the repository root."""
    root = project({"sections/01.md": "# Findings\n\nA finding[@nowhere], with 50%:\nof, it.\n"})
    monkeypatch.chdir(root.parent)
    result = run("check", "--project", "project", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "::error file=project/sections/01.md,line=3,title=BIB-1 Every citation key is in the " \
                       "bibliography.::unknown citation key 'nowhere'"
    assert lines[-1] == "::notice title=reportgen check::1 error, 0 warnings, 0 info"
    monkeypatch.chdir(root)
    result = run("check", "--format", "github")
    assert result.stdout.startswith("::error file=sections/01.md,line=3,")


def test_github_escapes():
    from reportgen.check.findings import Result, format_github
    from reportgen.errors import Problem, Source

    finding = Problem(Source("a,b:c.md", 2), "50% done\nnext", "warning", "ST-4")
    assert format_github(Result((finding,)), "x/").splitlines()[0] == (
        f"::warning file=x/a%2Cb%3Ac.md,line=2,title=ST-4 {RULES['ST-4'].title.replace(',', '%2C')}::50%25 done%0Anext")
