"""A rule file's examples, run: the claims each sentence must yield, the groups each story must form.

The test-suite runs every example of the built-in packs, and `reconcile rules test DIR` those of
a user's pack, so a pack documents and tests itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .extract import claims_from_text
from .model import Group, Source, line_starts
from .pipeline import build_report
from .report.records import value_record
from .rules import ANY_LANGUAGE, RuleFile, RuleSet


@dataclass(frozen=True, slots=True)
class Outcome:
    """One example of one rule file, and what went wrong with it (nothing when it holds)."""

    rule_file: RuleFile
    number: int
    text: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether the example holds."""
        return not self.problems


def run_examples(rule_files: tuple[RuleFile, ...], rules: RuleSet) -> Iterator[Outcome]:
    """Every example of these files, each read with `rules` in its file's language."""
    for rule_file in rule_files:
        for number, example in enumerate(rule_file.examples, start=1):
            yield Outcome(rule_file, number, _describe(example), tuple(problems(example, rule_file, rules)))


def language_of(rule_file: RuleFile, rules: RuleSet) -> str:
    """The language a file's examples are written in (a file for every language: the first pack's)."""
    return rules.languages[0] if rule_file.language == ANY_LANGUAGE else rule_file.language


def problems(example: dict[str, Any], rule_file: RuleFile, rules: RuleSet) -> Iterator[str]:
    """What an example asked for and did not get."""
    language = language_of(rule_file, rules)
    if "sources" in example:
        yield from _story_problems(example, language, rules)
        return
    claims = claims_from_text(str(example.get("text", "")), rules, language=language)
    got = [(c.kind.value, c.text) for c in claims]
    wanted = [(str(w.get("kind")), str(w.get("text"))) for w in example.get("claims") or ()]
    if got != wanted:
        yield f"claims {_pairs(got)}, expected {_pairs(wanted)}"
        return
    for claim, want in zip(claims, example.get("claims") or (), strict=True):
        # Whom the source credits is the claim's, not its value's.
        value = {**value_record(claim.value), "credited": claim.credited, "anonymous": claim.anonymous}
        for key, expected in want.items():
            if key in ("kind", "text"):
                continue
            actual = (value.get("si") or {}).get("amount") if key == "si" else value.get(key)
            if not _equal(actual, expected):
                yield f"{claim.text!r}: {key} is {actual!r}, expected {expected!r}"


def _story_problems(example: dict[str, Any], language: str, rules: RuleSet) -> Iterator[str]:
    """A story example: its sources, read together, group and judge exactly as the example says.

    Like a row of tests/test_align.py, a group names every claim it holds (one text per source,
    null for a source with none): a claim missing or one more, another verdict or another set of
    flags is a problem.
    """
    sources = tuple(Source(id=f"s{n}", path=f"s{n}", text=text, outlet=f"Outlet {n}", line_starts=line_starts(text),
                           language=language)
                    for n, text in enumerate(example["sources"], start=1))
    report = build_report(sources, rules)
    by_id = {c.id: c for c in report.claims}
    group_of = {cid: g for g in report.groups for cid in g.claims}

    def found(source: str, text: str, kind: str | None = None) -> list[str]:
        return [c.id for c in report.claims if c.source == source and c.text == text
                and kind in (None, c.kind.value)]

    def shown(group: Group) -> str:
        return "[" + ", ".join(f"{by_id[i].source} {by_id[i].text!r}" for i in group.claims) + "]"

    for want in example.get("groups") or ():
        texts, kind = want["texts"], want.get("kind")
        wanted = [(f"s{n}", t) for n, t in enumerate(texts, start=1) if t]
        candidates = [found(source, text, kind) for source, text in wanted]
        if not all(candidates):
            source, text = next(w for w, ids in zip(wanted, candidates, strict=True) if not ids)
            yield f"no {kind or 'claim'} {text!r} in {source}"
            continue
        common = set.intersection(*({group_of[i].id for i in ids} for ids in candidates))
        if not common:
            held = sorted({shown(group_of[i]) for ids in candidates for i in ids})
            yield f"{texts} are not one group: {'; '.join(held)}"
            continue
        group = next(g for g in report.groups if g.id in common)
        members = sorted((by_id[i].source, by_id[i].text) for i in group.claims)
        if members != sorted(wanted):
            yield f"{texts} are not the whole group: {shown(group)}"
        if group.verdict.value != want["verdict"]:
            yield f"{texts}: verdict {group.verdict.value}, expected {want['verdict']} ({group.explanation})"
        if set(group.flags) != set(want.get("flags") or ()):
            yield f"{texts}: flags {sorted(group.flags)}, expected {sorted(want.get('flags') or ())}"
    for first, second in example.get("apart") or ():
        ones, others = found("s1", first), found("s2", second)
        if not ones or not others:
            yield f"no claim {first!r} in s1 or {second!r} in s2"
        elif {group_of[i].id for i in ones} & {group_of[i].id for i in others}:
            yield f"{first!r} and {second!r} were grouped"


def _equal(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)):
        return math.isclose(actual, expected, rel_tol=1e-6)
    return bool(actual == expected)


def _pairs(pairs: list[tuple[str, str]]) -> str:
    return "[" + ", ".join(f"{kind} {text!r}" for kind, text in pairs) + "]" if pairs else "none"


def _describe(example: dict[str, Any]) -> str:
    if "sources" in example:
        return " | ".join(str(s) for s in example["sources"])
    return str(example.get("text", ""))
