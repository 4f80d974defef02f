"""The six UN languages reportgen writes (the one list of them: `LANGUAGES`) and the words it writes
itself into a report in each: labels, dates, ordinals and session numbers as the UN writes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .numberformat import to_roman
from .numberwords import arabic_ordinal, chinese


@dataclass(frozen=True)
class Language:
    """A language of reports: its ISO 639-1 code, names, Word's locale tag, writing direction and script."""

    code: str
    name: str  # in English
    native: str
    tag: str  # the locale Word and the PDF's metadata name it by
    direction: str = "ltr"
    script: str = "latin"  # latin, cyrillic, arabic or han: which fonts and which Word slot it takes
    preferred: bool = False  # OHCHR prefers English, French or Spanish (S2)


# The six UN official languages, in the UN's order after the three OHCHR prefers.
LANGUAGES = {lang.code: lang for lang in (
    Language("en", "English", "English", "en-GB", preferred=True),
    Language("fr", "French", "français", "fr-FR", preferred=True),
    Language("es", "Spanish", "español", "es-ES", preferred=True),
    Language("ar", "Arabic", "العربية", "ar-SA", direction="rtl", script="arabic"),
    Language("ru", "Russian", "русский", "ru-RU", script="cyrillic"),
    Language("zh", "Chinese", "中文", "zh-CN", script="han"),
)}
UN_LANGUAGES = tuple(LANGUAGES)
PREFERRED_LANGUAGES = tuple(code for code, lang in LANGUAGES.items() if lang.preferred)


def language(code: str) -> Language:
    """The language of `code`; one reportgen does not know is written as English is, left to right."""
    return LANGUAGES.get(code) or Language(code, code, code, code)

