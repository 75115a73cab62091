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

import gc
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    bindparam,
    delete,
    false,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy import Table as SqlTable
from sqlalchemy.engine.interfaces import Compiled
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

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
from bot.storage import tables
from bot.storage.day_totals import refresh as refresh_day_totals
from bot.storage.models import (
    Change,
    Claim,
    ClaimParty,
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
from bot.storage.version import bump_data_version

Progress = Callable[[str, int, int], None]
TABLE_SUFFIXES = (".txt", ".tsv")
FACT_SUFFIXES = (".yaml", ".yml")
_CHUNK = 5000


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
    with _no_cycle_collection():
        return _load(engine, paths, progress, actor)


def _load(engine: Engine, paths: list[Path], progress: Progress | None, actor: str) -> LoadReport:
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


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: a big load holds millions of small objects, none in a
    cycle, and the collector walked them all again and again (a quarter of parsing time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _apply(
    session: Session,
    facts: list[FactsFile],
    tables: list[Table],
    report: LoadReport,
    progress: Progress,
) -> None:
    sources = [s for f in facts for s in f.sources]
    parties = [p for f in facts for p in f.parties]
    people = [p for f in facts for p in f.people]
    _check_duplicates(facts)
    for s in sources:
        report.sources_changed += _upsert_source(session, s)
    session.flush()
    source_ids = dict(session.execute(select(Source.key, Source.id)).all())
    # An event whose date the source does not give sorts where its source was published.
    published = {
        key: parse_partial_date(text)[1]
        for key, text in session.execute(select(Source.key, Source.published))
    }
    for p in parties:
        report.parties_changed += _upsert_party(session, p, source_ids)
    session.flush()
    party_ids = dict(session.execute(select(Party.key, Party.id)).all())
    # One query for everyone instead of one per person (each also flushing the session).
    known = {row.key: row for row in session.scalars(select(Person))} if people else {}
    for person in people:
        report.people_changed += _upsert_person(
            session, person, source_ids, party_ids, known, published
        )
    session.flush()
    person_ids = dict(
        session.execute(select(Person.key, Person.id).where(Person.origin == "facts")).all()
    )
    for g in (g for f in facts for g in f.group_events):
        report.other_facts_changed += _upsert_group_event(
            session, g, source_ids, party_ids, published
        )
    for d in (d for f in facts for d in f.disagreements):
        report.other_facts_changed += _upsert_disagreement(
            session, d, source_ids, party_ids, person_ids
        )
    session.flush()
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


def _keys(alias: str) -> dict[str, str]:
    return {
        "search_key": normalize_name(alias),
        "compact_key": compact_key(alias),
        "sorted_key": sorted_tokens_key(alias),
    }


def _upsert_source(session: Session, fact: SourceFact) -> int:
    digest = _hash(fact)
    row = session.scalar(select(Source).where(Source.key == fact.key))
    if row is not None and row.content_hash == digest:
        return 0
    if row is None:
        row = Source(key=fact.key)
        session.add(row)
    for name in (
        "outlet",
        "title",
        "published",
        "published_precision",
        "kind",
        "description",
        "attribution_note",
        "claimant",
        "stated_total",
        "seed_file",
        "url",
        "coverage",
        "coverage_note",
    ):
        setattr(row, name, getattr(fact, name))
    row.content_hash = digest
    return 1


def _need(ids: dict[str, int], key: str | None, what: str, owner: str) -> int | None:
    if key is None:
        return None
    if key not in ids:
        raise InputError(
            [
                Problem(
                    "<input>",
                    None,
                    f"{owner}: unknown {what} key {key!r}; known: {', '.join(sorted(ids))}",
                )
            ]
        )
    return ids[key]


def _upsert_party(session: Session, fact: PartyFact, source_ids: dict[str, int]) -> int:
    digest = _hash(fact)
    row = session.scalar(select(Party).where(Party.key == fact.key))
    if row is not None and row.content_hash == digest:
        return 0
    if row is None:
        row = Party(key=fact.key)
        session.add(row)
    row.name, row.kind, row.dissolved, row.note = fact.name, fact.kind, fact.dissolved, fact.note
    row.source_id = _need(source_ids, fact.source, "source", f"party {fact.key}")
    row.content_hash = digest
    names = [(fact.name, False, None)] + [(a.name, a.acronym, a.origin) for a in fact.aliases]
    row.aliases = [
        PartyAlias(alias=n, acronym=acr, origin=origin, **_keys(n)) for n, acr, origin in names
    ]
    return 1


def _upsert_person(
    session: Session,
    fact: PersonFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    known: dict[str, Person] | None = None,
    published: dict[str, date] | None = None,
) -> int:
    owner = f"person {fact.key}"
    sort_dates = [_sort_date(e, published or {}) for e in fact.events]
    digest = _hash(fact, sort_dates)
    if known is not None:
        row = known.get(fact.key)
    else:
        row = session.scalar(select(Person).where(Person.key == fact.key))
    if row is not None and row.content_hash == digest and row.origin == "facts":
        return 0
    if row is None:
        row = Person(key=fact.key)
        session.add(row)
    row.name, row.origin, row.content_hash = fact.name, "facts", digest
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
            **_event_values(e, sort_date, source_ids, owner),
            from_party_id=_need(party_ids, e.from_party, "party", owner),
            to_party_id=_need(party_ids, e.to_party, "party", owner),
        )
        for i, (e, sort_date) in enumerate(zip(fact.events, sort_dates, strict=True))
    ]
    return 1


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


