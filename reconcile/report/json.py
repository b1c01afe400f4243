"""The JSON report: the records as they are, indented, in a stable order."""

from __future__ import annotations

import json
from typing import Any


def render(records: dict[str, Any], *, color: bool = False, show_all: bool = False) -> str:
    """The records as JSON text (UTF-8 characters kept, no timestamps)."""
    return json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
