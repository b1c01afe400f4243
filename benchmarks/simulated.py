"""A simulated feed of any size, built from the real corpora by a seeded generator, with its gold.

The 286 real stories of ECB+ and GVC are replayed on new days: each day of the feed carries a
share of the stories, each replay with a subset of its articles, new publication dates (the
story's day or the next), new outlets, light rewrites (a few words swapped for synonyms, now
and then a sentence dropped) and now and then a verbatim reprint by a second outlet. Every
article's gold story is its replay. A story is replayed at most once every `ROTATION` days,
so two replays of one story are always further apart than a one-day window: told apart by
time, as a real feed tells a follow-up a week later from the first report only by its date.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .feed import CORPORA

# A story comes back at most once every ROTATION days (3: its articles span two days, and a
# one-day window must not reach the next replay).
ROTATION = 3
# Each day, a story of the day's rotation is replayed with this probability...
REPLAYED = 0.9
# ...with each of its articles kept with this probability (at least one always)...
KEPT = 0.8
# ...and each kept article reprinted verbatim by another outlet with this probability.
REPRINTED = 0.08
FIRST_DAY = dt.date(2025, 1, 6)

_PLACES = ("Ashford", "Bayview", "Cedar Falls", "Dunmore", "Eastfield", "Fairhaven", "Glenwood", "Harlow",
           "Ironton", "Juniper", "Kingsport", "Lakeside", "Millbrook", "Northgate", "Oakridge", "Pinecrest",
           "Quarry Hill", "Riverton", "Stonebridge", "Twin Oaks", "Union City", "Valley Forge", "Westbrook",
           "Yorkville")
_PAPERS = ("Courier", "Ledger", "Sentinel", "Herald", "Gazette", "Tribune", "Chronicle", "Observer", "Record",
           "Journal", "Post", "Times")
OUTLETS = tuple(f"The {place} {paper}" for place in _PLACES for paper in _PAPERS)

# Light rewrites an editor might make; each occurrence is swapped with probability SWAPPED.
SYNONYMS = {"said": "stated", "says": "states", "told": "informed", "about": "around", "nearly": "almost",
            "after": "following", "before": "prior to", "police": "officers", "officials": "authorities",
            "killed": "slain", "shot": "gunned down", "home": "residence", "car": "vehicle",
            "announced": "revealed", "company": "firm", "however": "but", "also": "additionally"}
SWAPPED = 0.5
DROPPED = 0.3  # chance an article loses one sentence past its first
_SYNONYM = re.compile(r"\b(" + "|".join(map(re.escape, SYNONYMS)) + r")\b")
_SENTENCE_END = re.compile(r"((?<=[.!?])\s+(?=[A-Z\"“]))")


def real_stories(root: Path) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every real story of the corpora (key, documents), in a fixed order."""
    stories = []
    for corpus in CORPORA:
        with (root / corpus / "incidents.jsonl").open(encoding="utf-8") as lines:
            for incident in map(json.loads, lines):
                stories.append((f"{corpus}:{incident['incident_id']}", incident["documents"]))
    return sorted(stories, key=lambda s: s[0])


def simulate(articles: int, seed: int, root: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """`articles` feed records (id, text, published, outlet, title), each with its gold story."""
    rng = random.Random(seed)
    stories = real_stories(root)
    made, day = 0, 0
    while made < articles:
        for key, documents in [s for k, s in enumerate(stories) if k % ROTATION == day % ROTATION]:
            if rng.random() >= REPLAYED:
                continue
            kept = [d for d in documents if rng.random() < KEPT] or [rng.choice(documents)]
            gold = f"{key}@{day}"
            last = FIRST_DAY + dt.timedelta(days=day + 1)
            for document in kept:
                if made >= articles:
                    return
                published = FIRST_DAY + dt.timedelta(days=day + rng.randint(0, 1))
                record = {"id": f"sim-{made:06d}", "text": rewrite(document["text"], rng),
                          "published": published.isoformat(), "outlet": rng.choice(OUTLETS),
                          "title": document.get("title")}
                made += 1
                yield record, gold
                if made < articles and rng.random() < REPRINTED:
                    # The same day or a day later, but within the story's two days.
                    later = min(published + dt.timedelta(days=rng.randint(0, 1)), last)
                    reprint = {**record, "id": f"sim-{made:06d}", "outlet": rng.choice(OUTLETS),
                               "published": later.isoformat()}
                    made += 1
                    yield reprint, gold
        day += 1


def rewrite(text: str, rng: random.Random) -> str:
    """The text lightly rewritten: some words swapped for synonyms, maybe one sentence dropped."""
    text = _SYNONYM.sub(lambda m: SYNONYMS[m.group(1)] if rng.random() < SWAPPED else m.group(1), text)
    parts = _SENTENCE_END.split(text)  # sentence, space, sentence, ...: the spacing is kept
    if len(parts) > 4 and rng.random() < DROPPED:
        dropped = 2 * rng.randint(1, len(parts) // 2)
        # With the space after it (before it, for the last): a paragraph break stays a break.
        start = dropped if dropped + 1 < len(parts) else dropped - 1
        del parts[start:start + 2]
    return "".join(parts)


def write(path: Path, articles: int, seed: int, root: Path) -> dict[str, str]:
    """Write a simulated feed as JSON Lines; the gold story of each article."""
    gold = {}
    with path.open("w", encoding="utf-8") as out:
        for record, story in simulate(articles, seed, root):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            gold[record["id"]] = story
    return gold
