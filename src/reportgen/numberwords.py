"""Numbers written as words where a language's UN style writes them so: Chinese numerals (第十三届会议)
and Arabic feminine ordinals (الدورة الثالثة عشرة), as the UN writes session and cycle numbers."""

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
_ARABIC_TENS = ("", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون",
                "التسعون")


def arabic_ordinal(number: int) -> str:
    """3 -> الثالثة, 13 -> الثالثة عشرة, 21 -> الحادية والعشرون (feminine, 1 to 99; others in digits)."""
    if not 0 < number < 100:
        return str(number)
    if number <= 10:
        return _ARABIC_UNITS[number]
    tens, unit = divmod(number, 10)
    if tens == 1:
        return f"{_ARABIC_COMPOUND_UNITS[unit]} عشرة"
    if unit == 0:
        return _ARABIC_TENS[tens]
    return f"{_ARABIC_COMPOUND_UNITS[unit]} و{_ARABIC_TENS[tens]}"
