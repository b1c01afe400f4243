"""The terminal report (rich): tables a fact-checker reads, source text always escaped.

Source text goes into rich as Text objects, never as markup, so "[sic]" prints as written.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .records import describe_value

WIDTH = 110


def render(records: dict[str, Any], *, color: bool = False) -> str:
    """The report as text; with `color`, with the terminal's colours."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, force_terminal=color, color_system="auto" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    console.print(_sources_table(records))
    if "groups" in records:
        verdicts = Counter(g["verdict"] for g in records["groups"])
        summary = ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items()))
        console.print(Text(f"{len(records['claims'])} claims in {len(records['groups'])} groups"
                           + (f": {summary}" if summary else "")))
    console.print(_claims_table(records))
    return buffer.getvalue()


def _sources_table(records: dict[str, Any]) -> Table:
    table = Table(title="Sources", title_justify="left", show_edge=False)
    for column in ("id", "outlet", "published", "path"):
        table.add_column(column)
    for source in records["sources"]:
        table.add_row(*(Text(str(source[key] or "unknown")) for key in ("id", "outlet", "published", "path")))
    return table


def _claims_table(records: dict[str, Any]) -> Table:
    names = {s["id"]: s["name"] for s in records["sources"]}
    table = Table(title="Claims", title_justify="left", show_edge=False)
    table.add_column("source")
    table.add_column("line:col", justify="right")
    table.add_column("kind")
    table.add_column("claim", overflow="fold")
    table.add_column("value", overflow="fold")
    for claim in records["claims"]:
        table.add_row(Text(names.get(claim["source"], claim["source"])), Text(f"{claim['line']}:{claim['col']}"),
                      Text(claim["kind"]), Text(claim["text"]), Text(describe_value(claim["kind"], claim["value"])))
    return table
