"""One judge for `compare` and `check`: every pair of the judging tables, judged both ways.

Each GROUP row of `test_align.py` states one fact in two to four invented sources. For every
two of its claims from different sources, the pair is run through `compare` (the two sources
alone) and through `check` (one source as the draft, the other as its only source, both ways
round). Both must read the pair alike:

- `compare` finds a discrepancy (conflict, quote_variant) exactly when `check` fails the draft,
  with the same verdict and the same flags;
- an agreeing pair with different speakers or media (flag attribution_conflict) is a finding
  `attribution_conflict` in `check`, with the same flags;
- otherwise `check` finds nothing, with one exception that is the check's own, since the draft
  is judged and not the source: a draft may quote less than its source prints, never more.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

import pytest
from click.testing import CliRunner

from reconcile import claims_from_text, compare
from reconcile.check import FAIL_ON, CheckOptions, check
from reconcile.cli import main
from reconcile.pipeline import build_report

from . import test_align
from .test_align import GROUPS, OUTLETS, PUBLISHED, group, story

DISCREPANCIES = ("conflict", "quote_variant")

# Rows on what a draft most often gets wrong in a quotation: editorial marks and attribution.
CLINIC = "\u201cWe will open the {} clinic before the winter storms arrive,\u201d {} said on Wednesday."
QUOTED = [
    group((CLINIC.format("[new]", "Dr. Lena Park"), CLINIC.format("", "Dr. Lena Park").replace("the  ", "the ")),
          [("a", "We will open the [new] clinic before the winter storms arrive,"),
           ("b", "We will open the clinic before the winter storms arrive,")], "quote_variant",
          id="quote-insertion-in-one"),
    group((CLINIC.format("\u2026", "Dr. Lena Park"), CLINIC.format("", "Dr. Lena Park").replace("the  ", "the ")),
          [("a", "We will open the \u2026 clinic before the winter storms arrive,"),
           ("b", "We will open the clinic before the winter storms arrive,")], "quote_variant",
          id="quote-ellipsis-in-one"),
    group(("In a statement, Dr. Lena Park said: \u201cWe will open the clinic before the winter storms arrive.\u201d",
           "In an interview, Dr. Lena Park said: \u201cWe will open the clinic before the winter storms "
           "arrive.\u201d"),
          [("a", "We will open the clinic before the winter storms arrive."),
           ("b", "We will open the clinic before the winter storms arrive.")], "agree", ["attribution_conflict"],
          id="quote-statement-and-interview"),
    group((CLINIC.format("", "Dr. Lena Park").replace("the  ", "the "),
           CLINIC.format("", "Mayor Tom Baird").replace("the  ", "the ")),
          [("a", "We will open the clinic before the winter storms arrive,"),
           ("b", "We will open the clinic before the winter storms arrive,")], "agree", ["attribution_conflict"],
          id="quote-two-speakers"),
    # An ellipsis where a quotation is cut changes none of its words.
    group(("\u201cWe will open the clinic before the winter storms arrive \u2026\u201d Dr. Lena Park said on "
           "Wednesday.",
           "\u201cWe will open the clinic before the winter storms arrive, and the new ward by June,\u201d Dr. Lena "
           "Park said on Wednesday."),
          [("a", "We will open the clinic before the winter storms arrive \u2026"),
           ("b", "We will open the clinic before the winter storms arrive, and the new ward by June,")], "agree",
          id="quote-cut-with-an-ellipsis"),
]


@pytest.mark.parametrize("texts, published, claims, verdict, flags", QUOTED)
def test_compare_reads_marks_and_attribution(rules, texts, published, claims, verdict, flags):
    test_align.test_group(rules, texts, published, claims, verdict, flags)


def write(folder, sid, text, day):
    """An invented source as a file with front matter (its date, when it has one, and outlet)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sid}.txt"
    dated = f"date: {day.isoformat()}\n" if day else ""
    path.write_text(f"---\n{dated}outlet: {OUTLETS[sid]}\n---\n{text}", encoding="utf-8")
    return path


