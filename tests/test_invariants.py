"""Properties that hold for any text: extraction never raises, offsets always index the source."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import claims_from_text, extract_claims, load_rules
from reconcile.model import Source

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


def test_adversarial_long_input_ends_in_linear_time():
    # Long runs of the characters the patterns care about must not backtrack.
    chunks = ["1," * 50_000, "$" * 100_000, "more than " * 10_000, "1-" * 50_000, "(" * 100_000,
              "“" * 100_000, "“a ‘b " * 20_000, "“x,” he said. " * 7_000, "‘" * 100_000,
              "July " * 20_000, "the beginning of " * 6_000, "Jane Doe said " * 8_000, "\"" * 100_000,
              "“Words,” Ortiz said; " * 5_000, "“" + "…" * 50_000 + "”", "Tom Lee spoke. “No,” she said. " * 3_000]
    for chunk in chunks:
        started = time.perf_counter()
        claims_from_text(chunk, RULES)
        assert time.perf_counter() - started < 10, chunk[:10]


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
