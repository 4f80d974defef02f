"""`report/report.yaml`: the report's metadata and settings, checked key by key with file and line.

The schema is the dataclasses below; each field's `doc` is what the README documents. Reading
(load/schema.py) goes through PyYAML's node graph, so every mistake (an unknown key, a wrong type, a
value out of range) is reported with its line, all at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from ..errors import Problems, ReportError, Source
from . import schema
from .schema import compose, doc, read_schema

CONFIG_PATH = "report/report.yaml"


@dataclass(frozen=True)
class Organisation:
    name: str = doc("Full name of the organisation.", required=True)
    acronym: str = doc("Acronym, used by OHCHR to attribute points (e.g. `PKPA`).", "")
    website: str = doc("Web site.", "")
    status: str = doc("Its status, as OHCHR's upload form asks: ECOSOC consultative status (`general`, `special`, "
                      "`roster` or `none`); for an NHRI, its accreditation (`A`, `B`).", "")


@dataclass(frozen=True)
class Coalition:
    name: str = doc("Name of the coalition making a joint submission.", "")
    acronym: str = doc("The coalition's acronym.", "")
    description: str = doc("Paragraph on the coalition: its activities, affiliation, date of establishment "
                           "(Markdown, shown on the first page).", "")


@dataclass(frozen=True)
class Contact:
    name: str = doc("Contact person for the submission.", "")
    organisation: str = doc("The contact person's organisation.", "")
    email: str = doc("E-mail address.", "")
    phone: str = doc("Telephone number.", "")
    address: str = doc("Postal address.", "")
    website: str = doc("Web site.", "")


@dataclass(frozen=True)
class Numbering:
    headings: tuple[str, ...] = doc(
        "Heading number formats by level, written as the first number of that level looks: "
        "`I.` upper-case roman, `1.1` arabic with the parent's number, `a)` letters, `i.` roman, `一.` "
        "Chinese numerals (as UN Chinese documents number chapters). "
        "Levels beyond the list are not numbered.", ("I.", "1.1", "1.1.1"))
    paragraphs: bool = doc("Number the body paragraphs continuously through the document (1., 2., 3. ...).", True)
    recommendations: str = doc("Format of recommendation numbers (`1.`, `(a)`, `R1` ...).", "1.")
    recommendations_restart: Literal["block", "section", "never"] = doc(
        "Where recommendation numbers start again at 1: `block` (each recommendations block), `section` "
        "(each section file) or `never` (numbered through the whole report).", "block")
    paragraph_references: Literal["full", "short"] = doc(
        "How a cross-reference names paragraphs: `full` (paragraph 12) or `short` (para. 12; par. in French, "
        "párr. in Spanish).", "full")


@dataclass(frozen=True)
class Recommendations:
    summary: Literal["none", "theme", "section"] = doc(
        "Add a \"Summary of recommendations\" annex grouped by `theme` or by `section`, or `none`.", "none")
    follow_up: bool = doc("With previous-cycle data (`report/previous-recommendations.csv`), add an annex "
                          "table of those recommendations with the coalition's assessment.", True)
    cite_previous: bool = doc("After a recommendation with `previous=`, say \"as recommended previously\" "
                              "with the number, recommending State, position and source of each.", True)


@dataclass(frozen=True)
class Package:
    annexes: Literal["inline", "separate"] = doc(
        "Annexes in the report's own files (`inline`) or in a DOCX and PDF of their own (`separate`).", "inline")


Level = Literal["off", "error", "warning", "info"]


@dataclass(frozen=True)
class Typography:
    enabled: bool = doc("Apply the typography of the report's language to everything printed: curly quotes and "
                        "apostrophes (en); « guillemets », no-break spaces before `: ; ! ?` and raised ordinals "
                        "(fr); « » and 13.ª (es); «ёлочки» (ru); ”…“ and `، ؛ ؟` for `, ; ?` after Arabic letters "
                        "(ar); “ ” and full-width `，；：？！。（）` after Chinese characters (zh). `false` prints the "
                        "characters as typed.", True)
    quotes: str = doc("The quotation marks, outer then inner pair, e.g. `“”‘’` for a Spanish report in English-"
                      "style marks; by default `“”‘’` (en, zh), `«»“”` (fr, es), `«»„“` (ru), `”“’‘` (ar).", "")
    notes_after_punctuation: bool = doc("Move a note call written before punctuation after it (`text [@key].` "
                                        "→ `text.¹`), as Pandoc does for note styles; `false` keeps it before "
                                        "(French house style).", True)


@dataclass(frozen=True)
class Checks:
    count_notes: bool = doc("Count the words of notes in the word limit (rule WL-4); they are always "
                            "reported apart.", False)
    nhri_limit: int = doc("Word limit of an NHRI submission (rule WL-3); OHCHR publishes none, 5,630 is "
                          "the joint limit.", 5630)
    note_words: int = doc("A note without a citation or link that is longer than this many words is "
                          "flagged as substance (rule WL-5).", 40)
    rules: dict[str, Level] = doc("Rule id to `off`, `error`, `warning` or `info`, e.g. `{PU-1: off, ST-4: error}`; "
                                  "see \"reportgen check\".", default_factory=dict)


@dataclass(frozen=True)
class ReportConfig:
    title: str = doc("Title of the submission.", required=True)
    subtitle: str = doc("Subtitle, shown under the title.", "")
    state: str = doc("The State under review (one State per submission).", "")
    session: int | None = doc("Number of the UPR Working Group session (e.g. `13`).", None)
    cycle: int | None = doc("UPR cycle (1: sessions 1-12, 2: 13-26, 3: 27-40, 4: 41-54).", None)
    submission: Literal["individual", "joint", "nhri"] = doc(
        "`individual` (one organisation), `joint` (two or more) or `nhri` (national human rights institution).",
        "individual")
    language: str = doc("Language of the submission as an ISO 639-1 code: `en`, `fr`, `es` (also `ar`, `ru`, `zh`).",
                        "en")
    date: dt.date | None = doc("Date of the submission, `YYYY-MM-DD`.", None)
    organisations: tuple[Organisation, ...] = doc(
        "The submitting organisations, each with `name` and `acronym` (and optional `website`, `status`); "
        "for a joint submission, every member of the coalition.", ())
    coalition: Coalition = doc("For a joint submission: `name`, `acronym`, `description` of the coalition.",
                               default_factory=Coalition)
    contact: Contact = doc("Contact for the submission: `name`, `organisation`, `email`, `phone`, `address`, "
                           "`website`.", default_factory=Contact)
    keywords: tuple[str, ...] = doc("Key words of the submission (e.g. `child trafficking`).", ())
    sections: tuple[str, ...] = doc("Section files in build order, relative to `sections/`; "
                                    "by default every `sections/*.md` in file-name order.", ())
    bibliography: str = doc("The bibliography, relative to the project root: BibTeX/BibLaTeX (`.bib`), CSL-JSON "
                            "(`.json`) or CSL-YAML (`.yaml`).", "references.bib")
    csl: str = doc("A CSL style file for the notes, relative to the project root (e.g. `oscola.csl`); by default the "
                   "built-in UN note style. `citation-style` is read as `csl`.", "")
    notes: Literal["footnotes", "endnotes"] = doc("Where notes go: `footnotes` at the foot of the page "
                                                  "or `endnotes` at the end.", "footnotes")
    digits: Literal["western", "arabic-indic"] = doc(
        "Digits of Arabic text: `western` (0123456789), as the UN's Arabic documents write them, or "
        "`arabic-indic` (٠١٢٣٤٥٦٧٨٩) in the Arabic text and in the numbers an Arabic report writes itself "
        "(paragraphs, headings, lists, notes, pages, dates); symbols (A/HRC/19/8), links and numbers in Latin "
        "text keep Western digits.", "western")
    recommendations: Recommendations = doc("Views of the recommendations: `summary`, `follow_up`, "
                                           "`cite_previous`.", default_factory=Recommendations)
    numbering: Numbering = doc("Numbering settings: `headings`, `paragraphs`, `recommendations`, "
                               "`recommendations_restart`, `paragraph_references`.",
                               default_factory=Numbering)
    typography: Typography = doc("Typography settings: `enabled`, `quotes`, `notes_after_punctuation`.",
                                 default_factory=Typography)
    draft: bool = doc("Build drafts: a DRAFT watermark, a version stamp (build date, git commit) and line "
                      "numbers on every page, and the version in the file names; `reportgen build --final` "
                      "overrides it.", False)
    pdf_archive: bool = doc("Make the PDF also an archival PDF/A-3b (fonts embedded, colours and metadata fixed "
                            "for long-term keeping); it is always a tagged, accessible PDF/UA-1.", False)
    output_name: str = doc("File name of the outputs, without extension; by default "
                           "`<ACRONYM>_<submission>_UPR<session>_<State>_<YYYY-MM>` as OHCHR suggests.", "")
    budgets: dict[str, int] = doc("Word budget of each section file (relative to `sections/`), shown by "
                                  "`reportgen status`, e.g. `{01-executive-summary.md: 300}`.", default_factory=dict)
    package: Package = doc("Settings of `reportgen package`: `annexes`.", default_factory=Package)
    checks: Checks = doc("Settings of `reportgen check`: `count_notes`, `nhri_limit`, `note_words`, `rules`.",
                         default_factory=Checks)
    key_lines: dict = field(default_factory=dict, compare=False, repr=False)
    ALIASES: ClassVar[dict] = {"citation-style": "csl", "citation_style": "csl"}

    def source(self, key: str = "") -> Source:
        """Where `key` (dotted, e.g. `coalition.name`) is written in report.yaml, or the file itself."""
        return Source(CONFIG_PATH, self.key_lines.get(key, 0))

    @property
    def is_joint(self) -> bool:
        return self.submission == "joint"


def load_config(text: str, problems: Problems) -> ReportConfig | None:
    """Read report.yaml's text; mistakes go to `problems`."""
    try:
        node = compose(text, CONFIG_PATH, problems=problems)
    except ReportError as exc:
        problems.extend(exc.problems)
        return None
    config, lines = read_schema(ReportConfig, node, CONFIG_PATH, problems)
    if config is None:
        return None
    object.__setattr__(config, "key_lines", lines)
    check_values(config, problems)
    return config




