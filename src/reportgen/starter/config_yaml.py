"""report/report.yaml for a new report: every key of the schema, each under its documentation as a
comment; the answers given to `reportgen init` filled in, every other key commented out with its
default or an example, so that removing `# ` turns it on."""

from __future__ import annotations

import json
import textwrap

import yaml

from ..load.config import ReportConfig, documented_keys

HEADER = """\
# The report's metadata and settings, read by every reportgen command (the README's "report.yaml"
# section says the same). A line `# key: value` is a key left at its default or unset: remove the
# `# ` to set it. A misspelt key is an error that names its line.
"""
# Keys whose default says nothing: an example to show instead.
EXAMPLES = {
    "subtitle": '"Review of the implementation of the recommendations of the previous cycle"',
    "coalition.name": "Coalition for Human Rights in {state}",
    "coalition.acronym": "CHR",
    "coalition.description": ">-\n  The coalition brings together ... organisations working on ...; it was "
                             "established in ...",
    "contact.name": "Jane Doe",
    "contact.organisation": "{acronym}",
    "contact.email": "jane.doe@example.org",
    "contact.phone": '"+00 000 000 000"',
    "contact.address": '"Street, City, Country"',
    "contact.website": "https://example.org",
    "keywords": "[the right to education, birth registration]",
    "sections": "[01-executive-summary.md, 02-follow-up.md]",
    "csl": "oscola.csl",
    "output_name": "{name}",
    "budgets": "{{01-executive-summary.md: 300, 02-follow-up.md: 800}}",
    "checks.rules": "{{PU-1: off, ST-4: error}}",
}
LIST_OF_MAPPINGS = "organisations"  # its items' keys are documented in its own comment


def report_yaml(values: dict[str, str], facts: dict[str, str]) -> str:
    """The file: `values` maps dotted keys to their YAML text; `facts` fill the examples' {fields}."""
    keys = [(k, text) for k, text in documented_keys() if not k.startswith(LIST_OF_MAPPINGS + ".")]
    item_keys = [(k.split(".", 1)[1], text) for k, text in documented_keys() if k.startswith(LIST_OF_MAPPINGS + ".")]
    defaults = ReportConfig()
    lines = [HEADER.rstrip()]
    for key, text in keys:
        depth, name = key.count("."), key.rsplit(".", 1)[-1]
        pad = "  " * depth
        if depth == 0:
            lines.append("")
        if key == LIST_OF_MAPPINGS:
            text += " Each: " + " ".join(f"`{k}`: {t}" for k, t in item_keys)
        lines += _comment(text, pad)
        children = [k for k, _ in keys if k.startswith(key + ".")]
        on = key in values or any(k in values for k in children)
        prefix = pad if on else f"{pad}# "
        if children:
            lines.append(f"{prefix}{name}:")
        elif key in values:
            value = values[key]
            lines.append(f"{pad}{name}:{'' if value.startswith(chr(10)) else ' '}{value}")
        else:
            example = EXAMPLES.get(key)
            shown = example.format(pad=pad, **facts) if example else _yaml(_default(defaults, key))
            lines.append(f"{pad}# {name}: {shown}".replace("\n", f"\n{pad}# "))
    return "\n".join(lines) + "\n"


def _comment(text: str, pad: str) -> list[str]:
    return textwrap.wrap(text, 100, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}# ",
                         break_long_words=False, break_on_hyphens=False)


def _default(config: ReportConfig, key: str):
    value = config
    for part in key.split("."):
        value = getattr(value, part)
    return value


def _yaml(value) -> str:
    """A value in YAML's flow style, on one line."""
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip().removesuffix(
        "\n...").strip()


def scalar(value: str) -> str:
    """A string as a YAML scalar, plain when YAML reads it back as the same string in any context (a
    flow mapping included), else double-quoted."""
    try:
        plain = yaml.safe_load(value) == value and not any(c in value for c in ",[]{}#") and value == value.strip()
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)
