"""The `reportgen` command line. Heavy libraries are imported inside the commands, so `--help` is instant."""

from __future__ import annotations

import sys

import click

from . import __version__


def _show_problems(error) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)
    count = len(error.problems)
    click.echo(f"reportgen: {count} error{'s' if count != 1 else ''}; nothing was written", err=True)


def _progress(stage: str, seconds: float, detail: str) -> None:
    click.echo(f"{stage:<6} {seconds:6.2f} s  {detail}".rstrip(), err=True)


def _formats(value: str) -> tuple[str, ...]:
    from .build import FORMATS

    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated), not '{value}'")
    return formats


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Build UN Universal Periodic Review submissions from Markdown sections and a BibTeX file."""


@main.command()
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="The report project folder.")
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              help="Outputs to build, comma-separated: pdf, html, docx (the report); csv, json, xlsx "
                   "(its recommendations).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the outputs [default: PROJECT/build].")
@click.option("--force", is_flag=True, help="Build even when `reportgen check` finds errors.")
@click.option("--draft/--final", default=None,
              help="Mark the PDF and DOCX as a draft (watermark, version stamp, line numbers, version in the "
                   "file names), or not [default: report.yaml's `draft`].")
def build(project_dir: str, formats: str, output_dir: str | None, force: bool, draft: bool | None) -> None:
    """Check the report, then build its outputs into build/."""
    from .build import build as run_build
    from .check import CheckFailed
    from .errors import ReportError

    try:
        chosen = _formats(formats)
        written, warnings = run_build(project_dir, chosen, output_dir, progress=_progress, force=force, draft=draft,
                                      on_wait=lambda: click.echo("waiting for another build of this project "
                                                                 "to finish...", err=True))
    except click.BadParameter as exc:
        exc.param_hint = "'--format'"
        raise
    except CheckFailed as exc:
        for finding in exc.result.findings:
            if finding.severity == "error":
                click.echo(str(finding), err=True)
        errors = exc.result.errors
        click.echo(f"reportgen: {errors} error{'s' if errors != 1 else ''} found by the checks; nothing was "
                   "written (--force builds anyway)", err=True)
        sys.exit(1)
    except ReportError as exc:
        _show_problems(exc)
        sys.exit(1)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo("built " + ", ".join(_display(p) for p in written))


@main.command()
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="The report project folder.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Findings as lines for people or JSON for CI.")
def check(project_dir: str, strict: bool, output_format: str) -> None:
    """Check the report against the UPR rules: exit 0 when clean, 1 on errors (or warnings with --strict)."""
    from .check import check_project
    from .check.findings import format_json, format_text
    from .errors import ReportError

    try:
        result = check_project(project_dir)
    except ReportError as exc:  # not a project: a usage problem
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(2)
    click.echo(format_json(result) if output_format == "json" else format_text(result), nl=False)
    sys.exit(1 if result.failed(strict) else 0)


@main.command()
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="The report project folder.")
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              help="Outputs to build, comma-separated: pdf, html, docx.")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the outputs [default: PROJECT/build].")
@click.option("--force", is_flag=True, help="Build even when `reportgen check` finds errors.")
def watch(project_dir: str, formats: str, output_dir: str | None, force: bool) -> None:
    """Build, then build again whenever a file of the project is saved (Ctrl-C stops)."""
    from .errors import ReportError
    from .watch import watch as run_watch

    try:
        run_watch(project_dir, _formats(formats), output_dir, lambda line: click.echo(line, err=True), force)
    except click.BadParameter as exc:
        exc.param_hint = "'--format'"
        raise
    except ReportError as exc:  # not a project
        _show_problems(exc)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@main.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="The report project folder (and its git repository).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the redline [default: PROJECT/build].")
@click.option("--format", "formats", default="pdf,html,docx", show_default=True,
              help="Redlines to write, comma-separated: pdf, html, docx.")
def diff(old: str, new: str | None, project_dir: str, output_dir: str | None, formats: str) -> None:
    """Compare two versions of the report and write a redline of the newer one.

    OLD and NEW are git revisions of the project (a commit, a tag, HEAD~2 ...) or project folders;
    NEW is the work tree when left out. Prints every paragraph, heading, note and recommendation
    added, removed or changed; writes the redline PDF and HTML (a summary first) and a DOCX with
    Word tracked changes."""
    from .errors import ReportError
    from .review.compare import compare

    try:
        chosen = _formats(formats)
        result = compare(project_dir, old, new, chosen, output_dir, progress=_progress,
                         on_wait=lambda: click.echo("waiting for another build of this project to finish...",
                                                    err=True))
    except click.BadParameter as exc:
        exc.param_hint = "'--format'"
        raise
    except ReportError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.report, nl=False)
    click.echo("wrote " + ", ".join(_display(p) for p in result.written), err=True)


@main.command()
@click.argument("reviewed", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "csv"]), default="text", show_default=True,
              help="`path:line: author: comment` lines, or CSV.")
@click.option("--project", "project_dir", type=click.Path(file_okay=False),
              help="The report project, to give the exact line of each mark [default: the current folder, "
                   "if it is one].")
def comments(reviewed: str, output_format: str, project_dir: str | None) -> None:
    """List the comments and tracked changes of a reviewed DOCX with the file and line they belong to."""
    from pathlib import Path

    from .errors import ReportError
    from .project import Project
    from .review.comments import format_csv, format_text, summary, trace

    try:
        root = Project.at(project_dir).root if project_dir else _project_here()
        remarks = trace(Path(reviewed), root)
    except ReportError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    click.echo(format_csv(remarks) if output_format == "csv" else format_text(remarks), nl=False)
    click.echo(f"comments: {summary(remarks)} in {reviewed}", err=True)


def _project_here():
    """The current folder if it is a report project, else None."""
    from pathlib import Path

    from .config import CONFIG_PATH

    return Path.cwd() if (Path.cwd() / CONFIG_PATH).is_file() else None


@main.command()
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False), help="The report project folder.")
@click.option("--format", "output_format", type=click.Choice(["csv", "xlsx", "json"]), default="csv",
              show_default=True, help="A spreadsheet (csv, xlsx) or JSON.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="The file to write, or - for standard output [default: build/<name>_recommendations.<format>].")
def recommendations(project_dir: str, output_format: str, output_path: str | None) -> None:
    """Export the report's recommendations, one row each, for advocacy spreadsheets."""
    from pathlib import Path

    from .clock import build_time
    from .errors import ReportError
    from .export import export
    from .outputs import output_file, output_name, write_outputs
    from .project import Project, load_model

    try:
        project = Project.at(project_dir)
        document = load_model(project)
        data = export(document, output_format, build_time())
        if output_path == "-":
            if output_format == "xlsx":
                raise ReportError("an XLSX spreadsheet cannot go to standard output: give --output FILE")
            click.echo(data.decode("utf-8-sig"), nl=False)
            return
        path = Path(output_path).absolute() if output_path else (
            project.root / "build" / output_file(output_name(document.config), output_format))
        write_outputs({path: data})
    except ReportError as exc:
        _show_problems(exc)
        sys.exit(1)
    count = data.count(b"\n") - 1 if output_format == "csv" else None
    click.echo(f"wrote {_display(path)}" + (f" ({count} recommendations)" if count is not None else ""))


def _display(path) -> str:
    from pathlib import Path

    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
