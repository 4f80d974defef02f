"""BibTeX verbatim fields (percent signs kept, line breaks made spaces) and recommendation number formats
with more than one number."""

from __future__ import annotations

import pytest

from reportgen.errors import Problems, ReportError
from reportgen.load.bibliography import read_bibliography
from reportgen.load.project import Project
from reportgen.pipeline import load_model

from .conftest import MINIMAL_CONFIG

BIB = r"""
@misc{iom,
  author = {{International Organization for Migration}},
  title  = {Recovery Centres for Victims
            of Trafficking},
  url    = {http://www.iom.or.id/infokit/eng/CTU%20Shelter%20Brochure%203July06(lo).pdf},
  doi    = {10.1000/a_b%c},
  year   = {2006},
}
"""


def test_verbatim_fields_keep_percent_signs_and_line_breaks_become_spaces():
    problems = Problems()
    entry = read_bibliography(BIB, "references.bib", problems).entries["iom"]
    assert not problems.items
    assert entry.get("url") == "http://www.iom.or.id/infokit/eng/CTU%20Shelter%20Brochure%203July06(lo).pdf"
    assert entry.get("doi") == "10.1000/a_b%c"
    assert entry.get("title") == "Recovery Centres for Victims of Trafficking"


def test_a_recommendation_format_shows_one_number(project):
    folder = project({"report/report.yaml": MINIMAL_CONFIG + "numbering:\n  recommendations: '1.1'\n",
                      "sections/01.md": "# Intro\n"})
    with pytest.raises(ReportError, match=r"report/report.yaml:\d+: numbering.recommendations: '1.1' shows 2 "
                                          r"numbers; a recommendation has only one"):
        load_model(Project.at(folder))
