"""The DOCX view of the model: real Word notes, Word-native numbering bound to named styles, and
every look taken from a reference document. Numbers are never typed: Word counts them live, and
the lists are defined so that it shows exactly the model's numbers (those of the PDF)."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, Twips
from docx.text.paragraph import Paragraph

from .. import model as m
from ..clock import build_time
from ..errors import Cancelled, Problem, Problems, ReportError, Source
from ..files import UnsafePath, real_path
from ..i18n import LANGUAGES, labels, language, punctuation
from ..numberformat import NumberFormat, heading_formats
from ..scripts import direction_runs, has_east_asian, has_rtl, is_rtl_language
from . import _ooxml, _ooxml_draft, _ooxml_properties, _ooxml_revisions, _ooxml_script, _ooxml_word, docx_reference
from . import svg as svg_images
from .anchors import COMMIT_PROPERTY, FILE_PROPERTY, MARKER, MODIFIED_PROPERTY, VERSION, AnchorNames
from .common import author_line, paragraph_id, safe_href
from .dispatch import rule
from .docx_styles import LIST_DEPTHS, StyleSheet, leveled
from .reproducible_zip import normalise_zip
from .tables import column_widths, row_lines, row_revision
from .word_lists import WordList, WordLists
from .word_numbering import LevelFormat, heading_levels, marker_level, single_level

LANGUAGE_TAGS = {code: lang.tag for code, lang in LANGUAGES.items()}
EAST_ASIAN_FONT = "SimSun"  # 宋体, the serif of Chinese Word documents (and of the UN's); others substitute theirs
_CELL_ALIGNMENTS = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
BULLETS = ("–", "•", "–", "•", "–")  # by depth, as the PDF's list markers
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # what a browser collapses (not the no-break space)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_docx(document: m.Document, templates_dir: Path | None = None, project_root: Path | None = None,
                created: datetime | None = None, draft=None, revision_author: str = "reportgen",
                problems: Problems | None = None, words: int | None = None,
                cancelled: Callable[[], bool] | None = None) -> bytes:
    """The report as DOCX bytes, styled by the project's `templates/reference.docx` or the built-in one.

    `project_root` is where image paths start (as in the HTML); `created` defaults to the build time;
    `draft` (a `load.stamp.DraftStamp`) marks every page as a draft. A redline's marks become
    tracked changes by `revision_author`, dated `created`. What the reference document lacked and
    was added goes to `problems` as warnings; `words` (the checker's count) to the statistics.
    `cancelled()` is asked before each block; once true, `Cancelled` is raised (a newer save came)."""
    renderer = DocxRenderer(document, templates_dir, project_root, created or build_time(), draft, revision_author)
    renderer.words, renderer.cancelled = words, cancelled
    data = renderer.render()
    if problems is not None:
        problems.extend(renderer.warnings)
    return data


@dataclass(frozen=True)
class _Place:
    """Where blocks are being written: the container, the style of a plain paragraph there, the
    list depth, whether it is inside a note, and the Word list of the numbered item it is in."""

    container: object
    style: str
    depth: int = 0
    note: bool = False
    in_list: tuple[WordList, int] | None = None  # the numbered list and level of the item it is in


@dataclass(frozen=True)
class _Look:
    """Character formatting inherited by the runs of an inline: emphasis, strong and strike are
    semantic run properties, everything else a character style."""

    italic: bool = False
    bold: bool = False
    strike: bool = False
    style: str | None = None
    position: str = ""  # "superscript" or "subscript"
    small_caps: bool = False
    underline: bool = False
    highlight: bool = False
    lang: str = ""  # a language tag, for a passage in another language


class DocxRenderer:
    """Renders one resolved document into a copy of the reference document. `render()` gives the bytes."""

    def __init__(self, document: m.Document, templates_dir: Path | None, project_root: Path | None,
                 created: datetime, draft=None, revision_author: str = "reportgen"):
        self.document, self.config = document, document.config
        self.project_root, self.created, self.draft = project_root, created, draft
        self.words: int | None = None  # the word count for the document statistics
        self.cancelled: Callable[[], bool] | None = None  # asked before each block (see render_docx)
        self.word, self.where, self.warnings = docx_reference.open_reference(templates_dir)
        self.styles = StyleSheet(self.word, self.where)
        if self.styles.added:
            self.warnings.append(Problem(self.where, "styles missing, added with reportgen's look: "
                                                     + ", ".join(self.styles.added), "warning"))
        self.note_kind = "footnote" if self.config.notes == "footnotes" else "endnote"
        script = language(self.config.language)
        self.rtl, self.east_asian = script.direction == "rtl", script.script == "han"
        self.text_rtl = self.rtl  # the direction of the paragraphs being written (a passage may differ)
        self.wrote_rtl = False  # a run of right-to-left text was written
        self.after_note = False  # the inline being written follows a note call
        kind = self.note_kind.capitalize()
        self.note_text, self.note_list = f"{kind} Text", f"{kind} List"
        self.note_quote, self.note_code = f"{kind} Quote", f"{kind} Code"
        self.note_mark = self.styles.id(f"{kind} Reference")
        self.notes = _ooxml.NoteStore(self.word, self.note_kind, self.note_mark)
        self.numbering = _ooxml.Numbering(self.word)
        self.lists = WordLists(self.numbering)
        self.bookmarks = _ooxml.Bookmarks()
        self.anchored: list[tuple[object, Source]] = []  # paragraphs and where they came from
        self.revisions = _ooxml_revisions.Revisions(revision_author, created, self._annotation_id)
        self.deleted = 0  # inside a redline's deletion: older text, so no anchors and no bookmarks
        try:
            self.heading_formats = heading_formats(self.config.numbering.headings)[:6]
            self.recommendation_level = single_level(NumberFormat.parse(self.config.numbering.recommendations))
            self._define_lists()
        except ValueError as exc:
            raise ReportError([Problem(self.config.source("numbering"), f"numbering: {exc}")]) from None

    @functools.cached_property
    def text_width(self) -> int:
        """The width between the margins of the last page setup (python-docx finds it by searching
        the whole body each time)."""
        section = self.word.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    # Lists --------------------------------------------------------------------------------------

    def _level(self, fmt: LevelFormat, style: str, start: int = 1, bound: bool = False, bold: bool = False):
        """A list level indented like `style`, linked to it when the style itself carries the list."""
        left, hanging = self.styles.indent(style)
        return _ooxml.ListLevel(fmt.num_fmt, fmt.text, start, fmt.legal, self.styles[style].style_id if bound else None,
                                left, hanging, bold)

    def _define_lists(self) -> None:
        """The lists carried by styles: headings (one multilevel list), numbered paragraphs (one
        list through the whole document) and bullets. Each style names its list and level."""
        headings = heading_levels(self.heading_formats)
        levels = [self._level(fmt, f"Heading {i}", bound=True) for i, fmt in enumerate(headings, start=1)]
        heading_num = self.numbering.add_instance(self.numbering.add_list(levels))
        for level in range(1, 7):
            style = self.styles[f"Heading {level}"]
            if level <= len(headings):
                _ooxml.set_numbering(style, heading_num, level - 1)
            else:
                _ooxml.remove_numbering(style)
            _ooxml.set_numbering(self.styles[f"Heading {level} Unnumbered"], 0)

        paragraphs = self._level(LevelFormat("decimal", "%1."), "Numbered Paragraph", bound=True)
        paragraph_num = self.numbering.add_instance(self.numbering.add_list([paragraphs]))
        _ooxml.set_numbering(self.styles["Numbered Paragraph"], paragraph_num)

        bullet_styles = [leveled("List Bullet", depth) for depth in range(1, LIST_DEPTHS + 1)]
        bullets = [self._level(LevelFormat("bullet", BULLETS[i]), name, bound=True)
                   for i, name in enumerate(bullet_styles)]
        bullet_num = self.numbering.add_instance(self.numbering.add_list(bullets))
        for i, name in enumerate(bullet_styles):
            _ooxml.set_numbering(self.styles[name], bullet_num, i)
        bound = [f"Heading {i}" for i in range(1, 7)] + ["Numbered Paragraph"] + bullet_styles
        self.numbering.release_styles({self.styles[name].style_id for name in bound})

    @functools.cached_property
    def note_bullets(self) -> int:
        """The bullet list of notes (their paragraphs have no list styles), made when first needed."""
        return self.numbering.add_instance(
            self.numbering.add_list([self._level(LevelFormat("bullet", BULLETS[0]), self.note_list)]))

    def _place_list(self, fmt: LevelFormat, start: int, style: str, place: _Place, kind: str,
                    bold: bool = False) -> tuple[WordList, int]:
        """The Word list and level of a numbered list: a level of the list of the item it is nested in,
        the list it goes on counting from, or a new list restarted at `start` (`word_lists`)."""
        group = (kind, id(place.container), place.depth, fmt, bold)
        return self.lists.place(self._level(fmt, style, start, bold=bold), group, place.in_list)

    # Document -----------------------------------------------------------------------------------

    def render(self) -> bytes:
        body = _Place(self.word, "Body Text")
        self.cover(self.document.cover)
        for section in self.document.sections:
            blocks = section.blocks
            first = blocks[0] if blocks else None
            if section.annex and isinstance(first, m.Heading) and first.level == 1 and not first.number:
                self.heading(first, body, "Annex Heading")  # an annex opens on a new page
                blocks = blocks[1:]
            self.in_language(section.lang, blocks, body)
        if self.note_kind == "endnote":  # Word puts the endnotes after the last paragraph
            words = labels(self.config.language)
            paragraph = _ooxml.add_paragraph(self.word, self.styles.id("Heading 1 Unnumbered"))
            self.run(paragraph, words["notes"], _Look())
        if self.notes.count != len(self.document.notes):
            raise RuntimeError(f"DOCX has {self.notes.count} notes, the model {len(self.document.notes)}")
        self.running_header()
        self.reference_notes(docx_reference.complete_page_numbers(self.word, self.styles.id("Footer")))
        if self.draft:
            self.draft_marks()
        self.anchor_paragraphs()
        self.properties()
        self.scripts()
        self.word_native()
        if self.rtl:  # last: every paragraph, those word_native adds included, right to left
            _ooxml_script.right_to_left_document(self.word, [self.notes.part.element])
            if getattr(self.config, "digits", "western") == "arabic-indic":
                _ooxml_script.arabic_indic_numbers(self.word, [self.notes.part.element])
        buffer = io.BytesIO()
        self.word.save(buffer)
        return normalise_zip(buffer.getvalue())

    def cover(self, cover: m.Cover) -> None:
        """The first page, as the HTML template lays it out."""
        mark = punctuation(self.config.language)
        for style, text, key in (("Cover Kind", cover.kind, "submission"), ("Cover Review", cover.review, "state"),
                                 ("Title", cover.title, "title"), ("Subtitle", cover.subtitle, "subtitle"),
                                 ("Cover Date", cover.date, "date")):
            if text:
                paragraph = _ooxml.add_paragraph(self.word, self.styles.id(style))
                self.inlines(paragraph, text)
                self.anchor(paragraph, self.config.source(key))
        details = _Place(self.word, "Cover Details")
        if cover.coalition:
            self.labelled(cover.label_coalition, cover.coalition, "coalition")
        if cover.submitters:
            self.labelled(cover.label_submitters, _listed(cover.submitters, cover.separator, mark.stop),
                          "organisations")
        self.blocks(cover.blocks, details)
        if cover.keywords:
            self.labelled(cover.label_keywords, _listed(cover.keywords, cover.separator, mark.stop), "keywords")
        if cover.contact:
            self.labelled(cover.label_contact, _listed(cover.contact, mark.comma), "contact")

    def labelled(self, label: tuple[m.Node, ...], text: tuple[m.Node, ...], key: str) -> None:
        """`Label: text`, the label in its style; `标签：文本` in Chinese."""
        paragraph = _ooxml.add_paragraph(self.word, self.styles.id("Cover Details"))
        self.inlines(paragraph, label, _Look(style="Cover Label"))
        self.inlines(paragraph, (m.Text(punctuation(self.config.language).space),) + text)
        self.anchor(paragraph, self.config.source(key))

    def reference_notes(self, messages: list[str]) -> None:
        self.warnings += [Problem(self.where, message, "warning") for message in messages]

    def running_header(self) -> None:
        """The review line at the top of every page but the first, unless the reference document
        brings a header of its own."""
        review = self.document.cover.review
        if review:
            self.reference_notes(docx_reference.complete_header(self.word))
        for section in self.word.sections if review else ():
            header = section.header
            if header.is_linked_to_previous or (not header.tables and all(not p.runs for p in header.paragraphs)):
                paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
                paragraph.style = self.styles["Header"]
                self.inlines(paragraph, review)

    def draft_marks(self) -> None:
        """A draft: the watermark and the stamp in every page header, line numbers restarting on each page."""
        headers = []
        for section in self.word.sections:
            headers.append(section.header)
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
            if self.word.settings.odd_and_even_pages_header_footer:
                headers.append(section.even_page_header)
        for number, header in enumerate(headers, start=1):
            last = header.paragraphs[-1] if header.paragraphs else None
            paragraph = last if last is not None and not last.text else header.add_paragraph()
            paragraph.style = self.styles["Header"]
            _ooxml_draft.add_watermark(paragraph, self.draft.watermark, number)
            paragraph.add_run(self.draft.text()).font.size = Pt(8)
        _ooxml_draft.number_lines(self.word)

    def properties(self) -> None:
        config, cover = self.config, self.document.cover
        language = LANGUAGE_TAGS.get(config.language, config.language)
        _ooxml.set_document_language(self.word, language)
        _ooxml.keep_manual_breaks_unjustified(self.word)
        props = self.word.core_properties
        props.title = config.title
        props.subject = m.plain_text(cover.kind) + (f": {m.plain_text(cover.review)}" if cover.review else "")
        props.author = props.last_modified_by = author_line(config)
        props.keywords = ", ".join(config.keywords)
        props.language = language
        props.comments = props.category = props.content_status = ""
        props.revision = 1
        props.created = props.modified = self.created.replace(microsecond=0)

    def scripts(self) -> None:
        """Word's settings for the report's script: the language in its slot (`w:bidi` for Arabic,
        `w:eastAsia` for Chinese) and Chinese's font; complex-script bold and sizes in the styles once
        Arabic text is in the document."""
        code = self.config.language
        if self.rtl:
            _ooxml_script.set_languages(self.word, LANGUAGE_TAGS["en"], bidi=LANGUAGE_TAGS.get(code, code))
        elif self.east_asian:
            _ooxml_script.set_languages(self.word, LANGUAGE_TAGS["en"], east_asian=LANGUAGE_TAGS.get(code, code),
                                        east_asian_font=EAST_ASIAN_FONT)
            _ooxml_word.set_theme_east_asian_font(self.word, EAST_ASIAN_FONT)
            for name in ("Subtitle", "Header"):  # Chinese is not set in italics, nor is the PDF's (style.css)
                self.styles[name].font.italic = False
        if self.wrote_rtl:
            _ooxml_script.complex_script_styles(self.word)

    def word_native(self) -> None:
        """What Word itself writes and a reference document may lack or have stale."""
        _ooxml.complete_zoom(self.word)
        _ooxml_word.set_compatibility_mode(self.word)
        _ooxml_word.end_with_paragraph(self.word, self.styles.id("Body Text"))
        _ooxml_word.prune_numbering(self.word)
        _ooxml_word.complete_font_table(self.word)
        _ooxml_properties.set_extended_properties(self.word, self.words)

    # Blocks -------------------------------------------------------------------------------------

    def blocks(self, blocks: tuple[m.Node, ...], place: _Place) -> None:
        for block in blocks:
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            if place.note and isinstance(block, m.Heading | m.Recommendations):
                # A note has no place for a heading or a recommendation: its text in a note paragraph.
                _ooxml.add_run(self.paragraph(place, place.style, block.source), _clean(m.plain_text(block)))
                continue
            rule(self, "block", block)(block, place)

    def paragraph(self, place: _Place, style: str, source: Source | None = None):
        paragraph = _ooxml.add_paragraph(place.container, self.styles.id(style))
        if source is not None:
            self.anchor(paragraph, source)
        return paragraph

    def anchor(self, paragraph, source: Source) -> None:
        """Remember where `paragraph` came from: it gets its anchor once written (`anchor_paragraphs`).
        A redline's deleted text comes from the older version: it has no place in the sources."""
        if not self.deleted:
            self.anchored.append((paragraph, source))

    def anchor_paragraphs(self) -> None:
        """Bookmark every paragraph with the file and line it came from, and keep the table of
        files in the document, so that `reportgen comments` can trace a reviewer's marks."""
        names = AnchorNames()
        for paragraph, source in self.anchored:
            self.bookmarks.wrap(paragraph, names.name(source))
        table = {FILE_PROPERTY + key: path for key, path in names.files.items()}
        if self.draft and self.draft.commit:  # the version the sections were at, to trace marks on an older draft
            table |= {COMMIT_PROPERTY: self.draft.commit, MODIFIED_PROPERTY: "yes" if self.draft.modified else ""}
        _ooxml_properties.set_custom_properties(self.word, {MARKER: VERSION, **table}, "reportgen ")

    def block_Paragraph(self, node: m.Paragraph, place: _Place) -> None:
        paragraph = self.paragraph(place, "Numbered Paragraph" if node.number is not None else place.style,
                                   node.source)
        self.inlines(paragraph, node.inlines)
        if paragraph_id(node) and not self.deleted:
            self.bookmarks.wrap(paragraph, bookmark_name(paragraph_id(node)))  # the HTML's id

    def block_Heading(self, node: m.Heading, place: _Place) -> None:
        level = min(node.level, 6)
        plain = not node.number and level <= len(self.heading_formats)
        self.heading(node, place, f"Heading {level} Unnumbered" if plain else f"Heading {level}")

    def heading(self, node: m.Heading, place: _Place, style: str) -> None:
        paragraph = self.paragraph(place, style, node.source)
        if node.label:
            self.label(paragraph, node.label, node.id, bool(node.inlines))
        self.inlines(paragraph, node.inlines)
        if node.id and not self.deleted:
            self.bookmarks.wrap(paragraph, bookmark_name(node.id))

    def block_BulletList(self, node: m.BulletList, place: _Place) -> None:
        depth = place.depth + 1
        if place.note:
            style, num = self.note_list, (self.note_bullets, 0)
        else:
            style, num = leveled("List Bullet", depth), None  # the style carries the bullet list
        for item in node.items:
            self.list_item(item.blocks, place, depth, style, num)

    def block_OrderedList(self, node: m.OrderedList, place: _Place) -> None:
        depth = place.depth + 1
        style = self.note_list if place.note else leveled("List Number", depth)
        word_list = self._place_list(marker_level(node.kind, node.delimiter), node.start, style, place, "list")
        for item in node.items:
            self.list_item(item.blocks, place, depth, style, word_list)

    def block_Recommendations(self, node: m.Recommendations, place: _Place) -> None:
        depth = place.depth + 1
        style = "Recommendation" if depth == 1 else leveled("List Number", depth)
        first = node.items[0].number if node.items else 1
        # Numbering that goes on from the previous block stays one Word list, so it stays live.
        word_list = self._place_list(self.recommendation_level, first, style, place, "recommendation", bold=True)
        for item in node.items:
            before = set(_container(self.word, place)) if item.id and not self.deleted else None
            self.list_item(item.blocks, place, depth, style, word_list)
            if before is not None:  # bookmarked for cross-references to it
                first = next(e for e in _container(self.word, place) if e not in before and e.tag == qn("w:p"))
                self.bookmarks.wrap(Paragraph(first, None), bookmark_name(item.id))

    def list_item(self, blocks: tuple[m.Node, ...], place: _Place, depth: int, style: str,
                  num: tuple[WordList | int, int] | None) -> None:
        """The item's first paragraph carries the marker (`num`: a Word list, or a numId, and a level;
        None when the style carries the list); its other blocks continue at its indent."""
        if blocks and isinstance(blocks[0], m.Inserted | m.Deleted):  # a whole item added or removed
            self.tracked(blocks[0], place, lambda: self.list_item(blocks[0].children, place, depth, style, num))
            self.blocks(blocks[1:], place)
            return
        first = blocks[0] if blocks and isinstance(blocks[0], m.Paragraph) else None
        paragraph = self.paragraph(place, style, first.source if first else None)
        in_list = None
        if num is not None:
            word_list, ilvl = num
            if isinstance(word_list, WordList):
                word_list.count(ilvl)
                in_list = num
            _ooxml.set_numbering(paragraph, word_list.num_id if in_list else word_list, ilvl)
        if first:
            self.inlines(paragraph, blocks[0].inlines)
            blocks = blocks[1:]
        continuation = self.note_list if place.note else leveled("List Continue", depth)
        self.blocks(blocks, replace(place, style=continuation, depth=depth, in_list=in_list))

    def block_BlockQuote(self, node: m.BlockQuote, place: _Place) -> None:
        self.blocks(node.blocks, replace(place, style=self.note_quote if place.note else "Block Text"))

    def block_CodeBlock(self, node: m.CodeBlock, place: _Place) -> None:
        style = self.note_code if place.note else "Source Code"
        self.paragraph(place, style, node.source).add_run(_NOT_XML.sub("", node.text.rstrip("\n")))

    def block_DefinitionList(self, node: m.DefinitionList, place: _Place) -> None:
        """Each term in the "Definition Term" style, each definition's blocks in "Definition" (as pandoc)."""
        for item in node.items:
            self.inlines(self.paragraph(place, "Definition Term", item.source), item.inlines)
            for definition in item.items:
                self.blocks(definition.blocks, replace(place, style="Definition"))

    def block_HorizontalRule(self, node: m.HorizontalRule, place: _Place) -> None:
        self.paragraph(place, "Horizontal Rule")

    def block_Figure(self, node: m.Figure, place: _Place) -> None:
        """The picture in a paragraph of its own, its caption below it ("Image Caption", based on Word's Caption)."""
        picture = self.paragraph(place, place.style if place.note else "Figure", node.source)
        self.inlines(picture, node.children)
        self.inlines(self.paragraph(place, place.style if place.note else "Image Caption"), node.inlines)
        if node.id and not self.deleted:
            self.bookmarks.wrap(picture, bookmark_name(node.id))

    def block_Div(self, node: m.Div, place: _Place) -> None:
        self.in_language(node.attributes.get("lang"), node.blocks, place)

    def in_language(self, lang: str, blocks: tuple[m.Node, ...], place: _Place) -> None:
        """`blocks` of a passage in `lang` (a section's front matter, a div): its runs, and the notes written in
        it but those made from citations (in the report's language), get the language in the slot of its
        script; its paragraphs (not its notes) its direction, when it is not the report's."""
        if not lang:
            return self.blocks(blocks, place)
        tag, container = LANGUAGE_TAGS.get(lang, lang), _container(self.word, place)
        before, notes_before, outer = set(container), self.notes.count, self.text_rtl
        self.text_rtl = is_rtl_language(tag)
        try:
            self.blocks(blocks, place)
        finally:
            rtl, self.text_rtl = self.text_rtl, outer
        notes = [element for element in self.notes.part.element
                 if notes_before < int(element.get(qn("w:id"))) <= self.notes.count
                 and not self.document.notes[int(element.get(qn("w:id"))) - 1].from_citation]
        _ooxml_script.mark_language([child for child in container if child not in before], tag,
                                    rtl if rtl != outer else None)
        _ooxml_script.mark_language(notes, tag)  # a note keeps the report's direction, as in the PDF

    def block_Inserted(self, node: m.Inserted | m.Deleted, place: _Place) -> None:
        self.tracked(node, place, lambda: self.blocks(node.children, place))

    block_Deleted = block_Inserted

    def _annotation_id(self) -> int:
        ident = self.bookmarks.next_id  # bookmarks, insertions and deletions share one id space
        self.bookmarks.next_id += 1
        return ident

    def tracked(self, node: m.Inserted | m.Deleted, place: _Place, write) -> None:
        """`write()` the blocks a redline shows as added or removed, then mark them as Word's tracked changes."""
        container = _container(self.word, place)
        before = set(container)
        deleted = isinstance(node, m.Deleted)
        self.deleted += deleted
        write()
        self.deleted -= deleted
        self.revisions.blocks([child for child in container if child not in before], "del" if deleted else "ins")

    def block_Table(self, node: m.Table, place: _Place) -> None:
        rows = ((node.header,) if node.header else ()) + node.rows
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return
        if node.label:
            self.caption(node, place)
        if place.note:
            if not place.container.marked:  # the note's number comes first
                self.paragraph(place, place.style)
            table = place.container.add_table(len(rows), columns, self.text_width)
        else:
            table = place.container.add_table(rows=len(rows), cols=columns)
        table.style = self.styles["Report Table"]
        available = self.text_width - Twips(_ooxml.table_indent(table.style) if not place.note else 0)
        widths = [Emu(int(available * share)) for share in column_widths(node)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row, cells, line in zip(table.rows, rows, row_lines(node), strict=True):
            heading = bool(node.header) and cells is node.header
            revision = row_revision(cells)
            _ooxml.keep_row_whole(row)
            self.deleted += revision == "del"
            # Row by row: a column's cells (python-docx's `column.cells`) walk the whole table each time.
            for cell, model_cell, width in zip(row.cells, cells, widths, strict=True):
                cell.width = width
                paragraph = cell.paragraphs[0]
                self.anchor(paragraph, model_cell.source or Source(node.source.path, line or 0))
                _ooxml.style_paragraph(paragraph, self.styles.id("Table Heading" if heading else "Table Text"))
                if model_cell.align in _CELL_ALIGNMENTS:  # the author's column alignment
                    paragraph.alignment = _CELL_ALIGNMENTS[model_cell.align]
                self.inlines(paragraph, model_cell.inlines)
            self.deleted -= revision == "del"
            if revision:
                self.revisions.blocks([row._tr], revision)
        if node.header:
            _ooxml.repeat_as_header(table.rows[0])
        _ooxml.set_table_look(table, header_row=bool(node.header))

    # Inlines ------------------------------------------------------------------------------------

    def inlines(self, paragraph, nodes: tuple[m.Node, ...], look: _Look = _Look()) -> None:
        previous = None
        for node in nodes:
            self.after_note = isinstance(previous, m.Note)  # read by inline_Note
            rule(self, "inline", node)(paragraph, node, look)
            previous = node

    def inline_Text(self, paragraph, node: m.Text, look: _Look) -> None:
        self.run(paragraph, _clean(node.text), look)

    inline_Verbatim = inline_Text

    def inline_Emph(self, paragraph, node: m.Emph, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, italic=True))

    def inline_Strong(self, paragraph, node: m.Strong, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, bold=True))

    def inline_Strikeout(self, paragraph, node: m.Strikeout, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, strike=True))

    def inline_Superscript(self, paragraph, node: m.Superscript, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, position="superscript"))

    def inline_Subscript(self, paragraph, node: m.Subscript, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, position="subscript"))

    def inline_SmallCaps(self, paragraph, node: m.SmallCaps, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, small_caps=True))

    def inline_Underline(self, paragraph, node: m.Underline, look: _Look) -> None:
        self.inlines(paragraph, node.children, replace(look, underline=True))

    def inline_Inserted(self, paragraph, node: m.Inserted | m.Deleted, look: _Look) -> None:
        mark = _ooxml.content_mark(paragraph)
        self.inlines(paragraph, node.children, look)
        self.revisions.runs(paragraph._p, mark, "ins" if isinstance(node, m.Inserted) else "del")

    inline_Deleted = inline_Inserted

    def inline_Code(self, paragraph, node: m.Code, look: _Look) -> None:
        self.run(paragraph, _NOT_XML.sub("", node.text), replace(look, style="Verbatim Char"))

    def inline_LineBreak(self, paragraph, node: m.LineBreak, look: _Look) -> None:
        paragraph.add_run().add_break()

    def inline_Link(self, paragraph, node: m.Link, look: _Look) -> None:
        href = safe_href(node.url)
        if href is None or href == "#":
            self.inlines(paragraph, node.children, look)
            return
        mark = _ooxml.content_mark(paragraph)
        self.inlines(paragraph, node.children, look if look.style else replace(look, style="Hyperlink"))
        _ooxml.make_hyperlink(paragraph, mark, "#" + bookmark_name(href[1:]) if href.startswith("#") else href)

    def inline_Image(self, paragraph, node: m.Image, look: _Look) -> None:
        self.picture(paragraph, node)

    def inline_Ref(self, paragraph, node: m.Ref, look: _Look) -> None:
        self.cross_reference(paragraph, node, look)

    def inline_Cite(self, paragraph, node: m.Cite | m.CrossRef, look: _Look) -> None:
        raise ReportError([Problem(node.source, "a citation cannot be used here")])

    inline_CrossRef = inline_Cite

    def inline_Note(self, paragraph, note: m.Note, look: _Look) -> None:
        if self.after_note:  # keep adjacent calls apart: ¹,²
            _ooxml.add_run(paragraph, ",", self.note_mark)
        self.note(paragraph, note)

    def inline_Span(self, paragraph, node: m.Span, look: _Look) -> None:
        """A bracketed span: its language, highlighting (`.mark`), small capitals and underlining; its
        identifier marks the paragraph."""
        lang, classes = node.attributes.get("lang"), node.attributes.classes
        look = replace(look, lang=LANGUAGE_TAGS.get(lang, lang) if lang else look.lang,
                       highlight=look.highlight or "mark" in classes,
                       small_caps=look.small_caps or "smallcaps" in classes,
                       underline=look.underline or bool({"underline", "ul"} & set(classes)))
        if node.attributes.id and not self.deleted:
            self.bookmarks.wrap(paragraph, bookmark_name(node.attributes.id))
        self.inlines(paragraph, node.children, look)

    def run(self, paragraph, text: str, look: _Look) -> None:
        """Runs of `text` in `look`: one, or one for each writing direction in mixed Arabic and Latin."""
        if not text:
            return
        pieces = direction_runs(text, self.text_rtl) if self.text_rtl or has_rtl(text) else ((text, False),)
        for piece, rtl in pieces:
            run = _ooxml.add_run(paragraph, piece, self.styles.id(look.style) if look.style else None)
            self.format_run(run, look)
            if rtl:
                _ooxml_script.right_to_left_run(run, self._letter_spaced(paragraph, look))
                self.wrote_rtl = True
            elif self.east_asian and has_east_asian(piece):
                _ooxml_script.hint_east_asian(run)

    @functools.cached_property
    def letter_spaced(self) -> set[str]:
        return _ooxml_script.letter_spaced_styles(self.word)

    def _letter_spaced(self, paragraph, look: _Look) -> bool:
        """Whether the paragraph's style or the run's spaces letters out (the cover's kind)."""
        style = paragraph._p.pPr.style if paragraph._p.pPr is not None else None
        return style in self.letter_spaced or (look.style is not None and self.styles.id(look.style)
                                                in self.letter_spaced)

    def format_run(self, run, look: _Look) -> None:
        if look.italic:
            run.italic = True
        if look.bold:
            run.bold = True
        if look.strike:
            run.font.strike = True
        if look.position:
            setattr(run.font, look.position, True)
        if look.small_caps:
            run.font.small_caps = True
        if look.underline:
            run.underline = True
        if look.highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if look.lang:
            _ooxml_script.set_run_language(run._r, look.lang)

    # Cross-references, captions and annex labels ----------------------------------------------

    def cross_reference(self, paragraph, node: m.Ref, look: _Look) -> None:
        """A REF field to the target's bookmark, with the target's current number as its result (what
        Word and LibreOffice show until the fields are updated). `\\n` gives a numbered paragraph's
        number without its final period, as the model writes it; annexes and tables have their
        number bookmarked, an unnumbered heading its text."""
        if node.kind in ("annex", "table"):
            instruction = f"REF {number_bookmark(node.target)} \\h"
        else:
            switches = "\\h" if node.kind == "title" else "\\n \\h"
            instruction = f"REF {bookmark_name(node.target)} {switches}"
        style = self.styles.id(look.style) if look.style else None
        text = _clean(node.number)
        run = _ooxml.add_field(paragraph, instruction, text, style)
        self.format_run(run, look)
        if self.rtl or has_rtl(text):  # an unnumbered heading's title in Arabic
            _ooxml_script.right_to_left_run(run)
            self.wrote_rtl = True
        elif self.east_asian and has_east_asian(text):
            _ooxml_script.hint_east_asian(run)

    def label(self, paragraph, label: str, ident: str, line_break: bool) -> None:
        """"Annex I" or "Table 1", its number bookmarked for cross-references, on a line of its own."""
        number = m.label_number(label)
        before, _, after = label.rpartition(number)
        self.run(paragraph, before, _Look())
        mark = _ooxml.content_mark(paragraph)
        self.run(paragraph, number, _Look())
        if ident and not self.deleted:
            self.bookmarks.wrap_from(paragraph, mark, number_bookmark(ident))
        self.run(paragraph, after, _Look())
        if line_break:
            paragraph.add_run().add_break()

    def caption(self, node: m.Table, place: _Place) -> None:
        paragraph = self.paragraph(place, "Table Caption", node.source)
        self.label(paragraph, node.label, node.id, bool(node.caption))
        self.inlines(paragraph, node.caption)
        if node.id and not self.deleted:
            self.bookmarks.wrap(paragraph, bookmark_name(node.id))

    def note(self, paragraph, note: m.Note) -> None:
        if note.number <= 0:
            raise ReportError([Problem(note.source, "DOCX: notes can only be used in the sections")])
        self.notes.call(paragraph, note.number)
        body = self.notes.new_note(note.number)
        self.blocks(note.blocks, _Place(body, self.note_text, note=True))
        if not body.marked or body.element[-1].tag.endswith("}tbl"):  # a note ends with a paragraph
            _ooxml.add_paragraph(body, self.styles.id(self.note_text))

    def picture(self, paragraph, node: m.Image) -> None:
        """The image at its own size, or the width the author gave, never wider than the text; an SVG
        as Word's SVG picture with a PNG fallback."""
        from docx.image.exceptions import UnrecognizedImageError

        try:
            data = self.image_file(node)
            svg = data.getvalue() if _is_svg(node.src) else None
            if svg is not None:
                png, width, height = svg_images.rasterise(svg)
                data = io.BytesIO(png)
            shape = paragraph.add_run().add_picture(data)
        except (UnrecognizedImageError, OSError, ValueError, ImportError) as exc:
            raise ReportError([Problem(node.source, f"image '{_shown(node.src)}' cannot be put in the DOCX: "
                                                    f"{_image_error(exc)}")]) from None
        if svg is not None:
            shape.width, shape.height = Emu(width * svg_images.EMU_PER_PX), Emu(height * svg_images.EMU_PER_PX)
            svg_images.add_svg(shape, paragraph.part, svg)
        wanted = _length(node.width, self.text_width)
        width = min(self.text_width, wanted or shape.width)
        if shape.width != width:  # keep the proportions
            shape.height = int(shape.height * width / shape.width)
            shape.width = width
        _ooxml.describe_picture(shape, node.alt)

    def image_file(self, node: m.Image):
        """The image's data: a `data:image/...;base64,` URL decoded, or a file inside the project
        (the loader made its path relative to the project root)."""
        if node.src.startswith("data:image/") and ";base64," in node.src:
            return io.BytesIO(base64.b64decode(node.src.split(",", 1)[1], validate=False))
        parts = urlsplit(node.src)
        root = self.project_root.resolve() if self.project_root else None
        local = root and not parts.scheme and not parts.netloc
        try:
            path = real_path(root, root / unquote(parts.path)) if local else None
        except UnsafePath as exc:
            raise ReportError([Problem(node.source, exc.referenced(f"image '{_shown(node.src)}'"))]) from None
        if path is None or not path.is_file():
            raise ReportError([Problem(node.source, f"image '{_shown(node.src)}' is not a file inside the project")])
        return io.BytesIO(path.read_bytes())


