"""Independent sources: reprints found in every command, whom an outlet credits, agreement counted by origin."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from reconcile import claims_from_text
from reconcile.check import check_sources
from reconcile.cli import main
from reconcile.copies import copies
from reconcile.model import Source, Verdict
from reconcile.pipeline import build_report
from reconcile.report import render, report_records
from reconcile.rules import RuleFile, RuleSet

DAY = dt.date(2025, 3, 4)

# A wire story of six paragraphs, and an independent report of the same event in other words.
WIRE = (
    "RIVERTON (Metro Wire) - Flooding along the Cedar River forced 2,400 people from their homes on "
    "Monday, county officials said, after three days of heavy rain swelled the river past its banks. "
    "The county opened four shelters in school gyms and asked residents of low-lying streets to leave "
    "before nightfall. Emergency crews rescued 37 people from cars and rooftops, the fire chief said. "
    "The river crested at 6.2 meters late on Monday, its highest level since the spring of 1998, "
    "according to the national weather service. Power was cut to 11,000 homes as water reached two "
    "substations, the utility said in a statement. Schools across the county will stay closed until "
    "at least Thursday while engineers inspect bridges and roads. The governor said the state would "
    "send 200 National Guard troops to help with sandbags and evacuations. Residents were told to boil "
    "their water until further notice because the treatment plant had been swamped."
)
OWN = (
    "Hundreds of families spent the night on camp beds after the Cedar River burst its banks. Shelter "
    "volunteers handed out blankets and hot soup as buses brought evacuees from the flooded east side. "
    "Officials put the number forced from their homes at 2,400, and said 37 people had been pulled from "
    "the water by boat crews. Many residents said they had never seen the river rise so fast. A local "
    "pastor opened his church hall to pets, which the shelters would not take. Shop owners on the main "
    "street piled sandbags against their doors and waited for the water to go down."
)


def source(id_: str, text: str, *, day: dt.date | None = DAY, outlet: str | None = None) -> Source:
    return Source(id=id_, path=f"{id_}.txt", text=text, published=day, outlet=outlet or id_.title())


# --- copies ------------------------------------------------------------------------------------

def _edited(text: str) -> str:
    return text.replace("forced", "drove").replace("heavy rain", "torrential rain").replace(" said", " stated", 2)


@pytest.mark.parametrize("make", [
    pytest.param(lambda t: t[: len(t) // 3].rsplit(".", 1)[0] + ".", id="excerpt of its first third"),
    pytest.param(lambda t: t + " Local reporters will follow the cleanup all week in a live blog for readers.",
                 id="a paragraph added"),
    pytest.param(_edited, id="lightly edited"),
    pytest.param(lambda t: t, id="verbatim"),
])
def test_a_reprint_is_a_copy_of_the_wire_story(rules, make):
    wire = source("wire", WIRE)
    reprint = source("reprint", make(WIRE), day=DAY + dt.timedelta(days=1))
    assert copies((reprint, wire), rules) == [("reprint", "wire")]


def test_two_reports_of_one_event_in_their_own_words_are_not_copies(rules):
    assert copies((source("wire", WIRE), source("own", OWN)), rules) == []


def test_the_original_is_the_earlier_else_the_longer(rules):
    excerpt = WIRE[: len(WIRE) // 2].rsplit(".", 1)[0] + "."
    # Published first, the excerpt is the original the full text extends.
    assert copies((source("full", WIRE, day=DAY + dt.timedelta(days=1)), source("cut", excerpt)), rules) \
        == [("full", "cut")]
    # On one day, or undated, the longer is the original.
    assert copies((source("full", WIRE), source("cut", excerpt)), rules) == [("cut", "full")]
    assert copies((source("full", WIRE, day=None), source("cut", excerpt, day=None)), rules) == [("cut", "full")]


def test_a_copy_of_a_copy_points_at_the_first_original(rules):
    found = copies((source("c", WIRE, day=DAY + dt.timedelta(days=2)), source("b", WIRE, day=DAY + dt.timedelta(
        days=1)), source("a", WIRE)), rules)
    assert found == [("b", "a"), ("c", "a")]


def test_a_text_too_short_to_tell_is_nobody_s_copy(rules):
    headline = "Flooding along the Cedar River forced 2,400 people from their homes"
    assert copies((source("wire", WIRE), source("headline", headline)), rules) == []


def test_the_containment_threshold_is_a_rule(rules, tmp_path):
    from reconcile.errors import RuleError

    strict = _with_rule(rules, "align", {"copies": {"shingle_words": 5, "containment": 1.0, "min_shingles": 20}})
    assert copies((source("wire", WIRE), source("edited", _edited(WIRE))), strict) == []
    broken = _with_rule(rules, "align", {"copies": {"shingle_words": 5, "containment": 0, "min_shingles": 20}})
    with pytest.raises(RuleError, match="containment"):
        copies((source("wire", WIRE),), broken)


def _with_rule(rules: RuleSet, type_: str, data: dict) -> RuleSet:
    """The rules with a file of one type's settings added after the others (it wins)."""
    extra = RuleFile(path="<test>", name=f"test-{type_}", type=type_, language="any", description="test",
                     data=data, examples=())
    return RuleSet((*rules.files, extra))


