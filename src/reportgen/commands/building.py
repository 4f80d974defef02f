"""`reportgen build`, `watch` and `recommendations`: the report's outputs."""

from __future__ import annotations

from pathlib import Path

import click

from . import options


@click.command()
@options.project
@options.formats(("pdf", "html", "docx", "csv", "json", "xlsx"),
                 "Outputs to build, comma-separated: pdf, html, docx (the report); csv, json, xlsx (its "
                 "recommendations).")
@options.output
@options.force
@click.option("--draft/--final", default=None,
              help="Mark the PDF and DOCX as a draft (watermark, version stamp, line numbers, version in the "
                   "file names), or not [default: report.yaml's `draft`].")
def build(project_dir: str, formats: tuple[str, ...], output_dir: str | None, force: bool, draft: bool | None) -> None:
    """Check the report, then build its outputs into build/."""
    from ..pipeline import build as run_build

    built = run_build(project_dir, formats, output_dir, options.progress, options.waiting, force, draft)
    options.warn(built.warnings)
    click.echo("built " + ", ".join(map(options.display, built.files)))


@click.command()
@options.project
@options.formats(("pdf", "html", "docx"), "Outputs to build, comma-separated: pdf, html, docx.")
@options.output
@options.force
def watch(project_dir: str, formats: tuple[str, ...], output_dir: str | None, force: bool) -> None:
    """Build, then build again whenever a file of the project is saved (Ctrl-C stops)."""
    from ..watch import watch as run_watch

    try:
        run_watch(project_dir, formats, output_dir, lambda line: click.echo(line, err=True), force)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@click.command()
@options.project
@click.option("--format", "output_format", type=click.Choice(["csv", "xlsx", "json"]), default="csv",
              show_default=True, help="A spreadsheet (csv, xlsx) or JSON.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="The file to write, or - for standard output [default: build/<name>_recommendations.<format>].")
def recommendations(project_dir: str, output_format: str, output_path: str | None) -> None:
    """Export the report's recommendations, one row each, for advocacy spreadsheets."""
    from ..errors import ReportError
    from ..outputs import output_name, write_outputs
    from ..pipeline import Session

    if output_path == "-" and output_format == "xlsx":
        raise ReportError("an XLSX spreadsheet cannot go to standard output: give --output FILE")
    with Session(project_dir, pdf=False) as session:
        document = session.load().document
        data = session.render(document, (output_format,)).outputs[output_format]
        if output_path == "-":
            click.echo(data.decode("utf-8-sig"), nl=False)
            return
        if output_path:
            path = Path(output_path).absolute()
            write_outputs({path: data})
        else:
            path = session.write({output_format: data}, output_name(document.config))[0]
    count = data.count(b"\n") - 1 if output_format == "csv" else None
    click.echo(f"wrote {options.display(path)}" + (f" ({count} recommendations)" if count is not None else ""))
