"""Changing the data from chat (admins only): /add, table uploads, /undo, /changes.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(add_claim(desk, 7, "@editor", "01/07/2023 12 Funcinpec")).splitlines()[0])
Added: 01/07/2023 · 12 · Funcinpec (change #2).
>>> print(to_plain(undo_last(desk, 7, "@editor")).splitlines()[0])
Undone: change #2 (added 01/07/2023 · 12 · Funcinpec).

Every change is recorded in ``changes`` (who, when, what, and what undoing it needs) in the
same transaction as the change itself. A table with a ``# source: KEY`` line replaces that
source's rows, exactly like ``desk load``; one without is added to the "chat-additions" source.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from bot.core.answer import Answer, bold, fail, italic, number
from bot.core.formats import day, digits
from bot.core.i18n import N_, _, in_language, ngettext
from bot.desk import Desk
from bot.errors import InputError, Problem
from bot.ingest.claims_table import Table, TableRow, parse_row, parse_table
from bot.ingest.loader import (
    LoadReport,
    PartyResolver,
    PersonLinker,
    sync_table,
    table_destination,
)
from bot.storage.day_totals import refresh as refresh_day_totals
from bot.storage.intake_proposals import undo_intake
from bot.storage.models import Change, Claim, ClaimParty, ClaimPerson, Source
from bot.storage.version import bump_data_version

CHAT_SOURCE = "chat-additions"
CHAT_CLAIMANT = "pro-government media, as entered by a desk editor"
MAX_PROBLEMS_SHOWN = 10


def _chat_source(s: Session) -> Source:
    source = s.scalar(select(Source).where(Source.key == CHAT_SOURCE))
    if source is None:
        source = Source(
            key=CHAT_SOURCE,
            outlet="Defection Desk editors",
            title="Claims added from chat",
            published=f"{datetime.now(UTC):%Y}",
            published_precision="year",
            kind="curation",
            description="Claims entered one by one or uploaded by the desk's admins; each is "
            "in the change log with who added it and when.",
            claimant=CHAT_CLAIMANT,
            content_hash="",
        )
        s.add(source)
        s.flush()
    return source


def _append(s: Session, rows: list[TableRow], path: str = "/add") -> list[int]:
    """Insert rows into the chat-additions source (never replacing anything); their ids."""
    source = _chat_source(s)
    resolver, linker = PartyResolver(s), PersonLinker(s)
    parties: list[tuple[int, ...]] = []
    problems: list[Problem] = []
    for row in rows:
        try:
            parties.append(tuple(resolver.resolve(n) for n in row.party_names))
        except ValueError as exc:
            problems.append(Problem(path, row.line_no, str(exc)))
    if problems:
        raise InputError(problems)
    seen: Counter[tuple[object, str]] = Counter()
    now = datetime.now(UTC)
    to_party = table_destination(s)
    ids: list[int] = []
    for row, party_ids in zip(rows, parties, strict=True):
        ident = (row.reported_on, row.party_text)
        if ident not in seen:
            seen[ident] = (
                s.scalar(
                    select(func.count()).where(
                        Claim.source_id == source.id,
                        Claim.reported_on == row.reported_on,
                        Claim.party_text == row.party_text,
                    )
                )
                or 0
            )
        claim_id = s.scalar(
            insert(Claim).returning(Claim.id),
            {
                "source_id": source.id,
                "to_party_id": to_party,
                "reported_on": row.reported_on,
                "number": row.number,
                "party_text": row.party_text,
                "occurrence": seen[ident],
                "party_count": len(party_ids),
                "note": row.note,
                "claimant": CHAT_CLAIMANT,
                "raw_line": row.raw_line,
                "line_no": row.line_no,
                "created_at": now,
                "updated_at": now,
            },
        )
        assert claim_id is not None
        seen[ident] += 1
        s.execute(
            insert(ClaimParty),
            [
                {"claim_id": claim_id, "position": i, "party_id": pid}
                for i, pid in enumerate(party_ids)
            ],
        )
        people = {linker.person_id(p.name): p.descriptor for p in row.people}
        if people:
            s.execute(
                insert(ClaimPerson),
                [
                    {"claim_id": claim_id, "person_id": pid, "descriptor": d}
                    for pid, d in people.items()
                ],
            )
        ids.append(claim_id)
    refresh_day_totals(s, {row.reported_on for row in rows})
    return ids


def _sync_source(s: Session, table: Table, report: LoadReport) -> None:
    """Replace a source's rows with the table's (as ``desk load`` does), and recount the days
    that held a row of it before or after."""
    days = _source_days(s, table.source)
    sync_table(s, table, report, lambda *_: None)
    refresh_day_totals(s, days | _source_days(s, table.source))


def _source_days(s: Session, key: str | None) -> set[date]:
    days = select(Claim.reported_on).join(Source, Source.id == Claim.source_id)
    return set(s.scalars(days.where(Source.key == key).distinct()))


def _record(
    s: Session,
    actor_id: int | None,
    actor: str,
    kind: str,
    summary: str,
    undo: dict[str, object] | None,
) -> int:
    change = Change(
        at=datetime.now(UTC),
        actor_id=actor_id,
        actor=actor,
        kind=kind,
        summary=summary,
        undo=json.dumps(undo) if undo is not None else None,
    )
    s.add(change)
    bump_data_version(s)
    s.flush()
    return change.id


def add_claim(desk: Desk, actor_id: int, actor: str, line: str) -> Answer:
    """``/add DATE NUMBER PARTY [(including ...)]``, read by the table parser itself."""
    if not line.strip():
        return fail(
            "add",
            _(
                "Send /add DD/MM/YYYY NUMBER PARTY [(including ...)], e.g. "
                "/add 01/07/2023 12 Funcinpec."
            ),
        )
    try:
        row = parse_row(line, 1, today=desk.today())  # the bounds of a table row, see there
        with desk.session() as s, s.begin():
            (claim_id,) = _append(s, [row])
            text = f"{row.reported_on:%d/%m/%Y} · {number(row.number)} · {row.party_text}"
            change = _record(s, actor_id, actor, "add", f"added {text}", {"claims": [claim_id]})
    except InputError as exc:
        return fail("add", _("Nothing added: {problem}").format(problem=exc.problems[0].message))
    except ValueError as exc:
        return fail("add", _("Nothing added: {problem}").format(problem=exc))
    answer = Answer(command="add")
    answer.line(_("Added: {text} (change #{n}).").format(text=text, n=change))
    if row.people:
        answer.line(_("Names: "), ", ".join(p.name for p in row.people))
    answer.line(
        italic(
            _("Source: claims added from chat; claimant: {claimant}. /undo reverts it.").format(
                claimant=CHAT_CLAIMANT
            )
        )
    )
    return answer


@dataclass
class UploadResult:
    answer: Answer
    ok: bool


def _apply_table(s: Session, table: Table) -> tuple[LoadReport, dict[str, object]]:
    report = LoadReport(files=[table.path])
    if table.source is None:
        ids = _append(s, table.rows, table.path)
        report.claims_added = len(ids)
        return report, {"claims": ids}
    source = s.scalar(select(Source).where(Source.key == table.source))
    before = []
    if source is not None:
        before = list(
            s.scalars(
                select(Claim.raw_line).where(Claim.source_id == source.id).order_by(Claim.line_no)
            )
        )
    _sync_source(s, table, report)
    return report, {"source": table.source, "before": before}


def _describe(report: LoadReport, table: Table) -> str:
    """What loading the table changes, in the answer's language."""
    where = (
        _("source {source}").format(source=table.source)
        if table.source
        else _("claims added from chat")
    )
    added = ngettext("{n} claim added", "{n} claims added", report.claims_added)
    return _("{added}, {corrected} corrected, {removed} removed ({where})").format(
        added=added.format(n=number(report.claims_added)),
        corrected=number(report.claims_updated),
        removed=number(report.claims_removed),
        where=where,
    )


