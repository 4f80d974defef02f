"""Numbers written as words where a language's UN style writes them so: Chinese numerals (第十三届会议,
附件一) and Arabic ordinals (الدورة الثالثة عشرة, المرفق الأول), as the UN writes session, cycle and annex
numbers."""

from __future__ import annotations

_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese(number: int) -> str:
    """1 -> 一, 10 -> 十, 13 -> 十三, 20 -> 二十, 105 -> 一百零五 (up to 9,999; larger in digits)."""
    if not 0 < number < 10000:
        return str(number)
    out, rest, gap = [], number, False
    for value, unit in _CHINESE_UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if gap:
                out.append("零")
            out.append(("" if value == 10 and digit == 1 and not out else _CHINESE_DIGITS[digit]) + unit)
            gap = False
        elif out:
            gap = True
    if rest:
        out.append(("零" if gap else "") + _CHINESE_DIGITS[rest])
    return "".join(out)


# Feminine ordinals: الدورة (session), الجولة (cycle), الطبعة (edition), السلسلة (series) are all feminine.
_ARABIC_UNITS = ("", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
                 "التاسعة", "العاشرة")
_ARABIC_COMPOUND_UNITS = ("", "الحادية", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
                          "الثامنة", "التاسعة")
# Masculine ordinals: المرفق (annex) is masculine.
_ARABIC_UNITS_M = ("", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                   "العاشر")
_ARABIC_COMPOUND_UNITS_M = ("", "الحادي", *_ARABIC_UNITS_M[2:10])
_ARABIC_TENS = ("", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون",
                "التسعون")


def arabic_ordinal(number: int, masculine: bool = False) -> str:
    """3 -> الثالثة, 13 -> الثالثة عشرة, 21 -> الحادية والعشرون (feminine, 1 to 99; others in digits);
    masculine: الثالث, الثالث عشر, الحادي والعشرون."""
    if not 0 < number < 100:
        return str(number)
    units, compound, ten = ((_ARABIC_UNITS_M, _ARABIC_COMPOUND_UNITS_M, "عشر") if masculine else
                            (_ARABIC_UNITS, _ARABIC_COMPOUND_UNITS, "عشرة"))
    if number <= 10:
        return units[number]
    tens, unit = divmod(number, 10)
    if tens == 1:
        return f"{compound[unit]} {ten}"
    if unit == 0:
        return _ARABIC_TENS[tens]
    return f"{compound[unit]} و{_ARABIC_TENS[tens]}"