def check_values(config: ReportConfig, problems: Problems) -> None:
    """Checks across keys that the schema alone cannot express."""
    from ..numberformat import NumberFormat, heading_formats

    try:
        heading_formats(config.numbering.headings)
    except ValueError as exc:
        problems.error(config.source("numbering.headings"), f"numbering.headings: {exc}")
    try:
        recommendations = NumberFormat.parse(config.numbering.recommendations)
        if len(recommendations.kinds) > 1:  # one counter per block: `1.1` would label them `1.`, `2.`
            raise ValueError(f"'{recommendations.pattern}' shows {len(recommendations.kinds)} numbers; "
                             "a recommendation has only one")
    except ValueError as exc:
        problems.error(config.source("numbering.recommendations"), f"numbering.recommendations: {exc}")
    quotes = config.typography.quotes
    if quotes and (len(quotes) != 4 or any(c.isalnum() or c.isspace() for c in quotes)):
        problems.error(config.source("typography.quotes"), "typography.quotes must be four quotation marks, the "
                                                           f"outer pair then the inner one (e.g. «»“”), not '{quotes}'")
    if not (len(config.language) == 2 and config.language.isalpha() and config.language.islower()):
        problems.error(config.source("language"),
                       f"'language' must be a two-letter ISO 639-1 code such as en, fr or es, not '{config.language}'")


def documented_keys(cls=ReportConfig, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted key, documentation) for every key of report.yaml, for the README and its test."""
    return schema.documented_keys(cls, prefix)


def markdown_table() -> str:
    """The README's table of report.yaml keys: key, default, meaning."""
    return schema.markdown_table(ReportConfig)
