"""People in a source: names, whom a sentence is about, and whom a pronoun stands for.

Names are read without a model: a name is a run of capitalised words that are neither
title words ("Executive Director") nor function, month or weekday words, nor an acronym or a
name holding an organisation or street word ("Harbor Group", "Fairfield Drive"). Initials
("J.R.", "J.") belong to the name they stand in.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..rules import RuleSet
from ..text import Prepared

_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_new = tuple.__new__


def token_pattern(plural_endings: tuple[str, ...]) -> re.Pattern[str]:
    """Initials ("J.R.", "J."), words, numbers, and any other character on its own.

    A word keeps an apostrophe after a plural ending: "the teachers' union". Each match is the
    whitespace before a token, then the token.
    """
    plural = "|".join(f"(?<={re.escape(e)})" for e in plural_endings if e) or "(?!)"
    return re.compile(rf"(\s*)((?:[A-Z]\.)+(?![^\W\d_])|[^\W\d_]+(?:['\-][^\W\d_]+)*(?:(?:{plural})'(?![^\W\d_]))?"
                      r"|\d+|\S)")


class Tok(NamedTuple):
    """A word (or other character) of an attribution, with its offsets in the view."""

    text: str
    low: str
    start: int
    end: int


def tokens(view: str, start: int, end: int, rules: NameRules) -> list[Tok]:
    """The tokens of view[start:end]."""
    # Whitespace at the end holds no token, and each place in it would be tried to its end.
    while end > start and view[end - 1].isspace():
        end -= 1
    # Every attribution and name search tokenises: findall() makes no match objects, a
    # token's offsets follow from the lengths read, and tuple.__new__ skips the named tuple's
    # Python-level constructor.
    found = []
    pos = start
    for space, text in rules.token.findall(view, start, end):
        begin = pos + len(space)
        pos = begin + len(text)
        found.append(_new(Tok, (text, text.lower(), begin, pos)))
    return found


@dataclass(frozen=True, slots=True)
class NameRules:
    """The words that tell names, titles, pronouns and speech apart, and the reach of the search."""

    titles: frozenset[str]
    title_forms: frozenset[str]  # the titles and their plurals ("detective", "detectives")
    stop_words: frozenset[str]
    function_words: frozenset[str]
    not_person_words: frozenset[str]
    determiners: frozenset[str]
    articles: frozenset[str]
    person_pronouns: frozenset[str]
    pronouns: frozenset[str]
    possessives: tuple[str, ...]
    speech_verbs: frozenset[str]
    speaker_after: tuple[tuple[str, ...], ...]
    verb_adverbs: frozenset[str]
    speaker_links: frozenset[str]
    plural_endings: tuple[str, ...]
    token: re.Pattern[str]
    max_phrase: int
    zone: int
    pronoun_chain: int
    recent_chars: int
    full_name_chars: int
    full_name_words: tuple[int, int]


def _lower(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def name_rules(rules: RuleSet) -> NameRules:
    """Compile the name and speaker parts of the `quotes` rules (cached per rule set)."""
    data = rules.of_type("quotes")
    text = rules.of_type("text")
    dates = rules.of_type("dates")
    function_words = _lower(text.get("function_words"))
    calendar_words = _lower([w for key in ("months", "month_abbreviations", "weekdays", "weekday_abbreviations")
                             for w in dates.get(key) or {}])
    reach = data["reach"]
    person_pronouns = _lower(data.get("person_pronouns"))
    plural_endings = tuple(str(e).lower() for e in data.get("plural_endings") or ())
    shortest, longest = reach["full_name_words"]
    titles = _lower(data.get("titles"))
    return NameRules(
        titles=titles,
        title_forms=titles | {title + ending for title in titles for ending in plural_endings if ending},
        stop_words=function_words | calendar_words,
        function_words=function_words,
        # Organisations and streets are not persons: "Harbor Group", "Fairfield Drive".
        not_person_words=_lower([*(data.get("organisation_words") or ()), *(text.get("street_suffixes") or ())]),
        determiners=_lower(data.get("determiners")),
        articles=_lower(data.get("articles")),
        person_pronouns=person_pronouns,
        pronouns=person_pronouns | _lower(data.get("other_pronouns")),
        possessives=tuple(sorted((str(p) for p in data.get("possessives") or ()), key=len, reverse=True)),
        speech_verbs=_lower(data.get("speech_verbs")),
        speaker_after=tuple(tuple(str(p).lower().split()) for p in data.get("speaker_after") or ()),
        verb_adverbs=_lower(data.get("verb_adverbs")),
        speaker_links=_lower(data.get("speaker_links")),
        plural_endings=plural_endings,
        token=token_pattern(plural_endings),
        max_phrase=int(reach["phrase_words"]),
        zone=int(reach["attribution_chars"]),
        pronoun_chain=int(reach["pronoun_sentences"]),
        recent_chars=int(reach["pronoun_memory_chars"]),
        full_name_chars=int(reach["full_name_chars"]),
        full_name_words=(int(shortest), int(longest)),
    )


def bare(word: str, rules: NameRules) -> str:
    """A word without its possessive ending ("Lee's" -> "Lee")."""
    if not word.endswith(rules.possessives):
        return word  # most words end in none: one test for them all
    for ending in rules.possessives:
        if word.endswith(ending) and len(word) > len(ending):
            return word[:-len(ending)]
    return word


def is_possessive(tok: Tok, rules: NameRules) -> bool:
    """Whether a token ends in a possessive ("Lee's", "teachers'")."""
    return bare(tok.text, rules) != tok.text


def is_title(low: str, rules: NameRules) -> bool:
    """A title word, singular or plural ("detective", "detectives")."""
    return low in rules.title_forms


def is_name_word(tok: Tok, rules: NameRules) -> bool:
    """A word that may stand in a person's name: capitalised, initials included."""
    if not tok.text[:1].isupper():
        return False
    if _INITIALS.fullmatch(tok.text):
        return True
    word = bare(tok.text, rules)
    low = word.lower()
    return word[:1].isupper() and not word.isupper() and word.replace("-", "").replace("'", "").isalpha() \
        and not is_title(low, rules) and low not in rules.stop_words


