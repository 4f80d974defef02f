"""Recommendations as data: metadata, previous-cycle data, numbering, the generated annexes and the
matrix export (CSV, JSON, XLSX read back by LibreOffice)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from reportgen import model as m
from reportgen.cli import main
from reportgen.errors import ReportError
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.export import matrix, to_xlsx

from .docx_inspect import NS, Docx, w
from .libreoffice import convert

SECTION = """\
# Legal framework

## Ratification

Indonesia has not ratified the Optional Protocol.

::: recommendations
- Ratify the Optional Protocol on the sale of children. {theme="legal framework" sdg="16.2" previous="104.3"}
- Amend the Criminal Code to remove double criminality.
  {#double-criminality theme="law enforcement" sdg="16.2 16.3" priority=high}
:::

# Victims

::: recommendations
- Establish shelters in every province. {theme="victim support" previous="104.3 104.7" states="Brazil"}
:::
"""

PREVIOUS = """\
Number,Recommendation,Recommending State,Position,Source of position,Assessment
104.3,Ratify the Optional Protocol on the sale of children,Norway,Supported,A/HRC/8/23,not implemented
104.7,Establish shelters for victims,"Brazil; Chile",Noted,A/HRC/8/23/Add.1,partially implemented
104.9,Train judges,Canada,Supported,A/HRC/8/23,implemented
"""


def model(project, files: dict[str, str]) -> m.Document:
    return load_model(Project.at(project({"sections/01.md": SECTION, **files})))


def recommendations(document: m.Document) -> list[m.Recommendation]:
    return [n for s in document.sections for n in m.walk(s) if isinstance(n, m.Recommendation)]


def test_metadata_is_read_from_the_attribute_set(project):
    first, second, third = recommendations(model(project, {}))
    assert (first.theme, first.sdg, first.previous, first.priority) == ("legal framework", ("16.2",), ("104.3",), "")
    assert (second.id, second.theme, second.sdg, second.priority) == ("double-criminality", "law enforcement",
                                                                      ("16.2", "16.3"), "high")
    assert (third.previous, third.states) == (("104.3", "104.7"), ("Brazil",))
    assert m.plain_text(second.blocks) == "Amend the Criminal Code to remove double criminality."
    assert [r.label for r in (first, second, third)] == ["1.", "2.", "1."]


@pytest.mark.parametrize("item, message", [
    ('- Do it. {them="x"}', "2: unknown recommendation attribute 'them' (did you mean 'theme'?)"),
    ('- Do it. {colour="x"}', "2: unknown recommendation attribute 'colour'; use theme, sdg, previous, states, "
                              "priority"),
    ('- Do it. {previous="104-3"}', "2: previous-cycle recommendation '104-3' must be numbered as OHCHR does, "
                                    "e.g. 28.212"),
    ('- Do it. {sdg="16.20b"}', "2: '16.20b' is not an SDG target (write goal.target, e.g. 16.2 or 5.a)"),
    ("- Do it. {priority=urgent}", "2: priority must be high, medium or low, not 'urgent'"),
    ("- Do it. {.important}", "2: a recommendation takes no classes ('.important'); write key=\"value\" with one "
                              "of theme, sdg, previous, states, priority"),
    ('- Do it\n  well. {theme="x" theme="y"}', "3: recommendation attribute 'theme' is given twice"),
])
def test_metadata_mistakes_are_located(project, item, message):
    root = project({"sections/01.md": f"::: recommendations\n{item}\n:::\n"})
    with pytest.raises(ReportError) as caught:
        load_model(Project.at(root))
    assert [str(p) for p in caught.value.problems] == [f"sections/01.md:{message}"]


def test_attribute_sets_stay_text_outside_recommendations(project):
    root = project({"sections/01.md": '- A bullet. {theme="x"}\n'})
    item = load_model(Project.at(root)).sections[0].blocks[0].items[0]
    assert m.plain_text(item.blocks) == 'A bullet. {theme=“x”}'


@pytest.mark.parametrize("restart, labels", [
    ("block", ["1.", "2.", "1."]), ("never", ["1.", "2.", "3."]), ("section", ["1.", "2.", "3."]),
])
def test_numbering_restarts_as_configured_and_the_docx_counts_the_same(project, restart, labels):
    second = "::: recommendations\n- A fourth one.\n:::\n"
    root = project({"sections/01.md": SECTION, "sections/02.md": second,
                    "report/report.yaml": f"title: T\nnumbering: {{recommendations_restart: {restart}}}\n"})
    document = load_model(Project.at(root))
    expected = labels + (["4."] if restart == "never" else ["1."])
    assert [r.label for r in recommendations(document)] == expected
    docx = Docx(render_docx(document, root / "templates", root))
    shown = [label for label, text, p in docx.labels() if docx.paragraph_style(p) == docx.style_id("Recommendation")]
    assert shown == expected


def test_previous_cycle_data_cites_and_checks_references(project):
    document = model(project, {"report/previous-recommendations.csv": PREVIOUS})
    assert [p.number for p in document.previous] == ["104.3", "104.7", "104.9"]
    assert document.previous[1].state == "Brazil; Chile" and document.previous[1].position == "Noted"
    first, _, third = recommendations(document)
    assert m.plain_text(first.blocks) == ("Ratify the Optional Protocol on the sale of children. As recommended "
                                          "previously: 104.3 (Norway, Supported, A/HRC/8/23).")
    assert m.plain_text(third.blocks).endswith("As recommended previously: 104.3 (Norway, Supported, A/HRC/8/23); "
                                               "104.7 (Brazil and Chile, Noted, A/HRC/8/23/Add.1).")


def test_without_data_the_reference_is_cited_as_written(project):
    first = recommendations(model(project, {}))[0]
    assert m.plain_text(first.blocks).endswith("children. As recommended previously: 104.3.")
    root = project({"sections/01.md": SECTION, "report/report.yaml": "title: T\nrecommendations: "
                                                                     "{cite_previous: false}\n"})
    first = recommendations(load_model(Project.at(root)))[0]
    assert m.plain_text(first.blocks) == "Ratify the Optional Protocol on the sale of children."


@pytest.mark.parametrize("data, message", [
    ("Number,Text\n104.3,A\n", "sections/01.md:16: previous-cycle recommendation 104.7 is not in "
                               "report/previous-recommendations.csv"),
    ("Text,Position\nA,Supported\n", "report/previous-recommendations.csv:1: no 'number' column (the "
                                     "recommendation's number, e.g. 28.212)"),
    ("Number,Position\n104.3,Supported\n104,Noted\n104.7,Noted\n", "report/previous-recommendations.csv:3: '104' "
                                                                  "is not a recommendation number as OHCHR writes "
                                                                  "it, e.g. 28.212"),
    ("Number,Position\n104.3,Accepted\n104.7,Maybe\n", "report/previous-recommendations.csv:3: position of 104.7 "
                                                       "must be Supported or Noted, not 'Maybe'"),
    ("Number,Assessment\n104.3,done\n104.7,\n", "report/previous-recommendations.csv:2: assessment of 104.3 must be "
                                                "implemented, partially implemented or not implemented (or empty), "
                                                "not 'done'"),
    ("Number\n104.3\n104.7\n104.3\n", "report/previous-recommendations.csv:4: recommendation 104.3 is listed twice "
                                      "(first on line 2)"),
])
def test_previous_cycle_mistakes_are_located(project, data, message):
    root = project({"sections/01.md": SECTION, "report/previous-recommendations.csv": data})
    with pytest.raises(ReportError) as caught:
        load_model(Project.at(root))
    assert [str(p) for p in caught.value.problems] == [message]


def test_previous_cycle_data_in_yaml(project):
    data = ("- number: '104.3'\n  text: Ratify\n  state: Norway\n  position: supported\n"
            "- {number: '104.7', text: Shelters, state: Brazil, position: Noted, assessment: implemented}\n")
    document = model(project, {"report/previous-recommendations.yaml": data})
    assert [(p.number, p.position, p.assessment, p.origin.line) for p in document.previous] == [
        ("104.3", "Supported", "", 1), ("104.7", "Noted", "implemented", 5)]


def annex(document: m.Document, title: str) -> m.Section:
    return next(s for s in document.sections if s.annex and s.title == title)


def table_rows(section: m.Section) -> list[list[str]]:
    return [[m.plain_text(cell.inlines) for cell in row] for table in section.blocks if isinstance(table, m.Table)
            for row in table.rows]


def test_summary_annex_by_theme_and_by_section(project):
    document = model(project, {"report/report.yaml": "title: T\nrecommendations: {summary: theme}\n"})
    summary = annex(document, "Summary of recommendations")
    headings = [m.plain_text(b.inlines) for b in summary.blocks if isinstance(b, m.Heading)]
    assert headings == ["Summary of recommendations", "Legal framework", "Law enforcement", "Victim support"]
    # numbers start again in each block: each is told apart by its heading's number
    assert table_rows(summary)[1] == ["2 (1.1)", "Amend the Criminal Code to remove double criminality.",
                                      "16.2, 16.3", "1.1"]
    link = summary.blocks[2].rows[0][3].inlines[0]
    assert isinstance(link, m.Link) and link.url == "#ratification"

    document = model(project, {"report/report.yaml": "title: T\nrecommendations: {summary: section}\n"})
    summary = annex(document, "Summary of recommendations")
    headings = [m.plain_text(b.inlines) for b in summary.blocks if isinstance(b, m.Heading)]
    assert headings == ["Summary of recommendations", "1.1 Ratification", "II Victims"]
    assert table_rows(summary)[2][3] == "victim support"


def test_follow_up_annex_lists_the_previous_cycle_with_links(project):
    document = model(project, {"report/previous-recommendations.csv": PREVIOUS})
    follow_up = annex(document, "Follow-up to the recommendations of the previous cycle")
    assert table_rows(follow_up) == [
        ["104.3", "Ratify the Optional Protocol on the sale of children", "Norway", "Supported", "not implemented",
         "1.1, II"],
        ["104.7", "Establish shelters for victims", "Brazil; Chile", "Noted", "partially implemented", "II"],
        ["104.9", "Train judges", "Canada", "Supported", "implemented", "–"],
    ]
    assert follow_up.annex and follow_up.source.path == "report/previous-recommendations.csv"


def test_annexes_in_the_pdf_and_the_docx(project, tmp_path):
    root = project({"sections/01.md": SECTION, "report/previous-recommendations.csv": PREVIOUS,
                    "report/report.yaml": "title: T\nrecommendations: {summary: theme}\n"})
    written, _ = build(root, ("pdf", "docx"), tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(written[0]), "-"], capture_output=True, text=True).stdout
    assert "Summary of recommendations" in text and "Follow-up to the recommendations of the previous cycle" in text
    assert "Annex I" in text and "Annex II" in text
    assert "partially" in text
    docx = Docx(written[1].read_bytes())
    annex_style = docx.style_id("Annex Heading")
    annex_headings = [docx.text(p) for p in docx.document.iter(w("p")) if docx.paragraph_style(p) == annex_style]
    assert annex_headings == ["Annex I Summary of recommendations",  # the label, a line break, the title
                              "Annex II Follow-up to the recommendations of the previous cycle"]
    anchors = {link.get(w("anchor")) for link in docx.document.iterfind(".//w:tbl//w:hyperlink", NS)}
    bookmarks = {b.get(w("name")) for b in docx.document.iter(w("bookmarkStart"))}
    assert anchors and anchors <= bookmarks  # every cross-reference in the annex tables lands on a heading
    notes = [n for n in docx.document.iter(w("footnoteReference"))]
    assert len(notes) == 0  # the annex copies no note calls


EXPECTED_ROWS = [
    ["1", "Ratify the Optional Protocol on the sale of children. As recommended previously: 104.3 (Norway, "
          "Supported, A/HRC/8/23).", "1.1 Ratification", "legal framework", "16.2", "", "104.3", "Norway",
     "Supported", "A/HRC/8/23", "not implemented", "Exampleland", "41", "4", "ERW", "sections/01.md:8"],
    ["2", "Amend the Criminal Code to remove double criminality.", "1.1 Ratification", "law enforcement",
     "16.2, 16.3", "high", "", "", "", "", "", "Exampleland", "41", "4", "ERW", "sections/01.md:9"],
]


def test_matrix_rows(project):
    rows = matrix(model(project, {"report/previous-recommendations.csv": PREVIOUS}))
    assert [list(row.values()) for row in rows[:2]] == EXPECTED_ROWS
    assert rows[2]["recommending_state"] == "Norway; Brazil; Chile"
    assert rows[2]["source_document"] == "A/HRC/8/23; A/HRC/8/23/Add.1"


def test_recommendations_command_writes_csv_json_and_xlsx(project, tmp_path):
    root = project({"sections/01.md": SECTION, "report/previous-recommendations.csv": PREVIOUS})
    runner = CliRunner()
    result = runner.invoke(main, ["recommendations", "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "wrote " + str(root / "build/ERW_individual_UPR41_Exampleland_recommendations.csv") \
        + " (3 recommendations)\n"
    data = (root / "build/ERW_individual_UPR41_Exampleland_recommendations.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["No.", "Recommendation", "Section"] and rows[1:3] == EXPECTED_ROWS
    result = runner.invoke(main, ["recommendations", "--project", str(root), "--format", "json", "--output", "-"])
    assert json.loads(result.stdout)["recommendations"][1]["priority"] == "high"
    result = runner.invoke(main, ["recommendations", "--project", str(root), "--format", "xlsx", "--output", "-"])
    assert result.exit_code == 1
    assert "an XLSX spreadsheet cannot go to standard output: give --output FILE" in result.stderr


def test_build_can_write_the_matrix_too(project, tmp_path):
    root = project({"sections/01.md": SECTION})
    written, _ = build(root, ("docx", "xlsx"), tmp_path)
    assert [p.name for p in written] == ["ERW_individual_UPR41_Exampleland.docx",
                                         "ERW_individual_UPR41_Exampleland_recommendations.xlsx"]


def test_the_xlsx_is_a_real_spreadsheet(project, tmp_path):
    rows = matrix(model(project, {"report/previous-recommendations.csv": PREVIOUS}))
    data = to_xlsx(rows, datetime(2022, 3, 31, tzinfo=UTC), "T")
    assert data == to_xlsx(rows, datetime(2022, 3, 31, tzinfo=UTC), "T")  # reproducible
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
        styles = package.read("xl/styles.xml").decode()
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in sheet
    assert "<autoFilter ref=" in sheet and '<col min="2" max="2" width="' in sheet
    assert 'wrapText="1"' in styles and "<b/>" in styles

    path = tmp_path / "matrix.xlsx"
    path.write_bytes(data)
    converted, = convert([path], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path, "Calc reads the XLSX back")
    read_back = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    assert read_back[1:3] == EXPECTED_ROWS
    assert len(read_back) == 4


def test_every_attribute_is_documented_in_the_readme():
    from reportgen.load.recommendation_metadata import KEYS

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, text in KEYS.items():
        assert f"| `{key}` | {text} |" in readme
