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
              help="Outputs to build, comma-separated: pdf, html, docx.")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the outputs [default: PROJECT/build].")
def build(project_dir: str, formats: str, output_dir: str | None) -> None:
    """Build the report's outputs into build/."""
    from .build import build as run_build
    from .errors import ReportError

    try:
        chosen = _formats(formats)
        written, warnings = run_build(project_dir, chosen, output_dir, progress=_progress,
                                      on_wait=lambda: click.echo("waiting for another build of this project "
                                                                 "to finish...", err=True))
    except click.BadParameter as exc:
        exc.param_hint = "'--format'"
        raise
    except ReportError as exc:
        _show_problems(exc)
        sys.exit(1)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo("built " + ", ".join(_display(p) for p in written))


def _display(path) -> str:
    from pathlib import Path

    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
