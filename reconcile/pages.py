"""Saved web pages -> the article they hold: main text, title, outlet, publication date and address.

trafilatura finds the main text (navigation, advertising, comment threads and related-link boxes
left out) and the page's metadata; htmldate finds the publication date, the original one before
an update. Nothing here reaches the network: both read the page as given. The text kept is the
one extracted, and every claim's offsets, line and column are into it.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

PAGE_SUFFIXES = (".html", ".htm")
# A declared character set: <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">.
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# How far into a page its declaration is looked for (the HTML standard's pre-scan reads 1024 bytes).
_PRESCAN = 4096
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Less text than this is what an extractor finds on a page without an article: a menu
# ("Home News Sport"), a caption, a cookie notice. The shortest wire brief is longer.
_MIN_ARTICLE_CHARS = 50


class EmptyPage(InputError):
    """A page read without fault that holds no article text (an index, a gallery, an error page)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What a page holds: its main text and metadata (None where the page does not say)."""

    text: str
    title: str | None
    outlet: str | None
    published: str | None  # ISO date
    url: str | None


def is_address(given: str) -> bool:
    """Whether a source given on the command line is a web address rather than a file."""
    return bool(_URL.match(given.strip()))


def declared_charset(raw: bytes) -> str | None:
    """The character set a page declares near its top, where Python knows it."""
    match = _CHARSET.search(raw[:_PRESCAN])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


@functools.cache
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", str(_MIN_ARTICLE_CHARS))
    return config


def read_page(html: str, where: str | Path, *, url: str | None = None) -> Page:
    """The article of a page's HTML; an EmptyPage error where it holds no main text."""
    import htmldate
    import trafilatura

    found: Any = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, include_images=False, config=_config())
    # A Document by default (a dict only when asked for one); None where nothing was found.
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        raise EmptyPage(f"{where}: no article text found in this page (an index, a gallery or an error page?)")
    address = url or found.url
    published = htmldate.find_date(html, url=address, original_date=True, outputformat="%Y-%m-%d")
    outlet = found.sitename or found.hostname
    return Page(text=text + "\n", title=found.title or None, outlet=outlet or None, published=published or None,
                url=address or None)
