"""The example reports in reports/, generated from seeds/ (`python -m reconcile.goldens`).

Run from the repository root: paths in the reports are relative to it.
"""

from __future__ import annotations

from pathlib import Path

from . import compare
from .report import WITH_TEXT, render, report_records

GOLDENS = {
    "seeds.json": ("compare", "json"),
    "seeds.csv": ("compare", "csv"),
    "seeds.wide.csv": ("compare", "wide-csv"),
    "seeds.md": ("compare", "markdown"),
    "seeds.html": ("compare", "html"),
    "seeds.txt": ("compare", "terminal"),
    "seeds.claims.txt": ("claims", "terminal"),
}


def render_golden(name: str, seeds: str = "seeds") -> str:
    """One golden report, rendered afresh."""
    command, format_name = GOLDENS[name]
    records = report_records(compare([seeds]), groups=command == "compare", texts=format_name in WITH_TEXT)
    return render(format_name, records)


def main() -> None:
    """Rewrite every golden report under reports/."""
    for name in GOLDENS:
        Path("reports", name).write_text(render_golden(name), encoding="utf-8", newline="")
        print(f"wrote reports/{name}")


if __name__ == "__main__":
    main()
