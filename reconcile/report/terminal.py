"""The terminal report (rich): what differs between the sources, where, and why.

Source text goes into rich as Text objects, never as markup, so "[sic]" prints as written.
A comparison reads top-down: discrepancies, developing figures (conflicts between values that
changed over time), flagged groups, agreements, then the claims only one source makes (folded
into a count unless asked for); a list of claims (`claims`) is one table.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .records import (
    copy_lines,
    credit_note,
    describe_value,
    developing,
    excerpt,
    language_notes,
    sections,
    verdict_counts,
)

WIDTH = 110
_STYLE = {"conflict": "bold red", "quote_variant": "bold magenta", "compatible": "yellow", "agree": "green",
          "single_source": "dim"}
# A developing conflict is no error to fix first: it does not shout like a hard one.
_DEVELOPING_STYLE = "dark_orange"


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The report as text; with `color`, with the terminal's colours."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, force_terminal=color, color_system="auto" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    names = {s["id"]: s["name"] for s in records["sources"]}
    console.print(_sources_table(records))
    for line in copy_lines(records):
        console.print(Text(line, style="dim"))
    for line in language_notes(records):
        console.print(Text(line, style="yellow"))
    for skipped in records.get("skipped", []):
        console.print(Text(f"skipped {skipped['path']}: {skipped['reason']}", style="yellow"))
    if "groups" not in records:
        console.print(_claims_table(records["claims"], names))
        return buffer.getvalue()
    counts = verdict_counts(records)
    console.print(Text(f"{len(records['claims'])} claims in {len(records['groups'])} groups"
                       + (f": {counts}" if counts else "")))
    for title, about, groups in sections(records):
        if title == "Single source" and not show_all:
            if groups:
                console.print(Text(f"\n{title}: {len(groups)} more groups ({about}); "
                                   "--all lists them.", style="dim"))
            continue
        console.print(Text(f"\n{title} ({len(groups)}): {about}", style="bold"))
        for group, claims in groups:
            console.print(_group(group, claims, names))
    return buffer.getvalue()


def _sources_table(records: dict[str, Any]) -> Table:
    table = Table(title="Sources", title_justify="left", show_edge=False)
    for column in ("id", "outlet", "published", "path"):
        table.add_column(column)
    for source in records["sources"]:
        # A page's address stands under the file it was saved to.
        where = source["path"] + (f"\n{source['url']}" if source.get("url") else "")
        table.add_row(*(Text(str(source[key] or "unknown")) for key in ("id", "outlet", "published")), Text(where))
    return table


def _claims_table(claims: list[dict[str, Any]], names: dict[str, str]) -> Table:
    table = Table(title="Claims", title_justify="left", show_edge=False)
    table.add_column("source")
    table.add_column("line:col", justify="right")
    table.add_column("kind")
    table.add_column("claim", overflow="fold")
    table.add_column("value", overflow="fold")
    for claim in claims:
        table.add_row(Text(names.get(claim["source"], claim["source"])), Text(f"{claim['line']}:{claim['col']}"),
                      Text(claim["kind"]), Text(claim["text"]), Text(describe_value(claim["kind"], claim["value"])))
    return table


def _group(group: dict[str, Any], claims: list[dict[str, Any]], names: dict[str, str]) -> Padding:
    """One group: its verdict and explanation, then each source's claim in its sentence."""
    style = _DEVELOPING_STYLE if developing(group) else _STYLE.get(group["verdict"], "")
    head = Text("\u25cf ", style=style)
    head.append(group["verdict"], style=style)
    head.append(f"  {group['kind']}  {group['id']}")
    if group["flags"]:
        head.append("  [" + ", ".join(group["flags"]) + "]", style="cyan")
    lines: list[Text | Table] = [head, Text(group["explanation"])]
    table = Table(show_edge=False, show_header=False, box=None, padding=(0, 1))
    table.add_column("source", no_wrap=True)
    table.add_column("at", justify="right", no_wrap=True)
    table.add_column("sentence", overflow="fold")
    for claim in claims:
        before, text, after = excerpt(claim)
        sentence = Text(before)
        sentence.append(text, style="bold reverse")
        sentence.append(after)
        sentence.append(f"  ({describe_value(claim['kind'], claim['value'])}{credit_note(claim)})", style="dim")
        table.add_row(Text(names.get(claim["source"], claim["source"])), Text(f"{claim['line']}:{claim['col']}"),
                      sentence)
    lines.append(table)
    return Padding(Group(*lines), (1, 0, 0, 2))