def pairs():
    """(row id, texts, published, first claim, second claim) for every cross-source pair of a row."""
    for row in GROUPS + QUOTED:
        texts, published, claims, _, _ = row.values
        days = published if published is not None else (PUBLISHED,) * len(texts)
        for first, second in combinations(claims, 2):
            if first[0] != second[0]:
                yield pytest.param(texts, days, first[:2], second[:2], id=f"{row.id}:{first[0]}{second[0]}")


def extends(longer, shorter):
    """Whether a quotation's words run on past another's (lower case, punctuation aside)."""
    words, part = (re.findall(r"[^\W_]+(?:['\u2019-][^\W_]+)*", text.lower()) for text in (longer, shorter))
    return len(words) > len(part) and any(words[k:k + len(part)] == part for k in range(len(words)))


def _named(claims, ref, path):
    return next(c for c in claims if c.text == ref[1] and c.source == path.stem)


@pytest.mark.parametrize("texts, days, first, second", list(pairs()))
def test_compare_and_check_judge_a_pair_alike(rules, tmp_path, texts, days, first, second):
    index = {sid: k for k, sid in enumerate(test_align.IDS)}
    paths = {sid: write(tmp_path / sid, sid, texts[index[sid]], days[index[sid]]) for sid in (first[0], second[0])}
    report = compare([paths[first[0]], paths[second[0]]], rules=rules)
    x, y = _named(report.claims, first, paths[first[0]]), _named(report.claims, second, paths[second[0]])
    group = next(g for g in report.groups if x.id in g.claims)
    if group.claims != tuple(sorted((x.id, y.id), key=group.claims.index)) or len(group.claims) != 2:
        pytest.skip("the pair is not a group of two when its sources are compared alone")
    for draft, source, claim, other in ((first, second, x, y), (second, first, y, x)):
        result = check([paths[draft[0]]], [paths[source[0]]], rules, CheckOptions(unsupported=True))
        found = [f for f in result.findings if f.text == draft[1]]
        verdict, flags = group.verdict.value, set(group.flags)
        undated, dated = days[index[draft[0]]] is None, days[index[source[0]]] is not None
        if undated and dated and "inferred_date" in flags:
            # An undated draft is being written now: its relative day is read in its source's
            # time frame, so it is judged as compare judges it written on the source's date.
            again = write(tmp_path / "dated", draft[0], texts[index[draft[0]]], days[index[source[0]]])
            pair = compare([again, paths[source[0]]], rules=rules)
            mine = _named(pair.claims, draft, again)
            judged = next(g for g in pair.groups if mine.id in g.claims)
            verdict, flags = judged.verdict.value, set(judged.flags)
        if verdict in DISCREPANCIES:
            expected = (verdict, flags)
        elif "attribution_conflict" in flags:
            expected = ("attribution_conflict", flags)
        elif claim.kind.value == "quote" and "translated" not in flags and extends(claim.text, other.text):
            expected = ("quote_variant", flags)  # the draft quotes words its source does not print
        else:
            expected = None
        assert [(f.verdict, set(f.flags)) for f in found] == ([expected] if expected else []), (
            group.explanation, [f.explanation for f in found])


def test_the_pairs_cover_every_verdict_the_check_can_fail_on():
    verdicts = {row.values[3] for row in GROUPS}
    assert {"agree", "compatible", "conflict", "quote_variant"} <= verdicts
    assert len(list(pairs())) >= 40


def test_every_flag_the_judge_gives_is_one_the_check_can_fail_on(rules):
    given = {flag for row in GROUPS + QUOTED
             for g in build_report(story(*row.values[0], published=row.values[1]), rules).groups for flag in g.flags}
    assert {"sic", "attribution_conflict", "inferred_date", "unresolved_date"} <= given <= set(FAIL_ON)


@pytest.mark.parametrize("name", FAIL_ON)
def test_fail_on_accepts_every_verdict_and_flag(tmp_path, name):
    source = write(tmp_path / "src", "a", "The Dayton plant will close in June with the loss of 412 jobs.", PUBLISHED)
    draft = write(tmp_path / "draft", "b", "The Dayton plant will close in June with the loss of 421 jobs.", PUBLISHED)
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(source), "--fail-on", name,
                                       "--format", "json"])
    assert result.exit_code == (1 if name == "conflict" else 0), result.output


