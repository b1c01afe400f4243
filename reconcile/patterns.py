r"""Regular expressions that could backtrack catastrophically, found before they run.

Rule files hold regular expressions written by users and run over every line of text fed in.
The check reads Python's own parse of the pattern and refuses it when, inside a group that may repeat (`*`,
`+`, `{2,}`, `{n,m}` with m > 1),

- a repeat can stop in more than one place, because what may follow it (in the same pass of
  the group or the next) can start with a character it matches: `(a+)+`, `(\w*)*`, `(\w+\s?)*`;
- or two alternatives can match the same text, or one a prefix of the other that what follows
  may continue: `(x|x)*`, `(a|aa)+`.

Either way the engine can split a line that fails to match between the passes in
exponentially many ways, and tries them all. A repeat whose next character tells where it ends
is allowed: `(?:.*\n)*`, `(\w+\s+)*`, `.{0,200}`. The check errs on the side of refusing:
characters are compared in any case, on a sample (ASCII, Latin-1, the pattern's own characters
and a few of other scripts). Polynomial backtracking (`.*.*x`) is not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover (Python 3.10)
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]


# Sets of characters are unions of terms, each term the intersection of some character tests.

CharSet = frozenset[frozenset[tuple[Any, Any]]]
_ALL: CharSet = frozenset({frozenset()})
_NONE: CharSet = frozenset()
_NEWLINE: CharSet = frozenset({frozenset({(sre.LITERAL, 10)})})
_POSSESSIVE, _ATOMIC = getattr(sre, "POSSESSIVE_REPEAT", None), getattr(sre, "ATOMIC_GROUP", None)
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, _POSSESSIVE} - {None}
_CHARS = {sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN}
_CATEGORIES = {getattr(sre, f"CATEGORY_{name}"): re.compile(rx) for name, rx in (
    ("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"), ("WORD", r"\w"),
    ("NOT_WORD", r"\W"), ("LINEBREAK", r"\n"), ("NOT_LINEBREAK", r"[^\n]"))}
# Characters every set is tried on, besides the pattern's own: ASCII, Latin-1 and a few letters,
# digits, spaces and marks of other scripts.
_SAMPLE = "".join(map(chr, range(0x180))) + "\u0416\u4e2d\u0661\u00a0\u2028\u3000\u2019\u201c\u2026\u20ac"


class _Risk(Exception):
    pass


@lru_cache(maxsize=1024)
def backtracking_risk(pattern: str) -> str | None:
    """Why a pattern that compiles could backtrack catastrophically, or None if it cannot."""
    parsed = sre_parse.parse(pattern, 0)
    try:
        _Backtracking(parsed).walk_seq(parsed, _NONE, looped=False)
    except _Risk as risk:
        return str(risk)
    return None


def _children(op: Any, av: Any) -> list[Any]:
    if op in _REPEATS:
        return [av[2]]
    if op == sre.SUBPATTERN:
        return [av[3]]
    if op == sre.BRANCH:
        return list(av[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF_EXISTS):
        return [av[1], av[2] or []] if op == sre.GROUPREF_EXISTS else [av[1]]
    return [av] if op == _ATOMIC else []


def _nodes(items: Any) -> Iterator[tuple[Any, Any]]:
    for op, av in items:
        yield op, av
        for child in _children(op, av):
            yield from _nodes(child)


class _Backtracking:
    """One pattern's analysis: what each part may start with, and where a repeated part is ambiguous."""

    def __init__(self, parsed: Any):
        nodes = list(_nodes(parsed))
        # `.` is taken to match a newline if any part of the pattern turns DOTALL on.
        self.dotall = bool(parsed.state.flags & re.DOTALL) or any(
            op == sre.SUBPATTERN and av[1] & re.DOTALL for op, av in nodes)
        # Two ranges that overlap share an end, so a set's own characters and range ends decide.
        own = {av for op, av in nodes if op in (sre.LITERAL, sre.NOT_LITERAL)} | {
            c for op, av in nodes if op == sre.IN for kind, arg in av
            for c in (arg if kind == sre.RANGE else (arg,) if kind == sre.LITERAL else ())}
        sample = _SAMPLE + "".join(chr(c) for c in sorted(own) if c >= 0x180)
        # Each character with its other cases: sets are compared case-insensitively.
        self.sample = [{v for v in (c, c.lower(), c.upper()) if len(v) == 1} for c in sample]
        self.masks: dict[CharSet, int] = {}

    def chars(self, op: Any, av: Any) -> CharSet:
        if op == sre.ANY and self.dotall:
            return _ALL
        return frozenset({frozenset({(op, tuple(av) if op == sre.IN else av)})})

    def first(self, op: Any, av: Any, follow: CharSet) -> CharSet:
        """The characters matching may go on with at this item, given those that may follow it."""
        if op in _CHARS:
            return self.chars(op, av)
        if op in _REPEATS:
            again = self.first_seq(av[2], follow)
            return again | follow if av[0] == 0 else again
        if op == sre.AT:
            # `$` stands before a newline or at the end; `\Z` at the end only.
            return _NONE if av == sre.AT_END_STRING else _meet(follow, _NEWLINE) if av == sre.AT_END else follow
        if op == sre.ASSERT and av[0] == 1:
            return _meet(follow, self.first_seq(av[1], _ALL))
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            return follow
        if op in (sre.SUBPATTERN, sre.BRANCH, sre.GROUPREF_EXISTS, _ATOMIC):
            return frozenset().union(*(self.first_seq(child, follow) for child in _children(op, av)))
        return _ALL  # a back reference: anything

    def first_seq(self, items: Any, follow: CharSet) -> CharSet:
        for op, av in reversed(list(items)):
            follow = self.first(op, av, follow)
        return follow

    def overlap(self, a: CharSet, b: CharSet) -> bool:
        return bool(self.mask(a) & self.mask(b))

    def mask(self, chars: CharSet) -> int:
        """The sample characters in a set, as bits (worked out once per set)."""
        if chars not in self.masks:
            self.masks[chars] = sum(1 << n for n, cases in enumerate(self.sample) if any(
                all(any(_test(t, c) for c in cases) for t in term) for term in chars))
        return self.masks[chars]

    def walk_seq(self, items: Any, follow: CharSet, *, looped: bool) -> None:
        # From the end, so that each item knows what may follow it.
        for op, av in reversed(list(items)):
            self.walk(op, av, follow, looped=looped)
            follow = self.first(op, av, follow)

    def walk(self, op: Any, av: Any, follow: CharSet, *, looped: bool) -> None:
        """Raise _Risk where a part inside a repeated group can match one text in several ways."""
        if op in (_ATOMIC, _POSSESSIVE):
            # Once matched, an atomic group or a possessive repeat never gives any back: only its
            # inside can backtrack, as a pattern of its own.
            self.walk_seq(av if op == _ATOMIC else av[2], _NONE, looped=False)
        elif op in _REPEATS:
            low, high, body = av
            again = self.first_seq(body, _NONE)
            if looped and low != high and self.overlap(again, follow):
                raise _Risk(f"{_show([(op, av)])!r} is inside a repeated group and what follows it may start "
                            "with what it matches, so it can stop in many places")
            if high > 1:
                # A pass is followed by the next pass. Leaving the outermost repeated group costs
                # polynomial time at worst; leaving an inner one may start a new outer pass.
                self.walk_seq(body, again | follow if looped else again, looped=True)
                return
        elif op == sre.BRANCH and looped:
            self.check_branches(av[1], follow)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            follow = _NONE
        if op not in (_ATOMIC, _POSSESSIVE):
            for child in _children(op, av):
                self.walk_seq(child, follow, looped=looped)

    def check_branches(self, branches: Any, follow: CharSet) -> None:
        """Raise _Risk if two alternatives can match one text, or one a prefix the other continues."""
        spelt = sorted((self.spell(list(b), follow) for b in branches), key=lambda s: len(s[0]))
        for i, (a, a_whole, a_next) in enumerate(spelt):
            for b, b_whole, b_next in spelt[i + 1:]:
                if all(self.overlap(x, y) for x, y in zip(a, b, strict=False)) and (
                        self.overlap(a_next, b[len(a)]) if len(a) < len(b)
                        else a_whole and b_whole or self.overlap(a_next, b_next)):
                    raise _Risk("two alternatives inside a repeated group can match the same text")

    def spell(self, items: list[Any], follow: CharSet) -> tuple[list[CharSet], bool, CharSet]:
        """An alternative's leading characters one by one, whether that is all of it, and what comes next."""
        letters: list[CharSet] = []
        for n, (op, av) in enumerate(items):
            if op in _CHARS:
                letters.append(self.chars(op, av))
            elif op in _REPEATS and av[0] == av[1] <= 8 and len(av[2]) == 1 and av[2][0][0] in _CHARS:
                letters += [self.chars(*av[2][0])] * av[0]
            else:
                return letters, False, self.first_seq(items[n:], follow)
        return letters, True, follow


