"""Does `reconcile check` catch a changed fact, and pass a faithful one? A mutation benchmark.

    python -m benchmarks run check [--story NAME ...] [--no-gvc] [--limit N]

For each development story (../shared/dev/STORY/, its gold STORY.scorer.json) and each fact the gold
calls agree or compatible, each outlet's sentence stating it becomes a one-sentence draft, checked against
the story's other outlets by the library's check (`reconcile.check.check_sources`):

- as printed: a failing finding on it is a false alarm, unless it is about another fact of that sentence
  that the gold calls a conflict or a quote variant (the outlet's own discrepancy, not the check's);
- with the fact changed, one mutation at a time: a failing finding on the changed claim is a detection.

Drafts carry no date of their own, as a draft being written has none: their relative dates are read in
the frame of the sources they align with. GVC incidents with two or more articles give drafts the same
way, from the sentences that state an incident's toll (killed or injured) as the corpus's truth has it,
where another article states it too. The mutations are plain text edits (MUTATIONS below); which apply to
a fact depends on its kind. Figures go to reports/benchmarks/check.{json,md}: detection and false-alarm
rates per kind and per mutation, and every miss and false alarm.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.check import CheckOptions, CheckResult, check_sources
from reconcile.extract import extract_claims
from reconcile.judge import judge_rules, speaker_surname
from reconcile.model import Kind, QuoteValue, Source, line_starts
from reconcile.rules import RuleSet
from reconcile.sources import load_sources
from reconcile.text import prepare

from .corpora import _STATED, NUMBER_WORDS, incidents, sources_of

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "dev"
GVC = DEV.parent / "benchmarks" / "gvc" / "incidents.jsonl"
JUDGED = ("agree", "compatible")
# A discrepancy the outlet itself printed: a finding on it is the sources' difference, not a false alarm.
EXCUSED = ("conflict", "quote_variant")
NUMBERED = ("money", "count", "percent", "measure", "age", "duration")
TARGET = {"detection": 0.90, "kind_detection": 0.85, "false_alarms": 0.03}
TARGET_KINDS = ("money", "count", "date", "quote")


@dataclass(frozen=True, slots=True)
class Draft:
    """One sentence of one outlet, as printed or with one fact changed."""

    story: str
    outlet: str
    fact: str
    kind: str
    mutation: str  # "printed", or the mutation's name
    text: str
    span: tuple[int, int]  # the fact's characters in the draft (after the change)
    excused: tuple[tuple[int, int], ...] = ()  # other facts of the sentence the gold calls discrepant
    # Where the fact stands in its source ("file:line:col"): the report points there, and never
    # copies an article's words into the repository.
    at: str = ""


# ---------------------------------------------------------------------------------------------- mutations
# Each takes the mention (its text) and gives the changed text, or None where it does not apply.

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
          "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORD = {w: _WORDS[(i + 2) % len(_WORDS)] for i, w in enumerate(_WORDS)}
_NUMBER_WORD.update({"dozen": "score", "dozens": "hundreds", "hundred": "thousand", "hundreds": "thousands",
                     "thousand": "million", "thousands": "millions", "million": "billion", "millions": "billions",
                     "billion": "million", "billions": "millions", "half": "third", "bn": "m", "m": "bn",
                     "mn": "bn", "b": "m", "k": "m", "billon": "millón", "millones": "miles"})
_NUMBER_WORDS = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(_NUMBER_WORD, key=len, reverse=True))
                           + r")(?![^\W\d_])", re.IGNORECASE)
_CURRENCY = [("US$", "£"), ("A$", "£"), ("C$", "£"), ("$", "£"), ("£", "$"), ("€", "$"), ("¥", "$"),
             ("dollars", "euros"), ("dollar", "euro"), ("euros", "dollars"), ("euro", "dollar"),
             ("pounds", "dollars"), ("USD", "EUR"), ("EUR", "USD"), ("GBP", "USD"), ("AUD", "USD")]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![a-z])")
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_DAY = re.compile(r"(?<![\d,.:])([0-3]?\d)(?:st|nd|rd|th)?(?![\d:])")
_SIC = re.compile(r"\s*\[sic\]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
# Words too common to change a quotation's sense when they move: the benchmark's own short list.
_COMMON = frozenset("""that this with have from they were will would there their what when which been about
into them than then some just very also because these those being does could should""".split())
_STAND_INS = ("marvellous", "ordinary", "doubtful")


def _cased(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def leading_digit(text: str) -> str | None:
    """The first digit changed: "12 boys" -> "22 boys"."""
    match = re.search(r"\d", text)
    if not match:
        return None
    digit = int(match.group())
    new = str(digit + 1) if digit < 9 else "8"
    return text[:match.start()] + new + text[match.end():]


def times_ten(text: str) -> str | None:
    """The first number multiplied by ten: "$1.5 million" -> "$15 million", "400" -> "4000"."""
    match = _NUMBER.search(text)
    if not match:
        return None
    number = match.group()
    if "." in number:
        whole, _, part = number.partition(".")
        new = f"{whole}{part[0]}" + (f".{part[1:]}" if part[1:] else "")
        new = new.lstrip("0") or "0"
    elif "," in number:
        new = f"{int(number.replace(',', '')) * 10:,}"
    else:
        new = number + "0"
    return text[:match.start()] + new + text[match.end():]


def number_word(text: str) -> str | None:
    """A number or scale word changed: "two weeks" -> "four weeks", "million" -> "billion".

    Not the "one" of "no one", which counts nothing.
    """
    match = next((m for m in _NUMBER_WORDS.finditer(text)
                  if not re.search(r"\bno[\s-]$", text[:m.start()], re.IGNORECASE)), None)
    if not match:
        return None
    word = match.group()
    return text[:match.start()] + _cased(_NUMBER_WORD[word.lower()], word) + text[match.end():]


def currency(text: str) -> str | None:
    """The currency changed: "$5 million" -> "£5 million", "euros" -> "dollars"."""
    for old, new in _CURRENCY:
        at = text.find(old)
        if at >= 0 and (old.isalpha() is False or re.search(rf"\b{old}\b", text)):
            return text[:at] + new + text[at + len(old):]
    return None


def date_days(text: str) -> str | None:
    """The day of a written date moved by two: "June 3" -> "June 5"."""
    if not _MONTH.search(text):
        return None
    for match in _DAY.finditer(text):
        day = int(match.group(1))
        if 1 <= day <= 31:
            new = day + 2 if day <= 26 else day - 2
            return text[:match.start(1)] + str(new) + text[match.end(1):]
    return None


def weekday(text: str) -> str | None:
    """The weekday moved by two: "Monday" -> "Wednesday"."""
    match = _WEEKDAY.search(text)
    if not match:
        return None
    word = match.group()
    new = _WEEKDAYS[(_WEEKDAYS.index(word.capitalize()) + 2) % 7]
    return text[:match.start()] + _cased(new, word) + text[match.end():]


def month(text: str) -> str | None:
    """The month moved by one: "June 3" -> "July 3"."""
    match = _MONTH.search(text)
    if not match:
        return None
    word = match.group().rstrip(".")
    index = next(i for i, m in enumerate(_MONTHS) if m.startswith(word[:3]))
    return text[:match.start()] + _MONTHS[(index + 1) % 12] + text[match.end():]


def _content_word(text: str, *, inner: bool = False) -> re.Match[str] | None:
    """The longest content word (`inner`: not the first or last word, so that dropping it leaves no excerpt)."""
    words = list(_WORD.finditer(text))
    if inner:
        words = words[1:-1]
    found = [m for m in words if len(m.group()) >= 4 and m.group().lower() not in _COMMON]
    return max(found, key=lambda m: (len(m.group()), -m.start()), default=None)


def quote_word_replaced(text: str) -> str | None:
    """The quotation's longest content word replaced by a word it does not hold."""
    match = _content_word(text)
    if not match:
        return None
    stand_in = next(w for w in _STAND_INS if w not in text.lower())
    return text[:match.start()] + _cased(stand_in, match.group()) + text[match.end():]


