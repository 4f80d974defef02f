"""The PDF: the HTML view laid out by WeasyPrint, which may read only the project's files and the
package's own resources; every problem WeasyPrint logs is turned into a reportgen error."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem, ReportError, Source
from ..files import UnsafePath, real_path
from ..resources import RESOURCES
from ._weasyprint_import import import_weasyprint
from .pdf_standards import write_pdf

_NO_ALT = re.compile(r'Image "(.*)" has no required alt description')
_NOTDEF = re.compile(r'PDF: \.notdef glyph rendered for Unicode string unsupported by fonts: "(.+)" \((U\+[0-9A-F]+)\)')


def _fetcher_class():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class Refused(FatalURLFetchingError):
        """A project file behind a link that leads outside: said at the file itself."""

        def __init__(self, problem: Problem):
            super().__init__(problem.message)
            self.problem = problem

    class ProjectFetcher(URLFetcher):
        """Fetches `data:` URLs, the project's files through `files.real_path` and reportgen's
        own resources; anything else aborts."""

        def __init__(self, project_root: Path):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.root, self.resources = project_root.resolve(), (RESOURCES, RESOURCES.resolve())

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parts = urlsplit(url)
            path = Path(os.path.normpath(unquote(parts.path)))
            resource = any(path.is_relative_to(folder) for folder in self.resources)
            if parts.scheme != "file" or not (path.is_relative_to(self.root) or resource):
                raise FatalURLFetchingError(f"'{url}' is not a file inside the project")
            try:
                real = path.resolve() if resource else real_path(self.root, path)
            except UnsafePath as exc:
                raise Refused(Problem(Source(path.relative_to(self.root).as_posix()), exc.alone())) from None
            if resource and not real.is_relative_to(self.resources[1]):
                raise FatalURLFetchingError(f"'{url}' is not a file inside the project")
            if not real.is_file():
                raise FatalURLFetchingError(f"'{url}' does not exist or is not a regular file")
            return super().fetch(real.as_uri(), headers)

    return ProjectFetcher


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _captured_weasyprint_log():
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    logger.addHandler(collector)
    previous = logger.propagate
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = previous


@dataclass(frozen=True)
class PdfResult:
    pdf: bytes
    pages: int
    html: str  # the HTML actually laid out
    warnings: list[str]


def note_pages(document) -> dict[int, tuple[int, int]]:
    """For each footnote number: (page of its call, page of its body), 1-based."""
    calls: dict[int, int] = {}
    bodies: dict[int, int] = {}
    for index, page in enumerate(document.pages, start=1):
        for area in page._page_box.children:
            in_notes = type(area).__name__ == "FootnoteAreaBox"
            for box in area.descendants():
                element = getattr(box, "element", None)
                if element is None or "fn" not in element.get("class", "").split():
                    continue
                number = int(element.get("data-n"))
                if in_notes:
                    bodies.setdefault(number, index)
                elif type(box).__name__ == "TextBox":
                    calls.setdefault(number, index)
    return {n: (page, bodies.get(n, 0)) for n, page in calls.items()}


def _attachment(weasyprint, data: bytes, created: str):
    from datetime import datetime

    from .pdf_anchors import ATTACHMENT

    when = datetime.fromisoformat(created) if created else None  # the build's clock: reproducible drafts
    return weasyprint.Attachment(string=data, name=ATTACHMENT, created=when, modified=when,
                                 description="reportgen: where each word of this draft comes from")


def _baselines(document) -> list[list[float]]:
    from .line_numbers import page_lines

    return [page_lines(page) for page in document.pages]


def _logged(records: list[logging.LogRecord], project_root: Path) -> list[str]:
    """The warnings among what WeasyPrint logged; its errors are raised. An image without alternative
    text is a warning (check's AC-1 says where), not a failed build."""
    missing_alt = [r for r in records if _NO_ALT.search(r.getMessage())]
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR and r not in missing_alt]
    if errors:
        raise ReportError([Problem(None, f"PDF: {message}") for message in errors])
    project = project_root.resolve().as_uri() + "/"
    return [f"PDF: {r.getMessage()}" for r in records if r.levelno < logging.ERROR] + [
        f"PDF: image '{_NO_ALT.search(r.getMessage())[1].removeprefix(project)}' has no alternative text: screen "
        "readers cannot say what it shows (PDF/UA)" for r in missing_alt]


