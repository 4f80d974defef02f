"""The standards the PDF follows: always tagged PDF/UA-1 (accessible: structure tree, language,
title shown, alternative text), and with `pdf_archive: true` also PDF/A-3b for archiving.

WeasyPrint writes either variant; for both at once it writes PDF/A-3b with tags, and the XMP
metadata here adds the PDF/UA identification with the extension schema PDF/A asks for."""

from __future__ import annotations

from xml.etree.ElementTree import SubElement, fromstring, register_namespace, tostring

UA = "pdf/ua-1"
ARCHIVE = "pdf/a-3b"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
# the prefixes PDF/A names for its extension schemas (ElementTree would write ns0, ns1 …)
_PREFIXES = {"pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
             "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
             "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#"}
# PDF/A allows only the XMP properties it predefines or that an extension schema declares.
_EXTENSION = f"""<rdf:Description xmlns:rdf="{_RDF}" rdf:about=""
 xmlns:pdfaExtension="{_PREFIXES['pdfaExtension']}"
 xmlns:pdfaSchema="{_PREFIXES['pdfaSchema']}" xmlns:pdfaProperty="{_PREFIXES['pdfaProperty']}">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>{_PDFUAID}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the document follows</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>"""


def write_pdf(document, archive: bool, attachments: list | None = None) -> bytes:
    """The PDF of a laid-out WeasyPrint document, tagged PDF/UA-1, and PDF/A-3b too if `archive`."""
    if not archive:
        return document.write_pdf(pdf_variant=UA, attachments=attachments)
    document.metadata = _archival_metadata(document.metadata)
    return document.write_pdf(pdf_variant=ARCHIVE, pdf_tags=True, attachments=attachments)


def _archival_metadata(metadata):
    """`metadata` whose XMP also says PDF/UA-1, for a PDF/A file that is tagged for accessibility."""
    from weasyprint.pdf.metadata import DocumentMetadata

    for prefix, uri in _PREFIXES.items():
        register_namespace(prefix, uri)

    class ArchivalMetadata(DocumentMetadata):
        def generate_rdf_metadata(self, variant, version, conformance):
            rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))
            description = rdf.find(f"{{{_RDF}}}Description")
            if description is None:
                description = SubElement(rdf, f"{{{_RDF}}}Description", {f"{{{_RDF}}}about": ""})
            description.set(f"{{{_PDFUAID}}}part", "1")
            rdf.append(fromstring(_EXTENSION))
            return tostring(rdf)

    return ArchivalMetadata(**vars(metadata))
