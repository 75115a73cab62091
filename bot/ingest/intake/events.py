"""Telling one event from two: whether two proposals of one text tell the same event
(a headline and its body, a vague and an exact count, a retelling), merging them, and a bare
sentence's claim completed from the sentences before it.

>>> from datetime import date
>>> from bot.ingest.intake.report import Proposal
>>> vague = Proposal(date(2023, 7, 1), "published", None, "hundreds", ["CLP"], "CPP", "...")
>>> exact = Proposal(date(2023, 6, 28), "event", 700, "700", ["CLP"], "CPP", "...")
>>> same_event(vague, exact)
True
>>> merge(vague, exact)
>>> vague.number, vague.date
(700, datetime.date(2023, 6, 28))

Written here, not a record-linkage library's: what makes two claims one event (a count within
a headline's rounding, one set of parties within the other) is the record's own rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.intake.groups import UNNAMED_PARTIES, bare_name, people_who_moved
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.reading import (
    UNNAMED_DESTINATION,
    Reading,
    sentence_claimant,
)
from bot.ingest.intake.report import Proposal, Report
from bot.ingest.intake.roles import FROM_BEFORE
from bot.ingest.intake.sentences import Sentence
from bot.ingest.intake.signals import claim_verbs

# ... Khmer "គាត់", "នាង" (she), "លោកបាន..." (he has ...; "លោក X" is Mr X)
_ONE_PRONOUN = re.compile(
    r"\b(?:he|she)\b|គាត់|នាង(?!ខ្ញុំ)|(?:អ្នកស្រី|លោក)(?=\s*(?:ក៏)?បាន)", re.I
)


def bared(names: list[str]) -> set[str]:
    """The names without titles, and each one's last word too: English reports call "Mr.
    Chan Sophorn" "Mr. Sophorn" after the first time."""
    bare = [bare_name(n) for n in names]
    return {form for b in bare if b for form in (b, b.split()[-1])}


