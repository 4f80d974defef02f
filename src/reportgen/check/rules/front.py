"""The first page and the settings behind it: who submits (ST-1, ST-2), about which State, session
and cycle (ST-2, ST-9, ST-10), key words (ST-4), numbered paragraphs (ST-5), language (FM-2, FM-5)."""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import Problem
from ...i18n import LANGUAGES, PREFERRED_LANGUAGES, UN_LANGUAGES
from .. import states
from ..context import Context


def cycle_of(session: int) -> tuple[int, int, int]:
    """(cycle, first session, last session): 12 sessions in the 1st cycle, 14 in each one since."""
    if session <= 12:
        return 1, 1, 12
    cycle = 2 + (session - 13) // 14
    first = 13 + (cycle - 2) * 14
    return cycle, first, first + 13


def check(ctx: Context) -> Iterator[Problem]:
    yield from _submitters(ctx)
    yield from _review(ctx)
    config = ctx.config
    if not config.keywords:
        yield ctx.finding("ST-4", config.source("keywords"), "no key words: list them under 'keywords'")
    if not config.numbering.paragraphs:
        yield ctx.finding("ST-5", config.source("numbering.paragraphs"),
                          "paragraphs are not numbered (numbering.paragraphs: false)")
    if config.language not in UN_LANGUAGES:
        yield ctx.finding("FM-2", config.source("language"), f"language '{config.language}' is not a UN official "
                                                             f"language ({', '.join(UN_LANGUAGES)})")
    elif config.language not in PREFERRED_LANGUAGES:
        name = LANGUAGES[config.language].name
        yield ctx.finding("FM-5", config.source("language"), f"language '{config.language}' ({name}) is accepted, "
                                                             "but OHCHR prefers English, French or Spanish")


def _submitters(ctx: Context) -> Iterator[Problem]:
    config = ctx.config
    organisations, coalition, contact = config.organisations, config.coalition, config.contact
    if config.is_joint:
        if len(organisations) < 2:
            yield ctx.finding("ST-1", config.source("organisations"),
                              f"a joint submission names two or more organisations; 'organisations' lists "
                              f"{len(organisations)}")
        if coalition.name and not coalition.acronym:
            yield ctx.finding("ST-2", config.source("coalition.name"), "the coalition has no acronym "
                                                                       "('coalition.acronym')")
        if not coalition.description:
            yield ctx.finding("ST-2", config.source("coalition"), "no description of the coalition, its "
                                                                  "activities and date of establishment "
                                                                  "('coalition.description')")
    elif not organisations:
        yield ctx.finding("ST-2", config.source("organisations"), "no submitting organisation: add it under "
                                                                  "'organisations' with its acronym")
    elif not organisations[0].acronym:
        yield ctx.finding("ST-2", config.source("organisations[0]"),
                          f"organisation '{organisations[0].name}' has no acronym; OHCHR attributes points by it")
    if not (contact.name and (contact.email or contact.phone or contact.address)):
        yield ctx.finding("ST-2", config.source("contact"), "no contact person with an e-mail, phone or address "
                                                            "('contact.name', 'contact.email' ...)")


def _latin(text: str) -> bool:
    """Whether the letters of `text` are Latin ones (not Arabic, Cyrillic, Chinese ...)."""
    return all(not char.isalpha() or char < "\u0250" for char in text)


def _review(ctx: Context) -> Iterator[Problem]:
    config = ctx.config
    named = states.states_named(config.state)
    if not config.state:
        yield ctx.finding("ST-2", config.source("state"), "no State under review ('state')")
    elif len(named) > 1:
        yield ctx.finding("ST-9", config.source("state"), f"'{config.state}' names {len(named)} States; a "
                                                          "submission is about one State under review")
    elif not states.official(config.state) and _latin(config.state):  # UN names are known in English only
        better = states.suggestion(config.state)
        hint = f" (did you mean '{better}'?)" if better else ""
        yield ctx.finding("ST-2", config.source("state"), f"'{config.state}' is not the name of a UN Member State "
                                                          f"as the UN writes it{hint}")
    for key in ("session", "cycle"):
        if getattr(config, key) is None:
            yield ctx.finding("ST-2", config.source(key), f"no {key} number ('{key}')")
        elif getattr(config, key) < 1:
            yield ctx.finding("ST-10", config.source(key), f"{key} {getattr(config, key)} is not a {key} number")
    if config.session and config.cycle and config.session > 0 and config.cycle > 0:
        cycle, first, last = cycle_of(config.session)
        if cycle != config.cycle:
            yield ctx.finding("ST-10", config.source("cycle"), f"cycle {config.cycle} does not match session "
                                                               f"{config.session}, which is in cycle {cycle} "
                                                               f"(sessions {first}-{last})")
