"""The reference document that styles the DOCX: the project's `templates/reference.docx` or the
built-in one. What a project's file lacks and a report needs (page size, margins, page numbers, the
first page without running header) is taken from the built-in one, each piece with a warning;
missing styles are added by the style sheet (`docx_styles`)."""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ..errors import Problem, ReportError, Source
from ..files import resource_path
from . import _ooxml

REFERENCE = "reference.docx"
_PAGE_FIELD = re.compile(r"^\s*PAGE\b")  # the PAGE field, not NUMPAGES or PAGEREF
_MARGINS = ("top_margin", "right_margin", "bottom_margin", "left_margin", "header_distance", "footer_distance",
            "gutter")


def open_reference(templates_dir: Path | None):
    """The reference document with its content removed, where it came from, and what had to be
    added to it; a broken file is a located ReportError."""
    path = resource_path(REFERENCE, templates_dir)
    own = templates_dir is not None and path == templates_dir / REFERENCE
    where = Source(f"templates/{REFERENCE}" if own else str(path))
    word = _read(path, where)
    _ooxml.clear_body(word)
    for rId, rel in list(word.part.rels.items()):
        if rel.reltype == RT.COMMENTS:  # comments on the reference's own text, gone with it
            word.part.drop_rel(rId)
    return word, where, [Problem(where, message, "warning") for message in complete_page_setup(word)]


def _read(path: Path, where: Source):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # a user's file may be broken in any way python-docx or zipfile notice
        reason = str(exc).strip() or type(exc).__name__
        raise ReportError([Problem(where, f"cannot use this file as the DOCX reference document: {reason}")]) from None


@functools.cache
def _builtin_section():
    """The page setup of reportgen's own reference document (read once, never changed)."""
    return _read(resource_path(REFERENCE), Source(REFERENCE)).sections[-1]


def complete_page_setup(word) -> list[str]:
    """Give the document's last section what the built-in one has and it lacks: the section
    itself, the page size, the margins. Returns a message per piece added."""
    builtin = _builtin_section()
    body = word.element.body
    if body.find(qn("w:sectPr")) is None:
        section_properties = copy.deepcopy(builtin._sectPr)
        for reference in section_properties.findall(qn("w:headerReference")) + section_properties.findall(
                qn("w:footerReference")):  # they name parts of the built-in package
            section_properties.remove(reference)
        for title_page in section_properties.findall(qn("w:titlePg")):  # set with the running header
            section_properties.remove(title_page)
        body.append(section_properties)
        return ["no section properties (page size, margins): A4, 2.5 cm margins as in reportgen's reference"]
    section, messages = word.sections[-1], []
    if section.page_width is None or section.page_height is None:
        section.page_width, section.page_height = builtin.page_width, builtin.page_height
        messages.append("no page size: A4 as in reportgen's reference")
    missing = [name for name in _MARGINS if getattr(section, name) is None]
    for name in missing:
        setattr(section, name, getattr(builtin, name))
    if missing:
        what = "margins" if len(missing) == len(_MARGINS) else "margins " + ", ".join(
            name.replace("_margin", "").replace("_", " ") for name in missing)
        messages.append(f"no page {what}: as in reportgen's reference (2.5 cm)")
    return messages


def _has_definition(part) -> bool:
    return not part.is_linked_to_previous


def complete_header(word) -> list[str]:
    """A reference without any header gets the built-in arrangement: the first page (the cover)
    without running header, the others with it (`DocxRenderer.running_header` writes it)."""
    sections = word.sections
    if any(_has_definition(getattr(s, kind)) for s in sections
           for kind in ("header", "first_page_header", "even_page_header")):
        return []
    first = sections[0]
    if not first.different_first_page_header_footer:
        first.different_first_page_header_footer = True
    first.first_page_header.is_linked_to_previous = False
    return ["no header: the running header added from page 2, as in reportgen's reference"]


def has_page_number(*parts) -> bool:
    """Whether any of these headers or footers shows the page number (a PAGE field)."""
    for part in parts:
        if not _has_definition(part):
            continue
        element = part._element
        instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
        instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
        if any(_PAGE_FIELD.match(text) for text in instructions):
            return True
    return False


def complete_page_numbers(word, footer_style_id: str | None) -> list[str]:
    """Page numbers "n / N" in every footer that shows pages without a page number (OHCHR asks
    for numbered pages); returns what was done, once per kind of change."""
    messages: dict[str, None] = {}
    even = word.settings.odd_and_even_pages_header_footer
    for index, section in enumerate(word.sections):
        kinds = [(section.header, section.footer)]
        if section.different_first_page_header_footer:
            kinds.append((section.first_page_header, section.first_page_footer))
        if even:
            kinds.append((section.even_page_header, section.even_page_footer))
        for header, footer in kinds:
            if (index and not _has_definition(footer)) or has_page_number(header, footer):
                continue  # a later section's footer that is linked shows the previous one
            if _has_definition(footer):
                paragraph = footer.add_paragraph()
                messages["a footer has no page number: page numbers added"] = None
            else:
                footer.is_linked_to_previous = False
                paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
                messages["no footer: page numbers added"] = None
            paragraph._p.style = footer_style_id
            _ooxml.add_page_numbers(paragraph)
    return list(messages)
