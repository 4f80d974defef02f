"""The words reportgen itself writes into a report, in the languages OHCHR prefers (en, fr, es)."""

from __future__ import annotations

import datetime as dt

LABELS = {
    "en": {
        "ibid": "ibid.", "available": "Available at", "accessed": "accessed on", "ed": "ed.", "eds": "eds.",
        "edition": "ed.", "et_al": "et al.", "and": "and", "vol": "vol.", "no": "No.", "in": "in",
        "notes": "Notes", "keywords": "Key words", "contact": "Contact", "page": "Page",
        "joint": "Joint submission to the Universal Periodic Review",
        "individual": "Submission to the Universal Periodic Review",
        "nhri": "Submission of the national human rights institution to the Universal Periodic Review",
        "session": "session of the UPR Working Group",
        "cycle": "cycle", "submitted_by": "Submitted by", "members": "Member organisations ({n})",
        "coalition": "Coalition",
        "as_recommended": "As recommended previously", "summary": "Summary of recommendations",
        "follow_up": "Follow-up to the recommendations of the previous cycle", "no_theme": "Other recommendations",
        "number": "No.", "recommendation": "Recommendation", "sdg": "SDG targets", "section": "Section",
        "theme": "Theme", "recommending_state": "Recommending State", "position": "Position",
        "assessment": "Assessment", "discussed": "Discussed in", "not_assessed": "not assessed",
        "annex": "Annex", "table": "Table",
        "xref": {"section": ("section", "sections"), "paragraph": ("paragraph", "paragraphs"),
                 "paragraph_short": ("para.", "paras."), "recommendation": ("recommendation", "recommendations"),
                 "annex": ("annex", "annexes"), "table": ("table", "tables")},
        "draft": "Draft", "modified": "modified",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"],
    },
    "fr": {
        "ibid": "ibid.", "available": "Disponible à l'adresse", "accessed": "consulté le", "ed": "éd.",
        "eds": "éd.", "edition": "éd.", "et_al": "et al.", "and": "et", "vol": "vol.", "no": "n°", "in": "dans",
        "notes": "Notes", "keywords": "Mots clés", "contact": "Contact", "page": "Page",
        "joint": "Contribution conjointe à l'Examen périodique universel",
        "individual": "Contribution à l'Examen périodique universel",
        "nhri": "Contribution de l'institution nationale des droits de l'homme à l'Examen périodique universel",
        "session": "session du Groupe de travail de l'EPU",
        "cycle": "cycle", "submitted_by": "Présentée par", "members": "Organisations membres ({n})",
        "coalition": "Coalition",
        "as_recommended": "Comme recommandé précédemment", "summary": "Récapitulatif des recommandations",
        "follow_up": "Suivi des recommandations du cycle précédent", "no_theme": "Autres recommandations",
        "number": "N°", "recommendation": "Recommandation", "sdg": "Cibles des ODD", "section": "Section",
        "theme": "Thème", "recommending_state": "État auteur", "position": "Position",
        "assessment": "Évaluation", "discussed": "Traitée en", "not_assessed": "non évaluée",
        "annex": "Annexe", "table": "Tableau",
        "xref": {"section": ("section", "sections"), "paragraph": ("paragraphe", "paragraphes"),
                 "paragraph_short": ("par.", "par."), "recommendation": ("recommandation", "recommandations"),
                 "annex": ("annexe", "annexes"), "table": ("tableau", "tableaux")},
        "draft": "Projet", "modified": "modifié",
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                   "octobre", "novembre", "décembre"],
    },
    "es": {
        "ibid": "ibid.", "available": "Disponible en", "accessed": "consultado el", "ed": "ed.", "eds": "eds.",
        "edition": "ed.", "et_al": "et al.", "and": "y", "vol": "vol.", "no": "núm.", "in": "en",
        "notes": "Notas", "keywords": "Palabras clave", "contact": "Contacto", "page": "Página",
        "joint": "Contribución conjunta al Examen Periódico Universal",
        "individual": "Contribución al Examen Periódico Universal",
        "nhri": "Contribución de la institución nacional de derechos humanos al Examen Periódico Universal",
        "session": "período de sesiones del Grupo de Trabajo del EPU",
        "cycle": "ciclo", "submitted_by": "Presentada por", "members": "Organizaciones miembros ({n})",
        "coalition": "Coalición",
        "as_recommended": "Como se recomendó anteriormente", "summary": "Resumen de las recomendaciones",
        "follow_up": "Seguimiento de las recomendaciones del ciclo anterior", "no_theme": "Otras recomendaciones",
        "number": "N.º", "recommendation": "Recomendación", "sdg": "Metas de los ODS", "section": "Sección",
        "theme": "Tema", "recommending_state": "Estado recomendante", "position": "Posición",
        "assessment": "Evaluación", "discussed": "Tratada en", "not_assessed": "no evaluada",
        "annex": "Anexo", "table": "Cuadro",
        "xref": {"section": ("sección", "secciones"), "paragraph": ("párrafo", "párrafos"),
                 "paragraph_short": ("párr.", "párrs."), "recommendation": ("recomendación", "recomendaciones"),
                 "annex": ("anexo", "anexos"), "table": ("cuadro", "cuadros")},
        "draft": "Borrador", "modified": "modificado",
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"],
    },
}


