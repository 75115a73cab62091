"""Per-day totals of the claims, held in memory so /total answers without scanning the claims.

>>> from bot.storage.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> rollup = desk.rollup()
>>> rollup.everything.between(None, None)
Sum(total=6476, reports=110)
>>> rollup.span()
(datetime.date(2023, 1, 21), datetime.date(2023, 6, 30))

Every series is a sorted array of days with running sums, so any date range is two binary
searches. A :class:`Rollup` is built from one data version (three grouped scans, a few seconds
at 1M claims) and
:class:`bot.storage.desk.Desk` keeps it until the data version moves, as it does the
name indexes; so it is never maintained by writers, and another process's change is seen at
the next question. Joint rows stay separate series per party, never folded into one party.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import date
from typing import NamedTuple

from sqlalchemy import Row, func, select

from bot.storage.queries import PartyRef, Reader, SourceInfo, Sum
from bot.storage.tables import claim_parties, claim_people, claims, parties, people

SourceKey = tuple[int, str]  # (source id, claimant)


def _day_range(days: array[int], start: date | None, end: date | None) -> tuple[int, int]:
    """Positions [lo, hi) of the sorted ordinal ``days`` from ``start`` to ``end`` inclusive."""
    lo = 0 if start is None else bisect_left(days, start.toordinal())
    hi = len(days) if end is None else bisect_right(days, end.toordinal())
    return lo, max(lo, hi)


class Series:
    """Claims per day as running sums: the total and report count of any range in O(log n).

    >>> june = date(2023, 6, 1).toordinal()
    >>> s = Series.from_days({june: (10, 2), june + 2: (5, 1)})
    >>> s.between(date(2023, 6, 2), None), s.between(None, None)
    (Sum(total=5, reports=1), Sum(total=15, reports=3))
    """

    __slots__ = ("days", "reports", "totals")

    def __init__(self) -> None:
        self.days = array("l")
        # Running sums with a leading 0: the range [i, j) sums to totals[j] - totals[i].
        self.totals = array("q", [0])
        self.reports = array("q", [0])

    @classmethod
    def from_days(cls, per_day: dict[int, tuple[int, int]]) -> Series:
        series = cls()
        total = reports = 0
        for day in sorted(per_day):
            t, r = per_day[day]
            total += t
            reports += r
            series.days.append(day)
            series.totals.append(total)
            series.reports.append(reports)
        return series

    def between(self, start: date | None, end: date | None) -> Sum:
        lo, hi = _day_range(self.days, start, end)
        return Sum(self.totals[hi] - self.totals[lo], self.reports[hi] - self.reports[lo])

    def any_between(self, start: date | None, end: date | None) -> bool:
        lo, hi = _day_range(self.days, start, end)
        return hi > lo


EMPTY = Series()


class JointRows:
    """One party's joint rows, in the order answers list them (day, table line, id): their
    days, and where each row's fields are in the rollup's JointLines."""

    __slots__ = ("days", "lines")

    def __init__(self) -> None:
        self.days = array("l")
        self.lines = array("i")

    def first(self, start: date | None, end: date | None, limit: int) -> array[int]:
        lo, hi = _day_range(self.days, start, end)
        return self.lines[lo : min(hi, lo + limit)]


class JointLine(NamedTuple):
    """A joint row as /total lists it: what :func:`bot.commands.common.claim_parts` shows of a
    claim (a :class:`bot.storage.queries.ClaimView` has the same fields, and more). A NamedTuple: an
    answer builds twenty, several times cheaper than frozen dataclasses."""

    id: int
    reported_on: date
    number: int
    party_text: str  # as the source wrote it
    parties: tuple[PartyRef, ...]  # in the order the row names them
    people: tuple[tuple[int, str, str | None], ...]  # (person id, name, descriptor)
    source: SourceInfo

    @property
    def joint(self) -> bool:
        return True


class JointLines:
    """What /total shows of every joint row, in arrays: a first-time /total read its twenty
    listed rows from the database (~0.5 ms of a ~1.1 ms answer, cold), and at 1M claims the
    ~46k joint rows take ~2–3 MB here. Party texts and party lists repeat, so rows keep an
    index into one list of each."""

    __slots__ = ("days", "ids", "numbers", "party_lists", "people", "sources", "texts", "which")

    def __init__(self) -> None:
        self.ids = array("q")
        self.days = array("i")  # ordinals
        self.numbers = array("i")
        self.sources = array("i")
        self.which = array("I")  # per row: text index << 16 | party list index
        self.texts: list[str] = []
        self.party_lists: list[tuple[PartyRef, ...]] = []
        self.people: dict[int, tuple[tuple[int, str, str | None], ...]] = {}

    def line(self, at: int, sources: dict[int, SourceInfo]) -> JointLine:
        claim_id, which = self.ids[at], self.which[at]
        return JointLine(
            claim_id,
            date.fromordinal(self.days[at]),
            self.numbers[at],
            self.texts[which >> 16],
            self.party_lists[which & 0xFFFF],
            self.people.get(claim_id, ()),
            sources[self.sources[at]],
        )


class _Days:
    """Accumulates (day, total, reports) per series key before the arrays are frozen."""

    def __init__(self) -> None:
        self.keys: defaultdict[Hashable, dict[int, tuple[int, int]]] = defaultdict(dict)

    def add(self, key: Hashable, day: int, total: int, reports: int) -> None:
        per_day = self.keys[key]
        t, r = per_day.get(day, (0, 0))
        per_day[day] = (t + total, r + reports)

    def series(self) -> dict[Hashable, Series]:
        return {key: Series.from_days(per_day) for key, per_day in self.keys.items()}


class Rollup:
    """The figures /total needs, per day: all rows, joint rows, rows per party kind, each
    party's sole and joint rows, and the (source, claimant) pairs behind them."""

    def __init__(
        self,
        series: dict[Hashable, Series],
        joint_rows: dict[int, JointRows],
        source_totals: dict[int, int],
        joint_lines: JointLines,
    ) -> None:
        self._series = series
        self._joint_rows = joint_rows
        self._joint_lines = joint_lines
        self.source_totals = source_totals  # source id → sum of its rows' numbers
        self.everything = series.get("all", EMPTY)
        self.joint = series.get("joint", EMPTY)
        # (source, claimant) series per party (None: all rows), in the order citations list them.
        self._sources: defaultdict[int | None, list[tuple[SourceKey, Series]]] = defaultdict(list)
        for key, s in series.items():
            if isinstance(key, tuple) and key[0] == "source":
                _, party_id, source_id, claimant = key
                self._sources[party_id].append(((source_id, claimant), s))

    def span(self) -> tuple[date, date] | None:
        days = self.everything.days
        return (date.fromordinal(days[0]), date.fromordinal(days[-1])) if days else None

    def kind(self, kind: str) -> Series:
        """Rows naming a party of this kind (joint or not), each row once."""
        return self._series.get(("kind", kind), EMPTY)

    def sole(self, party_id: int) -> Series:
        """Rows that name this party and no other."""
        return self._series.get(("sole", party_id), EMPTY)

    def party_joint(self, party_id: int) -> Series:
        """Joint rows including this party: their own figure, never part of the party's."""
        return self._series.get(("joint", party_id), EMPTY)

    def joint_lines(
        self,
        party_id: int,
        start: date | None,
        end: date | None,
        limit: int,
        sources: dict[int, SourceInfo],
    ) -> list[JointLine]:
        """The first `limit` joint rows naming the party in the range, as /total lists them.

        >>> from bot.storage.desk import Desk
        >>> desk = Desk.open("sqlite://")
        >>> cnrp = desk.parties().resolve("CNRP")[0].target
        >>> [(str(j.reported_on), j.number) for j in desk.rollup().joint_lines(
        ...     cnrp, None, None, 2, desk.sources())]
        [('2023-05-21', 120), ('2023-05-30', 51)]
        """
        rows = self._joint_rows.get(party_id)
        if rows is None:
            return []
        return [self._joint_lines.line(at, sources) for at in rows.first(start, end, limit)]

    def stated_mismatches(
        self, sources: dict[int, SourceInfo]
    ) -> list[tuple[SourceInfo, int, int]]:
        """(source, stated total, its rows' sum) where a source's text and rows disagree."""
        out = []
        for src in sorted(sources.values(), key=lambda src: src.id):
            summed = self.source_totals.get(src.id)
            if src.stated_total is not None and summed is not None and summed != src.stated_total:
                out.append((src, src.stated_total, summed))
        return out

    def sources(
        self, start: date | None, end: date | None, party_id: int | None = None
    ) -> list[SourceKey]:
        """The (source id, claimant) pairs with rows in the range (naming the party)."""
        return [pair for pair, s in self._sources.get(party_id, ()) if s.any_between(start, end)]


