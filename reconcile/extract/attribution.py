"""Who is quoted, and through which medium: speech verbs, speakers, pronouns and titles.

For each quoted stretch, in order of preference:

1. the words right after its closing mark (`," she said`, `," said the mayor`);
2. the words before its opening mark in the same sentence (`Jane Doe, the mayor, wrote, "`,
   `he said the plan is "`, `according to the union, "`);
3. the stretch next to it in the same paragraph (a quotation split by its attribution), or
   the last one of the paragraph before when it opens its paragraph.

A pronoun speaker stands for the subject of the sentence before, not merely the last name
seen; a person's surname becomes the full name the source gives anywhere. Organisations are
not persons: a capitalised acronym or a name holding an organisation word never stands for
"he" or "she".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..rules import RuleSet
from ..text import Prepared
from .quotes import Stretch

# A plural possessive keeps its apostrophe ("the teachers' union").
_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*(?:(?<=s)'(?![^\W\d_]))?|\d+|\S")
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that"})
_CAPITALISED_WORD = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_]*(?:['\-][^\W\d_]+)*"
_CAPITALISED_RUN = re.compile(rf"{_CAPITALISED_WORD}(?:[ \t]+{_CAPITALISED_WORD})+")
_ARTICLES = frozenset({"a", "an", "the"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_MAX_PHRASE = 8
# How far from a quotation a medium is looked for: a sentence's length, bounded so that a
# pathological one-sentence document stays linear.
_MEDIUM_WINDOW = 400
# How many sentences back a chain of the same pronoun ("He did not say. ... he said") is followed.
_PRONOUN_CHAIN = 3
# How far back (in characters) a pronoun may still stand for the person it stood for before.
_RECENT = 1500
# How far before a quotation its attribution may start, for the same reason.
_ZONE = 600


@dataclass(frozen=True)
class AttributionRules:
    """The attribution part of the `quotes` rules, compiled."""

    speech_verbs: frozenset[str]
    speaker_after: tuple[tuple[str, ...], ...]
    verb_adverbs: frozenset[str]
    speaker_links: frozenset[str]
    media: re.Pattern[str]
    medium_of: dict[str, str]
    person_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    titles: frozenset[str]
    not_person_words: frozenset[str]
    function_words: frozenset[str]
    stop_words: frozenset[str]


@lru_cache(maxsize=8)
def attribution_rules(rules: RuleSet) -> AttributionRules:
    """Compile the attribution part of the `quotes` rules (cached per rule set)."""
    data = rules.of_type("quotes")
    medium_of = {" ".join(str(word).lower().split()): str(medium)
                 for medium, words in (data.get("media") or {}).items() for word in words}
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(medium_of, key=len, reverse=True))
    function_words = frozenset(str(w).lower() for w in rules.of_type("text").get("function_words") or ())
    dates = rules.of_type("dates")
    calendar_words = frozenset(str(w).lower() for key in ("months", "month_abbreviations", "weekdays",
                                                          "weekday_abbreviations") for w in dates.get(key) or {})
    return AttributionRules(
        speech_verbs=frozenset(str(v).lower() for v in data.get("speech_verbs") or ()),
        speaker_after=tuple(tuple(str(p).lower().split()) for p in data.get("speaker_after") or ()),
        verb_adverbs=frozenset(str(v).lower() for v in data.get("verb_adverbs") or ()),
        speaker_links=frozenset(str(v).lower() for v in data.get("speaker_links") or ()),
        # Media words count in lower case only: "the Washington Post" is a name, not a post.
        media=re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])") if medium_of else re.compile(r"(?!)"),
        medium_of=medium_of,
        person_pronouns=frozenset(str(p).lower() for p in data.get("person_pronouns") or ()),
        other_pronouns=frozenset(str(p).lower() for p in data.get("other_pronouns") or ()),
        titles=frozenset(str(t).lower() for t in data.get("titles") or ()),
        # Organisations and streets are not persons: "Harbor Group", "Fairfield Drive".
        not_person_words=frozenset(str(t).lower() for t in [*(data.get("organisation_words") or ()),
                                                             *(rules.of_type("text").get("street_suffixes") or ())]),
        function_words=function_words,
        stop_words=function_words | calendar_words,
    )


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a stretch is attributed to: the speaker as named, a role, and a medium."""

    speaker: str | None = None
    role: str | None = None
    medium: str | None = None


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int


def _tokens(view: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(view, start, end)]


