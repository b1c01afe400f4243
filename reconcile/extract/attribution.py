"""Who is quoted, and through which medium: speech verbs, speakers, titles and media.

For each quoted stretch, in order of preference:

1. the words right after its closing mark (`," she said`, `," said the mayor`,
   `," Jo Lee, 45, said`, `." — Mayor Jo Lee`);
2. the words before its opening mark in the same sentence (`Jane Doe, the mayor, wrote, "`,
   `he said the plan is "`, `according to the union, "`, a headline's `Mayor Lee: "`);
3. the stretch next to it in the same paragraph (a quotation split by its attribution), or
   the last one of the paragraph before when it opens its paragraph and nobody new has been
   named in between.

A pronoun speaker is resolved by `names.People`; a surname becomes the full name the source
gives anywhere. The medium is read where a phrase frames it ("in a statement", "wrote in a
letter", "In his email") in the attribution's sentence or the one before, or from a verb
that names it ("tweeted").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import RuleSet
from ..text import Prepared
from .hints import alternation, by_first_char
from .names import (
    NameRules,
    People,
    Tok,
    abbreviated,
    bare,
    is_name_word,
    is_organisation,
    is_title,
    joined,
    name_before,
    name_rules,
    names_in,
    previous_sentence,
    reads,
    tokens,
)
from .quotes import Stretch

_DASHES = ",\u2014\u2013-"
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True, slots=True)
class AttributionRules:
    """The `quotes` rules for speakers and media, compiled."""

    names: NameRules
    media: re.Pattern[str]
    medium_of: dict[str, str]
    medium_chars: int
    # A word every medium phrase holds (a noun's or verb's first), to find in lower case; None
    # where the pack's words are not all ASCII.
    media_words: re.Pattern[str] | None


@lru_cache(maxsize=8)
def attribution_rules(rules: RuleSet) -> AttributionRules:
    """Compile the attribution part of the `quotes` rules (cached per rule set)."""
    data = rules.of_type("quotes")
    names = name_rules(rules)
    nouns = {" ".join(str(w).lower().split()): str(medium) for medium, words in (data.get("media") or {}).items()
             for w in words}
    verbs = {" ".join(str(w).lower().split()): str(medium)
             for medium, words in (data.get("media_verbs") or {}).items() for w in words}
    frames = [str(f) for f in data.get("medium_frames") or ()]
    reach = data["reach"]
    if nouns or verbs:
        # Media nouns count in lower case only ("the Morning Post" is a name) and only in a
        # frame ("in a letter", "sent a letter"): "the hostages' release" is no medium.
        noun_pattern = _alternation(nouns)
        media = re.compile(
            rf"(?<![\w-])(?i:{_alternation(frames)})\s+(?:(?i:{_alternation(names.determiners)})\s+)?"
            rf"(?:[^\W\d_][\w'-]*\s+){{0,{int(reach['medium_gap_words'])}}}?(?P<noun>{noun_pattern})"
            rf"(?:{_alternation(names.plural_endings)})?(?![\w-])"
            rf"|(?<![\w-])(?P<verb>(?i:{_alternation(verbs)}))(?![\w-])")
    else:
        media = re.compile(r"(?!)")
    # In ASCII, ignoring case is lower-casing; not so in every script ("ı" is an "i" to `re`).
    words = [*nouns, *verbs]
    media_words = re.compile(by_first_char({w.split()[0] for w in words})) \
        if words and all(w.isascii() for w in words) else None
    return AttributionRules(names, media, {**nouns, **verbs}, int(reach["medium_chars"]), media_words)


def _alternation(words) -> str:
    return alternation(words) or "(?!)"  # no words: a pattern that never matches


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a stretch is attributed to: the speaker as named, a role, and a medium."""

    speaker: str | None = None
    role: str | None = None
    medium: str | None = None


@dataclass(frozen=True, slots=True)
class _Phrase:
    """The words naming a speaker, and an appositive set off by commas ("Jo Lee, the mayor,")."""

    core: list[Tok]
    appositive: list[Tok]


