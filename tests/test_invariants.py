"""Properties that hold for any text: extraction never raises, offsets always index the source."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import claims_from_text, extract_claims, load_rules
from reconcile.model import Source

from .conftest import ROOT

RULES = load_rules()

# Text built from the pieces numeric claims are made of, so that the generator reaches them.
PIECES = st.sampled_from([
    "$", "US$", "€", "£", "%", " percent", " per cent", "more than ", "about ", "between ", " and ",
    " to ", "-", ",", ".", " ", "\n", "\r\n", "\u00a0", "“", "”", "'", "(", ")", "1", "250,000",
    "19.4", " million", " billion", "bn", "m", " employees", " signatures", " metres", " feet",
    "-year-old", "hundreds of ", "two", "twenty", "one", "July", " 2018", "{mosads}", "Route ",
    "[sic]", "…", "k", " dollars", " pounds", "‘", "’", "\"", " said", " he wrote", "Jane Doe",
    " Monday", " last week", "late ", "June ", "the beginning of ", "\n\n", "2018-07-19", "7/19/2018",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_extraction_never_raises_and_offsets_hold(text):
    for claim in claims_from_text(text, RULES):
        assert text[claim.span.start:claim.span.end] == claim.text
        assert claim.text.strip() == claim.text and claim.text
        assert claim.text in claim.sentence


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.dates()))
def test_dates_are_ranges_and_inferred_only_without_a_publication_date(text, published, story_date):
    for claim in claims_from_text(text, RULES, published=published, story_date=story_date):
        value = claim.value
        if claim.kind.value != "date":
            continue
        assert value.resolved == (value.start is not None) == (value.end is not None)
        assert value.start is None or value.start <= value.end
        assert not value.inferred or (published is None and story_date is not None)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_offsets_hold_after_a_date_prefix(text):
    full = f" date 2020-01-01 {text}"
    source = Source(id="s", path="s", text=full, body_start=len(" date 2020-01-01 "))
    for claim in extract_claims(source, RULES):
        assert full[claim.span.start:claim.span.end] == claim.text
        assert claim.span.start >= source.body_start


# Long runs of the characters the patterns care about, and how many repeats make a long one.
LONG_RUNS = [("1,", 50_000), ("$", 100_000), ("more than ", 10_000), ("1-", 50_000), ("(", 100_000),
             ("“", 100_000), ("“a ‘b ", 20_000), ("“x,” he said. ", 7_000), ("‘", 100_000),
             ("July ", 20_000), ("the beginning of ", 6_000), ("Jane Doe said ", 8_000), ("\"", 100_000),
             ("“Words,” Ortiz said; ", 5_000), ("“{}”", 50_000), ("Tom Lee spoke. “No,” she said. ", 3_000)]


def run_of(piece: str, repeats: int) -> str:
    """`piece` repeated; "“{}”" is a quotation that opens, runs on through ellipses, and closes."""
    return "“" + "…" * repeats + "”" if piece == "“{}”" else piece * repeats


def cpu_seconds(text: str, tries: int) -> float:
    """The least processor time extraction took over `tries` runs (time the process spent waiting,
    for the processor or anything else, is not counted, so a busy machine does not inflate it)."""
    def once() -> float:
        started = time.process_time()
        claims_from_text(text, RULES)
        return time.process_time() - started

    return min(once() for _ in range(tries))


@pytest.mark.parametrize("piece, repeats", LONG_RUNS, ids=[piece for piece, _ in LONG_RUNS])
def test_adversarial_long_input_ends_in_linear_time(piece, repeats):
    # Extraction must not backtrack: eight times the text takes about eight times as long (a
    # quadratic pattern would take 64 times, a catastrophic one forever). A ratio of two runs on
    # one machine holds on any machine, however slow; three times linear leaves room for noise.
    short = cpu_seconds(run_of(piece, repeats // 8), tries=3)
    long = cpu_seconds(run_of(piece, repeats), tries=2)
    assert long < 3 * 8 * max(short, 0.005), f"{long:.3f} s for {repeats} repeats, {short:.3f} s for an eighth"


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_groups_partition_the_claims_and_every_source_is_reported(texts):
    from reconcile.model import line_starts
    from reconcile.pipeline import build_report

    sources = tuple(Source(id=f"s{n}", path=f"s{n}.txt", text=text, line_starts=line_starts(text))
                    for n, text in enumerate(texts))
    report = build_report(sources, RULES)
    assert [s.id for s in report.sources] == [s.id for s in sources]
    grouped = [cid for group in report.groups for cid in group.claims]
    assert sorted(grouped) == sorted(c.id for c in report.claims)
    assert len(grouped) == len(set(grouped))


@pytest.mark.parametrize("environment, chosen", [
    ({"CI": "true"}, "derandomized, no deadline, 100 examples"),
    ({}, "random, no deadline, 500 examples"),
    ({"CI": "false"}, "random, no deadline, 500 examples"),
    ({"CI": "true", "HYPOTHESIS_PROFILE": "dev"}, "random, no deadline, 500 examples"),
    ({"HYPOTHESIS_PROFILE": "ci"}, "derandomized, no deadline, 100 examples"),
], ids=["ci", "local", "ci-false", "dev-by-hand", "ci-by-hand"])
def test_ci_tries_the_same_examples_every_run_and_a_local_run_new_ones(environment, chosen):
    code = ("import tests.conftest; from hypothesis import settings; d = settings.default; "
            "print('derandomized' if d.derandomize else 'random', 'no deadline' if d.deadline is None else 'deadline',"
            " f'{d.max_examples} examples', sep=', ')")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")} | environment
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == chosen + "\n"


# --- what a claim reads of its sentence: bounded, whatever the sentence's length -----------------

_PIECE = st.sampled_from(["the", "council", "voted", "$4 million", "12", "Acme's", "and", "budget,"])
# Short sentences, and endless ones (a list flattened without stops) far longer than the reach.
WORDS = st.one_of(st.lists(_PIECE, min_size=1, max_size=60), st.lists(_PIECE, min_size=600, max_size=2_000)).map(
    " ".join)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.data())
def test_a_claim_reads_its_sentence_whole_or_a_bounded_stretch_of_it(text, data):
    from reconcile.text import prepare

    prepared = prepare(Source(id="s", path="s.txt", text=text), RULES)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 20)))
    s_start, s_end = prepared.sentence_at(start)
    if end > s_end:
        return  # spans a sentence break: sentence_around's business
    low, high = prepared.window(s_start, s_end, start, end)
    assert s_start <= low <= start and end <= high <= s_end
    if start - s_start <= prepared.reach and s_end - end <= prepared.reach:
        assert (low, high) == (s_start, s_end)
    else:
        # The blocks it stands in and one either side, cut to word edges.
        blocks = (max(start, end - 1) - s_start) // prepared.block - (start - s_start) // prepared.block + 3
        assert high - low <= blocks * prepared.block
        assert low in (s_start, start) or not (text[low - 1].isalnum() and text[low].isalnum())
        assert high in (s_end, end) or not (text[high - 1].isalnum() and text[high].isalnum())
        # Another claim of its block reads the very same stretch: the words are read once a block.
        block_start = s_start + (start - s_start) // prepared.block * prepared.block
        other = data.draw(st.integers(block_start, min(s_end, block_start + prepared.block) - 1))
        if max(start, end - 1) < block_start + prepared.block and other + 1 <= s_end:
            assert prepared.window(s_start, s_end, other, other + 1) == (low, high)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\t.,"), max_size=40), st.data())
def test_the_last_word_is_found_once_as_the_pattern_would_find_it(text, data):
    import re

    from reconcile.extract import _last_word

    position = data.draw(st.integers(0, len(text)))
    assert (position >= _last_word(text)) is bool(re.fullmatch(r"\s*\S*\s*", text[position:]))


def test_a_claim_in_an_endless_sentence_reads_its_block_and_one_either_side():
    from reconcile.text import prepare

    text = ", ".join(f"{n} workers in the {('north', 'south')[n % 2]} ward" for n in range(400))
    prepared = prepare(Source(id="s", path="s.txt", text=text), RULES)
    assert prepared.sentence_at(0) == (0, len(text))  # one sentence, far longer than the reach
    middle = text.index("200 workers")
    low, high = prepared.window(0, len(text), middle, middle + len("200 workers"))
    assert low < middle < high and high - low <= 3 * prepared.block
    # Whole words at both edges: no word is read in part.
    assert not (text[low - 1].isalnum() and text[low].isalnum())
    assert not (text[high - 1].isalnum() and text[high].isalnum())
    neighbour = text.index("201 workers")
    if (neighbour // prepared.block) == (middle // prepared.block):
        assert prepared.window(0, len(text), neighbour, neighbour + 3) == (low, high)
