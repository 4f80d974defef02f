"""Raw OOXML for what Word writes in every document it saves and a reference document may lack or
have stale: the compatibility mode, a font table naming every font used, the theme's fonts, no
unused list definitions, and a paragraph after a closing table. A sibling of `_ooxml`."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from ._ooxml import _SETTINGS_HEAD, _element, _insert_ordered, _numbering_part

_WORD_URI = "http://schemas.microsoft.com/office/word"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# panose-1, family and pitch of the fonts a report is likely to name (Word writes them from the font file)
_KNOWN_FONTS = {
    "Times New Roman": ("02020603050405020304", "roman", "variable"),
    "Courier New": ("02070309020205020404", "modern", "fixed"),
    "Arial": ("020B0604020202020204", "swiss", "variable"),
    "Calibri": ("020F0502020204030204", "swiss", "variable"),
    "Cambria": ("02040503050406030204", "roman", "variable"),
    "Liberation Serif": ("02020603050405020304", "roman", "variable"),
    "Liberation Sans": ("020B0604020202020204", "swiss", "variable"),
    "Liberation Mono": ("02070409020205020404", "modern", "fixed"),
    "Symbol": ("05050102010706020507", "roman", "variable"),
    "SimSun": ("02010600030101010101", "auto", "variable"),
}
# What Word writes besides for a font of another script: its charset (86: GB 2312, simplified Chinese),
# its name in its own language (Chinese Word lists SimSun as 宋体) and the Unicode ranges it covers.
_SCRIPT_FONTS = {
    "SimSun": ("86", "宋体", {"usb0": "00000003", "usb1": "288F0000", "usb2": "00000016", "usb3": "00000000",
                             "csb0": "00040001", "csb1": "00000000"}),
}
_FONT_ATTRIBUTES = ("ascii", "hAnsi", "cs", "eastAsia")
# w:asciiTheme="minorHAnsi" … names a font of the theme: (major or minor, its latin, ea or cs slot)
_THEME_SLOTS = {"majorAscii": ("major", "latin"), "majorHAnsi": ("major", "latin"), "majorEastAsia": ("major", "ea"),
                "majorBidi": ("major", "cs"), "minorAscii": ("minor", "latin"), "minorHAnsi": ("minor", "latin"),
                "minorEastAsia": ("minor", "ea"), "minorBidi": ("minor", "cs")}


def set_compatibility_mode(document, mode: int = 15) -> None:
    """Word's layout rules of Word 2013 and later (15): an older mode opens as "[Compatibility Mode]"."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = _insert_ordered(settings, _element("compat"), _SETTINGS_HEAD)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode" and setting.get(qn("w:uri")) == _WORD_URI:
            setting.set(qn("w:val"), str(mode))
            return
    compat.append(_element("compatSetting", name="compatibilityMode", uri=_WORD_URI, val=mode))


def _xml_parts(document):
    return [part for part in document.part.package.iter_parts() if isinstance(part, XmlPart)]


def _theme(document):
    """The theme part and its XML, or (None, None)."""
    try:
        part = document.part.part_related_by(RT.THEME)
    except KeyError:
        return None, None
    return part, etree.fromstring(part.blob)


def _theme_fonts(theme) -> dict[tuple[str, str], str]:
    """(major or minor, latin/ea/cs) -> typeface of the theme's font scheme."""
    fonts = {}
    for kind in ("major", "minor"):
        for slot in ("latin", "ea", "cs"):
            path = f".//{{{_A}}}fontScheme/{{{_A}}}{kind}Font/{{{_A}}}{slot}"
            element = theme.find(path) if theme is not None else None
            if element is not None and element.get("typeface"):
                fonts[(kind, slot)] = element.get("typeface")
    return fonts


def used_fonts(document) -> list[str]:
    """Every font the document names, directly or through its theme, in order of first use."""
    theme_fonts = _theme_fonts(_theme(document)[1])
    fonts: dict[str, None] = {}
    for part in _xml_parts(document):
        for rfonts in part.element.iter(qn("w:rFonts")):
            for attribute in _FONT_ATTRIBUTES:
                if rfonts.get(qn("w:" + attribute)):
                    fonts[rfonts.get(qn("w:" + attribute))] = None
            for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                slot = _THEME_SLOTS.get(rfonts.get(qn("w:" + attribute), ""))
                if slot in theme_fonts:
                    fonts[theme_fonts[slot]] = None
    return list(fonts)


