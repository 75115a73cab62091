"""``/people [WHAT] [PARTY] [PERIOD]``: people by what happened to them or what they are.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> text = to_plain(answer_people(desk, "fled"))
>>> text.splitlines()[0]
'People who fled: 2 people'
>>> [line.split(" — ")[0] for line in text.splitlines() if line.startswith("• ")]
['• Kung Raiya', '• Thol Samnang', '• Kung Raiya']

WHAT is an event (fled, arrested, jailed, convicted, released, resigned, appointed, defected,
on trial), a role (spokesperson, leader) or "named" (in the defection claims); with none, a
party's people (everyone linked to it by a role, an event or a claim naming them). Each person
is listed with the record that puts them there: the event with its date (or "date not given")
and whether its source reports it as someone's claim, the role, or the claim row naming them;
and events the sources report about people they do not name ("four officials arrested").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.commands.common import PartyMatch, data_window, resolve_party
from bot.core.answer import Answer, Button, Part, bold, fail, italic, number
from bot.core.citations import Citations, partial_date_label
from bot.core.claim_text import CLAIM_CAVEAT, day, outlet_parts
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import shown
from bot.core.periods import Period, PeriodError, parse_partial_date, split_trailing_period
from bot.core.shown_names import joint_name, name, named
from bot.desk import Desk
from bot.storage.person_facts import EventFact
from bot.storage.person_lists import (
    Mention,
    PersonEvent,
    PersonRole,
    everyone_s_events,
    everyone_s_roles,
    people_named_in_claims,
)
from bot.storage.queries import SourceInfo, sources_by_id
from bot.storage.source_notes import GroupEventView, group_events


@dataclass(frozen=True)
class Category:
    """What puts a person on a list: event kinds, words in what a record says of them (a
    claim row's description, an event's summary), a role's title, or being named in claims."""

    key: str
    title: str
    kinds: frozenset[str] = frozenset()
    words: re.Pattern[str] | None = None
    role: re.Pattern[str] | None = None
    claims: bool = False
    said_joining: bool = False  # "said they would join the CPP" counts (defected)


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category(
            "fled", N_("People who fled"), frozenset({"fled"}), _words(r"fled|flee\w*|escaped")
        ),
        Category("arrested", N_("People arrested"), frozenset({"arrested"}), _words(r"arrested")),
        Category(
            "jailed",
            N_("People jailed or sentenced to prison"),
            words=_words(r"jail\w*|prison\w*|imprison\w*"),
        ),
        Category(
            "convicted",
            N_("People convicted or sentenced"),
            frozenset({"convicted", "sentenced"}),
            _words(r"convicted|sentenced"),
        ),
        Category("released", N_("People released"), frozenset({"released"}), _words(r"released")),
        Category(
            "resigned", N_("People who resigned"), frozenset({"resigned"}), _words(r"resign\w*")
        ),
        Category("appointed", N_("People appointed"), frozenset({"appointed"})),
        Category(
            "trial", N_("People on trial or charged"), words=_words(r"trial|defendants?|charged")
        ),
        Category(
            "defected",
            N_("People who defected, were claimed to, or said they would"),
            frozenset({"defected", "joined"}),
            claims=True,
            said_joining=True,
        ),
        Category("named", N_("People named in defection claims"), claims=True),
        Category("spokesperson", N_("Spokespeople"), role=_words(r"spokes\w*")),
        Category(
            "leader",
            N_("Leaders and office-holders"),
            role=_words(r"leaders?|president|chief|head|secretary-general|director|chair\w*"),
        ),
    )
}
# What people type for each list, in the order they are looked for: a question naming a more
# particular list ("named in defection claims", "arrested defectors") is read as that one.
SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("named", ("named in claims", "named", "mentioned", "names")),
    ("spokesperson", ("spokespersons", "spokesperson", "spokespeople", "spokeswoman",
                      "spokesman", "spokesmen", "speaks for", "speak for", "speaking for")),
    ("leader", ("leadership", "leaders", "leader", "presidents", "president", "chief", "heads",
                "head", "leads", "led", "officials")),
    ("fled", ("left the country", "left cambodia", "in exile", "fleeing", "fled", "flee",
              "escaped", "exile")),
    ("arrested", ("arrested", "arrests", "arrest", "detained")),
    ("jailed", ("imprisoned", "in prison", "prisoners", "prison", "jailed", "jail")),
    ("convicted", ("convictions", "conviction", "convicted", "sentenced", "sentence")),
    ("released", ("released", "freed")),
    ("resigned", ("resignations", "resignation", "resigned", "resign", "quit")),
    ("appointed", ("appointment", "appointed")),
    ("trial", ("mass trial defendants", "mass trial", "on trial", "defendants", "defendant",
               "charged", "trial")),
    ("defected", ("defections", "defectors", "defector", "defected", "defecting", "defect",
                  "joined", "switched", "left", "leaving", "leave")),
)  # fmt: skip
_FILLER_WORDS = """who whom were was is are have has had been the a an of in from for by people
    person persons list all any which what party's partys members member claims claim claimed
    reports reported defection defections to before previously earlier once also still now
    ever already"""
