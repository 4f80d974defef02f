"""A bibliography of every BibLaTeX entry type and every field the UN note style prints
(tests/fixtures/biblatex/references.bib), each entry cited twice, plain then with a locator: every first
note is compared with a note written by hand, so none loses a field; every later note must identify its
work; and the README's examples per entry type, in English and French, are what reportgen prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen import model as m
from reportgen.errors import Problems
from reportgen.load.project import Project
from reportgen.pipeline import load_model

from .conftest import ROOT, write_project

BIB = (Path(__file__).parent / "fixtures" / "biblatex" / "references.bib").read_text(encoding="utf-8")

# The first note of each entry, written by hand from the rules in the README ("Notes").
EXPECTED = {
    "knuth:tex": "Donald E. Knuth, TeX: The Program, vol. B of Computers & Typesetting (Reading, Mass., "
                 "Addison-Wesley, 1986).",
    "nussbaum": "Martha C. Nussbaum, Women and Human Development: The Capabilities Approach (Cambridge, Cambridge "
                "University Press, 2000), 312 pp.",
    "brownlie": "Ian Brownlie, Principles of Public International Law, 5th ed. (Oxford, Clarendon Press, 1998; first "
                "published 1966).",
    "hegel": "Georg Wilhelm Friedrich Hegel, Phenomenology of Spirit, Terry Pinkard, ed. and trans. (Cambridge, "
             "Cambridge University Press, 2018; first published 1807).",
    "cicero": "H. Rackham, ed. and trans., De natura deorum (in Latin), with an English translation, Loeb Classical "
              "Library No. 268 (Cambridge, Mass., Harvard University Press, 1933).",
    "aristotle:physics": "Aristotle, Physics, P. H. Wicksteed and F. M. Cornford, trans., 2 vols. (New York, G. P. "
                         "Putnam, 1929).",
    "aristotle:works": "Jonathan Barnes, ed., The Complete Works of Aristotle: The Revised Oxford Translation, 2 "
                       "vols., Bollingen Series No. 71 (Princeton, Princeton University Press, 1984).",
    "aristotle:vol1": "Jonathan Barnes, ed., Volume One, vol. 1 of The Complete Works of Aristotle: The Revised Oxford "
                      "Translation, 2 vols., Bollingen Series No. 71 (Princeton, Princeton University Press, 1984).",
    "kant:kpv": "Immanuel Kant, “Kritik der praktischen Vernunft” (in German), in Immanuel Kant, Kants Werke, vol. 5 "
                "(Berlin, Walter de Gruyter, 1968), pp. 1–163.",
    "kant:gms": "Immanuel Kant, Grundlegung zur Metaphysik der Sitten, in Kants Werke, vol. 4 (Berlin, Walter de "
                "Gruyter, 1968), pp. 385–463.",
    "doe:introduction": "Jane Doe, “Introduction”, in Richard Roe, Selected Essays (Paris, Pedone, 2004), pp. vii–xx.",
    "amnesty:rights": "Amnesty International, Know Your Rights, Pamphlet distributed at the border (London, May 2019).",
    "alston": "Philip Alston and Ryan Goodman, eds., International Human Rights, 2nd ed. (Oxford, Oxford University "
              "Press, 2013).",
    "chesterman": "Simon Chesterman, ed., Human Rights Law, 3 vols. (London, Routledge, 2008–2010).",
    "nowak:torture": "Manfred Nowak, “Torture and Enforced Disappearance”, in International Human Rights, Philip "
                     "Alston and Ryan Goodman, eds., 2nd ed. (Oxford, Oxford University Press, 2013), pp. 151–182.",
    "choucri": "Nazli Choucri, “Migration in the Middle East: Transformations, Policies, and Processes”, in The Middle "
               "East: Oil, Conflict, and Hope, A. L. Udovitch, ed. (Lexington, Massachusetts, Lexington Books, 1976), "
               "pp. 95–130.",
    "roe:preface": "Richard Roe, “Preface”, in Essays on Torture, Jane Doe, ed. (Oxford, Hart, 2010).",
    "lee:detention": "Min Lee, “Detention”, in Essays in Honour of Philip Alston (Oxford, Oxford University Press, "
                     "2014), pp. 20–41.",
    "worldbank:wdi": "World Bank, World Development Indicators, version 2.1 (30 July 2021). Available at "
                     "https://databank.worldbank.org/source/world-development-indicators (accessed on 1 September "
                     "2021).",
    "iom:handbook": "International Organization for Migration, Counter-Trafficking Handbook, 3rd ed. (Geneva, 2019).",
    "doe:letter": "Jane Doe, Letter to the Minister of Justice, Open letter (17 March 2020). Copy on file with the "
                  "author.",
    "hrw:papua": "Human Rights Watch, Indonesia: End Abuse of Papuan Activists (12 August 2021). Available at "
                 "https://www.hrw.org/news/2021/08/12/indonesia (accessed on 1 September 2021).",
    "roe:pump": "Richard Roe, Water purification device, Acme Corporation, U.S. patent US 7,000,001 (United States of "
                "America, 14 February 2006).",
    "hrq:special": "Jane Doe, ed., Human Rights Quarterly, Special issue on torture, vol. 40, No. 3 (August 2018).",
    "roe:editorial": "Richard Roe, “Editorial”, Human Rights Quarterly, vol. 40, No. 3 (August 2018), pp. 1–2.",
    "transition": "Jane Doe and Richard Roe, eds., Human Rights in Transition, Annual Conference of the Human Rights "
                  "Law Centre, Nottingham, 12–13 June 2015 (London, Routledge, 2016).",
    "congress": "Richard Roe, ed., Proceedings of the World Congress on Human Rights, 4 vols. (Dordrecht, Nijhoff, "
                "1990).",
    "smith:truth": "Anna Smith, “Truth Commissions”, in Human Rights in Transition, Jane Doe and Richard Roe, eds., "
                   "Annual Conference of the Human Rights Law Centre, Nottingham, 12–13 June 2015 (London, Routledge, "
                   "2016), pp. 45–60.",
    "lee:shadow": "Min Lee, “Shadow Reporting”, in Proceedings of the Asia-Pacific Forum (Bangkok, Asia Pacific Forum, "
                  "2019), pp. 3–9.",
    "mpepil": "Rüdiger Wolfrum, ed., Max Planck Encyclopedia of Public International Law, 10 vols. (Oxford, Oxford "
              "University Press, 2012).",
    "genocide": "Dinah Shelton, ed., Encyclopedia of Genocide and Crimes against Humanity, 3 vols. (Detroit, Macmillan "
                "Reference, 2005).",
    "kalin:idp": "Walter Kälin, “Internally Displaced Persons”, in Max Planck Encyclopedia of Public International "
                 "Law, Rüdiger Wolfrum, ed., 10 vols., vol. 5 (Oxford, Oxford University Press, 2012), pp. 1–10.",
    "wg:idn1": "Human Rights Council, Report of the Working Group on the Universal Periodic Review: Indonesia, "
               "A/HRC/8/23 "
               "(Geneva, 14 May 2008). Available at https://undocs.org/A/HRC/8/23 (accessed on 1 March 2021).",
    "wg:idn2": "Human Rights Council, Report of the Working Group on the Universal Periodic Review: Indonesia, "
               "A/HRC/21/7 (Geneva, 5 July 2012).",
    "icjr:prisons": "Jane Doe, Prison Conditions in Java, technical report 12 (Jakarta, Institute for Criminal Justice "
                    "Reform, 2017).",
    "unicef:marriage": "UNICEF, Child Marriage in Indonesia, vol. 2, Research Briefs No. 4, research report (Jakarta, "
                       "UNICEF Indonesia, February 2020).",
    "ohchr:2020": "Office of the United Nations High Commissioner for Human Rights, Annual report (Geneva, 2020).",
    "ohchr:2021": "Office of the United Nations High Commissioner for Human Rights, Annual report (Geneva, 2021).",
    "putri": "Ayu Putri, “Customary Law and Land Rights in Papua”, Master’s thesis (Depok, Universitas Indonesia, "
             "2015).",
    "alvarez": "Emmanuel Alvarez, “Essays on fiscal policy”, PhD thesis (Harvard University, 2003).",
    "kim:migrants": "Lee Kim, “Migrant Workers”, Master’s thesis (University of Malaya, June 2011).",
    "roe:principles": "Richard Roe, “Draft Principles on Detention” (2022, in preparation). Paper presented to the "
                      "Expert Group.",
    "doe:rightsdb": "Jane Doe, rightsdb, version 1.4 (2020). Available at https://example.org/rightsdb and "
                    "https://doi.org/10.5281/zenodo.1234.",
    "doe:parts": "Jane Doe, “Remedies, part one”, Journal of Human Rights Practice, vol. 1 (2009), pp. 1–10; Jane Doe, "
                 "“Remedies, part two”, Journal of Human Rights Practice, vol. 2 (2010), pp. 11–20.",
    "shelton:remedies": "Dinah Shelton, Remedies in International Human Rights Law, 3rd ed. (Oxford, Oxford University "
                        "Press, 2015).",
    "doe:custom": "Jane Doe, Custom entry (2000).",
    "kahlo": "Frida Kahlo, Las dos Fridas (Mexico City, 1939).",
    "rfa:interview": "Radio Free Asia, Interview with a former detainee (2 November 2019). Available at "
                     "https://www.rfa.org/english/interview (accessed on 15 January 2020).",
    "note:sources": "See also the sources in the annex.",
    "nowak:ccpr": "Manfred Nowak, U.N. Covenant on Civil and Political Rights: CCPR Commentary, 2nd ed. (Kehl, N.P. "
                  "Engel, 2005).",
    "doe:protest": "Jane Doe, Protest in Jakarta, Photograph (24 September 2019).",
    "velasquez": "Inter-American Court of Human Rights, Velásquez Rodríguez v. Honduras, Series C No. 4 (29 July "
                 "1988).",
    "law:child": "Law No. 35 of 2014 on the Amendment to Law No. 23 of 2002 on Child Protection (Indonesia, 17 October "
                 "2014).",
    "cat": "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment (New York, "
           "10 December 1984). United Nations, Treaty Series, vol. 1465, p. 85.",
    "guterres": "António Guterres, Letter to the President of the Security Council (1 April 2020).",
    "act:killing": "Joshua Oppenheimer, dir., The Act of Killing (Copenhagen, Final Cut for Real, 2012).",
    "fals": "Iwan Fals, Bongkar (Jakarta, Musica Studio’s, 1989).",
    "doe:testimony": "Jane Doe, Testimony, Teater Garasi (Yogyakarta, 2 March 2018).",
    "roe:review": "Richard Roe, “Review of Rights: A History”, Journal of Human Rights, vol. 9, No. 1 (2010), "
                  "pp. 120–122.",
    "iso690": "International Organization for Standardization, Information and documentation: Guidelines for "
              "bibliographic references and citations to information resources, ISO 690:2021 (Geneva, June 2021).",
    "ohchr:upr": "OHCHR, UPR explained, YouTube (2017). Available at https://www.youtube.com/watch?v=abc (accessed on "
                 "5 May 2020).",
    "komnasham": "Komnas HAM, Annual Report 2019 (2020). Available at https://www.komnasham.go.id/.",
    "uprinfo": "UPR Info, UPR Info Database. Available at https://upr-info-database.uwazi.io (accessed on 10 January "
               "2022).",
    "benedick": "Richard Elliot Benedick, “Human population and environmental stresses in the twenty-first century”, "
                "Environmental Change and Security Project Report, No. 6 (Summer 2000), pp. 5–18.",
    "dunn": "Jonathan Dunn et al., “Legal empowerment of the poor”, Law and Society: A Review, new series, vol. 23, "
            "No. 2 (April 2001), pp. 100–120.",
    "vaswani": "Ashish Vaswani et al., “Attention Is All You Need”, Advances in Neural Information Processing Systems, "
               "vol. 30 (2017). arXiv:1706.03762 [cs.CL]. Available at https://doi.org/10.48550/arXiv.1706.03762.",
    "sen": "Amartya Sen, “Human Rights and Capabilities”, Journal of Human Development, vol. 6, No. 2 (2005), "
           "pp. 151–166. hdl:10419/12345.",
    "henkin": "Louis Henkin, “The Age of Rights”, Columbia Law Review, vol. 89 (1989), pp. 1–20. JSTOR 4141234.",
    "steel": "Zachary Steel, Tien Chey and Derrick Silove, “Association of Torture and Other Potentially Traumatic "
             "Events With Mental Health Outcomes”, JAMA, vol. 302, No. 5 (5 August 2009), pp. 537–549. PMID 19654388. "
             "Available at https://doi.org/10.1001/jama.2009.1132.",
    "doe:oldrights": "Jane Doe, Old Rights (London, Macmillan, 1901). Google Books abcDEF123.",
    "hariyanto": "Budi Hariyanto, “Activists detained in Jayapura”, The Jakarta Post (2 September 2019). Available at "
                 "https://www.thejakartapost.com/news/2019/09/02/activists.html (accessed on 3 September 2019).",
    "doe:forthcoming": "Jane Doe, “Forthcoming piece”, Asian Journal of International Law (forthcoming).",
    "roe:nqhr": "Richard Roe, “Editorial”, Netherlands Quarterly of Human Rights, vol. 30, No. 4, Special Issue on "
                "Business and Human Rights (December 2012), pp. 363–366.",
    "doe:opendata": "Jane Doe, “Open Data”, Data Journal, vol. 1 (2020). Available at https://example.org/open "
                    "(accessed on 2 January 2021) and https://doi.org/10.1000/xyz.",
    "roe:prisons": "Richard Roe, Prisons (Oxford, Hart, 2012). With a new preface. Reprinted 2015.",
    "doe:testimonies": "Jane Doe, Testimonies, Ayu Putri, comp., annotated by Anna Smith, introduction by Lee Kim, "
                       "foreword by Richard Roe, afterword by Min Lee (Paris, Pedone, 2016).",
    "roe:treatise": "Richard Roe, A Treatise on Detention, vol. 2, pt. 1 (Leiden, Brill, 1999).",
    "doe:manual": "Jane Doe, ed., Manual of Practice, Richard Roe, rev. (The Hague, Asser, 2005).",
    "gilgamesh": "Richard Roe, trans., The Epic of Gilgamesh (London, Penguin, 1999).",
    "roe:refugee": "Richard Roe, Refugee Law, Revised and expanded edition (Oxford, Oxford University Press, 2007).",
    "doe:remedies": "Jane Doe, “Remedies”, in Handbook of Human Rights Practice, ch. 7 (Oxford, Hart, 2011).",
    "chronicle": "Chronicle of Java (Batavia, Batavia Press, 1820?).",
    "decade": "Komnas Perempuan, Archive of complaints (1990s).",
    "season": "KontraS, Newsletter (Spring 2011).",
    "openrange": "KontraS, Monitoring database (2015–).",
    "monthrange": "KontraS, Campaign on enforced disappearances (March–May 2011).",
    "strassenkinder": "Hans Müller, María de la Cruz and Søren Ørsted, Straßenkinder in Jakarta – Łódź and Beyond: 50% "
                      "of α (Berlin, Springer, 2003).",
    "games": "John Smith, Jr. and John von Neumann, Games (Princeton, Princeton University Press, 1944).",
    "goethe": "Johann Wolfgang von Goethe, Werke (Munich, Deutscher Taschenbuch Verlag and Walter de Gruyter, March "
              "1982).",
    "roe:superscript": "Richard Roe, Human Rights in the 21st Century (Leiden, Brill, 2001).",
}

# Entries the README shows for each entry type.
README_EXAMPLES = {
    "@article": "benedick", "@book": "brownlie", "@mvbook": "aristotle:works", "@inbook": "kant:kpv",
    "@bookinbook": "kant:gms", "@suppbook": "doe:introduction", "@booklet": "amnesty:rights",
    "@collection": "alston", "@mvcollection": "chesterman", "@incollection": "nowak:torture",
    "@suppcollection": "roe:preface", "@dataset": "worldbank:wdi", "@manual": "iom:handbook", "@misc": "doe:letter",
    "@online": "hrw:papua", "@patent": "roe:pump", "@periodical": "hrq:special", "@suppperiodical": "roe:editorial",
    "@proceedings": "transition", "@mvproceedings": "congress", "@inproceedings": "smith:truth",
    "@reference": "mpepil", "@mvreference": "genocide", "@inreference": "kalin:idp", "@report (UN document)": "wg:idn1",
    "@report": "unicef:marriage", "@techreport": "icjr:prisons", "@thesis": "putri", "@phdthesis": "alvarez",
    "@unpublished": "roe:principles", "@software": "doe:rightsdb", "@set": "doe:parts", "@customa": "doe:custom",
    "@artwork": "kahlo", "@audio": "rfa:interview", "@bibnote": "note:sources", "@commentary": "nowak:ccpr",
    "@image": "doe:protest", "@jurisdiction": "velasquez", "@legislation": "law:child", "@legal": "cat",
    "@letter": "guterres", "@movie": "act:killing", "@music": "fals", "@performance": "doe:testimony",
    "@review": "roe:review", "@standard": "iso690", "@video": "ohchr:upr",
}


def build(tmp_path, language: str = "en", keys=tuple(EXPECTED)) -> list[m.Note]:
    """The notes of a report citing each of `keys` plain, then each again with a locator."""
    body = " ".join(f"A[@{key}]." for key in keys) + "\n\n" + " ".join(f"B[@{key}, p. 5]." for key in keys) + "\n"
    root = write_project(tmp_path / language, {"sections/01.md": body, "references.bib": BIB,
                                               "report/report.yaml": f"title: T\nlanguage: {language}\n"})
    problems = Problems()
    notes = load_model(Project.at(root), problems).notes
    assert problems.items == []
    return list(notes)


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return build(tmp_path_factory.mktemp("fixture"))


def test_the_fixture_has_every_entry_type_and_more_than_80_entries():
    types = set(re.findall(r"^@(\w+)\{", BIB, flags=re.MULTILINE)) - {"string"}
    assert len(EXPECTED) >= 80
    assert {"article", "book", "mvbook", "inbook", "bookinbook", "suppbook", "booklet", "collection", "mvcollection",
            "incollection", "suppcollection", "dataset", "manual", "misc", "online", "patent", "periodical",
            "suppperiodical", "proceedings", "mvproceedings", "inproceedings", "reference", "mvreference",
            "inreference", "report", "set", "software", "thesis", "unpublished", "xdata", "customa", "artwork",
            "audio", "bibnote", "commentary", "image", "jurisdiction", "legislation", "legal", "letter", "movie",
            "music", "performance", "review", "standard", "video", "conference", "electronic", "mastersthesis",
            "phdthesis", "techreport", "www"} <= types


@pytest.mark.parametrize("index", range(len(EXPECTED)), ids=list(EXPECTED))
def test_every_first_note_is_the_note_written_by_hand(english, index):
    assert m.plain_text(english[index].blocks) == list(EXPECTED.values())[index]


def test_every_later_note_identifies_its_work(english):
    later = [m.plain_text(note.blocks) for note in english[len(EXPECTED):]]
    assert len(later) == len(EXPECTED) and all(note.endswith(", p. 5.") for note in later)
    assert len(set(later)) == len(later)  # no two works share a short form
    assert later[list(EXPECTED).index("wg:idn1")] == "A/HRC/8/23, p. 5."
    assert later[list(EXPECTED).index("ohchr:2020")] == "OHCHR, Annual report (2020), p. 5."
    assert later[list(EXPECTED).index("doe:parts")] == "Doe, “Remedies, part one”; Doe, “Remedies, part two”, p. 5."


def test_titles_are_italic_and_a_title_within_a_title_upright(english):
    review = english[list(EXPECTED).index("roe:review")].blocks[0].inlines
    assert review[:3] == (m.Text("Richard Roe, “Review of "), m.Emph((m.Text("Rights: A History"),)),
                          m.Text("”, "))
    book = english[list(EXPECTED).index("strassenkinder")].blocks[0].inlines
    assert m.Emph((m.Text("Straßenkinder in Jakarta – Łódź and "),)) in book and m.Text("Beyond") in book
    superscript = english[list(EXPECTED).index("roe:superscript")].blocks[0].inlines
    assert m.Emph((m.Superscript((m.Text("st"),)),)) in superscript


def markdown(nodes) -> str:
    """Note inlines as the README writes them: *italic*, <sup>superscript</sup>."""
    out = []
    for node in nodes:
        if isinstance(node, m.Emph):
            out.append(f"*{markdown(node.children)}*")
        elif isinstance(node, m.Superscript):
            out.append(f"<sup>{markdown(node.children)}</sup>")
        elif isinstance(node, m.Text):
            out.append(node.text)
        else:
            out.append(markdown(getattr(node, "children", ())))
    return re.sub(r"\*\*", "", "".join(out))


def readme_examples() -> dict[str, tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| Entry type | English | French |"):].split("\n\n", 1)[0].splitlines()[2:]
    return {cells[0].strip("` "): (cells[1], cells[2]) for cells in
            ([c.strip() for c in row.strip("|").split(" | ")] for row in table)}


def test_the_readme_shows_a_note_per_entry_type_in_english_and_french(english, tmp_path):
    keys = list(EXPECTED)
    french = build(tmp_path, "fr", keys)
    shown = readme_examples()
    assert list(shown) == list(README_EXAMPLES)
    for kind, key in README_EXAMPLES.items():
        index = keys.index(key)
        assert shown[kind] == (markdown(english[index].blocks[0].inlines),
                               markdown(french[index].blocks[0].inlines)), kind
