"""Files shipped inside the package (templates, styles, fonts), each overridable by a project's templates/."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).parent
TEMPLATES = RESOURCES / "templates"
FONTS = RESOURCES / "fonts"


def resource_path(name: str, templates_dir: Path | None = None) -> Path:
    """The project's `templates/<name>` when it exists, else the built-in one."""
    if templates_dir is not None and (templates_dir / name).is_file():
        return templates_dir / name
    return TEMPLATES / name


def read_resource(name: str, templates_dir: Path | None = None) -> str:
    return resource_path(name, templates_dir).read_text(encoding="utf-8")


def jinja_environment(templates_dir: Path | None = None):
    """Templates with autoescaping and StrictUndefined (a missing variable is an error, not a
    blank), sandboxed because a project's templates come from whoever edits the project."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    loaders = [jinja2.FileSystemLoader(str(templates_dir))] if templates_dir and templates_dir.is_dir() else []
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    return SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
