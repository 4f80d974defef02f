"""Notes in Arabic, Chinese and Russian as the UN's documents in those languages write them: their
punctuation, locators after or before the number in the language's words, titles in Chinese in title
marks, dates and date ranges the language's way, and BibLaTeX's localisation keys as words."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.i18n import BIBLATEX_KEYS, UN_LANGUAGES, localised
from reportgen.load import dates
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.transforms.locators import localise

BIB = r"""
@book{wang2015,
  author = {王晓明},
  title = {人权与发展},
  subtitle = {理论与实践},
  location = {北京},
  publisher = {法律出版社},
  edition = {2},
  year = {2015},
}
@book{zhou2018,
  author = {周红},
  title = {儿童权利：国际标准与国内实践},
  year = {2018},
}
@report{hrc2008,
  author = {{人权理事会}},
  title = {普遍定期审议工作组的报告：印度尼西亚},
  number = {A/HRC/8/23},
  date = {2008-05-14},
}
@report{hrcar,
  author = {{مجلس حقوق الإنسان}},
  title = {تقرير الفريق العامل المعني بالاستعراض الدوري الشامل: إندونيسيا},
  number = {A/HRC/8/23},
  date = {2008-05-14},
}
@report{hrcru,
  author = {{Совет по правам человека}},
  title = {Доклад Рабочей группы по универсальному периодическому обзору: Индонезия},
  number = {A/HRC/8/23},
  date = {2008-05-14},
}
@book{smith2020,
  author = {Smith, Jane and M{\"u}ller, Hans},
  title = {Human Rights Advocacy},
  publisher = {Oxford University Press},
  location = {Oxford},
  year = {2020},
  pages = {100--120},
}
@thesis{li2010,
  author = {Li, Hua},
  title = {Child Labour in Asia},
  type = {phdthesis},
  institution = {University of Hong Kong},
  location = {countryfr and countryuk},
  year = {2010},
  language = {english},
}
@proceedings{meeting,
  title = {Regional Meeting on Child Rights},
  eventdate = {2011-11-21/2011-11-23},
  series = {newseries},
  year = {2012},
}
"""


def notes(project, body: str, language: str) -> list[str]:
    root = project({"sections/01.md": body, "references.bib": BIB,
                    "report/report.yaml": f"title: T\nstate: X\nlanguage: {language}\n"})
    return [m.plain_text(note.blocks) for note in load_model(Project.at(root)).notes]


def test_chinese_notes_use_title_marks_full_width_punctuation_and_chinese_locators(project):
    found = notes(project, "甲[@wang2015, p. 12]。乙[@wang2015, pp. 14-15]。丙[@wang2015, para. 3]。"
                           "丁[@hrc2008, para. 104]。戊[@hrc2008, paras. 104-106]。己[@smith2020, p. 5]。\n", "zh")
    assert found == [
        "王晓明，《人权与发展：理论与实践》，第二版（北京，法律出版社，2015年），第12页。",
        "同上，第14至15页。",
        "同上，第3段。",
        "人权理事会，《普遍定期审议工作组的报告：印度尼西亚》，A/HRC/8/23（2008年5月14日），第104段。",
        "同上，第104至106段。",
        # a title in English keeps its italics; the note is punctuated as Chinese writes
        "Jane Smith和Hans Müller，Human Rights Advocacy（Oxford，Oxford University Press，2020年），第100至120页，"
        "第5页。",
    ]


def test_a_chinese_title_is_in_title_marks_not_in_italics(project):
    root = project({"sections/01.md": "甲[@wang2015]。乙[@smith2020]。\n", "references.bib": BIB,
                    "report/report.yaml": "title: T\nlanguage: zh\n"})
    first, second = (note.blocks[0].inlines for note in load_model(Project.at(root)).notes)
    assert not any(isinstance(node, m.Emph) for node in first)
    assert any(isinstance(node, m.Emph) and m.plain_text(node) == "Human Rights Advocacy" for node in second)


def test_later_chinese_notes_name_the_symbol_or_the_short_title(project):
    found = notes(project, "甲[@hrc2008]。乙[@wang2015]。丙[@hrc2008, para. 12]。丁[@wang2015, p. 7]。\n", "zh")
    assert found[2:] == ["A/HRC/8/23，第12段。", "王晓明，《人权与发展》，第7页。"]
    found = notes(project, "甲[@zhou2018]。乙[@wang2015]。丙[@zhou2018, p. 3]。\n", "zh")
    assert found[2] == "周红，《儿童权利》，第3页。"  # the title cut at its full-width colon


def test_arabic_notes_use_the_arabic_comma_and_words(project):
    found = notes(project, "أ[@hrcar, para. 104]. ب[@hrcar, p. 5]. ج[@smith2020]. د[@hrcar, paras. 104-106; "
                           "@smith2020, p. 3].\n", "ar")
    assert found == [
        "مجلس حقوق الإنسان، تقرير الفريق العامل المعني بالاستعراض الدوري الشامل: إندونيسيا، A/HRC/8/23 "
        "(14 أيار/مايو 2008)، الفقرة 104.",
        "المرجع نفسه، الصفحة 5.",
        "Jane Smith وHans Müller، Human Rights Advocacy (Oxford، Oxford University Press، 2020)، الصفحات 100–120.",
        "A/HRC/8/23، الفقرات 104–106؛ Smith وMüller، Human Rights Advocacy، الصفحة 3.",
    ]


def test_russian_notes_write_paragraphs_and_pages_as_un_russian_documents_do(project):
    found = notes(project, "А[@hrcru, para. 104]. Б[@hrcru, paras. 104-106]. В[@smith2020, p. 3].\n", "ru")
    assert found == [
        "Совет по правам человека, Доклад Рабочей группы по универсальному периодическому обзору: Индонезия, "
        "A/HRC/8/23 (14 мая 2008 года), п. 104.",
        "Там же, пп. 104–106.",
        "Jane Smith и Hans Müller, Human Rights Advocacy (Oxford, Oxford University Press, 2020), стр. 100–120, "
        "стр. 3.",
    ]


@pytest.mark.parametrize("language, expected", [
    ("zh", "Hua Li，“Child Labour in Asia”（英文），博士学位论文（法国和联合王国，University of Hong Kong，2010年）。"),
    ("ar", "Hua Li، ”Child Labour in Asia“ (باللغة الإنكليزية)، أطروحة دكتوراه (فرنسا والمملكة المتحدة، "
           "University of Hong Kong، 2010)."),
    ("ru", "Hua Li, «Child Labour in Asia» (на английском языке), докторская диссертация (Франция и Соединенное "
           "Королевство, University of Hong Kong, 2010)."),
])
def test_biblatex_keys_are_words_in_arabic_russian_and_chinese(project, language, expected):
    assert notes(project, "A[@li2010].\n", language) == [expected]


def test_every_biblatex_key_has_a_word_in_every_language():
    for key, words in BIBLATEX_KEYS.items():
        assert len(words) == len(UN_LANGUAGES) and all(words), key
        assert [localised(key, code) for code in UN_LANGUAGES] == list(words)


@pytest.mark.parametrize("language, expected", [
    ("zh", "《Regional Meeting on Child Rights》"),
    ("ru", "Regional Meeting on Child Rights, новая серия, Regional Meeting on Child Rights, 21–23 ноября 2011 года"),
    ("ar", "Regional Meeting on Child Rights، سلسلة جديدة"),
])
def test_event_dates_and_series_in_each_language(project, language, expected):
    (note,) = notes(project, "A[@meeting].\n", language)
    if language == "zh":
        assert "2011年11月21日至23日" in note and "新辑" in note
    elif language == "ar":
        assert note.startswith(expected) and "21–23 تشرين الثاني/نوفمبر 2011" in note
    else:
        assert "новая серия" in note and "21–23 ноября 2011 года" in note


@pytest.mark.parametrize("text, language, expected", [
    ("2011-11-21/2011-11-23", "zh", "2011年11月21日至23日"),
    ("2011-11-21/2011-12-03", "zh", "2011年11月21日至12月3日"),
    ("2011-11-21/2012-01-03", "zh", "2011年11月21日至2012年1月3日"),
    ("2011-03/2011-05", "zh", "2011年3月至5月"),
    ("2008/2011", "zh", "2008—2011年"),
    ("2011", "zh", "2011年"),
    ("2011~", "zh", "约2011年"),
    ("2011-21", "zh", "2011年春"),
    ("2011-11-21/2011-12-03", "ru", "21 ноября – 3 декабря 2011 года"),
    ("2011-03/2011-05", "ru", "март–май 2011 года"),
    ("2011-11-21/2011-12-03", "ar", "21 تشرين الثاني/نوفمبر – 3 كانون الأول/ديسمبر 2011"),
    ("2011-11-21/2011-12-03", "en", "21 November–3 December 2011"),
])
def test_date_ranges_are_written_each_languages_way(text, language, expected):
    assert dates.write(dates.parse(text), language) == expected


@pytest.mark.parametrize("locator, language, expected", [
    ("p. 12", "zh", "第12页"), ("pp. 14-15", "zh", "第14至15页"), ("para. 104.3", "zh", "第104.3段"),
    ("paras. 12, 14 and 16", "zh", "第12、14和16段"), ("p. 12, n. 3", "zh", "第12页，注3"),
    ("chap. IV", "zh", "第IV章"), ("annex II", "zh", "附件II"),
    ("para. 12", "ar", "الفقرة 12"), ("paras. 12-14", "ar", "الفقرات 12–14"), ("p. 3", "ar", "الصفحة 3"),
    ("para. 12", "ru", "п. 12"), ("paras. 12 and 14", "ru", "пп. 12 и 14"), ("p. 3", "ru", "стр. 3"),
    ("para. 12", "fr", "par. 12"), ("para. 12", "es", "párr. 12"), ("pp. 3--5", "es", "págs. 3–5"),
    ("para. 12", "en", "para. 12"), ("pp. 3-5", "en", "pp. 3-5"),  # English as written
    ("第12页", "zh", "第12页"), ("p. 12 and the table", "zh", "p. 12 and the table"),  # not terms: as written
    ("", "zh", ""),
])
def test_locators_in_the_reports_language(locator, language, expected):
    assert localise(locator, language) == expected
