"""The seed score: thresholds once reached are kept (../shared/eval/score.py on seeds/)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reconcile import compare
from reconcile.report import render, report_records

from .conftest import require_shared

# Floors once reached are kept: numeric claims (issue 2), dates and quotations (issue 3),
# alignment and verdicts (issue 4).
THRESHOLDS = [
    "--min", "kind.money.recall=1.0", "--min", "kind.count.recall=1.0", "--min", "kind.percent.recall=1.0",
    "--min", "kind.date.recall=1.0", "--min", "kind.quote.recall=1.0",
    "--max", "kind.money.false_claims=0", "--max", "kind.count.false_claims=0",
    "--max", "kind.percent.false_claims=0", "--max", "kind.date.false_claims=0",
    "--max", "kind.quote.false_claims=0", "--min", "extraction.recall=1.0", "--min", "extraction.precision=1.0",
    "--min", "values.accuracy=1.0", "--min", "quotes.speaker=1.0", "--min", "quotes.markers=1.0",
    "--min", "alignment.precision=1.0", "--min", "alignment.recall=1.0", "--min", "verdicts.accuracy=1.0",
    "--min", "discrepancies.recall=1.0", "--min", "discrepancies.precision=1.0",
    "--min", "quotes.attribution_conflicts=1.0",
]


def test_seed_score_keeps_its_thresholds(seeds_dir, tmp_path):
    scorer, gold = require_shared("eval", "score.py"), require_shared("gold", "seeds.gold.json")
    report = tmp_path / "report.json"
    report.write_text(render("json", report_records(compare([seeds_dir]))), encoding="utf-8")
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(report), str(seeds_dir), *THRESHOLDS],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)],
                         ids=["in-ci-fails", "locally-skips"])
def test_a_missing_shared_file_fails_in_ci_and_is_skipped_elsewhere(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match=r"no-such-file is absent: the shared folder .* is not beside this checkout"):
        require_shared("no-such-file")


def test_the_seeds_quoted_misspelled_acronym_is_a_possible_misspelling(seeds_dir):
    report = compare([seeds_dir])
    by_id = {c.id: c for c in report.claims}
    flagged = [g for g in report.groups if "possible_misspelling" in g.flags]
    assert len(flagged) == 1
    spelled = {by_id[c].text for c in flagged[0].claims}
    assert spelled == {"CBP", "CPB"}
    odd = [by_id[c] for c in flagged[0].claims if by_id[c].text == "CPB"]
    assert all(c.value.sic and c.value.quoted for c in odd)
    assert flagged[0].verdict.value == "conflict" and "sic" in flagged[0].flags