def quote_word_dropped(text: str) -> str | None:
    """The quotation's longest content word inside it dropped (not its first or last: that leaves an excerpt)."""
    match = _content_word(text, inner=True)
    if match is None:
        return None
    start, end = match.span()
    if end < len(text) and text[end] == " ":
        end += 1
    elif start and text[start - 1] == " ":
        start -= 1
    return text[:start] + text[end:]


def sic_dropped(text: str) -> str | None:
    """A [sic] dropped from the quotation."""
    return _SIC.sub("", text, count=1) if _SIC.search(text) else None


MUTATIONS: dict[str, tuple[Callable[[str], str | None], tuple[str, ...]]] = {
    "leading_digit": (leading_digit, NUMBERED),
    "times_ten": (times_ten, NUMBERED),
    "number_word": (number_word, NUMBERED),
    "currency": (currency, ("money",)),
    "date_days": (date_days, ("date",)),
    "weekday": (weekday, ("date",)),
    "month": (month, ("date",)),
    "quote_word_replaced": (quote_word_replaced, ("quote",)),
    "quote_word_dropped": (quote_word_dropped, ("quote",)),
    "sic_dropped": (sic_dropped, ("quote",)),
}
# A quotation given to another person: the speaker's name in the sentence replaced (other_speaker below).
OTHER_SPEAKER = "other_speaker"


