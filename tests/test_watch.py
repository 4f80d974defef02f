"""`reportgen watch`: a real watcher process, files edited as an author would; no timings, only deadlines
so that a broken watcher fails instead of hanging."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .running import DEADLINE, Running

SECTION = "# Findings\n\nA first finding[@ohchr2020, p. 3].\n"


class Watcher(Running):
    """`reportgen watch` in its own process, its messages read as they come."""

    def __init__(self, root, *args: str):
        super().__init__("watch", root, *args)


@pytest.fixture
def watcher():
    started = []
    yield lambda root, *args: started.append(Watcher(root, *args)) or started[-1]
    for w in started:
        if w.process.poll() is None:
            w.process.kill()
        w.process.wait()
        w.reader.join()


def written(name: str):
    return lambda line: " wrote " in line and name in line


@pytest.mark.skipif(os.name == "nt", reason="stopped with SIGINT")
def test_watch_rebuilds_after_an_edit_shows_mistakes_and_keeps_going(project, watcher):
    root = project({"sections/01-findings.md": SECTION})
    section = root / "sections/01-findings.md"
    outputs = root / "build" / "ERW_individual_UPR41_Exampleland"
    w = watcher(root)
    w.wait_for(written(".pdf"))
    assert "first finding" in outputs.with_suffix(".html").read_text()
    assert outputs.with_suffix(".docx").is_file()

    section.write_text(SECTION.replace("first", "second"))
    messages = w.wait_for(written(".pdf"))
    order = [next(i for i, line in enumerate(messages) if written(suffix)(line)) for suffix in (".html", ".docx")]
    assert order[0] < order[1] < len(messages) - 1  # the HTML first, then the DOCX, then the PDF
    assert "second finding" in outputs.with_suffix(".html").read_text()

    section.write_text(SECTION + "\nA claim[@nowhere].\n")  # a mistake: shown, outputs kept
    assert w.wait_for(lambda line: line.startswith("reportgen: "))[-2:] == [
        "sections/01-findings.md:5: unknown citation key 'nowhere'", "reportgen: 1 error; outputs not updated"]
    assert "second finding" in outputs.with_suffix(".html").read_text()

    section.write_text(SECTION.replace("first", "third"))  # mended: built again
    w.wait_for(written(".pdf"))
    assert "third finding" in outputs.with_suffix(".html").read_text()
    assert w.stop() == 0
    assert w.wait_for(lambda line: line == "stopped")


@pytest.mark.skipif(os.name == "nt", reason="stopped with SIGINT")
def test_watch_notices_new_section_files(project, watcher):
    root = project({"sections/01-findings.md": SECTION})
    w = watcher(root, "--format", "html")
    w.wait_for(written(".html"))
    (root / "sections/02-more.md").write_text("# More\n\nA new section.\n")
    w.wait_for(written(".html"))
    assert "A new section." in next((root / "build").glob("*.html")).read_text()
    assert w.stop() == 0


def test_watch_outside_a_project_fails_at_once(tmp_path):
    result = subprocess.run([sys.executable, "-m", "reportgen", "watch", "--project", str(tmp_path)],
                            capture_output=True, text=True, timeout=DEADLINE)
    assert result.returncode == 1
    assert "not a reportgen project" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(os.name == "nt", reason="stopped with SIGINT")
def test_watch_reports_a_section_linked_outside_and_keeps_going(project, watcher, tmp_path):
    """A section file linked to a file outside the project was a ValueError traceback inside watch."""
    root = project({"sections/01-findings.md": SECTION})
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n\nNot for the report.\n")
    w = watcher(root, "--format", "html")
    w.wait_for(written(".html"))
    (root / "sections/02-linked.md").symlink_to(outside)
    messages = w.wait_for(lambda line: line.startswith("reportgen: "))
    assert not any("Traceback" in line for line in messages), messages
    assert (f"sections/02-linked.md: a symbolic link to {outside}, outside the project; reportgen reads only the "
            "project's files") in messages
    assert "Not for the report" not in next((root / "build").glob("*.html")).read_text()
    (root / "sections/02-linked.md").unlink()
    w.wait_for(written(".html"))
    assert w.stop() == 0