def same_event(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals tell one event: the same count (or one vague), the same former
    parties (or one's within the other's), the same party joined (or one unnamed), on one date
    (or one undated)."""
    same_person = bool(bared(a.people) & bared(b.people))
    return (
        (
            a.number == b.number
            or None in (a.number, b.number)
            or same_person
            or _roughly_same(a, b)
        )
        # "A senior CLP official defected ... X, a CLP official and former CNRP lawmaker,
        # said he had joined": one set of parties within the other is one group
        and (
            set(a.from_parties) <= set(b.from_parties) or set(a.from_parties) >= set(b.from_parties)
        )
        and (a.to_party == b.to_party or None in (a.to_party, b.to_party))
        # "67 families leave the CLP" over "67 families left the CLP to join the CPP": one move
        and (
            a.kind == b.kind
            or (
                a.number is not None
                and a.number == b.number
                and bool(a.from_parties)
                and set(a.from_parties) == set(b.from_parties)
            )
        )
        and (a.date == b.date or "published" in (a.date_kind, b.date_kind))
        and not (a.people and b.people and not bared(a.people) & bared(b.people))
    )


def _roughly_same(a: Proposal, b: Proposal) -> bool:
    """Whether one count is the other given roughly ("nearly 500" and "a total of 487").

    >>> from datetime import date
    >>> def claim(n: int, q: str | None) -> Proposal:
    ...     return Proposal(date(2024, 6, 1), "event", n, str(n), [], "CPP", "...", qualifier=q)
    >>> _roughly_same(claim(500, "nearly"), claim(487, None))
    True
    >>> _roughly_same(claim(500, None), claim(487, None))
    False
    """
    if a.number is None or b.number is None or rough(a.qualifier) == rough(b.qualifier):
        return False
    return abs(a.number - b.number) <= max(a.number, b.number) / 10


def _adds_up(whole: Proposal, parts: Sequence[Proposal]) -> bool:
    """Whether the parts' counts add up to the whole's, as given ("more than 300" for 210 and
    95; "385" for exactly 328 and 57).

    >>> from datetime import date
    >>> def claim(n: int, q: str | None = None) -> Proposal:
    ...     return Proposal(date(2024, 6, 1), "event", n, str(n), [], "CPP", "...", qualifier=q)
    >>> _adds_up(claim(300, "more than"), [claim(210), claim(95)])
    True
    >>> _adds_up(claim(300), [claim(210), claim(95)])
    False
    """
    total = sum(p.number or 0 for p in parts)
    if total == whole.number:
        return True
    return (
        whole.number is not None
        and rough(whole.qualifier)
        and abs(total - whole.number) <= whole.number / 10
    )


def rough(qualifier: str | None) -> bool:
    """Whether a count's qualifier makes it rough ("nearly", "ជាង"), not exact ("a total of").

    >>> rough("nearly"), rough("a total of"), rough(None)
    (True, False, False)
    """
    return qualifier is not None and not re.search(r"total|សរុប|exactly|in\s+all", qualifier, re.I)


def told_per_party(joint: Proposal, out: Sequence[Proposal]) -> list[Proposal]:
    """The claims of a joint claim ("over 1,500 CLP and FUNCINPEC members joined", a
    headline) when it is the same event the text counts party by party: each of its former
    parties has a claim of its own to the same party, on its date (or one of the two has no
    date of its own), and their sum is its number, rounded (or it gives none); else none."""
    if len(joint.from_parties) == 1 or (not joint.from_parties and joint.number is None):
        return []
    # "285 opposition supporters switch" over "237 of the CLP and 48 of the LDP": a claim with
    # no party named is the sum of the parties' own
    parts = [
        o for o in out
        if o is not joint and len(o.from_parties) == 1
        and (o.from_parties[0] in joint.from_parties or not joint.from_parties)
        # (a part whose own sentence leaves the party joined to the text: the joint's)
        and o.to_party in (joint.to_party, None) and o.kind == joint.kind
        and (o.date == joint.date or "published" in (joint.date_kind, o.date_kind))
    ]  # fmt: skip
    named = {o.from_parties[0] for o in parts}
    if named != set(joint.from_parties) and (joint.from_parties or len(named) < 2):
        return []
    total = sum(o.number or 0 for o in parts)
    return parts if joint.number is None or abs(total - joint.number) <= total * 0.05 else []


def told_event_by_event(total: Proposal, out: Sequence[Proposal]) -> list[Proposal]:
    """The claims a claim ("more than 300 members in two provinces had defected") sums up, when
    the text then tells them one by one, on days of their own (or, under a dated claim, on
    none): from its parties (or some of them), to its party or to none named, adding up to
    about its number; else none.

    >>> from dataclasses import replace
    >>> from datetime import date
    >>> def claim(day: int, n: int) -> Proposal:
    ...     return Proposal(date(2024, 6, day), "event", n, str(n), ["CLP"], "CPP", "...")
    >>> total = replace(claim(20, 300), date_kind="published")
    >>> [p.number for p in told_event_by_event(total, [total, claim(16, 230), claim(18, 85)])]
    [230, 85]
    """
    if total.number is None or total.to_party is None:
        return []
    told_after = [
        o for o in out
        if o is not total and o.to_party in (total.to_party, None)
        # (a part with no day of its own under a dated total: "... joined on Saturday,
        # more than 300 in all ¶ In Kandal, 210 ... ¶ In Svay Rieng, 95 ...")
        and o.number and "event" in (o.date_kind, total.date_kind)
        # ... told after it: a list's entry is not the sum of the entries before it
        and out.index(o) > out.index(total)
        # "other parties' members" names none of them: any party's count may be its part
        and (
            set(o.from_parties) <= set(total.from_parties)
            or set(total.from_parties) <= {UNNAMED_PARTIES}
        )
    ]  # fmt: skip
    same_day = [o for o in told_after if o.date == total.date or o.date_kind == "published"]
    if len(same_day) > 1 and _adds_up(total, same_day):
        # "680 join CPP in a single day": "in the morning, 450 ... in the afternoon, 230",
        # exactly (or about: "more than 300" of 210 and 95)
        return same_day
    told_after = [o for o in told_after if o.date_kind == "event"]
    parts = [o for o in told_after if o.date != total.date or total.date_kind == "published"]
    added = sum(o.number or 0 for o in parts)
    # (a total on a day of its own only when its parts add up to it exactly: not "• Mon 3/11:
    # 210 joined" over the entries after it, a list's own event)
    near = added == total.number if total.date_kind == "event" else (
        abs(added - total.number) <= total.number / 4
    )
    if len({o.date for o in parts}) > 1 and near:
        return parts
    return []


def merge(into: Proposal, other: Proposal) -> None:
    if (
        into.number_text is None
        and other.number_text is not None
        and other.number is not None  # not "a few of his relatives stood by"
        and bared(into.people) & bared(other.people)
    ):
        # "X was received into the CPP. X crossed over together with 63 of his supporters,
        # 64 people in all": the count that says who came with him
        into.number, into.number_text, into.qualifier = (
            other.number,
            other.number_text,
            other.qualifier,
        )
    if (
        into.number_text is None
        and other.number_text is None
        and (into.number or 0) < (other.number or 0)
        and into.people
        and bared(into.people) <= bared(other.people)
    ):
        # "Candlelight deputy X joins the CPP" over "X joined ... together with his wife, Y":
        # the body names more of them
        into.number = other.number
    if rough(into.qualifier) and not rough(other.qualifier) and _roughly_same(into, other):
        # "nearly 500" told again as "a total of 487": the exact count
        into.number, into.number_text, into.qualifier = other.number, other.number_text, None
    if into.date_kind == "published" and other.date_kind == "event" and into.number == other.number:
        # A headline and the body that dates it: the body's sentence says more.
        into.evidence, into.qualifier = other.evidence, into.qualifier or other.qualifier
    if into.number is None and other.number is not None and not (
        into.number_text is not None and other.number_text is None
    ):  # "Hundreds joined ... one of them, Mr. X, said he joined": still hundreds
        into.number, into.number_text, into.qualifier = (
            other.number,
            other.number_text,
            other.qualifier,
        )
        into.evidence = other.evidence
        into.reasons = [r for r in into.reasons if "is no count" not in r]
    if not into.from_parties:
        into.from_parties, into.new_parties = other.from_parties, other.new_parties
    if into.to_party is None and other.to_party is not None:
        name_destination(into, other.to_party)
        into.kind = "defection"
    if into.date_kind == "published" and other.date_kind == "event":
        into.date, into.date_kind = other.date, "event"
    elif into.date_kind == other.date_kind == "published" and other.date and into.date:
        # "posted a statement on Saturday": the day it was said is nearer the move than the
        # day it was published
        into.date = min(into.date, other.date)
    into.people = list(dict.fromkeys(into.people + other.people))
    into.confidence = "low" if into.reasons else "high"


def name_destination(proposal: Proposal, party: str) -> None:
    """Give a claim the party joined that its own sentence left unnamed (from the text around
    it), and drop the reason its confidence was low for.

    >>> from datetime import date
    >>> p = Proposal(date(2023, 7, 1), "event", 9, "9", ["CLP"], None, "...",
    ...              reasons=[UNNAMED_DESTINATION], confidence="low")
    >>> name_destination(p, "CPP")
    >>> p.to_party, p.confidence
    ('CPP', 'high')
    """
    proposal.to_party = party
    proposal.reasons = [r for r in proposal.reasons if r != UNNAMED_DESTINATION]
    proposal.confidence = "low" if proposal.reasons else "high"


def without_headlines(out: list[Proposal], headline: list[Proposal]) -> list[Proposal]:
    """The claims without a headline's that the body tells in its own words: "Over 1,000
    join CPP" over "1,050 Candlelight members joined on 18 May" is that claim, rounded (its
    count kept only when the body gives none)."""
    for h in headline:
        body = [
            b
            for b in out
            if b is not h
            and b.kind == h.kind
            and h.to_party in (b.to_party, None)
            # (not "🎉 yesterday 45 joined 👏" over "this morning 28 more joined": each its own
            # day and count, a post's two events)
            and not (
                h.date_kind == b.date_kind == "event"
                and h.date != b.date
                and None not in (h.number, b.number)
                and h.number != b.number
            )
            # (a headline's party may yet be read as left when it is the one joined:
            # "welcomes new members to the big CPP family")
            and (
                set(h.from_parties) - {b.to_party} <= set(b.from_parties)
                or set(h.from_parties) - {b.to_party} >= set(b.from_parties)
                # "Former CNRP MP returns and joins the CPP" over the body's one person, who
                # left the Candlelight Party: one man's move, his parties told two ways
                or (h.number in (None, 1) and b.number == 1 and len(b.people) == 1)
            )
        ]
        if not body:
            continue
        if len(body) == 1 and body[0].number is None:
            body[0].number, body[0].number_text = h.number, h.number_text
            body[0].qualifier = body[0].qualifier or h.qualifier
        if len(body) == 1 and not body[0].from_parties:
            # "Nearly 500 Candlelight supporters cross over" over "487 people received CPP
            # cards": the party the headline names
            body[0].from_parties = list(h.from_parties)
        if h.date_kind == "event" and (len(body) == 1 or _adds_up(h, body)):
            # the headline's claim dated by the ceremony the text opens with (and its parts:
            # "385 new members" over "328 from X and 57 from Y"; "More than 300" over 210
            # and 95)
            for b in body:
                if b.date_kind == "published":
                    b.date, b.date_kind = h.date, "event"
        out = [p for p in out if p is not h]
    return out


def from_context(
    reading: Reading, before: list[Sentence], report: Report, lexicon: Lexicon, sentence: Sentence
) -> Proposal | None:
    """A bare sentence with no claim before it ("On 29 July she joined the CPP") told about
    the people and the party the sentences before it name."""
    if reading.to is None or not before:
        return None
    # (people named in a sentence that tells a move: not a release's "Koh Kong Provincial
    # Administration" heading)
    people = [
        p
        for s in before
        if claim_verbs(s.text)
        for p in people_who_moved(s.text, lexicon.mentions(s.text))
    ]
    froms = [
        m.name
        for s in before
        for m in lexicon.mentions(s.text)
        if FROM_BEFORE.search(s.text[max(0, m.start - 40) : m.start]) and m.name != reading.to
    ]
    one = bool(_ONE_PRONOUN.search(sentence.text)) or len(set(people)) == 1
    if not people and not one:
        return None
    return Proposal(
        date=reading.date.value if reading.date else report.published,
        date_kind="event" if reading.date else "published",
        number=1 if one else len(set(people)),
        number_text=None,
        from_parties=list(dict.fromkeys(froms)),
        to_party=reading.to,
        people=list(dict.fromkeys(people))[:1] if one else list(dict.fromkeys(people)),
        claimant=sentence_claimant(sentence.text, report, ()),
        evidence=sentence.text,
    )
