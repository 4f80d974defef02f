"""Reading the parts of an untrusted ZIP package (a reviewer's DOCX or ODT) within bounds: a part
larger than `MAX_PART` once inflated, or inflating more than `MAX_RATIO` times, is refused before it
fills the memory, its XML is parsed without entities or network, and every failure is one line naming
the file."""

from __future__ import annotations

import zipfile
import zlib  # a damaged deflate stream: zipfile lets zlib.error through
from pathlib import Path

from lxml import etree

from ..errors import ReportError

MAX_PART = 64 * 1024 * 1024  # bytes of one part, inflated: a 500-page report's document.xml is ~20 MB
MAX_TOTAL = 256 * 1024 * 1024  # bytes of all the parts read
MAX_RATIO = 200  # inflated / compressed: XML compresses 5-20 times; a ZIP bomb a million times
_CHUNK = 1024 * 1024


def read_parts(path: Path, names: tuple[str, ...], kind: str) -> dict[str, bytes]:
    """The parts among `names` that the package at `path` has; `kind` ("DOCX", "ODT") names the
    format in errors: `reviewed.docx: not a DOCX file (File is not a zip file)`."""
    try:
        with zipfile.ZipFile(path) as package:
            members = {info.filename: info for info in package.infolist()}
            out, total = {}, 0
            for name in names:
                if name in members:
                    out[name] = _read(package, members[name], path, MAX_TOTAL - total)
                    total += len(out[name])
            return out
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise ReportError(f"{path}: not a {kind} file ({exc})") from None


def read_xml_parts(path: Path, names: tuple[str, ...], kind: str) -> dict[str, etree._Element]:
    """The parsed parts among `names` that the package at `path` has; the first is required."""
    parts = read_parts(path, names, kind)
    if names[0] not in parts:
        article = "an" if kind[0] in "AEIOU" else "a"
        raise ReportError(f"{path}: not {article} {kind} file (it has no {names[0]})")
    roots = {}
    for name, data in parts.items():
        try:
            roots[name] = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                                 huge_tree=True))
        except etree.XMLSyntaxError as exc:
            raise ReportError(f"{path}: {name} is damaged: {exc}") from None
    return roots


def _read(package: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, room: int) -> bytes:
    limit = min(MAX_PART, room, max(info.compress_size, 1) * MAX_RATIO)
    if info.file_size > limit:
        raise ReportError(f"{path}: {info.filename} is too large to read ({info.file_size:,} bytes inflated "
                          f"from {info.compress_size:,})")
    chunks, size = [], 0
    with package.open(info) as part:  # the header's size may lie: count what is inflated
        while chunk := part.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise ReportError(f"{path}: {info.filename} is too large to read (more than {limit:,} bytes "
                                  f"inflated from {info.compress_size:,})")
            chunks.append(chunk)
    return b"".join(chunks)
