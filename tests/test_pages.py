"""Saved web pages as sources: the article's text without the page around it, its metadata, exact offsets.

Every page here is written for these tests: a news page with navigation, a cookie banner, a
related-articles box and a comment thread around the story, with its dates in JSON-LD.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import EXIT_ERROR, EXIT_OK, main
from reconcile.errors import InputError
from reconcile.pages import EmptyPage, declared_charset, is_address
from reconcile.sources import read_page_source, read_sources

HEADLINE = "Fire destroys empty warehouse in Lakeside"
STORY = [
    "A fire destroyed an empty warehouse in Lakeside on Wednesday night, and 14 firefighters fought the blaze "
    "for three hours, Fire Chief Omar Reed said.",
    "\u201cWe were lucky that the building was empty,\u201d Reed said. Damage was estimated at $2.5 million.",
    "No one was hurt, and the cause of the fire is under investigation, officials said on Thursday.",
]
OTHER = [
    "Firefighters battled a blaze at an empty Lakeside warehouse for three hours on Wednesday, Fire Chief "
    "Omar Reed said, and 12 firefighters were called in.",
    "Damage was estimated at $3 million, and no one was injured.",
]


def page(headline: str, paragraphs: list[str], *, site: str | None = "Valley Herald",
         published: str | None = "2024-03-14T09:30:00Z", modified: str | None = "2024-03-16T11:00:00Z",
         canonical: str | None = "https://www.valleyherald.example/news/lakeside-fire", charset: str = "utf-8",
         lang: str | None = "en") -> str:
    """A news page as a content system prints one, with everything a reader skips around the story."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}
    if published:
        ld["datePublished"] = published
    if modified:
        ld["dateModified"] = modified
    head = [f'<meta charset="{charset}">', f"<title>{headline} | {site or 'News'}</title>",
            f'<script type="application/ld+json">{json.dumps(ld)}</script>']
    if site:
        head.append(f'<meta property="og:site_name" content="{site}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html{f' lang="{lang}"' if lang else ''}><head>{''.join(head)}</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
<button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article><h1>{headline}</h1>
<p class="byline">By Dana Whitfield</p>
{body}</article>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/a">Council approves $7 million library budget after 45 minutes of debate</a></li>
<li><a href="/b">Bridge to close for six weeks of repairs from June 3</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>I counted 40 trucks there on Tuesday! Terrible news.</p></div></section>
</main><footer><p>Copyright 2024. All rights reserved.</p></footer></body></html>
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_page_gives_its_story_without_the_page_around_it(tmp_path):
    source = read_page_source(write(tmp_path, "herald.html", page(HEADLINE, STORY)))
    for paragraph in STORY:
        assert paragraph in source.text
    for furniture in ("cookies", "Home", "Related articles", "library budget", "40 trucks", "Comments",
                      "Copyright"):
        assert furniture not in source.text
    assert (source.outlet, source.title, source.url) == (
        "Valley Herald", HEADLINE, "https://www.valleyherald.example/news/lakeside-fire")
    assert str(source.published) == "2024-03-14"  # the original date, not the update's
    assert source.language == "en" and source.extracted


def test_a_page_dated_only_by_its_address_and_named_only_by_its_host(tmp_path):
    html = page(HEADLINE, STORY, site=None, published=None, modified=None,
                canonical="https://news.lakeside-gazette.example/2023/05/17/warehouse-fire")
    source = read_page_source(write(tmp_path, "gazette.html", html))
    assert str(source.published) == "2023-05-17"
    assert source.outlet == "news.lakeside-gazette.example"


@pytest.mark.parametrize("charset, text", [
    ("windows-1252", "The caf\u00e9 owner said the \u201cfire\u201d cost \u00a320,000."),
    ("iso-8859-15", "The caf\u00e9 owner said the fire cost \u20ac20,000."),
    ("utf-8", "The caf\u00e9 owner said the fire cost \u20ac20,000 \u2014 a record."),
])
def test_a_page_is_decoded_by_the_charset_it_declares(tmp_path, charset, text):
    html = page(HEADLINE, [text, *OTHER], charset=charset)
    source = read_page_source(write(tmp_path, "coded.html", html, encoding=charset))
    assert text in source.text


@pytest.mark.parametrize("head, expected", [
    (b'<meta charset="windows-1252">', "cp1252"),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>", "iso8859-1"),
    (b'<meta charset="no-such-codec">', None),
    (b"<p>no declaration</p>", None),
])
def test_declared_charset(head, expected):
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == expected


def test_offsets_lines_and_columns_are_those_of_the_extracted_text_which_the_report_keeps(tmp_path):
    write(tmp_path, "herald.html", page(HEADLINE, STORY))
    write(tmp_path, "courier.html", page(HEADLINE, OTHER, site="Lakeside Courier"))
    result = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.output
    records = json.loads(result.output)
    texts = {s["id"]: s["text"] for s in records["sources"]}
    assert {s["url"] for s in records["sources"]} == {"https://www.valleyherald.example/news/lakeside-fire"}
    assert records["claims"]
    for claim in records["claims"]:
        text = texts[claim["source"]]
        assert text[claim["start"]:claim["end"]] == claim["text"]
        line_start = text.rfind("\n", 0, claim["start"]) + 1
        assert (claim["line"], claim["col"]) == (text.count("\n", 0, claim["start"]) + 1,
                                                 claim["start"] - line_start + 1)


def test_saved_pages_reconcile_like_the_same_articles_as_text(tmp_path):
    pages, texts = tmp_path / "pages", tmp_path / "texts"
    pages.mkdir()
    texts.mkdir()
    for name, site, paragraphs in (("herald", "Valley Herald", STORY), ("courier", "Lakeside Courier", OTHER)):
        write(pages, f"{name}.html", page(HEADLINE, paragraphs, site=site))
        write(texts, f"{name}.txt", f"---\noutlet: {site}\ndate: 2024-03-14\n---\n" + HEADLINE + "\n"
              + "\n".join(paragraphs) + "\n")

    def report(folder: Path) -> dict:
        result = CliRunner().invoke(main, ["compare", str(folder), "--format", "json"], catch_exceptions=False)
        assert result.exit_code == EXIT_OK, result.output
        return json.loads(result.output)

    def facts(records: dict) -> Counter:
        claims = {c["id"]: c for c in records["claims"]}
        return Counter((g["verdict"], tuple(sorted((claims[c]["kind"], claims[c]["text"]) for c in g["claims"])))
                       for g in records["groups"])

    from_pages, from_texts = report(pages), report(texts)
    assert facts(from_pages) == facts(from_texts)
    assert any(verdict == "conflict" for verdict, _ in facts(from_pages))  # 14 and 12 firefighters


def test_a_folder_mixing_pages_text_and_json_lines(tmp_path):
    write(tmp_path, "herald.html", page(HEADLINE, STORY))
    write(tmp_path, "courier.txt", "\n".join(OTHER) + "\n")
    lines = [{"id": "wire", "outlet": "Metro Wire", "published": "2024-03-14",
              "text": "Fire Chief Omar Reed said 14 firefighters fought the Lakeside warehouse fire on Wednesday."},
             {"id": "gazette", "url": "https://gazette.example/fire",
              "html": page(HEADLINE, ["Damage from the Lakeside warehouse fire was put at $2.5 million, "
                                      "Fire Chief Omar Reed said on Wednesday."], site="Gazette")}]
    write(tmp_path, "feed.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.output
    records = json.loads(result.output)
    by_id = {s["id"]: s for s in records["sources"]}
    assert set(by_id) == {"herald", "courier", "wire", "gazette"}
    assert by_id["gazette"]["url"] == "https://gazette.example/fire" and by_id["gazette"]["outlet"] == "Gazette"
    assert by_id["wire"]["outlet"] == "Metro Wire" and "text" not in by_id["wire"]  # a text keeps its own file
    assert "text" in by_id["gazette"] and "text" in by_id["herald"]
    money = [g for g in records["groups"] if g["kind"] == "money"]
    assert any({c.split(":")[0] for c in g["claims"]} >= {"herald", "gazette"} for g in money)


def test_a_page_with_no_article_is_listed_as_skipped_with_why(tmp_path):
    write(tmp_path, "story.html", page(HEADLINE, STORY))
    write(tmp_path, "index.html", "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
                                  "</nav></body></html>")
    sources, skipped = read_sources([tmp_path])
    assert [s.id for s in sources] == ["story"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("index.html", "no article text found in this page (an index, a gallery or an error page?)")]
    # Named on its own, it is listed too; with nothing else to read, that is an error.
    with pytest.raises(InputError, match="nothing readable: .*index.html: no article text"):
        read_sources([tmp_path / "index.html"])
    assert issubclass(EmptyPage, InputError)


@pytest.mark.parametrize("given, address", [
    ("https://news.example/story", True), ("http://news.example", True), ("HTTPS://X.EXAMPLE/A", True),
    ("ftp://files.example/a.html", True), ("seeds", False), ("pages/http-story.html", False),
])
def test_is_address(given, address):
    assert is_address(given) is address


@pytest.mark.parametrize("command", [["compare"], ["claims"], ["feed"], ["check", "seeds", "--against"]])
def test_an_address_on_the_command_line_says_to_save_the_page_first(command):
    result = CliRunner().invoke(main, [*command, "https://news.example/2024/story"])
    assert result.exit_code == EXIT_ERROR
    assert "reconcile reads saved pages, not addresses: save the page first" in result.output
    assert "Traceback" not in result.output
