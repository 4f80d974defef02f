"""report.yaml: every key documented, every mistake located, the closest valid key suggested."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from reportgen.errors import Problems
from reportgen.load.config import ReportConfig, documented_keys, load_config, markdown_table

from .conftest import ROOT


def load(text: str) -> tuple[ReportConfig | None, list[str]]:
    problems = Problems()
    config = load_config(textwrap.dedent(text), problems)
    return config, [str(p) for p in problems.items]


def test_a_full_config_is_read_with_its_lines():
    config, problems = load("""\
        title: Shadow report
        state: Indonesia
        session: 13
        cycle: 2
        submission: joint
        date: 2011-11-21
        organisations:
          - {name: Pusat Kajian dan Perlindungan Anak, acronym: PKPA}
          - name: Yayasan KAKAK
        coalition: {name: National Coalition, acronym: ECPAT Indonesia}
        keywords: [trafficking, child protection]
        numbering: {headings: ["1.", "1.1"], paragraphs: false}
        """)
    assert problems == []
    assert config.session == 13 and config.date == dt.date(2011, 11, 21) and config.is_joint
    assert [o.acronym for o in config.organisations] == ["PKPA", ""]
    assert config.numbering.headings == ("1.", "1.1") and config.numbering.paragraphs is False
    assert config.numbering.recommendations == "1."  # the default survives a partial mapping
    assert config.source("organisations[1]").line == 9
    assert str(config.source("keywords")) == "report/report.yaml:11"


@pytest.mark.parametrize("text, message", [
    ("title: X\ntitel: Y\n", "2: unknown key 'titel' (did you mean 'title'?)"),
    ("title: X\ncoalition:\n  nmae: Y\n", "3: unknown key 'nmae' in 'coalition' (did you mean 'name'?)"),
    ("title: X\nsession: thirteen\n", "2: 'session' must be a whole number, not 'thirteen'"),
    ("title: X\nsubmission: jiont\n", "2: 'submission' must be one of individual, joint, nhri, not 'jiont' "
                                      "(did you mean 'joint'?)"),
    ("title: X\ndate: 21/11/2011\n", "2: 'date' must be a date written YYYY-MM-DD, not '21/11/2011'"),
    ("title: X\nkeywords: trafficking\n", "2: 'keywords' must be a list"),
    ("title: X\nnumbering: {paragraphs: maybe}\n", "2: 'numbering.paragraphs' must be true or false, not 'maybe'"),
    ("title: X\norganisations:\n  - acronym: A\n", "3: 'organisations[0]' has no 'name' (required)"),
    ("state: X\n", "1: report.yaml has no 'title' (required)"),
    ("title: X\ntitle: Y\n", "2: 'title' is given twice (first on line 1)"),
    ("title: X\nlanguage: English\n", "2: 'language' must be a two-letter ISO 639-1 code such as en, fr or es, "
                                      "not 'English'"),
    ("title: X\nnumbering: {headings: ['1.', 'I.a']}\n",
     "2: numbering.headings: level 2 format 'I.a' writes its parent levels in another style than their own; "
     "Word can only do that when all are arabic (1.1)"),
    ("title: X\nnumbering: {recommendations: 'Rec.'}\n",
     "2: numbering.recommendations: 'Rec.' has no number in it (use 1, a, A, i, I or 一)"),
    ("title: [X\n", "2: invalid YAML: did not find expected ',' or ']'"),
    ("- title\n", "1: report.yaml must be a mapping of keys to values, not a list"),
])
def test_mistakes_name_file_line_and_fix(text, message):
    config, problems = load(text)
    assert problems == [f"report/report.yaml:{message}"]


def test_all_mistakes_are_reported_together():
    _, problems = load("titel: X\nsession: x\ncycle: y\n")
    assert len(problems) == 4  # three bad keys and the missing title


def test_every_key_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "run: python tools/update_readme.py"
    keys = {key for key, _ in documented_keys()}
    assert {f"`{key}`" for key in keys} <= set(re.findall(r"`[\w.]+`", markdown_table()))