_FILLER = frozenset(_FILLER_WORDS.split())
_TO_CPP = re.compile(
    r"\b(?:to|into)\s+(?:the\s+)?(?:cpp|ruling party|cambodian people'?s party)\b", re.IGNORECASE
)
USAGE = N_(
    "Send /people WHAT [PARTY] [PERIOD]: WHAT is fled, arrested, jailed, convicted, released, "
    "resigned, appointed, defected, on trial, named (in claims), spokesperson or leader; "
    "or /people PARTY for a party's people."
)


@dataclass(frozen=True)
class PeopleQuery:
    category: Category | None
    party_text: str
    period: Period | None


def read_people(args: str, latest_year: int, data: tuple[date, date] | None) -> PeopleQuery:
    """
    >>> q = read_people("CPP spokesperson", 2023, None)
    >>> q.category.key if q.category else None, q.party_text
    ('spokesperson', 'CPP')
    """
    rest, period = split_trailing_period(args, latest_year=latest_year, data=data)
    # Every claim is of a defection to the ruling party: "to the CPP" names no party's people.
    rest = _TO_CPP.sub(" ", rest)
    text = f" {' '.join(rest.split())} "
    category: Category | None = None
    for key, phrases in SYNONYMS:
        for phrase in phrases:
            m = re.search(rf"(?<=\W){re.escape(phrase)}(?=\W)", text, re.IGNORECASE)
            if m:
                category = CATEGORIES[key]
                text = text[: m.start()] + text[m.end() :]
                break
        if category is not None:
            break
    words = [re.sub(r"(?:'s|’s)$", "", w.strip(",;:?!.")) for w in text.split()]
    words = [w for w in words if w and w.lower() not in _FILLER]
    party_text = " ".join(words)
    if period is None and party_text:  # a period inside the words: "named in June claims"
        party_text, period = split_trailing_period(party_text, latest_year=latest_year, data=data)
    return PeopleQuery(category, party_text, period)


def answer_people(desk: Desk, args: str) -> Answer:
    with desk.connect() as conn:
        latest, span = data_window(desk, conn)
        try:
            query = read_people(args, latest, span)
        except PeriodError as exc:
            return fail("people", str(exc))
        if query.category is None and not query.party_text:
            return fail("people", _("Which people? ") + _(USAGE))
        party: PartyMatch | None = None
        if query.party_text:
            found = resolve_party(desk, query.party_text, "people", conn, _keeping(query))
            if isinstance(found, Answer):
                return found
            party = found
        sources = sources_by_id(conn)
        events = everyone_s_events(conn, sources)
        roles = everyone_s_roles(conn, sources)
        mentions = people_named_in_claims(conn, None, None, sources)
        groups = group_events(conn, sources)
    return _listed(query, party, events, roles, mentions, groups)


def _keeping(query: PeopleQuery) -> Callable[[str], str]:
    def button(name: str) -> str:
        words = [
            query.category.key if query.category else "",
            name,
            query.period.label if query.period else "",
        ]
        return "/people " + " ".join(w for w in words if w)

    return button


@dataclass(frozen=True)
class _Entry:
    """One line of the list: a person (or a group) and the record that puts them there, with
    the days its date covers (None: the source gives no date; a role is never dated)."""

    who: str
    person_id: int | None
    sort: date
    parts: list[Part]
    source: SourceInfo
    days: tuple[date, date] | None = None
    role: bool = False
    claim: bool = False


