"""What a person card shows about someone, read with a few plain queries instead of the ORM.

>>> from bot.desk import Desk
>>> from sqlalchemy import bindparam, select
>>> from bot.models import Person
>>> from bot.queries import sources_by_id
>>> desk = Desk.open("sqlite://")
>>> with desk.session() as s:
...     raiya = s.scalar(select(Person.id).where(Person.name == "Kung Raiya"))
...     facts = person_facts(s, raiya, sources_by_id(s))
>>> facts.name, facts.events[0].kind
('Kung Raiya', 'defected')

The values keep the ORM's attribute names (``role.party.name``, ``event.to_party``), so the
card reads the same; loading them skips the ORM's per-object and per-relationship work, which
was most of a /who answer's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.orm import Session

from bot.models import Event, Party, Person, PersonAlias, Role, Source


@dataclass(frozen=True, slots=True)
class PartyName:
    name: str


# eq=False: events are told apart by identity, as ORM objects were ("e in unsure").
@dataclass(frozen=True, slots=True, eq=False)
class RoleFact:
    title: str
    party: PartyName | None
    organization: str | None
    source: Source


@dataclass(frozen=True, slots=True, eq=False)
class EventFact:
    kind: str
    date_text: str
    date_start: date
    date_end: date
    sort_date: date
    precision: str
    summary: str
    claimed_by: str | None
    from_party: PartyName | None
    to_party: PartyName | None
    source: Source


@dataclass(frozen=True, slots=True)
class PersonFacts:
    id: int
    name: str
    origin: str
    aliases: list[str]  # in the order they were stored
    roles: list[RoleFact]
    events: list[EventFact]


# Built once, with the person as a parameter: a card runs all of them, and building the
# statements each time cost about as much as running them.
_PERSON: BindParameter[int] = bindparam("person_id")
_NAME = select(Person.id, Person.name, Person.origin).where(Person.id == _PERSON)
_ALIASES = (
    select(PersonAlias.alias).where(PersonAlias.person_id == _PERSON).order_by(PersonAlias.id)
)
_ROLES = (
    select(Role.title, Role.party_id, Role.organization, Role.source_id)
    .where(Role.person_id == _PERSON)
    .order_by(Role.position)
)
_EVENTS = (
    select(
        Event.kind,
        Event.date_text,
        Event.date_start,
        Event.date_end,
        Event.sort_date,
        Event.precision,
        Event.summary,
        Event.claimed_by,
        Event.from_party_id,
        Event.to_party_id,
        Event.source_id,
    )
    .where(Event.person_id == _PERSON)
    .order_by(Event.position)
)
_PARTIES = select(Party.id, Party.name)


def person_facts(s: Session, person_id: int, sources: dict[int, Source]) -> PersonFacts:
    """The person's name, aliases, roles and events (raises NoResultFound for an unknown id)."""
    conn = s.connection()
    key = {"person_id": person_id}
    pid, name, origin = conn.execute(_NAME, key).one()
    aliases = list(conn.scalars(_ALIASES, key))
    role_rows = conn.execute(_ROLES, key).all()
    event_rows = conn.execute(_EVENTS, key).all()
    parties: dict[int, PartyName] = {}
    if role_rows or event_rows:  # most people have neither: skip the query
        parties = {i: PartyName(n) for i, n in conn.execute(_PARTIES)}

    def party(party_id: int | None) -> PartyName | None:
        return parties[party_id] if party_id is not None else None

    roles = [
        RoleFact(title, party(party_id), organization, sources[source_id])
        for title, party_id, organization, source_id in role_rows
    ]
    events = [
        EventFact(*row[:8], party(row[8]), party(row[9]), sources[row[10]]) for row in event_rows
    ]
    return PersonFacts(pid, name, origin, aliases, roles, events)
