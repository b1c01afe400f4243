"""Reprints found among a story's articles: precision and recall of copies, before and after containment.

    python -m benchmarks.copies [--seed N] [--share P] [--out DIR]

Every real story of ECB+ and GVC (read in place from ../shared/benchmarks) is replayed once, as the
simulated feed replays it (`benchmarks.simulated`: each article lightly rewritten), and some of its
articles are reprinted by another outlet, in one of four ways the generator records:

- `verbatim`: the same text;
- `excerpt`: its first sentences, 30 to 70% of them (a scraped page cut short);
- `extended`: the text with a paragraph added (sentences of an article of another story);
- `edited`: the text rewritten once more (other synonyms, one sentence dropped).

`reconcile.copies.copies` runs on each story's articles, as `compare`, `check` and `feed` run it.
A pair found is right when the generator made one article from the other, or both from one
article; recall is over the reprints it made. The corpora hold near-duplicates of their own (the
same wire story filed twice): pairs of two corpus articles are counted apart (`native`), not as
errors, and listed in the JSON to read. "Before" is the test `feed` used until now: MinHash
(64 permutations) estimating the Jaccard index of five-word shingles, a copy at 0.8 and above.
Figures go to reports/benchmarks/copies.{json,md}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.copies import copies
from reconcile.model import Source

from . import simulated

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "benchmarks"
STYLES = ("verbatim", "excerpt", "extended", "edited")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
_WORD = re.compile(r"[^\W_]+")

Finder = Callable[[tuple[Source, ...]], list[tuple[str, str]]]


def stories(root: Path, seed: int, share: float) -> tuple[list[list[Source]], dict[str, str], dict[str, str]]:
    """The replayed stories, each article's family (the article it was made from) and each reprint's style."""
    rng = random.Random(seed)
    real = simulated.real_stories(root)
    day = dt.date(2025, 1, 6)
    replayed: list[list[Source]] = []
    family: dict[str, str] = {}
    style: dict[str, str] = {}
    made = 0
    for k, (_, documents) in enumerate(real):
        articles: list[Source] = []
        for document in documents:
            text = simulated.rewrite(document["text"], rng)
            original = _source(f"a{made:05d}", text, day, rng)
            made += 1
            articles.append(original)
            family[original.id] = original.id
            if rng.random() < share:
                how = rng.choice(STYLES)
                other = real[(k + 1 + rng.randrange(len(real) - 1)) % len(real)][1]
                reprint = _source(f"a{made:05d}", _reprinted(text, how, rng, rng.choice(other)["text"]),
                                  day + dt.timedelta(days=rng.randint(0, 1)), rng)
                made += 1
                articles.append(reprint)
                family[reprint.id], style[reprint.id] = original.id, how
        replayed.append(articles)
    return replayed, family, style


def _source(article: str, text: str, day: dt.date, rng: random.Random) -> Source:
    return Source(id=article, path=article, text=text, published=day, outlet=rng.choice(simulated.OUTLETS),
                  language="en")


def _reprinted(text: str, how: str, rng: random.Random, elsewhere: str) -> str:
    sentences = _SENTENCE_END.split(text)
    if how == "excerpt":
        kept = max(1, round(len(sentences) * rng.uniform(0.3, 0.7)))
        return " ".join(sentences[:kept])
    if how == "extended":
        added = _SENTENCE_END.split(elsewhere)[:3]
        return text + "\n\n" + " ".join(added)
    if how == "edited":
        return simulated.rewrite(text, rng)
    return text


def resemblance(rules: Any) -> Finder:
    """The test `feed` used before: MinHash estimate of the shingles' Jaccard index at 0.8 and above."""
    import numpy as np

    digests = [hashlib.blake2b(f"minhash-{i}".encode(), digest_size=16).digest() for i in range(64)]
    a = np.array([int.from_bytes(d[:8], "big") | 1 for d in digests], dtype=np.uint64)
    b = np.array([int.from_bytes(d[8:], "big") for d in digests], dtype=np.uint64)

    def signature(text: str) -> tuple[int, ...] | None:
        words = _WORD.findall(text.lower())
        shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))} if words else set()
        if not shingles:
            return None
        hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")
                              for s in sorted(shingles)), dtype=np.uint64, count=len(shingles))
        with np.errstate(over="ignore"):
            return tuple(int(v) for v in (a[:, None] * hashes[None, :] + b[:, None]).min(axis=1))

    def find(sources: tuple[Source, ...]) -> list[tuple[str, str]]:
        ordered = sorted(sources, key=lambda s: (s.published is None, s.published or 0, s.id))
        signatures = [signature(s.text) for s in ordered]
        found = []
        for later in range(1, len(ordered)):
            for earlier in range(later):
                x, y = signatures[later], signatures[earlier]
                if x is not None and y is not None and sum(p == q for p, q in zip(x, y, strict=True)) / 64 >= 0.8:
                    found.append((ordered[later].id, ordered[earlier].id))
                    break
        return found

    return find


