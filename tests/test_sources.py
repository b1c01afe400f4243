"""Reading sources: ids, paths, metadata, encodings; offsets always index the original text."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile import load_sources
from reconcile.errors import InputError
from reconcile.sources import parse_assignments


def write(folder, name, content, encoding="utf-8"):
    path = folder / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def test_a_folder_gives_its_txt_and_md_files_by_name(tmp_path):
    write(tmp_path, "b.md", "Second.")
    write(tmp_path, "a.txt", "First.")
    write(tmp_path, "notes.csv", "x,y")
    write(tmp_path, ".hidden.txt", "Hidden.")
    sources = load_sources([tmp_path])
    assert [s.id for s in sources] == ["a", "b"]
    assert [s.path for s in sources] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]


def test_path_is_as_given_so_it_opens_from_where_the_command_ran(seeds_dir, monkeypatch):
    monkeypatch.chdir(seeds_dir.parent)
    sources = load_sources(["seeds"])
    assert sources[0].path == "seeds/000_47b478695b0a2d4c.txt"


def test_date_prefix_is_metadata_not_text(tmp_path):
    path = write(tmp_path, "wire.txt", " date 2021-03-04 The council met on Tuesday.\n")
    (source,) = load_sources([path])
    assert source.published == dt.date(2021, 3, 4)
    assert source.text[source.body_start:].startswith("The council met")


def test_front_matter_gives_date_outlet_and_title(tmp_path):
    path = write(tmp_path, "story.md", "---\ndate: 2020-01-02\noutlet: Daily Planet\ntitle: Floods\n---\nRain fell.\n")
    (source,) = load_sources([path])
    assert (source.published, source.outlet, source.title) == (dt.date(2020, 1, 2), "Daily Planet", "Floods")
    assert source.name == "Daily Planet"
    assert source.text[source.body_start:] == "Rain fell.\n"


def test_unknown_date_stays_unknown(tmp_path):
    (source,) = load_sources([write(tmp_path, "plain.txt", "No metadata here.")])
    assert source.published is None and source.outlet is None
    assert source.name == "plain"


def test_options_override_metadata(tmp_path):
    path = write(tmp_path, "wire.txt", " date 2021-03-04 Text.")
    (source,) = load_sources([path], published={"wire": "2021-03-05"}, outlets={"wire": "Wire Service"})
    assert source.published == dt.date(2021, 3, 5)
    assert source.outlet == "Wire Service"


@pytest.mark.parametrize("published, outlets, message", [
    ({"nope": "2021-01-01"}, {}, "no source with id 'nope'"),
    ({}, {"nope": "X"}, "no source with id 'nope'"),
    ({"wire": "yesterday"}, {}, "is not a date"),
])
def test_bad_overrides_are_errors_not_silently_dropped(tmp_path, published, outlets, message):
    path = write(tmp_path, "wire.txt", "Text.")
    with pytest.raises(InputError, match=message):
        load_sources([path], published=published, outlets=outlets)


@pytest.mark.parametrize("content, message", [
    ("---\ndate: 2020-13-45\n---\nText", "is not a date"),
    ("---\ndate: [unclosed\n---\nText", "not valid YAML"),
    ("---\n- a\n- list\n---\nText", "must be a mapping"),
    ("---\ntitle: A\ntitle: B\n---\nText", "found the key 'title' twice"),
])
def test_bad_front_matter_is_an_input_error(tmp_path, content, message):
    with pytest.raises(InputError, match=message):
        load_sources([write(tmp_path, "bad.md", content)])


@pytest.mark.parametrize("raw, encoding, text", [
    ("Cost: £5 “quoted”".encode(), "utf-8", "Cost: £5 “quoted”"),
    (b"\xef\xbb\xbf" + "Cost: £5".encode(), "utf-8-sig", "Cost: £5"),
    ("Cost: £5".encode("utf-16"), "utf-16", "Cost: £5"),
    ("Cost: £5 “quoted”".encode("cp1252"), "cp1252", "Cost: £5 “quoted”"),
    (b"line one\r\nline two\r\n", "utf-8", "line one\r\nline two\r\n"),
])
def test_text_is_decoded_without_changing_it(tmp_path, raw, encoding, text):
    (source,) = load_sources([write(tmp_path, "x.txt", raw)])
    assert (source.encoding, source.text) == (encoding, text)
    assert raw.decode(source.encoding) == source.text


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="binary"):
        load_sources([write(tmp_path, "x.txt", b"\x00\x01\x02text")])


def test_missing_path_and_empty_folder_are_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_sources([tmp_path / "missing.txt"])
    with pytest.raises(InputError, match="no .txt, .md, .html, .htm or .jsonl files"):
        load_sources([tmp_path])


def test_same_file_name_in_two_folders_gives_two_sources(tmp_path):
    for folder in ("ap", "reuters"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "story.txt", f"From {folder}.")
    sources = load_sources([tmp_path])
    assert [s.id for s in sources] == ["ap/story", "reuters/story"]


def test_line_and_column_count_crlf_once(tmp_path):
    (source,) = load_sources([write(tmp_path, "x.txt", b"one\r\ntwo\rthree\nfour")])
    def line_col(word):
        span = source.span(source.text.index(word), 0)
        return span.line, span.col

    assert [line_col(w) for w in ("one", "two", "three", "our")] == [(1, 1), (2, 1), (3, 1), (4, 2)]


@pytest.mark.parametrize("pairs, expected", [
    (["a=2020-01-01"], {"a": "2020-01-01"}),
    (["a = X Y", "b=Z"], {"a": "X Y", "b": "Z"}),
])
def test_assignments_parse(pairs, expected):
    assert parse_assignments(pairs, "--outlet") == expected


@pytest.mark.parametrize("pair", ["a", "=x", "a="])
def test_bad_assignment_is_an_error(pair):
    with pytest.raises(InputError, match="expects ID=VALUE"):
        parse_assignments([pair], "--outlet")
