"""The metadata an author writes after a recommendation, `{theme="…" sdg="16.2" previous="28.212"}`:
which keys exist, what their values look like, and the messages for what is wrong."""

from __future__ import annotations

import difflib
import re

from ..model import Attributes

# key: what it holds, for the messages and the README
KEYS = {
    "theme": "the theme under which the recommendation is grouped, e.g. `theme=\"trafficking\"`",
    "sdg": "Sustainable Development Goal targets, separated by spaces or commas, e.g. `sdg=\"16.2 8.7\"`",
    "previous": "the previous-cycle recommendations it repeats or follows up, numbered as OHCHR does, "
                "e.g. `previous=\"28.212 28.215\"`",
    "states": "the States that made those, separated by semicolons, e.g. `states=\"Brazil; Norway\"`",
    "priority": "`high`, `medium` or `low`",
}
PRIORITIES = ("high", "medium", "low")
PREVIOUS = re.compile(r"\d{1,3}\.\d{1,3}")  # OHCHR: paragraph.item of the Working Group report
SDG_TARGET = re.compile(r"(?:[1-9]|1[0-7])\.(?:[1-9]\d?|[a-d])")


def read_metadata(attributes: Attributes) -> tuple[dict, list[str]]:
    """The model fields for `attributes`, and a message for each mistake."""
    fields: dict = {}
    mistakes: list[str] = []
    if attributes.id:
        fields["id"] = attributes.id
    if attributes.classes:
        mistakes.append(f"a recommendation takes no classes ('.{attributes.classes[0]}'); "
                        f"write key=\"value\" with one of {', '.join(KEYS)}")
    for key, value in attributes.pairs:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; use {', '.join(KEYS)}"
            mistakes.append(f"unknown recommendation attribute '{key}'{hint}")
        elif key in fields:
            mistakes.append(f"recommendation attribute '{key}' is given twice")
        elif key == "theme":
            fields["theme"] = " ".join(value.split())
        elif key == "priority":
            if value.lower() not in PRIORITIES:
                mistakes.append(f"priority must be high, medium or low, not '{value}'")
            fields["priority"] = value.lower()
        elif key == "states":
            fields["states"] = tuple(s.strip() for s in value.split(";") if s.strip())
        else:
            items = tuple(v for v in re.split(r"[\s,;]+", value) if v)
            pattern, example = (PREVIOUS, "28.212") if key == "previous" else (SDG_TARGET, "16.2 or 5.a")
            for item in items:
                if not pattern.fullmatch(item):
                    what = ("previous-cycle recommendation '{}' must be numbered as OHCHR does, e.g. {}"
                            if key == "previous" else "'{}' is not an SDG target (write goal.target, e.g. {})")
                    mistakes.append(what.format(item, example))
            fields[key] = items
    return fields, mistakes
