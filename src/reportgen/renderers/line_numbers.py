"""Line numbers in a draft PDF's margin (the left one, the right one in a right-to-left report),
restarting on each page, taken from WeasyPrint's own layout: after the report is laid out, the lines
of each page are read from its line boxes and their numbers drawn, at each line's baseline, as an SVG
page background in a second pass that changes nothing else (WeasyPrint has no line numbering of its
own).

Numbered are the lines of the text flow: not the running head, page number or stamp (page margins),
nor the notes at the foot of the page, as Word and LibreOffice number lines."""

from __future__ import annotations

from html import escape

from .draft_marks import svg_url

_FONT = "Report Serif, Liberation Serif, Times New Roman, serif"
GAP = 18.0  # CSS px between the numbers and the edge of the text (about 4.8 mm)
_SKIPPED = {"MarginBox", "FootnoteAreaBox"}


def page_lines(page) -> list[float]:
    """The baselines of the numbered lines of a laid-out WeasyPrint page, top to bottom (CSS px).

    Line boxes that overlap vertically are one line: a number's inline block inside a line, or the
    cells of a table row, each have line boxes of their own at the same height."""
    boxes = []
    for area in page._page_box.children:
        if type(area).__name__ in _SKIPPED:
            continue
        for box in area.descendants():
            if type(box).__name__ == "LineBox" and _has_text(box):
                boxes.append((box.position_y, box.position_y + box.height, box.position_y + box.baseline))
    boxes.sort()
    baselines: list[float] = []
    bottom = float("-inf")
    for top, line_bottom, baseline in boxes:
        if top < bottom - 1:  # overlaps the line already counted
            bottom = max(bottom, line_bottom)
            continue
        baselines.append(baseline)
        bottom = line_bottom
    return baselines


def _has_text(line) -> bool:
    return any(type(box).__name__ == "TextBox" and box.text.strip() for box in line.descendants())


def _margin(page) -> tuple[float, str]:
    """Where the numbers stand: in the margin where the lines start, the left one, or the right one when
    the report is written right to left (its root box's `direction`); and the SVG anchor that aligns them."""
    box = page._page_box
    root = next((area for area in box.children if type(area).__name__ not in _SKIPPED), None)
    if root is not None and root.style["direction"] == "rtl":
        return page.width - box.margin_right + GAP, "start"
    return box.margin_left - GAP, "end"


def line_number_css(document, underlay: str = "") -> str:
    """CSS drawing each page's line numbers; `underlay` is a background layer kept under them
    (the draft watermark), since a page's own background rule replaces the general one."""
    rules = []
    for index, page in enumerate(document.pages, start=1):
        baselines = page_lines(page)
        if not baselines:
            continue
        x, anchor = _margin(page)
        texts = "".join(f'<text x="{x:.2f}" y="{y:.2f}">{n}</text>' for n, y in enumerate(baselines, start=1))
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{page.width:.2f}" height="{page.height:.2f}" '
               f'viewBox="0 0 {page.width:.2f} {page.height:.2f}"><g text-anchor="{anchor}" font-size="10.5" '
               f'font-family="{escape(_FONT)}" fill="#555">{texts}</g></svg>')
        # A page's background is positioned from inside its margins and border: start before them.
        box = page._page_box
        left, top = box.margin_left + box.border_left_width, box.margin_top + box.border_top_width
        where = f"-{left:.2f}px -{top:.2f}px / {page.width:.2f}px {page.height:.2f}px"
        layers = [f'url("{svg_url(svg)}") no-repeat {where}'] + ([underlay] if underlay else [])
        rules.append(f"@page :nth({index}) {{ background: {', '.join(layers)}; }}")
    return "\n".join(rules)