# ------------------------------------------------------------------------------------------------- drafts

def _locate(text: str, needle: str, occurrence: int) -> tuple[int, int] | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def _sentence(source: Source, rules: RuleSet, start: int, end: int) -> tuple[int, int]:
    s, e = prepare(source, rules).sentence_around(start, end)
    while s < e and source.text[s].isspace():
        s += 1
    while e > s and source.text[e - 1].isspace():
        e -= 1
    return s, e


def _people(sources: Iterable[Source], rules: RuleSet) -> list[str]:
    """The people a story quotes by full name, as the tool reads them: whom a quotation may be given to.

    Only names the judge reads as a person's (a surname it compares), not an organisation speaking.
    """
    compiled = judge_rules(rules)
    names = {c.value.speaker for s in sources for c in extract_claims(s, rules, kinds=(Kind.QUOTE,))
             if isinstance(c.value, QuoteValue) and c.value.speaker and len(c.value.speaker.split()) > 1
             and speaker_surname(c.value.speaker, compiled)}
    return sorted(names)


def _other_speaker(draft: Draft, rules: RuleSet, people: list[str]) -> Draft | None:
    """The draft with its quotation given to another person the story names, where its speaker is named."""
    source = Source(id="draft", path="draft.txt", text=draft.text, line_starts=line_starts(draft.text))
    quotes = [c for c in extract_claims(source, rules) if c.kind is Kind.QUOTE and isinstance(c.value, QuoteValue)
              and c.span.start < draft.span[1] and draft.span[0] < c.span.end and c.value.speaker]
    for quote in quotes:
        assert isinstance(quote.value, QuoteValue) and quote.value.speaker
        speaker = quote.value.speaker
        if not all(word[:1].isupper() for word in speaker.split()):
            continue  # "a spokesperson", "he": no name to give to another
        for name in (speaker, speaker.split()[-1]):
            found = [m for m in re.finditer(rf"\b{re.escape(name)}\b", draft.text)
                     if not (quote.span.start <= m.start() < quote.span.end)]
            others = [p for p in people if not set(p.split()) & set(speaker.split())]
            if found and others:
                m, other = found[0], others[len(draft.text) % len(others)]
                text = draft.text[:m.start()] + other + draft.text[m.end():]
                shift = len(other) - len(name)
                start, end = draft.span
                span = (start + shift, end + shift) if m.start() < start else (start, end)
                return Draft(draft.story, draft.outlet, draft.fact, draft.kind, OTHER_SPEAKER, text, span,
                             draft.excused, draft.at)
    return None


def _variants(draft: Draft, rules: RuleSet, people: list[str]) -> Iterator[Draft]:
    start, end = draft.span
    mention = draft.text[start:end]
    for name, (mutate, kinds) in MUTATIONS.items():
        if draft.kind not in kinds or (changed := mutate(mention)) is None or changed == mention:
            continue
        yield Draft(draft.story, draft.outlet, draft.fact, draft.kind, name,
                    draft.text[:start] + changed + draft.text[end:], (start, start + len(changed)),
                    draft.excused, draft.at)
    if draft.kind == "quote" and (given := _other_speaker(draft, rules, people)) is not None:
        yield given