def located_glyphs(warnings: list[str], document) -> list[str]:
    """WeasyPrint's warning of characters no font has, at the first line of the report that holds them."""
    out = []
    for warning in warnings:
        found = _NOTDEF.match(warning)
        where = _first_source(document, found[1]) if found else None
        out.append(f"{where}: warning: no font of the PDF has '{found[1]}' ({found[2]}): it is printed as an "
                   "empty box (.notdef)" if where else warning)
    return out


def _first_source(document, text: str) -> Source | None:
    from .. import model as m

    for section in document.sections:
        where = section.source
        for node in m.walk(section):
            where = getattr(node, "source", None) or where  # an inline's: its block's
            if isinstance(node, m.Text) and text in node.text:
                return where
    return None


def render_pdf(render_html: Callable[..., str], project_root: Path, archive: bool = False,
               number_lines: Callable[[object], str] | None = None,
               source_map: Callable[[object], bytes] | None = None, created: str = "") -> PdfResult:
    """Lay out the report and write the PDF, keeping every footnote on the page of its call.

    `render_html(pushed)` gives the HTML, with a page break before the blocks calling the notes
    in `pushed`. The PDF process patches WeasyPrint not to move notes away from their calls (see
    `_weasyprint_patch`); should a note still land on another page than its call, the calling
    block is pushed to the next page with its note and the report laid out again.
    A resource WeasyPrint could not load is an error, not a silent gap.

    `number_lines(layout)`, for drafts, gives CSS drawn over the final layout (line numbers); the
    report is laid out once more with it, `render_html(pushed, extra_css)`. `source_map(layout)`,
    for drafts too, gives the map of `pdf_anchors` attached to the PDF, dated `created`.

    The PDF is tagged PDF/UA-1, and PDF/A-3b too if `archive` (`pdf_standards`).
    """
    weasyprint = import_weasyprint()
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _fetcher_class()(project_root)
    pushed: frozenset[int] = frozenset()
    misnumbered = False

    def layout(html: str):
        return weasyprint.HTML(string=html, base_url=project_root.as_uri() + "/",
                               url_fetcher=fetcher).render(presentational_hints=False)

    with _captured_weasyprint_log() as log:
        try:
            for _attempt in range(4):
                html = render_html(pushed)
                document = layout(html)
                pages = note_pages(document)
                misplaced = {n for n, (call, body) in pages.items() if call != body}
                if not misplaced - pushed:
                    break
                pushed |= misplaced
            if number_lines is not None:
                numbered = layout(render_html(pushed, number_lines(document)))
                misnumbered = _baselines(numbered) != _baselines(document)  # a background moves nothing
                document, pages = numbered, note_pages(numbered)
            attachments = [_attachment(weasyprint, source_map(document), created)] if source_map else None
            pdf = write_pdf(document, archive, attachments)
        except FatalURLFetchingError as exc:
            if hasattr(exc, "problem"):
                raise ReportError([exc.problem]) from None
            # Sections' images are checked when loading, so what is left comes from a template.
            raise ReportError([Problem(None, f"PDF: a template refers to {exc}; "
                                             "it was not fetched and nothing was written")]) from None
    warnings = _logged(log.records, project_root)
    warnings += [f"PDF: note {n} is on page {body}, its call on page {call}"
                 for n, (call, body) in sorted(pages.items()) if call != body]
    if misnumbered:
        warnings.append("PDF: the line numbers may not match the lines (the layout changed when they were drawn)")
    return PdfResult(pdf, len(document.pages), html, warnings)
