"""The database schema as typed SQLAlchemy 2 models.

>>> from sqlalchemy import create_engine
>>> engine = create_engine("sqlite://")
>>> Base.metadata.create_all(engine)
>>> sorted(Base.metadata.tables)[:3]
['claim_parties', 'claim_people', 'claims']

Schema changes go through Alembic migrations in bot/migrations (``desk migrate``); the models are
what the migrations must produce, and a test checks that they agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    outlet: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[str] = mapped_column(String(10))
    published_precision: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text)
    attribution_note: Mapped[str | None] = mapped_column(Text)
    claimant: Mapped[str | None] = mapped_column(Text)
    stated_total: Mapped[int | None] = mapped_column(Integer)
    seed_file: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))


class Party(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))  # party | unnamed | non_party
    dissolved: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    content_hash: Mapped[str] = mapped_column(String(64))

    aliases: Mapped[list[PartyAlias]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="PartyAlias.id"
    )


class PartyAlias(Base):
    __tablename__ = "party_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, index=True)
    compact_key: Mapped[str] = mapped_column(Text)
    sorted_key: Mapped[str] = mapped_column(Text)
    acronym: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str | None] = mapped_column(Text)

    party: Mapped[Party] = relationship(back_populates="aliases")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20))  # facts | table
    content_hash: Mapped[str] = mapped_column(String(64))

    aliases: Mapped[list[PersonAlias]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonAlias.id"
    )
    roles: Mapped[list[Role]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Role.position"
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Event.position"
    )


class PersonAlias(Base):
    __tablename__ = "person_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, index=True)
    compact_key: Mapped[str] = mapped_column(Text)
    sorted_key: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))

    person: Mapped[Person] = relationship(back_populates="aliases")


class Role(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    organization: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))

    person: Mapped[Person] = relationship(back_populates="roles")
    party: Mapped[Party | None] = relationship()
    source: Mapped[Source] = relationship()


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    date_text: Mapped[str] = mapped_column(String(10))
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    sort_date: Mapped[date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(Text)
    from_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    to_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))

    person: Mapped[Person] = relationship(back_populates="events")
    from_party: Mapped[Party | None] = relationship(foreign_keys=[from_party_id])
    to_party: Mapped[Party | None] = relationship(foreign_keys=[to_party_id])
    source: Mapped[Source] = relationship()


class Claim(Base):
    """One row of a claims table: a number of defectors reported on a day, from 1+ parties."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint(
            "source_id", "reported_on", "party_text", "occurrence", name="uq_claims_row_identity"
        ),
        Index("ix_claims_reported_on", "reported_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    reported_on: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    party_text: Mapped[str] = mapped_column(Text)
    # Which of several identical date+party rows this is, so duplicates survive reloads.
    occurrence: Mapped[int] = mapped_column(Integer)
    party_count: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    claimant: Mapped[str] = mapped_column(Text)
    raw_line: Mapped[str] = mapped_column(Text)
    line_no: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    source: Mapped[Source] = relationship()
    parties: Mapped[list[ClaimParty]] = relationship(
        cascade="all, delete-orphan", order_by="ClaimParty.position", back_populates="claim"
    )
    people: Mapped[list[ClaimPerson]] = relationship(
        cascade="all, delete-orphan", back_populates="claim"
    )


class ClaimParty(Base):
    __tablename__ = "claim_parties"
    __table_args__ = (Index("ix_claim_parties_party", "party_id", "claim_id"),)

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))

    claim: Mapped[Claim] = relationship(back_populates="parties")
    party: Mapped[Party] = relationship()


class ClaimPerson(Base):
    __tablename__ = "claim_people"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    descriptor: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class Meta(Base):
    """Small key/value facts about the database itself, e.g. ``data_version``.

    Every load that changes something bumps ``data_version``, so a running bot (another
    process) knows to rebuild its in-memory name indexes with one cheap query per question.
    """

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Subscription(Base):
    """A chat that receives the weekly summary at its chosen weekday and local time."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_type: Mapped[str] = mapped_column(String(20))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    minute_of_day: Mapped[int] = mapped_column(Integer)  # local time, 9:00 = 540
    timezone: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    inactive_reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Delivery(Base):
    """One weekly summary for one chat. The unique (chat, week) key is what makes it once-only:
    a sender must insert (or take over a stale) row before sending, and marks it sent after."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("chat_id", "week_start", name="uq_deliveries_chat_week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    week_start: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))  # claimed | sent | failed | abandoned
    claimed_by: Mapped[str] = mapped_column(String(200))
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)


class Change(Base):
    """Every change to the data: who, when, what, and how to undo it."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    actor: Mapped[str] = mapped_column(Text)  # "@name (id)" from chat, or "desk load" etc.
    kind: Mapped[str] = mapped_column(String(20))  # add | table | undo | load | restore
    summary: Mapped[str] = mapped_column(Text)
    undo: Mapped[str | None] = mapped_column(Text)  # JSON: what reverting needs
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Watch(Base):
    """A chat following one person or party: it hears of every new or corrected record.

    ``checked_to`` is the change-log moment up to which the chat has been told everything;
    ``round`` counts deliveries, and (watch, round) is the once-only key of ``watch_deliveries``.
    ``seen_events`` fingerprints the events the chat has already seen (JSON list).
    """

    __tablename__ = "watches"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "target_key", name="uq_watches_chat_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    chat_type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(10))  # person | party
    target_key: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    checked_to: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    round: Mapped[int] = mapped_column(Integer, default=0)
    seen_events: Mapped[str] = mapped_column(Text, default="[]")
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WatchDelivery(Base):
    """One watchlist alert: like ``deliveries``, claimed before sending, marked sent after."""

    __tablename__ = "watch_deliveries"
    __table_args__ = (UniqueConstraint("watch_id", "round", name="uq_watch_deliveries_round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watches.id", ondelete="CASCADE"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))  # claimed | sent | failed | abandoned
    claimed_by: Mapped[str] = mapped_column(String(200))
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
