"""``desk load``: read fact files and claims tables, validate them, apply them in one transaction.

>>> from bot.db import make_engine
>>> from bot.schema import upgrade
>>> engine = make_engine("sqlite://"); upgrade(engine)
>>> report = load_paths(engine, [bundled_data_dir()])
>>> report.claims_total, report.claims_added
(110, 110)
>>> load_paths(engine, [bundled_data_dir()]).changed
False

Loading is a sync, not an append: a table file is the whole truth for its source, so a row
removed from the file is removed from the database, a changed number is an update of that row,
and re-running the same files changes nothing. Any problem in any file raises InputError and
rolls everything back.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy import Table as SqlTable
from sqlalchemy.orm import Session

from bot.bundled import bundled_data_dir
from bot.facts import FactsFile, PartyFact, PersonFact, SourceFact, parse_facts
from bot.matcher import AliasEntry, NameIndex
from bot.meta import bump_data_version
from bot.models import (
    Change,
    Claim,
    ClaimParty,
    ClaimPerson,
    Event,
    Party,
    PartyAlias,
    Person,
    PersonAlias,
    Role,
    Source,
)
from bot.normalize import compact_key, normalize_name, sorted_tokens_key
from bot.periods import parse_partial_date
from bot.problems import InputError, Problem
from bot.table import Table, TableRow, parse_table

Progress = Callable[[str, int, int], None]
TABLE_SUFFIXES = (".txt", ".tsv")
FACT_SUFFIXES = (".yaml", ".yml")
_CHUNK = 5000


@dataclass
class LoadReport:
    sources_changed: int = 0
    parties_changed: int = 0
    people_changed: int = 0
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
            f"parties {self.parties_changed}, people {self.people_changed}."
        )


def discover(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their fact files and tables (recursively), in a stable order."""
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
    return found


