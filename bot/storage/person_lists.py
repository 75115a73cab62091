"""Everyone's recorded events and roles, and the people the claims name: what lists of people
("who fled", "who is a spokesperson", "who was named in May") are chosen from.

>>> from bot.desk import Desk
>>> from bot.storage.queries import sources_by_id
>>> desk = Desk.open("sqlite://")
>>> with desk.connect() as conn:
...     sources = sources_by_id(conn)
...     fled = [e.person for e in everyone_s_events(conn, sources) if e.event.kind == "fled"]
...     spokes = [r.person for r in everyone_s_roles(conn, sources) if "spokes" in r.role.title]
...     named = people_named_in_claims(conn, None, None, sources)
>>> sorted(set(fled)), spokes[:2]
(['Kung Raiya', 'Thol Samnang'], ['Kimsour Phirith', 'Ros Soveacha'])
>>> len({m.person_id for m in named})
13

The records are those of :mod:`bot.storage.person_facts` (the /who card's), read for everyone
at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.storage.person_facts import EVENT_COLUMNS, EventFact, PartyName, RoleFact
from bot.storage.queries import CLAIM_COLUMNS, ClaimView, Reader, SourceInfo, views
from bot.storage.tables import claim_parties, claim_people, claims, events, parties, people, roles


@dataclass(frozen=True, slots=True)
class PersonEvent:
    person_id: int
    person: str
    event: EventFact


@dataclass(frozen=True, slots=True)
class PersonRole:
    person_id: int
    person: str
    role: RoleFact
    party_id: int | None


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a claim row, with what the row calls them."""

    person_id: int
    person: str
    descriptor: str | None
    claim: ClaimView


_EVENTS = (
    select(events.c.person_id, people.c.name, *EVENT_COLUMNS)
    .join(people, people.c.id == events.c.person_id)
    .order_by(events.c.sort_date, people.c.name, events.c.position)
)
_ROLES = (
    select(
        roles.c.person_id,
        people.c.name,
        roles.c.title,
        roles.c.party_id,
        roles.c.organization,
        roles.c.source_id,
        roles.c.inferred,
        roles.c.note,
    )
    .join(people, people.c.id == roles.c.person_id)
    .order_by(people.c.name, roles.c.position)
)


def _party_names(db: Reader) -> dict[int, str]:
    return {pid: name for pid, name in db.execute(select(parties.c.id, parties.c.name))}


def everyone_s_events(db: Reader, sources: dict[int, SourceInfo]) -> list[PersonEvent]:
    """Every person's events, in date order (then by name)."""
    names = _party_names(db)

    def party(pid: int | None) -> PartyName | None:
        return PartyName(names[pid]) if pid is not None else None

    return [
        PersonEvent(
            pid,
            name,
            EventFact(
                kind,
                text,
                start,
                end,
                sort_date,
                precision,
                summary,
                claimed_by,
                party(from_party),
                party(to_party),
                sources[source_id],
                reported_as,
                bool(inferred),
                note,
            ),
        )
        for (
            pid,
            name,
            kind,
            text,
            start,
            end,
            sort_date,
            precision,
            summary,
            claimed_by,
            from_party,
            to_party,
            source_id,
            reported_as,
            inferred,
            note,
        ) in db.execute(_EVENTS)
    ]


def everyone_s_roles(db: Reader, sources: dict[int, SourceInfo]) -> list[PersonRole]:
    """Every person's roles, by name and in their listed order."""
    names = _party_names(db)
    return [
        PersonRole(
            pid,
            name,
            RoleFact(
                title,
                PartyName(names[party_id]) if party_id is not None else None,
                organization,
                sources[source_id],
                bool(inferred),
                note,
            ),
            party_id,
        )
        for pid, name, title, party_id, organization, source_id, inferred, note in db.execute(
            _ROLES
        )
    ]


def people_named_in_claims(
    db: Reader,
    start: date | None,
    end: date | None,
    sources: dict[int, SourceInfo],
    *,
    party_id: int | None = None,
) -> list[Mention]:
    """Who the claim rows in [start, end] name (rows naming the party, if one is given), in
    date order."""
    c = claims.c
    q = (
        select(*CLAIM_COLUMNS)
        .where(c.id.in_(select(claim_people.c.claim_id)))
        .order_by(c.reported_on, c.source_id, c.line_no)
    )
    if start is not None:
        q = q.where(c.reported_on >= start)
    if end is not None:
        q = q.where(c.reported_on <= end)
    if party_id is not None:
        naming = select(claim_parties.c.claim_id).where(claim_parties.c.party_id == party_id)
        q = q.where(c.id.in_(naming))
    return [
        Mention(pid, name, desc, view)
        for view in views(db, db.execute(q).all(), sources)
        for pid, name, desc in view.people
    ]
