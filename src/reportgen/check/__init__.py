"""`reportgen check`: every rule run on a loaded project, then the project's settings applied.

Problems met while loading become findings too: with their rule id where one exists (BIB-1, BIB-3,
ED-1), else LD-1 (errors) or LD-2 (warnings). When loading fails, only those are shown.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import model as m
from ..errors import Problem, ReportError, Source
from ..load.config import CONFIG_PATH
from .context import Context
from .findings import Result
from .rules import CHECKS
from .rules.words import limit_for
from .settings import Files, apply
from .wordcount import count_document


class CheckFailed(ReportError):
    """`build` met check errors and was not forced."""

    outcome = "nothing was written (--force builds anyway)"

    def __init__(self, result: Result):
        self.result = result
        super().__init__([f for f in result.findings if f.severity == "error"])

    def lines(self, outcome: str = "") -> list[str]:
        errors = self.result.errors
        return [*(f.finding() for f in self.problems),
                f"reportgen: {errors} error{'s' if errors != 1 else ''} found by the checks; {outcome or self.outcome}"]


def run_rules(root: Path, written: m.Document, document: m.Document, met: list[Problem]) -> Result:
    """Every rule on a loaded project; `met` are the problems met while loading (warnings)."""
    config = document.config
    files = Files(root)
    words = count_document(document, config.checks.count_notes)
    context = Context(config, written, document, words, limit_for(config), files)
    findings = [finding for check in CHECKS for finding in check(context)]
    findings += [from_problem(p) for p in met]
    paths = [CONFIG_PATH, config.bibliography] + [s.source.path for s in written.sections]
    kept, silenced = apply(findings, config.checks.rules, files, paths)
    return Result(tuple(kept), words, context.limit, silenced)


def loading_failed(met: list[Problem]) -> Result:
    """The result when the project did not load: what was met on the way, as findings."""
    return Result(tuple(sorted({from_problem(p) for p in met}, key=Problem.sort_key)))


def from_problem(problem: Problem) -> Problem:
    rule = problem.rule or ("LD-1" if problem.severity == "error" else "LD-2")
    return replace(problem, source=problem.source or Source(""), rule=rule)
