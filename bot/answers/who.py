"""``/who NAME``: a person card, or the candidates when the name is ambiguous.

>>> from bot.desk import Desk
>>> from bot.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_who(desk, "kung raya")).splitlines()[0])
Kung Raiya
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.answer import Answer, Button, Part, bold, fail, italic, number
from bot.answers.common import day
from bot.citations import Citations, partial_date_label
from bot.desk import Desk
from bot.models import Claim, ClaimPerson, Event, Person
from bot.queries import ClaimView, views

if TYPE_CHECKING:
    from bot.matcher import Candidate

EVENT_VERBS = {
    "defected": "Defected",
    "joined": "Joined",
    "resigned": "Resigned",
    "appointed": "Appointed",
    "fled": "Fled",
    "arrested": "Arrested",
    "convicted": "Convicted",
    "released": "Released",
    "sentenced": "Sentenced",
    "stated": "Statement",
    "other": "Reported",
}


def answer_who(desk: Desk, query: str, *, as_of: date | None = None) -> Answer:
    query = " ".join(query.split())
    if not query:
        answer = fail("who", "Whom should I look up? Send /who NAME, for example /who Kung Raiya.")
        return answer
    candidates = desk.people().resolve(query, limit=6)
    if not candidates:
        return _no_match(desk, query)
    chosen = _clear_winner(candidates)
    with desk.session() as s:
        if chosen is None:
            return _ambiguous(s, query, candidates)
        return person_card(s, chosen.target, typed=query, candidate=chosen)


def _clear_winner(candidates: list[Candidate]) -> Candidate | None:
    if len(candidates) == 1:
        return candidates[0]
    exact = [c for c in candidates if c.how in ("exact", "acronym")]
    return exact[0] if len(exact) == 1 else None


def _no_match(desk: Desk, query: str) -> Answer:
    answer = fail("who", f"No one called “{query}” is in the data.")
    close = desk.people().suggest(query, limit=3)
    if close:
        with desk.session() as s:
            names = {
                p.id: p.name
                for p in s.scalars(select(Person).where(Person.id.in_([c.target for c in close])))
            }
        answer.line("Closest names: ", ", ".join(names[c.target] for c in close), ".")
        answer.buttons.extend(Button(names[c.target], f"/who {names[c.target]}") for c in close)
    return answer


def _ambiguous(s: Session, query: str, candidates: list[Candidate]) -> Answer:
    people = {
        p.id: p
        for p in s.scalars(select(Person).where(Person.id.in_([c.target for c in candidates])))
    }
    answer = Answer(command="who", ok=False)
    answer.line(f"“{query}” matches more than one person. Did you mean:")
    for c in candidates:
        name = people[c.target].name
        via = "" if c.alias == name else f", as “{c.alias}”"
        answer.bullet(bold(name), f" — {c.how} match, score {c.score:.0f}{via}")
        answer.buttons.append(Button(name, f"/who {name}"))
    return answer


def person_card(
    s: Session, person_id: int, *, typed: str = "", candidate: Candidate | None = None
) -> Answer:
    person = s.scalars(
        select(Person)
        .where(Person.id == person_id)
        .options(
            selectinload(Person.aliases), selectinload(Person.roles), selectinload(Person.events)
        )
    ).one()
    refs = Citations()
    answer = Answer(command="who")
    answer.line(bold(person.name))
    if candidate is not None and candidate.how == "fuzzy":
        answer.line(italic(f"Closest match for “{typed}” (score {candidate.score:.0f})."))
    others = [a.alias for a in person.aliases if a.alias != person.name]
    if others:
        answer.line("Also spelled: ", ", ".join(others))
    if person.roles:
        answer.blank()
        answer.line(bold("Roles"))
        for role in person.roles:
            where = ", ".join(
                x for x in (role.party.name if role.party else None, role.organization) if x
            )
            answer.bullet(role.title, f" — {where}" if where else "", " ", refs.ref(role.source))

    mentions = views(
        s,
        list(
            s.scalars(
                select(Claim)
                .join(ClaimPerson, ClaimPerson.claim_id == Claim.id)
                .where(ClaimPerson.person_id == person.id)
                .order_by(Claim.reported_on)
            )
        ),
    )
    timeline: list[tuple[date, int, list[Part]]] = []
    for e in person.events:
        when = partial_date_label(e.date_text, e.precision)
        who = f" (according to {e.claimed_by})" if e.claimed_by else ""
        timeline.append(
            (
                e.sort_date,
                0,
                [
                    f"{when} — ",
                    bold(_event_label(e.kind, e.summary)),
                    e.summary,
                    who,
                    " ",
                    refs.ref(e.source),
                ],
            )
        )
    for view in mentions:
        desc = next((d for pid, _, d in view.people if pid == person.id and d), None)
        parts: list[Part] = [
            f"{day(view.reported_on)} — ",
            bold("Named in a defection claim"),
            ": ",
            f"{number(view.number)} from {view.party_text}",
            " (joint row)" if view.joint else "",
            f", described as “{desc}”" if desc else "",
            f"; claimed by {view.claimant} ",
            refs.ref(view.source),
        ]
        timeline.append((view.reported_on, 1, parts))
    timeline.sort(key=lambda t: (t[0], t[1]))
    if timeline:
        answer.blank()
        answer.line(bold("Timeline"))
        for _, _, parts in timeline:
            answer.bullet(*parts)
    status = _status(person.events, mentions)
    if status:
        answer.blank()
        answer.line(bold("Status: "), status)
    if person.origin == "table":
        answer.line(
            italic(
                "Known only from a pro-government defection claim; not independently "
                "reported in our sources."
            )
        )
    refs.write(answer)
    return answer


STATE_KINDS = frozenset(
    {
        "defected",
        "joined",
        "resigned",
        "appointed",
        "fled",
        "arrested",
        "convicted",
        "released",
        "sentenced",
    }
)
SITUATION_KINDS = frozenset({"fled", "arrested", "convicted", "released", "sentenced"})


def _status(events: list[Event], mentions: list[ClaimView]) -> str:
    """One line: where the person stands after the latest change of party or legal situation.

    Statements and other events are left out: "said X" is not a status.
    """
    ordered = sorted(events, key=lambda e: e.sort_date)
    states = [e for e in ordered if e.kind in STATE_KINDS]
    bits: list[str] = []
    situation = next((e for e in reversed(states) if e.kind in SITUATION_KINDS), None)
    if situation is not None:
        when = partial_date_label(situation.date_text, situation.precision)
        bits.append(f"{_lower_first(situation.summary)} ({when})")
    member, left = _membership(states)
    if member:
        bits.append(f"last known party: {member}")
    elif left:
        bits.append(f"no longer in the {left}, no later party recorded")
    elif mentions:
        last = mentions[-1]
        bits.append(
            f"reported as a defector from the {last.party_text} on "
            f"{day(last.reported_on)} by {last.claimant} (a claim, not verified)"
        )
    if not bits:
        return "no change of party or legal situation recorded"
    latest = states[-1] if states else None
    as_of = (
        f"as of {partial_date_label(latest.date_text, latest.precision)}: "
        if latest is not None
        else ""
    )
    return as_of + "; ".join(bits) + "."


def _membership(states: list[Event]) -> tuple[str | None, str | None]:
    """(current party, party last left) as defect/join/resign events leave them."""
    member: str | None = None
    left: str | None = None
    for e in states:
        if e.kind in ("defected", "joined") and e.to_party is not None:
            member, left = e.to_party.name, None
        elif (
            e.kind == "resigned"
            and e.from_party is not None
            and member in (None, e.from_party.name)
        ):
            member, left = None, e.from_party.name
    return member, left


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _event_label(kind: str, summary: str) -> str:
    """The kind as a label, unless the summary already opens with it ("Convicted of ...")."""
    verb = EVENT_VERBS[kind]
    return "" if summary[:4].lower() == verb[:4].lower() else f"{verb}: "
