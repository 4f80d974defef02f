"""Synthetic UPR report projects for the benchmark: sections, notes and a bibliography shaped like real ones.

A project is made from a word count, a note count and a bibliography size. Paragraphs run to about
110 words; notes are citation clusters in the text (`[@key, p. 12]`, `[see @a; @b]`), inline notes
(`^[...]`, some citing a work) and labelled notes (`[^label]`). Cited works follow a skewed
distribution and a quarter of the notes cite the work of the note before, so full, short and Ibid.
forms all occur as in real reports. Each section ends with a recommendations block; lettered lists,
bullets, quotes, tables and links are sprinkled in. The output is deterministic for a given seed.

    python benchmarks/generate.py OUT --words 5630 --notes 40 --entries 25
"""

from __future__ import annotations

import argparse
import itertools
import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Size:
    """What a project holds; `sections` of 0 picks one section per ~2,500 words."""

    words: int
    notes: int
    entries: int
    sections: int = 0


# The three report sizes of the issue, the notes curve and the very large inputs of issue 6.
SIZES = {
    "joint": Size(5480, 40, 25),         # a joint submission at its 5,630-word limit (with the cover page)
    "50p": Size(17_000, 200, 100),       # ~50 pages
    "150p": Size(51_000, 600, 300),      # ~150 pages, an annexed detailed report
    "notes-100": Size(6_000, 100, 50),
    "notes-1000": Size(60_000, 1_000, 500),
    "notes-5000": Size(300_000, 5_000, 2_500),
    "section-2mb": Size(215_000, 2_000, 1_000, sections=1),  # one 2 MB section file
    "bib-10000": Size(5480, 40, 10_000),  # a joint submission citing from a 10,000-entry bibliography
}

WORDS = """
the state government authorities ministry national law laws policy policies children child rights
protection victims trafficking exploitation sexual commercial prostitution pornography tourism
report reports data implementation monitoring coordination agencies police prosecutors courts judges
social services shelters rehabilitation reintegration education awareness campaigns communities
provinces districts villages families parents schools teachers health workers civil society
organisations coalition members network international regional standards convention protocol
optional ratification ratified adopted amended enacted provisions criminal code article articles
penalties sanctions offenders perpetrators cases investigations prosecutions convictions judicial
procedures evidence testimony hearings access justice remedies compensation assistance support
budget resources funding training capacity personnel officials staff border migration labour
domestic work online internet images abuse violence gender girls boys adolescents age marriage
registration birth identity documents poverty vulnerability risk factors causes prevention
response mechanisms hotline reporting referral cooperation bilateral agreements extradition
jurisdiction extraterritorial travelling foreign nationals visitors hotels travel industry
code conduct private sector companies accountability transparency participation consultation
recommendations review cycle session working group follow-up progress gaps challenges concerns
measures steps efforts actions plan strategy framework committee commission task force unit
""".split()  # noqa: SIM905 (a word list reads better as text)
CONNECTIVES = ["however", "moreover", "in addition", "furthermore", "as a result", "in practice",
               "according to field reports", "since the previous review", "despite these efforts"]
PLACES = ["Jakarta", "Bali", "Batam", "Surabaya", "Medan", "Lombok", "Riau Islands", "West Java"]
VERBS = ["has adopted", "has not yet ratified", "continues to lack", "should strengthen", "reported",
         "remains concerned about", "has established", "failed to address", "has improved", "does not provide"]
RECOMMEND = ["Ratify", "Amend", "Establish", "Strengthen", "Allocate sufficient resources to", "Ensure",
             "Train", "Adopt", "Review", "Develop"]

CORPORATE = ["Office of the High Commissioner for Human Rights", "United Nations Children's Fund",
             "International Labour Organization", "ECPAT International", "Human Rights Council",
             "Committee on the Rights of the Child", "International Organization for Migration",
             "National Commission on Child Protection", "UN Women", "Ministry of Women Empowerment"]
SHORT = {"Office of the High Commissioner for Human Rights": "OHCHR", "United Nations Children's Fund": "UNICEF",
         "International Labour Organization": "ILO", "International Organization for Migration": "IOM"}
