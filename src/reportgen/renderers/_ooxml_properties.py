"""Raw OOXML for the document properties python-docx cannot write: custom ones (`docProps/custom.xml`,
where reportgen keeps its table of paragraph anchors) and the extended ones (`docProps/app.xml`:
application, word and page counts). A sibling of `_ooxml`."""

from __future__ import annotations

import io
import zipfile
from html import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
APP_XML = "docProps/app.xml"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


def set_custom_properties(document, values: dict[str, str], replace_prefix: str) -> None:
    """Write `values` as text properties. The reference document's own properties are kept, except
    those whose name starts with `replace_prefix` (left from a DOCX reportgen built)."""
    package = document.part.package
    kept: list[tuple[str, str]] = []  # (name, value element)
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            root = etree.fromstring(rel.target_part.blob)
            for entry in root.findall(f"{{{_NS}}}property"):
                name = entry.get("name", "")
                if not name.startswith(replace_prefix) and len(entry):
                    kept.append((name, etree.tostring(entry[0]).decode()))
            del package.rels[rId]
    entries = kept + [(name, f"<vt:lpwstr>{escape(value, quote=False)}</vt:lpwstr>") for name, value in values.items()]
    properties = [f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}">{value}</property>'
                  for pid, (name, value) in enumerate(entries, start=2)]
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_NS}" xmlns:vt="{_VT}">'
           + "".join(properties) + "</Properties>")
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)



def set_extended_properties(document, words: int | None) -> None:
    """docProps/app.xml: reportgen as the application and, when known, the word count (the one
    `reportgen check` counts against the limit). The page count is set once the PDF is laid out
    (`with_page_count`); until then it is left out rather than guessed."""
    package = document.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[rId]
    values = {"Application": "reportgen", "DocSecurity": "0"} | ({"Words": str(words)} if words is not None else {})
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_EP}" xmlns:vt="{_VT}">'
           + "".join(f"<{name}>{value}</{name}>" for name, value in values.items()) + "</Properties>")
    package.relate_to(Part(PackURI("/" + APP_XML), EXTENDED_TYPE, xml.encode("utf-8"), package), RT.EXTENDED_PROPERTIES)


def with_page_count(data: bytes, pages: int) -> bytes:
    """The DOCX `data` whose app.xml gives `pages` as the page count (the PDF's)."""
    from .reproducible_zip import normalise_zip

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    root = etree.fromstring(members[APP_XML])
    for old in root.findall(f"{{{_EP}}}Pages"):
        root.remove(old)
    etree.SubElement(root, f"{{{_EP}}}Pages").text = str(pages)
    members[APP_XML] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, content in members.items():
            package.writestr(name, content)
    return normalise_zip(out.getvalue())
