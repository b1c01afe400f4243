"""Whatever a fact-checker feeds it: odd encodings, stray files, empty and huge inputs, bad paths.

Each case asserts the exit code, the message, and what the report holds.
"""

from __future__ import annotations

import io
import json
import os

import pandas as pd
import pytest

from reconcile.cli import EXIT_ERROR, EXIT_OK

from .test_cli import invoke

STORY = ("The council approved a \u00a34.5 million budget on Monday. \u201cIt is a fair deal,\u201d said Mayor "
         "Ana Ortiz.\n")


def compare_json(*paths, exit_code=EXIT_OK):
    result = invoke(["compare", *paths, "--format", "json"], exit_code)
    return json.loads(result.output) if exit_code == EXIT_OK else result


def assert_offsets_hold(report):
    """Every claim is the recorded slice of its file decoded with the recorded encoding, newlines as stored."""
    for source in report["sources"]:
        with open(source["path"], "rb") as handle:
            text = handle.read().decode(source["encoding"])
        for claim in (c for c in report["claims"] if c["source"] == source["id"]):
            assert text[claim["start"]:claim["end"]] == claim["text"]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-32", "utf-32"),
    ("cp1252", "cp1252"),
])
def test_encodings_are_recorded_and_offsets_index_the_decoded_text(tmp_path, encoding, expected):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode(encoding))
    report = compare_json(path)
    assert report["sources"][0]["encoding"] == expected
    assert [c["text"] for c in report["claims"] if c["kind"] == "money"] == ["\u00a34.5 million"]
    assert_offsets_hold(report)


def test_legacy_text_in_another_code_page_is_read_in_it(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("\u0426\u0435\u043d\u0430 \u0432\u044b\u0440\u043e\u0441\u043b\u0430 \u043d\u0430 250 "
                     "\u0440\u0443\u0431\u043b\u0435\u0439, \u0441\u043a\u0430\u0437\u0430\u043b "
                     "\u043c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430.".encode("cp1251"))
    assert compare_json(path)["sources"][0]["encoding"] == "cp1251"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_lines_columns_and_offsets(tmp_path, newline):
    path = tmp_path / "story.txt"
    path.write_bytes(("Headline" + newline + newline + STORY.strip()).encode("utf-8"))
    report = compare_json(path)
    money = next(c for c in report["claims"] if c["kind"] == "money")
    assert (money["line"], money["col"]) == (3, 24)
    assert_offsets_hold(report)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\u201cThe quote never closes and runs on".encode(),
                                     ("(" * 5000 + "40 homes" + ")" * 5000).encode(), ("x" * 200_000).encode()])
def test_empty_odd_and_long_files_are_sources_with_or_without_claims(tmp_path, content):
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    report = compare_json(tmp_path)
    assert sorted(s["id"] for s in report["sources"]) == ["odd", "story"]
    assert report["skipped"] == []
    assert_offsets_hold(report)


def test_unreadable_files_inside_a_folder_are_skipped_and_listed(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR\x00\x00")
    os.symlink(tmp_path / "loop.md", tmp_path / "loop.md")
    report = compare_json(tmp_path)
    assert [s["id"] for s in report["sources"]] == ["story"]
    reasons = {os.path.basename(s["path"]): s["reason"] for s in report["skipped"]}
    assert set(reasons) == {"photo.txt", "loop.md"}
    assert "binary" in reasons["photo.txt"] and "loop" in reasons["loop.md"]
    out = invoke(["compare", tmp_path]).output
    assert "skipped" in out and "photo.txt" in out


@pytest.mark.parametrize("case, message", [
    ("missing", "does not exist"),
    ("nothing_readable", "nothing readable"),
    ("binary_named", "binary"),
])
def test_bad_paths_are_usage_errors(tmp_path, case, message):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x00\x01\x02")
    target = {"missing": tmp_path / "nope", "nothing_readable": folder, "binary_named": folder / "a.txt"}[case]
    result = invoke(["compare", target], EXIT_ERROR)
    assert message in result.stderr and "Traceback" not in result.stderr
    # one error line (click adds its two usage lines before it for a bad argument)
    assert sum(line.startswith("Error") or line.startswith("reconcile:") for line in result.stderr.splitlines()) <= 1
    assert len([line for line in result.stderr.splitlines() if line.strip()]) <= 3


def test_same_file_name_in_two_folders_gives_two_sources(tmp_path):
    for folder in ("wire", "local"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY, encoding="utf-8")
    report = compare_json(tmp_path)
    assert sorted(s["id"] for s in report["sources"]) == ["local/story", "wire/story"]


def test_report_invariants_hold(tmp_path, seeds_dir):
    report = compare_json(seeds_dir)
    claims = [c["id"] for c in report["claims"]]
    grouped = [cid for g in report["groups"] for cid in g["claims"]]
    assert sorted(grouped) == sorted(claims) and len(set(grouped)) == len(grouped)  # groups partition claims
    assert json.loads(json.dumps(report)) == report
    frame = pd.read_csv(io.StringIO(invoke(["compare", seeds_dir, "--format", "csv"]).output))
    assert list(frame["claim"]) == claims
    for fmt in ("json", "csv", "terminal", "markdown", "wide-csv"):
        first = invoke(["compare", seeds_dir, "--format", fmt]).output
        assert invoke(["compare", seeds_dir, "--format", fmt]).output == first


def test_the_cyclic_collector_is_paused_while_a_report_is_built_and_restored_after(rules, monkeypatch):
    import gc

    import reconcile.pipeline as pipeline
    from reconcile.model import Source

    sources = (Source(id="a", path="a.txt", text="The council paid $4 million on Monday."),
               Source(id="b", path="b.txt", text="On Monday the council paid $4 million."))
    seen = []
    real = pipeline.align

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "align", watched)
    assert gc.isenabled()
    report = pipeline.build_report(sources, rules)
    assert seen == [False] and gc.isenabled() and report.groups
    gc.disable()  # a caller that runs without the collector keeps it off
    try:
        pipeline.build_report(sources, rules)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def failing(*args, **kwargs):
        raise RuntimeError("alignment failed")

    monkeypatch.setattr(pipeline, "align", failing)
    with pytest.raises(RuntimeError):
        pipeline.build_report(sources, rules)
    assert gc.isenabled()
