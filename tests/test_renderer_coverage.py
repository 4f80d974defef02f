"""Every renderer has a rule for every node type of the model, so a new node cannot be forgotten."""

from __future__ import annotations

import pytest

from reportgen import model as m
from reportgen.renderers.dispatch import missing_rules
from reportgen.renderers.docx import DocxRenderer
from reportgen.renderers.html import HtmlRenderer


@pytest.mark.parametrize("renderer", [HtmlRenderer, DocxRenderer], ids=["html", "docx"])
def test_every_node_type_has_a_rule(renderer):
    assert missing_rules(renderer) == []


def test_a_renderer_without_a_rule_is_caught():
    class Partial:
        def block_Paragraph(self):
            pass

    missing = missing_rules(Partial)
    assert "block_Paragraph" not in missing
    assert {"block_Heading", "inline_Text", "inline_Note", "block_Inserted", "inline_Inserted"} <= set(missing)


def test_every_node_is_a_block_an_inline_or_a_part_of_one():
    parts = {m.Citation, m.ListItem, m.DefinitionItem, m.TableCell, m.Recommendation, m.Section, m.Cover, m.Document}
    nodes = [cls for cls in vars(m).values() if isinstance(cls, type) and issubclass(cls, m.Node)]
    for cls in nodes:
        if cls not in (m.Node, m.Inline, m.Block):
            assert issubclass(cls, m.Inline | m.Block) or cls in parts, cls.__name__
