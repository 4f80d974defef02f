"""The interactive loop: `reportgen watch` and `reportgen serve` on a benchmark project, a section
saved as an author saves it, and the time from the save until the new HTML, DOCX and PDF are on
disk (and, for serve, until the browser is told of the new HTML).

    python benchmarks/loop.py                          # joint, 50p and 150p; 7 saves of each kind
    python benchmarks/loop.py --sizes joint --saves 3 --commands serve

Each size gets a fresh `reportgen watch` (or `serve`) process on a copy of the project; once its
first build is complete, three kinds of save are timed, each save waiting for the previous one's PDF:

- `sentence`: a word of a paragraph in the middle section changes (the common case: one section's
  HTML is rendered again);
- `note first`: a note is added to (then removed from) the first paragraph, which renumbers every
  note and paragraph after it (every section's HTML is rendered again);
- `during PDF`: a sentence changes while the PDF of the save before is being laid out (the layout is
  abandoned and its process replaced).

The clock starts when the write of the section file returns and stops when the file on disk is the
new one: the HTML holding the edit, the DOCX and the PDF rewritten (files polled every 2 ms); for
serve, also when the page's event stream announces the new HTML ("browser"). Results are printed
and written to benchmarks/results/loop-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from generate import SIZES, write_project

HERE = Path(__file__).resolve().parent
PROJECTS, RESULTS = HERE / "projects", HERE / "results"
TARGETS = {"joint": 0.3, "150p": 1.0}  # save to HTML on disk, seconds (issue 18)
DEADLINE = 300


class Watch:
    """A `reportgen watch` (or `serve`) process and the files it writes; for serve, the times at which
    its event stream announced each new HTML."""

    def __init__(self, root: Path, reportgen: str, command: str = "watch"):
        self.root, self.out = root, root / "build"
        extra = ["--port", "0"] if command == "serve" else []
        self.process = subprocess.Popen([reportgen, command, "--project", str(root), *extra],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.announced: list[float] = []  # monotonic times of the stream's new HTML versions
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            found = re.search(r"serving the preview at (\S+)", line)
            if found:
                threading.Thread(target=self._listen, args=(found[1],), daemon=True).start()
            self.lines.put(line.rstrip("\n"))

    def _listen(self, url: str) -> None:
        """Read the page's event stream as the browser does, noting when each new HTML is announced."""
        version = -1
        with urllib.request.urlopen(url + "_reportgen/events") as stream:
            for raw in stream:
                if raw.startswith(b"data: "):
                    html = json.loads(raw[6:])["html_version"]
                    if html != version:
                        version = html
                        self.announced.append(time.monotonic())

    def wait_for_line(self, needle: str) -> None:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise SystemExit(f"watch stopped ({self.process.returncode})") from None
                continue
            if needle in line:
                return
            if line.startswith(("reportgen:", "Traceback", "warning:")):
                print(f"    watch: {line}", file=sys.stderr)
        raise SystemExit(f"watch: no '{needle}' within {DEADLINE} s")

    def output(self, suffix: str) -> Path:
        return next(self.out.glob(f"*{suffix}"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def timed_save(watch: Watch, path: Path, text: str, token: str | None, interrupt_after: float | None = None
               ) -> dict[str, float]:
    """Write `text` (holding `token`) to `path`; seconds until the HTML holds the token (or, without
    one, is written again) and until the DOCX and the PDF are written again. With `interrupt_after`,
    return as soon as the HTML is new and that many seconds have passed (the next save then comes
    while the PDF is being laid out)."""
    files = {s: watch.output(s) for s in (".html", ".docx", ".pdf")}
    before = {s: _stamp(p) for s, p in files.items()}
    while not watch.lines.empty():  # messages of earlier saves
        watch.lines.get_nowait()
    announced = len(watch.announced)
    path.write_text(text)
    start = time.monotonic()
    seen: dict[str, float] = {}
    while len({".html", ".docx", ".pdf"} & set(seen)) < 3 and time.monotonic() - start < DEADLINE:
        if "browser" not in seen and len(watch.announced) > announced:
            seen["browser"] = watch.announced[announced] - start
        now = time.monotonic() - start
        for suffix, file in files.items():
            if suffix not in seen and _stamp(file) != before[suffix]:
                if suffix != ".html" or token is None or token in file.read_text(encoding="utf-8"):
                    seen[suffix] = now
                else:
                    before[suffix] = _stamp(file)
        if interrupt_after is not None and ".html" in seen and now >= interrupt_after:
            return seen
        time.sleep(0.002)
    if len({".html", ".docx", ".pdf"} & set(seen)) < 3:
        raise SystemExit(f"no new outputs within {DEADLINE} s: {seen}")
    watch.wait_for_line(".pdf")  # the DOCX written again with the PDF's page count: the build is over
    return seen


def paragraph_line(text: str) -> int:
    """The first line of body text (not a heading, list, table or front matter) of a section."""
    lines = text.split("\n")
    return next(i for i, line in enumerate(lines) if line[:1].isupper() and not line.startswith("---"))


def with_line(text: str, change) -> str:
    lines = text.split("\n")
    i = paragraph_line(text)
    lines[i] = change(lines[i])
    return "\n".join(lines)


def bench_size(name: str, reportgen: str, saves: int, scratch: Path, command: str = "watch") -> dict:
    project = PROJECTS / name
    if not (project / "references.bib").is_file():
        write_project(project, SIZES[name])
    root = scratch / f"{name}-{command}"
    shutil.copytree(project, root, ignore=shutil.ignore_patterns("build"))
    sections = sorted((root / "sections").glob("*.md"))
    middle, first = sections[len(sections) // 2], sections[0]
    originals = {p: p.read_text() for p in (middle, first)}
    watch = Watch(root, reportgen, command)
    try:
        watch.wait_for_line(".pdf")
        times: dict[str, list[dict[str, float]]] = {"sentence": [], "note first": [], "during PDF": []}
        for i in range(saves):
            print(f"  {name} ({command}): save {i + 1}/{saves}", file=sys.stderr)
            token = f"Edited{i:04d}"
            sentence = with_line(originals[middle], lambda line, t=token: f"{t} {line}")
            times["sentence"].append(timed_save(watch, middle, sentence, token))
            noted = with_line(originals[first], lambda line, t=token: f"{line}^[Note {t}.]")
            times["note first"].append(timed_save(watch, first, noted, token))
            timed_save(watch, first, originals[first], None)  # the note removed again
            pdf = statistics.median(t[".pdf"] for t in times["sentence"])
            early = with_line(originals[middle], lambda line, t=token: f"{t}a {line}")
            timed_save(watch, middle, early, f"{token}a", interrupt_after=pdf * 0.4)
            later = with_line(originals[middle], lambda line, t=token: f"{t}b {line}")
            times["during PDF"].append(timed_save(watch, middle, later, f"{token}b"))
    finally:
        watch.stop()
    return times


COLUMNS = (".html", "browser", ".docx", ".pdf")


def summary(times: dict[str, list[dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {kind: {c: statistics.median(t[c] for t in runs) for c in COLUMNS if c in runs[0]}
            for kind, runs in times.items()}


def print_run(name: str, command: str, times: dict) -> list:
    size = SIZES[name]
    columns = [c for c in COLUMNS if c in times["sentence"][0]]
    print(f"\n## {command}, {name}: {size.words:,} words, {size.notes:,} notes; seconds from the save to the file on "
          f"disk (median, min-max of {len(times['sentence'])})")
    print(f"{'save':<14}" + "".join(f"{c.lstrip('.').upper() if c != 'browser' else 'browser told':>20}"
                                    for c in columns))
    for kind, runs in times.items():
        cells = []
        for column in columns:
            values = [t[column] for t in runs]
            cells.append(f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})")
        print(f"{kind:<14}" + "".join(f"{c:>20}" for c in cells))
    rows = []
    if name in TARGETS:
        html = statistics.median(t[".html"] for t in times["sentence"])
        met = html <= TARGETS[name]
        print(f"save to HTML (sentence): {html:.2f} s, target <= {TARGETS[name]:.2f} s: {'met' if met else 'MISSED'}")
        rows.append(("save to HTML", html, TARGETS[name], met))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="joint,50p,150p")
    parser.add_argument("--commands", default="watch,serve")
    parser.add_argument("--saves", type=int, default=7)
    args = parser.parse_args()
    reportgen = str(Path(sys.executable).parent / "reportgen")
    load = os.getloadavg()
    results: dict = {"command": " ".join(sys.argv), "cpus": os.cpu_count(), "load_average": load, "runs": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for name in args.sizes.split(","):
            for command in args.commands.split(","):
                times = bench_size(name, reportgen, args.saves, Path(scratch), command)
                results["runs"][f"{command} {name}"] = {"times": times, "median": summary(times)}
    print(f"# reportgen watch and serve, {os.cpu_count()} CPUs; medians of {args.saves} saves of each kind")
    for run, result in results["runs"].items():
        command, name = run.split()
        result["targets"] = print_run(name, command, result["times"])
    results["load_average_after"] = os.getloadavg()
    print(f"\nload average before {load[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / time.strftime("loop-%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(results, indent=1))
    print(f"results: {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
