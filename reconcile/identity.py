"""Who is who across sources: people by name, organisations by acronym, and how names differ.

Names, titles and ages that name a person are grouped by the person, not by the fuzzy
context matching of `align`: two mentions are one person when their surnames are the same or
one letter apart (another outlet's spelling) and their given names agree, one is an initial
of the other, one goes by the other (a nickname in the `people` rules), or, across sources,
they are spelled nearly alike. Two people with one surname ("Jo Lee", "Ann Lee") stay apart,
and an initial ("J. Lee") joins a person only where it can stand for one alone.

Acronyms group by spelling; one that few sources write, one swap or one letter away from an
acronym many more sources write (or spell out), joins that organisation's group as a possible
misspelling; short acronyms only where the odd form is marked [sic] or stands in a quotation.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from .model import Claim, Entity, Kind, NameValue, Quantity, TitleValue
from .rules import RuleSet

# Kinds grouped here rather than by context.
PEOPLE_KINDS = frozenset({Kind.NAME, Kind.TITLE})


@dataclass(frozen=True, slots=True)
class IdentityRules:
    """The `people` rules that tell names and titles apart, compiled."""

    # Each given name -> the names it may stand for or be stood for by (itself included).
    related: dict[str, frozenset[str]]
    formal: frozenset[str]
    suffixes: frozenset[str]
    titles: dict[str, str]
    substitution_letters: int
    misspelling_ratio: int
    acronym_plurals: tuple[str, ...]
    given_similarity: float
    surname_similarity: float
    spelling_min_letters: int


@lru_cache(maxsize=8)
def identity_rules(rules: RuleSet) -> IdentityRules:
    """Compile the identity part of the `people` rules (cached per rule set)."""
    data = rules.of_type("people")
    related: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in (data.get("nicknames") or {}).items():
        family = {_fold(str(formal)), *(_fold(str(s)) for s in shorts or ())}
        for name in family:
            related[name] |= family
    titles = {}
    for synonyms in data.get("title_synonyms") or ():
        canonical = _fold(str(synonyms[0]))
        titles.update({_fold(str(s)): canonical for s in synonyms})
    return IdentityRules(
        related={k: frozenset(v) for k, v in related.items()},
        formal=frozenset(_fold(str(f)) for f in data.get("nicknames") or ()),
        suffixes=frozenset(_fold(str(s)) for s in data.get("name_suffixes") or ()),
        titles=titles,
        substitution_letters=int(data["substitution_letters"]),
        misspelling_ratio=int(data["misspelling_ratio"]),
        acronym_plurals=tuple(str(e) for e in data.get("acronym_plurals") or ()),
        given_similarity=float(data["given_name_similarity"]),
        surname_similarity=float(data["surname_similarity"]),
        spelling_min_letters=int(data["spelling_min_letters"]),
    )


def _fold(text: str) -> str:
    """Lower case without accents, periods or hyphens, so that spellings compare alike.

    "José" and "Jose", "J." and "j", "Jean-Luc" and "Jean Luc".
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().replace(".", " ").replace("-", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def parts(name: str, compiled: IdentityRules) -> tuple[tuple[str, ...], str]:
    """A person's given names and surname, folded; a suffix ("Jr.") is neither."""
    words = [w for w in _fold(name).replace(",", " ").split() if w not in compiled.suffixes]
    if not words:
        return (), ""
    return tuple(words[:-1]), words[-1]


def given_relation(a: str, b: str, compiled: IdentityRules) -> str | None:
    """How two given names relate: "same", "initial", "nickname", "spelling", or None."""
    if a == b:
        return "same"
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return "initial"
    if b in compiled.related.get(a, ()):
        # "Tommy" for "Thomas" is a nickname; "Tommy" and "Tommie" are one nickname spelled two ways.
        return "nickname" if a in compiled.formal or b in compiled.formal else "spelling"
    if len(a) > 1 and len(b) > 1 and a[0] == b[0] and JaroWinkler.similarity(a, b) >= compiled.given_similarity:
        return "spelling"
    return None


def surname_relation(a: str, b: str, compiled: IdentityRules) -> str | None:
    """"same", "spelling" (one edit apart in a name of four letters or more, or nearly alike), or None."""
    if a == b:
        return "same"
    if min(len(a), len(b)) >= compiled.spelling_min_letters and (OSA.distance(a, b) <= 1
                                      or JaroWinkler.similarity(a, b) >= compiled.surname_similarity):
        return "spelling"
    return None


def same_person(a: str, b: str, compiled: IdentityRules, *, spelling: bool = True) -> bool:
    """Whether two names may be one person; `spelling` allows names spelled differently."""
    (given_a, surname_a), (given_b, surname_b) = parts(a, compiled), parts(b, compiled)
    surname = surname_relation(surname_a, surname_b, compiled)
    if surname is None or (surname == "spelling" and not spelling):
        return False
    if not given_a or not given_b:
        return True
    given = given_relation(given_a[0], given_b[0], compiled)
    return given is not None and (spelling or given != "spelling")


def persons(claims: Iterable[Claim], compiled: IdentityRules) -> dict[tuple[str, str], int]:
    """Each (source, person name) of the claims -> the number of the person it names in the story.

    Full names link first (across sources spelled differently too, within a source only as
    spelled or by nickname); a name whose given name is an initial, or missing, joins the one
    person it can stand for, and stays alone where it could stand for two. Two names one source
    tells apart ("Maria" and "Mario") never end up one person through a third. Only names
    whose surnames share a key (the surname, and the surname less any one letter: one edit
    apart) and whose given names share a first letter or a nickname family are compared, so a
    story of thousands of names is not compared pair by pair.
    """
    mentions = sorted({(c.source, name) for c in claims for name in _people_of(c)})
    split = {m: parts(m[1], compiled) for m in mentions}
    full = [m for m in mentions if len(next(iter(split[m][0]), "")) > 1]
    parent = list(range(len(mentions)))
    members: dict[int, list[tuple[str, str]]] = {i: [m] for i, m in enumerate(mentions)}
    blocks: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for m in full:
        given = split[m][0][0]
        initials = sorted({given[0], *(name[0] for name in compiled.related.get(given, ()))})
        for key in _one_edit_keys(split[m][1]):
            for initial in initials:
                blocks[(key, initial)].append(m)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = find(index[a]), find(index[b])
        if ra == rb or any(x[0] == y[0] and not same_person(x[1], y[1], compiled, spelling=False)
                           for x in members[ra] for y in members[rb]):
            return
        parent[rb] = ra
        members[ra].extend(members.pop(rb))

    index = {m: i for i, m in enumerate(mentions)}
    compared: set[tuple[int, int]] = set()
    # Blocks in a fixed order: which names join first must not depend on string hashing.
    for _, block in sorted(blocks.items()):
        for x, a in enumerate(block):
            for b in block[x + 1:]:
                pair = (index[a], index[b])
                if pair not in compared:
                    compared.add(pair)
                    if same_person(a[1], b[1], compiled, spelling=a[0] != b[0]):
                        join(a, b)
    full_set = set(full)
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in full:
        by_surname[split[m][1]].append(m)
    for m in mentions:
        if m in full_set:
            continue
        # A surname alone or after an initial is spelled as written.
        roots = {find(index[f]) for f in by_surname.get(split[m][1], ())
                 if same_person(m[1], f[1], compiled, spelling=False)}
        if len(roots) == 1:
            join(m, mentions[roots.pop()])
    return {m: find(index[m]) for m in mentions}


def _one_edit_keys(word: str) -> list[str]:
    """The word and each form of it less one letter: words one edit (or swap) apart share one."""
    return sorted({word, *(word[:k] + word[k + 1:] for k in range(len(word)))})


def _people_of(claim: Claim) -> list[str]:
    value = claim.value
    if isinstance(value, NameValue) and value.entity is Entity.PERSON:
        return [value.name]
    if isinstance(value, TitleValue):
        return [value.person]
    if isinstance(value, Quantity) and value.person:
        return [value.person]
    return []


def person_of(claim: Claim) -> str | None:
    """The person a name, title or age claim is about, if it names one."""
    found = _people_of(claim)
    return found[0] if found else None


def group_people(claims: tuple[Claim, ...], rules: RuleSet) -> tuple[list[tuple[Claim, ...]], list[Claim]]:
    """Names and titles, and ages that name their person, grouped by whom they are about.

    Returns the groups and the claims left for `align` (every other claim, ages of nobody named).
    """
    compiled = identity_rules(rules)
    mine = [c for c in claims if c.kind in PEOPLE_KINDS or (c.kind is Kind.AGE and person_of(c))]
    taken = {c.id for c in mine}
    rest = [c for c in claims if c.id not in taken]
    who = persons(mine, compiled)
    groups: dict[tuple[str, object], list[Claim]] = defaultdict(list)
    for claim in mine:
        value = claim.value
        if isinstance(value, NameValue) and value.entity is Entity.ORGANISATION:
            groups[("org", value.name)].append(claim)
        else:
            groups[(claim.kind.value, who[(claim.source, person_of(claim) or "")])].append(claim)
    _misspelled_acronyms(groups, compiled)
    position = {c.id: n for n, c in enumerate(claims)}
    return [tuple(sorted(g, key=lambda c: position[c.id])) for g in groups.values() if g], rest


def _misspelled_acronyms(groups: dict[tuple[str, object], list[Claim]], compiled: IdentityRules) -> None:
    """Move an acronym few sources write into the group of the acronym it may misspell.

    1. The odd form is one swap or one letter from the usual one, and is not spelled out
       itself (then it names an organisation of its own).
    2. The usual form is the story's: at least `misspelling_ratio` times as many sources write
       it (spelling it out counts as one more source).
    3. Short acronyms one slip apart are too often two bodies ("NBA", "NAB"): there the odd
       form must be marked [sic] or stand in a quotation, where an outlet prints another's
       slip as written.
    4. A source that writes both forms names two bodies ("LAPD and LAFD", "UNHCR and UNHRC"),
       unless it marked the odd one [sic] or prints it only in a quotation while its own words
       use the other.
    A plural ("NGOS" beside "NGO") is the same name, never a slip.
    Of several usual forms within reach, none is chosen.
    """
    acronyms = {str(key[1]): members for key, members in groups.items() if key[0] == "org"}
    sources = {name: {c.source for c in members} for name, members in acronyms.items()}
    spelled_out = {name for name, members in acronyms.items() if any(_long_form(c) for c in members)}
    near: dict[str, set[str]] = defaultdict(set)
    for name in acronyms:
        for key in _one_edit_keys(name):
            near[key].add(name)

    def attested(name: str) -> int:
        return len(sources[name]) + (name in spelled_out)

    for rare, members in sorted(acronyms.items(), key=lambda item: (len(sources[item[0]]), item[0])):
        if not members or rare in spelled_out:
            continue
        marked = any(isinstance(c.value, NameValue) and c.value.sic for c in members)
        quoted = any(_quoted(c) for c in members)
        candidates = {other for key in _one_edit_keys(rare) for other in near[key]} - {rare}
        usual = []
        for other in sorted(candidates):
            if OSA.distance(rare, other) != 1 or _plural(rare, other, compiled):
                continue
            long = min(len(rare), len(other)) >= compiled.substitution_letters
            if (marked or quoted or long) and attested(other) >= compiled.misspelling_ratio * len(sources[rare]) \
                    and (marked or not any(_both(c, acronyms[other]) for c in members)):
                usual.append(other)
        if len(usual) == 1:
            groups[("org", usual[0])].extend(members)
            members.clear()


def _plural(a: str, b: str, compiled: IdentityRules) -> bool:
    """Whether one acronym is the other with a plural ending ("NGOS", "NGO")."""
    short, long = sorted((a, b), key=len)
    return any(long == short + ending for ending in compiled.acronym_plurals)


def _quoted(claim: Claim) -> bool:
    return isinstance(claim.value, NameValue) and claim.value.quoted


def _both(claim: Claim, others: list[Claim]) -> bool:
    """Whether the claim's source writes the other form too, other than as the quoted's slip."""
    theirs = [o for o in others if o.source == claim.source]
    return bool(theirs) and (not _quoted(claim) or any(_quoted(o) for o in theirs))


def _long_form(claim: Claim) -> str | None:
    return claim.value.long_form if isinstance(claim.value, NameValue) else None


def name_difference(a: str, b: str, compiled: IdentityRules) -> str:
    """How two spellings of one person's name differ: "compatible" or "spelling".

    An initial, a nickname for the formal name, or a name left out is compatible.
    """
    (given_a, surname_a), (given_b, surname_b) = parts(a, compiled), parts(b, compiled)
    if surname_a != surname_b:
        return "spelling"
    if not given_a or not given_b:
        return "compatible"
    relation = given_relation(given_a[0], given_b[0], compiled)
    if relation in (None, "spelling"):
        return "spelling"
    # Middle names: one left out, or an initial for the other, is only less precise.
    for x, y in zip(given_a[1:], given_b[1:], strict=False):
        if given_relation(x, y, compiled) not in ("same", "initial"):
            return "spelling"
    return "compatible"


def canonical_title(title: str, compiled: IdentityRules) -> tuple[str, ...]:
    """A title's words with synonyms made one ("spokeswoman" and "spokesman" alike)."""
    folded = _fold(title)
    if folded in compiled.titles:
        return (compiled.titles[folded],)
    return tuple(compiled.titles.get(w, w) for w in folded.split())


def titles_agree(a: str, b: str, compiled: IdentityRules) -> str | None:
    """"same", "compatible" (one holds the other: "director", "executive director") or None."""
    x, y = canonical_title(a, compiled), canonical_title(b, compiled)
    if x == y:
        return "same"
    if set(x) <= set(y) or set(y) <= set(x):
        return "compatible"
    return None
