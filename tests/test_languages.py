"""Sources in two languages: each read with its own pack, reconciled as one story.

The mixed fixture (tests/fixtures/mixed) is an invented story told by an English and a Spanish
outlet: the same donation, volunteers, dates and percentage, a conflicting injury count, and
one quotation in translation.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile import claims_from_text, load_sources
from reconcile.cli import EXIT_OK, main
from reconcile.language import detect_language
from reconcile.model import Source
from reconcile.pipeline import build_report

MIXED = Path(__file__).parent / "fixtures" / "mixed"
THURSDAY = dt.date(2024, 5, 2)


@pytest.mark.parametrize("text, language", [
    ("The council voted on Tuesday to close the pool for the summer, the clerk said.", "en"),
    ("El ayuntamiento votó el martes el cierre de la piscina durante el verano, dijo la secretaria.", "es"),
    ("Ana Ruiz, the director of the food bank, said it was the largest gift in its history.", "en"),
    ("Según Ana Ruiz, directora del banco de alimentos, es la mayor donación de su historia.", "es"),
    # A Spanish name in an English sentence, an English name in a Spanish one.
    ("José Luis García de la Fuente was elected mayor of the town on Sunday.", "en"),
    ("John Smith fue elegido alcalde del pueblo el domingo con el apoyo de los vecinos.", "es"),
    # The small words of a name belong to the name's language, not the text's.
    ("Juan de la Cruz wins Los Angeles race", "en"),
    ("María de los Santos and Luis del Río won seats on the San José city council.", "en"),
    ("En Nueva York, el alcalde de la ciudad dijo que no habrá cambios.", "es"),
])
def test_a_texts_language_is_told_by_the_packs_function_words(rules, text, language):
    assert detect_language(text, rules) == language


def test_the_language_given_wins_over_detection(tmp_path):
    (tmp_path / "a.md").write_text("---\nlang: es\n---\nThe council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("El pleno se reunió el martes.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--format", "json", "--lang", "b=en"])
    assert result.exit_code == EXIT_OK, result.output
    assert {s["id"]: s["language"] for s in json.loads(result.output)["sources"]} == {"a": "es", "b": "en"}


@pytest.mark.parametrize("text, kind, amount, extra", [
    ("La fundación donó 250.000 dólares al banco de alimentos.", "money", 250_000, {"currency": "USD"}),
    ("El club pagó 1,5 millones de euros por el delantero.", "money", 1_500_000, {"currency": "EUR"}),
    ("Más de 480 empleados firmaron la carta.", "count", 480, {"qualifier": "lower_bound"}),
    ("Los precios subieron un 3,4 % en marzo.", "percent", 3.4, {}),
])
def test_spanish_numbers_are_read_as_spanish_writes_them(rules, text, kind, amount, extra):
    claim = next(c for c in claims_from_text(text, rules, language="es") if c.kind.value == kind)
    assert claim.value.amount == amount
    for key, value in extra.items():
        got = getattr(claim.value, key)
        assert (got.value if hasattr(got, "value") else got) == value


def test_the_same_digits_read_in_each_language(rules):
    english = claims_from_text("The fund paid 250,000 dollars.", rules, language="en")
    spanish = claims_from_text("El fondo pagó 250.000 dólares.", rules, language="es")
    assert [c.value.amount for c in english] == [c.value.amount for c in spanish] == [250_000]


def test_a_spanish_weekday_is_placed_against_the_publication_date(rules):
    [claim] = claims_from_text("La alcaldesa presentó el plan el martes.", rules, language="es", published=THURSDAY)
    assert claim.value.start == claim.value.end == dt.date(2024, 4, 30)


@pytest.fixture(scope="module")
def mixed(rules):
    report = build_report(load_sources([MIXED]), rules)
    texts = {c.id: c.text for c in report.claims}
    return report, {tuple(sorted(texts[c] for c in g.claims)): g for g in report.groups}


@pytest.mark.parametrize("texts, verdict", [
    (("$250,000", "250.000 dólares"), "agree"),
    (("More than 480 volunteers", "Unos 480 voluntarios"), "compatible"),
    (("Tuesday", "martes"), "agree"),
    (("April 29", "el 29 de abril"), "agree"),
    (("this year", "este año"), "agree"),
    (("12 %", "12 percent"), "agree"),
    (("Cuatro personas", "Three people"), "conflict"),
])
def test_a_mixed_story_reconciles_amounts_counts_and_dates(mixed, texts, verdict):
    _, groups = mixed
    assert groups[tuple(sorted(texts))].verdict.value == verdict


def test_a_quotation_in_translation_is_flagged_not_compared_word_by_word(mixed):
    _, groups = mixed
    group = groups[("Nunca vamos a rechazar a una familia", "We will never turn a family away,")]
    assert group.verdict.value == "compatible"
    assert "translated" in group.flags
    assert "not compared word by word" in group.explanation


def test_every_source_of_the_mixed_story_is_read_in_its_language(mixed):
    report, _ = mixed
    assert {s.id: s.language for s in report.sources} == {"ledger": "en", "cronica": "es"}


def test_two_quotations_of_one_speaker_in_one_language_are_still_compared(rules):
    sources = tuple(Source(id=i, path=i, text=t, language="es", published=THURSDAY) for i, t in (
        ("a", "«Nunca vamos a rechazar a una familia», dijo Ana Ruiz."),
        ("b", "«Jamás vamos a rechazar a una familia», dijo Ana Ruiz.")))
    [group] = [g for g in build_report(sources, rules).groups if g.kind.value == "quote"]
    assert group.verdict.value == "quote_variant" and "translated" not in group.flags


def test_an_english_draft_is_checked_against_a_spanish_source():
    result = CliRunner().invoke(main, ["check", str(MIXED / "ledger.md"), "--against", str(MIXED / "cronica.md"),
                                       "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output)["findings"]
    # The injury count contradicts the source; the quotation in translation is no misquote.
    assert [(f["verdict"], f["text"]) for f in findings] == [("conflict", "Three people")]


def test_check_takes_the_language_of_a_draft(tmp_path):
    draft = tmp_path / "draft.txt"
    # Read as English, the draft's "$1.500" is one dollar fifty; as Spanish, fifteen hundred.
    draft.write_text("Banco Norte: multa de $1.500 en Lomaseca.", encoding="utf-8")
    source = tmp_path / "source.txt"
    source.write_text("El Banco Norte pagó una multa de $1.500 en Lomaseca, informó el regulador.", encoding="utf-8")
    args = ["check", str(draft), "--against", str(source), "--format", "json"]
    spanish = CliRunner().invoke(main, [*args, "--lang", "draft=es"])
    assert spanish.exit_code == EXIT_OK, spanish.output
    english = CliRunner().invoke(main, [*args, "--lang", "draft=en"])
    assert english.exit_code == 1
    assert [f["verdict"] for f in json.loads(english.output)["findings"]] == ["conflict"]
    unknown = CliRunner().invoke(main, [*args, "--lang", "nobody=es"])
    assert unknown.exit_code == 2 and "no draft or source with id 'nobody'" in unknown.output


MOVE_EN = ("The Riverton food bank moved to its new warehouse this week. Volunteers worked through the night. "
           "Three people were injured during the move. The new building opened on Tuesday, a spokesman said. "
           "\"We need many more volunteers this summer,\" Ana Ruiz said. "
           "\"We are never going to close the doors,\" Ruiz added.")
MOVE_ES = ("El banco de alimentos de Riverton se mudó esta semana a su nuevo almacén. Los voluntarios trabajaron "
           "toda la noche. Cuatro personas resultaron heridas durante la mudanza. El nuevo edificio abrió el "
           "miércoles, dijo un portavoz. «Nunca vamos a cerrar las puertas», dijo Ana Ruiz. "
           "«Necesitamos muchos más voluntarios este verano», añadió Ruiz.")


@pytest.fixture(scope="module")
def move(rules):
    sources = (Source(id="en", path="en", text=MOVE_EN, published=THURSDAY),
               Source(id="es", path="es", text=MOVE_ES, published=THURSDAY))
    report = build_report(sources, rules)
    texts = {c.id: c.text for c in report.claims}
    return {frozenset(texts[c] for c in g.claims): g for g in report.groups}


def test_sentences_that_name_nobody_align_through_the_story_they_tell(move):
    assert move[frozenset({"Three people", "Cuatro personas"})].verdict.value == "conflict"
    assert move[frozenset({"this week", "esta semana"})].verdict.value == "agree"


def test_weekdays_of_sentences_that_name_nobody_are_not_called_a_conflict(move):
    assert move[frozenset({"Tuesday"})].verdict.value == "single_source"


def test_a_speaker_quoted_twice_in_each_language_is_not_paired_by_guesswork(move):
    quotes = [g for g in move.values() if g.kind.value == "quote"]
    assert all(g.verdict.value == "single_source" for g in quotes) and len(quotes) == 4
