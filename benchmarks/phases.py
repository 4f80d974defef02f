"""reportgen's phases one after the other in one fresh process, each timed: where a build's time goes.

    python benchmarks/phases.py PROJECT [--no-pdf]    -> {"import": s, "load": s, ...} as JSON

`load` reads and parses every file (no cache); `load cached` does it again with a parse cache
that already holds them, as a rebuild does. The PDF phases are WeasyPrint's, on reportgen's HTML.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


class Clock:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.start = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.times[phase] = now - self.start
        self.start = now


def main() -> None:
    root, pdf = Path(sys.argv[1]), "--no-pdf" not in sys.argv
    clock = Clock()
    from reportgen.check import run_rules
    from reportgen.errors import Problems
    from reportgen.load.cache import ParseCache
    from reportgen.load.project import Project, load_document
    from reportgen.renderers.docx import render_docx
    from reportgen.renderers.html import HtmlRenderer
    from reportgen.transforms.citations import resolve_citations
    from reportgen.transforms.numbering import number_document

    clock.lap("import")
    project, problems = Project.at(root), Problems()
    with tempfile.TemporaryDirectory() as folder:
        written = load_document(project, problems, ParseCache(Path(folder)))
        clock.lap("load")
        load_document(project, Problems(), ParseCache(Path(folder)))
        clock.lap("load cached")
    document = resolve_citations(written, problems)
    clock.lap("citations")
    problems.raise_if_errors()
    document = number_document(document)
    clock.lap("model")
    run_rules(project.root, written, document, problems.items)
    clock.lap("check")
    html = HtmlRenderer(document, project.templates, "2022-11-07T00:00:00+00:00").render()
    clock.lap("html")
    render_docx(document, project.templates, project.root)
    clock.lap("docx")
    if pdf:
        from reportgen.renderers._weasyprint_import import import_weasyprint
        from reportgen.renderers._weasyprint_patch import patch_weasyprint
        from reportgen.renderers.pdf import _fetcher_class, note_pages
        from reportgen.renderers.pdf_worker import paused_gc

        weasyprint = import_weasyprint()
        patch_weasyprint()
        clock.lap("weasyprint import")
        fetcher = _fetcher_class()(project.root)
        with paused_gc():  # as in the PDF process
            laid_out = weasyprint.HTML(string=html, base_url=project.root.as_uri() + "/", url_fetcher=fetcher).render()
            clock.lap("layout")
            note_pages(laid_out)
            clock.lap("notes check")
            laid_out.write_pdf()
            clock.lap("pdf write")
    print(json.dumps(clock.times))


if __name__ == "__main__":
    main()
