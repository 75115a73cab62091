"""``desk check``: what a careful reader should know about the data before quoting it.

>>> from bot.storage.engine import make_engine
>>> from bot.storage.migrate import upgrade
>>> from bot.ingest.loader import load_paths
>>> engine = make_engine("sqlite://"); upgrade(engine); _ = load_paths(engine)
>>> report = quality_report(engine)
>>> report.rows, report.total, [(s.stated_total, s.summed) for s in report.sources]
(110, 6476, [(6473, 6476)])
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from bot.storage.models import Claim, ClaimParty, Party, Person, PersonAlias, Source


@dataclass(frozen=True)
class RowRef:
    source: str
    line_no: int
    reported_on: date
    number: int
    party_text: str


@dataclass(frozen=True)
class SourceTotals:
    key: str
    rows: int
    summed: int
    stated_total: int | None

    @property
    def mismatch(self) -> int | None:
        return None if self.stated_total is None else self.summed - self.stated_total


@dataclass
class QualityReport:
    rows: int = 0
    total: int = 0
    sources: list[SourceTotals] = field(default_factory=list)
    joint_rows: list[RowRef] = field(default_factory=list)
    non_party_rows: list[RowRef] = field(default_factory=list)
    unnamed_rows: list[RowRef] = field(default_factory=list)
    after_dissolution: list[tuple[str, int, int, int]] = field(default_factory=list)
    out_of_order: list[RowRef] = field(default_factory=list)
    alias_collisions: list[tuple[str, list[str]]] = field(default_factory=list)
    table_only_people: int = 0


def quality_report(engine: Engine) -> QualityReport:
    report = QualityReport()
    with Session(engine) as s:
        report.rows = s.scalar(select(func.count(Claim.id))) or 0
        report.total = s.scalar(select(func.coalesce(func.sum(Claim.number), 0))) or 0
        for key, rows, summed, stated in s.execute(
            select(
                Source.key,
                func.count(Claim.id),
                func.coalesce(func.sum(Claim.number), 0),
                Source.stated_total,
            )
            .join(Claim, Claim.source_id == Source.id)
            .group_by(Source.id)
            .order_by(Source.key)
        ):
            report.sources.append(SourceTotals(key, rows, summed, stated))

        def refs(condition: ColumnElement[bool]) -> list[RowRef]:
            q = (
                select(Source.key, Claim.line_no, Claim.reported_on, Claim.number, Claim.party_text)
                .join(Source, Source.id == Claim.source_id)
                .where(condition)
                .order_by(Source.key, Claim.line_no)
            )
            return [RowRef(*r) for r in s.execute(q)]

        report.joint_rows = refs(Claim.party_count > 1)
        kinds = select(ClaimParty.claim_id).join(Party, Party.id == ClaimParty.party_id)
        # Rows naming nothing else: a joint row naming "Unnamed Parties" beside a party is a
        # joint row (listed above), not one whose party was not named.
        alone = Claim.party_count == 1
        report.non_party_rows = refs(alone & Claim.id.in_(kinds.where(Party.kind == "non_party")))
        report.unnamed_rows = refs(alone & Claim.id.in_(kinds.where(Party.kind == "unnamed")))
        report.after_dissolution = [
            (name, year or 0, n, total)
            for name, year, n, total in s.execute(
                select(Party.name, Party.dissolved, func.count(Claim.id), func.sum(Claim.number))
                .join(ClaimParty, ClaimParty.party_id == Party.id)
                .join(Claim, Claim.id == ClaimParty.claim_id)
                .where(Party.dissolved.is_not(None))
                .where(func.extract("year", Claim.reported_on) > Party.dissolved)
                .group_by(Party.id)
                .order_by(Party.name)
            )
        ]
        report.out_of_order = _out_of_order(s)
        report.alias_collisions = _collisions(s)
        report.table_only_people = (
            s.scalar(select(func.count(Person.id)).where(Person.origin == "table")) or 0
        )
    return report


def _out_of_order(s: Session) -> list[RowRef]:
    """Rows outside the longest chronological run of each table, in its dominant direction.

    Those are the fewest rows that would have to move to make the table ordered, which is a
    fairer flag than "later than the row above" (one stray row would flag its neighbour too).
    """
    by_source: dict[str, list[RowRef]] = defaultdict(list)
    for r in s.execute(
        select(Source.key, Claim.line_no, Claim.reported_on, Claim.number, Claim.party_text)
        .join(Source, Source.id == Claim.source_id)
        .order_by(Source.key, Claim.line_no)
    ):
        by_source[r[0]].append(RowRef(*r))
    flagged: list[RowRef] = []
    for rows in by_source.values():
        ordinals = [r.reported_on.toordinal() for r in rows]
        keep_desc = _longest_monotone([-o for o in ordinals])
        keep_asc = _longest_monotone(ordinals)
        keep = keep_desc if len(keep_desc) >= len(keep_asc) else keep_asc
        flagged += [r for i, r in enumerate(rows) if i not in keep]
    return flagged


def _longest_monotone(values: list[int]) -> set[int]:
    """Indices of one longest non-decreasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_idx: list[int] = []
    parent = [-1] * len(values)
    for i, v in enumerate(values):
        pos = bisect_right(tails, v)
        if pos == len(tails):
            tails.append(v)
            tail_idx.append(i)
        else:
            tails[pos], tail_idx[pos] = v, i
        parent[i] = tail_idx[pos - 1] if pos else -1
    keep: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i != -1:
        keep.add(i)
        i = parent[i]
    return keep


