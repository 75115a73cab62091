"""``/total A / B``: the joint rows that name exactly those parties, for one figure not split.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> from bot.commands import answer_text
>>> desk = Desk.open("sqlite://")
>>> first = to_plain(answer_text(desk, "/total CNRP / Candlelight June")).splitlines()[0]
>>> first.split(",")[0]
'Joint rows naming Cambodia National Rescue Party / Candlelight Party'
>>> first.split(": ")[1]
'43 claimed defectors in 3 reports'

A table row such as "Cambodia National Rescue Party / Candlelight Party" gives one number for
several parties. This answer lists the rows naming exactly the parties asked for (in any order),
never adding them to either party's own figure.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from bot.commands.common import JointMatch, claimed_by, reports
from bot.commands.deep_links import period_words
from bot.core.answer import Answer, Button, bold, italic, number
from bot.core.caveats import joint_not_split
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts, day
from bot.core.i18n import _
from bot.core.period_text import range_text, shown
from bot.core.periods import Period
from bot.core.shown_names import joint_name, name
from bot.storage.queries import ClaimView, cited, data_span, sources_by_id, views
from bot.storage.tables import claims

ROWS_LISTED = 40


def joint_rows(conn: Connection, period: Period | None) -> list[ClaimView]:
    """Every joint row (naming several parties) in the period, oldest first."""
    c = claims.c
    q = select(
        c.id, c.reported_on, c.number, c.party_text, c.source_id, c.claimant, c.line_no,
        c.raw_line,
    ).where(c.party_count > 1).order_by(c.reported_on, c.line_no, c.id)  # fmt: skip
    if period is not None:
        q = q.where(c.reported_on >= period.start, c.reported_on <= period.end)
    return views(conn, conn.execute(q).all())


def combination(view: ClaimView) -> frozenset[int]:
    """The parties a row names, as a set: "A / B" and "B / A" are one combination."""
    return frozenset(p.id for p in view.parties)


def answer_joint(conn: Connection, joint: JointMatch, period: Period | None) -> Answer:
    span = data_span(conn)
    label = shown(period) if period else _("all dates in the data")
    if period is None and span is not None:
        label += f" ({range_text(*span)})"
    wanted = frozenset(p.id for p in joint.parties)
    every = joint_rows(conn, period)
    rows = [v for v in every if combination(v) == wanted]
    asked = f"/total {joint.name}" + (f" {period_words(period, span)}" if period else "")
    answer = Answer(command="total", share=asked)
    refs = Citations()
    total = sum(v.number for v in rows)
    answer.line(
        _("Joint rows naming {name}, {label}: ").format(name=joint_name(joint.name), label=label),
        bold(number(total)),
        _(" claimed defectors in {reports}").format(reports=reports(len(rows))),
    )
    if rows:
        answer.line(italic(joint_not_split()))
        with answer.folded():
            for view in rows[:ROWS_LISTED]:
                answer.bullet(*claim_parts(view, refs))
            if len(rows) > ROWS_LISTED:
                answer.line(
                    _("… and {n} more rows (/export).").format(n=number(len(rows) - ROWS_LISTED))
                )
    else:
        answer.line(_("No row names exactly {name} in that period.").format(name=joint.name))
        others: dict[frozenset[int], list[ClaimView]] = {}
        for v in every:
            others.setdefault(combination(v), []).append(v)
        if others:
            answer.line(_("The joint combinations in that period:"))
            for found in others.values():
                answer.bullet(
                    _("{party}: {total} in {reports} (latest {day})").format(
                        party=found[0].party_text,
                        total=number(sum(v.number for v in found)),
                        reports=reports(len(found)),
                        day=day(found[-1].reported_on),
                    )
                )
                words = f"/total {found[0].party_text}" + (f" {period.label}" if period else "")
                answer.buttons.append(Button(found[0].party_text, words))
        elif span is not None:
            answer.line(_("The data covers {span}.").format(span=range_text(*span)))
    for p in joint.parties:
        answer.buttons.append(
            Button(
                _("{name} alone").format(name=name(p.name)),
                f"/total {p.name}" + (f" {period.label}" if period else ""),
            )
        )
    pairs = sorted({(v.source.id, v.claimant) for v in rows})
    if pairs:
        answer.blank()
        claimed_by(answer, refs, cited(sources_by_id(conn), pairs))
    refs.write(answer)
    refs.cite_as(answer)
    return answer
