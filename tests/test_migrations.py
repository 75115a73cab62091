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
