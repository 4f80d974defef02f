"""The words the checks that read wording look for, in each of the six UN languages: headings of an
executive summary (ST-3), weak recommendations (RC-2), the first word of a recommendation (RC-1),
previous recommendations cited by number and OHCHR's positions on them (ST-6, ST-7).

A text is searched for the words of every language at once, as a report quotes others. Latin and
Cyrillic words are matched whole; Arabic ones also after the prefixes و ف ب ل ال; Chinese ones
anywhere, as Chinese has no spaces between words.
"""

from __future__ import annotations

import re

_AR = r"(?<![\u0600-\u06ff])(?:[وفبل]?(?:ال)?)"  # what may stand before an Arabic word

SUMMARY = {
    "en": r"\b(?:executive summary|summary|introduction|overview)\b",
    "fr": r"\b(?:résumé|synthèse|introduction)\b",
    "es": r"\b(?:resumen|introducción|síntesis)\b",
    "ar": _AR + r"(?:ملخص|موجز|مقدمة|خلاصة)",
    "ru": r"\b(?:резюме|введение|краткое изложение|обзор)\b",
    "zh": r"摘要|概要|导言|引言|简介|前言|内容提要",
}
WEAK = {
    "en": r"\b(?:consider(?:s|ing)?|continu(?:e|es|ing)|take (?:all |the )?(?:necessary |appropriate |further |"
          r"effective |concrete )*(?:measures|steps)|make (?:every |further )?efforts?|strive|endeavou?r)\b",
    "fr": r"\b(?:envisager|poursuivre|continuer|prendre (?:toutes )?(?:les )?mesures)\b",
    "es": r"\b(?:considerar|continuar|seguir|(?:tomar|adoptar) medidas)\b",
    "ar": _AR + r"(?:النظر في|مواصلة|الاستمرار في|اتخاذ (?:جميع |كل )?(?:ال)?تدابير|بذل (?:ال)?جهود|السعي)",
    "ru": r"\b(?:рассмотреть|рассматривать|продолжать|продолжить|принять (?:все )?(?:необходимые )?меры|"
          r"принимать (?:все )?(?:необходимые )?меры|приложить (?:все )?усилия|стремиться)\b",
    "zh": r"考虑|继续|采取(?:一切)?(?:必要)?措施|努力|设法",
}
# The first word of a recommendation: an infinitive in French, Spanish and Russian (English has its
# list of verbs in rules/recommendations.py). Arabic opens with a verbal noun and Chinese with a verb
# that no form tells apart: neither is checked.
INFINITIVE = {
    "fr": re.compile(r"(?:er|ir|re|oir)$"),
    "es": re.compile(r"(?:ar|er|ir)(?:se|lo|la|los|las)?$"),
    "ru": re.compile(r"(?:ть|ться|ти|тись|чь|чься)$"),
}
# OHCHR's positions, and the NGO words that are not OHCHR's.
POSITION = {
    "en": r"\b(?:supported|noted)\b",
    "fr": r"\b(?:soutenues?|appuyées?|notées?|prises? en note)\b",
    "es": r"\b(?:apoyadas?|anotadas?)\b",
    "ar": r"(?:تأييد|مؤيَّ?دة|أ?حيط\w* (?:بها )?علم[اً]|أحاط\w* (?:بها )?علم[اً])",
    "ru": r"\b(?:поддержан\w*|принят\w* к сведению)",
    "zh": r"支持|注意到",
}
NGO_POSITION = {
    "en": r"\b(?:accepted|rejected)\b",
    "fr": r"\b(?:acceptées?|rejetées?)\b",
    "es": r"\b(?:aceptadas?|rechazadas?)\b",
    "ar": _AR + r"(?:مقبولة|مرفوضة|قبلتها|رفضتها)",
    "ru": r"\b(?:отклонен\w*|отвергнут\w*)",
    "zh": r"接受|拒绝",
}
# A previous recommendation in OHCHR's numbering (paragraph.item), after a word that says so.
NUMBER = r"(\d{1,3}\.\d{1,3})(?![\d.]\d)"
REFERENCE = {
    "en": r"\b(?:recommendations?|recs?\.|paras?\.)\s+(?:no\.?\s*)?" + NUMBER,
    "fr": r"\b(?:recommandations?|par\.)\s+(?:n[°º]\s*)?" + NUMBER,
    "es": r"\b(?:recomendaci(?:ón|ones)|párr\.)\s+(?:(?:núm\.?|n\.[°º])\s*)?" + NUMBER,
    "ar": _AR + r"(?:توصية|توصيات|فقرة)\s+(?:رقم\s*)?" + NUMBER,
    "ru": r"\b(?:рекомендаци\w*|пункт\w*|п\.)\s+(?:№\s*)?" + NUMBER,
    "zh": r"(?:建议|第)\s*(?:第\s*)?" + NUMBER,
}


def either(table: dict[str, str]) -> re.Pattern:
    """One pattern that finds the words of any language in `table`."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in table.values()), re.IGNORECASE)


def numbers(pattern: re.Pattern, text: str) -> list[str]:
    """The recommendation numbers a combined REFERENCE pattern finds, in order, each once."""
    found = (next(group for group in match.groups() if group) for match in pattern.finditer(text))
    return list(dict.fromkeys(found))
