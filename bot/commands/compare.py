"""``/compare A vs B``: two parties, or two periods, side by side.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> for line in to_plain(answer_compare(desk, "CLP vs FUNCINPEC May")).splitlines()[:4]:
...     print(line.split(" (also")[0])
Comparison, May 2023
• Candlelight Party: 409 claimed defectors in 25 reports naming it alone
• FUNCINPEC: no claims
Difference: 409 more for Candlelight Party than for FUNCINPEC.

Each side is ``[PARTY] [PERIOD]``; what one side leaves out it takes from the other ("CLP vs
FUNCINPEC May": both in May; "CNRP May vs June": the CNRP both times), and a side with no
party is every claim. A party's figure is the rows naming it alone, as /total gives it: joint
rows are said apart and never added to either side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection

from bot.commands.common import (
    Choice,
    PartyMatch,
    claimed_by,
    data_window,
    defector_word,
    is_joint_text,
    name_outlets,
    reports,
    resolve_party,
)
from bot.commands.deep_links import period_words
from bot.core.answer import Answer, Button, Part, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.formats import decimal
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import range_text, shown
from bot.core.periods import Period, PeriodError, split_trailing_period
from bot.core.shown_names import name, named
from bot.desk import Desk
from bot.storage.claim_sources import outlets_between
from bot.storage.day_totals import Sums, sums
from bot.storage.queries import cited, sources_by_id

RATIO_FROM = 10  # the smaller figure from which "N times as many" is said
USAGE = N_(
    "Send /compare A vs B, each a party, a period or both, e.g. /compare CLP vs FUNCINPEC May, "
    "/compare May vs June, /compare CNRP May vs June."
)
# Strongest first: "and" and commas also sit inside periods ("between 1 and 15 June").
_SEPARATORS = (
    re.compile(r"\s+(?:vs\.?|versus|v\.?|against|compared (?:to|with)|over)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:and|with|&|to)\s+", re.IGNORECASE),
    re.compile(r"\s*,\s*"),
)


@dataclass(frozen=True)
class Side:
    party_text: str
    period: Period | None
    party: PartyMatch | None = None

    def label(self, *, party: bool, period: bool, span: str, first: bool = True) -> str:
        """What the side is called: its party named in full on ``first`` mention."""
        said = []
        if party:
            shown_name = named if first else name
            said.append(shown_name(self.party.name) if self.party else _("every claim"))
        if period:
            said.append(
                shown(self.period) if self.period else _("all dates ({span})").format(span=span)
            )
        return ", ".join(said)


def split_sides(
    args: str,
    latest_year: int,
    data: tuple[date, date] | None,
    *,
    is_party: Callable[[str], bool] | None = None,
) -> list[Side]:
    """
    >>> [(s.party_text, s.period.label if s.period else None)
    ...  for s in split_sides("CNRP May vs June", 2023, None)]
    [('CNRP', 'May 2023'), ('CNRP', 'June 2023')]

    The two sides of a comparison, each having borrowed what it leaves out from the other;
    [] when no split gives two sides. The separators are tried strongest first ("vs", then
    "and", then a comma), each where it occurs; with ``is_party``, a split whose sides name
    something that is no party gives way to a later one whose sides do ("1 to 15 June with 16
    to 30 June"), and is taken only if none does. Raises PeriodError for an impossible period.
    """
    text = " ".join(args.split())
    first_error: PeriodError | None = None
    fallback: list[Side] = []
    for separator in _SEPARATORS:
        for m in separator.finditer(text):
            left, right = text[: m.start()], text[m.end() :]
            try:
                a = Side(*split_trailing_period(left, latest_year=latest_year, data=data))
                b = Side(*split_trailing_period(right, latest_year=latest_year, data=data))
            except PeriodError as exc:
                first_error = first_error or exc
                continue
            if not ((a.party_text or a.period) and (b.party_text or b.period)):
                continue
            sides = _borrowed(a, b)
            if is_party is None or all(not s.party_text or is_party(s.party_text) for s in sides):
                return sides
            fallback = fallback or sides
    if fallback:
        return fallback
    if first_error is not None:
        raise first_error
    return []


def _borrowed(a: Side, b: Side) -> list[Side]:
    if a.party_text.lower() != b.party_text.lower() or not (a.party_text or b.party_text):
        if a.period is None:
            a = replace(a, period=b.period)
        elif b.period is None:
            b = replace(b, period=a.period)
    if (a.period, b.period) != (None, None) and a.period != b.period:
        if not a.party_text:
            a = replace(a, party_text=b.party_text)
        elif not b.party_text:
            b = replace(b, party_text=a.party_text)
    return [a, b]


def answer_compare(desk: Desk, args: str) -> Answer:
    with desk.connect() as conn:
        latest, span = data_window(desk, conn)
        index = desk.parties(conn)
        try:
            sides = split_sides(args, latest, span, is_party=lambda t: bool(index.resolve(t)))
        except PeriodError as exc:
            return fail("compare", str(exc))
        if not sides:
            return fail("compare", _("What should I compare? ") + _(USAGE))
        if span is None:
            return fail("compare", _("The database holds no claims yet. Run `desk load`."))
        resolved: list[Side] = []
        for i, side in enumerate(sides):
            if is_joint_text(side.party_text):
                return fail(
                    "compare",
                    _(
                        "“{text}” names a joint combination: /total {text} lists its rows, which "
                        "belong to no one party."
                    ).format(text=side.party_text),
                )
            if not side.party_text:
                resolved.append(side)
                continue
            found = resolve_party(desk, side.party_text, "compare", conn, _keeping(sides, i))
            if isinstance(found, Answer):
                return found
            resolved.append(replace(side, party=found))
        return _compared(conn, resolved, span)


def _keeping(sides: list[Side], i: int) -> Choice:
    def button(name: str) -> str:
        said = [
            " ".join(x for x in (name if j == i else s.party_text, _typed(s.period)) if x)
            for j, s in enumerate(sides)
        ]
        return "/compare " + " vs ".join(said)

    return button


def _typed(period: Period | None) -> str:
    return period.label if period else ""


def _compared(conn: Connection, sides: list[Side], span: tuple[date, date]) -> Answer:
    a, b = sides
    same_party = (a.party.id if a.party else None) == (b.party.id if b.party else None)
    same_period = a.period == b.period
    if same_party and same_period:
        return fail("compare", _("Both sides are the same: nothing to compare. ") + _(USAGE))
    data = range_text(*span)
    answer = Answer(command="compare", share=share_line(sides, span))
    refs = Citations()
    if same_period:
        all_dates = _("all dates in the data ({span})").format(span=data)
        when = shown(a.period) if a.period else all_dates
        answer.line(bold(_("Comparison, {what}").format(what=when)))
    else:
        who = named(a.party.name) if a.party else _("all parties")
        answer.line(bold(_("Comparison, {what}").format(what=who)))
    figures: list[tuple[str, int]] = []
    pairs: set[tuple[int, str]] = set()
    for side in sides:
        name = side.label(party=not same_party, period=not same_period, span=data)
        start, end = (side.period.start, side.period.end) if side.period else (None, None)
        found = sums(conn, start, end, party_id=side.party.id if side.party else None)
        figure = _line(answer, name, found, side.party is not None)
        again = side.label(party=not same_party, period=not same_period, span=data, first=False)
        figures.append((again, figure))
        pairs.update(found.sources)
    if figures[0][1] == figures[1][1]:
        answer.line(_("Difference: none, both {n}.").format(n=number(figures[0][1])))
    else:
        (big, more), (small, less) = sorted(figures, key=lambda f: -f[1])
        # A ratio of small figures ("204.5 times") says more about chance than about trends.
        times = (
            _(" ({ratio} times as many)").format(ratio=decimal(more / less))
            if less >= RATIO_FROM
            else ""
        )
        said = (
            _("Difference: {n} more in {big} than in {small}{times}.")
            if same_party
            else _("Difference: {n} more for {big} than for {small}{times}.")
        )
        answer.line(said.format(n=number(more - less), big=big, small=small, times=times))
    if a.party and b.party and not same_party:
        _shared_joint(answer, conn, a, b)
    if not same_period and a.period and b.period and _overlap(a.period, b.period):
        answer.line(italic(_("The two periods overlap: rows in both are counted on each side.")))
    outside = [shown(s.period) for s in sides if s.period and _outside(s.period, span)]
    if outside:
        answer.line(
            italic(
                _(
                    "The data covers {span}; {periods} reaches beyond it, and its table is a "
                    "sampling of the reports, not all of them."
                ).format(span=data, periods=_(" and ").join(outside))
            )
        )
    if pairs:
        answer.blank()
        claimed_by(answer, refs, cited(sources_by_id(conn), sorted(pairs)))
        outlets: dict[str, None] = {}  # both sides' outlets, each once, in order
        for side in sides:
            start, end = (side.period.start, side.period.end) if side.period else (None, None)
            party_id = side.party.id if side.party else None
            outlets.update(dict.fromkeys(outlets_between(conn, start, end, party_id=party_id)))
        name_outlets(answer, list(outlets))
    refs.write(answer)
    refs.cite_as(answer)
    for side in sides:
        words = " ".join(
            x for x in (side.party.name if side.party else "", _typed(side.period)) if x
        )
        answer.buttons.append(Button(f"/total {words}".strip(), f"/total {words}".strip()))
    return answer


def share_line(sides: list[Side], span: tuple[date, date]) -> str:
    """The comparison as a line that gives it again (the Share button's and deep link's): what
    both sides have in common said once, each period by its days when it was said relative to
    the data ("last week"), so a shared answer keeps its meaning as the data grows.

    >>> from bot.core.periods import parse_period
    >>> span = (date(2023, 1, 21), date(2023, 6, 30))
    >>> may, june = (parse_period(m, latest_year=2023, data=span) for m in ("May", "June"))
    >>> clp = PartyMatch(1, "Candlelight Party", "party", None, None, "acronym", 100.0, "CLP")
    >>> share_line([Side("CLP", may, clp), Side("CLP", june, clp)], span)
    '/compare Candlelight Party May 2023 vs June 2023'
    >>> share_line([Side("", may), Side("", june)], span)
    '/compare May 2023 vs June 2023'
    """
    a, b = sides
    same_party = (a.party.id if a.party else None) == (b.party.id if b.party else None)
    same_period = a.period == b.period

    def side(s: Side, *, party: bool = True, period: bool = True) -> str:
        said = [s.party.name if party and s.party else ""]
        said.append(period_words(s.period, span) if period and s.period else "")
        return " ".join(x for x in said if x)

    if same_party:
        left, right = side(a), side(b, party=False)
    elif same_period:
        left, right = side(a, period=False), side(b)
    else:
        left, right = side(a), side(b)
    return f"/compare {left} vs {right}"


def _line(answer: Answer, name: str, found: Sums, party: bool) -> int:
    """One side's bullet; returns the figure compared: a party's own rows, or every row."""
    figure = found.sole if party else found.all
    parts: list[Part] = [f"{name}: "]
    if not figure.reports:
        parts.append(
            _("no claims naming it alone") if party and found.joint.reports else _("no claims")
        )
    else:
        parts += [bold(number(figure.total)), " " + defector_word(figure.total)]
        parts.append(_(" in {reports}").format(reports=reports(figure.reports)))
        if party:
            parts.append(_(" naming it alone"))
    joint = found.joint
    if joint.reports:
        rows = ngettext("{n} joint row", "{n} joint rows", joint.reports).format(
            n=number(joint.reports)
        )
        parts.append(
            _(" (also in {rows}, {total}, not included)").format(
                rows=rows, total=number(joint.total)
            )
            if party
            else _(" ({total} of them in {rows}, not split)").format(
                rows=rows, total=number(joint.total)
            )
        )
    answer.bullet(*parts)
    return figure.total


def _shared_joint(answer: Answer, conn: Connection, a: Side, b: Side) -> None:
    """Joint rows naming both parties count for neither side: say how many there are."""
    from bot.commands.joint import joint_rows

    assert a.party is not None and b.party is not None
    ids = {a.party.id, b.party.id}
    both = [
        v
        for period in {a.period, b.period}
        for v in joint_rows(conn, period)
        if ids <= {p.id for p in v.parties}
    ]
    unique = {v.id: v for v in both}
    if unique:
        total = sum(v.number for v in unique.values())
        answer.line(
            italic(
                _(
                    "{reports} ({total}) name both parties jointly, for one figure not split "
                    "between them: in neither side above (/total {a} / {b})."
                ).format(
                    reports=reports(len(unique)),
                    total=number(total),
                    a=a.party.name,
                    b=b.party.name,
                )
            )
        )


def _overlap(p: Period, q: Period) -> bool:
    return p.start <= q.end and q.start <= p.end


def _outside(p: Period, span: tuple[date, date]) -> bool:
    return p.start < span[0] or p.end > span[1]
