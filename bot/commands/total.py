"""``/total [PARTY] [PERIOD]``: the claimed number of defectors, joint rows kept apart.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_total(desk, "")).splitlines()[0])
Claimed defectors, all dates in the data (21 January – 30 June 2023): 6,476 in 110 reports
"""

from __future__ import annotations

from datetime import date

from bot.commands.common import (
    PartyMatch,
    claimed_by,
    defector_word,
    joined_party_id,
    outside,
    outside_data,
    partly_outside,
    reported_by,
    reports,
    sampled,
)
from bot.commands.deep_links import period_words
from bot.commands.party_period import party_and_period
from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.caveats import joint_apart, joint_in_all, mismatch
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts
from bot.core.i18n import _
from bot.core.period_text import range_text, shown
from bot.core.periods import Period
from bot.core.shown_names import name, named
from bot.desk import Desk
from bot.storage.day_totals import NO_CLAIMS, Sums, kinds, sums
from bot.storage.queries import (
    ClaimView,
    Sum,
    cited,
    data_span,
    not_joining,
    party_joint_claims,
    sources_by_id,
    stated_mismatches,
)

JOINT_LISTED = 20


def answer_total(desk: Desk, args: str) -> Answer:
    with desk.connect() as conn:
        read = party_and_period(desk, args, "total", conn)
        if isinstance(read, Answer):
            return read
        party, period = read
        span = data_span(conn)
        if span is None:
            return fail("total", _("The database holds no claims yet. Run `desk load`."))
        start, end = (period.start, period.end) if period else (None, None)
        label = shown(period) if period else _all_dates(span)
        refs = Citations()
        when = period_words(period, span) if period else ""
        asked = " ".join(x for x in ("/total", party.name if party else "", when) if x)
        answer = Answer(command="total", share=asked)
        sources = sources_by_id(conn)
        if period is not None and outside(period, span):
            heading = (
                f"{named(party.name)}, {label}"
                if party
                else _("Claimed defectors, {label}").format(label=label)
            )
            answer.line(heading, _(": outside the data."))
            outside_data(answer, label, span, refs, sources.values())
            refs.write(answer)
            return answer
        joined = party is not None and party.id == joined_party_id(conn)
        if party is None or joined:
            by_kind = kinds(conn, start, end, None, "unnamed", "non_party")
            found = by_kind.get(None, NO_CLAIMS)
            if party is None:
                _all_parties(answer, label, found, by_kind)
            else:
                own = sums(conn, start, end, party_id=party.id)
                elsewhere = not_joining(conn, party.id, start, end)
                _joined_party(answer, party, label, found, own.all.reports > 0, elsewhere)
                if own.all.reports:  # a row naming it as the party left: shown as for any
                    joint = party_joint_claims(conn, party.id, start, end, limit=JOINT_LISTED)
                    _one_party(answer, party, label, refs, own, joint)
        else:
            found = sums(conn, start, end, party_id=party.id)
            joint = (
                party_joint_claims(conn, party.id, start, end, limit=JOINT_LISTED)
                if found.joint.reports
                else []
            )
            _one_party(answer, party, label, refs, found, joint)
        if period is not None:
            partly_outside(answer, period, span)
        if not found.all.reports:
            sampled(answer, refs, sources.values())
        pairs = cited(sources, found.sources)
        if pairs:
            answer.blank()
            claimed_by(answer, refs, pairs)
            reported_by(answer, conn, start, end, party.id if party and not joined else None)
        if _covers(period, span):
            for src, stated, summed in stated_mismatches(conn, sources):
                answer.line(italic(mismatch(refs.ref(src), number(stated), number(summed))))
    refs.write(answer)
    refs.cite_as(answer)
    if pairs:  # there are rows behind the figure: offer them as a file to check it by
        words = (party.name if party and not joined else "", period.label if period else "")
        answer.buttons.append(
            Button(_("Show the rows"), " ".join(["/export", *filter(None, words)]))
        )
    return answer


def _all_dates(span: tuple[date, date]) -> str:
    return _("all dates in the data ({span})").format(span=range_text(*span))


def _covers(period: Period | None, span: tuple[date, date]) -> bool:
    return period is None or (period.start <= span[0] and period.end >= span[1])


