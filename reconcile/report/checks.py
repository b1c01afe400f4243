"""The check's reports: one record per finding, then terminal, JSON, GitHub annotations, SARIF, JUnit.

`check_records` is the serialisation boundary for `reconcile check`, as `report_records` is for
`compare`: every format below is built from its plain dicts.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from rich.console import Console
from rich.text import Text

from .. import __version__
from ..check import CheckResult, Finding
from . import html

# Stable rule ids for SARIF and the annotations, one per verdict.
RULES = {
    "conflict": ("RC001", "The draft states a value that cannot be true if its sources are."),
    "quote_variant": ("RC002", "The draft quotes words or editorial marks ([sic], insertions, ellipses) its "
                               "sources print differently."),
    "attribution_conflict": ("RC003", "The draft gives a quotation to another speaker or medium than its sources do."),
    "unsupported": ("RC004", "No source states what the draft states."),
    "unresolved_date": ("RC005", "The draft's relative date (\"on Monday\") fits a fact no dated source places."),
}


def check_records(result: CheckResult, *, texts: bool = False) -> dict[str, Any]:
    """The check as JSON-ready records: drafts, sources, claims checked, findings and the verdict.

    With `texts`, `draft_texts` holds each draft's whole text, for a report that shows the drafts.
    """
    failing = {f.fingerprint for f in result.failing()}
    extra = {"draft_texts": [{"path": d.path, "text": d.text} for d in result.drafts]} if texts else {}
    return {
        "drafts": [d.path for d in result.drafts],
        "sources": [{"id": s.id, "path": s.path, "outlet": s.outlet, "published": _iso(s.published),
                     "copy_of": dict(result.copies).get(s.id)} for s in result.sources],
        "copies": [list(pair) for pair in result.copies],
        "fail_on": list(result.fail_on),
        "checked": [{"draft": _path(result, c.source), "line": c.span.line, "col": c.span.col,
                     "kind": c.kind.value, "text": c.text} for c in result.checked],
        "findings": [{**_finding(f), "failing": f.fingerprint in failing} for f in result.findings],
        "failed": bool(failing),
        **extra,
    }


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _path(result: CheckResult, source_id: str) -> str:
    return next(d.path for d in result.drafts if d.id == source_id)


def _finding(finding: Finding) -> dict[str, Any]:
    record = asdict(finding)
    record["flags"] = list(finding.flags)
    record["notes"] = list(finding.notes)
    record["rule"] = RULES[finding.verdict][0]
    return record


def render_terminal(records: dict[str, Any], *, color: bool = False) -> str:
    """What a reporter reads before publishing: each finding, where, and what the sources say."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=110, force_terminal=color, color_system="auto" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    for finding in records["findings"]:
        style = "bold red" if finding["failing"] else "yellow" if not finding["suppressed"] else "dim"
        head = Text(f"{finding['draft']}:{finding['line']}:{finding['col']}  ", style=style)
        head.append(finding["verdict"], style=style)
        if finding["suppressed"]:
            head.append(f" ({finding['suppressed']})", style="dim")
        console.print(head)
        console.print(Text(f"  draft: {finding['text']}"))
        for support in finding["sources"]:
            how = "".join(f", {label} {support[key]}" for key, label in (("copy_of", "reprinting"),
                                                                             ("credited", "crediting"))
                          if support.get(key))
            console.print(Text(f"  {support['outlet']} ({support['path']}:{support['line']}:{support['col']}"
                               f"{how}): {support['text']}"))
        console.print(Text(f"  {finding['explanation']}"))
        for note in finding["notes"]:
            console.print(Text(f"  note: {note}", style="dim"))
    failing = sum(f["failing"] for f in records["findings"])
    console.print(Text(f"{len(records['checked'])} draft claims checked against {len(records['sources'])} "
                       f"sources: {len(records['findings'])} findings, {failing} failing "
                       f"(fail on: {', '.join(records['fail_on']) or 'never'})"))
    return buffer.getvalue()


