"""Drafts against their sources: the pre-publication check a newsroom runs in CI.

The draft is judged, not the sources. Each draft claim is aligned with the sources' claims
(the same aligner `compare` uses) and judged with each of them by the same judge (`judge`);
a finding is a draft claim that no source bears out: it conflicts with them, misquotes them
(other words, or other editorial marks: a [sic], an insertion in brackets, an ellipsis),
gives a quotation to another person or medium, or (when asked) no source states it. Where the
sources disagree among themselves, that is a note on the finding, never a failure of the draft.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from .align import align
from .errors import InputError
from .extract import extract_claims
from .judge import FLAGS, discrepant, judge, quotes_more
from .language import with_language
from .model import Claim, Group, Kind, QuoteValue, Source, Verdict, display_names, line_starts
from .rules import RuleSet
from .sources import load_sources
from .values import ValueRules, bound_beyond, value_rules

DEFAULT_FAIL_ON = ("conflict", "quote_variant", "attribution_conflict")
# A finding's verdict, the nearest match first: an agreeing quotation given to another speaker,
# other words, values that cannot both be true; and a claim no source states.
SEVERITY = ("attribution_conflict", "quote_variant", "conflict")
VERDICTS = (*SEVERITY, "unsupported")
# What --fail-on accepts: every verdict of a finding and every flag the judge gives.
FAIL_ON = (*VERDICTS, *FLAGS)
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
    languages: dict[str, str] = field(default_factory=dict)  # by draft or source id


def check(drafts: Iterable[str | Path], against: Iterable[str | Path], rules: RuleSet,
          options: CheckOptions | None = None) -> CheckResult:
    """Check the drafts under `drafts` against the sources under `against`.

    Each draft is checked on its own against the sources: what one draft gets never depends on
    the others checked with it, and a draft is never one of its own sources.
    """
    options = options or CheckOptions()
    loaded = _with_languages(_unique(load_sources(drafts)), options.languages)
    if not loaded:
        raise InputError("no draft to check")
    draft_paths = {Path(d.path).resolve() for d in loaded}
    sources = tuple(with_language(s, rules)
                    for s in _with_languages(load_sources(against, outlets=options.outlets or None), options.languages)
                    if Path(s.path).resolve() not in draft_paths)
    unknown = sorted(set(options.languages) - {s.id for s in (*loaded, *sources)})
    if unknown:
        raise InputError(f"--lang {unknown[0]}=...: no draft or source with id {unknown[0]!r}")
    loaded = tuple(with_language(d, rules) for d in loaded)
    taken = {s.id for s in sources}
    # A draft id never collides with a source id: its claims must stay the draft's.
    draft_sources = tuple(replace(d, id=f"draft:{d.id}") if d.id in taken else d for d in loaded)
    # A draft without a date of its own is read in the time frame of its sources.
    story_date = max((s.published for s in sources if s.published), default=None)
    source_claims = tuple(c for s in sources for c in extract_claims(s, rules, story_date=story_date))
    findings: list[Finding] = []
    checked: list[Claim] = []
    for draft in draft_sources:
        everything = (*sources, draft)
        names = display_names(everything)
        by_id = {s.id: s for s in everything}
        draft_claims = extract_claims(draft, rules, story_date=story_date)
        story = rules.for_languages({s.language for s in everything if s.language})
        found: list[Finding] = []
        for group in align(everything, (*source_claims, *draft_claims), story):
            backing = [c for c in group if c.source != draft.id]
            for claim in (c for c in group if c.source == draft.id):
                finding = _judge(claim, backing, names, by_id, story, options)
                if finding is not None:
                    found.append(finding)
        checked.extend(draft_claims)
        findings.extend(_suppress(f, draft, options) for f in _numbered(found))
    return CheckResult(draft_sources, sources, tuple(checked),
                       tuple(sorted(findings, key=lambda f: (f.draft, f.line, f.col, f.kind))),
                       options.fail_on)


def _with_languages(sources: tuple[Source, ...], languages: dict[str, str]) -> tuple[Source, ...]:
    return tuple(replace(s, language=languages[s.id].lower()) if s.id in languages else s for s in sources)


def _unique(drafts: tuple[Source, ...]) -> tuple[Source, ...]:
    """Each draft once, however often it was named."""
    seen: dict[Path, Source] = {}
    for draft in drafts:
        seen.setdefault(Path(draft.path).resolve(), draft)
    return tuple(seen.values())


def _numbered(found: list[Finding]) -> list[Finding]:
    """Fingerprints that tell repeats apart: the second identical finding in a draft is another."""
    seen: dict[str, int] = {}
    numbered = []
    for finding in sorted(found, key=lambda f: (f.line, f.col)):
        n = seen.get(finding.fingerprint, 0)
        seen[finding.fingerprint] = n + 1
        numbered.append(replace(finding, fingerprint=_digest(f"{finding.fingerprint}#{n}")) if n else finding)
    return numbered


class Fault(NamedTuple):
    """How a draft claim differs from one source claim."""

    verdict: str
    flags: tuple[str, ...]
    explanation: str


def _judge(claim: Claim, backing: list[Claim], names: dict[str, str], by_id: dict[str, Source],
           rules: RuleSet, options: CheckOptions) -> Finding | None:
    """What is wrong with one draft claim, judged against the source claims aligned with it.

    Each source claim is judged with the draft claim as a group of two, by the judge `compare`
    uses. The draft fails only if no source bears it out: one source agreeing is support. A
    quotation in another language neither bears the draft's words out nor faults them.
    """
    supports = tuple(_support(c, names, by_id) for c in backing)
    if not backing:
        if not options.unsupported:
            return None
        return _finding(claim, "unsupported", (), "no source states this", supports, (), by_id)
    languages = {sid: source.language for sid, source in by_id.items()}
    published = {sid: source.published for sid, source in by_id.items()}
    named = {**names, claim.source: "the draft"}
    values = value_rules(rules)
    faults = []
    for other in backing:
        # The source first: explanations read from what the source says to what the draft says.
        pair = judge("", (other, claim), named, rules, languages, published=published)
        fault = _fault(claim, other, pair, named, values)
        if fault is None and "translated" not in pair.flags:
            return None
        if fault is not None:
            faults.append(fault)
    if not faults:
        return None
    # Of the ways the draft differs, the nearest says what is wrong; every source's flags stay.
    nearest = min(faults, key=lambda f: SEVERITY.index(f.verdict))
    given = {flag for fault in faults for flag in fault.flags}
    flags = (*(f for f in FLAGS if f in given), *sorted(given - set(FLAGS)))
    return _finding(claim, nearest.verdict, flags, nearest.explanation, supports,
                    _source_notes(backing, names, rules, languages, published), by_id)


def _fault(claim: Claim, other: Claim, pair: Group, names: dict[str, str], values: ValueRules) -> Fault | None:
    """How the draft claim differs from one source claim, judged together as `pair`, or None."""
    if pair.verdict in (Verdict.CONFLICT, Verdict.QUOTE_VARIANT):
        return Fault(pair.verdict.value, pair.flags, pair.explanation)
    # The draft is judged, not the source: it may quote less than a source prints, never more.
    if claim.kind is Kind.QUOTE and "translated" not in pair.flags and quotes_more(claim, other):
        assert isinstance(claim.value, QuoteValue) and isinstance(other.value, QuoteValue)
        return Fault("quote_variant", pair.flags, f"the draft quotes \u201c{claim.value.text}\u201d; "
                     f"{names[other.source]} prints only \u201c{other.value.text}\u201d")
    if discrepant(pair):
        return Fault("attribution_conflict", pair.flags, pair.explanation)
    # Likewise a bound may say less than a source, never more: "more than 400" is not borne out
    # by "more than 300", though both may be true.
    if bound_beyond(claim, other, values):
        return Fault("conflict", pair.flags, f"the draft says {_words(claim)}; {names[other.source]} says "
                     f"{_words(other)}: the draft claims more than the source bears out")
    return None


def _source_notes(backing: list[Claim], names: dict[str, str], rules: RuleSet,
                  languages: dict[str, str | None], published: dict[str, dt.date | None]) -> tuple[str, ...]:
    """Where the sources disagree among themselves: worth knowing, never the draft's fault."""
    if len({c.source for c in backing}) < 2:
        return ()
    group = judge("", tuple(backing), names, rules, languages, published=published)
    return (f"the sources disagree: {group.explanation}",) if discrepant(group) else ()


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
    """A finding's stable identity: the draft's path, what the claim says and the verdict.

    Not the line: a finding keeps its fingerprint when text above it moves.
    """
    where = Path(os.path.relpath(Path(path).resolve())).as_posix()
    return _digest("\n".join([where, claim.kind.value, " ".join(claim.text.lower().split()), verdict]))


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _suppress(finding: Finding, draft: Source, options: CheckOptions) -> Finding:
    """Mark a finding the newsroom has accepted: inline, in configuration, or in a baseline."""
    starts = draft.line_starts or line_starts(draft.text)

    def line(n: int) -> str:  # the n-th line (1-based), cut where the reports cut lines
        if not 1 <= n <= len(starts):
            return ""
        return draft.text[starts[n - 1]:starts[n] if n < len(starts) else len(draft.text)]

    if _IGNORE.search(line(finding.line)) or _IGNORE.search(line(finding.line - 1)) \
            or finding.fingerprint in options.ignore:
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


def accept_all(result: CheckResult) -> CheckResult:
    """The result with every open finding accepted, as a freshly written baseline does."""
    accepted = tuple(f if f.suppressed else replace(f, suppressed="baseline") for f in result.findings)
    return replace(result, findings=accepted)
