"""A report's text read into proposed claims: one per event, with the words it rests on.

>>> from datetime import date
>>> from bot.ingest.intake.report import PartyName, Report
>>> parties = [PartyName("Candlelight Party", ("Candlelight",), ("CLP",)),
...            PartyName("Cambodian People's Party", (), ("CPP",))]
>>> text = "On 28 June more than 700 members of the Candlelight Party joined the CPP."
>>> [p] = propose(Report(text, outlet="Fresh News", published=date(2023, 7, 1)), parties)
>>> p.date, p.date_kind, p.number, p.qualifier
(datetime.date(2023, 6, 28), 'event', 700, 'more than')
>>> p.from_parties, p.to_party, p.confidence
(['Candlelight Party'], "Cambodian People's Party", 'high')
>>> propose(Report("The CLP and the Khmer Win Party formed an alliance."), parties)
[]

Decisions: a claim about named people with no count ("Mr. Sok Dara joined the CPP") has
``number`` = how many are named (1 for one person) and ``number_text`` None; "hundreds of"
gives no number (low confidence). A sentence with a joining verb but nothing of its own (no
count, party left or person: "the group joined on 16 July") completes the claim before it.
The same event told twice in one text (a headline and its body) is proposed once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.ingest.intake.dates import FoundDate, find_dates
from bot.ingest.intake.numbers import Count, person_counts
from bot.ingest.intake.parties import Lexicon, PartyMention
from bot.ingest.intake.people import claimant_in, people_named
from bot.ingest.intake.report import PartyName, Proposal, ProposalKind, Report
from bot.ingest.intake.sentences import Sentence, split_sentences
from bot.ingest.intake.signals import Verb, claim_verbs, not_a_claim

_TO_BEFORE = re.compile(
    r"(?:\b(?:join(?:ed|s|ing)?|to|into|for|with|in\s+favou?r\s+of|ranks\s+of|members?\s+of\s+"
    r"the\s+ruling)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?(?:ruling\s+)?"
    r"|(?:ចូលរួមជាមួយ|ចូលជាមួយ|ជាមួយ|ចូលជាសមាជិក|ចូល|មក|ទៅ|ក្នុង)\s*)$",
    re.I,
)
_FROM_BEFORE = re.compile(
    r"(?:\b(?:from|of|left|quit|former|ex-|leaving|abandoned|deserted|resigned\s+from)\s+"
    r"(?:the\s+)?(?:opposition\s+|now-dissolved\s+|dissolved\s+|banned\s+)?"
    r"|(?:ពី|អតីត|សមាជិក|សកម្មជន|មន្ត្រី|គាំទ្រ)\s*)$",
    re.I,
)
_WELCOMES_AFTER = re.compile(
    r"^[\s,'s]*(?:\w+\s+){0,2}?(?:welcom|receiv|embrac|accept|admitted|ទទួល|ស្វាគមន៍)", re.I
)
_GROUP = re.compile(
    r"\b(?:members|supporters|activists|officials|councill?ors|people|group|families|others|"
    r"followers|youths|villagers|candidates|cadres|leaders)\b|សមាជិក|សកម្មជន",
    re.I,
)
_ONE_PERSON = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:chief|official|councill?or|candidate|member|activist|"
    r"leader|lawmaker|deputy|governor|senator|president|secretary|spokes(?:man|woman|person)|"
    r"businessman|businesswoman|analyst|monk|teacher|tycoon|parliamentarian|MP)\b"
)
_NOT_DEFECTOR = re.compile(r"(?:\bby|\bwith|\bgovernor|\bminister|\bspokes\w+)\s*$", re.I)


@dataclass
class _Draft:
    proposal: Proposal
    sentence: Sentence
    extra_reasons: list[str] = field(default_factory=list)


def _roles(mentions: list[PartyMention], sentence: str, verb: Verb) -> tuple[list[str], str | None]:
    """(former parties, party joined) from where each party stands against the verb."""
    froms: list[str] = []
    to: str | None = None
    for m in mentions:
        before = sentence[max(0, m.start - 40) : m.start]
        after = sentence[m.end : m.end + 30]
        if _TO_BEFORE.search(before) and not _FROM_BEFORE.search(before) and (
            m.start > verb.start or verb.kind == "join"
        ):
            role = "to"
        elif _FROM_BEFORE.search(before):
            role = "from"
        elif (_WELCOMES_AFTER.match(after) and m.start < verb.start) or (
            m.start > verb.end and verb.kind == "join"
        ):
            role = "to"
        else:
            role = "from"
        if role == "to" and to is None:
            to = m.name
        elif role == "from" and m.name not in froms:
            froms.append(m.name)
    return [f for f in froms if f != to], to


def _event_date(
    sentence: Sentence, dates: list[FoundDate], verb: Verb, earlier: list[FoundDate]
) -> FoundDate | None:
    own = [d for d in dates if not d.reported]
    if own:
        return min(own, key=lambda d: abs(d.start - verb.start))
    return earlier[-1] if earlier else None


def _people(sentence: str) -> list[str]:
    out = []
    for name in people_named(sentence):
        at = sentence.find(name)
        after = sentence[at + len(name) : at + len(name) + 12]
        if at >= 0 and (
            _NOT_DEFECTOR.search(sentence[:at]) or re.match(r"^,?\s+(?:said|says|told)\b", after)
        ):
            continue
        out.append(name)
    return out


def _segments(counts: list[Count], mentions: list[PartyMention], verb: Verb) -> list[Count]:
    """The counts that each stand for their own group ("300 CLP members and 50 FUNCINPEC
    members joined"): every count before the verb with a party of its own after it."""
    before = [c for c in counts if c.end <= verb.start]
    if len(before) < 2:
        return counts[:1]
    bounds = [c.start for c in before[1:]] + [verb.start]
    for c, end in zip(before, bounds, strict=True):
        if not any(c.end <= m.start < end for m in mentions):
            return counts[:1]
    return before


def _claims_in(
    sentence: Sentence,
    report: Report,
    lexicon: Lexicon,
    earlier_dates: list[FoundDate],
) -> tuple[list[Proposal], bool]:
    """The proposals one sentence makes, and whether it is a bare "they joined" sentence
    that completes the claim before it."""
    text = sentence.text
    if not_a_claim(text):
        return [], False
    verbs = claim_verbs(text)
    if not verbs:
        return [], False
    mentions = lexicon.mentions(text)
    dates = find_dates(text, report.published)
    counts = person_counts(text, skip=[(d.start, d.end) for d in dates])
    people = _people(text)
    verb = verbs[0]
    if verb.kind == "leave" and len(verbs) > 1 and any(v.kind == "join" for v in verbs):
        # "quit the CLP and joined the CPP": the joining decides where they went.
        verb = next(v for v in verbs if v.kind == "join")
    froms, to = _roles(mentions, text, verb)
    if verb.kind == "join" and re.match(r"ចូល|ប្តូរ", text[verb.start : verb.end]) and to is None:
        return [], False  # "ចូលរួម" alone is attending something, not joining a party
    if not counts and not froms and not people and not _ONE_PERSON.search(text[: verb.start]):
        return [], True
    found = _event_date(sentence, dates, verb, earlier_dates)
    claimant = claimant_in(text) or report.outlet
    proposals = []
    groups = _segments(counts, mentions, verb) if counts else [None]
    for i, count in enumerate(groups):
        reasons: list[str] = []
        number: int | None
        if count is not None:
            number, number_text, qualifier = count.value, count.text, count.qualifier
            if number is None:
                reasons.append(f'"{count.text}" is no count')
        elif people and not _GROUP.search(text):
            number, number_text, qualifier = len(people), None, None
        elif not people and _ONE_PERSON.search(text[: verb.start]) and not _GROUP.search(text):
            number, number_text, qualifier = 1, None, None
        else:
            number, number_text, qualifier = None, None, None
        own_froms = froms
        if len(groups) > 1 and count is not None:
            following = groups[i + 1] if i + 1 < len(groups) else None
            end = following.start if following is not None else verb.start
            own_froms = [m.name for m in mentions if count.end <= m.start < end and m.name != to]
        kind: ProposalKind = "defection"
        if to is None and verb.kind == "leave":
            kind = "departure"
        elif to is None:
            reasons.append("the party joined is not named")
        proposals.append(
            Proposal(
                date=found.value if found else report.published,
                date_kind="event" if found else "published",
                number=number,
                number_text=number_text,
                qualifier=qualifier,
                from_parties=list(own_froms),
                new_parties=[m.name for m in mentions if not m.known and m.name in own_froms],
                to_party=to,
                people=people,
                claimant=claimant,
                evidence=text,
                confidence="low" if reasons else "high",
                reasons=reasons,
                kind=kind,
            )
        )
    return proposals, False


def _same_event(a: Proposal, b: Proposal) -> bool:
    return (
        a.number == b.number
        and set(a.from_parties) == set(b.from_parties)
        and a.to_party == b.to_party
        and a.kind == b.kind
        and (a.date == b.date or "published" in (a.date_kind, b.date_kind))
    )


def propose(report: Report, parties: Sequence[PartyName]) -> list[Proposal]:
    """The claims a report makes, in the order the text makes them."""
    lexicon = Lexicon(parties)
    text = report.text
    if report.title and not text.lstrip().startswith(report.title.strip()):
        text = f"{report.title}\n{text}"
    out: list[Proposal] = []
    earlier: list[FoundDate] = []
    paragraph = -1
    for sentence in split_sentences(text):
        if sentence.paragraph != paragraph:
            paragraph, earlier = sentence.paragraph, []
        proposals, completes = _claims_in(sentence, report, lexicon, earlier)
        if completes and out:
            last = out[-1]
            dates = [d for d in find_dates(sentence.text, report.published) if not d.reported]
            if last.date_kind == "published" and dates:
                last.date, last.date_kind = dates[0].value, "event"
        for p in proposals:
            twin = next((o for o in out if _same_event(o, p)), None)
            if twin is None:
                out.append(p)
            elif twin.date_kind == "published" and p.date_kind == "event":
                twin.date, twin.date_kind = p.date, "event"
        earlier += [d for d in find_dates(sentence.text, report.published) if not d.reported]
    destinations = Counter(p.to_party for p in out if p.to_party)
    for p in out:
        if p.to_party is None and p.kind == "defection" and destinations:
            p.to_party = destinations.most_common(1)[0][0]
            p.reasons = [r for r in p.reasons if r != "the party joined is not named"]
            p.confidence = "low" if p.reasons else "high"
    return out