def attribute(prepared: Prepared, stretches: list[Stretch], compiled: AttributionRules) -> list[Attribution]:
    """The attribution of each stretch, in the same order (nested stretches get none)."""
    view = prepared.view
    outer = [s for s in stretches if not s.nested]
    names = _Names(view, prepared.start, prepared.end, compiled)
    own: dict[int, Attribution] = {}
    recent: dict[str, tuple[str, int]] = {}  # pronoun -> whom it stood for last, and where
    for k, stretch in enumerate(outer):
        # The words between two quotations of a paragraph belong to one or the other, never
        # to a quotation further away.
        prev_end = outer[k - 1].end + 1 if k and outer[k - 1].paragraph == stretch.paragraph else None
        next_open = outer[k + 1].open if k + 1 < len(outer) and outer[k + 1].paragraph == stretch.paragraph else None
        own[k] = _own(prepared, stretch, prev_end, next_open, names, compiled, recent)
    for k in range(len(outer)):
        if own[k].speaker is None:
            own[k] = _inherit(outer, own, k) or own[k]
    by_open = {s.open: own[k] for k, s in enumerate(outer)}
    return [Attribution() if s.nested else by_open[s.open] for s in stretches]


def _own(prepared: Prepared, stretch: Stretch, prev_end: int | None, next_open: int | None,
         names: _Names, compiled: AttributionRules, recent: dict[str, tuple[str, int]]) -> Attribution:
    view = prepared.view
    sentence_start = prepared.sentence_at(stretch.open)[0]
    before_from = max(sentence_start, prev_end or sentence_start, stretch.open - _ZONE)
    before = _tokens(view, before_from, stretch.open)
    after: list[_Tok] = []
    if stretch.close is not None:
        after_end = next_open if next_open is not None else prepared.sentence_at(stretch.close)[1]
        after_end = min(max(after_end, stretch.close + 1), stretch.close + _ZONE)
        after = _clause(_tokens(view, stretch.close + 1, after_end), compiled)
        if _ends_sentence(view, stretch, after):
            after = []
    phrase = _speaker_after_quote(after, compiled) or _speaker_before_quote(before, compiled)
    zone_start = before[0].start if before else stretch.open
    zone_end = after[-1].end if after else stretch.end
    # The medium may be stated anywhere in the attribution's sentence, or in the one before.
    near = max(sentence_start, stretch.open - _MEDIUM_WINDOW)
    medium = _medium(view[near:stretch.open] + " " + view[stretch.end:zone_end], compiled) \
        or _medium(_previous_sentence_text(prepared, sentence_start)[-_MEDIUM_WINDOW:], compiled)
    if phrase is not None and _medium(phrase[-1].text, compiled):
        phrase = None  # "according to a statement" names a medium, not a speaker
    if phrase is None:
        return Attribution(medium=medium)
    speaker, role = _speaker(prepared, phrase, zone_start, names, compiled, recent)
    return Attribution(speaker, role, medium)


def _ends_sentence(view: str, stretch: Stretch, after: list[_Tok]) -> bool:
    """Whether the quotation closed its sentence, so the words after it start a new one.

    A period inside the marks ends it; after "?" or "!" the attribution goes on in lower case
    ("Why now?" she asked) or with a name ("Why now?" Lee asked).
    """
    last = view[stretch.end - 1]
    if last == ".":
        return True
    if last in "?!" and after:
        first = after[0]
        return first.text[:1].isupper() and first.low in _DETERMINERS | _PRONOUNS
    return False


def _clause(tokens: list[_Tok], compiled: AttributionRules) -> list[_Tok]:
    # The attribution after a quotation ends at the sentence's end, not at "Rep." or "J.".
    for i, tok in enumerate(tokens):
        if tok.text in ".!?;" and i > 0 and not (tok.text == "." and _abbreviated(tokens[i - 1], compiled)):
            return tokens[:i]
    return tokens


def _inherit(outer: list[Stretch], own: dict[int, Attribution], k: int) -> Attribution | None:
    stretch = outer[k]
    same = [j for j in (k - 1, k + 1) if 0 <= j < len(outer) and outer[j].paragraph == stretch.paragraph]
    for j in same:
        if own[j].speaker is not None:
            return own[j]
    if stretch.leads and k and outer[k - 1].paragraph == stretch.paragraph - 1 and own[k - 1].speaker is not None:
        return own[k - 1]
    return None


