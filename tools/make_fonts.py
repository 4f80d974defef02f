"""Make the Arabic and Chinese fonts reportgen bundles for the PDF, from Debian's Noto fonts (SIL Open
Font License 1.1, as Liberation Serif):

    apt-get download fonts-noto-core fonts-noto-cjk && for f in *.deb; do dpkg-deb -x "$f" fonts; done
    python tools/make_fonts.py fonts/usr/share/fonts

- Noto Naskh Arabic, Regular and Bold, copied whole (176 and 181 KB).
- Noto Serif CJK SC, Regular and Bold, cut down to the characters of GB 2312 (the 6,763 Chinese
  characters of the national standard for simplified Chinese, which cover nearly all of modern
  text, with its punctuation), the CJK punctuation and full-width forms, and ASCII (Pango may take
  a space between Chinese characters from it): about 2.2 MB each
  instead of 26 MB for the collection of five regions. Characters outside it come from the
  system's fonts (fonts-noto-cjk) or, when there are none, WeasyPrint warns of each missing one.
  Only what a Chinese line needs is kept: no vertical forms, no regional variants, no hinting. The
  subset is named "reportgen Serif SC" so that it is never taken for the whole font.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

FONTS = Path(__file__).resolve().parents[1] / "src/reportgen/resources/fonts"
ARABIC = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")
CJK = {"Regular": "NotoSerifCJK-Regular.ttc", "Bold": "NotoSerifCJK-Bold.ttc"}
SIMPLIFIED_CHINESE = 2  # the SC face in the Noto CJK collections: JP, KR, SC, TC, HK
EXTRA = [(0x20, 0x7E), (0xA0, 0xA0), (0x2010, 0x2027), (0x2030, 0x203B), (0x3000, 0x303F), (0xFE30, 0xFE4F),
         (0xFF00, 0xFFEF)]


def gb2312() -> str:
    """Every character of GB 2312, from Python's codec: rows 0xA1-0xF7, cells 0xA1-0xFE."""
    chars = []
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def cjk_subset(collection: Path, weight: str, output: Path) -> None:
    font = TTCollection(str(collection)).fonts[SIMPLIFIED_CHINESE]
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "palt", "halt", "liga", "mark", "mkmk"]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=gb2312() + "".join(chr(c) for start, end in EXTRA for c in range(start, end + 1)))
    subsetter.subset(font)
    names = font["name"]
    for ident, value in ((1, "reportgen Serif SC"), (4, f"reportgen Serif SC {weight}"),
                         (6, f"reportgenSerifSC-{weight}"), (16, "reportgen Serif SC"), (17, weight)):
        names.setName(value, ident, 3, 1, 0x409)
    font.save(str(output))


def find(root: Path, name: str) -> Path:
    found = next(root.rglob(name), None)
    if found is None:
        sys.exit(f"{name} is not under {root}")
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path("/usr/share/fonts")
    for name in ARABIC:
        shutil.copyfile(find(root, name), FONTS / name)
    for weight, name in CJK.items():
        cjk_subset(find(root, name), weight, FONTS / f"reportgenSerifSC-{weight}.otf")
    for path in sorted(FONTS.glob("*")):
        print(f"{path.stat().st_size:>10,}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
