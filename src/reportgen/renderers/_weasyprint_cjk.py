"""Chinese lines justified as Chinese is set, applied in the PDF process only: the width a justified
line lacks is shared between its characters as well as its spaces.

WeasyPrint (70) stretches spaces only: a Chinese line without a space stays short of the margin, and
one with a Latin word in it puts the whole difference into that word's space (`ECPAT   International`).
Here each Chinese character (and full-width mark) counts as a place to stretch, as a space does, and
gets its share as letter spacing, which Pango adds around the character: the line ends at the margin.
"""

from __future__ import annotations

import re

# Chinese and Japanese characters and the full-width marks and brackets set with them (Korean is
# justified at its spaces)
WIDE = re.compile("[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
                  "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
FIX = "justify Chinese lines between their characters"


def patch() -> tuple[str, ...]:
    """Replace WeasyPrint's count of a line's stretchable places and add the characters' spacing;
    return (FIX,) when the installed WeasyPrint does not have the functions this replaces."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    if not (hasattr(inline, "count_expandable_spaces") and hasattr(line_break.Layout, "set_text")
            and all(hasattr(line_break, name) for name in ("TO_UNITS", "pango", "ffi"))):
        return (FIX,)
    if getattr(line_break.Layout.set_text, "_reportgen", False):
        return ()

    def count_expandable_spaces(box):
        if isinstance(box, boxes.TextBox):
            return box.text.count(" ") + box.text.count("\u00a0") + len(WIDE.findall(box.text))
        if isinstance(box, (boxes.LineBox, boxes.InlineBox)):
            return sum(count_expandable_spaces(child) for child in box.children)
        return 0

    set_text = line_break.Layout.set_text

    def set_text_spacing_characters(self, text, justify=False):
        set_text(self, text, justify)
        if justify and self.justification_spacing and WIDE.search(self.text):
            _space_characters(self, line_break)

    set_text_spacing_characters._reportgen = True
    inline.count_expandable_spaces = count_expandable_spaces
    line_break.Layout.set_text = set_text_spacing_characters
    return ()


def _space_characters(layout, line_break) -> None:
    """Letter spacing on each wide character of the layout: the line's share plus the style's own."""
    pango, ffi = line_break.pango, line_break.ffi
    letter_spacing = layout.style["letter_spacing"]
    extra = layout.justification_spacing + (0 if letter_spacing == "normal" else letter_spacing)
    attr_list = pango.pango_layout_get_attributes(layout.layout)
    if attr_list == ffi.NULL:
        attr_list = ffi.gc(pango.pango_attr_list_new(), pango.pango_attr_list_unref)
    text, start, done = layout.text, 0, 0  # Pango counts in UTF-8 bytes
    size = len(text.encode())
    for match in WIDE.finditer(text):
        start += len(text[done:match.start()].encode())
        end, done = start + len(match.group().encode()), match.start()
        # Pango adds half the spacing before a character and half after, but only half at the ends
        # of the text (as WeasyPrint's own spacing of spaces allows for)
        factor = 1 + (start == 0) + (end == size)
        attr = pango.pango_attr_letter_spacing_new(int(factor * extra * line_break.TO_UNITS))
        attr.start_index, attr.end_index = start, end
        pango.pango_attr_list_change(attr_list, attr)
    pango.pango_layout_set_attributes(layout.layout, attr_list)
