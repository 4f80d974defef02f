"""Rewrite the README's generated tables (report.yaml keys, check rules) from the code.

    python tools/update_readme.py

Tests compare the README with the code, so run this after changing the schema or the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.check.registry import markdown_table as rule_table
from reportgen.load.config import markdown_table as key_table

README = Path(__file__).resolve().parents[1] / "README.md"


def replace_table(text: str, header: str, table: str) -> str:
    """Replace the Markdown table that starts with `header` line by `table`."""
    pattern = re.compile(rf"^{re.escape(header)}\n(?:\|.*\n)+", re.MULTILINE)
    if not pattern.search(text):
        raise SystemExit(f"README.md: no table starting with {header!r}")
    return pattern.sub(lambda _: table, text, count=1)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = replace_table(text, "| Key | Default | Meaning |", key_table())
    text = replace_table(text, "| Rule | Default | What it checks | Why | Source |", rule_table())
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
