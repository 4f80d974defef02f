"""Regenerate reportgen's built-in DOCX reference document (styles, page setup, footer) from the
style catalogue in `reportgen.renderers.docx_styles`.

    python tools/make_reference_docx.py [OUTPUT]

The output defaults to src/reportgen/resources/templates/reference.docx and is byte-identical
from run to run, so a change to it in git is a change of the styles.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.shared import Mm

from reportgen.errors import Source
from reportgen.renderers import _ooxml, _ooxml_word
from reportgen.renderers.docx_styles import CATALOGUE, StyleSheet, apply_spec
from reportgen.renderers.reproducible_zip import normalise_zip

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src/reportgen/resources/templates/reference.docx"
# Word's own defaults that other styles build on; everything else comes from the catalogue.
KEEP = {"normal", "default paragraph font", "normal table", "no list", "table grid"}
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)
THEMED_HEADINGS = [f"Heading {level}" for level in range(1, 7)] + ["Title", "Subtitle"]


def theme_fonts(document, sheet, font: str) -> None:
    """The theme's fonts are the report's, and the text takes its Latin font from them (body text
    the theme's body font, headings and title its heading font), so Word's Design > Fonts works."""
    _ooxml_word.set_theme_fonts(document, major=font, minor=font)
    for name, kind in [("Normal", "minor")] + [(name, "major") for name in THEMED_HEADINGS]:
        style = sheet[name]
        style.font.name = font
        _ooxml_word.use_theme_fonts(style.element.rPr.rFonts, kind)
    _ooxml_word.use_theme_fonts(_ooxml.default_fonts(document), "minor")


def build() -> bytes:
    document = docx.Document()  # python-docx's default template, reduced to what reportgen defines
    _ooxml.drop_extras(document)
    _ooxml.clear_body(document)
    wanted = {spec.name.lower() for spec in CATALOGUE} | KEEP
    for style in list(document.styles):
        if (style.name or "").lower() not in wanted:
            style.delete()
    _ooxml.set_document_defaults(document, "Times New Roman", 12, "en-GB")
    sheet = StyleSheet(document, Source("reference.docx"))
    for spec in CATALOGUE:  # styles the template already had are redefined from scratch
        if spec.name not in sheet.added:
            _ooxml.reset_formatting(sheet[spec.name])
            apply_spec(sheet[spec.name], spec, sheet.find)
    _ooxml.set_setting(document, "autoHyphenation")
    theme_fonts(document, sheet, "Times New Roman")

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(12.5)
    section.different_first_page_header_footer = True  # no running header on the first page
    section.first_page_header.is_linked_to_previous = False
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.style = sheet["Footer"]
        _ooxml.add_page_numbers(paragraph)

    props = document.core_properties
    props.title = "reportgen reference document"
    props.subject = props.keywords = props.category = props.content_status = ""
    props.comments = "The styles of reportgen's DOCX output: edit the styles; the text is ignored."
    props.author = props.last_modified_by = "reportgen"
    props.revision = 1
    props.created = props.modified = FIXED_DATE
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    output.write_bytes(build())
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
