"""The HTML report without a browser: what the page holds, how claims are cut into the text, escaping.

What the page does when a person clicks and filters is tested in a real browser in test_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from reconcile.cli import EXIT_FINDINGS, EXIT_OK, main
from reconcile.report.html import render_check
from reconcile.report.views import segments, word_diff

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "reports" / "seeds.html"


def invoke(args, exit_code=EXIT_OK):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == exit_code, result.output + result.stderr
    return result


class Page(HTMLParser):
    """The elements of a page: ids, links, scripts and the text inside each marked claim."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.sources: list[str] = []  # every src= and href= value
        self.scripts = 0
        self.claims: dict[str, str] = {}  # claim element id -> text of the marks that carry it
        self.classes: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        self.classes.append(attributes.get("class") or "")
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.sources.append(attributes[name])
        if attributes.get("href", "").startswith("#"):
            self.hrefs.append(attributes["href"][1:])
        if tag == "script":
            self.scripts += 1
        if tag == "a":
            self._open.append(attributes.get("data-c", "").split())

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for keys in self._open:
            for key in keys:
                self.claims[key] = self.claims.get(key, "") + data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


@pytest.mark.parametrize("text, spans, expected", [
    ("no claims here", [], [("no claims here", [], [])]),
    ("paid $5 today", [(5, 7, "a")], [("paid ", [], []), ("$5", ["a"], ["a"]), (" today", [], [])]),
    # A figure inside a quotation: the innermost claim is listed first.
    ("“we lost 38 homes”", [(0, 18, "q"), (9, 17, "n")],
     [("“we lost ", ["q"], ["q"]), ("38 homes", ["n", "q"], ["n"]), ("”", ["q"], [])]),
    # Claims that overlap without nesting are cut at every edge, never nested wrongly.
    ("abcdef", [(0, 4, "x"), (2, 6, "y")], [("ab", ["x"], ["x"]), ("cd", ["x", "y"], ["y"]), ("ef", ["y"], [])]),
    ("ab", [(0, 1, "x"), (1, 2, "y")], [("a", ["x"], ["x"]), ("b", ["y"], ["y"])]),
    ("", [], []),
])
def test_segments_cut_the_text_at_every_claim_edge(text, spans, expected):
    assert [(p["text"], p["claims"], p["starts"]) for p in segments(text, spans)] == expected


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8))
def test_segments_join_to_the_text_and_list_exactly_the_claims_covering_them(text, raw):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text)), f"k{i}") for i, (a, b) in enumerate(raw)]
    spans = [s for s in spans if s[0] < s[1]]
    pieces = segments(text, spans)
    assert "".join(p["text"] for p in pieces) == text
    at = 0
    for piece in pieces:
        end = at + len(piece["text"])
        assert sorted(piece["claims"]) == sorted(k for s, e, k in spans if s <= at and end <= e and s < e)
        at = end
    assert sorted(k for p in pieces for k in p["starts"]) == sorted(k for _, _, k in spans)


@pytest.mark.parametrize("reference, other, expected", [
    ("we will not stop", "we will not stop", [("same", "we will not stop")]),
    ("inhumane and illegal policies", "inhumane and unlawful policies",
     [("same", "inhumane and"), ("deleted", "illegal"), ("inserted", "unlawful"), ("same", "policies")]),
    ("the DPB [sic] deal", "the DPB deal", [("same", "the DPB"), ("deleted", "[sic]"), ("same", "deal")]),
    ("help", "help us now", [("same", "help"), ("inserted", "us now")]),
    ("We Will", "we will", [("same", "we will")]),  # letter case is no variant
])
def test_word_diff_marks_deleted_and_inserted_words(reference, other, expected):
    assert word_diff(reference, other) == expected


def test_the_golden_page_holds_every_group_and_every_claim_at_its_place():
    records = json.loads((ROOT / "reports" / "seeds.json").read_text(encoding="utf-8"))
    page = parse(GOLDEN.read_text(encoding="utf-8"))
    assert {g["id"] for g in records["groups"]} <= set(page.ids)
    texts = {s["id"]: (ROOT / s["path"]).read_text(encoding="utf-8") for s in records["sources"]}
    for number, claim in enumerate(records["claims"]):
        key = f"c{number}"
        assert key in page.ids, claim["id"]  # the anchor a card's link jumps to
        # The marks carrying a claim hold its text exactly, as the source has it.
        assert page.claims[key] == claim["text"] == texts[claim["source"]][claim["start"]:claim["end"]]
    assert set(page.hrefs) <= set(page.ids), "every link inside the page has its target"
    assert page.scripts == 1


def test_the_page_asks_the_network_for_nothing():
    text = GOLDEN.read_text(encoding="utf-8")
    assert not re.search(r"https?:", text)
    assert all(not re.match(r"[a-z]+:", ref) for ref in parse(text).sources)
    assert "@import" not in text and "url(" not in text


def test_a_source_full_of_markup_shows_as_text(tmp_path):
    (tmp_path / "a.txt").write_text('Officials said <script>alert("owned")</script> 12 people died on Monday.\n'
                                    '<img src=x onerror="alert(1)"> "We will rebuild," the mayor said.\n')
    (tmp_path / "b.txt").write_text("Officials said 14 people died on Monday.\n")
    out = tmp_path / "report.html"
    invoke(["compare", tmp_path / "a.txt", tmp_path / "b.txt", "--format", "html", "-o", out])
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in page
    assert parse(page).scripts == 1
    assert all(not ref.startswith("x") for ref in parse(page).sources)


