"""What every renderer shows alike and needs no renderer's library for: which link targets are safe,
a paragraph's anchor, and who the document's author is."""

from __future__ import annotations

from urllib.parse import urlsplit

from .. import model as m


def safe_href(url: str) -> str | None:
    """The link target if it is a web, mail or in-document link; None for anything else."""
    if url.startswith("#"):
        return url
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in m.LINK_SCHEMES else None


def paragraph_id(node: m.Paragraph) -> str:
    """A paragraph's anchor: the id its author gave it, else `paragraph-12` for a numbered one."""
    return node.id or (f"paragraph-{node.number}" if node.number is not None else "")


def author_line(config) -> str:
    """The PDF/DOCX author: the coalition for a joint submission, else the organisations."""
    if config.coalition.name:
        return config.coalition.name
    return "; ".join(o.name for o in config.organisations)