LABELS = {
    "en": {
        "ibid": "ibid.", "available": "Available at", "accessed": "accessed on", "ed": "ed.", "eds": "eds.",
        "edition": "ed.", "et_al": "et al.", "and": "and", "vol": "vol.", "no": "No.", "in": "in",
        "notes": "Notes", "keywords": "Key words", "contact": "Contact", "page": "Page",
        "joint": "Joint submission to the Universal Periodic Review",
        "individual": "Submission to the Universal Periodic Review",
        "nhri": "Submission of the national human rights institution to the Universal Periodic Review",
        "session": "{n} session of the UPR Working Group",
        "cycle": "{n} cycle", "submitted_by": "Submitted by", "members": "Member organisations ({n})",
        "coalition": "Coalition", "comma": ", ",
        "as_recommended": "As recommended previously", "summary": "Summary of recommendations",
        "follow_up": "Follow-up to the recommendations of the previous cycle", "no_theme": "Other recommendations",
        "number": "No.", "recommendation": "Recommendation", "sdg": "SDG targets", "section": "Section",
        "theme": "Theme", "recommending_state": "Recommending State", "position": "Position",
        "assessment": "Assessment", "discussed": "Discussed in", "not_assessed": "not assessed",
        "Supported": "Supported", "Noted": "Noted", "implemented": "implemented",
        "partially implemented": "partially implemented", "not implemented": "not implemented",
        "annex": "Annex {n}", "table": "Table {n}", "and_between": " and ",
        "xref": {"section": ("section {n}", "sections {n}"), "paragraph": ("paragraph {n}", "paragraphs {n}"),
                 "paragraph_short": ("para. {n}", "paras. {n}"),
                 "recommendation": ("recommendation {n}", "recommendations {n}"),
                 "annex": ("annex {n}", "annexes {n}"), "table": ("table {n}", "tables {n}")},
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
        "session": "{n} session du Groupe de travail de l'EPU",
        "cycle": "{n} cycle", "submitted_by": "Présentée par", "members": "Organisations membres ({n})",
        "coalition": "Coalition", "comma": ", ",
        "as_recommended": "Comme recommandé précédemment", "summary": "Récapitulatif des recommandations",
        "follow_up": "Suivi des recommandations du cycle précédent", "no_theme": "Autres recommandations",
        "number": "N°", "recommendation": "Recommandation", "sdg": "Cibles des ODD", "section": "Section",
        "theme": "Thème", "recommending_state": "État auteur", "position": "Position",
        "assessment": "Évaluation", "discussed": "Traitée en", "not_assessed": "non évaluée",
        "Supported": "soutenue", "Noted": "notée", "implemented": "mise en œuvre",
        "partially implemented": "partiellement mise en œuvre", "not implemented": "non mise en œuvre",
        "annex": "Annexe {n}", "table": "Tableau {n}", "and_between": " et ",
        "xref": {"section": ("section {n}", "sections {n}"), "paragraph": ("paragraphe {n}", "paragraphes {n}"),
                 "paragraph_short": ("par. {n}", "par. {n}"),
                 "recommendation": ("recommandation {n}", "recommandations {n}"),
                 "annex": ("annexe {n}", "annexes {n}"), "table": ("tableau {n}", "tableaux {n}")},
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
        "session": "{n} período de sesiones del Grupo de Trabajo del EPU",
        "cycle": "{n} ciclo", "submitted_by": "Presentada por", "members": "Organizaciones miembros ({n})",
        "coalition": "Coalición", "comma": ", ",
        "as_recommended": "Como se recomendó anteriormente", "summary": "Resumen de las recomendaciones",
        "follow_up": "Seguimiento de las recomendaciones del ciclo anterior", "no_theme": "Otras recomendaciones",
        "number": "N.º", "recommendation": "Recomendación", "sdg": "Metas de los ODS", "section": "Sección",
        "theme": "Tema", "recommending_state": "Estado recomendante", "position": "Posición",
        "assessment": "Evaluación", "discussed": "Tratada en", "not_assessed": "no evaluada",
        "Supported": "apoyada", "Noted": "anotada", "implemented": "aplicada",
        "partially implemented": "parcialmente aplicada", "not implemented": "no aplicada",
        "annex": "Anexo {n}", "table": "Cuadro {n}", "and_between": " y ",
        "xref": {"section": ("sección {n}", "secciones {n}"), "paragraph": ("párrafo {n}", "párrafos {n}"),
                 "paragraph_short": ("párr. {n}", "párrs. {n}"),
                 "recommendation": ("recomendación {n}", "recomendaciones {n}"),
                 "annex": ("anexo {n}", "anexos {n}"), "table": ("cuadro {n}", "cuadros {n}")},
        "draft": "Borrador", "modified": "modificado",
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                   "octubre", "noviembre", "diciembre"],
    },
    "ar": {
        "ibid": "المرجع نفسه", "available": "متاح على الرابط", "accessed": "اطُّلع عليه في", "ed": "محرر",
        "eds": "محررون", "edition": "ط.", "et_al": "وآخرون", "and": "و", "vol": "المجلد", "no": "العدد", "in": "في",
        "notes": "الحواشي", "keywords": "الكلمات الرئيسية", "contact": "جهة الاتصال", "page": "الصفحة",
        "joint": "ورقة مشتركة مقدمة في إطار الاستعراض الدوري الشامل",
        "individual": "ورقة مقدمة في إطار الاستعراض الدوري الشامل",
        "nhri": "ورقة المؤسسة الوطنية لحقوق الإنسان المقدمة في إطار الاستعراض الدوري الشامل",
        "session": "الدورة {n} للفريق العامل المعني بالاستعراض الدوري الشامل",
        "cycle": "الجولة {n}", "submitted_by": "مقدمة من", "members": "المنظمات الأعضاء ({n})",
        "coalition": "الائتلاف", "comma": "، ",
        "as_recommended": "كما أوصي سابقاً", "summary": "موجز التوصيات",
        "follow_up": "متابعة توصيات الجولة السابقة", "no_theme": "توصيات أخرى",
        "number": "الرقم", "recommendation": "التوصية", "sdg": "غايات أهداف التنمية المستدامة", "section": "الفرع",
        "theme": "الموضوع", "recommending_state": "الدولة الموصية", "position": "الموقف",
        "assessment": "التقييم", "discussed": "نوقشت في", "not_assessed": "لم تُقيَّم",
        "Supported": "مؤيدة", "Noted": "أحيط بها علماً", "implemented": "نُفذت",
        "partially implemented": "نُفذت جزئياً", "not implemented": "لم تُنفذ",
        "annex": "المرفق {n}", "table": "الجدول {n}", "and_between": " و",
        "xref": {"section": ("الفرع {n}", "الفروع {n}"), "paragraph": ("الفقرة {n}", "الفقرات {n}"),
                 "paragraph_short": ("الفقرة {n}", "الفقرات {n}"),
                 "recommendation": ("التوصية {n}", "التوصيات {n}"),
                 "annex": ("المرفق {n}", "المرفقات {n}"), "table": ("الجدول {n}", "الجداول {n}")},
        "draft": "مسودة", "modified": "معدَّل",
        # as UN Arabic documents write them, the Levantine name and the other one
        "months": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
                   "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
                   "كانون الأول/ديسمبر"],
    },
    "ru": {
        "ibid": "там же", "available": "Размещено по адресу", "accessed": "дата обращения:", "ed": "ред.",
        "eds": "ред.", "edition": "изд.", "et_al": "и др.", "and": "и", "vol": "т.", "no": "№", "in": "в",
        "notes": "Примечания", "keywords": "Ключевые слова", "contact": "Контактное лицо", "page": "Страница",
        "joint": "Совместное представление для универсального периодического обзора",
        "individual": "Представление для универсального периодического обзора",
        "nhri": "Представление национального правозащитного учреждения для универсального периодического обзора",
        "session": "{n} сессия Рабочей группы по УПО",
        "cycle": "{n} цикл", "submitted_by": "Представлено", "members": "Организации-члены ({n})",
        "coalition": "Коалиция", "comma": ", ",
        "as_recommended": "Ранее рекомендовалось", "summary": "Сводка рекомендаций",
        "follow_up": "Выполнение рекомендаций предыдущего цикла", "no_theme": "Прочие рекомендации",
        "number": "№", "recommendation": "Рекомендация", "sdg": "Задачи ЦУР", "section": "Раздел",
        "theme": "Тема", "recommending_state": "Государство, вынесшее рекомендацию", "position": "Позиция",
        "assessment": "Оценка", "discussed": "Рассматривается в", "not_assessed": "не оценена",
        "Supported": "поддержана", "Noted": "принята к сведению", "implemented": "выполнена",
        "partially implemented": "частично выполнена", "not implemented": "не выполнена",
        "annex": "Приложение {n}", "table": "Таблица {n}", "and_between": " и ",
        "xref": {"section": ("раздел {n}", "разделы {n}"), "paragraph": ("пункт {n}", "пункты {n}"),
                 "paragraph_short": ("п. {n}", "пп. {n}"),
                 "recommendation": ("рекомендация {n}", "рекомендации {n}"),
                 "annex": ("приложение {n}", "приложения {n}"), "table": ("таблица {n}", "таблицы {n}")},
        "draft": "Проект", "modified": "изменено",
        "months": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                   "ноябрь", "декабрь"],
        "months_of": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря"],  # 17 марта: after a day, the genitive
    },
    "zh": {
        "ibid": "同上", "available": "可查阅", "accessed": "查阅日期：", "ed": "编", "eds": "编", "edition": "版",
        "et_al": "等", "and": "和", "vol": "卷", "no": "期", "in": "载于",
        "notes": "注", "keywords": "关键词", "contact": "联系人", "page": "页",
        "joint": "提交普遍定期审议的联署材料",
        "individual": "提交普遍定期审议的材料",
        "nhri": "国家人权机构提交普遍定期审议的材料",
        "session": "普遍定期审议工作组{n}届会议",
        "cycle": "{n}轮", "submitted_by": "提交方", "members": "成员组织（{n}个）",
        "coalition": "联盟", "comma": "，",
        "as_recommended": "先前提出的建议", "summary": "建议摘要",
        "follow_up": "上一轮审议所提建议的落实情况", "no_theme": "其他建议",
        "number": "编号", "recommendation": "建议", "sdg": "可持续发展目标具体目标", "section": "节",
        "theme": "主题", "recommending_state": "提出建议的国家", "position": "立场",
        "assessment": "评估", "discussed": "讨论于", "not_assessed": "未评估",
        "Supported": "支持", "Noted": "注意到", "implemented": "已落实",
        "partially implemented": "部分落实", "not implemented": "未落实",
        "annex": "附件{n}", "table": "表{n}", "and_between": "和",
        "xref": {"section": ("第{n}节", "第{n}节"), "paragraph": ("第{n}段", "第{n}段"),
                 "paragraph_short": ("第{n}段", "第{n}段"), "recommendation": ("建议{n}", "建议{n}"),
                 "annex": ("附件{n}", "附件{n}"), "table": ("表{n}", "表{n}")},
        "draft": "草稿", "modified": "已修改",
        "months": [f"{n}月" for n in range(1, 13)],
    },
}


