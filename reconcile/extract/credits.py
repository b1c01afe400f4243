"""Whom a source credits for what it reports: another news organisation, or unnamed sources.

A sentence that passes its facts on (`according to the Valley Herald`, `Metro News reported`,
`he told XTV`) credits every claim in it to that organisation; one that gives them to unnamed
sources (`people familiar with the matter said`) makes them anonymous. A dateline (`CITY (XYZ)
-`) credits the whole article. A name counts as a news organisation's only where the rules or
the story say so: a word of its name (`Herald`, `News`), a descriptor before it (`the news
agency XYZ`), a bare acronym, the dateline, the outlets of the story's sources, or the rules'
list. `the newspaper` and the like name the organisation credited last before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..rules import RuleSet
from ..text import UPPER, Prepared

_SPACE = r"[^\S\r\n]+"
# A word of a name: capitalised, with dots only inside it ("A.P"), so a stop ends the name.
_CAP = rf"(?:[{UPPER}][\w&'\u2019-]*(?:\.[\w&'\u2019-]+)*|\d+[{UPPER}][\w-]*)"
_ACRONYM = re.compile(rf"[{UPPER}](?:\.?[{UPPER}]){{1,5}}\.?")


@dataclass(frozen=True, slots=True)
class Credit:
    """What a stretch of text credits: an organisation's name, or unnamed sources (`org` None)."""

    start: int
    end: int
    org: str | None


@dataclass(frozen=True, slots=True)
class CreditRules:
    """The `credits` rules, compiled."""

    frames: re.Pattern[str]
    anonymous: re.Pattern[str] | None
    appositives: re.Pattern[str] | None
    descriptor_before: re.Pattern[str] | None
    datelines: tuple[re.Pattern[str], ...]
    name_words: frozenset[str]
    not_name_words: frozenset[str]
    back_references: frozenset[str]
    organisations: frozenset[str]
    articles: frozenset[str]
    joiners: frozenset[str]
    possessive: re.Pattern[str] | None
    # The frames' groups where a bare acronym may stand for a news organisation.
    any_name: frozenset[int]  # the frames (by number) any organisation may stand in
    triage: re.Pattern[str]
    # What makes a sentence's "X said" worth reading: a news word, a descriptor or a back reference.
    newsy: re.Pattern[str]