# --- credits -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "claim", "credited", "anonymous"), [
    ("The plant will cut 300 jobs, according to the Valley Herald.", "300 jobs", "the Valley Herald", False),
    ("Metro News reported that 14 people were hurt.", "14 people", "Metro News", False),
    ("The Valley Herald first reported the $2 million payment.", "$2 million", "The Valley Herald", False),
    ("The council approved the $4 million plan, the Daily Ledger said.", "$4 million", "the Daily Ledger", False),
    ("The mayor told XTV that 9 homes were lost.", "9 homes", "XTV", False),
    ("The mayor said in an interview with the Evening Courier that 9 homes were lost.", "9 homes",
     "the Evening Courier", False),
    ("A report by the Harbor Times put the bill at $8 million.", "$8 million", "the Harbor Times", False),
    ("The deal is worth $8 million, citing the Harbor Times.", "$8 million", "the Harbor Times", False),
    ("The firm will pay $6 million, the broadcaster Radio Nord said.", "$6 million", "Radio Nord", False),
    ("The minister told broadcaster Nordvisjon that 880 homes were lost.", "880 homes", "Nordvisjon", False),
    ("The vote was 3-2, according to the XTV report.", "3-2", "XTV", False),
    ("A Valley Post review of 40 cases found gaps.", "40 cases", "Valley Post", False),
    ("A Senate review of 40 cases found gaps.", "40 cases", None, False),
    ("The bank will shed 500 jobs, people familiar with the matter said.", "500 jobs", None, True),
    ("The bank will shed 500 jobs, according to a person familiar with the plans.", "500 jobs", None, True),
    ("Metro News, citing sources close to the talks, said 500 jobs would go.", "500 jobs", "Metro News", True),
    # Not a news organisation: a body speaking for itself is no credit.
    ("The agency said 500 jobs would go.", "500 jobs", None, False),
    ("Officials counted 75 homes, according to the city.", "75 homes", None, False),
    ("NASB said 40 homes flooded.", "40 homes", None, False),
    ("Police in New York reported 3 arrests.", "3 arrests", None, False),
])
def test_a_claim_carries_whom_its_sentence_credits(rules, text, claim, credited, anonymous):
    found = {c.text: c for c in claims_from_text(text, rules)}
    assert (found[claim].credited, found[claim].anonymous) == (credited, anonymous)


def test_the_newspaper_names_the_organisation_credited_before(rules):
    text = ("The deal is worth $5 million, the Valley Herald reported. It runs for 3 years, according to the "
            "newspaper. The mayor said 12 homes were lost.")
    found = {c.text: c.credited for c in claims_from_text(text, rules)}
    assert found == {"$5 million": "the Valley Herald", "3 years": "the Valley Herald", "12 homes": None}


