"""Accuracy and speed of reconcile on real multi-outlet corpora (GVC, ECB+), one story per incident.

    python -m benchmarks run gvc [CORPUS] [--limit N] [--baseline-articles N]
    python -m benchmarks run ecbplus [CORPUS] [--limit N]

The corpora are read in place (default ../shared/benchmarks/<name>/incidents.jsonl from the repository root)
and never copied. Figures go to reports/benchmarks/<name>.{json,md}; they are identical run to run except the
timings.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import resource
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.progress import track

from reconcile import load_rules
from reconcile.extract import extract_claims
from reconcile.model import Granularity, Kind, Quantity, Report, Source, Verdict, line_starts
from reconcile.pipeline import build_report

from .people import PeopleTally

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "benchmarks"
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# How an article states a toll in so many words: a number, maybe who, maybe a verb, then the toll
# ("two people were killed", "5 found dead", "three others wounded").
_WHO = r"(?:people|persons|men|women|children|kids|teens|teenagers|others|victims|adults|family members|boys|girls)"
_VERB = r"(?:were|was|are|have been|had been|being|been|reportedly|also|later)"
_NUMBER = r"(?<!\bno )\b(\d+|" + "|".join(NUMBER_WORDS) + r")\b"
_STATED = {
    what: re.compile(rf"{_NUMBER}\s+(?:{_WHO}\s+)?(?:{_VERB}\s+)*(?:found\s+|shot\s+)?(?:{toll})\b"
                     rf"|\b(?:{verbs})\s+{_NUMBER}\s+(?:{_WHO}|(?:{_WHO}\s+)?(?:{toll}))\b", re.IGNORECASE)
    for what, toll, verbs in (
        ("killed", r"killed|dead|died|slain|fatally", r"killed|killing|kills|left|leaving"),
        ("injured", r"injured|wounded|hurt|hospitali[sz]ed",
         r"wounded|wounding|injured|injuring|hurt|hurting|left|leaving"))
}


def incidents(corpus: Path, limit: int | None) -> list[dict[str, Any]]:
    """The corpus's incidents in file order (the first `limit`)."""
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, limit)]


def sources_of(incident: dict[str, Any]) -> tuple[Source, ...]:
    """An incident's articles as sources, each with its own publication date where it has one."""
    return tuple(Source(id=doc["doc_id"], path=doc["doc_id"], text=doc["text"], outlet=doc.get("source"),
                        published=dt.date.fromisoformat(doc["date"][:10]) if doc.get("date") else None,
                        line_starts=line_starts(doc["text"]))
                 for doc in incident["documents"])


def _stated(texts: list[str], what: str, value: int) -> bool:
    for text in texts:
        for match in _STATED[what].finditer(text):
            word = (match.group(1) or match.group(2)).lower()
            if (int(word) if word.isdigit() else NUMBER_WORDS[word]) == value:
                return True
    return False


def _classes(rules: Any) -> dict[str, set[str]]:
    """The count rules' synonym sets for the killed and the injured."""
    found = {}
    for members in rules.of_type("counts").get("synonyms") or ():
        words = {" ".join(str(m).lower().split()) for m in members}
        for what in ("killed", "injured"):
            if what in words:
                found[what] = words
    return found


def _means(claim: Any, report_text: str, words: set[str]) -> bool:
    """Whether a count claim counts this (its unit, or its unit with the verb next to it)."""
    value = claim.value
    if not isinstance(value, Quantity) or not value.unit:
        return False
    unit = value.unit.lower()
    around = re.findall(r"[a-z]+", report_text[max(0, claim.span.start - 30):claim.span.end + 40].lower())
    return unit in words or any(w in words or f"{unit} {w}" in words for w in around)


