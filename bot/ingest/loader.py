"""``desk load``: read fact files and claims tables, validate them, apply them in one transaction.

>>> from bot.storage.engine import make_engine
>>> from bot.storage.migrate import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> report = load_paths(engine, [bundled_data_dir()])
>>> report.claims_total, report.claims_added
(110, 110)
>>> load_paths(engine, [bundled_data_dir()]).changed
False

Loading is a sync, not an append: a table file is the whole truth for its source, so a row
removed from the file is removed from the database, a changed number is an update of that row,
and re-running the same files changes nothing. Two files for one source would each replace
the other's rows, so that is an error naming both. Any problem in any file raises InputError
and rolls everything back.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, delete, false, func, insert, select, update
from sqlalchemy.orm import Session

from bot.core.matcher import AliasEntry, NameIndex
from bot.core.normalize import compact_key, normalize_name, sorted_tokens_key
from bot.core.periods import parse_partial_date
from bot.errors import InputError, Problem
from bot.ingest.bundled import bundled_data_dir
from bot.ingest.claims_table import Table, TableRow, parse_table
from bot.ingest.fact_files import (
    SECTIONS,
    DisagreementFact,
    EventFact,
    FactsFile,
    GroupEventFact,
    PartyFact,
    PersonFact,
    SourceFact,
    parse_facts,
)
from bot.ingest.text_lines import decode_utf8
from bot.storage.day_totals import refresh as refresh_day_totals
from bot.storage.models import (
    Change,
    Claim,
    ClaimPerson,
    Disagreement,
    DisagreementSide,
    Event,
    GroupEvent,
    Party,
    PartyAlias,
    Person,
    PersonAlias,
    Role,
    Source,
)
from bot.storage.queries import PARTY_ALIAS_ENTRIES
from bot.storage.tables import claim_parties, claim_people, claims
from bot.storage.version import bump_data_version

Progress = Callable[[str, int, int], None]
TABLE_SUFFIXES = (".txt", ".tsv")
FACT_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadReport:
    sources_changed: int = 0
    parties_changed: int = 0
    people_changed: int = 0
    other_facts_changed: int = 0  # group events and disagreements
    claims_added: int = 0
    claims_updated: int = 0
    claims_removed: int = 0
    claims_total: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.sources_changed,
                self.parties_changed,
                self.people_changed,
                self.other_facts_changed,
                self.claims_added,
                self.claims_updated,
                self.claims_removed,
            )
        )

    def summary(self) -> str:
        if not self.changed:
            return f"Nothing changed ({self.claims_total:,} claims in the database)."
        return (
            f"Loaded {len(self.files)} file(s): claims +{self.claims_added:,} added, "
            f"{self.claims_updated:,} updated, {self.claims_removed:,} removed "
            f"({self.claims_total:,} in the database); sources changed {self.sources_changed}, "
            f"parties {self.parties_changed}, people {self.people_changed}"
            + (
                f", group events and disagreements {self.other_facts_changed}."
                if self.other_facts_changed
                else "."
            )
        )


def discover(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their fact files and tables (recursively), in a stable order; a
    file named twice (a folder and a file in it) is read once."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in FACT_SUFFIXES + TABLE_SUFFIXES and p.is_file()
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError([Problem(str(path), None, "no such file or folder")])
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_inputs(paths: Sequence[Path]) -> tuple[list[FactsFile], list[Table]]:
    """Parse every file, collecting all problems before raising."""
    facts: list[FactsFile] = []
    tables: list[Table] = []
    problems: list[Problem] = []
    for path in discover(paths):
        try:
            text = decode_utf8(path.read_bytes(), str(path))
            if path.suffix in FACT_SUFFIXES:
                facts.append(parse_facts(text, str(path)))
            else:
                tables.append(parse_table(text, str(path)))
        except OSError as exc:
            problems.append(Problem(str(path), None, f"cannot read: {exc.strerror or exc}"))
        except InputError as exc:
            problems.extend(exc.problems)
    problems += _one_file_per_source(tables)
    if problems:
        raise InputError(problems)
    return facts, tables


def _one_file_per_source(tables: list[Table]) -> list[Problem]:
    """A problem for each source that more than one table names: each file replaces all of
    its source's rows, so the second would silently undo the first."""
    first: dict[str, Table] = {}
    problems = []
    for table in tables:
        if table.source is None:
            continue
        if table.source in first:
            other = first[table.source]
            problems.append(
                Problem(
                    table.path,
                    table.source_line,
                    f"source {table.source!r} is already the source of {other.path} "
                    f"(line {other.source_line}): one file per source, as each file replaces "
                    "all of its source's rows; merge them into one file",
                )
            )
        else:
            first[table.source] = table
    return problems