def _listed(
    query: PeopleQuery,
    party: PartyMatch | None,
    events: list[PersonEvent],
    roles: list[PersonRole],
    mentions: list[Mention],
    groups: list[GroupEventView],
) -> Answer:
    """The entries: with a category, the records of that kind (of the people linked to the
    party, if one is given); with a party alone, the records that link people to it."""
    category = query.category
    linked = _linked(party, events, roles, mentions) if party else None
    entries: list[_Entry] = []
    for e in events:
        if category is None:
            if party is not None and _names_party(e.event, party):
                entries.append(_event_entry(e))
        elif (linked is None or e.person_id in linked) and _event_counts(category, e.event, party):
            entries.append(_event_entry(e))
    for r in roles:
        if category is None:
            wanted = party is not None and r.party_id == party.id
        else:
            wanted = (
                category.role is not None
                and category.role.search(r.role.title) is not None
                and (party is None or r.party_id == party.id)
            )
        if wanted:
            entries.append(_role_entry(r))
    for m in mentions:
        if party is not None and party.id not in {p.id for p in m.claim.parties}:
            continue
        if category is None or category.claims or _says(category, m.descriptor or ""):
            entries.append(_mention_entry(m))
    for g in groups:
        if party is not None and g.party != party.name:
            continue
        if category is None or g.kind in category.kinds or _says(category, g.summary):
            entries.append(_group_entry(g))
    return _written(query, party, entries)


def _names_party(e: EventFact, party: PartyMatch) -> bool:
    return party.name in {p.name for p in (e.from_party, e.to_party) if p is not None}


def _linked(
    party: PartyMatch, events: list[PersonEvent], roles: list[PersonRole], mentions: list[Mention]
) -> set[int]:
    """Who is linked to the party: by a role in it, an event leaving or joining it, or a claim
    row naming it and them."""
    found = {r.person_id for r in roles if r.party_id == party.id}
    found |= {e.person_id for e in events if _names_party(e.event, party)}
    found |= {m.person_id for m in mentions if party.id in {p.id for p in m.claim.parties}}
    return found


def _event_counts(category: Category, e: EventFact, party: PartyMatch | None = None) -> bool:
    if category.said_joining and party is not None:
        # Who defected from a party: whoever left it, not whoever joined it.
        if e.to_party is not None and e.to_party.name == party.name:
            return False
        if e.kind == "resigned" and e.from_party is not None and e.from_party.name == party.name:
            return True
    if e.kind in category.kinds:
        return True
    if category.said_joining and e.kind == "stated" and e.to_party is not None:
        return True
    # A statement's words are what someone said ("threatened to arrest"), not what happened.
    return e.kind != "stated" and _says(category, e.summary)


def _says(category: Category, text: str) -> bool:
    return category.words is not None and category.words.search(text) is not None


def _event_entry(e: PersonEvent) -> _Entry:
    ev = e.event
    when = partial_date_label(ev.date_text, ev.precision)
    parts: list[Part] = [bold(e.person), f" — {when}: {ev.summary}"]  # the data's own words
    if ev.reported_as == "claim":
        parts.append(_(" (claimed by {who})").format(who=ev.claimed_by))
    if ev.inferred:
        parts.append(italic(_(" (our inference: {note})").format(note=ev.note)))
    days = (ev.date_start, ev.date_end) if ev.date_start and ev.date_end else None
    return _Entry(e.person, e.person_id, ev.sort_date, parts, ev.source, days)


def _role_entry(r: PersonRole) -> _Entry:
    where = ", ".join(
        x for x in (name(r.role.party.name) if r.role.party else None, r.role.organization) if x
    )
    parts: list[Part] = [bold(r.person), f" — {r.role.title}", f", {where}" if where else ""]
    if r.role.inferred:
        parts.append(italic(_(" (our inference: {note})").format(note=r.role.note)))
    return _Entry(r.person, r.person_id, date.min, parts, r.role.source, role=True)


def _mention_entry(m: Mention) -> _Entry:
    v = m.claim
    parts: list[Part] = [
        bold(m.person),
        ngettext(
            " — {day}: named in a claim of {n} defector from {party}",
            " — {day}: named in a claim of {n} defectors from {party}",
            v.number,
        ).format(day=day(v.reported_on), n=number(v.number), party=joint_name(v.party_text)),
        _(" (joint row)") if v.joint else "",
        _(", described as “{desc}”").format(desc=m.descriptor) if m.descriptor else "",
        _("; claimed by {claimant}").format(claimant=v.claimant),
        *outlet_parts(v.outlets),
    ]
    days = (v.reported_on, v.reported_on)
    return _Entry(m.person, m.person_id, v.reported_on, parts, v.source, days, claim=True)


