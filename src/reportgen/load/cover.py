"""The first page's text, built once from report.yaml so that PDF and DOCX show the same words.

UPR rule ST-1: for a joint submission, all submitting organisations are named at the beginning.
"""

from __future__ import annotations

from .. import model as m
from ..errors import Problems
from ..i18n import format_date, labels, ordinal_phrase, punctuation
from .cache import ParseCache
from .config import ReportConfig


def build_cover(config: ReportConfig, problems: Problems, cache: ParseCache | None = None) -> m.Cover:
    """The cover; the coalition's description (Markdown) is parsed through `cache`, as a section is."""
    words = labels(config.language)
    review = []
    if config.state:
        review.append(config.state)
    session = []
    if config.session:
        session.append(ordinal_phrase(config.session, "session", config.language))
    if config.cycle:
        session.append(ordinal_phrase(config.cycle, "cycle", config.language))
    if session:
        review.append(words["comma"].join(session))

    mark = punctuation(config.language)
    colon = mark.colon.rstrip()  # `Coalition:`, `联盟：`
    submitters = tuple(_named(o.name, o.acronym, mark) for o in config.organisations)
    coalition = _named(config.coalition.name, config.coalition.acronym, mark)
    submitters_label = words["members"].format(n=len(submitters)) if coalition else words["submitted_by"]

    blocks: tuple[m.Node, ...] = ()
    if config.coalition.description:
        line = config.key_lines.get("coalition.description", 1)
        # Leading blank lines put the description's Markdown on its report.yaml line.
        text = "\n" * (line - 1) + config.coalition.description
        blocks = (cache or ParseCache()).parse(f"{config.source().path}#coalition.description", text.encode(),
                                               "cover", lambda found: _description(text, config.source().path,
                                                                                   found), problems)

    contact = config.contact
    contact_lines = tuple(x for x in (
        mark.comma.join(p for p in (contact.name, contact.organisation) if p),
        contact.address, contact.email, contact.phone, contact.website) if x)
    return m.Cover(
        kind=_text(words[config.submission]), title=_text(config.title), subtitle=_text(config.subtitle),
        review=_text(" – ".join(review)),
        date=_text(format_date(config.date.isoformat(), config.language) if config.date else ""),
        coalition=_text(coalition), submitters=tuple(map(_text, submitters)), blocks=blocks,
        keywords=tuple(map(_text, config.keywords)), contact=tuple(map(_text, contact_lines)), source=config.source(),
        label_coalition=_text(words["coalition"] + colon), label_submitters=_text(submitters_label + colon),
        label_keywords=_text(words["keywords"] + colon), label_contact=_text(words["contact"] + colon),
        separator=mark.semicolon)


def _text(text: str) -> tuple[m.Node, ...]:
    return (m.Text(text),) if text else ()


def _description(text: str, path: str, problems: Problems) -> tuple[m.Node, ...]:
    from .sections import read_section  # markdown-it is loaded only when a text is parsed

    return read_section(text, path, problems).blocks


def _named(name: str, acronym: str, mark) -> str:
    """`Name (ACRONYM)`; in Chinese `名称（ACRONYM）`."""
    return name + mark.paren(acronym) if name and acronym else name