def complete_font_table(document) -> None:
    """word/fontTable.xml with an entry for every font used (kept from the reference where it has
    one) and none for fonts the document does not use."""
    existing = {}
    try:
        old = document.part.part_related_by(RT.FONT_TABLE)
        for font in etree.fromstring(old.blob).findall(qn("w:font")):
            existing[font.get(qn("w:name"))] = font
    except KeyError:
        pass
    table = etree.fromstring(f"<w:fonts {nsdecls('w', 'r')}/>")
    for name in used_fonts(document):
        table.append(existing.get(name) if name in existing else _font_entry(name))
    _replace_part(document.part, RT.FONT_TABLE, "/word/fontTable.xml", CT.WML_FONT_TABLE,
                  etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True))


def _font_entry(name: str):
    panose, family, pitch = _KNOWN_FONTS.get(name, (None, "auto", "variable"))
    charset, alternative, signature = _SCRIPT_FONTS.get(name, ("02" if name == "Symbol" else "00", "", {}))
    font = _element("font", name=name)
    if alternative:
        font.append(_element("altName", val=alternative))
    if panose:
        font.append(_element("panose1", val=panose))
    font.append(_element("charset", val=charset))
    font.append(_element("family", val=family))
    font.append(_element("pitch", val=pitch))
    if signature:
        font.append(_element("sig", **signature))
    return font


def _replace_part(source, reltype: str, partname: str, content_type: str, blob: bytes) -> None:
    for rId, rel in list(source.rels.items()):
        if rel.reltype == reltype:
            source.drop_rel(rId)
    source.relate_to(Part(PackURI(partname), content_type, blob, source.package), reltype)


def set_theme_fonts(document, major: str, minor: str) -> None:
    """The theme's heading (major) and body (minor) Latin fonts, named "reportgen": Word's
    Design > Fonts then changes the styles that use them."""
    part, theme = _theme(document)
    scheme = theme.find(f".//{{{_A}}}fontScheme")
    scheme.set("name", "reportgen")
    for kind, typeface in (("major", major), ("minor", minor)):
        scheme.find(f"{{{_A}}}{kind}Font/{{{_A}}}latin").set("typeface", typeface)
    _replace_part(document.part, RT.THEME, str(part.partname), CT.OFC_THEME,
                  etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True))


def set_theme_east_asian_font(document, typeface: str) -> None:
    """The theme's East Asian font (`a:ea`) for headings and body: what Word's Design > Fonts shows and
    what text in the East Asian slot takes where no style names a font."""
    part, theme = _theme(document)
    if theme is None:
        return
    for kind in ("major", "minor"):
        element = theme.find(f".//{{{_A}}}fontScheme/{{{_A}}}{kind}Font/{{{_A}}}ea")
        if element is not None:
            element.set("typeface", typeface)
    _replace_part(document.part, RT.THEME, str(part.partname), CT.OFC_THEME,
                  etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True))


def use_theme_fonts(rfonts, kind: str) -> None:
    """Make a `w:rFonts` take its Latin font from the theme (`kind`: major or minor); the font names
    it also has stay for readers without themes."""
    rfonts.set(qn("w:asciiTheme"), f"{kind}HAnsi")
    rfonts.set(qn("w:hAnsiTheme"), f"{kind}HAnsi")


def prune_numbering(document) -> None:
    """Remove list instances no paragraph or style uses, and abstract lists no instance uses
    (a reference document's own lists, left when its text was removed)."""
    root = _numbering_part(document).element
    used = {numid.get(qn("w:val")) for part in _xml_parts(document) if part.element is not root
            for numid in part.element.iter(qn("w:numId"))}
    for num in root.findall(qn("w:num")):
        if num.get(qn("w:numId")) not in used:
            root.remove(num)
    abstracts = {num.find(qn("w:abstractNumId")).get(qn("w:val")) for num in root.findall(qn("w:num"))
                 if num.find(qn("w:abstractNumId")) is not None}
    for abstract in root.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) not in abstracts:
            root.remove(abstract)


def end_with_paragraph(document, style_id: str | None) -> None:
    """A document whose body ends with a table gets an empty paragraph after it, as Word and
    LibreOffice write one (the body's last block must be a paragraph for them)."""
    body = document.element.body
    blocks = [child for child in body if child.tag != qn("w:sectPr")]
    if blocks and blocks[-1].tag == qn("w:tbl"):
        paragraph = _element("p")
        if style_id:
            properties = _element("pPr")
            properties.append(_element("pStyle", val=style_id))
            paragraph.append(properties)
        blocks[-1].addnext(paragraph)
