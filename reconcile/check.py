"""Drafts against their sources: the pre-publication check a newsroom runs in CI.

The draft is judged, not the sources. Each draft claim is aligned with the sources' claims
(the same aligner `compare` uses); a finding is a draft claim that conflicts with every
source stating it, misquotes them (other words, a dropped or added [sic]), gives a quotation
to another named person, or (when asked) that no source states. Where the sources disagree
among themselves, that is a note on the finding, never a failure of the draft.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .align import align
from .errors import InputError
from .extract import extract_claims
from .judge import judge_rules, speaker_surname
from .model import Claim, Kind, QuoteValue, Source, display_names
from .rules import RuleSet
from .sources import load_sources
from .values import CONFLICT, quote_words, relation, value_rules

DEFAULT_FAIL_ON = ("conflict", "quote_variant", "attribution_conflict")
VERDICTS = ("conflict", "quote_variant", "attribution_conflict", "unsupported")
_IGNORE = re.compile(r"<!--\s*reconcile:\s*ignore\s*-->", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Support:
    """A source's claim about the same fact as a draft claim."""

    source: str
    outlet: str
    path: str
    line: int
    col: int
    text: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One draft claim that differs from its sources (or that they do not state)."""

    fingerprint: str
    draft: str
    line: int
    col: int
    kind: str
    text: str
    sentence: str
    verdict: str
    flags: tuple[str, ...]
    explanation: str
    sources: tuple[Support, ...]
    notes: tuple[str, ...] = ()
    suppressed: str | None = None  # "ignored" (inline comment or configuration) or "baseline"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Every draft claim checked, and the findings among them."""

    drafts: tuple[Source, ...]
    sources: tuple[Source, ...]
    checked: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    fail_on: tuple[str, ...]

    def failing(self) -> tuple[Finding, ...]:
        """The findings at or above the threshold that nothing suppressed."""
        return tuple(f for f in self.findings if f.suppressed is None and _fails(f, self.fail_on))


def _fails(finding: Finding, fail_on: Iterable[str]) -> bool:
    wanted = set(fail_on)
    return finding.verdict in wanted or bool(wanted & set(finding.flags))


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How a check runs; the CLI fills it from flags and configuration."""

    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    unsupported: bool = False
    ignore: frozenset[str] = frozenset()
    baseline: frozenset[str] = frozenset()
    outlets: dict[str, str] = field(default_factory=dict)


def check(drafts: Iterable[str | Path], against: Iterable[str | Path], rules: RuleSet,
          options: CheckOptions | None = None) -> CheckResult:
    """Check the drafts under `drafts` against the sources under `against`."""
    options = options or CheckOptions()
    sources = load_sources(against, outlets=options.outlets or None)
    taken = {s.id for s in sources}
    loaded = load_sources(drafts)
    # A draft id never collides with a source id: its claims must stay the draft's.
    draft_sources = tuple(replace(d, id=f"draft:{d.id}") if d.id in taken else d for d in loaded)
    if not draft_sources:
        raise InputError("no draft to check")
    everything = (*sources, *draft_sources)
    # A draft without a date of its own is read in the time frame of its sources.
    story_date = max((s.published for s in sources if s.published), default=None)
    claims = tuple(c for s in everything for c in extract_claims(s, rules, story_date=story_date))
    draft_ids = {d.id for d in draft_sources}
    names = display_names(everything)
    by_id = {s.id: s for s in everything}
    findings: list[Finding] = []
    checked: list[Claim] = []
    for group in align(everything, claims, rules):
        backing = [c for c in group if c.source not in draft_ids]
        for claim in (c for c in group if c.source in draft_ids):
            checked.append(claim)
            finding = _judge(claim, backing, names, by_id, rules, options)
            if finding is not None:
                findings.append(_suppress(finding, by_id[claim.source], options))
    order = {c.id: n for n, c in enumerate(claims)}
    return CheckResult(draft_sources, sources, tuple(sorted(checked, key=lambda c: order[c.id])),
                       tuple(sorted(findings, key=lambda f: (f.draft, f.line, f.col, f.kind))),
                       options.fail_on)


def _judge(claim: Claim, backing: list[Claim], names: dict[str, str], by_id: dict[str, Source],
           rules: RuleSet, options: CheckOptions) -> Finding | None:
    """What is wrong with one draft claim, judged against the source claims aligned with it."""
    supports = tuple(_support(c, names, by_id) for c in backing)
    if not backing:
        if not options.unsupported:
            return None
        return _finding(claim, "unsupported", (), "no source states this", supports, (), by_id)
    notes = _source_notes(backing, names, rules)
    if claim.kind is Kind.QUOTE:
        return _judge_quote(claim, backing, supports, names, notes, by_id, rules)
    compiled = value_rules(rules)
    relations = [relation(claim, c, compiled) for c in backing]
    # The draft fails only if no source bears it out: one source agreeing is support.
    if relations and all(r == CONFLICT for r in relations):
        said = "; ".join(f"{names[c.source]} says {_words(c)}" for c in backing[:3])
        return _finding(claim, "conflict", (), f"the draft says {_words(claim)}; {said}: these cannot both be "
                        "true", supports, notes, by_id)
    return None


def _judge_quote(claim: Claim, backing: list[Claim], supports: tuple[Support, ...], names: dict[str, str],
                 notes: tuple[str, ...], by_id: dict[str, Source], rules: RuleSet) -> Finding | None:
    value = claim.value
    assert isinstance(value, QuoteValue)
    words = quote_words(value)
    flags: list[str] = []
    explanation = ""
    sources = [c for c in backing if isinstance(c.value, QuoteValue)]

    def printed_by(c: Claim) -> bool:
        other = quote_words(c.value)  # type: ignore[arg-type]
        return _inside(words, other) or _inside(other, words)

    faithful = [c for c in sources if printed_by(c)]
    verdict = None
    if not faithful:
        verdict = "quote_variant"
        nearest = sources[0]
        explanation = f"the draft quotes \u201c{value.text}\u201d; {names[nearest.source]} prints " \
                      f"\u201c{nearest.value.text}\u201d"  # type: ignore[union-attr]
    else:
        sic_in_sources = any("sic" in c.value.markers for c in faithful)  # type: ignore[union-attr]
        if sic_in_sources != ("sic" in value.markers):
            verdict = "quote_variant"
            explanation = ("the draft drops the [sic] its sources print" if sic_in_sources
                           else "the draft adds a [sic] its sources do not print")
    compiled = judge_rules(rules)
    speaker = speaker_surname(value.speaker, compiled)
    others = {s for c in sources if (s := speaker_surname(c.value.speaker, compiled))}  # type: ignore[union-attr]
    if speaker and others and speaker not in others:
        flags.append("attribution_conflict")
        said = ", ".join(f"{names[c.source]}: {c.value.speaker}" for c in sources  # type: ignore[union-attr]
                         if c.value.speaker)  # type: ignore[union-attr]
        extra = f"the draft gives the words to {value.speaker}; the sources to {said}"
        explanation = f"{explanation}; {extra}" if explanation else extra
        verdict = verdict or "attribution_conflict"
    if verdict is None:
        return None
    return _finding(claim, verdict, tuple(flags), explanation, supports, notes, by_id)


def _inside(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return 0 < n <= len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _source_notes(backing: list[Claim], names: dict[str, str], rules: RuleSet) -> tuple[str, ...]:
    """Where the sources disagree among themselves: worth knowing, never the draft's fault."""
    notes = []
    compiled = value_rules(rules)
    for i, a in enumerate(backing):
        for b in backing[i + 1:]:
            if a.source == b.source:
                continue
            if relation(a, b, compiled) == CONFLICT:
                notes.append(f"the sources disagree: {names[a.source]} says {_words(a)}, "
                             f"{names[b.source]} says {_words(b)}")
            va, vb = a.value, b.value
            if isinstance(va, QuoteValue) and isinstance(vb, QuoteValue) and va.medium and vb.medium \
                    and va.medium != vb.medium:
                notes.append(f"the sources disagree on the medium: {names[a.source]} says {va.medium}, "
                             f"{names[b.source]} says {vb.medium}")
    return tuple(dict.fromkeys(notes))


