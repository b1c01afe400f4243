"""Table tests for quotation claims: quoted stretches, speakers, media and editorial marks.

Each row is an invented news text and the quotations a fact-checker would want read from it, in
order. A claim's span is exactly the words between the marks (whitespace trimmed, marks left
out); a quotation running over paragraphs is one claim per paragraph, each with the speaker
named in any of them, and a quotation nested in single marks is a claim of its own listed right
after the one holding it. Only quote claims are compared (a text may also hold money, counts or
dates); an empty list means the text quotes nobody. Fields a row does not name are not
compared: `text` is the words with curly marks folded to straight ones, `speaker` the person's
full name where the text gives it (else the words naming the speaker), `medium` how the words
were conveyed, `markers` the editorial marks inside, `short` whether the quotation has fewer
than four words.
"""

from __future__ import annotations

import pytest

from .tables import check

KIND = "quote"


def quote(span, **fields):
    """An expected quote claim, not nested unless told."""
    fields.setdefault("nested", False)
    return span, fields


def nested(span, **fields):
    """An expected quotation nested in single marks inside the one before it."""
    return quote(span, nested=True, **fields)


ROWS = [
    # --- direct quotations: curly and straight double marks, speaker after or before ------
    ("“The library will stay open on Sundays through the summer,” said Councilwoman Rita Gomez.",
     [quote("The library will stay open on Sundays through the summer,",
            text="The library will stay open on Sundays through the summer,",
            speaker="Rita Gomez", role="Councilwoman", medium=None, markers=[], short=False)]),
    ("Coach Dana Reyes said after the game, “We simply ran out of legs in the second half.”",
     [quote("We simply ran out of legs in the second half.", speaker="Dana Reyes", role="Coach")]),
    ("According to Ravi Menon, the plant “has never once failed a safety inspection.”",
     [quote("has never once failed a safety inspection.", speaker="Ravi Menon")]),
    ("Nadia Flores told reporters the deal was “dead on arrival and everyone knew it.”",
     [quote("dead on arrival and everyone knew it.", speaker="Nadia Flores")]),
    # --- apostrophes are not quotation marks --------------------------------------------
    ("“The workers’ union isn’t going to accept a two-year freeze,” said Kevin O’Brien.",
     [quote("The workers’ union isn’t going to accept a two-year freeze,",
            text="The workers' union isn't going to accept a two-year freeze,",
            speaker="Kevin O'Brien")]),
    # --- a quotation nested in single marks is a claim of its own, right after its outer ---
    ("“When the inspector told me ‘the building is perfectly safe to enter,’ I believed him,” "
     "said tenant Maria Santos.",
     [quote("When the inspector told me ‘the building is perfectly safe to enter,’ I believed him,",
            speaker="Maria Santos"),
      nested("the building is perfectly safe to enter,",
             text="the building is perfectly safe to enter,", short=False)]),
    ("“They told us ‘the checks are in the mail,’ and that was back in March,” said Ida Moss. "
     "“We are still waiting.”",
     [quote("They told us ‘the checks are in the mail,’ and that was back in March,",
            speaker="Ida Moss"),
      nested("the checks are in the mail,"),
      quote("We are still waiting.", speaker="Ida Moss")]),
    # --- a quotation split by its attribution: one claim per stretch, same speaker --------
    ("Union steward Carla Diaz rejected the contract on Friday. “This offer is an insult to "
     "every driver on the route,” she wrote in an email. “We will not sign it.”",
     [quote("This offer is an insult to every driver on the route,",
            speaker="Carla Diaz", medium="email"),
      quote("We will not sign it.", speaker="Carla Diaz", medium="email")]),
    ('"The numbers," said Treasurer Omar Haddad, "simply do not add up this year."',
     [quote("The numbers,", speaker="Omar Haddad", role="Treasurer", short=True),
      quote("simply do not add up this year.", speaker="Omar Haddad", short=False)]),
    # --- a quotation over paragraphs: mark repeated, no close at the first paragraph's end -
    ("Fire Chief Paul Novak described the night in detail. “We reached the warehouse before "
     "dawn and the roof was already gone.\n\n“By noon we had six crews on the scene and the "
     "wind was still rising,” he said.",
     [quote("We reached the warehouse before dawn and the roof was already gone.", speaker="Paul Novak"),
      quote("By noon we had six crews on the scene and the wind was still rising,", speaker="Paul Novak")]),
    # --- an unbalanced mark ends at its paragraph's end ----------------------------------
    ("Council member Rosa Vega said the vote was “a disgrace to this chamber.\n\n"
     "The council will meet again on Tuesday to discuss the budget.",
     [quote("a disgrace to this chamber.", speaker="Rosa Vega")]),
    ("Neighbours called the plan “a land grab dressed up as a park.\n\n"
     "Mayor Lena Okafor defended the project at a town meeting. “We have listened to every "
     "objection,” she said.",
     [quote("a land grab dressed up as a park."),
      quote("We have listened to every objection,", speaker="Lena Okafor")]),
    # --- speakers: titles, appositives, unnamed speakers --------------------------------
    ("“Every dollar we raise goes straight to the shelters,” said Northside Alliance "
     "Executive Director Mara Quinn.",
     [quote("Every dollar we raise goes straight to the shelters,",
            speaker="Mara Quinn", role="Executive Director")]),
    ("Samuel Ortega, the clinic’s medical director, wrote, “We cannot keep the doors open "
     "past June.”",
     [quote("We cannot keep the doors open past June.", speaker="Samuel Ortega")]),
    ("“The clinic will not close while I hold this seat,” said Rep. Jo Kim.",
     [quote("The clinic will not close while I hold this seat,", speaker="Jo Kim")]),
    ("“The bridge is safe to cross,” according to state engineer Luis Mora.",
     [quote("The bridge is safe to cross,", speaker="Luis Mora")]),
    ("“We are reviewing the footage and will cooperate fully,” a company spokesperson said.",
     [quote("We are reviewing the footage and will cooperate fully,",
            speaker="a company spokesperson")]),
    # --- pronouns: the subject of the sentence before, never an organisation --------------
    ("Commissioner Ellen Marsh has blamed the flooding on Senator Rick Dalton. In a "
     "televised interview, she said the state is “paying for years of neglect.”",
     [quote("paying for years of neglect.", speaker="Ellen Marsh", medium="interview")]),
    ("Harbor Group hired Daniel Webb as its chief executive in March. “We are going to sell "
     "the downtown tower,” he said.",
     [quote("We are going to sell the downtown tower,", speaker="Daniel Webb")]),
    ("NASA awarded the contract to engineer Priya Raman last year. “The rover has to land on "
     "the first try,” she said.",
     [quote("The rover has to land on the first try,", speaker="Priya Raman")]),
    # --- each quotation keeps its own attribution; a later "she" is the person named before
    ("Treasurer Nora Blake said the board “never saw the audit before the vote.” She later "
     "added, “Nobody on the board ever asked for it.”",
     [quote("never saw the audit before the vote.", speaker="Nora Blake"),
      quote("Nobody on the board ever asked for it.", speaker="Nora Blake")]),
    # --- a surname alone is the full name given elsewhere in the text ---------------------
    ("Budget director Owen Pratt presented the plan on Monday. Council members pushed back, "
     "but Pratt said the cuts were “the only honest option left.”",
     [quote("the only honest option left.", speaker="Owen Pratt")]),
    # --- media: in the attribution's sentence or the one before ---------------------------
    ("Parent organizer Gina Whitfield has pushed for the playground for years. In her email, "
     "Whitfield called the delay unacceptable. “Families have waited long enough for this,” "
     "she wrote.",
     [quote("Families have waited long enough for this,", speaker="Gina Whitfield",
            medium="email")]),
    ("Superintendent Mark Ellis wrote in a letter to parents that the schedule change was "
     "“necessary and long overdue.”",
     [quote("necessary and long overdue.", speaker="Mark Ellis", role="Superintendent",
            medium="letter")]),
    ("The teachers’ union said in a statement that the proposal was “an insult to every "
     "classroom in the district.”",
     [quote("an insult to every classroom in the district.", speaker="The teachers' union",
            medium="statement")]),
    ("“Proud of every volunteer who showed up today,” Senator Carol Ames tweeted.",
     [quote("Proud of every volunteer who showed up today,", speaker="Carol Ames",
            role="Senator", medium="tweet")]),
    ("According to a statement from the county, the landfill will “close permanently at the "
     "end of the year.”",
     [quote("close permanently at the end of the year.", speaker=None, medium="statement")]),
    ("The museum announced in a press release that the exhibit would “travel to four cities "
     "next year.”",
     [quote("travel to four cities next year.", speaker="The museum", medium="release")]),
    ("In a memo to staff, Chief Executive Laura Stein said the company would “pause all "
     "hiring until the merger closes.”",
     [quote("pause all hiring until the merger closes.", speaker="Laura Stein",
            role="Chief Executive", medium="memo")]),
    ("In a post on her campaign page, Councilwoman Tina Ruiz said the bike lanes “made Elm "
     "Street safer for everyone.”",
     [quote("made Elm Street safer for everyone.", speaker="Tina Ruiz", medium="post")]),
    # --- editorial markers: [sic], other brackets, ellipses -----------------------------
    ("“Their [sic] going to regret this decision,” the landlord wrote.",
     [quote("Their [sic] going to regret this decision,", speaker="the landlord",
            markers=["sic"])]),
    ("“He [the mayor] promised us a new roof before winter,” said tenant Joan Pike.",
     [quote("He [the mayor] promised us a new roof before winter,", speaker="Joan Pike",
            markers=["insertion"])]),
    ("“We tried everything … and still lost the house,” said Arturo Vidal.",
     [quote("We tried everything … and still lost the house,", markers=["ellipsis"])]),
    ('"The river came up so fast ... we barely got the kids out," said Beth Olsen.',
     [quote("The river came up so fast ... we barely got the kids out,",
            text="The river came up so fast ... we barely got the kids out,",
            speaker="Beth Olsen", markers=["ellipsis"])]),
    # --- short quotations (scare quotes) are claims too ---------------------------------
    ("Critics called the new logo “lazy” and “expensive.”",
     [quote("lazy", text="lazy", short=True), quote("expensive.", short=True)]),
    ("“We need more buses,” said Alma Cruz.",
     [quote("We need more buses,", speaker="Alma Cruz", short=False)]),
    # --- a straight mark for inches neither opens nor closes a quotation -----------------
    ("“He is the best shooter I have ever coached,” Ben Ito said of the 6'4\" guard.",
     [quote("He is the best shooter I have ever coached,", speaker="Ben Ito")]),
    # --- marks as outlets print them: doubled single closes, a close typed for an open ----
    ("“The water was up to the windows,’’ Sheriff Dale Cook said.",
     [quote("The water was up to the windows,", speaker="Dale Cook", role="Sheriff")]),
    ("Neighbors gathered outside.\n\n”We heard three bangs and then nothing,” said Rosa Lind.",
     [quote("We heard three bangs and then nothing,", speaker="Rosa Lind")]),
    # --- who speaks for whom: the person, not the body they speak for ----------------------
    ("“Every shelter in the county is full tonight,” Ana Ruiz with the Red Valley Relief Fund said.",
     [quote("Every shelter in the county is full tonight,", speaker="Ana Ruiz")]),
    ("“We have no suspect at this time,” said Lt. Omar Reed of the state patrol.",
     [quote("We have no suspect at this time,", speaker="Omar Reed", role="Lt")]),
    ("“The scene is secure,” Detectives Carla Moss and Jim Hale said.",
     [quote("The scene is secure,", speaker="Jim Hale")]),
    # --- a pronoun after a sentence that quotes someone stands for that someone -------------
    ("Tom Vance, 19, drove the car into the canal, Sgt. Lisa Ward said.\n\n"
     "“The driver got out on his own,” she said.",
     [quote("The driver got out on his own,", speaker="Lisa Ward")]),
    ("Flooding closed the road near Miller Drive in the morning, police said.\n\n"
     "“Stay home if you can,” he said.",
     [quote("Stay home if you can,", speaker="he")]),
    # --- a sentence about the same pronoun passes the question back; "according to" quotes --
    ("Ned Pryor said Monday that the plant would close.\nHe did not say when.\n"
     "“We are talking to every worker,” he said.",
     [quote("We are talking to every worker,", speaker="Ned Pryor")]),
    ("The Lakeside Drive singer entered a clinic, according to her manager, Ivy Tran.\n"
     "“She asks for privacy,” she said.",
     [quote("She asks for privacy,", speaker="Ivy Tran")]),
    # --- initials, appositives after the quotation, dashes and headline colons ------------
    ("“The bridge will open in spring,” said J.R. Walsh.",
     [quote("The bridge will open in spring,", speaker="J.R. Walsh")]),
    ("“The bridge will open in spring,” Omar B. Reed said.",
     [quote("The bridge will open in spring,", speaker="Omar B. Reed")]),
    ("“The bridge will open in spring,” Ana Ortiz, 45, said.",
     [quote("The bridge will open in spring,", speaker="Ana Ortiz")]),
    ("“The bridge will open in spring,” Sen. Jo Kim, D-Wash., said.",
     [quote("The bridge will open in spring,", speaker="Jo Kim", role="Sen")]),
    ("“The bridge will open in spring,” said Ana Ortiz, the mayor.",
     [quote("The bridge will open in spring,", speaker="Ana Ortiz", role="mayor")]),
    ("“We will rebuild the bridge by spring.” — Mayor Ana Ortiz",
     [quote("We will rebuild the bridge by spring.", speaker="Ana Ortiz", role="Mayor")]),
    ("Mayor Ortiz: “We will rebuild the bridge”\n\nThe mayor spoke on the radio.",
     [quote("We will rebuild the bridge", speaker="Ortiz", role="Mayor")]),
    # --- a comma before the paragraph's end is a missing closing mark, not a continuation ---
    ("Ortiz recalled the night. “We had no warning at all,\n\n“Then the water came,” said Lee.",
     [quote("We had no warning at all,", speaker=None), quote("Then the water came,", speaker="Lee")]),
    # --- elided words are not nested quotations ---------------------------------------------
    ("\"Tell 'em the workers' union won this fight,\" said Lee Park.",
     [quote("Tell 'em the workers' union won this fight,", speaker="Lee Park")]),
    ("“I love rock ’n’ roll and the ’90s,” said Lee Park.",
     [quote("I love rock ’n’ roll and the ’90s,", speaker="Lee Park")]),
    # --- a new person named between paragraphs stops the inherited speaker ------------------
    ("“We will rebuild the bridge,” Ortiz said. Council member Tom Lee was skeptical.\n\n"
     "“The money is simply not there.”",
     [quote("We will rebuild the bridge,", speaker="Ortiz"), quote("The money is simply not there.", speaker=None)]),
    # --- a medium noun counts only where a phrase frames it --------------------------------
    ("The hostages' release was delayed for hours. “We waited all night,” Ana Ortiz said.",
     [quote("We waited all night,", speaker="Ana Ortiz", medium=None)]),
    ("“We waited all night,” said Ana Ortiz, who was named to the post in May.",
     [quote("We waited all night,", speaker="Ana Ortiz", medium=None)]),
    ("Workers sent a letter to the board on Friday, urging it to “stop the layoffs at once.”",
     [quote("stop the layoffs at once.", medium="letter")]),
    # --- a text that writes no double mark quotes in single ones ---------------------------
    ("‘We will not close the library this year,’ Ana Ortiz, the mayor, said in a statement.",
     [quote("We will not close the library this year,", speaker="Ana Ortiz", role="mayor", medium="statement")]),
    ("'The figures simply do not add up,' Omar Haddad, a former treasurer, wrote on Twitter.",
     [quote("The figures simply do not add up,", speaker="Omar Haddad", role="treasurer")]),
    ("The mayor added: ‘We won’t let the library close. We will fight on.’",
     [quote("We won’t let the library close. We will fight on.")]),
    ("‘The teachers’ union has not signed the deal yet,’ said Ana Ortiz.",
     [quote("The teachers’ union has not signed the deal yet,", speaker="Ana Ortiz")]),
    ("‘It was the ’90s and nobody cared,’ said Ana Ortiz. ‘Tell ’em we are still here.’",
     [quote("It was the ’90s and nobody cared,", speaker="Ana Ortiz"),
      quote("Tell ’em we are still here.", speaker="Ana Ortiz")]),
    ("The union’s leader said it isn’t over, and O’Brien’s team agreed.", []),
    ("Lee’s office called the plan a ‘land grab’ on Friday.", [quote("land grab", short=True)]),
    # --- a paragraph with no double mark quotes in single ones (a headline) ------------------
    ("'We will reopen by spring': mayor vows to save library\n\n“The roof comes first,” said Ana Ortiz.",
     [quote("We will reopen by spring", short=False), quote("The roof comes first,", speaker="Ana Ortiz")]),
    ("Mayor wants library reopened by spring and ‘even bigger’ than before\n\n"
     "“We will rebuild it bigger,” said Ana Ortiz.",
     [quote("even bigger", short=True), quote("We will rebuild it bigger,", speaker="Ana Ortiz")]),
    # --- a text with double marks keeps single ones for nested quotations only --------------
    ("“The sign said ‘closed’,” Ana Ortiz said. The workers’ union agreed.",
     [quote("The sign said ‘closed’,", speaker="Ana Ortiz"), nested("closed")]),
    # --- a quotation cut by the end of an excerpt: its last word may be part of one ---------
    ("Ana Ortiz said: “The council has agreed to reopen the library on Sundays and holid",
     [quote("The council has agreed to reopen the library on Sundays and", speaker="Ana Ortiz")]),
    ("The mayor spoke first. “The co", []),
    ("Ana Ortiz said: ‘We will reopen the library once the roof is fix",
     [quote("We will reopen the library once the roof is", speaker="Ana Ortiz")]),
    # --- marks that set off a name or a search term quote nobody ----------------------------
    ("The old mill, nicknamed “the beehive,” burned down on Friday.", []),
    ("Readers searched for “flood maps” after the storm.", []),
    ("The festival, also known as “the long night,” returns in May.", []),
    ("The so-called “quiet zone” covers three blocks.", []),
    ("Protesters carried a sign reading “Save the library”.", []),
    ("Ana Ortiz called the plan “a land grab dressed up as a park.”",
     [quote("a land grab dressed up as a park.", speaker="Ana Ortiz")]),
    # --- no quotations ------------------------------------------------------------------
    ("The workers’ union says it isn’t ready to sign, O’Brien’s office confirmed.", []),
    ("The team signed a 6'2\" forward from the junior league.", []),
    ("The shop’s sign still reads Open” even though it closed in 2019.", []),
]


@pytest.mark.parametrize("text, expected", ROWS)
def test_quotes(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text", [text for text, _ in ROWS])
def test_quote_span_is_exact_substring(quantities, text):
    for kind, span, _ in quantities(text):
        if kind == KIND:
            assert span and span in text, span
