"""`reportgen check`: load the project as `build` does, run every rule, apply the project's settings.

Problems met while loading become findings too: with their rule id where one exists (BIB-1, BIB-3,
ED-1), else LD-1 (errors) or LD-2 (warnings). When loading fails, only those are shown.
"""

from __future__ import annotations

from pathlib import Path

from .. import model as m
from ..cache import ParseCache
from ..config import CONFIG_PATH
from ..errors import Problem, Problems, ReportError, Source
from ..project import Project, load_document, resolve_model
from .context import Context
from .findings import Finding, Result
from .rules import CHECKS
from .rules.words import limit_for
from .settings import Files, apply
from .wordcount import count_document


class CheckFailed(ReportError):
    """`build` met check errors and was not forced."""

    def __init__(self, result: Result):
        self.result = result
        super().__init__([Problem(f.source, f"{f.rule} {f.message}") for f in result.findings
                          if f.severity == "error"])


def load(project: Project, problems: Problems, cache: ParseCache | None = None) -> tuple[m.Document, m.Document]:
    """The document as written and as resolved; raises ReportError with every loading error."""
    written = load_document(project, problems, cache)
    return written, resolve_model(written, problems)


def run_rules(project: Project, written: m.Document, document: m.Document, problems: Problems) -> Result:
    """Every rule on a loaded project; `problems` holds the warnings met while loading."""
    config = document.config
    files = Files(project.root)
    words = count_document(document, config.checks.count_notes)
    context = Context(config, written, document, words, limit_for(config), files)
    findings = [finding for check in CHECKS for finding in check(context)]
    findings += [from_problem(p) for p in problems.items]
    paths = [CONFIG_PATH, config.bibliography] + [s.source.path for s in written.sections]
    kept, silenced = apply(findings, config.checks.rules, files, paths)
    return Result(tuple(kept), words, context.limit, silenced)


def check_project(project_dir: str | Path = ".") -> Result:
    """Check a project folder; raises ReportError only when it is not a project."""
    project = Project.at(project_dir)
    problems = Problems()
    try:
        written, document = load(project, problems)
    except ReportError as exc:
        met = dict.fromkeys([*problems.items, *exc.problems])
        return Result(tuple(sorted(from_problem(p) for p in met)))
    return run_rules(project, written, document, problems)


def from_problem(problem: Problem) -> Finding:
    rule = problem.rule or ("LD-1" if problem.severity == "error" else "LD-2")
    return Finding(problem.source or Source(""), rule, problem.message, problem.severity)