def load_paths(
    engine: Engine,
    paths: Sequence[Path] | None = None,
    *,
    progress: Progress | None = None,
    actor: str = "desk load",
) -> LoadReport:
    """Validate and apply ``paths`` (default: the bundled data) in one transaction."""
    paths = list(paths) if paths else [bundled_data_dir()]
    facts, tables = read_inputs(paths)
    report = LoadReport(files=[str(p) for p in discover(paths)])
    with Session(engine) as session, session.begin():
        _hold_write_lock(session)
        _apply(session, facts, tables, report, progress or (lambda *_: None))
        if report.changed:
            refresh_day_totals(session)  # every day: a load may change any claim or party
            bump_data_version(session)
            session.add(
                Change(at=datetime.now(UTC), actor=actor, kind="load", summary=report.summary())
            )
        report.claims_total = session.scalar(select(func.count(Claim.id))) or 0
    return report


def _apply(
    session: Session,
    facts: list[FactsFile],
    tables: list[Table],
    report: LoadReport,
    progress: Progress,
) -> None:
    _check_duplicates(facts)
    records = {section: [r for f in facts for r in getattr(f, section)] for section in SECTIONS}
    report.sources_changed += _upsert(session, Source, records["sources"], _hash, _write_source)
    source_ids = dict(session.execute(select(Source.key, Source.id)).all())
    # An event whose date the source does not give sorts where its source was published.
    published = {
        key: parse_partial_date(text)[1]
        for key, text in session.execute(select(Source.key, Source.published))
    }
    report.parties_changed += _upsert(
        session,
        Party,
        records["parties"],
        _hash,
        lambda row, fact: _write_party(row, fact, source_ids),
    )
    party_ids = dict(session.execute(select(Party.key, Party.id)).all())
    report.people_changed += _upsert(
        session,
        Person,
        records["people"],
        lambda fact: _hash(fact, [_sort_date(e, published) for e in fact.events]),
        lambda row, fact: _write_person(row, fact, source_ids, party_ids, published),
    )
    person_ids = dict(
        session.execute(select(Person.key, Person.id).where(Person.origin == "facts")).all()
    )
    report.other_facts_changed += _upsert(
        session,
        GroupEvent,
        records["group_events"],
        lambda fact: _hash(fact, _sort_date(fact, published)),
        lambda row, fact: _write_group_event(row, fact, source_ids, party_ids, published),
    )
    report.other_facts_changed += _upsert(
        session,
        Disagreement,
        records["disagreements"],
        _hash,
        lambda row, fact: _write_disagreement(row, fact, source_ids, party_ids, person_ids),
    )
    problems: list[Problem] = []
    for table in tables:
        try:
            sync_table(session, table, report, progress)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    # People known only from table rows that no row names any more.
    orphans = select(Person.id).where(
        Person.origin == "table", ~Person.id.in_(select(ClaimPerson.person_id))
    )
    session.execute(delete(Person).where(Person.id.in_(orphans)))


def _check_duplicates(facts: list[FactsFile]) -> None:
    problems = []
    for section in SECTIONS:
        counts = Counter(item.key for f in facts for item in getattr(f, section))
        problems += [
            Problem("<input>", None, f"{section}: key {k!r} is defined in more than one file")
            for k, n in counts.items()
            if n > 1
        ]
    if problems:
        raise InputError(problems)


def _hash(model: Any, *extra: Any) -> str:
    """The record's content (and ``extra`` values derived from other records) as a digest."""
    return hashlib.sha256(
        json.dumps([model.model_dump(mode="json"), *extra], sort_keys=True, default=str).encode()
    ).hexdigest()


def _upsert(
    session: Session,
    model: type[Any],
    facts: list[Any],
    digest: Callable[[Any], str],
    write: Callable[[Any, Any], None],
) -> int:
    """Write each fact whose digest differs from its stored row's (a new row for a new key)
    with ``write(row, fact)``; how many were written."""
    if not facts:
        return 0
    stored = {row.key: row for row in session.scalars(select(model))}
    written = 0
    for fact in facts:
        content = digest(fact)
        row = stored.get(fact.key)
        if row is not None and row.content_hash == content:
            continue  # a person known only from table rows has no content hash
        if row is None:
            row = model(key=fact.key)
            session.add(row)
        row.content_hash = content
        write(row, fact)
        written += 1
    session.flush()
    return written


def _keys(alias: str) -> dict[str, str]:
    return {
        "search_key": normalize_name(alias),
        "compact_key": compact_key(alias),
        "sorted_key": sorted_tokens_key(alias),
    }


