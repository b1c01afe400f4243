"""Golden reports: reports/ holds the committed output for seeds/ in each format.

Regenerate them with `pytest tests/test_reports.py --update-goldens` (or `python -m reconcile.goldens`)
and review the diff.
"""

from __future__ import annotations

import pytest

from reconcile.goldens import GOLDENS, render_golden

from .conftest import ROOT


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_golden_report_is_current(name, request, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the reports are relative to the repository root
    path = ROOT / "reports" / name
    fresh = render_golden(name)
    if request.config.getoption("--update-goldens"):
        path.write_text(fresh, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == fresh, f"{path} is stale: run pytest --update-goldens"