def build(conn: Reader) -> Rollup:
    """Scan the claims once per shape and freeze the per-day sums.

    Grouped in SQL (a few thousand days × parties × sources come back, not a million rows).
    """
    days = _Days()
    source_totals: dict[int, int] = defaultdict(int)
    refs = {
        pid: PartyRef(pid, name, kind)
        for pid, name, kind in conn.execute(select(parties.c.id, parties.c.name, parties.c.kind))
    }
    kinds = {pid: ref.kind for pid, ref in refs.items()}
    # Whole rows: every claim once, whatever its parties. Grouped by party_count itself, not
    # by "party_count > 1": PostgreSQL would not match the two bound parameters of that
    # expression in SELECT and GROUP BY.
    for day, party_count, source_id, claimant, total, reports in conn.execute(
        select(
            claims.c.reported_on,
            claims.c.party_count,
            claims.c.source_id,
            claims.c.claimant,
            func.coalesce(func.sum(claims.c.number), 0),
            func.count(claims.c.id),
        ).group_by(
            claims.c.reported_on, claims.c.party_count, claims.c.source_id, claims.c.claimant
        )
    ):
        n = day.toordinal()
        days.add("all", n, total, reports)
        if party_count > 1:
            days.add("joint", n, total, reports)
        days.add(("source", None, source_id, claimant), n, total, reports)
        source_totals[source_id] += total
    # Sole rows have exactly one party row (party_count counts them), so grouping the join
    # by party counts each row once.
    for day, party_id, source_id, claimant, total, reports in conn.execute(
        select(
            claims.c.reported_on,
            claim_parties.c.party_id,
            claims.c.source_id,
            claims.c.claimant,
            func.coalesce(func.sum(claims.c.number), 0),
            func.count(claims.c.id),
        )
        .join(claim_parties, claim_parties.c.claim_id == claims.c.id)
        .where(claims.c.party_count == 1)
        .group_by(
            claims.c.reported_on, claim_parties.c.party_id, claims.c.source_id, claims.c.claimant
        )
    ):
        n = day.toordinal()
        days.add(("sole", party_id), n, total, reports)
        days.add(("kind", kinds[party_id]), n, total, reports)
        days.add(("source", party_id, source_id, claimant), n, total, reports)
    lines = _LineParts()
    joint_rows = _joint(
        conn.execute(
            select(
                claim_parties.c.party_id,
                claims.c.reported_on,
                claims.c.id,
                claims.c.number,
                claims.c.source_id,
                claims.c.claimant,
                claims.c.party_text,
                claim_parties.c.position,
            )
            .join(claim_parties, claim_parties.c.claim_id == claims.c.id)
            .where(claims.c.party_count > 1)
            .order_by(claim_parties.c.party_id, claims.c.reported_on, claims.c.line_no, claims.c.id)
        ),
        days,
        kinds,
        lines,
    )
    # The people joint rows name (a tenth of rows name anyone), as ClaimView lists them.
    named = conn.execute(
        select(claim_people.c.claim_id, people.c.id, people.c.name, claim_people.c.descriptor)
        .join(people, people.c.id == claim_people.c.person_id)
        .join(claims, claims.c.id == claim_people.c.claim_id)
        .where(claims.c.party_count > 1)
        .order_by(claim_people.c.claim_id, claim_people.c.person_id)
    )
    return Rollup(days.series(), joint_rows, dict(source_totals), lines.freeze(refs, named))


