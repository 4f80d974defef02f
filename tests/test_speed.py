"""The speed work changes nothing but the time: shortcuts give what the long way gives. No timings here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.bibliography import LATEX_MARKUP, _parse_stack

PLAIN = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\\{}$%&~#^_`"),
                max_size=40).filter(lambda s: not LATEX_MARKUP.search(s))


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_values_without_latex_markup_decode_to_themselves(text):
    from bibtexparser import middlewares

    full = middlewares.LatexDecodingMiddleware(keep_braced_groups=True)
    assert full._transform_python_value_string(text) == (text, "")
    fast = next(m for m in _parse_stack() if isinstance(m, middlewares.LatexDecodingMiddleware))
    assert fast._transform_python_value_string(text) == (text, "")


def test_values_with_latex_markup_still_decode():
    from bibtexparser import middlewares

    fast = next(m for m in _parse_stack() if isinstance(m, middlewares.LatexDecodingMiddleware))
    for latex, text in [('M{\\"u}ller', "Müller"), ("2009--2014", "2009–2014"), ("a~b", "a\u00a0b"),
                        ("``quoted''", "“quoted”")]:
        assert fast._transform_python_value_string(latex) == (text, "")


LOADED_LIBRARIES = """
import sys
from pathlib import Path
if sys.argv[1] == "fast":
    from reportgen.renderers._weasyprint_import import import_weasyprint
    import_weasyprint()
else:
    import weasyprint
names = ("pango", "harfbuzz", "fontconfig", "gobject")
maps = Path("/proc/self/maps").read_text().split()
print(sorted({Path(p).name for p in maps if p.startswith("/") and any(n in p for n in names)}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the shortcut is for Linux only")
def test_weasyprint_imported_without_the_library_search_loads_the_same_libraries():
    def loaded(how: str) -> str:
        return subprocess.run([sys.executable, "-c", LOADED_LIBRARIES, how], capture_output=True, text=True,
                              check=True).stdout

    fast = loaded("fast")
    assert "libpango" in fast
    assert fast == loaded("usual")
