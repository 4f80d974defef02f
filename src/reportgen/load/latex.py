"""LaTeX in bibliography fields to Unicode: accents, symbols, dashes, math, emphasis and URLs become text and
model inlines; an unknown command is reported and its argument kept.

Decoding is per value and never raises, so it can run lazily, only on the entries a report cites.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import model as m
from ..errors import Source
from . import latex_symbols as sym

Warn = Callable[[str], None]

# Characters that need more than copying, in text and in math.
_TEXT_PLAIN = re.compile(r"[^\\{}$~\-`'!? \t\r\n\f\v]+")
_MATH_PLAIN = re.compile(r"[^\\{}$~\-'^_ \t\r\n\f\v]+")
_LIGATURES = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("`", "‘"), ("!`", "¡"), ("?`", "¿"))
# What LaTeX decoding may change; text without any of these is itself (the fast path).
LATEX_MARKUP = re.compile(r"[\\{}$~`]|--|''")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass(frozen=True, slots=True)
class _Style:
    italic: bool = False
    bold: bool = False
    url: str = ""
    script: str = ""  # "sup" or "sub"

    def apply(self, how: str) -> _Style:
        if how in ("sup", "sub"):
            return replace(self, script=how)
        if how == "toggle":
            return replace(self, italic=not self.italic)
        changes = {"italic": (True, self.bold), "bold": (self.italic, True), "upright": (False, self.bold),
                   "medium": (self.italic, False)}
        italic, bold = changes.get(how, (self.italic, self.bold))
        return replace(self, italic=italic, bold=bold)


def to_inlines(text: str, source: Source, warn: Warn | None = None) -> tuple[m.Node, ...]:
    """A field value as inlines: Text, Emph, Strong and Link."""
    if not LATEX_MARKUP.search(text):
        plain = squash(text)
        return (m.Text(plain),) if plain else ()
    return _nodes(_Decoder(text, warn).runs(), source)


def to_text(text: str, warn: Warn | None = None) -> str:
    """A field value as plain text."""
    if not LATEX_MARKUP.search(text):
        return squash(text)
    return "".join(run[0] for run in _tidy(_Decoder(text, warn).runs()))


def squash(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space (a no-break space stays)."""
    return _SPACES.sub(" ", text).strip(" ")


