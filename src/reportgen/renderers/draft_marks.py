"""A draft's marks in the PDF, as CSS added after the report's own style: a watermark drawn as an
SVG page background, the version stamp in the bottom-left page margin, and (after layout) the
line numbers of `line_numbers`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from html import escape
from urllib.parse import quote

_FONT = '"Report Serif", "Liberation Serif", "Times New Roman", serif'


def svg_url(svg: str) -> str:
    return "data:image/svg+xml," + quote(svg, safe="")


def css_string(text: str) -> str:
    """`text` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def watermark_layer(text: str) -> str:
    """A CSS background layer: `text` across the page's diagonal, light enough to read through.
    The SVG keeps A4's proportions and is fitted to the page, whatever its size."""
    size = min(52, 300 / max(len(text), 1))  # in mm: long words get smaller
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">'
           '<text x="105" y="148.5" transform="rotate(-54.7 105 148.5)" text-anchor="middle" '
           f'dominant-baseline="middle" font-family=\'{_FONT}\' font-weight="bold" font-size="{size:.1f}" '
           f'letter-spacing="4" fill="#000" fill-opacity="0.09">{escape(text)}</text></svg>')
    return f'url("{svg_url(svg)}") no-repeat center / 100% 100%'


def draft_css(stamp: str, watermark: str) -> str:
    """The CSS of a draft: the watermark on every page, the stamp in the bottom-left margin."""
    return f"""
/* reportgen draft marks */
@page {{
  background: {watermark_layer(watermark)};
  @bottom-left {{
    content: {css_string(stamp)};
    font: 8pt {_FONT};
    color: #444;
    text-align: left;
    white-space: nowrap;
  }}
}}
"""


def pdf_draft_marks(stamp: str, watermark: str) -> tuple[str, Callable[[object], str]]:
    """The CSS of a draft, and the function giving its line numbers' CSS from the laid-out report
    (a partial, not a lambda: it goes to the PDF process with the HTML)."""
    return draft_css(stamp, watermark), functools.partial(_line_numbers, watermark)


def pdf_source_map(commit: str, modified: bool) -> Callable[[object], bytes]:
    """The function giving a draft's map of sources from the laid-out report (`pdf_anchors`)."""
    from .pdf_anchors import source_map

    return functools.partial(source_map, commit=commit, modified=modified)


def _line_numbers(watermark: str, layout) -> str:
    from .line_numbers import line_number_css

    return line_number_css(layout, watermark_layer(watermark))
