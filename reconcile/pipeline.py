"""Sources -> Report: extract every source's claims, group them and judge each group.

Until alignment exists every claim stands in a group of its own, judged `single_source`.
Prints nothing; the CLI and reporters decide what to show.
"""

from __future__ import annotations

import hashlib

from .extract import extract_claims
from .model import Claim, Group, Report, Source, Verdict
from .rules import RuleSet


def build_report(sources: tuple[Source, ...], rules: RuleSet) -> Report:
    """The report for these sources: all claims, in source order, each in its own group."""
    # An undated source is read in the story's time frame: the latest date among the others.
    story_date = max((s.published for s in sources if s.published), default=None)
    claims = tuple(claim for source in sources for claim in extract_claims(source, rules, story_date=story_date))
    return Report(sources=sources, claims=claims, groups=tuple(_single(c) for c in claims))


def group_id(claim_ids: tuple[str, ...]) -> str:
    """A stable group id: a short hash of its members, so ids do not churn between runs."""
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()
    return f"g-{digest[:10]}"


def _single(claim: Claim) -> Group:
    return Group(id=group_id((claim.id,)), kind=claim.kind, claims=(claim.id,),
                 verdict=Verdict.SINGLE_SOURCE,
                 explanation=f"only {claim.source} states this")
