"""What an age phrase is said of: a person, or a thing.

"A 40-year-old nurse" states a person's age (an `age` claim, read by `people`); "the 40-year-old
law" states how old a thing is, a measure in years (read by `durations`, which know the units
of time, and claimed by `people` as a `measure`). Both readers ask `qualifies_thing`, so that
one phrase is never both. The nouns come from the `people` rules (`aged_things`,
`person_nouns`, `person_endings`), the counts' `persons` and the titles of the name rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..rules import RuleSet
from .names import NameRules, bare, is_possessive, is_title, tokens


@dataclass(frozen=True, slots=True)
class AgedRules:
    """The rules that tell a thing's noun from a person's after an age phrase, compiled."""

    near_chars: int
    age_words: frozenset[str]
    things: frozenset[str]
    persons: frozenset[str]
    person_endings: tuple[str, ...]


def _words(values: object) -> list[str]:
    return [str(v).lower() for v in values or ()]  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def aged_rules(rules: RuleSet) -> AgedRules:
    """Compile the nouns an age phrase may qualify (cached per rule set)."""
    data = rules.of_type("people")
    return AgedRules(
        near_chars=int(data["reach"]["age_chars"]),
        age_words=frozenset(_words(rules.of_type("durations").get("age_words"))),
        things=frozenset(_words(data.get("aged_things"))),
        # The persons the counts know and a few more, beside the titles of the name rules.
        persons=frozenset(_words(rules.of_type("counts").get("persons")) + _words(data.get("person_nouns"))),
        person_endings=tuple(_words(data.get("person_endings"))),
    )


def qualifies_thing(view: str, at: int, ceiling: int, compiled: AgedRules, names: NameRules) -> bool:
    """Whether the age phrase that ends at `at` says how old a thing is, not a person.

    It does when it ends in an age word ("-old") and the noun it qualifies is a thing's. That
    noun is the last of the first nouns side by side after the phrase, past the adjectives
    before them: "a 40-year-old federal agency" is an agency, "a 60-year-old police
    department" a department, "a 19-year-old college student" a student. A person's noun
    further on makes it a person's even so ("a 22-year-old home care worker"). A word that
    looks like a person's noun no rule lists ("robber", "shooter") is a person's, and a phrase
    with no known noun after it ("the 19-year-old said", "22-year-old Jo Lee") stays an age.
    """
    before = tokens(view, max(0, at - compiled.near_chars), at, names)
    if not before or before[-1].low.rsplit("-", 1)[-1] not in compiled.age_words:
        return False
    heads: list[bool | None] = []  # for each word: a thing's noun, a person's, or neither
    for tok in tokens(view, at, min(ceiling, at + compiled.near_chars), names):
        if not tok.text[:1].isalpha() or tok.low in names.function_words:
            break
        # A capitalised word is a name's, never a common noun: "17-year-old Jo Banks".
        heads.append(None if tok.text[:1].isupper() else _noun_kind(bare(tok.low, names), compiled, names))
        if is_possessive(tok, names):
            break  # "the 30-year-old man's car": the owner is what the age is said of
    first = next((n for n, kind in enumerate(heads) if kind is not None), len(heads))
    last = first
    while last + 1 < len(heads) and heads[last + 1] is not None:
        last += 1
    return first < len(heads) and heads[last] is True and False not in heads[last + 1:]


def _noun_kind(word: str, compiled: AgedRules, names: NameRules) -> bool | None:
    """True for a thing's noun, False for a person's (listed, a title, or by its ending), else None."""
    if _known(word, compiled.persons, names) or is_title(word, names):
        return False
    if _known(word, compiled.things, names):
        return True
    return False if any(_ends(word, e, names) for e in compiled.person_endings) else None


def _known(word: str, known: frozenset[str], names: NameRules) -> bool:
    """A word of the set, or its plural ("laws", "bridges")."""
    return word in known or any(e and word.endswith(e) and word[:-len(e)] in known for e in names.plural_endings)


def _ends(word: str, ending: str, names: NameRules) -> bool:
    """A word, singular or plural, with this ending ("robber", "robbers")."""
    return word.endswith(ending) or any(e and word.endswith(ending + e) for e in names.plural_endings)
