"""``/said NAME|PARTY [PERIOD]``: the statements our sources record for a person, or for the
people with a role in a party, in our own words, attributed, dated and cited.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> lines = to_plain(answer_said(desk, "Sok Eysan")).splitlines()
>>> lines[0]
'What Sok Eysan said, in our words (paraphrases, not quotations)'
>>> lines[1]
"Sok Eysan: spokesperson, Cambodian People's Party [1]"
>>> lines[2].split(";")[0]
'• c. July 2023 — Denied that anyone is coerced or intimidated into joining the CPP'

The statements are the ``stated`` events of data/people.yaml, whose summaries are our own
words: ready to paraphrase, never to put in quotation marks (the source has the quotation).
"""

from __future__ import annotations

from sqlalchemy import Connection

from bot.commands.common import (
    PartyMatch,
    PersonMatch,
    data_window,
    resolve_party,
    resolve_person,
)
from bot.commands.deep_links import period_words
from bot.core.answer import Answer, Button, Part, bold, fail, italic, number
from bot.core.citations import Citations, partial_date_label
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import shown
from bot.core.periods import Period, PeriodError, split_trailing_period
from bot.core.shown_names import name, named
from bot.desk import Desk
from bot.storage.person_lists import PersonEvent, PersonRole, everyone_s_events, everyone_s_roles
from bot.storage.queries import sources_by_id

HEADER = N_("in our words (paraphrases, not quotations)")
USAGE = N_("Send /said NAME, e.g. /said Sok Eysan, or /said PARTY for its people's statements.")


def answer_said(desk: Desk, args: str) -> Answer:
    with desk.connect() as conn:
        latest, span = data_window(desk, conn)
        try:
            who, period = split_trailing_period(args, latest_year=latest, data=span)
        except PeriodError as exc:
            return fail("said", str(exc))
        sources = sources_by_id(conn)
        events = [e for e in everyone_s_events(conn, sources) if e.event.kind == "stated"]
        roles = everyone_s_roles(conn, sources)
        when = f" {period_words(period, span)}" if period else ""
        if not who:
            answer = _written(events, roles, period, _("What the people in our sources said"))
            answer.share = f"/said{when}"
            return answer
        found = _whose(desk, conn, who, period)
        if isinstance(found, Answer):
            return found
        share = f"/said {found.name}{when}"
        if isinstance(found, PersonMatch):
            mine = [e for e in events if e.person_id == found.id]
            answer = _written(
                mine, [r for r in roles if r.person_id == found.id], period,
                _("What {name} said").format(name=named(found.name)), person=found,
            )  # fmt: skip
            answer.buttons.append(Button(f"/who {found.name}", f"/who {found.name}"))
            answer.share = share
            return answer
        members = {r.person_id for r in roles if r.party_id == found.id}
        answer = _written(
            [e for e in events if e.person_id in members],
            [r for r in roles if r.party_id == found.id],
            period,
            _("What people with a role in the {name} said").format(name=named(found.name)),
        )
        answer.share = share
        return answer


def _whose(
    desk: Desk, conn: Connection, who: str, period: Period | None
) -> PersonMatch | PartyMatch | Answer:
    """A person by name; failing that, a party (an exact name, acronym or word of one)."""

    def keep(name: str) -> str:
        return f"/said {name}" + (f" {period.label}" if period else "")

    if desk.people(conn).resolve(who, limit=1):
        return resolve_person(desk, who, "said", conn, keep)  # one person, or the candidates
    party = resolve_party(desk, who, "said", conn, keep)
    if isinstance(party, PartyMatch) or desk.parties(conn).resolve(who, limit=1):
        return party  # one party, or the parties it could be
    return resolve_person(desk, who, "said", conn, keep)  # no one: the closest names


def _written(
    events: list[PersonEvent],
    roles: list[PersonRole],
    period: Period | None,
    title: str,
    *,
    person: PersonMatch | None = None,
) -> Answer:
    answer = Answer(command="said")
    refs = Citations()
    when = f", {shown(period)}" if period else ""
    answer.line(bold(f"{title}{when}"), f", {_(HEADER)}")
    if person is not None and roles:
        for r in roles:
            party = name(r.role.party.name) if r.role.party else None
            where = ", ".join(x for x in (party, r.role.organization) if x)
            answer.line(
                f"{name(person.name)}: {r.role.title}", f", {where}" if where else "", " ",
                refs.ref(r.role.source),
            )  # fmt: skip
    undated: list[PersonEvent] = []
    if period is not None:
        undated = [e for e in events if e.event.date_start is None]
        events = [e for e in events if e.event.date_start and _overlap(e, period)]
    if not events:
        who = person.name if person else _("anyone here")
        answer.line(
            _("Our sources record no statement by {who} in that period.").format(who=who)
            if period
            else _("Our sources record no statement by {who}.").format(who=who)
        )
    for e in events:
        ev = e.event
        parts: list[Part] = ["• "]
        if person is None:
            parts.append(bold(f"{e.person}, "))
        parts += [f"{partial_date_label(ev.date_text, ev.precision)} — {ev.summary}"]
        if ev.reported_as == "claim":
            parts.append(_(" (as claimed by {who})").format(who=ev.claimed_by))
        if ev.inferred:
            parts.append(italic(_(" (our inference: {note})").format(note=ev.note)))
        parts += [" ", refs.ref(ev.source)]
        answer.line(*parts)
    if undated:
        names = ", ".join(sorted({e.person for e in undated}))
        answer.line(
            italic(
                _("Not placed in that period (the sources give no date): {names}.").format(
                    names=names
                )
            )
        )
    if events:
        answer.line(
            italic(
                ngettext(
                    "{n} statement, summarised by us from the source cited: quote only from "
                    "the source itself.",
                    "{n} statements, summarised by us from the source cited: quote only from "
                    "the source itself.",
                    len(events),
                ).format(n=number(len(events)))
            )
        )
    refs.write(answer)
    refs.cite_as(answer)
    return answer


def _overlap(e: PersonEvent, period: Period) -> bool:
    start, end = e.event.date_start, e.event.date_end
    assert start is not None and end is not None
    return start <= period.end and period.start <= end