def _upsert_group_event(
    session: Session,
    fact: GroupEventFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    published: dict[str, date],
) -> int:
    owner = f"group event {fact.key}"
    sort_date = _sort_date(fact, published)
    digest = _hash(fact, sort_date)
    row = session.scalar(select(GroupEvent).where(GroupEvent.key == fact.key))
    if row is not None and row.content_hash == digest:
        return 0
    if row is None:
        row = GroupEvent(key=fact.key)
        session.add(row)
    for name, value in _event_values(fact, sort_date, source_ids, owner).items():
        setattr(row, name, value)
    row.people_count = fact.people_count
    row.party_id = _need(party_ids, fact.party, "party", owner)
    row.content_hash = digest
    return 1


def _upsert_disagreement(
    session: Session,
    fact: DisagreementFact,
    source_ids: dict[str, int],
    party_ids: dict[str, int],
    person_ids: dict[str, int],
) -> int:
    owner = f"disagreement {fact.key}"
    digest = _hash(fact)
    row = session.scalar(select(Disagreement).where(Disagreement.key == fact.key))
    if row is not None and row.content_hash == digest:
        return 0
    if row is None:
        row = Disagreement(key=fact.key)
        session.add(row)
    row.topic, row.note, row.content_hash = fact.topic, fact.note, digest
    row.person_id = _need(person_ids, fact.person, "person", owner)
    row.party_id = _need(party_ids, fact.party, "party", owner)
    row.sides = [
        DisagreementSide(
            position=i, says=side.says, source_id=_need(source_ids, side.source, "source", owner)
        )
        for i, side in enumerate(fact.sides)
    ]
    return 1