@lru_cache(maxsize=8)
def credit_rules(rules: RuleSet) -> CreditRules | None:
    """Compile the `credits` rules (cached per rule set); None where the pack has none."""
    data = rules.of_type("credits")
    if not data.get("frames"):
        return None
    text, dates = rules.of_type("text"), rules.of_type("dates")
    most = int(data["name_words_max"])
    joiners = [str(j) for j in data.get("name_joiners") or ()]
    joined = f"|{'|'.join(map(re.escape, joiners))}" if joiners else ""
    endings = sorted((str(e) for e in data.get("possessive_endings") or ()), key=len, reverse=True)
    articles = sorted({str(a).lower() for a in data.get("articles") or ()}, key=len, reverse=True)
    article = f"(?:(?i:{'|'.join(map(re.escape, articles))}){_SPACE})?" if articles else ""
    name = rf"{article}{_CAP}(?:{_SPACE}(?:{_CAP}{joined})){{0,{most - 1}}}"
    back = sorted((str(b) for b in data.get("back_references") or ()), key=len, reverse=True)
    descriptors = sorted((str(d) for d in data.get("descriptors") or ()), key=len, reverse=True)
    described_name = f"(?i:{'|'.join(_phrase(d) for d in descriptors)})" if descriptors else ""
    slot = f"(?:{name}|(?i:{'|'.join(_phrase(b) for b in back)}))" if back else name
    # A descriptor may stand between a frame and the name: "told broadcaster Radio Nord".
    described_slot = f"(?:{described_name}{_SPACE})?" if descriptors else ""
    # A group per frame. In `frames` any organisation may stand; in `news_frames` only a name the
    # rules or the story know as news (not a bare acronym: "XYZ said" is any body's statement).
    frames = [str(f) for f in data["frames"]]
    sized: list[tuple[int, str]] = []
    # Where a frame can start: on its first word, or on a name (a capital, a digit, an article,
    # a back reference, a descriptor). Every other word fails there at once, before the
    # alternatives are tried on it.
    firsts = {w.split()[0].lower() for w in [*articles, *back, *descriptors] if w.split()}
    # Frames that open on the name ("{org} reported") share one reading of it: the name is read
    # once, then the words after it tried, rather than read again for each such frame.
    named: list[tuple[int, str]] = []
    small = {str(w).lower() for w in text.get("function_words") or ()}
    anchors: set[str] = set()
    news_anchors: set[str] = set()
    for k, frame in enumerate([*frames, *(str(f) for f in data.get("news_frames") or ())]):
        before, _, after = frame.partition("{org}")
        (anchors if k < len(frames) else news_anchors).add(_anchor(before + " " + after, small))
        if not before.strip():
            named.append((len(frame), f"(?P<a{k}>{_literal(after)})"))
            continue
        firsts.update(before.lower().split()[:1])
        sized.append((len(frame), f"(?:{_literal(before)}{described_slot}(?P<f{k}>{slot}){_literal(after)})"))
    if named:
        afters = "|".join(a for _, a in sorted(named, key=lambda a: -a[0]))
        sized.append((0, f"(?:{described_slot}(?P<named>{slot})(?:{afters}))"))
    # The longer frame first where two start alike: "according to the {org} report" before "according to {org}".
    alternatives = [a for _, a in sorted(sized, key=lambda a: -a[0])]
    anonymous = [str(a) for a in data.get("anonymous") or ()]
    described = f"(?i:\\b(?:{'|'.join(_phrase(d) for d in descriptors)}))" if descriptors else None
    plain = {str(w).lower() for w in [*(text.get("function_words") or ()), *(dates.get("months") or {}),
                                      *(dates.get("weekdays") or {}), *(data.get("not_name_words") or ())]}
    triage = {"frames": anchors - {""}, "news": news_anchors - anchors - {""},
              "anonymous": {_anchor(a, small) for a in anonymous} - {""},
              "appositives": {_anchor(d, small) for d in descriptors} - {""}}
    return CreditRules(
        # Which sentences to read for what: a frame's, an unnamed source's or a descriptor's word
        # (a word starting with none of their letters fails at once).
        triage=re.compile(rf"\b(?=[{_class(w[:1] for group in triage.values() for w in group)}])(?i:"
                          + "|".join(f"(?P<{name}>{_words(words) or '(?!)'})" for name, words in triage.items())
                          + r")(?!\w)"),
        newsy=re.compile(rf"\b(?:{_words(str(w) for w in data.get('name_words') or ()) or '(?!)'})\b|(?i:\b(?:"
                         rf"{_words({_anchor(w, small) for w in [*descriptors, *back]} - {''}) or '(?!)'})\b)"),
        frames=re.compile(rf"(?<![\w])(?=[{UPPER}\d]|(?i:{_words(firsts)})(?!\w))(?:" + "|".join(alternatives)
                          + r")(?![\w])"),
        anonymous=re.compile(rf"\b(?=(?i:{_words({a.split()[0] for a in anonymous if a.split()})})\b)"
                             rf"(?i:(?:{'|'.join(_phrase(a) for a in anonymous)})\b)") if anonymous else None,
        appositives=re.compile(rf"(?=[{_class({d[:1] for d in descriptors})}]){described},?{_SPACE}(?P<org>{name})")
        if described else None,
        descriptor_before=re.compile(rf"{described}[,]?{_SPACE}$") if described else None,
        datelines=tuple(re.compile(str(p)) for p in data.get("datelines") or ()),
        name_words=frozenset(str(w) for w in data.get("name_words") or ()),
        not_name_words=frozenset(plain),
        back_references=frozenset(b.lower() for b in back),
        organisations=frozenset(name_key(str(o), frozenset(articles)) for o in data.get("organisations") or ()),
        articles=frozenset(articles),
        joiners=frozenset(joiners),
        possessive=re.compile(f"(?:{'|'.join(map(re.escape, endings))})$") if endings else None,
        any_name=frozenset(range(len(frames))),
    )


def _class(letters: Iterable[str]) -> str:
    """The letters, in both cases, as the inside of a character class."""
    return "".join(sorted({re.escape(c) for letter in letters if letter for c in (letter.lower(), letter.upper())}))


def _anchor(phrase: str, small: set[str]) -> str:
    """The word a phrase is found by: its longest that is no small word (its longest, if all are)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", phrase)]
    return max([w for w in words if w not in small] or words or [""], key=len)


def _words(words: Iterable[str]) -> str:
    """An alternation of words, the longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _phrase(words: str) -> str:
    return _SPACE.join(re.escape(w) for w in words.split())


def _literal(part: str) -> str:
    """A frame's words around the name: any case, any run of spaces between them."""
    words = part.split()
    if not words:
        return ""
    body = f"(?i:{_phrase(part.strip())})"
    # The frame's own comma hugs the name ("{org}, which"); a space parts them otherwise.
    lead = "" if part.startswith(",") else _SPACE if part[:1].isspace() else ""
    trail = _SPACE if part[-1:].isspace() else ""
    return f"{lead}{body}{trail}"


def name_key(name: str, articles: frozenset[str]) -> str:
    """How names of one organisation are matched: no leading article, case and spacing folded."""
    words = name.split()
    if words and words[0].lower() in articles:
        words = words[1:]
    return " ".join(words).casefold()


