"""The serialisation boundary: a Report becomes plain dicts here, once.

JSON, CSV and the terminal report are all built from these records, so every format shows
the same facts with the same names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..language import UNDETERMINED
from ..model import (
    Claim,
    DateValue,
    Duration,
    Group,
    Kind,
    NameValue,
    Quantity,
    QuoteValue,
    Report,
    Skipped,
    Source,
    TitleValue,
    Value,
    display_names,
)


def report_records(report: Report, *, groups: bool = True, texts: bool = False) -> dict[str, Any]:
    """The whole report as JSON-ready records: sources, claims and (optionally) groups.

    With `texts`, each source carries its whole text, for a report that shows the sources. A
    source read from a web page always does: its claims' offsets are into the text extracted,
    which no file holds.
    """
    names = display_names(report.sources)
    original = dict(report.copies)
    records: dict[str, Any] = {
        "sources": [{**source_record(s), "name": names[s.id], "copy_of": original.get(s.id),
                     **({"text": s.text} if texts or s.extracted else {})} for s in report.sources],
        "claims": [claim_record(c) for c in report.claims],
    }
    if groups:
        records["copies"] = [list(pair) for pair in report.copies]
        records["groups"] = [group_record(g) for g in report.groups]
    records["skipped"] = [skipped_record(s) for s in report.skipped]
    return records


def skipped_record(skipped: Skipped) -> dict[str, str]:
    """A file that was not read, and why."""
    return {"path": skipped.path, "reason": skipped.reason}


def source_record(source: Source) -> dict[str, Any]:
    """A source without its text: id, path as given, metadata, encoding and language."""
    return {
        "id": source.id,
        "path": source.path,
        "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "outlet": source.outlet,
        "title": source.title,
        "name": source.name,
        "encoding": source.encoding,
        "language": source.language,
        "partial_language": source.partial_language,
    }


def language_notes(records: dict[str, Any]) -> list[str]:
    """One line per source no rule pack reads: what was read of it, and what was not."""
    notes = []
    for source in records["sources"]:
        if source.get("partial_language"):
            which = "in a language no rule pack reads" if source["language"] == UNDETERMINED \
                else f"in {source['language']}, which no rule pack reads"
            notes.append(f"{source['name']} is {which}: read in part (figures with symbols, ISO and numeric "
                         "dates, quotations), flagged partial_language")
    return notes


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim with its provenance: offsets into the source text, line, column and sentence."""
    return {
        "id": claim.id,
        "source": claim.source,
        "kind": claim.kind.value,
        "start": claim.span.start,
        "end": claim.span.end,
        "line": claim.span.line,
        "col": claim.span.col,
        "text": claim.text,
        "sentence": claim.sentence,
        "sentence_start": claim.sentence_start,
        "value": {**({"person": None} if claim.kind is Kind.AGE else {}), **value_record(claim.value)},
        "quoted": claim.quoted,
        "credited": claim.credited,
        "anonymous": claim.anonymous,
        "rule": claim.rule,
    }


def value_record(value: Value) -> dict[str, Any]:
    """A claim's value as a record; each kind of value has its own fields."""
    if isinstance(value, DateValue):
        return date_record(value)
    if isinstance(value, QuoteValue):
        return quote_record(value)
    if isinstance(value, NameValue):
        return {"name": value.name, "entity": value.entity.value, "long_form": value.long_form, "sic": value.sic,
                "quoted": value.quoted}
    if isinstance(value, TitleValue):
        return {"title": value.title, "person": value.person}
    if isinstance(value, Duration):
        return duration_record(value)
    return quantity_record(value)


def quantity_record(value: Quantity) -> dict[str, Any]:
    """A quantity: amount, qualifier, interval, unit and currency; SI form for measures."""
    record: dict[str, Any] = {
        "amount": value.amount,
        "qualifier": value.qualifier.value,
        "low": value.low,
        "high": value.high,
        "unit": value.unit,
        "currency": value.currency,
    }
    if value.si is not None:
        record["si"] = {"amount": value.si.amount, "unit": value.si.unit}
    if value.elided:
        record["elided"] = True
    if value.person is not None:
        record["person"] = value.person
    return record


def duration_record(value: Duration) -> dict[str, Any]:
    """A duration: amount and unit as written, qualifier, and the days it allows (None: unbounded)."""
    return {
        "amount": value.amount,
        "qualifier": value.qualifier.value,
        "unit": value.unit,
        "low_days": value.low_days,
        "high_days": value.high_days,
    }