class _LineParts:
    """Joint rows' fields, gathered straight into JointLines' arrays as the scan meets each row
    (once per party it names); the party lists are put together at the end."""

    def __init__(self) -> None:
        self.lines = JointLines()
        self.at: dict[int, int] = {}  # claim id: its place in the arrays
        self.texts: dict[str, int] = {}
        self.named = (array("i"), array("i"), array("q"))  # (place, position, party id)

    def add(
        self,
        claim_id: int,
        day: int,
        number: int,
        source_id: int,
        text: str,
        position: int,
        pid: int,
    ) -> int:
        at = self.at.get(claim_id)
        if at is None:
            lines = self.lines
            at = self.at[claim_id] = len(lines.ids)
            lines.ids.append(claim_id)
            lines.days.append(day)
            lines.numbers.append(number)
            lines.sources.append(source_id)
            lines.which.append(self.texts.setdefault(text, len(self.texts)) << 16)
        places, positions, party_ids = self.named
        places.append(at)
        positions.append(position)
        party_ids.append(pid)
        return at

    def freeze(
        self, refs: dict[int, PartyRef], named: Iterable[Row[int, int, str, str | None]]
    ) -> JointLines:
        lines = self.lines
        places, positions, party_ids = self.named
        listed: list[list[tuple[int, int]]] = [[] for _ in lines.ids]
        for at, position, pid in zip(places, positions, party_ids, strict=True):
            listed[at].append((position, pid))
        party_lists: dict[tuple[PartyRef, ...], int] = {}
        for at, pairs in enumerate(listed):
            row_parties = tuple(refs[pid] for _, pid in sorted(pairs))
            lines.which[at] |= party_lists.setdefault(row_parties, len(party_lists))
        if len(self.texts) > 0xFFFF or len(party_lists) > 0xFFFF:
            raise ValueError("more than 65,535 distinct joint party texts or party lists")
        lines.texts = list(self.texts)
        lines.party_lists = list(party_lists)
        people_of: defaultdict[int, list[tuple[int, str, str | None]]] = defaultdict(list)
        for claim_id, pid, name, descriptor in named:
            people_of[claim_id].append((pid, name, descriptor))
        lines.people = {claim_id: tuple(found) for claim_id, found in people_of.items()}
        return lines


