"""Reporters: one module and one `render(records)` each, found by name in FORMATS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import csv, json, terminal
from .records import report_records

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "terminal": terminal.render,
    "json": json.render,
    "csv": csv.render,
}

__all__ = ["FORMATS", "render", "report_records"]


def render(format_name: str, records: dict[str, Any], *, color: bool = False) -> str:
    """Render records in the named format."""
    return FORMATS[format_name](records, color=color)
