"""The database schema as SQLAlchemy Core tables: what answers read, without the ORM.

>>> from sqlalchemy import create_engine, select
>>> engine = create_engine("sqlite://")
>>> metadata.create_all(engine)
>>> with engine.connect() as conn:
...     conn.execute(select(claims.c.id)).all()
[]

Reading goes through these tables (``claims.c.reported_on``); the ORM classes in
:mod:`bot.storage.models` are mapped onto the same tables for the code that writes. Importing
the ORM
cost a one-shot ``desk ask`` about a quarter of a second, which is why answers keep to Core.
Schema changes go through Alembic migrations in bot/storage/migrations (``desk migrate``); these
tables
are what the migrations must produce, and a test checks that they agree.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)

metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _content_hash() -> Column[str]:
    return Column("content_hash", String(64), nullable=False)


def _person_id() -> Column[int]:
    return Column(
        "person_id",
        Integer,
        ForeignKey("people.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _provenance() -> list[Column[Any]]:
    """What a fact record says beyond its source: ``inferred`` by us, explained in ``note``."""
    return [
        Column("inferred", Boolean, nullable=False, default=False, server_default=false()),
        Column("note", Text),
    ]


def _event_columns() -> list[Column[Any]]:
    """When (all three dates NULL when the source gives none), what, and as fact or claim."""
    return [
        Column("kind", String(20), nullable=False),
        Column("date_text", String(10)),
        Column("date_start", Date),
        Column("date_end", Date),
        # Orders a timeline; an unknown date without one sorts at its source's publication.
        Column("sort_date", Date, nullable=False),
        # day | month | year | approximate | unknown
        Column("precision", String(20), nullable=False),
        Column("summary", Text, nullable=False),
        Column(
            "reported_as", String(10), nullable=False, default="fact", server_default="fact"
        ),  # fact | claim (then claimed_by says whose)
        Column("claimed_by", Text),
    ]


def _delivery_state() -> list[Column[Any]]:
    """The claim → send → mark columns that digests and watchlist alerts share."""
    return [
        Column("status", String(20), nullable=False),  # claimed | sent | failed | abandoned
        Column("claimed_by", String(200), nullable=False),
        Column("claimed_at", DateTime(timezone=True), nullable=False),
        Column("sent_at", DateTime(timezone=True)),
        Column("attempts", Integer, nullable=False, default=0),
        Column("error", Text),
    ]


sources = Table(
    "sources",
    metadata,
    _id(),
    Column("key", String(100), nullable=False, unique=True),
    Column("outlet", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("published", String(10), nullable=False),
    Column("published_precision", String(20), nullable=False),
    Column("kind", String(50), nullable=False),
    Column("description", Text, nullable=False),
    Column("attribution_note", Text),
    Column("claimant", Text),
    Column("stated_total", Integer),
    Column("seed_file", Text),
    Column("url", Text),
    Column("coverage", String(20)),  # complete | sample | NULL (not said)
    Column("coverage_note", Text),
    _content_hash(),
)

parties = Table(
    "parties",
    metadata,
    _id(),
    Column("key", String(100), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # party | unnamed | non_party
    Column("dissolved", Integer),
    Column("note", Text),
    Column("source_id", Integer, ForeignKey("sources.id")),
    _content_hash(),
)

party_aliases = Table(
    "party_aliases",
    metadata,
    _id(),
    Column(
        "party_id",
        Integer,
        ForeignKey("parties.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("alias", Text, nullable=False),
    Column("search_key", Text, nullable=False, index=True),
    Column("compact_key", Text, nullable=False),
    Column("sorted_key", Text, nullable=False),
    Column("acronym", Boolean, nullable=False, default=False),
    Column("origin", Text),
)

people = Table(
    "people",
    metadata,
    _id(),
    Column("key", String(200), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("origin", String(20), nullable=False),  # facts | table
    _content_hash(),
)

person_aliases = Table(
    "person_aliases",
    metadata,
    _id(),
    _person_id(),
    Column("alias", Text, nullable=False),
    Column("search_key", Text, nullable=False, index=True),
    Column("compact_key", Text, nullable=False),
    Column("sorted_key", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("origin", Text),  # where a spelling not in the sources comes from
    *_provenance(),
)

roles = Table(
    "roles",
    metadata,
    _id(),
    _person_id(),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("party_id", Integer, ForeignKey("parties.id")),
    Column("organization", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    *_provenance(),
)

events = Table(
    "events",
    metadata,
    _id(),
    _person_id(),
    Column("position", Integer, nullable=False),
    *_event_columns(),
    Column("from_party_id", Integer, ForeignKey("parties.id")),
    Column("to_party_id", Integer, ForeignKey("parties.id")),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    *_provenance(),
)

# An event about people the source does not name ("four officials were arrested").
group_events = Table(
    "group_events",
    metadata,
    _id(),
    Column("key", String(100), nullable=False, unique=True),
    *_event_columns(),
    Column("people_count", Integer),
    Column("party_id", Integer, ForeignKey("parties.id")),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    *_provenance(),
    _content_hash(),
)

# Where the sources disagree: shown on the card of ``person``, else in /about.
disagreements = Table(
    "disagreements",
    metadata,
    _id(),
    Column("key", String(100), nullable=False, unique=True),
    Column("topic", Text, nullable=False),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), index=True),
    Column("party_id", Integer, ForeignKey("parties.id")),
    Column("note", Text),
    _content_hash(),
)

disagreement_sides = Table(
    "disagreement_sides",
    metadata,
    Column(
        "disagreement_id",
        Integer,
        ForeignKey("disagreements.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("says", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
)

# One row of a claims table: a number of defectors reported on a day, from 1+ parties.
claims = Table(
    "claims",
    metadata,
    _id(),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("reported_on", Date, nullable=False),
    Column("number", Integer, nullable=False),
    Column("party_text", Text, nullable=False),
    # Which of several identical date+party rows this is, so duplicates survive reloads.
    Column("occurrence", Integer, nullable=False),
    Column("party_count", Integer, nullable=False),
    Column("note", Text),
    Column("claimant", Text, nullable=False),
    Column("raw_line", Text, nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Since 0006i. The party joined: the CPP for every claims-table row (the table format has
    # no destination column; its source reports defections to the CPP); NULL for a departure
    # with no destination (kind "departure").
    Column("to_party_id", Integer, ForeignKey("parties.id")),
    Column("kind", String(20), nullable=False, default="defection", server_default="defection"),
    Column("qualifier", Text),  # "more than", "about", "ជាង": the number is the text's bound
    Column("number_text", Text),  # the words the count was read from ("more than 700")
    Column("evidence", Text),  # the sentence of the report the claim rests on
    UniqueConstraint(
        "source_id", "reported_on", "party_text", "occurrence", name="uq_claims_row_identity"
    ),
    Index("ix_claims_reported_on", "reported_on"),
    Index("ix_claims_to_party_id", "to_party_id"),
    # Joint rows in the order /total lists them (a few percent of the claims).
    Index(
        "ix_claims_joint_order",
        "reported_on",
        "line_no",
        "id",
        sqlite_where=text("party_count > 1"),
        postgresql_where=text("party_count > 1"),
    ),
)

claim_parties = Table(
    "claim_parties",
    metadata,
    Column(
        "claim_id",
        Integer,
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("party_id", Integer, ForeignKey("parties.id"), nullable=False),
    Index("ix_claim_parties_party", "party_id", "claim_id"),
)

claim_people = Table(
    "claim_people",
    metadata,
    Column(
        "claim_id",
        Integer,
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "person_id",
        Integer,
        ForeignKey("people.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("descriptor", Text),
)

# Claims summed per day, counted from claims/claim_parties by bot.storage.day_totals.refresh in
# the transaction of every change to them, so /total never scans the claims. A row sums one
# (day, source, claimant) group of either every claim (party_id and kind NULL), the claims
# naming one party (party_id), or those naming a party of one kind, each once (kind); the
# joint rows among them (naming several parties) again apart.
day_totals = Table(
    "day_totals",
    metadata,
    _id(),
    Column("day", Date, nullable=False),
    Column("party_id", Integer),
    Column("kind", String(20)),
    Column("source_id", Integer, nullable=False),
    Column("claimant", Text, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("joint_total", BigInteger, nullable=False),
    Column("joint_reports", Integer, nullable=False),
    Index("ix_day_totals_scope", "party_id", "kind", "day"),
)

# Small key/value facts about the database itself, e.g. ``data_version`` (see bot.storage.version).
meta = Table(
    "meta",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)

# A chat that receives the weekly summary at its chosen weekday and local time.
subscriptions = Table(
    "subscriptions",
    metadata,
    _id(),
    Column("chat_id", BigInteger, nullable=False, unique=True),
    Column("chat_type", String(20), nullable=False),
    Column("weekday", Integer, nullable=False),  # 0 = Monday
    Column("minute_of_day", Integer, nullable=False),  # local time, 9:00 = 540
    Column("timezone", String(64), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("inactive_reason", Text),
    Column("created_by", BigInteger),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("last_sent_at", DateTime(timezone=True)),
    # The forum topic (message_thread_id) it was set in, where it is sent; NULL: the chat itself.
    Column("thread_id", BigInteger),
)

# One weekly summary for one chat. The unique (chat, week) key is what makes it once-only:
# a sender must insert (or take over a stale) row before sending, and marks it sent after.
deliveries = Table(
    "deliveries",
    metadata,
    _id(),
    Column("chat_id", BigInteger, nullable=False, index=True),
    Column("week_start", Date, nullable=False),
    *_delivery_state(),
    UniqueConstraint("chat_id", "week_start", name="uq_deliveries_chat_week"),
)

# Every change to the data: who, when, what, and how to undo it.
changes = Table(
    "changes",
    metadata,
    _id(),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_id", BigInteger, index=True),
    Column("actor", Text, nullable=False),  # "@name (id)" from chat, or "desk load" etc.
    Column("kind", String(20), nullable=False),  # add | table | intake | undo | load | restore
    Column("summary", Text, nullable=False),
    Column("undo", Text),  # JSON: what reverting needs
    Column("undone_at", DateTime(timezone=True)),
)

# A chat following one person or party (see bot.storage.models.Watch).
watches = Table(
    "watches",
    metadata,
    _id(),
    Column("chat_id", BigInteger, nullable=False, index=True),
    Column("chat_type", String(20), nullable=False),
    Column("kind", String(10), nullable=False),  # person | party
    Column("target_key", String(200), nullable=False),
    Column("label", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_by", BigInteger),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("checked_to", DateTime(timezone=True), nullable=False),
    Column("round", Integer, nullable=False, default=0),
    Column("seen_events", Text, nullable=False, default="[]"),
    Column("last_sent_at", DateTime(timezone=True)),
    UniqueConstraint("chat_id", "kind", "target_key", name="uq_watches_chat_target"),
    # The forum topic the watch was set in, where its alerts go; NULL: the chat itself.
    Column("thread_id", BigInteger),
)

# One watchlist alert: like ``deliveries``, claimed before sending, marked sent after.
watch_deliveries = Table(
    "watch_deliveries",
    metadata,
    _id(),
    Column(
        "watch_id",
        Integer,
        ForeignKey("watches.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("round", Integer, nullable=False),
    *_delivery_state(),
    UniqueConstraint("watch_id", "round", name="uq_watch_deliveries_round"),
)

# A button's command too long for Telegram's 64 bytes of callback data: the button carries
# ``id`` (a hash of the command), and a press finds the command here, in any process, after
# any restart.
button_payloads = Table(
    "button_payloads",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("command", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Since 0006i. Where a claim was reported: its outlets beyond the claim's own source (a claim
# added through intake has one; the same event found in another outlet adds another).
claim_sources = Table(
    "claim_sources",
    metadata,
    _id(),
    Column(
        "claim_id",
        Integer,
        ForeignKey("claims.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    Column("outlet", Text, nullable=False),
    Column("url", Text),  # the page, or a t.me/<channel>/<id> link for a forwarded post
    Column("published", Date),
    Column("kind", String(10), nullable=False),  # forward | paste | link | file | table
    Column("title", Text),
    Column("change_id", Integer),  # the change that added it (undoing that removes it)
    UniqueConstraint("claim_id", "position", name="uq_claim_sources_position"),
)

# Since 0006i. A claim an admin was shown and has not yet added or skipped: kept here, not in
# memory, so that its buttons work after a restart.
intake_proposals = Table(
    "intake_proposals",
    metadata,
    _id(),
    Column("chat_id", BigInteger, nullable=False),
    Column("actor_id", BigInteger),
    Column("report", Text, nullable=False),  # JSON: the Report
    Column("proposal", Text, nullable=False),  # JSON: the Proposal, as edited
    Column("status", String(10), nullable=False),  # pending | added | skipped
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True)),
    Column("claim_id", Integer),  # the claim added, or the one it was added to as a source
    Column("change_id", Integer),
    Index("ix_intake_proposals_status", "status", "created_at"),
)

# The language a chat is answered in (bot.commands.language), once set with /language; a chat
# without a row is answered in its user's Telegram language, else English.
chat_languages = Table(
    "chat_languages",
    metadata,
    _id(),
    Column("chat_id", BigInteger, nullable=False, unique=True),
    Column("language", String(8), nullable=False),  # en | km
    Column("set_by", BigInteger),
    Column("set_at", DateTime(timezone=True), nullable=False),
)
