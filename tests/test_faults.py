"""Faults: Ctrl-C, kill -9 and a kill between two renames. The watcher stops at once and leaves no
process; the PDF process dies with its parent; a build's outputs are committed together, and the
next build completes a commit that was cut short and removes stale temporaries. Only deadlines, no
timings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import MINIMAL_CONFIG
from .running import Running
from .test_watch import Watcher, written

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="processes are inspected through /proc")

PARAGRAPH = "A finding[@ohchr2020, p. 3] with enough words to fill a line or two of the page, and more.\n\n"
NAME = "ERW_individual_UPR41_Exampleland"


def long_report(words: str = "finding") -> str:
    """A section the PDF process takes a few seconds to lay out."""
    return "# Findings\n\n" + PARAGRAPH.replace("finding", words) * 300


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def watcher():
    """`reportgen watch` (or `serve`) processes, killed and reaped after the test."""
    started: list[Watcher] = []
    yield lambda root, *args, serve=False: started.append((Server if serve else Watcher)(root, *args)) or started[-1]
    for w in started:
        if w.process.poll() is None:
            w.process.kill()
        w.process.wait()
        w.reader.join()


@pytest.fixture
def kill_afterwards():
    pids: list[int] = []
    yield pids.append
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_watch_stops_on_the_first_ctrl_c_mid_layout_and_leaves_no_process(project, watcher, kill_afterwards):
    root = project({"sections/01.md": long_report()})
    w = watcher(root, "--force")
    w.wait_for(written(".pdf"))
    workers = children(w.process.pid)
    for pid in workers:
        kill_afterwards(pid)
    assert workers
    for i in range(10):  # saves in quick succession, as an editor's autosave makes them
        (root / "sections/01.md").write_text(long_report(f"finding {i}"))
        time.sleep(0.15)
    w.wait_for(written(".docx"))  # the PDF of the last save is being laid out now
    w.process.send_signal(signal.SIGINT)
    assert w.process.wait(timeout=5) == 0  # a second at most in practice; the deadline only stops a hang
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 5)


class Server(Running):
    """`reportgen serve` in its own process on a free port, its messages read as the watcher's are."""

    def __init__(self, root, *args: str):
        super().__init__("serve", root, "--port", "0", *args)


def test_serve_stops_on_the_first_ctrl_c_mid_layout_and_leaves_no_process(project, watcher, kill_afterwards):
    root = project({"sections/01.md": long_report(),  # serve has no --force
                    "report/report.yaml": MINIMAL_CONFIG + "checks: {rules: {WL-1: warning}}\n"})
    w = watcher(root, serve=True)
    w.wait_for(written(".pdf"))
    workers = children(w.process.pid)
    for pid in workers:
        kill_afterwards(pid)
    for i in range(10):
        (root / "sections/01.md").write_text(long_report(f"finding {i}"))
        time.sleep(0.15)
    w.wait_for(written(".html"))
    time.sleep(0.5)  # the DOCX and the PDF are being made in the background
    w.process.send_signal(signal.SIGINT)
    assert w.process.wait(timeout=5) == 0
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 5)