def is_organisation(run: list[Tok], rules: NameRules) -> bool:
    """An acronym (but not initials) or a name holding an organisation or street word."""
    return any((t.text.isupper() and len(t.text) > 1 and not _INITIALS.fullmatch(t.text))
               or bare(t.low, rules) in rules.not_person_words for t in run)


def abbreviated(tok: Tok, rules: NameRules) -> bool:
    """A title a period may follow inside a name ("Rep. Jo Kim", "Lt. Omar Reed")."""
    return tok.low in rules.titles


def name_before(toks: list[Tok], j: int, rules: NameRules) -> list[Tok]:
    """The run of name words that ends at token j."""
    i = j
    while i >= 0 and is_name_word(toks[i], rules):
        i -= 1
    return toks[i + 1:j + 1]


def name_from(toks: list[Tok], k: int, rules: NameRules) -> list[Tok]:
    """The run of name words that starts at token k; a possessive ends it."""
    j = k
    while j < len(toks) and is_name_word(toks[j], rules):
        j += 1
        if is_possessive(toks[j - 1], rules):
            break
    return toks[k:j]


def reads(toks: list[Tok], i: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from i on are `words` (in lower case), as far as they go."""
    # The first word turns most places away before a tuple of the rest is built.
    if words and (i >= len(toks) or toks[i].low != words[0]):
        return False
    return tuple(t.low for t in toks[i:i + len(words)]) == words


def joined(run: list[Tok], rules: NameRules) -> str:
    """A name as written, without a possessive ending."""
    return " ".join(bare(t.text, rules) for t in run)


def names_in(toks: list[Tok], rules: NameRules) -> list[tuple[str, bool]]:
    """The person-like names of a sentence, each with whether it stands as the subject.

    A name after a preposition, one ending in a possessive, and one after an article ("the
    Harbor Point actress", which names a person by something else) is no subject.
    """
    found = []
    i = 0
    while i < len(toks):
        # A name opens on a capital (see `is_name_word`): other words are passed at a glance.
        run = name_from(toks, i, rules) if toks[i].text[:1].isupper() else None
        if not run:
            i += 1
            continue
        end = i + len(run)
        if not is_organisation(run, rules):
            before = toks[i - 1].low if i else ""
            after_preposition = before in rules.function_words and before not in rules.determiners
            subject = not is_possessive(run[-1], rules) and not after_preposition and before not in rules.articles
            found.append((joined(run, rules), subject))
        i = end
    return found


def quoted_in(toks: list[Tok], rules: NameRules) -> str | None:
    """The person a sentence quotes, if it quotes one.

    That is the first name after "according to" ("according to her publicist, Jo Lee"), or
    the name right before or after a speech verb ("Lee said", "said Lee").
    """
    for i in range(len(toks)):
        for words in rules.speaker_after:
            if reads(toks, i, words):
                for k in range(i + len(words), min(len(toks), i + len(words) + rules.max_phrase)):
                    run = name_from(toks, k, rules)
                    if run and not is_organisation(run, rules):
                        return joined(run, rules)
    for i, tok in enumerate(toks):
        if tok.low not in rules.speech_verbs:
            continue
        j = i - 1
        while j >= 0 and toks[j].low in rules.verb_adverbs:
            j -= 1
        run = name_before(toks, j, rules) if j >= 0 else []
        run = run or name_from(toks, i + 1, rules)
        if run and not is_organisation(run, rules):
            return joined(run, rules)
    return None


class People:
    """The persons of one source, for naming speakers in full and resolving pronouns.

    A surname is looked up where it stands in the source, once: most quotations name their
    speaker in full and never need it. Pronoun resolutions are remembered, so that a
    later "she" in a run of quotations stands for the same person.
    """

    def __init__(self, prepared: Prepared, rules: NameRules):
        self.prepared = prepared
        self.rules = rules
        self._full: dict[str, str] = {}
        self._sentence_tokens: dict[tuple[int, int], list[Tok]] = {}
        self.recent: dict[str, tuple[str, int]] = {}  # pronoun -> whom it stood for last, and where

    def full_name(self, name: str) -> str:
        """A surname alone becomes the full name the source first gives it; a full name stays."""
        if " " in name:
            return name
        if name not in self._full:
            self._full[name] = self._find_full_name(name)
        return self._full[name]

    def is_person(self, name: str) -> bool:
        """A name of two words or more, or a surname the source gives in full somewhere."""
        return " " in name or self.full_name(name) != name

    def _find_full_name(self, surname: str) -> str:
        # Only the places where the surname stands are read, not the whole source.
        view, rules = self.prepared.view, self.rules
        start, end = self.prepared.start, self.prepared.end
        at = view.find(surname, start, end)
        while at != -1:
            after = at + len(surname)
            if (after >= end or not (view[after].isalnum() or view[after] == "-")) \
                    and at > start and view[at - 1] in " \t":
                toks = tokens(view, max(start, at - rules.full_name_chars), after, rules)
                run = name_before(toks, len(toks) - 1, rules)
                shortest, longest = rules.full_name_words
                if shortest <= len(run) <= longest and not is_organisation(run, rules):
                    return joined(run, rules)
            at = view.find(surname, at + 1, end)
        return surname

    def named(self) -> None:
        """A person was named as a speaker: pronouns now look back afresh."""
        for pronoun in self.rules.person_pronouns:
            self.recent.pop(pronoun, None)

    def referent(self, pronoun: str, at: int) -> str | None:
        """The person a pronoun speaker at `at` stands for, or None when it is unclear.

        In order: the person the sentence before quotes ("..., Lee said."), its subject (not
        merely the last name in it), or whoever the same pronoun stood for just before. A
        sentence whose subject is the same pronoun passes the question to the one before
        it. A name another pronoun stands for is not this one's. Otherwise nobody: a wrong
        name is worse than the pronoun as written.
        """
        rules = self.rules
        taken = {name for other, (name, _) in self.recent.items() if other != pronoun}
        span = self._previous_sentence(at)
        name: str | None = None
        for _ in range(rules.pronoun_chain):
            if span is None:
                break
            toks = self._tokens_of(span)
            candidates = [quoted_in(toks, rules), *(n for n, subject in names_in(toks, rules) if subject)]
            name = next((n for n in candidates if n and self.is_person(n) and self.full_name(n) not in taken), None)
            if name is not None or not (toks and toks[0].low == pronoun):
                break
            span = self._previous_sentence(span[0])
        if name is None and pronoun in self.recent and at - self.recent[pronoun][1] < rules.recent_chars:
            name = self.recent[pronoun][0]
        if name is None:
            return None
        full = self.full_name(name)
        self.recent[pronoun] = (full, at)
        return full

    def _tokens_of(self, span: tuple[int, int]) -> list[Tok]:
        # A sentence's subject stands at its start: its first stretch is enough, and each
        # sentence is read once however many pronouns look back at it.
        if span not in self._sentence_tokens:
            self._sentence_tokens[span] = tokens(self.prepared.view, span[0], min(span[1], span[0] + self.rules.zone),
                                                 self.rules)
        return self._sentence_tokens[span]

    def _previous_sentence(self, at: int) -> tuple[int, int] | None:
        return previous_sentence(self.prepared, at)


def previous_sentence(prepared: Prepared, at: int) -> tuple[int, int] | None:
    """The sentence before the one holding `at`, if any."""
    current = prepared.sentence_at(at)
    i = bisect.bisect_right(prepared.sentence_starts, current[0] - 1) - 1
    while i >= 0 and prepared.sentences[i][1] > current[0]:
        i -= 1
    return prepared.sentences[i] if i >= 0 else None
