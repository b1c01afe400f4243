"""Page furniture: what of a scraped page is read as the story, and what is left to the page.

Each row is a page (invented text, invented furniture) and the lines read as the story: the
lines up to where the story ends, less the furniture blanked inside it.
"""

from __future__ import annotations

import pytest

from reconcile import claims_from_text, load_rules
from reconcile.model import Source
from reconcile.text import prepare

STORY = "The council approved the budget on Tuesday after a long debate."
MORE = "Officials said the vote ended a dispute that began in the spring."


def read_lines(text: str, rules, language: str = "en") -> list[str]:
    """The lines of a page read as its story, stripped, blank ones left out."""
    prepared = prepare(Source(id="page", path="page.txt", text=text), rules.for_language(language))
    story = prepared.view[prepared.start:prepared.end]
    return [line.strip() for line in story.splitlines() if line.strip()]


@pytest.mark.parametrize("page, story", [
    # -- the end of a page: its trailing run goes --
    pytest.param(f"{STORY}\n\nRelated stories\nHarbor Bridge Reopens After 3 Months\n"
                 "City Hires 200 New Teachers\nFive Things To Know About The Levy",
                 [STORY], id="related-list-under-a-label"),
    pytest.param(f"{STORY}\n\nCouncil Names New Parks Director\nLibrary Hours Extended For Summer\n"
                 "Rail Line Opens Two New Stations",
                 [STORY], id="title-case-run-without-heading"),
    pytest.param(f"{STORY}\n\nMore Top Local Stories",
                 [STORY], id="list-heading-without-its-list"),
    pytest.param(f"{STORY}\n\nLatest news\nCouncil Names New Parks Director\nLibrary Hours Extended",
                 [STORY], id="sentence-case-heading-over-two-links"),
    pytest.param(f"{STORY}\n\nTags: Budget, City Council, Taxes\nTopics Local Government\n",
                 [STORY], id="tags-and-topics"),
    pytest.param(f"{STORY}\n\nShare this article\nFollow us on social media for more.\n"
                 "Sign up for our morning newsletter!",
                 [STORY], id="share-follow-and-subscribe-prompts"),
    pytest.param(f"{STORY}\n\nCopyright 2024 Example Media Group. All rights reserved.",
                 [STORY], id="copyright"),
    pytest.param(f"{STORY}\n\n© 2024 Example Media Group",
                 [STORY], id="copyright-sign"),
    pytest.param(f"{STORY}\n\n— Updated at 9:15 a.m.\n\nAdvertisement\n",
                 [STORY], id="update-stamp-and-advertisement"),
    pytest.param(f"{STORY}\n\nUpdated 10:32 a.m. EST", [STORY], id="update-stamp-with-a-time"),
    pytest.param(f"{STORY}\n\nPublished: 3 March 2021", [STORY], id="publication-stamp-with-a-date"),
    pytest.param(f"{STORY}\n\nPosted by Jane Doe\nLast updated on June 4, 2024", [STORY],
                 id="byline-and-last-updated-stamp"),
    pytest.param(f"{STORY}\n\nhttps://example.com/news/2024/budget-vote-12-to-3\nwww.example.com/more",
                 [STORY], id="url-lines"),
    pytest.param(f"{STORY}\n\nLeave a comment\nPlease enter your name here",
                 [STORY], id="comment-form"),
    # -- the end of a story that is the story's own --
    pytest.param(f"{STORY}\n\n{MORE}", [STORY, MORE], id="two-paragraphs"),
    pytest.param(f"{STORY}\n\nThe vote was 7 to 2.", [STORY, "The vote was 7 to 2."], id="short-last-paragraph"),
    pytest.param(f"{STORY}\n\nWhat Happens Next", [STORY, "What Happens Next"], id="one-title-case-line"),
    pytest.param(f"{STORY}\n\nCouncil Names New Parks Director\nLibrary Hours Extended",
                 [STORY, "Council Names New Parks Director", "Library Hours Extended"],
                 id="two-title-case-lines-are-no-run"),
    pytest.param(f"{STORY}\n\nKey figures:\n- 12 new teachers\n- 3 more buses\n- 40 street lights",
                 [STORY, "Key figures:", "- 12 new teachers", "- 3 more buses", "- 40 street lights"],
                 id="sentence-case-bullets-are-the-story's"),
    pytest.param(f"{STORY}\n\nRelated charges were filed against two aides on Monday.",
                 [STORY, "Related charges were filed against two aides on Monday."],
                 id="a-label-word-opening-a-sentence-ending-the-story"),
    pytest.param(f"{STORY}\n\nUpdated figures show 412 workers will lose their jobs.",
                 [STORY, "Updated figures show 412 workers will lose their jobs."],
                 id="an-update-word-opening-a-sentence-ending-the-story"),
    pytest.param(f"{STORY}\n\nPublished reports put the cost at $3 million.",
                 [STORY, "Published reports put the cost at $3 million."],
                 id="a-publish-word-opening-a-sentence-ending-the-story"),
    pytest.param(f"{STORY}\n\nPosted notices warned drivers of the closure",
                 [STORY, "Posted notices warned drivers of the closure"],
                 id="a-post-word-opening-an-unpunctuated-last-line"),
    pytest.param(f"{STORY}\n\nThe debate ran late into the",
                 [STORY, "The debate ran late into the"], id="cut-off-last-line"),
    pytest.param("Harbor Bridge Reopens After 3 Months", ["Harbor Bridge Reopens After 3 Months"],
                 id="a-headline-alone-is-a-story"),
    pytest.param("Latest News On The Levy\n\nMore Top Local Stories",
                 ["Latest News On The Levy"], id="the-first-line-always-stays"),
    # -- furniture in the middle: only a label on its own, and the links under it --
    pytest.param(f"{STORY}\n\nAdvertisement\n\n{MORE}", [STORY, MORE], id="advertisement"),
    # An advert marker heads no list: the story's own list goes on past it.
    pytest.param(f"{STORY}\n\nOther victims include:\n\n\u2014 Jo Lee, 24, of Elm Street\n\nAdvertisement\n\n"
                 f"\u2014 Ann Roe, 31, of Oak Lane\n\n\u2014 Tim Fox, 45, of Pine Road\n\n{MORE}",
                 [STORY, "Other victims include:", "\u2014 Jo Lee, 24, of Elm Street",
                  "\u2014 Ann Roe, 31, of Oak Lane", "\u2014 Tim Fox, 45, of Pine Road", MORE],
                 id="a-list-of-victims-around-an-advert"),
    # A run of title-case lines stating figures at the end may be the story's own list.
    pytest.param(f"{STORY}\n\n\u2014 Jo Lee, 24, of Elm Street\n\u2014 Ann Roe, 31, of Oak Lane\n"
                 f"\u2014 Tim Fox, 45, of Pine Road",
                 [STORY, "\u2014 Jo Lee, 24, of Elm Street", "\u2014 Ann Roe, 31, of Oak Lane",
                  "\u2014 Tim Fox, 45, of Pine Road"], id="a-closing-list-that-states-figures"),
    pytest.param(f"{STORY}\nRead more: Harbor bridge to close for 3 months of repairs\n{MORE}",
                 [STORY, MORE], id="read-more-link"),
    pytest.param(f"{STORY}\n\nRelated:\nHarbor Bridge Reopens After 3 Months\nCity Hires 200 New Teachers\n\n{MORE}",
                 [STORY, MORE], id="related-block"),
    pytest.param(f"{STORY}\n\nRelated stories:\nHarbor bridge reopens after 3 months\n"
                 f"City hires 200 new teachers\n\n{MORE}",
                 [STORY, MORE], id="sentence-case-links-right-under-their-label"),
    pytest.param(f"{STORY}\n\nRelated stories:\n\n{MORE}", [STORY, MORE], id="related-label-over-prose"),
    pytest.param(f"{STORY}\nRead more: Harbor bridge to close\nWhat happens next\n{MORE}",
                 [STORY, "What happens next", MORE], id="a-label-with-its-link-heads-no-list"),
    pytest.param(f"{STORY}\n\nAdvertisement\n\nWhat happens next\n\n{MORE}",
                 [STORY, "What happens next", MORE], id="a-subheading-past-a-blank-line-stays"),
    pytest.param(f"{STORY}\nShare on social media\n{MORE}", [STORY, MORE], id="share-prompt"),
    pytest.param(f"{STORY}\n\nWhat Happens Next\n\n{MORE}", [STORY, "What Happens Next", MORE],
                 id="subheading-stays"),
    pytest.param(f"{STORY}\n\nLatest News On The Levy\n\n{MORE}", [STORY, "Latest News On The Levy", MORE],
                 id="heading-over-prose-stays"),
    pytest.param(f"{STORY}\n\nCouncil Names New Parks Director\nLibrary Hours Extended For Summer\n"
                 f"Rail Line Opens Two New Stations\n\n{MORE}",
                 [STORY, "Council Names New Parks Director", "Library Hours Extended For Summer",
                  "Rail Line Opens Two New Stations", MORE], id="title-case-run-inside-the-story-stays"),
    pytest.param(f"{STORY}\n\nRelated charges were filed against two aides.\n\n{MORE}",
                 [STORY, "Related charges were filed against two aides.", MORE], id="label-word-in-prose"),
    pytest.param(f"{STORY}\n\nRelated-party payments rose 12 percent.\n\n{MORE}",
                 [STORY, "Related-party payments rose 12 percent.", MORE], id="label-word-hyphenated"),
    pytest.param(f"{STORY}\n\nCopyright claims rose 5 percent, officials said.\n\n{MORE}",
                 [STORY, "Copyright claims rose 5 percent, officials said.", MORE], id="copyright-in-prose"),
    pytest.param(f"Updated: 9:15 a.m. June 4, 2024\n{STORY}", ["Updated: 9:15 a.m. June 4, 2024", STORY],
                 id="a-dateline-at-the-top-stays"),
    pytest.param(f'{STORY}\n\nRead more: "We Will Rebuild" Says Mayor\n\n{MORE}',
                 [STORY, 'Read more: "We Will Rebuild" Says Mayor', MORE], id="a-line-with-quotation-marks-stays"),
])
def test_what_of_a_page_is_read_as_the_story(page, story, rules):
    assert read_lines(page, rules) == story


