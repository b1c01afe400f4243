"""The check's mutation benchmark: its mutations, and the figures reached on the development stories.

The benchmark (benchmarks/check_mutations.py, `python -m benchmarks run check`) changes one fact of
a sentence at a time; the mutations are plain text edits, specified here. The development stories
are read in place (../shared/dev); the floors below are the figures measured when they were
reached, so that a change that lets more changed facts through, or fails more faithful
sentences, is seen.
"""

from __future__ import annotations

import pytest

from benchmarks.check_mutations import (
    currency,
    date_days,
    leading_digit,
    month,
    number_word,
    quote_word_dropped,
    quote_word_replaced,
    run,
    sic_dropped,
    times_ten,
    weekday,
)

from .conftest import require_shared


@pytest.mark.parametrize("mutate, text, changed", [
    (leading_digit, "37 cracked beams", "47 cracked beams"),
    (leading_digit, "9 hours", "8 hours"),
    (times_ten, "$12.4 million", "$124 million"),
    (times_ten, "1,500 workers", "15,000 workers"),
    (times_ten, "40 nurses", "400 nurses"),
    (number_word, "two weeks", "four weeks"),
    (number_word, "Twelve boys", "Fourteen boys"),
    (number_word, "$3 billion", "$3 million"),
    (currency, "$12.4 million", "\u00a312.4 million"),
    (currency, "US$5 billion", "\u00a35 billion"),
    (currency, "80 million euros", "80 million dollars"),
    (date_days, "March 3, 2025", "March 5, 2025"),
    (date_days, "30 June", "28 June"),
    (weekday, "on Monday", "on Wednesday"),
    (weekday, "Saturday night", "Monday night"),
    (month, "March 3, 2025", "April 3, 2025"),
    (month, "Dec. 15", "January 15"),
    (quote_word_replaced, "We cannot let this bridge fail our families",
     "We cannot let this bridge fail our marvellous"),
    (quote_word_dropped, "We cannot let this bridge fail our families", "We let this bridge fail our families"),
    (sic_dropped, "The steel were [sic] rusting", "The steel were rusting"),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_mutation_changes_one_fact_as_written(mutate, text, changed):
    assert mutate(text) == changed


@pytest.mark.parametrize("mutate, text", [
    (leading_digit, "dozens of workers"), (times_ten, "a few hours"), (number_word, "37 beams"),
    (number_word, "No one was hurt"), (number_word, "no-one was hurt"),
    (currency, "37 beams"), (date_days, "on Monday"), (weekday, "March 3, 2025"), (month, "on Monday"),
    (quote_word_dropped, "Thank you"), (quote_word_dropped, "lack of will"), (sic_dropped, "no mark here"),
], ids=lambda value: getattr(value, "__name__", None))
def test_a_mutation_that_does_not_apply_gives_nothing(mutate, text):
    assert mutate(text) is None


# Reached with issue 22 (the check places each draft claim among its sources' facts): detection
# at least, false alarms at most, per story; each the measured figure, less or plus 0.001.
FLOORS = {
    "facebook-ftc-settlement": {"detection": 0.855, "false_alarms": 0.137},
    "notre-dame-fire": {"detection": 0.673, "false_alarms": 0.189},
    "thai-cave-rescue": {"detection": 0.694, "false_alarms": 0.133},
}


@pytest.fixture(scope="module")
def measured():
    require_shared("dev")
    return run(sorted(FLOORS), gvc=False)["dev"]["stories"]


@pytest.mark.parametrize("story", sorted(FLOORS))
def test_the_check_keeps_its_figures_on_the_development_stories(measured, story):
    figures = measured[story]
    assert figures["detection"]["rate"] >= FLOORS[story]["detection"], figures
    assert figures["false_alarms"]["rate"] <= FLOORS[story]["false_alarms"], figures