def _speaker_after_quote(after: list[_Tok], compiled: AttributionRules) -> list[_Tok] | None:
    """`," said the mayor` or `," the mayor said`: right after the closing mark."""
    toks = after[1:] if after and after[0].text in ",\u2014\u2013-" else after
    if not toks:
        return None
    if toks[0].low in compiled.speech_verbs:
        return _phrase_forward(toks, 1, compiled)
    for words in compiled.speaker_after:
        if tuple(t.low for t in toks[:len(words)]) == words:
            return _phrase_forward(toks, len(words), compiled)
    for i, tok in enumerate(toks[:_MAX_PHRASE + 2]):
        if tok.low in compiled.speech_verbs:
            phrase = _without_affiliation([t for t in toks[:i] if t.low not in compiled.verb_adverbs], compiled)
            return phrase if phrase and _is_phrase(phrase, compiled) else None
        if tok.text in ",.;:!?":
            break
    return None


def _without_affiliation(phrase: list[_Tok], compiled: AttributionRules) -> list[_Tok]:
    """"Jane Doe with the Harbor Trust" -> "Jane Doe": the person, not whom they speak for."""
    for i, tok in enumerate(phrase):
        if tok.low in compiled.speaker_links and i and _is_name_word(phrase[i - 1], compiled):
            return phrase[:i]
    return phrase


def _speaker_before_quote(before: list[_Tok], compiled: AttributionRules) -> list[_Tok] | None:
    """`Jane Doe, the mayor, wrote, "`, `he said the plan was "`, `according to X, "`."""
    for i in range(len(before)):
        for words in compiled.speaker_after:
            if tuple(t.low for t in before[i:i + len(words)]) == words:
                phrase = _phrase_forward(before, i + len(words), compiled)
                if phrase:
                    return phrase
    for i in range(len(before) - 1, -1, -1):
        if before[i].low in compiled.speech_verbs:
            phrase = _phrase_backward(before, i, compiled)
            if phrase:
                return phrase
    return None


def _phrase_forward(toks: list[_Tok], i: int, compiled: AttributionRules) -> list[_Tok] | None:
    phrase: list[_Tok] = []
    for tok in toks[i:i + _MAX_PHRASE]:
        if tok.text == "." and phrase and _abbreviated(phrase[-1], compiled):
            continue
        if tok.text in ",.;:!?()" or (tok.low in compiled.function_words and tok.low not in _DETERMINERS
                                      and tok.low not in compiled.person_pronouns | compiled.other_pronouns):
            break
        phrase.append(tok)
        if tok.low in compiled.person_pronouns | compiled.other_pronouns:
            break
    return phrase if phrase and _is_phrase(phrase, compiled) else None


def _phrase_backward(toks: list[_Tok], verb: int, compiled: AttributionRules) -> list[_Tok] | None:
    j = verb - 1
    while j >= 0 and toks[j].low in compiled.verb_adverbs:
        j -= 1
    role_end = None
    if j >= 0 and toks[j].text == ",":
        # An appositive between speaker and verb: "Jane Doe, the city's mayor, said".
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k <= _MAX_PHRASE:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        role_end = (k + 1, j)
        j = k - 1
    phrase: list[_Tok] = []
    while j >= 0 and len(phrase) < _MAX_PHRASE:
        tok = toks[j]
        if tok.low in compiled.person_pronouns | compiled.other_pronouns:
            if not phrase:
                phrase.insert(0, tok)
            break
        if tok.low in _DETERMINERS:
            if phrase:
                phrase.insert(0, tok)
            break
        if tok.text == "." and j > 0 and _abbreviated(toks[j - 1], compiled):
            j -= 1
            continue
        if tok.low in compiled.speaker_links and phrase and phrase[0].text[:1].isupper() \
                and j > 0 and _is_name_word(toks[j - 1], compiled):
            # "Jane Doe with the Harbor Trust said": the speaker is the person before "with".
            phrase = []
            j -= 1
            continue
        if tok.text in ",.;:!?()\"'" or tok.low in compiled.function_words or tok.low in compiled.speech_verbs:
            break
        phrase.insert(0, tok)
        j -= 1
    if not phrase or not _is_phrase(phrase, compiled):
        return None
    if role_end is not None:
        appositive = toks[role_end[0]:role_end[1]]
        return phrase + [_Tok(",", ",", -1, -1)] + appositive
    return phrase


def _abbreviated(tok: _Tok, compiled: AttributionRules) -> bool:
    """A title or an initial that a period may follow inside a name ("Rep. Jo Kim", "J. Lo")."""
    return tok.low in compiled.titles or (len(tok.text) == 1 and tok.text.isupper())


