"""Alembic environment: runs migrations on the connection handed over by bot.storage.migrate."""

from __future__ import annotations

from alembic import context

from bot.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # only `alembic` CLI use; desk always passes its connection
    raise RuntimeError("run migrations with `desk migrate`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