def _words(claim: Claim) -> str:
    return " ".join(claim.text.split())


def _support(claim: Claim, names: dict[str, str], by_id: dict[str, Source]) -> Support:
    return Support(claim.source, names[claim.source], by_id[claim.source].path, claim.span.line, claim.span.col,
                   _words(claim), " ".join(claim.sentence.split()))


def _finding(claim: Claim, verdict: str, flags: tuple[str, ...], explanation: str, supports: tuple[Support, ...],
             notes: tuple[str, ...], by_id: dict[str, Source]) -> Finding:
    draft = by_id[claim.source]
    return Finding(fingerprint=fingerprint(draft.path, claim, verdict), draft=draft.path, line=claim.span.line,
                   col=claim.span.col, kind=claim.kind.value, text=claim.text,
                   sentence=" ".join(claim.sentence.split()), verdict=verdict, flags=flags,
                   explanation=explanation, sources=supports, notes=notes)


def fingerprint(path: str, claim: Claim, verdict: str) -> str:
    """A finding's stable identity: the draft's name, what the claim says and the verdict.

    Not the line: a finding keeps its fingerprint when text above it moves.
    """
    key = "\n".join([Path(path).name, claim.kind.value, " ".join(claim.text.lower().split()), verdict])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _suppress(finding: Finding, draft: Source, options: CheckOptions) -> Finding:
    """Mark a finding the newsroom has accepted: inline, in configuration, or in a baseline."""
    lines = draft.text.splitlines()
    here = lines[finding.line - 1] if finding.line - 1 < len(lines) else ""
    above = lines[finding.line - 2] if finding.line >= 2 else ""
    if _IGNORE.search(here) or _IGNORE.search(above) or finding.fingerprint in options.ignore:
        return replace(finding, suppressed="ignored")
    if finding.fingerprint in options.baseline:
        return replace(finding, suppressed="baseline")
    return finding


def read_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints a baseline file accepts."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return frozenset(str(f["fingerprint"]) for f in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path}: not a reconcile baseline ({err})") from None


def write_baseline(result: CheckResult, path: str | Path) -> None:
    """Record today's findings, so that a later check fails only on new ones."""
    records = [{"fingerprint": f.fingerprint, "draft": Path(f.draft).name, "verdict": f.verdict, "text": f.text}
               for f in result.findings]
    try:
        Path(path).write_text(json.dumps({"findings": records}, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from None
