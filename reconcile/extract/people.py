"""People and organisations in a source: ages, names as spelled, titles, and acronyms.

All of it is read without a model, from the `people` rules and the name machinery of `names`:

- an **age** is a number an age phrase makes one ("22-year-old", "aged 35", "in his 40s") or a
  number set off after a person's name ("Jo Lee, 45,"); it belongs to the person named right
  next to it, and to nobody when none is;
- the age of a **thing** is no age but a measure in years ("the 40-year-old law": 40 years,
  "a century-old church": 100): `aged.qualifies_thing` tells it by the noun the phrase
  qualifies, the durations read it with their units of time and qualifiers, and it is claimed
  here, beside the ages it is told apart from;
- a **name** is a person's name of two to four words, once per spelling per source, where it
  first stands; places, organisations, title-case headlines and words the source also writes
  in lower case are not names;
- a **title** is a role stated next to a name ("Executive Director Jo Lee", "Jo Lee, the
  school's principal,", "GBI spokeswoman Jo Lee");
- an **acronym** is an organisation, once per spelling per source, with its spelled-out form
  where the source gives one ("Office of Budget Review (OBR)") and whether the source
  marked it [sic].
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ..model import Entity, NameValue, Qualifier, Quantity, TitleValue
from ..rules import RuleSet
from ..text import UPPER, Prepared
from .aged import AgedRules, aged_rules, qualifies_thing
from .durations import duration_rules, find_thing_ages
from .names import (
    NameRules,
    People,
    Tok,
    bare,
    is_organisation,
    is_title,
    joined,
    name_before,
    name_from,
    name_rules,
    tokens,
)
from .spans import merged


@dataclass(frozen=True, slots=True)
class Found:
    """One age, name or title found: its kind ("age", "name", "title"; "measure": a thing's age), offsets, value."""

    kind: str
    start: int
    end: int
    value: Quantity | NameValue | TitleValue


@dataclass(frozen=True, slots=True)
class PeopleRules:
    """The `people` rules, compiled."""

    age: re.Pattern[str]
    appositive_age: re.Pattern[str]
    number_words: dict[str, int]
    decade_parts: dict[str, tuple[int, int]]
    oldest: int
    link_words: frozenset[str]
    place_words: frozenset[str]
    longer_name_joiners: frozenset[str]
    headline_share: float
    capitals_share: float
    headline_min_words: int
    name_words: tuple[int, int]
    suffixes: frozenset[str]
    courtesy: frozenset[str]
    openers: frozenset[str]
    end_words: frozenset[str]
    acronym: re.Pattern[str]
    long_form: re.Pattern[str]
    not_acronyms: frozenset[str]
    sic: tuple[re.Pattern[str], ...]
    near_chars: int
    title_chars: tuple[int, int]
    employer_words: int
    aged: AgedRules


def _words(values: object) -> list[str]:
    return [str(v).lower() for v in values or ()]  # type: ignore[attr-defined]


def _phrase(words: str) -> str:
    """A phrase as a pattern in which a hyphen and a space are interchangeable."""
    return r"[-\s]+".join(re.escape(w) for w in re.split(r"[-\s]+", words.strip()) if w)


@lru_cache(maxsize=8)
def people_rules(rules: RuleSet) -> PeopleRules:
    """Compile the `people` rules (cached per rule set)."""
    data, numbers, quotes = rules.of_type("people"), rules.of_type("numbers"), rules.of_type("quotes")
    # The age phrases are the ones that keep ages out of counts.
    ages = rules.of_type("counts")["age"]
    oldest = int(ages["max"])
    number_words = {str(k).lower(): int(v) for k, v in (numbers.get("words") or {}).items()
                    if isinstance(v, int) and 0 < v <= oldest}
    number = r"\d{1,3}" + "".join(f"|{re.escape(w)}" for w in sorted(number_words, key=len, reverse=True))

    def alternation(key: str, source: dict = data) -> str:  # type: ignore[type-arg]
        return "|".join(_phrase(p) for p in sorted(_words(source.get(key)), key=len, reverse=True)) or "(?!)"

    parts = "|".join(re.escape(p) for p in sorted(_words(data.get("decade_parts")), key=len, reverse=True)) or "(?!)"
    # "aged between 19 and 24", "aged 60-75": an opener and its joiner, or a joiner alone.
    def joiner(word: str) -> str:  # a word stands between spaces, a dash may touch its numbers
        return rf"\s+{_phrase(word)}\s+" if word[:1].isalnum() else rf"\s*{re.escape(word)}\s*"

    openers = data.get("age_range_openers") or {}
    ranged = "|".join([*(rf"{_phrase(str(o))}\s+\d{{1,3}}{joiner(str(j))}" for o, j in openers.items()),
                       *(rf"\d{{1,3}}{joiner(str(j))}" for j in data.get("age_range_joiners") or ())]) or "(?!)"
    age = re.compile(
        rf"(?<![\w-])(?:(?P<after>{number})[-\s]+(?:{alternation('after', ages)})"
        rf"|(?:{alternation('before', ages)})\s+(?P<range>(?:{ranged})\d{{1,3}})"
        rf"|(?:{alternation('before', ages)})\s+(?P<before>\d{{1,3}})"
        rf"|(?:{alternation('decade_frame')})\s+(?:{alternation('decade_possessives')})\s+"
        rf"(?:(?P<part>{parts})[-\s]?)?(?P<decade>\d0)(?:{alternation('decade_endings')}))(?![\w-])",
        re.IGNORECASE)
    before, after, ends = (alternation(k) for k in ("appositive_before", "appositive_after", "age_end_words"))
    appositive_age = re.compile(
        rf",\s+(?:(?:{before})\s+)?(?P<n>\d{{1,3}})(?:\s+(?:{after}))?(?=\s*[,;.)]|\s+(?:{ends})\b)", re.IGNORECASE)
    joiners = alternation("long_form_joiners")
    reach = data["reach"]
    low, high = data["acronym_letters"]
    shortest, longest = data["name_words"]
    return PeopleRules(
        age=age,
        appositive_age=appositive_age,
        number_words=number_words,
        decade_parts={str(k).lower(): (int(v[0]), int(v[1])) for k, v in (data.get("decade_parts") or {}).items()},
        oldest=oldest,
        link_words=frozenset(_words(data.get("age_link_words"))),
        place_words=frozenset(_words(data.get("place_words"))),
        longer_name_joiners=frozenset(_words(data.get("longer_name_joiners"))),
        headline_share=float(data["headline_share"]),
        capitals_share=float(data["capitals_share"]),
        headline_min_words=int(data["headline_min_words"]),
        name_words=(int(shortest), int(longest)),
        suffixes=frozenset(_words(data.get("name_suffixes"))),
        courtesy=frozenset(_words(data.get("courtesy_titles"))),
        openers=frozenset(_words(data.get("sentence_openers"))),
        end_words=frozenset(_words(data.get("age_end_words"))),
        acronym=re.compile(rf"(?<![\w&.-])[A-Z]{{{int(low)},{int(high)}}}(?![\w&-]|\.\w)"),
        # "Office of Budget Review (": capitalised words and the small words between them.
        long_form=re.compile(rf"((?:[A-Z][\w'-]*|{joiners})(?:\s+(?:[A-Z][\w'-]*|{joiners})){{1,9}})\s*\(\s*$"),
        # A time zone ("4:15 PM GMT") is no organisation: the date rules name the zones.
        not_acronyms=frozenset(_words(data.get("not_acronyms")))
        | frozenset(str(z).lower() for z in rules.of_type("dates").get("time_zones") or ()),
        sic=tuple(re.compile(p, re.IGNORECASE) for p in (quotes.get("markers") or {}).get("sic") or ()),
        near_chars=int(reach["age_chars"]),
        title_chars=(int(reach["title_before_chars"]), int(reach["title_after_chars"])),
        employer_words=int(reach["employer_words"]),
        aged=aged_rules(rules),
    )


def find_people(prepared: Prepared, rules: RuleSet, quoted: list[tuple[int, int]],
                numeric: list[tuple[int, int]] | None = None) -> list[Found]:
    """The ages, names, titles and acronyms of a prepared source, in no particular order.

    `quoted` holds the spans of its quotations: an acronym inside one is marked `quoted`.
    `numeric` holds the sentences that may hold a number (all of them if not given): only
    those are read for ages.
    """
    compiled, names = people_rules(rules), name_rules(rules)
    people = People(prepared, names)
    lower_words = frozenset(_LOWER_WORD.findall(prepared.view, prepared.start, prepared.end))
    found: list[Found] = []
    view = prepared.view
    for s_start, s_end in prepared.sentences:
        # Only the stretches around two capitalised words side by side can hold a name: the
        # rest of the sentence is never tokenised.
        windows = _windows(view, s_start, s_end, names, compiled)
        if not windows or _headline(view[s_start:s_end], compiled):
            continue
        first = s_start + len(view[s_start:s_end]) - len(view[s_start:s_end].lstrip())
        for start, end in windows:
            found += _names_and_titles(tokens(view, start, end, names), first, names, compiled, people, lower_words)
    found += _ages(prepared, compiled, names, people, prepared.sentences if numeric is None else numeric)
    found += _thing_ages(prepared, rules)
    found += _acronyms(prepared, compiled, quoted)
    seen: set[tuple[str, str]] = set()
    unique = []
    # One claim per spelling (or person and title) per source: where it first stands.
    age_end = -1
    # Of two readings of one age, the one that names its person first.
    for f in sorted(found, key=lambda f: (f.start, getattr(f.value, "person", None) is None, -f.end)):
        if f.kind == "measure":
            unique.append(f)  # a thing's age is a figure: each mention is a claim, as any measure's
            continue
        if f.kind == "age":
            # "de 45 años de edad" read as a phrase and as an appositive is one age.
            if f.start >= age_end:
                unique.append(f)
            age_end = max(age_end, f.end)
            continue
        key = (f.kind, _key(f.value))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _key(value: object) -> str:
    if isinstance(value, NameValue):
        return value.name
    if isinstance(value, TitleValue):
        return f"{value.person}\n{value.title}"
    return repr(value)


# A name word is short: bounding it keeps the scan linear on text with no spaces.
_CAPITALISED_PAIR = re.compile(rf"(?<![\w'\u2019-])[{UPPER}]\S{{0,40}}(?:[ \t]+[{UPPER}]\S{{0,40}})+")
_WORD = re.compile(r"[^\W\d_]+")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*")
_WORD_CHARS = re.compile(r"[^\W\d_]")
_CAPITALS = re.compile(f"[{UPPER}]")


def _windows(view: str, start: int, end: int, names: NameRules, compiled: PeopleRules) -> list[tuple[int, int]]:
    """Stretches of a sentence around two name words side by side, with room for a title either side."""
    windows: list[tuple[int, int]] = []
    for m in _CAPITALISED_PAIR.finditer(view, start, end):
        # "The Council", "Police Chief": capitalised words that are no name words never make one.
        words = [w.strip(".,;:!?\"'()\u2019\u201d").lower() for w in m.group().split()]
        if not any(_may_name(a, names) and _may_name(b, names) for a, b in pairwise(words)):
            continue
        low, high = max(start, m.start() - compiled.title_chars[0]), min(end, m.end() + compiled.title_chars[1])
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def _may_name(word: str, names: NameRules) -> bool:
    return word not in names.stop_words and not is_title(word, names)


def _headline(sentence: str, compiled: PeopleRules) -> bool:
    """A title-case line: most of its words capitalised, and no full stop at its end."""
    words = _WORD.findall(sentence)
    if len(words) < compiled.headline_min_words or sentence.rstrip()[-1:] in ".!?":
        return False
    return sum(w[0].isupper() for w in words) >= compiled.headline_share * len(words)


# --- names and titles --------------------------------------------------------------------------

def _names_and_titles(toks: list[Tok], first: int, names: NameRules, compiled: PeopleRules, people: People,
                      lower_words: frozenset[str]) -> list[Found]:
    found: list[Found] = []
    i = 0
    while i < len(toks):
        run = name_from(toks, i, names) if toks[i].text[:1].isupper() else []
        if len(run) < 2:
            i += 1
            continue
        if len(run) > 2 and (run[0].low in compiled.openers or bare(run[0].low, names) in lower_words):
            # "Yesterday Jo Lee spoke", "Investigators Jo Lee said": a common word before a name.
            i += 1
            continue
        if run[0].start == first and run[0].low in compiled.openers:
            i += 1
            continue
        if _person(toks, i, run, names, compiled, lower_words):
            name = people.full_name(joined(run, names)) if len(run) == 1 else joined(run, names)
            found.append(Found("name", run[0].start, _end(run, names), NameValue(name, Entity.PERSON)))
            found += _titles(toks, i, i + len(run), name, names, compiled)
        i += len(run)
    return found


def _end(run: list[Tok], names: NameRules) -> int:
    last = run[-1]
    return last.start + len(bare(last.text, names))


def _person(toks: list[Tok], i: int, run: list[Tok], names: NameRules, compiled: PeopleRules,
            lower_words: frozenset[str]) -> bool:
    """Whether a run of name words names a person."""
    words = [t for t in run if t.low.rstrip(".") not in compiled.suffixes]
    shortest, longest = compiled.name_words
    if not shortest <= len(words) <= longest or is_organisation(run, names):
        return False
    if any(bare(t.low, names) in compiled.place_words for t in run):
        return False
    # A word the source also writes in lower case is a common word capitalised ("Police Say").
    if any(bare(t.low, names) in lower_words for t in words if len(t.text) > 2 or not t.text.endswith(".")):
        return False
    # "National Football League (NFL)": an organisation spelled out before its acronym.
    j = i + len(run)
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].text.isupper() and toks[j + 2].text == ")":
        return False
    # "Bank of Central Lakes": the tail of a longer name.
    if i >= 2 and toks[i - 1].low in compiled.longer_name_joiners and toks[i - 2].text[:1].isupper():
        return False
    return True