def upload_table(
    desk: Desk, actor_id: int, actor: str, text: str, filename: str, *, apply: bool
) -> UploadResult:
    """Preview (``apply=False``: applied, described, rolled back) or apply a table file."""
    try:
        table = parse_table(text, filename, today=desk.today())
    except InputError as exc:
        n = len(exc.problems)
        problems = ngettext("{n} problem", "{n} problems", n).format(n=number(n))
        answer = fail(
            "upload",
            _("Nothing changed: {file} has {problems}:").format(file=filename, problems=problems),
        )
        for problem in exc.problems[:MAX_PROBLEMS_SHOWN]:
            answer.bullet(str(problem))
        return UploadResult(answer, False)
    if not table.rows:
        return UploadResult(
            fail("upload", _("{file} holds no table rows.").format(file=filename)), False
        )
    try:
        with desk.session() as s:
            s.begin()
            report, undo = _apply_table(s, table)
            summary = _describe(report, table)
            if not apply:
                s.rollback()
                answer = Answer(command="upload")
                n = len(table.rows)
                read = ngettext("{n} row read.", "{n} rows read.", n).format(n=number(n))
                answer.line(bold(f"{filename}: "), read)
                answer.line(_("Loading it would change: {summary}.").format(summary=summary))
                if report.claims_removed:
                    answer.line(
                        italic(
                            _(
                                "Rows of that source missing from the file would be "
                                "removed: the file replaces the source's table."
                            )
                        )
                    )
                return UploadResult(answer, True)
            with in_language("en"):  # the change log is kept in one language
                logged = _describe(report, table)
            change = _record(s, actor_id, actor, "table", f"{filename}: {logged}", undo)
            s.commit()
    except (InputError, ValueError) as exc:
        messages = [str(p) for p in exc.problems] if isinstance(exc, InputError) else [str(exc)]
        answer = fail("upload", _("Nothing changed:"))
        for message in messages[:MAX_PROBLEMS_SHOWN]:
            answer.bullet(message)
        return UploadResult(answer, False)
    answer = Answer(command="upload")
    answer.line(
        _("Loaded {file}: {summary} (change #{change}). /undo reverts it.").format(
            file=filename, summary=summary, change=change
        )
    )
    return UploadResult(answer, True)