def test_a_translation_neither_bears_out_nor_faults_a_draft_quotation(rules, tmp_path):
    english = CLINIC.format("new", "Dr. Lena Park")
    spanish = ("\u201cAbriremos la nueva clínica antes de que lleguen las tormentas de invierno\u201d, dijo el "
               "miércoles la doctora Lena Park, directora del hospital de la ciudad.")
    sources = [write(tmp_path / "src", "a", english, PUBLISHED), write(tmp_path / "src", "c", spanish, PUBLISHED)]
    misquote = write(tmp_path / "draft", "b", CLINIC.format("new", "Dr. Lena Park").replace("clinic", "hospital"),
                     PUBLISHED)
    found = check([misquote], sources, rules).findings
    assert [(f.verdict, f.text) for f in found] == [
        ("quote_variant", "We will open the new hospital before the winter storms arrive,")]
    faithful = write(tmp_path / "draft", "b", english, PUBLISHED)
    assert check([faithful], sources, rules).findings == ()


@pytest.mark.parametrize("fail_on, code", [("name_spelling", 1), ("title_conflict", 0), ("sic", 0)])
def test_a_flag_alone_fails_the_check(tmp_path, fail_on, code):
    source = write(tmp_path / "src", "a", "Tommy Kessler, 19, was arrested on Friday, the county said.", PUBLISHED)
    draft = write(tmp_path / "draft", "b", "Tommie Kessler, 19, was arrested on Friday, the county said.", PUBLISHED)
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(source), "--fail-on", fail_on,
                                       "--format", "json"])
    assert result.exit_code == code, result.output


# --- conversions and developing figures, judged as an editor would --------------------------------

def _figures(rules, sid, text):
    """The money, count and duration claims of one invented source."""
    from reconcile.extract import claims_from_text

    return [c for c in claims_from_text(text, rules, source_id=sid) if c.kind.value in ("money", "count", "duration")]


def _judged(rules, texts, published=None):
    """One group of every figure of the texts (sources "a", "b", ...), judged."""
    from reconcile.judge import judge

    claims = tuple(c for sid, text in zip("abcd", texts, strict=False) for c in _figures(rules, sid, text))
    days = dict(zip("abcd", published, strict=False)) if published else None
    return judge("g", claims, {sid: OUTLETS[sid] for sid in "abcd"}, rules, published=days)


CONVERTED = [
    pytest.param(("The trust gave €40 million to the library.", "The trust gave $45 million to the library."),
                 "compatible", ["conversion"], "a conversion at 1.12 (EUR to USD), within the rules' band",
                 id="euro-and-dollar-in-the-band"),
    pytest.param(("The trust gave €40 million ($45 million) to the library.",
                  "The trust gave £34 million to the library."),
                 "compatible", ["conversion"], "within the rules' band", id="three-currencies-in-the-band"),
    pytest.param(("The trust gave €40 million to the library.", "The trust gave $80 million to the library."),
                 "conflict", ["conversion"], "a conversion at 2 (EUR to USD), outside the rules' band (0.95 to 1.26)",
                 id="euro-and-dollar-out-of-the-band"),
    pytest.param(("Regulators fined the bank $500 million.", "Regulators fined the bank A$725 million."),
                 "compatible", ["conversion"], "a conversion at 1.45 (USD to AUD)", id="aud-at-1.45"),
    pytest.param(("Regulators fined the bank $500 million.", "Regulators fined the bank A$450 million."),
                 "conflict", ["conversion"], "a conversion at 0.9 (USD to AUD), outside", id="aud-at-0.9"),
    # 1.3 is past the rules' band for EUR to USD, yet one source converts at it: the others may too.
    pytest.param(("The trust gave €40 million ($52 million) to the library.",
                  "The trust gave $52 million to the library.", "The trust gave €40 million to the library."),
                 "compatible", ["conversion"], "at the rate a source itself states", id="a-source-states-its-rate"),
    pytest.param(("The trust gave €40 million to the library.", "The trust gave $52 million to the library."),
                 "conflict", ["conversion"], "outside the rules' band", id="no-source-states-that-rate"),
    # A rate far past the band is a slip of its source: it widens nothing.
    pytest.param(("The trust gave €40 million ($80 million) to the library.",
                  "The trust gave $80 million to the library.", "The trust gave €40 million to the library."),
                 "conflict", ["conversion"], "outside the rules' band", id="a-slip-is-no-rate"),
    pytest.param(("Regulators fined the bank $500 million.", "Regulators fined the bank ₩650 billion."),
                 "compatible", [], "the rules give no rate between USD and KRW", id="no-band-no-comparison"),
    # The amount agrees in its own currency: a conflict between its conversions is the conversions'.
    pytest.param(("Regulators fined the bank $500 million (A$725 million).",
                  "Regulators fined the bank $500 million (A$450 million)."),
                 "conflict", ["conversion"], "conversions of one amount", id="one-amount-converted-apart"),
    # One currency alone is judged as before.
    pytest.param(("The trust gave €40 million to the library.", "The trust gave €40 million to the library."),
                 "agree", [], "both say €40 million", id="one-currency-agrees"),
]


