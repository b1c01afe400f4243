r"""The shape of each type of rule file, checked when a file is read.

A file of one type may hold only the keys declared for that type in `TYPES`, each of the shape
declared there, so that a typo or a misplaced value is reported at its own `path:line` when the
file is loaded, not met later as a crash (or a silently ignored key) inside extraction. Data
keys are optional: a pack of your own may hold only the keys it extends.

Shapes are written as Python literals:

- `"word"` (never empty), `"text"` (may be empty), `"int"`, `"number"`, `"bool"`, `"null"`,
  `"pattern"`, `"dateparser_language"`: one value of that kind;
  `"'end'"` (quoted) is that very word, and `|` joins alternatives: `"int|'end'"`;
- `[shape]`: a list of such values; `(shape, shape)`: a list of exactly two;
- `{"*": shape}`: a mapping from words the writer chooses (a vocabulary) to such values;
- `{"key": shape, "other!": shape}`: a mapping with these keys only (`!`: the key is required);
- `Either(shape, ...)`: the first of these mappings whose required keys are present.

A `pattern` is a regular expression written by a user and run over every line of text fed in:
it must compile on its own and inside a group (so flags are written `(?i:...)`, not `(?i)`), and
is refused if it could backtrack catastrophically (see `patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .model import Granularity, Kind, Qualifier, Verdict
from .patterns import backtracking_risk
from .yamlio import Loader


class Either(tuple[dict[str, Any], ...]):
    """Alternative mappings, told apart by their required keys (an example: a text or a story)."""

    def __new__(cls, *shapes: dict[str, Any]) -> Either:
        """The alternatives, in the order they are tried."""
        return super().__new__(cls, shapes)

    def pick(self, value: dict[Any, Any]) -> dict[str, Any] | None:
        """The first alternative whose required keys the value holds."""
        return next((s for s in self if all(k[:-1] in value for k in s if k.endswith("!"))), None)


def _choice(words: Any) -> str:
    return "|".join(f"'{w.value}'" for w in words)


_WORDS, _PATTERNS = ["word"], ["pattern"]
_RELATIONS = {"same": "number", "compatible": "number", "conflict": "number"}
_NEEDED = {**_RELATIONS, "developing": "number"}
# A setting for each part of a story alignment weighs apart.
_PARTS = {f"{part}!": "number" for part in ("quantities", "durations", "ages", "dates", "years", "quotes")}

# An example holds a text and the claims it must yield (none for a negative example), or the
# sources of a story and how their claims must group. A claim's keys besides kind and text
# are those of its value's record (reconcile.report.records.value_record).
_CLAIM = {"kind!": _choice(Kind), "text!": "word",
          "amount": "number|null", "qualifier": _choice(Qualifier), "low": "number|null", "high": "number|null",
          "unit": "word|null", "currency": "word|null", "si": "number", "elided": "bool",
          "start": "word|null", "end": "word|null", "resolved": "bool", "granularity": _choice(Granularity),
          "inferred": "bool", "month": "int|null", "day": "int|null", "time": "word|null",
          "clock": ("word", "word"), "zone": "word|null", "utc_offset": "word|null", "half_day": "bool",
          "speaker": "word|null", "role": "word|null", "medium": "word|null", "markers": _WORDS, "short": "bool",
          "nested": "bool", "person": "word|null", "name": "word", "entity": "'person'|'organisation'",
          "long_form": "word|null", "sic": "bool", "quoted": "bool", "title": "word",
          "low_days": "number|null", "high_days": "number|null", "credited": "word|null", "anonymous": "bool"}
_GROUP = {"kind": _choice(Kind), "texts!": ["word|null"], "verdict!": _choice(Verdict), "flags": _WORDS}
EXAMPLE = Either({"text!": "word", "claims": [_CLAIM]},
                 {"sources!": _WORDS, "groups": [_GROUP], "apart": [("word", "word")]})
HEADER = {"name!": "word", "type!": "word", "language!": "word", "description!": "word", "examples": [EXAMPLE]}

# Every key the code reads from a type (rules.of_type(...)), not only those the English pack holds.
TYPES: dict[str, dict[str, Any]] = {
    "numbers": {
        "group_mark": "word", "group_digits": "int", "max_digits": "int", "decimal_mark": "word", "words": {"*": "int"},
        "scales": {"*": "number"},
        "money_scales": {"*": "number"}, "joiners": _WORDS, "years": ("int", "int"), "articles": _WORDS,
        "fractions": {"*": "number"}, "negative": _WORDS, "negative_not_after": _WORDS,
        "vague": {"*": ("number", "number")}},
    "qualifiers": {
        "lower_bound": _WORDS, "upper_bound": _WORDS, "approximate": {"*": ("number", "number")},
        "range": {"opening": _WORDS, "joiners": _WORDS, "not_after": _WORDS}},
    "money": {
        "symbols": {"*": "word"}, "codes": _WORDS,
        "words": {"*": {"code!": "word", "needs_scale": "bool", "not_before": _WORDS}}},
    "percent": {"words": {"*": "word"}, "fractions": {"*": ("int", "int")}, "fraction_links": _WORDS,
                "fraction_not_after": _WORDS, "fraction_rounding": "number"},
    "durations": {
        "units": {"*": {"names!": _WORDS, "days": ("number", "number"), "per_day": "number", "no_article": "bool"}},
        "upper_bound": _WORDS, "lower_bound": _WORDS, "articles": _WORDS, "article_after": _WORDS,
        "adjectives": _WORDS, "one_unit_words": {"*": "word"}, "plus_half": _WORDS, "fractions": {"*": "number"},
        "number_words": "int",
        "rate_words": _WORDS, "not_before": _WORDS, "age_links": _WORDS, "age_nouns": _WORDS, "age_unit": "word",
        "age_after_comma": "bool", "words_between": "int", "idioms": _WORDS, "age_words": _WORDS,
        "vague_plurals": {"*": ("number", "number|null")}, "vague_after": _WORDS, "vague_not_after": _WORDS,
        "vague_of": _WORDS, "differences": _WORDS, "date_spans": {"*": _WORDS}},
    "units": {
        "dimensions": {"*": "word"}, "abbreviation_chars": "int", "adjectives": _WORDS,
        "units": {"*": {"dimension!": "word", "factor!": "number", "names!": _WORDS}}},
    "counts": {
        "window": "int", "partitives": _WORDS, "determiners": _WORDS, "more_words": _WORDS, "toll_words": _WORDS,
        "toll_skips": _WORDS, "toll_not_after": _WORDS, "toll_nouns": {"*": "word"}, "toll_links": _WORDS,
        "toll_link_window": "int", "toll_scopes": _WORDS, "toll_scope_words": "int", "count_verbs": {"*": "word"},
        "partitive_pronouns": _WORDS, "group_nouns": {"*": "word"}, "ratio_joiners": _WORDS, "nouns": _WORDS,
        "synonyms": [_WORDS], "gapped_subject_words": "int", "persons": _WORDS, "bare_people": _WORDS,
        "acts": {"*": "word"},
        "fates": {"*": "word"}, "plural_endings": _WORDS,
        "not_plural_endings": _WORDS, "plural_min_chars": "int",
        "irregular_plurals": _WORDS, "not_counted": _WORDS, "age": {"after": _WORDS, "before": _WORDS, "max": "int"},
        "name_not_plural_endings": _WORDS,
        "elliptical": {"openers": _WORDS, "not_after": _WORDS, "verb_endings": _WORDS, "sentences": "int",
                       "min": "int"},
        "toll_adverbs": _WORDS, "acronym_plural_endings": _WORDS,
        "zero": {"subjects": _WORDS, "determiners": _WORDS, "nouns": {"*": "word"}, "joiners": _WORDS,
                 "not_after": _WORDS, "not_before": _WORDS},
        "singular": {"articles": _WORDS, "not_after": _WORDS, "joiners": _WORDS, "passive": _WORDS,
                      "intransitive": _WORDS},
        "pair_words": {"*": "int"}, "pair_phrases": {"*": "int"}, "member_words": {"*": "word"},
        "tally": {"joiners": _WORDS, "nouns": _WORDS, "verbs": _WORDS, "links": _WORDS, "reach": "int",
                  "units": ("word", "word")},
        "developing": {"before": _WORDS, "after": _WORDS, "window": "int"}},
    "text": {
        "abbreviations": _WORDS, "sentence_reach_chars": "int",
        "long_sentence_block_chars": "int", "trailing_boilerplate": _PATTERNS,
        "furniture": {"labels": _WORDS, "trailing_labels": _WORDS, "prompts": _WORDS, "heading_words": _WORDS,
                      "minor_words": _WORDS, "bullets": _WORDS, "short_line_words": "int", "title_case_share": "number",
                      "link_share": "number", "label_line_words": "int", "heading_line_words": "int",
                      "min_run_lines": "int"},
        "debris": _PATTERNS, "markdown_syntax": _PATTERNS, "function_words": _WORDS,
        "language_sample_chars": "int", "language_min_share": "number", "language_min_words": "int",
        "nouns_capitalised": "bool", "conjunctions": _WORDS,
        "street_reach_words": "int", "street_suffixes": _WORDS, "label_words": _WORDS},
    "dates": {
        "dateparser_language": "dateparser_language", "months": {"*": "int"}, "month_abbreviations": {"*": "int"},
        "weekdays": {"*": "int"}, "weekday_abbreviations": {"*": "int"}, "weekend_days": ["int"],
        "parts_of_day": _WORDS, "weekday_modifiers": {"*": "'before'|'after'|'on_or_before'|'on_or_after'"},
        "ordinal_suffixes": _WORDS, "month_alone_after": _WORDS, "range_joiners": _WORDS, "day_articles": _WORDS,
        "day_of": _WORDS, "month_parts": {"*": ("int", "int|'end'")}, "month_part_before": _WORDS,
        "month_part_of": _WORDS, "year_after": _WORDS, "numeric_order": "'mdy'|'dmy'|'ymd'|'ydm'|'myd'|'dym'",
        "names_capitalised": "bool",
        "relative": {"*": {"unit!": "'day'|'week'|'weekend'|'month'|'quarter'|'year'", "offset": "int",
                           "part": "'before'|'after'|'past'"}},
        "relative_not_after": _WORDS, "future_markers": _WORDS, "future_reach_chars": "int",
        "past_verb_endings": _WORDS, "past_verb_skips": _WORDS, "participle_auxiliaries": _WORDS,
        "future_weight": "number", "time_reach_chars": "int", "time_longest_chars": "int", "times": _PATTERNS,
        "year_before": _WORDS, "year_not_before_endings": _WORDS, "decades": {"*": "int"}, "century_words": _WORDS,
        "time_joiners": _WORDS, "am_markers": _WORDS, "pm_markers": _WORDS, "named_times": {"*": ("word", "word")},
        "day_parts": {"*": ("word", "word")}, "time_qualifiers": {"*": ("int", "int")},
        "time_zones": {"*": "int|null"}, "place_time_words": _WORDS, "twelve_hour_clock": "bool",
        "decade_suffixes": _WORDS, "named_days": _WORDS, "early_years": {"range": ("int", "int"), "after": _WORDS},
        "ago": {"after": _WORDS, "before": _WORDS, "not_after": _WORDS, "band": ("number", "number")},
        "quarters": {"words": _WORDS, "ordinals": {"*": "int"}, "codes": _WORDS, "of": _WORDS, "context": _WORDS,
                     "context_chars": "int", "own_year_words": _WORDS}},
    "quotes": {
        "double_open": _WORDS, "double_close": _WORDS, "single_open": _WORDS, "single_close": _WORDS,
        "elisions": _WORDS, "short_below_words": "int", "speech_verbs": _WORDS, "speaker_after": _WORDS,
        "verb_adverbs": _WORDS, "speaker_links": _WORDS, "media": {"*": _WORDS}, "medium_frames": _WORDS,
        "media_verbs": {"*": _WORDS}, "person_pronouns": _WORDS, "other_pronouns": _WORDS, "determiners": _WORDS,
        "articles": _WORDS, "possessives": _WORDS,
        "reach": {"phrase_words": "int", "attribution_chars": "int", "pronoun_sentences": "int",
                  "pronoun_memory_chars": "int", "medium_chars": "int", "medium_gap_words": "int",
                  "full_name_chars": "int", "full_name_words": ("int", "int")},
        "plural_endings": _WORDS, "titles": _WORDS, "organisation_words": _WORDS, "markers": {"*": _PATTERNS},
        "cut_markers": _WORDS, "term_frames": _WORDS},
    "people": {
        "decade_frame": _WORDS, "decade_endings": _WORDS, "decade_possessives": _WORDS,
        "age_range_openers": {"*": "word"}, "age_range_joiners": _WORDS,
        "appositive_before": _WORDS, "appositive_after": _WORDS, "longer_name_joiners": _WORDS,
        "long_form_joiners": _WORDS, "given_name_similarity": "number", "surname_similarity": "number",
        "spelling_min_letters": "int",
        "decade_parts": {"*": ("int", "int")}, "age_link_words": _WORDS, "age_end_words": _WORDS,
        "place_words": _WORDS, "headline_share": "number", "headline_min_words": "int", "capitals_share": "number",
        "name_words": ("int", "int"),
        "name_suffixes": _WORDS, "nicknames": {"*": _WORDS}, "title_synonyms": [_WORDS], "courtesy_titles": _WORDS,
        "reach": {"age_chars!": "int", "title_before_chars!": "int", "title_after_chars!": "int",
                  "employer_words!": "int"},
        "sentence_openers": _WORDS,
        "acronym_letters": ("int", "int"), "substitution_letters": "int", "misspelling_ratio": "int",
        "acronym_plurals": _WORDS,
        "not_acronyms": _WORDS, "aged_things": _WORDS, "person_nouns": _WORDS, "person_endings": _WORDS},
    "credits": {
        "frames": _WORDS, "news_frames": _WORDS, "name_words": _WORDS, "descriptors": _WORDS,
        "organisations": _WORDS, "not_name_words": _WORDS, "articles": _WORDS, "name_words_max": "int",
        "name_joiners": _WORDS, "possessive_endings": _WORDS,
        "back_references": _WORDS, "datelines": _PATTERNS, "anonymous": _WORDS},
    "align": {
        "context": {"near_words": "int", "date_near_words": "int", "near_weight": "number",
                    "previous_weight": "number", "entity_weight": "number", "endings": [("word", "text")],
                    "keep": _WORDS, "min_stem": "int", "owner_words": "int", "verb_chars": "int",
                    "spoken_words": "int", "verb_skips": _WORDS, "sequence": {"*": _WORDS}, "synonyms": [_WORDS],
                    "sequence_words": "int", "thing_words": "int", "restated_gap": "int", "of_words": _WORDS,
                    "phrase_ends": _WORDS,
                    "stamp_chars": "int"},
        "propose": {"key_words": "int", "posting_cap": "int", "posting_per_source": "int",
                    "candidate_budget": "int", "max_candidates": "int", "floor": "number"},
        "link": {"quantities": {"cross_source": _RELATIONS, "same_source": _RELATIONS},
                 "durations": {"cross_source": _RELATIONS, "same_source": _RELATIONS},
                 "ages": {"cross_source": _RELATIONS, "same_source": _RELATIONS},
                 "dates": {"shared_words": "int", "written_day": "number", "translated": _RELATIONS,
                           "cross_source": _RELATIONS,
                           "same_source": _RELATIONS},
                 "value_bonus": _RELATIONS, "translated": {**_RELATIONS, "unit": "number", "topic": "number"}},
        "assign": {"floor!": "number", "margin!": "number",
                   "needed!": {"quantities!": _NEEDED, "durations!": _NEEDED, "ages!": _NEEDED,
                               "dates!": _NEEDED, "quotes!": _NEEDED, "years": _NEEDED},
                   "options!": "int", "rounds!": "int", "anchor_fit!": "number"},
        "place": {"floor!": _PARTS, "support!": _PARTS, "conflict!": _PARTS,
                  "tie!": "number", "near_words!": "int", "local_weight!": "number",
                  "anchor!": "number"},
        "stories": {"floor!": "number", "link!": "number", "join_cells!": "int",
                    "stream_link!": "number"},
        "copies": {"shingle_words!": "int", "containment!": "number", "min_shingles!": "int"},
        "quotes": {"variant": "number", "min_words": "int", "shared_words": "number",
                   "translated_length": "number"}},
    "judge": {
        "round_scaled_amounts": "bool", "rounded_within": "number", "same_within": "number",
        "variant_markers": _WORDS, "near_bound": "number", "conversions": {"*": {"*": ("number", "number")}},
        "implied_rate_within": "number", "developing_kinds": [_choice(Kind)],
        "counting": "'origins'|'outlets'"},
}

Step = str | int


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order
    return frozenset(language_order)


# Each scalar: what one value is called, what several are called, and the test.
_SCALARS: dict[str, tuple[str, str, Callable[[Any], bool]]] = {
    # A word is never empty: an empty one would match everywhere.
    "word": ("a word", "words", lambda v: isinstance(v, str) and v != ""),
    "text": ("text (may be empty)", "texts", lambda v: isinstance(v, str)),
    "pattern": ("a regular expression", "regular expressions", lambda v: isinstance(v, str)),
    "int": ("a whole number", "whole numbers", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "number": ("a number", "numbers", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)),
    "bool": ("true or false", "true or false", lambda v: isinstance(v, bool)),
    "null": ("nothing", "nothing", lambda v: v is None),
    "dateparser_language": ("a language code dateparser reads (en, es, fr, ...)", "language codes",
                            lambda v: isinstance(v, str) and v in _dateparser_languages()),
}



class _Invalid(Exception):
    def __init__(self, path: tuple[Step, ...], problem: str, known: tuple[str, ...] | None = None):
        super().__init__(problem)
        self.path, self.problem, self.known = path, problem, known


def check_rule_file(path: Path, doc: dict[str, Any]) -> None:
    """Check a parsed rule file (its header already read) against the schema of its type.

    Raises RuleError naming the file, the line of the offending key and the key's path.
    """
    rule_type = doc["type"]
    # An empty `examples:` is no examples, as the loader reads it.
    doc = {**doc, "examples": doc.get("examples") or []}
    try:
        _check({**HEADER, **TYPES[rule_type]}, doc, ())
        _check_story_groups(doc["examples"])
    except _Invalid as err:
        where = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" if n else s for n, s in enumerate(err.path))
        if err.known is None:
            message = f"key '{where}': {err.problem}"
        else:
            scope = f" in a{'n' * (rule_type[0] in 'aeio')} '{rule_type}' file" if len(err.path) == 1 else ""
            message = f"unknown key '{where}'{scope} (known: {', '.join(err.known)})"
        line = line_of(path, err.path)
        raise RuleError(f"{path}{f':{line}' if line else ''}: {message}") from None


def _check_story_groups(examples: list[dict[str, Any]]) -> None:
    """A story example's group names at least one claim: a group of nothing is no group."""
    for n, example in enumerate(examples):
        for m, group in enumerate(example.get("groups") or ()):
            if not any(group["texts"]):
                raise _Invalid(("examples", n, "groups", m, "texts"),
                               "expected at least one word (null stands for a source with no claim in the group)")


