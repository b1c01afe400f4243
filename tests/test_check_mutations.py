"""`reconcile check` catches a changed fact and passes a faithful one: one sentence per draft, end to end.

The story (tests/fixtures/check_story/, written for these tests) has three outlets, two of them
published on Tuesday March 4, 2025 and one on Wednesday March 5. Each draft below is one
sentence, undated as a draft being written is, and changes one fact of the story the way the
mutation benchmark (benchmarks/check_mutations.py) does, or none. All drafts run through one
`reconcile check` in a subprocess, which judges each draft on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

STORY = ROOT / "tests" / "fixtures" / "check_story"

FAITHFUL = {
    "printed-amount": "The Millbrook council approved a $12.4 million contract to repair the Harbor Street bridge "
                      "on Monday.",
    "printed-count": "Engineers found 37 cracked beams on the Harbor Street bridge during the inspection.",
    "printed-quote": "\u201cWe cannot let this bridge fail our families,\u201d Mayor Ines Calder said.",
    "printed-sic": "\u201cThe steel were [sic] rusting for a decade,\u201d inspector Paula Mendes said.",
    "printed-date": "The Millbrook council approved the bridge contract on March 3, 2025.",
    "printed-duration": "Repairs to the Harbor Street bridge will take nine months.",
    # "Yesterday" is Monday as of the Tuesday outlets, Tuesday as of the Wednesday one: it fits
    # one source's frame and not another's, and one source bearing it out is enough.
    "undated-yesterday": "The Millbrook council yesterday approved a $12.4 million contract to repair the Harbor "
                         "Street bridge.",
    "undated-monday": "The Millbrook council approved the bridge contract on Monday, the mayor's office said.",
}

# (draft id, sentence, the changed words the failing finding must be on, its verdict)
CHANGED = [
    ("leading-digit", "The Millbrook council approved a $22.4 million contract to repair the Harbor Street bridge "
                      "on Monday.", "$22.4 million", "conflict"),
    ("times-ten", "The Millbrook council approved a $124 million contract to repair the Harbor Street bridge "
                  "on Monday.", "$124 million", "conflict"),
    ("number-word", "The Millbrook council approved a $12.4 billion contract to repair the Harbor Street bridge "
                    "on Monday.", "$12.4 billion", "conflict"),
    ("currency", "The Millbrook council approved a \u00a312.4 million contract to repair the Harbor Street bridge "
                 "on Monday.", "\u00a312.4 million", "conflict"),
    ("count", "Engineers found 47 cracked beams on the Harbor Street bridge during the inspection.",
     "47 cracked beams", "conflict"),
    # A day is placed by the words beside it and by the facts its sentence states with it.
    ("date-days", "The Millbrook council approved the $12.4 million bridge contract on March 5, 2025.",
     "March 5, 2025", "conflict"),
    ("month", "The Millbrook council approved the $12.4 million bridge contract on April 3, 2025.", "April 3, 2025",
     "conflict"),
    ("weekday", "The Millbrook council approved a $12.4 million contract to repair the Harbor Street bridge "
                "on Thursday.", "Thursday", "conflict"),
    ("duration", "Repairs to the Harbor Street bridge will take nine weeks.", "nine weeks", "conflict"),
    ("quote-word-replaced", "\u201cWe cannot let this bridge fail our children,\u201d Mayor Ines Calder said.",
     "We cannot let this bridge fail our children", "quote_variant"),
    ("quote-word-dropped", "\u201cWe cannot let this bridge fail families,\u201d Mayor Ines Calder said.",
     "We cannot let this bridge fail families", "quote_variant"),
    ("sic-dropped", "\u201cThe steel were rusting for a decade,\u201d inspector Paula Mendes said.",
     "The steel were rusting for a decade", "quote_variant"),
    ("other-speaker", "\u201cWe cannot let this bridge fail our families,\u201d council member Rafe Osei said.",
     "We cannot let this bridge fail our families", "attribution_conflict"),
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, list[dict]]:
    """Every draft above checked against the story in one run: its findings, by draft id."""
    folder = tmp_path_factory.mktemp("drafts")
    for name, text in [*FAITHFUL.items(), *((name, text) for name, text, _, _ in CHANGED)]:
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reconcile", "check", str(folder), "--against", str(STORY),
                             "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr  # the changed drafts fail
    found: dict[str, list[dict]] = {name: [] for name in [*FAITHFUL, *(c[0] for c in CHANGED)]}
    for finding in json.loads(result.stdout)["findings"]:
        found[Path(finding["draft"]).stem].append(finding)
    return found


@pytest.mark.parametrize("name", FAITHFUL)
def test_a_faithful_sentence_passes(checked, name):
    assert [f for f in checked[name] if f["failing"]] == []


@pytest.mark.parametrize("name, text, changed, verdict", CHANGED, ids=[c[0] for c in CHANGED])
def test_a_changed_fact_fails_on_the_changed_words(checked, name, text, changed, verdict):
    failing = [f for f in checked[name] if f["failing"]]
    assert [(f["verdict"], f["text"].rstrip(",.")) for f in failing] == [(verdict, changed)]


def test_a_finding_says_what_the_draft_says_and_which_sources_say_otherwise(checked):
    (finding,) = checked["times-ten"]
    assert finding["explanation"].startswith(
        "the draft says $124 million; Valley Courier, Coast Herald and Metro Wire say $12.4 million")
    assert {s["outlet"] for s in finding["sources"]} == {"Coast Herald", "Metro Wire", "Valley Courier"}


def test_a_dropped_sic_is_flagged(checked):
    (finding,) = checked["sic-dropped"]
    assert "sic" in finding["flags"]


def write(folder: Path, name: str, text: str, day: str | None = None, outlet: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    meta = "".join(f"{key}: {value}\n" for key, value in (("date", day), ("outlet", outlet)) if value)
    path = folder / f"{name}.md"
    path.write_text((f"---\n{meta}---\n" if meta else "") + text + "\n", encoding="utf-8")
    return path


def check(draft: Path, sources: Path, *args: str) -> tuple[int, list[dict]]:
    result = subprocess.run([sys.executable, "-m", "reconcile", "check", str(draft), "--against", str(sources),
                             "--format", "json", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)["findings"]


def test_a_relative_day_no_dated_source_places_is_a_note_not_a_failure(tmp_path):
    sources = tmp_path / "sources"
    # The only source stating the day has no date of its own; the story's latest is another's.
    write(sources, "undated", "The Oakvale school board approved the new library budget on March 3, 2025, "
                              "officials said.", outlet="Oakvale Times")
    write(sources, "dated", "Parents in Oakvale have asked for longer library hours for years.", "2025-03-07",
          "Parent Voice")
    draft = write(tmp_path, "draft", "The Oakvale school board approved the new library budget on Tuesday, "
                                     "officials said.")
    code, found = check(draft, sources)
    assert code == 0
    assert [(f["verdict"], f["text"], f["failing"]) for f in found] == [("unresolved_date", "Tuesday", False)]
    assert check(draft, sources, "--fail-on", "unresolved_date")[0] == 1


def test_two_facts_that_fit_as_well_are_both_named(tmp_path):
    sources = tmp_path / "sources"
    # One outlet states two hirings: two facts, and the draft's figure, with no month, fits both.
    write(sources, "ledger", "The Dunmore clinic hired 40 nurses for its night shifts in May, the clinic said.\n\n"
                             "The Dunmore clinic hired 60 nurses for its night shifts in July, the clinic said.",
          "2025-08-04", "North Ledger")
    draft = write(tmp_path, "draft", "The Dunmore clinic hired 50 nurses for its night shifts, the clinic said.")
    code, found = check(draft, sources)
    assert code == 1
    (finding,) = found
    assert finding["text"] == "50 nurses" and finding["verdict"] == "conflict"
    (note,) = finding["notes"]
    assert note.startswith("it fits 2 facts of the sources about as well")
    named = finding["explanation"] + note
    assert "40 nurses" in named and "60 nurses" in named


def test_two_changes_in_one_sentence_are_both_found(tmp_path):
    # The changed day does not hide the changed amount beside it.
    draft = write(tmp_path, "draft", "The Millbrook council approved a $124 million contract to repair the Harbor "
                                     "Street bridge on Thursday.")
    code, found = check(draft, STORY)
    assert code == 1
    assert sorted((f["verdict"], f["text"]) for f in found if f["failing"]) == [
        ("conflict", "$124 million"), ("conflict", "Thursday")]


def test_a_dated_draft_is_read_in_its_own_time_frame(tmp_path):
    # Undated, "yesterday" is Monday as of the Tuesday outlets; written on Thursday it is Wednesday.
    draft = write(tmp_path, "draft", FAITHFUL["undated-yesterday"])
    assert check(draft, STORY) == (0, [])
    code, found = check(draft, STORY, "--published", "draft=2025-03-06")
    assert code == 1
    assert [(f["verdict"], f["text"]) for f in found] == [("conflict", "yesterday")]


@pytest.mark.parametrize("given, message", [
    ("nobody=2025-03-06", "no draft or source with id 'nobody'"),
    ("draft=March", "is not a date (YYYY-MM-DD)"),
])
def test_a_bad_published_date_is_a_usage_error(tmp_path, given, message):
    draft = write(tmp_path, "draft", FAITHFUL["undated-yesterday"])
    result = subprocess.run([sys.executable, "-m", "reconcile", "check", str(draft), "--against", str(STORY),
                             "--published", given], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