def date_record(value: DateValue) -> dict[str, Any]:
    """A date: the days it names (ISO, both ends included), how it was placed, and its parts."""
    record: dict[str, Any] = {
        # An open past ("more than a year ago") has no first day to print.
        "start": value.start.isoformat() if value.start and value.start != dt.date.min else None,
        "end": value.end.isoformat() if value.end else None,
        "resolved": value.resolved,
        "granularity": value.granularity.value,
        "inferred": value.inferred,
        "month": value.month,
        "day": value.day,
    }
    if value.time is not None:
        record["time"] = value.time
    if value.clock is not None:
        record["clock"] = [_hhmm(minute) for minute in value.clock]
    if value.zone is not None:
        record["zone"] = value.zone
    if value.utc_offset is not None:
        record["utc_offset"] = _hhmm(value.utc_offset, signed=True)
    if value.half_day:
        record["half_day"] = True
    return record


def _hhmm(minutes: int, *, signed: bool = False) -> str:
    """Minutes as "HH:MM" ("+02:00" for an offset; past midnight wraps to the next day's clock)."""
    sign = ("-" if minutes < 0 else "+") if signed else ""
    hours, rest = divmod(abs(minutes) if signed else minutes % 1440, 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def quote_record(value: QuoteValue) -> dict[str, Any]:
    """A quotation: its normalised words, speaker, role, medium and editorial markers."""
    return {
        "text": value.text,
        "speaker": value.speaker,
        "role": value.role,
        "medium": value.medium,
        "markers": list(value.markers),
        "short": value.short,
        "nested": value.nested,
    }


def group_record(group: Group) -> dict[str, Any]:
    """A group: its members, verdict, flags and explanation."""
    return {
        "id": group.id,
        "kind": group.kind.value,
        "claims": list(group.claims),
        "verdict": group.verdict.value,
        "flags": list(group.flags),
        "explanation": group.explanation,
    }


def copy_lines(records: dict[str, Any]) -> list[str]:
    """One line per original that other sources reprint: "Gazette and Courier reprint Wire"."""
    names = {s["id"]: s["name"] for s in records["sources"]}
    reprints: dict[str, list[str]] = {}
    for copy, original in records.get("copies", []):
        reprints.setdefault(original, []).append(names.get(copy, copy))
    return [f"{' and '.join(copies) if len(copies) < 3 else ', '.join(copies[:-1]) + ' and ' + copies[-1]} "
            f"{'reprints' if len(copies) == 1 else 'reprint'} {names.get(original, original)}: one origin"
            for original, copies in reprints.items()]


def credit_note(claim: dict[str, Any]) -> str:
    """Whom a claim's source credits for it, for a report line: "; crediting Metro Wire"."""
    parts = [f"crediting {claim['credited']}"] if claim.get("credited") else []
    if claim.get("anonymous"):
        parts.append("from unnamed sources")
    return "".join(f"; {p}" for p in parts)


def describe_value(kind: str, value: dict[str, Any]) -> str:
    """A value as a person reads it: "more than 400 nurses", "USD 17,300,000", "12.5%"."""
    if kind == "date":
        return _describe_date(value)
    if kind == "quote":
        return _describe_quote(value)
    if kind == "name":
        return _describe_name(value)
    if kind == "title":
        return f"{value['title']} ({value['person']})"
    if kind == "duration":
        return _describe_duration(value)
    amount, low, high = value.get("amount"), value.get("low"), value.get("high")
    qualifier = value.get("qualifier")
    if qualifier in ("range", "vague"):
        core = f"{_num(low)} to {_num(high)}"
    else:
        core = _num(amount)
    prefix = {"lower_bound": "at least ", "upper_bound": "at most ", "approximate": "about ",
              "vague": "vaguely "}.get(qualifier or "", "")
    if kind == "money":
        text = f"{prefix}{value.get('currency') or ''} {core}".strip()
    elif kind == "percent":
        text = f"{prefix}{core} {value.get('unit') or 'percent'}"
    else:
        text = f"{prefix}{core} {value.get('unit') or ''}".rstrip()
    si = value.get("si")
    if si:
        text += f" ({_num(si['amount'])} {si['unit']})"
    if value.get("person"):
        text += f" ({value['person']})"
    return text


def _describe_duration(value: dict[str, Any]) -> str:
    low, high = value.get("low_days"), value.get("high_days")
    if low is not None and high is not None and low != high:
        days = f"{_num(low)} to {_num(high)} days"
    else:
        days = f"{_num(low if high is None else high)} days"
        days += " or more" if high is None else " or less" if low is None else ""
    prefix = {"lower_bound": "at least ", "upper_bound": "at most ",
              "approximate": "about "}.get(value.get("qualifier") or "", "")
    core = "" if value.get("amount") is None else f"{prefix}{_num(value['amount'])} \u00d7 {value.get('unit')}: "
    return f"{core}{days}"


def _describe_name(value: dict[str, Any]) -> str:
    text = value["name"] + (f" ({value['long_form']})" if value.get("long_form") else "")
    notes = [note for note, on in (("marked [sic]", value.get("sic")), ("in a quotation", value.get("quoted"))) if on]
    return text + (f"; {', '.join(notes)}" if notes else "")


def _describe_date(value: dict[str, Any]) -> str:
    start, end = value.get("start"), value.get("end")
    if start is None:
        known = "-".join(f"{part:02d}" for part in (value.get("month"), value.get("day")) if part)
        text = f"--{known} (year unknown)" if known else "unresolved"
    else:
        text = start if start == end else f"{start} to {end}"
    if value.get("inferred"):
        text += " (inferred from the story's date)"
    return text


def _describe_quote(value: dict[str, Any]) -> str:
    parts = [value.get("speaker") or "unattributed"]
    if value.get("medium"):
        parts.append(value["medium"])
    if value.get("markers"):
        parts.append("marks: " + ", ".join(value["markers"]))
    if value.get("short"):
        parts.append("short")
    return "; ".join(parts)


def _num(value: int | float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


# Sections of a comparison, in the order a fact-checker reads them: hard conflicts first, then
# the figures that changed as the story developed (a toll that rose from one day's reports to the
# next is no error of either outlet), which stay conflicts but ask for a second look, not a fix.
SECTIONS = (
    ("Discrepancies", "values that cannot both be true, quotations whose words differ"),
    ("Developing figures", "values that changed over time rather than contradicting each other"),
    ("Flagged", "attribution conflicts, [sic], dates that could not be placed"),
    ("Agreements", "the same value, or values that differ only in precision"),
    ("Single source", "claims only one source makes"),
)
# Sections printed only when they hold a group (the others always print, empty or not).
_WHEN_FOUND = {"Developing figures"}
_DISCREPANT = {"conflict", "quote_variant"}
_AGREEING = {"agree", "compatible"}
DEVELOPING = "developing"  # the flag of a conflict between figures of different days or updates


def developing(group: dict[str, Any]) -> bool:
    """Whether a group is a developing conflict: values that changed over time, not a contradiction."""
    return group["verdict"] == "conflict" and DEVELOPING in group["flags"]


def section_of(group: dict[str, Any]) -> str:
    """Which section of a report a group belongs to."""
    if developing(group):
        return "Developing figures"
    if group["verdict"] in _DISCREPANT:
        return "Discrepancies"
    flags = set(group["flags"])
    if flags & {"attribution_conflict", "sic"} or ("unresolved_date" in flags and len(group["claims"]) > 1):
        return "Flagged"
    if group["verdict"] in _AGREEING:
        return "Agreements"
    return "Single source"


def sections(records: dict[str, Any]) -> list[tuple[str, str, list[tuple[dict[str, Any], list[dict[str, Any]]]]]]:
    """(title, what it holds, [(group, its claims)]) for each section, in reading order."""
    claims = {c["id"]: c for c in records["claims"]}
    found: dict[str, list[tuple[dict[str, Any], list[dict[str, Any]]]]] = {title: [] for title, _ in SECTIONS}
    for group in records.get("groups", []):
        found[section_of(group)].append((group, [claims[cid] for cid in group["claims"]]))
    return [(title, about, found[title]) for title, about in SECTIONS if found[title] or title not in _WHEN_FOUND]


def excerpt(claim: dict[str, Any], reach: int = 110) -> tuple[str, str, str]:
    """The sentence around a claim, cut to `reach` characters either side: (before, claim, after)."""
    sentence, at = claim["sentence"], claim["start"] - claim.get("sentence_start", claim["start"])
    if not 0 <= at <= len(sentence) or sentence[at:at + len(claim["text"])] != claim["text"]:
        at = max(sentence.find(claim["text"]), 0)
    end = at + len(claim["text"])
    before, after = sentence[max(0, at - reach):at], sentence[end:end + reach]
    before = ("\u2026" + before.lstrip()) if at > reach else before
    after = (after.rstrip() + "\u2026") if end + reach < len(sentence) else after
    return " ".join(before.split()) + (" " if before[-1:].isspace() else ""), claim["text"], \
        (" " if after[:1].isspace() else "") + " ".join(after.split())


def verdict_counts(records: dict[str, Any]) -> str:
    """"3 conflict, 2 developing, 2 agree, ..." in a stable order.

    Developing conflicts are counted apart from the hard ones, as their sections list them.
    """
    order = ["conflict", DEVELOPING, "quote_variant", "compatible", "agree", "single_source"]
    counts: dict[str, int] = {}
    for group in records.get("groups", []):
        verdict = DEVELOPING if developing(group) else group["verdict"]
        counts[verdict] = counts.get(verdict, 0) + 1
    return ", ".join(f"{counts[v]} {v}" for v in order if v in counts)