def _check(shape: Any, value: Any, path: tuple[Step, ...]) -> None:
    if not _fits(shape, value):
        got = f"a list of {len(value)}" if isinstance(shape, tuple) and isinstance(value, list) else _got(value)
        raise _Invalid(path, f"expected {_what(shape)}, got {got}")
    if isinstance(shape, str) and "pattern" in shape.split("|") and isinstance(value, str):
        _check_pattern(value, path)
    elif isinstance(shape, list):
        for n, item in enumerate(value):
            _check(shape[0], item, (*path, n))
    elif isinstance(shape, Either):
        _check(shape.pick(value), value, path)
    elif isinstance(shape, tuple):
        for n, (item_shape, item) in enumerate(zip(shape, value, strict=True)):
            _check(item_shape, item, (*path, n))
    elif isinstance(shape, dict) and "*" in shape:
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Invalid((*path, str(key)), f"expected a word as the key, got {_got(key)}")
            _check(shape["*"], item, (*path, key))
    elif isinstance(shape, dict):
        fields = {k.rstrip("!"): s for k, s in shape.items()}
        for key, item in value.items():
            if key not in fields:
                raise _Invalid((*path, str(key)), "unknown key", tuple(fields))
            _check(fields[key], item, (*path, key))
        for key in shape:
            if key.endswith("!") and key[:-1] not in value:
                raise _Invalid((*path, key[:-1]), f"missing (expected {_what(shape[key])})")


