"""`reportgen package`: the files for OHCHR's online submission form, in one folder: the final DOCX
(the upload) and PDF, named as OHCHR suggests (`<ACRONYM>_<submission>_UPR<session>_<State>_<YYYY-MM>`);
the annexes in a DOCX and PDF of their own when report.yaml's `package.annexes` is `separate`; the
recommendations matrix; and the answers the form asks for, as text to paste. It refuses a report that
`reportgen check --strict` fails, unless forced."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import model as m
from .check import CheckFailed
from .clock import build_time
from .i18n import language
from .outputs import build_lock, output_name, write_outputs
from .pipeline import Look, Progress, Session, quiet


class NotReady(CheckFailed):
    """`reportgen check --strict` fails: errors, or warnings."""

    outcome = "nothing was packaged (--force packages anyway)"

    def __init__(self, result):
        super().__init__(result)
        self.problems = tuple(f for f in result.findings if f.severity in ("error", "warning"))

    def lines(self, outcome: str = "") -> list[str]:
        errors, warnings = self.result.errors, self.result.count("warning")
        return [*(f.finding() for f in self.problems),
                f"reportgen: `reportgen check --strict` fails ({errors} error{'s' if errors != 1 else ''}, "
                f"{warnings} warning{'s' if warnings != 1 else ''}); {outcome or self.outcome}"]


@dataclass(frozen=True)
class Bundle:
    folder: Path
    files: list[Path]
    form: str  # what the form asks for, as text
    warnings: list[str]


def package(project_dir: str | Path = ".", output_dir: str | Path | None = None, force: bool = False,
            progress: Progress = quiet) -> Bundle:
    """Check strictly, then render and write the bundle into `output_dir` (default: build/package/)."""
    with Session(project_dir, pdf=True, progress=progress) as session:
        loaded = session.load()
        checked = session.check(loaded)
        if checked.failed(strict=True) and not force:
            raise NotReady(checked)
        document = loaded.document
        folder = Path(output_dir).absolute() if output_dir else session.folder / "package"
        name = output_name(replace(document.config, output_name=""))  # OHCHR's convention, always
        now = build_time()
        look = Look(words=checked.words.counted)
        files, warnings = {}, [f"{f.finding()} (packaged anyway: --force)" for f in checked.findings
                               if f.severity in ("error", "warning")]
        for stem, part in parts(document, name).items():
            rendered = session.render(part, ("docx", "pdf"), look, now)
            warnings += rendered.warnings
            files.update((folder / f"{stem}.{extension}", data) for extension, data in rendered.outputs.items())
        if any(isinstance(n, m.Recommendations) for s in document.sections for n in m.walk(s)):
            matrix = session.render(document, ("xlsx",), now=now).outputs["xlsx"]
            files[folder / f"{name}_recommendations.xlsx"] = matrix
        form = form_text(document, checked, [path.name for path in files])
        files[folder / f"{name}_form.txt"] = form.encode("utf-8")
        with build_lock(folder):
            write_outputs(files)
    return Bundle(folder, list(files), form, warnings + [str(p) for p in loaded.warnings])


def parts(document: m.Document, name: str) -> dict[str, m.Document]:
    """The report as one document, or with `package.annexes: separate` the body and the annexes apart
    (each with the first page, and the notes its sections call, numbered as in the whole report)."""
    annexes = [s for s in document.sections if s.annex]
    if document.config.package.annexes != "separate" or not annexes:
        return {name: document}
    body = [s for s in document.sections if not s.annex]
    return {name: _only(document, body), f"{name}_annexes": _only(document, annexes)}


def _only(document: m.Document, sections: list[m.Section]) -> m.Document:
    """The document with only `sections`; a link to a place that is now in the other file keeps its
    text and loses its target (the annexes' links to the sections they summarise)."""
    elsewhere = _ids(document.sections) - _ids(sections)
    sections = [_Unlink(elsewhere).visit(s) for s in sections]
    called = {n.number for s in sections for n in m.walk(s) if isinstance(n, m.Note)}
    return replace(document, sections=tuple(sections), notes=tuple(n for n in document.notes if n.number in called))


def _ids(sections) -> set[str]:
    found = set()
    for node in (n for s in sections for n in m.walk(s)):
        found.update(i for i in (getattr(node, "id", ""), getattr(getattr(node, "attributes", None), "id", "")) if i)
    return found


class _Unlink(m.Transformer):
    def __init__(self, targets: set[str]):
        self.targets = targets

    def visit_Link(self, link: m.Link):
        children = self.visit_all(link.children)
        if link.url.startswith("#") and link.url[1:] in self.targets:
            return children
        return replace(link, children=children)


KINDS = {"individual": "Individual submission (one organisation)", "joint": "Joint submission ({n} organisations)",
         "nhri": "National human rights institution"}


def form_text(document: m.Document, checked, files: list[str]) -> str:
    """The answers OHCHR's online form asks for, one per line, to paste; what is missing says which key
    of report.yaml gives it."""
    config, words, limit = document.config, checked.words, checked.limit
    contact = config.contact
    missing = "(not given: report.yaml's {})".format
    organisations = [f"  - {o.name}" + (f" ({o.acronym})" if o.acronym else "") + (f"; status: {o.status}" if
                     o.status else "") for o in config.organisations]
    unknown = sum(not o.status for o in config.organisations)
    if unknown:
        organisations.append(f"  ECOSOC status (or an NHRI's accreditation) of {unknown} not given: report.yaml's "
                             "organisations.status")
    session = f"{config.session} (cycle {config.cycle})" if config.session else missing("session")
    left = limit.words - words.counted
    lines = [
        "The answers OHCHR's online submission form asks for, from report.yaml and the report",
        "",
        f"Submission type:    {KINDS[config.submission].format(n=len(config.organisations))}",
        f"State under review: {config.state or missing('state')}",
        f"UPR session:        {session}",
        f"Title:              {config.title}",
        f"Submitted by:       {_submitter(config) or missing('organisations')}",
        "Organisations:", *organisations,
        f"Contact person:     {contact.name or missing('contact.name')}",
        f"  organisation:     {contact.organisation or missing('contact.organisation')}",
        f"  e-mail:           {contact.email or missing('contact.email')}",
        f"  telephone:        {contact.phone or missing('contact.phone')}",
        f"  address:          {contact.address or missing('contact.address')}",
        f"Language:           {language(config.language).name} ({config.language})",
        f"Word count:         {words.counted:,} of the {limit.words:,} allowed for {limit.kind} "
        f"({left:,} left)" if left >= 0 else f"Word count:         {words.counted:,}, {-left:,} over the "
                                              f"{limit.words:,} allowed for {limit.kind}",
        f"  not counted:      notes {words.notes:,}" + ("" if not words.count_notes else " (counted)")
        + f", annexes {words.annexes:,}",
        f"Key words:          {'; '.join(config.keywords) or missing('keywords')}",
        f"Date:               {config.date.isoformat() if config.date else missing('date')}",
        "Files:", *(f"  - {name}" + ("   (the upload: OHCHR asks for Word)" if name.endswith(".docx")
                                     and "_annexes" not in name else "") for name in files),
    ]
    return "\n".join(lines) + "\n"


def _submitter(config) -> str:
    coalition = config.coalition
    if coalition.name:
        return coalition.name + (f" ({coalition.acronym})" if coalition.acronym else "")
    return ", ".join(o.name + (f" ({o.acronym})" if o.acronym else "") for o in config.organisations)
