"""The one gate for every file a build reads: its real path, symbolic links followed, must lie inside
the project or reportgen's own resources. A link that leads elsewhere, or that loops, is refused with
an error naming the link and where it leads; nothing behind it is read.

Also here: a project's templates/, which override the package's own templates, style sheets and
reference document, read through that gate (`templates_dir` is always `<project>/templates`)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import Problem, ReportError, Source

_RESOURCES = Path(__file__).parent / "resources"  # = resources.RESOURCES (a package this layer cannot import)
_TEMPLATES = _RESOURCES / "templates"
_TRUSTED = _RESOURCES.resolve()  # the package's own templates, styles and fonts


class UnsafePath(Exception):
    """A path whose real path is not the project's; the caller says where it was asked for."""

    def __init__(self, root: Path, path: Path, link: Path | None, target: Path | None):
        self.root, self.path, self.link, self.target = root, path, link, target
        super().__init__(self.alone())

    def _name(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def _reason(self) -> str:
        if self.target is None:
            return "a symbolic link that leads back to itself (a loop); reportgen cannot read it"
        if self.link is None:
            return "outside the project; reportgen reads only the project's files"
        return f"a symbolic link to {self.target}, outside the project; reportgen reads only the project's files"

    def alone(self) -> str:
        """The message at the file's own location: `a symbolic link to ...`, `the folder x is ...`."""
        if self.link is None or self.link == self.path or self.target is None:
            return self._reason()
        return f"the folder {self._name(self.link)} is {self._reason()}"

    def referenced(self, what: str) -> str:
        """The message where the file is referenced: `image 'a.png': images/a.png is a symbolic link ...`."""
        if self.target is None:
            return f"{what}: {self._reason()}"
        return f"{what}: {self._name(self.link or self.path)} is {self._reason()}"


def trusted(path: Path, root: Path) -> bool:
    """Whether a real path is inside the project `root` or reportgen's resources."""
    return path.is_relative_to(root) or path.is_relative_to(_TRUSTED)


def real_path(root: Path, path: Path) -> Path:
    """The real path of `path`, which is written under the project's real folder `root`; raises
    UnsafePath when a symbolic link on the way leads outside the project (or loops), or when the
    path itself climbs out of it. A path that does not exist is returned as it is."""
    path = Path(os.path.normpath(root / path))
    if not path.is_relative_to(root):
        raise UnsafePath(root, path, None, path)
    real_root = Path(os.path.realpath(root))
    path, root = real_root / path.relative_to(root), real_root
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if not current.is_symlink():
            continue
        try:
            os.stat(current)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UnsafePath(root, path, current, None) from None
        target = Path(os.path.realpath(current))
        if not trusted(target, root):
            raise UnsafePath(root, path, current, target)
    real = Path(os.path.realpath(path))
    if not trusted(real, root):  # a link replaced meanwhile
        raise UnsafePath(root, path, path, real)
    return real


def resource_path(name: str, templates_dir: Path | None = None) -> Path:
    """The real path of the project's `templates/<name>` when it exists, else the built-in one."""
    if templates_dir is not None and os.path.lexists(templates_dir / name):
        return _template(templates_dir, name)
    return _TEMPLATES / name


def _template(templates_dir: Path, name: str) -> Path:
    try:
        return real_path(templates_dir.parent, templates_dir / name)
    except UnsafePath as exc:
        raise ReportError([Problem(Source(f"templates/{name}"), exc.alone())]) from None


def read_resource(name: str, templates_dir: Path | None = None) -> str:
    return resource_path(name, templates_dir).read_text(encoding="utf-8")


def jinja_environment(templates_dir: Path | None = None):
    """Templates with autoescaping and StrictUndefined (a missing variable is an error, not a
    blank), sandboxed because a project's templates come from whoever edits the project."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    class ProjectLoader(jinja2.BaseLoader):
        """The project's templates/, each file through `real_path`."""

        def get_source(self, environment, template: str):
            name = "/".join(jinja2.loaders.split_template_path(template))  # no `..`
            if not os.path.lexists(templates_dir / name):
                raise jinja2.TemplateNotFound(template)
            path = _template(templates_dir, name)
            if not path.is_file():
                raise jinja2.TemplateNotFound(template)
            mtime = path.stat().st_mtime
            return (path.read_text(encoding="utf-8"), str(templates_dir / name),
                    lambda: path.is_file() and path.stat().st_mtime == mtime)

    loaders = [ProjectLoader()] if templates_dir is not None else []
    loaders.append(jinja2.FileSystemLoader(str(_TEMPLATES)))
    return SandboxedEnvironment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