@pytest.mark.parametrize("texts, verdict, flags, explained", CONVERTED)
def test_amounts_in_several_currencies_are_judged_per_currency_and_across(rules, texts, verdict, flags, explained):
    group = _judged(rules, texts)
    assert (group.verdict.value, list(group.flags)) == (verdict, flags), group.explanation
    assert explained in group.explanation


MAR = {day: dt.date(2024, 3, day) for day in range(1, 10)}

DEVELOPING = [
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed 19 people in the valley."),
                 (MAR[3], MAR[6]), "conflict", ["developing"], "12 people (Mar 3) \u2192 19 people (Mar 6)",
                 id="across-days"),
    pytest.param(("Floods killed 12 people in the valley.", "The death toll in the valley rose to 14."),
                 (MAR[3], MAR[3]), "conflict", ["developing"], "12 people (Mar 3) \u2192 14 (Mar 3)",
                 id="within-a-day-rose-to"),
    pytest.param(("At least 12 people have died in the valley so far.", "Floods killed 21 people in the valley."),
                 (MAR[3], MAR[3]), "conflict", ["developing"], "At least 12 people (Mar 3) \u2192 21 people (Mar 3)",
                 id="within-a-day-so-far"),
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed 14 people in the valley."),
                 (MAR[3], MAR[3]), "conflict", [], "these cannot both be true", id="same-day-plain-conflict"),
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed 14 people in the valley."),
                 (None, MAR[3]), "conflict", [], "these cannot both be true", id="an-undated-outlet-proves-nothing"),
    # The order of the explanation: by day, the smaller first within a day, undated last.
    pytest.param(("The death toll in the valley rose to 14.", "Floods killed 19 people in the valley.",
                  "Floods killed 12 people in the valley.", "Floods have killed 23 people in the valley so far."),
                 (MAR[3], MAR[6], MAR[3], None), "conflict", ["developing"],
                 "12 people (Mar 3) \u2192 14 (Mar 3) \u2192 19 people (Mar 6) \u2192 23 people (undated)",
                 id="order-of-the-explanation"),
    # One same-day conflict with no developing word keeps the group a plain conflict.
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed 14 people in the valley.",
                  "Floods killed 19 people in the valley."),
                 (MAR[3], MAR[3], MAR[6]), "conflict", [], "these cannot both be true", id="one-plain-pair"),
    pytest.param(("The search lasted 30 hours.", "The search has lasted 52 hours so far."),
                 (MAR[3], MAR[3]), "conflict", ["developing"], "30 hours (Mar 3) \u2192 52 hours (Mar 3)",
                 id="a-duration"),
    pytest.param(("Pledges reached €600 million ($680 million).", "Pledges have climbed to €850 million."),
                 (MAR[3], MAR[4]), "conflict", ["developing"], "€600 million (Mar 3) \u2192 €850 million (Mar 4)",
                 id="a-running-total-with-its-conversion"),
    # Agreeing figures of different days are no development.
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed 12 people in the valley."),
                 (MAR[3], MAR[6]), "agree", [], "both say 12 people", id="the-same-figure-on-two-days"),
    pytest.param(("Floods killed 12 people in the valley.", "Floods killed more than 12 people in the valley."),
                 (MAR[3], MAR[6]), "compatible", [], "compatible", id="a-bound-on-a-later-day"),
]