def gvc(corpus: Path, limit: int | None, baseline_articles: int | None) -> dict[str, Any]:
    """Killed and injured, dates, alarms and speed over the GVC incidents."""
    rules = load_rules()
    classes = _classes(rules)
    tolls: dict[str, dict[str, Any]] = {w: {"stated": 0, "found": 0, "missed": [], "implicit": 0, "implicit_found": 0}
                                        for w in classes}
    dates = {"incidents": 0, "found": 0, "missed": []}
    people = PeopleTally()
    alarms: list[dict[str, Any]] = []
    seconds, articles, every = 0.0, 0, []
    # One-off loading (dateparser's tables, compiled rules) is paid before timing, by every tool.
    build_report(sources_of(incidents(corpus, 1)[0]), rules)
    for incident in track(incidents(corpus, limit), description="GVC incidents"):
        sources = sources_of(incident)
        started = time.perf_counter()
        report = build_report(sources, rules)
        seconds += time.perf_counter() - started
        articles += len(sources)
        every.extend(sources)
        truth = incident["truth"]
        by_source = {s.id: s.text for s in sources}
        by_id = {c.id: c for c in report.claims}
        for what, words in classes.items():
            wanted = truth.get(what) or 0
            if wanted < 1:
                continue
            found = any(g.kind is Kind.COUNT and any(by_id[c].value.amount == wanted  # type: ignore[union-attr]
                                                     and _means(by_id[c], by_source[by_id[c].source], words)
                                                     for c in g.claims) for g in report.groups)
            if not _stated([s.text for s in sources], what, wanted):
                # Stated only implicitly ("a 17-year-old boy died"): counted apart, with what the rules make of it.
                tolls[what]["implicit"] += 1
                tolls[what]["implicit_found"] += found
                continue
            tolls[what]["stated"] += 1
            if found:
                tolls[what]["found"] += 1
            else:
                tolls[what]["missed"].append(incident["incident_id"])
        if truth.get("date"):
            dates["incidents"] += 1
            day = dt.date.fromisoformat(truth["date"])
            if any(c.kind is Kind.DATE and c.value.start == day == c.value.end  # type: ignore[union-attr]
                   for c in report.claims):
                dates["found"] += 1
            else:
                dates["missed"].append(incident["incident_id"])
        alarms.extend(_alarms(incident["incident_id"], report))
        people.add(incident, report, rules)
    speed = _speed(every, rules, seconds, baseline_articles)
    return {
        "corpus": "gvc", "incidents": len(incidents(corpus, limit)), "articles": articles,
        "tolls": {w: {**t, "share": _share(t["found"], t["stated"]), "missed": t["missed"][:20]}
                  for w, t in tolls.items()},
        "dates": {**dates, "share": _share(dates["found"], dates["incidents"]), "missed": dates["missed"][:20]},
        "alarms": {"incidents": len({a["incident"] for a in alarms}), "groups": len(alarms),
                   "sample": alarms[::max(1, len(alarms) // 20)][:20]},
        "people": people.figures(),
        "speed": speed,
    }


def _alarms(incident_id: str, report: Report) -> Iterator[dict[str, Any]]:
    """The conflicts found, each pointing at its claims by article and offsets (no corpus text is copied)."""
    by_id = {c.id: c for c in report.claims}
    for group in report.groups:
        # People's conflicts are counted in their own section (see benchmarks.people).
        if group.verdict is Verdict.CONFLICT and group.kind not in (Kind.AGE, Kind.NAME, Kind.TITLE):
            yield {"incident": incident_id, "kind": group.kind.value, "explanation": group.explanation,
                   "claims": [{"doc_id": by_id[c].source, "start": by_id[c].span.start, "end": by_id[c].span.end}
                              for c in group.claims]}


def _speed(sources: list[Source], rules: Any, seconds: float, baseline_articles: int | None) -> dict[str, Any]:
    """The speed and peak memory of reconcile, and the baselines' over the same texts, as ratios.

    It is timed twice: the whole pipeline (extraction, alignment, judging), and
    extraction alone, which does what the baselines do (find values in text) and more kinds.
    Every tool is warmed up first, so one-off loading counts for none of them.
    """
    subset = sources[:baseline_articles] if baseline_articles else sources
    share = len(subset) / max(len(sources), 1)
    pipeline = seconds * share  # the pipeline's time over the same subset, pro rata
    started = time.perf_counter()
    for source in subset:
        extract_claims(source, rules)
    extraction = time.perf_counter() - started
    figures: dict[str, Any] = {"reconcile_seconds": round(seconds, 3),
                               "articles_per_second": round(len(sources) / seconds, 1) if seconds else None,
                               "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                               "baseline_articles": len(subset),
                               "extraction_seconds": round(extraction, 3)}

    def compare(name: str, run: Any) -> None:
        run(subset[0])
        started = time.perf_counter()
        for source in track(subset, description=name):
            run(source)
        taken = time.perf_counter() - started
        figures[f"{name}_seconds"] = round(taken, 3)
        figures[f"{name}_ratio"] = round(taken / pipeline, 2) if pipeline else None
        figures[f"{name}_ratio_to_extraction"] = round(taken / extraction, 2) if extraction else None

    from dateparser.search import search_dates

    def dates_of(source: Source) -> None:
        day = source.published
        base = dt.datetime(day.year, day.month, day.day) if day else None
        search_dates(source.text, languages=["en"], settings={"RELATIVE_BASE": base} if base else {})

    compare("search_dates", dates_of)
    try:
        with warnings.catch_warnings():  # its optional classifier is not needed for timing
            warnings.simplefilter("ignore")
            from quantulum3 import classifier
            from quantulum3 import parser as quantulum
        # Its classifier (used when scikit-learn is installed) was pickled by an older
        # scikit-learn and no longer loads; the baseline is timed without it, as before.
        classifier.USE_CLF = False
    except ImportError:
        figures["quantulum3"] = "not installed (pip install -e '.[bench]')"
        return figures
    compare("quantulum3", lambda source: quantulum.parse(source.text))
    return figures


def ecbplus(corpus: Path, limit: int | None) -> dict[str, Any]:
    """Date alignment against the gold TIME chains whose mentions are absolute dates."""
    rules = load_rules()
    tp = fp = fn = 0
    covered = total_time = 0
    by_class: dict[str, list[int]] = {}  # class -> [mentions, covered]
    for incident in track(incidents(corpus, limit), description="ECB+ clusters"):
        sources = sources_of(incident)
        report = build_report(sources, rules)
        claims = [c for c in report.claims if c.kind is Kind.DATE and c.value.month]  # type: ignore[union-attr]
        group_of = {c: g.id for g in report.groups for c in g.claims}
        gold_chain: dict[str, str] = {}
        for chain in incident["truth"]["cross_doc_chains"]:
            if not chain["class"].startswith("TIME"):  # TIME_DATE, TIME_OF_THE_DAY, TIME_DURATION, ...
                continue
            counts = by_class.setdefault(chain["class"], [0, 0])
            for mention in chain["mentions"]:
                total_time += 1
                counts[0] += 1
                # A mention such as "around 1:30 a.m. Feb. 1" holds two claims, the time and the day
                # it is on, and times group apart from days: the mention is its day, whatever
                # stands first (min keeps text order among equals).
                hit = min((c for c in claims if c.source == mention["doc_id"] and c.span.start < mention["end"]
                           and mention["start"] < c.span.end),
                          key=lambda c: c.value.granularity is Granularity.TIME,  # type: ignore[union-attr]
                          default=None)
                if hit is not None:
                    covered += 1
                    counts[1] += 1
                    gold_chain[hit.id] = chain["instance_id"]
        chained = [c for c in claims if c.id in gold_chain]
        for a, b in itertools.combinations(chained, 2):
            if a.source == b.source:
                continue
            same_gold = gold_chain[a.id] == gold_chain[b.id]
            same_group = group_of[a.id] == group_of[b.id]
            tp += same_gold and same_group
            fp += same_group and not same_gold
            fn += same_gold and not same_group
    return {"corpus": "ecbplus", "clusters": len(incidents(corpus, limit)),
            "time_mentions": total_time, "covered_by_absolute_dates": covered,
            "coverage": _share(covered, total_time),
            "by_class": {name: {"mentions": n, "covered": k, "coverage": _share(k, n)}
                         for name, (n, k) in sorted(by_class.items())},
            "pairs": {"precision": _share(tp, tp + fp), "recall": _share(tp, tp + fn), "true": tp,
                      "false": fp, "missed": fn}}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def markdown(result: dict[str, Any]) -> str:
    """A short Markdown summary of a run's figures."""
    lines = [f"# Benchmark: {result['corpus']}", "", "```json", json.dumps(
        {k: v for k, v in result.items() if k not in ("alarms",)}
        | ({"people": {k: v for k, v in result["people"].items() if k != "sample"}} if "people" in result else {}),
        indent=2), "```", ""]
    if "alarms" in result:
        lines += [f"Conflicts flagged in {result['alarms']['incidents']} incidents "
                  f"({result['alarms']['groups']} groups). A sample:", ""]
        lines += [f"- {a['incident']} ({a['kind']}): {a['explanation']}" for a in result["alarms"]["sample"]]
    if "people" in result:
        lines += ["", "People: age and name-spelling discrepancies, a sample:", ""]
        lines += [f"- {a['incident']} ({a['flag']}): {a['explanation']}" for a in result["people"]["sample"]]
    return "\n".join(lines) + "\n"
