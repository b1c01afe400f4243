"""Adversarial inputs: generated text shaped to make a stage slow, timed at sizes growing by 4x.

    python -m benchmarks run adversarial [--family NAME ...] [--sizes 65536 262144 1048576]

Each family is a generator of text (a seeded, deterministic one) that packs what one stage
works hardest on: amounts, counts, dates, names, acronyms or quotations in one endless
sentence; unbalanced and nested quotation marks; one sentence of a million characters; no
whitespace; long runs of digits, of capitals, of punctuation; every claim kind in short
sentences; table rows. Each family is run at each size (characters of input) through `claims`
(reading and extraction, as the command does it) and through `compare` of two such sources (half
the size each: reading, extraction, alignment, judging and the JSON report), each in a process
of its own. The benchmark reports the seconds, the peak of Python's allocations (tracemalloc, in
a second run, so it does not slow the timed one) against the input's size, and the growth
exponent between the largest two sizes: log(t2 / t1) / log(n2 / n1), 1 for linear time.

`operations` counts the calls the profiler sees, for the test-suite's small version of this
benchmark (tests/test_adversarial.py): a count does not depend on how busy the machine is.
"""

from __future__ import annotations

import cProfile
import gc
import json
import math
import multiprocessing
import os
import platform
import pstats
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.heap import collector_paused
from reconcile.model import Source
from reconcile.pipeline import build_report, read_claims
from reconcile.report import pieces
from reconcile.report.records import report_records
from reconcile.rules import RuleSet
from reconcile.sources import read_source

SIZES = (65_536, 262_144, 1_048_576)
TARGET = {"exponent": 1.15, "compare_seconds": 15.0, "memory_ratio": 10.0}
TIMEOUT = 600  # seconds for one run: a family this slow is reported, not waited for

_FIRST = ["Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Marco",
          "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tova"]
_LAST = ["Abara", "Brandt", "Castillo", "Dimitrov", "Eze", "Fischer", "Garza", "Holm", "Ivanova", "Jensen",
         "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quint", "Rinaldi", "Sato", "Tanaka"]
