"""``/on DATE`` or ``/on RANGE``: the claims reported on a day or in a range, row by row.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_on(desk, "26/06/2023")).splitlines()[0])
Claims reported on 26 June 2023: 4 reports, 1,201 claimed defectors
"""

from __future__ import annotations

from contextlib import nullcontext

from bot.commands.common import (
    claimed_by,
    defector_word,
    outside,
    outside_data,
    partly_outside,
    reports,
    sampled,
)
from bot.commands.deep_links import period_words
from bot.core.answer import Answer, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts
from bot.core.i18n import _
from bot.core.period_text import shown
from bot.core.periods import Period, PeriodError, parse_day_or_range, parse_period
from bot.desk import Desk
from bot.storage.day_totals import sums
from bot.storage.queries import cited, claims_between, data_span, sources_by_id

ROWS_LISTED = 60
OPEN_ROWS = 5  # a list this short stays open under the head; a longer one folds


def answer_on(desk: Desk, args: str) -> Answer:
    if not args.strip():
        return fail(
            "on",
            _(
                "Which day? Send /on DATE, e.g. /on 29/06/2023, /on 29 June 2023, "
                "or a range: /on 26/06/2023 - 30/06/2023."
            ),
        )
    with desk.connect() as conn:
        latest = desk.latest_year(conn)
        try:
            period = parse_day_or_range(args, default_year=latest)
        except PeriodError as exc:
            try:  # the other periods reporters write: a week, "since 20 June", "last week"
                period = parse_period(args, latest_year=latest, data=data_span(conn))
            except PeriodError:
                return fail("on", str(exc))
        refs = Citations()
        span = data_span(conn)
        answer = Answer(command="on", share=f"/on {period_words(period, span)}")
        lead = _lead(period)
        sources = sources_by_id(conn)
        if span is not None and outside(period, span):
            answer.line(lead, _(": outside the data."))
            outside_data(answer, shown(period), span, refs, sources.values())
            refs.write(answer)
            return answer
        found = sums(conn, period.start, period.end)
        total = found.all
        answer.line(
            f"{lead}: {reports(total.reports)}, ",
            bold(number(total.total)),
            f" {defector_word(total.total)}",
        )
        if not total.reports:
            answer.line(_("The table has no rows for then."))
            sampled(answer, refs, sources.values())
            refs.write(answer)
            return answer
        if span is not None:
            partly_outside(answer, period, span)
        rows = claims_between(conn, period.start, period.end, limit=ROWS_LISTED)
        answer.blank()
        with answer.folded() if len(rows) > OPEN_ROWS else nullcontext():
            for view in rows:
                answer.bullet(*claim_parts(view, refs))
            if total.reports > len(rows):
                answer.line(
                    _("… and {n} more rows (/export for all).").format(
                        n=number(total.reports - len(rows))
                    )
                )
        if any(v.joint for v in rows):
            answer.line(
                italic(
                    # CAVEAT: joint rows are one figure for several parties.
                    _(
                        "Joint rows name several parties for one figure; it is not split "
                        "between them."
                    )
                )
            )
        answer.blank()
        claimed_by(answer, refs, cited(sources, found.sources))
        refs.write(answer)
    return answer


def _lead(period: Period) -> str:
    """How "Claims reported ..." leads into the period's label."""
    first = period.label.split()[0]
    # A Khmer range brings its own "from" (ពី ... ដល់), as "since" does in English.
    if shown(period).startswith(("ពី", "ចាប់ពី", "រហូតដល់")):
        first = "since"
    if period.precision == "day":
        return _("Claims reported on {period}").format(period=shown(period))
    if first in ("since", "until", "before", "after", "from", "up"):
        return _("Claims reported {period}").format(period=shown(period))  # it brings its own
    if first == "week":
        return _("Claims reported in the {period}").format(period=shown(period))
    return _("Claims reported in {period}").format(period=shown(period))