def _joint(
    rows: Iterable[Row[int, date, int, int, int, str, str, int]],
    days: _Days,
    kinds: dict[int, str],
    lines: _LineParts,
) -> dict[int, JointRows]:
    """Joint rows, one per (party, row): listed per party, summed per party and per kind,
    their fields kept for listing."""
    listed: dict[int, JointRows] = {}
    kinds_of: dict[int, set[str]] = defaultdict(set)
    rows_by_id: dict[int, tuple[int, int]] = {}
    for party_id, day, claim_id, number, source_id, claimant, party_text, position in rows:
        n = day.toordinal()
        at = lines.add(claim_id, n, number, source_id, party_text, position, party_id)
        entry = listed.get(party_id)
        if entry is None:
            entry = listed[party_id] = JointRows()
        entry.days.append(n)
        entry.lines.append(at)
        days.add(("joint", party_id), n, number, 1)
        days.add(("source", party_id, source_id, claimant), n, number, 1)
        kinds_of[claim_id].add(kinds[party_id])
        rows_by_id[claim_id] = (n, number)
    # A row naming two parties of one kind counts once for that kind.
    for claim_id, claim_kinds in kinds_of.items():
        n, number = rows_by_id[claim_id]
        for kind in claim_kinds:
            days.add(("kind", kind), n, number, 1)
    return listed
