"""The PDF's fonts, shipped with reportgen under the SIL Open Font License: Liberation Serif (Latin,
Greek, Cyrillic), Noto Naskh Arabic and a Noto Serif CJK SC subset (tools/make_fonts.py). All three
are declared as the one family "Report Serif", each for its own characters (`unicode-range`), so
every style that names it writes every script. WeasyPrint loads every font declared, so the Arabic
and Chinese ones are declared only for a text that has such characters."""

from __future__ import annotations

from ..resources import FONTS
from ..scripts import has_arabic, has_east_asian

_LATIN = [("normal", 400, "LiberationSerif-Regular.ttf"), ("italic", 400, "LiberationSerif-Italic.ttf"),
          ("normal", 700, "LiberationSerif-Bold.ttf"), ("italic", 700, "LiberationSerif-BoldItalic.ttf")]
_ARABIC = [("normal", 400, "NotoNaskhArabic-Regular.ttf"), ("normal", 700, "NotoNaskhArabic-Bold.ttf")]
ARABIC_RANGE = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF"
_CJK = [("normal", 400, "reportgenSerifSC-Regular.otf"), ("normal", 700, "reportgenSerifSC-Bold.otf")]
# Han and its punctuation; also the quotation marks and dashes, which the Chinese font draws when the
# text's language is Chinese (fontconfig then ranks it first) and Liberation Serif draws otherwise.
CJK_RANGE = ("U+2010-2027, U+2030-203B, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, "
             "U+FF00-FFEF")


def _face(family: str, style: str, weight: int, file: str, unicode_range: str = "") -> str:
    extra = f" unicode-range: {unicode_range};" if unicode_range else ""
    return (f'@font-face {{ font-family: "{family}"; font-style: {style}; font-weight: {weight};'
            f' src: url("{(FONTS / file).as_uri()}");{extra} }}')


def font_faces(text: str) -> str:
    """The `@font-face` rules a page with `text` needs."""
    faces = [_face("Report Serif", *face) for face in _LATIN]
    if has_arabic(text):
        faces += [_face("Report Naskh", *face) for face in _ARABIC]
    if has_east_asian(text):
        faces += [_face("Report Serif SC", *face) for face in _CJK]
    return "\n".join(faces)
