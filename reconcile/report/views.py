"""What the HTML report shows, worked out from the records: plain dicts a template only lays out.

Everything a page needs that is more than a lookup is computed here, once, and tested without
a browser: where each claim sits in its source's text (segments that never nest wrongly, even
where claims overlap), the word-level difference between quotation variants, the publication
order of a developing figure, and the bars of the overview chart.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Any

from .records import DEVELOPING, copy_lines, credit_note, describe_value, developing, excerpt, language_notes, sections

# The labels a card's verdict and the filter show, in the order of the report's sections.
VERDICTS = ("conflict", DEVELOPING, "quote_variant", "compatible", "agree", "single_source")
# How a mark in a source's text tells its verdict without colour: the line under it.
UNDERLINES = {"conflict": "double", "developing": "dashed", "quote_variant": "dotted", "compatible": "solid",
              "agree": "solid", "single_source": "thin"}
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
# Longest bar of the overview chart, in the SVG's own units.
_BAR = 240


def label_of(group: dict[str, Any]) -> str:
    """The verdict a reader filters by: a developing conflict is told apart from a hard one."""
    return DEVELOPING if developing(group) else group["verdict"]


def dom_prefix(story_id: str | None) -> str:
    """A prefix that keeps one story's element ids apart from another's on a page of many."""
    return "" if story_id is None else "s-" + _SAFE.sub("_", story_id) + "-"


def story_view(records: dict[str, Any], *, prefix: str = "", show_all: bool = False) -> dict[str, Any]:
    """The view of one comparison: overview, cards by section, and each source with its claims marked."""
    names = {s["id"]: s["name"] for s in records["sources"]}
    published = {s["id"]: s["published"] for s in records["sources"]}
    claim_dom = {c["id"]: f"{prefix}c{i}" for i, c in enumerate(records["claims"])}
    by_source: dict[str, list[dict[str, Any]]] = {}
    for claim in records["claims"]:
        by_source.setdefault(claim["source"], []).append(claim)
    group_of: dict[str, dict[str, Any]] = {}
    for group in records.get("groups", []):
        for cid in group["claims"]:
            group_of[cid] = group
    view: dict[str, Any] = {
        "prefix": prefix,
        "sources": [_source(s, by_source.get(s["id"], []), names, claim_dom, group_of, prefix)
                    for s in records["sources"]],
        "copy_lines": copy_lines(records),
        "language_notes": language_notes(records),
        "skipped": records.get("skipped", []),
        "claims": len(records["claims"]),
        "grouped": "groups" in records,
    }
    if "groups" not in records:
        view["listed"] = [_member(c, names, claim_dom) for c in records["claims"]]
        return view
    view["sections"] = [
        {"title": title, "about": about, "open": show_all or title != "Single source",
         "anchor": prefix + _SAFE.sub("-", title.lower()),
         "cards": [_card(g, members, names, published, claim_dom, prefix) for g, members in found]}
        for title, about, found in sections(records)]
    view["groups"] = len(records["groups"])
    found = {label_of(g) for g in records["groups"]}
    view["legend"] = [(label, UNDERLINES[label]) for label in VERDICTS if label in found]
    view["chart"] = {**chart(records), "id": prefix + "chart-title"}
    return view


def filters(views: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The values each filter offers, over every story of the page."""
    cards = [card for view in views for section in view.get("sections", []) for card in section["cards"]]
    return {
        "verdicts": [v for v in VERDICTS if any(card["label"] == v for card in cards)],
        "kinds": sorted({card["kind"] for card in cards}),
        "flags": sorted({flag for card in cards for flag in card["flags"]}),
        "outlets": sorted({outlet for card in cards for outlet in card["outlets"]}),
    }


