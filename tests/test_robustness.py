"""Hostile or broken input: never a traceback, never a leaked file or connection, never a lost build."""

from __future__ import annotations

import errno
import fcntl
import re
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from reportgen import outputs
from reportgen.cli import main
from reportgen.errors import ReportError
from reportgen.pipeline import build

GOOD = "# Findings\n\nA finding[@ohchr2020] and a note^[Plain note.].\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def messages(result) -> list[str]:
    """What the build said, without its stage lines."""
    return [line for line in result.stderr.splitlines() if not re.match(r"\w+ +\d+\.\d\d s", line)]


def built(root) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (root / "build").glob("[!.]*")}


@pytest.fixture
def good_build(project):
    """A project built once; returns its folder and the outputs of that good build."""
    root = project({"sections/01.md": GOOD})
    result = run("build", "--project", str(root))
    assert result.exit_code == 0, result.output
    return root, built(root)


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything tries to open a network connection."""
    attempts = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize("content, message", [
    (b"# T\n\nText\x00 with a NUL.\n", "sections/01.md:3: control character U+0000 in column 5 cannot go into a "
                                       "document; delete it (it often comes with text pasted from a PDF)"),
    (b"# T\n\nCaf\xe9 in Latin-1.\n", "sections/01.md:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
    (b"# T\n\nA lone surrogate \xed\xa0\x80.\n", "sections/01.md:3: not valid UTF-8 (byte 0xed); save the file as "
                                                 "UTF-8"),
])
def test_text_xml_cannot_hold_is_a_located_error_and_the_last_build_survives(good_build, content, message):
    root, before = good_build
    (root / "sections/01.md").write_bytes(content)
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message
    assert built(root) == before


def test_invalid_utf8_in_the_bibliography(good_build):
    root, before = good_build
    (root / "references.bib").write_bytes(b"@misc{a,\n  title = {Se\xf1or},\n}\n")
    result = run("build", "--project", str(root))
    assert result.stderr.splitlines()[0] == "references.bib:2: not valid UTF-8 (byte 0xf1); save the file as UTF-8"
    assert built(root) == before


def test_obvious_debris_is_cleaned_with_a_warning(project):
    text = ("# T\n\nHy\u00adphen\u00adated and zero\u200bwidth.\n\n\fPage two\x92s text.\n\n"
            "- item\n\n\u00a0\u00a0continued\n")
    root = project({"sections/01.md": text})
    result = run("build", "--project", str(root), "--format", "html")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if ": warning: " in line] == [
        "sections/01.md:3: warning: soft hyphen (U+00AD) removed",
        "sections/01.md:3: warning: zero-width space (U+200B) removed",
        "sections/01.md:5: warning: form feed (U+000C) removed",
        "sections/01.md:5: warning: control character U+0092 read as Windows-1252 '’'",
        "sections/01.md:9: warning: non-breaking space used as indentation, made a space",
    ]
    html = next((root / "build").glob("*.html")).read_text()
    assert "Hyphenated and zerowidth." in html and "Page two’s text." in html


def test_nothing_outside_the_project_is_read_and_no_connection_is_attempted(project, no_network):
    secret = "root:x:0:0"
    root = project({"sections/01.md": "# T\n\n![](/etc/passwd)\n[host](file:///etc/hostname)\n"
                                      "![](http://127.0.0.1:9/x.png)\n"})
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "sections/01.md:3: image '/etc/passwd' must be a file inside the project, written relative to the "
        "section file",
        "sections/01.md:4: link to 'file:///etc/hostname' must be a web (http, https) or e-mail (mailto) address, "
        "or '#id' of a heading",
        "sections/01.md:5: image 'http://127.0.0.1:9/x.png' must be a file inside the project, written relative "
        "to the section file",
        "reportgen: 3 errors; nothing was written",
    ]
    assert not built(root)
    assert no_network == []
    assert secret not in result.output


@pytest.mark.parametrize("css, shown", [
    ('body { background: url("file:///etc/hostname") }', "'file:///etc/hostname' is not a file inside the project"),
    ('body { background: url("http://127.0.0.1:9/x.png") }', "'http://127.0.0.1:9/x.png' is not a file inside "
                                                             "the project"),
    ('body { background: url("/dev/urandom") }', "'file:///dev/urandom' is not a file inside the project"),
    ('body { background: url("templates/none.png") }', "does not exist or is not a regular file"),
])
def test_templates_cannot_fetch_outside_the_project(good_build, no_network, css, shown):
    root, before = good_build
    (root / "templates").mkdir()
    (root / "templates/style.css").write_text(css)
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert messages(result)[0].startswith("PDF: a template refers to ")
    assert shown in messages(result)[0]
    assert built(root) == before
    assert no_network == []


def test_template_mistakes_are_located(good_build):
    root, before = good_build
    (root / "templates").mkdir()
    (root / "templates/report.html.j2").write_text("<html>\n<body>\n{{ no_such_variable }}\n</body></html>\n")
    result = run("build", "--project", str(root))
    assert messages(result)[0] == "templates/report.html.j2:3: template error: 'no_such_variable' is undefined"
    (root / "templates/report.html.j2").write_text("<html>{% if %}</html>\n")
    result = run("build", "--project", str(root))
    assert messages(result)[0] == ("templates/report.html.j2:1: template error: Expected an expression, "
                                             "got 'end of statement block'")
    assert built(root) == before


def test_an_output_folder_that_cannot_be_written(good_build, tmp_path):
    root, _ = good_build
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    result = run("build", "--project", str(root), "--output", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{blocker / 'out'}: cannot create the output folder: Not a directory"


def test_a_full_disk_keeps_the_previous_outputs(good_build, monkeypatch):
    root, before = good_build
    (root / "sections/01.md").write_text(GOOD.replace("A finding", "A changed finding"))

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", disk_full)
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert messages(result)[0] == (f"{root / 'build'}: cannot write the outputs: No space left on device; "
                                             "the previous outputs are kept")
    assert built(root) == before
    assert sorted(p.name for p in (root / "build").iterdir()) == sorted([*before, ".reportgen.lock", ".cache"])


def test_two_builds_of_one_project_do_not_interleave(good_build):
    root, _ = good_build
    waited = threading.Event()
    finished = []
    with open(root / "build" / outputs.LOCK_NAME, "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        worker = threading.Thread(target=lambda: finished.append(
            build(root, ("html",), progress=lambda *a: None, on_wait=waited.set)))
        worker.start()
        assert waited.wait(10), "the second build did not wait for the lock"
        time.sleep(0.2)
        assert not finished  # still waiting while the first build holds the lock
    worker.join(30)
    assert finished and finished[0][0][0].suffix == ".html"


def test_errors_never_escape_as_tracebacks_from_the_api(project):
    root = project({"sections/01.md": "Text[@nobody].\n"})
    with pytest.raises(ReportError) as caught:
        build(root)
    assert str(caught.value) == "sections/01.md:1: unknown citation key 'nobody'"


def test_templates_run_in_a_sandbox(good_build):
    root, before = good_build
    (root / "templates").mkdir()
    (root / "templates/report.html.j2").write_text("{{ config.__class__.__mro__[1].__subclasses__() }}\n")
    result = run("build", "--project", str(root))
    assert result.exit_code == 1
    assert messages(result)[0] == ("templates/report.html.j2:1: template error: access to attribute '__class__' of "
                                   "'ReportConfig' object is unsafe.")
    assert built(root) == before
