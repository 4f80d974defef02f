"""Reading section files: the Markdown dialect becomes model nodes that carry their file and line."""

from __future__ import annotations

import textwrap

import pytest

from reportgen import model as m
from reportgen.errors import Problems, Source
from reportgen.load.markdown.citations import parse_cluster
from reportgen.load.sections import read_section, slugify

PATH = "sections/02-law.md"


def read(text: str, problems: Problems | None = None) -> m.Section:
    """A section read from `text`; without `problems` to look at, it must read without an error."""
    mine = problems is None
    problems = Problems() if mine else problems
    section = read_section(textwrap.dedent(text), PATH, problems)
    assert not (mine and problems.errors), [str(p) for p in problems.errors]
    return section


def errors(text: str) -> list[str]:
    problems = Problems()
    read_section(textwrap.dedent(text), PATH, problems)
    return [str(p) for p in problems.items]


def test_front_matter_and_blocks_carry_their_lines():
    section = read("""\
        ---
        title: Legal framework
        id: law
        owner: PKPA
        status: draft
        ---

        ## International standards {#intl}

        First paragraph
        on two lines.

        Second paragraph.
        """)
    assert (section.title, section.owner, section.status) == ("Legal framework", "PKPA", "draft")
    title, heading, first, second = section.blocks
    assert title == m.Heading(1, (m.Text("Legal framework"),), Source(PATH, 2), id="law")
    assert heading == m.Heading(2, (m.Text("International standards"),), Source(PATH, 8), id="intl")
    assert first == m.Paragraph((m.Text("First paragraph on two lines."),), Source(PATH, 10))
    assert second.source == Source(PATH, 13)


@pytest.mark.parametrize("value", ["2011-13-45", "!foo x", "[a, !!timestamp 2011-02-30]"])
def test_pandoc_keys_yaml_cannot_construct_are_read_as_written(value):
    """Pandoc's `author` and `nocite` take any YAML; one that is no date or no known tag is its text."""
    section = read(f"---\nauthor: {value}\nnocite: {value}\n---\n\nText.\n")
    assert section.blocks


def test_unnumbered_headings_pandoc_style():
    section = read("""\
        # Executive summary {.unnumbered}

        # Annex {-}

        # Numbered
        """)
    assert [h.numbered for h in section.blocks] == [False, False, True]
    assert section.blocks[0].id == ""  # ids are made unique across the whole document later


def test_citations_are_nodes_with_prefix_locator_and_line():
    section = read("""\
        Text that cites
        two works [see @smith2020, pp. 3-5; @ohchr2020] and one [@ohchr2020, para. 12].
        """)
    paragraph = section.blocks[0]
    cite = paragraph.inlines[1]
    assert cite == m.Cite((
        m.Citation("smith2020", (m.Text("see"),), "pp. 3-5", (), Source(PATH, 2)),
        m.Citation("ohchr2020", (), "", (), Source(PATH, 2)),
    ), Source(PATH, 2))
    assert paragraph.inlines[3].citations[0].locator == "para. 12"


def test_a_minus_before_the_key_suppresses_the_author():
    cites = [n for n in m.walk(read("One [-@smith2020, p. 3] and [@ohchr2020; -@smith2020].\n"))
             if isinstance(n, m.Citation)]
    assert [(c.key, c.mode) for c in cites] == [
        ("smith2020", "suppress-author"), ("ohchr2020", ""), ("smith2020", "suppress-author")]


@pytest.mark.parametrize("text, expected", [
    ("@key", [("key", "", "", "")]),
    ("see @a, pp. 3-5; @b", [("a", "see", "pp. 3-5", ""), ("b", "", "", "")]),
    ("@un:A/HRC/19/8 and passim", [("un:A/HRC/19/8", "", "", "and passim")]),
    ("@{odd key}, p. 2", [("odd key", "", "p. 2", "")]),
    ("write to info@example.org", None),
    ("no citation here", None),
    ("@a; plain text", None),
])
def test_citation_clusters(text, expected):
    parsed = parse_cluster(text)
    if expected is None:
        assert parsed is None
    else:
        assert [(c["key"], c["prefix"], c["locator"], c["suffix"]) for c in parsed] == expected


def test_notes_inline_and_labelled_with_lines():
    section = read("""\
        A claim^[An *inline* note.] and another[^src].

        [^src]: A labelled note
            on two lines.
        """)
    inlines = section.blocks[0].inlines
    inline_note, labelled = inlines[1], inlines[3]
    assert inline_note.blocks == (m.Paragraph((m.Text("An "), m.Emph((m.Text("inline"),)), m.Text(" note.")),
                                              Source(PATH, 1)),)
    assert labelled.label == "src" and labelled.source == Source(PATH, 1)
    assert labelled.blocks[0].inlines == (m.Text("A labelled note on two lines."),)
    assert labelled.blocks[0].source == Source(PATH, 3)