@pytest.mark.parametrize("texts, published, verdict, flags, explained", DEVELOPING)
def test_a_figure_that_moved_is_a_developing_conflict(rules, texts, published, verdict, flags, explained):
    group = _judged(rules, texts, published)
    assert (group.verdict.value, list(group.flags)) == (verdict, flags), group.explanation
    assert explained in group.explanation


@pytest.mark.parametrize("texts", [
    ("The bridge opened on March 3, the council said.", "The bridge opened on March 4, the council said."),
    ("Jo Lee, 41, was named chief executive.", "Jo Lee, 42, was named chief executive."),
], ids=["a-date", "an-age"])
def test_dates_and_ages_do_not_develop(rules, texts):
    from reconcile.extract import claims_from_text
    from reconcile.judge import judge

    claims = tuple(next(c for c in claims_from_text(text, rules, source_id=sid, published=day)
                        if c.kind.value in ("date", "age"))
                   for sid, text, day in zip("ab", texts, (MAR[5], MAR[8]), strict=True))
    group = judge("g", claims, {}, rules, published={"a": MAR[5], "b": MAR[8]})
    assert group.verdict.value == "conflict" and "developing" not in group.flags, group


def test_compare_and_check_both_read_a_developing_figure(rules, tmp_path):
    first = "Floods killed 12 people in the Arden valley on Sunday, the county said."
    later = "Floods killed 19 people in the Arden valley on Sunday, the county said."
    source = write(tmp_path / "src", "a", first, MAR[4])
    draft = write(tmp_path / "draft", "b", later, MAR[6])
    report = compare([source, draft], rules=rules)
    counts = [g for g in report.groups if g.kind.value == "count"]
    assert [(g.verdict.value, g.flags) for g in counts] == [("conflict", ("developing",))], counts
    assert "12 people (Mar 4) \u2192 19 people (Mar 6)" in counts[0].explanation
    found = [f for f in check([draft], [source], rules).findings if f.kind == "count"]
    assert [(f.verdict, f.flags) for f in found] == [("conflict", ("developing",))]


# --- why two conflicting claims are taken to be one fact ------------------------------------------

@pytest.mark.parametrize("texts, shared, left_out", [
    (("The county fined the Ridgeway quarry $35,000 for the dust, inspectors said.",
      "Inspectors said the county fined the Ridgeway quarry $350,000 for the dust."),
     {"county", "fined", "ridgeway", "quarry"}, {"the", "for"}),
    (("Harlow council spent $2.1 million on the new library roof in March, its report said.",
      "The new library roof cost Harlow council $3.4 million, its annual report said."),
     {"harlow", "council", "library", "roof"}, {"march", "its"}),
])
def test_a_conflict_says_which_words_make_it_one_fact(rules, texts, shared, left_out):
    report = build_report(story(*texts), rules)
    conflict = next(g for g in report.groups if g.verdict.value == "conflict")
    said = conflict.explanation.split("(one fact: both say ", 1)[1].rstrip(")")
    words = set(said.split(", "))
    assert words <= shared | {"dust", "inspectors", "said", "new", "report", "annual", "cost", "spent"}
    assert words & shared
    assert not words & left_out


@pytest.mark.parametrize("text, figure, of_its_moment", [
    ("The death toll rose to 19 on Sunday.", "19", True),
    ("THE DEATH TOLL ROSE TO 19 ON SUNDAY.", "19", True),
    ("At least 12 people have died so far, officials said.", "12 people", True),
    ("Officials said 12 people died in the crash.", "12 people", False),
    ("The prose of 12 novels was praised.", "12 novels", False),  # "rose" inside a word marks nothing
])
def test_a_figure_of_its_moment_is_told_by_the_words_around_it(rules, text, figure, of_its_moment):
    from reconcile.developing import developing_rules
    from reconcile.developing import of_its_moment as told

    claim = next(c for c in claims_from_text(text, rules) if figure in c.text)
    assert told(claim, developing_rules(rules)) is of_its_moment