def _write_source(row: Source, fact: SourceFact) -> None:
    for name in SourceFact.model_fields:  # the source's columns, by the same names
        setattr(row, name, getattr(fact, name))


def _need(ids: dict[str, int], key: str | None, what: str, owner: str) -> int | None:
    if key is None:
        return None
    if key not in ids:
        known = ", ".join(sorted(ids))
        raise _problem("<input>", None, f"{owner}: unknown {what} key {key!r}; known: {known}")
    return ids[key]


def _problem(path: str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


def _write_party(row: Party, fact: PartyFact, source_ids: dict[str, int]) -> None:
    row.name, row.kind, row.dissolved, row.note = fact.name, fact.kind, fact.dissolved, fact.note
    row.source_id = _need(source_ids, fact.source, "source", f"party {fact.key}")
    names = [(fact.name, False, None)] + [(a.name, a.acronym, a.origin) for a in fact.aliases]
    row.aliases = [
        PartyAlias(alias=n, acronym=acr, origin=origin, **_keys(n)) for n, acr, origin in names
    ]


def _write_person(
    row: Person,
    fact: PersonFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    published: dict[str, date],
) -> None:
    owner = f"person {fact.key}"
    row.name, row.origin = fact.name, "facts"
    row.aliases = [PersonAlias(alias=fact.name, **_keys(fact.name))] + [
        PersonAlias(
            alias=a.name,
            source_id=_need(source_ids, a.source, "source", owner),
            origin=a.origin,
            inferred=a.inferred,
            note=a.note,
            **_keys(a.name),
        )
        for a in fact.aliases
    ]
    row.roles = [
        Role(
            position=i,
            title=r.title,
            organization=r.organization,
            party_id=_need(party_ids, r.party, "party", owner),
            source_id=_need(source_ids, r.source, "source", owner),
            inferred=r.inferred,
            note=r.note,
        )
        for i, r in enumerate(fact.roles)
    ]
    row.events = [
        Event(
            position=i,
            **_event_values(e, _sort_date(e, published), source_ids, owner),
            from_party_id=_need(party_ids, e.from_party, "party", owner),
            to_party_id=_need(party_ids, e.to_party, "party", owner),
        )
        for i, e in enumerate(fact.events)
    ]


def _sort_date(e: EventFact | GroupEventFact, published: dict[str, date]) -> date:
    """Where the event sorts: its own date or sort_date, else when its source was published
    (by which time it had happened)."""
    key = e.sort_key
    if key is not None:
        return key
    return published.get(e.source, date.min)  # an unknown source key is reported by _need


def _event_values(
    e: EventFact | GroupEventFact, sort_date: date, source_ids: dict[str, int], owner: str
) -> dict[str, Any]:
    """The columns people's events and group events share."""
    start, end = e.span or (None, None)
    return {
        "kind": e.kind,
        "date_text": None if e.span is None else e.date,
        "date_start": start,
        "date_end": end,
        "sort_date": sort_date,
        "precision": e.precision,
        "summary": e.summary,
        "reported_as": e.reported_as,
        "claimed_by": e.claimed_by,
        "source_id": _need(source_ids, e.source, "source", owner),
        "inferred": e.inferred,
        "note": e.note,
    }


def _write_group_event(
    row: GroupEvent,
    fact: GroupEventFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    published: dict[str, date],
) -> None:
    owner = f"group event {fact.key}"
    for name, value in _event_values(fact, _sort_date(fact, published), source_ids, owner).items():
        setattr(row, name, value)
    row.people_count = fact.people_count
    row.party_id = _need(party_ids, fact.party, "party", owner)


def _write_disagreement(
    row: Disagreement,
    fact: DisagreementFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    person_ids: dict[str, int],
) -> None:
    owner = f"disagreement {fact.key}"
    row.topic, row.note = fact.topic, fact.note
    row.person_id = _need(person_ids, fact.person, "person", owner)
    row.party_id = _need(party_ids, fact.party, "party", owner)
    row.sides = [
        DisagreementSide(
            position=i, says=side.says, source_id=_need(source_ids, side.source, "source", owner)
        )
        for i, side in enumerate(fact.sides)
    ]


class PartyResolver:
    """Exact alias lookup for table rows, with did-you-mean from the fuzzy index."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(PARTY_ALIAS_ENTRIES).all()
        self.by_key: dict[str, int] = {}
        for party_id, _alias, key, _acronym in rows:
            self.by_key.setdefault(key, party_id)
            self.by_key.setdefault(key.replace(" ", ""), party_id)
        self.index = NameIndex(AliasEntry(*row) for row in rows)
        self.names = dict(session.execute(select(Party.id, Party.name)).all())

    def resolve(self, name: str) -> int:
        for key in _lookup_keys(name):
            if key in self.by_key:
                return self.by_key[key]
        hint = ""
        close = self.index.suggest(name, limit=1)
        if close:
            hint = f" Did you mean {self.names[close[0].target]!r}?"
        raise ValueError(f"unknown party {name!r}: it matches no party name or alias.{hint}")


class PersonLinker:
    """Link names from ``(including ...)`` notes to people, creating table-only people as needed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, int] = {}
        rows = session.execute(
            select(PersonAlias.person_id, PersonAlias.search_key, PersonAlias.compact_key)
        )
        for person_id, key, compact in rows:
            self.by_key.setdefault(key, person_id)
            self.by_key.setdefault(compact, person_id)

    def person_id(self, name: str) -> int:
        keys = _lookup_keys(name)
        for key in keys:
            if key in self.by_key:
                return self.by_key[key]
        slug = "table-" + keys[0].replace(" ", "-")
        person = Person(key=slug, name=name, origin="table", content_hash="")
        person.aliases = [PersonAlias(alias=name, **_keys(name))]
        self.session.add(person)
        self.session.flush()
        self.by_key[keys[0]] = self.by_key[keys[1]] = person.id
        return person.id


