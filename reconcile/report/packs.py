"""The active rule files as a table (`reconcile rules list`)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

WIDTH = 120


def render_rule_files(rows: Iterable[tuple[str, str, str, str, str]], *, color: bool = False) -> str:
    """Rows of (name, type, language, path, description), in the order the files are read."""
    table = Table(title="Active rule files, in the order read (later ones extend earlier ones)",
                  title_justify="left")
    for column in ("name", "type", "language", "from", "description"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=WIDTH, force_terminal=color, color_system="auto" if color else None).print(table)
    return buffer.getvalue()
