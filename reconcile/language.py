"""Which language a source is written in, told by the rule packs' own function words.

No model and no download: each pack lists the small words of its language (`text.function_words`),
and a text's language is the pack whose words make up the largest share of it. Words two
languages share ("a", "no") count for both; ties go to the pack read first (English). Names are
left out, since their small words belong to the language the name came from, not to the text's
("Juan de la Cruz wins Los Angeles race" is English).

A text whose small words no pack knows (its best share is under the fallback pack's
`language_min_share`) is in a language with no pack. It is read with the fallback pack
(`und`, "undetermined"), for what every language writes alike: figures with symbols, ISO and
numeric dates, quotation marks; and it is flagged `partial_language`, never dropped.
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


# The fallback pack's language: ISO 639-2 for "undetermined".
UNDETERMINED = "und"


@lru_cache(maxsize=8)
def _function_words(rules: RuleSet) -> tuple[tuple[tuple[str, frozenset[str]], ...], int, tuple[float, int]]:
    """Each pack's function words, how much of a text to read, and the share a pack must cover.

    A text is read up to the most any pack asks for; its best pack's words must cover at least
    the fallback pack's `language_min_share` of it (when it has `language_min_words` or more)
    for the text to be in that pack's language.
    """
    texts = {language: rules.for_language(language).of_type("text") for language in rules.languages}
    words = tuple((language, frozenset(str(w).lower() for w in text.get("function_words") or ())
                   - _figure_words(rules.for_language(language)))
                  for language, text in texts.items() if language != UNDETERMINED)
    fallback = texts.get(UNDETERMINED, {})
    # Without a fallback pack, every text is in the language it shares most words with.
    least = (float(fallback["language_min_share"]), int(fallback["language_min_words"])) \
        if "language_min_share" in fallback and "language_min_words" in fallback else (0.0, 0)
    # A pack that does not say how much to read has the whole text read.
    return words, max((int(text["language_sample_chars"]) for text in texts.values()
                       if "language_sample_chars" in text), default=0), least


def _figure_words(rules: RuleSet) -> frozenset[str]:
    """A pack's number and scale words, which tell no language ("million" is English and German alike).

    A pack may list them among its small words so that no name holds them.
    """
    numbers = rules.of_type("numbers")
    return frozenset(str(w).lower() for key in ("words", "scales", "money_scales") for w in numbers.get(key) or ())


def detect_language(text: str, rules: RuleSet) -> str:
    """The language of the pack whose function words cover most of the text (`und`: none covers enough)."""
    packs, sample, (least, enough) = _function_words(rules)
    if len(packs) == 1 and not least:
        return packs[0][0]
    words = _words_outside_names(text[:sample] if sample else text)
    scores = [(sum(map(function_words.__contains__, words)), -order, language)
              for order, (language, function_words) in enumerate(packs)]
    best, _, language = max(scores)
    return UNDETERMINED if least and len(words) >= enough and best < least * len(words) else language


def _words_outside_names(text: str) -> list[str]:
    """The text's words, lower-cased, less runs of capitalised words and the short words inside them."""
    return _WORD.findall(_NAME.sub(" ", text).lower())


def with_language(source: Source, rules: RuleSet, *, strict: bool = False) -> Source:
    """The source with its language: as given, else detected; read in part where no pack reads it.

    `strict` makes a language with no pack an error, as it was before the fallback pack.
    """
    language = source.language or detect_language(source.text[source.body_start:], rules)
    partial = language == UNDETERMINED or language not in rules.languages
    if partial and (strict or UNDETERMINED not in rules.languages):
        said = "is in a language no rule pack reads" if language == UNDETERMINED \
            else f"no rule pack for language {language!r}"
        raise InputError(f"{source.path}: {said} (packs: {', '.join(pack_languages(rules))})")
    if language == source.language and partial == source.partial_language:
        return source
    return replace(source, language=language, partial_language=partial)


def pack_of(source: Source) -> str | None:
    """The language of the pack a source is read with: its own, or the fallback's."""
    return UNDETERMINED if source.partial_language else source.language


def pack_languages(rules: RuleSet) -> tuple[str, ...]:
    """The languages with a pack of their own (the fallback pack is none)."""
    return tuple(language for language in rules.languages if language != UNDETERMINED)