def read_inputs(paths: Sequence[Path]) -> tuple[list[FactsFile], list[Table]]:
    """Parse every file, collecting all problems before raising."""
    facts: list[FactsFile] = []
    tables: list[Table] = []
    problems: list[Problem] = []
    for path in discover(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), None, f"cannot read: {exc}"))
            continue
        try:
            if path.suffix in FACT_SUFFIXES:
                facts.append(parse_facts(text, str(path)))
            else:
                tables.append(parse_table(text, str(path)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return facts, tables


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
        _apply(session, facts, tables, report, progress or (lambda *_: None))
        if report.changed:
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
    sources = [s for f in facts for s in f.sources]
    parties = [p for f in facts for p in f.parties]
    people = [p for f in facts for p in f.people]
    _check_duplicates(facts)
    for s in sources:
        report.sources_changed += _upsert_source(session, s)
    session.flush()
    source_ids = dict(session.execute(select(Source.key, Source.id)).all())
    for p in parties:
        report.parties_changed += _upsert_party(session, p, source_ids)
    session.flush()
    party_ids = dict(session.execute(select(Party.key, Party.id)).all())
    # One query for everyone instead of one per person (each also flushing the session).
    known = {row.key: row for row in session.scalars(select(Person))} if people else {}
    for person in people:
        report.people_changed += _upsert_person(session, person, source_ids, party_ids, known)
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
    for section in ("sources", "parties", "people"):
        counts = Counter(item.key for f in facts for item in getattr(f, section))
        problems += [
            Problem("<input>", None, f"{section}: key {k!r} is defined in more than one file")
            for k, n in counts.items()
            if n > 1
        ]
    if problems:
        raise InputError(problems)


def _hash(model: Any) -> str:
    return hashlib.sha256(
        json.dumps(model.model_dump(mode="json"), sort_keys=True).encode()
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
) -> int:
    digest = _hash(fact)
    if known is not None:
        row = known.get(fact.key)
    else:
        row = session.scalar(select(Person).where(Person.key == fact.key))
    if row is not None and row.content_hash == digest and row.origin == "facts":
        return 0
    if row is None:
        row = Person(key=fact.key)
        session.add(row)
    owner = f"person {fact.key}"
    row.name, row.origin, row.content_hash = fact.name, "facts", digest
    row.aliases = [PersonAlias(alias=fact.name, **_keys(fact.name))] + [
        PersonAlias(
            alias=a.name, source_id=_need(source_ids, a.source, "source", owner), **_keys(a.name)
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
        )
        for i, r in enumerate(fact.roles)
    ]
    events = []
    for i, e in enumerate(fact.events):
        start, end = parse_partial_date(e.date)
        events.append(
            Event(
                position=i,
                kind=e.kind,
                date_text=e.date,
                date_start=start,
                date_end=end,
                sort_date=e.sort_key,
                precision=e.precision,
                summary=e.summary,
                claimed_by=e.claimed_by,
                source_id=_need(source_ids, e.source, "source", owner),
                from_party_id=_need(party_ids, e.from_party, "party", owner),
                to_party_id=_need(party_ids, e.to_party, "party", owner),
            )
        )
    row.events = events
    return 1


class PartyResolver:
    """Exact alias lookup for table rows, with did-you-mean from the fuzzy index."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(
                PartyAlias.party_id,
                PartyAlias.alias,
                PartyAlias.search_key,
                PartyAlias.compact_key,
                PartyAlias.sorted_key,
                PartyAlias.acronym,
            )
        ).all()
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
        rows = session.execute(
            select(PersonAlias.person_id, PersonAlias.search_key, PersonAlias.compact_key)
        )
        for person_id, key, compact in rows:
            self.by_key.setdefault(key, person_id)
            self.by_key.setdefault(compact, person_id)

    def person_id(self, name: str) -> int:
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
    desired, problems = _desired_rows(table, parties)
    if problems:
        raise InputError(problems)
    linker = PersonLinker(session)
    people = {
        k: [(linker.person_id(p.name), p.descriptor) for p in row.people]
        for k, (row, _) in desired.items()
        if row.people
    }

    existing = _existing_claims(session, source.id)
    now = datetime.now(UTC)
    new_keys = [k for k in desired if k not in existing]
    gone = [old[0] for k, old in existing.items() if k not in desired]
    moved: list[tuple[int, RowKey]] = []  # same figures, other line or claimant text
    corrected: list[tuple[int, RowKey]] = []  # figure, parties or named people changed
    for k, (row, party_ids) in desired.items():
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
        corrected_ids = {cid for cid, _ in corrected}
        session.execute(
            update(Claim),
            [
                {
                    "id": cid,
                    "number": desired[k][0].number,
                    "note": desired[k][0].note,
                    "claimant": claimant,
                    "raw_line": desired[k][0].raw_line,
                    "line_no": desired[k][0].line_no,
                    "party_count": len(desired[k][1]),
                    **({"updated_at": now} if cid in corrected_ids else {}),
                }
                for cid, k in moved + corrected
            ],
        )
        for chunk in _chunks([cid for cid, _ in corrected]):
            session.execute(delete(ClaimParty).where(ClaimParty.claim_id.in_(chunk)))
            session.execute(delete(ClaimPerson).where(ClaimPerson.claim_id.in_(chunk)))
        _insert_links(session, corrected, desired, people)
    report.claims_updated += len(corrected)

    done = 0
    claim_table = cast(SqlTable, Claim.__table__)
    claims = claim_table.c
    for chunk in _chunks(new_keys):
        # A Core insert returning each row's key, matched back by key: batched into multi-row
        # INSERTs. (The ORM insert with sort_by_parameter_order=True runs one INSERT per row
        # on SQLite: ~1 ms a row, so 1M rows took over 15 minutes.) The key is unique within
        # the source (uq_claims_row_identity), and every row of a chunk has the same source.
        inserted = session.execute(
            insert(claim_table).returning(
                claims.id, claims.reported_on, claims.party_text, claims.occurrence
            ),
            [
                {
                    "source_id": source.id,
                    "reported_on": k[0],
                    "party_text": k[1],
                    "occurrence": k[2],
                    "number": desired[k][0].number,
                    "party_count": len(desired[k][1]),
                    "note": desired[k][0].note,
                    "claimant": claimant,
                    "raw_line": desired[k][0].raw_line,
                    "line_no": desired[k][0].line_no,
                    "created_at": now,
                    "updated_at": now,
                }
                for k in chunk
            ],
        )
        ids = {(day, text, occurrence): cid for cid, day, text, occurrence in inserted}
        _insert_links(session, [(ids[k], k) for k in chunk], desired, people)
        done += len(chunk)
        progress("claims", done, len(new_keys))
    report.claims_added += len(new_keys)


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
) -> tuple[dict[RowKey, tuple[TableRow, tuple[int, ...]]], list[Problem]]:
    desired: dict[RowKey, tuple[TableRow, tuple[int, ...]]] = {}
    seen: Counter[tuple[date, str]] = Counter()
    problems: list[Problem] = []
    cache: dict[str, int] = {}
    for row in table.rows:
        try:
            party_ids = tuple(
                cache.get(n) or cache.setdefault(n, parties.resolve(n)) for n in row.party_names
            )
        except ValueError as exc:
            problems.append(Problem(table.path, row.line_no, str(exc)))
            continue
        ident = (row.reported_on, row.party_text)
        key: RowKey = (row.reported_on, row.party_text, seen[ident])
        seen[ident] += 1
        desired[key] = (row, party_ids)
    return desired, problems


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
    party_rows = [
        {"claim_id": cid, "position": i, "party_id": pid}
        for cid, k in pairs
        for i, pid in enumerate(desired[k][1])
    ]
    person_rows = [
        {"claim_id": cid, "person_id": pid, "descriptor": desc}
        for cid, k in pairs
        for pid, desc in dict(people.get(k, [])).items()
    ]
    # Core inserts (plain executemany): the ORM's bulk-insert path costs several times more
    # per row, and these are the most numerous rows of a load.
    if party_rows:
        session.execute(insert(cast(SqlTable, ClaimParty.__table__)), party_rows)
    if person_rows:
        session.execute(insert(cast(SqlTable, ClaimPerson.__table__)), person_rows)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
