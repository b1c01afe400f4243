"""The Markdown report: the terminal report's content, for a ticket, a pull request or chat."""

from __future__ import annotations

import re
from typing import Any

from .records import copy_lines, credit_note, describe_value, excerpt, language_notes, sections, verdict_counts


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The report as GitHub-flavoured Markdown."""
    names = {s["id"]: s["name"] for s in records["sources"]}
    out = ["# reconcile report", "", "| source | outlet | published | path |", "| --- | --- | --- | --- |"]
    out += [f"| {_cell(s['id'])} | {_cell(s['outlet'] or 'unknown')} | {s['published'] or 'unknown'} "
            f"| {_cell(s['path'])}{' (' + _cell(s['url']) + ')' if s.get('url') else ''} |" for s in records["sources"]]
    notes = [*copy_lines(records), *language_notes(records)]
    if notes:
        out += ["", *(f"- {_cell(line)}" for line in notes)]
    if records.get("skipped"):
        out += ["", "Skipped: " + "; ".join(f"{_cell(s['path'])} ({_cell(s['reason'])})" for s in records["skipped"])]
    if "groups" not in records:
        out += ["", "| source | line:col | kind | claim | value |", "| --- | --- | --- | --- | --- |"]
        out += [f"| {_cell(names[c['source']])} | {c['line']}:{c['col']} | {c['kind']} | {_cell(c['text'])} "
                f"| {_cell(describe_value(c['kind'], c['value']))} |" for c in records["claims"]]
        return "\n".join(out) + "\n"
    out += ["", f"{len(records['claims'])} claims in {len(records['groups'])} groups"
            + (f": {verdict_counts(records)}." if records["groups"] else ".")]
    for title, about, groups in sections(records):
        if title == "Single source" and not show_all:
            if groups:
                out += ["", f"*{title}: {len(groups)} more groups ({about}), not listed.*"]
            continue
        out += ["", f"## {title} ({len(groups)})", "", f"_{about}_"]
        for group, claims in groups:
            flags = f" · flags: {', '.join(group['flags'])}" if group["flags"] else ""
            out += ["", f"### {group['verdict']} · {group['kind']} · `{group['id']}`{flags}", "",
                    _cell(group["explanation"]), "", "| source | at | sentence | value |", "| --- | --- | --- | --- |"]
            for claim in claims:
                before, text, after = excerpt(claim)
                # The spaces around the claim stay outside the bold markers, or they would not bold.
                out.append(f"| {_cell(names[claim['source']])} | {claim['line']}:{claim['col']} "
                           f"| {_cell(before)}{' ' if before.endswith(' ') else ''}**{_cell(text)}**"
                           f"{' ' if after.startswith(' ') else ''}{_cell(after)} "
                           f"| {_cell(describe_value(claim['kind'], claim['value']) + credit_note(claim))} |")
    return "\n".join(out) + "\n"


_SPECIAL = re.compile(r"([\\|*_`\[\]<>#~])")


def _cell(text: str) -> str:
    """Source text safe inside a Markdown table cell.

    Every character Markdown would read as markup (pipes, emphasis, code, links, HTML) is
    escaped, and whitespace is collapsed.
    """
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
