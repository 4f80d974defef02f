"""BibLaTeX's `langid` (babel's language names) read as a BCP 47 language tag."""

from __future__ import annotations

import re

from .bibliography import Reference

# BibLaTeX's `langid` (babel's names) as the BCP 47 tag CSL wants: a CSL processor title-cases a title only
# when its item is in English, so "Rapport du Groupe de travail" must say it is French (as Pandoc reads it).
_LANGIDS = {
    "english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB", "ukenglish": "en-GB",
    "australian": "en-AU", "canadian": "en-CA", "newzealand": "en-NZ", "french": "fr-FR", "francais": "fr-FR",
    "acadian": "fr-CA", "spanish": "es-ES", "mexican": "es-MX", "german": "de-DE", "ngerman": "de-DE",
    "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH", "italian": "it-IT",
    "portuguese": "pt-PT", "portuges": "pt-PT", "brazil": "pt-BR", "brazilian": "pt-BR", "dutch": "nl-NL",
    "russian": "ru-RU", "ukrainian": "uk-UA", "arabic": "ar", "chinese": "zh-CN", "japanese": "ja-JP",
    "korean": "ko-KR", "indonesian": "id-ID", "bahasa": "id-ID", "bahasai": "id-ID", "malay": "ms-MY",
    "bahasam": "ms-MY", "turkish": "tr-TR", "polish": "pl-PL", "czech": "cs-CZ", "slovak": "sk-SK",
    "hungarian": "hu-HU", "magyar": "hu-HU", "romanian": "ro-RO", "bulgarian": "bg-BG", "greek": "el-GR",
    "catalan": "ca-ES", "basque": "eu-ES", "galician": "gl-ES", "swedish": "sv-SE", "norsk": "nb-NO",
    "norwegian": "nb-NO", "nynorsk": "nn-NO", "danish": "da-DK", "finnish": "fi-FI", "icelandic": "is-IS",
    "hebrew": "he-IL", "persian": "fa-IR", "farsi": "fa-IR", "hindi": "hi-IN", "thai": "th-TH",
    "vietnamese": "vi-VN", "latin": "la", "serbian": "sr-RS", "croatian": "hr-HR", "slovenian": "sl-SI",
}
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def langid_tag(ref: Reference) -> str:
    """The entry's `langid` as a BCP 47 tag ("english" -> "en-US"), or "" when it has none."""
    langid = ref.get("langid").strip()
    return _LANGIDS.get(langid.lower()) or (langid if _TAG.fullmatch(langid) else "")
