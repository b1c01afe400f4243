"""The HTML report: one self-contained page, laid out by Jinja2 templates from the records.

The page holds its styles and scripts inline and asks the network for nothing, so it opens
from disk or an e-mail attachment. Every value reaches it through autoescaping: a source that
contains markup shows it as text. It reads with scripts off; scripts add navigation, pinning
and filters.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import jinja2

from ..model import line_starts
from .records import section_of
from .views import VERDICTS, dom_prefix, filters, segments, story_view, word_diff

_TEMPLATES = Path(__file__).with_name("templates")
# How the filters of a feed's page order what they offer: verdicts as the sections read, the rest by name.
_ORDER = {"verdicts": VERDICTS.index}
# A feed's story pages are spooled here before the index that precedes them is written.
_SPOOL_BYTES = 8 << 20


@functools.cache
def environment() -> jinja2.Environment:
    """The templates, autoescaped whatever their name, and strict about a name that is not given."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(_TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """A comparison (or a list of claims) as a page; the records need their sources' text."""
    view = story_view(records, show_all=show_all)
    return environment().get_template("compare.html.j2").render(
        title="reconcile report", story=view, filters=filters([view]))


def render_check(records: dict[str, Any], *, color: bool = False) -> str:
    """A check as a page: each draft with its findings underlined, the sources' wording beside them."""
    texts = {d["path"]: d["text"] for d in records.get("draft_texts", [])}
    drafts = []
    for path in records["drafts"]:
        mine = {f"at-f{i}": {**f, "dom": f"f{i}", "sources": [_support(s) for s in f["sources"]],
                             "diff": word_diff(f["sources"][0]["text"], f["text"])
                             if f["verdict"] == "quote_variant" and f["sources"] else []}
                for i, f in enumerate(records["findings"]) if f["draft"] == path}
        text = texts.get(path, "")
        spans = [(start, start + len(f["text"]), key) for key, f in mine.items()
                 if (start := _offset(text, f["line"], f["col"], f["text"])) is not None]
        marks = [{"text": p["text"], "findings": " ".join(p["claims"]), "starts": p["starts"],
                  "card": mine[p["claims"][0]]["dom"] if p["claims"] else None,
                  "verdict": mine[p["claims"][0]]["verdict"] if p["claims"] else None,
                  "failing": any(mine[k]["failing"] for k in p["claims"])}
                 for p in segments(text, spans)]
        drafts.append({"path": path, "marks": marks, "findings": list(mine.values())})
    failing = sum(f["failing"] for f in records["findings"])
    return environment().get_template("check.html.j2").render(
        title="reconcile check", records=records, drafts=drafts, failing=failing)


def _support(support: dict[str, Any]) -> dict[str, Any]:
    """A source's wording of a fact, cut around the claim as the cards of a comparison are."""
    sentence, text = support["sentence"], support["text"]
    at = sentence.find(text)
    if at < 0:
        return {**support, "before": "", "after": ""}
    return {**support, "before": sentence[:at], "after": sentence[at + len(text):]}


def _offset(text: str, line: int, col: int, wanted: str) -> int | None:
    """Where a finding stands in its draft: its line and column, checked against its text."""
    starts = line_starts(text)
    if not 1 <= line <= len(starts):
        return None
    start = starts[line - 1] + col - 1
    return start if text[start:start + len(wanted)] == wanted else None


def write_feed(stories: Iterable[dict[str, Any]], out: TextIO, skipped: list[dict[str, Any]]) -> None:
    """A feed as one page: an index of its stories, then each story's report under its anchor.

    The stories come one at a time and are laid out as they come; the index, which needs them
    all, is small and is written first while the laid-out stories wait in a spool (on disk
    past a few megabytes), so a large feed is never held whole.
    """
    templates = environment()
    story_template = templates.get_template("feed_story.html.j2")
    index: list[dict[str, Any]] = []
    options: dict[str, set[str]] = {"verdicts": set(), "kinds": set(), "flags": set(), "outlets": set()}
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        for story in stories:
            records = {"sources": story["sources_detail"], "claims": story["claims"], "groups": story["groups"],
                       "copies": story.get("copies", [])}
            view = story_view(records, prefix=dom_prefix(story["id"]))
            for key, values in filters([view]).items():
                options[key].update(values)
            index.append(_index_row(story, records, view))
            spool.write(story_template.render(story=view, id=story["id"]))
        spool.seek(0)
        head, tail = templates.get_template("feed.html.j2").render(
            title="reconcile feed", index=index, skipped=skipped,
            filters={key: sorted(values, key=_ORDER.get(key)) for key, values in options.items()}
        ).split("<!-- stories -->", 1)
        out.write(head)
        while chunk := spool.read(1 << 16):
            out.write(chunk)
        out.write(tail)


def _index_row(story: dict[str, Any], records: dict[str, Any], view: dict[str, Any]) -> dict[str, Any]:
    found = [section_of(g) for g in records["groups"]]
    dates = sorted(s["published"] for s in records["sources"] if s["published"])
    return {"id": story["id"], "anchor": view["prefix"] + "story", "articles": len(records["sources"]),
            "outlets": sorted({s["name"] for s in records["sources"]}), "claims": len(records["claims"]),
            "groups": len(records["groups"]), "discrepancies": found.count("Discrepancies"),
            "developing": found.count("Developing figures"), "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None, "title": next((s["title"] for s in records["sources"]
                                                                  if s.get("title")), None)}

