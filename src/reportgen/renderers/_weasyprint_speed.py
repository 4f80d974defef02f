"""A speed-up of WeasyPrint's layout that changes nothing in the PDF, applied in the PDF process
only (see docs/upstream/weasyprint-footnote-area.md, written to be sent upstream).

Footnotes laid out once per page, not once per note added. Each time a note joins a page,
WeasyPrint lays out the whole footnote area again to learn its height, and once more when the page
is made: the page's first note is laid out one time more than the page has notes (quadratic in the
notes of a page; 18 % of the time of a 150-page report). Here the layout of each note of the area
is kept for the page, keyed by the note, its place and everything else the call is given, and
reused (a copy) when the area is laid out again with the same note at the same place, as it is
when a later note is added. A note whose layout touches anything outside itself (an absolutely
positioned or floating box, a running element) is never reused.

The fix edits the source of two WeasyPrint functions, compiled again at their own file and line,
and is applied only when the text it replaces is found once in each (else it is left out and the
build says so); the memo only ever returns what the same call returned before.
"""

from __future__ import annotations

import inspect
import textwrap
from math import inf

# The footnote area is copied and laid out each time a note is added, and once more when the page
# is made: the copies' notes are marked with the notes they copy.
AREA_EDITS = (
    ("layout", "LayoutContext._update_footnote_area", "self.current_footnote_area.deepcopy())",
     "_reportgen_tag_notes(self.current_footnote_area.deepcopy(), self.current_page_footnotes))"),
    ("layout.page", "make_page", "build.create_anonymous_boxes(footnote_area.deepcopy())",
     "build.create_anonymous_boxes(_reportgen_tag_notes(footnote_area.deepcopy(), footnote_area.children))"),
)
_TAG = "_reportgen_note"
SPEED_FIX = "lay out each footnote once per page"
reused = 0  # notes whose layout was reused, in this process (for tests and the benchmark)


def patch_footnote_area() -> bool:
    """Apply fix 1; False if the installed WeasyPrint does not have the code it was written for."""
    import importlib

    from weasyprint.layout import block

    edited = []
    for module_name, name, old, new in AREA_EDITS:
        module = importlib.import_module(f"weasyprint.{module_name}")
        owner, _, attribute = name.rpartition(".")
        function = getattr(getattr(module, owner) if owner else module, attribute)
        try:
            lines, first_line = inspect.getsourcelines(function)
        except (OSError, TypeError):
            return False
        source = textwrap.dedent("".join(lines))
        if source.count(old) != 1:
            return False
        edited.append((module, owner, attribute, "\n" * (first_line - 1) + source.replace(old, new)))
    if not hasattr(block, "block_level_layout"):
        return False
    for module, owner, attribute, source in edited:  # all or none
        module._reportgen_tag_notes = _tag_notes
        defined: dict = {}
        exec(compile(source, module.__file__, "exec"), module.__dict__, defined)  # WeasyPrint's globals
        setattr(getattr(module, owner) if owner else module, attribute, defined[attribute])
    block.block_level_layout = _memoised(block.block_level_layout)
    return True


def _tag_notes(area, notes):
    """The copy of the footnote area, each of its notes marked with the note it copies."""
    for child, note in zip(area.children, notes, strict=True):
        setattr(child, _TAG, note)
    return area


def _memoised(block_level_layout):
    """`block_level_layout`, remembering the layout of each note of a footnote area: a call with
    the same note, place, containing block and context gives (a copy of) what the first gave."""

    def layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty=True, absolute_boxes=None,
               fixed_boxes=None, adjoining_margins=None, first_letter_style=None, first_line_style=None,
               discard=False, max_lines=None):
        note = box.__dict__.get(_TAG)
        if (note is None or bottom_space != -inf or skip_stack is not None or first_letter_style is not None
                or first_line_style is not None):
            return block_level_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                                      absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                                      first_line_style, discard, max_lines)
        memo = _page_memo(context)
        key = (note, box.position_x, box.position_y, page_is_empty, tuple(adjoining_margins or ()), discard,
               max_lines, context.current_page > 1, context.forced_break, id(containing_block.style),
               containing_block.width, containing_block.height, containing_block.position_x,
               containing_block.position_y)
        if key in memo:
            global reused
            reused += 1
            return _fresh(memo[key])
        absolute_boxes = [] if absolute_boxes is None else absolute_boxes
        fixed_boxes = [] if fixed_boxes is None else fixed_boxes
        before = _outside(context, absolute_boxes, fixed_boxes)
        result = block_level_layout(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                                    absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                                    first_line_style, discard, max_lines)
        if _outside(context, absolute_boxes, fixed_boxes) == before and result[1] is None:
            memo[key] = _fresh(result)
        return result

    layout.__wrapped__ = block_level_layout
    return layout


def _page_memo(context) -> dict:
    """The memo of the page being laid out (a new page, a new footnote area: a new memo)."""
    area = context.current_footnote_area
    if context.__dict__.get("_reportgen_memo_area") is not area:
        context._reportgen_memo_area, context._reportgen_memo = area, {}
    return context._reportgen_memo


def _outside(context, absolute_boxes, fixed_boxes) -> tuple:
    """What a layout may add outside the box laid out; a note that changes any of it is not reused."""
    return (len(absolute_boxes), len(fixed_boxes), len(context.excluded_shapes), len(context.broken_out_of_flow),
            len(context.footnotes), len(context.current_page_footnotes), len(context.reported_footnotes),
            sum(len(v) for pages in context.running_elements.values() for v in pages.values()),
            sum(len(v) for pages in context.string_set.values() for v in pages.values()), context.page_bottom,
            context.forced_break)


def _fresh(result: tuple) -> tuple:
    """A copy of a layout's result that its caller may change without changing the memo."""
    new_box, resume_at, next_page, adjoining_margins, collapsing_through, max_lines = result
    return (new_box.deepcopy() if new_box is not None else None, resume_at, dict(next_page),
            list(adjoining_margins), collapsing_through, max_lines)
