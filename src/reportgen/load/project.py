"""A report project on disk (report/report.yaml, sections/, references.bib, templates/) read into one
unresolved document model; every mistake in any file is reported together."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import model as m
from ..errors import Problems, ReportError, Source
from ..files import UnsafePath, real_path
from .bibliography import Bibliography, read_bibliography
from .cache import ParseCache
from .config import CONFIG_PATH, ReportConfig, load_config
from .cover import build_cover
from .csl_style import CslStyle, read_style
from .previous import CSV_PATH, YAML_PATH, read_previous
from .slugs import slugify
from .textclean import clean_text


@dataclass(frozen=True)
class Project:
    """Where a project's files are."""

    root: Path

    @classmethod
    def at(cls, directory: str | Path) -> Project:
        root = Path(directory).resolve()
        if not (root / CONFIG_PATH).is_file():
            raise ReportError(f"{root}: not a reportgen project (no {CONFIG_PATH}); "
                              "run in a project folder or pass --project DIR")
        return cls(root)

    @staticmethod
    def here() -> Path | None:
        """The current folder if it is a report project, else None."""
        return Path.cwd() if (Path.cwd() / CONFIG_PATH).is_file() else None

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    def relative(self, path: Path) -> str:
        """The project-relative name of a path as written (a symbolic link keeps its own name)."""
        return Path(os.path.normpath(self.root / path)).relative_to(self.root).as_posix()

    def inside(self, path: Path) -> bool:
        """Whether a path, as written, stays in the project folder."""
        return Path(os.path.normpath(self.root / path)).is_relative_to(self.root)

    def real(self, path: Path, problems: Problems, where: Source | None = None, what: str = "") -> Path | None:
        """The real path of the project file `path`, through `files.real_path`; or None, with a
        located error at the file itself, or at `where`, the line that names it as `what`."""
        try:
            return real_path(self.root, path)
        except UnsafePath as exc:
            if where is None:
                problems.error(Source(self.relative(path) if self.inside(path) else str(path)), exc.alone())
            else:
                problems.error(where, exc.referenced(what))
            return None

    def read(self, path: Path, problems: Problems, name: str | None = None) -> bytes | None:
        """The bytes of the project file `path`, read through its checked real path."""
        name = name or self.relative(path)
        real = self.real(path, problems)
        return None if real is None else read_bytes(real, name, problems)


def read_bytes(path: Path, name: str, problems: Problems) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.error(Source(name), f"cannot read: {exc.strerror}")
        return None


