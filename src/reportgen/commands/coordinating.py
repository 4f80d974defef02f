"""`reportgen status` and `package`: where the report stands, and the files for OHCHR's form."""

from __future__ import annotations

import click

from . import options


@click.command()
@options.project
@options.output
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table for people, or JSON for scripts.")
def status(project_dir: str, output_dir: str | None, output_format: str) -> None:
    """Where each section stands: owner, status, words against the limit or its budget, notes, citations,
    findings, TODO/FIXME, open reviewer comments, last change; and what blocks submission."""
    from ..status import collect
    from ..status_format import format_text

    board = collect(project_dir, output_dir)
    if output_format == "json":
        import json

        click.echo(json.dumps(board.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_text(board), nl=False)


@click.command()
@options.project
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the package [default: PROJECT/build/package].")
@click.option("--force", is_flag=True, help="Package even when `reportgen check --strict` fails.")
def package(project_dir: str, output_dir: str | None, force: bool) -> None:
    """Make the files for OHCHR's submission form: the final DOCX and PDF named as OHCHR suggests, the
    annexes apart when report.yaml asks, the recommendations matrix, and the form's answers as text."""
    from ..bundle import package as make

    bundle = make(project_dir, output_dir, force, options.progress)
    options.warn(bundle.warnings)
    click.echo(bundle.form, nl=False)
    click.echo("packaged " + ", ".join(map(options.display, bundle.files)), err=True)
