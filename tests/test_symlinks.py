"""Every file a build reads goes through one resolver: a symbolic link is followed only when its
real path stays inside the project (or the package); one that leads outside, or loops, is a located
error that names the link and where it leads, and nothing outside is ever read into an output."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

SECRET = "SECRET-7f3a"  # written in every file outside the project; must never reach an output
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
                       "AAAABJRU5ErkJggg==")
TEMPLATE = "<html><head><style>{{ css }}</style></head><body>{{ body }} " + SECRET + "</body></html>\n"
CONFIG = ("title: A test report\nstate: Exampleland\nsession: 41\ncycle: 4\nsubmission: individual\n"
          f"subtitle: {SECRET}\norganisations:\n  - {{name: Example Rights Watch, acronym: ERW}}\n")
FONT = Path(__file__).resolve().parents[1] / "src/reportgen/resources/fonts/LiberationSerif-Regular.ttf"


def _reference_docx() -> bytes:
    from reportgen.resources import TEMPLATES

    return (TEMPLATES / "reference.docx").read_bytes()


# kind: (the file the project reads, its content as the outside file, what else the project needs, formats)
KINDS = {
    "section": ("sections/02.md", f"# Two\n\n{SECRET} text.\n", {}, "html"),
    "bibliography": ("references.bib", f"@misc{{ohchr2020, title = {{{SECRET}}}, year = 2020}}\n",
                     {"sections/01.md": "# T\n\nText[@ohchr2020].\n"}, "html"),
    "previous recommendations": ("report/previous-recommendations.csv",
                                 f"number,text\n28.1,{SECRET}\n", {}, "html"),
    "report.yaml": ("report/report.yaml", CONFIG, {}, "html"),
    "style sheet": ("templates/style.css", f"body {{ color: black }} /* {SECRET} */\n", {}, "html"),
    "page template": ("templates/report.html.j2", TEMPLATE, {}, "html"),
    "image": ("images/a.png", PNG, {"sections/01.md": "# T\n\n![a picture](../images/a.png)\n"}, "html"),
    "reference document": ("templates/reference.docx", _reference_docx, {}, "docx"),
    "font": ("templates/font.ttf", FONT.read_bytes,
             {"templates/style.css": "@font-face { font-family: X; src: url(templates/font.ttf) }\n"
                                     "body { font-family: X }\n"}, "pdf"),
}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _write(path: Path, content) -> None:
    content = content() if callable(content) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _outputs(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "build").glob("[!.]*")} if (root / "build").is_dir() else {}


def _problems(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": " in line and not line.startswith("warning")]


def _setup(project, tmp_path, kind):
    name, content, extra, formats = KINDS[kind]
    root = project({"sections/01.md": "# T\n\nText.\n", **extra})
    outside = tmp_path / "outside" / Path(name).name
    _write(outside, content)
    link = root / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    return root, name, outside, link, formats


@pytest.mark.parametrize("kind", KINDS)
def test_a_link_to_a_file_outside_the_project_is_a_located_error(project, tmp_path, kind):
    root, name, outside, link, formats = _setup(project, tmp_path, kind)
    link.symlink_to(outside)
    result = run("build", "--project", str(root), "--format", formats)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    expected = f"{name}: a symbolic link to {outside}, outside the project; reportgen reads only the project's files"
    if kind == "image":
        expected = ("sections/01.md:3: image '../images/a.png': images/a.png is a symbolic link to "
                    f"{outside}, outside the project; reportgen reads only the project's files")
    assert expected in _problems(result)
    assert not _outputs(root)
    assert SECRET not in result.output


@pytest.mark.parametrize("kind", ["style sheet", "page template", "section"])
def test_a_linked_folder_that_leads_outside_is_named(project, tmp_path, kind):
    root, name, outside, link, formats = _setup(project, tmp_path, kind)
    folder = link.parent
    if kind == "section":  # the other section goes along with the folder
        shutil.copy(root / "sections/01.md", outside.parent / "01.md")
    shutil.rmtree(folder)
    folder.symlink_to(outside.parent, target_is_directory=True)
    result = run("build", "--project", str(root), "--format", formats)
    assert result.exit_code == 1, result.output
    folder_name = Path(name).parent.as_posix()
    assert (f"{name}: the folder {folder_name} is a symbolic link to {outside.parent}, outside the project; "
            "reportgen reads only the project's files") in _problems(result)
    assert not _outputs(root)
    assert SECRET not in result.output


@pytest.mark.parametrize("kind", KINDS)
def test_a_link_inside_the_project_is_followed(project, tmp_path, kind):
    root, name, outside, link, formats = _setup(project, tmp_path, kind)
    inside = root / "shared" / Path(name).name
    _write(inside, outside.read_bytes())
    os.symlink(os.path.relpath(inside, link.parent), link)
    result = run("build", "--project", str(root), "--format", formats)
    assert result.exit_code == 0, result.output
    if formats == "html" and kind not in ("image", "previous recommendations"):
        html = next((root / "build").glob("*.html")).read_text()
        assert SECRET in html  # read through the link, as the file itself


@pytest.mark.parametrize("kind", ["section", "bibliography", "style sheet", "image"])
def test_a_link_loop_is_a_located_error(project, tmp_path, kind):
    root, name, outside, link, formats = _setup(project, tmp_path, kind)
    other = link.with_name("loop-" + link.name)
    link.symlink_to(other.name)
    other.symlink_to(link.name)
    result = run("build", "--project", str(root), "--format", formats)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    expected = f"{name}: a symbolic link that leads back to itself (a loop); reportgen cannot read it"
    if kind == "image":
        expected = f"sections/01.md:3: image '../images/a.png': {expected[len(name) + 2:]}"
    assert expected in _problems(result)
