"""`reportgen init`: a new report, from a few questions (or options, for scripts)."""

from __future__ import annotations

import datetime as dt
import re

import click

from ..i18n import LANGUAGES

SUBMISSIONS = ("individual", "joint", "nhri")
_ACRONYM = re.compile(r"\((?P<acronym>[^()]+)\)\s*$")  # searched: `^(.*?)\s*\(` was quadratic on spaces


@click.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--state", help="The State under review, as the UN writes it (e.g. Indonesia).")
@click.option("--session", type=click.IntRange(1), help="The UPR Working Group session (e.g. 41).")
@click.option("--cycle", type=click.IntRange(1), help="The UPR cycle [default: the session's].")
@click.option("--submission", type=click.Choice(SUBMISSIONS), help="individual (one organisation), joint (a "
              "coalition of two or more) or nhri (a national human rights institution).")
@click.option("--language", type=click.Choice(list(LANGUAGES)), help="The language of the submission.")
@click.option("--organisation", "organisations", multiple=True, metavar='"NAME (ACRONYM)"',
              help="A submitting organisation; repeat it for each member of a coalition.")
@click.option("--coalition", metavar='"NAME (ACRONYM)"', help="The coalition making a joint submission.")
@click.option("--title", help="The title of the submission [default: human rights in the State, in its language].")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="The date of the submission [default: today].")
@click.option("--contact", help="The contact person for the submission.")
@click.option("--email", help="The contact person's e-mail address.")
@click.option("--keyword", "keywords", multiple=True, help="A key word of the submission; may be repeated.")
@click.option("--theme", "themes", multiple=True, help="The title of a thematic section; may be repeated "
              "[default: two sections to name].")
@click.option("--reportgen", "requirement", help="How the CI files install reportgen, as a pip requirement "
              "[default: where this reportgen was installed from, if CI can reach it].")
@click.option("--no-input", is_flag=True, help="Ask nothing: what is not given takes its default (--state, "
              "--session and --organisation must be given).")
def init(folder: str, no_input: bool, **given) -> None:
    """Start a new report in FOLDER (new or empty; default: the current folder)."""
    from pathlib import Path

    from ..starter import create
    from ..starter.ci import reportgen_requirement

    answers = _answers(given, ask=not no_input)
    if not answers.reportgen:
        answers = _replace(answers, reportgen=reportgen_requirement())
    target = Path(folder)
    files = create(target, answers)
    click.echo(f"wrote {len(files)} files into {target}: " + ", ".join(p.relative_to(target).as_posix()
                                                                      for p in files))
    if not answers.reportgen:
        click.echo("note: the CI files do not know where to install reportgen from: set the CI variable REPORTGEN "
                   "to its pip requirement (README, \"Continuous integration\")", err=True)
    steps = ([f"cd {folder}"] if target.resolve() != Path.cwd().resolve() else []) + [
        "reportgen serve     # the preview in your browser, updated on every save",
        "reportgen check     # what is still to write (TODO), and OHCHR's rules"]
    click.echo("next:\n" + "\n".join(f"  {step}" for step in steps))


def _answers(given: dict, ask: bool):
    """The answers from the options, asking for what is missing (unless `ask` is off)."""
    from ..check.rules.front import cycle_of
    from ..load.config import Coalition
    from ..starter import Answers
    from ..starter.texts import TEXTS

    state = given["state"] or _ask(ask, "State under review", "--state")
    session = given["session"] or _ask(ask, "UPR session (Working Group session number)", "--session",
                                       type=click.IntRange(1))
    submission = given["submission"] or (click.prompt("Submission", type=click.Choice(SUBMISSIONS),
                                                      default="individual") if ask else "individual")
    language = given["language"] or (click.prompt("Language", type=click.Choice(list(LANGUAGES)), default="en")
                                     if ask else "en")
    coalition = Coalition()
    if submission == "joint":
        text = given["coalition"] or (click.prompt("Coalition, as NAME (ACRONYM)") if ask else "")
        name, acronym = _named(text) if text else ("", "")
        coalition = Coalition(name, acronym)
    organisations = tuple(_organisation(t) for t in given["organisations"]) or _ask_organisations(ask, submission)
    title = given["title"] or TEXTS[language]["title"].format(state=state)
    if ask and not given["title"]:
        title = click.prompt("Title", default=title)
    contact = given["contact"] or (click.prompt("Contact person (Enter: later)", default="", show_default=False)
                                   if ask else "")
    email = given["email"] or (click.prompt("Contact e-mail (Enter: later)", default="", show_default=False)
                               if ask and contact else "")
    themes = given["themes"]
    if ask and not themes:
        themes = tuple(t.strip() for t in click.prompt("Themes, separated by ';' (Enter: two to name later)",
                                                       default="", show_default=False).split(";") if t.strip())
    date = given["date"].date() if given["date"] else dt.date.today()
    return Answers(state, session, given["cycle"] or cycle_of(session)[0], submission, language, organisations,
                   coalition, title, date, contact, email, tuple(given["keywords"]), tuple(themes),
                   given["requirement"] or "")


def _ask(ask: bool, question: str, option: str, **kwargs):
    if not ask:
        raise click.UsageError(f"{option} is needed with --no-input")
    return click.prompt(question, **kwargs)


def _ask_organisations(ask: bool, submission: str) -> tuple:
    if not ask:
        raise click.UsageError("--organisation is needed with --no-input")
    if submission != "joint":
        what = "National human rights institution" if submission == "nhri" else "Organisation"
        return (_organisation(click.prompt(f"{what}, as NAME (ACRONYM)")),)
    members = []
    while True:
        text = click.prompt(f"Member organisation {len(members) + 1}, as NAME (ACRONYM)"
                            + (" (Enter: no more)" if len(members) >= 2 else ""),
                            default="" if len(members) >= 2 else None, show_default=False)
        if not text:
            return tuple(members)
        members.append(_organisation(text))


def _organisation(text: str):
    from ..load.config import Organisation

    name, acronym = _named(text)
    return Organisation(name, acronym)


def _named(text: str) -> tuple[str, str]:
    """`Name (ACRONYM)` → (name, acronym); a text without brackets is a name alone."""
    text = text.strip()
    match = _ACRONYM.search(text)
    name = text[:match.start()].rstrip() if match else ""
    return (name, match["acronym"].strip()) if name else (text, "")


def _replace(answers, **changes):
    from dataclasses import replace

    return replace(answers, **changes)