def labels(language: str) -> dict:
    """The labels for `language`, English where reportgen has no translation."""
    return LABELS.get(language, LABELS["en"])


# The grammatical gender of the nouns numbered with an ordinal, where the ordinal agrees with it.
_GENDERS = {
    "fr": {"session": "f", "cycle": "m", "edition": "f", "series": "f"},
    "es": {"session": "m", "cycle": "m", "edition": "f", "series": "f"},
    "ru": {"session": "f", "cycle": "m", "edition": "n", "series": "f"},
}
# Phrases around an ordinal that are not labels of their own (session and cycle are).
_PHRASES = {"en": {"edition": "{n} ed.", "series": "{n} series"},
            "fr": {"edition": "{n} éd.", "series": "{n} série"},
            "es": {"edition": "{n} ed.", "series": "{n} serie"},
            "ar": {"edition": "الطبعة {n}", "series": "السلسلة {n}"},
            "ru": {"edition": "{n} изд.", "series": "{n} серия"},
            "zh": {"edition": "{n}版", "series": "{n}辑"}}


def ordinal(number: int, language: str = "en", gender: str = "m") -> str:
    """13 -> `13th` (en), `13e` (fr; `1er`, `1re`), `13.º`/`13.ª` (es), `13-й`/`13-я`/`13-е` (ru),
    `الثالثة عشرة` (ar, feminine), `第十三` (zh); `gender` is `m`, `f` or `n`."""
    if language == "fr":
        return ("1re" if gender == "f" else "1er") if number == 1 else f"{number}e"
    if language == "es":
        return f"{number}.{'ª' if gender == 'f' else 'º'}"
    if language == "ru":
        return f"{number}-" + {"f": "я", "n": "е"}.get(gender, "й")
    if language == "ar":
        return arabic_ordinal(number)
    if language == "zh":
        return "第" + chinese(number)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def annex_number(number: int, language: str = "en") -> str:
    """An annex's number as the UN writes it: `I`, `II` … (en, fr, es, ru); `الأول`, `الثاني` (ar:
    المرفق الأول); `一`, `二` (zh: 附件一)."""
    if language == "ar":
        return arabic_ordinal(number, masculine=True)
    if language == "zh":
        return chinese(number)
    return to_roman(number).upper()


