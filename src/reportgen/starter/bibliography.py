"""references.bib for a new report: one example entry of each kind a UPR submission cites (a UN
document, a treaty body's, a national law, an NGO report, a web page), none cited yet, with the UN's
titles in the report's language. Where an entry must come from the author, its field says TODO."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Entries(NamedTuple):
    """The UN's own names and titles in one of its languages, and the TODO lines in it."""

    council: str
    upr_report: str  # the Working Group's report, {state} in it
    committee: str
    general_comment: str
    ohchr: str
    upr: str
    law: str
    title: str
    city: str


ENTRIES = {
    "en": Entries(
        "Human Rights Council", "Report of the Working Group on the Universal Periodic Review: {state}",
        "Human Rights Committee", "General comment No. 31: The nature of the general legal obligation imposed "
        "on States parties to the Covenant", "Office of the United Nations High Commissioner for Human Rights",
        "Universal Periodic Review", "TODO: the law's official title and number", "TODO: the report's title",
        "TODO: the city"),
    "fr": Entries(
        "Conseil des droits de l'homme", "Rapport du Groupe de travail sur l'Examen périodique universel : {state}",
        "Comité des droits de l'homme", "Observation générale no 31 : La nature de l'obligation juridique "
        "générale imposée aux États parties au Pacte", "Haut-Commissariat des Nations Unies aux droits de l'homme",
        "Examen périodique universel", "TODO : le titre officiel de la loi et son numéro",
        "TODO : le titre du rapport", "TODO : la ville"),
    "es": Entries(
        "Consejo de Derechos Humanos", "Informe del Grupo de Trabajo sobre el Examen Periódico Universal: {state}",
        "Comité de Derechos Humanos", "Observación general No. 31: Naturaleza de la obligación jurídica general "
        "impuesta a los Estados partes en el Pacto", "Oficina del Alto Comisionado de las Naciones Unidas para "
        "los Derechos Humanos", "Examen Periódico Universal", "TODO: el título oficial de la ley y su número",
        "TODO: el título del informe", "TODO: la ciudad"),
    "ar": Entries(
        "مجلس حقوق الإنسان", "تقرير الفريق العامل المعني بالاستعراض الدوري الشامل: {state}",
        "اللجنة المعنية بحقوق الإنسان", "التعليق العام رقم 31: طبيعة الالتزام القانوني العام المفروض على الدول "
        "الأطراف في العهد", "مفوضية الأمم المتحدة السامية لحقوق الإنسان", "الاستعراض الدوري الشامل",
        "TODO: العنوان الرسمي للقانون ورقمه", "TODO: عنوان التقرير", "TODO: المدينة"),
    "ru": Entries(
        "Совет по правам человека", "Доклад Рабочей группы по универсальному периодическому обзору: {state}",
        "Комитет по правам человека", "Замечание общего порядка № 31: Характер общего юридического "
        "обязательства, налагаемого на государства-участники Пакта", "Управление Верховного комиссара "
        "Организации Объединенных Наций по правам человека", "Универсальный периодический обзор",
        "TODO: официальное название закона и его номер", "TODO: название доклада", "TODO: город"),
    "zh": Entries(
        "人权理事会", "普遍定期审议工作组报告：{state}", "人权事务委员会",
        "第31号一般性意见：《公约》缔约国承担的一般法律义务的性质", "联合国人权事务高级专员办事处", "普遍定期审议",
        "TODO：法律的正式名称和编号", "TODO：报告的标题", "TODO：城市"),
}


def references_bib(answers) -> str:
    today = answers.date or dt.date.today()
    organisation = next((o.name for o in answers.organisations), "TODO: the organisation")
    names = ENTRIES[answers.language]
    upr_report = names.upr_report.format(state=_braced(answers.state))
    return f"""\
% Example entries, one of each kind a UPR submission cites. In a section, [@key] or [@key, p. 12]
% makes a note in the UN's style. Replace them with your own sources and delete those you do not
% use: until then `reportgen check` says that each is never cited (rule BIB-2), and that the fields
% marked TODO are missing (BIB-4). The fields are BibLaTeX's (reportgen's README, "The bibliography
% file"); a name in double braces, {{{{Human Rights Council}}}}, is an organisation's.

% A UN document: its symbol goes in `number`. The report of the Working Group on the State's
% previous review has its symbol (A/HRC/<session>/<number>) on OHCHR's UPR page of the State; cite
% a recommendation of it as [@upr-previous, para. 104.3].
@report{{upr-previous,
  author = {{{{{names.council}}}}},
  title = {{{upr_report}}},
  number = {{A/HRC/TODO}},
  year = {{TODO}},
}}

% A treaty body's document: concluding observations on the State's report, or a general comment.
@report{{ccpr-gc31,
  author = {{{{{names.committee}}}}},
  title = {{{names.general_comment}}},
  number = {{CCPR/C/21/Rev.1/Add.13}},
  year = {{2004}},
  url = {{https://undocs.org/CCPR/C/21/Rev.1/Add.13}},
}}

% A national law: its official title, number and year of adoption.
@legislation{{national-law,
  title = {{{names.law}}},
  year = {{TODO}},
}}

% An NGO report: the organisation's, or a partner's, with where and when it was published.
@report{{ngo-report,
  author = {{{{{_braced(organisation)}}}}},
  title = {{{names.title}}},
  location = {{{names.city}}},
  year = {{{today.year}}},
  url = {{https://example.org/TODO}},
}}

% A web page: its address, its date (or the year it was read) and the day it was read (`urldate`).
@online{{ohchr-upr,
  author = {{{{{names.ohchr}}}}},
  title = {{{names.upr}}},
  url = {{https://www.ohchr.org/{answers.language}/hr-bodies/upr/upr-main}},
  year = {{{today.year}}},
  urldate = {{{today.isoformat()}}},
}}
"""


def _braced(text: str) -> str:
    """A value as BibTeX reads it literally: braces, backslashes and percent signs escaped away."""
    return text.replace("\\", "").replace("{", "(").replace("}", ")").replace("%", r"\%")