def _group_entry(g: GroupEventView) -> _Entry:
    when = partial_date_label(g.date_text, g.precision)
    count = (
        ngettext("{n} person", "{n} people", g.people_count).format(n=number(g.people_count))
        if g.people_count
        else _("people")
    )
    of = _(" of the {party}").format(party=name(g.party)) if g.party else ""
    parts: list[Part] = [
        bold(_("{count}{of}, not named").format(count=count, of=of)),
        f" — {when}: {g.summary}",
    ]
    if g.reported_as == "claim":
        parts.append(_(" (claimed by {who})").format(who=g.claimed_by))
    if g.inferred:
        parts.append(italic(_(" (our inference: {note})").format(note=g.note)))
    days = parse_partial_date(g.date_text) if g.date_text else None
    return _Entry(f"{count}{of}", None, g.sort_date, parts, g.source, days)


def _written(query: PeopleQuery, party: PartyMatch | None, entries: list[_Entry]) -> Answer:
    category, period = query.category, query.period
    title = _(category.title) if category else _("People linked to")
    shown_party = named(party.name) if party else ""
    of = f" — {shown_party}" if party and category else (f" the {shown_party}" if party else "")
    if party and not category:
        title, of = _("People linked to the {party}").format(party=shown_party), ""
    if category is not None and category.said_joining and party is not None:
        title, of = (
            _("People who left the {party}").format(party=shown_party),
            _(" (defected, resigned, were claimed to, or said they would)"),
        )
    when = f", {shown(period)}" if period else ""
    undated: list[_Entry] = []
    if period is not None:
        undated = [e for e in entries if e.days is None and not e.role]
        entries = [e for e in entries if e.role or (e.days and _overlap(e.days, period))]
    entries.sort(key=lambda e: (e.sort, e.who))
    people = {e.person_id for e in entries if e.person_id is not None}
    groups = [e for e in entries if e.person_id is None]
    answer = Answer(command="people")
    refs = Citations()
    count = ngettext("{n} person", "{n} people", len(people)).format(n=number(len(people)))
    if groups:
        count += ngettext(
            " and {n} group not named", " and {n} groups not named", len(groups)
        ).format(n=number(len(groups)))
    answer.line(bold(f"{title}{of}{when}: {count}"))
    if category is not None and category.role and period is not None:
        answer.line(italic(_("Roles are not dated in our sources: listed whatever the period.")))
    for e in entries:
        unsure = (
            period is not None
            and e.days is not None
            and not (period.start <= e.days[0] and e.days[1] <= period.end)
        )
        answer.bullet(
            *e.parts,
            " ",
            refs.ref(e.source),
            italic(_(" (dated too coarsely to be sure it falls in the period)")) if unsure else "",
        )
    if not entries:
        answer.line(
            _("No one in our sources.") if not undated else _("No dated record in that period.")
        )
    if undated and period is not None:
        names = ", ".join(sorted({e.who for e in undated}))
        answer.line(
            italic(
                _("Not placed in {period} (the sources give no date): {names}.").format(
                    period=shown(period), names=names
                )
            )
        )
    if category is not None and category.key == "defected" and party is not None:
        # Most claims name no one: an empty or short list is not "nobody left".
        total = f"/total {party.name}" + (f" {period.label}" if period else "")
        answer.line(
            italic(
                _("Most claims give a count and name no one; the counts: {total}").format(
                    total=total
                )
            )
        )
        answer.buttons.append(Button(total, total))
    if any(e.claim for e in entries):
        said = _("Named in pro-government media's claims.")
        answer.line(italic(f"{said} {CLAIM_CAVEAT}"))
    refs.write(answer)
    refs.cite_as(answer)
    seen: list[str] = []
    for e in entries:
        if e.person_id is not None and e.who not in seen:
            seen.append(e.who)
    answer.buttons.extend(Button(name, f"/who {name}") for name in seen[:6])
    return answer


def _overlap(days: tuple[date, date], period: Period) -> bool:
    return days[0] <= period.end and period.start <= days[1]
