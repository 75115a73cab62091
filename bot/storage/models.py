"""The ORM classes that write the data, mapped onto the Core tables of :mod:`bot.storage.tables`.

>>> from sqlalchemy import create_engine
>>> engine = create_engine("sqlite://")
>>> Base.metadata.create_all(engine)
>>> sorted(Base.metadata.tables)[:3]
['button_payloads', 'changes', 'chat_languages']

Columns, keys and indexes are declared once, in bot.storage.tables; the annotations here only type
the
attributes. Loading, curation, subscriptions and backups write through these classes; answers
read the tables directly and never import the ORM.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from bot.storage import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Source(Base):
    __table__ = tables.sources

    id: Mapped[int]
    key: Mapped[str]
    outlet: Mapped[str]
    title: Mapped[str]
    published: Mapped[str]
    published_precision: Mapped[str]
    kind: Mapped[str]
    description: Mapped[str]
    attribution_note: Mapped[str | None]
    claimant: Mapped[str | None]
    stated_total: Mapped[int | None]
    seed_file: Mapped[str | None]
    url: Mapped[str | None]
    coverage: Mapped[str | None]
    coverage_note: Mapped[str | None]
    content_hash: Mapped[str]


class Party(Base):
    __table__ = tables.parties

    id: Mapped[int]
    key: Mapped[str]
    name: Mapped[str]
    kind: Mapped[str]
    dissolved: Mapped[int | None]
    note: Mapped[str | None]
    source_id: Mapped[int | None]
    content_hash: Mapped[str]

    aliases: Mapped[list[PartyAlias]] = relationship(
        cascade="all, delete-orphan", order_by="PartyAlias.id"
    )


class PartyAlias(Base):
    __table__ = tables.party_aliases

    id: Mapped[int]
    party_id: Mapped[int]
    alias: Mapped[str]
    search_key: Mapped[str]
    compact_key: Mapped[str]
    sorted_key: Mapped[str]
    acronym: Mapped[bool]
    origin: Mapped[str | None]


class Person(Base):
    __table__ = tables.people

    id: Mapped[int]
    key: Mapped[str]
    name: Mapped[str]
    origin: Mapped[str]
    content_hash: Mapped[str]

    aliases: Mapped[list[PersonAlias]] = relationship(
        cascade="all, delete-orphan", order_by="PersonAlias.id"
    )
    roles: Mapped[list[Role]] = relationship(cascade="all, delete-orphan", order_by="Role.position")
    events: Mapped[list[Event]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Event.position"
    )


class PersonAlias(Base):
    __table__ = tables.person_aliases

    id: Mapped[int]
    person_id: Mapped[int]
    alias: Mapped[str]
    search_key: Mapped[str]
    compact_key: Mapped[str]
    sorted_key: Mapped[str]
    source_id: Mapped[int | None]
    origin: Mapped[str | None]
    inferred: Mapped[bool]
    note: Mapped[str | None]


class Role(Base):
    __table__ = tables.roles

    id: Mapped[int]
    person_id: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    party_id: Mapped[int | None]
    organization: Mapped[str | None]
    source_id: Mapped[int]
    inferred: Mapped[bool]
    note: Mapped[str | None]


class _EventColumns:
    """The columns people's events and group events share (tables._event_columns)."""

    id: Mapped[int]
    kind: Mapped[str]
    date_text: Mapped[str | None]  # None (and so the two below): the source gives no date
    date_start: Mapped[date | None]
    date_end: Mapped[date | None]
    sort_date: Mapped[date]
    precision: Mapped[str]
    summary: Mapped[str]
    reported_as: Mapped[str]  # fact | claim (then claimed_by says whose)
    claimed_by: Mapped[str | None]
    source_id: Mapped[int]
    inferred: Mapped[bool]
    note: Mapped[str | None]


class Event(_EventColumns, Base):
    __table__ = tables.events

    person_id: Mapped[int]
    position: Mapped[int]
    from_party_id: Mapped[int | None]
    to_party_id: Mapped[int | None]

    person: Mapped[Person] = relationship(back_populates="events")
    from_party: Mapped[Party | None] = relationship(foreign_keys=[tables.events.c.from_party_id])
    to_party: Mapped[Party | None] = relationship(foreign_keys=[tables.events.c.to_party_id])
    source: Mapped[Source] = relationship()


class GroupEvent(_EventColumns, Base):
    """An event about people the source does not name ("four officials were arrested")."""

    __table__ = tables.group_events

    key: Mapped[str]
    people_count: Mapped[int | None]
    party_id: Mapped[int | None]
    content_hash: Mapped[str]


