"""Where a claim comes from: the outlet behind it, counted once however often it is passed on.

An agreement is worth as many origins as stand behind it. A source that reprints another has
that original's origin; a claim its source credits to a news organisation (`according to the
Valley Herald`) has that organisation's, which is a source's own where a source of the story
is published under its name. So wire copy, its reprints and every outlet crediting it are one
origin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .copies import copies as find_copies
from .extract.credits import credit_rules, name_key
from .model import Claim, Source, display_names
from .rules import RuleSet


@dataclass(frozen=True, slots=True)
class Origins:
    """The origins of a story's claims: its sources' copies and the names they are published under.

    `copies` maps a source that reprints another to the original; `published_as` maps the
    folded name of an outlet to the source published under it; `names` are the sources' names.
    """

    copies: Mapping[str, str] = field(default_factory=dict)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(copy id, original id) for each reprint, sorted by copy id."""
        return tuple(sorted(self.copies.items()))
    published_as: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()

    def of(self, claim: Claim) -> str:
        """The key of a claim's origin: its original source's id, or a credited organisation's name."""
        if claim.credited:
            key = name_key(claim.credited, self.articles)
            source = self.published_as.get(key)
            return f"source:{self.copies.get(source, source)}" if source else f"credit:{key}"
        return f"source:{self.copies.get(claim.source, claim.source)}"

    def name(self, key: str, claims: tuple[Claim, ...]) -> str:
        """How a report names an origin: its source's name, or the organisation as first credited."""
        kind, _, rest = key.partition(":")
        if kind == "source":
            return self.names.get(rest, rest)
        return next((c.credited for c in claims if c.credited and self.of(c) == key), rest)


def story_origins(sources: tuple[Source, ...], rules: RuleSet) -> Origins:
    """The origins of a story whose sources are these: the copies among them are found here."""
    copies = dict(find_copies(sources, rules))
    compiled = credit_rules(rules)
    articles = compiled.articles if compiled else frozenset()
    published_as: dict[str, str] = {}
    for source in sources:
        if source.outlet:
            # The first source under a name stands for it; the others are its reprints or its editions.
            published_as.setdefault(name_key(source.outlet, articles), copies.get(source.id, source.id))
    return Origins(copies, published_as, display_names(sources), articles)
