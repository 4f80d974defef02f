"""Findings as the project wants them: `checks.rules` switches rules off or changes their severity,
and a `reportgen-ignore RULE-ID` comment silences one finding on its line or the line before.

    <!-- reportgen-ignore ST-8: the treaty itself, not a dated fact -->   (Markdown)
    % reportgen-ignore BIB-2                                              (references.bib)
    # reportgen-ignore ST-2                                               (report.yaml)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path

from ..errors import Problem, Problems, Source
from ..files import UnsafePath, real_path
from ..load.config import ReportConfig
from .registry import RULES

_ID = r"[A-Za-z]+-\d+"
_IGNORE = re.compile(rf"(?:<!--|%|#)\s*reportgen-ignore\s+(?P<ids>{_ID}(?:\s*,\s*{_ID}|\s+{_ID})*)")


class Files:
    """The project's text files, read once, by project-relative path."""

    def __init__(self, root: Path):
        self.root, self.cache = root, {}

    def lines(self, path: str) -> list[str]:
        if path not in self.cache:
            try:
                real = real_path(self.root, self.root / path)
                self.cache[path] = real.read_text(encoding="utf-8-sig").splitlines()
            except (UnsafePath, OSError, UnicodeDecodeError):
                self.cache[path] = []
        return self.cache[path]

    def locate(self, source: Source, text: str) -> Source:
        """The line at or after `source` that holds `text` (a block's line is its first one)."""
        for number, line in enumerate(self.lines(source.path)[max(source.line - 1, 0):], start=max(source.line, 1)):
            if text in line:
                return Source(source.path, number)
        return source


def ignores(files: Files, path: str) -> tuple[dict[int, set[str]], list[Problem]]:
    """The rule ids silenced on each line of a file, and an error for each unknown id."""
    silenced: dict[int, set[str]] = {}
    mistakes = []
    for number, line in enumerate(files.lines(path), start=1):
        for match in _IGNORE.finditer(line):
            for rule in re.split(r"[\s,]+", match["ids"].strip()):
                if rule in RULES:
                    silenced.setdefault(number, set()).add(rule)
                    continue
                close = difflib.get_close_matches(rule.upper(), RULES, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                mistakes.append(Problem(Source(path, number), f"unknown rule '{rule}' in reportgen-ignore{hint}",
                                        rule="LD-1"))
    return silenced, mistakes


def apply(findings: list[Problem], levels: dict[str, str], files: Files,
          paths: list[str]) -> tuple[list[Problem], int]:
    """Findings after `checks.rules` and the inline ignores of `paths`, sorted; and how many were silenced."""
    directives = {path: ignores(files, path) for path in paths}
    kept = [mistake for _, mistakes in directives.values() for mistake in mistakes]
    silenced = 0
    for finding in findings:
        rule = RULES[finding.rule]
        level = finding.severity if rule.loader else levels.get(finding.rule, finding.severity)
        if level == "off":
            continue
        lines = directives.get(finding.source.path, ({}, []))[0]
        line = finding.source.line
        if line and not rule.loader and finding.rule in lines.get(line, set()) | lines.get(line - 1, set()):
            silenced += 1
            continue
        kept.append(replace(finding, severity=level))
    return sorted(set(kept), key=Problem.sort_key), silenced


def check_rule_settings(config: ReportConfig, problems: Problems) -> None:
    """`checks.rules` names rules that exist; rules the loader enforces keep their severity."""
    for rule, level in config.checks.rules.items():
        where = config.source(f"checks.rules.{rule}")
        if rule not in RULES:
            close = difflib.get_close_matches(rule.upper(), RULES, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.error(where, f"unknown rule '{rule}' in checks.rules{hint}")
        elif RULES[rule].loader and level != RULES[rule].severity:
            problems.error(where, f"rule {rule} is checked while loading the project; it cannot be switched off or "
                                  "changed")
