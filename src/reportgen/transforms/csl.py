"""Notes in a CSL style (`csl: oscola.csl`): Pandoc's citeproc, the processor Pandoc and Quarto users know,
formats every citation cluster of the report in one run.

Each cluster goes to Pandoc in document order, in a note of the same number as the report's, with its
prefix, locator, suffix and mode, so that positions (first, subsequent, Ibid.) come out as the style
wants them. Pandoc runs sandboxed: it reads only the style and the references handed to it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from .. import model as m
from ..errors import Source
from .csl_items import csl_item

LANGUAGES = {"en": "en-US", "fr": "fr-FR", "es": "es-ES", "ar": "ar", "ru": "ru-RU", "zh": "zh-CN"}
_MODES = {"suppress-author": "SuppressAuthor", "author-in-text": "SuppressAuthor"}


class CslError(Exception):
    """Pandoc is missing or failed: the message says why."""


def pandoc_path() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if found:
            return found
    raise CslError("a CSL style needs Pandoc: install reportgen with its 'csl' extra (pip install "
                   "'reportgen[csl]'), or put pandoc 3 on the PATH")


def format_clusters(events: list[tuple[m.Cite | None, int]], references: dict, style, language: str,
                    sets: dict | None = None) -> list[tuple]:
    """The formatted text of each cluster. `events` lists, in document order, (cluster, note number) and
    (None, note number) for a written note citing nothing; a cluster inside a written note has that
    note's number, negated. `references` holds the decoded cited references by key, `sets` the members
    of each cited @set (CSL has no sets: its members are cited instead)."""
    ids = {key: f"r{i}" for i, key in enumerate(references)}
    items = [csl_item(ref, ids[key], language) for key, ref in references.items() if key not in (sets or {})]
    output = _run(_ast(events, ids, sets or {}), items, style, language)
    found = _rendered(output)
    clusters = [(cite, number) for cite, number in events if cite is not None]
    if len(found) != len(clusters):
        raise CslError(f"Pandoc returned {len(found)} citations for {len(clusters)}")
    out = []
    for inlines, (cite, number) in zip(found, clusters, strict=True):
        text = _inlines(_unwrap(inlines, in_note=number < 0), cite.source, language)
        out.append(_without_final_stop(text) if number < 0 else text)  # the note's own sentence goes on
    return out


def _ast(events: list[tuple[m.Cite | None, int]], ids: dict, sets: dict) -> dict:
    """A Pandoc document: a paragraph for each note, a written note holding its clusters."""
    blocks: list[dict] = []
    last_note = 0
    for cite, number in events:
        citations = [] if cite is None else [
            c for citation in cite.citations for c in _citations(citation, ids, abs(number), sets)]
        inline = _str("[note]") if cite is None else {"t": "Cite", "c": [citations, [_str("[citation]")]]}
        if number < 0 and number == last_note:  # one more cluster in the same written note
            blocks[-1]["c"][0]["c"][0]["c"] += [{"t": "Space"}, inline]
        elif number < 0:
            blocks.append({"t": "Para", "c": [{"t": "Note", "c": [{"t": "Para", "c": [inline]}]}]})
        else:
            blocks.append({"t": "Para", "c": [inline]})
        last_note = number
    return {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": blocks}


def _citations(citation: m.Citation, ids: dict, note: int, sets: dict) -> list[dict]:
    """A citation, or one for each member of a @set (the prefix on the first, the locator on the last)."""
    members = sets.get(citation.key)
    if not members:
        return [_citation(citation, ids, note)]
    out = []
    for i, key in enumerate(members):
        first, last = i == 0, i == len(members) - 1
        member = replace(citation, key=key, prefix=citation.prefix if first else (),
                         locator=citation.locator if last else "", suffix=citation.suffix if last else ())
        out.append(_citation(member, ids, note))
    return out


def _citation(citation: m.Citation, ids: dict, note: int) -> dict:
    suffix = []
    if citation.locator:
        suffix = [_str(","), {"t": "Space"}] + _words(citation.locator)
    if citation.suffix:
        suffix += [{"t": "Space"}] + pandoc_inlines(citation.suffix)
    return {"citationId": ids.get(citation.key, citation.key), "citationPrefix": pandoc_inlines(citation.prefix),
            "citationSuffix": suffix, "citationMode": {"t": _MODES.get(citation.mode, "NormalCitation")},
            "citationNoteNum": note, "citationHash": 0}


def _str(text: str) -> dict:
    return {"t": "Str", "c": text}


def _words(text: str) -> list[dict]:
    out: list[dict] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append({"t": "Space"})
        if word:
            out.append(_str(word))
    return out


def pandoc_inlines(nodes) -> list[dict]:
    """Model inlines as Pandoc's: emphasis, links and code kept, the rest as text."""
    out: list[dict] = []
    for node in nodes:
        kind = {m.Emph: "Emph", m.Strong: "Strong", m.Superscript: "Superscript", m.Subscript: "Subscript",
                m.Strikeout: "Strikeout"}.get(type(node))
        if isinstance(node, m.Text):
            out += _words(node.text)
        elif kind:
            out.append({"t": kind, "c": pandoc_inlines(node.children)})
        elif isinstance(node, m.Link):
            out.append({"t": "Link", "c": [["", [], []], pandoc_inlines(node.children), [node.url, ""]]})
        else:
            out += _words(m.plain_text(node))
    return out


