"""The machine-checkable PDF/UA-1 rules of veraPDF's profile (ISO 14289-1) that read the document
catalog, the XMP metadata and the structure tree, implemented here with pikepdf because veraPDF
(Java) cannot be installed from this machine's package registries. Together with the `pdfua`
checker (content tagged or artifact, language, alternative text, links) they are the tests' PDF/UA
validation; the README lists both. Each finding is `rule: message`, the rule numbered as veraPDF does."""

from __future__ import annotations

import re

import pikepdf

# clause 7.2 tests 3-20: which kinds of element may contain which (ISO 32000-1, 14.8.4.3)
_PARENTS = {"/TR": {"/Table", "/THead", "/TBody", "/TFoot"}, "/THead": {"/Table"}, "/TBody": {"/Table"},
            "/TFoot": {"/Table"}, "/TH": {"/TR"}, "/TD": {"/TR"}, "/LI": {"/L"}, "/LBody": {"/LI"},
            "/Lbl": {"/LI", "/L", "/Caption", "/TOCI", "/BibEntry", "/Note", "/Reference"}}
_KIDS = {"/TR": {"/TH", "/TD"}, "/L": {"/L", "/LI", "/Caption"}, "/LI": {"/Lbl", "/LBody"},
         "/THead": {"/TR"}, "/TBody": {"/TR"}, "/TFoot": {"/TR"},
         "/Table": {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"}}
_RULES = {"/TR": "7.2-4", "/THead": "7.2-5", "/TBody": "7.2-6", "/TFoot": "7.2-7", "/TH": "7.2-8", "/TD": "7.2-9",
          "/LI": "7.2-17", "/LBody": "7.2-18", "/Lbl": "7.2-16"}
_KID_RULES = {"/TR": "7.2-10", "/L": "7.2-19", "/LI": "7.2-20", "/THead": "7.2-36", "/TBody": "7.2-37",
              "/TFoot": "7.2-38", "/Table": "7.2-3"}
RULES_COVERED = ("5-1", "5-2", "7.1-8", "7.1-9", "7.1-10", "7.2-3", "7.2-4", "7.2-5", "7.2-6", "7.2-7", "7.2-8",
                 "7.2-9", "7.2-10", "7.2-16", "7.2-17", "7.2-18", "7.2-19", "7.2-20", "7.2-29", "7.2-33",
                 "7.2-36", "7.2-37", "7.2-38", "7.3-1", "7.4.2-1", "7.4.4-2", "7.9-1", "7.18.5-2")


def _elements(node, parent=None):
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type", pikepdf.Name("/StructElem")) == "/StructElem" \
                and "/S" in kid:
            yield kid, parent
            yield from _elements(kid, kid)


def _kinds(element) -> list[str]:
    kids = element.get("/K")
    return [str(k.S) for k in (kids if isinstance(kids, pikepdf.Array) else [kids])
            if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def findings(path) -> list[str]:
    """Every breach of the rules in RULES_COVERED, as `rule: message`."""
    out = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        xmp = root.Metadata.read_bytes().decode() if "/Metadata" in root else ""
        if "/Metadata" not in root:
            out.append("7.1-8: the catalog has no metadata stream")
        part = re.search(r'pdfuaid:part(?:="|>)(\d+)', xmp)
        if part is None:
            out.append("5-1: no PDF/UA identification in the XMP metadata")
        elif part.group(1) != "1":
            out.append(f"5-2: pdfuaid:part is {part.group(1)}, not 1")
        if "<dc:title>" not in xmp:
            out.append("7.1-9: no dc:title in the XMP metadata")
        if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
            out.append("7.1-10: the viewer is not asked to show the document title (DisplayDocTitle)")
        language = str(root.get("/Lang", ""))
        if not re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", language):
            out.append(f"7.2-33/7.2-29: the document language '{language}' is not a language tag")
        out += _structure(root.StructTreeRoot) if "/StructTreeRoot" in root else ["7.1: no structure tree"]
        out += [f"7.18.5-2: a link annotation on page {n} has no Contents" for n, page in enumerate(pdf.pages, 1)
                for annot in page.get("/Annots", []) if annot.get("/Subtype") == "/Link" and "/Contents" not in annot]
    return out


def _structure(tree) -> list[str]:
    out, headings = [], []
    for element, parent in _elements(tree):
        kind, parent_kind = str(element.S), str(parent.S) if parent is not None else "/StructTreeRoot"
        if kind in _PARENTS and parent_kind not in _PARENTS[kind]:
            out.append(f"{_RULES[kind]}: {kind[1:]} inside {parent_kind[1:]}")
        if kind in _KIDS and set(_kinds(element)) - _KIDS[kind]:
            extra = sorted(k[1:] for k in set(_kinds(element)) - _KIDS[kind])
            out.append(f"{_KID_RULES[kind]}: {kind[1:]} holds {', '.join(extra)}")
        if kind == "/Figure" and not str(element.get("/Alt", "")) and not str(element.get("/ActualText", "")):
            out.append("7.3-1: a Figure without alternative text")
        if kind == "/Note" and not str(element.get("/ID", "")):
            out.append("7.9-1: a Note without ID")
        if re.fullmatch(r"/H[1-6]?", kind):
            headings.append(kind)
    if "/H" in headings and len(set(headings)) > 1:
        out.append("7.4.4-2: both H and H1-H6 headings")
    levels = [int(h[2:]) for h in headings if len(h) == 3]
    if levels and (levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:], strict=False))):
        out.append(f"7.4.2-1: headings {'-'.join(map(str, levels[:12]))}… start below H1 or skip a level")
    return out
