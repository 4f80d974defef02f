"""The `reportgen` command line: the group and its commands (each in `commands/`). A user mistake is a
`ReportError`, which click prints without a traceback."""

from __future__ import annotations

import click

from . import __version__
from .commands import building, checking, coordinating, reviewing, starting


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Build UN Universal Periodic Review submissions from Markdown sections and a BibTeX file."""


for command in (starting.init, building.build, checking.check, building.watch, building.serve, coordinating.status,
                coordinating.package, reviewing.diff, reviewing.comments, reviewing.apply, building.recommendations):
    main.add_command(command)
