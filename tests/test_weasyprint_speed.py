"""The speed-up of WeasyPrint's footnote layout (`renderers/_weasyprint_speed`) changes no byte of
the PDF, and applies to the installed WeasyPrint at its own lines. No timings here (see benchmarks/)."""

from __future__ import annotations

import importlib
import inspect
import json
import operator
import subprocess
import sys

from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.html import HtmlRenderer

# Many notes to a page, some long, some holding a list, a quote or a table, some calling the same
# work: each page's footnote area is laid out again and again.
NOTES = [
    "^[A short note.]",
    "[@ohchr2020, p. 3]",
    "^[A longer note that runs over more than one line of the footnote area, so that its height is "
    "not that of a single line and the notes after it start lower on the page than they would.]",
    "^[A note with a list:\n\n    1. first point;\n    2. second point.\n]",
    "[see @smith2020, pp. 4-5]",
    "^[A note quoting:\n\n    > A quoted passage in a note.\n]",
    "^[A note with a table:\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n]",
]
RENDER = """
import hashlib, json, sys
from reportgen.renderers import _weasyprint_patch, _weasyprint_speed
from reportgen.renderers._weasyprint_import import import_weasyprint
weasyprint = import_weasyprint()
if sys.argv[1] == "without":
    _weasyprint_speed.patch = lambda: ()
assert _weasyprint_patch.patch_weasyprint() == ()
pdf = weasyprint.HTML(filename=sys.argv[2], base_url=sys.argv[3]).write_pdf()
print(json.dumps({"sha": hashlib.sha256(pdf).hexdigest(), "reused": _weasyprint_speed.reused}))
"""


def _section(paragraphs: int) -> str:
    body = []
    for i in range(paragraphs):
        notes = " ".join(f"Claim {i}.{j}{NOTES[(i + j) % len(NOTES)]}" for j in range(3))
        body.append(f"Paragraph {i} states what was found in the districts visited. {notes}")
    return "# Findings\n\n" + "\n\n".join(body) + "\n"


def test_notes_laid_out_from_the_memo_give_the_same_pdf(project, tmp_path):
    root = project({"sections/01.md": _section(40)})
    html = tmp_path / "report.html"
    html.write_text(HtmlRenderer(load_model(Project.at(root)), root / "templates", "2022-01-01T00:00:00+00:00")
                    .render())

    def render(how: str) -> dict:
        out = subprocess.run([sys.executable, "-c", RENDER, how, str(html), root.as_uri() + "/"], check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out)

    without, with_memo = render("without"), render("with")
    assert with_memo["sha"] == without["sha"]
    assert without["reused"] == 0 and with_memo["reused"] > 100  # the memo was used, and used much


def test_the_speed_fix_applies_to_the_installed_version_at_its_own_lines():
    from weasyprint.layout import block

    from reportgen.renderers._weasyprint_patch import patch_weasyprint, unpatched_warnings
    from reportgen.renderers._weasyprint_speed import AREA_EDITS

    assert patch_weasyprint() == () and unpatched_warnings() == []
    for module_name, name, old, _ in AREA_EDITS:
        module = importlib.import_module(f"weasyprint.{module_name}")
        function = operator.attrgetter(name)(module)
        lines, first_line = inspect.getsourcelines(function)  # the file's own text, at the function's line
        assert "".join(lines).count(old) == 1, "WeasyPrint changed: update the patch"
        assert "_reportgen_tag_notes" in function.__code__.co_names  # the edited function is in place
        assert (function.__code__.co_filename, function.__code__.co_firstlineno) == (module.__file__, first_line)
    assert block.block_level_layout.__wrapped__ is not block.block_level_layout
