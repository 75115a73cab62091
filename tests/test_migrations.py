"""Alembic migrations produce exactly the models' schema, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.storage.engine import make_engine
from bot.storage.migrate import HEAD, current_revision, head_revision, upgrade
from bot.storage.models import Base


def test_head_constant_matches_alembic() -> None:
    assert head_revision() == HEAD


def test_migrated_schema_matches_models(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    upgrade(engine)  # idempotent
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []
    engine.dispose()


def test_0005d_marks_events_resting_on_someones_word_as_claims(db_url: str) -> None:
    """Before 0005d a claim said so only through claimed_by; the upgrade sets reported_as."""
    from sqlalchemy import select, text

    from bot.storage.tables import events

    engine = make_engine(db_url)
    upgrade(engine, "0004")
    # Plain SQL: the tables of bot.storage.tables have columns this revision does not.
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into sources (key, outlet, title, published, published_precision, kind,"
                " description, content_hash) values ('s', 'O', 'T', '2023', 'year', 'k', 'd', '')"
            )
        )
        conn.execute(
            text(
                "insert into people (key, name, origin, content_hash) values ('p', 'P', 'facts', '')"
            )
        )
        for position, claimed_by in enumerate((None, "a spokesperson")):
            conn.execute(
                text(
                    "insert into events (person_id, position, kind, date_text, date_start,"
                    " date_end, sort_date, precision, summary, claimed_by, source_id)"
                    " select people.id, :position, 'resigned', '2023-06-16', '2023-06-16',"
                    " '2023-06-16', '2023-06-16', 'day', 'x', :claimed_by, sources.id"
                    " from people, sources"
                ),
                {"position": position, "claimed_by": claimed_by},
            )
    upgrade(engine)
    with engine.connect() as conn:
        found = conn.execute(
            select(events.c.claimed_by, events.c.reported_as, events.c.inferred).order_by(
                events.c.position
            )
        ).all()
    assert [tuple(r) for r in found] == [(None, "fact", False), ("a spokesperson", "claim", False)]
    engine.dispose()