def ordinal_phrase(number: int, noun: str, language: str = "en") -> str:
    """The `number`th session, cycle, edition or series as the language writes it: `13th session of the UPR
    Working Group`, `الدورة الثالثة عشرة للفريق العامل …`, `普遍定期审议工作组第十三届会议`, `2-е изд.`."""
    code = language if language in LABELS else "en"
    template = LABELS[code][noun] if noun in ("session", "cycle") else _PHRASES[code][noun]
    return template.format(n=ordinal(number, code, _GENDERS.get(code, {}).get(noun, "m")))


def write_date(year: int, month: int = 0, day: int = 0, language: str = "en") -> str:
    """A date as the language writes it: `17 March 2011`, `1er mars 2011`, `17 de marzo de 2011`,
    `17 آذار/مارس 2011`, `17 марта 2011 года`, `2011年3月17日`; without a day or a month, what is left."""
    words = labels(language)
    if language == "zh":
        return f"{year}年{month}月{day}日" if day else f"{year}年{month}月" if month else f"{year}年"
    if not month:
        return str(year)
    months = words.get("months_of", words["months"]) if day else words["months"]
    parts = [("1er" if language == "fr" and day == 1 else str(day)) if day else "", months[month - 1], str(year)]
    joined = (" de " if language == "es" else " ").join(p for p in parts if p)
    return f"{joined} года" if language == "ru" else joined


def format_date(text: str, language: str = "en") -> str:
    """An ISO date, full or partial (`2011`, `2011-03`, `2011-03-17`), written out: `17 March 2011`."""
    parts = text.strip().split("-")
    try:
        if len(parts) == 3:
            day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return write_date(day.year, day.month, day.day, language)
        if len(parts) == 2 and 1 <= int(parts[1]) <= 12:
            return write_date(int(parts[0]), int(parts[1]), 0, language)
    except ValueError:
        pass
    return text.strip()