ES_STORY = "El ayuntamiento aprobó el presupuesto el martes tras un largo debate."
ES_MORE = "Los concejales dijeron que la votación cerró una disputa de meses."


@pytest.mark.parametrize("page, story", [
    pytest.param(f"{ES_STORY}\n\nNoticias relacionadas\nEl puente del puerto reabre tras 3 meses\n"
                 "La ciudad contrata a 200 docentes", [ES_STORY], id="noticias-relacionadas"),
    pytest.param(f"{ES_STORY}\n\nMás noticias", [ES_STORY], id="mas-noticias"),
    pytest.param(f"{ES_STORY}\n\nSíguenos en redes sociales\nSuscríbete a nuestro boletín",
                 [ES_STORY], id="siguenos-suscribete"),
    pytest.param(f"{ES_STORY}\n\nTodos los derechos reservados", [ES_STORY], id="derechos-reservados"),
    pytest.param(f"{ES_STORY}\nLee también: El puente del puerto reabre tras 3 meses\n{ES_MORE}",
                 [ES_STORY, ES_MORE], id="lee-tambien-inside"),
    pytest.param(f"{ES_STORY}\n\nPublicidad\n\n{ES_MORE}", [ES_STORY, ES_MORE], id="publicidad-inside"),
    pytest.param(f"{ES_STORY}\n\n{ES_MORE}", [ES_STORY, ES_MORE], id="two-paragraphs"),
    pytest.param(f"{ES_STORY}\n\nRelacionado con el caso, 3 personas fueron detenidas.",
                 [ES_STORY, "Relacionado con el caso, 3 personas fueron detenidas."], id="label-word-in-prose"),
    pytest.param(f"{ES_STORY}\n\nActualizado el 3 de marzo de 2021", [ES_STORY], id="actualizado-stamp"),
    pytest.param(f"{ES_STORY}\n\nPublicado el informe, 412 trabajadores perderán su empleo.",
                 [ES_STORY, "Publicado el informe, 412 trabajadores perderán su empleo."],
                 id="trailing-label-word-in-prose"),
])
def test_what_of_a_spanish_page_is_read_as_the_story(page, story, rules):
    assert read_lines(page, rules, "es") == story