def _is_phrase(phrase: list[_Tok], compiled: AttributionRules) -> bool:
    """A speaker is a pronoun, or holds a capitalised name or a title, or a plain noun phrase."""
    pronouns = compiled.person_pronouns | compiled.other_pronouns
    if any(t.low in pronouns for t in phrase):
        return len(phrase) == 1  # "he", but not "a gift he"
    return any(t.text[:1].isupper() or t.low in compiled.titles for t in phrase) or phrase[0].low in _DETERMINERS


def _speaker(prepared: Prepared, phrase: list[_Tok], at: int, names: _Names,
             compiled: AttributionRules, recent: dict[str, tuple[str, int]]) -> tuple[str | None, str | None]:
    """The speaker (a full name where known) and any stated role, from the words naming them."""
    if any(t.text == "," for t in phrase):
        cut = next(i for i, t in enumerate(phrase) if t.text == ",")
        core, appositive = phrase[:cut], phrase[cut + 1:]
    else:
        core, appositive = phrase, []
    if len(core) == 1 and core[0].low in compiled.person_pronouns:
        pronoun = core[0].low
        name = _referent(prepared, at, pronoun, names, compiled, recent)
        if name is None:
            return core[0].text, _role(appositive, compiled)
        full = _full_name(name, names)
        recent[pronoun] = (full, at)
        return full, _role(appositive, compiled)
    name_toks = _trailing_name(core, compiled)
    if name_toks and not _is_organisation(name_toks, compiled):
        full = _full_name(" ".join(_bare(t.text) for t in name_toks), names)
        for pronoun in compiled.person_pronouns:
            recent.pop(pronoun, None)  # a new person named: "he" now looks back afresh
        role = _role(core[:len(core) - len(name_toks)], compiled) or _role(appositive, compiled)
        return full, role
    return " ".join(t.text for t in core), _role(core, compiled)


def _full_name(name: str, names: _Names) -> str:
    """A surname alone becomes the full name the source gives; a full name stays as it is."""
    return names.get(name, name) if " " not in name else name


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _trailing_name(core: list[_Tok], compiled: AttributionRules) -> list[_Tok]:
    name: list[_Tok] = []
    for tok in reversed(core):
        if _is_name_word(tok, compiled):
            name.insert(0, tok)
        else:
            break
    return name


def _is_name_word(tok: _Tok, compiled: AttributionRules) -> bool:
    word, low = _bare(tok.text), _bare(tok.low)
    return word[:1].isupper() and not word.isupper() and word.replace("-", "").replace("'", "").isalpha() \
        and not _is_title(low, compiled) and low not in compiled.stop_words


def _is_organisation(name: list[_Tok], compiled: AttributionRules) -> bool:
    return any(t.text.isupper() and len(t.text) > 1 or _bare(t.low) in compiled.not_person_words for t in name)


def _is_title(low: str, compiled: AttributionRules) -> bool:
    return low in compiled.titles or (low.endswith("s") and low[:-1] in compiled.titles)


def _role(toks: list[_Tok], compiled: AttributionRules) -> str | None:
    run: list[str] = []
    for tok in toks:
        if _is_title(tok.low, compiled):
            run.append(tok.text)
        elif run:
            break
    return " ".join(run) or None


def _medium(text: str, compiled: AttributionRules) -> str | None:
    match = compiled.media.search(text)
    return compiled.medium_of.get(" ".join(match.group().split())) if match else None


def _previous_sentence_text(prepared: Prepared, at: int) -> str:
    span = _previous_sentence(prepared, at)
    return prepared.view[span[0]:span[1]] if span else ""


def _previous_sentence(prepared: Prepared, at: int) -> tuple[int, int] | None:
    current = prepared.sentence_at(at)
    i = bisect.bisect_right(prepared.sentence_starts, current[0] - 1) - 1
    while i >= 0 and prepared.sentences[i][1] > current[0]:
        i -= 1
    return prepared.sentences[i] if i >= 0 else None


def _referent(prepared: Prepared, at: int, pronoun: str, names: _Names, compiled: AttributionRules,
              recent: dict[str, tuple[str, int]]) -> str | None:
    """The person a pronoun speaker stands for, read from the sentence before `at`.

    In order: the person that sentence quotes ("..., Lee said."), its subject (not merely
    the last name in it), or whoever the same pronoun stood for just before. A sentence
    whose subject is the same pronoun passes the question to the one before it. Otherwise
    nobody: a wrong name is worse than the pronoun as written.
    """
    span = _previous_sentence(prepared, at)
    for _ in range(_PRONOUN_CHAIN):
        if span is None:
            break
        toks = _tokens(prepared.view, *span)
        quoted = _quoted_in(toks, compiled)
        if quoted and _is_person(quoted, names):
            return quoted
        for name, subject in _names_in(toks, compiled):
            if subject and _is_person(name, names):
                return name
        if not (toks and toks[0].low == pronoun):
            break
        span = _previous_sentence(prepared, span[0])
    if pronoun in recent and at - recent[pronoun][1] < _RECENT:
        return recent[pronoun][0]
    return None


