"""Speed-ups of WeasyPrint's layout that change nothing in the PDF, applied in the PDF process only
(see docs/upstream/weasyprint-footnote-area.md and weasyprint-rewrites.md, written to be sent
upstream): the footnote area laid out once per page, and two hot functions rewritten (at the end).

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

import hashlib
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


def patch() -> tuple[str, ...]:
    """Apply every speed-up; return the names of those the installed WeasyPrint could not take."""
    return (() if patch_footnote_area() else (SPEED_FIX,)) + tuple(
        f"rewrite {name}" for name in patch_functions())


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


# Functions rewritten to do the same in fewer steps ---------------------------------------------------

def patch_functions() -> tuple[str, ...]:
    """Give WeasyPrint's functions below the code of their rewrites here, each only if its source is
    the one the rewrite was made from (its hash); return the names of those left as they were."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout import percent

    skipped = []
    for function, source_hash, rewrite in ((percent.resolve_percentages, "71673078096fcf87", _resolve_percentages),
                                           (boxes.ParentBox.page_values, "9bcfda076d1961e6",
                                            _ParentBox.page_values)):
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            source = ""
        if hashlib.sha256(source.encode()).hexdigest()[:16] == source_hash:
            function.__code__ = rewrite.__code__  # every module that imported it gets the rewrite
        elif function.__code__ is not rewrite.__code__:
            skipped.append(function.__qualname__)
    return tuple(skipped)


def _resolve_percentages(box, containing_block):
    """`weasyprint.layout.percent.resolve_percentages` with `percentage` and `resolve_one_percentage`
    inlined for lengths in px and %, the common case (anything else takes their own path). Runs with
    that module's globals."""
    if isinstance(containing_block, boxes.Box):  # noqa: F821 (WeasyPrint's)
        cb_width = containing_block.width
        cb_height = containing_block.height
    else:
        cb_width, cb_height = containing_block
    refer = (cb_width, cb_height if isinstance(box, boxes.PageBox) else cb_width)  # noqa: F821 (WeasyPrint's)
    style = box.style
    for name, axis in (("margin_left", 0), ("margin_right", 0), ("margin_top", 1), ("margin_bottom", 1),
                       ("padding_left", 0), ("padding_right", 0), ("padding_top", 1), ("padding_bottom", 1),
                       ("width", 0), ("min_width", 0), ("max_width", 0)):
        value = style[name]
        if value is None or value == "auto":
            result = value
        else:
            unit = getattr(value, "unit", None)
            if unit == "%":
                result = refer[axis] * value.value / 100
            elif unit is None:
                result = percentage(value, style, refer[axis])  # noqa: F821 (WeasyPrint's)
            else:
                result = value.value
        if result == "auto" and name == "min_width":
            result = 0
        setattr(box, name, result)

    if cb_height == "auto":
        # Special handling when the height of the containing block depends on its content.
        height = style["height"]
        if height == "auto" or check_math(height) or height.unit == "%":  # noqa: F821 (WeasyPrint's)
            box.height = "auto"
        else:
            assert height.unit.lower() == "px"
            box.height = height.value
        resolve_one_percentage(box, "min_height", 0)  # noqa: F821 (WeasyPrint's)
        resolve_one_percentage(box, "max_height", inf)  # noqa: F821 (WeasyPrint's)
    else:
        resolve_one_percentage(box, "height", cb_height)  # noqa: F821 (WeasyPrint's)
        resolve_one_percentage(box, "min_height", cb_height)  # noqa: F821 (WeasyPrint's)
        resolve_one_percentage(box, "max_height", cb_height)  # noqa: F821 (WeasyPrint's)

    collapse = style["border_collapse"] == "collapse"
    # Used value == computed value
    for side in ("top", "right", "bottom", "left"):
        prop = f"border_{side}_width"
        # border-{side}-width would have been resolved during border conflict resolution for collapsed-borders
        if not (collapse and hasattr(box, prop)):
            setattr(box, prop, style[prop])

    # Shrink *content* widths and heights according to box-sizing
    adjust_box_sizing(box, "width")  # noqa: F821 (WeasyPrint's)
    adjust_box_sizing(box, "height")  # noqa: F821 (WeasyPrint's)


class _ParentBox:
    """Where the rewrite of `ParentBox.page_values` is compiled (it calls `super()`)."""

    def page_values(self):
        """`weasyprint.formatting_structure.boxes.ParentBox.page_values`, finding the first and last
        in-flow children without listing every child (it is asked of every pair of siblings)."""
        start_value, end_value = super().page_values()
        first = next((child for child in self.children if child.is_in_normal_flow() or child.is_floated()), None)
        if first is not None:
            last = next(child for child in reversed(self.children) if child.is_in_normal_flow() or child.is_floated())
            if first is last:
                page_values = first.page_values()
                start_value = page_values[0] or start_value
                end_value = page_values[1] or end_value
            else:
                start_value = first.page_values()[0] or start_value
                end_value = last.page_values()[1] or end_value
        return start_value, end_value
