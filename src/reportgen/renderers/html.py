"""The HTML view of the model, laid out by WeasyPrint for the PDF and written to build/ as a preview.

Every number (headings, paragraphs, list markers, notes) is printed from the model, never
recomputed with CSS counters, so the PDF shows exactly what the DOCX shows.
"""

from __future__ import annotations

import itertools
import re
import traceback
from html import escape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .. import model as m
from ..errors import Problem, ReportError, Source
from ..files import jinja_environment, read_resource
from ..i18n import labels, language, punctuation, with_digits
from ..numberformat import format_value
from ..resources import FONTS
from ..scripts import is_rtl_language
from .common import author_line, paragraph_id, safe_href
from .dispatch import rule
from .fonts import font_faces
from .memo import Memo
from .tables import column_widths, row_lines


def list_marker(kind: str, delimiter: str, value: int) -> str:
    """`a)`, `(iv)`, `3.`: an ordered-list marker as the model's list asks for it."""
    number = format_value(value, kind)
    return f"({number})" if delimiter == "()" else f"{number}{delimiter}"


_FONT_FACES = "/* reportgen: @font-face rules */"


class HtmlRenderer:
    """Renders one resolved document. `render()` gives the complete HTML page."""

    def __init__(self, document: m.Document, templates_dir=None, created: str = "",
                 break_before_notes: frozenset[int] = frozenset(), extra_css: str = "",
                 preface: tuple[m.Node, ...] = (), memo: Memo | None = None):
        self.document = document
        self.memo = memo  # sections rendered before, reused when unchanged (watch, serve)
        self.extra_css = extra_css  # added after the style sheet: draft marks, redline marks
        self.preface = preface  # blocks shown before the first page (a redline's summary)
        self.deleted = 0  # inside a redline's deletion: no ids, they belong to the newer text
        self.after_note = False  # the inline being rendered follows a note call
        self.break_before_notes = break_before_notes  # notes whose calling block starts a page
        self.config = document.config
        self.footnotes = self.config.notes == "footnotes"
        self.environment = jinja_environment(templates_dir)
        self.templates_dir = templates_dir
        self.created = created

    def render(self) -> str:
        try:
            html = self._render()
        except jinja2.TemplateError as exc:
            raise template_error(exc) from None
        if self.memo is not None:
            self.memo.done()
        if not self.preface:
            return html
        # After the opening <body> tag, whatever the project's template: the preface comes first.
        preface = str(Markup('<section class="preface">\n{}\n</section>\n').format(self.blocks(self.preface)))
        start = _BODY.search(html)
        return html[:start.end()] + preface + html[start.end():] if start else preface + html

    def _render(self) -> str:
        config = self.config
        template = self.environment.get_template("report.html.j2")
        css = read_resource("style.css", self.templates_dir)
        rtl = language(config.language).direction == "rtl"
        if rtl:  # the same page mirrored: margins, indents and hanging numbers on the right
            css += read_resource("rtl.css", self.templates_dir)
        digits = _digits(config)
        if digits != "western":  # the page numbers in the report's digits
            css += (f"\n@page {{ @bottom-center {{ content: counter(page, {digits}) \" / \" "
                    f"counter(pages, {digits}); }} }}\n")
        html = template.render(
            config=config,
            cover=self.cover_view(self.document.cover),
            description=m.plain_text(self.document.cover.kind) + (
                f": {m.plain_text(self.document.cover.review)}" if self.document.cover.review else ""),
            cover_description=self.blocks(self.document.cover.blocks),
            body=Markup("\n").join(self.section(s) for s in self.document.sections),
            endnotes=None if self.footnotes else self.endnotes(),
            css=Markup(css + self.extra_css),
            created=self.created,
            author=author_line(config),
            labels=labels(config.language),
            mark=punctuation(config.language),
            fonts_url=FONTS.as_uri(),
            font_faces=Markup(_FONT_FACES),
            direction="rtl" if rtl else "ltr",
        )
        # The fonts follow the scripts of the finished page (a placeholder until it is known).
        return html.replace(_FONT_FACES, font_faces(html), 1)

    def cover_view(self, cover: m.Cover) -> SimpleNamespace:
        """The cover for the template: each field as HTML, lists as lists of HTML."""
        fields = {name: [self.inlines(item) for item in getattr(cover, name)] if name in _COVER_LISTS
                  else self.inlines(getattr(cover, name)) for name in m.Cover.CHILDREN if name != "blocks"}
        return SimpleNamespace(source=cover.source, separator=cover.separator, **fields)

    # Blocks ---------------------------------------------------------------------------------------

    def section(self, section: m.Section) -> Markup:
        if self.memo is None:
            return self._section(section)
        # Everything a section's HTML depends on besides the section: tests/test_incremental.py
        # fails when a block rule reads something of the renderer this context leaves out.
        context = (type(self), self.config, self.break_before_notes, self.deleted, section.references)
        return self.memo.get(section, context, lambda: self._section(section))

    def _section(self, section: m.Section) -> Markup:
        lang = _lang(section.lang)
        return Markup('<section class="report-section{}"{} data-src="{}">\n{}\n</section>').format(
            " annex" if section.annex else "", lang, section.source.path, self.blocks(section.blocks))

    def blocks(self, blocks: tuple[m.Node, ...]) -> Markup:
        return Markup("\n").join(self.block(b) for b in blocks)

    def block(self, node: m.Node) -> Markup:
        return rule(self, "block", node)(node)

    def page_break(self, inlines: tuple[m.Node, ...]) -> bool:
        """Whether this block calls a note that must start a new page with it."""
        return bool(self.break_before_notes) and any(
            isinstance(n, m.Note) and n.number in self.break_before_notes for n in inlines)

    def block_Paragraph(self, node: m.Paragraph, marker: str = "", first_in_item: bool = False) -> Markup:
        classes = []
        lead = Markup("")
        if node.number is not None:
            classes.append("numbered")
            lead = Markup('<span class="para-num">{}.</span>').format(self.numeral(node.number))
        elif marker:
            classes.append("marked")
            lead = Markup('<span class="marker">{}</span>').format(marker)
        if self.page_break(node.inlines) and not first_in_item:  # the item carries the break
            classes.append("page-break")
        if _revised(node.inlines):
            classes.append("revised")
        ident = Markup(' id="{}"').format(paragraph_id(node)) if paragraph_id(node) and not self.deleted else ""
        cls = Markup(' class="{}"').format(" ".join(classes)) if classes else ""
        return Markup("<p{}{} data-src=\"{}\">{}{}</p>").format(ident, cls, str(node.source), lead,
                                                               self.inlines(node.inlines))

    def item(self, blocks: tuple[m.Node, ...], marker: str) -> Markup:
        """A list item's blocks; its marker hangs in front of its first paragraph."""
        if blocks and isinstance(blocks[0], m.Inserted | m.Deleted):  # a whole item added or removed
            return self.revision(blocks[0], lambda: self.item(blocks[0].children, marker)) + self.blocks(blocks[1:])
        if blocks and isinstance(blocks[0], m.Paragraph):
            return self.block_Paragraph(blocks[0], marker, first_in_item=True) + self.blocks(blocks[1:])
        return Markup('<p class="marked"><span class="marker">{}</span></p>{}').format(marker, self.blocks(blocks))

    def block_Heading(self, node: m.Heading) -> Markup:
        level = min(node.level, 6)
        number = Markup('<span class="secnum">{}</span>').format(node.number) if node.number else ""
        classes = "numbered" if node.number else "unnumbered"
        if self.page_break(node.inlines):
            classes += " page-break"
        if _revised(node.inlines):
            classes += " revised"
        ident = Markup(' id="{}"').format(node.id) if node.id and not self.deleted else ""
        if node.label:  # an annex: "Annex I" above its title
            number = Markup('<span class="annex-label">{}</span>').format(node.label)
        return Markup('<h{l}{id} class="{cls}" data-src="{src}">{num}<span class="title">{body}</span>'
                      '</h{l}>').format(
            l=level, id=ident, cls=classes, src=str(node.source), num=number, body=self.inlines(node.inlines))

    def list_items(self, items, markers) -> tuple[Markup, bool]:
        """The `<li>`s of a list, and whether the list itself must start a new page.

        WeasyPrint ignores a forced break on the first block of a list item, so a break asked
        for by an item's first paragraph goes on the `<li>`, or on the list for its first item.
        """
        out, list_breaks = [], False
        for i, (item, marker) in enumerate(zip(items, markers, strict=True)):
            first = item.blocks[0] if item.blocks else None
            breaks = isinstance(first, m.Paragraph) and self.page_break(first.inlines)
            list_breaks |= breaks and i == 0
            body = self.item(item.blocks, marker) if marker else self.item_blocks(item.blocks)
            ident = ""
            if isinstance(item, m.Recommendation) and not self.deleted:
                ident = Markup(' id="{}" data-src="{}"').format(
                    item.id or "rec-" + f"{item.source.path}-{item.source.line}".replace("/", "-"), str(item.source))
            cls = Markup(' class="page-break"') if breaks and i else ""
            out.append(Markup("<li{}{}>{}</li>").format(ident, cls, body))
        return Markup("").join(out), list_breaks

    def item_blocks(self, blocks: tuple[m.Node, ...]) -> Markup:
        if blocks and isinstance(blocks[0], m.Paragraph):
            return self.block_Paragraph(blocks[0], first_in_item=True) + self.blocks(blocks[1:])
        return self.blocks(blocks)

    def block_BulletList(self, node: m.BulletList) -> Markup:
        items, breaks = self.list_items(node.items, [""] * len(node.items))
        return Markup('<ul{} data-src="{}">{}</ul>').format(_class("page-break", breaks), str(node.source), items)

    def block_OrderedList(self, node: m.OrderedList) -> Markup:
        markers = [self.numeral(list_marker(node.kind, node.delimiter, node.start + i))
                   for i in range(len(node.items))]
        items, breaks = self.list_items(node.items, markers)
        return Markup('<ol class="marked{}" data-src="{}">{}</ol>').format(
            " page-break" if breaks else "", str(node.source), items)

    def block_Recommendations(self, node: m.Recommendations) -> Markup:
        items, breaks = self.list_items(node.items, [item.label for item in node.items])
        return Markup('<ol class="marked recommendations{}" data-src="{}">{}</ol>').format(
            " page-break" if breaks else "", str(node.source), items)

    def block_BlockQuote(self, node: m.BlockQuote) -> Markup:
        return Markup("<blockquote>{}</blockquote>").format(self.blocks(node.blocks))

    def block_CodeBlock(self, node: m.CodeBlock) -> Markup:
        return Markup("<pre><code>{}</code></pre>").format(node.text)

    def block_HorizontalRule(self, node: m.HorizontalRule) -> Markup:
        return Markup("<hr>")

    def block_Figure(self, node: m.Figure) -> Markup:
        ident = Markup(' id="{}"').format(node.id) if node.id and not self.deleted else ""
        return Markup('<figure{} data-src="{}">{}<figcaption>{}</figcaption></figure>').format(
            ident, str(node.source), self.inlines(node.children), self.inlines(node.inlines))

    def block_Div(self, node: m.Div) -> Markup:
        return Markup('<div{}>{}</div>').format(self.attributes(node.attributes), self.blocks(node.blocks))

    def attributes(self, attributes: m.Attributes, classes: tuple[str, ...] = ()) -> Markup:
        """The id (not in a redline's deleted text), classes and language of a div or span."""
        out = Markup("")
        if attributes.id and not self.deleted:
            out += Markup(' id="{}"').format(attributes.id)
        if attributes.classes or classes:
            out += Markup(' class="{}"').format(" ".join(attributes.classes + classes))
        return out + _lang(attributes.get("lang"))

    def block_DefinitionList(self, node: m.DefinitionList) -> Markup:
        return Markup('<dl data-src="{}">{}</dl>').format(str(node.source), Markup("").join(
            Markup("<dt>{}</dt>{}").format(self.inlines(item.inlines), Markup("").join(
                Markup("<dd>{}</dd>").format(self.blocks(d.blocks)) for d in item.items))
            for item in node.items))

    def block_Inserted(self, node: m.Inserted) -> Markup:
        return self.revision(node, lambda: self.blocks(node.children))

    block_Deleted = block_Inserted

    def revision(self, node: m.Inserted | m.Deleted, content) -> Markup:
        """Blocks a redline shows as added or removed, in a `div.inserted` or `div.deleted`."""
        deleted = isinstance(node, m.Deleted)
        self.deleted += deleted
        try:
            return Markup('<div class="{}">{}</div>').format("deleted" if deleted else "inserted", content())
        finally:
            self.deleted -= deleted

    def block_Table(self, node: m.Table) -> Markup:
        def row(cells, tag, line):  # each row and cell says where it is written, as in the DOCX
            where = Markup(' data-src="{}:{}"').format(node.source.path, line) if line else ""
            return Markup("<tr{}>{}</tr>").format(where, Markup("").join(
                Markup('<{t}{a}{s}>{c}</{t}>').format(
                    t=tag, a=Markup(' class="align-{}"').format(cell.align) if cell.align else "",
                    s=Markup(' data-src="{}"').format(str(cell.source)) if cell.source else "",
                    c=self.inlines(cell.inlines)) for cell in cells))
        columns = Markup("").join(Markup('<col style="width: {:.1f}%">').format(100 * share)
                                  for share in column_widths(node))
        lines = row_lines(node)
        head = Markup("<thead>{}</thead>").format(row(node.header, "th", lines.pop(0))) if node.header else ""
        body = Markup("").join(row(r, "td", line) for r, line in zip(node.rows, lines, strict=True))
        ident = Markup(' id="{}"').format(node.id) if node.id and not self.deleted else ""
        return Markup('<table{} data-src="{}">{}<colgroup>{}</colgroup>{}<tbody>{}</tbody></table>').format(
            ident, str(node.source), self.caption(node), columns, head, body)

    def caption(self, node: m.Table) -> Markup:
        """"Table 1" above a numbered table's caption."""
        if not node.label:
            return Markup("")
        return Markup('<caption><span class="table-label">{}</span>{}</caption>').format(
            node.label, self.inlines(node.caption))

    # Inlines --------------------------------------------------------------------------------------

    def inlines(self, nodes: tuple[m.Node, ...]) -> Markup:
        out = []
        previous = None
        for node in nodes:
            self.after_note = isinstance(previous, m.Note)  # read by inline_Note
            out.append(rule(self, "inline", node)(node))
            previous = node
        return Markup("").join(out)

    def inline_Text(self, node: m.Text) -> Markup:
        return Markup(escape(node.text, quote=False))

    inline_Verbatim = inline_Text

    def inline_Emph(self, node: m.Emph) -> Markup:
        return Markup("<em>{}</em>").format(self.inlines(node.children))

    def inline_Strong(self, node: m.Strong) -> Markup:
        return Markup("<strong>{}</strong>").format(self.inlines(node.children))

    def inline_Strikeout(self, node: m.Strikeout) -> Markup:
        return Markup("<s>{}</s>").format(self.inlines(node.children))

    def inline_Superscript(self, node: m.Superscript) -> Markup:
        return Markup("<sup>{}</sup>").format(self.inlines(node.children))

    def inline_Underline(self, node: m.Underline) -> Markup:
        return Markup("<u>{}</u>").format(self.inlines(node.children))

    def inline_SmallCaps(self, node: m.SmallCaps) -> Markup:
        return Markup('<span class="smallcaps">{}</span>').format(self.small_caps(node.children))

    def inline_Span(self, node: m.Span) -> Markup:
        tag = "mark" if "mark" in node.attributes.classes else "span"
        return Markup("<{t}{}>{}</{t}>").format(self.attributes(node.attributes), self.inlines(node.children), t=tag)

    def inline_Subscript(self, node: m.Subscript) -> Markup:
        return Markup("<sub>{}</sub>").format(self.inlines(node.children))

    def inline_Inserted(self, node: m.Inserted) -> Markup:
        return Markup("<ins>{}</ins>").format(self.inlines(node.children))

    def inline_Deleted(self, node: m.Deleted) -> Markup:
        return Markup("<del>{}</del>").format(self.inlines(node.children))

    def inline_Code(self, node: m.Code) -> Markup:
        return Markup("<code>{}</code>").format(node.text)

    def inline_LineBreak(self, node: m.LineBreak) -> Markup:
        return Markup("<br>")

    def inline_Link(self, node: m.Link) -> Markup:
        href = safe_href(node.url)
        body = self.inlines(node.children)
        if not href:
            return body
        if m.plain_text(node.children) in (node.url, node.url.removeprefix("mailto:")):
            # An address written out reads left to right, also in Arabic: isolated, it is not broken and
            # reordered where a line ends (`http://` shown as `//:http`)
            return Markup('<a href="{}" dir="ltr">{}</a>').format(href, body)
        return Markup('<a href="{}">{}</a>').format(href, body)

    def inline_Image(self, node: m.Image) -> Markup:
        src = node.src if node.src.startswith("data:") else quote(node.src)  # project-relative, checked when loading
        width = Markup(' style="width: {}"').format(node.width) if node.width else ""
        return Markup('<img src="{}" alt="{}"{}>').format(src, node.alt, width)

    def inline_Ref(self, node: m.Ref) -> Markup:  # a cross-reference's number
        return Markup('<a class="xref" href="#{}">{}</a>').format(node.target, node.number)

    def inline_Cite(self, node: m.Cite) -> Markup:
        raise ReportError([Problem(node.source, "a citation cannot be used here")])

    def inline_CrossRef(self, node: m.CrossRef) -> Markup:
        raise ReportError([Problem(node.source, "a cross-reference cannot be used here")])

    def inline_Note(self, note: m.Note) -> Markup:
        return self.note(note, self.after_note)

    def small_caps(self, nodes: tuple[m.Node, ...]) -> Markup:
        """Small capitals made as Word makes them when the font has none (WeasyPrint does not):
        lower-case letters as smaller capitals."""
        out = []
        for node in nodes:
            if not isinstance(node, m.Text):
                out.append(self.inlines((node,)))
                continue
            for lower, run in itertools.groupby(node.text, str.islower):
                text = "".join(run)
                out.append(Markup('<span class="sc">{}</span>').format(text.upper()) if lower else Markup(escape(text)))
        return Markup("").join(out)

    def note_body(self, note: m.Note, tag: str) -> Markup:
        """A note's blocks as a run of `<tag class="note-p">`: footnotes live inside a paragraph,
        where HTML allows no block elements, so lists become marked lines."""
        return Markup("").join(Markup('<{t} class="note-p">{}</{t}>').format(line, t=tag)
                               for line in self.note_lines(note.blocks))

    def note_lines(self, blocks: tuple[m.Node, ...], marker: str = "") -> list[Markup]:
        """A note's blocks as lines of inline HTML: lists as marked lines, quotes, code and tables as
        spans that the style sheet shows as blocks (`.note-quote`, `.note-code`, `.note-table`)."""
        lines = []
        for block in blocks:
            if isinstance(block, m.Paragraph | m.Heading):  # a heading in a note: a line of its text
                lines.append(Markup("{}{}").format(marker, self.inlines(block.inlines)))
            elif isinstance(block, m.BulletList | m.OrderedList):
                for i, item in enumerate(block.items):
                    mark = ("– " if isinstance(block, m.BulletList)
                            else self.numeral(list_marker(block.kind, block.delimiter, block.start + i)) + " ")
                    lines.extend(self.note_lines(item.blocks, mark))
            elif isinstance(block, m.BlockQuote | m.Div):
                lines.extend(Markup('<span class="note-quote">{}</span>').format(line) if isinstance(
                    block, m.BlockQuote) else line for line in self.note_lines(block.blocks, marker))
            elif isinstance(block, m.DefinitionList):
                for item in block.items:
                    lines.append(Markup("<strong>{}</strong>").format(self.inlines(item.inlines)))
                    for definition in item.items:
                        lines.extend(Markup('<span class="note-quote">{}</span>').format(line)
                                     for line in self.note_lines(definition.blocks))
            elif isinstance(block, m.CodeBlock):
                lines.append(Markup('{}<span class="note-code">{}</span>').format(marker, block.text.rstrip("\n")))
            elif isinstance(block, m.Table):
                lines.append(Markup("{}{}").format(marker, self.note_table(block)))
            elif not isinstance(block, m.HorizontalRule):  # headings, recommendations: their text
                lines.append(Markup("{}{}").format(marker, m.plain_text(block)))
            marker = ""
        return lines

    def note_table(self, table: m.Table) -> Markup:
        """A table inside a note, where HTML allows no `<table>`: spans laid out as one by CSS."""
        def row(cells, cls):
            return Markup('<span class="{}">{}</span>').format(cls, Markup("").join(
                Markup('<span class="note-td{}">{}</span>').format(
                    f" align-{cell.align}" if cell.align else "", self.inlines(cell.inlines)) for cell in cells))
        rows = [row(table.header, "note-tr note-th")] if table.header else []
        rows += [row(r, "note-tr") for r in table.rows]
        return Markup('<span class="note-table">{}</span>').format(Markup("").join(rows))

    def note(self, note: m.Note, after_note: bool) -> Markup:
        classes = "fn after-fn" if after_note else "fn"
        if self.footnotes:
            return Markup('<span class="{c}" id="note-{n}" data-n="{shown}" data-src="{src}">{body}</span>').format(
                c=classes, n=note.number, shown=self.numeral(note.number), src=str(note.source),
                body=self.note_body(note, "span"))
        separator = Markup('<sup class="note-sep">,</sup>') if after_note else ""
        return Markup('{sep}<a class="note-ref" id="ref-{n}" href="#note-{n}"><sup>{shown}</sup></a>').format(
            sep=separator, n=note.number, shown=self.numeral(note.number))

    def numeral(self, number) -> str:
        """A number the report writes itself (a paragraph's, a note's, a list item's) in its digits."""
        return with_digits(str(number), _digits(self.config))

    def endnotes(self) -> Markup:
        return Markup("\n").join(
            Markup('<li id="note-{n}" value="{n}" data-src="{src}"><a class="note-back" href="#ref-{n}">{shown}.</a> '
                   '{body}</li>').format(n=note.number, shown=self.numeral(note.number), src=str(note.source),
                                         body=self.note_body(note, "p"))
            for note in self.document.notes)


