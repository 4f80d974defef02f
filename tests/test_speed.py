"""The speed work changes nothing but the time: shortcuts give what the long way gives. No timings here."""

from __future__ import annotations

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
