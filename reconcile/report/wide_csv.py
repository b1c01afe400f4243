"""The wide CSV for editors: one row per group, one column per source (pandas)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .records import describe_value


def rows(records: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns, and one row per group: verdict, flags, explanation, each source's claims."""
    names = {s["id"]: s["name"] for s in records["sources"]}
    claims = {c["id"]: c for c in records["claims"]}
    columns = ["group", "kind", "verdict", "flags", "explanation", *names.values()]
    table = []
    for group in records.get("groups", []):
        row: dict[str, Any] = {"group": group["id"], "kind": group["kind"], "verdict": group["verdict"],
                               "flags": ";".join(group["flags"]), "explanation": group["explanation"]}
        for cid in group["claims"]:
            claim = claims[cid]
            said = f"{claim['text']} ({describe_value(claim['kind'], claim['value'])})"
            column = names[claim["source"]]
            row[column] = f"{row[column]} | {said}" if column in row else said
        table.append(row)
    return columns, table


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The groups as CSV text, a source's cell empty where it says nothing of that fact."""
    columns, table = rows(records)
    frame = pd.DataFrame(table, columns=columns, dtype=object)
    return frame.to_csv(index=False, lineterminator="\n")
