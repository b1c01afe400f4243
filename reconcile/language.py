"""Which language a source is written in, told by the rule packs' own function words.

No model and no download: each pack lists the small words of its language (`text.function_words`),
and a text's language is the pack whose words make up the largest share of it. Words two
languages share ("a", "no") count for both; ties go to the pack read first (English).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from .errors import InputError
from .model import Source
from .rules import RuleSet

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=8)
def _function_words(rules: RuleSet) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((language, frozenset(str(w).lower() for w in
                                      rules.for_language(language).of_type("text").get("function_words") or ()))
                 for language in rules.languages)


def detect_language(text: str, rules: RuleSet) -> str:
    """The language of the pack whose function words cover most of the text."""
    packs = _function_words(rules)
    if len(packs) == 1:
        return packs[0][0]
    counts = Counter(w.lower() for w in _WORD.findall(text))
    scores = [(sum(n for word, n in counts.items() if word in words), -order, language)
              for order, (language, words) in enumerate(packs)]
    return max(scores)[2]


def with_language(source: Source, rules: RuleSet) -> Source:
    """The source with its language: as given (checked against the packs), else detected."""
    if source.language is not None:
        if source.language not in rules.languages:
            raise InputError(f"{source.path}: no rule pack for language {source.language!r} "
                             f"(packs: {', '.join(rules.languages)})")
        return source
    return replace(source, language=detect_language(source.text[source.body_start:], rules))