def _fits(shape: Any, value: Any) -> bool:
    """Whether a value has the shape's outer form (its items are checked apart)."""
    if isinstance(shape, str):
        return any(_SCALARS[a][2](value) if a in _SCALARS else value == a.strip("'") for a in shape.split("|"))
    if isinstance(shape, Either):
        return isinstance(value, dict) and shape.pick(value) is not None
    if isinstance(shape, tuple):
        return isinstance(value, list) and len(value) == len(shape)
    return isinstance(value, list if isinstance(shape, list) else dict)


def _what(shape: Any, plural: bool = False) -> str:
    if isinstance(shape, str):
        return " or ".join((_SCALARS[a][1] if plural else _SCALARS[a][0]) if a in _SCALARS else a
                           for a in shape.split("|"))
    if isinstance(shape, list):
        return f"{'lists' if plural else 'a list'} of {_what(shape[0], True)}"
    if isinstance(shape, Either):
        return "mappings" if plural else "a mapping with " + " or ".join(
            repr(next(k[:-1] for k in s if k.endswith("!"))) for s in shape)
    if isinstance(shape, tuple):
        same = all(s == shape[0] for s in shape)
        return f"{'lists' if plural else 'a list'} of {len(shape)}" + (
            f" {_what(shape[0], True)}" if same else ": " + ", then ".join(_what(s) for s in shape))
    if "*" in shape:
        return f"{'mappings' if plural else 'a mapping'} of words to {_what(shape['*'], True)}"
    return "mappings" if plural else "a mapping"


