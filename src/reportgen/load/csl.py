"""Pandoc's `references:` in a section's front matter: CSL YAML entries read into bibliography entries,
so that a section can carry the sources it alone cites."""

from __future__ import annotations

import yaml

from ..errors import Problems, Source
from .bibliography import Entry
from .csl_json import item_entry, yaml_item


def read_references(node: yaml.Node, path: str, line_offset: int, problems: Problems) -> tuple[Entry, ...]:
    """The entries of a `references:` list, read as a CSL-YAML bibliography is; an item without an
    `id` is a located error."""
    def line(n: yaml.Node) -> int:
        return n.start_mark.line + 1 + line_offset

    if not isinstance(node, yaml.SequenceNode):
        problems.error(Source(path, line(node)), "'references' must be a list of entries (CSL YAML, as pandoc)")
        return ()
    entries = []
    for item in node.value:
        lines = {k.value: line(k) for k, _ in item.value} if isinstance(item, yaml.MappingNode) else {}
        entry = item_entry(yaml_item(item), lines, Source(path, line(item)), problems)
        if entry is not None:
            entries.append(entry)
    return tuple(entries)
