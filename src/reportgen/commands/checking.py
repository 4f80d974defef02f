"""`reportgen check`: the UPR rules."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from . import options

if TYPE_CHECKING:  # pathlib is loaded when a command runs, not for --help
    from pathlib import Path


@click.command()
@options.project
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github", "codequality"]),
              default="text", show_default=True,
              help="Findings as lines for people, JSON for scripts, GitHub Actions annotations "
                   "(`::error file=…,line=…::`) or GitLab's code quality report.")
def check(project_dir: str, strict: bool, output_format: str) -> None:
    """Check the report against the UPR rules: exit 0 when clean, 1 on errors (or warnings with --strict)."""
    from ..check.findings import format_codequality, format_github, format_json, format_text
    from ..errors import ReportError
    from ..pipeline import Session

    try:
        with Session(project_dir, pdf=False) as session:
            result = session.check_project()
    except ReportError as exc:  # not a project: a usage problem
        exc.exit_code = 2
        raise
    if output_format in ("github", "codequality"):
        form = format_github if output_format == "github" else format_codequality
        click.echo(form(result, _prefix(session.project.root)), nl=False)
    else:
        click.echo(format_json(result) if output_format == "json" else format_text(result), nl=False)
    sys.exit(1 if result.failed(strict) else 0)


def _prefix(root: Path) -> str:
    """The project folder as seen from the current folder (the repository's root in CI), with a slash."""
    from pathlib import Path

    here = Path.cwd().resolve()
    return f"{root.resolve().relative_to(here).as_posix()}/" if root.resolve().is_relative_to(here) \
        and root.resolve() != here else ""
