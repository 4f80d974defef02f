"""What one rendering keeps for the next (`watch`, `serve`): each part's output, keyed by the resolved
model of the part and by everything else of the renderer it was made under, so an unchanged part is
not rendered again and a changed one never reused.

A key is compared by value, never by identity: a section edited and saved back as it was, or one
whose note numbers moved because an earlier section gained a note, is matched exactly as a fresh
rendering would see it. What a rendering does not use is dropped when it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    """Outputs by (part, context): `part` must be hashable (frozen model nodes are); `context` is
    compared by equality only, so it may hold unhashable settings."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[object, T]] = {}  # from the renderings before
        self._used: dict[Hashable, tuple[object, T]] = {}  # made or reused by the current one
        self.hits = self.misses = 0

    def get(self, part: Hashable, context: object, make: Callable[[], T]) -> T:
        """`make()`, or what it gave for an equal part under an equal context."""
        try:
            entry = self._used.get(part) or self._kept.get(part)
        except TypeError:  # a part holding something unhashable: made every time
            return make()
        if entry is not None and entry[0] == context:
            self.hits += 1
        else:
            self.misses += 1
            entry = (context, make())
        self._used[part] = entry
        return entry[1]

    def done(self) -> None:
        """A rendering ended well: keep what it used, drop the rest."""
        self._kept, self._used = self._used, {}

    def __len__(self) -> int:
        return len(self._kept)
