"""Validate a DOCX against the ISO/IEC 29500 transitional schemas (the shared folder
`shared/schemas/ooxml`, next to the project or one of its parents), after Markup Compatibility
processing as a consumer that knows only the standard applies it: the namespaces a part lists in
`mc:Ignorable` are dropped and each `mc:AlternateContent` is replaced by its `mc:Fallback`."""

from __future__ import annotations

import functools
import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from .conftest import ROOT

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ISO = "ISO-IEC29500-4_2016"
_OPC = "ecma/fouth-edition"  # sic: the folder's name
# Every namespace a DOCX part may use, and the schema file that declares it.
_NAMESPACES = {
    "http://www.w3.org/XML/1998/namespace": f"{_ISO}/xml.xsd",
    MC: "mce/mc.xsd",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": f"{_ISO}/wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": f"{_ISO}/dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": f"{_ISO}/dml-wordprocessingDrawing.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": f"{_ISO}/dml-picture.xsd",
    "urn:schemas-microsoft-com:vml": f"{_ISO}/vml-main.xsd",
    "urn:schemas-microsoft-com:office:office": f"{_ISO}/vml-officeDrawing.xsd",
    "urn:schemas-microsoft-com:office:word": f"{_ISO}/vml-wordprocessingDrawing.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties":
        f"{_ISO}/shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":
        f"{_ISO}/shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": f"{_ISO}/shared-bibliography.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": f"{_ISO}/shared-customXmlDataProperties.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": f"{_OPC}/opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": f"{_OPC}/opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": f"{_OPC}/opc-coreProperties.xsd",
}
# The core-properties schema imports Dublin Core from the web: these stand-ins declare what it refers to.
_DUBLIN_CORE = {
    "http://purl.org/dc/elements/1.1/": ("dc.xsd", ("creator", "title", "subject", "description", "identifier",
                                                    "language", "publisher", "rights", "contributor", "format",
                                                    "relation", "source", "type", "coverage", "date")),
    "http://purl.org/dc/terms/": ("dcterms.xsd", ("created", "modified")),
}


def schema_folder() -> Path | None:
    """The schemas: `$OOXML_SCHEMAS`, else `shared/schemas/ooxml` beside the project or a folder above it
    (a worktree), else the workplace's own copy (`/work/shared`), where CI's clone may lie elsewhere."""
    places = [Path(os.environ["OOXML_SCHEMAS"])] if os.environ.get("OOXML_SCHEMAS") else []
    places += [folder / "shared" / "schemas" / "ooxml" for folder in ROOT.parents]
    places.append(Path("/work/shared/schemas/ooxml"))
    return next((place for place in places if (place / _ISO / "wml.xsd").is_file()), None)


def _dublin_core(folder: Path) -> None:
    for namespace, (name, elements) in _DUBLIN_CORE.items():
        declarations = "".join(f'<xs:element name="{e}" type="xs:anyType"/>' for e in elements)
        extra = ('<xs:complexType name="W3CDTF"><xs:simpleContent><xs:extension base="xs:dateTime"/>'
                 '</xs:simpleContent></xs:complexType>') if name == "dcterms.xsd" else ""
        (folder / name).write_text(
            f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{namespace}" '
            f'elementFormDefault="qualified">{declarations}{extra}</xs:schema>', encoding="utf-8")


@functools.cache
def _schema() -> etree.XMLSchema:
    folder = schema_folder()
    if folder is None:
        pytest.skip("the OOXML schemas (shared/schemas/ooxml) are not beside the project")
    work = Path(tempfile.mkdtemp(prefix="ooxml-schema-"))
    _dublin_core(work)
    core = (folder / _NAMESPACES["http://schemas.openxmlformats.org/package/2006/metadata/core-properties"]).read_text(
        encoding="utf-8-sig")
    for namespace, (name, _) in _DUBLIN_CORE.items():
        core = _relocate(core, namespace, (work / name).as_uri())
    (work / "core.xsd").write_text(core, encoding="utf-8")
    locations = {ns: (folder / path).as_uri() for ns, path in _NAMESPACES.items()}
    locations["http://schemas.openxmlformats.org/package/2006/metadata/core-properties"] = (work / "core.xsd").as_uri()
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{uri}"/>' for ns, uri in locations.items())
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    # no network: every import above is a local file
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=(work / "driver.xsd").as_uri()))


def _relocate(text: str, namespace: str, uri: str) -> str:
    """Point the import of `namespace` in a schema's text at `uri`."""
    start = text.index(f'namespace="{namespace}"')
    end = text.index("/>", start)
    return text[:start] + f'namespace="{namespace}" schemaLocation="{uri}"' + text[end:]


def markup_compatibility(root):
    """The part as a consumer that understands no extension sees it (ECMA-376 part 3)."""
    ignorable = set()
    for element in root.iter():
        value = element.get(f"{{{MC}}}Ignorable")
        if value:
            ignorable |= {element.nsmap.get(prefix) for prefix in value.split()}
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element is not root and etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        if element.tag == f"{{{MC}}}AlternateContent":
            fallback = element.find(f"{{{MC}}}Fallback")
            parent, at = element.getparent(), element.getparent().index(element)
            parent.remove(element)
            for offset, child in enumerate(list(fallback) if fallback is not None else []):
                parent.insert(at + offset, child)
            continue
        for name in list(element.attrib):
            namespace = etree.QName(name).namespace
            if namespace in ignorable or namespace == MC:
                del element.attrib[name]
    return root


def schema_errors(data: bytes) -> list[str]:
    """Every schema violation of every XML part of a DOCX, as `part:line: message`."""
    schema = _schema()
    errors = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not (name.endswith(".xml") or name.endswith(".rels")):
                continue
            root = markup_compatibility(etree.fromstring(package.read(name)))
            if name.startswith("customXml/item") and etree.QName(root).namespace not in _NAMESPACES:
                continue  # a custom XML item holds anyone's data, in any vocabulary
            if not schema.validate(root):
                errors += [f"{name}:{e.line}: {e.message}" for e in schema.error_log]
    return errors


def assert_valid_docx(data: bytes) -> None:
    """Fail with every violation when a DOCX does not follow the ISO/IEC 29500 transitional schemas."""
    errors = schema_errors(data)
    assert not errors, "the DOCX breaks the OOXML schemas:\n" + "\n".join(errors[:20])
