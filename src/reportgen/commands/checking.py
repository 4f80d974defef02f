"""`reportgen check`: the UPR rules."""

from __future__ import annotations

import sys

import click

from . import options


@click.command()
@options.project
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Findings as lines for people or JSON for CI.")
def check(project_dir: str, strict: bool, output_format: str) -> None:
    """Check the report against the UPR rules: exit 0 when clean, 1 on errors (or warnings with --strict)."""
    from ..check.findings import format_json, format_text
    from ..errors import ReportError
    from ..pipeline import Session

    try:
        with Session(project_dir, pdf=False) as session:
            result = session.check_project()
    except ReportError as exc:  # not a project: a usage problem
        exc.exit_code = 2
        raise
    click.echo(format_json(result) if output_format == "json" else format_text(result), nl=False)
    sys.exit(1 if result.failed(strict) else 0)
