"""The JSON report: the records as they are, indented, in a stable order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from typing import Any

# Pieces of the encoder's output joined before they are handed on: few writes, little held.
_BATCH = 8192


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The records as JSON text (UTF-8 characters kept, no timestamps)."""
    return "".join(pieces(records))


def pieces(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> Iterator[str]:
    """The same text in pieces, as it is encoded: a large report is written without being held whole."""
    chunks = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False).iterencode(records)
    while batch := "".join(islice(chunks, _BATCH)):
        yield batch
    yield "\n"
