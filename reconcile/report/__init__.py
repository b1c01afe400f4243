"""Reporters: one module and one `render(records)` each, found by name in FORMATS."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from . import csv, html, json, markdown, terminal, wide_csv
from .records import report_records

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "terminal": terminal.render,
    "json": json.render,
    "csv": csv.render,
    "wide-csv": wide_csv.render,
    "markdown": markdown.render,
    "html": html.render,
}
# Formats that show the sources themselves, so need their text in the records.
WITH_TEXT = frozenset({"html"})

__all__ = ["FORMATS", "WITH_TEXT", "pieces", "render", "report_records"]

# Formats that can be written as they are made, piece by piece.
STREAMED: dict[str, Callable[..., Iterator[str]]] = {"json": json.pieces}


def render(format_name: str, records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """Render records in the named format; `show_all` lists single-source claims too."""
    return FORMATS[format_name](records, color=color, show_all=show_all)


def pieces(format_name: str, records: dict[str, Any], *, color: bool = False,
           show_all: bool = False) -> Iterator[str]:
    """The rendered text in pieces that join to `render`'s: a large JSON report is never held whole."""
    if format_name in STREAMED:
        yield from STREAMED[format_name](records, color=color, show_all=show_all)
    else:
        yield render(format_name, records, color=color, show_all=show_all)
