"""The `reportgen` command line: options parsed here, the work done by the pipeline. A user mistake is
a `ReportError`, which click prints without a traceback. Heavy libraries are imported inside the
commands, so `--help` is instant."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

_PROJECT = click.option("--project", "project_dir", default=".", show_default=True, type=click.Path(file_okay=False),
                        help="The report project folder.")
_OUTPUT = click.option("--output", "output_dir", type=click.Path(file_okay=False),
                       help="Folder for the outputs [default: PROJECT/build].")
_FORCE = click.option("--force", is_flag=True, help="Build even when `reportgen check` finds errors.")


def _formats(allowed: tuple[str, ...]):
    """A `--format` option taking a comma-separated list of `allowed` formats."""

    def parse(context, parameter, value: str) -> tuple[str, ...]:
        formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
        if not formats or any(f not in allowed for f in formats):
            raise click.BadParameter(f"choose from {', '.join(allowed)} (comma-separated), not '{value}'")
        return formats

    return parse


def _progress(stage: str, seconds: float, detail: str) -> None:
    click.echo(f"{stage:<6} {seconds:6.2f} s  {detail}".rstrip(), err=True)


def _waiting() -> None:
    click.echo("waiting for another build of this project to finish...", err=True)


def _display(path: Path) -> str:
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Build UN Universal Periodic Review submissions from Markdown sections and a BibTeX file."""


@main.command()
@_PROJECT
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              callback=_formats(("pdf", "html", "docx", "csv", "json", "xlsx")),
              help="Outputs to build, comma-separated: pdf, html, docx (the report); csv, json, xlsx "
                   "(its recommendations).")
@_OUTPUT
@_FORCE
@click.option("--draft/--final", default=None,
              help="Mark the PDF and DOCX as a draft (watermark, version stamp, line numbers, version in the "
                   "file names), or not [default: report.yaml's `draft`].")
def build(project_dir: str, formats: tuple[str, ...], output_dir: str | None, force: bool, draft: bool | None) -> None:
    """Check the report, then build its outputs into build/."""
    from .pipeline import build as run_build

    built = run_build(project_dir, formats, output_dir, _progress, _waiting, force, draft)
    for warning in built.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo("built " + ", ".join(map(_display, built.files)))


@main.command()
@_PROJECT
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Findings as lines for people or JSON for CI.")
def check(project_dir: str, strict: bool, output_format: str) -> None:
    """Check the report against the UPR rules: exit 0 when clean, 1 on errors (or warnings with --strict)."""
    from .check.findings import format_json, format_text
    from .errors import ReportError
    from .pipeline import Session

    try:
        with Session(project_dir, pdf=False) as session:
            result = session.check_project()
    except ReportError as exc:  # not a project: a usage problem
        exc.exit_code = 2
        raise
    click.echo(format_json(result) if output_format == "json" else format_text(result), nl=False)
    sys.exit(1 if result.failed(strict) else 0)


@main.command()
@_PROJECT
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              callback=_formats(("pdf", "html", "docx")), help="Outputs to build, comma-separated: pdf, html, docx.")
@_OUTPUT
@_FORCE
def watch(project_dir: str, formats: tuple[str, ...], output_dir: str | None, force: bool) -> None:
    """Build, then build again whenever a file of the project is saved (Ctrl-C stops)."""
    from .watch import watch as run_watch

    try:
        run_watch(project_dir, formats, output_dir, lambda line: click.echo(line, err=True), force)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--project", "project_dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The report project folder (and its git repository).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the redline [default: PROJECT/build].")
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              callback=_formats(("pdf", "html", "docx")), help="Redlines to write, comma-separated: pdf, html, docx.")
def diff(old: str, new: str | None, project_dir: str, output_dir: str | None, formats: tuple[str, ...]) -> None:
    """Compare two versions of the report and write a redline of the newer one.

    OLD and NEW are git revisions of the project (a commit, a tag, HEAD~2 ...) or project folders;
    NEW is the work tree when left out. Prints every paragraph, heading, note and recommendation
    added, removed or changed; writes the redline PDF and HTML (a summary first) and a DOCX with
    Word tracked changes."""
    from .review.compare import compare

    result = compare(project_dir, old, new, formats, output_dir, _progress, _waiting)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.report, nl=False)
    click.echo("wrote " + ", ".join(map(_display, result.written)), err=True)


@main.command()
@click.argument("reviewed", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "csv"]), default="text", show_default=True,
              help="`path:line: author: comment` lines, or CSV.")
@click.option("--project", "project_dir", type=click.Path(file_okay=False),
              help="The report project, to give the exact line of each mark [default: the current folder, "
                   "if it is one].")
def comments(reviewed: str, output_format: str, project_dir: str | None) -> None:
    """List the comments and tracked changes of a reviewed DOCX with the file and line they belong to."""
    from .load.project import Project
    from .review.comments import format_csv, format_text, summary, trace

    root = Project.at(project_dir).root if project_dir else Project.here()
    remarks = trace(Path(reviewed), root)
    click.echo(format_csv(remarks) if output_format == "csv" else format_text(remarks), nl=False)
    click.echo(f"comments: {summary(remarks)} in {reviewed}", err=True)


@main.command()
@_PROJECT
@click.option("--format", "output_format", type=click.Choice(["csv", "xlsx", "json"]), default="csv",
              show_default=True, help="A spreadsheet (csv, xlsx) or JSON.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="The file to write, or - for standard output [default: build/<name>_recommendations.<format>].")
def recommendations(project_dir: str, output_format: str, output_path: str | None) -> None:
    """Export the report's recommendations, one row each, for advocacy spreadsheets."""
    from .errors import ReportError
    from .outputs import output_name, write_outputs
    from .pipeline import Session

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
    click.echo(f"wrote {_display(path)}" + (f" ({count} recommendations)" if count is not None else ""))