def chart(records: dict[str, Any]) -> dict[str, Any]:
    """Bars for the count of groups per verdict and per flag, scaled to the longest."""
    groups = records.get("groups", [])
    verdicts = Counter(label_of(g) for g in groups)
    flags = Counter(flag for g in groups for flag in g["flags"])
    rows = [("verdict", v, verdicts[v]) for v in VERDICTS if verdicts[v]]
    rows += [("flag", f, n) for f, n in sorted(flags.items(), key=lambda item: (-item[1], item[0]))]
    top = max((n for _, _, n in rows), default=1)
    return {"rows": [{"type": t, "name": name, "count": n, "width": max(2, round(_BAR * n / top)), "y": 22 * i}
                     for i, (t, name, n) in enumerate(rows)],
            "height": 22 * len(rows), "bar": _BAR}


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The text cut where any claim starts or ends; each piece lists the claims covering it.

    `spans` are (start, end, claim key). Overlapping claims (a figure inside a quotation) give
    pieces covered by both; `starts` lists the claims that begin at a piece, for their anchors.
    """
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    opening: dict[int, list[tuple[int, str]]] = {}
    for start, end, key in spans:
        opening.setdefault(start, []).append((end, key))
    active: list[tuple[int, int, str]] = []
    pieces = []
    for here, there in zip(cuts, cuts[1:], strict=False):
        active = [a for a in active if a[1] > here]
        for end, key in opening.get(here, []):
            active.append((here, end, key))
        covering = sorted(active, key=lambda a: (a[1] - a[0], a[0]))
        pieces.append({"text": text[here:there], "claims": [key for _, _, key in covering],
                       "starts": [key for end, key in opening.get(here, [])]})
    # An empty claim (never made, but kept safe) still gets its anchor.
    for start, end, key in spans:
        if start == end == len(text):
            pieces.append({"text": "", "claims": [], "starts": [key]})
    return pieces


def word_diff(reference: str, other: str) -> list[tuple[str, str]]:
    """(op, words) runs turning `reference` into `other`: op is "same", "deleted" or "inserted"."""
    old, new = reference.split(), other.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in old], b=[w.casefold() for w in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("deleted", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("inserted", " ".join(new[j1:j2])))
    return runs


def _source(source: dict[str, Any], mine: list[dict[str, Any]], names: dict[str, str], claim_dom: dict[str, str],
            group_of: dict[str, dict[str, Any]], prefix: str) -> dict[str, Any]:
    text = source.get("text") or ""
    spans = [(c["start"], c["end"], c["id"]) for c in mine if 0 <= c["start"] <= c["end"] <= len(text)]
    marks = []
    for piece in segments(text, spans):
        inner = group_of.get(piece["claims"][0]) if piece["claims"] else None
        marks.append({"text": piece["text"],
                      "claims": " ".join(claim_dom[c] for c in piece["claims"]),
                      "starts": [claim_dom[c] for c in piece["starts"]],
                      "label": label_of(inner) if inner else ("claim" if piece["claims"] else None),
                      "group": prefix + inner["id"] if inner else None,
                      "kind": inner["kind"] if inner else None})
    return {"id": source["id"], "dom": prefix + "src-" + _SAFE.sub("_", source["id"]), "name": source["name"],
            "outlet": source.get("outlet"), "published": source.get("published"), "path": source["path"],
            "language": source.get("language"), "partial": bool(source.get("partial_language")),
            "title": source.get("title"), "url": source.get("url"),
            "words": len(text.split()), "copy_of": source.get("copy_of"),
            "copy_of_name": names.get(source.get("copy_of") or ""),
            "claims": len(mine), "marks": marks, "has_text": "text" in source}


def _member(claim: dict[str, Any], names: dict[str, str], claim_dom: dict[str, str]) -> dict[str, Any]:
    before, text, after = excerpt(claim)
    return {"dom": claim_dom[claim["id"]], "source": names[claim["source"]], "line": claim["line"],
            "col": claim["col"], "kind": claim["kind"], "before": before, "text": text, "after": after,
            "value": describe_value(claim["kind"], claim["value"]) + credit_note(claim)}


def _card(group: dict[str, Any], members: list[dict[str, Any]], names: dict[str, str],
          published: dict[str, str | None], claim_dom: dict[str, str], prefix: str) -> dict[str, Any]:
    rows = [_member(c, names, claim_dom) for c in members]
    card = {"id": group["id"], "dom": prefix + group["id"], "label": label_of(group), "kind": group["kind"],
            "flags": list(group["flags"]), "explanation": group["explanation"], "members": rows,
            "outlets": sorted({names[c["source"]] for c in members}), "diffs": [], "timeline": []}
    if group["verdict"] == "quote_variant" and len(members) > 1:
        reference = members[0]
        card["diffs"] = [{"source": names[c["source"]], "against": names[reference["source"]],
                          "runs": word_diff(reference["text"], c["text"])}
                         for c in members[1:] if c["text"] != reference["text"]]
    if developing(group):
        # Undated sources come last, in the order the group lists them.
        order = sorted(members, key=lambda c: (published[c["source"]] is None, published[c["source"]] or ""))
        card["timeline"] = [{"published": published[c["source"]] or "undated", "source": names[c["source"]],
                             "value": describe_value(c["kind"], c["value"]), "dom": claim_dom[c["id"]]}
                            for c in order]
    return card
