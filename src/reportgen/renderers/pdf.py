"""The PDF: the HTML view laid out by WeasyPrint, which may read only the project's files and the
package's own resources; every problem WeasyPrint logs is turned into a reportgen error."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem, ReportError, Source
from ..resources import RESOURCES


def _fetcher_class():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class ProjectFetcher(URLFetcher):
        """Fetches `data:` URLs and regular files under the allowed roots; anything else aborts."""

        def __init__(self, roots: tuple[Path, ...]):
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.roots = tuple(r.resolve() for r in roots)

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise FatalURLFetchingError(f"blocked: {url} (only files inside the project may be used)")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
                raise FatalURLFetchingError(f"blocked: {url} (not a file inside the project)")
            return super().fetch(url, headers)

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


def render_pdf(html: str, project_root: Path, pdf_variant: str | None = None) -> tuple[bytes, int, list[str]]:
    """Lay out `html`; return the PDF bytes, the page count and WeasyPrint's warnings.

    WeasyPrint reports a resource it could not load as a logged error, not an exception:
    those become a ReportError, so a missing image never passes unnoticed."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _fetcher_class()((project_root, RESOURCES))
    with _captured_weasyprint_log() as log:
        try:
            document = weasyprint.HTML(string=html, base_url=project_root.as_uri() + "/",
                                       url_fetcher=fetcher).render(presentational_hints=False)
            pdf = document.write_pdf(pdf_variant=pdf_variant)
        except FatalURLFetchingError as exc:
            raise ReportError([Problem(Source("build"), f"PDF: {exc}")]) from None
    errors = [r.getMessage() for r in log.records if r.levelno >= logging.ERROR]
    if errors:
        raise ReportError([Problem(None, f"PDF: {message}") for message in errors])
    warnings = [f"PDF: {r.getMessage()}" for r in log.records if r.levelno < logging.ERROR]
    return pdf, len(document.pages), warnings