def _lookup_keys(name: str) -> tuple[str, str]:
    """The keys a name is looked up by: its search key, then its compact key."""
    key = normalize_name(name)
    return key, key.replace(" ", "")


# A row's identity within its source: (date, party text, which of several such rows it is).
RowKey = tuple[date, str, int]
_PROGRESS_EVERY = 10_000  # rows added between two progress reports


def sync_table(session: Session, table: Table, report: LoadReport, progress: Progress) -> None:
    """Make the source's stored rows what the table says: rows gone from it removed, changed
    ones updated in place (their links rebuilt), new ones added."""
    _hold_write_lock(session)  # also when an admin's upload calls this directly
    source = _table_source(session, table)
    claimant = table.claimant or source.claimant
    if not claimant:
        raise _problem(
            table.path,
            1,
            "no claimant: add a '# claimant: WHO' line or set claimant on the source in "
            "sources.yaml",
        )
    if table.stated_total is not None:
        if source.stated_total not in (None, table.stated_total):
            raise _problem(
                table.path,
                None,
                f"stated_total {table.stated_total:,} differs from the source's "
                f"{source.stated_total:,} in sources.yaml",
            )
        source.stated_total = table.stated_total
    desired, problems = _desired_rows(table, PartyResolver(session))
    if problems:
        raise InputError(problems)
    existing = _existing_claims(session, source.id)
    now = datetime.now(UTC)

    gone = [{"gone_id": old[0]} for k, old in existing.items() if k not in desired]
    if gone:
        session.execute(delete(claims).where(claims.c.id == bindparam("gone_id")), gone)
    report.claims_removed += len(gone)

    added: list[tuple[RowKey, dict[str, Any]]] = []
    moved: list[dict[str, Any]] = []  # same figures, another line or claimant text
    corrected: list[dict[str, Any]] = []  # figure, parties or named people changed
    relinked: list[tuple[int, RowKey]] = []  # the corrected rows' ids and keys
    for k, (row, party_ids) in desired.items():
        values = {
            "number": row.number,
            "note": row.note,
            "claimant": claimant,
            "raw_line": row.raw_line,
            "line_no": row.line_no,
            "party_count": len(party_ids),
        }
        old = existing.get(k)
        if old is None:
            added.append((k, values))
            continue
        cid, number, note, who, raw, line_no, old_parties = old
        if (number, note, old_parties) != (row.number, row.note, party_ids):
            corrected.append({"claim_id": cid, "updated_at": now, **values})
            relinked.append((cid, k))
        elif (who, raw, line_no) != (claimant, row.raw_line, row.line_no):
            moved.append({"claim_id": cid, **values})  # a row added above moves every row below
    for changes in (moved, corrected):
        if changes:
            session.execute(update(claims).where(claims.c.id == bindparam("claim_id")), changes)
    if relinked:
        stale = [{"stale_id": cid} for cid, _ in relinked]
        for links in (claim_parties, claim_people):
            session.execute(delete(links).where(links.c.claim_id == bindparam("stale_id")), stale)
    linker = PersonLinker(session)
    _insert_links(session, relinked, desired, linker)
    report.claims_updated += len(corrected)

    to_party = table_destination(session)
    rows = [
        {
            "source_id": source.id,
            "to_party_id": to_party,
            "reported_on": k[0],
            "party_text": k[1],
            "occurrence": k[2],
            "created_at": now,
            "updated_at": now,
            **values,
        }
        for k, values in added
    ]
    for start in range(0, len(rows), _PROGRESS_EVERY):
        session.execute(insert(claims), rows[start : start + _PROGRESS_EVERY])
        progress("claims", min(start + _PROGRESS_EVERY, len(rows)), len(rows))
    if added:
        c = claims.c
        stored = select(c.id, c.reported_on, c.party_text, c.occurrence)
        ids = {
            (day, text, occurrence): cid
            for cid, day, text, occurrence in session.execute(
                stored.where(c.source_id == source.id)
            )
        }
        _insert_links(session, [(ids[k], k) for k, _ in added], desired, linker)
    report.claims_added += len(added)


