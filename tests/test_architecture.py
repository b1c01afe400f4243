"""The layers stay one-way: the model depends on nothing, the pipeline on no presentation."""

from __future__ import annotations

import ast
import calendar
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml

from . import conftest
from .conftest import require_shared

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"
PRESENTATION = {"click", "rich", "pandas"}


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against the package)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
    return found


def files(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in ((PACKAGE / part).rglob("*.py") if (PACKAGE / part).is_dir()
                                                else [PACKAGE / part]))


@pytest.mark.parametrize("path", files("model.py", "errors.py"), ids=lambda p: p.name)
def test_model_imports_nothing_from_the_package(path):
    assert not {m for m in imports_of(path) if m.startswith("reconcile")}


@pytest.mark.parametrize("path", files("extract", "sources.py", "rules.py", "text.py", "furniture.py", "pipeline.py",
                                       "align.py", "judge.py", "values.py", "check.py", "config.py",
                                       "language.py", "schema.py", "patterns.py"),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pipeline_never_imports_presentation(path):
    imported = imports_of(path)
    assert not {m.split(".")[0] for m in imported} & PRESENTATION
    assert not {m for m in imported if m.startswith(("reconcile.report", "reconcile.cli"))}


@pytest.mark.parametrize("path", [p for p in files(".") if p.name not in ("cli.py", "__main__.py")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_imports_the_cli(path):
    assert "reconcile.cli" not in imports_of(path)


def test_every_module_says_what_it_holds():
    for path in files("."):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc, f"{path.relative_to(PACKAGE)} has no module docstring"


# Story vocabulary. The package and its rules stay general news English: they name no outlet,
# person, organisation or figure of the seed story (seeds/) or of a development story
# (../shared/dev/STORY/, read in place; where shared/ is absent, CI fails and a local run reads
# only the seeds). What marks a story is computed from its texts, so the guard grows with them:
#   1. capitalised words that no general word list holds ("Salesforce", "McAllen", "CBP");
#   2. figures of three digits or more that are not one digit and zeros ("650", "250,000",
#      "19.4", "10:48", "1-1-1"): "100", "5,000", a band "0.95" or a year alone are general;
#   3. the days the texts name in full, however written ("2018-07-19", "7/19/2018").
# Words match as written (names keep their capitals); figures and days as whole tokens.
ROOT = PACKAGE.parent
GUARDED = files(".") + sorted((ROOT / "rules").rglob("*.yaml"))
# General abbreviations no word list holds; month and weekday names come from `calendar`, time
# zones from dateparser, currency codes from the money packs.
GENERAL_ABBREVIATIONS = {"AM", "PM", "CEO", "CFO", "TV", "UK", "EU", "UN", "Dr", "Gov", "Sept"}
_TOKEN = re.compile(r"(?<![\w.,:/-])\d+(?:[.,:/-]\d+)*|[^\W\d_]+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MONTHS = {name.lower(): n for names in (calendar.month_name, calendar.month_abbr)
           for n, name in enumerate(names) if name} | {"sept": 9} | {
    name: n for n, name in enumerate(("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                      "septiembre", "octubre", "noviembre", "diciembre"), 1)}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WORDED_DAY = re.compile(rf"(?i)\b(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
                         rf"|(\d{{1,2}})(?:\s+de)?\s+({_MONTH})\.?,?(?:\s+de)?\s+(\d{{4}}))\b")
_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("'s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
            ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("ly", ""))


def story_texts() -> list[Path]:
    """The seed story's texts and the development stories' (../shared/dev/STORY/).

    Without ../shared, CI fails (`require_shared`) rather than guard against the seeds alone; a
    local run still guards against the seeds.
    """
    try:
        dev = sorted(p for p in require_shared("dev").glob("*") if p.is_dir())
    except pytest.skip.Exception:
        dev = []
    return [p for folder in [ROOT / "seeds", *dev] for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]


@cache
def general_words() -> frozenset[str]:
    """English words in lower case: Webster's and GCIDE (english-words), calendar names, time zones."""
    from dateparser.timezones import timezone_info_list
    from english_words import get_english_words_set

    words = set(get_english_words_set(["web2", "gcide"], lower=True))
    words |= {name.lower() for names in (calendar.month_name, calendar.month_abbr, calendar.day_name,
                                         calendar.day_abbr) for name in names if name}
    words |= {zone[0].lower() for info in timezone_info_list for zone in info["timezones"]}
    for pack in sorted((ROOT / "rules").glob("*/money.yaml")):
        words |= {str(code).lower() for code in yaml.safe_load(pack.read_text(encoding="utf-8")).get("codes") or ()}
    return frozenset(words | {w.lower() for w in GENERAL_ABBREVIATIONS})


def is_general(word: str) -> bool:
    low, words = word.lower(), general_words()
    return low in words or any(low.endswith(end) and low[: -len(end)] + stem in words for end, stem in _ENDINGS)


def figure_keys(token: str) -> set[str]:
    """The distinctive figures a number token holds: itself and its parts, less years and round ones."""
    keys = set()
    for part in {token, *re.split(r"[/-]", token)}:
        digits = re.sub(r"\D", "", re.sub(r"(\.\d*?)0+$", r"\1", part)).lstrip("0")  # "7.50" is 7.5
        year = part.isdigit() and len(part) == 4
        if len(digits) >= 3 and len(digits.rstrip("0")) >= 2 and not year:
            keys.add(part)
    return keys


def day_keys(line: str) -> set[str]:
    """The days a line names in full, as YYYY-MM-DD (both readings of an ambiguous 7/8/2019)."""
    found = [(y, m, d) for y, m, d in _ISO_DAY.findall(line)]
    found += [(y, a, b) for a, b, y in _SLASH_DAY.findall(line)] + [(y, b, a) for a, b, y in _SLASH_DAY.findall(line)]
    for m in _WORDED_DAY.finditer(line):
        month, day, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        found.append((year, str(_MONTHS[month.lower()]), day))
    return {f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in found if 1 <= int(m) <= 12 and 1 <= int(d) <= 31}


def keys_of(line: str) -> set[str]:
    keys = day_keys(line)
    for token in _TOKEN.findall(line):
        keys |= figure_keys(token) if token[0].isdigit() else {token}
    return keys


@cache
def story_vocabulary() -> frozenset[str]:
    """Every distinctive word, figure and day of the seed and development stories."""
    found: set[str] = set()
    for path in story_texts():
        for line in path.read_text(encoding="utf-8").splitlines():
            found |= {k for k in keys_of(line) if not k[0].isalpha() or (k[0].isupper() and len(k) > 1
                                                                          and not is_general(k))}
    return frozenset(found)


def test_story_vocabulary_is_read_from_the_texts():
    seeds = {"RAICES", "CPB", "CBP", "Salesforce", "Benioff", "Ryan", "BuzzFeed", "McAllen", "650", "250,000",
             "19.4", "82,000", "1-1-1", "10:48", "2018-07-19"}
    assert seeds <= story_vocabulary()
    assert not {"Monday", "June", "Customs", "Border", "Protection", "Refugee", "100", "300", "2018", "0.95",
                "EUR", "CEO", "GMT"} & story_vocabulary()
    # Whole tokens only: "A380", like an escaped "\u2018" in a rule file, holds no figure.
    figures = keys_of(r"On 7/19/2018, 19 de julio de 2018, at 10:48 p.m., 250,000 of 1,000 (19.4) in 2018 A380")
    assert {k for k in figures if not k[0].isalpha()} == {"2018-07-19", "7/19/2018", "10:48", "250,000", "19.4"}


def test_story_vocabulary_reads_the_dev_stories_and_ci_never_goes_without(tmp_path, monkeypatch):
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".txt", ".md"))
    story = tmp_path / "dev" / "a-story"
    story.mkdir(parents=True)
    (story / "wire.txt").write_text("A development story.", encoding="utf-8")
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    assert story_texts() == [*seeds, story / "wire.txt"]
    # Without the shared folder a local run guards against the seeds; CI fails, never narrows.
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    assert story_texts() == seeds
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI needs it"):
        story_texts()


@pytest.mark.parametrize("runner_ci, seen", [(None, "true"), ("1", "1")], ids=["runner-sets-none", "runner-sets-1"])
def test_the_ci_script_runs_the_tests_as_ci(tmp_path, runner_ci, seen):
    # .ci/run as it is, over a stand-in venv: the tests see CI set, whatever the runner set.
    (tmp_path / ".ci").mkdir()
    shutil.copy2(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    log, tools = tmp_path / "log", tmp_path / "tools"
    for stub in (tools / "python3", tmp_path / ".venv" / "bin" / "pip", tmp_path / ".venv" / "bin" / "python"):
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(f'#!/bin/sh\necho "$(basename "$0") CI=${{CI-unset}}" >> "{log}"\n', encoding="utf-8")
        stub.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([tmp_path / ".ci" / "run"], env=env | ({"CI": runner_ci} if runner_ci else {}), check=True)
    assert log.read_text(encoding="utf-8").splitlines()[-1] == f"python CI={seen}"


@pytest.mark.parametrize("path", GUARDED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_story_specific_vocabulary(path):
    vocabulary = story_vocabulary()
    hits = [f"{path.relative_to(ROOT)}:{n}: {', '.join(sorted(keys_of(line) & vocabulary))}"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if keys_of(line) & vocabulary]
    assert not hits, "words or figures of a seed or development story:\n" + "\n".join(hits)


def test_no_dev_story_figure_is_written_into_the_package():
    """No mention the dev gold annotates with a figure ("$A4.47 billion", "for 17 days") stands in
    reconcile/ or rules/: a rule is fixed by its class of construction, never by the sentence."""
    import json

    mentions = set()
    for gold in sorted(require_shared("dev").glob("*.scorer.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        mentions |= {m["text"].strip() for fact in [*data["facts"], *data.get("optional", [])]
                     for m in fact["mentions"] if any(ch.isdigit() for ch in m["text"]) and len(m["text"]) >= 10}
    found = [f"{path.relative_to(PACKAGE.parent)}: {m!r}"
             for path in files(".") + sorted((PACKAGE.parent / "rules").rglob("*.yaml"))
             for m in mentions if m in path.read_text(encoding="utf-8")]
    assert mentions and not found, found