def _titles(toks: list[Tok], i: int, j: int, person: str, names: NameRules, compiled: PeopleRules) -> list[Found]:
    """The titles stated right before a name or in an appositive right after it."""
    found: list[Found | None] = []
    # "Executive Director Jo Lee", "GBI spokeswoman Jo Lee", "Sen. Jo Lee"; and "the school's
    # principal, Jo Lee," with a comma between.
    k = i - 1
    if k >= 1 and toks[k].text == "," and toks[k - 1].low not in compiled.courtesy:
        k -= 1
    title = _title_back(toks, k, names)
    if title:
        found.append(_title(title, person, compiled))
    # "Jo Lee, the finance director of the fund," / "Jo Lee, a spokeswoman for the city,"
    if j + 1 < len(toks) and toks[j].text == ",":
        k = j + 1
        if toks[k].low in compiled.link_words:
            k += 1
        # "Jo Lee, ACME finance director," / "Jo Lee, the school's principal,": the employer first.
        skipped = 0
        while (k < len(toks) and skipped < compiled.employer_words and toks[k].text[:1].isalpha()
               and not _is_title_tok(toks[k], names)):
            k, skipped = k + 1, skipped + 1
        title = _title_forward(toks, k, names)
        ends = k + len(title)
        if title and (ends >= len(toks) or not toks[ends].text[:1].isalpha() or toks[ends].low in names.function_words):
            found.append(_title(title, person, compiled))
    return [f for f in found if f is not None]


