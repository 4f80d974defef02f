"""Which writing systems a text uses: right-to-left letters (Arabic, Hebrew, Syriac, Thaana) and
East Asian characters (Han, kana, their punctuation and full-width forms), for fonts, Word's run
properties and Word's word count."""

from __future__ import annotations

import re
import unicodedata

# Letters written right to left (Unicode bidi classes R and AL): Hebrew, Arabic, Syriac, Thaana,
# N'Ko, Samaritan, Mandaic, and the Hebrew and Arabic presentation forms.
RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# East Asian characters Word counts one by one: CJK symbols and punctuation (not the ideographic
# space U+3000), kana, bopomofo, Han (with its extensions and compatibility forms), full-width forms
# and half-width katakana. Hangul is left out: Korean words are counted between spaces.
EAST_ASIAN = ("\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
              "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uff61-\uff9f\U00020000-\U0003134f")
ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# Languages (ISO 639 codes, the first part of a tag) written right to left, and the East Asian ones.
RTL_LANGUAGES = frozenset("ar arc ckb dv fa he iw ps sd syr ug ur yi".split())
EAST_ASIAN_LANGUAGES = frozenset("ja ko zh yue cmn".split())
_RTL = re.compile(f"[{RTL_LETTERS}]")
_ARABIC = re.compile(f"[{ARABIC}]")
_EAST_ASIAN = re.compile(f"[{EAST_ASIAN}]")
def is_rtl_language(tag: str) -> bool:
    """Whether the language of a tag (`ar`, `fa-IR`) is written right to left."""
    return tag.split("-")[0].lower() in RTL_LANGUAGES


def is_east_asian_language(tag: str) -> bool:
    return tag.split("-")[0].lower() in EAST_ASIAN_LANGUAGES


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def has_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def has_east_asian(text: str) -> bool:
    return _EAST_ASIAN.search(text) is not None


def count_words(text: str) -> int:
    """Words as Microsoft Word counts them: runs of characters between whitespace, except that each
    East Asian character is a word of its own (`人权理事会` is 5 words, `2011年` is 2)."""
    if not has_east_asian(text):
        return len(text.split())
    east_asian = len(_EAST_ASIAN.findall(text))
    return east_asian + len(_EAST_ASIAN.sub(" ", text).split())


def width(text: str) -> int:
    """The width of a text in Latin characters: an East Asian character is as wide as two."""
    return len(text) + len(_EAST_ASIAN.findall(text))


def longest_word(text: str) -> int:
    """The width of the longest piece of `text` that a line cannot break: lines break at spaces,
    and anywhere between East Asian characters."""
    words = _EAST_ASIAN.sub(" ", text).split()
    return max(max((len(word) for word in words), default=0), 2 if has_east_asian(text) else 0)


def direction_runs(text: str, rtl_paragraph: bool) -> list[tuple[str, bool]]:
    """`text` cut where its writing direction changes, as (piece, right to left) pairs. Letters
    decide (Unicode bidi classes L against R and AL), and a number after left-to-right letters is
    left to right (`A/HRC/19/8`); spaces and punctuation between two letters of one direction go
    with them, between the two directions with the paragraph's."""
    strong: list[bool | None] = []
    last = rtl_paragraph
    for char in text:
        kind = unicodedata.bidirectional(char)
        direction = True if kind in ("R", "AL") else False if kind == "L" or (kind == "EN" and not last) else None
        strong.append(direction)  # a number after left-to-right letters is left to right (UAX #9, W7)
        last = last if direction is None else direction
    runs: list[tuple[str, bool]] = []
    start, current = 0, rtl_paragraph  # neutrals before the first letter and after the last: the paragraph's
    for i, direction in enumerate([*strong, rtl_paragraph]):
        if direction is None or direction == current:
            continue
        # the neutrals between the two directions go with the paragraph's
        cut = i if current == rtl_paragraph else _last_strong(strong, i) + 1
        if cut > start:
            runs.append((text[start:cut], current))
        start, current = cut, direction
    if start < len(text):
        runs.append((text[start:], current))
    return runs


def _last_strong(strong: list, before: int) -> int:
    i = min(before, len(strong)) - 1
    while i >= 0 and strong[i] is None:
        i -= 1
    return i

