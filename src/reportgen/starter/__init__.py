"""`reportgen init`: a new report project, from the answers about the submission to a report that
builds and passes `check` with warnings only for what is still to write.

It writes report/report.yaml (every key, each under its documentation), the sections OHCHR's
guidelines call for (an executive summary, the follow-up to the previous review from the 2nd cycle
on, the NHRI's mandate, thematic sections with a recommendations block each), a references.bib of
example entries, templates/README.md, a .gitignore and the CI files (GitHub Actions, GitLab CI)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportError
from ..load.config import Coalition, Organisation
from ..resources import RESOURCES
from .bibliography import references_bib
from .ci import CI_FILES
from .config_yaml import report_yaml, scalar
from .sections import section_files

SUBMISSIONS = ("individual", "joint", "nhri")


@dataclass(frozen=True)
class Answers:
    """What a new report needs to know about its submission."""

    state: str
    session: int
    cycle: int
    submission: str  # individual, joint or nhri
    language: str
    organisations: tuple[Organisation, ...]
    coalition: Coalition = Coalition()
    title: str = ""
    date: dt.date | None = None
    contact: str = ""  # the contact person's name
    email: str = ""
    keywords: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # titles of the thematic sections; by default two, numbered
    reportgen: str = ""  # how CI installs reportgen: a pip requirement

    @property
    def acronym(self) -> str:
        """Who the submission is attributed to: the coalition's acronym, else the first organisation's."""
        return self.coalition.acronym or next((o.acronym for o in self.organisations if o.acronym), "")


def create(folder: Path, answers: Answers) -> list[Path]:
    """Write the new project into `folder` (made if missing; refused if it holds anything); the files
    written, in order."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ReportError(f"{folder}: not an empty folder; reportgen init writes a new report only into an empty "
                          "or new folder, so that nothing is overwritten")
    files = {"report/report.yaml": _config(answers), **section_files(answers), "references.bib":
             references_bib(answers), "templates/README.md": _resource("templates-README.md"),
             ".gitignore": _resource("gitignore")}
    files.update((path, _resource(name).replace("@REPORTGEN@", answers.reportgen)) for path, name in CI_FILES.items())
    written = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _resource(name: str) -> str:
    return (RESOURCES / "starter" / name).read_text(encoding="utf-8")


def _config(a: Answers) -> str:
    values = {"title": scalar(a.title), "state": scalar(a.state), "session": str(a.session), "cycle": str(a.cycle),
              "submission": a.submission, "language": a.language}
    if a.date:
        values["date"] = a.date.isoformat()
    values["organisations"] = "".join(f"\n  - {_flow(o)}" for o in a.organisations)
    if a.submission == "joint":
        values.update({"coalition.name": scalar(a.coalition.name), "coalition.acronym": scalar(a.coalition.acronym)})
    if a.contact:
        values["contact.name"] = scalar(a.contact)
        values["contact.organisation"] = scalar(a.acronym)
    if a.email:
        values["contact.email"] = scalar(a.email)
    if a.keywords:
        values["keywords"] = "[" + ", ".join(scalar(k) for k in a.keywords) + "]"
    if a.submission == "joint":
        values["recommendations.summary"] = "theme  # an annex listing the recommendations by theme"
    name = "_".join(p for p in (a.acronym, a.submission, f"UPR{a.session}", a.state) if p)
    return report_yaml(values, {"state": a.state, "acronym": a.acronym or "ACRONYM", "name": re.sub(r"\s+", "-", name)})


def _flow(o: Organisation) -> str:
    parts = [f"name: {scalar(o.name)}"] + [f"{key}: {scalar(getattr(o, key))}" for key in ("acronym", "website",
                                                                                          "status") if getattr(o, key)]
    return "{" + ", ".join(parts) + "}"
