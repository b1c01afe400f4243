"""Drafts against their sources: the pre-publication check a newsroom runs in CI.

The draft is judged, not the sources. The sources' claims are aligned into facts by the
aligner `compare` uses; each draft claim is placed among those facts by what it is about,
whatever its value (`align.place`), and judged with their claims by the same judge (`judge`).
A finding is a draft claim that no source bears out: it conflicts with them, misquotes them
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

from .align import Facts, Placement, align_rules, facts, place
from .errors import InputError
from .extract import extract_claims
from .identity import PEOPLE_KINDS, group_people
from .judge import FLAGS, discrepant, guessed, judge, quotes_more, word_diff
from .language import pack_of, with_language
from .model import Claim, DateValue, Group, Kind, NameValue, QuoteValue, Source, Verdict, display_names, line_starts
from .origins import Origins, story_origins
from .pipeline import story_outlets
from .rules import RuleSet
from .sources import load_sources, override_metadata
from .values import COMPATIBLE, CONFLICT, SAME, ValueRules, bound_beyond, quote_words, relation, value_rules

DEFAULT_FAIL_ON = ("conflict", "quote_variant", "attribution_conflict")
# A finding's verdict, the nearest match first: an agreeing quotation given to another speaker,
# other words, values that cannot both be true; and a claim no source states.
# A relative date no dated source places comes last: a note to look at, not a fault.
SEVERITY = ("attribution_conflict", "quote_variant", "conflict", "unresolved_date", "unsupported")
VERDICTS = SEVERITY
# What --fail-on accepts: every verdict of a finding and every flag the judge gives.
FAIL_ON = tuple(dict.fromkeys((*VERDICTS, *FLAGS)))
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
    # The outlet this source reprints, and the organisation it credits for the claim, if any.
    copy_of: str | None = None
    credited: str | None = None


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
    copies: tuple[tuple[str, str], ...] = ()  # (reprint, original) among the sources, by id

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
    published: dict[str, str] = field(default_factory=dict)  # by draft or source id: YYYY-MM-DD
    # A draft or source in a language no pack reads is an error, not read in part.
    strict_languages: bool = False


def check(drafts: Iterable[str | Path], against: Iterable[str | Path], rules: RuleSet,
          options: CheckOptions | None = None) -> CheckResult:
    """Check the drafts under `drafts` against the sources under `against`.

    Each draft is checked on its own against the sources: what one draft gets never depends on
    the others checked with it, and a draft is never one of its own sources.
    """
    options = options or CheckOptions()
    loaded = _unique(load_sources(drafts))
    if not loaded:
        raise InputError("no draft to check")
    draft_paths = {Path(d.path).resolve() for d in loaded}
    sources = tuple(s for s in load_sources(against, outlets=options.outlets or None)
                    if Path(s.path).resolve() not in draft_paths)
    for option, given in (("--lang", options.languages), ("--published", options.published)):
        unknown = sorted(set(given) - {s.id for s in (*loaded, *sources)})
        if unknown:
            raise InputError(f"{option} {unknown[0]}=...: no draft or source with id {unknown[0]!r}")
    # A language or date given for a draft or source is its own: a dated draft is read in its own time frame.
    loaded, sources = (tuple(override_metadata(s, options.published, {}, options.languages) for s in found)
                       for found in (loaded, sources))
    return check_sources(loaded, sources, rules, options)


def check_sources(drafts: tuple[Source, ...], sources: tuple[Source, ...], rules: RuleSet,
                  options: CheckOptions | None = None) -> CheckResult:
    """Check drafts already read against sources already read: the library's check.

    The sources' claims are read and aligned into facts once; each draft claim is then placed
    among those facts (its best fit, whatever its value) and judged against them.
    """
    options = options or CheckOptions()
    sources = tuple(with_language(s, rules, strict=options.strict_languages) for s in sources)
    loaded = tuple(with_language(d, rules, strict=options.strict_languages) for d in drafts)
    taken = {s.id for s in sources}
    # A draft id never collides with a source id: its claims must stay the draft's.
    draft_sources = tuple(replace(d, id=f"draft:{d.id}") if d.id in taken else d for d in loaded)
    # An undated source is read in the story's time frame (its latest date), as `compare` reads it.
    story_date = max((s.published for s in sources if s.published), default=None)
    outlets = story_outlets(sources)
    source_claims = tuple(c for s in sources for c in extract_claims(s, rules, story_date=story_date,
                                                                     outlets=outlets))
    story = rules.for_languages({language for s in (*sources, *draft_sources) if (language := pack_of(s))})
    # Reprints among the sources are one origin: a note that "the sources disagree" counts origins.
    origins = story_origins(sources, story)
    known = facts(sources, source_claims, story)
    spelled = {c.value.name for c in source_claims if isinstance(c.value, NameValue)}
    # The sources' claims about people, grouped with each draft's by whom they name.
    about_people = group_people(source_claims, story)[0]
    people_claims = tuple(c for group in about_people for c in group)
    findings: list[Finding] = []
    checked: list[Claim] = []
    for draft in draft_sources:
        everything = (*sources, draft)
        names = display_names(everything)
        by_id = {s.id: s for s in everything}
        draft_claims = extract_claims(draft, rules, story_date=story_date, outlets=outlets)
        frames = _frames(draft, draft_claims, sources, story_date, rules)
        found: list[Finding] = []
        # Names and titles go by whom they name, with the sources' own.
        people, rest = group_people((*people_claims, *draft_claims), story)
        for group in people:
            backing = [c for c in group if c.source != draft.id]
            for claim in (c for c in group if c.source == draft.id):
                finding = _judge(claim, backing, names, by_id, story, options, origins=origins).finding
                if finding is not None and isinstance(claim.value, NameValue) and claim.value.name in spelled:
                    continue  # a source spells the name as the draft does: one bearing it out is enough
                if finding is not None:
                    found.append(finding)
        placed = {c.id for c in rest if c.source == draft.id}
        for placement in place(known, draft, (c for c in draft_claims if c.id in placed)):
            finding = _placed(placement, known, names, by_id, story, options, frames, origins)
            if finding is not None:
                found.append(finding)
        checked.extend(draft_claims)
        findings.extend(_suppress(f, draft, options) for f in _numbered(found))
    return CheckResult(draft_sources, sources, tuple(checked),
                       tuple(sorted(findings, key=lambda f: (f.draft, f.line, f.col, f.kind))),
                       options.fail_on, origins.pairs)


@dataclass(frozen=True, slots=True)
class Frames:
    """An undated draft's dates read in the time frames of its story, by span.

    `own`: in each source's frame (by source id), the frame a claim of that source is judged
    in; `every`: in each frame of the story, any of which the draft may be written in.
    """

    own: dict[str, dict[tuple[int, int], Claim]]
    every: tuple[dict[tuple[int, int], Claim], ...]


def _frames(draft: Source, claims: tuple[Claim, ...], sources: tuple[Source, ...], story_date: dt.date | None,
            rules: RuleSet) -> Frames | None:
    """An undated draft's dates as read in the time frame of each source's date.

    A draft being written has no date of its own: its "on Monday" is the Monday of the source
    it is compared with, never only of the story's latest.
    """
    if draft.published is not None or not any(c.kind is Kind.DATE for c in claims):
        return None
    read = {day: {(c.span.start, c.span.end): c
                  for c in extract_claims(draft, rules, story_date=day, kinds=(Kind.DATE,))}
            for day in {s.published or story_date for s in sources} if day is not None}
    # In a dated source's frame the day is placed, not guessed: it is judged like any other.
    dated = {s.published for s in sources if s.published}
    placed = {day: {span: replace(c, value=replace(c.value, inferred=False)) if isinstance(c.value, DateValue)
                    and day in dated else c for span, c in found.items()} for day, found in read.items()}
    # An undated source is read in the story's latest frame: there the draft's day stays a guess too.
    frames = {s.id: (placed if s.published else read)[day] for s in sources
              if (day := s.published or story_date) is not None}
    return Frames(frames, tuple(placed[day] for day in sorted(placed)))


def _placed(placement: Placement, known: Facts, names: dict[str, str], by_id: dict[str, Source], rules: RuleSet,
            options: CheckOptions, frames: Frames | None, origins: Origins) -> Finding | None:
    """What is wrong with a draft claim, judged against the facts it fits best.

    A fact stating its value that fits nearly as well as the best bears it out. Else the best
    fact it can be told against decides, where it fits well enough for a fault to be asserted;
    other faulting facts that fit as well are named with it.
    """
    claim = placement.claim
    unsupported = _judge(claim, [], names, by_id, rules, options, origins=origins).finding  # None unless asked for
    place = align_rules(rules).placing
    best_fit = placement.fits[0][0] if placement.fits else 0.0
    told: list[tuple[float, Finding]] = []
    for fit, g in placement.fits:
        if told and fit < best_fit * place.support[placement.part]:
            break  # nothing fitting this little bears it out once a better fit faults it
        judged = _judge(claim, list(known.groups[g]), names, by_id, rules, options, frames, origins)
        # A fact stating the very value bears the claim out where it fits nearly as well as the
        # best; one only compatible with it, where no better-fitting fact faults it.
        if judged.borne and (fit >= best_fit * place.support[placement.part] if judged.same else not told):
            return None
        if judged.finding is not None:
            told.append((fit, judged.finding))
    if not told or told[0][0] < place.conflict[placement.part]:
        return unsupported  # no fact it fits well enough to be told wrong, and none bears it out
    best_told, best = told[0]
    rest = [f for fit, f in told[1:] if fit >= best_told - place.tie]
    if not rest:
        return best
    others = "; ".join(f.explanation for f in rest)
    return replace(best, notes=(*best.notes, f"it fits {len(rest) + 1} facts of the sources about as well: {others}"))


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
    reason: str = ""  # why they differ, without who says what


class Judged(NamedTuple):
    """A draft claim against one fact: borne out, faulted (a finding), or neither (nothing to tell).

    `same`: borne out by a source stating its very value, not only a compatible one.
    """

    borne: bool
    finding: Finding | None = None
    same: bool = False


def _judge(claim: Claim, backing: list[Claim], names: dict[str, str], by_id: dict[str, Source],
           rules: RuleSet, options: CheckOptions, frames: Frames | None = None,
           origins: Origins | None = None) -> Judged:
    """What is wrong with one draft claim, judged against the source claims of its fact.

    Each source claim is judged with the draft claim as a group of two, by the judge `compare`
    uses; an undated draft's date is read in each source's own time frame (`frames`). One
    source stating the draft's value bears it out, whatever the others say. A value only
    compatible with some sources (within "roughly $8 billion", a conversion in the band) is
    borne out only if no source contradicts it: "$9 billion" is not, beside "$8 billion". A
    quotation in another language neither bears the draft's words out nor faults them.
    """
    supports = tuple(_support(c, names, by_id, origins) for c in backing)
    if not backing:
        if not options.unsupported:
            return Judged(False)
        return Judged(False, _finding(claim, "unsupported", (), "no source states this", supports, (), by_id))
    languages = {sid: source.language for sid, source in by_id.items()}
    published = {sid: source.published for sid, source in by_id.items()}
    named = {**names, claim.source: "the draft"}
    values = value_rules(rules)
    strict = claim.kind not in PEOPLE_KINDS and claim.kind is not Kind.QUOTE
    faults: list[tuple[Fault, Claim, Claim]] = []
    compatible = False
    span = (claim.span.start, claim.span.end)
    for other in backing:
        mine = frames.own.get(other.source, {}).get(span, claim) if frames else claim
        # The source first: explanations read from what the source says to what the draft says.
        pair = judge("", (other, mine), named, rules, languages, published=published)
        fault = _fault(mine, other, pair, named, values)
        if frames and (fault is not None or pair.verdict is not Verdict.AGREE):
            # Right as of another day of the story, which the draft may be written on.
            found = {relation(read[span], other, values) for read in frames.every if span in read}
            if SAME in found:
                return Judged(True, same=True)
            if COMPATIBLE in found:
                fault, pair = None, replace(pair, verdict=Verdict.COMPATIBLE)
        if fault is None and (guessed(mine) or guessed(other)) and relation(mine, other, values) == CONFLICT:
            if guessed(other):
                continue  # an undated source's relative day is a guess: it neither bears out nor faults
            # No dated source places the draft's relative day: told, never failed.
            fault = Fault("unresolved_date", pair.flags, pair.explanation,
                          "no dated source places the draft's day, so it is not compared")
        if fault is None and "translated" not in pair.flags:
            if pair.verdict is Verdict.AGREE or not strict:
                return Judged(True, same=pair.verdict is Verdict.AGREE)
            compatible = True
        if fault is not None:
            faults.append((fault, mine, other))
    if not faults:
        return Judged(compatible)
    # Of the ways the draft differs, the nearest says what is wrong; every source's flags stay.
    verdict = min((f.verdict for f, _, _ in faults), key=SEVERITY.index)
    given = {flag for fault, _, _ in faults for flag in fault.flags}
    flags = (*(f for f in FLAGS if f in given), *sorted(given - set(FLAGS)))
    return Judged(False, _finding(claim, verdict, flags,
                                  _explained([f for f in faults if f[0].verdict == verdict], names, values), supports,
                                  _source_notes(backing, names, rules, languages, published, origins), by_id))


def _explained(faults: list[tuple[Fault, Claim, Claim]], names: dict[str, str], values: ValueRules) -> str:
    """What the draft says against what the sources say, as an editor reads it.

    "the draft says $35,000; Alpha, Beta and 4 others say $30,000": the value most of those
    sources state (however each words it), in the wording most of them print, with the
    sources stating it; then the judge's reason.
    """
    fault, mine, _ = faults[0]
    if fault.verdict == "attribution_conflict" or mine.kind in PEOPLE_KINDS:
        return fault.explanation  # whom the words are given to, or what a person is called: told as such
    alike: list[list[tuple[Fault, Claim]]] = []  # the sources' claims, by the value they state
    for found, _, other in faults:
        cluster = next((c for c in alike if _states_alike(c[0][1], other, values)), None)
        if cluster is None:
            alike.append([(found, other)])
        else:
            cluster.append((found, other))
    cluster = max(alike, key=lambda c: len({other.source for _, other in c}))
    wordings = [_words(other) for _, other in cluster]
    wording = max(dict.fromkeys(wordings), key=wordings.count)
    who = list(dict.fromkeys(names[other.source] for _, other in cluster))
    reason = cluster[0][0].reason
    verb = ("print", "quotes") if mine.kind is Kind.QUOTE else ("say", "says")
    if mine.kind is Kind.QUOTE:
        theirs, wording = f"\u201c{_words(mine)}\u201d", f"\u201c{wording}\u201d"
    else:
        theirs = _words(mine)
    said = f"the draft {verb[1]} {theirs}; {_listed(who)} {verb[1 if len(who) == 1 else 0]} {wording}"
    return f"{said}: {reason}" if reason else said


def _states_alike(a: Claim, b: Claim, values: ValueRules) -> bool:
    """Whether two source claims state one value (a quotation: the same words), however worded."""
    if isinstance(a.value, QuoteValue) and isinstance(b.value, QuoteValue):
        return quote_words(a.value) == quote_words(b.value)
    return relation(a, b, values) == SAME


def _listed(outlets: list[str]) -> str:
    """"A", "A and B", "A, B and C", "A, B and 4 others"."""
    if len(outlets) <= 3:
        return " and ".join([", ".join(outlets[:-1]), outlets[-1]] if len(outlets) > 1 else outlets)
    return f"{outlets[0]}, {outlets[1]} and {len(outlets) - 2} others"


def _fault(claim: Claim, other: Claim, pair: Group, names: dict[str, str], values: ValueRules) -> Fault | None:
    """How the draft claim differs from one source claim, judged together as `pair`, or None."""
    if pair.verdict is Verdict.QUOTE_VARIANT:
        assert isinstance(claim.value, QuoteValue) and isinstance(other.value, QuoteValue)
        theirs, mine = quote_words(other.value), quote_words(claim.value)
        # The words that differ tell why ("bridge -> road"); with the same words, the marks do.
        return Fault(pair.verdict.value, pair.flags, pair.explanation,
                     word_diff(theirs, mine) if theirs != mine else pair.explanation)
    if pair.verdict is Verdict.CONFLICT:
        # The judge says who says what, then why: the why stays, the who is told by `_explained`.
        return Fault(pair.verdict.value, pair.flags, pair.explanation, pair.explanation.partition(": ")[2])
    # The draft is judged, not the source: it may quote less than a source prints, never more.
    if claim.kind is Kind.QUOTE and "translated" not in pair.flags and quotes_more(claim, other):
        assert isinstance(claim.value, QuoteValue) and isinstance(other.value, QuoteValue)
        return Fault("quote_variant", pair.flags, f"the draft quotes \u201c{claim.value.text}\u201d; "
                     f"{names[other.source]} prints only \u201c{other.value.text}\u201d",
                     "the draft quotes more than its sources print")
    if discrepant(pair):
        return Fault("attribution_conflict", pair.flags, pair.explanation)
    # Likewise a bound may say less than a source, never more: "more than 400" is not borne out
    # by "more than 300", though both may be true.
    if bound_beyond(claim, other, values):
        return Fault("conflict", pair.flags, f"the draft says {_words(claim)}; {names[other.source]} says "
                     f"{_words(other)}: the draft claims more than the source bears out",
                     "the draft claims more than the source bears out")
    return None


def _source_notes(backing: list[Claim], names: dict[str, str], rules: RuleSet, languages: dict[str, str | None],
                  published: dict[str, dt.date | None], origins: Origins | None) -> tuple[str, ...]:
    """Where the sources disagree among themselves: worth knowing, never the draft's fault."""
    if len({c.source for c in backing}) < 2:
        return ()
    group = judge("", tuple(backing), names, rules, languages, origins, published=published)
    return (f"the sources disagree: {group.explanation}",) if discrepant(group) else ()


def _words(claim: Claim) -> str:
    return " ".join(claim.text.split())


def _support(claim: Claim, names: dict[str, str], by_id: dict[str, Source], origins: Origins | None) -> Support:
    original = origins.copies.get(claim.source) if origins else None
    return Support(claim.source, names[claim.source], by_id[claim.source].path, claim.span.line, claim.span.col,
                   _words(claim), " ".join(claim.sentence.split()), names.get(original) if original else None,
                   claim.credited)


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
