"""`reportgen diff` and `comments`: the review loop."""

from __future__ import annotations

from pathlib import Path

import click

from . import options


@click.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option("--project", "project_dir", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The report project folder (and its git repository).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False),
              help="Folder for the redline [default: PROJECT/build].")
@options.formats(("pdf", "html", "docx"), "Redlines to write, comma-separated: pdf, html, docx.")
def diff(old: str, new: str | None, project_dir: str, output_dir: str | None, formats: tuple[str, ...]) -> None:
    """Compare two versions of the report and write a redline of the newer one.

    OLD and NEW are git revisions of the project (a commit, a tag, HEAD~2 ...) or project folders;
    NEW is the work tree when left out. Prints every paragraph, heading, note and recommendation
    added, removed or changed; writes the redline PDF and HTML (a summary first) and a DOCX with
    Word tracked changes."""
    from ..review.compare import compare

    result = compare(project_dir, old, new, formats, output_dir, options.progress, options.waiting)
    options.warn(result.warnings)
    click.echo(result.report, nl=False)
    click.echo("wrote " + ", ".join(map(options.display, result.written)), err=True)


@click.command()
@click.argument("reviewed", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "csv"]), default="text", show_default=True,
              help="`path:line: author: comment` lines, or CSV.")
@click.option("--project", "project_dir", type=click.Path(file_okay=False),
              help="The report project, to give the exact line of each mark [default: the current folder, "
                   "if it is one].")
def comments(reviewed: str, output_format: str, project_dir: str | None) -> None:
    """List the comments and tracked changes of a reviewed DOCX with the file and line they belong to."""
    from ..load.project import Project
    from ..review.comments import format_csv, format_text, summary, trace

    root = Project.at(project_dir).root if project_dir else Project.here()
    remarks = trace(Path(reviewed), root)
    if root:  # `reportgen status` shows the open comments of the latest run
        from dataclasses import asdict

        from ..pipeline import output_folder
        from ..review.ledger import save

        save(output_folder(Project.at(root)), [Path(reviewed).name], [asdict(r) for r in remarks])
    click.echo(format_csv(remarks) if output_format == "csv" else format_text(remarks), nl=False)
    click.echo(f"comments: {summary(remarks)} in {reviewed}", err=True)