_NOUNS = ["workers", "nurses", "drivers", "students", "homes", "votes", "patients", "stores", "families", "jobs"]
_UNITS = ["metres", "kilometres", "tonnes", "kilograms", "miles", "feet"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WORDS = ["council", "budget", "bridge", "river", "plan", "report", "vote", "crowd", "storm", "harbour", "school",
          "market", "road", "station", "court", "museum", "village", "factory", "airport", "hospital"]


def _amount(r: random.Random) -> str:
    return f"${r.randint(1, 999)}.{r.randint(1, 9)} million for the {r.choice(_WORDS)}"


def _count(r: random.Random) -> str:
    return f"{r.randint(2, 9999):,} {r.choice(_NOUNS)}"


def _date(r: random.Random) -> str:
    return r.choice([f"on {r.choice(_MONTHS)} {r.randint(1, 28)}, {r.randint(1990, 2030)}",
                     f"on {r.choice(_DAYS)}", f"in {r.choice(_MONTHS)} {r.randint(1990, 2030)}", "last week"])


def _name(r: random.Random) -> str:
    return f"{r.choice(_FIRST)} {r.choice(_LAST)}"


def _acronym(r: random.Random) -> str:
    # Consonants only ("BBC", "NTSB"): no acronym spells a word ("ONE", "TEN") that other stages read.
    return "".join(r.choice("BCDFGHJKLMNPRSTVWXZ") for _ in range(r.randint(2, 5)))


def _quote(r: random.Random) -> str:
    words = " ".join(r.choice(_WORDS) for _ in range(r.randint(3, 8)))
    return f"\u201c{words.capitalize()},\u201d said {_name(r)}"


def _percent(r: random.Random) -> str:
    return f"{r.randint(1, 99)}.{r.randint(0, 9)}%"


def _measure(r: random.Random) -> str:
    return f"{r.randint(2, 900)} {r.choice(_UNITS)}"


def _packed(item: Callable[[random.Random], str]) -> Callable[[random.Random, int], str]:
    """One sentence, no full stop: the items joined by commas, as a flattened list or table reads."""
    def make(r: random.Random, size: int) -> str:
        parts, length = ["The figures were"], 16
        while length < size:
            parts.append(item(r))
            length += len(parts[-1]) + 2
        return ", ".join(parts)[:size]
    return make


def _mixed(r: random.Random) -> str:
    return r.choice((_amount, _count, _date, _name, _acronym, _quote, _percent, _measure))(r)


def _repeated(piece: Callable[[random.Random], str], sep: str = " ") -> Callable[[random.Random, int], str]:
    def make(r: random.Random, size: int) -> str:
        parts, length = [], 0
        while length < size:
            parts.append(piece(r))
            length += len(parts[-1]) + len(sep)
        return sep.join(parts)[:size]
    return make


def _short_sentences(r: random.Random) -> str:
    """Every claim kind, a sentence each."""
    who = _name(r)
    return (f"The {r.choice(_WORDS)} cost {_amount(r)} {_date(r)}. About {_count(r)} left. Turnout rose "
            f"{_percent(r)}. The wall is {_measure(r)} long. The strike lasted {r.randint(2, 40)} days. "
            f"{_quote(r)}, {r.randint(20, 80)}. {who} was named chief executive of {_acronym(r)}.")


def _table_row(r: random.Random) -> str:
    return (f"| {r.choice(_WORDS).title()} {r.randint(1, 99)} | ${r.randint(1, 999)}.{r.randint(1, 9)} million | "
            f"{_count(r)} | {r.choice(_MONTHS)} {r.randint(1, 28)}, {r.randint(1990, 2030)} | {_percent(r)} |\n")


def _unbalanced(r: random.Random) -> str:
    return r.choice(['"a', '"' + r.choice(_WORDS), "\u201c" + r.choice(_WORDS), "'" + r.choice(_WORDS)])


def _nested(r: random.Random, size: int) -> str:
    opens = ['"', "'", "\u201c", "\u2018", "\u00ab", "\u2039"]
    closes = ['"', "'", "\u201d", "\u2019", "\u00bb", "\u203a"]
    head: list[str] = []
    length = 0
    while length < size:  # each level opens a quotation inside the last and closes it at the end
        head.append(f"{opens[len(head) % 6]}{r.choice(_WORDS)} said ")
        length += len(head[-1]) + 1
    tail = "".join(closes[i % 6] for i in reversed(range(len(head))))
    return ("".join(head) + tail)[:size]


def _plain_sentence(r: random.Random, size: int) -> str:
    return _repeated(lambda r: r.choice(_WORDS))(r, size)


def _no_whitespace(r: random.Random, size: int) -> str:
    return _repeated(lambda r: r.choice((_acronym(r), r.choice(_WORDS), f"${r.randint(1, 99)}m",
                                         f"{r.randint(1, 99)}%", '"', ",")), "")(r, size)


def _digits(r: random.Random, size: int) -> str:
    return "Costs reached " + "".join(r.choice("0123456789") for _ in range(size - 14))


def _capitals(r: random.Random, size: int) -> str:
    return _repeated(lambda r: r.choice(_WORDS).upper())(r, size)


def _punctuation(r: random.Random, size: int) -> str:
    return "".join(r.choice(".,;:!?-()[]{}\"'\u201c\u201d\u2014/\\*&%$#@") for _ in range(size))


FAMILIES: dict[str, Callable[[random.Random, int], str]] = {
    "amounts_one_sentence": _packed(_amount),
    "counts_one_sentence": _packed(_count),
    "dates_one_sentence": _packed(_date),
    "names_one_sentence": _packed(_name),
    "acronyms_one_sentence": _packed(_acronym),
    "quotes_one_sentence": _packed(_quote),
    "mixed_one_sentence": _packed(_mixed),
    "unbalanced_quotes": _repeated(_unbalanced),
    "nested_quotes": _nested,
    "one_long_sentence": _plain_sentence,
    "no_whitespace": _no_whitespace,
    "digit_run": _digits,
    "capitals_run": _capitals,
    "punctuation_run": _punctuation,
    "short_sentences": _repeated(_short_sentences),
    "table_rows": _repeated(_table_row, ""),
}


def text_of(family: str, size: int, seed: int = 0) -> str:
    """The family's text of `size` characters (a seed for a second, different source)."""
    return FAMILIES[family](random.Random(f"{family}/{seed}"), size)


def sources_of(family: str, size: int, count: int) -> tuple[Source, ...]:
    """`count` sources of the family, `size` characters in all, written and read as text files are."""
    with tempfile.TemporaryDirectory(prefix="reconcile-adversarial-") as folder:
        paths = []
        for i in range(count):
            paths.append(Path(folder) / f"{family}-{i + 1}.txt")
            paths[-1].write_text(text_of(family, size // count, seed=i), encoding="utf-8")
        return tuple(read_source(path, f"s{i + 1}") for i, path in enumerate(paths))


def run_once(command: str, sources: tuple[Source, ...], rules: RuleSet) -> int:
    """What `claims` or `compare` does with sources already read; the number of claims.

    The JSON report is written as the command writes it to a file, to the null device.
    """
    with collector_paused(), open(os.devnull, "w", encoding="utf-8") as out:
        report = read_claims(sources, rules) if command == "claims" else build_report(sources, rules)
        for piece in pieces("json", report_records(report, groups=command == "compare")):
            out.write(piece)
    return len(report.claims)


def operations(command: str, sources: tuple[Source, ...], rules: RuleSet) -> int:
    """The calls (Python functions and builtins) one run makes, as the profiler counts them."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_once(command, sources, rules)
    profiler.disable()
    return pstats.Stats(profiler).total_calls  # type: ignore[attr-defined]


def _measure_in_child(family: str, command: str, size: int, traced: bool, out: Any) -> None:
    rules = load_rules()
    sources = sources_of(family, size, 1 if command == "claims" else 2)
    run_once(command, sources_of("short_sentences", 2000, len(sources)), rules)  # warm the caches of the rules
    gc.collect()
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    claims = run_once(command, sources, rules)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if traced else None
    out.send({"seconds": seconds, "peak_bytes": peak, "claims": claims})


def measure(family: str, command: str, size: int, traced: bool) -> dict[str, Any]:
    """One run in a fresh process, so that no run inherits another's memory or caches."""
    here, there = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_measure_in_child, args=(family, command, size, traced, there))
    child.start()
    child.join(TIMEOUT)
    if child.is_alive():
        child.kill()
        child.join()
        return {"timeout": TIMEOUT}
    return here.recv() if here.poll() else {"failed": child.exitcode}


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float | None:
    """The growth exponent between two (size, seconds) points: 1 for linear, 2 for quadratic."""
    (n1, t1), (n2, t2) = small, large
    return round(math.log(t2 / t1) / math.log(n2 / n1), 3) if t1 > 0 and t2 > 0 else None


def run(families: list[str] | None = None, sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """Every family at every size, through `claims` and `compare`: time, memory and growth."""
    result: dict[str, Any] = {"machine": {"cpus": multiprocessing.cpu_count(), "python": platform.python_version()},
                              "sizes": list(sizes), "targets": TARGET, "families": {}}
    for family in families or list(FAMILIES):
        entry: dict[str, Any] = {}
        for command in ("claims", "compare"):
            points = []
            for size in sizes:
                timed = measure(family, command, size, traced=False)
                if "seconds" in timed:
                    traced = measure(family, command, size, traced=True)
                    timed["peak_bytes"] = traced.get("peak_bytes")
                    timed["memory_ratio"] = round(timed["peak_bytes"] / size, 2) if timed["peak_bytes"] else None
                    timed["seconds"] = round(timed["seconds"], 3)
                points.append({"size": size, **timed})
                print(family, command, size, timed, flush=True)
                if "seconds" not in timed:
                    break  # a larger size would only take longer
            done = [(p["size"], p["seconds"]) for p in points if "seconds" in p]
            entry[command] = {"points": points,
                              "exponent": exponent(done[-2], done[-1]) if len(done) == len(sizes) > 1 else None}
        result["families"][family] = entry
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as a Markdown table per command."""
    target = result["targets"]
    sizes = result["sizes"]
    lines = ["# Adversarial inputs: time and memory as the input grows", "",
             "Made by `python -m benchmarks run adversarial` (benchmarks/adversarial.py) on "
             f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}. Each family is generated text "
             f"at {', '.join(f'{s:,}' for s in sizes)} characters; `compare` reads two sources of half the size each. "
             "Seconds are one run in a fresh process; memory is the peak of Python's allocations (tracemalloc) "
             "over the input's size; the exponent is the growth of time between the largest two sizes "
             "(1 is linear).", "",
             f"Targets: exponent at most {target['exponent']}, `compare` of the largest size under "
             f"{target['compare_seconds']:g} s, peak memory under {target['memory_ratio']:g}x the input.", ""]
    for command in ("claims", "compare"):
        lines += [f"## `{command}`", "",
                  "| family | " + " | ".join(f"{s // 1024} KB s" for s in sizes)
                  + " | exponent | claims | memory x |",
                  "|---|" + "---:|" * (len(sizes) + 3)]
        for family, entry in result["families"].items():
            points = entry[command]["points"]
            cells = [f"{p['seconds']:.2f}" if "seconds" in p else ("timeout" if "timeout" in p else "failed")
                     for p in points]
            cells += ["-"] * (len(sizes) - len(cells))
            last = points[-1]
            lines.append(f"| {family} | " + " | ".join(cells) + f" | {entry[command]['exponent']} | "
                         f"{last.get('claims', '-')} | {last.get('memory_ratio', '-')} |")
        lines.append("")
    return "\n".join(lines)


def write(result: dict[str, Any], out: Path) -> None:
    """The figures to OUT/adversarial.{json,md}."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "adversarial.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (out / "adversarial.md").write_text(markdown(result), encoding="utf-8")
