"""What `reportgen check` found, and how it is shown: text lines for people, JSON for CI."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..errors import Problem
from .registry import RULES
from .wordcount import WordCount


@dataclass(frozen=True)
class Limit:
    """The word limit that applies, and the rule that enforces it."""

    rule: str
    words: int
    kind: str  # "an individual submission"


@dataclass(frozen=True)
class Result:
    findings: tuple[Problem, ...]
    words: WordCount | None = None  # None when the project did not load
    limit: Limit | None = None
    silenced: int = 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.count("warning")))

    def totals(self) -> str:
        """`0 errors, 3 warnings, 1 info (2 silenced)`."""
        text = (f"{_plural(self.errors, 'error')}, {_plural(self.count('warning'), 'warning')}, "
                f"{self.count('info')} info")
        return text + (f" ({self.silenced} silenced)" if self.silenced else "")

    def margin(self) -> str:
        """`2,757 of 5,630 words (2,873 left)` or `(320 over)`."""
        if self.words is None or self.limit is None:
            return ""
        left = self.limit.words - self.words.counted
        state = f"{left:,} left" if left >= 0 else f"{-left:,} over"
        return f"{self.words.counted:,} of {self.limit.words:,} words ({state})"

    def summary(self) -> str:
        """The one line `build` prints."""
        return "; ".join(p for p in (self.margin(), self.totals()) if p)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def word_lines(result: Result) -> list[str]:
    """The word count, part by part, saying what the limit covers."""
    words, limit = result.words, result.limit
    if words is None or limit is None:
        return []
    notes = "counted" if words.count_notes else "not counted"
    return [
        f"words: {result.margin()}, the limit for {limit.kind} (rule {limit.rule})",
        f"  counted: body {words.body:,} + headings {words.headings:,} + cover page {words.cover:,}"
        + (f" + notes {words.notes:,}" if words.count_notes else ""),
        f"  notes: {words.notes:,} words, {notes} (checks.count_notes: {str(words.count_notes).lower()}); "
        f"annexes: {words.annexes:,} words, never counted",
        "  biggest: " + ", ".join(f"{name} {n:,}" for name, n in words.biggest()),
    ]


def format_text(result: Result) -> str:
    lines = [f.finding() for f in result.findings]
    lines += word_lines(result)
    lines.append(f"check: {result.totals()}" + ("" if result.words else
                                                  "; the other rules run once the project loads"))
    return "\n".join(lines) + "\n"


def format_json(result: Result) -> str:
    """The stable, machine-readable form documented in the README."""
    words, limit = result.words, result.limit
    data = {
        "version": 1,
        "findings": [{"path": f.source.path, "line": f.source.line, "severity": f.severity, "rule": f.rule,
                      "message": f.message, "title": RULES[f.rule].title} for f in result.findings],
        "summary": {"errors": result.errors, "warnings": result.count("warning"), "info": result.count("info"),
                    "silenced": result.silenced},
        "words": None if words is None or limit is None else {
            "limit": limit.words, "rule": limit.rule, "counted": words.counted, "left": limit.words - words.counted,
            "count_notes": words.count_notes, "body": words.body, "headings": words.headings, "notes": words.notes,
            "cover": words.cover, "annexes": words.annexes,
            "sections": [{"path": s.path, "body": s.body, "headings": s.headings, "notes": s.notes,
                          "annex": s.annex} for s in words.sections],
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def format_github(result: Result, prefix: str = "") -> str:
    """GitHub Actions' workflow commands (`::error file=…,line=…,title=…::message`), which GitHub shows
    as annotations on the lines of a pull request; `prefix` is the project folder within the repository."""
    lines = []
    for f in result.findings:
        properties = {"file": f"{prefix}{f.source.path}" if f.source.path else "",
                      "line": str(f.source.line) if f.source.line else "", "title": f"{f.rule} {RULES[f.rule].title}"}
        where = ",".join(f"{key}={_escape(value, True)}" for key, value in properties.items() if value)
        lines.append(f"::{GITHUB_LEVELS[f.severity]} {where}::{_escape(f.message)}")
    words = "; ".join(line.strip() for line in word_lines(result)[:1])
    lines.append(f"::notice title=reportgen check::{_escape('; '.join(p for p in (words, result.totals()) if p))}")
    return "\n".join(lines) + "\n"


def _escape(text: str, property: bool = False) -> str:
    """Escape data as GitHub's runner reads it; a property value also escapes `:` and `,`."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


CODE_QUALITY_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def format_codequality(result: Result, prefix: str = "") -> str:
    """GitLab's code quality report (Code Climate's JSON), which GitLab shows in a merge request."""
    import hashlib

    issues = []
    for f in result.findings:
        path = f"{prefix}{f.source.path}" if f.source.path else "."
        fingerprint = hashlib.sha256(f"{path}:{f.source.line}:{f.rule}:{f.message}".encode()).hexdigest()
        issues.append({"description": f"{f.rule} {f.message}", "check_name": f.rule, "fingerprint": fingerprint,
                       "severity": CODE_QUALITY_SEVERITIES[f.severity],
                       "location": {"path": path, "lines": {"begin": max(f.source.line, 1)}}})
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