def _collisions(s: Session) -> list[tuple[str, list[str]]]:
    shared = (
        select(PersonAlias.search_key)
        .group_by(PersonAlias.search_key)
        .having(func.count(func.distinct(PersonAlias.person_id)) > 1)
    )
    names: dict[str, set[str]] = defaultdict(set)
    for key, name in s.execute(
        select(PersonAlias.search_key, Person.name)
        .join(Person, Person.id == PersonAlias.person_id)
        .where(PersonAlias.search_key.in_(shared))
    ):
        names[key].add(name)
    return sorted((k, sorted(v)) for k, v in names.items())


def render_report(report: QualityReport) -> str:
    """The report as plain text for a terminal."""
    out = [f"Claims: {report.rows:,} rows, {report.total:,} defectors claimed in all."]
    for src in report.sources:
        line = f"  {src.key}: {src.rows:,} rows summing to {src.summed:,}"
        if src.stated_total is not None:
            line += f"; the document's text states {src.stated_total:,}"
            if src.mismatch:
                line += f" (MISMATCH: rows sum {src.mismatch:+,} against the stated figure)"
        out.append(line)

    def rows(title: str, items: list[RowRef], why: str) -> None:
        out.append(f"{title}: {len(items):,}" + (f" — {why}" if items else ""))
        out.extend(
            f"  {r.source}:{r.line_no}  {r.reported_on:%d/%m/%Y}  {r.number:>6,}  {r.party_text}"
            for r in items[:50]
        )
        if len(items) > 50:
            out.append(f"  ... and {len(items) - 50:,} more")

    rows(
        "Joint rows",
        report.joint_rows,
        "several parties in one figure; never split or credited to one",
    )
    rows("Non-party rows", report.non_party_rows, "counted in the total but not a party")
    rows("Rows with no party named", report.unnamed_rows, "the report did not name the party")
    for name, year, n, total in report.after_dissolution:
        out.append(
            f"Party dissolved before the claims: {name} (dissolved {year}) is named in "
            f"{n:,} rows totalling {total:,}; affiliation of these defectors is unclear"
        )
    rows(
        "Rows out of chronological order",
        report.out_of_order,
        "outside the table's dominant date order",
    )
    out.append(f"Alias collisions between people: {len(report.alias_collisions)}")
    out.extend(
        f"  {key!r} is shared by {', '.join(names)}" for key, names in report.alias_collisions
    )
    out.append(f"People known only from table rows: {report.table_only_people}")
    return "\n".join(out)
