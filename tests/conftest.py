"""Shared fixtures: the English rule pack, the seeds, and claim helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile import claims_from_text, load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite the golden reports in reports/ instead of comparing with them.")


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture
def quantities(rules):
    """Claims of a sentence as (kind, text, value record) triples, for table tests."""
    from reconcile.report.records import value_record

    def read(text: str) -> list[tuple[str, str, dict]]:
        return [(c.kind.value, c.text, value_record(c.value)) for c in claims_from_text(text, rules)]

    return read
