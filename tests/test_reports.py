"""Golden reports: reports/ holds the committed output for seeds/ in each format.

Regenerate them with `pytest tests/test_reports.py --update-goldens` (or `python -m reconcile.goldens`)
and review the diff.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reconcile import extract_claims
from reconcile.goldens import GOLDENS, render_golden
from reconcile.model import Group, Kind, Report, Source, Verdict
from reconcile.report import render
from reconcile.report.records import report_records

from .conftest import ROOT


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_golden_report_is_current(name, request, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the reports are relative to the repository root
    path = ROOT / "reports" / name
    fresh = render_golden(name)
    if request.config.getoption("--update-goldens"):
        path.write_text(fresh, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == fresh, f"{path} is stale: run pytest --update-goldens"


# Developing figures: a conflict whose values changed over time (the flag `developing`) is listed
# in its own section after the hard conflicts, so that a fact-checker reads what cannot both be
# true first. Its verdict stays `conflict`; the summary line counts it apart.

_DAYS = {"early": "2031-05-02", "late": "2031-05-05"}
_TEXTS = {
    "early": "The death toll rose to 8 on Friday. The stadium seats 40,000 fans. The levy is 3 percent.",
    "late": "The death toll climbed to 13 on Monday. The stadium seats 45,000 fans. The levy is 3 percent.",
}


def _story(rules, groups):
    """A two-source report whose groups are given as (kind, claim text in both sources, verdict, flags)."""
    sources = tuple(Source(id=k, path=f"{k}.txt", text=t, published=dt.date.fromisoformat(_DAYS[k]))
                    for k, t in _TEXTS.items())
    claims = tuple(c for s in sources for c in extract_claims(s, rules))

    def ids(kind, texts):
        return tuple(next(c.id for c in claims if c.kind.value == kind and c.source == s and c.text == t)
                     for s, t in zip(_TEXTS, texts, strict=True))

    made = tuple(Group(id=f"g-{n}", kind=Kind(kind), claims=ids(kind, texts), verdict=Verdict(verdict),
                       flags=tuple(flags), explanation=f"explained {n}")
                 for n, (kind, texts, verdict, flags) in enumerate(groups))
    return report_records(Report(sources=sources, claims=claims, groups=made))


_TOLL = ("count", ("death toll rose to 8", "death toll climbed to 13"), "conflict", ["developing"])
_SEATS = ("count", ("40,000 fans", "45,000 fans"), "conflict", [])
_LEVY = ("percent", ("3 percent", "3 percent"), "agree", [])


def _headings(text: str, fmt: str) -> list[str]:
    """Section headings and group ids, in the order the report prints them."""
    heading = re.compile(r"^## (\w[\w ]*) \((\d+)\)$" if fmt == "markdown" else r"^(\w[\w ]*) \((\d+)\): ", re.M)
    found = [(m.start(), m.group(1)) for m in heading.finditer(text) if m.group(2) != "0"]
    found += [(m.start(), m.group()) for m in re.finditer(r"\bg-\d\b", text)]
    return [name for _, name in sorted(found)]


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
@pytest.mark.parametrize("groups, order", [
    # A developing conflict follows the hard ones, whatever the order of the groups.
    ([_TOLL, _SEATS, _LEVY], ["Discrepancies", "g-1", "Developing figures", "g-0", "Agreements", "g-2"]),
    ([_SEATS, _TOLL], ["Discrepancies", "g-0", "Developing figures", "g-1"]),
    # Alone, it still has its own section.
    ([_TOLL, _LEVY], ["Developing figures", "g-0", "Agreements", "g-1"]),
    # No developing group: no such section.
    ([_SEATS, _LEVY], ["Discrepancies", "g-0", "Agreements", "g-1"]),
    # The flag on a group that is no conflict moves nothing.
    ([("count", _TOLL[1], "compatible", ["developing"])], ["Agreements", "g-0"]),
])
def test_developing_conflicts_have_their_own_section_after_the_hard_ones(rules, fmt, groups, order):
    assert _headings(render(fmt, _story(rules, groups)), fmt) == order


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
@pytest.mark.parametrize("groups, counts", [
    ([_TOLL, _SEATS, _LEVY], "1 conflict, 1 developing, 1 agree"),
    ([_TOLL, _TOLL[:3] + (["developing", "inferred_date"],)], "2 developing"),
    ([_SEATS, _LEVY], "1 conflict, 1 agree"),
])
def test_the_summary_counts_developing_conflicts_apart(rules, fmt, groups, counts):
    text = render(fmt, _story(rules, groups))
    assert f"groups: {counts}" in text


_ABOUT = "values that changed over time rather than contradicting each other"


@pytest.mark.parametrize("fmt, lines", [
    ("terminal", [f"Developing figures (1): {_ABOUT}"]),
    ("markdown", ["## Developing figures (1)", "", f"_{_ABOUT}_"]),
])
def test_the_developing_section_says_what_it_holds(rules, fmt, lines):
    text = render(fmt, _story(rules, [_TOLL])).splitlines()
    at = text.index(lines[0])
    assert text[at:at + len(lines)] == lines


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_no_developing_section_without_developing_conflicts(rules, fmt):
    text = render(fmt, _story(rules, [_SEATS, _LEVY]))
    assert "Developing" not in text and "developing" not in text
    # The sections that always print still do, empty or not.
    assert "Flagged (0)" in text


def test_a_report_written_in_pieces_is_the_report_rendered_whole(monkeypatch):
    """The commands write JSON as it is encoded; what lands on disk is what `render` gives."""
    import json

    import reconcile.report.json as json_report
    from reconcile.report import pieces

    records = json.loads((ROOT / "reports" / "seeds.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(json_report, "_BATCH", 7)  # small batches: many pieces even for the seeds
    written = list(pieces("json", records))
    assert len(written) > 1
    assert "".join(written) == render("json", records) == json.dumps(records, indent=2, ensure_ascii=False) + "\n"
