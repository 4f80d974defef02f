"""The Markdown dialect of section files: CommonMark with pandoc's notes, citations, fancy lists,
fenced divs, heading attributes, pipe tables, definition lists, line blocks, sub- and superscripts
and bracketed spans. HTML is recognised only so that comments can be dropped and `<br>` read as a
line break; the reader never passes any HTML on."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, backtick, html_inline, image, link
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_inline

from .anchors import paragraph_anchors
from .attributes import split_trailing
from .citations import citation_rule, citations_plugin, in_text_citation_rule
from .depth import bound_nesting_plugin
from .fancy_lists import fancy_lists_plugin
from .fenced_divs import fenced_divs_plugin
from .item_attributes import item_attributes
from .line_blocks import line_blocks_plugin
from .note_calls import note_call
from .scripts import scripts_plugin
from .spans import span_rule, spans_plugin

# Inline tokens whose source line the loader needs, for messages and for the model.
_LOCATED = {"citation", "footnote_ref", "image", "link_open", "html_inline", "span_open", "code_inline"}
# Escaped characters that typography would otherwise change: kept as the author typed them.
_VERBATIM = {'"', "'"}
# The inline rules that make those tokens, by name: markdown-it's, the footnote plugin's and ours.
_LOCATED_RULES = {"citation": citation_rule, "in_text_citation": in_text_citation_rule, "footnote_ref": note_call,
                  "image": image, "link": link, "html_inline": html_inline, "span": span_rule, "backticks": backtick}


def _line_of(state: StateInline, pos: int) -> int:
    """Newlines before `pos` in the inline source, counted incrementally (paragraphs can be long)."""
    last_pos, last_count = getattr(state, "_rg_lines", (0, 0))
    if pos < last_pos:
        last_pos, last_count = 0, 0
    count = last_count + state.src.count("\n", last_pos, pos)
    state._rg_lines = (pos, count)
    return count


def _located(rule):
    """Wrap an inline rule so the tokens it makes record their line offset in the inline source."""
    def located_rule(state: StateInline, silent: bool) -> bool:
        start, first = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[first:]:
                if token.type in _LOCATED:
                    token.meta = {**(token.meta or {}), "line": _line_of(state, start)}
        return True
    return located_rule


def _inline_runs(state: StateCore):
    """Every list of inline tokens: paragraphs and headings, inline notes, citation affixes, image
    descriptions (a figure's caption)."""
    runs = [token.children for token in state.tokens if token.type == "inline" and token.children]
    runs += [note["tokens"] for note in state.env.get("footnotes", {}).get("list", {}).values()
             if note.get("tokens")]
    for run in runs:
        yield run
        for token in run:
            if token.type == "image" and token.children:
                yield token.children
            if token.type == "citation":
                for citation in token.meta["citations"]:
                    yield from (citation[part] for part in ("prefix", "suffix") if citation[part])


def _typography(state: StateCore) -> None:
    """Pandoc's `smart` dashes and ellipsis: `---` em dash, `--` en dash, `...` ellipsis. It runs
    before text is joined, so that an escaped dash (a `text_special` token) stays as typed. Quotation
    marks are the language's, made on the model (transforms.typography), where a passage's own
    language is known."""
    for run in _inline_runs(state):
        for token in run:
            if token.type == "text" and ("--" in token.content or "..." in token.content):
                token.content = (token.content.replace("---", "\u2014").replace("--", "\u2013")
                                 .replace("...", "\u2026"))


def _verbatim_escapes(state: StateCore) -> None:
    """An escaped quotation mark (`\\"`) stays straight: its token becomes `verbatim`, which neither
    smart quotes nor the typography transform change."""
    for run in _inline_runs(state):
        for token in run:
            if token.type == "text_special" and token.info == "escape" and token.content in _VERBATIM:
                token.type = "verbatim"


def _join_text(state: StateCore) -> None:
    """markdown-it's `text_join` for the runs it does not see (inline notes, citation affixes):
    escaped characters and entities (`text_special`) become text, joined with the text around them."""
    block_runs = {id(token.children) for token in state.tokens if token.type == "inline"}
    for run in _inline_runs(state):
        if id(run) in block_runs:
            continue
        joined: list[Token] = []
        for token in run:
            if token.type == "text_special":
                token.type = "text"
            if token.type == "text" and joined and joined[-1].type == "text":
                joined[-1].content += token.content
            else:
                joined.append(token)
        run[:] = joined


def _heading_attributes(state: StateCore) -> None:
    """Move a heading's trailing `{#id .class}` out of its text into `meta["attributes"]`."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[i + 1]
            inline.content, body = split_trailing(inline.content)
            if body is not None:
                token.meta = {**(token.meta or {}), "attributes": body}


def _inline_note(state: StateInline, silent: bool) -> bool:
    """Pandoc's inline note `^[...]`, unless a link's address or attributes follow its bracket: then,
    as in Pandoc, it is a superscript (`^[link](url)^`, `text^[sup]{.class}^`)."""
    if state.src.startswith("^[", state.pos):
        end = parseLinkLabel(state, state.pos + 1, disableNested=False)
        if end >= 0 and state.src[end + 1:end + 2] in ("(", "[", "{"):
            return False
    return footnote_inline(state, silent)


@lru_cache(maxsize=8)
def make_parser() -> MarkdownIt:
    """A configured parser."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": True})
    md.disable("smartquotes")  # the language's quotes come later, on the model
    md.enable(["table", "strikethrough"])
    md.use(scripts_plugin)
    md.use(deflist_plugin)
    md.use(line_blocks_plugin)
    # Keep every link and image as written (markdown-it would turn `file:` ones into plain text):
    # the loader checks each target and reports the unsafe ones with their line.
    md.validateLink = lambda url: True
    md.use(fancy_lists_plugin)
    md.use(fenced_divs_plugin)
    md.use(footnote_plugin, always_match_refs=True, move_to_end=False)
    md.use(citations_plugin)
    md.use(spans_plugin)
    md.core.ruler.before("inline", "heading_attributes", _heading_attributes)
    md.core.ruler.before("inline", "paragraph_anchors", paragraph_anchors)
    md.core.ruler.after("inline", "verbatim_escapes", _verbatim_escapes)
    md.core.ruler.before("inline", "item_attributes", item_attributes)
    md.core.ruler.before("text_join", "typography", _typography)
    md.core.ruler.after("text_join", "join_text", _join_text)
    for name, rule in _LOCATED_RULES.items():
        md.inline.ruler.at(name, _located(rule))
    # `^[` always opens an inline note, as in pandoc: the note rule runs before the superscript rule.
    md.inline.ruler.disable("footnote_inline")
    md.inline.ruler.before("sup", "note_inline", _located(_inline_note))
    md.use(bound_nesting_plugin)
    return md


def parse(text: str) -> tuple[list[Token], dict]:
    """Parse a section's Markdown into markdown-it tokens and the environment holding inline notes."""
    env: dict = {}
    return make_parser().parse(text, env), env