# The words of a bibliography note, and BibLaTeX's localisation keys (`type = {phdthesis}`) as words.
_NOTE_WORDS = {
    "en": {
        "trans": "trans.", "ed_trans": "ed. and trans.", "eds_trans": "eds. and trans.", "by": "by", "of": "of",
        "vols": "{n} vols.", "part": "pt.", "pagetotal": "{n} pp.", "version": "version",
        "first_published": "first published", "circa": "c.", "decade": "{year}s", "date_joiner": " ",
        "seasons": ["Spring", "Summer", "Autumn", "Winter"], "in_language": "in {language}", "series": "series",
        "thesis": "thesis", "introduction": "introduction by", "foreword": "foreword by",
        "afterword": "afterword by", "annotator": "annotated by", "commentator": "commentary by",
        "chap": "ch.",
    },
    "fr": {
        "trans": "trad.", "ed_trans": "éd. et trad.", "eds_trans": "éd. et trad.", "by": "de", "of": "de",
        "vols": "{n} vol.", "part": "partie", "pagetotal": "{n} p.", "version": "version",
        "first_published": "première parution", "circa": "vers", "decade": "années {year}", "date_joiner": " ",
        "seasons": ["printemps", "été", "automne", "hiver"], "in_language": "en {language}", "series": "série",
        "thesis": "thèse", "introduction": "introduction de", "foreword": "préface de",
        "afterword": "postface de", "annotator": "annoté par", "commentator": "commentaire de",
        "chap": "chap.",
    },
    "es": {
        "trans": "trad.", "ed_trans": "ed. y trad.", "eds_trans": "eds. y trad.", "by": "de", "of": "de",
        "vols": "{n} vols.", "part": "parte", "pagetotal": "{n} págs.",
        "version": "versión", "first_published": "publicado por primera vez en", "circa": "c.",
        "decade": "década de {year}", "date_joiner": " de ", "seasons": ["primavera", "verano", "otoño", "invierno"],
        "in_language": "en {language}", "series": "serie", "thesis": "tesis", "introduction": "introducción de",
        "foreword": "prólogo de", "afterword": "epílogo de", "annotator": "anotado por",
        "commentator": "comentario de", "chap": "cap.",
    },
    "ar": {
        "trans": "ترجمة", "ed_trans": "تحرير وترجمة", "eds_trans": "تحرير وترجمة", "by": "بقلم", "of": "من",
        "vols": "{n} مجلدات", "part": "الجزء", "pagetotal": "{n} صفحة", "version": "الإصدار",
        "first_published": "نُشر لأول مرة", "circa": "نحو", "decade": "عقد {year}", "date_joiner": " ",
        "seasons": ["ربيع", "صيف", "خريف", "شتاء"], "in_language": "باللغة {language}", "series": "سلسلة",
        "thesis": "أطروحة", "introduction": "تقديم", "foreword": "تصدير", "afterword": "خاتمة",
        "annotator": "تعليق", "commentator": "شرح", "chap": "الفصل",
    },
    "ru": {
        "trans": "пер.", "ed_trans": "ред. и пер.", "eds_trans": "ред. и пер.", "by": "", "of": "из",
        "vols": "в {n} т.", "part": "ч.", "pagetotal": "{n} стр.", "version": "версия",
        "first_published": "впервые опубликовано", "circa": "ок.", "decade": "{year}-е годы", "date_joiner": " ",
        "seasons": ["весна", "лето", "осень", "зима"], "in_language": "на {language} языке", "series": "серия",
        "thesis": "диссертация", "introduction": "вступ. ст.", "foreword": "предисл.", "afterword": "послесл.",
        "annotator": "примеч.", "commentator": "коммент.", "chap": "гл.",
    },
    "zh": {
        "trans": "译", "ed_trans": "编译", "eds_trans": "编译", "by": "著", "of": "之",
        "vols": "共{n}卷", "part": "部分", "pagetotal": "共{n}页", "version": "版本",
        "first_published": "初版", "circa": "约", "decade": "{year}年代", "date_joiner": "",
        "seasons": ["春", "夏", "秋", "冬"], "in_language": "{language}", "series": "丛书",
        "thesis": "学位论文", "introduction": "导言", "foreword": "序", "afterword": "跋",
        "annotator": "注释", "commentator": "评注", "chap": "章",
    },
}
# BibLaTeX's localisation keys as words, in the order of LANGUAGES: English, French, Spanish, Arabic, Russian,
# Chinese. Countries as the UN names them in each language; Russian languages in the prepositional case, as
# `in_language` writes them (`на английском языке`).
BIBLATEX_KEYS = {
    "phdthesis": ("PhD thesis", "thèse de doctorat", "tesis doctoral", "أطروحة دكتوراه", "докторская диссертация",
                  "博士学位论文"),
    "mathesis": ("Master's thesis", "mémoire de master", "tesis de maestría", "رسالة ماجستير",
                 "магистерская диссертация", "硕士学位论文"),
    "candthesis": ("candidate thesis", "thèse de candidat", "tesis de candidatura", "رسالة مرشح",
                   "кандидатская диссертация", "副博士学位论文"),
    "techreport": ("technical report", "rapport technique", "informe técnico", "تقرير تقني", "технический отчет",
                   "技术报告"),
    "resreport": ("research report", "rapport de recherche", "informe de investigación", "تقرير بحثي",
                  "научно-исследовательский отчет", "研究报告"),
    "software": ("computer software", "logiciel", "programa informático", "برمجية حاسوبية", "компьютерная программа",
                 "计算机软件"),
    "datacd": ("CD-ROM", "cédérom", "CD-ROM", "قرص مدمج", "компакт-диск", "光盘"),
    "audiocd": ("audio CD", "CD audio", "CD de audio", "قرص صوتي مدمج", "аудиокомпакт-диск", "音频光盘"),
    "patent": ("patent", "brevet", "patente", "براءة اختراع", "патент", "专利"),
    "patentde": ("German patent", "brevet allemand", "patente alemana", "براءة اختراع ألمانية", "патент Германии",
                 "德国专利"),
    "patenteu": ("European patent", "brevet européen", "patente europea", "براءة اختراع أوروبية",
                 "европейский патент", "欧洲专利"),
    "patentfr": ("French patent", "brevet français", "patente francesa", "براءة اختراع فرنسية", "патент Франции",
                 "法国专利"),
    "patentuk": ("British patent", "brevet britannique", "patente británica", "براءة اختراع بريطانية",
                 "патент Соединенного Королевства", "英国专利"),
    "patentus": ("U.S. patent", "brevet américain", "patente estadounidense", "براءة اختراع أمريكية", "патент США",
                 "美国专利"),
    "patreq": ("patent request", "demande de brevet", "solicitud de patente", "طلب براءة اختراع",
               "заявка на патент", "专利申请"),
    "patreqde": ("German patent request", "demande de brevet allemand", "solicitud de patente alemana",
                 "طلب براءة اختراع ألمانية", "заявка на патент Германии", "德国专利申请"),
    "patreqeu": ("European patent request", "demande de brevet européen", "solicitud de patente europea",
                 "طلب براءة اختراع أوروبية", "заявка на европейский патент", "欧洲专利申请"),
    "patreqfr": ("French patent request", "demande de brevet français", "solicitud de patente francesa",
                 "طلب براءة اختراع فرنسية", "заявка на патент Франции", "法国专利申请"),
    "patrequk": ("British patent request", "demande de brevet britannique", "solicitud de patente británica",
                 "طلب براءة اختراع بريطانية", "заявка на патент Соединенного Королевства", "英国专利申请"),
    "patrequs": ("U.S. patent request", "demande de brevet américain", "solicitud de patente estadounidense",
                 "طلب براءة اختراع أمريكية", "заявка на патент США", "美国专利申请"),
    "countryde": ("Germany", "Allemagne", "Alemania", "ألمانيا", "Германия", "德国"),
    "countryeu": ("European Union", "Union européenne", "Unión Europea", "الاتحاد الأوروبي", "Европейский союз",
                  "欧洲联盟"),
    "countryep": ("European Patent Office", "Office européen des brevets", "Oficina Europea de Patentes",
                  "المكتب الأوروبي للبراءات", "Европейское патентное ведомство", "欧洲专利局"),
    "countryfr": ("France", "France", "Francia", "فرنسا", "Франция", "法国"),
    "countryuk": ("United Kingdom", "Royaume-Uni", "Reino Unido", "المملكة المتحدة", "Соединенное Королевство",
                  "联合王国"),
    "countryus": ("United States of America", "États-Unis d'Amérique", "Estados Unidos de América",
                  "الولايات المتحدة الأمريكية", "Соединенные Штаты Америки", "美利坚合众国"),
    "newseries": ("new series", "nouvelle série", "nueva serie", "سلسلة جديدة", "новая серия", "新辑"),
    "oldseries": ("old series", "ancienne série", "serie antigua", "سلسلة قديمة", "старая серия", "旧辑"),
    "inpreparation": ("in preparation", "en préparation", "en preparación", "قيد الإعداد", "в стадии подготовки",
                      "编写中"),
    "submitted": ("submitted", "soumis", "enviado", "مقدَّم للنشر", "представлено к публикации", "已投稿"),
    "forthcoming": ("forthcoming", "à paraître", "de próxima aparición", "سيصدر قريباً", "готовится к выходу",
                    "即将出版"),
    "inpress": ("in press", "sous presse", "en prensa", "قيد الطبع", "в печати", "印刷中"),
    "prepublished": ("pre-published", "prépublié", "prepublicado", "نشر أولي", "препринт", "预发表"),
    "editor": ("ed.", "éd.", "ed.", "تحرير", "ред.", "编"),
    "compiler": ("comp.", "comp.", "comp.", "جمع", "сост.", "汇编"),
    "founder": ("founder", "fondateur", "fundador", "المؤسس", "основатель", "创始人"),
    "continuator": ("cont.", "cont.", "cont.", "أكمله", "продолж.", "续编"),
    "redactor": ("red.", "réd.", "red.", "تنقيح", "ред.", "校订"),
    "reviser": ("rev.", "rév.", "rev.", "مراجعة", "перераб.", "修订"),
    "collaborator": ("collab.", "collab.", "colab.", "بالتعاون مع", "при участии", "合作者"),
    "organizer": ("org.", "org.", "org.", "تنظيم", "орг.", "组织"),
    "director": ("dir.", "réal.", "dir.", "إخراج", "реж.", "导演"),
    "producer": ("prod.", "prod.", "prod.", "إنتاج", "прод.", "制片"),
    "english": ("English", "anglais", "inglés", "الإنكليزية", "английском", "英文"),
    "french": ("French", "français", "francés", "الفرنسية", "французском", "法文"),
    "spanish": ("Spanish", "espagnol", "español", "الإسبانية", "испанском", "西班牙文"),
    "german": ("German", "allemand", "alemán", "الألمانية", "немецком", "德文"),
    "russian": ("Russian", "russe", "ruso", "الروسية", "русском", "俄文"),
    "arabic": ("Arabic", "arabe", "árabe", "العربية", "арабском", "阿拉伯文"),
    "chinese": ("Chinese", "chinois", "chino", "الصينية", "китайском", "中文"),
    "portuguese": ("Portuguese", "portugais", "portugués", "البرتغالية", "португальском", "葡萄牙文"),
    "italian": ("Italian", "italien", "italiano", "الإيطالية", "итальянском", "意大利文"),
    "dutch": ("Dutch", "néerlandais", "neerlandés", "الهولندية", "нидерландском", "荷兰文"),
    "latin": ("Latin", "latin", "latín", "اللاتينية", "латинском", "拉丁文"),
    "greek": ("Greek", "grec", "griego", "اليونانية", "греческом", "希腊文"),
}