def decode_text(data: bytes, name: str, problems: Problems) -> str | None:
    """The text of a UTF-8 file's bytes (a byte-order mark is dropped); undecodable bytes are a
    located error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.error(Source(name, line), f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                                           "save the file as UTF-8")
        return None
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n"), name, problems)


def section_paths(project: Project, config: ReportConfig, problems: Problems) -> list[Path]:
    """The section files in build order: as listed in report.yaml, or sections/*.md by name."""
    folder = project.root / "sections"
    if not config.sections:
        paths = sorted(folder.glob("*.md"))
        if not paths:
            problems.error(Source("sections"), "no section files (sections/*.md)")
        return paths
    paths = []
    for i, name in enumerate(config.sections):
        path = folder / name
        where = config.source(f"sections[{i}]")
        if not project.inside(path) or not project.relative(path).startswith("sections/"):
            problems.error(where, f"section '{name}' is outside the sections/ folder")
        elif not path.is_file() and not path.is_symlink():
            problems.error(where, f"section file 'sections/{name}' does not exist")
        else:
            paths.append(path)
    return paths


def load_document(project: Project, problems: Problems, cache: ParseCache | None = None) -> m.Document:
    """Read every file of the project into an unresolved model; mistakes go to `problems`. Files
    whose bytes have not changed since `cache` parsed them are not parsed again."""
    cache = cache or ParseCache()
    data = project.read(project.root / CONFIG_PATH, problems, CONFIG_PATH)
    text = decode_text(data, CONFIG_PATH, problems) if data is not None else None
    config = load_config(text, problems) if text is not None else None
    if config is None:  # unreadable: nothing else can be read sensibly
        problems.raise_if_errors()

    bibliography = Bibliography(config.bibliography, {})
    bib_path = project.root / config.bibliography
    if not project.inside(bib_path):
        problems.error(config.source("bibliography"), "the bibliography must be inside the project")
    elif bib_path.is_file() or bib_path.is_symlink():
        data = project.read(bib_path, problems, config.bibliography)
        if data is not None:
            bibliography = cache.parse(config.bibliography, data, "bibliography", functools.partial(
                _parse_bibliography, data, config.bibliography, bibliography), problems)
    elif "bibliography" in config.key_lines:
        problems.error(config.source("bibliography"), f"bibliography '{config.bibliography}' does not exist")

    style = load_style(project, config, problems) if config.csl else None
    sections = []
    for path in section_paths(project, config, problems):
        name = project.relative(path)
        data = project.read(path, problems, name)
        if data is not None:
            section = cache.parse(name, data, "section", functools.partial(_parse_section, data, name), problems)
            if section is not None:
                sections.append(section)
    cover = build_cover(config, problems, cache)
    bibliography = _with_section_references(bibliography, sections, problems)
    sections = _unique_ids(tuple(sections), problems)
    sections = _ResourceChecker(project, _link_targets(sections), problems).visit_all(sections)
    previous = load_previous(project, problems)
    _check_previous_references(sections, previous, problems)
    return m.Document(config, cover, sections, bibliography, previous, style)


def load_style(project: Project, config: ReportConfig, problems: Problems) -> CslStyle | None:
    """The CSL style `csl:` names, read from the project."""
    path, where = project.root / config.csl, config.source("csl")
    if not project.inside(path):
        problems.error(where, "the CSL style must be inside the project")
        return None
    if not path.is_file() and not path.is_symlink():
        problems.error(where, f"CSL style '{config.csl}' does not exist")
        return None
    data = project.read(path, problems, config.csl)
    text = decode_text(data, config.csl, problems) if data is not None else None
    return read_style(text, config.csl, where, problems) if text is not None else None


def _with_section_references(bibliography: Bibliography, sections: list[m.Section],
                             problems: Problems) -> Bibliography:
    """The bibliography with the entries of the sections' `references:`; a key given twice is an
    error, and so is a `nocite` key that no entry has."""
    entries = dict(bibliography.entries)
    for section in sections:
        for entry in section.references:
            if entry.key in entries:
                problems.error(entry.source, f"duplicate entry key '{entry.key}' (first defined at "
                                             f"{entries[entry.key].source})", rule="BIB-3")
            else:
                entries[entry.key] = entry
    for section in sections:
        for key in section.nocite:
            if key != "*" and key.strip("{}") not in entries:
                problems.error(section.source, f"unknown citation key '{key}' in nocite", rule="BIB-1")
    return replace(bibliography, entries=entries) if len(entries) != len(bibliography.entries) else bibliography


def _link_targets(sections: tuple[m.Section, ...]) -> set[str]:
    """The ids a `#link` may point at: headings', figures', tables', recommendations' and anchored
    paragraphs' (`[]{#id}` opening one), and those of spans and divs (`[text]{#id}`)."""
    targets = set()
    for section in sections:
        for node in m.walk(section):
            if isinstance(node, m.Heading | m.Figure | m.Paragraph | m.Table | m.Recommendation) and node.id:
                targets.add(node.id)
            elif isinstance(node, m.Span | m.Div) and node.attributes.id:
                targets.add(node.attributes.id)
    return targets


def load_previous(project: Project, problems: Problems) -> tuple:
    """The previous cycle's recommendations, when the project has them (CSV, else YAML)."""
    for name in (CSV_PATH, YAML_PATH):
        path = project.root / name
        if path.is_file() or path.is_symlink():
            data = project.read(path, problems, name)
            text = decode_text(data, name, problems) if data is not None else None
            return read_previous(text, name, problems) if text is not None else ()
    return ()


def _check_previous_references(sections, previous: tuple, problems: Problems) -> None:
    """With previous-cycle data, every `previous=` of a recommendation must be in it."""
    if not previous:
        return
    known = {p.number for p in previous}
    path = previous[0].origin.path
    for section in sections:
        for node in m.walk(section):
            if isinstance(node, m.Recommendation):
                for number in node.previous:
                    if number not in known:
                        problems.error(node.source, f"previous-cycle recommendation {number} is not in {path}",
                                       rule="RC-3")


def _parse_bibliography(data: bytes, name: str, empty: Bibliography, problems: Problems) -> Bibliography:
    text = decode_text(data, name, problems)
    return empty if text is None else read_bibliography(text, name, problems)


def _parse_section(data: bytes, name: str, problems: Problems) -> m.Section | None:
    from .sections import read_section  # markdown-it is loaded only when a file is parsed

    text = decode_text(data, name, problems)
    return None if text is None else read_section(text, name, problems)


def _unique_ids(sections: tuple[m.Section, ...], problems: Problems) -> tuple[m.Section, ...]:
    """Identifiers are unique: a repeated `{#id}` (of a heading, paragraph, figure, table, div or
    span) is an error; headings without one get pandoc's identifier made from their text, with a
    suffix where needed, so that no two anchors of the report share a name."""
    taken: dict[str, Source] = {}
    for section in sections:
        where = section.source
        for node in m.walk(section):
            where = getattr(node, "source", None) or where  # a span's: its paragraph's
            ident = node.attributes.id if isinstance(node, m.Div | m.Span) else getattr(node, "id", "")
            if not ident or isinstance(node, m.Section | m.Recommendation):
                continue
            if ident in taken:
                kind = "heading id" if isinstance(node, m.Heading) else "id"
                problems.error(where, f"{kind} '{ident}' is already used at {taken[ident]}", rule="ED-1")
            taken.setdefault(ident, where)
    return _IdMaker(set(taken)).visit_all(sections)


class _IdMaker(m.Transformer):
    def __init__(self, taken: set[str]):
        self.taken = taken
        self.suffixes: dict[str, int] = {}  # the next suffix to try for a base: not from 1 each time

    def visit_Heading(self, heading: m.Heading) -> m.Heading:
        if heading.id:
            return heading
        base = slugify(m.plain_text(heading.inlines))
        ident, n = base, self.suffixes.get(base, 1)
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self.taken.add(ident)
        self.suffixes[base] = n
        return replace(heading, id=ident)

    def visit_Paragraph(self, paragraph: m.Paragraph) -> m.Paragraph:
        return paragraph


class _ResourceChecker(m.Transformer):
    """What a section points at must be safe to publish and must exist. Images are files inside
    the project, written relative to their section file (the model keeps their project-relative
    path); links go to the web, to an e-mail address or to a heading of the report."""

    def __init__(self, project: Project, heading_ids: set[str], problems: Problems):
        self.project, self.heading_ids, self.problems = project, heading_ids, problems

    def visit_Link(self, link: m.Link) -> m.Link:
        url = link.url
        if url.startswith("#"):  # markdown-it percent-encodes the target: `#société` is `#soci%C3%A9t%C3%A9`
            url = "#" + unquote(url[1:])
            link = replace(link, url=url)
            if url[1:] not in self.heading_ids:
                self.problems.error(link.source, f"link to '{url}' goes nowhere: no heading has the id '{url[1:]}'")
        elif urlsplit(url).scheme.lower() not in m.LINK_SCHEMES:
            self.problems.error(link.source, f"link to '{url}' must be a web (http, https) or e-mail (mailto) "
                                             "address, or '#id' of a heading")
        return self.generic_visit(link)

    def visit_Image(self, image: m.Image) -> m.Image:
        src = image.src
        if src.startswith("data:image/svg"):
            self.problems.error(image.source, "an SVG image cannot be given as a data: URI; save it as a .svg file "
                                              "in the project and write its path")
            return image
        if src.startswith("data:image/"):
            return image
        if urlsplit(src).scheme or src.startswith("/"):
            self.problems.error(image.source, f"image '{src}' must be a file inside the project, "
                                              "written relative to the section file")
            return image
        path = (self.project.root / image.source.path).parent / unquote(src)
        if not self.project.inside(path):
            self.problems.error(image.source, f"image '{src}' is outside the project")
            return image
        real = self.project.real(path, self.problems, image.source, f"image '{src}'")
        if real is None:
            return image
        if not real.is_file():  # say where it was looked for: Pandoc users write paths from the project root
            self.problems.error(image.source, f"image '{src}' does not exist: no file "
                                              f"{self.project.relative(path)} (an image's path is relative to "
                                              "its section file)")
            return image
        return replace(image, src=self.project.relative(path))
