"""Which Word list each Markdown list joins, so that the DOCX's lists stay lists when edited.

Each ordered list is one Word list (one `w:num`), its nested ordered lists levels of it (`w:ilvl`);
a list that goes on counting from an earlier one of its kind (`b)` after `a)` and a paragraph)
joins that Word list. Word then renumbers every item after one is inserted or removed. The
counters Word will keep are followed here, so a list joins another only where Word shows exactly
the model's numbers; anywhere else it becomes a new list restarted at its first number.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from ._ooxml import ListLevel, Numbering

MAX_LEVELS = 9  # Word's levels per list: ilvl 0-8


@dataclass
class WordList:
    """One Word list: its `w:num` id and abstract list, how each level writes its number and its
    first value, and the value Word's counter of each level last showed (None: restarts)."""

    num_id: int
    abstract_id: int
    looks: list[tuple] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    values: list[int | None] = field(default_factory=list)

    def next_value(self, ilvl: int) -> int:
        """The number Word gives the next item at level `ilvl`."""
        current = self.values[ilvl]
        return self.starts[ilvl] if current is None else current + 1

    def count(self, ilvl: int) -> None:
        """An item at level `ilvl`: its counter goes on, the deeper levels restart (Word's default)."""
        self.values[ilvl] = self.next_value(ilvl)
        for deeper in range(ilvl + 1, len(self.values)):
            self.values[deeper] = None

    def add_level(self, level: ListLevel) -> None:
        self.looks.append(_look(level))
        self.starts.append(level.start)
        self.values.append(None)


def _look(level: ListLevel) -> tuple:
    """What must match for a nested list to be a level of its parent's list."""
    return level.num_fmt, level.text, level.bold


class WordLists:
    """Places Markdown lists in Word lists, writing the definitions into `numbering`."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.latest: dict[Hashable, WordList] = {}

    def place(self, level: ListLevel, kind: Hashable, parent: tuple[WordList, int] | None = None
              ) -> tuple[WordList, int]:
        """The Word list and level for a list whose first item is numbered `level.start`.

        `level` is the list's own level as the first of a list (numbers written `%1`); `parent` the
        list and level of the item it is nested in; `kind` groups the lists that may go on from one
        another (same place, depth and format)."""
        if parent is not None and self._nest(parent[0], parent[1] + 1, level):
            return parent[0], parent[1] + 1
        previous = self.latest.get(kind)
        if level.start > 1 and previous is not None and previous.next_value(0) == level.start:
            return previous, 0
        abstract_id = self.numbering.add_list([level])
        word_list = WordList(self.numbering.add_instance(abstract_id, {0: level.start}), abstract_id)
        word_list.add_level(level)
        self.latest[kind] = word_list
        return word_list, 0

    def _nest(self, word_list: WordList, ilvl: int, level: ListLevel) -> bool:
        """Whether a nested list can be level `ilvl` of `word_list` (defining that level if new)."""
        if ilvl >= MAX_LEVELS or ilvl > len(word_list.looks):
            return False
        if ilvl == len(word_list.looks):
            self.numbering.add_level(word_list.abstract_id, ilvl, level)
            word_list.add_level(level)
            return True
        return word_list.looks[ilvl] == _look(level) and word_list.next_value(ilvl) == level.start
