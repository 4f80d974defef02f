"""Recommendations: an action verb addressed to the State and one action each (RC-1), no weak forms
(RC-2); previous recommendations followed up (ST-6) and cited as OHCHR writes them (ST-7)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import model as m
from ...errors import Problem
from ...transforms.recommendations import placed_recommendations, recommendation_qualifiers
from .. import wording
from ..context import Context, excerpt, passages

# Imperatives that open a recommendation addressed to the State (UPR Info's lists and common practice).
ACTION_VERBS = frozenset([
    "abolish", "abstain", "accede", "accelerate", "accept", "adapt", "address", "adhere", "adopt",
    "align", "allocate", "allow", "amend", "apply", "appoint", "approve", "assess", "audit", "ban",
    "bring", "build", "carry", "cease", "clarify", "close", "codify", "collect", "combat", "compensate",
    "complete", "comply", "conduct", "consider", "consult", "continue", "cooperate", "create",
    "criminalise", "criminalize", "decrease", "decriminalise", "decriminalize", "define", "deliver",
    "deploy", "design", "designate", "desist", "develop", "disaggregate", "disclose", "dismantle",
    "document", "double", "educate", "eliminate", "empower", "enable", "enact", "encourage", "end",
    "enforce", "engage", "enhance", "ensure", "establish", "evaluate", "exempt", "expand", "expedite",
    "extend", "facilitate", "finalise", "finalize", "formulate", "fulfil", "fulfill", "fund", "grant",
    "guarantee", "halt", "harmonise", "harmonize", "hire", "identify", "implement", "improve",
    "include", "incorporate", "increase", "initiate", "inspect", "institute", "integrate", "intensify",
    "introduce", "invest", "investigate", "invite", "issue", "launch", "legislate", "lift", "lower",
    "mainstream", "maintain", "make", "mobilise", "mobilize", "monitor", "offer", "operationalise",
    "operationalize", "outlaw", "pass", "penalise", "penalize", "prepare", "prevent", "prioritise",
    "prioritize", "produce", "prohibit", "promote", "prosecute", "protect", "provide", "publish",
    "punish", "put", "raise", "ratify", "recognise", "recognize", "recruit", "redouble", "redress",
    "reduce", "reform", "refrain", "register", "regulate", "rehabilitate", "reinforce", "reinstate",
    "reintegrate", "release", "remove", "renew", "reopen", "repeal", "replace", "report", "require",
    "rescind", "resettle", "respect", "respond", "restore", "restrict", "return", "reunite", "reverse",
    "review", "revise", "revoke", "safeguard", "secure", "seek", "sensitise", "sensitize", "set",
    "share", "sign", "standardise", "standardize", "step", "stop", "streamline", "strengthen", "submit",
    "support", "take", "train", "translate", "undertake", "update", "upgrade", "uphold", "use",
    "verify", "waive", "withdraw"
])
_FIRST_WORD = re.compile(r"[\W\d_]*([^\W\d_]+)")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z])")
_MODAL = re.compile(r"\b(?:should|must|shall|needs? to)\b", re.IGNORECASE)
_AND_VERB = re.compile(r"\band\s+(?:should\s+|must\s+|to\s+)?([a-z]+)\s+(?:the|a|an|all|its|their|them|it|this|"
                       r"these|those|such|any|every|adequate|sufficient)\b")
WEAK = wording.either(wording.WEAK)
_REFERENCE = wording.either(wording.REFERENCE)
_POSITION = wording.either(wording.POSITION)
_NGO_POSITION = wording.either(wording.NGO_POSITION)
_DOTTED = re.compile(r"\d\.\d")  # what every recommendation number holds: most passages have none
_SYMBOL = re.compile(r"(?<![\w/])A/HRC/[!-~]+")  # symbols are ASCII: not the （。 after one
_VALID_SYMBOL = re.compile(r"A/HRC/(?:\d{1,2}/\d{1,3}(?:/Add\.\d+)?|WG\.6/\d{1,2}/[A-Z]{3}/\d|RES/\d{1,2}/\d{1,3}|"
                           r"DEC/\d{1,2}/\d{1,3})(?:/(?:Rev|Corr)\.\d+)*")


def check(ctx: Context) -> Iterator[Problem]:
    language = ctx.config.language
    for section in ctx.document.sections:
        for block in (n for n in m.walk(section) if isinstance(n, m.Recommendations)):
            for item in block.items:
                text = " ".join(m.plain_text(item.blocks).split())
                yield from _recommendation(ctx, item, text, language)
    yield from _previous(ctx)
    yield from _told_apart(ctx)


def _told_apart(ctx: Context) -> Iterator[Problem]:
    """RC-4: a number that starts again in each block is told apart by its heading's number; two
    recommendations with the same number under the same heading cannot be."""
    placed = placed_recommendations(ctx.document.sections)
    first: dict[tuple[str, str], m.Recommendation] = {}
    for item, qualifier in zip(placed, recommendation_qualifiers(placed), strict=True):
        recommendation = item.recommendation
        key = (recommendation.label, qualifier)
        earlier = first.setdefault(key, recommendation)
        if earlier is not recommendation:
            where = f"under heading {qualifier}" if qualifier else "under no numbered heading"
            yield ctx.finding("RC-4", recommendation.source, f"recommendation {recommendation.label.rstrip('.')} "
                              f"{where} has the number of the one at {earlier.source}: references and the summary "
                              "annex cannot tell them apart (numbering.recommendations_restart: never numbers "
                              "them through)")


def starts_with_action(text: str, language: str) -> bool:
    match = _FIRST_WORD.match(text)
    word = match[1].lower() if match else ""
    if language in wording.INFINITIVE:
        return bool(wording.INFINITIVE[language].search(word))
    return word in ACTION_VERBS or language != "en"  # Arabic and Chinese: not checked (see `wording`)


def actions(text: str) -> int:
    """How many demands a recommendation makes: sentences that direct, plus '… and provide the …'."""
    sentences = _SENTENCE.split(text)
    directing = [s for s in sentences if starts_with_action(s, "en") or _MODAL.search(s)]
    joined = sum(1 for s in sentences for verb in _AND_VERB.findall(s) if verb in ACTION_VERBS)
    return max(len(directing), 1) + joined


def _recommendation(ctx: Context, item: m.Recommendation, text: str, language: str) -> Iterator[Problem]:
    problems = []
    if not starts_with_action(text, language):
        problems.append("does not start with an action verb addressed to the State")
    count = actions(text) if language == "en" else 1
    if count > 1:
        problems.append(f"holds {count} actions")
    if problems:
        yield ctx.finding("RC-1", item.source, f"recommendation {item.number} {' and '.join(problems)}: "
                                               f"\"{excerpt(text)}\"")
    weak = WEAK.search(text)
    if weak:
        yield ctx.finding("RC-2", item.source, f"recommendation {item.number} is weak ('{weak[0]}'): ask for a "
                                               "specific action")


def _previous(ctx: Context) -> Iterator[Problem]:
    found = False
    for source, text in passages(ctx.document):
        for symbol in (s.rstrip(".,;:)]»”\"'") for s in _SYMBOL.findall(text)):
            if not _VALID_SYMBOL.fullmatch(symbol):
                yield ctx.finding("ST-7", ctx.files.locate(source, symbol),
                                  f"'{symbol}' is not a document symbol as OHCHR writes it (e.g. A/HRC/19/8/Add.1)")
        for number in wording.numbers(_REFERENCE, text) if _DOTTED.search(text) else ():
            found = True
            missing = []
            ngo = _NGO_POSITION.search(text)
            if not _POSITION.search(text):
                missing.append(f"'{ngo[0]}' is not an OHCHR position: write Supported or Noted" if ngo else
                               "no position (Supported or Noted)")
            if not _SYMBOL.search(text):
                missing.append("no report symbol (e.g. A/HRC/19/8)")
            if missing:
                yield ctx.finding("ST-7", ctx.files.locate(source, number),
                                  f"recommendation {number}: {'; '.join(missing)}")
    found = found or any(isinstance(node, m.Recommendation) and node.previous
                         for section in ctx.document.sections for node in m.walk(section))
    config = ctx.config
    after_first = (config.cycle or 0) >= 2 or (config.cycle is None and (config.session or 0) > 12)
    if after_first and not found:
        key = "cycle" if config.cycle else "session"
        yield ctx.finding("ST-6", config.source(key), "no previous recommendation is cited by number (e.g. "
                                                      "'recommendation 104.3'); OHCHR asks for their follow-up")
