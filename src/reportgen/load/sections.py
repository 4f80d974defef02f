"""Reading one section file (front matter + Markdown) into a model `Section`, every node located."""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it.tree import SyntaxTreeNode

from .. import model as m
from ..errors import Problems, Source
from ..model import Attributes
from .captions import attach_captions
from .frontmatter import read_front_matter
from .markdown import parse
from .markdown.attributes import parse_attributes
from .markdown.depth import MAX_INLINE_DEPTH
from .recommendation_metadata import read_metadata
from .slugs import slugify  # noqa: F401 (where it used to be)
from .unread import SIMPLE_TABLE, simple_table_rule, title_block, unread_messages, yaml_block_end

_TOO_DEEP = {  # see load.markdown.depth
    "blocks": "quotations, lists and divs are nested too deep here: the text inside would be lost; nest them less",
    "inlines": f"emphasis, links and strikeouts are nested more than {MAX_INLINE_DEPTH} deep; nest them less",
}


def read_section(text: str, path: str, problems: Problems) -> m.Section:
    """Parse a section's text (already decoded); mistakes are recorded in `problems`. The text is
    kept as typed: its typography is the language's, made later (transforms.typography)."""
    front, front_lines, text = read_front_matter(text, path, problems)

    tokens, env = parse(text)
    for kind, line in dict.fromkeys(env.get("too_deep", ())):
        problems.error(Source(path, line + 1), _TOO_DEEP[kind])
    if title_block(text):
        problems.warning(Source(path, 1), "Pandoc's title block ('% Title') is printed as written; give the "
                                          "section's title in front matter ('title: ...')")
    reader = _Reader(path, problems, env, text.split("\n"))
    tree = SyntaxTreeNode(tokens)
    reader.collect_definitions(tree)
    blocks = attach_captions(reader.blocks(tree.children), text.split("\n"), problems)
    reader.check_notes()
    if front.title:
        line = front_lines.get("title", 1)
        heading = m.Heading(1, reader.value_inlines(front.title, line), Source(path, line), id=front.id,
                            numbered=front.numbered)
        blocks = _title_heading(front, heading, blocks, problems)
    return m.Section(blocks, Source(path, 1), title=front.title.strip(), id=front.id,
                     owner=front.owner or "; ".join(front.author), status=front.status, annex=front.annex,
                     lang=front.lang, nocite=front.nocite, references=front.references)


def _title_heading(front, title: m.Heading, blocks: tuple[m.Node, ...], problems: Problems) -> tuple[m.Node, ...]:
    """The front matter's title as the section's level-1 heading, unless the Markdown opens with one:
    then that heading is the title (it takes the front matter's id and numbering when it has none of
    its own), and a warning says so, rather than printing two titles with nothing between them."""
    first = blocks[0] if blocks else None
    if not (isinstance(first, m.Heading) and first.level == 1):
        return (title,) + blocks
    text, written = m.plain_text(first.inlines).strip(), m.plain_text(title.inlines).strip()
    what = (f"'{text}' is both the front matter title and the level-1 heading on line {first.source.line}: "
            "printed once" if text == written else
            f"the front matter title '{written}' and the level-1 heading '{text}' (line {first.source.line}) "
            "both title this section: the heading is printed, the title is not")
    problems.warning(title.source, f"{what} (remove one of them)", rule="ED-6")
    return (replace(first, id=first.id or front.id, numbered=first.numbered and front.numbered),) + blocks[1:]


