"""`reportgen status`: the coordinator's board. For each section: its owner and status, its words
against the limit (or its budget in report.yaml), notes and citations, the checks' errors and
warnings, TODO/FIXME markers, reviewers' comments still open (from the latest `reportgen comments`)
and its last change in git; then the totals and what blocks submission. As text, JSON or a page."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import model as m
from .errors import Problem, Problems, ReportError
from .load.config import CONFIG_PATH, load_config
from .load.frontmatter import read_front_matter
from .load.git import last_changes
from .load.project import Project, decode_text, section_paths
from .outputs import output_name
from .pipeline import Session
from .review import ledger

MARKER = re.compile(r"\b(?:TODO|FIXME)\b")


@dataclass(frozen=True)
class SectionStatus:
    path: str
    title: str
    owner: str
    status: str
    annex: bool
    words: int | None  # counted against the limit (annexes: all their words, counted apart); None: not loaded
    budget: int | None  # report.yaml's `budgets` for this file
    share: float  # of the word limit
    notes: int
    citations: int
    errors: int
    warnings: int
    markers: list[dict]  # {"line", "text"}: TODO and FIXME in the file, comments included
    comments: list[dict]  # open reviewers' comments: {"line", "author", "text"}
    author: str = ""  # of the last commit that changed the file
    date: str = ""
    modified: bool = False  # changed since that commit

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.words is not None and self.words > self.budget


@dataclass(frozen=True)
class Board:
    name: str
    submission: str
    session: int | None
    state: str
    language: str
    limit: int
    limit_rule: str
    words: int | None  # counted against the limit, the cover included; None: the report does not load
    cover: int
    sections: list[SectionStatus]
    errors: int
    warnings: int
    blockers: list[str]
    notes: list[str] = field(default_factory=list)  # what else to know: budgets, the comments' run
    comments_run: str = ""  # when the latest `reportgen comments` ran

    def as_json(self) -> dict:
        return {"version": 1, **asdict(self)}


def collect(project_dir: str | Path = ".", output_dir: str | Path | None = None) -> Board:
    """The board of a project (of its files, with the load errors, when it does not load); ReportError
    when it is not a project, or report.yaml cannot be read."""
    with Session(project_dir, output_dir, pdf=False) as session:
        try:
            loaded = session.load()
        except ReportError as exc:
            return _unloaded(session.project, session.folder, exc.problems)
        checked = session.check(loaded)
        project, root, folder = session.project, session.project.root, session.folder
    document, written = loaded.document, loaded.written
    config = document.config
    kept = ledger.load(folder)
    comments = kept.open() if kept else []
    paths = [s.source.path for s in document.sections]
    changes = last_changes(root, paths)
    words = {s.path: s for s in checked.words.sections}
    limit = checked.limit.words if checked.limit else 0
    sections = []
    for resolved, original in zip(document.sections, written.sections, strict=False):
        path = resolved.source.path
        counted = words[path].counted(checked.words.count_notes) if not resolved.annex else (
            words[path].body + words[path].headings + words[path].notes)
        change = changes.get(path)
        sections.append(SectionStatus(
            path, _title(resolved), resolved.owner, resolved.status, resolved.annex, counted,
            config.budgets.get(path.removeprefix("sections/")), counted / limit if limit and not resolved.annex else 0,
            sum(isinstance(n, m.Note) for n in m.walk(resolved)),
            sum(isinstance(n, m.Citation) for n in m.walk(original)),
            sum(f.severity == "error" for f in checked.findings if f.source.path == path),
            sum(f.severity == "warning" for f in checked.findings if f.source.path == path),
            _markers(_text(project, path)),
            [{"line": c.get("line", 0), "author": c.get("author", ""), "text": c.get("text", "")}
             for c in comments if c.get("path") == path],
            change.author if change else "", change.date if change else "", bool(change and change.modified)))
    board = Board(output_name(config), config.submission, config.session, config.state, config.language, limit,
                  checked.limit.rule if checked.limit else "", checked.words.counted, checked.words.cover, sections,
                  checked.errors, checked.count("warning"), [], comments_run=kept.written if kept else "")
    board.blockers.extend(_blockers(board, checked))
    unknown = sorted(set(config.budgets) - {p.removeprefix("sections/") for p in paths})
    board.notes.extend(f"report.yaml's budgets name '{name}', which is not a section of the report" for name in unknown)
    return board


def _unloaded(project: Project, folder: Path, problems: tuple[Problem, ...]) -> Board:
    """The board of a project that does not load: each section file with its owner, status, errors,
    markers, comments and last change, read from the file alone; words are not counted (they would be
    wrong), and the load errors block submission."""
    ignored = Problems()
    data = project.read(project.root / CONFIG_PATH, ignored, CONFIG_PATH)
    config = load_config(data.decode("utf-8", errors="replace"), ignored) if data is not None else None
    if config is None:
        raise ReportError(problems)
    kept = ledger.load(folder)
    comments = kept.open() if kept else []
    paths = [project.relative(p) for p in section_paths(project, config, ignored)]
    changes = last_changes(project.root, paths)
    sections = []
    for path in paths:
        text = _text(project, path)
        front = read_front_matter(text, path, ignored)[0] if text is not None else None
        change = changes.get(path)
        sections.append(SectionStatus(
            path, front.title if front else "", (front.owner or ", ".join(front.author)) if front else "",
            front.status if front else "", bool(front and front.annex), None,
            config.budgets.get(path.removeprefix("sections/")), 0, 0, 0,
            sum(p.source is not None and p.source.path == path for p in problems), 0, _markers(text),
            [{"line": c.get("line", 0), "author": c.get("author", ""), "text": c.get("text", "")}
             for c in comments if c.get("path") == path],
            change.author if change else "", change.date if change else "", bool(change and change.modified)))
    board = Board(output_name(config), config.submission, config.session, config.state, config.language, 0, "",
                  None, 0, sections, len(problems), 0, [], comments_run=kept.written if kept else "")
    board.blockers.append(f"the report does not load ({_n(len(problems), 'error')}; `reportgen build` lists them): "
                          + "; ".join(map(str, problems))[:300])
    board.blockers.extend(_section_blockers(board))
    board.notes.append("words, notes and citations are counted once the report loads again")
    return board


def _title(section: m.Section) -> str:
    if section.title:
        return section.title
    heading = next((n for n in m.walk(section) if isinstance(n, m.Heading)), None)
    return m.plain_text(heading.inlines) if heading else ""


def _text(project: Project, path: str) -> str | None:
    """A section file's text, read through its checked real path (never a file outside the project)."""
    problems = Problems()
    data = project.read(project.root / path, problems, path)
    return decode_text(data, path, problems) if data is not None else None


