"""Sources -> Report: extract every source's claims, align them into groups, judge each group.

Prints nothing; the CLI and reporters decide what to show.
"""

from __future__ import annotations

import hashlib

from .align import align
from .extract import extract_claims
from .judge import judge
from .model import Report, Skipped, Source, display_names
from .rules import RuleSet


def build_report(sources: tuple[Source, ...], rules: RuleSet, *, skipped: tuple[Skipped, ...] = ()) -> Report:
    """The report for these sources: all claims in source order, grouped by fact and judged."""
    # An undated source is read in the story's time frame: the latest date among the others.
    story_date = max((s.published for s in sources if s.published), default=None)
    claims = tuple(claim for source in sources for claim in extract_claims(source, rules, story_date=story_date))
    names = display_names(sources)
    groups = tuple(judge(group_id(tuple(c.id for c in members)), members, names, rules)
                   for members in align(sources, claims, rules))
    return Report(sources=sources, claims=claims, groups=groups, skipped=skipped)


def group_id(claim_ids: tuple[str, ...]) -> str:
    """A stable group id: a short hash of its members, so ids do not churn between runs."""
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()
    return f"g-{digest[:10]}"
