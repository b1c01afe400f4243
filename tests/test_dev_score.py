"""The development stories' scores: floors once reached are kept (../shared/eval/score.py on ../shared/dev).

Each floor is the figure measured when it was reached, less 0.001 for the scorer's rounding to
three places; raise a floor when a change lifts its figure. The stories are real coverage read
in place, never copied here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from reconcile import compare
from reconcile.report import render, report_records

from .conftest import require_shared

# Reached with issue 19 (one judge, general rules); kinds with no floor still read 0 or n/a.
FLOORS = {
    "facebook-ftc-settlement": {
        "extraction.recall": 0.765, "kind.count.recall": 0.679, "kind.date.recall": 0.803,
        "kind.measure.recall": 1.0, "kind.money.recall": 0.800, "kind.percent.recall": 1.0,
        "kind.quote.recall": 0.915, "alignment.precision": 0.788, "alignment.recall": 0.777,
        "verdicts.accuracy": 0.635, "verdicts.lenient": 0.698, "discrepancies.recall": 0.500,
        "discrepancies.precision": 0.500,
    },
    "notre-dame-fire": {
        "extraction.recall": 0.787, "kind.age.recall": 1.0, "kind.count.recall": 0.705,
        "kind.date.recall": 0.850, "kind.money.recall": 0.984, "kind.percent.recall": 0.500,
        "kind.quote.recall": 0.947, "alignment.precision": 0.646, "alignment.recall": 0.193,
        "verdicts.accuracy": 0.580, "verdicts.lenient": 0.641, "discrepancies.recall": 0.286,
        "discrepancies.precision": 0.889,
    },
    "thai-cave-rescue": {
        "extraction.recall": 0.727, "kind.age.recall": 0.727, "kind.count.recall": 0.755,
        "kind.date.recall": 0.875, "kind.measure.recall": 0.933, "kind.quote.recall": 0.973,
        "alignment.precision": 0.707, "alignment.recall": 0.398, "verdicts.accuracy": 0.446,
        "verdicts.lenient": 0.585, "discrepancies.recall": 0.500, "discrepancies.precision": 0.636,
    },
}


@pytest.mark.parametrize("story", sorted(FLOORS))
def test_dev_story_keeps_its_floors(story, tmp_path):
    scorer = require_shared("eval", "score.py")
    folder, gold = require_shared("dev", story), require_shared("dev", f"{story}.scorer.json")
    report = tmp_path / "report.json"
    report.write_text(render("json", report_records(compare([folder]))), encoding="utf-8")
    floors = [arg for metric, value in FLOORS[story].items() for arg in ("--min", f"{metric}={value - 0.001:.3f}")]
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(report), str(folder), *floors],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