def dev_drafts(story: Path, rules: RuleSet) -> tuple[tuple[Source, ...], list[Draft]]:
    """A development story's sources, and its drafts: each agreeing mention's sentence and its mutations."""
    gold = json.loads(story.with_name(f"{story.name}.scorer.json").read_text(encoding="utf-8"))
    sources = load_sources([story])
    by_id = {s.id: s for s in sources}
    located: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]] = defaultdict(list)
    for fact in gold["facts"]:
        for mention in fact["mentions"]:
            source = by_id.get(mention["source"])
            where = source and _locate(source.text, mention["text"], mention.get("occurrence", 1))
            if where:
                located[mention["source"]].append((where, fact))
    people = _people(sources, rules)
    drafts: list[Draft] = []
    for outlet, mentions in located.items():
        source = by_id[outlet]
        for (start, end), fact in mentions:
            if fact["verdict"] not in JUDGED:
                continue
            s, e = _sentence(source, rules, start, end)
            excused = tuple((max(a, s) - s, min(b, e) - s) for (a, b), other in mentions
                            if other["verdict"] in EXCUSED and a < e and s < b)
            span = source.span(start, end)
            printed = Draft(story.name, outlet, fact["id"], fact["kind"], "printed", source.text[s:e],
                            (start - s, end - s), excused=excused,
                            at=f"{Path(source.path).name}:{span.line}:{span.col}")
            drafts.append(printed)
            drafts.extend(_variants(printed, rules, people))
    return sources, drafts


def gvc_drafts(corpus: Path, rules: RuleSet, limit: int | None) -> Iterator[tuple[tuple[Source, ...], list[Draft]]]:
    """Each GVC incident of two or more articles: sentences stating its toll as another article does."""
    for incident in incidents(corpus, limit):
        sources = sources_of(incident)
        if len(sources) < 2:
            continue
        truth = incident["truth"]
        stated: dict[tuple[str, int], list[tuple[Source, tuple[int, int]]]] = defaultdict(list)
        for source in sources:
            for what in ("killed", "injured"):
                for match in _STATED[what].finditer(source.text):
                    word = (match.group(1) or match.group(2)).lower()
                    value = int(word) if word.isdigit() else NUMBER_WORDS[word]
                    if value == truth.get(what) and value:
                        group = 1 if match.group(1) else 2
                        stated[(what, value)].append((source, match.span(group)))
        drafts: list[Draft] = []
        for (what, _), found in stated.items():
            if len({s.id for s, _ in found}) < 2:
                continue
            seen = set()
            for source, (start, end) in found:
                if source.id in seen:
                    continue
                seen.add(source.id)
                s, e = _sentence(source, rules, start, end)
                printed = Draft(f"gvc-{incident['incident_id']}", source.id, what, "count", "printed",
                                source.text[s:e], (start - s, end - s), at=f"{source.id}@{start}")
                drafts.append(printed)
                drafts.extend(_variants(printed, rules, []))
        if drafts:
            yield sources, drafts


# ------------------------------------------------------------------------------------------------ judging

@dataclass(frozen=True, slots=True)
class Outcome:
    """What the check made of one draft."""

    draft: Draft
    hit: bool  # a detection (mutated) or a false alarm (printed)
    findings: tuple[tuple[str, str], ...]  # the failing findings: where and what (no article words), and in full


