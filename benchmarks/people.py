"""People in the GVC benchmark: ages found, and age, name-spelling and title discrepancies flagged.

A participant's age counts as *stated* when some article of the incident has a sentence holding
both the participant's surname and the recorded age as a number on its own; it is *found* when
an age claim of the report names that participant (the same person by `reconcile.identity`)
and its interval holds the recorded age.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reconcile.identity import identity_rules, parts, same_person
from reconcile.model import Kind, Quantity, Report, Verdict

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


@dataclass
class PeopleTally:
    """Running counts over the incidents."""

    participants: int = 0
    with_age: int = 0
    stated: int = 0
    found: int = 0
    other_value: int = 0
    missed: list[str] = field(default_factory=list)
    flags: Counter[str] = field(default_factory=Counter)
    groups: Counter[str] = field(default_factory=Counter)
    alarms: list[dict[str, Any]] = field(default_factory=list)

    def add(self, incident: dict[str, Any], report: Report, rules: Any) -> None:
        """Count one incident: its participants' ages, and the people groups of its report."""
        compiled = identity_rules(rules)
        texts = [doc["text"] for doc in incident["documents"]]
        ages = [c for c in report.claims if c.kind is Kind.AGE and isinstance(c.value, Quantity) and c.value.person]
        for person in incident["truth"].get("participants") or ():
            self.participants += 1
            name, age = person.get("name"), person.get("age")
            if not name or not isinstance(age, int):
                continue
            self.with_age += 1
            surname = parts(name, compiled)[1]
            if not surname or not _stated(texts, surname, age):
                continue
            self.stated += 1
            theirs = [c for c in ages if same_person(c.value.person or "", name, compiled)]  # type: ignore[union-attr]
            if any(_holds(c.value, age) for c in theirs):  # type: ignore[arg-type]
                self.found += 1
            else:
                self.other_value += bool(theirs)
                self.missed.append(f"{incident['incident_id']}:{name}")
        by_id = {c.id: c for c in report.claims}
        for group in report.groups:
            if group.kind not in (Kind.AGE, Kind.NAME, Kind.TITLE) or len({by_id[c].source for c in group.claims}) < 2:
                continue
            self.groups[f"{group.kind.value} {group.verdict.value}"] += 1
            if group.verdict is not Verdict.CONFLICT:
                continue
            what = next((f for f in group.flags if f in ("name_spelling", "title_conflict", "possible_misspelling")),
                        f"{group.kind.value}_conflict")
            self.flags[what] += 1
            self.alarms.append({"incident": incident["incident_id"], "flag": what, "explanation": group.explanation,
                                "claims": [{"doc_id": by_id[c].source, "start": by_id[c].span.start,
                                            "end": by_id[c].span.end} for c in group.claims]})

    def figures(self) -> dict[str, Any]:
        """The tally as the benchmark report's `people` section."""
        ages = [a for a in self.alarms if a["flag"] == "age_conflict"]
        names = [a for a in self.alarms if a["flag"] == "name_spelling"]
        sample = (ages[:10] + names[:20])[:20] if len(ages) >= 10 else (ages + names)[:20]
        return {
            "participants": self.participants, "with_age": self.with_age,
            "ages": {"stated": self.stated, "found": self.found,
                     "share": round(self.found / self.stated, 4) if self.stated else None,
                     "found_with_another_value": self.other_value, "missed": self.missed[:20]},
            "cross_source_groups": dict(sorted(self.groups.items())),
            "discrepancies": dict(sorted(self.flags.items())),
            "sample": sample,
        }


def _stated(texts: list[str], surname: str, age: int) -> bool:
    number = re.compile(rf"(?<![\d.,]){age}(?![\d.,]\d)")
    for text in texts:
        for sentence in _SENTENCE.findall(text):
            if surname in sentence.lower() and number.search(sentence):
                return True
    return False


def _holds(value: Quantity, age: int) -> bool:
    low, high = value.low, value.high
    return (low is None or low <= age) and (high is None or age <= high)