def test_a_dateline_credits_the_whole_article_and_a_story_outlet_is_news(rules):
    text = "RIVERTON (Metro Wire) - Floods forced 2,000 people from their homes. Crews rescued 37 people."
    assert {c.text: c.credited for c in claims_from_text(text, rules) if c.kind.value == "count"} \
        == {"2,000 people": "Metro Wire", "37 people": "Metro Wire"}
    # "told Nordpost" credits only once the story knows Nordpost as an outlet.
    plain = Source(id="s", path="s.txt", text="The mayor told Nordpost that 9 homes were lost.", published=DAY)
    assert [c.credited for c in build_report((plain,), rules).claims if c.text == "9 homes"] == [None]
    assert [c.credited for c in build_report((plain, source("n", OWN, outlet="Nordpost")), rules).claims
            if c.text == "9 homes"] == ["Nordpost"]


def test_a_user_pack_names_news_organisations_no_pattern_knows(rules):
    text = "The mayor said 9 homes were lost, according to Nordpost."
    assert [c.credited for c in claims_from_text(text, rules) if c.text == "9 homes"] == [None]
    known = RuleSet((*rules.files, RuleFile(path="<test>", name="test-credits", type="credits", language="en",
                                            description="test", data={"organisations": ["Nordpost"]},
                                            examples=())))
    assert [c.credited for c in claims_from_text(text, known) if c.text == "9 homes"] == ["Nordpost"]


# --- counting by origin ------------------------------------------------------------------------

def _groups_with(report, text):
    by_id = {c.id: c for c in report.claims}
    return [g for g in report.groups if any(by_id[c].text == text for c in g.claims)]


def test_three_reprints_and_one_independent_outlet_are_an_agreement_of_two_origins(rules):
    wire = source("wire", WIRE, outlet="Metro Wire")
    reprints = [source(f"r{k}", WIRE, day=DAY + dt.timedelta(days=1), outlet=f"Paper {k}") for k in (1, 2, 3)]
    own = source("own", OWN, outlet="Valley Herald")
    report = build_report((wire, *reprints, own), rules)
    assert sorted(report.copies) == [("r1", "wire"), ("r2", "wire"), ("r3", "wire")]
    [group] = _groups_with(report, "37 people")
    assert group.verdict is Verdict.AGREE and "copies" in group.flags
    assert group.explanation == "Metro Wire (and 3 reprints) and Valley Herald both say 37 people"
    # A fact only the wire story states stays its own, however often it is reprinted.
    [alone] = _groups_with(report, "11,000 homes")
    assert alone.verdict is Verdict.SINGLE_SOURCE and "copies" in alone.flags
    assert alone.explanation.startswith("only Metro Wire states this: 11,000 homes (")
    assert "Paper 1, Paper 2 and Paper 3 reprint it" in alone.explanation


def test_a_fact_stated_only_by_an_outlet_and_those_crediting_it_is_single_source(rules):
    herald = source("herald", "The Valley Herald found that the county paid $3.2 million for the levee repairs.",
                    outlet="the Valley Herald")
    crediting = source("crediting", "The county paid $3.2 million for the levee repairs, according to the "
                       "Valley Herald.", outlet="Lakeside Post")
    report = build_report((herald, crediting), rules)
    [group] = _groups_with(report, "$3.2 million")
    assert group.verdict is Verdict.SINGLE_SOURCE and "credited" in group.flags
    assert group.explanation == "only the Valley Herald states this: $3.2 million (Lakeside Post credits it)"


def test_two_outlets_crediting_an_absent_organisation_are_its_one_origin(rules):
    a = source("a", "The county paid $3.2 million for the levee repairs, according to the Valley Herald.")
    b = source("b", "The Valley Herald reported that the county paid $3.2 million for the levee repairs.")
    [group] = _groups_with(build_report((a, b), rules), "$3.2 million")
    assert group.verdict is Verdict.SINGLE_SOURCE and "credited" in group.flags
    assert group.explanation.startswith("only the Valley Herald states this")


