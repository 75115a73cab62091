"""``/export [PARTY] [PERIOD]``: the claim rows behind an answer, as a CSV file to check it by.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> file = export_rows(desk, "Candlelight June")
>>> file.filename, file.rows
('defection-claims_candlelight-party_june-2023.csv', 31)
>>> file.data.decode("utf-8-sig").splitlines()[0]
'date,number,parties,row_type,named_people,source,claimant,original_line,reported_by,links'
>>> print(to_plain(file.caption).splitlines()[0])
Candlelight Party, June 2023: 31 claim rows

The rows are the ones ``/total`` counts for the same words: with a party, the rows naming it
alone (``row_type`` "single party": they add up to the /total figure) and the joint rows that
include it ("joint": listed apart there, never split). The file is UTF-8 with a byte-order mark,
so spreadsheet programs open curly quotes and Khmer names correctly.

``desk export`` writes every claim with the same writer (:func:`write_claims`): the same
columns, as CSV or as JSON (one object per claim, parties and people as lists).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal, TextIO

from sqlalchemy import Connection, Engine, func, select

from bot.commands.chart import slug
from bot.commands.common import PartyMatch, outside
from bot.commands.party_period import party_and_period
from bot.core.answer import Answer, bold, fail, italic, number
from bot.core.citations import citation
from bot.core.claim_text import CLAIM_CAVEAT, day
from bot.core.i18n import _, in_language, ngettext
from bot.core.period_text import range_text, shown
from bot.core.periods import format_range
from bot.core.shown_names import named
from bot.desk import Desk
from bot.storage.models import Claim, ClaimParty
from bot.storage.queries import ClaimView, claims_between, data_span

COLUMNS = (
    "date",
    "number",
    "parties",
    "row_type",
    "named_people",
    "source",
    "claimant",
    "original_line",
    "reported_by",  # the outlets of a claim added through intake (claim_sources), if any
    "links",  # their pages or t.me posts, in the same order
)
MAX_ROWS = 100_000  # ~15 MB of CSV; Telegram takes documents up to 50 MB
ExportFormat = Literal["csv", "json"]


@dataclass(frozen=True)
class ExportFile:
    filename: str
    data: bytes
    caption: Answer
    rows: int


@dataclass(frozen=True)
class _Selection:
    heading: str
    file_heading: str  # English whatever the chat's language: the file's name comes from it
    party: PartyMatch | None
    views: list[ClaimView]


def _select(desk: Desk, args: str) -> _Selection | Answer:
    read = party_and_period(desk, args, "export")
    if isinstance(read, Answer):
        return read
    party, period = read
    with desk.session() as s:
        span = data_span(s)
        if span is None:
            return fail("export", _("The database holds no claims yet. Run `desk load`."))
        start, end = (period.start, period.end) if period else (None, None)
        label = (
            shown(period)
            if period
            else _("all dates in the data ({span})").format(span=range_text(*span))
        )
        everyone = _("All parties")
        heading = f"{named(party.name) if party else everyone}, {label}"
        with in_language("en"):
            file_heading = ", ".join(
                [
                    party.name if party else _("All parties"),
                    period.label
                    if period
                    else _("all dates in the data ({span})").format(span=format_range(*span)),
                ]
            )
        count = select(func.count(Claim.id))
        if start is not None:
            count = count.where(Claim.reported_on >= start, Claim.reported_on <= end)
        if party is not None:
            count = count.where(
                Claim.id.in_(select(ClaimParty.claim_id).where(ClaimParty.party_id == party.id))
            )
        total = s.scalar(count) or 0
        if total > MAX_ROWS:
            return fail(
                "export",
                _(
                    "{heading}: {n} rows, more than one file should hold ({most}). Name a party "
                    "or a shorter period; `desk export` writes every row at the command line."
                ).format(heading=heading, n=number(total), most=number(MAX_ROWS)),
            )
        views = claims_between(s, start, end, party_id=party.id if party else None)
    if not views:
        if period is not None and outside(period, span):
            return fail(
                "export",
                _(
                    "{period} is outside the data, which covers reports dated {span}: there are "
                    "no rows to export."
                ).format(period=f"{label[:1].upper()}{label[1:]}", span=range_text(*span)),
            )
        if party:
            return fail(
                "export",
                _("The table has no rows naming {name} in {label}: none to export.").format(
                    name=named(party.name), label=label
                ),
            )
        return fail(
            "export", _("The table has no rows in {label}: none to export.").format(label=label)
        )
    return _Selection(heading, file_heading, party, views)


def export_rows(desk: Desk, args: str) -> ExportFile | Answer:
    """The CSV file for ``/export``, or an answer saying why there is none."""
    chosen = _select(desk, args)
    if isinstance(chosen, Answer):
        return chosen
    out = io.StringIO()
    write_claims(out, chosen.views)
    return ExportFile(
        f"defection-claims_{slug(chosen.file_heading)}.csv",
        # With a byte-order mark: spreadsheet programs then read the file as UTF-8.
        out.getvalue().encode("utf-8-sig"),
        _caption(chosen),
        len(chosen.views),
    )


def _caption(chosen: _Selection) -> Answer:
    views = chosen.views
    sole = [v for v in views if not v.joint]
    joint = [v for v in views if v.joint]
    answer = Answer(command="export")
    rows = ngettext("{n} claim row", "{n} claim rows", len(views)).format(n=number(len(views)))
    answer.line(bold(chosen.heading), f": {rows}")
    first, last = views[0].reported_on, views[-1].reported_on
    answer.line(
        _("Reported {first} – {last}, oldest first.").format(first=day(first), last=day(last))
    )
    sole_sum = number(sum(v.number for v in sole))
    joint_sum = number(sum(v.number for v in joint))
    if chosen.party is not None:
        answer.line(
            ngettext(
                "{n} row marked “single party” adds up to {total}: the /total figure.",
                "{n} rows marked “single party” add up to {total}: the /total figure.",
                len(sole),
            ).format(n=number(len(sole)), total=sole_sum)
        )
        if joint:
            answer.line(
                ngettext(
                    "{n} row marked “joint” ({total}) names it with another party; /total "
                    "lists them apart and never splits them.",
                    "{n} rows marked “joint” ({total}) name it with another party; /total "
                    "lists them apart and never splits them.",
                    len(joint),
                ).format(n=number(len(joint)), total=joint_sum)
            )
    else:
        answer.line(
            ngettext(
                "They add up to {all}; {n} row marked “joint” ({total}) names several parties.",
                "They add up to {all}; {n} rows marked “joint” ({total}) name several parties.",
                len(joint),
            ).format(
                all=number(sum(v.number for v in views)), n=number(len(joint)), total=joint_sum
            )
        )
    sources = list(dict.fromkeys(citation(v.source) for v in views))
    claimants = list(dict.fromkeys(v.claimant for v in views))
    said = _("Claimed by {claimants}.").format(claimants="; ".join(claimants))
    answer.line(italic(f"{said} {CLAIM_CAVEAT}"))
    answer.line(
        _("Source: "), "; ".join(sources[:3]) + (_(" and others") if len(sources) > 3 else "")
    )
    return answer


def answer_export(desk: Desk, args: str) -> Answer:
    """``/export`` where no file can be sent (``desk ask``, ``desk chat``): what it would hold."""
    chosen = export_rows(desk, args)
    if isinstance(chosen, Answer):
        return chosen
    answer = chosen.caption
    answer.line(
        _(
            "In Telegram, /export sends these rows as a CSV file ({filename}); at the command "
            "line, desk export writes every row."
        ).format(filename=chosen.filename)
    )
    return answer


# ------------------------------------------------------------- the one writer, desk export --


def claim_record(view: ClaimView) -> dict[str, Any]:
    """One claim as every export writes it: a value for each of :data:`COLUMNS`.

    Parties and named people are lists here; the CSV joins them (" / " and "; ").
    """
    return {
        "date": view.reported_on.isoformat(),
        "number": view.number,
        "parties": [p.name for p in view.parties],
        "row_type": "joint" if view.joint else "single party",
        "named_people": [f"{name} ({desc})" if desc else name for _, name, desc in view.people],
        "source": citation(view.source),
        "claimant": view.claimant,
        "original_line": view.raw_line,
        "reported_by": [o.label() for o in view.outlets],
        "links": [o.url or "" for o in view.outlets],
    }


def write_claims(out: TextIO, views: Iterable[ClaimView], fmt: ExportFormat = "csv") -> int:
    """Write claims as CSV (a header, then a line each) or a JSON list; returns the count.

    >>> from datetime import date
    >>> from bot.desk import Desk
    >>> desk = Desk.open("sqlite://")
    >>> with desk.connect() as conn:
    ...     views = claims_between(conn, date(2023, 6, 19), date(2023, 6, 19))
    >>> out = io.StringIO()
    >>> write_claims(out, views)
    1
    >>> row = next(csv.DictReader(io.StringIO(out.getvalue())))
    >>> row["parties"], row["row_type"], row["named_people"]
    ('Cambodia National Rescue Party', 'single party', 'Long Phary (mass trial defendant)')

    The caller picks the encoding: /export and ``desk export -o FILE`` add a byte-order mark.
    """
    if fmt == "json":
        count = 0
        out.write("[")
        for view in views:
            # One claim a line: any size streams, and two exports diff line by line.
            out.write(",\n  " if count else "\n  ")
            out.write(json.dumps(claim_record(view), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return count
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(COLUMNS)
    count = 0
    for view in views:
        record = claim_record(view)
        record["parties"] = " / ".join(record["parties"])  # as the source tables write them
        record["named_people"] = "; ".join(record["named_people"])
        record["reported_by"] = "; ".join(record["reported_by"])
        record["links"] = " ".join(record["links"])
        writer.writerow(record[column] for column in COLUMNS)
        count += 1
    return count


def export_claims(engine: Engine, out: TextIO, fmt: ExportFormat = "csv") -> int:
    """``desk export``: every claim, oldest first, through :func:`write_claims`.

    >>> from bot.desk import Desk
    >>> export_claims(Desk.open("sqlite://").engine, io.StringIO(), "json")
    110
    """
    with engine.connect() as conn:
        return write_claims(out, _every_claim(conn), fmt)


def _every_claim(conn: Connection) -> Iterator[ClaimView]:
    # A month at a time: memory stays bounded however many claims there are, in the order one
    # query would give (date first).
    span = data_span(conn)
    if span is None:
        return
    start, last = span[0].replace(day=1), span[1]
    while start <= last:
        following = (start + timedelta(days=32)).replace(day=1)
        yield from claims_between(conn, start, following - timedelta(days=1))
        start = following