def test_the_pdf_process_dies_with_its_parent_even_killed(project, tmp_path, kill_afterwards):
    """kill -9 of a build mid-layout: nothing is left to clean up, so the PDF process must notice."""
    root = project({"sections/01.md": long_report()})
    build = subprocess.Popen([sys.executable, "-m", "reportgen", "build", "--force", "--project", str(root)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kill_afterwards(build.pid)
    for line in build.stderr:  # the PDF process is laying out once the DOCX is made
        if line.startswith("docx"):
            break
    workers = children(build.pid)
    for pid in workers:
        kill_afterwards(pid)
    assert workers
    build.kill()
    build.wait()
    build.stderr.close()
    assert wait_until(lambda: not any(alive(pid) for pid in workers), 10)


def test_an_idle_pdf_process_dies_with_its_parent(tmp_path, kill_afterwards):
    script = textwrap.dedent("""
        import sys, time
        from reportgen.renderers.pdf_worker import PdfWorker
        worker = PdfWorker()
        print(worker._process.pid, flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    kill_afterwards(parent.pid)
    worker = int(parent.stdout.readline())
    kill_afterwards(worker)
    time.sleep(1)  # WeasyPrint loaded, waiting for a job
    assert alive(worker)
    parent.kill()
    parent.wait()
    parent.stdout.close()
    assert wait_until(lambda: not alive(worker), 10)


def test_a_failed_build_does_not_leave_its_pdf_to_the_next_one(project, watcher):
    """The DOCX failed while the PDF process was laying out: the next build must not take that
    stale PDF for its own."""
    root = project({"sections/01.md": "# Findings\n\nThe first version.\n"})
    w = watcher(root)
    w.wait_for(written(".pdf"))
    (root / "templates").mkdir()
    (root / "templates/reference.docx").write_bytes(b"not a zip")
    (root / "sections/01.md").write_text("# Findings\n\nThe second version.\n")
    w.wait_for(lambda line: line.startswith("reportgen: "))
    (root / "templates/reference.docx").unlink()
    (root / "sections/01.md").write_text("# Findings\n\nThe third version.\n")
    w.wait_for(written(".pdf"))
    import pypdf

    text = pypdf.PdfReader(root / "build" / f"{NAME}.pdf").pages[-1].extract_text()
    assert "third version" in text, text
    assert w.stop() == 0


KILL_BETWEEN_RENAMES = textwrap.dedent("""
    import os, sys
    from reportgen import outputs
    renamed = []
    real = os.replace
    def replace(source, target):
        if os.path.basename(os.path.dirname(target)) == ".cache" or os.path.basename(target).startswith("."):
            return real(source, target)  # the cache, the journal: not outputs
        if renamed:
            os._exit(9)  # killed after the first output was renamed into place
        renamed.append(target)
        real(source, target)
    outputs.os.replace = replace
    from reportgen.cli import main
    main(["build", "--project", sys.argv[1], "--format", "html,docx,csv"])
""")


def test_a_build_killed_between_renames_is_completed_by_the_next(project):
    root = project({"sections/01.md": "# Findings\n\nThe first version.\n"})
    subprocess.run([sys.executable, "-m", "reportgen", "build", "--project", str(root), "--format", "html,docx,csv"],
                   check=True, capture_output=True)
    before = {p.name: p.stat().st_mtime_ns for p in (root / "build").glob("[!.]*")}
    (root / "sections/01.md").write_text("# Findings\n\nThe second version.\n")
    killed = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(root)], capture_output=True, text=True)
    assert killed.returncode == 9, killed.stderr
    mixed = {p.name: p.stat().st_mtime_ns for p in (root / "build").glob("[!.]*")}
    assert sum(mixed[name] != before[name] for name in before) == 1  # one new output, the others old
    assert list((root / "build").glob(".*.tmp"))

    result = subprocess.run([sys.executable, "-m", "reportgen", "build", "--project", str(root), "--format", "html"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "the previous build was stopped while it renamed its outputs into place; completed: " in result.stderr
    import docx

    document = docx.Document(root / "build" / f"{NAME}.docx")
    assert any("second version" in p.text for p in document.paragraphs)  # the cut-short commit was completed
    assert not list((root / "build").glob(".*.tmp"))
    assert not [p for p in (root / "build").rglob("*.tmp")]


def test_stale_temporaries_are_removed(project):
    root = project({"sections/01.md": "# Findings\n\nText.\n"})
    stale = [root / "build" / f".{NAME}.pdf.k3j4h5g6.tmp", root / "build" / ".cache" / "tmpa8d7f6e5.tmp"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"left by a build that was killed")
    mine = root / "build" / "notes.tmp"  # not reportgen's: kept
    mine.write_text("the user's own file")
    subprocess.run([sys.executable, "-m", "reportgen", "build", "--project", str(root), "--format", "html"],
                   check=True, capture_output=True)
    assert not any(path.exists() for path in stale)
    assert mine.exists()


def test_an_interrupted_write_leaves_no_temporaries(project, monkeypatch):
    from reportgen import outputs
    from reportgen.pipeline import build

    root = project({"sections/01.md": "# Findings\n\nText.\n"})
    calls = []

    def interrupt(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(root, ("html", "docx"))
    assert not list((root / "build").glob(".*.tmp"))