GIVEN = ["Ana", "Budi", "Siti", "Jean", "María", "Hans", "Dewi", "Rahmat", "Claire", "Nguyen", "Amira", "Tomás"]
FAMILY = [r"M{\"u}ller", "Santoso", "Wijaya", r"Garc{\'i}a", "Dupont", "Rahman", "de la Cruz", "Smith",
          "Kusuma", r"Fran{\c{c}}ois", "Hidayat", "Tanaka", "O'Brien", "Lestari"]
JOURNALS = ["Human Rights Quarterly", "International Journal of Children's Rights", "Asian Journal of Criminology",
            "Anti-Trafficking Review", "Journal of Human Rights Practice"]
PUBLISHERS = ["Oxford University Press", "Cambridge University Press", "Routledge", "Springer", "UNICEF"]
CITIES = ["Geneva", "New York", "Bangkok", "Jakarta", "Oxford", "London", "Paris"]


class Writer:
    """Writes one project's Markdown and BibTeX from a seeded random source."""

    def __init__(self, size: Size, seed: int = 1):
        self.size, self.random = size, random.Random(seed)
        self.keys = [f"src{i:05d}" for i in range(size.entries)]
        ranks = range(1, size.entries + 1)
        self.weights = [1 / r ** 0.8 for r in ranks]  # a few works are cited again and again
        self.previous_key = ""
        self.note_index = 0

    # Text ---------------------------------------------------------------------------------------

    def words(self, n: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(n))

    def sentence(self, n: int) -> str:
        r = self.random
        opening = r.choice(["The", "The", "In", "Since"])
        if r.random() < 0.3:
            opening = f"{r.choice(CONNECTIVES).capitalize()}, {opening.lower()}"
        parts = [opening, self.words(max(2, n // 3)), r.choice(VERBS), self.words(max(2, n - n // 3 - 4))]
        if r.random() < 0.15:
            parts.append(f"in {r.choice(PLACES)}")
        if r.random() < 0.1:
            parts.append(f"(*{self.words(3)}*)")
        if r.random() < 0.04:
            parts.append(f"[{self.words(2)}](https://example.org/{self.words(1)})")
        if r.random() < 0.05:
            parts.append(f"\"{self.words(4)}\"")
        return " ".join(parts) + "."

    # Notes ----------------------------------------------------------------------------------------

    def key(self) -> str:
        if self.previous_key and self.random.random() < 0.25:
            return self.previous_key  # the work of the note before: Ibid.
        self.previous_key = self.random.choices(self.keys, self.weights)[0]
        return self.previous_key

    def locator(self) -> str:
        r = self.random
        kind = r.random()
        if kind < 0.45:
            return f", p. {r.randint(1, 300)}"
        if kind < 0.6:
            first = r.randint(1, 290)
            return f", pp. {first}-{first + r.randint(1, 9)}"
        if kind < 0.75:
            return f", para. {r.randint(1, 120)}"
        return ""

    def note(self, section: int, labelled: list[str]) -> str:
        """A note call; a labelled note's definition is added to `labelled`."""
        r = self.random
        self.note_index += 1
        kind = r.random()
        if kind < 0.45:
            return f"[@{self.key()}{self.locator()}]"
        if kind < 0.6:
            first, second = self.key(), self.key()
            if first == second:
                return f"[see @{first}{self.locator()}]"
            return f"[see @{first}{self.locator()}; @{second}{self.locator()}]"
        if kind < 0.85:
            body = self.sentence(r.randint(8, 25))
            if r.random() < 0.6:
                body = body[:-1] + f", as documented in [@{self.key()}{self.locator()}]."
            return f"^[{body}]"
        label = f"s{section}n{self.note_index}"
        body = self.sentence(r.randint(10, 30))
        if r.random() < 0.5:
            body += f" See also [@{self.key()}{self.locator()}]."
        labelled.append(f"[^{label}]: {body}")
        return f"[^{label}]"

    # Blocks --------------------------------------------------------------------------------------

    def paragraph(self, words: int, notes: int, section: int, labelled: list[str]) -> tuple[str, int]:
        """About `words` words of body text calling `notes` notes, one per sentence at most (as
        `[@a][@b]` is no citation); returns the Markdown and its word count, notes left out."""
        sentences, written = [], 0
        while written < words - 6 or len(sentences) < notes:
            sentences.append(self.sentence(self.random.randint(12, 30)))
            written += len(sentences[-1].split())
        for i in sorted(self.random.sample(range(len(sentences)), notes)):
            sentences[i] = sentences[i][:-1] + self.note(section, labelled) + "."
        return wrap(" ".join(sentences)), written

    def recommendations(self, count: int) -> str:
        items = [f"- {self.random.choice(RECOMMEND)} {self.words(self.random.randint(12, 28))}."
                 for _ in range(count)]
        return "::: recommendations\n" + "\n".join(items) + "\n:::"

    def extra_block(self) -> str:
        r = self.random
        kind = r.random()
        if kind < 0.35:
            letters = "abcdefgh"
            return "\n".join(f"{letters[i]}) {self.sentence(r.randint(10, 25))[:-1]};"
                             for i in range(r.randint(2, 5)))
        if kind < 0.6:
            return "\n".join(f"- {self.sentence(r.randint(6, 18))}" for _ in range(r.randint(2, 6)))
        if kind < 0.8:
            return "> " + self.sentence(r.randint(20, 40))
        rows = "\n".join(f"| {r.choice(PLACES)} | {r.randint(2008, 2024)} | {r.randint(3, 900)} | {self.words(4)} |"
                         for _ in range(r.randint(3, 8)))
        return "| Province | Year | Cases | Remarks |\n|---|---:|---:|---|\n" + rows

    def section(self, index: int, words: int, notes: int, annex: bool = False) -> str:
        """A section file of about `words` body words (headings and recommendations included);
        an annex is outside the word limit."""
        r = self.random
        title = "# Executive summary" if index == 1 else f"# {self.words(r.randint(3, 7)).capitalize()}"
        recommendations = self.recommendations(r.randint(3, 8))
        out = ["---", f"owner: {r.choice(['PKPA', 'YKAI', 'ECPAT Indonesia', 'LADA'])}",
               f"status: {r.choice(['review', 'final'])}", *(["annex: true"] if annex else []), "---", "",
               title, ""]
        if index == 1:
            out += ["Since the previous review, the State has implemented recommendation 104.3 only in part.", ""]
        budget = words - len(title.split()) - len(recommendations.split()) + 4
        written, called, labelled = 0, 0, []
        for p in itertools.count():
            if written >= budget - 30 and called == notes:
                break
            heading = ""
            if p and p % 6 == 0:
                heading = f"## {self.words(r.randint(2, 6)).capitalize()}"
            elif p and p % 3 == 0 and r.random() < 0.3:
                heading = f"### {self.words(r.randint(2, 5)).capitalize()} {{.unnumbered}}"
            if heading:
                out += [heading, ""]
                written += len(heading.split()) - 1
            if r.random() < 0.06:
                block = self.extra_block()
                out += [block, ""]
                written += len(block.split())
            length = min(r.randint(70, 150), max(20, budget - written))
            # Notes follow the words: the last paragraph takes what is left.
            due = notes if written + length >= budget - 30 else notes * (written + length) // budget
            text, count = self.paragraph(length, due - called, index, labelled)
            called, written = due, written + count
            out += [text, ""]
            out += [*labelled, ""] if labelled else []
            labelled.clear()
        out += [f"## Recommendations {{#rec-{index}}}", "", recommendations, ""]
        return "\n".join(out)

    # Bibliography ----------------------------------------------------------------------------------

    def person(self) -> str:
        return f"{self.random.choice(FAMILY)}, {self.random.choice(GIVEN)}"

    def entry(self, key: str) -> str:
        r = self.random
        kind = r.random()
        title = self.words(r.randint(4, 12)).capitalize()
        if r.random() < 0.3:
            title += ": {" + r.choice(["Indonesia", "ASEAN", "UPR", "CEDAW"]) + "} " + self.words(3)
        fields = {"title": title, "year": str(r.randint(2018, 2022))}
        if kind < 0.4:
            kind_name = "report"
            author = r.choice(CORPORATE)
            fields["author"] = "{" + author + "}"
            if author in SHORT:
                fields["shortauthor"] = SHORT[author]
            fields["number"] = f"A/HRC/{r.randint(10, 55)}/{r.randint(1, 80)}"
            fields["location"] = r.choice(CITIES)
        elif kind < 0.6:
            kind_name = "book"
            fields["author"] = " and ".join(self.person() for _ in range(r.randint(1, 4)))
            fields["publisher"] = r.choice(PUBLISHERS)
            fields["location"] = r.choice(CITIES)
            if r.random() < 0.3:
                fields["edition"] = str(r.randint(2, 4))
        elif kind < 0.8:
            kind_name = "article"
            fields["author"] = " and ".join(self.person() for _ in range(r.randint(1, 3)))
            fields["journal"] = r.choice(JOURNALS)
            fields["volume"] = str(r.randint(1, 45))
            fields["number"] = str(r.randint(1, 4))
            first = r.randint(1, 400)
            fields["pages"] = f"{first}--{first + r.randint(8, 40)}"
        else:
            kind_name = "misc"
            fields["author"] = "{" + r.choice(CORPORATE) + "}"
            fields["howpublished"] = r.choice(["press release", "brochure", "web page", "fact sheet"])
            fields["url"] = f"https://example.org/{self.words(1)}/{key}%20{r.randint(1, 99)}.pdf"
            fields["urldate"] = f"{r.randint(2020, 2022)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        if r.random() < 0.2:
            fields["shorttitle"] = title.split(":")[0].split()[0].capitalize() + " " + self.words(2)
        body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields.items())
        return f"@{kind_name}{{{key},\n{body},\n}}\n"

    def bibliography(self) -> str:
        header = "% Synthetic bibliography made by benchmarks/generate.py.\n\n"
        return header + "\n".join(self.entry(key) for key in self.keys)


def wrap(text: str, width: int = 100) -> str:
    """Break a paragraph into lines of at most `width` characters, as authors' editors do."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


CONFIG = """\
title: Synthetic report for the reportgen benchmark
subtitle: {words} words, {notes} notes, {entries} bibliography entries
state: Indonesia
session: 41
cycle: 4
submission: joint
date: 2022-11-07
coalition:
  name: Synthetic Coalition for Children's Rights
  acronym: SCCR
  description: >-
    A coalition of organisations working for the rights of children, made up for the benchmark.
organisations:
  - {{name: Pusat Kajian dan Perlindungan Anak, acronym: PKPA}}
  - {{name: Yayasan Kesejahteraan Anak Indonesia, acronym: YKAI}}
  - {{name: Lembaga Advokasi Anak, acronym: LADA}}
contact: {{name: A. Coordinator, email: coordinator@example.org}}
keywords: [child trafficking, sexual exploitation]
notes: footnotes
output_name: report
"""


def write_project(folder: Path, size: Size, seed: int = 1) -> Path:
    """Write a complete project into `folder` (replacing its sections) and return the folder."""
    writer = Writer(size, seed)
    sections = size.sections or max(1, round(size.words / 2500))
    (folder / "report").mkdir(parents=True, exist_ok=True)
    section_dir = folder / "sections"
    section_dir.mkdir(exist_ok=True)
    for old in section_dir.glob("*.md"):
        old.unlink()
    (folder / "report" / "report.yaml").write_text(
        CONFIG.format(words=size.words, notes=size.notes, entries=size.entries), encoding="utf-8")
    base_words, extra_words = divmod(size.words, sections)
    base_notes, extra_notes = divmod(size.notes, sections)
    written = 0
    for i in range(sections):
        words = base_words + (i < extra_words)
        # What goes beyond a joint submission's limit is annexed, as coalitions annex detailed reports.
        annex = written + words > 5630
        written += 0 if annex else words
        text = writer.section(i + 1, words, base_notes + (i < extra_notes), annex)
        (section_dir / f"{i + 1:02d}-section.md").write_text(text, encoding="utf-8")
    (folder / "references.bib").write_text(writer.bibliography(), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", choices=sorted(SIZES), help="one of the benchmark's sizes")
    parser.add_argument("--words", type=int, default=5630)
    parser.add_argument("--notes", type=int, default=40)
    parser.add_argument("--entries", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    size = SIZES[args.size] if args.size else Size(args.words, args.notes, args.entries)
    print(write_project(args.folder, size, args.seed))


if __name__ == "__main__":
    main()
