"""A feed's reports written as they come, story by story: JSON, JSON Lines or CSV.

A feed's output can be far larger than memory wants to hold, so each writer takes the stories
one at a time, in the order given, and writes each before reading the next. The JSON is the
same text as one `json.dumps` of the whole result would give.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import pandas as pd

from . import csv, html

# Rows gathered before pandas writes them: one frame per story would cost more than the rows.
_CSV_BATCH = 5000


def write_json(stories: Iterable[dict[str, Any]], out: TextIO, skipped: list[dict[str, Any]]) -> None:
    """`{"stories": [...], "skipped": [...]}`, indented by one space."""
    out.write('{\n "stories": [')
    separator = "\n"
    for story in stories:
        text = json.dumps(story, ensure_ascii=False, indent=1, allow_nan=False)
        # JSON strings hold no raw newline, so indenting by lines is safe.
        out.write(separator + "\n".join("  " + line for line in text.split("\n")))
        separator = ",\n"
    out.write("\n ]" if separator != "\n" else "]")
    out.write(',\n "skipped": ' + "\n ".join(json.dumps(skipped, ensure_ascii=False, indent=1).split("\n"))
              + "\n}\n")


def write_jsonl(stories: Iterable[dict[str, Any]], out: TextIO, skipped: list[dict[str, Any]]) -> None:
    """One story a line, as a feed of articles comes in; what was skipped is not a story."""
    for story in stories:
        out.write(json.dumps(story, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n")


def write_csv(stories: Iterable[dict[str, Any]], out: TextIO, skipped: list[dict[str, Any]]) -> None:
    """One row per claim, as `compare --format csv` gives, with the story it belongs to first."""
    columns = ["story", *csv.COLUMNS]
    out.write(",".join(columns) + "\n")
    batch: list[dict[str, Any]] = []
    for story in stories:
        records = {"sources": story["sources_detail"], "claims": story["claims"], "groups": story["groups"]}
        batch += ({"story": story["id"], **row} for row in csv.rows(records))
        if len(batch) >= _CSV_BATCH:
            _flush(batch, columns, out)
    _flush(batch, columns, out)


def _flush(batch: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    if batch:
        pd.DataFrame(batch, columns=columns, dtype=object).to_csv(out, index=False, header=False,
                                                                  lineterminator="\n")
        batch.clear()


FEED_FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], TextIO, list[dict[str, Any]]], None]] = {
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "html": html.write_feed,
}