# Locators (`p. 12`, `paras. 3–5`) and the `pages` of a work: each kind's singular and plural, `{n}` its value.
LOCATORS = {
    "en": {"page": ("p. {n}", "pp. {n}"), "paragraph": ("para. {n}", "paras. {n}"),
           "chapter": ("chap. {n}", "chaps. {n}"), "section": ("sect. {n}", "sects. {n}"),
           "article": ("art. {n}", "arts. {n}"), "annex": ("annex {n}", "annexes {n}"),
           "note": ("note {n}", "notes {n}"), "volume": ("vol. {n}", "vols. {n}")},
    "fr": {"page": ("p. {n}", "p. {n}"), "paragraph": ("par. {n}", "par. {n}"),
           "chapter": ("chap. {n}", "chap. {n}"), "section": ("sect. {n}", "sect. {n}"),
           "article": ("art. {n}", "art. {n}"), "annex": ("annexe {n}", "annexes {n}"),
           "note": ("note {n}", "notes {n}"), "volume": ("vol. {n}", "vol. {n}")},
    "es": {"page": ("pág. {n}", "págs. {n}"), "paragraph": ("párr. {n}", "párrs. {n}"),
           "chapter": ("cap. {n}", "caps. {n}"), "section": ("secc. {n}", "seccs. {n}"),
           "article": ("art. {n}", "arts. {n}"), "annex": ("anexo {n}", "anexos {n}"),
           "note": ("nota {n}", "notas {n}"), "volume": ("vol. {n}", "vols. {n}")},
    "ar": {"page": ("الصفحة {n}", "الصفحات {n}"), "paragraph": ("الفقرة {n}", "الفقرات {n}"),
           "chapter": ("الفصل {n}", "الفصول {n}"), "section": ("الفرع {n}", "الفروع {n}"),
           "article": ("المادة {n}", "المواد {n}"), "annex": ("المرفق {n}", "المرفقات {n}"),
           "note": ("الحاشية {n}", "الحواشي {n}"), "volume": ("المجلد {n}", "المجلدات {n}")},
    "ru": {"page": ("стр. {n}", "стр. {n}"), "paragraph": ("п. {n}", "пп. {n}"), "chapter": ("гл. {n}", "гл. {n}"),
           "section": ("разд. {n}", "разд. {n}"), "article": ("ст. {n}", "ст. {n}"),
           "annex": ("приложение {n}", "приложения {n}"), "note": ("примеч. {n}", "примеч. {n}"),
           "volume": ("т. {n}", "т. {n}")},
    "zh": {"page": ("第{n}页", "第{n}页"), "paragraph": ("第{n}段", "第{n}段"), "chapter": ("第{n}章", "第{n}章"),
           "section": ("第{n}节", "第{n}节"), "article": ("第{n}条", "第{n}条"), "annex": ("附件{n}", "附件{n}"),
           "note": ("注{n}", "注{n}"), "volume": ("第{n}卷", "第{n}卷")},
}


