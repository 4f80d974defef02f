"""`reportgen serve`: the HTML preview in a browser, on this machine only, following every save.

The builds are `watch`'s (the same loop, session and `Watcher`); this module only shows them. A page
holds the last good preview, with a script (resources/preview/) that listens to server-sent events:
a new preview replaces the old one in place (the scroll position stays), a build error shows over it
as `path:line: message`, the checks' findings fill a side panel, and the PDF link follows the PDF
being laid out in the background. Standard library only: `http.server`, one thread per request.
"""

from __future__ import annotations

import json
import threading
import time
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import ReportError
from .pipeline import DEFAULT_FORMATS, Session
from .resources import FONTS, RESOURCES
from .watch import Echo, Events, Watcher, follow

DEFAULT_PORT = 8000
KEEP_ALIVE = 15  # seconds between two comments on an idle event stream
IMAGES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
          ".svg": "image/svg+xml"}
ASSETS = {"/_reportgen/live.js": ("live.js", "text/javascript"), "/_reportgen/live.css": ("live.css", "text/css")}
FONTS_PATH = "/_reportgen/fonts/"  # the bundled fonts, which the HTML file names by their file:// address
FONT_TYPES = {".ttf": "font/ttf", ".otf": "font/otf"}


class Preview(Events):
    """What the browser is shown, fed by the watcher's events (the builder's thread) and read by the
    request threads: the last good HTML, the state sent to pages as JSON, the PDF's file."""

    def __init__(self, pdf: bool):
        self.changed = threading.Condition()  # its lock is re-entrant: an event holds it while it updates
        self.html = b""
        self.pdf: Path | None = None
        self.closed = False
        self.state = {"version": 0, "html_version": 0, "building": False, "built": "", "errors": [],
                      "errors_version": 0, "findings": [], "summary": "",
                      "pdf": {"state": "none" if pdf else "off", "updated": "", "version": 0}}
        self.with_pdf = pdf

    def _update(self, **changes) -> None:
        with self.changed:
            self.state.update(changes)
            self.state["version"] += 1
            self.changed.notify_all()

    def _pdf(self, state: str) -> dict:
        pdf = self.state["pdf"]
        if state == "ready":
            return {"state": state, "updated": time.strftime("%H:%M:%S"), "version": pdf["version"] + 1}
        return {**pdf, "state": state}

    # The watcher's events ---------------------------------------------------------------------------

    def started(self) -> None:
        with self.changed:  # the background thread's events read and update the state too
            self._update(building=True, **({"pdf": self._pdf("building")} if self.with_pdf else {}))

    def checked(self, result) -> None:
        findings = [{"path": f.source.path, "line": f.source.line, "severity": f.severity, "rule": f.rule,
                     "message": f.message} for f in result.findings]
        self._update(findings=findings, summary=result.summary())

    def wrote(self, files: list[Path]) -> None:
        for path in files:
            with self.changed:
                if path.suffix == ".html":
                    self.html = path.read_bytes().replace(f"{FONTS.as_uri()}/".encode(), FONTS_PATH.encode())
                    self._update(html_version=self.state["html_version"] + 1, errors=[],
                                 built=time.strftime("%H:%M:%S"))
                elif path.suffix == ".pdf":
                    self.pdf = path
                    self._update(pdf=self._pdf("ready"))

    def failed(self, lines: list[str]) -> None:
        with self.changed:
            pdf = {"pdf": self._pdf("failed")} if self.state["pdf"]["state"] == "building" else {}
            self._update(errors=lines, errors_version=self.state["errors_version"] + 1, **pdf)

    def finished(self) -> None:
        self._update(building=False)

    # For the request threads ----------------------------------------------------------------------

    def wait(self, seen: int, timeout: float) -> dict | None:
        """The state once it is newer than version `seen` (None after `timeout`, or when closed)."""
        with self.changed:
            self.changed.wait_for(lambda: self.closed or self.state["version"] > seen, timeout)
            return None if self.closed or self.state["version"] <= seen else json.loads(json.dumps(self.state))

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never keeps the process alive
    block_on_close = False

    def __init__(self, address: tuple[str, int], preview: Preview, root: Path, output: Path):
        self.preview, self.root, self.output = preview, root, output
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = unquote(urlsplit(self.path).path)
        preview = self.server.preview
        if path == "/":
            self._send(_page(preview), "text/html; charset=utf-8")
        elif path == "/_reportgen/preview.html":
            self._send(preview.html, "text/html; charset=utf-8")
        elif path == "/_reportgen/events":
            self._events()
        elif path == "/status":
            self._status()
        elif path in ASSETS:
            name, kind = ASSETS[path]
            self._send((RESOURCES / "preview" / name).read_bytes(), kind)
        elif font := _font(path):
            self._send(font.read_bytes(), FONT_TYPES[font.suffix])
        elif path == "/report.pdf" and preview.pdf and preview.pdf.is_file():
            self._send(preview.pdf.read_bytes(), "application/pdf")
        elif image := _image(self.server.root, path):
            self._send(image.read_bytes(), IMAGES[image.suffix.lower()])
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _status(self) -> None:
        """The coordinator's board, made when asked (it reads git and the checks afresh)."""
        from .status import collect
        from .status_format import format_html

        try:
            page = format_html(collect(self.server.root, self.server.output))
        except ReportError as exc:
            page = "<!DOCTYPE html><title>Status</title><h1>The project does not load</h1><pre>" + "\n".join(
                escape(line) for line in exc.lines("no status")) + "</pre>"
        self._send(page.encode("utf-8"), "text/html; charset=utf-8")

    def _events(self) -> None:
        """Server-sent events: the whole state at once, then again each time it changes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen, preview = -1, self.server.preview
        try:
            while not preview.closed:
                state = preview.wait(seen, KEEP_ALIVE)
                if state is None:
                    self.wfile.write(b": still here\n\n")
                else:
                    seen = state["version"]
                    self.wfile.write(f"data: {json.dumps(state, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed

    def log_message(self, format: str, *args) -> None:
        """Requests are not logged: the terminal shows the builds."""


def _page(preview: Preview) -> bytes:
    """The last good preview (or an empty page before the first one), with the live script added."""
    html = preview.html or b"<!DOCTYPE html><html><head><title>reportgen</title></head><body></body></html>"
    version = preview.state["html_version"]
    tags = (f'<meta name="reportgen-preview" content="{version}">'
            '<link rel="stylesheet" href="/_reportgen/live.css"><script src="/_reportgen/live.js" defer></script>')
    return html.replace(b"</head>", tags.encode() + b"</head>", 1)


def _font(path: str) -> Path | None:
    """A font bundled with reportgen that the preview names (a browser does not load the file:// address
    of a page served over http), or None."""
    name = path.removeprefix(FONTS_PATH)
    if name == path or "/" in name or Path(name).suffix not in FONT_TYPES:
        return None
    return FONTS / name if (FONTS / name).is_file() else None


def _image(root: Path, path: str) -> Path | None:
    """An image of the project that the preview shows (`<img src>` is project-relative), or None: only
    image files, inside the project, outside hidden folders."""
    relative = path.lstrip("/")
    if Path(relative).suffix.lower() not in IMAGES or any(p.startswith(".") for p in Path(relative).parts):
        return None
    file = (root / relative).resolve()
    return file if file.is_relative_to(root.resolve()) and file.is_file() else None


def serve(project_dir: str | Path = ".", formats: tuple[str, ...] = DEFAULT_FORMATS,
          output_dir: str | Path | None = None, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          echo: Echo = print, interval: float = 0.05, stop: threading.Event | None = None,
          opened=lambda url: None) -> None:
    """Serve the preview and build after every save until `stop` is set (or Ctrl-C). `opened` is
    given the address once the server listens."""
    formats = tuple(dict.fromkeys(("html", *formats)))
    with Session(project_dir, output_dir, pdf="pdf" in formats) as session:
        preview = Preview("pdf" in formats)
        try:
            server = PreviewServer((host, port), preview, session.project.root, session.folder)
        except OSError as exc:
            raise ReportError(f"cannot serve on {host}:{port}: {exc.strerror}"
                              + (" (--port 0 takes any free port)" if port else "")) from None
        url = f"http://{_display(host)}:{server.server_address[1]}/"
        thread = threading.Thread(target=server.serve_forever, args=(0.2,), name="reportgen serve", daemon=True)
        thread.start()
        try:
            echo(f"serving the preview at {url} (Ctrl-C stops)")
            opened(url)
            # The preview shows the report even when the checks find errors: they are in its panel.
            watcher = Watcher(session, formats, True, echo, preview)
            follow(session, watcher.build, echo, interval, stop)
        finally:
            preview.close()
            server.shutdown()
            server.server_close()


def _display(host: str) -> str:
    return f"[{host}]" if ":" in host else host
