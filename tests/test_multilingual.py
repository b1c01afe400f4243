"""International coverage: a story told in English, German, French, Portuguese and Italian, and a
paragraph in a language with no pack, reconciled as one story.

Every text here is written for these tests (tests/fixtures/multilingual holds the story).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile import claims_from_text, load_rules
from reconcile.cli import EXIT_ERROR, EXIT_OK, main
from reconcile.language import UNDETERMINED, detect_language
from reconcile.report.records import value_record

STORY = Path(__file__).resolve().parent / "fixtures" / "multilingual"
PACKS = ("en", "de", "fr", "pt", "it")


def compare(*args: str) -> dict:
    result = CliRunner().invoke(main, ["compare", str(STORY), "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def story() -> dict:
    return compare()


def languages_of(records: dict, group: dict) -> set[str]:
    language = {s["id"]: s["language"] for s in records["sources"]}
    source = {c["id"]: c["source"] for c in records["claims"]}
    return {language[source[c]] for c in group["claims"]}


@pytest.mark.parametrize("kind, value", [
    ("money", {"amount": 1_250_000_000, "currency": "EUR"}),
    ("count", {"amount": 38}),
    ("count", {"amount": 12_000}),
    ("percent", {"amount": 40}),
    ("date", {"start": "2024-03-14"}),
])
def test_each_fact_is_one_group_across_all_five_languages(story, kind, value):
    claims = {c["id"]: c for c in story["claims"]}
    found = [g for g in story["groups"] if g["kind"] == kind
             and all(all(claims[c]["value"].get(k) == v for k, v in value.items()) for c in g["claims"])
             and len(g["claims"]) > 1]
    assert len(found) == 1, [[claims[c]["text"] for c in g["claims"]] for g in found]
    assert languages_of(story, found[0]) >= set(PACKS)
    assert found[0]["verdict"] in ("agree", "compatible")


def test_the_paragraph_in_a_language_with_no_pack_is_read_in_part_and_flagged(story):
    by_id = {s["id"]: s for s in story["sources"]}
    assert (by_id["pl_kurier"]["language"], by_id["pl_kurier"]["partial_language"]) == (UNDETERMINED, True)
    assert all(not s["partial_language"] for i, s in by_id.items() if i != "pl_kurier")
    # What every language writes alike is read, and meets the other languages' claims.
    joined = {g["kind"] for g in story["groups"] if UNDETERMINED in languages_of(story, g)
              and len(languages_of(story, g)) > 1}
    assert joined >= {"money", "date", "percent"}


def test_the_terminal_report_names_the_source_read_in_part():
    result = CliRunner().invoke(main, ["compare", str(STORY)], catch_exceptions=False)
    assert result.exit_code == EXIT_OK
    assert "Kurier Portowy is in a language no rule pack reads: read in part" in " ".join(result.output.split())


def test_strict_languages_refuses_the_source_no_pack_reads():
    result = CliRunner().invoke(main, ["compare", str(STORY), "--strict-languages"])
    assert result.exit_code == EXIT_ERROR
    assert "pl_kurier.txt: is in a language no rule pack reads" in result.output
    assert "Traceback" not in result.output


def test_a_role_in_two_languages_is_no_conflict(tmp_path):
    (tmp_path / "en.txt").write_text("Floods hit Valbrena on Thursday, Mayor Ana Lucero said.\n", encoding="utf-8")
    (tmp_path / "es.txt").write_text("Las inundaciones llegaron a Valbrena el jueves, según la alcaldesa Ana "
                                     "Lucero.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "json", "--lang", "en=en",
                                       "--lang", "es=es"], catch_exceptions=False)
    titles = [g for g in json.loads(result.stdout)["groups"] if g["kind"] == "title"]
    assert [(g["verdict"], g["flags"]) for g in titles] == [("compatible", ["translated"])]


@pytest.mark.parametrize("language, text", [
    ("de", "Die Feuerwehr war mit mehr als hundert Einsatzkräften vor Ort, und die Polizei sperrte die Straße "
           "für mehrere Stunden, wie ein Sprecher der Stadt am Abend mitteilte."),
    ("fr", "Les pompiers sont intervenus avec plus de cent hommes, et la police a fermé la rue pendant "
           "plusieurs heures, a indiqué un porte-parole de la ville dans la soirée."),
    ("pt", "Os bombeiros chegaram com mais de cem homens, e a polícia fechou a rua durante várias horas, "
           "informou um porta-voz da prefeitura no fim da tarde."),
    ("it", "I vigili del fuoco sono intervenuti con più di cento uomini, e la polizia ha chiuso la strada per "
           "diverse ore, ha riferito un portavoce del comune in serata."),
    ("es", "Los bomberos llegaron con más de cien efectivos, y la policía cortó la calle durante varias horas, "
           "según informó un portavoz del ayuntamiento por la tarde."),
    ("en", "Firefighters arrived with more than a hundred crew members, and police closed the street for "
           "several hours, a city spokesman said in the evening."),
    # Languages with no pack: their small words are no pack's.
    (UNDETERMINED, "De brandweer was met meer dan honderd man ter plaatse en de politie sloot de straat "
                   "urenlang af, zei een woordvoerder van de gemeente vanavond."),
    (UNDETERMINED, "Straż pożarna przyjechała z ponad setką ludzi, a policja zamknęła ulicę na kilka godzin, "
                   "poinformował wieczorem rzecznik miasta."),
    (UNDETERMINED, "Räddningstjänsten kom med över hundra personer och polisen stängde gatan i flera timmar, "
                   "sade en talesperson för kommunen på kvällen."),
    # Too short to tell: the pack that covers most of it, as before.
    ("en", "Crews saved 40 homes."),
])
def test_detection_tells_each_pack_and_a_language_with_none(rules, language, text):
    assert detect_language(text, rules) == language


@pytest.mark.parametrize("language, text, kind, expected", [
    ("de", "Die Regierung bewilligte 1,25 Milliarden Euro.", "money", {"amount": 1_250_000_000, "currency": "EUR"}),
    ("de", "Der Schaden lag bei 2 Billionen Euro.", "money", {"amount": 2 * 10**12, "currency": "EUR"}),
    ("fr", "L'État a débloqué 1,25 milliard d'euros.", "money", {"amount": 1_250_000_000, "currency": "EUR"}),
    ("fr", "Quelque 12\u202f000 habitants ont été évacués.", "count", {"amount": 12_000}),
    ("es", "El Gobierno aprobó 1.250 millones de euros.", "money", {"amount": 1_250_000_000, "currency": "EUR"}),
    ("pt", "O governo liberou R$ 7,2 bilhões.", "money", {"amount": 7_200_000_000, "currency": "BRL"}),
    ("it", "Il governo ha stanziato 1,25 miliardi di euro.", "money", {"amount": 1_250_000_000, "currency": "EUR"}),
    ("de", "Der Landtag stimmte am 12. März 2024 ab.", "date", {"start": "2024-03-12"}),
    ("de", "Die Sitzung am 14.03.2024 dauerte lange.", "date", {"start": "2024-03-14"}),
    ("pt", "A votação ocorreu em 12 de março de 2024.", "date", {"start": "2024-03-12"}),
    (UNDETERMINED, "Het kabinet trok € 2.500.000 uit op 2024-03-14.", "money",
     {"amount": 2_500_000, "currency": "EUR"}),
    (UNDETERMINED, "Het kabinet trok € 2.500.000 uit op 14-03-2024.", "date", {"start": "2024-03-14"}),
])
def test_figures_as_each_language_writes_them(rules, language, text, kind, expected):
    found = [value_record(c.value) for c in claims_from_text(text, rules, language=language) if c.kind.value == kind]
    assert len(found) == 1, found
    assert {k: found[0].get(k) for k in expected} == expected


def test_french_guillemets_open_apart_from_their_first_word(rules):
    text = "\u00ab\u00a0Nous reconstruirons chaque rue\u00a0\u00bb, a déclaré la maire Lena Moravec."
    quotes = [c for c in claims_from_text(text, rules, language="fr") if c.kind.value == "quote"]
    assert [(q.text, q.value.speaker) for q in quotes] == [("Nous reconstruirons chaque rue", "Lena Moravec")]


def test_every_pack_of_the_built_in_set_reads_its_language():
    assert set(load_rules().languages) >= {*PACKS, "es", UNDETERMINED}
