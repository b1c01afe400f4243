"""reconcile: reduce articles on one story to atomic claims and find where outlets drift.

The library works without the CLI::

    import reconcile
    report = reconcile.compare(["seeds"])
    result = reconcile.check(["draft.md"], ["seeds"], reconcile.load_rules())
    # Sources already read (from a database, a feed): the same check, without files.
    result = reconcile.check_sources(drafts, sources, reconcile.load_rules())
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .check import CheckOptions, CheckResult, check, check_sources
from .extract import claims_from_text, extract_claims
from .model import Claim, Group, Report, Source
from .pipeline import build_report, read_claims
from .rules import RuleSet, load_rules
from .sources import load_sources, read_sources

try:
    __version__ = version("reconcile")
except PackageNotFoundError:  # running from a checkout that is not installed
    __version__ = "0.0.0"

__all__ = ["compare", "check", "check_sources", "CheckOptions", "CheckResult", "extract_claims", "claims_from_text",
           "read_claims", "load_sources", "load_rules", "Claim", "Group", "Report", "Source", "RuleSet", "__version__"]


def compare(paths: Iterable[str | Path], *, published: Mapping[str, str] | None = None,
            outlets: Mapping[str, str] | None = None, rules: RuleSet | None = None) -> Report:
    """Read the sources under `paths` and return the report on their claims (and what was skipped)."""
    sources, skipped = read_sources(paths, published=published, outlets=outlets)
    return build_report(sources, rules or load_rules(), skipped=skipped)
