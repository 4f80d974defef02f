"""`reportgen build`, `watch` and `recommendations`: the report's outputs."""

from __future__ import annotations

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
    from ..outputs import build_lock, output_name, write_outputs
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
            from pathlib import Path

            path = Path(output_path).absolute()
            write_outputs({path: data})
        else:
            with build_lock(session.folder):  # not while a build writes there
                path = session.write({output_format: data}, output_name(document.config))[0]
    count = data.count(b"\n") - 1 if output_format == "csv" else None
    click.echo(f"wrote {options.display(path)}" + (f" ({count} recommendations)" if count is not None else ""))


@click.command()
@options.project
@options.formats(("pdf", "html", "docx"), "Outputs to build besides the HTML preview, comma-separated: pdf, html, "
                 "docx.")
@options.output
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on: this machine only, unless you give another (0.0.0.0: every network "
                   "this machine is on).")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the default browser.")
def serve(project_dir: str, formats: tuple[str, ...], output_dir: str | None, port: int, host: str,
          open_browser: bool) -> None:
    """Show the report in a browser, updated on every save; the PDF, DOCX and HTML are built as by `watch`
    (Ctrl-C stops)."""
    import webbrowser

    from ..serve import serve as run_serve

    def echo(line: str) -> None:
        click.echo(line, err=True)

    if host != "localhost" and not _loopback(host):
        echo(f"warning: serving on {host}: anyone who can reach this machine there can read the report")
    try:
        run_serve(project_dir, formats, output_dir, host, port, echo,
                  opened=webbrowser.open if open_browser else lambda url: None)
    except KeyboardInterrupt:
        echo("stopped")


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
