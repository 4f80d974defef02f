"""The mistakes reportgen reports to its users: located problems, collected and raised together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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
    """One user mistake, shown as `path:line: message`; `rule` is its `reportgen check` rule id, if any."""

    source: Source | None
    message: str
    severity: str = "error"
    rule: str = ""

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{prefix}{label}{self.message}"


class ReportError(Exception):
    """One or more user mistakes; the CLI prints them all and exits non-zero, without a traceback."""

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """A collector: every stage records what it finds, then fails once with all of it."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, source: Source | None, message: str, rule: str = "") -> None:
        self.items.append(Problem(source, message, rule=rule))

    def warning(self, source: Source | None, message: str) -> None:
        self.items.append(Problem(source, message, "warning"))

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


def _sort_key(problem: Problem) -> tuple:
    source = problem.source or Source("")
    return (source.path, source.line, problem.message)