def attribute(prepared: Prepared, stretches: list[Stretch], compiled: AttributionRules) -> list[Attribution]:
    """The attribution of each stretch, in the same order (nested stretches get none)."""
    outer = [s for s in stretches if not s.nested]
    people = People(prepared, compiled.names)
    own: list[Attribution] = []
    for k, stretch in enumerate(outer):
        # The words between two quotations of a paragraph belong to one or the other, never
        # to a quotation further away.
        prev = outer[k - 1] if k and outer[k - 1].paragraph == stretch.paragraph else None
        prev_close = (prev.end if prev.close is None else prev.close) if prev else None
        next_open = outer[k + 1].open if k + 1 < len(outer) and outer[k + 1].paragraph == stretch.paragraph else None
        own.append(_own(prepared, stretch, prev_close, next_open, people, compiled))
    for k in range(len(outer)):
        if own[k].speaker is None:
            own[k] = _inherit(prepared, outer, own, k, compiled.names) or own[k]
    by_open = {s.open: own[k] for k, s in enumerate(outer)}
    return [Attribution() if s.nested else by_open[s.open] for s in stretches]


def _own(prepared: Prepared, stretch: Stretch, prev_close: int | None, next_open: int | None,
         people: People, compiled: AttributionRules) -> Attribution:
    view, rules = prepared.view, compiled.names
    sentence_start = prepared.sentence_at(stretch.open)[0]
    before_from = max(sentence_start, prev_close + 1 if prev_close is not None else sentence_start,
                      stretch.open - rules.zone)
    after: list[Tok] = []
    if stretch.close is not None:
        after_end = next_open if next_open is not None else prepared.sentence_at(stretch.close)[1]
        after_end = min(max(after_end, stretch.close + 1), stretch.close + rules.zone)
        after = _clause(tokens(view, stretch.close + 1, after_end, rules), rules)
        if _ends_sentence(view, stretch, after, rules):
            after = []
    # The words before the mark are read only when those after it name nobody.
    phrase = _speaker_after_quote(after, rules) or _speaker_before_quote(
        tokens(view, before_from, stretch.open, rules), rules)
    # Where the words before the mark start (every visible character starts a token).
    visible = _VISIBLE.search(view, before_from, stretch.open)
    zone_start = visible.start() if visible else stretch.open
    zone_end = after[-1].end if after else stretch.end
    near = max(sentence_start, stretch.open - compiled.medium_chars)
    previous = previous_sentence(prepared, sentence_start)
    medium = _medium(view[near:stretch.open] + " " + view[stretch.end:zone_end], compiled) or (
        _medium(view[max(previous[0], previous[1] - compiled.medium_chars):previous[1]], compiled)
        if previous else None)
    if phrase is not None and _medium(" ".join(t.text for t in phrase.core), compiled, framed=False):
        phrase = None  # "according to a statement" names a medium, not a speaker
    if phrase is None:
        return Attribution(medium=medium)
    speaker, role = _speaker(phrase, zone_start, people, rules)
    return Attribution(speaker, role, medium)


def _ends_sentence(view: str, stretch: Stretch, after: list[Tok], rules: NameRules) -> bool:
    """Whether the quotation closed its sentence, so the words after it start a new one.

    A period inside the marks ends it, unless a dash leads to the speaker (`." — Jo Lee`);
    after "?" or "!" the attribution goes on in lower case ("Why now?" she asked) or with a
    name ("Why now?" Lee asked).
    """
    last = view[stretch.end - 1]
    if after and after[0].text in _DASHES[1:]:
        return False
    if last == ".":
        return True
    if last in "?!" and after:
        first = after[0]
        return first.text[:1].isupper() and first.low in rules.determiners | rules.pronouns
    return False


def _clause(toks: list[Tok], rules: NameRules) -> list[Tok]:
    # The attribution after a quotation ends at the sentence's end, not at "Rep." or at the
    # period of "D-Wash.," inside it.
    for i, tok in enumerate(toks):
        if tok.text in ".!?;" and i > 0 and not (tok.text == "." and (
                abbreviated(toks[i - 1], rules) or (i + 1 < len(toks) and toks[i + 1].text == ","))):
            return toks[:i]
    return toks