def render_json(records: dict[str, Any], *, color: bool = False) -> str:
    """The records as JSON."""
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def render_github(records: dict[str, Any], *, color: bool = False) -> str:
    """GitHub Actions workflow commands: one annotation per finding not suppressed."""
    lines = []
    for finding in records["findings"]:
        if finding["suppressed"]:
            continue
        level = "error" if finding["failing"] else "warning"
        title = f"reconcile {finding['rule']} {finding['verdict']}"
        message = f"{finding['explanation']} (draft: {finding['text']})"
        lines.append(f"::{level} file={_property(finding['draft'])},line={finding['line']},col={finding['col']},"
                     f"title={_property(title)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def _data(text: str) -> str:
    # Workflow-command escaping (as actions/toolkit does it).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_sarif(records: dict[str, Any], *, color: bool = False) -> str:
    """SARIF 2.1.0: one run, a rule per verdict, a result per finding with a stable fingerprint."""
    rules = [{"id": rule_id, "name": verdict, "shortDescription": {"text": description},
              "helpUri": "https://github.com/reconcile/reconcile#reconcile-check"}
             for verdict, (rule_id, description) in RULES.items()]
    results = []
    for finding in records["findings"]:
        result: dict[str, Any] = {
            "ruleId": finding["rule"],
            "level": "error" if finding["failing"] else "warning" if not finding["suppressed"] else "note",
            "message": {"text": f"{finding['explanation']} (draft: {finding['text']})"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": quote(Path(finding["draft"]).as_posix())},
                "region": {"startLine": finding["line"], "startColumn": finding["col"],
                           "snippet": {"text": finding["text"]}}}}],
            "partialFingerprints": {"reconcileFinding/v1": finding["fingerprint"]},
        }
        if finding["suppressed"]:
            result["suppressions"] = [{"kind": "inSource" if finding["suppressed"] == "ignored" else "external"}]
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        # Columns count code points, as Python does, not the UTF-16 units SARIF assumes otherwise.
        "runs": [{"tool": {"driver": {"name": "reconcile", "version": __version__,
                                      "informationUri": "https://github.com/reconcile/reconcile", "rules": rules}},
                  "columnKind": "unicodeCodePoints", "results": results}],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def render_junit(records: dict[str, Any], *, color: bool = False) -> str:
    """JUnit XML: one test case per draft claim checked, failed where a finding fails."""
    by_place = {(f["draft"], f["line"], f["col"]): f for f in records["findings"]}
    cases = []
    for claim in records["checked"]:
        name = f"{claim['draft']}:{claim['line']}:{claim['col']} {claim['kind']} {claim['text']}"
        finding = by_place.get((claim["draft"], claim["line"], claim["col"]))
        body = ""
        if finding and finding["failing"]:
            body = (f"<failure type={quoteattr(finding['verdict'])} message={quoteattr(finding['explanation'])}>"
                    f"{escape(finding['explanation'])}</failure>")
        elif finding:
            body = f"<skipped message={quoteattr(finding['suppressed'] or finding['verdict'])}/>"
        cases.append(f'    <testcase classname="reconcile.check" name={quoteattr(name)}>{body}</testcase>')
    failures = sum(1 for f in records["findings"] if f["failing"])
    skipped = sum(1 for f in records["findings"] if not f["failing"])
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f'<testsuites><testsuite name="reconcile check" tests="{len(cases)}" failures="{failures}" '
            f'skipped="{skipped}">\n' + "\n".join(cases) + "\n</testsuite></testsuites>\n")


CHECK_FORMATS: dict[str, Callable[..., str]] = {
    "terminal": render_terminal,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
    "html": html.render_check,
}
# Formats that show the drafts themselves, so need their text in the records.
CHECK_WITH_TEXT = frozenset({"html"})
