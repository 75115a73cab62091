"""Claims proposed from a report, waiting for an admin's Add, Edit or Skip.

>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> with desk.session() as s, s.begin():
...     pid = save(s, chat_id=42, actor_id=7, report={"text": "…"}, proposal={"number": 9})
>>> with desk.connect() as conn:
...     found = load(conn, pid)
>>> found.status, found.proposal["number"]
('pending', 9)

Kept in the database, not in memory: the review's buttons name a row's id, so they work after
the bot restarts, and from any of its processes. The report and proposal are JSON (the
commands layer reads them back into its shapes).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, false, func, insert, select, update
from sqlalchemy.orm import Session

from bot.storage.queries import Reader
from bot.storage.tables import (
    claim_parties,
    claim_people,
    claim_sources,
    claims,
    intake_proposals,
    parties,
    people,
)

STATUSES = ("pending", "added", "skipped")


@dataclass(frozen=True)
class Stored:
    id: int
    chat_id: int
    actor_id: int | None
    report: dict[str, Any]
    proposal: dict[str, Any]
    status: str
    claim_id: int | None
    change_id: int | None


def save(
    db: Reader,
    *,
    chat_id: int,
    actor_id: int | None,
    report: dict[str, Any],
    proposal: dict[str, Any],
) -> int:
    """Store a pending proposal in the caller's transaction; its id."""
    new_id = db.scalar(
        insert(intake_proposals).returning(intake_proposals.c.id),
        {
            "chat_id": chat_id,
            "actor_id": actor_id,
            "report": json.dumps(report, ensure_ascii=False),
            "proposal": json.dumps(proposal, ensure_ascii=False),
            "status": "pending",
            "created_at": datetime.now(UTC),
        },
    )
    assert new_id is not None
    return int(new_id)


def load(db: Reader, proposal_id: int, *, for_update: bool = False) -> Stored | None:
    """The stored proposal, or None (``for_update``: holding its row until the transaction
    ends, so that two presses of Add cannot both add it)."""
    t = intake_proposals.c
    q = select(
        t.id, t.chat_id, t.actor_id, t.report, t.proposal, t.status, t.claim_id, t.change_id
    ).where(t.id == proposal_id)
    if for_update:
        q = q.with_for_update()
        bind = db.get_bind() if isinstance(db, Session) else db
        if bind.dialect.name == "sqlite":
            # SQLite has no row locks, and pysqlite opens the transaction at the first write:
            # a write that changes nothing takes the database's write lock now, so the
            # status read next is still the status when this transaction commits.
            db.execute(delete(intake_proposals).where(false()))
    row = db.execute(q).first()
    if row is None:
        return None
    pid, chat, actor, report, proposal, status, claim, change = row
    return Stored(pid, chat, actor, json.loads(report), json.loads(proposal), status, claim, change)


def replace_proposal(db: Reader, proposal_id: int, proposal: dict[str, Any]) -> None:
    """Store an edited proposal."""
    db.execute(
        update(intake_proposals)
        .where(intake_proposals.c.id == proposal_id)
        .values(proposal=json.dumps(proposal, ensure_ascii=False))
    )


def decide(
    db: Reader,
    proposal_id: int,
    status: str,
    *,
    claim_id: int | None = None,
    change_id: int | None = None,
) -> None:
    """Mark it added (with the claim and change), skipped, or pending again (an undo)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    db.execute(
        update(intake_proposals)
        .where(intake_proposals.c.id == proposal_id)
        .values(
            status=status,
            decided_at=None if status == "pending" else datetime.now(UTC),
            claim_id=claim_id,
            change_id=change_id,
        )
    )


def undo_intake(db: Reader, undo: dict[str, Any]) -> None:
    """Revert what an intake change wrote besides its claims (which /undo deletes itself): the
    outlet it added to a recorded claim, the parties and people it created that nothing names
    any more; and make its proposal pending again. In the caller's transaction."""
    if undo.get("claim_sources"):
        db.execute(delete(claim_sources).where(claim_sources.c.id.in_(undo["claim_sources"])))
    gone = [pid for pid in undo.get("parties", []) if not _party_used(db, pid)]
    if gone:
        db.execute(delete(parties).where(parties.c.id.in_(gone)))
    # People known only from claims rows whom no claim names any more (as `desk load` does).
    named = select(claim_people.c.person_id)
    db.execute(delete(people).where(people.c.origin == "table", ~people.c.id.in_(named)))
    if undo.get("intake") is not None:
        decide(db, int(undo["intake"]), "pending")


def _party_used(db: Reader, party_id: int) -> bool:
    named = db.scalar(select(func.count()).where(claim_parties.c.party_id == party_id))
    joined = db.scalar(select(func.count()).where(claims.c.to_party_id == party_id))
    return bool(named or joined)
