"""No traceback on any .bib that bibtexparser accepts or rejects: generated entries of every type, with every
field, LaTeX, names, dates, macros and cross-references, are loaded, decoded and formatted as first and later
notes in the three languages and as CSL items; every problem found has its line."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportgen.errors import Problems, Source
from reportgen.load.biblatex import TYPE_ALIASES, TYPES
from reportgen.load.bibliography import read_bibliography
from reportgen.transforms import notestyle
from reportgen.transforms.csl_items import csl_item
from reportgen.transforms.shortforms import short_forms

EXAMPLES = int(os.environ.get("FUZZ_SCALE", "1")) * 150
FIELDS = ["author", "editor", "translator", "editora", "editoratype", "bookauthor", "holder", "title", "subtitle",
          "titleaddon", "maintitle", "booktitle", "booksubtitle", "journaltitle", "journal", "series", "number",
          "volume", "volumes", "part", "edition", "eprint", "eprinttype", "eprintclass", "institution",
          "organization", "publisher", "location", "address", "date", "year", "month", "origdate", "urldate",
          "eventdate", "pages", "pagetotal", "note", "addendum", "pubstate", "language", "type", "url", "doi",
          "crossref", "xref", "xdata", "entryset", "shorttitle", "shortauthor", "issue", "issuetitle", "version",
          "chapter", "howpublished", "foreword"]
KEYS = ["a", "b", "c", "x:y", "d-1"]
LATEX = ["\\TeX", "\\LaTeX{}", "\\hyphen", "\\textendash", "\\&", "\\ss", "$\\alpha$", "$x^2_{i}$", "\\emph{e}",
         "\\textit{i}", "\\textbf{b}", "\\url{https://x.org/%20}", "\\href{mailto:a@b.c}{mail}", "\\\"u", "\\'{\\i}",
         "\\c{c}", "\\foo{bar}", "\\textsuperscript{th}", "{", "}", "$", "\\", "~", "--", "---", "``", "''", "%",
         "#", "&", "_", "^", "\\frac{1}{2}", "\\sqrt[3]{x}", "{\\em a {\\bf b}}", "\\noopsort{z}", "\\v", "\\c"]
WORDS = ["Doe, Jane", "and", "others", "{World Bank}", "von", "Jr", ",", "2011", "2011-13-45", "2011-11-21/2011-11-23",
         "1850~", "199X", "2011-21", "..", "/", "jan", "phdthesis", "countryfr", "A/HRC/19/8", "Juan E. Méndez",
         ": ", ". ", " – ", "family=Doe, given=J.", "x", " ", "\n", "é"]
VALUE_TEXT = st.lists(st.sampled_from(LATEX + WORDS), max_size=8).map("".join)
VALUE = st.one_of(VALUE_TEXT.map(lambda t: "{" + t + "}"), VALUE_TEXT.map(lambda t: '"' + t + '"'),
                  st.sampled_from(["2011", "jan", "undefinedmacro", "dtv # { and } # {X}", "{a} # {b}", "{x} y = 2"]),
                  VALUE_TEXT)
FIELD = st.tuples(st.sampled_from(FIELDS), VALUE).map(lambda f: f"  {f[0]} = {f[1]},\n")
ENTRY = st.tuples(st.sampled_from(sorted(TYPES | set(TYPE_ALIASES)) + ["webpage", "comment", "commentary"]),
                  st.sampled_from(KEYS + ["my key", ""]), st.lists(FIELD, max_size=10)).map(
    lambda e: f"@{e[0]}{{{e[1]},\n{''.join(e[2])}}}\n")
BIB = st.lists(st.one_of(ENTRY, st.just("@string{dtv = {DTV}}\n"), st.sampled_from(["@comment{x}\n", "}", "@", "\n"])),
               max_size=8).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BIB)
@example("@set{a,\n  entryset = {a},\n}\n@incollection{b, crossref = {b}}\n")
@example("@book{a, author = {Doe, John and others}, title = {\\foo{$x^}}}")
def test_any_bibliography_loads_and_formats_without_a_traceback(text):
    problems = Problems()
    bibliography = read_bibliography(text, "references.bib", problems)
    for key in bibliography.entries:
        bibliography.reference(key, problems)
    for problem in problems.items:
        assert problem.source.path == "references.bib" and problem.source.line >= 1, problem
    references = {key: bibliography.reference(key, Problems()) for key in bibliography.entries}
    for language in ("en", "fr", "es"):
        forms = short_forms(references, language)
        for key, ref in references.items():
            assert notestyle.full(ref, "p. 1", language, Source("s.md", 1))
            notestyle.short(ref, forms[key], "p. 2", language, author=False)
            json.dumps(csl_item(ref, "r1", language))