def _findings_on(result: CheckResult, draft_source: Source) -> list[tuple[tuple[int, int], tuple[str, str]]]:
    starts = draft_source.line_starts
    found = []
    for finding in result.failing():
        if finding.draft != draft_source.path:
            continue
        start = starts[finding.line - 1] + finding.col - 1
        where = f"{finding.verdict} on a {finding.kind} at +{start} (sources: " \
                f"{', '.join(sorted({s.source for s in finding.sources}))})"
        found.append(((start, start + len(finding.text)), (where, f"{finding.verdict}: {finding.explanation}")))
    return found


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def judge_drafts(sources: tuple[Source, ...], drafts: list[Draft], rules: RuleSet) -> list[Outcome]:
    """Check every draft against the story's sources but its own outlet's; one check per distinct text.

    Outlets are checked in parallel, on every core (the rules are the default packs, loaded in each worker).
    """
    by_outlet: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        by_outlet[draft.outlet].append(draft)
    jobs = [(tuple(s for s in sources if s.id != outlet), own) for outlet, own in by_outlet.items()]
    if (os.cpu_count() or 1) < 2 or len(jobs) < 2:
        return [o for job in jobs for o in _judge_outlet(job, rules)]
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        return [o for outcomes in pool.map(_judge_outlet, jobs) for o in outcomes]


def _judge_outlet(job: tuple[tuple[Source, ...], list[Draft]], rules: RuleSet | None = None) -> list[Outcome]:
    others, own = job
    rules = rules or load_rules()
    texts = sorted({d.text for d in own})
    draft_sources = tuple(Source(id=f"draft-{i}", path=f"draft-{i}.txt", text=text + "\n",
                                 line_starts=line_starts(text + "\n")) for i, text in enumerate(texts))
    result = check_sources(draft_sources, others, rules, CheckOptions())
    found = {d.text[:-1]: _findings_on(result, d) for d in draft_sources}
    outcomes = []
    for draft in own:
        on = found[draft.text]
        if draft.mutation == "printed":
            wrong = [said for span, said in on if not any(_overlaps(span, e) for e in draft.excused)]
            outcomes.append(Outcome(draft, bool(wrong), tuple(wrong)))
        else:
            # A quotation given to another speaker changes every quotation of theirs in the sentence.
            caught = [said for span, said in on if _overlaps(span, draft.span)
                      or (draft.mutation == OTHER_SPEAKER and said[0].startswith("attribution_conflict"))]
            outcomes.append(Outcome(draft, bool(caught), tuple(said for _, said in on)))
    return outcomes


# ------------------------------------------------------------------------------------------------ figures

def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def tally(outcomes: list[Outcome]) -> dict[str, Any]:
    """Detection and false-alarm rates overall, per kind and per mutation."""
    printed = [o for o in outcomes if o.draft.mutation == "printed"]
    mutated = [o for o in outcomes if o.draft.mutation != "printed"]

    def rates(items: list[Outcome]) -> dict[str, Any]:
        hits = sum(o.hit for o in items)
        return {"n": len(items), "hits": hits, "rate": _rate(hits, len(items))}

    per_kind = defaultdict(list)
    per_mutation = defaultdict(list)
    alarms_per_kind = defaultdict(list)
    for o in mutated:
        per_kind[o.draft.kind].append(o)
        per_mutation[o.draft.mutation].append(o)
    for o in printed:
        alarms_per_kind[o.draft.kind].append(o)
    return {
        "detection": rates(mutated),
        "false_alarms": rates(printed),
        "detection_by_kind": {k: rates(v) for k, v in sorted(per_kind.items())},
        "detection_by_mutation": {k: rates(v) for k, v in sorted(per_mutation.items())},
        "false_alarms_by_kind": {k: rates(v) for k, v in sorted(alarms_per_kind.items())},
    }