def score(found: list[tuple[str, str]], family: dict[str, str], style: dict[str, str]) -> dict[str, Any]:
    """Precision and recall of the pairs found, recall by style, and the corpus's own pairs apart."""
    native = [p for p in found if family[p[0]] != family[p[1]] and p[0] not in style and p[1] not in style]
    # A reprint pointed at the corpus's own duplicate of its article is pointed at its original's twin.
    twins = {frozenset((family[a], family[b])) for a, b in native}
    right = [p for p in found if family[p[0]] == family[p[1]]
             or (p not in native and frozenset((family[p[0]], family[p[1]])) in twins)]
    wrong = [p for p in found if p not in right and p not in native]
    caught = {c for pair in right for c in pair if c in style}
    by_style = {how: round(sum(1 for r, s in style.items() if s == how and r in caught)
                           / max(1, sum(1 for s in style.values() if s == how)), 4) for how in STYLES}
    return {"found": len(found), "right": len(right), "native": len(native), "wrong": len(wrong),
            "precision": round(len(right) / max(1, len(right) + len(wrong)), 4),
            "recall": round(len(caught) / max(1, len(style)), 4), "recall_by_style": by_style,
            "wrong_pairs": wrong, "native_pairs": native}


def run(seed: int, share: float) -> dict[str, Any]:
    """Both tests over the same replayed stories."""
    replayed, family, style = stories(ROOT.parent / "shared" / "benchmarks", seed, share)
    rules = load_rules()
    before, after = resemblance(rules), (lambda sources: copies(sources, rules))
    result: dict[str, Any] = {"seed": seed, "reprint_share": share, "stories": len(replayed),
                              "articles": sum(len(s) for s in replayed), "reprints": len(style),
                              "by_style": {how: sum(1 for s in style.values() if s == how) for how in STYLES}}
    for name, finder in (("before", before), ("after", after)):
        found = [pair for articles in replayed for pair in finder(tuple(articles))]
        result[name] = score(found, family, style)
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    lines = ["# Reprints among a story's articles: copies found", "",
             f"{result['stories']} stories of ECB+ and GVC, {result['articles']} articles, of which "
             f"{result['reprints']} reprints made by the generator (seed {result['seed']}, share "
             f"{result['reprint_share']}): " + ", ".join(f"{n} {how}" for how, n in result["by_style"].items()) + ".",
             "", "| test | found | right | wrong | corpus's own | precision | recall | "
             + " | ".join(f"recall {how}" for how in STYLES) + " |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in STYLES) + " |"]
    for name, label in (("before", "before: MinHash Jaccard >= 0.8"), ("after", "after: containment (rules)")):
        r = result[name]
        lines.append(f"| {label} | {r['found']} | {r['right']} | {r['wrong']} | {r['native']} | {r['precision']} "
                     f"| {r['recall']} | " + " | ".join(str(r["recall_by_style"][how]) for how in STYLES) + " |")
    lines += ["", "Precision leaves out pairs of two articles of the corpus itself (its own near-duplicates), "
              "counted under \"corpus's own\" and listed in the JSON.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write reports/benchmarks/copies.{json,md}."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.copies", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--share", type=float, default=0.3, help="the chance an article is reprinted")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    result = run(args.seed, args.share)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "copies.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / "copies.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
