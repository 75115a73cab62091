"""What a person card shows about someone, read with a few plain queries instead of the ORM.

>>> from bot.desk import Desk
>>> from sqlalchemy import select
>>> from bot.storage.queries import sources_by_id
>>> desk = Desk.open("sqlite://")
>>> with desk.connect() as conn:
...     raiya = conn.scalar(select(people.c.id).where(people.c.name == "Kung Raiya"))
...     facts = person_facts(conn, raiya, sources_by_id(conn))
>>> facts.name, [e.kind for e in facts.events][:2]
('Kung Raiya', ['convicted', 'released'])

The values keep the ORM's attribute names (``role.party.name``, ``event.to_party``), so the
card reads the same; answers read Core tables and never import the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import BindParameter, bindparam, select
from sqlalchemy.exc import NoResultFound

from bot.storage.queries import Reader, SourceInfo
from bot.storage.source_notes import DisagreementView, disagreements_about
from bot.storage.tables import events, parties, people, person_aliases, roles


@dataclass(frozen=True, slots=True)
class PartyName:
    name: str


@dataclass(frozen=True, slots=True)
class AliasInfo:
    """Where a spelling comes from: a source, an ``origin`` outside them, and/or our inference."""

    source: SourceInfo | None
    origin: str | None
    inferred: bool
    note: str | None


# eq=False: events are told apart by identity, as ORM objects were ("e in unsure").
@dataclass(frozen=True, slots=True, eq=False)
class RoleFact:
    title: str
    party: PartyName | None
    organization: str | None
    source: SourceInfo
    inferred: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class EventFact:
    kind: str
    date_text: str | None  # None (and the two below): the source gives no date
    date_start: date | None
    date_end: date | None
    sort_date: date
    precision: str
    summary: str
    claimed_by: str | None
    from_party: PartyName | None
    to_party: PartyName | None
    source: SourceInfo
    reported_as: str = "fact"  # or "claim": then claimed_by says whose
    inferred: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PersonFacts:
    id: int
    name: str
    origin: str
    aliases: list[str]  # in the order they were stored
    roles: list[RoleFact]
    events: list[EventFact]
    alias_info: dict[str, AliasInfo] = field(default_factory=dict)  # for aliases besides the name
    disagreements: list[DisagreementView] = field(default_factory=list)


_PERSON: BindParameter[int] = bindparam("person_id")
# One query for the name and the aliases.
_NAME_AND_ALIASES = (
    select(
        people.c.name,
        people.c.origin,
        person_aliases.c.alias,
        person_aliases.c.source_id,
        person_aliases.c.origin,
        person_aliases.c.inferred,
        person_aliases.c.note,
    )
    .select_from(people.outerjoin(person_aliases, person_aliases.c.person_id == people.c.id))
    .where(people.c.id == _PERSON)
    .order_by(person_aliases.c.id)
)
_ROLES = (
    select(
        roles.c.title,
        roles.c.party_id,
        roles.c.organization,
        roles.c.source_id,
        roles.c.inferred,
        roles.c.note,
    )
    .where(roles.c.person_id == _PERSON)
    .order_by(roles.c.position)
)
# An event's columns, in the order of EventFact's fields (before the parties and source).
EVENT_COLUMNS = (
    events.c.kind,
    events.c.date_text,
    events.c.date_start,
    events.c.date_end,
    events.c.sort_date,
    events.c.precision,
    events.c.summary,
    events.c.claimed_by,
    events.c.from_party_id,
    events.c.to_party_id,
    events.c.source_id,
    events.c.reported_as,
    events.c.inferred,
    events.c.note,
)
_EVENTS = (
    select(*EVENT_COLUMNS)
    .where(events.c.person_id == _PERSON)
    .order_by(events.c.position)
)
_PARTIES = select(parties.c.id, parties.c.name)


def person_facts(conn: Reader, person_id: int, sources: dict[int, SourceInfo]) -> PersonFacts:
    """The person's name, aliases, roles and events (raises NoResultFound for an unknown id)."""
    person = {"person_id": person_id}
    rows = conn.execute(_NAME_AND_ALIASES, person).all()
    if not rows:
        raise NoResultFound(f"no person with id {person_id}")
    name, origin = rows[0][0], rows[0][1]
    aliases = [row[2] for row in rows if row[2] is not None]
    alias_info = {
        alias: AliasInfo(
            sources[source_id] if source_id is not None else None, alias_origin, inferred, note
        )
        for _, _, alias, source_id, alias_origin, inferred, note in rows
        if alias is not None and alias != name
    }
    role_rows = conn.execute(_ROLES, person).all()
    event_rows = conn.execute(_EVENTS, person).all()
    party_names: dict[int, str] = {}
    if role_rows or event_rows:  # most people have neither
        party_names = {pid: party_name for pid, party_name in conn.execute(_PARTIES)}

    def party(party_id: int | None) -> PartyName | None:
        return PartyName(party_names[party_id]) if party_id is not None else None

    role_facts = [
        RoleFact(title, party(party_id), organization, sources[source_id], bool(inferred), note)
        for title, party_id, organization, source_id, inferred, note in role_rows
    ]
    event_facts = [  # the columns of _EVENTS are EventFact's fields, in its order
        EventFact(*row[:8], party(row[8]), party(row[9]), sources[row[10]], row[11], *row[12:])
        for row in event_rows
    ]
    found = disagreements_about(conn, person_id, sources)
    return PersonFacts(person_id, name, origin, aliases, role_facts, event_facts, alias_info, found)