def template_error(exc: jinja2.TemplateError) -> ReportError:
    """A template mistake as `templates/x.j2:line: message`, the line taken from Jinja's traceback."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if line is None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        if frames:
            name, line = frames[-1].filename, frames[-1].lineno
    where = Source(_short_template_name(name or "template"), line or 0)
    return ReportError([Problem(where, f"template error: {exc.message or exc}")])


def _short_template_name(path: str) -> str:
    parts = Path(path).parts
    return "/".join(parts[-2:]) if "templates" in parts[-2:-1] else Path(path).name


_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_COVER_LISTS = {"submitters", "keywords", "contact"}


def _revised(inlines: tuple[m.Node, ...]) -> bool:
    """Whether a paragraph holds a redline's marks (it then gets a change bar)."""
    return any(isinstance(n, m.Inserted | m.Deleted) for node in inlines for n in m.walk(node))


def _digits(config) -> str:
    """The digits of the numbers a report writes itself: report.yaml's `digits` in a right-to-left report."""
    return getattr(config, "digits", "western") if language(config.language).direction == "rtl" else "western"


def _lang(tag: str) -> Markup:
    """` lang="…" dir="…"` of a passage in another language (hyphenation and fonts follow the language, the
    layout its direction), or nothing."""
    if not tag:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(tag, "rtl" if is_rtl_language(tag) else "ltr")


def _class(name: str, condition: bool) -> Markup:
    return Markup(' class="{}"').format(name) if condition else Markup("")