class PartyResolver:
    """Exact alias lookup for table rows, with did-you-mean from the fuzzy index."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(PARTY_ALIAS_ENTRIES).all()
        self.by_key: dict[str, int] = {}
        for party_id, _alias, key, compact, _sorted, _acr in rows:
            self.by_key.setdefault(key, party_id)
            self.by_key.setdefault(compact, party_id)
        self.index = NameIndex(
            AliasEntry(pid, alias, key, compact, skey, acr)
            for pid, alias, key, compact, skey, acr in rows
        )
        self.names = dict(session.execute(select(Party.id, Party.name)).all())

    def resolve(self, name: str) -> int:
        for key in (normalize_name(name), compact_key(name)):
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
        self.by_name: dict[str, int] = {}  # a big table names the same people many times
        rows = session.execute(
            select(PersonAlias.person_id, PersonAlias.search_key, PersonAlias.compact_key)
        )
        for person_id, key, compact in rows:
            self.by_key.setdefault(key, person_id)
            self.by_key.setdefault(compact, person_id)

    def person_id(self, name: str) -> int:
        if name not in self.by_name:
            self.by_name[name] = self._person_id(name)
        return self.by_name[name]

    def _person_id(self, name: str) -> int:
        for key in (normalize_name(name), compact_key(name)):
            if key in self.by_key:
                return self.by_key[key]
        slug = "table-" + "-".join(normalize_name(name).split())
        person = Person(key=slug, name=name, origin="table", content_hash="")
        person.aliases = [PersonAlias(alias=name, **_keys(name))]
        self.session.add(person)
        self.session.flush()
        self.by_key[normalize_name(name)] = self.by_key[compact_key(name)] = person.id
        return person.id


RowKey = tuple[date, str, int]


def sync_table(session: Session, table: Table, report: LoadReport, progress: Progress) -> None:
    _hold_write_lock(session)  # also when an admin's upload calls this directly
    source = _table_source(session, table)
    claimant = table.claimant or source.claimant
    if not claimant:
        raise InputError(
            [
                Problem(
                    table.path,
                    1,
                    "no claimant: add a '# claimant: WHO' line or "
                    "set claimant on the source in sources.yaml",
                )
            ]
        )
    if table.stated_total is not None:
        if source.stated_total not in (None, table.stated_total):
            raise InputError(
                [
                    Problem(
                        table.path,
                        None,
                        (
                            f"stated_total {table.stated_total:,} differs from the source's "
                            f"{source.stated_total:,} in sources.yaml"
                        ),
                    )
                ]
            )
        source.stated_total = table.stated_total
    parties = PartyResolver(session)
    desired, named, problems = _desired_rows(table, parties)
    if problems:
        raise InputError(problems)
    linker = PersonLinker(session)
    people = {
        k: [(linker.person_id(p.name), p.descriptor) for p in desired[k][0].people] for k in named
    }

    existing = _existing_claims(session, source.id)
    now = datetime.now(UTC)
    new_keys = [k for k in desired if k not in existing] if existing else list(desired)
    gone = [old[0] for k, old in existing.items() if k not in desired]
    moved: list[tuple[int, RowKey]] = []  # same figures, other line or claimant text
    corrected: list[tuple[int, RowKey]] = []  # figure, parties or named people changed
    for k, (row, party_ids) in desired.items() if existing else ():
        if k not in existing:
            continue
        cid, number, note, who, raw, line_no, old_parties = existing[k]
        if (number, note, old_parties) != (row.number, row.note, party_ids):
            corrected.append((cid, k))
        elif (who, raw, line_no) != (claimant, row.raw_line, row.line_no):
            moved.append((cid, k))

    for chunk in _chunks(gone):
        session.execute(delete(Claim).where(Claim.id.in_(chunk)))
    report.claims_removed += len(gone)

    if moved or corrected:
        claims = tables.claims
        stamp = _Bound(session, claims.c.updated_at)[now]

        def values(k: RowKey) -> tuple[Any, ...]:
            row, party_ids = desired[k]
            return (row.number, row.note, claimant, row.raw_line, row.line_no, len(party_ids))

        # A row added near the top of a big file moves every row below it.
        _bulk_update(session, claims, _UPDATED, [(*values(k), cid) for cid, k in moved])
        _bulk_update(
            session,
            claims,
            (*_UPDATED, "updated_at"),
            [(*values(k), stamp, cid) for cid, k in corrected],
        )
        for chunk in _chunks([cid for cid, _ in corrected]):
            session.execute(delete(ClaimParty).where(ClaimParty.claim_id.in_(chunk)))
            session.execute(delete(ClaimPerson).where(ClaimPerson.claim_id.in_(chunk)))
        _insert_links(session, corrected, desired, people)
    report.claims_updated += len(corrected)

    _insert_claims(session, source.id, claimant, now, new_keys, desired, people, progress)
    report.claims_added += len(new_keys)


def _insert_claims(
    session: Session,
    source_id: int,
    claimant: str,
    now: datetime,
    keys: list[RowKey],
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]],
    people: dict[RowKey, list[tuple[int, str | None]]],
    progress: Progress,
) -> None:
    """Insert new rows with ids chosen up front, so their links are built from known ids.

    (Returning each row's id and matching it back by key cost more than the insert itself.)
    """
    claims = tables.claims
    ids = _new_claim_ids(session, len(keys))
    day = _Bound(session, claims.c.reported_on)
    stamp = _Bound(session, claims.c.created_at)[now]
    for start in range(0, len(keys), _INSERT_CHUNK):
        rows: list[tuple[Any, ...]] = []
        party_rows: list[tuple[Any, ...]] = []
        person_rows: list[tuple[Any, ...]] = []
        # One pass builds all three tables' rows: this loop runs once per row of the file.
        chunk = keys[start : start + _INSERT_CHUNK]
        for cid, k in zip(ids[start : start + len(chunk)], chunk, strict=True):
            row, party_ids = desired[k]
            rows.append(
                (cid, source_id, day[k[0]], row.number, k[1], k[2], len(party_ids), row.note,
                 claimant, row.raw_line, row.line_no, stamp, stamp)
            )  # fmt: skip
            if len(party_ids) == 1:
                party_rows.append((cid, 0, party_ids[0]))
            else:
                party_rows += [(cid, i, pid) for i, pid in enumerate(party_ids)]
            if k in people:
                person_rows += [(cid, pid, desc) for pid, desc in dict(people[k]).items()]
        _bulk_insert(session, claims, _CLAIM_COLUMNS, rows)
        _bulk_insert(session, _CLAIM_PARTIES, _CLAIM_PARTY_COLUMNS, party_rows)
        _bulk_insert(session, _CLAIM_PEOPLE, _CLAIM_PERSON_COLUMNS, person_rows)
        progress("claims", start + len(rows), len(keys))


_CLAIM_COLUMNS = (
    "id", "source_id", "reported_on", "number", "party_text", "occurrence", "party_count",
    "note", "claimant", "raw_line", "line_no", "created_at", "updated_at",
)  # fmt: skip
_CLAIM_PARTIES = tables.claim_parties
_CLAIM_PARTY_COLUMNS = ("claim_id", "position", "party_id")
_CLAIM_PEOPLE = tables.claim_people
_CLAIM_PERSON_COLUMNS = ("claim_id", "person_id", "descriptor")
_INSERT_CHUNK = 50_000


def _hold_write_lock(session: Session) -> None:
    """On SQLite, make the whole sync one transaction under the write lock.

    pysqlite opens the transaction only at the first write, so the reads a sync compares
    against would otherwise run outside it and could miss another writer's change. A write
    that changes nothing opens it now; PostgreSQL's transaction is already open.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(delete(Claim).where(false()))


def _new_claim_ids(session: Session, count: int) -> Sequence[int]:
    """``count`` claim ids no other transaction can take."""
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return session.scalars(
            text(
                "SELECT nextval(pg_get_serial_sequence('claims', 'id')) FROM generate_series(1, :n)"
            ),
            {"n": count},
        ).all()
    # SQLite numbers a new row one above the largest id, and so do we: the sync holds the
    # write lock (_hold_write_lock), so no other writer can use these ids before we commit.
    top = session.scalar(select(func.max(Claim.id))) or 0
    return range(top + 1, top + 1 + count)


class _Bound(dict[Any, Any]):
    """Values of one column as the driver takes them (what SQLAlchemy would bind), converted
    once per distinct value: rows written as plain tuples skip SQLAlchemy's per-row work."""

    def __init__(self, session: Session, column: Column[Any]) -> None:
        super().__init__()
        dialect = session.get_bind().dialect
        self.process = column.type.dialect_impl(dialect).bind_processor(dialect)

    def __missing__(self, value: Any) -> Any:
        bound = self[value] = value if self.process is None else self.process(value)
        return bound


_UPDATED = ("number", "note", "claimant", "raw_line", "line_no", "party_count")


def _bulk_update(
    session: Session, table: SqlTable, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Set ``columns`` by id: each row is those values, then the id, as the driver takes them."""
    if not rows:
        return
    connection = session.connection()
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(f"new_{name}") for name in columns})
    )
    names = [f"new_{name}" for name in columns] + ["row_id"]
    _execute_many(connection, statement.compile(dialect=connection.dialect), names, rows)


def _bulk_insert(
    session: Session, table: SqlTable, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert plain tuples (values as the driver takes them) in one executemany, or one COPY
    on PostgreSQL, in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name == "postgresql":
        quote = dialect.identifier_preparer
        names = ", ".join(quote.quote(name) for name in columns)
        sql = f"COPY {quote.format_table(table)} ({names}) FROM STDIN"
        raw = connection.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    _execute_many(connection, compiled, columns, rows)


def _execute_many(
    connection: Connection, compiled: Compiled, names: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """One executemany of a compiled statement, ``rows`` giving its parameters in ``names``
    order: passed through as they are where the driver takes positional parameters."""
    if not connection.dialect.positional:
        connection.exec_driver_sql(
            compiled.string, [dict(zip(names, r, strict=True)) for r in rows]
        )
        return
    order = [names.index(name) for name in cast(SQLCompiler, compiled).positiontup or ()]
    if order != list(range(len(names))):
        rows = [tuple(r[i] for i in order) for r in rows]
    connection.exec_driver_sql(compiled.string, rows)


def _table_source(session: Session, table: Table) -> Source:
    if table.source is None:
        raise InputError(
            [
                Problem(
                    table.path,
                    1,
                    "missing a '# source: KEY' line naming the source in sources.yaml",
                )
            ]
        )
    source = session.scalar(select(Source).where(Source.key == table.source))
    if source is None:
        known = ", ".join(session.scalars(select(Source.key).order_by(Source.key)))
        raise InputError(
            [
                Problem(
                    table.path,
                    table.source_line,
                    f"unknown source {table.source!r}; known sources: {known}",
                )
            ]
        )
    return source


def _desired_rows(
    table: Table, parties: PartyResolver
) -> tuple[dict[RowKey, tuple[TableRow, tuple[int, ...]]], list[RowKey], list[Problem]]:
    """Rows by identity with their party ids, the keys of rows naming people, and problems."""
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]] = {}
    named: list[RowKey] = []
    seen: dict[tuple[date, str], int] = {}
    problems: list[Problem] = []
    # A big table repeats few party texts: each is resolved once, and so is each failure.
    resolved: dict[str, tuple[int, ...] | str] = {}
    for row in table.rows:
        text = row.party_text
        party_ids = resolved.get(text)
        if party_ids is None:
            party_ids = resolved[text] = _resolve_all(parties, row.party_names)
        if isinstance(party_ids, str):
            problems.append(Problem(table.path, row.line_no, party_ids))
            continue
        ident = (row.reported_on, text)
        occurrence = seen.get(ident, 0)
        seen[ident] = occurrence + 1
        key = (row.reported_on, text, occurrence)
        desired[key] = (row, party_ids)
        if row.people:
            named.append(key)
    return desired, named, problems


def _resolve_all(parties: PartyResolver, names: tuple[str, ...]) -> tuple[int, ...] | str:
    """The party ids of ``names``, or the problem with the first one that is unknown."""
    try:
        return tuple(parties.resolve(n) for n in names)
    except ValueError as exc:
        return str(exc)


def _existing_claims(session: Session, source_id: int) -> dict[RowKey, tuple[Any, ...]]:
    links: dict[int, list[int]] = {}
    for cid, pid in session.execute(
        select(ClaimParty.claim_id, ClaimParty.party_id)
        .join(Claim, Claim.id == ClaimParty.claim_id)
        .where(Claim.source_id == source_id)
        .order_by(ClaimParty.claim_id, ClaimParty.position)
    ):
        links.setdefault(cid, []).append(pid)
    rows = session.execute(
        select(
            Claim.id,
            Claim.reported_on,
            Claim.party_text,
            Claim.occurrence,
            Claim.number,
            Claim.note,
            Claim.claimant,
            Claim.raw_line,
            Claim.line_no,
        ).where(Claim.source_id == source_id)
    )
    return {
        (d, pt, occ): (cid, n, note, who, raw, line, tuple(links.get(cid, ())))
        for cid, d, pt, occ, n, note, who, raw, line in rows
    }


def _insert_links(
    session: Session,
    pairs: list[tuple[int, RowKey]],
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]],
    people: dict[RowKey, list[tuple[int, str | None]]],
) -> None:
    party_rows = [(cid, i, pid) for cid, k in pairs for i, pid in enumerate(desired[k][1])]
    person_rows = [
        (cid, pid, desc) for cid, k in pairs if k in people for pid, desc in dict(people[k]).items()
    ]
    _bulk_insert(session, _CLAIM_PARTIES, _CLAIM_PARTY_COLUMNS, party_rows)
    _bulk_insert(session, _CLAIM_PEOPLE, _CLAIM_PERSON_COLUMNS, person_rows)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
