"""The rules of `reportgen check`: id, default severity, what it checks, why, and its source.

Ids and sources follow `upr-rules.md` (S1..S17 are its sources); ids it lacks (ST-10, FM-5, LD-*,
BIB-*, ED-*) are reportgen's own. The README's rule table is `markdown_table()`, kept equal by a test.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str
    rationale: str
    source: str = "reportgen"
    loader: bool = False  # found while loading: the build cannot go on, so its severity is fixed


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("WL-1", "error", "An individual submission has at most 2,815 words.",
         "The 2nd- and 3rd-cycle guidelines set 2,815 words for one organisation; form rules are binding: "
         "submissions that break them \"will a priori not be considered\".", "S5, S3"),
    Rule("WL-2", "error", "A joint submission (two or more organisations) has at most 5,630 words.",
         "The same guidelines set 5,630 words for a joint submission; CHRI: \"(2 NGOs and more) … not exceed "
         "5630 words\".", "S5, S10, S3"),
    Rule("WL-3", "warning", "An NHRI submission stays within `checks.nhri_limit` (5,630 by default).",
         "No source gives an NHRI limit; the joint limit is an assumption, so this is a warning.", "S4"),
    Rule("WL-4", "info", "Notes left out of the count would put the text over the limit.",
         "Whether notes count is unconfirmed (they do not for State reports); know the risk.", "S5"),
    Rule("WL-5", "warning", "A note holds references, not substance: a long note without a citation or link.",
         "Endnotes \"can be used to for references but should not include any substantive information\" "
         "(sic).", "S5"),
    Rule("AN-1", "warning", "Annexes (front matter `annex: true`) come after the body.",
         "\"Further information can be annexed\"; annexes are left out of the count, which a section in the "
         "middle of the text must not be.", "S5, S2"),
    Rule("ST-1", "error", "A joint submission names all its member organisations (two or more) on page 1.",
         "\"The names of all submitting stakeholders should appear at the beginning of the submission text.\"",
         "S1"),
    Rule("ST-2", "warning", "Page 1 gives the submitter's name, acronym (and a coalition's description), a contact, "
                            "the State under review, the session and the cycle.",
         "OHCHR attributes points by acronym and asks for the contact person; the session and State should be "
         "\"clearly displayed at or near the top\".", "S1, S11"),
    Rule("ST-3", "warning", "There is an executive summary or introduction.",
         "\"Submissions may include an introduction paragraph summarizing the main points.\"", "S2, S12"),
    Rule("ST-4", "warning", "Key words are given (`keywords`).",
         "\"Stakeholders are also encouraged to indicate key words in relation to their submission.\"", "S2"),
    Rule("ST-5", "warning", "Paragraphs are numbered (pages always are).",
         "\"Paragraphs and pages of each submission should be numbered.\"", "S2"),
    Rule("ST-6", "warning", "From the 2nd cycle on, the text cites a previous recommendation by number.",
         "Stakeholders \"are encouraged to focus their contribution on assessments of implementation of past "
         "recommendations\" and to \"clearly identify the recommendations being discussed\".", "S4, S7, S5"),
    Rule("ST-7", "info", "A previous recommendation is cited as OHCHR writes it: number (28.212), position "
                         "(Supported or Noted) and report symbol (A/HRC/40/6).",
         "OHCHR's matrices number recommendations paragraph.item and record Supported/Noted with the source "
         "document; the reader can then find it.", "S13, S5"),
    Rule("ST-8", "warning", "Cited sources fall within the review period (four years up to `date`).",
         "\"Submissions should cover a maximum of a 4 year-time period\"; facts should \"not pre-date the "
         "four-year period leading up to the review\". Laws and treaties (`@legislation`) and UN documents "
         "(`number` a UN symbol: `A/HRC/…`, a treaty body's `CRC/C/…`, `E/C.12/…`) are dated by adoption, "
         "not facts, and are left out.", "S2, S11"),
    Rule("ST-9", "error", "The submission is about one State.",
         "\"Each electronic submission … should refer to one country only.\"", "S1"),
    Rule("ST-10", "error", "The cycle matches the session (1: sessions 1-12, 2: 13-26, 3: 27-40, 4: 41-54).",
         "A wrong cycle or session on page 1 misdirects the submission.", "S16"),
    Rule("FM-2", "error", "The language is a UN official language.",
         "Submissions are accepted \"in United Nations official languages only\".", "S2"),
    Rule("FM-5", "warning", "The language is English, French or Spanish.",
         "UN languages are accepted, but \"preferably in English, French or Spanish\".", "S2"),
    Rule("FM-4", "info", "Images hold no UN emblem and no text that matters.",
         "OHCHR summarises text only; NHRIs are asked to \"refrain from using the UN header/cover\" "
         "(unconfirmed for NGOs).", "upr-rules.md §5"),
    Rule("AC-1", "warning", "An image has alternative text (`![what it shows](chart.png)`).",
         "OHCHR publishes submissions on its website; a screen reader reads an image's alternative text, and "
         "the tagged PDF (PDF/UA) and the DOCX carry it.", "reportgen"),
    Rule("RC-1", "warning", "A recommendation starts with an action verb addressed to the State and holds one "
                            "action.",
         "OHCHR asks for S.M.A.R.T recommendations; UPR Info: \"1 issue, 1 action per recommendation\".",
         "S5, upr-rules.md §6"),
    Rule("RC-2", "info", "A recommendation avoids weak forms: consider, continue, take measures.",
         "UPR Info ranks \"specific action\" highest; considering and continuing are its weakest categories "
         "(unconfirmed).", "upr-rules.md §6"),
    Rule("RC-3", "error", "Recommendation metadata is well formed, and every `previous=` is in "
                          "report/previous-recommendations.csv when the project has it.",
         "The follow-up to the previous cycle must \"clearly identify the recommendations being discussed\"; a "
         "number that is not in OHCHR's matrix identifies nothing.", "S5, S13", loader=True),
    Rule("PU-1", "warning", "The text holds no personal data: e-mail addresses, phone numbers.",
         "\"The full texts of all submissions received are available on the OHCHR website\"; confidential "
         "information cannot be submitted.", "upr-rules.md §3"),
    Rule("BIB-1", "error", "Every citation key is in the bibliography.",
         "A citation without an entry cannot become a note.", loader=True),
    Rule("BIB-2", "warning", "Every bibliography entry is cited.",
         "An uncited entry is a leftover, or a citation that was lost."),
    Rule("BIB-3", "error", "Bibliography keys are unique.",
         "A key defined twice makes the note depend on which entry wins.", loader=True),
    Rule("BIB-4", "warning", "An entry has what its note needs: title, year or date, and a URL for online "
                             "sources.",
         "Notes are references (S5); a reference without a date or address cannot be checked.", "S5"),
    Rule("ED-1", "error", "Heading ids are unique.",
         "Links and cross-references need one target.", loader=True),
    Rule("ED-2", "warning", "No section file is empty.",
         "An empty section is a forgotten draft or a heading with nothing under it."),
    Rule("ED-3", "info", "Every section's front matter `status` is `final` (shown with its owner).",
         "Only the final version should be submitted: revisions \"might be difficult to be accepted\".", "S2"),
    Rule("ED-4", "warning", "A heading is at most one level below the one before it.",
         "A skipped level (`###` right after `#`) numbers the heading as if the missing level were there "
         "(1.1.1 after I.), in Word as in the PDF, and the outline no longer says what contains what."),
    Rule("ED-5", "warning", "No TODO or FIXME marker is left in the text of the sections or their notes.",
         "A marker is something still to write; left in, it would be submitted as it stands (`reportgen init` "
         "writes them where a new report needs text)."),
    Rule("ED-6", "warning", "A section is titled once: not by both a front matter `title` and a level-1 heading "
                            "(the heading is printed).",
         "Two titles print a chapter with nothing under it, and the text under the wrong one.", loader=True),
    Rule("ED-7", "warning", "Every heading has text under it before the next heading of its level or above.",
         "An empty chapter is a lost section, a misplaced heading or text that went under another title."),
    Rule("XR-1", "error", "Every cross-reference (`@sec-…`, `@para-…`, `@rec-…`, `@annex-…`, `@tbl-…`) names a "
                          "numbered target, and no id is also a citation key.",
         "A reference to nothing prints a wrong or empty number; an id that is also a key makes `@id` mean two "
         "things.", loader=True),
    Rule("XR-2", "warning", "Every `@word` in the text is a citation key or a cross-reference (else it is printed "
                            "as written).",
         "A mistyped key such as `@kone2023` would otherwise be printed as is, with no note.", loader=True),
    Rule("RC-4", "warning", "References and the summary annex can tell every recommendation apart.",
         "Numbers that start again in each block are told apart by the heading they fall under; two blocks under "
         "one heading cannot be (number them through: `numbering.recommendations_restart: never`)."),
    Rule("LD-1", "error", "The project's files read and parse.",
         "A file that cannot be read cannot be checked or built.", loader=True),
    Rule("LD-2", "warning", "Warnings met while loading, such as raw HTML in a section (shown as text).",
         "reportgen never interprets HTML; what was meant as markup would be printed.", loader=True),
)}


def markdown_table() -> str:
    """The README's rule table."""
    rows = ["| Rule | Default | What it checks | Why | Source |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        note = " (found while loading; always on)" if rule.loader else ""
        rows.append(f"| {rule.id} | {rule.severity} | {rule.title}{note} | {rule.rationale} | {rule.source} |")
    return "\n".join(rows) + "\n"
