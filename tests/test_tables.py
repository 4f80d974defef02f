"""Tables as a reader needs them: a short column (a number, a symbol) on one line beside a column of
text, and a row never split between two pages, in the PDF and the DOCX alike."""

from __future__ import annotations

from reportgen import model as m
from reportgen.errors import Source
from reportgen.pipeline import build
from reportgen.renderers.tables import LINE, PADDING, column_widths, measure

from .docx_inspect import Docx, w

TEXT = ("Harmonise the laws addressing commercial sexual exploitation of children with the standards set forth "
        "in the Optional Protocol on the sale of children, child prostitution and child pornography.")


def _cells(*texts: str) -> tuple[m.TableCell, ...]:
    return tuple(m.TableCell((m.Text(t),) if t else ()) for t in texts)


def test_short_columns_keep_their_text_on_one_line_beside_a_column_of_text():
    table = m.Table(_cells("No.", "Recommendation", "SDG targets", "Section"),
                    (_cells("1 (1.1.4)", TEXT, "16.2, 8.7, 5.2", "1.1.4"), _cells("12 (II)", TEXT * 2, "16.2", "II")),
                    Source("sections/01.md", 1))
    widths = [share * LINE for share in column_widths(table)]
    assert widths[0] >= PADDING + measure("1 (1.1.4)")  # it was cut to "1 / (1.1.4)"
    assert widths[2] >= PADDING + measure("16.2, 8.7, 5.2")
    assert widths[1] > LINE / 2  # the text takes what is left


def test_two_columns_of_text_share_the_line_by_their_length():
    table = m.Table(_cells("Issue", "Finding"), (_cells(TEXT, TEXT * 3),), Source("sections/01.md", 1))
    short, long = column_widths(table)
    assert 0.15 < short < long < 0.85


def test_no_docx_row_breaks_across_pages(project):
    root = project({"sections/01.md": f"# Findings\n\n| No. | Recommendation |\n|---|---|\n| 1 | {TEXT} |\n"
                                      f"| 2 | {TEXT} |\n"})
    docx = Docx(build(root, ("docx",), root / "build").files[0].read_bytes())
    rows = list(docx.document.iter(w("tr")))
    assert len(rows) == 3 and all(row.find(f"{w('trPr')}/{w('cantSplit')}") is not None for row in rows)
