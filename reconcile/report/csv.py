"""CSV for editors: one row per claim, with its group, value columns and sentence (pandas)."""

from __future__ import annotations

from typing import Any

import pandas as pd

COLUMNS = ["claim", "group", "verdict", "flags", "source", "outlet", "url", "copy_of", "credited", "anonymous", "kind",
           "text", "amount",
           "qualifier", "low", "high", "unit", "currency", "si_amount", "si_unit", "date_start",
           "date_end", "granularity", "resolved", "inferred", "month", "day", "time", "speaker", "role",
           "medium", "markers", "short", "nested", "person", "name", "entity", "long_form", "sic", "quoted", "title",
           "line", "col", "start", "end", "sentence"]


def rows(records: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per claim."""
    names = {s["id"]: s["name"] for s in records["sources"]}
    original = {s["id"]: names.get(s.get("copy_of") or "", "") for s in records["sources"]}
    url = {s["id"]: s.get("url") for s in records["sources"]}
    group_of = {cid: g for g in records.get("groups", []) for cid in g["claims"]}
    table = []
    for claim in records["claims"]:
        value, group = claim["value"], group_of.get(claim["id"], {})
        si = value.get("si") or {}
        table.append({
            "claim": claim["id"], "group": group.get("id", ""), "verdict": group.get("verdict", ""),
            "flags": ";".join(group.get("flags", [])), "source": claim["source"],
            "outlet": names.get(claim["source"], ""), "url": url.get(claim["source"]),
            "copy_of": original.get(claim["source"], ""),
            "credited": claim.get("credited"), "anonymous": claim.get("anonymous"),
            "kind": claim["kind"], "text": claim["text"],
            "amount": value.get("amount"), "qualifier": value.get("qualifier"), "low": value.get("low"),
            "high": value.get("high"), "unit": value.get("unit"), "currency": value.get("currency"),
            "si_amount": si.get("amount"), "si_unit": si.get("unit"),
            "date_start": value.get("start"), "date_end": value.get("end"),
            "granularity": value.get("granularity"), "resolved": value.get("resolved"),
            "inferred": value.get("inferred"), "month": value.get("month"), "day": value.get("day"),
            "time": value.get("time"), "speaker": value.get("speaker"), "role": value.get("role"),
            "medium": value.get("medium"),
            "markers": ";".join(value["markers"]) if "markers" in value else None,
            "short": value.get("short"), "nested": value.get("nested"), "person": value.get("person"),
            "name": value.get("name"), "entity": value.get("entity"), "long_form": value.get("long_form"),
            "sic": value.get("sic"), "quoted": claim.get("quoted"), "title": value.get("title"), "line": claim["line"],
            "col": claim["col"], "start": claim["start"], "end": claim["end"], "sentence": claim["sentence"],
        })
    return table


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The claims as CSV text; numbers keep their form (250000, not 250000.0)."""
    frame = pd.DataFrame(rows(records), columns=COLUMNS, dtype=object)
    return frame.to_csv(index=False, lineterminator="\n")
