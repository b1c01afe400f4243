"""Source -> claims: every atomic statement a source makes, with its provenance."""

from __future__ import annotations

from ..model import Claim, Source
from ..rules import RuleSet
from ..text import Prepared, prepare
from .lexicon import lexicon
from .quantities import scan_quantities
from .tokens import tokenize

__all__ = ["extract_claims", "claims_from_text"]


def extract_claims(source: Source, rules: RuleSet) -> tuple[Claim, ...]:
    """The claims of one source, in text order; each claim's text is source.text[start:end]."""
    prepared = prepare(source, rules)
    tokens = tokenize(prepared.view, prepared.start, prepared.end)
    found = scan_quantities(tokens, prepared.view, lexicon(rules), prepared.sentence_at)
    return tuple(_claim(prepared, f.kind, f.start, f.end, f.value, f.rule) for f in found)


def claims_from_text(text: str, rules: RuleSet, *, source_id: str = "text") -> tuple[Claim, ...]:
    """The claims of a string, read as an undated source (handy in tests and notebooks)."""
    return extract_claims(Source(id=source_id, path="<text>", text=text), rules)


def _claim(prepared: Prepared, kind, start: int, end: int, value, rule: str) -> Claim:
    source = prepared.source
    s_start, s_end = prepared.sentence_around(start, end)
    return Claim(
        id=f"{source.id}:{kind.value}:{start}",
        source=source.id,
        kind=kind,
        span=source.span(start, end),
        text=source.text[start:end],
        sentence=source.text[s_start:s_end],
        value=value,
        rule=rule,
    )