def test_outlets_crediting_one_origin_that_differ_are_flagged_same_origin(rules):
    a = source("a", "The county paid $3.2 million for the levee repairs, according to the Valley Herald.",
               outlet="Lakeside Post")
    b = source("b", "The county paid $3.8 million for the levee repairs, the Valley Herald reported.",
               outlet="Hill Times")
    [group] = _groups_with(build_report((a, b), rules), "$3.2 million")
    assert group.verdict is Verdict.CONFLICT and {"credited", "same_origin"} <= set(group.flags)
    assert "Lakeside Post, crediting the Valley Herald, says $3.2 million" in group.explanation
    assert "one of them misreports it" in group.explanation


def test_independent_outlets_that_differ_are_no_same_origin(rules):
    a = source("a", "The county paid $3.2 million for the levee repairs, the mayor said.")
    b = source("b", "The county paid $3.8 million for the levee repairs, officials said.")
    [group] = _groups_with(build_report((a, b), rules), "$3.2 million")
    assert group.verdict is Verdict.CONFLICT and "same_origin" not in group.flags


def test_counting_outlets_keeps_an_agreement_between_a_page_and_its_reprint(rules):
    outlets = _with_rule(rules, "judge", {"counting": "outlets"})
    wire, reprint = source("wire", WIRE, outlet="Metro Wire"), source("reprint", WIRE, outlet="Gazette")
    [group] = _groups_with(build_report((wire, reprint), outlets), "11,000 homes")
    assert group.verdict is Verdict.AGREE and "copies" in group.flags
    [counted] = _groups_with(build_report((wire, reprint), rules), "11,000 homes")
    assert counted.verdict is Verdict.SINGLE_SOURCE


# --- reports and commands ----------------------------------------------------------------------

def test_every_report_shows_the_copies_and_the_credits(rules):
    report = build_report((source("wire", WIRE, outlet="Metro Wire"),
                           source("reprint", WIRE, day=DAY + dt.timedelta(days=1), outlet="Gazette")), rules)
    records = report_records(report)
    assert records["copies"] == [["reprint", "wire"]]
    assert {s["id"]: s["copy_of"] for s in records["sources"]} == {"wire": None, "reprint": "wire"}
    assert any(c["credited"] == "Metro Wire" for c in records["claims"])
    assert "Gazette reprints Metro Wire: one origin" in render("terminal", records)
    assert "- Gazette reprints Metro Wire: one origin" in render("markdown", records)
    csv = render("csv", records).splitlines()
    header = csv[0].split(",")
    assert {"copy_of", "credited", "anonymous"} <= set(header)
    row = next(line.split(",") for line in csv[1:] if line.split(",")[header.index("source")] == "reprint")
    assert row[header.index("copy_of")] == "Metro Wire"


def test_compare_on_the_command_line_lists_copies(tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "reprint.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "own.txt").write_text(OWN, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    # Undated and alike in length: the original is the first by id.
    assert json.loads(result.output)["copies"] == [["wire", "reprint"]]


def test_check_finds_copies_among_its_sources_and_counts_their_disagreement_once(rules):
    wire = source("wire", WIRE, outlet="Metro Wire")
    reprint = source("reprint", WIRE.replace("2,400", "2,600"), day=DAY + dt.timedelta(days=1), outlet="Gazette")
    draft = dataclasses.replace(source("draft", "Flooding forced 2,400 people from their homes on Monday, county "
                                       "officials said."), published=None, outlet=None)
    result = check_sources((draft,), (wire, reprint), rules)
    assert result.copies == (("reprint", "wire"),)
    notes = [n for f in result.findings for n in f.notes]
    assert all("same_origin" in n or "one of them misreports" in n for n in notes if "disagree" in n)
