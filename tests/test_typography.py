"""Language-aware typography: raised and lowered text in every output, quotes, French spacing, ordinals."""

from __future__ import annotations

from dataclasses import replace

from reportgen import model as m
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.html import HtmlRenderer

from .docx_inspect import NS, Docx, w


def _with_first_paragraph(document: m.Document, inlines: tuple[m.Node, ...]) -> m.Document:
    section = document.sections[0]
    blocks = tuple(replace(b, inlines=inlines) if isinstance(b, m.Paragraph) else b for b in section.blocks)
    return replace(document, sections=(replace(section, blocks=blocks),) + document.sections[1:])


def test_superscript_and_subscript_are_real_formatting_in_html_and_docx(project):
    root = project({"sections/01.md": "Placeholder.\n"})
    inlines = (m.Text("la 51"), m.Superscript((m.Text("e"),)), m.Text(" session, H"), m.Subscript((m.Text("2"),)),
               m.Text("O"))
    document = _with_first_paragraph(load_model(Project.at(root)), inlines)
    assert "la 51<sup>e</sup> session, H<sub>2</sub>O" in HtmlRenderer(document).render()
    body = Docx(render_docx(document, None, root)).document
    runs = [(r.findtext("w:t", namespaces=NS), r.find("w:rPr/w:vertAlign", NS).get(w("val"))
             if r.find("w:rPr/w:vertAlign", NS) is not None else "") for r in body.iter(w("r"))]
    assert ("e", "superscript") in runs and ("2", "subscript") in runs and ("la 51", "") in runs
    assert m.plain_text(document.sections[0].blocks[0]) == "la 51e session, H2O"
