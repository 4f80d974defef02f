"""Options and output shared by the commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pathlib and the errors module are loaded when a command runs, not for --help
    from pathlib import Path

project = click.option("--project", "project_dir", default=".", show_default=True, type=click.Path(file_okay=False),
                       help="The report project folder.")
output = click.option("--output", "output_dir", type=click.Path(file_okay=False),
                      help="Folder for the outputs [default: PROJECT/build].")
force = click.option("--force", is_flag=True, help="Build even when `reportgen check` finds errors.")


def formats(allowed: tuple[str, ...], help: str, default: str = "pdf,html,docx"):
    """A `--format` option taking a comma-separated list of `allowed` formats."""

    def parse(context, parameter, value: str) -> tuple[str, ...]:
        chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
        if not chosen or any(f not in allowed for f in chosen):
            raise click.BadParameter(f"choose from {', '.join(allowed)} (comma-separated), not '{value}'")
        return chosen

    return click.option("--format", "formats", default=default, show_default=True, callback=parse, help=help)


def progress(stage: str, seconds: float, detail: str) -> None:
    """Each stage of a build on standard error, with its time."""
    click.echo(f"{stage:<6} {seconds:6.2f} s  {detail}".rstrip(), err=True)


def waiting() -> None:
    click.echo("waiting for another build of this project to finish...", err=True)


def warn(warnings: list[str]) -> None:
    from ..errors import warning_line

    for warning in warnings:
        click.echo(warning_line(warning), err=True)


def display(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    from pathlib import Path

    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