def _is_title_tok(tok: Tok, names: NameRules) -> bool:
    return tok.text[:1].isalpha() and is_title(tok.low, names)


def _title_back(toks: list[Tok], k: int, names: NameRules) -> list[Tok]:
    run: list[Tok] = []
    while k >= 0:
        if toks[k].text == "." and k >= 1 and _is_title_tok(toks[k - 1], names):
            k -= 1  # the period of an abbreviated title ("Sen.")
            continue
        if not _is_title_tok(toks[k], names):
            break
        run.insert(0, toks[k])
        k -= 1
    return run


def _title_forward(toks: list[Tok], k: int, names: NameRules) -> list[Tok]:
    run: list[Tok] = []
    while k < len(toks) and _is_title_tok(toks[k], names):
        run.append(toks[k])
        k += 1
    return run


def _title(run: list[Tok], person: str, compiled: PeopleRules) -> Found | None:
    words = [t.low for t in run]
    if all(w in compiled.courtesy for w in words):
        return None
    return Found("title", run[0].start, run[-1].end, TitleValue(" ".join(words), person))


# --- ages --------------------------------------------------------------------------------------

def _ages(prepared: Prepared, compiled: PeopleRules, names: NameRules, people: People,
          sentences: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[Found]:
    view = prepared.view
    found = []
    for m in (m for s_start, s_end in sentences for m in compiled.age.finditer(view, s_start, s_end)):
        # The person stands in the age's own sentence.
        start, end = prepared.sentence_at(m.start())
        if m.group("decade"):
            low, high = compiled.decade_parts.get((m.group("part") or "").lower(), (0, 9))
            decade = int(m.group("decade"))
            person = _named_before(view, m.start(), start, compiled, names, people) \
                if _ends_appositive(view, m.end(), end, compiled, names) else None
            value = Quantity(None, Qualifier.RANGE, decade + low, decade + high, unit="years", person=person)
            found.append(Found("age", m.start(), m.end(), value))
            continue
        if m.group("range"):
            # A group's ages ("the climbers, aged between 19 and 24"): a range that is nobody's alone.
            low, high = (int(n) for n in re.findall(r"\d+", m.group("range"))[:2])
            if 0 < low < high <= compiled.oldest:
                found.append(Found("age", m.start(), m.end(),
                                   Quantity(None, Qualifier.RANGE, low, high, unit="years", person=None)))
            continue
        written = m.group("after") or m.group("before")
        amount = int(written) if written.isdigit() else compiled.number_words.get(written.lower())
        if amount is None or not 0 < amount <= compiled.oldest:
            continue
        if m.group("after") and qualifies_thing(view, m.end(), end, compiled.aged, names):
            continue  # "the 40-year-old law": how old a thing is, a measure (`_thing_ages`)
        # "54-year-old Jo Lee, 42-year-old Ann Roe": a name right after the phrase is its person,
        # before the one the comma sets it after.
        person = _named_after(view, m.end(), end, compiled, names, people) \
            or (_named_before(view, m.start(), start, compiled, names, people)
                if _ends_appositive(view, m.end(), end, compiled, names) else None)
        found.append(Found("age", m.start(), m.end(), _age(amount, person)))
    for m in (m for s_start, s_end in sentences for m in compiled.appositive_age.finditer(view, s_start, s_end)):
        start, end = prepared.sentence_at(m.start())
        amount = int(m.group("n"))
        person = _named_before(view, m.start(), start, compiled, names, people, comma=False)
        if person and 0 < amount <= compiled.oldest:
            found.append(Found("age", m.start("n"), m.end("n"), _age(amount, person)))
    return found


def _thing_ages(prepared: Prepared, rules: RuleSet) -> list[Found]:
    """How old the things are that age phrases qualify, as measures ("the 600-year-old abbey")."""
    compiled = duration_rules(rules)
    if compiled is None:
        return []
    return [Found("measure", f.start, f.end, f.value)
            for f in find_thing_ages(prepared.view, prepared.sentences, compiled)]


def _age(amount: int, person: str | None) -> Quantity:
    return Quantity(amount, Qualifier.EXACT, amount, amount, unit="years", person=person)


def _named_before(view: str, at: int, floor: int, compiled: PeopleRules, names: NameRules, people: People,
                  comma: bool = True) -> str | None:
    """The person named right before `at`: "Jo Lee, 22-year-old", "Jo Lee, a 22-year-old", "Jo Lee, 45,"."""
    toks = tokens(view, max(floor, at - compiled.near_chars), at, names)
    k = len(toks) - 1
    if comma:
        if k >= 0 and toks[k].low in compiled.link_words:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        k -= 1
    run = name_before(toks, k, names) if k >= 0 else []
    i = k - len(run)
    # "According to Sheriff Ann Roe, a 47-year-old man ...": the name a quotation is attributed to
    # (titles between) is not what the age describes.
    j = i
    while j >= 0 and _is_title_tok(toks[j], names):
        j -= 1
    if any(tuple(t.low for t in toks[j + 1 - len(words):j + 1]) == words for words in names.speaker_after):
        return None
    return _as_person(run, names, people, compiled)


def _ends_appositive(view: str, at: int, ceiling: int, compiled: PeopleRules, names: NameRules) -> bool:
    """Whether an age phrase closes an appositive.

    "Jo Lee, a 31-year-old nurse, said" and "Jo Lee, 45." do; "Jo Lee, the 17-year-old had fled" does not.
    """
    toks = tokens(view, at, min(ceiling, at + compiled.near_chars), names)
    if not toks or not toks[0].text[:1].isalpha():
        return True
    return len(toks) == 1 or not toks[1].text[:1].isalnum() or toks[1].low in compiled.end_words


def _named_after(view: str, at: int, ceiling: int, compiled: PeopleRules, names: NameRules,
                 people: People) -> str | None:
    """The person named right after an age phrase: "22-year-old Jo Lee", "a 17-year-old boy, Jo Lee,"."""
    toks = tokens(view, at, min(ceiling, at + compiled.near_chars), names)
    k = 0
    if len(toks) > 2 and toks[0].text.islower() and toks[1].text == ",":
        k = 2
    return _as_person(name_from(toks, k, names), names, people, compiled)


def _as_person(run: list[Tok], names: NameRules, people: People, compiled: PeopleRules) -> str | None:
    """The person a run of name words names, if it names one ("Yesterday" and the like left out)."""
    while run and run[0].low in compiled.openers:
        run = run[1:]
    if not run or is_organisation(run, names) or len(run) > compiled.name_words[1]:
        return None
    name = joined(run, names)
    return people.full_name(name) if people.is_person(name) else None


# --- acronyms ----------------------------------------------------------------------------------

def _acronyms(prepared: Prepared, compiled: PeopleRules, quoted: list[tuple[int, int]]) -> list[Found]:
    view, text = prepared.view, prepared.source.text
    found: dict[str, Found] = {}
    starts, ends = merged(quoted)
    for m in compiled.acronym.finditer(view, prepared.start, prepared.end):
        acronym = m.group()
        if acronym.lower() in compiled.not_acronyms or _shouting(view, m.start(), m.end(), compiled):
            continue
        after = text[m.end():m.end() + 12].lstrip()
        sic = any(p.match(after) for p in compiled.sic)
        k = bisect.bisect_right(starts, m.start()) - 1
        inside = k >= 0 and m.start() < ends[k]
        if acronym in found:
            if sic and not found[acronym].value.sic:  # type: ignore[union-attr]
                found[acronym] = Found("name", m.start(), m.end(), NameValue(
                    acronym, Entity.ORGANISATION, _long_form(view, m, compiled), sic, inside))
            continue
        found[acronym] = Found("name", m.start(), m.end(),
                               NameValue(acronym, Entity.ORGANISATION, _long_form(view, m, compiled), sic, inside))
    return list(found.values())


def _shouting(view: str, start: int, end: int, compiled: PeopleRules) -> bool:
    """Part of a line in capitals ("BREAKING NEWS"), not an acronym: read on the line near it."""
    line_start = max(view.rfind("\n", max(0, start - compiled.near_chars), start) + 1, start - compiled.near_chars)
    line_end = view.find("\n", end, end + compiled.near_chars)
    line = view[line_start:line_end if line_end >= 0 else end + compiled.near_chars]
    letters = len(_WORD_CHARS.findall(line))
    capitals = len(_CAPITALS.findall(line))
    return letters > 2 * (end - start) and capitals > compiled.capitals_share * letters


def _long_form(view: str, m: re.Match[str], compiled: PeopleRules) -> str | None:
    """The spelled-out name right before "(ACRONYM)", if its capitals spell the acronym."""
    before = compiled.long_form.search(view, max(0, m.start() - 120), m.start())
    if before is None or view[m.end():m.end() + 1] != ")":
        return None
    words = before.group(1).split()
    # The name may open with words the acronym leaves out ("U.S. Office of ..."): keep its tail.
    for k in range(len(words)):
        if words[k][0].isupper() and "".join(w[0] for w in words[k:] if w[0].isupper()) == m.group():
            return " ".join(words[k:])
    return None