def test_compare_writes_the_golden_page(tmp_path):
    out = tmp_path / "seeds.html"
    invoke(["compare", "seeds", "--format", "html", "-o", out])
    assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")


def test_claims_as_a_page_lists_each_claim_and_marks_it_in_its_source(seeds_dir):
    page = invoke(["claims", seeds_dir, "--format", "html"]).output
    parsed = parse(page)
    records = json.loads(invoke(["claims", seeds_dir, "--format", "json"]).output)
    assert len(records["claims"]) == sum(1 for key in parsed.claims if re.fullmatch(r"c\d+", key))
    assert 'class="card ' not in page and "filters" not in "".join(parsed.classes)


def test_check_page_underlines_each_finding_in_its_draft_with_the_sources_beside_it():
    drafts = ROOT / "tests" / "fixtures" / "drafts"
    result = invoke(["check", drafts / "changed_amount.md", drafts / "altered_quote.md", "--against", "seeds",
                     "--format", "html"], exit_code=EXIT_FINDINGS)
    page = result.output
    findings = json.loads(invoke(["check", drafts / "changed_amount.md", drafts / "altered_quote.md",
                                  "--against", "seeds", "--format", "json"], exit_code=EXIT_FINDINGS).output)
    parsed = parse(page)
    for number, finding in enumerate(findings["findings"]):
        assert parsed.claims[f"at-f{number}"] == finding["text"]
        assert f"f{number}" in parsed.ids
        for support in finding["sources"]:
            assert support["path"] in page
    assert page.count('class="finding-mark v-conflict failing"') == 1
    assert "<del><span class=\"sr\">deleted: </span>illegal</del>" in page  # the source's word the draft dropped


def test_finding_offsets_are_checked_against_the_draft():
    records = {"drafts": ["d.md"], "draft_texts": [{"path": "d.md", "text": "one\r\ntwo 12 cats\n"}], "sources": [],
               "checked": [], "fail_on": [], "failed": False, "copies": [],
               "findings": [{"draft": "d.md", "line": 2, "col": 5, "text": "12 cats", "kind": "count",
                             "verdict": "conflict", "flags": [], "explanation": "", "sources": [], "notes": [],
                             "suppressed": None, "failing": True},
                            {"draft": "d.md", "line": 2, "col": 1, "text": "not here", "kind": "count",
                             "verdict": "conflict", "flags": [], "explanation": "", "sources": [], "notes": [],
                             "suppressed": None, "failing": True}]}
    parsed = parse(render_check(records))
    assert parsed.claims == {"at-f0": "12 cats"}  # a finding whose text is not at its place is not drawn
    assert {"f0", "f1"} <= set(parsed.ids)  # but its card is there


def test_feed_page_indexes_its_stories_and_links_each_to_its_report(tmp_path):
    out = tmp_path / "feed.html"
    invoke(["feed", ROOT / "tests" / "fixtures" / "feed" / "day.jsonl", "--engine", "serial", "--format", "html",
            "-o", out])
    stories = json.loads(invoke(["feed", ROOT / "tests" / "fixtures" / "feed" / "day.jsonl", "--engine", "serial"])
                         .output)["stories"]
    page = out.read_text(encoding="utf-8")
    parsed = parse(page)
    assert set(parsed.hrefs) <= set(parsed.ids)
    for story in stories:
        assert story["id"] in page
        anchors = [i for i in parsed.ids if i.endswith("-story") and story["id"] in i]
        assert len(anchors) == 1 and anchors[0] in parsed.hrefs
    assert len([i for i in parsed.ids if i.endswith("-story")]) == len(stories)
    # Ids stay unique although every story numbers its claims from zero.
    assert len(parsed.ids) == len(set(parsed.ids))
    claims = sum(len(s["claims"]) for s in stories)
    assert sum(1 for key in parsed.claims if re.search(r"-c\d+$", key)) == claims


def _claim(number: int, source: str, text: str, amount: int) -> dict:
    return {"id": f"{source}:count:{number}", "source": source, "kind": "count", "start": 0, "end": len(text),
            "line": 1, "col": 1, "text": text, "sentence": text, "sentence_start": 0,
            "value": {"amount": amount, "qualifier": "exact", "low": amount, "high": amount, "unit": "people",
                      "currency": None}, "quoted": False, "credited": None, "anonymous": False, "rule": "test"}


def test_a_developing_figure_shows_its_values_in_publication_order_undated_last():
    from reconcile.report.views import story_view

    days = {"late": "2024-06-03", "early": "2024-06-01", "undated": None, "middle": "2024-06-02"}
    sources = [{"id": s, "path": f"{s}.txt", "published": day, "outlet": None, "title": None, "name": s,
                "encoding": "utf-8", "language": "en", "copy_of": None, "text": f"{n} people"}
               for s, day, n in zip(days, days.values(), (40, 31, 38, 35), strict=True)]
    claims = [_claim(0, s["id"], s["text"], int(s["text"].split()[0])) for s in sources]
    group = {"id": "g-1", "kind": "count", "claims": [c["id"] for c in claims], "verdict": "conflict",
             "flags": ["developing"], "explanation": "the toll rose"}
    view = story_view({"sources": sources, "claims": claims, "groups": [group], "copies": []})
    card = next(card for section in view["sections"] for card in section["cards"])
    assert card["label"] == "developing"
    assert [(step["published"], step["source"]) for step in card["timeline"]] == [
        ("2024-06-01", "early"), ("2024-06-02", "middle"), ("2024-06-03", "late"), ("undated", "undated")]
    assert [section["title"] for section in view["sections"] if section["cards"]] == ["Developing figures"]
