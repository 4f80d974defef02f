"""`reportgen diff` and `comments`: the review loop."""

from __future__ import annotations

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
@click.argument("reviewed", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "csv", "json"]), default="text",
              show_default=True, help="`path:line: author: comment` lines, CSV or JSON.")
@click.option("--by", type=click.Choice(["file", "reviewer", "owner"]), default="file", show_default=True,
              help="Order by file and line, or group per reviewer or per section owner (front matter `owner`).")
@click.option("--author", "authors", multiple=True, help="Only this reviewer's marks (may be repeated).")
@click.option("--project", "project_dir", type=click.Path(file_okay=False),
              help="The report project, to give the exact line of each mark [default: the current folder, "
                   "if it is one].")
def comments(reviewed: tuple[str, ...], output_format: str, by: str, authors: tuple[str, ...],
             project_dir: str | None) -> None:
    """List the comments, tracked changes and annotations of reviewers' DOCX, ODT and PDF files with the
    file and line each belongs to, merged and ordered by file and line.

    A draft's marks are placed in the files of the commit it was built from, then carried forward to
    today's files; a paragraph changed or deleted since is said so."""
    from pathlib import Path

    from ..load.project import Project
    from ..review.comments import trace
    from ..review.comments_output import format_csv, format_json, format_text, summary

    root = Project.at(project_dir).root if project_dir else Project.here()
    traced = trace([Path(path) for path in reviewed], root, authors)
    if root:  # `reportgen status` shows the open comments of the latest run
        from dataclasses import asdict

        from ..pipeline import output_folder
        from ..review.ledger import save

        save(output_folder(Project.at(root)), [Path(path).name for path in reviewed],
             [asdict(r) for r in traced.remarks])
    options.warn(traced.warnings)
    if output_format == "json":
        click.echo(format_json(traced.remarks, traced.warnings, by), nl=False)
    else:
        several = len(reviewed) > 1
        click.echo(format_csv(traced.remarks, by) if output_format == "csv"
                   else format_text(traced.remarks, by, several), nl=False)
    reviewers = len({r.author for r in traced.remarks})
    where = reviewed[0] if len(reviewed) == 1 else f"{len(reviewed)} files"
    click.echo(f"comments: {summary(traced.remarks)} from {reviewers} reviewer{'s' if reviewers != 1 else ''} "
               f"in {where}", err=True)


@click.command()
@click.argument("reviewed", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print the changes as a unified diff; write nothing.")
@options.project
def apply(reviewed: str, dry_run: bool, project_dir: str) -> None:
    """Write a reviewer's tracked changes (a DOCX reportgen built) back into the section files.

    Each insertion and deletion, and each paragraph deleted, retyped or added whole, becomes the
    smallest edit of the Markdown, notes, citations, emphasis and line layout kept. An edit whose
    words changed since the draft, a change across a note call, a formatting change or one in a
    generated annex is listed with its location and left alone."""
    from pathlib import Path

    from ..review.apply import apply_review

    result = apply_review(Path(reviewed), Path(project_dir), dry_run)
    options.warn(result.warnings)
    done = [o for o in result.outcomes if not o.reason]
    lines = "".join(f"{outcome}\n" for outcome in result.outcomes)
    if dry_run:
        click.echo(result.diff, nl=False)
        click.echo(lines, nl=False, err=True)
    else:
        click.echo(lines, nl=False)
        if result.written:
            click.echo("wrote " + ", ".join(map(options.display, result.written)), err=True)
    left = len(result.outcomes) - len(done)
    click.echo(f"apply: {len(done)} change{'s' if len(done) != 1 else ''} "
               f"{'to apply' if dry_run else 'applied'}, {left} not applied", err=True)
