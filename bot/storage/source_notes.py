"""What the sources say besides people's records and claims: where they disagree, and events
that name no one.

>>> from bot.desk import Desk
>>> from bot.storage.queries import sources_by_id
>>> desk = Desk.open("sqlite://")
>>> with desk.connect() as conn:
...     general = disagreements_about(conn, None, sources_by_id(conn))
...     groups = group_events(conn, sources_by_id(conn))
>>> [len(d.sides) >= 2 for d in general][:1], groups[0].people_count
([True], 4)

A disagreement about a person is shown on their /who card; the others in /about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.storage.queries import Reader, SourceInfo
from bot.storage.tables import disagreement_sides, disagreements, parties
from bot.storage.tables import group_events as group_events_table


@dataclass(frozen=True, slots=True)
class Side:
    says: str  # our words
    source: SourceInfo


@dataclass(frozen=True, slots=True)
class DisagreementView:
    key: str
    topic: str
    sides: tuple[Side, ...]
    note: str | None
    party_id: int | None  # /about adds the claims table's own figures for this party


def disagreements_about(
    conn: Reader, person_id: int | None, sources: dict[int, SourceInfo]
) -> list[DisagreementView]:
    """The disagreements that concern this person, or (``None``) those that concern no one."""
    d, side = disagreements.c, disagreement_sides.c
    who = d.person_id.is_(None) if person_id is None else d.person_id == person_id
    rows = (
        select(d.id, d.key, d.topic, d.note, d.party_id, side.says, side.source_id)
        .join(disagreement_sides, side.disagreement_id == d.id)
        .where(who)
        .order_by(d.id, side.position)
    )
    found: dict[int, DisagreementView] = {}
    for did, key, topic, note, party_id, says, source_id in conn.execute(rows):
        view = found.get(did) or DisagreementView(key, topic, (), note, party_id)
        found[did] = DisagreementView(
            key, topic, (*view.sides, Side(says, sources[source_id])), note, party_id
        )
    return list(found.values())


@dataclass(frozen=True, slots=True)
class GroupEventView:
    kind: str
    date_text: str | None  # None: the source gives no date
    precision: str
    sort_date: date
    summary: str
    people_count: int | None
    party: str | None
    reported_as: str
    claimed_by: str | None
    inferred: bool
    note: str | None
    source: SourceInfo


def group_events(conn: Reader, sources: dict[int, SourceInfo]) -> list[GroupEventView]:
    """Events about people the source does not name, in date order."""
    g = group_events_table.c
    rows = (
        select(
            g.kind,
            g.date_text,
            g.precision,
            g.sort_date,
            g.summary,
            g.people_count,
            parties.c.name,
            g.reported_as,
            g.claimed_by,
            g.inferred,
            g.note,
            g.source_id,
        )
        .outerjoin(parties, parties.c.id == g.party_id)
        .order_by(g.sort_date, g.id)
    )
    return [
        GroupEventView(*row[:9], bool(row[9]), row[10], sources[row[11]])
        for row in conn.execute(rows)
    ]
