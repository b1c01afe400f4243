"""Source -> claims: every atomic statement a source makes, with its provenance."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..errors import RuleError
from ..language import pack_of, with_language
from ..model import Claim, DateValue, Kind, QuoteValue, Source, Value, line_starts
from ..rules import RuleSet
from ..text import Prepared, prepare
from .attribution import attribute, attribution_rules
from .credits import credit_of, find_credits
from .dates import date_rules, find_dates, resolve
from .durations import date_spans, duration_rules, find_durations
from .lexicon import lexicon
from .people import find_people
from .quantities import scan_quantities
from .quotes import find_stretches, is_short, markers, normalise, quote_rules
from .spans import merged
from .tokens import tokenize_spans

__all__ = ["extract_claims", "claims_from_text"]

# Where two claims start at the same offset, the order they are listed in.
_KIND_ORDER = {kind: n for n, kind in enumerate(Kind)}


_QUANTITIES = frozenset({Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.MEASURE})
_PEOPLE = frozenset({Kind.AGE, Kind.NAME, Kind.TITLE})


def extract_claims(source: Source, rules: RuleSet, *, story_date: dt.date | None = None,
                   kinds: Iterable[Kind] | None = None, outlets: Iterable[str] = ()) -> tuple[Claim, ...]:
    """The claims of one source, in text order; each claim's text is source.text[start:end].

    Relative dates are placed against the source's publication date; an undated source is
    read against `story_date` (the latest date of the sources given with it), and its values
    say so with `inferred`. `kinds` limits the claims to those kinds (all of them if not
    given); what no wanted kind needs is not read at all. `outlets` are the names the story's
    sources are published under: a sentence crediting one of them passes its claims on from it.
    """
    wanted = frozenset(Kind) if kinds is None else frozenset(kinds)
    if not source.line_starts:
        source = replace(source, line_starts=line_starts(source.text))  # index lines once, not per claim
    source = with_language(source, rules)
    rules = rules.for_language(pack_of(source) or rules.languages[0])
    prepared = prepare(source, rules)
    # People need the quotations: an acronym inside one is marked as quoted.
    quotes = _quotes(prepared, rules) if wanted & {Kind.QUOTE, *_PEOPLE} else []
    # Only sentences that hold a digit or a number word can hold a quantity or an age.
    numeric = lexicon(rules).numeric(prepared.view, prepared.sentences)
    claims = [*(_quantities(prepared, rules, numeric) if wanted & _QUANTITIES else ()),
              *(_dates(prepared, rules, story_date) if Kind.DATE in wanted else ()), *quotes,
              *(_people(prepared, rules, [(q.span.start, q.span.end) for q in quotes], numeric)
                if wanted & _PEOPLE else ())]
    if Kind.DURATION in wanted:
        claims += _durations(prepared, rules, claims)
    inside = _within(quotes)
    whole = _whole(source.text, prepared.start)
    credit = _credits(prepared, rules, outlets)
    return tuple(sorted((credit(replace(c, quoted=True) if c.kind is not Kind.QUOTE and inside(c) else c)
                         for c in claims if c.kind in wanted and (c.kind is Kind.QUOTE or whole(c))),
                        key=lambda c: (c.span.start, _KIND_ORDER[c.kind], c.span.end)))


def _credits(prepared: Prepared, rules: RuleSet, outlets: Iterable[str]) -> Callable[[Claim], Claim]:
    """A claim with whom its sentence (or the article's dateline) credits for it."""
    found, dateline = find_credits(prepared, rules, outlets)
    if not found and dateline is None:
        return lambda claim: claim
    starts = [c.start for c in found]

    def credit(claim: Claim) -> Claim:
        span = (claim.span.start, claim.span.end)
        org, anonymous = credit_of(found, starts, dateline, prepared.sentence_around(*span), span)
        return replace(claim, credited=org, anonymous=anonymous) if org or anonymous else claim

    return credit


# A text that opens on a lower-case letter, or ends without closing punctuation, was cut out of
# a longer one (a scraped excerpt); its first or last word may be part of a word. (A text may
# open on a digit: headlines do.)
_OPENS_CUT = re.compile(r"\s*[^\W\d_]", re.UNICODE)
_CLOSING = ".!?\"\u201d\u2019')]"
_WORD_RUN = re.compile(r"\S*")


def _whole(text: str, body_start: int) -> Callable[[Claim], bool]:
    """A test of whether a claim was read whole, not cut by where an excerpt begins or ends.

    At a cut end, a claim followed by no more than one (partial) word may have lost its scale or
    unit ("$2.5 mil" for "$2.5 million"); at a cut start, one inside the first word may have lost
    its beginning ("llion euros" for "two billion euros").
    """
    head = _OPENS_CUT.match(text, body_start)
    head = head if head and text[head.end() - 1].islower() else None
    first_word_end = _WORD_RUN.match(text, head.end() - 1).end() if head else body_start
    cut_tail = text.rstrip()[-1:] not in _CLOSING
    last_word = _last_word(text)

    def whole(claim: Claim) -> bool:
        if head and claim.span.start < first_word_end:
            return False
        return not (cut_tail and claim.span.end >= last_word)

    return whole


def _last_word(text: str) -> int:
    """Where the text's last word begins, with the spaces before it.

    A claim ending there or after it has at most one word after it. Found once, walking back,
    so that testing every claim costs no more than reading the text.
    """
    k = len(text.rstrip())
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k


def _within(quotes: list[Claim]) -> Callable[[Claim], bool]:
    """A test of whether a claim stands inside one of the quotations (nested ones included)."""
    starts, ends = merged((q.span.start, q.span.end) for q in quotes)

    def inside(claim: Claim) -> bool:
        k = bisect.bisect_right(starts, claim.span.start) - 1
        return k >= 0 and claim.span.end <= ends[k]

    return inside


def claims_from_text(text: str, rules: RuleSet, *, source_id: str = "text", published: dt.date | None = None,
                     story_date: dt.date | None = None, language: str | None = None) -> tuple[Claim, ...]:
    """The claims of a string, as a source published on `published` (handy in tests and notebooks)."""
    source = Source(id=source_id, path="<text>", text=text, published=published, language=language)
    return extract_claims(source, rules, story_date=story_date)


def _quantities(prepared: Prepared, rules: RuleSet, numeric: list[tuple[int, int]]) -> list[Claim]:
    lex = lexicon(rules)
    view = prepared.view
    tokens = tokenize_spans(view, numeric, marks=number_marks(rules))
    found = scan_quantities(tokens, view, lex, prepared.sentence_at)
    return [_claim(prepared, f.kind, f.start, f.end, f.value, f.rule) for f in found]


def number_marks(rules: RuleSet) -> tuple[str, str]:
    """How the language groups digits and marks decimals: (",", ".") in English, (".", ",") in Spanish."""
    numbers = rules.of_type("numbers")
    if "group_mark" not in numbers or "decimal_mark" not in numbers:
        raise RuleError(f"the {'/'.join(rules.languages)} rules do not say how numbers are written "
                        "(numbers: group_mark, decimal_mark)")
    return str(numbers["group_mark"]), str(numbers["decimal_mark"])


def _dates(prepared: Prepared, rules: RuleSet, story_date: dt.date | None) -> list[Claim]:
    compiled = date_rules(rules)
    reference = prepared.source.published or story_date
    inferred = prepared.source.published is None and reference is not None
    rule = rules.name_of("dates")
    # A phrase joined to a time of day carries it, and its value states it (as `times_of_day` reads it).
    return [_claim(prepared, Kind.DATE, phrase.start, phrase.end,
                   resolve(phrase, reference, inferred=inferred, compiled=compiled), rule)
            for phrase in find_dates(prepared.view, prepared.start, prepared.end, compiled)]


def _durations(prepared: Prepared, rules: RuleSet, others: list[Claim]) -> list[Claim]:
    """Durations, save where another claim already reads those words (a date, an age).

    A span is one claim: "the last week" stays what the dates make of it, "a 22-year-old" an age.
    The stretch between two dates ("from Monday to Wednesday") is the one duration made of dates:
    it spans them, and they stay.
    """
    compiled = duration_rules(rules)
    if compiled is None:
        return []
    starts, ends = merged((c.span.start, c.span.end) for c in others if c.kind is not Kind.QUOTE)
    found = find_durations(prepared.view, list(prepared.sentences), compiled, number_marks(rules))

    def free(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end) - 1  # the last taken stretch that starts before the end
        return k < 0 or ends[k] <= start

    spans = date_spans(prepared.view, [(c.span.start, c.span.end, c.value) for c in others
                                       if c.kind is Kind.DATE and isinstance(c.value, DateValue)], compiled)
    return [_claim(prepared, Kind.DURATION, f.start, f.end, f.value, compiled.rule)
            for f in [*(f for f in found if free(f.start, f.end)), *spans]]


def _quotes(prepared: Prepared, rules: RuleSet) -> list[Claim]:
    compiled = quote_rules(rules)
    text = prepared.source.text
    stretches = find_stretches(text, prepared.view, prepared.start, prepared.end, compiled)
    attributions = attribute(prepared, stretches, attribution_rules(rules))
    claims = []
    for stretch, attribution in zip(stretches, attributions, strict=True):
        for start, end in stretch.pieces(text):
            value = QuoteValue(
                text=normalise(prepared.view, start, end),
                speaker=attribution.speaker,
                role=attribution.role,
                medium=attribution.medium,
                markers=markers(text[start:end], compiled),
                short=is_short(text[start:end], compiled),
                nested=stretch.nested,
            )
            claims.append(_claim(prepared, Kind.QUOTE, start, end, value, rules.name_of("quotes")))
    return claims


def _people(prepared: Prepared, rules: RuleSet, quoted: list[tuple[int, int]],
            numeric: list[tuple[int, int]]) -> list[Claim]:
    rule = rules.name_of("people")
    return [_claim(prepared, Kind(f.kind), f.start, f.end, f.value, rule)
            for f in find_people(prepared, rules, quoted, numeric)]


def _claim(prepared: Prepared, kind: Kind, start: int, end: int, value: Value, rule: str) -> Claim:
    source = prepared.source
    s_start, s_end = prepared.sentence_around(start, end)
    return Claim(
        id=f"{source.id}:{kind.value}:{start}",
        source=source.id,
        kind=kind,
        span=source.span(start, end),
        text=source.text[start:end],
        sentence=prepared.text_of(s_start, s_end),
        value=value,
        rule=rule,
        sentence_start=s_start,
    )
