"""Two fixes to WeasyPrint's line-box layout, applied in the PDF process only (see
docs/upstream/weasyprint-footnotes.md, written to be sent upstream); `patch_weasyprint` also applies
the speed-up of `_weasyprint_speed` and the justification of Chinese lines of `_weasyprint_cjk`.

1. Keep each footnote on the page of its call. Since 66.0 (Kozea/WeasyPrint#2437), when a
   paragraph's first lines would be pushed to the next page by `orphans`, WeasyPrint first moves
   footnotes already placed on the page (whose calls stay behind) to the next page, to make room.
   CSS allows that under `footnote-policy: auto`, but a UN document never separates a note from its
   call, and WeasyPrint does it even under `line`. With the shortcut off the paragraph moves
   instead, as it did before 66.0.
2. Look for notes only in the boxes that call one: WeasyPrint 70 looks up every box of every line
   in the list of the notes not yet placed, so that the layout grows with the square of the number
   of notes (12 % of the layout of a report with 5,000 notes). Same bytes.

Both edit the source of `weasyprint.layout.block._linebox_layout`, which is compiled again at its
own file and line (tracebacks through it stay true) and replaces the original in WeasyPrint's
module. An edit whose text is no longer found is not applied; the build then says so in a warning,
and `pdf.render_pdf` still finds and repairs separated notes after layout.
"""

from __future__ import annotations

import inspect

from ._weasyprint_cjk import FIX as CJK_FIX

FIXES = {
    "keep notes with their calls": (
        "report = not context.in_column and can_break_now and not could_break_before", "report = False"),
    "look for notes only where one is called": (
        "if descendant.footnote in context.footnotes)",
        "if descendant.footnote is not None and descendant.footnote in context.footnotes)"),
}
_missing: tuple[str, ...] | None = None


def patch_weasyprint() -> tuple[str, ...]:
    """Apply the fixes once in this process; return those that could not be applied."""
    global _missing
    if _missing is None:
        from weasyprint.layout import block

        try:
            lines, first_line = inspect.getsourcelines(block._linebox_layout)
            source = "".join(lines)
        except (AttributeError, OSError, TypeError):
            source, first_line = "", 1
        _missing = tuple(name for name, (old, _) in FIXES.items() if source.count(old) != 1)
        if len(_missing) < len(FIXES):
            for name, (old, new) in FIXES.items():
                if name not in _missing:
                    source = source.replace(old, new)
            code = compile("\n" * (first_line - 1) + source, block.__file__, "exec")
            exec(code, block.__dict__)  # redefines _linebox_layout in WeasyPrint's own module
        from ._weasyprint_cjk import patch as justify_chinese
        from ._weasyprint_speed import patch

        _missing += patch() + justify_chinese()
    return _missing


def unpatched_warnings() -> list[str]:
    """What the build says when a fix could not be applied to the installed WeasyPrint."""
    if not patch_weasyprint():
        return []
    from weasyprint import __version__

    return [f"PDF: WeasyPrint {__version__} was not patched to {name}; "
            + ("notes are checked after layout instead" if name in FIXES else
               "Chinese lines are justified at their spaces only" if name == CJK_FIX else
               "the PDF is the same, made more slowly")
            for name in patch_weasyprint()]
