"""Shared machinery of the extraction table tests: expected claims and their comparison."""

from __future__ import annotations

import math

_UNSET = object()


def expect(span, amount=None, qualifier="exact", *, low=_UNSET, high=_UNSET, **fields):
    """An expected claim as (span, fields); an exact one has low == high == amount unless told."""
    wanted = {"amount": amount, "qualifier": qualifier, **fields}
    if qualifier == "exact":
        low = amount if low is _UNSET else low
        high = amount if high is _UNSET else high
    if low is not _UNSET:
        wanted["low"] = low
    if high is not _UNSET:
        wanted["high"] = high
    return span, wanted


def mismatches(got, want, path: str = "") -> list[str]:
    """Where `got` differs from `want`: floats loosely, ints by type and value, dicts by key."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected a dict, got {got!r}"]
        return [m for key, sub in want.items()
                for m in mismatches(got.get(key, "<missing>"), sub, f"{path}.{key}".lstrip("."))]
    if isinstance(want, float):
        ok = isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(got, want, rel_tol=1e-6)
    elif isinstance(want, int) and not isinstance(want, bool):
        ok = type(got) is int and got == want  # whole numbers are ints, not floats
    else:
        ok = got == want
    return [] if ok else [f"{path}: expected {want!r}, got {got!r}"]


def check(read, text: str, kind: str, expected: list[tuple[str, dict]]) -> None:
    """The claims of one kind in `text` are the expected ones: same spans, in order, same fields."""
    actual = [(span, value) for k, span, value in read(text) if k == kind]
    assert [span for span, _ in actual] == [span for span, _ in expected], \
        f"spans differ for {text!r}; actual claims: {actual!r}"
    problems = [f"{span!r} {m}" for (span, value), (_, fields) in zip(actual, expected, strict=True)
                for m in mismatches(value, fields)]
    assert not problems, f"{text!r}: " + "; ".join(problems) + f"; actual claims: {actual!r}"