_UNITS = {"cm": 360000, "mm": 36000, "in": 914400, "pt": 12700, "px": 9525}


def _length(width: str, text_width: int) -> int:
    """An image width as the author wrote it (`50%`, `8cm`, `300px`), in EMU; 0 when none."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(%|cm|mm|in|pt|px)", width)
    if not match:
        return 0
    value = float(match[1])
    return int(text_width * value / 100 if match[2] == "%" else value * _UNITS[match[2]])


def _is_svg(src: str) -> bool:
    return src.lower().endswith(".svg") or src.startswith("data:image/svg")


def _shown(src: str) -> str:
    """An image source as a message shows it: a data URI cut to its type."""
    return src.split(",", 1)[0] + ",…" if src.startswith("data:") else src


def _image_error(exc: Exception) -> str:
    if isinstance(exc, ImportError) or "cairo" in str(exc):
        return "drawing an SVG needs the cairo library (Debian and Ubuntu: apt install libcairo2)"
    return str(exc) or type(exc).__name__


def _listed(items: tuple[tuple[m.Node, ...], ...], separator: str, end: str = "") -> tuple[m.Node, ...]:
    """Items of the cover one after the other: "A; B; C." """
    out: list[m.Node] = []
    for i, item in enumerate(items):
        out.extend(((m.Text(separator),) if i else ()) + item)
    return tuple(out) + ((m.Text(end),) if end else ())


def bookmark_name(ident: str) -> str:
    """A Word bookmark name for an HTML id, of the kind Word keeps and hides as it does its own
    cross-reference targets (`_Ref…`): at most 40 letters, digits and underscores, the first an
    underscore. An id that had to change (a hyphen, a letter outside ASCII, more than 35 characters)
    is told apart from the others by a hash of the whole."""
    clean = re.sub(r"[^A-Za-z0-9_]", "_", ident)
    if clean == ident and len(clean) <= 35:
        return f"_Ref_{clean}"
    return f"_Ref_{clean[:26]}_{hashlib.sha1(ident.encode()).hexdigest()[:8]}"


def number_bookmark(ident: str) -> str:
    """The hidden bookmark around the number of an annex or table, which cross-references show."""
    return bookmark_name(f"_Num_{ident}")


def _container(word, place: _Place):
    """The element whose children the blocks written at `place` become: the body, a note, a cell."""
    return place.container.element.body if place.container is word else place.container.element


def _clean(text: str) -> str:
    """Text as a browser shows it: runs of spaces and line breaks collapse to one space."""
    return _NOT_XML.sub("", _HTML_SPACE.sub(" ", text))
