"""The floor of `reportgen --help` and `--version`: a click group with as many commands and options,
and nothing else imported ("as fast as click allows").

    python benchmarks/click_floor.py --help
"""

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("1.0", prog_name="floor")
def main() -> None:
    """A group of empty commands."""


def _command(name: str) -> click.Command:
    @click.command(name=name)
    @click.option("--project", "-p", type=click.Path(file_okay=False), default=".", help="The project.")
    @click.option("--format", "formats", default="pdf,html,docx", help="Outputs.")
    @click.option("--output", "-o", type=click.Path(file_okay=False), help="Output folder.")
    def command(project: str, formats: str, output: str) -> None:
        """A command."""
    return command


for name in ("init", "build", "check", "watch", "serve", "status", "package", "diff", "comments", "recommendations"):
    main.add_command(_command(name))

if __name__ == "__main__":
    main()
