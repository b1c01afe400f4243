"""No text makes reconcile slow: the adversarial benchmark's families, small, counted not timed.

Each family of generated text (benchmarks/adversarial.py) is run at two sizes, 4x apart, through
`claims` and through `compare` of two sources. The calls each run makes, as the profiler counts
them, must grow no faster than n log n (with a margin for what a size rounds off): a quadratic
stage, such as reading a whole sentence for each claim in it, grows 16x. Counting calls rather
than seconds keeps the test deaf to how busy the machine is. A scan inside one call is one call,
so extraction's processor time is held to a looser bound as well.
"""

from __future__ import annotations

import math
import time

import pytest

from benchmarks.adversarial import FAMILIES, exponent, operations, run_once, sources_of, text_of

SMALL, LARGE = 8_192, 32_768
# n log n between the sizes, and a margin for the fixed costs and the generator's rounding.
ALLOWED = (LARGE / SMALL) * math.log(LARGE) / math.log(SMALL) * 1.25


@pytest.mark.parametrize("command", ["claims", "compare"])
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_operations_grow_no_faster_than_n_log_n(family, command, rules):
    count = 1 if command == "claims" else 2
    small_sources, large_sources = sources_of(family, SMALL, count), sources_of(family, LARGE, count)
    operations(command, large_sources, rules)  # the caches warm, as much for either size, whatever ran before
    small = operations(command, small_sources, rules)
    large = operations(command, large_sources, rules)
    assert large / small <= ALLOWED, f"{family} through {command}: {small} calls at {SMALL} characters, " \
                                     f"{large} at {LARGE} ({large / small:.1f}x, at most {ALLOWED:.1f}x)"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_families_are_deterministic_and_of_their_size(family):
    text = text_of(family, 5_000)
    assert text == text_of(family, 5_000)
    assert len(text) == 5_000
    assert text != text_of(family, 5_000, seed=1)  # a second source of the family is another text


# Work done inside one call (a regular expression scanning to the end of the text, a number of
# thousands of digits made a Decimal) is one call to the profiler: seconds of processor time are
# what see it. Extraction is where such scans live; the sizes are larger, the bound looser (best
# of three runs, so a busy machine does not fail it), and a quadratic scan still exceeds it.
CPU_SMALL, CPU_LARGE, CPU_ALLOWED = 32_768, 131_072, 6.0


def _cpu_seconds(sources, rules) -> float:
    best = math.inf
    for _ in range(3):
        started = time.process_time()
        run_once("claims", sources, rules)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_extraction_time_grows_linearly_where_calls_cannot_see(family, rules):
    small_sources, large_sources = sources_of(family, CPU_SMALL, 1), sources_of(family, CPU_LARGE, 1)
    run_once("claims", small_sources, rules)
    small, large = _cpu_seconds(small_sources, rules), _cpu_seconds(large_sources, rules)
    assert large / small <= CPU_ALLOWED, f"{family}: {small:.3f} s of processor time at {CPU_SMALL} characters, " \
                                         f"{large:.3f} s at {CPU_LARGE} ({large / small:.1f}x)"


def test_a_quadratic_stage_is_caught(rules, monkeypatch):
    """The measure can fail: a stage that reads the whole text for each claim grows past the bound."""
    import reconcile.pipeline as pipeline

    real = pipeline.extract_claims

    def rereading(source, rules, **kwargs):
        claims = real(source, rules, **kwargs)
        for _ in claims:
            sum(1 for _ in source.text)  # one pass over the text per claim
        return claims

    monkeypatch.setattr(pipeline, "extract_claims", rereading)
    operations("claims", sources_of("amounts_one_sentence", LARGE, 1), rules)
    small = operations("claims", sources_of("amounts_one_sentence", SMALL, 1), rules)
    large = operations("claims", sources_of("amounts_one_sentence", LARGE, 1), rules)
    assert large / small > ALLOWED


@pytest.mark.parametrize("small, large, expected", [
    ((1_000, 1.0), (4_000, 4.0), 1.0),
    ((1_000, 1.0), (4_000, 16.0), 2.0),
    ((1_000, 2.0), (4_000, 2.0), 0.0),
])
def test_exponent_is_the_growth_between_two_sizes(small, large, expected):
    assert exponent(small, large) == pytest.approx(expected)