def test_furniture_yields_no_claims_and_offsets_hold(rules):
    page = (f"{STORY}\n\nRead more: City Hires 200 New Teachers\n\nAdvertisement\n\n"
            "Crews repaired 40 street lights this week.\n\nRelated stories\nHarbor Bridge Reopens After 3 Months\n"
            "Five Things To Know About The Levy\nBus Fares Rise 10% In March\n")
    claims = claims_from_text(page, rules)
    assert [c.text for c in claims if c.kind.value in ("count", "percent", "date")] == [
        "Tuesday", "40 street lights", "this week"]
    for claim in claims:
        assert page[claim.span.start:claim.span.end] == claim.text


def test_blanking_keeps_every_offset(rules):
    page = f"{STORY}\r\n\r\nAdvertisement\r\n\r\n{MORE}\r\n\r\nTags: Budget\r\n"
    prepared = prepare(Source(id="page", path="page.txt", text=page), rules.for_language("en"))
    assert len(prepared.view) == len(page)
    assert [i for i, ch in enumerate(prepared.view) if ch in "\r\n"] == [i for i, ch in enumerate(page) if ch in "\r\n"]


@pytest.mark.parametrize("text, blanked", [
    ("Hello {first_name}, the fund raised $5 million.", "{first_name}"),
    ("{{#rendered}} {{/rendered}}The fund raised $5 million.", "{{#rendered}} {{/rendered}}"),
    ("The fund raised [[amount]] in all.", "[[amount]]"),
])
def test_template_debris_is_blanked_in_place(text, blanked, rules):
    prepared = prepare(Source(id="page", path="page.txt", text=text), rules.for_language("en"))
    at = text.index(blanked)
    assert prepared.view[at:at + len(blanked)].strip() == ""
    assert len(prepared.view) == len(text)


def test_an_outlets_own_trailer_belongs_in_a_users_pack(tmp_path, rules):
    # The built-in pack does not know one outlet's wording; a user's pack adds it.
    page = f"{STORY}\n\nThe Daily Example: Local News Since 1901, 24 Hours A Day"
    assert read_lines(page, rules)[-1].startswith("The Daily Example")
    (tmp_path / "text.yaml").write_text(
        "name: outlet-trailers\ntype: text\nlanguage: en\ndescription: One outlet's own trailer.\n"
        "trailing_boilerplate:\n  - '^the daily example: .{0,80}$'\n"
        "examples:\n  - text: 'The levy raised $5 million.\\n\\nThe Daily Example: Since 1901, 24 Hours A Day'\n"
        "    claims: [{kind: money, text: $5 million}]\n",
        encoding="utf-8")
    assert read_lines(page, load_rules([tmp_path])) == [STORY]
