"""`reportgen comments`: the comments, tracked changes and annotations of reviewers' files (DOCX,
ODT, PDF), each traced to the section file and line its text came from, merged and ordered by file
and line. A draft's marks are placed in the files of the commit it was built from, then carried to
today's (`carry`). reportgen's own tracked changes (a redline's) are not a reviewer's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Problems, ReportError
from ..load.frontmatter import read_front_matter
from ..load.project import Project
from ..renderers import anchors
from .carry import Carried, Drafts, Today, drafts
from .marks import Mark, Reviewed, read_docx

READERS = {".docx": "DOCX", ".odt": "ODT", ".pdf": "PDF"}
OWN_AUTHOR = "reportgen"  # the author of a redline's tracked changes: "reportgen: 1a2b3c4 to 5d6e7f8"


@dataclass(frozen=True)
class Remark:
    """One comment, tracked change or annotation, where it belongs today."""

    path: str
    line: int
    kind: str  # "comment", "insertion", "deletion" or "drawing"
    author: str
    date: str
    text: str
    quoted: str  # the text a comment is on
    reply_to: str
    reviewed: str = ""  # the reviewer's file it came from
    owner: str = ""  # the owner of its section (front matter `owner`)
    subtype: str = ""  # a PDF annotation's type: "highlight", "strike-out" ...
    note: str = ""  # "the paragraph has changed since", "deleted since" ...
    comment: str = ""  # what a reviewer wrote on a suggested deletion (a PDF strike-out)


@dataclass(frozen=True)
class Traced:
    remarks: list[Remark]
    warnings: list[str]


def read(path: Path) -> Reviewed:
    """The marks of one reviewer's file, read by its kind."""
    kind = READERS.get(path.suffix.lower())
    if kind == "PDF":
        from .pdf_marks import read_pdf

        return read_pdf(path)
    if kind == "ODT":
        from .odt_marks import read_odt

        return read_odt(path)
    if kind == "DOCX":
        return read_docx(path)
    raise ReportError(f"{path}: not a file reportgen can read marks from (DOCX, ODT or PDF)")


def trace(files: Path | list[Path], project_root: Path | None = None, authors: tuple[str, ...] = ()) -> Traced:
    """The remarks of reviewers' `files` by file (in the order the report shows them) and line;
    `authors` (if any) keeps only theirs. Without a project, a mark gets its paragraph's first line."""
    files = [files] if isinstance(files, Path) else list(files)
    readings = [(path, read(path)) for path in files]
    if project_root is None:
        return Traced(_sorted([_remark(path, reviewed, mark, None) for path, reviewed in readings
                               for mark in _kept(reviewed, authors)], {}), [])
    with drafts(Project.at(project_root)) as placing:
        # a client that dropped the DOCX's table of files: the project's own files give the keys
        keys = {anchors.file_key(path): path for path in placing.today.sources.paths()}
        remarks = []
        for path, reviewed in readings:
            resolver = placing.resolver(reviewed, path.name)
            reviewed = Reviewed(reviewed.marks, {**keys, **reviewed.files}, reviewed.commit, reviewed.modified)
            remarks += [_remark(path, reviewed, mark, resolver) for mark in _kept(reviewed, authors)]
        warnings = placing.warnings
        owners = _Owners(placing.today.sources.root)
        remarks = [_with_owner(r, owners) for r in remarks]
        order = _order(placing, readings)
    return Traced(_sorted(remarks, order), warnings)


def _kept(reviewed: Reviewed, authors: tuple[str, ...]) -> list[Mark]:
    wanted = {a.casefold() for a in authors}
    return [mark for mark in reviewed.marks
            if not (mark.kind != "comment" and mark.author.startswith(OWN_AUTHOR))
            and (not wanted or mark.author.casefold() in wanted)]


def _remark(path: Path, reviewed: Reviewed, mark: Mark, placing: Today | Carried | None) -> Remark:
    if mark.anchor is None:
        where, line, note = path.name, 0, ""
    else:
        key, line = mark.anchor
        where, note = reviewed.files.get(key, key), ""
        if placing is not None:
            place = placing.place(where, line, mark)
            where, line, note = place.path, place.line, place.note
    return Remark(where, line, mark.kind, mark.author, mark.date, mark.text, mark.quoted, mark.reply_to, path.name,
                  subtype=mark.subtype, note=note, comment=mark.note)


class _Owners:
    """The owner of each section file, from its front matter."""

    def __init__(self, root: Path):
        self.root, self.owners = root, {}

    def __call__(self, path: str) -> str:
        if path not in self.owners:
            file = (self.root / path).resolve()
            owner = ""
            if path.endswith(".md") and file.is_relative_to(self.root) and file.is_file():
                try:
                    front = read_front_matter(file.read_text(encoding="utf-8-sig"), path, Problems())[0]
                    owner = front.owner or ", ".join(front.author)
                except (OSError, UnicodeDecodeError):
                    pass
            self.owners[path] = owner
        return self.owners[path]


def _with_owner(remark: Remark, owners: _Owners) -> Remark:
    path = remark.path  # a paragraph deleted since the draft is at `commit:path`: its section's owner still
    if remark.note == "deleted since" and ":" in path:
        path = path.split(":", 1)[1]
    return replace(remark, owner=owners(path))


def _order(placing: Drafts, readings) -> dict[str, int]:
    """The files in the order the report shows them: report.yaml, then the sections."""
    order: dict[str, int] = {}
    for path in ["report/report.yaml"] + [p for _, r in readings for p in r.files.values()] + \
            placing.today.sources.paths():
        order.setdefault(path, len(order))
    return order


def _sorted(remarks: list[Remark], order: dict[str, int]) -> list[Remark]:
    """By file (today's first, in the report's order; then older versions' and the reviewed files'
    own), then line; remarks on one place keep the order they were read in (a reply after its comment)."""
    def key(item):
        index, remark = item
        return (order.get(remark.path, len(order)), remark.path, remark.line, index)

    return [remark for _, remark in sorted(enumerate(remarks), key=key)]