def _quoted_in(toks: list[_Tok], compiled: AttributionRules) -> str | None:
    """The person a sentence quotes, if it quotes one.

    That is the name right before or after a speech verb ("Lee said", "said Lee"), or the
    first name after "according to" ("according to her publicist, Jo Lee").
    """
    for i in range(len(toks)):
        for words in compiled.speaker_after:
            if tuple(t.low for t in toks[i:i + len(words)]) == words:
                for k in range(i + len(words), min(len(toks), i + len(words) + _MAX_PHRASE)):
                    run = _name_from(toks, k, compiled)
                    if run and not _is_organisation(run, compiled):
                        return " ".join(_bare(t.text) for t in run)
    for i, tok in enumerate(toks):
        if tok.low not in compiled.speech_verbs:
            continue
        j = i - 1
        while j >= 0 and toks[j].low in compiled.verb_adverbs:
            j -= 1
        run = _trailing_name(toks[:j + 1], compiled) or _name_from(toks, i + 1, compiled)
        if run and not _is_organisation(run, compiled):
            return " ".join(_bare(t.text) for t in run)
    return None


def _name_from(toks: list[_Tok], k: int, compiled: AttributionRules) -> list[_Tok]:
    """The run of name words that starts at token k (empty if none does)."""
    run: list[_Tok] = []
    while k < len(toks) and _is_name_word(toks[k], compiled):
        run.append(toks[k])
        k += 1
    return run


def _is_person(name: str, names: _Names) -> bool:
    return len(name.split()) > 1 or name in names


def _names_in(toks: list[_Tok], compiled: AttributionRules) -> list[tuple[str, bool]]:
    """Capitalised names in a sentence's tokens, each with whether it stands as the subject."""
    found = []
    i = 0
    while i < len(toks):
        if not _is_name_word(toks[i], compiled):
            i += 1
            continue
        j = i
        while j < len(toks) and _is_name_word(toks[j], compiled) and not toks[j].low.endswith("'s"):
            j += 1
        possessive = j < len(toks) and toks[j].low.endswith("'s") and _is_name_word(toks[j], compiled)
        run = toks[i:j + (1 if possessive else 0)]
        if not run:
            i += 1
            continue
        if _is_organisation(run, compiled):
            i = j + 1
            continue
        before = toks[i - 1] if i else None
        after_prep = before is not None and before.low in compiled.function_words and before.low not in _DETERMINERS
        # A person takes no article: "the Harbor Point actress" names a person by something else.
        after_article = before is not None and before.low in _ARTICLES
        subject = not possessive and not after_prep and not after_article
        found.append((" ".join(_bare(t.text) for t in run), subject))
        i = j + 1
    return found


class _Names:
    """Surname -> full name, read from the whole source on first use.

    Most quotations name their speaker in full and never need it.
    """

    def __init__(self, view: str, start: int, end: int, compiled: AttributionRules):
        self._args = (view, start, end, compiled)
        self._table: dict[str, str] | None = None

    @property
    def table(self) -> dict[str, str]:
        if self._table is None:
            self._table = _person_names(*self._args)
        return self._table

    def get(self, key: str, default: str) -> str:
        return self.table.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.table


def _person_names(view: str, start: int, end: int, compiled: AttributionRules) -> dict[str, str]:
    """Surname -> full name, for every name of two to four words the source gives."""
    names: dict[str, str] = {}
    # Only runs of capitalised words can hold a name: find those, then read them word by word.
    for run_match in _CAPITALISED_RUN.finditer(view, start, end):
        toks = [_Tok(word, word.lower(), -1, -1) for word in run_match.group().split()]
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and _is_name_word(toks[j], compiled):
                j += 1
                if toks[j - 1].low.endswith("'s"):
                    break
            run = toks[i:j]
            if 2 <= len(run) <= 4 and not _is_organisation(run, compiled):
                full = " ".join(_bare(t.text) for t in run)
                names.setdefault(full.split()[-1], full)
            i = max(j, i + 1)
    return names