class _Decoder:
    """A recursive reader of one value; `out` lists (text, style) runs."""

    def __init__(self, text: str, warn: Warn | None):
        self.text, self.pos = text, 0
        self.warn = warn or (lambda message: None)

    def runs(self) -> list[list]:
        out: list[list] = []
        try:
            self.group(out, _Style(), False, "")
        except RecursionError:  # braces or commands nested hundreds deep: read one level per call
            self.warn("braces or commands nested too deep to read as LaTeX; the text is kept without them")
            return [[squash(re.sub(r"\\[A-Za-z]+\*?|[{}\\]", " ", self.text)), _Style()]]
        return out

    def emit(self, out: list, text: str, style: _Style) -> None:
        if not text:
            return
        if out and out[-1][1] == style:
            out[-1][0] += text
        else:
            out.append([text, style])

    def group(self, out: list, style: _Style, math: bool, closer: str) -> None:
        """Read up to `closer` (`}`, `$`, `$$`, or the end); declarations last until then."""
        text = self.text
        while self.pos < len(text):
            if closer and text.startswith(closer, self.pos):
                self.pos += len(closer)
                return
            c = text[self.pos]
            plain = (_MATH_PLAIN if math else _TEXT_PLAIN).match(text, self.pos)
            if plain:
                self.emit(out, plain[0], style)
                self.pos = plain.end()
            elif c == "\\":
                style = self.command(out, style, math)
            elif c == "{":
                self.pos += 1
                self.group(out, style, math, "}")
            elif c == "}":  # a stray closing brace: nothing to close
                self.pos += 1
            elif c == "$" and not math:
                dollars = "$$" if text.startswith("$$", self.pos) else "$"
                self.pos += len(dollars)
                self.group(out, style, True, dollars)
            elif math and c in "^_":
                self.pos += 1
                self.argument(out, style.apply("sup" if c == "^" else "sub"), True)
            else:
                self.emit(out, self.special(c, math), style)
        if closer == "$" or closer == "$$":
            self.warn("a '$' opens math that is never closed")

    def special(self, c: str, math: bool) -> str:
        """One of ~ - ` ' ! ? and whitespace."""
        if c in " \t\r\n\f\v":
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n\f\v":
                self.pos += 1
            return " "
        if c == "~":
            self.pos += 1
            return "\u00a0"
        if math:
            self.pos += 1
            return {"-": "−", "'": "′"}.get(c, c)
        for ligature, replacement in _LIGATURES:
            if self.text.startswith(ligature, self.pos):
                self.pos += len(ligature)
                return replacement
        self.pos += 1
        return c

    def command(self, out: list, style: _Style, math: bool) -> _Style:
        """A command at `\\`: returns the style that holds after it (changed by declarations such as `\\em`)."""
        name = self.command_name(math)
        if name is None:
            self.emit(out, "\\", style)
            return style
        if name in sym.DECLARATIONS:
            return style.apply(sym.DECLARATIONS[name])
        if not self.argument_command(out, name, style, math):
            table = sym.TEXT.get(name) if name in sym.TEXT else sym.MATH.get(name)
            if table is None:
                self.warn(f"unknown LaTeX command '\\{name}' (its argument is kept)")
            self.emit(out, table or "", style)
        return style

    def command_name(self, math: bool) -> str | None:
        self.pos += 1
        if self.pos >= len(self.text):
            return None
        match = re.compile(r"[A-Za-z]+").match(self.text, self.pos)
        if not match:
            self.pos += 1
            return self.text[self.pos - 1]
        self.pos = match.end()
        while not math and self.pos < len(self.text) and self.text[self.pos] in " \t\n":  # as TeX does
            self.pos += 1
        return match[0]

    def argument_command(self, out: list, name: str, style: _Style, math: bool) -> bool:
        """Commands that read arguments; False when `name` is none of them."""
        if name in sym.ACCENTS:
            self.emit(out, _accent(self.argument_text(math), sym.ACCENTS[name]), style)
        elif name in sym.STYLES:
            self.argument(out, style.apply(sym.STYLES[name]), math)
        elif name in sym.KEEP_ARGUMENT:
            self.argument(out, style, math and not name.startswith("text") and name not in ("mbox", "hbox"))
        elif name in sym.DROP_ARGUMENT:
            self.argument_text(math)
        elif name in sym.WRAP:
            opening, closing = sym.WRAP[name]
            self.emit(out, opening, style)
            self.argument(out, style, math)
            self.emit(out, closing, style)
        elif name in ("textsuperscript", "textsubscript", "mkbibsuperscript"):
            self.argument(out, style.apply("sub" if name == "textsubscript" else "sup"), math)
        elif name in ("url", "nolinkurl", "path", "doi", "href"):
            self.link(out, name, style)
        elif name in ("frac", "sqrt", "foreignlanguage", "textcolor", "MakeUppercase", "uppercase",
                      "MakeLowercase", "lowercase"):
            self.emit(out, self.transformed(name, math), style)
        else:
            return False
        return True

    def transformed(self, name: str, math: bool) -> str:
        if name in ("foreignlanguage", "textcolor"):
            self.optional()
            self.argument_text(False)
            return self.argument_text(math)
        if name == "frac":
            top, bottom = self.argument_text(math), self.argument_text(math)
            return f"{_bracket(top)}/{_bracket(bottom)}"
        if name == "sqrt":
            self.optional()
            return "√" + _bracket(self.argument_text(math))
        text = self.argument_text(math)
        return text.upper() if "pper" in name else text.lower()

    def link(self, out: list, name: str, style: _Style) -> None:
        url = " ".join(self.raw_argument().split())
        if name == "doi":
            url = "https://doi.org/" + url
        if name == "href":
            shown: list = []
            self.argument(shown, style, False)
        else:
            shown = [[url[len("https://doi.org/"):] if name == "doi" else url, style]]
        scheme = url.split(":", 1)[0].lower()
        linked = replace(style, url=url) if scheme in m.LINK_SCHEMES and ":" in url else style
        for text, _ in shown:
            self.emit(out, text, linked)

    def argument(self, out: list, style: _Style, math: bool) -> None:
        """The next argument: a group, a command, or one character."""
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1
        if self.pos >= len(self.text):
            return
        c = self.text[self.pos]
        if c == "{":
            self.pos += 1
            self.group(out, style, math, "}")
        elif c == "\\":
            self.command(out, style, math)
        elif c != "}":
            self.pos += 1
            self.emit(out, c, style)

    def argument_text(self, math: bool) -> str:
        runs: list = []
        self.argument(runs, _Style(), math)
        return "".join(run[0] for run in runs)

    def raw_argument(self) -> str:
        """The next argument as written (URLs are verbatim)."""
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1
        if not self.text.startswith("{", self.pos):
            self.pos += 1
            return self.text[self.pos - 1:self.pos]
        depth, start = 0, self.pos + 1
        for i in range(self.pos, len(self.text)):
            depth += {"{": 1, "}": -1}.get(self.text[i], 0)
            if depth == 0:
                self.pos = i + 1
                return self.text[start:i]
        self.pos = len(self.text)
        return self.text[start:]

    def optional(self) -> None:
        """Skip an optional argument `[...]`."""
        if self.text.startswith("[", self.pos):
            end = self.text.find("]", self.pos)
            self.pos = len(self.text) if end < 0 else end + 1


def _accent(text: str, combining: str) -> str:
    if not text:
        return unicodedata.normalize("NFC", " " + combining).strip() or combining
    base = {"ı": "i", "ȷ": "j"}.get(text[0], text[0])
    return unicodedata.normalize("NFC", base + combining) + text[1:]


def _bracket(text: str) -> str:
    return text if len(text) <= 1 or text.isalnum() else f"({text})"


def _tidy(runs: list[list]) -> list[list]:
    """Collapse spaces across runs and trim both ends."""
    out: list[list] = []
    for text, style in runs:
        text = re.sub(" {2,}", " ", text)
        if out and out[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            out.append([text, style])
    while out and out[-1][0].endswith(" "):
        out[-1][0] = out[-1][0].rstrip(" ")
        if not out[-1][0]:
            out.pop()
    return out


def _nodes(runs: list[list], source: Source) -> tuple[m.Node, ...]:
    """Runs of styled text as model inlines; adjacent runs of one link make one Link."""
    out: list[m.Node] = []
    for text, style in _tidy(runs):
        node: m.Node = m.Text(text)
        if style.script:
            node = (m.Superscript if style.script == "sup" else m.Subscript)((node,))
        if style.bold:
            node = m.Strong((node,))
        if style.italic:
            node = m.Emph((node,))
        if style.url:
            if out and isinstance(out[-1], m.Link) and out[-1].url == style.url:
                out[-1] = m.Link(style.url, out[-1].children + (node,), source)
                continue
            node = m.Link(style.url, (node,), source)
        if isinstance(node, m.Text) and out and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)
