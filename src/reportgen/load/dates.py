"""Dates as BibLaTeX writes them (ISO 8601 and EDTF: `2011-11-21/2011-11-23`, `2011~`, `199X`, `2011-21`
for spring), read, checked and written out in the report's language: `21–23 November 2011`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ..i18n import note_words as labels
from ..i18n import write_date

_POINT = re.compile(r"(?P<year>-?\d{4}|\d{2}XX|\d{3}X)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
                    r"(?:T[\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?(?P<qualifier>[?~%]?)")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
SEASONS = {21: 0, 22: 1, 23: 2, 24: 3}


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date: year, month (0: none), day (0: none) or season; `fuzzy` is "", "decade" or "century"."""

    year: int
    month: int = 0
    day: int = 0
    season: int = -1
    approximate: bool = False
    uncertain: bool = False
    fuzzy: str = ""


@dataclass(frozen=True, slots=True)
class Date:
    start: Point | None
    end: Point | None = None
    is_range: bool = False


class DateError(ValueError):
    pass


def parse(text: str) -> Date:
    """An EDTF date or range; raises DateError saying what is wrong."""
    text = text.strip()
    if "/" not in text:
        return Date(_point(text))
    first, _, second = text.partition("/")
    start = None if first in ("", "..") else _point(first)
    end = None if second in ("", "..") else _point(second)
    if start is None and end is None:
        raise DateError("has neither a start nor an end")
    if start and end and _key(end) < _key(start):
        raise DateError("ends before it starts")
    return Date(start, end, True)


def _point(text: str) -> Point:
    match = _POINT.fullmatch(text)
    if not match:
        raise DateError("is not a date: write it YYYY, YYYY-MM or YYYY-MM-DD, a range with '/'")
    year_text, month_text, day_text, qualifier = match["year"], match["month"], match["day"], match["qualifier"]
    fuzzy = "century" if year_text.endswith("XX") else "decade" if year_text.endswith("X") else ""
    year = int(year_text.replace("X", "0"))
    month = 0 if month_text in (None, "XX") else int(month_text)
    day = 0 if day_text in (None, "XX") else int(day_text)
    if fuzzy and (month or day):
        raise DateError("has a month or day in an unknown decade")
    season = SEASONS.get(month, -1)
    if season >= 0:
        if day:
            raise DateError(f"has a day in a season ({month} stands for a season)")
        month = 0
    elif month > 12 or (month_text not in (None, "XX") and month == 0):
        raise DateError(f"has the month {month_text}, which does not exist")
    if day and day > calendar.monthrange(year if year > 0 else 2000, month)[1]:
        raise DateError(f"has the day {day_text}, which {calendar.month_name[month]} {year} does not have")
    return Point(year, month, day, season, qualifier in "~%" and bool(qualifier), qualifier in "?%" and bool(qualifier),
                 fuzzy)


def _key(point: Point) -> tuple:
    return (point.year, point.month or (point.season * 3 + 3 if point.season >= 0 else 0), point.day)


def problem(text: str) -> str:
    """What is wrong with an EDTF date, or ""."""
    try:
        parse(text)
    except DateError as exc:
        return str(exc)
    return ""


def month_number(text: str) -> int:
    """`3`, `03`, `mar`, `March` -> 3; 0 when it is no month."""
    text = text.strip().lower().rstrip(".")
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else 0
    return _MONTH_NAMES.index(text[:3]) + 1 if text[:3] in _MONTH_NAMES and text.isalpha() else 0


def year_problem(year: str, month: str) -> str:
    """The legacy `year` and `month` fields: the month must be one."""
    if month.strip() and not month_number(month) and month.strip().lower() not in _SEASON_WORDS:
        return f"month '{month}' is not a month (write a number 1-12 or jan, feb …)"
    return ""


_SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}


def from_fields(fields) -> Date | None:
    """The entry's date: `date`, else `year` and `month` when the year is a number; None otherwise."""
    if fields.get("date"):
        try:
            return parse(fields.get("date"))
        except DateError:
            return None
    year = fields.get("year", "").strip()
    if not re.fullmatch(r"\d{1,4}", year):
        return None
    return Date(Point(int(year), month_number(fields.get("month", ""))))


def write(date: Date, language: str) -> str:
    """The date in words: `17 March 2011`, `21–23 November 2011`, `c. 2011`, `1990s`, `2011–`; in Chinese
    `2011年11月21日至23日`, `2008—2011年`."""
    if not date.is_range:
        return _single(date.start, language)
    if language == "zh":
        return _chinese_range(date.start, date.end)
    if date.start is None:
        return "–" + _single(date.end, language)
    if date.end is None:
        return _single(date.start, language) + "–"
    start, end = date.start, date.end
    if _plain(start) and start.year == end.year and start.day and end.day and start.month == end.month:
        return f"{_day(start.day, language)}–{_single(end, language)}"
    if _plain(start) and start.year == end.year and start.month and end.month and bool(start.day) == bool(end.day):
        first = _single(start, language, year=False)
    else:
        first = _single(start, language)
    last = _single(end, language)
    # Arabic and Russian space the dash between dates of several words: `21 ноября – 3 декабря 2011 года`
    spaced = language in ("ar", "ru") and " " in first
    return f"{first}{' – ' if spaced else '–'}{last}"


def _plain(point: Point) -> bool:
    return not (point.approximate or point.uncertain or point.fuzzy or point.season >= 0)


def _chinese_range(start: Point | None, end: Point | None) -> str:
    """`2011年11月21日至23日`, `2011年11月21日至12月3日`, `2011年3月至5月`, `2008—2011年` (GB/T 15834's
    dash between years), `2011年11月21日至2012年1月3日`."""
    if start is None or end is None:
        return "—" + _single(end, "zh") if start is None else _single(start, "zh") + "—"
    if not (_plain(start) and _plain(end)):
        return f"{_single(start, 'zh')}至{_single(end, 'zh')}"
    if not (start.month or end.month):
        return f"{start.year}—{end.year}年"
    last = _single(end, "zh")
    if start.year == end.year:
        last = last.split("年", 1)[1]
        if start.month == end.month and start.day and end.day:
            last = last.split("月", 1)[1]
    return f"{_single(start, 'zh')}至{last}"


def _single(point: Point, language: str, year: bool = True) -> str:
    words = labels(language)
    if point.fuzzy:
        text = words["decade"].format(year=point.year)
    elif point.season >= 0:
        season = words["seasons"][point.season]
        text = f"{point.year}年{season}" if language == "zh" else f"{season} {point.year}"
    elif year:  # the language's own order and forms: 17 марта 2011 года, 2011年3月17日
        text = write_date(point.year, point.month, point.day, language)
    else:
        months = words.get("months_of", words["months"]) if point.day else words["months"]
        parts = [_day(point.day, language) if point.day else "", months[point.month - 1] if point.month else ""]
        text = words["date_joiner"].join(p for p in parts if p)
    if point.approximate:
        text = f"{words['circa']}{'' if language == 'zh' else ' '}{text}"
    return text + ("?" if point.uncertain else "")


def _day(day: int, language: str) -> str:
    return "1er" if language == "fr" and day == 1 else str(day)
