"""Which language a source is written in, told by the rule packs' own function words.

No model and no download: each pack lists the small words of its language (`text.function_words`),
and a text's language is the pack whose words make up the largest share of it. Words two
languages share ("a", "no") count for both; ties go to the pack read first (English). Names are
left out, since their small words belong to the language the name came from, not to the text's
("Juan de la Cruz wins Los Angeles race" is English).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .errors import InputError
from .model import Source
from .rules import RuleSet
from .text import UPPER

_WORD = re.compile(r"[^\W\d_]+")
# A name: capitalised words side by side, with at most two short lower-case words between
# ("de la", "of", "van der"). It opens on the capital, with the look back after it: a
# pattern that opens on a set of characters is searched for that set, not tried at every offset.
_NAME = re.compile(rf"[{UPPER}](?<![^\W\d_].)[^\W\d_]*"
                   rf"(?:\s+(?:(?![{UPPER}])[^\W\d_]{{1,3}}\s+){{0,2}}[{UPPER}][^\W\d_]*(?![^\W\d_]))+")


@lru_cache(maxsize=8)
def _function_words(rules: RuleSet) -> tuple[tuple[tuple[str, frozenset[str]], ...], int]:
    """Each pack's function words, and how much of a text to read (the most any pack asks for)."""
    texts = {language: rules.for_language(language).of_type("text") for language in rules.languages}
    words = tuple((language, frozenset(str(w).lower() for w in text.get("function_words") or ()))
                  for language, text in texts.items())
    # A pack that does not say how much to read has the whole text read.
    return words, max((int(text["language_sample_chars"]) for text in texts.values()
                       if "language_sample_chars" in text), default=0)


def detect_language(text: str, rules: RuleSet) -> str:
    """The language of the pack whose function words cover most of the text."""
    packs, sample = _function_words(rules)
    if len(packs) == 1:
        return packs[0][0]
    words = _words_outside_names(text[:sample] if sample else text)
    scores = [(sum(map(function_words.__contains__, words)), -order, language)
              for order, (language, function_words) in enumerate(packs)]
    return max(scores)[2]


def _words_outside_names(text: str) -> list[str]:
    """The text's words, lower-cased, less runs of capitalised words and the short words inside them."""
    return _WORD.findall(_NAME.sub(" ", text).lower())


def with_language(source: Source, rules: RuleSet) -> Source:
    """The source with its language: as given (checked against the packs), else detected."""
    if source.language is not None:
        if source.language not in rules.languages:
            raise InputError(f"{source.path}: no rule pack for language {source.language!r} "
                             f"(packs: {', '.join(rules.languages)})")
        return source
    return replace(source, language=detect_language(source.text[source.body_start:], rules))