class _Reader:
    """Converts markdown-it's syntax tree into model nodes."""

    def __init__(self, path: str, problems: Problems, env: dict, lines: list[str] = ()):
        self.path, self.problems, self.lines = path, problems, lines
        notes = env.get("footnotes", {}).get("list", {})
        self.inline_notes = notes
        self.definitions: dict[str, tuple[SyntaxTreeNode, int]] = {}
        self.used_labels: set[str] = set()
        self.in_note = self.in_citation = 0
        self.html_lines: set[int] = set()
        self.warned: set[tuple[int, str]] = set()  # (line, message): each said once

    def at(self, line: int) -> Source:
        return Source(self.path, line)

    def value_inlines(self, text: str, line: int) -> tuple[m.Node, ...]:
        """A front matter value read as Markdown, as Pandoc reads it (`title: The *Convention*`): the
        inlines of its one paragraph; anything else (a list, several paragraphs, a note) is its text."""
        tokens, env = parse(text.strip())
        tree = SyntaxTreeNode(tokens)
        if len(tree.children) != 1 or tree.children[0].type != "paragraph" or env.get("footnotes"):
            return (m.Text(" ".join(text.split())),)
        return self.inlines(tree.children[0].children[0], line)

    def error(self, line: int, message: str, rule: str = "") -> None:
        self.problems.error(self.at(line), message, rule=rule)

    def collect_definitions(self, tree: SyntaxTreeNode) -> None:
        """Find every `[^label]: ...` first, since notes are usually defined after their use."""
        for node in tree.walk():
            if node.type == "footnote_reference":
                label, line = node.meta["label"], node.map[0] + 1
                if label in self.definitions:
                    first = self.definitions[label][1]
                    self.error(line, f"note [^{label}] is defined twice (first on line {first})")
                else:
                    self.definitions[label] = (node, line)

    # Blocks ---------------------------------------------------------------------------------------

    def blocks(self, nodes) -> tuple[m.Node, ...]:
        out = []
        for node in nodes:  # a table's caption paragraph is read as one, then moved (see captions)
            block = self.block(node)
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, node: SyntaxTreeNode) -> m.Node | None:
        line = node.map[0] + 1 if node.map else 0
        method = getattr(self, "block_" + node.type, None)
        if node.type in ("hr", "heading") and node.map and simple_table_rule(self.lines[node.map[0]:node.map[1]]):
            self.warn_once(line, SIMPLE_TABLE)
        if method is None:  # a token type this reader does not know: its text, and a warning
            self.problems.warning(self.at(line), f"Markdown construct '{node.type}' is not supported; "
                                                 "its text is shown as written")
            return m.Paragraph((m.Text(_source_text(node)),), self.at(line))
        return method(node, line)

    def block_paragraph(self, node: SyntaxTreeNode, line: int) -> m.Node:
        image = _figure_image(node.children[0])
        if image is not None:
            return self.figure(node.children[0], image, line)
        return m.Paragraph(self.inlines(node.children[0], line), self.at(line), id=self.anchor(node, line))

    def anchor(self, node: SyntaxTreeNode, line: int) -> str:
        """The id of a paragraph opened by `[]{#id}` (see markdown.anchors)."""
        body = (node.meta or {}).get("anchor")
        if body is None:
            return ""
        try:
            attributes = parse_attributes(body)
        except ValueError as exc:
            self.error(line, f"bad paragraph anchor: {exc}")
            return ""
        # `.anchor` is how Pandoc writes a Word bookmark: `[]{#_Toc12 .anchor}`
        if not attributes.id or set(attributes.classes) - {"anchor"} or attributes.pairs:
            self.error(line, f"a paragraph anchor holds an id only: write []{{#para-name}}, not []{{{body}}}")
        return attributes.id

    def figure(self, inline: SyntaxTreeNode, image: SyntaxTreeNode, line: int) -> m.Figure:
        """An image alone in its paragraph, with a caption: the caption is printed below it, and is
        its description unless `fig-alt` gives one."""
        self.scan(inline, line)
        here = line + (image.meta or {}).get("line", 0)
        caption = self.inline_run(image.children, line)
        attributes = self.attributes((image.meta or {}).get("attributes"), here, "image")
        return m.Figure((self.image(image, here, caption, attributes),), caption, self.at(line), id=attributes.id)

    def block_bullet_list(self, node: SyntaxTreeNode, line: int) -> m.Node:
        return m.BulletList(self.items(node), self.at(line))

    def block_ordered_list(self, node: SyntaxTreeNode, line: int) -> m.Node:
        meta = node.meta or {}
        return m.OrderedList(self.items(node), self.at(line), meta.get("kind", "1"), meta.get("delimiter", "."),
                             int(node.attrs.get("start", 1)))

    def block_blockquote(self, node: SyntaxTreeNode, line: int) -> m.Node:
        return m.BlockQuote(self.blocks(node.children), self.at(line))

    def block_code_block(self, node: SyntaxTreeNode, line: int) -> m.Node:
        return m.CodeBlock(node.content, self.at(line))

    def block_fence(self, node: SyntaxTreeNode, line: int) -> m.Node:
        info = node.info.strip()
        raw = re.fullmatch(r"\{\s*=(\S+)\s*\}", info)
        if raw:
            self.problems.warning(self.at(line), f"raw {raw[1]} is not passed through; it is shown as code")
        elif re.fullmatch(r"\{\s*[A-Za-z][\w-]*(?:[\s,][^{}]*)?\}", info):  # Quarto's and R Markdown's {r}
            self.problems.warning(self.at(line), f"'```{info}' is an executable code chunk: reportgen runs no "
                                                 "code; it is shown as code")
        elif info and not re.fullmatch(r"[^\s{}`]+(?:\s*\{[^{}]*\})?|\{[^{}]*\}", info):
            self.problems.warning(self.at(line), f"the code block's info '{info}' is not a language or attributes "
                                                 "as Pandoc reads them; it is left out, the code is shown")
        return m.CodeBlock(node.content, self.at(line))

    def block_hr(self, node: SyntaxTreeNode, line: int) -> m.Node:
        end = yaml_block_end(self.lines, line - 1) if line and not self.in_note else None
        if end is not None:
            self.problems.warning(self.at(line), f"a YAML metadata block (lines {line}-{end + 1}) is read only at the "
                                                 "top of the file, as front matter; this one is printed as written")
        return m.HorizontalRule(self.at(line))

    def block_table(self, node: SyntaxTreeNode, line: int) -> m.Node:
        return self.table(node, self.at(line))

    def block_div(self, node: SyntaxTreeNode, line: int) -> m.Node | None:
        return self.div(node, line)

    def block_footnote_reference(self, node: SyntaxTreeNode, line: int) -> None:
        return None  # read where it is used, see collect_definitions

    def block_html_block(self, node: SyntaxTreeNode, line: int) -> m.Node | None:
        if _is_comment(node.content):
            return None
        self.raw_html(line)
        return m.Paragraph((m.Text(node.content.strip()),), self.at(line))

    def block_dl(self, node: SyntaxTreeNode, line: int) -> m.Node:
        """A definition list: each `dt` is a term, the `dd`s after it its definitions."""
        items: list[m.DefinitionItem] = []
        for child in node.children:
            child_line = child.map[0] + 1 if child.map else line
            if child.type == "dt":
                items.append(m.DefinitionItem(self.inlines(child.children[0], child_line), (), self.at(child_line)))
            elif items:
                definition = m.ListItem(self.blocks(child.children), self.at(child_line))
                items[-1] = replace(items[-1], items=items[-1].items + (definition,))
        return m.DefinitionList(tuple(items), self.at(line))

    def block_heading(self, node: SyntaxTreeNode, line: int) -> m.Heading:
        attributes = Attributes()
        if "attributes" in (node.meta or {}):
            try:
                attributes = parse_attributes(node.meta["attributes"])
            except ValueError as exc:
                self.error(line, f"bad heading attributes: {exc}")
        inlines = self.inlines(node.children[0], line)
        return m.Heading(int(node.tag[1]), inlines, self.at(line), id=attributes.id,
                         numbered="unnumbered" not in attributes.classes)

    def items(self, node: SyntaxTreeNode) -> tuple[m.ListItem, ...]:
        return tuple(m.ListItem(self.blocks(item.children), self.at(item.map[0] + 1)) for item in node.children)

    def table(self, node: SyntaxTreeNode, source: Source) -> m.Table:
        line = source.line
        header: tuple[m.TableCell, ...] = ()
        rows = []
        for part in node.children:
            for row in part.children:
                row_line = row.map[0] + 1 if row.map else line
                cells = tuple(m.TableCell(self.inlines(cell.children[0], row_line) if cell.children else (),
                                          _align(cell.attrs.get("style", "")))
                              for cell in row.children)
                if part.type == "thead":
                    header = cells
                else:
                    rows.append(cells)
                    self.extra_cells(row_line, len(header))
        return m.Table(header, tuple(rows), source)

    def extra_cells(self, line: int, columns: int) -> None:
        """Warn about a row with more cells than the table has columns: they are left out, as GitHub does."""
        raw = re.sub(r"^[ \t>]*\|?|(?<!\\)\|[ \t]*$", "", self.lines[line - 1] if line <= len(self.lines) else "")
        cells = len(re.findall(r"(?<!\\)\|", raw)) + 1
        if columns and cells > columns:
            hint = " (a '|' inside code in a cell is written '\\|')" if "`" in raw else ""
            self.warn_once(line, f"this table row has {cells} cells but the table has {columns} columns: the "
                                 f"last {cells - columns} are left out{hint}")

    def div(self, node: SyntaxTreeNode, line: int) -> m.Node | None:
        info = node.meta["info"].strip()
        if not node.meta["closed"]:
            self.error(line, f"fenced div '::: {info}' is never closed (end it with a line ':::')")
        try:
            attributes = (parse_attributes(info[1:-1]) if info.startswith("{") and info.endswith("}")
                          else Attributes(classes=tuple(info.split()[:1])))
        except ValueError as exc:
            self.error(line, f"bad div attributes: {exc}")
            attributes = Attributes()
        if "recommendations" in attributes.classes:
            return self.recommendations(node.children, line)
        blocks = self.blocks(node.children)
        if any(c.startswith("callout") for c in attributes.classes) and blocks and isinstance(blocks[0], m.Heading):
            # Quarto makes a callout's first heading its title: not a section of the report, so not numbered
            blocks = (replace(blocks[0], numbered=False),) + blocks[1:]
        return m.Div(blocks, self.at(line), attributes)

    def recommendations(self, children: list[SyntaxTreeNode], line: int) -> m.Recommendations:
        lists = [c for c in children if c.type in ("bullet_list", "ordered_list")]
        if len(lists) != 1 or len(children) != 1:
            self.error(line, "a recommendations block must hold exactly one list, one item per recommendation")
        return m.Recommendations(tuple(self.recommendation(item) for lst in lists for item in lst.children),
                                 self.at(line))

    def recommendation(self, item: SyntaxTreeNode) -> m.Recommendation:
        line = item.map[0] + 1
        fields: dict = {}
        meta = item.meta or {}
        if "attributes" in meta:
            where = line + meta["attributes_line"]
            try:
                fields, mistakes = read_metadata(parse_attributes(meta["attributes"]))
            except ValueError as exc:
                mistakes = [f"bad recommendation attributes: {exc}"]
            for mistake in mistakes:
                self.error(where, mistake, rule="RC-3")
        return m.Recommendation(self.blocks(item.children), self.at(line), **fields)

    # Inlines --------------------------------------------------------------------------------------

    def inlines(self, node: SyntaxTreeNode | None, line: int) -> tuple[m.Node, ...]:
        if node is None:
            return ()
        if node.type == "inline":
            self.scan(node, line)
        children = node.children if node.type == "inline" else node
        return self.inline_run(children, line)

    def inline_run(self, nodes, line: int) -> tuple[m.Node, ...]:
        out: list[m.Node] = []
        texts: list[str] = []  # adjacent text, joined once: a long paragraph has thousands of pieces
        for node in nodes:
            item = self.inline(node, line)
            if isinstance(item, m.Text) and not isinstance(item, m.Verbatim):
                texts.append(item.text)
            elif item is not None:
                if texts:
                    out.append(m.Text("".join(texts)))
                    texts = []
                out.append(item)
        if texts:
            out.append(m.Text("".join(texts)))
        return tuple(out)

    def inline(self, node: SyntaxTreeNode, line: int) -> m.Node | None:
        kind = node.type
        here = line + (node.meta or {}).get("line", 0)
        if kind in _WRAPPERS:
            return _WRAPPERS[kind](self.inline_run(node.children, line))
        method = getattr(self, "inline_" + kind, None)
        if method is None:  # a token type this reader does not know: its text, and a warning
            self.problems.warning(self.at(here), f"Markdown construct '{kind}' is not supported; "
                                                 "its text is shown as written")
            return m.Text(_source_text(node))
        return method(node, line, here)

    def inline_text(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node | None:
        return m.Text(node.content) if node.content else None

    inline_text_special = inline_text

    def scan(self, inline: SyntaxTreeNode, line: int) -> None:
        """Warn about what the Markdown source of `inline` holds that Pandoc reads and this reader prints
        as written (raw TeX, math ...)."""
        for offset, message in unread_messages(inline.content):
            self.warn_once(line + inline.content.count("\n", 0, offset), message)

    def inline_verbatim(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return m.Verbatim(node.content)

    def warn_once(self, line: int, message: str) -> None:
        if (line, message) not in self.warned:
            self.warned.add((line, message))
            self.problems.warning(self.at(line), message)

    def inline_softbreak(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return m.Text(" ")

    def inline_hardbreak(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return m.LineBreak()

    def inline_code_inline(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        raw = re.fullmatch(r"\s*=(\S+)\s*", (node.meta or {}).get("attributes", ""))
        if raw:
            self.problems.warning(self.at(here), f"raw {raw[1]} is not passed through; it is shown as code")
        return m.Code(node.content)

    def inline_link(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return m.Link(node.attrs.get("href", ""), self.inline_run(node.children, line), self.at(here))

    def inline_image(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return self.image(node, here, self.inline_run(node.children, line))

    def image(self, node: SyntaxTreeNode, here: int, description: tuple[m.Node, ...],
              attributes: Attributes | None = None) -> m.Image:
        if attributes is None:
            attributes = self.attributes((node.meta or {}).get("attributes"), here, "image")
        alt = attributes.get("fig-alt") or attributes.get("alt") or m.plain_text(description)
        for key in dict(attributes.pairs).keys() - {"fig-alt", "alt", "width"}:
            self.warn_once(here, f"image attribute '{key}' is not used (an image keeps its proportions: give its "
                                 "width); it is ignored")
        width = attributes.get("width")
        if width and not _WIDTH.fullmatch(width):
            self.problems.warning(self.at(here), f"image width '{width}' is not a size (write 50%, 8cm or 300px); "
                                                 "it is ignored")
            width = ""
        return m.Image(node.attrs.get("src", ""), alt, self.at(here), width=width + "px" * width.isdigit())

    def inline_span(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        """`[text]{...}`: small capitals and underlining as pandoc reads them, any other a Span. Braces
        that hold no attributes (`\\newcommand{\\x}[1]{...}`) are text, with a warning."""
        children = self.inline_run(node.children, line)
        try:
            attributes = parse_attributes(node.meta["attributes"])
        except ValueError as exc:
            self.problems.warning(self.at(here), f"'{{{node.meta['attributes']}}}' after [...] is not an attribute "
                                                 f"set ({exc}); it is shown as written")
            return m.Span((m.Text("["), *children, m.Text(f"]{{{node.meta['attributes']}}}")))
        if attributes.classes in (("smallcaps",), ("underline",), ("ul",)) and not attributes.id \
                and not attributes.pairs:
            return (m.SmallCaps if attributes.classes == ("smallcaps",) else m.Underline)(children)
        return m.Span(children, attributes)

    def inline_citation(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node:
        return self.cite(node.meta["citations"], here)

    def inline_footnote_ref(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node | None:
        return self.note(node.meta, here)

    def inline_html_inline(self, node: SyntaxTreeNode, line: int, here: int) -> m.Node | None:
        if _is_comment(node.content):
            return None
        if _BREAK.fullmatch(node.content):
            return m.LineBreak()
        self.raw_html(here)
        return m.Text(node.content)

    def attributes(self, body: str | None, line: int, what: str) -> Attributes:
        """A `{...}` attribute set read, or none; a mistake is a located error."""
        if body is None:
            return Attributes()
        try:
            return parse_attributes(body)
        except ValueError as exc:
            self.error(line, f"bad {what} attributes: {exc}")
            return Attributes()

    def cite(self, citations: list[dict], line: int) -> m.Cite | None:
        if self.in_citation:
            self.error(line, "a citation's prefix or suffix cannot hold a note or another citation")
            return None
        source = self.at(line)
        self.in_citation += 1
        try:
            return m.Cite(tuple(
                m.Citation(c["key"], self.affix(c["prefix"], line), c["locator"], self.affix(c["suffix"], line),
                           source, _mode(c))
                for c in citations), source)
        finally:
            self.in_citation -= 1

    def affix(self, tokens: list, line: int) -> tuple[m.Node, ...]:
        return self.inline_run(SyntaxTreeNode(tokens).children, line) if tokens else ()

    def note(self, meta: dict, line: int) -> m.Node | None:
        if self.in_citation:
            return self.cite([], line)  # the same error
        if self.in_note:
            self.error(line, "a note cannot contain another note")
            return None
        label = meta.get("label")
        self.in_note += 1
        try:
            if label is None:  # an inline note ^[...]
                tokens = self.inline_notes[meta["id"]]["tokens"]
                paragraph = m.Paragraph(self.inline_run(SyntaxTreeNode(tokens).children, line), self.at(line))
                return m.Note((paragraph,), self.at(line))
            self.used_labels.add(label)
            definition = self.definitions.get(label)
            if definition is None:
                self.error(line, f"note [^{label}] has no definition (add a line '[^{label}]: ...')")
                return None
            node, _ = definition
            return m.Note(self.blocks(node.children), self.at(line), label=label)
        finally:
            self.in_note -= 1

    def raw_html(self, line: int) -> None:
        if line not in self.html_lines:
            self.html_lines.add(line)
            self.problems.warning(self.at(line), "raw HTML is shown as text, not interpreted; write Markdown instead")

    def check_notes(self) -> None:
        for label, (_, line) in sorted(self.definitions.items(), key=lambda item: item[1][1]):
            if label not in self.used_labels:
                self.error(line, f"note [^{label}] is defined but never used")


_WRAPPERS = {"em": m.Emph, "strong": m.Strong, "s": m.Strikeout, "sup": m.Superscript, "sub": m.Subscript}
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _figure_image(inline: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The image of a paragraph that holds only an image with a caption (Pandoc's implicit figure)."""
    children = [c for c in inline.children if not (c.type in ("text", "softbreak") and not c.content.strip())]
    if len(children) == 1 and children[0].type == "image" and any(
            c.type != "text" or c.content.strip() for c in children[0].children):
        return children[0]
    return None


def _source_text(node: SyntaxTreeNode) -> str:
    """What a token of an unknown kind holds, as text: its content, else its children's."""
    if node.content:
        return node.content
    return "".join(_source_text(child) for child in node.children)


_WIDTH = re.compile(r"\d+(\.\d+)?(%|px|cm|mm|in|pt)?")


def _mode(citation: dict) -> str:
    if citation.get("in_text"):
        return "author-in-text"
    return "suppress-author" if citation["suppress_author"] else ""


def _is_comment(html: str) -> bool:
    html = html.strip()
    return html.startswith("<!--") and html.endswith("-->")


def _align(style: str) -> str:
    match = re.search(r"text-align:\s*(left|right|center)", style)
    return match.group(1) if match else ""