def test_lettered_and_roman_lists():
    section = read("""\
        a) first
        b) second

        (iv) four
        (v) five

        C.  third capital
        """)
    lettered, roman, capital = section.blocks
    assert (lettered.kind, lettered.delimiter, lettered.start, len(lettered.items)) == ("a", ")", 1, 2)
    assert (roman.kind, roman.delimiter, roman.start, len(roman.items)) == ("i", "()", 4, 2)
    assert (capital.kind, capital.delimiter, capital.start) == ("A", ".", 3)
    assert lettered.items[1].source == Source(PATH, 2)


def test_a_capital_letter_with_one_space_is_a_paragraph():
    section = read("B. Russell was an English philosopher.\n")
    assert isinstance(section.blocks[0], m.Paragraph)


def test_recommendations_block():
    section = read("""\
        ::: recommendations
        - Ratify the Optional Protocol.
        - Establish a hotline.
        :::
        """)
    block = section.blocks[0]
    assert isinstance(block, m.Recommendations) and block.source == Source(PATH, 1)
    assert [item.source.line for item in block.items] == [2, 3]
    assert m.plain_text(block.items[1].blocks) == "Establish a hotline."


def test_pipe_tables_links_emphasis_and_quotes():
    section = read("""\
        | State | Position |
        |:------|---------:|
        | *A*   | Noted    |

        > A quotation with a [link](https://example.org) and "straight quotes" -- and a dash.
        """)
    table, quote = section.blocks
    assert table.header[0].inlines == (m.Text("State"),) and table.header[1].align == "right"
    assert table.rows[0][0].inlines == (m.Emph((m.Text("A"),)),)
    paragraph = quote.blocks[0]
    assert paragraph.inlines[1] == m.Link("https://example.org", (m.Text("link"),), Source(PATH, 5))
    assert paragraph.inlines[2] == m.Text(' and "straight quotes" – and a dash.')  # quotes: typography's


def test_raw_html_is_never_passed_on_and_comments_vanish():
    problems = Problems()
    section = read_section("<!-- an editor's comment -->\n\nText <b>bold</b> here.\n\n<div>block</div>\n",
                           PATH, problems)
    assert section.blocks == (
        m.Paragraph((m.Text("Text <b>bold</b> here."),), Source(PATH, 3)),
        m.Paragraph((m.Text("<div>block</div>"),), Source(PATH, 5)),
    )
    assert [str(p) for p in problems.items] == [
        f"{PATH}:3: warning: raw HTML is shown as text, not interpreted; write Markdown instead",
        f"{PATH}:5: warning: raw HTML is shown as text, not interpreted; write Markdown instead",
    ]


@pytest.mark.parametrize("text, message", [
    ("Text[^missing].\n", "1: note [^missing] has no definition (add a line '[^missing]: ...')"),
    ("Text.\n\n[^unused]: Never called.\n", "3: note [^unused] is defined but never used"),
    ("A[^a].\n\n[^a]: One.\n\n[^a]: Two.\n", "5: note [^a] is defined twice (first on line 3)"),
    ("Intro.\n\n::: recommendations\n- Do it.\n", "3: fenced div '::: recommendations' is never closed "
                                                   "(end it with a line ':::')"),
    ("::: recommendations\nJust text.\n:::\n", "1: a recommendations block must hold exactly one list, "
                                               "one item per recommendation"),
    ("# Title {#a #b}\n", "1: bad heading attributes: two identifiers: '#a' and '#b'"),
    ("# Title {#a !x}\n", "1: bad heading attributes: '!x' is not an attribute (write #id, .class or key=\"value\")"),
    ("Note^[with a note^[inside]].\n", "1: a note cannot contain another note"),
    ("---\ntitel: X\n---\n", "2: unknown key 'titel' (did you mean 'title'?)"),
    ("---\ntitle: [unclosed\n---\n", "3: invalid YAML: did not find expected ',' or ']'"),
])
def test_mistakes_are_located(text, message):
    assert errors(text) == [f"{PATH}:{message}"]


def test_slugify_like_pandoc():
    assert slugify("1.1 Children's rights: the Law (2002)") == "childrens-rights-the-law-2002"
    assert slugify("Résumé exécutif") == "résumé-exécutif"  # pandoc keeps letters of any script
    assert slugify("Право на образование") == "право-на-образование"
    assert slugify("حقوق الطفل") == "حقوق-الطفل"
    assert slugify("Art. 5 and_more") == "art.-5-and_more"
    assert slugify("!!!") == "section"


def test_an_empty_front_matter_is_no_front_matter(project):
    """`---` right after `---` (found by the fuzz test: it was an AttributeError)."""
    from reportgen.load.project import Project
    from reportgen.pipeline import load_model

    root = project({"sections/01.md": "---\n---\nText.\n"})
    assert [s.title for s in load_model(Project.at(root)).sections] == [""]


def test_pandoc_keys_holding_what_yaml_cannot_construct_are_read_as_text():
    """`nocite: 2011-13-45` looks like a date and is none: read as the text it is, not a traceback."""
    section = read("---\nnocite: 2011-13-45 @smith2020\nauthor: 2011-02-30\n---\n\nText.\n")
    assert section.nocite == ("smith2020",)
    assert read("---\nnocite: 2011-13-45\n---\n\nText.\n").nocite == ()
