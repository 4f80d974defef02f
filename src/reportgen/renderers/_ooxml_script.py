"""Raw WordprocessingML for scripts other than Latin: the three language slots of `w:lang` (Latin,
East Asian, complex script), the East Asian font, right-to-left runs with their complex-script bold
and italic, and a right-to-left document (`w:bidi` paragraphs and sections, tables laid out from
the right). Word picks a slot by the character: Arabic text takes the complex-script font, size,
bold and language (`w:cs`, `w:szCs`, `w:bCs`, `w:bidi`), Chinese the East Asian ones."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..scripts import is_east_asian_language, is_rtl_language

# What the schema puts after these children (ECMA-376 part 1, CT_PPrBase, CT_SectPr, CT_RPr).
_AFTER_PPR_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_SECTPR_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_RPR_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_RPR_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                      "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                      "w:specVanish", "w:oMath")
_AFTER_RPR_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
                   "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_TWINS = (("w:b", "w:bCs"), ("w:i", "w:iCs"))


def _default_rpr(document):
    """`w:docDefaults/w:rPrDefault/w:rPr` of the styles part, made if missing."""
    parent = document.styles.element
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr"):  # each the first child of its parent
        child = parent.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            parent.insert(0, child)
        parent = child
    return parent


def set_languages(document, latin: str, east_asian: str | None = None, bidi: str | None = None,
                  east_asian_font: str | None = None) -> None:
    """The document's language in each of Word's three slots (`w:lang` `w:val`, `w:eastAsia`,
    `w:bidi`), and the font of East Asian text, in `w:docDefaults`."""
    rpr = _default_rpr(document)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_RPR_LANG)
    for attribute, value in (("w:val", latin), ("w:eastAsia", east_asian), ("w:bidi", bidi)):
        if value:
            lang.set(qn(attribute), value)
    if east_asian_font:
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), east_asian_font)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # a theme font would win over the named one


def language_slot(tag: str) -> str:
    """The attribute of `w:lang` Word reads a language from: `w:bidi` for a right-to-left script,
    `w:eastAsia` for Chinese, Japanese and Korean, `w:val` for the others."""
    return "w:bidi" if is_rtl_language(tag) else "w:eastAsia" if is_east_asian_language(tag) else "w:val"


def set_run_language(r, tag: str, keep: bool = False) -> None:
    """The language of a run (`w:r`) in the slot of its script; with `keep`, a language the run already has in
    that slot (a span's, inside a passage) stays."""
    rpr = r.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_AFTER_RPR_LANG)
    if not (keep and lang.get(qn(language_slot(tag)))):
        lang.set(qn(language_slot(tag)), tag)


def mark_language(elements, tag: str, rtl: bool | None = None) -> None:
    """A passage in another language (a section's `lang`, a `::: {lang=…}` div): every run of `elements` in it,
    and, when `rtl` is not None, every paragraph written in that direction (`<w:bidi/>`, or `w:val="0"` for a
    left-to-right passage in a right-to-left document)."""
    for element in elements:
        for r in element.iter(qn("w:r")):
            set_run_language(r, tag, keep=True)
        for paragraph in element.iter(qn("w:p")) if rtl is not None else ():
            ppr = paragraph.get_or_add_pPr()
            bidi = ppr.find(qn("w:bidi"))
            if bidi is None:
                bidi = OxmlElement("w:bidi")
                ppr.insert_element_before(bidi, *_AFTER_PPR_BIDI)
            if rtl:
                bidi.attrib.pop(qn("w:val"), None)
            else:
                bidi.set(qn("w:val"), "0")


def hint_east_asian(run) -> None:
    """Characters Chinese shares with Latin (“ ” — …) take the East Asian font in this run."""
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hint"), "eastAsia")


def right_to_left_run(run, unspaced: bool = False) -> None:
    """A run of right-to-left text, with its bold and italic also set for complex scripts; `unspaced`: its
    style spaces letters out, which breaks the joining of Arabic letters, so this run is not."""
    rpr = run._r.get_or_add_rPr()
    rpr.get_or_add_rtl()
    _add_twins(rpr)
    if unspaced and rpr.find(qn("w:spacing")) is None:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "0")
        rpr.insert_element_before(spacing, *_AFTER_RPR_SPACING)