def undo_last(desk: Desk, actor_id: int, actor: str) -> Answer:
    """Revert this admin's most recent change that is not yet undone (an /add, an upload, or
    an intake Add)."""
    with desk.session() as s, s.begin():
        change = s.scalar(
            select(Change)
            .where(
                Change.actor_id == actor_id,
                Change.kind.in_(("add", "table", "intake")),
                Change.undone_at.is_(None),
            )
            .order_by(Change.id.desc())
            .limit(1)
        )
        if change is None or change.undo is None:
            return fail("undo", _("You have no change left to undo."))
        undo = json.loads(change.undo)
        if "claims" in undo:
            gone = Claim.id.in_(undo["claims"])
            days = set(s.scalars(select(Claim.reported_on).where(gone).distinct()))
            s.execute(delete(Claim).where(gone))
            refresh_day_totals(s, days)
        if change.kind == "intake":
            undo_intake(s, undo)
        elif "claims" not in undo:
            lines = "\n".join([f"# source: {undo['source']}", *undo["before"]])
            _sync_source(s, parse_table(lines, f"change #{change.id}"), LoadReport())
        s.execute(update(Change).where(Change.id == change.id).values(undone_at=datetime.now(UTC)))
        _record(s, actor_id, actor, "undo", f"undid change #{change.id}", None)
        answer = Answer(command="undo")
        answer.line(
            _("Undone: change #{n} ({summary}).").format(n=change.id, summary=change.summary)
        )
    return answer


# A change's kind as /changes shows it (stored in English, as are the summaries).
CHANGE_KINDS = {
    "load": N_("load"),
    "add": N_("add"),
    "table": N_("table"),
    "undo": N_("undo"),
    "intake": N_("intake"),
}


def clock(when: datetime) -> str:
    """A time of day, HH:MM, in the answer's digits.

    >>> clock(datetime(2023, 7, 3, 9, 5))
    '09:05'
    """
    return "".join(digits(int(ch)) if ch.isdigit() else ch for ch in f"{when:%H:%M}")


def recent_changes(desk: Desk, limit: int = 15) -> Answer:
    answer = Answer(command="changes")
    with desk.session() as s:
        changes = list(s.scalars(select(Change).order_by(Change.id.desc()).limit(limit)))
    if not changes:
        answer.line(_("No changes recorded yet."))
        return answer
    answer.line(bold(_("Recent changes to the data")))
    for c in changes:
        undone = _(" (undone)") if c.undone_at else ""
        when = c.at.replace(tzinfo=UTC) if c.at.tzinfo is None else c.at
        kind = _(CHANGE_KINDS[c.kind]) if c.kind in CHANGE_KINDS else c.kind
        answer.bullet(
            _("#{id} {day} {time} UTC · {actor} · {kind}: {summary}").format(
                id=c.id,
                day=day(when.date()),
                time=clock(when),
                actor=c.actor,
                kind=kind,
                summary=c.summary,
            )
            + undone
        )
    return answer
