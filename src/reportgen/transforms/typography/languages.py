"""What each language's typography asks for, as rules on a line of text: quotation marks, the spaces
punctuation takes, raised ordinals. A language is one `Language`; another plugs in with `register`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

OBJECT = "\ufffc"  # stands for what is not text in a line (a note call, code, an image)
NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space, narrow no-break space
BREAKING = " \t\n"  # spaces typography may replace
FIXED = "\u00a0\u202f\u2009\u2007\u200a"  # spaces an author typed on purpose: kept
_OPENING_CONTEXT = "([{\u2014\u2013-/"  # after these a quotation mark opens
_RAISED_AS = {"°": "o"}  # n° typed with a degree sign: a raised o


@dataclass
class Edits:
    """Changes to a line, position by position: what replaces a character, what goes before and
    after it, and whether it is raised (a superscript). A character left alone keeps what the author
    typed; `fixed` marks those the author escaped."""

    text: str
    fixed: list[bool]
    chars: list[str] = field(init=False)
    before: list[str] = field(init=False)
    after: list[str] = field(init=False)
    raised: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        self.chars = list(self.text)
        self.before = [""] * len(self.text)
        self.after = [""] * len(self.text)
        self.raised = [False] * len(self.text)

    def current(self, i: int) -> str:
        return self.chars[i] if 0 <= i < len(self.text) else ""

    def space_before(self, i: int, space: str) -> None:
        """Make the space before position `i` a no-break `space`: the author's breaking space is
        replaced, a fixed space the author typed is kept, none gets one."""
        if i <= 0:
            return
        if self.text[i - 1] in BREAKING:
            self.chars[i - 1] = space
        elif self.text[i - 1] not in FIXED and not self.before[i]:
            self.before[i] = space

    def space_after(self, i: int, space: str) -> None:
        if i + 1 >= len(self.text):
            return
        if self.text[i + 1] in BREAKING:
            self.chars[i + 1] = space
        elif self.text[i + 1] not in FIXED:
            self.after[i] = space


def _wordlike(char: str) -> bool:
    return char.isalnum() or char == OBJECT


@dataclass(frozen=True)
class Language:
    """One language's rules. `quotes`: double opening, closing, single opening, closing;
    `quote_space`: the space inside guillemets; `space_before`: the no-break space a punctuation
    mark takes before it; `raised`: patterns whose group `raised` is set as a superscript (a degree
    sign there is the ordinal indicator o, as in nº)."""

    code: str
    quotes: str
    quote_space: str = ""
    space_before: dict[str, str] = field(default_factory=dict)
    raised: tuple[re.Pattern, ...] = ()
    nobreak: tuple[re.Pattern, ...] = ()  # group `space`: a breaking space that becomes a no-break one
    inserted: tuple[tuple[re.Pattern, str], ...] = ()  # (pattern, text put at the match's end)
    # (pattern, mark): the group `mark` becomes the language's mark (`,` after Arabic: `،`), a group `space`
    # (the space typed after it) goes, for a full-width mark that has its own. A pattern may be given as
    # its source, compiled when first used: the scripts' classes take milliseconds to compile.
    replaced: tuple[tuple[re.Pattern | str, str], ...] = ()
    rules: tuple = ()  # functions of the Edits, for what a pattern cannot say (brackets in pairs)

    def with_quotes(self, quotes: str) -> Language:
        return replace(self, quotes=quotes)

    def apply(self, text: str, raised: list[bool], fixed: list[bool] | None = None) -> Edits:
        """The edits this language makes to a line; `raised` marks characters already superscript,
        `fixed` those the author escaped, which stay as they are."""
        edits = Edits(text, list(fixed) if fixed else [False] * len(text))
        self._quotes(edits)
        if self.quote_space:
            self._guillemet_spaces(edits)
        if self.space_before:
            self._punctuation_spaces(edits)
        for pattern in self.raised:
            for match in pattern.finditer(text):
                start, end = match.span("raised")
                if not any(raised[start:end]):
                    edits.raised[start:end] = [True] * (end - start)
                    edits.chars[start:end] = [_RAISED_AS.get(c, c) for c in edits.chars[start:end]]
        for pattern in self.nobreak:
            for match in pattern.finditer(text):
                edits.chars[match.start("space")] = NBSP
        for pattern, insert in self.inserted:
            for match in pattern.finditer(text):
                edits.before[match.end()] = insert + edits.before[match.end()]
        for source, mark in self.replaced:
            pattern = re.compile(source)  # a compiled pattern as it is, a source from re's cache
            for match in pattern.finditer(text):
                edits.chars[match.start("mark")] = mark
                if "space" in pattern.groupindex and match.group("space"):
                    edits.chars[match.start("space")] = ""
        for rule in self.rules:
            rule(edits)
        for i, kept in enumerate(fixed or ()):
            if kept:
                edits.chars[i] = text[i]
        return edits

    def _quotes(self, edits: Edits) -> None:
        """Straight quotation marks become the language's, paired as Pandoc's `smart` pairs them; an
        apostrophe between letters becomes ’; a double mark that pairs with nothing stays as typed."""
        text, open_marks = edits.text, []  # (position, mark) of marks that may still be closed
        for i, char in enumerate(text):
            if char not in "\"'" or edits.fixed[i]:
                continue
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if char == "'" and _wordlike(before) and _wordlike(after):
                edits.chars[i] = "\u2019"
                continue
            can_close = not before.isspace() and before not in _OPENING_CONTEXT
            can_open = not after.isspace() and after not in ".,;:!?)]}"
            opener = next((k for k in range(len(open_marks) - 1, -1, -1) if open_marks[k][1] == char), None)
            if can_close and opener is not None:
                start = open_marks[opener][0]
                del open_marks[opener:]
                pair = self.quotes[:2] if char == '"' else self.quotes[2:]
                edits.chars[start], edits.chars[i] = pair[0], pair[1]
            elif can_open:
                open_marks.append((i, char))
            elif char == "'":
                edits.chars[i] = "\u2019"  # students' rights, '90s
        for start, char in open_marks:
            if char == "'":
                edits.chars[start] = "\u2019"  # 'tis

    def _guillemet_spaces(self, edits: Edits) -> None:
        for i in range(len(edits.text)):
            char = edits.current(i)
            if char in "«‹":
                edits.space_after(i, self.quote_space)
            elif char in "»›":
                edits.space_before(i, self.quote_space)

    def _punctuation_spaces(self, edits: Edits) -> None:
        """A no-break space before `: ; ! ?` used as punctuation: followed by a space, the end or a
        closing mark, not inside `10:30`, `http://` or `?!` (only the first mark takes it)."""
        text = edits.text
        for i, char in enumerate(text):
            space = self.space_before.get(char)
            if space is None or i == 0:
                continue
            after = edits.current(i + 1)
            if after and (after.isalnum() or after not in " \t\n»›”’)]}.,;:!?\"'" + FIXED + OBJECT):
                continue
            if text[i - 1] in self.space_before or text[i - 1] in "([{«‹" or edits.current(i - 1) in "«‹":
                continue
            edits.space_before(i, space)


ENGLISH = Language("en", "\u201c\u201d\u2018\u2019")
# 17 000, 1 250 000: the space between groups of thousands (as French, Spanish and Russian write numbers)
# becomes a no-break one, so that a number is never broken across two lines.
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?P<space> )(?=\d{3}(?!\d))")
_PERCENT = re.compile(r"(?<=\d)(?P<space> )(?=%)")  # 6 %: the sign stays with its number
FRENCH = Language(
    "fr", "«»“”", quote_space=NBSP, space_before={":": NBSP, ";": NNBSP, "!": NNBSP, "?": NNBSP},
    raised=(
        # 1er, 1re, 2e, 51e, XXIe, 1ers (and 51ème, 1ère, as authors also write them)
        re.compile(r"(?<![\w.,])(?:\d+|[IVXLC]{2,})(?P<raised>ers?|res?|es?|èmes?|ères?)(?![\w°])"),
        re.compile(r"(?<![\w.,])[IVX](?P<raised>er|re|e)(?![\w°])"),  # Ier, Ve; not "Le", "Ce" or "Vers"
        re.compile(r"(?<!\w)[nN](?P<raised>°s?)(?=[\s\d]|$)"),  # n° (a degree sign) -> nº, o raised
    ),
    # n° 5: the number stays with it
    nobreak=(re.compile(r"(?<!\w)[nN]°s?(?P<space> )(?=\d)"), _THOUSANDS, _PERCENT),
)
SPANISH = Language(
    "es", "«»“”", nobreak=(_THOUSANDS, _PERCENT),
    # 3.er, 1.os, 2.as: the letters of an abbreviated ordinal raised, as ª and º are (3er takes its full stop)
    raised=(re.compile(r"(?<![\w.,])\d+\.?(?P<raised>er|os|as)(?!\w)"),),
    # 13ª -> 13.ª, 1º -> 1.º, 3er -> 3.er (not after a letter: MP3er)
    inserted=((re.compile(r"(?<=\d)(?=[ªº])|(?<=\d)(?<![^\W\d]\d)(?<![^\W\d]\d\d)(?=(?:er|os|as)(?!\w))"), "."),),
)

def _after(letter: str) -> str:
    """After a letter of the script, or after a closing quotation mark or bracket that follows one."""
    return f"(?:(?<={letter})|(?<={letter}[\"'”’“‘)）》»]))"


# «ёлочки», „лапки“ inside them, as the UN's Russian documents quote
RUSSIAN = Language("ru", "«»„“", nobreak=(_THOUSANDS,))
# The UN's Arabic documents quote with ”…“ (Word's Arabic marks: the first on the right), and take the Arabic
# comma, semicolon and question mark, which an author on a Latin keyboard types as `,` `;` `?`.
_ARABIC_LETTER = "[\u0620-\u064a\u064b-\u065f\u066e-\u06d3\u06d5-\u06ff]"
ARABIC = Language("ar", "”“’‘", replaced=tuple(
    (f"{_after(_ARABIC_LETTER)}(?P<mark>{re.escape(latin)})(?!\\d)", arabic)
    for latin, arabic in ((",", "،"), (";", "؛"), ("?", "؟"))))
# Chinese: “ ” and ‘ ’; after a Chinese character the full-width marks (GB/T 15834), which carry their own space.
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
CHINESE = Language("zh", "“”‘’", replaced=tuple(
    (f"{_after(_HAN)}(?P<mark>{re.escape(latin)})(?P<space> ?)(?![\\d.])", wide)
    for latin, wide in ((",", "，"), (";", "；"), (":", "："), ("?", "？"), ("!", "！"))) + (
    (f"{_after(_HAN)}(?P<mark>\\.)(?P<space> ?)(?=\\s|$|{_HAN})", "。"),
), rules=(lambda edits: _full_width_brackets(edits, _HAN),))

def _full_width_brackets(edits: Edits, script: str) -> None:
    """`(…)` next to or around Chinese text becomes `（…）`, both brackets together, and the spaces typed
    outside them go: the full-width brackets carry their own."""
    text, letter, opened = edits.text, re.compile(script), []
    for i, char in enumerate(text):
        if char == "(":
            opened.append(i)
        elif char == ")" and opened:
            start = opened.pop()
            before, after = text[:start].rstrip(" ")[-1:], text[i + 1:].lstrip(" ")[:1]
            if any(letter.match(c) for c in (before, text[start + 1:start + 2], text[i - 1:i], after) if c):
                edits.chars[start], edits.chars[i] = "（", "）"
                if before and letter.match(before) and text[start - 1] == " ":
                    edits.chars[start - 1] = ""
                if after and letter.match(after) and text[i + 1:i + 2] == " ":
                    edits.chars[i + 1] = ""


LANGUAGES: dict[str, Language] = {}


def register(language: Language) -> None:
    """Make a language's typography available to reports written in it."""
    LANGUAGES[language.code] = language


for _language in (ENGLISH, FRENCH, SPANISH, RUSSIAN, ARABIC, CHINESE):
    register(_language)
