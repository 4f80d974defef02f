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