def _run(document: dict, items: list[dict], style, language: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="reportgen-csl-") as folder:
        style_path, refs_path = Path(folder) / "style.csl", Path(folder) / "references.json"
        style_path.write_text(style.text, encoding="utf-8")
        refs_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        command = [pandoc_path(), "--from", "json", "--to", "json", "--citeproc", "--sandbox", "--csl",
                   str(style_path), "--bibliography", str(refs_path), "--metadata", "suppress-bibliography=true"]
        if not (language == "en" and style.locale.startswith("en")):  # an English style keeps its English
            command += ["--metadata", f"lang={LANGUAGES.get(language, language)}"]
        try:
            done = subprocess.run(command, input=json.dumps(document), capture_output=True, text=True,
                                  encoding="utf-8", timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CslError(f"Pandoc could not run: {exc}") from None
    if done.returncode != 0:
        raise CslError("Pandoc could not format the citations: " + " ".join(done.stderr.split())[:300])
    return json.loads(done.stdout)


def _rendered(node) -> list[list]:
    """The formatted inlines of every Cite, in document order."""
    found: list[list] = []
    if isinstance(node, dict):
        if node.get("t") == "Cite":
            return [node["c"][1]]
        for value in node.values():
            found += _rendered(value)
    elif isinstance(node, list):
        for value in node:
            found += _rendered(value)
    return found


def _unwrap(inlines: list, in_note: bool) -> list:
    """A body cluster comes back as a note holding the text; one already in a note in brackets."""
    if len(inlines) == 1 and inlines[0].get("t") == "Note":
        blocks = inlines[0]["c"]
        return blocks[0]["c"] if blocks and blocks[0].get("t") in ("Para", "Plain") else []
    if in_note and len(inlines) >= 2 and inlines[0] == _str("(") and inlines[-1] == _str(")"):
        return inlines[1:-1]
    return inlines


def _inlines(nodes: list, source: Source, language: str) -> tuple[m.Node, ...]:
    """Pandoc's inlines as the model's."""
    out: list[m.Node] = []
    for node in nodes:
        kind, content = node.get("t"), node.get("c")
        model = {"Emph": m.Emph, "Strong": m.Strong, "Superscript": m.Superscript, "Subscript": m.Subscript,
                 "Strikeout": m.Strikeout}.get(kind)
        if kind == "Str":
            out.append(m.Text(content))
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(m.Text(" "))
        elif model:
            out.append(model(_inlines(content, source, language)))
        elif kind == "Link":
            out.append(m.Link(content[2][0], _inlines(content[1], source, language), source))
        elif kind == "Quoted":
            opening, closing = {"fr": ("« ", " »"), "es": ("«", "»")}.get(language, ("“", "”"))
            if content[0].get("t") == "SingleQuote":
                opening, closing = "‘", "’"
            out += [m.Text(opening), *_inlines(content[1], source, language), m.Text(closing)]
        elif kind in ("Span", "SmallCaps", "Underline"):
            out += _inlines(content[-1], source, language)
        elif kind in ("Code", "Math", "RawInline"):
            out.append(m.Text(content[-1]))
    return m.merge_text(out)


def _without_final_stop(nodes: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    last = nodes[-1] if nodes else None
    if isinstance(last, m.Text) and last.text.endswith("."):
        return nodes[:-1] + ((m.Text(last.text[:-1]),) if last.text[:-1] else ())
    return nodes



def note_events(document: m.Document) -> list[tuple[m.Cite | None, int]]:
    """Every citation cluster in document order with the number of its note: a body cluster is a note of
    its own; a cluster in a written note shares that note (its number negated); a written note citing
    nothing is (None, -number), so that the numbers are the report's."""
    found: list[tuple[m.Cite | None, int]] = []
    notes = 0
    for part in (document.cover, *document.sections):
        for node in _walk_notes(part):
            notes += 1
            if isinstance(node, m.Cite):
                found.append((node, notes))
            else:
                cites = [n for n in m.walk(node) if isinstance(n, m.Cite)]
                found += [(c, -notes) for c in cites] or [(None, -notes)]
    return found


def _walk_notes(node):
    """Body clusters and written notes, in document order (a note's clusters are not walked twice)."""
    if isinstance(node, m.Note | m.Cite):
        yield node
        return
    for name in m.child_fields(node):
        for child in getattr(node, name):
            for cell in child if isinstance(child, tuple) else (child,):
                yield from _walk_notes(cell)