def _listed(outcomes: list[Outcome], words: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Every miss and false alarm, by where it stands; with the drafts' words only when asked (never committed)."""
    def record(o: Outcome) -> dict[str, Any]:
        d = o.draft
        found = {"story": d.story, "outlet": d.outlet, "fact": d.fact, "kind": d.kind, "mutation": d.mutation,
                 "at": d.at, "findings": [where for where, _ in o.findings]}
        if words:
            found |= {"draft": d.text, "explained": [full for _, full in o.findings]}
        return found
    return {"misses": [record(o) for o in outcomes if o.draft.mutation != "printed" and not o.hit],
            "alarms": [record(o) for o in outcomes if o.draft.mutation == "printed" and o.hit]}


def run(stories: list[str] | None = None, gvc: bool = True, limit: int | None = None,
        sample: int = 1, words: bool = False) -> dict[str, Any]:
    """The benchmark's figures for the development stories (and GVC), with every miss and false alarm."""
    rules = load_rules()
    started = time.perf_counter()
    dev: list[Outcome] = []
    per_story = {}
    names = stories or sorted(p.name for p in DEV.iterdir() if p.is_dir())
    for name in names:
        sources, drafts = dev_drafts(DEV / name, rules)
        outcomes = judge_drafts(sources, drafts[::sample], rules)
        per_story[name] = {k: tally(outcomes)[k] for k in ("detection", "false_alarms")}
        dev.extend(outcomes)
    result: dict[str, Any] = {"dev": {**tally(dev), "stories": per_story, **_listed(dev, words)}}
    if gvc and GVC.is_file():
        outcomes = [o for sources, drafts in gvc_drafts(GVC, rules, limit)
                    for o in judge_drafts(sources, drafts[::sample], rules)]
        result["gvc"] = {**tally(outcomes), **_listed(outcomes, words)}
    result["seconds"] = round(time.perf_counter() - started, 1)
    result["targets"] = TARGET
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as the report a reader opens: rates first, then every miss and false alarm."""
    lines = ["# The check against changed facts: mutation benchmark", "",
             "Made by `python -m benchmarks run check` (benchmarks/check_mutations.py). Each agreeing fact's "
             "sentence in each outlet is a one-sentence draft, undated, checked against the story's other "
             "outlets as printed (a failing finding is a false alarm) and with the fact changed (a failing "
             "finding on it is a detection). Misses and false alarms are listed by where the fact stands in "
             "its source (file:line:col under ../shared/dev/STORY/, or a GVC document id and offset): the "
             "articles' words stay out of the repository.", "",
             f"Targets on the development set: detection ≥ {TARGET['detection']} overall and ≥ "
             f"{TARGET['kind_detection']} for each of {', '.join(TARGET_KINDS)}; false alarms ≤ "
             f"{TARGET['false_alarms']}.", ""]
    for corpus, figures in ((k, result[k]) for k in ("dev", "gvc") if k in result):
        lines += [f"## {'Development stories' if corpus == 'dev' else 'GVC incidents'}", "",
                  "| | drafts | hits | rate |", "|---|---:|---:|---:|",
                  _row("detection (all mutations)", figures["detection"]),
                  _row("false alarms (as printed)", figures["false_alarms"]), ""]
        if corpus == "dev":
            lines += ["| story | detection | false alarms |", "|---|---:|---:|"]
            lines += [f"| {name} | {s['detection']['rate']} ({s['detection']['hits']}/{s['detection']['n']}) | "
                      f"{s['false_alarms']['rate']} ({s['false_alarms']['hits']}/{s['false_alarms']['n']}) |"
                      for name, s in figures["stories"].items()]
            lines.append("")
        lines += ["| kind | detection | false alarms |", "|---|---:|---:|"]
        kinds = sorted({*figures["detection_by_kind"], *figures["false_alarms_by_kind"]})
        for kind in kinds:
            d = figures["detection_by_kind"].get(kind, {"rate": None, "hits": 0, "n": 0})
            f = figures["false_alarms_by_kind"].get(kind, {"rate": None, "hits": 0, "n": 0})
            lines.append(f"| {kind} | {d['rate']} ({d['hits']}/{d['n']}) | {f['rate']} ({f['hits']}/{f['n']}) |")
        lines += ["", "| mutation | drafts | detected | rate |", "|---|---:|---:|---:|"]
        lines += [_row(name, r) for name, r in figures["detection_by_mutation"].items()]
        lines.append("")
        for title, key in (("Misses", "misses"), ("False alarms", "alarms")):
            if key in figures:
                lines += [f"### {title} ({len(figures[key])})", ""]
                for item in figures[key]:
                    lines.append(f"- {item['story']} / {item['outlet']} / {item['fact']} ({item['kind']}, "
                                 f"{item['mutation']}) at {item['at']}")
                    lines += [f"  - {finding}" for finding in item["findings"]]
                lines.append("")
    lines.append(f"Run time: {result['seconds']} s.")
    return "\n".join(lines) + "\n"


def _row(name: str, r: dict[str, Any]) -> str:
    return f"| {name} | {r['n']} | {r['hits']} | {r['rate']} |"


