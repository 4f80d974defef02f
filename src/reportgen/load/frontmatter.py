"""A section file's front matter: the YAML block between `---` lines at its top, read with lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problems, ReportError
from .schema import compose, doc, read_schema


@dataclass(frozen=True)
class FrontMatter:
    title: str = doc("Section title, shown as a level-1 heading at the top of the section.", "")
    id: str = doc("Identifier of that heading, for links and cross-references.", "")
    owner: str = doc("Who is responsible for the section (shown by `reportgen check`).", "")
    status: str = doc("Editorial status, e.g. `draft`, `review`, `final`.", "")
    numbered: bool = doc("Whether the title heading is numbered.", True)
    annex: bool = doc("The section is an annex: its words are counted apart, outside the word limit.", False)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def read_front_matter(text: str, path: str, problems: Problems) -> tuple[FrontMatter, dict[str, int], str]:
    """The front matter, the line of each key, and the text with the front matter blanked out (its
    lines kept, so Markdown line numbers stay true); mistakes go to `problems`."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(), {}, text
    front, lines = FrontMatter(), {}
    try:
        node = compose(match["yaml"] or "", path, line_offset=1)
        value, lines = read_schema(FrontMatter, node, path, problems, line_offset=1)
        front = value or front
    except ReportError as exc:
        problems.extend(exc.problems)
    return front, lines, "\n" * match.group(0).count("\n") + text[match.end():]