def letter_spaced_styles(document) -> set[str]:
    """The ids of the styles that space letters out (`w:rPr/w:spacing`), themselves or by inheritance."""
    styles = {style.get(qn("w:styleId")): style for style in document.styles.element.findall(qn("w:style"))}

    def spaced(style_id: str, depth: int = 0) -> bool:
        style = styles.get(style_id)
        if style is None or depth > 20:
            return False
        spacing = style.find(f"{qn('w:rPr')}/{qn('w:spacing')}")
        if spacing is not None:
            return spacing.get(qn("w:val")) not in (None, "0")
        parent = style.find(qn("w:basedOn"))
        return parent is not None and spaced(parent.get(qn("w:val")), depth + 1)

    return {style_id for style_id in styles if style_id and spaced(style_id)}


def _add_twins(rpr) -> None:
    for latin, complex_script in _TWINS:
        value = rpr.find(qn(latin))
        if value is not None and rpr.find(qn(complex_script)) is None:
            twin = OxmlElement(complex_script)
            if value.get(qn("w:val")) is not None:
                twin.set(qn("w:val"), value.get(qn("w:val")))
            value.addnext(twin)
    size = rpr.find(qn("w:sz"))
    if size is not None and rpr.find(qn("w:szCs")) is None:
        twin = OxmlElement("w:szCs")
        twin.set(qn("w:val"), size.get(qn("w:val")))
        rpr.insert_element_before(twin, *_AFTER_RPR_SZCS)


def complex_script_styles(document) -> None:
    """Every style's bold, italic and size also for complex scripts (`w:bCs`, `w:iCs`, `w:szCs`):
    Word and LibreOffice size and embolden Arabic text by those alone."""
    for style in document.styles.element.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            _add_twins(rpr)


def right_to_left_document(document, parts) -> None:
    """Every paragraph of the document and of `parts` (notes) right to left (`w:bidi`): indents,
    hanging numbers and alignment mirror, left meaning the start of the line; every section too,
    and every table laid out from the right."""
    roots = [document.element.body, *parts]
    for section in document.sections:
        roots += [hf._element for hf in (section.header, section.footer, section.first_page_header,
                                         section.first_page_footer, section.even_page_header,
                                         section.even_page_footer) if not hf.is_linked_to_previous]
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            _bidi(paragraph.get_or_add_pPr(), _AFTER_PPR_BIDI)
    for properties in document.element.body.iter(qn("w:sectPr")):
        _bidi(properties, _AFTER_SECTPR_BIDI)
    for table in document.tables:
        table.table_direction = WD_TABLE_DIRECTION.RTL
    normal = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    if normal is not None:
        _bidi(normal.get_or_add_pPr(), _AFTER_PPR_BIDI)
    numbers_within_the_margin(document)


def numbers_within_the_margin(document) -> None:
    """List and paragraph numbers aligned right (`w:lvlJc`): in a right-to-left paragraph Word and
    LibreOffice read the alignment as drawn, so a number aligned left starts at the hanging indent and
    runs into the right margin (about 3 mm for `1.`); aligned right it ends where the text starts."""
    part = document.part.numbering_part
    for justification in part.element.iter(qn("w:lvlJc")):
        if justification.get(qn("w:val")) in ("left", "start"):
            justification.set(qn("w:val"), "right")


def _bidi(parent, successors: tuple[str, ...]) -> None:
    if parent.find(qn("w:bidi")) is None:
        parent.insert_element_before(OxmlElement("w:bidi"), *successors)


def arabic_indic_numbers(document, parts) -> None:
    """Word's own numbers in Arabic-Indic digits (`digits: arabic-indic`): decimal list levels and note numbers
    (`w:numFmt` `hindiNumbers`) in the numbering, the settings, every section and `parts`, and the page
    fields of headers and footers (`\\* HINDIARABIC`)."""
    roots = [document.part.numbering_part.element, document.settings.element, document.element.body, *parts]
    for root in roots:
        for number_format in root.iter(qn("w:numFmt")):
            if number_format.get(qn("w:val")) == "decimal":
                number_format.set(qn("w:val"), "hindiNumbers")
    for section in document.sections:
        for story in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                      section.even_page_header, section.even_page_footer):
            if story.is_linked_to_previous:
                continue
            for instruction in story._element.iter(qn("w:instrText")):
                if (instruction.text or "").split()[:1] in (["PAGE"], ["NUMPAGES"]) and "\\*" not in instruction.text:
                    instruction.text = instruction.text.rstrip() + " \\* HINDIARABIC "

