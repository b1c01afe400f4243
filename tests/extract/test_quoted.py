"""Claims inside quotations: every figure, date and name someone is quoted saying is a claim of
its own, marked `quoted`, so that it meets the same fact an outlet states in its own words."""

from __future__ import annotations

import pytest

from reconcile import claims_from_text

OPEN, CLOSE = "\u201c", "\u201d"


def quoted(text, rules):
    """Each claim but the quotations themselves, and whether it stands inside one."""
    return {(c.kind.value, c.text): c.quoted for c in claims_from_text(text, rules) if c.kind.value != "quote"}


@pytest.mark.parametrize("text, claim, inside", [
    # Figures, dates and names a speaker states.
    (f"{OPEN}We will fine the operator 2.1 billion euros,{CLOSE} the regulator said.", ("money", "2.1 billion euros"),
     True),
    (f"{OPEN}We lost 12 firefighters in one night,{CLOSE} the chief said.", ("count", "12 firefighters"), True),
    (f"{OPEN}Turnout fell by 8 percent,{CLOSE} the clerk said.", ("percent", "8 percent"), True),
    (f"{OPEN}The wall is 40 metres long,{CLOSE} the engineer said.", ("measure", "40 metres"), True),
    (f"{OPEN}The vote is on March 3,{CLOSE} the mayor said.", ("date", "March 3"), True),
    (f"{OPEN}Nobody told us until Tuesday,{CLOSE} a tenant said.", ("date", "Tuesday"), True),
    ('"We counted 300 tents on the field," the organiser said.', ("count", "300 tents"), True),
    (f"The mayor said the plan was {OPEN}worth every one of its $3 million{CLOSE} to the town.",
     ("money", "$3 million"), True),
    # A quotation running over paragraphs: the figure in its second paragraph is still quoted.
    (f"{OPEN}We knew the risks.\n\n{OPEN}We lost 14 homes in the first hour,{CLOSE} she said.",
     ("count", "14 homes"), True),
    # A nested quotation is inside the outer one.
    (f"{OPEN}She told me {chr(0x2018)}we have 20 beds left{chr(0x2019)} and hung up,{CLOSE} he said.",
     ("count", "20 beds"), True),
    # The same figures in the outlet's own words are not quoted.
    ("The regulator fined the operator 2.1 billion euros on Monday.", ("money", "2.1 billion euros"), False),
    ("Twelve firefighters were hurt, the chief said.", ("count", "Twelve firefighters"), False),
    (f"The clerk said turnout fell by 8 percent. {OPEN}It was a quiet day,{CLOSE} she added.",
     ("percent", "8 percent"), False),
    (f"{OPEN}It was a quiet day,{CLOSE} the clerk said on March 3.", ("date", "March 3"), False),
    (f"{OPEN}We are ready,{CLOSE} said the chief, whose crews saved 40 homes.", ("count", "40 homes"), False),
    # An apostrophe is no quotation mark: the count after it is the outlet's own.
    ("The town's 300 volunteers and the county's 12 trucks arrived.", ("count", "300 volunteers"), False),
])
def test_a_claim_inside_a_quotation_is_marked_quoted(rules, text, claim, inside):
    found = quoted(text, rules)
    assert claim in found, found
    assert found[claim] is inside


def test_quoted_is_in_every_record(seeds_dir):
    from reconcile import compare
    from reconcile.report import report_records

    records = report_records(compare([seeds_dir]))
    assert all(isinstance(c["quoted"], bool) for c in records["claims"])
    assert any(c["quoted"] for c in records["claims"] if c["kind"] != "quote")
