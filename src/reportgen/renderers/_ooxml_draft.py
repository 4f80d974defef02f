"""Raw WordprocessingML for a draft DOCX: Word's own watermark shape (the VML Word writes for
Design > Watermark, which LibreOffice reads as its watermark) and line numbering restarting on each
page. A sibling of `_ooxml`, which owns every other piece of raw XML."""

from __future__ import annotations

from html import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ._ooxml import _element, _insert_ordered

_VML = ('xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word"')

# Word's "text path" shape type (o:spt 136), as Word writes it for a watermark.
_TEXT_SHAPE_TYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{eqn}"/>' for eqn in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
        "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7",
        "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" '
    'xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>')


def add_watermark(paragraph, text: str, number: int, font: str = "Times New Roman") -> None:
    """A diagonal watermark behind the text of every page the header of `paragraph` is on;
    `number` makes the shape's ids unique in the document."""
    shape = (
        f'<v:shape id="PowerPlusWaterMarkObject{number}" o:spid="_x0000_s{2048 + number}" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:153pt;rotation:315;'
        'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
        'fillcolor="silver" stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;{escape(font)}&quot;;font-size:1pt" string="{escape(text)}"/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape>')
    run = parse_xml(f'<w:r {nsdecls("w")} {_VML}><w:rPr><w:noProof/></w:rPr>'
                    f'<w:pict>{_TEXT_SHAPE_TYPE}{shape}</w:pict></w:r>')
    paragraph._p.append(run)


def number_lines(document, distance_twips: int = 284) -> None:
    """Line numbers in the margin of every section, restarting on each page (`w:lnNumType`)."""
    for properties in document.element.body.iter(qn("w:sectPr")):
        _insert_ordered(properties, _element("lnNumType", countBy=1, distance=distance_twips, restart="newPage"))
