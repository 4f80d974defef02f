"""Zip packages that are the same bytes for the same content: fixed entry times, a stable member
order and fixed file attributes (python-docx stamps every entry with the time of saving)."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_FIRST = ("[Content_Types].xml", "_rels/.rels")  # where Office and most readers expect them


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip: `[Content_Types].xml` and `_rels/.rels` first, then the other members sorted
    by name, each with the same time, attributes and compression."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    names = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system builds it
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name], compresslevel=6)
    return out.getvalue()
