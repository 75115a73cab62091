"""``/total [PARTY] [PERIOD]``: the claimed number of defectors, joint rows kept apart.

>>> from bot.storage.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_total(desk, "")).splitlines()[0])
Claimed defectors, all dates in the data (21 January – 30 June 2023): 6,476 in 110 reports
"""

from __future__ import annotations

from datetime import date

from bot.commands.common import PartyMatch, claim_parts, claimed_by, party_and_period, reports
from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.citations import Citations
from bot.core.periods import Period, format_range
from bot.storage.desk import Desk
from bot.storage.rollup import JointLine, Rollup

JOINT_LISTED = 20


def answer_total(desk: Desk, args: str) -> Answer:
    with desk.question():
        return _answer_total(desk, args)


def _answer_total(desk: Desk, args: str) -> Answer:
    read = party_and_period(desk, args, "total")
    if isinstance(read, Answer):
        return read
    party, period = read
    # Figures, and the joint rows listed, come from the per-day rollup: no claim is read.
    rollup = desk.rollup()
    span = rollup.span()
    if span is None:
        return fail("total", "The database holds no claims yet. Run `desk load`.")
    start, end = (period.start, period.end) if period else (None, None)
    label = period.label if period else f"all dates in the data ({format_range(*span)})"
    refs = Citations()
    answer = Answer(command="total")
    sources = desk.sources()
    if party is None:
        _all_parties(rollup, answer, label, start, end)
    else:
        joint = rollup.joint_lines(party.id, start, end, JOINT_LISTED, sources)
        _one_party(rollup, answer, party, label, start, end, refs, joint)
    found = rollup.sources(start, end, party.id if party else None)
    pairs = sorted(((sources[sid], who) for sid, who in found), key=lambda p: (p[0].key, p[1]))
    if pairs:
        answer.blank()
        claimed_by(answer, refs, pairs)
    if _covers(period, span):
        for src, stated, summed in rollup.stated_mismatches(sources):
            answer.line(
                italic(
                    f"Caveat: the text of {refs.ref(src)} states {number(stated)} "
                    f"defections; its table rows add up to {number(summed)}."
                )
            )
    refs.write(answer)
    refs.cite_as(answer)
    if pairs:  # there are rows behind the figure: offer them as a file to check it by
        words = (party.name if party else "", period.label if period else "")
        answer.buttons.append(Button("Show the rows", " ".join(["/export", *filter(None, words)])))
    return answer


def _covers(period: Period | None, span: tuple[date, date]) -> bool:
    return period is None or (period.start <= span[0] and period.end >= span[1])


def _all_parties(
    rollup: Rollup, answer: Answer, label: str, start: date | None, end: date | None
) -> None:
    total = rollup.everything.between(start, end)
    answer.line(
        f"Claimed defectors, {label}: ", bold(number(total.total)), f" in {reports(total.reports)}"
    )
    if not total.reports:
        answer.line("No claims were reported in that period.")
        return
    joint = rollup.joint.between(start, end)
    unnamed = rollup.kind("unnamed").between(start, end)
    non_party = rollup.kind("non_party").between(start, end)
    if joint.reports:
        answer.bullet(
            f"{number(joint.total)} of them in {reports(joint.reports)} that name "
            "several parties jointly (not split between them)"
        )
    if unnamed.reports:
        answer.bullet(
            f"{number(unnamed.total)} in {reports(unnamed.reports)} whose party was not named"
        )
    if non_party.reports:
        answer.bullet(
            f"{number(non_party.total)} in {reports(non_party.reports)} that name no "
            "party at all (e.g. “Political Analyst”)"
        )
    answer.line("For one party: /total PARTY [PERIOD], e.g. /total Candlelight June.")


def _one_party(
    rollup: Rollup,
    answer: Answer,
    party: PartyMatch,
    label: str,
    start: date | None,
    end: date | None,
    refs: Citations,
    joint: list[JointLine],
) -> None:
    """``joint``: the first joint rows naming the party, the ones listed; the count and sum
    of all of them come from the rollup's series (a party can have tens of thousands of joint
    rows at 1M claims)."""
    sole = rollup.sole(party.id).between(start, end)
    joint_all = rollup.party_joint(party.id).between(start, end) if joint else None
    if party.how == "fuzzy":
        answer.line(italic(f"Read “{party.typed}” as {party.name} (score {party.score:.0f})."))
    noun = "claimed defector" if sole.total == 1 else "claimed defectors"
    answer.line(
        f"{party.name}, {label}: ",
        bold(number(sole.total)),
        f" {noun} in {reports(sole.reports)} naming this party alone",
    )
    if joint and joint_all is not None:
        answer.line(
            f"Separately, {reports(joint_all.reports)} name {party.name} jointly with another "
            f"party, totalling {number(joint_all.total)}. Those figures are not broken down by "
            "party and are not included above:"
        )
        for view in joint:
            answer.bullet(*claim_parts(view, refs))
        if joint_all.reports > len(joint):
            answer.line(
                f"… and {number(joint_all.reports - len(joint))} more joint rows (/export)."
            )
    elif not sole.reports:
        answer.line("No claims name this party in that period.")
    if party.kind == "non_party":
        answer.line(italic(f"Note: “{party.name}” is not a party. {party.note or ''}".strip()))
    elif party.kind == "unnamed":
        answer.line(italic(f"Note: {party.note or 'these reports did not name a party.'}"))
    elif party.note and party.dissolved:
        answer.line(italic(f"Caveat: {party.note}"))
