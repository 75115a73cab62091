"""``/top [N] [parties|claims|days|weeks|months] [PARTY] [PERIOD]``: rankings and superlatives.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print("\\n".join(to_plain(answer_top(desk, "May")).splitlines()[:3]))
Parties ranked by claimed defectors, May 2023
Rows naming one party alone; joint rows are listed apart, never credited to one party.
1. Candlelight Party: 409 in 25 reports; also in 2 joint rows
>>> to_plain(answer_top(desk, "claims June")).splitlines()[2]
'1. 26/06/2023 · 986 · Candlelight Party [1]'

Parties are ranked by the rows that name them alone (their own figure, as /total gives it);
the rows that name several parties for one figure are listed as their combinations, and the
rows that name no party ("Unnamed Parties") or no party at all ("Political Analyst") apart.
Claims, days, weeks and months count every row once. Equal figures share a rank ("2=").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeVar

from sqlalchemy import Connection

from bot.commands.common import (
    Choice,
    PartyMatch,
    claimed_by,
    data_window,
    reported_by,
    reports,
    resolve_party,
)
from bot.commands.deep_links import period_words
from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts, day
from bot.core.formats import command_day, month_year
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import range_text, shown
from bot.core.periods import Period, PeriodError, split_trailing_period
from bot.core.shown_names import joint_name, name, named
from bot.desk import Desk
from bot.storage.day_totals import sums
from bot.storage.queries import Sum, cited, sources_by_id
from bot.storage.rankings import (
    DayFigure,
    day_figures,
    joint_figures,
    largest_claims,
    party_figures,
)

T = TypeVar("T")
Ranked = Literal["parties", "claims", "days", "weeks", "months"]
_WHAT: dict[str, Ranked] = {
    "parties": "parties", "party": "parties",
    "claims": "claims", "claim": "claims", "reports": "claims", "report": "claims",
    "rows": "claims", "row": "claims",
    "days": "days", "day": "days", "dates": "days",
    "weeks": "weeks", "week": "weeks",
    "months": "months", "month": "months",
}  # fmt: skip
_SHOWN: dict[Ranked, int] = {"parties": 20, "claims": 10, "days": 10, "weeks": 5, "months": 12}
MAX_SHOWN = 50
_COUNT = re.compile(r"(\d{1,3})\s+")
USAGE = N_(
    "Send /top [N] [parties|claims|days|weeks|months] [PARTY] [PERIOD], e.g. /top May, "
    "/top claims June, /top 3 days Candlelight."
)


@dataclass(frozen=True)
class TopQuery:
    what: Ranked
    shown: int
    party_text: str
    period: Period | None
    said: bool = True  # what is ranked was typed, not the default


def read_top(args: str, latest_year: int, data: tuple[date, date] | None) -> TopQuery:
    """
    >>> read_top("3 busiest weeks since May", 2023, None).what
    'weeks'

    A count, what is ranked, then a party and a period (in either order); raises
    PeriodError for an impossible period."""
    rest = " ".join(args.split())
    shown = 0
    if m := _COUNT.match(rest + " "):
        shown, rest = int(m[1]), rest[m.end() :]
    words = rest.split()
    what: Ranked | None = None
    for i, word in enumerate(words[:3]):
        if word.lower() in _WHAT:
            what, words = _WHAT[word.lower()], words[:i] + words[i + 1 :]
            break
    words = [w for w in words if w.lower() not in ("largest", "biggest", "busiest", "top")]
    party_text, period = split_trailing_period(" ".join(words), latest_year=latest_year, data=data)
    # A party alone ("/top Candlelight May") asks for its largest claims.
    ranked: Ranked = what or ("claims" if party_text else "parties")
    return TopQuery(
        ranked, min(shown or _SHOWN[ranked], MAX_SHOWN), party_text, period, what is not None
    )


def answer_top(desk: Desk, args: str) -> Answer:
    with desk.connect() as conn:
        latest, span = data_window(desk, conn)
        try:
            query = read_top(args, latest, span)
        except PeriodError as exc:
            return fail("top", str(exc))
        if span is None:
            return fail("top", _("The database holds no claims yet. Run `desk load`."))
        party: PartyMatch | None = None
        if query.party_text:
            if query.what == "parties":
                return fail(
                    "top", _("Parties are ranked all together, not one at a time. ") + _(USAGE)
                )
            found = resolve_party(desk, query.party_text, "top", conn, _keeping(query))
            if isinstance(found, Answer):
                return found
            party = found
        period = query.period
        start, end = (period.start, period.end) if period else (None, None)
        label = (
            shown(period)
            if period
            else _("all dates in the data ({span})").format(span=range_text(*span))
        )
        answer = Answer(command="top", share=share_line(query, party, span))
        refs = Citations()
        everything = sums(conn, start, end, party_id=party.id if party else None)
        if not everything.all.reports:
            answer.line(
                _("No claims naming {name} in {label}.").format(name=named(party.name), label=label)
                if party
                else _("No claims in {label}.").format(label=label)
            )
            answer.line(_("The data covers {span}.").format(span=range_text(*span)))
            return answer
        of = _(" naming {name}").format(name=named(party.name)) if party else ""
        if query.what == "parties":
            _parties(answer, conn, start, end, label, query.shown, period)
        elif query.what == "claims":
            rows, more = largest_claims(
                conn, start, end, limit=query.shown, party_id=party.id if party else None
            )
            answer.line(bold(_("Largest single claims{of}, {label}").format(of=of, label=label)))
            answer.line(
                italic(_("Each row as reported; joint rows are marked, their figure not split."))
            )
            ranks = _ranked(rows, lambda v: v.number)
            for rank, view in ranks:
                tied = "=" if more and view.number == rows[-1].number and "=" not in rank else ""
                answer.line(f"{rank}{tied}. ", *claim_parts(view, refs))
            if more:
                answer.line(
                    ngettext(
                        "… and {n} more row of {figure}, tied with the last one listed (/export).",
                        "… and {n} more rows of {figure}, tied with the last one listed (/export).",
                        more,
                    ).format(n=number(more), figure=number(rows[-1].number))
                )
            answer.buttons.extend(
                Button(f"/on {day(v.reported_on)}", f"/on {command_day(v.reported_on)}")
                for v in rows[:3]
            )
        else:
            days = day_figures(conn, start, end, party_id=party.id if party else None)
            _busiest(answer, query.what, days, period, query.shown, f"{of}, {label}", party)
        answer.blank()
        claimed_by(answer, refs, cited(sources_by_id(conn), everything.sources))
        reported_by(answer, conn, start, end, party.id if party else None)
    refs.write(answer)
    refs.cite_as(answer)
    return answer


def share_line(query: TopQuery, party: PartyMatch | None, span: tuple[date, date]) -> str:
    """The ranking as a line that gives it again (the Share button's and deep link's): the
    count only when it is not the usual one, the period by its days when it was said relative
    to the data.

    >>> read = read_top("3 days candlelight june", 2023, None)
    >>> clp = PartyMatch(1, "Candlelight Party", "party", None, None, "word", 90.0, "candlelight")
    >>> share_line(read, clp, (date(2023, 1, 21), date(2023, 6, 30)))
    '/top 3 days Candlelight Party June 2023'
    """
    words = [
        str(query.shown) if query.shown != _SHOWN[query.what] else "",
        query.what,
        party.name if party else "",
        period_words(query.period, span) if query.period else "",
    ]
    return "/top " + " ".join(w for w in words if w)


def _keeping(query: TopQuery) -> Choice:
    def button(name: str) -> str:
        words = [str(query.shown), query.what, name, query.period.label if query.period else ""]
        return "/top " + " ".join(w for w in words if w)

    return button


def _ranked(items: Sequence[T], figure: Callable[[T], int]) -> list[tuple[str, T]]:
    """Competition ranks ("1", "2=", "2=", "4") by the figure; the items come largest first."""
    values = [figure(item) for item in items]
    out = []
    for i, item in enumerate(items):
        first = values.index(values[i])
        tied = values.count(values[i]) > 1
        out.append((f"{first + 1}{'=' if tied else ''}", item))
    return out


def _parties(
    answer: Answer,
    conn: Connection,
    start: date | None,
    end: date | None,
    label: str,
    shown: int,
    period: Period | None,
) -> None:
    figures = party_figures(conn, start, end)
    ranked = [f for f in figures if f.kind == "party" and f.sole.reports]
    answer.line(bold(_("Parties ranked by claimed defectors, {label}").format(label=label)))
    answer.line(
        italic(
            _(
                "Rows naming one party alone; joint rows are listed apart, never credited to "
                "one party."
            )
        )
    )
    for rank, f in _ranked(ranked[:shown], lambda f: f.sole.total):
        also = (
            _("; also in {rows}").format(rows=plural_rows(f.joint.reports))
            if f.joint.reports
            else ""
        )
        answer.line(
            f"{rank}. ", bold(named(f.name)), ": ", bold(number(f.sole.total)),
            _(" in {reports}").format(reports=reports(f.sole.reports)) + also,
        )  # fmt: skip
    if len(ranked) > shown:
        answer.line(
            _("… and {n} more parties (/parties lists them all).").format(
                n=number(len(ranked) - shown)
            )
        )
    if not ranked:
        answer.line(_("No row in this period names one party alone."))
    joint = joint_figures(conn, start, end)
    if joint:
        answer.blank()
        answer.line(bold(_("Joint rows")), _(" (one figure for several parties, not split):"))
        for j in joint:
            answer.bullet(
                f"{joint_name(j.names)}: ",
                bold(number(j.sum.total)),
                _(" in {reports}").format(reports=reports(j.sum.reports)),
            )
    apart = [f for f in figures if f.kind != "party" and f.sole.reports]
    if apart:
        answer.blank()
        answer.line(bold(_("Not credited to any party:")))
        for f in apart:
            what = (
                _("reports that did not say which party")
                if f.kind == "unnamed"
                else _("not a party")
            )
            answer.bullet(
                f"{name(f.name)} ({what}): ",
                bold(number(f.sole.total)),
                _(" in {reports}").format(reports=reports(f.sole.reports)),
            )
    every = sums(conn, start, end).all
    answer.blank()
    answer.line(
        _("Every claim, {label}: {total} in {reports}.").format(
            label=label, total=number(every.total), reports=reports(every.reports)
        )
    )
    suffix = f" {period.label}" if period else ""
    answer.buttons.extend(Button(f.name, f"/total {f.name}{suffix}") for f in ranked[:3])


def plural_rows(n: int) -> str:
    return ngettext("{n} joint row", "{n} joint rows", n).format(n=number(n))


@dataclass(frozen=True)
class _Span:
    label: str
    start: date
    end: date
    all: Sum
    joint: Sum


def _busiest(
    answer: Answer,
    what: Ranked,
    days: list[DayFigure],
    period: Period | None,
    shown: int,
    of_label: str,
    party: PartyMatch | None,
) -> None:
    """Days, weeks or months by their figure: every row once; for a party, the rows naming it
    alone (its own figure), the joint rows naming it said apart."""
    if party is not None:
        days = [DayFigure(d.day, _less(d.all, d.joint), d.joint) for d in days]
    spans = [s for s in _grouped(what, days) if s.all.reports]
    ordered = sorted(spans, key=lambda s: (-s.all.total, s.start))[:shown]
    busiest = {
        "days": _("Busiest days by claimed defectors{of}"),
        "weeks": _("Busiest weeks by claimed defectors{of}"),
    }.get(what) or _("Busiest months by claimed defectors{of}")
    answer.line(bold(busiest.format(of=of_label)))
    weeks = _("Weeks run Monday to Sunday.") + " " if what == "weeks" else ""
    answer.line(
        italic(
            weeks + _("Rows naming this party alone; joint rows naming it are said apart.")
            if party is not None
            else weeks + _("Every row counted once, joint rows included.")
        )
    )
    for rank, s in _ranked(ordered, lambda s: s.all.total):
        parts: list[str] = []
        if s.joint.reports:
            joint = {"total": number(s.joint.total), "rows": plural_rows(s.joint.reports)}
            parts.append(
                _("also {total} in {rows} naming it with another party, not included").format(
                    **joint
                )
                if party is not None
                else _("{total} of them in {rows}, not split").format(**joint)
            )
        if period is not None and (s.start < period.start or s.end > period.end):
            inside = range_text(max(s.start, period.start), min(s.end, period.end))
            parts.append(_("only {span} counted").format(span=inside))
        note = f" ({'; '.join(parts)})" if parts else ""
        answer.line(
            f"{rank}. {s.label}: ",
            bold(number(s.all.total)),
            _(" in {reports}").format(reports=reports(s.all.reports)) + note,
        )
    if not ordered:
        answer.line(_("No row in that period names this party alone."))
    for s in ordered[:3]:
        if what == "days":
            answer.buttons.append(Button(f"/on {day(s.start)}", f"/on {command_day(s.start)}"))
        elif what == "weeks":
            answer.buttons.append(
                Button(f"/summary {day(s.start)}", f"/summary {command_day(s.start)}")
            )


def _less(every: Sum, joint: Sum) -> Sum:
    return Sum(every.total - joint.total, every.reports - joint.reports)


def _grouped(what: Ranked, days: list[DayFigure]) -> list[_Span]:
    if what == "days":
        return [_Span(day(d.day), d.day, d.day, d.all, d.joint) for d in days]
    groups: dict[date, list[DayFigure]] = {}
    for d in days:
        weekly = what == "weeks"
        first = d.day - timedelta(days=d.day.weekday()) if weekly else d.day.replace(day=1)
        groups.setdefault(first, []).append(d)
    out = []
    for first, members in groups.items():
        if what == "weeks":
            last = first + timedelta(days=6)
            label = _("week of {span}").format(span=range_text(first, last))
        else:
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            last = following - timedelta(days=1)
            label = month_year(first)
        out.append(
            _Span(
                label,
                first,
                last,
                Sum(sum(m.all.total for m in members), sum(m.all.reports for m in members)),
                Sum(sum(m.joint.total for m in members), sum(m.joint.reports for m in members)),
            )
        )
    return out
