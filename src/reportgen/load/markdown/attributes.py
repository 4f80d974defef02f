"""Pandoc attribute sets, `{#id .class key="value" -}`, as written after headings, divs and items."""

from __future__ import annotations

import re

from ...model import Attributes

# One attribute: #id, .class, key=value, key="quoted value", or `-` (pandoc's short .unnumbered).
_ATTRIBUTE = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s{}"'#.=]+)
      | \.(?P<cls>[^\s{}"'#.=]+)
      | (?P<key>[A-Za-z_][\w.:-]*)\s*=\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'{}]+))
      | (?P<dash>-)(?=\s|$)
    )""",
    re.VERBOSE,
)
# A trailing attribute set at the end of a line of inline text (not preceded by a backslash).
TRAILING = re.compile(r"(?<!\\)\{(?P<body>[^{}\n]*)\}\s*$")


def parse_attributes(body: str) -> Attributes:
    """Parse the inside of `{...}`; raise ValueError naming the part that is not an attribute."""
    ident, classes, pairs = "", [], []
    pos, end = 0, len(body.rstrip())
    while pos < end:
        match = _ATTRIBUTE.match(body, pos)
        if not match or match.end() == pos:
            bad = body[pos:].split()[0]
            raise ValueError(f"'{bad}' is not an attribute (write #id, .class or key=\"value\")")
        if match["id"]:
            if ident:
                raise ValueError(f"two identifiers: '#{ident}' and '#{match['id']}'")
            ident = match["id"]
        elif match["cls"]:
            classes.append(match["cls"])
        elif match["dash"]:
            classes.append("unnumbered")
        else:
            value = next(v for v in (match["dq"], match["sq"], match["bare"]) if v is not None)
            pairs.append((match["key"], re.sub(r"\\(.)", r"\1", value)))
        pos = match.end()
    return Attributes(ident, tuple(classes), tuple(pairs))


def split_trailing(text: str) -> tuple[str, str | None]:
    """Split `Heading text {#id}` into the text and the attribute body (None when there is none)."""
    match = TRAILING.search(text)
    if not match or (match.start() and not text[match.start() - 1].isspace()):
        return text, None
    return text[: match.start()].rstrip(), match["body"]
