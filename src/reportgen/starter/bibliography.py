"""references.bib for a new report: one example entry of each kind a UPR submission cites (a UN
document, a treaty body's, a national law, an NGO report, a web page), none cited yet. Where an entry
must come from the author, its field says TODO."""

from __future__ import annotations

import datetime as dt


def references_bib(answers) -> str:
    today = answers.date or dt.date.today()
    organisation = next((o.name for o in answers.organisations), "TODO: the organisation")
    state = _braced(answers.state)
    return f"""\
% Example entries, one of each kind a UPR submission cites. In a section, [@key] or [@key, p. 12]
% makes a note in the UN's style. Replace them with your own sources and delete those you do not
% use: until then `reportgen check` says that each is never cited (rule BIB-2), and that the fields
% marked TODO are missing (BIB-4). The fields are BibLaTeX's (reportgen's README, "The bibliography
% file"); a name in double braces, {{{{Human Rights Council}}}}, is an organisation's.

% A UN document: its symbol goes in `number`. The report of the Working Group on the State's
% previous review has its symbol (A/HRC/<session>/<number>) on OHCHR's UPR page of the State; cite
% a recommendation of it as [@upr-previous, para. 104.3].
@report{{upr-previous,
  author = {{{{Human Rights Council}}}},
  title = {{Report of the Working Group on the Universal Periodic Review: {state}}},
  number = {{A/HRC/TODO}},
  year = {{TODO}},
}}

% A treaty body's document: concluding observations on the State's report, or a general comment.
@report{{ccpr-gc31,
  author = {{{{Human Rights Committee}}}},
  title = {{General comment No. 31: The nature of the general legal obligation imposed on States parties
           to the Covenant}},
  number = {{CCPR/C/21/Rev.1/Add.13}},
  year = {{2004}},
  url = {{https://undocs.org/CCPR/C/21/Rev.1/Add.13}},
}}

% A national law: its official title, number and year of adoption.
@legislation{{national-law,
  title = {{TODO: the law's official title and number}},
  year = {{TODO}},
}}

% An NGO report: the organisation's, or a partner's, with where and when it was published.
@report{{ngo-report,
  author = {{{{{_braced(organisation)}}}}},
  title = {{TODO: the report's title}},
  location = {{TODO: the city}},
  year = {{{today.year}}},
  url = {{https://example.org/TODO}},
}}

% A web page: its address, its date (or the year it was read) and the day it was read (`urldate`).
@online{{ohchr-upr,
  author = {{{{Office of the United Nations High Commissioner for Human Rights}}}},
  title = {{Universal Periodic Review}},
  url = {{https://www.ohchr.org/en/hr-bodies/upr/upr-main}},
  year = {{{today.year}}},
  urldate = {{{today.isoformat()}}},
}}
"""


def _braced(text: str) -> str:
    """A value as BibTeX reads it literally: braces, backslashes and percent signs escaped away."""
    return text.replace("\\", "").replace("{", "(").replace("}", ")").replace("%", r"\%")
