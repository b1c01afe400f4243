"""Shared fixtures: the English rule pack, the seeds, and claim helpers; Hypothesis profiles; ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reconcile import claims_from_text, load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def in_ci() -> bool:
    """Whether CI runs the suite (CI sets `CI=true`): there, a test may not quietly skip."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# Hypothesis: CI tries the same examples on every run, so that a failure there is the code's and
# can be replayed, with no deadline a slow or busy machine could miss; a local run tries new
# random examples each time, more of them (where a test sets no budget of its own), and keeps
# the failing ones in .hypothesis/. HYPOTHESIS_PROFILE=ci or =dev chooses either by hand. Both
# start from Hypothesis's defaults, not from the profile it picks itself where `CI` is set at all.
_DEFAULTS = settings.get_profile("default")
settings.register_profile("ci", _DEFAULTS, derandomize=True, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _DEFAULTS, max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev"))


def require_shared(*parts: str) -> Path:
    """A path inside ../shared (gold data, the scorer, corpora), which lives beside the checkout.

    Where it is absent the test is skipped on a developer's machine, but fails in CI: a skip
    there would let the check it guards pass unseen.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is absent: the shared folder ({SHARED}) is not beside this checkout"
        if in_ci():
            pytest.fail(f"{message}, and CI needs it", pytrace=False)
        pytest.skip(message)
    return path


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