def _got(value: Any) -> str:
    if value is None or isinstance(value, (list, dict)):
        return "nothing" if value is None else "a list" if isinstance(value, list) else "a mapping"
    text = repr(value).lower() if isinstance(value, bool) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_pattern(value: str, path: tuple[Step, ...]) -> None:
    try:
        # Patterns are set inside larger ones, so a flag must apply to a group, not the whole
        # expression ("(?i:...)", not "(?i)"), and the pattern must not close a group it did not open.
        re.compile(value)
        re.compile(f"(?:{value})")
    except re.error as err:
        raise _Invalid(path, f"not a valid regular expression ({err})") from None
    risk = backtracking_risk(value)
    if risk:
        raise _Invalid(path, f"pattern {value!r} could backtrack catastrophically: {risk}")


def line_of(path: Path, steps: tuple[Step, ...]) -> int | None:
    """The line of a key path in a rule file, or None where the file does not hold it."""
    # Lines are looked up only once a file is found wrong: its node tree is composed again and
    # walked along the key path as far as it goes (a missing key points at its parent).
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    line = None
    for step in steps:
        if isinstance(node, yaml.MappingNode):
            keys = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(step)]
            if not keys:
                break
            key, node = keys[-1]  # of a repeated key, YAML keeps the last
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line