def _markers(text: str | None) -> list[dict]:
    lines = text.splitlines() if text is not None else []
    return [{"line": n, "text": " ".join(line.split())[:80]} for n, line in enumerate(lines, 1) if MARKER.search(line)]


def _blockers(board: Board, checked) -> list[str]:
    """What stands between the report and its submission, most serious first."""
    out = []
    if board.errors:
        out.append(f"{_n(board.errors, 'error')} found by `reportgen check`: " + "; ".join(
            f.finding() for f in checked.findings if f.severity == "error")[:300])
    return out + _section_blockers(board)


def _section_blockers(board: Board) -> list[str]:
    """Sections not final, TODO/FIXME markers, open reviewers' comments."""
    out = []
    not_final = [s for s in board.sections if (s.status or "").lower() != "final"]
    if not_final:
        out.append(f"{_n(len(not_final), 'section')} not final: " + ", ".join(
            f"{s.path} ({s.status or 'no status'}, {s.owner or 'no owner'})" for s in not_final))
    markers = [f"{s.path}:{mark['line']}" for s in board.sections for mark in s.markers]
    if markers:
        out.append(f"{_n(len(markers), 'TODO/FIXME marker')}: " + ", ".join(markers))
    comments = [f"{s.path}:{c['line']} ({c['author'] or 'unknown'})" for s in board.sections for c in s.comments]
    if comments:
        out.append(f"{_n(len(comments), 'open reviewer comment')}: " + ", ".join(comments))
    return out


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


