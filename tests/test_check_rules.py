"""Every rule of `reportgen check`: a fixture that breaks it, with the exact output line, and one that
passes. The passing fixtures are the clean project below with one change, so a rule that fires on
them fails `test_a_clean_project_has_no_findings` or its own passing case."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from reportgen.check.registry import RULES
from reportgen.cli import main

CONFIG = """\
title: Children's rights in Indonesia
state: Indonesia
session: 41
cycle: 4
submission: individual
language: en
date: 2022-03-31
organisations:
  - {name: Example Rights Watch, acronym: ERW}
contact: {name: Jane Doe, email: jane@example.org}
keywords: [child rights]
"""

BIB = """\
@report{upr2017,
  author = {{Human Rights Council}},
  title = {Report of the Working Group on the Universal Periodic Review: Indonesia},
  number = {A/HRC/36/7},
  year = {2017},
  url = {https://example.org/a-hrc-36-7},
}
@online{stats2021,
  author = {{Statistics Indonesia}},
  title = {Child protection statistics},
  year = {2021},
  url = {https://example.org/stats},
  urldate = {2022-01-10},
}
"""

SECTION = """\
---
owner: ERW
status: final
---
# Executive summary

Indonesia supported recommendation 139.12 of its third review[@upr2017, para. 139.12].

# Findings

Reported cases rose by 12 per cent in 2021[@stats2021].^[See also the annual tables.]

::: recommendations
- Adopt a national action plan on child protection by 2025.
:::
"""

CLEAN = {"report/report.yaml": CONFIG, "references.bib": BIB, "sections/01-summary.md": SECTION}


def config(**changes: str | None) -> dict[str, str]:
    """The clean report.yaml with top-level keys replaced, added, or dropped (None)."""
    entries: dict[str, str] = {}
    for line in CONFIG.splitlines(keepends=True):
        if line.startswith(" "):
            entries[next(reversed(entries))] += line
        else:
            entries[line.split(":")[0]] = line
    for key, value in changes.items():
        entries[key] = f"{key}: {value}\n" if value is not None else ""
    return {"report/report.yaml": "".join(entries.values())}


def section(old: str, new: str) -> dict[str, str]:
    assert old in SECTION
    return {"sections/01-summary.md": SECTION.replace(old, new)}


def findings(project, files: dict[str, str]) -> list[str]:
    root = project({**CLEAN, **files})
    result = CliRunner().invoke(main, ["check", "--project", str(root)])
    assert "Traceback" not in result.output
    return [line for line in result.stdout.splitlines() if not line.startswith(("words:", "  ", "check:"))]


BIG = " ".join(["word"] * 2900)
BIG_JOINT = " ".join(["word"] * 5700)
JOINT = {"submission": "joint", "organisations": "[{name: Alpha, acronym: A}, {name: Beta, acronym: B}]",
         "coalition": "{name: Alpha-Beta Coalition, acronym: ABC, description: Founded in 2001.}"}

FAILING = [
    ("WL-1", {"sections/02-big.md": BIG},
     "report/report.yaml:5: error WL-1 2,968 words, 153 over the 2,815-word limit for an individual submission; "
     "biggest: sections/02-big.md (2,900), cover page (38), sections/01-summary.md (30)"),
    ("WL-2", {**config(**JOINT), "sections/02-big.md": BIG_JOINT},
     "report/report.yaml:5: error WL-2 5,777 words, 147 over the 5,630-word limit for a joint submission; "
     "biggest: sections/02-big.md (5,700), cover page (47), sections/01-summary.md (30)"),
    ("WL-3", config(submission="nhri", checks="{nhri_limit: 70}"),
     "report/report.yaml:5: warning WL-3 74 words, 4 over the 70-word limit for an NHRI submission; biggest: "
     "cover page (44), sections/01-summary.md (30)"),
    ("WL-4", config(submission="nhri", checks="{nhri_limit: 110}"),
     "report/report.yaml: info WL-4 with its 40 words of notes the text has 114 words, over the 110-word limit; "
     "whether OHCHR counts notes is unconfirmed"),
    ("WL-5", section("^[See also the annual tables.]", "^[" + " ".join(["Substance"] * 41) + "]"),
     "sections/01-summary.md:11: warning WL-5 note of 41 words with no citation or link: notes should hold "
     "references, not substance"),
    ("AN-1", {"sections/02-annex.md": "---\nannex: true\n---\n# Annex\n\nTables.\n",
              "sections/03-more.md": "# More\n\nText.\n"},
     "sections/03-more.md:1: warning AN-1 this section comes after the annex sections/02-annex.md; annexes go at "
     "the end"),
    ("ST-1", config(submission="joint", coalition="{name: Solo, acronym: S, description: Since 2001.}"),
     "report/report.yaml:8: error ST-1 a joint submission names two or more organisations; 'organisations' "
     "lists 1"),
    ("ST-2", config(contact="{name: Jane Doe}"),
     "report/report.yaml:10: warning ST-2 no contact person with an e-mail, phone or address ('contact.name', "
     "'contact.email' ...)"),
    ("ST-2", {"report/report.yaml": CONFIG.replace(", acronym: ERW", "")},
     "report/report.yaml:9: warning ST-2 organisation 'Example Rights Watch' has no acronym; OHCHR attributes "
     "points by it"),
    ("ST-2", config(state="Vietnam"),
     "report/report.yaml:2: warning ST-2 'Vietnam' is not the name of a UN Member State as the UN writes it (did "
     "you mean 'Viet Nam'?)"),
    ("ST-2", config(session=None),
     "report/report.yaml: warning ST-2 no session number ('session')"),
    ("ST-2", config(submission="joint", organisations="[{name: A, acronym: A}, {name: B, acronym: B}]",
                    coalition="{name: AB Coalition, description: Since 2001.}"),
     "report/report.yaml:11: warning ST-2 the coalition has no acronym ('coalition.acronym')"),
    ("ST-3", section("# Executive summary", "# Context"),
     "sections/01-summary.md:1: warning ST-3 no executive summary or introduction (a heading such as 'Executive "
     "summary' or 'Introduction')"),
    ("ST-4", config(keywords=None),
     "report/report.yaml: warning ST-4 no key words: list them under 'keywords'"),
    ("ST-5", config(numbering="{paragraphs: false}"),
     "report/report.yaml:12: warning ST-5 paragraphs are not numbered (numbering.paragraphs: false)"),
    ("ST-6", section("supported recommendation 139.12 of its third review[@upr2017, para. 139.12]",
                     "accepted most recommendations[@upr2017]"),
     "report/report.yaml:4: warning ST-6 no previous recommendation is cited by number (e.g. 'recommendation "
     "104.3'); OHCHR asks for their follow-up"),
    ("ST-7", section("supported recommendation 139.12 of its third review[@upr2017, para. 139.12]",
                     "accepted recommendation 139.12[@upr2017]"),
     "sections/01-summary.md:7: info ST-7 recommendation 139.12: 'accepted' is not an OHCHR position: write "
     "Supported or Noted"),
    ("ST-7", section("of its third review", "(A/HRC/36/7/Add1)"),
     "sections/01-summary.md:7: info ST-7 'A/HRC/36/7/Add1' is not a document symbol as OHCHR writes it (e.g. "
     "A/HRC/19/8/Add.1)"),
    ("ST-8", {"references.bib": BIB.replace("year = {2021}", "year = {2016}")},
     "sections/01-summary.md:11: warning ST-8 cites 'stats2021' from 2016, before the review period 2018-2022"),
    ("ST-9", config(state="Indonesia and Malaysia"),
     "report/report.yaml:2: error ST-9 'Indonesia and Malaysia' names 2 States; a submission is about one State "
     "under review"),
    ("ST-10", config(cycle="3"),
     "report/report.yaml:4: error ST-10 cycle 3 does not match session 41, which is in cycle 4 (sessions 41-54)"),
    ("FM-2", config(language="de"),
     "report/report.yaml:6: error FM-2 language 'de' is not a UN official language (en, fr, es, ar, ru, zh)"),
    ("FM-5", config(language="ar"),
     "report/report.yaml:6: warning FM-5 language 'ar' (Arabic) is accepted, but OHCHR prefers English, French or "
     "Spanish"),
    ("FM-4", {"sections/01-summary.md": SECTION + "\n![Chart](data:image/png;base64,iVBORw0KGgo=)\n"},
     "sections/01-summary.md:17: info FM-4 image 'data:image/png;base64,iVBORw0KGgo=': OHCHR summarises text "
     "only; keep text that matters out of images, and use no UN emblem"),
    ("AC-1", {**config(checks="{rules: {FM-4: off}}"),
              "sections/01-summary.md": SECTION + "\n![](data:image/png;base64,iVBORw0KGgo=)\n"},
     "sections/01-summary.md:17: warning AC-1 image 'data:image/png;base64,iVBORw0KGgo=' has no alternative text: "
     "write what it shows in the brackets, ![…](file)"),
    ("RC-1", section("- Adopt a national action plan on child protection by 2025.",
                     "- The State should adopt a national action plan by 2025."),
     "sections/01-summary.md:14: warning RC-1 recommendation 1 does not start with an action verb addressed to "
     "the State: \"The State should adopt a national action plan by 2025.\""),
    ("RC-1", section("by 2025.", "by 2025. It should also fund the plan."),
     "sections/01-summary.md:14: warning RC-1 recommendation 1 holds 2 actions: \"Adopt a national action plan on "
     "child protection by 2025.…\""),
    ("RC-1", section("by 2025.", "and provide the means by 2025."),
     "sections/01-summary.md:14: warning RC-1 recommendation 1 holds 2 actions: \"Adopt a national action plan on "
     "child protection and…\""),
    ("RC-2", section("- Adopt a national", "- Consider adopting a national"),
     "sections/01-summary.md:14: info RC-2 recommendation 1 is weak ('Consider'): ask for a specific action"),
    ("RC-2", {**config(language="fr"), **section("- Adopt a national action plan on child protection",
                                                  "- Envisager un plan national d'action")},
     "sections/01-summary.md:14: info RC-2 recommendation 1 is weak ('Envisager'): ask for a specific action"),
    ("RC-3", section("child protection by 2025.", "child protection by 2025. {sgd=16.2}"),
     "sections/01-summary.md:14: error RC-3 unknown recommendation attribute 'sgd' (did you mean 'sdg'?)"),
    ("RC-3", {**section("child protection by 2025.", "child protection by 2025. {previous=139.13}"),
              "report/previous-recommendations.csv": "number,text,position\n139.12,Adopt a plan,Supported\n"},
     "sections/01-summary.md:14: error RC-3 previous-cycle recommendation 139.13 is not in "
     "report/previous-recommendations.csv"),
    ("ED-4", section("# Findings", "### Findings"),
     "sections/01-summary.md:9: warning ED-4 a level-3 heading right after a level-1 one"),
    ("ED-5", section("^[See also the annual tables.]", "^[TODO: the annual tables.]"),
     'sections/01-summary.md:11: warning ED-5 still to write: "TODO: the annual tables."'),
    ("PU-1", section("rose by 12 per cent", "rose (write to anna.s@mail.example.org)"),
     "sections/01-summary.md:11: warning PU-1 e-mail address 'anna.s@mail.example.org' in the text; submissions "
     "are published"),
    ("PU-1", section("Reported cases", "Call the victim at +62 812 3456 7890. Reported cases"),
     "sections/01-summary.md:11: warning PU-1 phone number '+62 812 3456 7890' in the text; submissions are "
     "published"),
    ("BIB-1", section("[@stats2021]", "[@stats2012]"),
     "sections/01-summary.md:11: error BIB-1 unknown citation key 'stats2012' (did you mean 'stats2021'?)"),
    ("BIB-2", {"references.bib": BIB + "@book{unused2020, title = {Unused}, year = {2020}}\n"},
     "references.bib:15: warning BIB-2 entry 'unused2020' is never cited"),
    ("BIB-3", {"references.bib": BIB + "@book{upr2017, title = {Again}, year = {2020}}\n"},
     "references.bib:15: error BIB-3 duplicate entry key 'upr2017' (first defined on line 1)"),
    ("BIB-4", {"references.bib": BIB.replace("  url = {https://example.org/stats},\n", "")
               .replace("  year = {2021},\n", "")},
     "references.bib:8: warning BIB-4 entry 'stats2021' has no year or date and no url, which its note needs"),
    ("ED-1", section("# Findings", "# Findings {#summary}\n\n## More {#summary}"),
     "sections/01-summary.md:11: error ED-1 heading id 'summary' is already used at sections/01-summary.md:9"),
    ("ED-2", {"sections/02-empty.md": "---\nowner: ERW\n---\n# To be written\n"},
     "sections/02-empty.md:1: warning ED-2 section has no text under its headings"),
    ("ED-3", section("status: final", "status: draft"),
     "sections/01-summary.md:3: info ED-3 status is 'draft', not final (owner: ERW)"),
    ("ED-6", section("owner: ERW\n", "title: Summary\nowner: ERW\n"),
     "sections/01-summary.md:2: warning ED-6 the front matter title 'Summary' and the level-1 heading 'Executive "
     "summary' (line 6) both title this section: the heading is printed, the title is not (remove one of them)"),
    ("ED-7", section("# Findings\n", "# Findings\n\n# Details\n"),
     "sections/01-summary.md:9: warning ED-7 heading 'Findings' has nothing under it (before the heading on line "
     "11)"),
    ("XR-1", section("# Findings\n\nReported cases", "# Findings {#sec-findings}\n\nAs @sec-findngs shows, cases"),
     "sections/01-summary.md:11: error XR-1 cross-reference '@sec-findngs' names nothing: no heading, paragraph, "
     "recommendation, table or annex has the id 'sec-findngs' (did you mean '@sec-findings'?)"),
    ("XR-1", section("# Findings\n", "# Findings {#upr2017}\n"),
     "sections/01-summary.md:9: error XR-1 'upr2017' is both a citation key in references.bib and the id of a "
     "cross-reference target: rename one"),
    ("XR-2", section("Reported cases", "As @stats2012 shows, reported cases"),
     "sections/01-summary.md:11: warning XR-2 '@stats2012' is neither a citation key nor a cross-reference target; "
     "printed as written (did you mean '@stats2021'?) (write \\@ for a plain @)"),
    ("RC-4", section(":::\n", ":::\n\n::: recommendations\n- Adopt a plan for girls by 2026.\n:::\n"),
     "sections/01-summary.md:18: warning RC-4 recommendation 1 under heading II has the number of the one at "
     "sections/01-summary.md:14: references and the summary annex cannot tell them apart "
     "(numbering.recommendations_restart: never numbers them through)"),
    ("LD-1", {"report/report.yaml": CONFIG + "titel: typo\n"},
     "report/report.yaml:12: error LD-1 unknown key 'titel' (did you mean 'title'?)"),
    ("LD-2", section("Reported cases", "Reported <b>cases</b>"),
     "sections/01-summary.md:11: warning LD-2 raw HTML is shown as text, not interpreted; write Markdown instead"),
]

PASSING = [
    ("WL-1", {"sections/02-big.md": " ".join(["word"] * 2700)}),
    ("WL-2", {**config(**JOINT), "sections/02-big.md": " ".join(["word"] * 5500)}),
    ("WL-3", config(submission="nhri")),
    ("WL-4", config(submission="nhri", checks="{nhri_limit: 140}")),
    ("WL-5", section("^[See also the annual tables.]", "^[" + " ".join(["Word"] * 40) + "]")),
    ("WL-5", section("^[See also the annual tables.]", "^[" + " ".join(["Word"] * 50) + " https://example.org]")),
    ("AN-1", {"sections/02-annex.md": "---\nannex: true\n---\n# Annex\n\nTables.\n"}),
    ("ST-1", config(submission="joint", organisations="[{name: A, acronym: A}, {name: B, acronym: B}]",
                    coalition="{description: Since 2001.}")),
    ("ST-2", config(state="Bolivia (Plurinational State of)")),
    ("ST-2", config(state="Côte d’Ivoire")),
    ("ST-3", section("# Executive summary", "# Introduction")),
    ("ST-5", config(numbering="{paragraphs: true}")),
    ("ST-6", {**config(session="5", cycle="1"),
              **section("supported recommendation 139.12 of its third review[@upr2017, para. 139.12]",
                        "joined the review[@upr2017]")}),
    ("ST-7", section("of its third review", "(Norway), Supported, A/HRC/36/7/Add.1,")),
    ("ST-8", {"references.bib": BIB.replace("year = {2021}", "year = {2018}")}),
    ("ST-8", {"references.bib": BIB.replace("@online{stats2021", "@legislation{stats2021")
              .replace("year = {2021}", "year = {2002}")}),
    ("ST-9", config(state="Bosnia and Herzegovina")),
    ("ST-10", config(session="26", cycle="2")),
    ("FM-2", {**config(language="fr"), **section("Adopt a national action plan on child protection",
                                                  "Adopter un plan national d'action")}),
    ("FM-5", {**config(language="es"), **section("Adopt a national action plan on child protection",
                                                  "Adoptar un plan nacional de acción")}),
    ("RC-1", section("- Adopt a national action plan on child protection by 2025.",
                     "- Establish and resource a national action plan by 2025, in line with the Convention.")),
    ("RC-2", section("by 2025.", "by 2025, continuously funded.")),
    ("PU-1", section("rose by 12 per cent", "rose between 2009-2014 and 17.03.2020 (Law No. 21/2007)")),
    ("BIB-4", {"references.bib": BIB.replace("  url = {https://example.org/a-hrc-36-7},\n", "")}),
    ("ED-2", {"sections/02-short.md": "# Annex\n\nOne line.\n"}),
    ("ED-3", section("status: final\n", "")),
    ("ED-6", section("status: final\n---\n# Executive summary\n", "status: final\ntitle: Executive summary\n---\n")),
    ("ED-7", section("# Findings\n", "# Findings\n\n## Details\n")),
    ("XR-1", section("# Findings\n\nReported cases", "# Findings {#sec-findings}\n\nAs @Sec-findings shows, cases")),
    ("XR-2", section("Reported cases", "Reported (\\@stats2012) cases")),
    ("RC-4", section(":::\n", ":::\n\n# Further\n\nText.\n\n::: recommendations\n- Adopt a plan by 2026.\n:::\n")),
]


def test_a_clean_project_has_no_findings(project):
    assert findings(project, {}) == []


@pytest.mark.parametrize("rule, files, line", FAILING, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(FAILING)])
def test_rule_fails(project, rule, files, line):
    assert findings(project, files) == [line]


@pytest.mark.parametrize("rule, files", PASSING, ids=[f"{r}-{i}" for i, (r, _) in enumerate(PASSING)])
def test_rule_passes(project, rule, files):
    assert findings(project, files) == []


def test_every_rule_has_a_failing_fixture():
    assert {rule for rule, _, _ in FAILING} == set(RULES)
    for rule, _, line in FAILING:
        assert re.search(rf": (error|warning|info) {rule} ", line)


def test_ed5_markers_left_in_the_text(project):
    from reportgen.check import run_rules
    from reportgen.errors import Problems
    from reportgen.load.project import Project, load_document
    from reportgen.transforms import resolve_model

    root = project({"sections/01.md": "# Summary\n\nTODO: the summary.\n\n## FIXME later\n\nA fact.^[TODO a source]\n\n"
                                      "A todo in lower case, and TODOS, are not markers.\n"})
    problems = Problems()
    written = load_document(Project.at(root), problems)
    result = run_rules(root, written, resolve_model(written, problems), [])
    assert [f.finding() for f in result.findings if f.rule == "ED-5"] == [
        'sections/01.md:3: warning ED-5 still to write: "TODO: the summary."',
        'sections/01.md:5: warning ED-5 still to write: "FIXME later"',
        'sections/01.md:7: warning ED-5 still to write: "TODO a source"',
    ]