# The party a claims-table row's people joined: the format has no destination column, and the
# tables it holds report defections to the CPP (data/parties.yaml).
TABLE_DESTINATION = "cpp"


def table_destination(session: Session) -> int | None:
    """The id of the party claims-table rows report people joining (None if not loaded)."""
    return session.scalar(select(Party.id).where(Party.key == TABLE_DESTINATION))


def _insert_links(
    session: Session,
    pairs: list[tuple[int, RowKey]],
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]],
    linker: PersonLinker,
) -> None:
    """The parties and named people of these (claim id, row) pairs."""
    party_rows = [
        {"claim_id": cid, "position": i, "party_id": pid}
        for cid, k in pairs
        for i, pid in enumerate(desired[k][1])
    ]
    person_rows = [
        {"claim_id": cid, "person_id": pid, "descriptor": descriptor}
        for cid, k in pairs
        for pid, descriptor in {
            linker.person_id(p.name): p.descriptor for p in desired[k][0].people
        }.items()
    ]
    for links, rows in ((claim_parties, party_rows), (claim_people, person_rows)):
        if rows:
            session.execute(insert(links), rows)


def _hold_write_lock(session: Session) -> None:
    """On SQLite, make the whole sync one transaction under the write lock.

    pysqlite opens the transaction only at the first write, so the reads a sync compares
    against would otherwise run outside it and could miss another writer's change. A write
    that changes nothing opens it now; PostgreSQL's transaction is already open.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(delete(claims).where(false()))


def _table_source(session: Session, table: Table) -> Source:
    if table.source is None:
        raise _problem(
            table.path, 1, "missing a '# source: KEY' line naming the source in sources.yaml"
        )
    source = session.scalar(select(Source).where(Source.key == table.source))
    if source is None:
        known = ", ".join(session.scalars(select(Source.key).order_by(Source.key)))
        raise _problem(
            table.path,
            table.source_line,
            f"unknown source {table.source!r}; known sources: {known}",
        )
    return source


def _desired_rows(
    table: Table, parties: PartyResolver
) -> tuple[dict[RowKey, tuple[TableRow, tuple[int, ...]]], list[Problem]]:
    """The table's rows by identity with their party ids, and the problems found."""
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]] = {}
    seen: Counter[tuple[date, str]] = Counter()
    problems: list[Problem] = []
    for row in table.rows:
        try:
            party_ids = tuple(parties.resolve(name) for name in row.party_names)
        except ValueError as exc:
            problems.append(Problem(table.path, row.line_no, str(exc)))
            continue
        ident = (row.reported_on, row.party_text)
        desired[(*ident, seen[ident])] = (row, party_ids)
        seen[ident] += 1
    return desired, problems


def _existing_claims(session: Session, source_id: int) -> dict[RowKey, tuple[Any, ...]]:
    """The source's stored rows by identity: (id, number, note, claimant, raw line, line
    number, party ids)."""
    links: dict[int, list[int]] = {}
    for cid, pid in session.execute(
        select(claim_parties.c.claim_id, claim_parties.c.party_id)
        .join(claims, claims.c.id == claim_parties.c.claim_id)
        .where(claims.c.source_id == source_id)
        .order_by(claim_parties.c.claim_id, claim_parties.c.position)
    ):
        links.setdefault(cid, []).append(pid)
    c = claims.c
    rows = session.execute(
        select(
            c.id, c.reported_on, c.party_text, c.occurrence, c.number, c.note, c.claimant,
            c.raw_line, c.line_no,
        ).where(c.source_id == source_id)
    )  # fmt: skip
    return {
        (d, pt, occ): (cid, n, note, who, raw, line, tuple(links.get(cid, ())))
        for cid, d, pt, occ, n, note, who, raw, line in rows
    }
