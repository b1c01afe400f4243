"""Sources -> Report: extract every source's claims, align them into groups, judge each group.

Prints nothing; the CLI and reporters decide what to show.
"""

from __future__ import annotations

import hashlib

from .align import align
from .extract import extract_claims
from .heap import collector_paused
from .judge import judge
from .language import pack_of, with_language
from .model import Claim, Report, Skipped, Source, display_names
from .origins import story_origins
from .rules import RuleSet


def read_claims(sources: tuple[Source, ...], rules: RuleSet, *, skipped: tuple[Skipped, ...] = ()) -> Report:
    """The sources' claims in source order, each source read in the story's time frame; no groups.

    What `claims` reports: extraction alone, without the alignment and judging of `build_report`.
    """
    with collector_paused():
        sources, claims = _read(sources, rules)
    return Report(sources=sources, claims=claims, groups=(), skipped=skipped)


def _read(sources: tuple[Source, ...], rules: RuleSet) -> tuple[tuple[Source, ...], tuple[Claim, ...]]:
    """Each source with its language, and all their claims in source order."""
    # An undated source is read in the story's time frame: the latest date among the others.
    story_date = max((s.published for s in sources if s.published), default=None)
    # Each source is read with its own language's pack; a sentence crediting another source's
    # outlet passes its claims on from it.
    sources = tuple(with_language(s, rules) for s in sources)
    outlets = story_outlets(sources)
    return sources, tuple(claim for source in sources
                          for claim in extract_claims(source, rules, story_date=story_date, outlets=outlets))


def story_outlets(sources: tuple[Source, ...]) -> tuple[str, ...]:
    """The names a story's sources are published under: news organisations, each once."""
    return tuple(dict.fromkeys(s.outlet for s in sources if s.outlet))


def build_report(sources: tuple[Source, ...], rules: RuleSet, *, skipped: tuple[Skipped, ...] = ()) -> Report:
    """The report for these sources: all claims in source order, grouped by fact and judged.

    Reprints among the sources are found first (`copies`): agreement counts origins, not outlets.
    """
    with collector_paused():
        sources, claims = _read(sources, rules)
        # The story is aligned and judged with the packs of all its languages, so that "employees"
        # meets "empleados".
        story_rules = rules.for_languages({language for s in sources if (language := pack_of(s))})
        origins = story_origins(sources, story_rules)
        names = display_names(sources)
        languages = {s.id: s.language for s in sources}
        published = {s.id: s.published for s in sources}
        groups = tuple(judge(group_id(tuple(c.id for c in members)), members, names, story_rules, languages,
                             origins, published)
                       for members in align(sources, claims, story_rules))
    return Report(sources=sources, claims=claims, groups=groups, skipped=skipped, copies=origins.pairs)


def group_id(claim_ids: tuple[str, ...]) -> str:
    """A stable group id: a short hash of its members, so ids do not churn between runs."""
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()
    return f"g-{digest[:10]}"