def _inherit(prepared: Prepared, outer: list[Stretch], own: list[Attribution], k: int,
             rules: NameRules) -> Attribution | None:
    stretch = outer[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(outer) and outer[j].paragraph == stretch.paragraph and own[j].speaker is not None:
            return own[j]
    if not (stretch.leads and k and outer[k - 1].paragraph == stretch.paragraph - 1 and own[k - 1].speaker):
        return None
    # A quotation that opens its paragraph goes on with the last speaker, unless someone new
    # was named in between ("Council member Tom Lee was skeptical.").
    gap_start = max(outer[k - 1].end, stretch.open - rules.zone)
    last = set((own[k - 1].speaker or "").split())
    between = [name for name, _ in names_in(tokens(prepared.view, gap_start, stretch.open, rules), rules)
               if " " in name and name.split()[-1] not in last]
    return None if between else own[k - 1]


def _speaker_after_quote(after: list[Tok], rules: NameRules) -> _Phrase | None:
    """`," said the mayor`, `," the mayor said`, `," Jo Lee, 45, said` or `." — Jo Lee`."""
    dash = bool(after) and after[0].text in _DASHES[1:]
    toks = after[1:] if after and after[0].text in _DASHES else after
    if not toks:
        return None
    if toks[0].low in rules.speech_verbs:
        return _phrase_forward(toks, 1, rules)
    for opener in rules.speaker_after:
        if reads(toks, 0, opener):
            return _phrase_forward(toks, len(opener), rules)
    commas: list[int] = []
    for i, tok in enumerate(toks[:2 * rules.max_phrase]):
        if tok.low in rules.speech_verbs:
            words = [t for t in toks[:commas[0] if commas else i] if t.low not in rules.verb_adverbs]
            appositive = toks[commas[0] + 1:commas[1]] if len(commas) == 2 else []
            core = _without_affiliation(words, rules)
            return _Phrase(core, appositive) if core and _is_phrase(core, rules) else None
        if tok.text == ",":
            if len(commas) == 2:
                break
            commas.append(i)  # "Jo Lee, 45, said": one appositive between name and verb
        elif tok.text in ";:!?":
            break
    if dash:
        # A dash and a name closing the sentence: `." — Mayor Jo Lee`.
        core = [t for t in toks if t.text != "."]
        if core and len(core) <= rules.max_phrase and all(is_name_word(t, rules) or is_title(t.low, rules)
                                                          for t in core):
            return _Phrase(core, [])
    return None


def _without_affiliation(words: list[Tok], rules: NameRules) -> list[Tok]:
    """Only the person in "Jane Doe with the Harbor Trust", not whom they speak for."""
    for i, tok in enumerate(words):
        if tok.low in rules.speaker_links and i and is_name_word(words[i - 1], rules):
            return words[:i]
    return words


def _speaker_before_quote(before: list[Tok], rules: NameRules) -> _Phrase | None:
    """`Jane Doe, the mayor, wrote, "`, `he said the plan was "`, `according to X, "`, `Mayor Lee: "`."""
    for i in range(len(before)):
        for words in rules.speaker_after:
            if reads(before, i, words):
                phrase = _phrase_forward(before, i + len(words), rules)
                if phrase:
                    return phrase
    for i in range(len(before) - 1, -1, -1):
        if before[i].low in rules.speech_verbs:
            phrase = _phrase_backward(before, i, rules)
            if phrase:
                return phrase
    if len(before) >= 2 and before[-1].text == ":":
        # A headline or a transcript: `Mayor Jo Lee: "..."`.
        core = before[:-1]
        if len(core) <= rules.max_phrase and all(is_name_word(t, rules) or is_title(t.low, rules) for t in core):
            return _Phrase(core, [])
    return None


def _phrase_forward(toks: list[Tok], i: int, rules: NameRules) -> _Phrase | None:
    """The speaker after a verb: `said Mayor Jo Lee, the city's first ...`."""
    core: list[Tok] = []
    j = i
    while j < min(len(toks), i + rules.max_phrase):
        tok = toks[j]
        if tok.text == "." and core and abbreviated(core[-1], rules):
            j += 1
            continue
        if tok.text in ",.;:!?()" or (tok.low in rules.function_words and tok.low not in rules.determiners
                                      and tok.low not in rules.pronouns):
            break
        core.append(tok)
        j += 1
        if tok.low in rules.pronouns:
            break
    if not core or not _is_phrase(core, rules):
        return None
    appositive: list[Tok] = []
    if j < len(toks) and toks[j].text == ",":
        for tok in toks[j + 1:j + 1 + rules.max_phrase]:
            if tok.text in ",.;:!?":
                break
            appositive.append(tok)
    return _Phrase(core, appositive)


def _phrase_backward(toks: list[Tok], verb: int, rules: NameRules) -> _Phrase | None:
    """The speaker before a verb: `Jane Doe said`, `Jane Doe, the mayor, said`, `he said`."""
    j = verb - 1
    while j >= 0 and toks[j].low in rules.verb_adverbs:
        j -= 1
    appositive: list[Tok] = []
    if j >= 0 and toks[j].text == ",":
        # An appositive between speaker and verb: "Jane Doe, the city's mayor, said".
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k <= rules.max_phrase:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        appositive = toks[k + 1:j]
        j = k - 1
    core: list[Tok] = []
    while j >= 0 and len(core) < rules.max_phrase:
        tok = toks[j]
        if tok.low in rules.pronouns:
            if not core:
                core.insert(0, tok)
            break
        if tok.low in rules.determiners:
            if core:
                core.insert(0, tok)
            break
        if tok.text == "." and j > 0 and abbreviated(toks[j - 1], rules):
            j -= 1
            continue
        if tok.low in rules.speaker_links and core and core[0].text[:1].isupper() \
                and j > 0 and is_name_word(toks[j - 1], rules):
            # "Jane Doe with the Harbor Trust said": the speaker is the person before "with".
            core = []
            j -= 1
            continue
        if tok.text in ",.;:!?()\"'" or tok.low in rules.function_words or tok.low in rules.speech_verbs:
            break
        core.insert(0, tok)
        j -= 1
    if not core or not _is_phrase(core, rules):
        return None
    return _Phrase(core, appositive)


def _is_phrase(core: list[Tok], rules: NameRules) -> bool:
    """A speaker is a pronoun alone, or holds a capitalised name or a title, or a determiner."""
    if any(t.low in rules.pronouns for t in core):
        return len(core) == 1  # "he", but not "a gift he"
    return any(t.text[:1].isupper() or is_title(t.low, rules) for t in core) or core[0].low in rules.determiners


def _speaker(phrase: _Phrase, at: int, people: People, rules: NameRules) -> tuple[str | None, str | None]:
    """The speaker (a full name where known) and any stated role, from the words naming them."""
    core = phrase.core
    if len(core) == 1 and core[0].low in rules.person_pronouns:
        return people.referent(core[0].low, at) or core[0].text, _role(phrase.appositive, rules)
    name = name_before(core, len(core) - 1, rules)
    if name and not is_organisation(name, rules):
        full = people.full_name(joined(name, rules))
        people.named()
        return full, _role(core[:len(core) - len(name)], rules) or _role(phrase.appositive, rules)
    return " ".join(t.text for t in core), _role(core, rules)


def _role(toks: list[Tok], rules: NameRules) -> str | None:
    run: list[str] = []
    for tok in toks:
        if is_title(bare(tok.low, rules), rules):
            run.append(tok.text)
        elif run:
            break
    return " ".join(run) or None


def _medium(text: str, compiled: AttributionRules, *, framed: bool = True) -> str | None:
    """The medium a text names in a frame ("in a statement"), or, unframed, a medium word."""
    if not framed:
        words = " ".join(text.lower().split())
        return compiled.medium_of.get(words.split()[-1]) if words else None
    # Most texts hold no medium word at all: one search for the words turns them away, where
    # the pattern of frames is tried at every offset.
    if compiled.media_words is not None and text.isascii() and not compiled.media_words.search(text.lower()):
        return None
    match = compiled.media.search(text)
    if match is None:
        return None
    word = match.group("noun") or match.group("verb")
    return compiled.medium_of.get(" ".join(word.lower().split()))