class Disagreement(Base):
    """Where the sources disagree; each side is a ``DisagreementSide``."""

    __table__ = tables.disagreements

    id: Mapped[int]
    key: Mapped[str]
    topic: Mapped[str]
    person_id: Mapped[int | None]
    party_id: Mapped[int | None]
    note: Mapped[str | None]
    content_hash: Mapped[str]

    sides: Mapped[list[DisagreementSide]] = relationship(
        cascade="all, delete-orphan", order_by="DisagreementSide.position"
    )


class DisagreementSide(Base):
    __table__ = tables.disagreement_sides

    disagreement_id: Mapped[int]
    position: Mapped[int]
    says: Mapped[str]
    source_id: Mapped[int]


class Claim(Base):
    """One row of a claims table: a number of defectors reported on a day, from 1+ parties."""

    __table__ = tables.claims

    id: Mapped[int]
    source_id: Mapped[int]
    reported_on: Mapped[date]
    number: Mapped[int]
    party_text: Mapped[str]
    # Which of several identical date+party rows this is, so duplicates survive reloads.
    occurrence: Mapped[int]
    party_count: Mapped[int]
    note: Mapped[str | None]
    claimant: Mapped[str]
    raw_line: Mapped[str]
    line_no: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    to_party_id: Mapped[int | None]
    kind: Mapped[str]
    qualifier: Mapped[str | None]
    number_text: Mapped[str | None]
    evidence: Mapped[str | None]

    source: Mapped[Source] = relationship()


class ClaimParty(Base):
    __table__ = tables.claim_parties

    claim_id: Mapped[int]
    position: Mapped[int]
    party_id: Mapped[int]


class ClaimPerson(Base):
    __table__ = tables.claim_people

    claim_id: Mapped[int]
    person_id: Mapped[int]
    descriptor: Mapped[str | None]


class Meta(Base):
    """Small key/value facts about the database itself, e.g. ``data_version``.

    Every load that changes something bumps ``data_version``, so a running bot (another
    process) knows to rebuild its in-memory name indexes with one cheap query per question.
    """

    __table__ = tables.meta

    key: Mapped[str]
    value: Mapped[str]


class Subscription(Base):
    """A chat that receives the weekly summary at its chosen weekday and local time."""

    __table__ = tables.subscriptions

    id: Mapped[int]
    chat_id: Mapped[int]
    chat_type: Mapped[str]
    weekday: Mapped[int]
    minute_of_day: Mapped[int]
    timezone: Mapped[str]
    active: Mapped[bool]
    inactive_reason: Mapped[str | None]
    created_by: Mapped[int | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_sent_at: Mapped[datetime | None]
    thread_id: Mapped[int | None]


class _DeliveryState:
    """The claim → send → mark columns digests and watchlist alerts share
    (tables._delivery_state)."""

    id: Mapped[int]
    status: Mapped[str]
    claimed_by: Mapped[str]
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int]
    error: Mapped[str | None]


class Delivery(_DeliveryState, Base):
    """One weekly summary for one chat. The unique (chat, week) key is what makes it once-only:
    a sender must insert (or take over a stale) row before sending, and marks it sent after."""

    __table__ = tables.deliveries

    chat_id: Mapped[int]
    week_start: Mapped[date]


class Change(Base):
    """Every change to the data: who, when, what, and how to undo it."""

    __table__ = tables.changes

    id: Mapped[int]
    at: Mapped[datetime]
    actor_id: Mapped[int | None]
    actor: Mapped[str]
    kind: Mapped[str]
    summary: Mapped[str]
    undo: Mapped[str | None]
    undone_at: Mapped[datetime | None]


class Watch(Base):
    """A chat following one person or party: it hears of every new or corrected record.

    ``checked_to`` is the change-log moment up to which the chat has been told everything;
    ``round`` counts deliveries, and (watch, round) is the once-only key of ``watch_deliveries``.
    ``seen_events`` fingerprints the events the chat has already seen (JSON list).
    """

    __table__ = tables.watches

    id: Mapped[int]
    chat_id: Mapped[int]
    chat_type: Mapped[str]
    kind: Mapped[str]
    target_key: Mapped[str]
    label: Mapped[str]
    active: Mapped[bool]
    created_by: Mapped[int | None]
    created_at: Mapped[datetime]
    checked_to: Mapped[datetime]
    round: Mapped[int]
    seen_events: Mapped[str]
    last_sent_at: Mapped[datetime | None]
    thread_id: Mapped[int | None]


class WatchDelivery(_DeliveryState, Base):
    """One watchlist alert: like ``deliveries``, claimed before sending, marked sent after."""

    __table__ = tables.watch_deliveries

    watch_id: Mapped[int]
    round: Mapped[int]
