"""The mistakes reportgen reports to its users: located problems, collected and raised together."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import click


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """Where something came from: a project-relative path and a 1-based line (0: the whole file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def at(self, line_offset: int) -> Source:
        """The same file, `line_offset` lines further down."""
        return Source(self.path, self.line + line_offset)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located diagnostic: a mistake met while loading, or a `reportgen check` finding.

    `rule` is its check rule id, if any. `build` shows it as `path:line: message` (with `warning: `
    before the message of a warning), `check` as `path:line: severity RULE-ID message`."""

    source: Source | None
    message: str
    severity: str = "error"
    rule: str = ""

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{self.severity}: "
        return one_line(f"{self._where()}{label}{self.message}")

    def finding(self) -> str:
        """The line `reportgen check` prints."""
        return one_line(f"{self._where()}{self.severity} {self.rule} {self.message}")

    def sort_key(self) -> tuple:
        """By file, line, rule and message."""
        source = self.source or Source("")
        return (source.path, source.line, self.rule, self.message)

    def _where(self) -> str:
        return f"{self.source}: " if self.source and self.source.path else ""


class ReportError(click.ClickException):
    """One or more user mistakes. Every command lets it through: click prints it (`show`) and exits
    with status 1, without a traceback."""

    outcome = "nothing was written"  # what the last line says became of the outputs

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, outcome: str = "") -> list[str]:
        """What `show` prints: every problem, then a count and what became of the outputs (unless the
        one problem is a usage mistake, such as a folder that is not a project)."""
        count = len(self.problems)
        if count == 1 and not self.problems[0].source:
            return [str(self.problems[0])]
        return [*map(str, self.problems),
                f"reportgen: {count} error{'s' if count != 1 else ''}; {outcome or self.outcome}"]

    def show(self, file=None) -> None:
        for line in self.lines():
            click.echo(line, err=True)


class Cancelled(Exception):
    """Work given up because a newer build made it useless (a save arrived meanwhile)."""


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters written as escapes (`\\n`, `\\x1b`): a
    message quotes what a file holds, and a value with a line break would forge a `path:line:` line
    of its own (a terminal escape, worse)."""
    return _CONTROL.sub(lambda found: found[0].encode("unicode_escape").decode("ascii"), text)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Problems:
    """A collector: every stage records what it finds, then fails once with all of it."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, source: Source | None, message: str, rule: str = "") -> None:
        self.items.append(Problem(source, message, rule=rule))

    def warning(self, source: Source | None, message: str, rule: str = "") -> None:
        self.items.append(Problem(source, message, "warning", rule=rule))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "error"]

    def raise_if_errors(self) -> None:
        """Raise every error found so far, sorted by file and line."""
        if self.errors:
            raise ReportError(sorted(self.errors, key=_sort_key))


# `path:line: warning: message`, or a check's finding `path:line: warning RULE-1 message`; a revision's
# path is `3f2a1b0:path`.
_SAYS_WARNING = re.compile(r"(?:(?:[0-9a-f]{4,40}:)?\S[^:\n]*(?::\d+)?: )?warning(?::| [A-Z]+-\d+) ")


def warning_line(text: str) -> str:
    """A warning as a build prints it: `path:line: warning: message` (or a check's `warning RULE-1`) as
    it is, any other text (a renderer's) after `warning: `, never `warning: path:line: warning: message`."""
    return text if _SAYS_WARNING.match(text) else f"warning: {text}"


def _sort_key(problem: Problem) -> tuple:
    source = problem.source or Source("")
    return (source.path, source.line, problem.message)
