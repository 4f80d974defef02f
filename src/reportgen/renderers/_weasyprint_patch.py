"""Keep each footnote on the page of its call: switch off one layout shortcut of WeasyPrint.

Since 66.0 (Kozea/WeasyPrint#2437), when a paragraph's first lines would be pushed to the next
page by `orphans`, WeasyPrint first moves footnotes already placed on the page (whose calls stay
behind) to the next page, to make room. CSS allows that under `footnote-policy: auto`, but a UN
document never separates a note from its call, and WeasyPrint does it even under `line`. The
patch recompiles WeasyPrint's line-box layout with that shortcut off, so the paragraph moves
instead, as it did before 66.0. If WeasyPrint's code no longer matches, nothing is patched and
`pdf.render_pdf` still finds and repairs separated notes after layout.

The same recompiled function looks for notes only in the boxes that call one: WeasyPrint 70 looks
up every box of every line in the list of the notes not yet placed, so that the layout grew with
the square of the number of notes (12 % of the layout of a report with 5,000 notes).
"""

from __future__ import annotations

import inspect

_SHORTCUT = "report = not context.in_column and can_break_now and not could_break_before"
_NOTE_LOOKUP = ("if descendant.footnote in context.footnotes)",
                "if descendant.footnote is not None and descendant.footnote in context.footnotes)")
_applied: bool | None = None


def keep_footnotes_with_calls() -> bool:
    """Apply the patch once; return whether WeasyPrint is patched."""
    global _applied
    if _applied is None:
        from weasyprint.layout import block

        try:
            source = inspect.getsource(block._linebox_layout)
        except (AttributeError, OSError, TypeError):
            source = ""
        _applied = source.count(_SHORTCUT) == 1
        if _applied:
            source = source.replace(_SHORTCUT, "report = False")
            if source.count(_NOTE_LOOKUP[0]) == 1:
                source = source.replace(*_NOTE_LOOKUP)
            code = compile(source, block.__file__, "exec")
            exec(code, block.__dict__)  # redefines _linebox_layout in WeasyPrint's own module
    return _applied