def labels(language: str) -> dict:
    """The labels for `language`, English where reportgen has no translation."""
    return LABELS.get(language, LABELS["en"])


def ordinal(number: int, language: str = "en") -> str:
    """13 -> `13th` (en), `13e` (fr), `13.º` (es)."""
    if language == "fr":
        return "1re" if number == 1 else f"{number}e"
    if language == "es":
        return f"{number}.º"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_date(text: str, language: str = "en") -> str:
    """An ISO date, full or partial (`2011`, `2011-03`, `2011-03-17`), written out: `17 March 2011`."""
    parts = text.strip().split("-")
    months = labels(language)["months"]
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{day.day} {months[day.month - 1]} {day.year}"
        if len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return f"{months[int(parts[1]) - 1]} {int(parts[0])}"
    except ValueError:
        pass
    return text.strip()


# The words of a bibliography note, and BibLaTeX's localisation keys (`type = {phdthesis}`) as words.
_NOTE_WORDS = {
    "en": {
        "trans": "trans.", "ed_trans": "ed. and trans.", "eds_trans": "eds. and trans.", "by": "by", "of": "of",
        "vols": "{n} vols.", "part": "pt.", "p": "p.", "pp": "pp.", "pagetotal": "{n} pp.", "version": "version",
        "first_published": "first published", "circa": "c.", "decade": "{year}s", "date_joiner": " ",
        "seasons": ["Spring", "Summer", "Autumn", "Winter"], "in_language": "in {language}", "series": "series",
        "thesis": "thesis", "introduction": "introduction by", "foreword": "foreword by",
        "afterword": "afterword by", "annotator": "annotated by", "commentator": "commentary by",
        "chap": "ch.",
    },
    "fr": {
        "trans": "trad.", "ed_trans": "éd. et trad.", "eds_trans": "éd. et trad.", "by": "de", "of": "de",
        "vols": "{n} vol.", "part": "partie", "p": "p.", "pp": "p.", "pagetotal": "{n} p.", "version": "version",
        "first_published": "première parution", "circa": "vers", "decade": "années {year}", "date_joiner": " ",
        "seasons": ["printemps", "été", "automne", "hiver"], "in_language": "en {language}", "series": "série",
        "thesis": "thèse", "introduction": "introduction de", "foreword": "préface de",
        "afterword": "postface de", "annotator": "annoté par", "commentator": "commentaire de",
        "chap": "chap.",
    },
    "es": {
        "trans": "trad.", "ed_trans": "ed. y trad.", "eds_trans": "eds. y trad.", "by": "de", "of": "de",
        "vols": "{n} vols.", "part": "parte", "p": "pág.", "pp": "págs.", "pagetotal": "{n} págs.",
        "version": "versión", "first_published": "publicado por primera vez en", "circa": "c.",
        "decade": "década de {year}", "date_joiner": " de ", "seasons": ["primavera", "verano", "otoño", "invierno"],
        "in_language": "en {language}", "series": "serie", "thesis": "tesis", "introduction": "introducción de",
        "foreword": "prólogo de", "afterword": "epílogo de", "annotator": "anotado por",
        "commentator": "comentario de", "chap": "cap.",
    },
}
BIBLATEX_KEYS = {  # key: (English, French, Spanish)
    "phdthesis": ("PhD thesis", "thèse de doctorat", "tesis doctoral"),
    "mathesis": ("Master's thesis", "mémoire de master", "tesis de maestría"),
    "candthesis": ("candidate thesis", "thèse de candidat", "tesis de candidatura"),
    "techreport": ("technical report", "rapport technique", "informe técnico"),
    "resreport": ("research report", "rapport de recherche", "informe de investigación"),
    "software": ("computer software", "logiciel", "programa informático"),
    "datacd": ("CD-ROM", "cédérom", "CD-ROM"), "audiocd": ("audio CD", "CD audio", "CD de audio"),
    "patent": ("patent", "brevet", "patente"), "patentde": ("German patent", "brevet allemand", "patente alemana"),
    "patenteu": ("European patent", "brevet européen", "patente europea"),
    "patentfr": ("French patent", "brevet français", "patente francesa"),
    "patentuk": ("British patent", "brevet britannique", "patente británica"),
    "patentus": ("U.S. patent", "brevet américain", "patente estadounidense"),
    "patreq": ("patent request", "demande de brevet", "solicitud de patente"),
    "patreqde": ("German patent request", "demande de brevet allemand", "solicitud de patente alemana"),
    "patreqeu": ("European patent request", "demande de brevet européen", "solicitud de patente europea"),
    "patreqfr": ("French patent request", "demande de brevet français", "solicitud de patente francesa"),
    "patrequk": ("British patent request", "demande de brevet britannique", "solicitud de patente británica"),
    "patrequs": ("U.S. patent request", "demande de brevet américain", "solicitud de patente estadounidense"),
    "countryde": ("Germany", "Allemagne", "Alemania"), "countryeu": ("European Union", "Union européenne",
                                                                    "Unión Europea"),
    "countryep": ("European Patent Office", "Office européen des brevets", "Oficina Europea de Patentes"),
    "countryfr": ("France", "France", "Francia"), "countryuk": ("United Kingdom", "Royaume-Uni", "Reino Unido"),
    "countryus": ("United States of America", "États-Unis d'Amérique", "Estados Unidos de América"),
    "newseries": ("new series", "nouvelle série", "nueva serie"),
    "oldseries": ("old series", "ancienne série", "serie antigua"),
    "inpreparation": ("in preparation", "en préparation", "en preparación"),
    "submitted": ("submitted", "soumis", "enviado"),
    "forthcoming": ("forthcoming", "à paraître", "de próxima aparición"),
    "inpress": ("in press", "sous presse", "en prensa"), "prepublished": ("pre-published", "prépublié",
                                                                           "prepublicado"),
    "editor": ("ed.", "éd.", "ed."), "compiler": ("comp.", "comp.", "comp."), "founder": ("founder", "fondateur",
                                                                                         "fundador"),
    "continuator": ("cont.", "cont.", "cont."), "redactor": ("red.", "réd.", "red."),
    "reviser": ("rev.", "rév.", "rev."), "collaborator": ("collab.", "collab.", "colab."),
    "organizer": ("org.", "org.", "org."),
    "english": ("English", "anglais", "inglés"), "french": ("French", "français", "francés"),
    "spanish": ("Spanish", "espagnol", "español"), "german": ("German", "allemand", "alemán"),
    "russian": ("Russian", "russe", "ruso"), "arabic": ("Arabic", "arabe", "árabe"),
    "chinese": ("Chinese", "chinois", "chino"), "portuguese": ("Portuguese", "portugais", "portugués"),
    "italian": ("Italian", "italien", "italiano"), "dutch": ("Dutch", "néerlandais", "neerlandés"),
    "latin": ("Latin", "latin", "latín"), "greek": ("Greek", "grec", "griego"),
}


def note_words(language: str) -> dict:
    """The labels for `language` with the words of bibliography notes."""
    code = language if language in _NOTE_WORDS else "en"
    return {**labels(code), **_NOTE_WORDS[code]}


def localised(value: str, language: str) -> str:
    """A BibLaTeX localisation key (`phdthesis`, `countryfr`, `newseries`) as a word; other text as it is."""
    words = BIBLATEX_KEYS.get(value.strip().lower()) if value else None
    if words is None:
        return value
    return words[{"fr": 1, "es": 2}.get(language, 0)]
