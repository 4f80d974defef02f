"""Raw OOXML for custom document properties (`docProps/custom.xml`), which python-docx cannot
write: reportgen keeps its table of paragraph anchors there. A sibling of `_ooxml`."""

from __future__ import annotations

from html import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
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