def find_credits(prepared: Prepared, rules: RuleSet,
                 outlets: Iterable[str] = ()) -> tuple[list[Credit], Credit | None]:
    """The credits of a source's text, in text order, and the organisation its dateline credits.

    `outlets` are the names the story's sources are published under: news organisations all.
    """
    compiled = credit_rules(rules)
    if compiled is None:
        return [], None
    view, start, end = prepared.view, prepared.start, prepared.end
    read = _triage(prepared, compiled)
    known = set(compiled.organisations) | {name_key(o, compiled.articles) for o in outlets if o}
    dateline = None
    for pattern in compiled.datelines:
        found = pattern.match(view, start, end)
        if found:
            dateline = Credit(found.start(), found.end(), " ".join(found.group("org").split()))
            known.add(name_key(dateline.org or "", compiled.articles))
            break
    if compiled.appositives is not None:
        known |= {name_key(_trimmed(m.group("org"), compiled), compiled.articles)
                  for m in _within(prepared, read["appositives"], compiled.appositives)}
    credits: list[Credit] = []
    last = dateline.org if dateline else None
    # A frame only news may stand in ("X said") is read where the sentence names news at all.
    folded = [k for k in known if k]
    news = [(s, e) for s, e in read["news"] if compiled.newsy.search(view, s, e)
            or any(k in view[s:e].casefold() for k in folded)]
    for match in _within(prepared, sorted({*read["frames"], *news}), compiled.frames):
        matched = [g for g, v in match.groupdict().items() if v is not None]
        group = "named" if "named" in matched else matched[0]
        frame = int(next(g for g in matched if g != "named")[1:])
        name_start = match.start(group)
        said = " ".join(match.group(group).split())
        if said.lower() in compiled.back_references:
            if last is not None:
                credits.append(Credit(match.start(), match.end(), last))
            continue
        said = _trimmed(said, compiled)
        if said and _is_news(said, view[max(start, name_start - 40):name_start], known, compiled,
                             acronym=frame in compiled.any_name):
            credits.append(Credit(match.start(), match.end(), said))
            last = said
    if compiled.anonymous is not None:
        credits += [Credit(m.start(), m.end(), None)
                    for m in _within(prepared, read["anonymous"], compiled.anonymous)]
    return sorted(credits, key=lambda c: (c.start, c.end)), dateline


def _triage(prepared: Prepared, compiled: CreditRules) -> dict[str, list[tuple[int, int]]]:
    """The sentences each pattern is read in: those holding its words (one pass over the text)."""
    read: dict[str, list[tuple[int, int]]] = {"frames": [], "news": [], "anonymous": [], "appositives": []}
    for hit in compiled.triage.finditer(prepared.view, prepared.start, prepared.end):
        spans = read[hit.lastgroup or ""]
        span = prepared.sentence_at(hit.start())
        if not spans or spans[-1] != span:
            spans.append(span)
    return read


def _within(prepared: Prepared, spans: list[tuple[int, int]], pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """A pattern's matches in these sentences, in text order, none read twice."""
    done = prepared.start
    for s_start, s_end in spans:
        if s_end > done:
            yield from pattern.finditer(prepared.view, max(s_start, done), s_end)
            done = s_end


def _trimmed(name: str, compiled: CreditRules) -> str:
    """The name without words before it that open a sentence, or joiners after it."""
    words = name.split()
    while words and words[0].lower() in compiled.not_name_words and words[0].lower() not in compiled.articles:
        words.pop(0)
    while words and words[-1].lower() in compiled.joiners:
        words.pop()
    return " ".join(words)


def _is_news(name: str, before: str, known: set[str], compiled: CreditRules, *, acronym: bool) -> bool:
    """Whether a name standing in a frame is a news organisation's, by the rules or the story."""
    core = name.split()
    bare = core[0].lower() not in compiled.articles
    if not bare:
        core = core[1:]
    if name_key(name, compiled.articles) in known or any(_bare(w, compiled) in compiled.name_words for w in core):
        return True
    if acronym and bare and len(core) == 1 and _ACRONYM.fullmatch(core[0]):
        return True
    return compiled.descriptor_before is not None and compiled.descriptor_before.search(before) is not None


def _bare(word: str, compiled: CreditRules) -> str:
    """A word without a possessive ending ("Herald's" is "Herald")."""
    return compiled.possessive.sub("", word) if compiled.possessive else word


def credit_of(credits: list[Credit], starts: list[int], dateline: Credit | None, sentence: tuple[int, int],
              claim: tuple[int, int]) -> tuple[str | None, bool]:
    """(credited organisation, anonymous) for a claim standing at `claim` in this sentence.

    The sentence's own credit first, else the dateline's; unnamed sources make it anonymous
    whatever organisation relays them. The credit's own words (the organisation's name) are
    not credited to it.
    """
    k = bisect.bisect_left(starts, sentence[0])
    org, anonymous = None, False
    while k < len(credits) and credits[k].start < sentence[1]:
        credit = credits[k]
        k += 1
        if credit.start <= claim[0] and claim[1] <= credit.end:
            continue
        if credit.org is None:
            anonymous = True
        elif org is None:
            org = credit.org
    if org is None and dateline is not None and claim[0] >= dateline.end:
        org = dateline.org
    return org, anonymous