def _meet(a: CharSet, b: CharSet) -> CharSet:
    return frozenset(x | y for x in a for y in b)


def _test(test: tuple[Any, Any], c: str) -> bool:
    op, av = test
    if op != sre.IN:
        return ord(c) == av if op == sre.LITERAL else ord(c) != av if op == sre.NOT_LITERAL else c != "\n"
    hit = any(kind == sre.LITERAL and ord(c) == arg or kind == sre.RANGE and arg[0] <= ord(c) <= arg[1]
              or kind == sre.CATEGORY and (arg not in _CATEGORIES or _CATEGORIES[arg].match(c) is not None)
              for kind, arg in av)
    return hit != any(kind == sre.NEGATE for kind, _ in av)


def _show(items: Any) -> str:
    """Regex text for parsed items, enough to point at the part of a pattern at fault."""
    shorthand = {cat: rx.pattern for cat, rx in _CATEGORIES.items()}
    out = []
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            out.append(re.escape(chr(av)) if op == sre.LITERAL else f"[^{re.escape(chr(av))}]")
        elif op == sre.ANY:
            out.append(".")
        elif op == sre.IN and len(av) == 1 and av[0][0] == sre.CATEGORY:
            out.append(shorthand.get(av[0][1], "[...]"))
        elif op == sre.IN:
            out.append("[" + "".join("^" if k == sre.NEGATE else shorthand.get(a, "") if k == sre.CATEGORY
                                     else f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}" if k == sre.RANGE
                                     else re.escape(chr(a)) for k, a in av) + "]")
        elif op in _REPEATS:
            low, high, body = av
            inner = _show(body) if len(body) == 1 and body[0][0] not in (sre.BRANCH, *_REPEATS) \
                else f"(?:{_show(body)})"
            most = "" if high == sre.MAXREPEAT else str(high)
            times = {(0, ""): "*", (1, ""): "+", (0, "1"): "?"}.get((low, most), f"{{{low},{most}}}")
            out.append(inner + (f"{{{low}}}" if str(low) == most else times)
                       + ("?" if op == sre.MIN_REPEAT else "+" if op == _POSSESSIVE else ""))
        elif op == sre.SUBPATTERN:
            out.append(f"({'' if av[0] else '?:'}{_show(av[3])})")
        elif op == sre.BRANCH:
            out.append("(?:" + "|".join(_show(b) for b in av[1]) + ")")
        elif op == sre.AT:
            out.append({sre.AT_BEGINNING: "^", sre.AT_END: "$", sre.AT_BOUNDARY: r"\b"}.get(av, ""))
        else:
            out.append("...")
    return "".join(out)