@dataclass(frozen=True)
class Punctuation:
    """How a language punctuates what reportgen writes: notes, labels, lists. Chinese takes full-width
    marks with no space around them (`，` `：` `；` `（）` `。`), Arabic its own comma and semicolon."""

    comma: str = ", "
    semicolon: str = "; "
    colon: str = ": "
    stop: str = "."  # the end of a sentence
    space: str = " "  # between words
    open: str = " ("  # a parenthesis after a word
    close: str = ")"
    enumeration: str = ", "  # between the items of a list (`A, B and C`, `甲、乙和丙`)
    range: str = "–"  # between the ends of a range of numbers

    def paren(self, text: str) -> str:
        return f"{self.open}{text}{self.close}"

    def then(self) -> str:
        """What ends one sentence and leads to the next."""
        return self.stop + self.space


PUNCTUATION = {
    "ar": Punctuation(comma="، ", semicolon="؛ ", enumeration="، "),
    "zh": Punctuation(comma="，", semicolon="；", colon="：", stop="。", space="", open="（", close="）",
                      enumeration="、", range="至"),
}


# The digits of `digits` in report.yaml.
DIGITS = {"western": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩"}


def with_digits(text: str, digits: str = "western") -> str:
    """`text` with its Western digits written in `digits` (`arabic-indic`: `12` -> `١٢`)."""
    if digits == "western" or digits not in DIGITS:
        return text
    return text.translate(str.maketrans(DIGITS["western"], DIGITS[digits]))


def punctuation(language: str) -> Punctuation:
    return PUNCTUATION.get(language, Punctuation())


def join_and(items: list[str], language: str) -> str:
    """`A, B and C`; `A، B وC` (the Arabic "and" is written onto the next word); `甲、乙和丙`."""
    items = [item for item in items if item]
    if len(items) < 2:
        return items[0] if items else ""
    mark, word = punctuation(language), labels(language)["and"]
    last = f"{word}{items[-1]}" if language in ("ar", "zh") else f"{word} {items[-1]}"
    return f"{mark.enumeration.join(items[:-1])}{'' if language == 'zh' else ' '}{last}"


def note_words(language: str) -> dict:
    """The labels for `language` with the words of bibliography notes."""
    code = language if language in _NOTE_WORDS else "en"
    return {**labels(code), **_NOTE_WORDS[code]}


def localised(value: str, language: str) -> str:
    """A BibLaTeX localisation key (`phdthesis`, `countryfr`, `newseries`) as a word; other text as it is."""
    words = BIBLATEX_KEYS.get(value.strip().lower()) if value else None
    if words is None:
        return value
    return words[UN_LANGUAGES.index(language) if language in UN_LANGUAGES else 0]