def _all_parties(answer: Answer, label: str, found: Sums, by_kind: dict[str | None, Sums]) -> None:
    total = found.all
    answer.line(
        _("Claimed defectors, {label}: ").format(label=label),
        bold(number(total.total)),
        _(" in {reports}").format(reports=reports(total.reports)),
    )
    if not total.reports:
        answer.line(_("The table has no rows for that period."))
        return
    joint = found.joint
    # A joint row naming an unnamed party beside a named one is joint, not "party not named":
    # only the rows naming nothing else count as such.
    unnamed = by_kind.get("unnamed", NO_CLAIMS).sole
    non_party = by_kind.get("non_party", NO_CLAIMS).sole
    if joint.reports:
        answer.bullet(joint_in_all(joint.reports, number(joint.total), reports(joint.reports)))
    if unnamed.reports:
        answer.bullet(
            _("{total} in {reports} whose party was not named").format(
                total=number(unnamed.total), reports=reports(unnamed.reports)
            )
        )
    if non_party.reports:
        answer.bullet(
            _(
                "{total} in {reports} about someone outside any party (e.g. “Political Analyst”)"
            ).format(total=number(non_party.total), reports=reports(non_party.reports))
        )
    answer.line(_("For one party: /total PARTY [PERIOD], e.g. /total Candlelight June."))


def _one_party(
    answer: Answer,
    party: PartyMatch,
    label: str,
    refs: Citations,
    found: Sums,
    joint: list[ClaimView],
) -> None:
    """``found``: the party's sums; ``joint``: the first joint rows naming it, the ones listed."""
    sole = found.sole
    joint_all = found.joint if joint else None
    if party.how == "fuzzy":
        answer.line(
            italic(
                _("Read “{typed}” as {name} (score {score}).").format(
                    typed=party.typed, name=party.name, score=number(round(party.score))
                )
            )
        )
    alone = {
        "party": _("naming this party alone"),
        "unnamed": _("that name no party at all"),
        "non_party": _("naming only “{name}”, which is not a party").format(name=party.name),
    }.get(party.kind) or _("naming it alone")
    answer.line(
        f"{named(party.name)}, {label}: ",
        bold(number(sole.total)),
        _(" {defectors} in {reports} {alone}").format(
            defectors=defector_word(sole.total), reports=reports(sole.reports), alone=alone
        ),
    )
    if joint and joint_all is not None:
        answer.line(
            joint_apart(
                joint_all.reports,
                reports(joint_all.reports),
                name(party.name),
                number(joint_all.total),
            )
        )
        with answer.folded():
            for view in joint:
                answer.bullet(*claim_parts(view, refs))
            if joint_all.reports > len(joint):
                answer.line(
                    _("… and {n} more joint rows (/export).").format(
                        n=number(joint_all.reports - len(joint))
                    )
                )
    elif not sole.reports:
        answer.line(_("The table has no rows naming it in that period."))
    note = _("Note: {note}")
    if party.kind == "non_party":
        not_party = _("“{name}” is not a party.").format(name=party.name)
        answer.line(italic(note.format(note=party.note or not_party)))
    elif party.kind == "unnamed":
        unnamed = _("these reports did not name a party.")
        answer.line(italic(note.format(note=party.note or unnamed)))
    elif party.note and party.dissolved:
        answer.line(italic(_("Caveat: {note}").format(note=party.note)))


def _joined_party(
    answer: Answer,
    party: PartyMatch,
    label: str,
    found: Sums,
    left_too: bool,
    elsewhere: Sum,
) -> None:
    """The party the claims are defections *to*: its figure is every claim's but those whose
    people went elsewhere or nowhere (``elsewhere``; ``left_too``: some rows also name it as
    the party left)."""
    total = Sum(found.all.total - elsewhere.total, found.all.reports - elsewhere.reports)
    answer.line(
        _("{name}, {label}: the party the defectors are claimed to have joined.").format(
            name=named(party.name), label=label
        )
    )
    answer.line(
        (
            _("Every claim in the data is a claimed defection to the {name}: ")
            if not elsewhere.reports
            else _("Claimed defections to the {name} in the data: ")
        ).format(name=name(party.name)),
        bold(number(total.total)),
        _(" {defectors} in {reports}.").format(
            defectors=defector_word(total.total), reports=reports(total.reports)
        ),
    )
    if elsewhere.reports:
        answer.line(
            _(
                "Left out: {reports} ({people} people) of people leaving a party for another "
                "one or for none (departures)."
            ).format(reports=reports(elsewhere.reports), people=number(elsewhere.total))
        )
    if not left_too:
        answer.line(_("No row names it as the party the defectors left."))
    answer.line(_("For a former party: /total PARTY [PERIOD]; /parties lists them."))
