"""Locators in the report's language: what follows the key in `[@key, para. 12]` is read as Pandoc reads
it (a locator term, `p.`, `pp.`, `para.`, `chap.` …, and its value) and written as the report's language
writes it: `第12段` (zh), `الفقرة 12` (ar), `п. 12` (ru), `párr. 12` (es). A locator whose words are not
all terms with values (`第12页`, `p. 12 and the table`) is printed as written, and so is every locator of
an English report, but for `--` and `---`, which are dashes there as in the text.
"""

from __future__ import annotations

import re

from ..i18n import LOCATORS, join_and, punctuation

# Pandoc's and the UN's English locator terms, and the French and Spanish ones people write.
_TERMS = {
    "page": "p pp pg pgs page pages pág págs",
    "paragraph": "para paras paragraph paragraphs par pars párr párrs §",
    "chapter": "ch chap chaps chapter chapters cap",
    "section": "sec secs sect sects section sections secc",
    "article": "art arts article articles",
    "annex": "annex annexes annexe anexo",
    "note": "n nn note notes",
    "volume": "vol vols volume volumes",
}
TERMS = {word: term for term, words in _TERMS.items() for word in words.split()}
_PLURAL = frozenset("pp pgs pages págs paras paragraphs pars párrs chaps chapters secs sects sections arts articles "
                    "annexes nn notes vols volumes".split())
_NUMBER = r"(?:\d[\w.()/]*|[IVXLCDM]+[\w.()/]*|[ivxlcdm]+(?![\w.])|[A-Z](?![\w]))"
_JOINER = r"\s*(?:-{1,2}|–|—|,|&|\band\b)\s*"
_PART = re.compile(rf"(?P<label>§|[^\W\d_]+)\.?\s*(?P<value>{_NUMBER}(?:{_JOINER}{_NUMBER})*)")
_BARE = re.compile(rf"\d+(?:{_JOINER}\d+)*")  # page numbers without a term: `12`, `33-35`, `4, 7`
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*)?")  # not \s*[,;]?\s*: that backtracks quadratically on a run of spaces
_DASHES = re.compile(r"(?<=\w)\s*(?:-{1,2}|–|—)\s*(?=\w)")


def localise(locator: str, language: str) -> str:
    """`locator` in `language`'s words, or as written when it is not made of locator terms only; a
    number alone is a page, as Pandoc takes it (`[@key, 12]`: p. 12)."""
    if _BARE.fullmatch(locator.strip()):
        return phrase("page", locator, language)
    if language == "en" or language not in LOCATORS or not locator.strip():
        return _typed_dashes(locator)
    parts, position, text = [], 0, locator.strip()
    while position < len(text):
        match = _PART.match(text, position)
        if match is None or match["label"].lower() not in TERMS:
            return _typed_dashes(locator)
        label = match["label"].lower()
        parts.append(phrase(TERMS[label], match["value"], language, label in _PLURAL))
        position = _SEPARATOR.match(text, match.end()).end()
    return punctuation(language).comma.join(parts)


def is_locator(text: str) -> bool:
    """Whether `text` starts as Pandoc's locators do: with a number (`12`, `iv`) or a locator term
    and its value (`p. 3`); other text (`among others`) is a suffix, to be repeated after "Ibid."."""
    text = text.strip()
    part = _PART.match(text)
    return bool(re.match(_NUMBER, text) or part and part["label"].lower() in TERMS)


def _typed_dashes(locator: str) -> str:
    """`---` and `--` as the em and en dashes they stand for in Pandoc's Markdown (`paras. 62--63`)."""
    return locator.replace("---", "\u2014").replace("--", "\u2013")


def phrase(term: str, value: str, language: str, plural: bool = False) -> str:
    """A kind of locator and its value (`page`, `14--15`) in `language`: `pp. 14–15`, `第14至15页`."""
    single, several = LOCATORS.get(language, LOCATORS["en"])[term]
    value = value.strip()
    many = plural or bool(re.search(r"[–—,&]|-|\band\b", value))
    return (several if many else single).format(n=_value(value, language))


def _value(value: str, language: str) -> str:
    """Ranges with the language's dash (`14–15`, `14至15`); in other languages than English, lists and "and"
    with its words (`12、14和16`, `12، 14 و16`)."""
    mark = punctuation(language)
    value = _DASHES.sub(mark.range, value)
    if language == "en":
        return value
    items = [item for item in re.split(r"\s*(?:,|&|\band\b)\s*", value) if item]
    return join_and(items, language) if len(items) > 1 else value
