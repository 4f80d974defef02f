"""A CSL style for the notes (`csl: oscola.csl` in report.yaml): read from the project and checked, so that
formatting never reaches outside it (a dependent style would fetch its parent from the network)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Problems, Source

CSL_NAMESPACE = "{http://purl.org/net/xbiblio/csl}"


@dataclass(frozen=True, slots=True)
class CslStyle:
    """A style file's text; `note` is true for note styles (Chicago notes, OSCOLA), false for in-text ones."""

    path: str
    text: str
    title: str = ""
    note: bool = True
    locale: str = ""  # the style's default locale: en-GB for OSCOLA


def read_style(text: str, path: str, where: Source, problems: Problems) -> CslStyle | None:
    """The style in `text`, or None with an error at `where` (the `csl:` line)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        problems.error(where, f"'{path}' is not a CSL style: {exc.msg}")
        return None
    if root.tag != CSL_NAMESPACE + "style":
        problems.error(where, f"'{path}' is not a CSL style (its root element is not <style> in the CSL namespace)")
        return None
    parent = root.find(f"{CSL_NAMESPACE}info/{CSL_NAMESPACE}link[@rel='independent-parent']")
    if parent is not None:
        problems.error(where, f"'{path}' is a dependent style: download the style it depends on "
                              f"({parent.get('href', '')}) and name that one")
        return None
    if root.find(CSL_NAMESPACE + "citation") is None:
        problems.error(where, f"'{path}' has no <citation> element, so it cannot format notes")
        return None
    title = root.findtext(f"{CSL_NAMESPACE}info/{CSL_NAMESPACE}title") or path
    return CslStyle(path, text, title.strip(), root.get("class", "note") == "note", root.get("default-locale", ""))
