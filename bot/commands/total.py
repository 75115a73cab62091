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
    agree,
    claimed_by,
    defector_word,
    joined_party_id,
    outside,
    outside_data,
    partly_outside,
    reports,
    sampled,
)
from bot.commands.party_period import party_and_period
from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.claim_text import claim_parts
from bot.core.periods import Period, format_range
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
            return fail("total", "The database holds no claims yet. Run `desk load`.")
        start, end = (period.start, period.end) if period else (None, None)
        label = period.label if period else f"all dates in the data ({format_range(*span)})"
        refs = Citations()
        answer = Answer(command="total")
        sources = sources_by_id(conn)
        if period is not None and outside(period, span):
            heading = f"{party.name}, {label}" if party else f"Claimed defectors, {label}"
            answer.line(heading, ": outside the data.")
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
        if _covers(period, span):
            for src, stated, summed in stated_mismatches(conn, sources):
                answer.line(
                    italic(
                        f"Caveat: the text of {refs.ref(src)} states {number(stated)} "
                        f"defections; its table rows add up to {number(summed)}."
                    )
                )
    refs.write(answer)
    refs.cite_as(answer)
    if pairs:  # there are rows behind the figure: offer them as a file to check it by
        words = (party.name if party and not joined else "", period.label if period else "")
        answer.buttons.append(Button("Show the rows", " ".join(["/export", *filter(None, words)])))
    return answer


def _covers(period: Period | None, span: tuple[date, date]) -> bool:
    return period is None or (period.start <= span[0] and period.end >= span[1])


def _all_parties(answer: Answer, label: str, found: Sums, by_kind: dict[str | None, Sums]) -> None:
    total = found.all
    answer.line(
        f"Claimed defectors, {label}: ", bold(number(total.total)), f" in {reports(total.reports)}"
    )
    if not total.reports:
        answer.line("The table has no rows for that period.")
        return
    joint = found.joint
    # A joint row naming an unnamed party beside a named one is joint, not "party not named":
    # only the rows naming nothing else count as such.
    unnamed = by_kind.get("unnamed", NO_CLAIMS).sole
    non_party = by_kind.get("non_party", NO_CLAIMS).sole
    if joint.reports:
        answer.bullet(
            f"{number(joint.total)} of them in {reports(joint.reports)} that "
            f"{agree(joint.reports, 'names', 'name')} several parties jointly "
            "(not split between them)"
        )
    if unnamed.reports:
        answer.bullet(
            f"{number(unnamed.total)} in {reports(unnamed.reports)} whose party was not named"
        )
    if non_party.reports:
        answer.bullet(
            f"{number(non_party.total)} in {reports(non_party.reports)} about someone "
            "outside any party (e.g. “Political Analyst”)"
        )
    answer.line("For one party: /total PARTY [PERIOD], e.g. /total Candlelight June.")


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
        answer.line(italic(f"Read “{party.typed}” as {party.name} (score {party.score:.0f})."))
    alone = {
        "party": "naming this party alone",
        "unnamed": "that name no party at all",
        "non_party": f"naming only “{party.name}”, which is not a party",
    }.get(party.kind, "naming it alone")
    answer.line(
        f"{party.name}, {label}: ",
        bold(number(sole.total)),
        f" {defector_word(sole.total)} in {reports(sole.reports)} {alone}",
    )
    if joint and joint_all is not None:
        answer.line(
            f"Separately, {reports(joint_all.reports)} {agree(joint_all.reports, 'names', 'name')}"
            f" {party.name} jointly with another party, totalling {number(joint_all.total)}. "
            "Those figures are not broken down by party and are not included above:"
        )
        for view in joint:
            answer.bullet(*claim_parts(view, refs))
        if joint_all.reports > len(joint):
            answer.line(
                f"… and {number(joint_all.reports - len(joint))} more joint rows (/export)."
            )
    elif not sole.reports:
        answer.line("The table has no rows naming it in that period.")
    if party.kind == "non_party":
        answer.line(italic(f"Note: {party.note or f'“{party.name}” is not a party.'}"))
    elif party.kind == "unnamed":
        answer.line(italic(f"Note: {party.note or 'these reports did not name a party.'}"))
    elif party.note and party.dissolved:
        answer.line(italic(f"Caveat: {party.note}"))


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
    answer.line(f"{party.name}, {label}: the party the defectors are claimed to have joined.")
    answer.line(
        f"Every claim in the data is a claimed defection to the {party.name}: "
        if not elsewhere.reports
        else f"Claimed defections to the {party.name} in the data: ",
        bold(number(total.total)),
        f" {defector_word(total.total)} in {reports(total.reports)}.",
    )
    if elsewhere.reports:
        answer.line(
            f"Left out: {reports(elsewhere.reports)} ({number(elsewhere.total)} people) of "
            "people leaving a party for another one or for none (departures)."
        )
    if not left_too:
        answer.line("No row names it as the party the defectors left.")
    answer.line("For a former party: /total PARTY [PERIOD]; /parties lists them.")
