"""``/summary [WEEK]``: the weekly summary, the same text a subscribed chat receives.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_summary(desk, "26/06/2023")).splitlines()[0])
Weekly summary of defection claims, week of 26 June – 2 July 2023
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from bot.commands.common import (
    claimed_by,
    defector_word,
    khmer_names,
    outside,
    outside_data,
    reports,
    sampled,
)
from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts
from bot.core.formats import day
from bot.core.i18n import _
from bot.core.period_text import day_text, range_text, shown
from bot.core.periods import (
    Period,
    PeriodError,
    parse_week,
    previous_week,
)
from bot.core.shown_names import joint_name, named
from bot.desk import Desk
from bot.storage.day_totals import sums
from bot.storage.queries import ClaimView, cited, claims_between, data_span, sources_by_id

LARGEST = 3


def answer_summary(desk: Desk, args: str) -> Answer:
    """A week without a year ("29 June", "W26") is in the latest year with data, as /total
    and /on read it; no week at all is the last complete one before today.

    >>> from datetime import datetime
    >>> from bot.core.render import to_plain
    >>> later = Desk.open("sqlite://", clock=lambda: datetime(2026, 11, 30, 9, 0))
    >>> print(to_plain(answer_summary(later, "29 June")).splitlines()[0])
    Weekly summary of defection claims, week of 26 June – 2 July 2023
    """
    with desk.connect() as conn:
        latest_year = desk.latest_year(conn)
    try:
        week = parse_week(args, today=desk.today(), default_year=latest_year)
    except PeriodError as exc:
        return fail("summary", str(exc))
    return weekly_summary(desk, week)


def weekly_summary(desk: Desk, week: Period) -> Answer:
    """The week's summary; in Khmer with parties' Khmer names, also when a subscription's
    delivery (not a typed command) asks for it."""
    with khmer_names(desk):
        return _summary(desk, week)


def _summary(desk: Desk, week: Period) -> Answer:
    refs = Citations()
    answer = Answer(command="summary")
    answer.line(bold(_("Weekly summary of defection claims, {week}").format(week=shown(week))))
    with desk.connect() as conn:
        rows = claims_between(conn, week.start, week.end)
        prior = previous_week(week)
        before = claims_between(conn, prior.start, prior.end)
        if not rows:
            sources = sources_by_id(conn).values()
            span = data_span(conn)
            if span is not None and outside(week, span):
                outside_data(answer, _("the {week}").format(week=shown(week)), span, refs, sources)
                _nearest_week(answer, week, span)
            else:
                answer.line(_("The table has no rows for that week."))
                sampled(answer, refs, sources)
            refs.write(answer)
            return answer
        total = sum(v.number for v in rows)
        answer.line(
            bold(number(total)),
            _(" {defectors} in {reports}.").format(
                defectors=defector_word(total), reports=reports(len(rows))
            ),
        )
        _comparison(answer, rows, before)
        _by_party(answer, rows, refs)
        answer.blank()
        answer.line(bold(_("Largest claims")))
        for view in sorted(rows, key=lambda v: -v.number)[:LARGEST]:
            answer.bullet(*claim_parts(view, refs))
        named = [(name, desc, v) for v in rows for _pid, name, desc in v.people]
        if named:
            answer.blank()
            answer.line(bold(_("People named")))
            for name, desc, v in named:
                answer.bullet(
                    name,
                    f" ({desc})" if desc else "",
                    f" — {day(v.reported_on)}, {v.party_text} ",
                    refs.ref(v.source),
                )
        answer.blank()
        pairs = sums(conn, week.start, week.end).sources
        claimed_by(answer, refs, cited(sources_by_id(conn), pairs))
        refs.write(answer)
    return answer


def _nearest_week(answer: Answer, week: Period, span: tuple[date, date]) -> None:
    """Where the data ends (or starts), and its week nearest the one asked for, as a button."""
    after = week.start > span[1]
    edge = span[1] if after else span[0]
    monday = edge - timedelta(days=edge.weekday())
    near = _("week of {span}").format(span=range_text(monday, monday + timedelta(days=6)))
    said = (
        _("The data ends on {day}; its last week is the {week}: /summary {monday}.")
        if after
        else _("The data starts on {day}; its first week is the {week}: /summary {monday}.")
    )
    answer.line(said.format(day=day_text(edge), week=near, monday=f"{monday:%d/%m/%Y}"))
    answer.buttons.append(Button(near[:1].upper() + near[1:], f"/summary {monday:%d/%m/%Y}"))


def _comparison(answer: Answer, rows: list[ClaimView], before: list[ClaimView]) -> None:
    now, then = sum(v.number for v in rows), sum(v.number for v in before)
    if not before:
        answer.line(_("The week before had no claims."))
        return
    change = now - then
    said = (
        _("That is {n} more than the week before ({then} in {reports}).")
        if change > 0
        else _("That is {n} fewer than the week before ({then} in {reports}).")
        if change
        else _("That is the same as the week before ({then} in {reports}).")
    )
    answer.line(said.format(n=number(abs(change)), then=number(then), reports=reports(len(before))))


def _by_party(answer: Answer, rows: list[ClaimView], refs: Citations) -> None:
    sole: dict[str, list[int]] = defaultdict(list)
    joint = [v for v in rows if v.joint]
    for v in rows:
        if not v.joint:
            sole[_former(v)].append(v.number)
    answer.blank()
    answer.line(bold(_("By former party")))
    for name, numbers in sorted(sole.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        answer.bullet(
            f"{name}: ",
            bold(number(sum(numbers))),
            _(" in {reports}").format(reports=reports(len(numbers))),
        )
    if joint:
        answer.line(italic(_("Joint rows (several parties, one figure; not split):")))
        for v in joint:
            answer.bullet(*claim_parts(v, refs))


def _former(view: ClaimView) -> str:
    """What a single-party row names as the former party, said as what it is."""
    if not view.parties:
        return joint_name(view.party_text)
    party = view.parties[0]
    if party.kind == "unnamed":
        return _("Party not named")
    if party.kind == "non_party":
        return _("{name} (not a party)").format(name=party.name)
    return named(party.name)
