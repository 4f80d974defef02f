"""SVG images in the DOCX as Word 2016 and later take them: the SVG itself (`asvg:svgBlip`) beside a
PNG made from it, which older Word and other readers show instead. The PDF needs none of this:
WeasyPrint draws an SVG as vectors."""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # the extension Word looks for
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
SCALE = 2  # the PNG has twice the SVG's pixels, sharp at 192 dpi
EMU_PER_PX = 9525  # a CSS pixel is 1/96 inch


def rasterise(svg: bytes) -> tuple[bytes, int, int]:
    """A PNG of the SVG and the SVG's size in CSS pixels. cairosvg reads no file and no URL
    (only `data:` URLs inside the SVG), so an SVG from a section cannot reach anything else."""
    import io

    import cairosvg
    from PIL import Image

    try:
        png = cairosvg.svg2png(bytestring=svg, scale=SCALE, unsafe=False)
    except (ImportError, OSError):
        raise  # no cairo library: said as such by the caller
    except Exception as exc:  # a broken SVG fails in cairosvg's parser or drawing code, in any way
        raise ValueError(f"not an SVG that can be drawn ({exc})") from None
    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    return png, max(1, round(width / SCALE)), max(1, round(height / SCALE))


def add_svg(shape, part, svg: bytes) -> None:
    """Put the SVG into the package and point the picture's blip at it, the PNG staying the fallback."""
    package = part.package
    svg_part = Part(package.next_partname("/word/media/image%d.svg"), "image/svg+xml", svg, package)
    rid = part.relate_to(svg_part, RELATIONSHIP_TYPE.IMAGE)
    blip = shape._inline.xpath(".//a:blip")[0]
    blip.append(parse_xml(
        f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext uri="{SVG_EXTENSION}">'
        f'<asvg:svgBlip xmlns:asvg="{SVG_NAMESPACE}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships" r:embed="{rid}"/></a:ext></a:extLst>'))
