"""The HTML report in a real browser: the system's Chromium, driven by Playwright.

These tests open the golden page `reports/seeds.html` (and pages written here) from disk, click,
filter and read them as a fact-checker would, and refuse every network request. CI installs
Chromium with the system's package manager and never skips them; a developer without it
deselects them with `-m "not browser"`. The screenshots for the README are taken here too.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile.cli import EXIT_FINDINGS, main
from reconcile.report.records import section_of

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "reports" / "seeds.html"
RECORDS = json.loads((ROOT / "reports" / "seeds.json").read_text(encoding="utf-8"))
# Where Debian, Ubuntu and others put the browser; RECONCILE_CHROMIUM names another.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HOW = "install Chromium (apt-get install chromium) and the test extras, or deselect these tests: -m 'not browser'"


def chromium() -> str:
    path = os.environ.get("RECONCILE_CHROMIUM") or next(filter(None, map(shutil.which, CANDIDATES)), None)
    if not path:
        pytest.fail(f"no Chromium found: {HOW}", pytrace=False)
    return path


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Playwright is not installed: {HOW}", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium())
        yield launched
        launched.close()


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(path: Path, *, width: int = 1280, height: int = 900, javascript: bool = True,
              fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript)
        contexts.append(context)
        opened = Opened(context.new_page())

        def route(handle):
            opened.requests.append(handle.request.url)
            if handle.request.url.startswith("file:"):
                handle.continue_()
            else:
                handle.abort()

        context.route("**/*", route)
        opened.page.on("pageerror", lambda error: opened.errors.append(str(error)))
        opened.page.goto(path.as_uri() + fragment)
        return opened

    yield open_
    for context in contexts:
        context.close()


def claim_dom(claim_id: str) -> str:
    return f"c{[c['id'] for c in RECORDS['claims']].index(claim_id)}"


def visible_cards(page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        ".card", "cards => cards.filter(c => c.checkVisibility()).map(c => ({id: c.id, "
                 "verdict: c.dataset.verdict, kind: c.dataset.kind, text: c.textContent}))")


def test_discrepancies_come_first_with_the_misspelling_and_the_quote_variant(open_page):
    opened = open_page(GOLDEN)
    section = opened.page.locator("details.section").first
    assert section.locator("summary h3").inner_text().startswith("Discrepancies")
    cards = section.locator(".card")
    labels = cards.evaluate_all("cards => cards.map(c => c.dataset.verdict)")
    assert sorted(labels) == ["conflict", "quote_variant"]
    conflict = section.locator(".card[data-verdict=conflict]")
    assert "CPB" in conflict.inner_text() and "possibly a misspelling" in conflict.inner_text()
    variant = section.locator(".card[data-verdict=quote_variant]")
    assert variant.locator("del").count() + variant.locator("ins").count() > 0  # the words that differ, marked
    assert variant.locator("del, ins").first.is_visible()
    assert opened.errors == []


def test_clicking_a_claim_in_a_card_scrolls_its_source_to_the_highlight(open_page):
    opened = open_page(GOLDEN, height=700)
    page = opened.page
    # The last claim of the last source that another source states too: far down a source not shown at first.
    last = RECORDS["sources"][-1]["id"]
    shared = {cid for g in RECORDS["groups"] if section_of(g) != "Single source" for cid in g["claims"]}
    claim = max((c for c in RECORDS["claims"] if c["source"] == last and c["id"] in shared),
                key=lambda c: c["start"])
    dom = claim_dom(claim["id"])
    source = page.locator(".source").nth(len(RECORDS["sources"]) - 1)
    assert not source.is_visible()
    page.locator(f'.card a.claim-link[href="#{dom}"]').first.click()
    assert source.is_visible()
    mark = page.locator(f'.source [data-c~="{dom}"]').first
    assert "active" in mark.get_attribute("class")
    box, frame = mark.bounding_box(), source.bounding_box()
    inside = frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"]
    assert inside, "scrolled into its source"
    assert 0 <= box["y"] <= 700 - box["height"], "and into the window"
    assert source.evaluate("s => s.scrollTop") > 0
    assert page.locator(f'.source [data-c~="{dom}"]').evaluate_all("ms => ms.map(m => m.textContent).join('')") \
        == claim["text"]


def test_clicking_a_highlight_in_a_source_opens_its_group(open_page):
    page = open_page(GOLDEN).page
    single = next(g for g in RECORDS["groups"] if g["verdict"] == "single_source"
                  and RECORDS["claims"][int(claim_dom(g["claims"][0])[1:])]["source"] == RECORDS["sources"][0]["id"])
    card = page.locator(f'[id="{single["id"]}"]')
    assert not card.is_visible()  # the single-source section starts folded
    dom = claim_dom(single["claims"][0])
    page.locator(f'.source [data-c~="{dom}"]').first.click()
    assert card.is_visible() and "active" in card.get_attribute("class")
    assert card.evaluate("c => c === document.activeElement")
    box = card.bounding_box()
    assert box["y"] < 900 and box["y"] + box["height"] > 0


def test_a_highlight_is_reached_and_followed_with_the_keyboard(open_page):
    page = open_page(GOLDEN).page
    group = next(g for g in RECORDS["groups"] if g["verdict"] == "agree")
    dom = claim_dom(group["claims"][0])
    mark = page.locator(f'.source [data-c~="{dom}"]').first
    page.locator(".source.current").evaluate("s => s.scrollIntoView()")
    mark.focus()
    page.keyboard.press("Enter")
    card = page.locator(f'[id="{group["id"]}"]')
    assert card.evaluate("c => c === document.activeElement")
    # Cards are in the tab order themselves.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.card') !== null")


def test_filtering_to_conflicts_shows_the_conflicts_and_keeps_the_view_in_the_link(open_page):
    opened = open_page(GOLDEN)
    page = opened.page
    page.locator('form.filters input[name=verdict][value=conflict]').check()
    expected = sorted(g["id"] for g in RECORDS["groups"]
                      if g["verdict"] == "conflict" and "developing" not in g["flags"])
    assert sorted(c["id"] for c in visible_cards(page)) == expected
    assert page.evaluate("location.hash") == "#filter?verdict=conflict"
    shown = page.locator("form.filters .shown").inner_text()
    assert shown == f"{len(expected)} of {len(RECORDS['groups'])} groups shown"
    # A colleague opening the link sees the same cards.
    again = open_page(GOLDEN, fragment="#filter?verdict=conflict").page
    assert sorted(c["id"] for c in visible_cards(again)) == expected
    assert again.locator('input[name=verdict][value=conflict]').is_checked()
    page.locator("form.filters button[type=reset]").click()
    page.wait_for_function("document.querySelector('form.filters .shown').textContent === ''")
    assert page.evaluate("location.hash") == ""
    # Cleared, the page is as it opened: every card there, the single-source ones folded again.
    assert len(visible_cards(page)) == sum(1 for g in RECORDS["groups"] if section_of(g) != "Single source")
    assert page.eval_on_selector_all(".card[hidden]", "cards => cards.length") == 0


@pytest.mark.parametrize("fragment, check", [
    ("#filter?kind=money", lambda card: card["kind"] == "money"),
    ("#filter?q=salesforce", lambda card: "salesforce" in card["text"].lower()),
    ("#filter?verdict=agree&verdict=compatible&kind=count",
     lambda card: card["verdict"] in ("agree", "compatible") and card["kind"] == "count"),
])
def test_every_filter_narrows_the_cards_to_what_it_names(open_page, fragment, check):
    page = open_page(GOLDEN, fragment=fragment).page
    shown = visible_cards(page)
    assert shown and all(check(card) for card in shown)
    hidden = page.eval_on_selector_all(".card[hidden]", "cards => cards.length")
    assert len(shown) + hidden == len(RECORDS["groups"])


def test_two_sources_pinned_stand_side_by_side(open_page):
    page = open_page(GOLDEN).page
    first, second = page.locator(".source").nth(0), page.locator(".source").nth(1)
    first.locator("button.pin").click()
    assert first.locator("button.pin").get_attribute("aria-pressed") == "true"
    page.locator(".tabs button").nth(2).click()
    third = page.locator(".source").nth(2)
    assert first.is_visible() and third.is_visible() and not second.is_visible()
    left, right = first.bounding_box(), third.bounding_box()
    assert left["x"] + left["width"] <= right["x"] and abs(left["y"] - right["y"]) < 2


def test_the_page_makes_no_request_of_any_kind(open_page):
    opened = open_page(GOLDEN)
    page = opened.page
    page.locator('form.filters input[name=verdict][value=agree]').check()
    page.locator(".card:not([hidden]) a.claim-link").first.click()
    assert opened.requests == [GOLDEN.as_uri()]
    assert opened.errors == []


def test_the_page_reads_with_scripts_off(open_page):
    page = open_page(GOLDEN, javascript=False).page
    assert not page.locator("form.filters").is_visible()
    assert not page.locator(".tabs").is_visible()
    assert all(source.is_visible() for source in page.locator(".source").all())
    assert page.locator("details.section[open] .card").count() == sum(
        1 for g in RECORDS["groups"] if section_of(g) != "Single source")
    assert all(card.is_visible() for card in page.locator("details.section[open] .card").all())


def test_printing_shows_every_source_and_no_controls(open_page):
    page = open_page(GOLDEN).page
    page.emulate_media(media="print")
    assert all(source.is_visible() for source in page.locator(".source").all())
    assert not page.locator("form.filters").is_visible()


def contrast_script() -> str:
    return """els => els.map(el => {
      const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92
                          : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      let node = el, back = 'rgba(0, 0, 0, 0)';
      while (node && /rgba\\(.*, 0\\)/.test(back)) {
        back = getComputedStyle(node).backgroundColor; node = node.parentElement;
      }
      if (/rgba\\(.*, 0\\)/.test(back)) back = 'rgb(255, 255, 255)';
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(back))];
      return {text: el.textContent.slice(0, 30), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
    })"""


def test_labels_and_highlights_keep_aa_contrast_and_say_their_verdict(open_page):
    page = open_page(GOLDEN).page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    measured = page.eval_on_selector_all(".badge, .hl, del, ins, .muted, .flag, .explanation, .value, mark",
                                         contrast_script())
    low = [m for m in measured if m["ratio"] < 4.5]
    assert measured and low == []
    # A verdict is written out, never told by colour alone.
    for card in page.locator(".card").all()[:10]:
        assert card.locator(".badge").inner_text() == card.get_attribute("data-verdict")
    titles = page.eval_on_selector_all(".source .hl", "ms => ms.map(m => m.title.split(' ')[0])")
    assert set(titles) <= {"conflict", "developing", "quote_variant", "compatible", "agree", "single_source"}


def test_screenshots_at_desktop_and_phone_widths(open_page):
    desktop = open_page(GOLDEN, width=1280, height=900).page
    desktop.screenshot(path=str(ROOT / "reports" / "seeds.desktop.png"))
    phone = open_page(GOLDEN, width=390, height=844).page
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
    cards, reader = phone.locator(".cards").bounding_box(), phone.locator(".reader").bounding_box()
    assert reader["y"] >= cards["y"] + cards["height"] - 1, "the sources follow the cards on a narrow screen"
    phone.screenshot(path=str(ROOT / "reports" / "seeds.phone.png"))
    for name in ("seeds.desktop.png", "seeds.phone.png"):
        assert (ROOT / "reports" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_source_full_of_markup_runs_nothing(open_page, tmp_path):
    (tmp_path / "a.txt").write_text('Officials said <script>window.owned = 1</script> 12 people died.\n'
                                    '<img src=x onerror="window.owned = 2"> The mayor spoke on Monday.\n')
    (tmp_path / "b.txt").write_text("Officials said 14 people died.\n")
    out = tmp_path / "report.html"
    CliRunner().invoke(main, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "html",
                              "-o", str(out)], catch_exceptions=False)
    opened = open_page(out)
    assert opened.page.evaluate("window.owned === undefined")
    assert "<script>window.owned = 1</script>" in opened.page.locator(".source").first.inner_text()
    assert opened.requests == [out.as_uri()]


def test_check_page_links_each_underlined_finding_to_the_sources_wording(open_page, tmp_path):
    drafts = ROOT / "tests" / "fixtures" / "drafts"
    out = tmp_path / "check.html"
    result = CliRunner().invoke(main, ["check", str(drafts / "changed_amount.md"), "--against", str(ROOT / "seeds"),
                                       "--format", "html", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == EXIT_FINDINGS
    page = open_page(out).page
    mark = page.locator(".finding-mark").first
    assert mark.inner_text() == "$25,000"
    style = mark.evaluate("m => getComputedStyle(m).textDecorationLine")
    assert "underline" in style
    mark.click()
    card = page.locator(".card.finding").first
    assert "active" in card.get_attribute("class") and "$250,000" in card.inner_text()
    card.locator("a.claim-link").click()
    assert "active" in mark.get_attribute("class")


def test_feed_page_index_leads_to_each_story(open_page, tmp_path):
    out = tmp_path / "feed.html"
    CliRunner().invoke(main, ["feed", str(ROOT / "tests" / "fixtures" / "feed" / "day.jsonl"), "--engine", "serial",
                              "--format", "html", "-o", str(out)], catch_exceptions=False)
    opened = open_page(out, height=600)
    page = opened.page
    links = page.locator(".index a")
    assert links.count() >= 2
    links.nth(links.count() - 1).click()
    story = page.locator(".story").nth(links.count() - 1)
    box = story.bounding_box()
    assert box["y"] < 600 and box["y"] + box["height"] > 0
    assert opened.errors == []
