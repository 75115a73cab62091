"""``/who NAME``: a person card, or the candidates when the name is ambiguous.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_who(desk, "kung raya")).splitlines()[0])
Kung Raiya
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from bot.commands.common import how_matched
from bot.core.answer import Answer, Button, Part, bold, fail, italic, number
from bot.core.citations import Citations, partial_date_label
from bot.core.claim_text import day, outlet_parts
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import day_text, shown
from bot.core.periods import PeriodError, format_day, parse_period
from bot.core.shown_names import joint_name, named
from bot.core.shown_names import name as shown_name
from bot.desk import Desk
from bot.storage.person_facts import AliasInfo, EventFact, RoleFact, person_facts
from bot.storage.queries import ClaimView, Reader, claims_naming_person, sources_by_id
from bot.storage.source_notes import DisagreementView
from bot.storage.tables import people

if TYPE_CHECKING:
    from bot.core.matcher import Candidate, NameIndex

EVENT_VERBS = {
    "defected": N_("Defected"),
    "joined": N_("Joined"),
    "resigned": N_("Resigned"),
    "appointed": N_("Appointed"),
    "fled": N_("Fled"),
    "arrested": N_("Arrested"),
    "convicted": N_("Convicted"),
    "released": N_("Released"),
    "sentenced": N_("Sentenced"),
    "stated": N_("Statement"),
    "other": N_("Reported"),
}


# "as of" in Khmer is គិតត្រឹម ("counting up to"), often with no space before it.
_AS_OF = re.compile(
    r"^(?P<name>.+?)(?:\s+as\s+(?:of|at|on)\s+|\s*គិតត្រឹម\s*)(?P<when>.+)$", re.IGNORECASE
)


def split_as_of(query: str, latest_year: int) -> tuple[str, date | None, str]:
    """``Kung Raiya as of 30 June 2023`` → (name, the day, how the day was read).

    A month or year means its last day: "as of July 2023" is everything known by 31 July.

    >>> split_as_of("Kung Raiya as of July 2023", 2023)
    ('Kung Raiya', datetime.date(2023, 7, 31), '31 July 2023 (the end of July 2023)')
    >>> split_as_of("ហ៊ុន សែន គិតត្រឹមថ្ងៃទី៣០ ខែមិថុនា", 2023)[:2]
    ('ហ៊ុន សែន', datetime.date(2023, 6, 30))
    """
    m = _AS_OF.match(query)
    if not m:
        return query, None, ""
    period = parse_period(m["when"], latest_year=latest_year)
    label = day_text(period.end)
    if period.start != period.end:
        label += _(" (the end of {period})").format(period=shown(period))
    return m["name"], period.end, label


def answer_who(desk: Desk, query: str, *, as_of: date | None = None) -> Answer:
    query = " ".join(query.split())
    if not query:
        answer = fail(
            "who", _("Whom should I look up? Send /who NAME, for example /who Kung Raiya.")
        )
        return answer
    as_of_label = day_text(as_of) if as_of else ""
    with desk.connect() as conn:
        if as_of is None and _AS_OF.match(query):
            try:
                query, as_of, as_of_label = split_as_of(query, desk.latest_year(conn))
            except PeriodError as exc:
                return fail(
                    "who",
                    _(
                        "{problem} (/who NAME as of DATE, e.g. /who Kung Raiya as of 30 June 2023)"
                    ).format(problem=exc),
                )
        index = desk.people(conn)
        candidates = index.resolve(query, limit=6)
        if not candidates:
            return _no_match(conn, index, query)
        chosen = _clear_winner(candidates)
        if chosen is None:
            return _ambiguous(conn, index, query, candidates)
        return person_card(
            conn,
            chosen.target,
            typed=query,
            candidate=chosen,
            as_of=as_of,
            as_of_label=as_of_label,
        )


def _clear_winner(candidates: list[Candidate]) -> Candidate | None:
    if len(candidates) == 1:
        return candidates[0]
    exact = [c for c in candidates if c.how in ("exact", "acronym")]
    return exact[0] if len(exact) == 1 else None


def _no_match(conn: Connection, index: NameIndex, query: str) -> Answer:
    answer = fail("who", _("No one called “{text}” is in the data.").format(text=query))
    close = index.suggest(query, limit=3)
    if close:
        names = _names(conn, index, [c.target for c in close])
        answer.line(
            _("Closest names: {names}.").format(names=", ".join(names[c.target] for c in close))
        )
        answer.buttons.extend(Button(names[c.target], f"/who {names[c.target]}") for c in close)
    return answer


def _names(conn: Connection, index: NameIndex, ids: list[int]) -> dict[int, str]:
    """These people's names: the name index keeps them (each is one of the person's aliases);
    the database is read only for one it does not have."""
    names = {i: name for i in ids if (name := index.name_of(i)) is not None}
    missing = [i for i in ids if i not in names]
    if missing:
        found = conn.execute(select(people.c.id, people.c.name).where(people.c.id.in_(missing)))
        names.update(found.all())
    return names


def _ambiguous(
    conn: Connection, index: NameIndex, query: str, candidates: list[Candidate]
) -> Answer:
    names = _names(conn, index, [c.target for c in candidates])
    answer = Answer(command="who", ok=False)
    answer.line(_("“{text}” matches more than one person. Did you mean:").format(text=query))
    for c in candidates:
        name = names[c.target]
        via = "" if c.alias == name else _(", as “{alias}”").format(alias=c.alias)
        answer.bullet(
            bold(name),
            _(" — {how}, score {score}").format(
                how=how_matched(c.how), score=number(round(c.score))
            ),
            via,
        )
        answer.buttons.append(Button(name, f"/who {name}"))
    return answer


def person_card(
    conn: Reader,
    person_id: int,
    *,
    typed: str = "",
    candidate: Candidate | None = None,
    as_of: date | None = None,
    as_of_label: str = "",
) -> Answer:
    """The card; with ``as_of``, only what had happened by that day, and the status then.

    The head says who it is and where they stand (the status); the party history, the roles,
    the timeline, the disagreements and the sources fold under it."""
    sources = sources_by_id(conn)
    person = person_facts(conn, person_id, sources)
    refs = Citations()
    answer = Answer(command="who", share=f"/who {person.name}")
    if as_of is not None:
        answer.share += f" as of {format_day(as_of)}"
    mentions = claims_naming_person(conn, person.id, sources)
    events, unsure, later = list(person.events), [], 0
    if as_of is not None:
        # An event counts when it had certainly happened by then; one whose date is too coarse
        # to tell ("July 2023" against 10 July), or not given, is shown but left out of the
        # status and the party history.
        known = _known_by(events, as_of)
        unsure = [e for e in events if known[e] is None]
        later = sum(known[e] is False for e in events) + sum(
            v.reported_on > as_of for v in mentions
        )
        events = [e for e in events if known[e] is not False]
        mentions = [v for v in mentions if v.reported_on <= as_of]

    answer.line(
        bold(named(person.name)), _(" — as of {day}").format(day=as_of_label) if as_of else ""
    )
    if candidate is not None and candidate.how == "fuzzy":
        answer.line(
            italic(
                _("Closest match for “{typed}” (score {score}).").format(
                    typed=typed, score=number(round(candidate.score))
                )
            )
        )
    others = [alias for alias in person.aliases if alias != person.name]
    if others:
        answer.line(
            _("Also spelled: "),
            ", ".join(_spelling(a, person.alias_info.get(a)) for a in others),
        )
    status = _status(
        [e for e in events if e not in unsure],
        mentions,
        as_of=as_of,
        coming=[e for e in person.events if e not in events] if not _unsure_moves(unsure) else [],
    )
    if status:
        answer.blank()
        answer.line(
            bold(_("Status on {day}: ").format(day=day_text(as_of)) if as_of else _("Status: ")),
            status,
        )
        unsure_states = [e for e in unsure if e.kind in STATE_KINDS]
        if unsure_states:
            answer.line(
                italic(
                    _("Not counted, as their dates may fall after that day: ")
                    + "; ".join(f"{_lower_first(e.summary)} ({_when(e)})" for e in unsure_states)
                    + "."
                )
            )
    if person.origin == "table":
        answer.line(
            italic(
                _(
                    "Known only from a pro-government defection claim; not independently "
                    "reported in our sources."
                )
            )
        )
    history = _party_history(person.roles, [e for e in events if e not in unsure], mentions)
    if history:
        answer.blank()
        with answer.folded():  # a chain of parties can be long; the status says the last
            answer.line(bold(_("Party history: ")), history)
    if person.roles:
        answer.blank()
        answer.line(bold(_("Roles")), italic(_(" (not dated; some may be later)")) if as_of else "")
        with answer.folded():
            for role in person.roles:
                where = ", ".join(
                    x for x in (role.party.name if role.party else None, role.organization) if x
                )
                answer.bullet(
                    role.title,
                    f" — {where}" if where else "",
                    " ",
                    refs.ref(role.source),
                    _inference(role.inferred, role.note),
                )
    timeline: list[tuple[date, int, list[Part]]] = []
    for e in events:
        when = partial_date_label(e.date_text, e.precision)
        who = _(" (claimed by {who})").format(who=e.claimed_by) if e.reported_as == "claim" else ""
        timeline.append(
            (
                e.sort_date,
                0,
                [
                    f"{when} — ",
                    bold(_event_label(e.kind, e.summary)),
                    e.summary,
                    who,
                    italic(_(" (may be after {day})").format(day=as_of_label))
                    if e in unsure
                    else "",
                    " ",
                    refs.ref(e.source),
                    _inference(e.inferred, e.note),
                ],
            )
        )
    for view in mentions:
        desc = next((d for pid, _name, d in view.people if pid == person.id and d), None)
        parts: list[Part] = [
            f"{day(view.reported_on)} — ",
            bold(_("Named in a defection claim")),
            ": ",
            _("{n} from {party}").format(n=number(view.number), party=view.party_text),
            _(" (joint row)") if view.joint else "",
            _(", described as “{desc}”").format(desc=desc) if desc else "",
            _("; claimed by {claimant} ").format(claimant=view.claimant),
            refs.ref(view.source),
            *outlet_parts(view.outlets),
        ]
        timeline.append((view.reported_on, 1, parts))
    timeline.sort(key=lambda t: (t[0], t[1]))
    if timeline:
        answer.blank()
        answer.line(bold(_("Timeline")))
        with answer.folded():
            for _day, _order, parts in timeline:
                answer.bullet(*parts)
    if later:
        answer.line(
            italic(
                ngettext(
                    "{n} later entry not shown; /who {name} gives the full card.",
                    "{n} later entries not shown; /who {name} gives the full card.",
                    later,
                ).format(n=number(later), name=person.name)
            )
        )
    if person.disagreements:
        answer.blank()
        answer.line(bold(_("Where the sources disagree")))
        with answer.folded():
            for d in person.disagreements:
                write_disagreement(answer, d, refs)
    refs.write(answer)
    refs.cite_as(answer)
    if as_of is not None:
        answer.buttons.append(Button(_("Full card"), f"/who {person.name}"))
    return answer


STATE_KINDS = frozenset(
    {
        "defected",
        "joined",
        "resigned",
        "appointed",
        "fled",
        "arrested",
        "convicted",
        "released",
        "sentenced",
    }
)
SITUATION_KINDS = frozenset({"fled", "arrested", "convicted", "released", "sentenced"})
MOVE_KINDS = frozenset({"defected", "joined", "resigned"})


def _status(
    events: list[EventFact],
    mentions: list[ClaimView],
    *,
    as_of: date | None = None,
    coming: Sequence[EventFact] = (),
) -> str:
    """One line: the party the person is in (or last left), then the latest change of legal
    situation, said as earlier when a change of party came after it.

    Statements and other events are left out: "said X" is not a status. With ``as_of`` the
    events and mentions are those up to that day, and the line names the latest change; when
    none places the person in a party by then, the first later event leaving one does
    (``coming``: the events after that day, oldest first).
    """
    ordered = sorted(events, key=lambda e: e.sort_date)
    states = [e for e in ordered if e.kind in STATE_KINDS]
    bits: list[str] = []
    member, left, deciding = _membership(states)
    if member:
        known = _("last known party: {party}").format(party=shown_name(member))
        bits.append(known + _qualified(deciding))
    elif left:
        bits.append(
            _("no longer in the {party}{qualified}, no later party recorded").format(
                party=shown_name(left), qualified=_qualified(deciding)
            )
        )
    elif mentions:
        last = mentions[-1]
        bits.append(
            _(
                "reported as a defector from the {party} on {day} by {claimant} (a claim, "
                "not verified)"
            ).format(
                party=joint_name(last.party_text), day=day(last.reported_on), claimant=last.claimant
            )
        )
    elif (leaving := _first_leaving(coming)) is not None and leaving.from_party is not None:
        # Its date is left out: the card as of a day shows nothing later.
        bits.append(
            _(
                "in the {party} (a later entry records leaving it{claimed}; joining it is not "
                "recorded)"
            ).format(party=leaving.from_party.name, claimed=_claimed(leaving))
        )
    latest = states[-1] if states else None
    situation = next((e for e in reversed(states) if e.kind in SITUATION_KINDS), None)
    if as_of is not None and latest is not None and latest not in (deciding, situation):
        bits.append(
            _("latest recorded change: {what} ({when})").format(
                what=_lower_first(latest.summary), when=_when(latest)
            )
        )
    if situation is not None:
        # A flight or a conviction followed by a change of party is no longer the news.
        earlier = deciding is not None and situation.sort_date < deciding.sort_date
        said = f"{_lower_first(situation.summary)} ({_when(situation)}{_claimed(situation)})"
        bits.append(_("earlier: {what}").format(what=said) if earlier else said)
    if not bits:
        return _("no change of party or legal situation recorded")
    when = _when(latest) if latest is not None else ""
    if as_of is not None:
        named = latest is not None and latest not in (deciding, situation)
        tail = (
            _(" (latest recorded change: {when})").format(when=when) if when and not named else ""
        )
        return "; ".join(bits) + tail + "."
    if latest is not None and latest.date_text is None:  # each bit says "date not given"
        return "; ".join(bits) + "."
    return (_("as of {when}: ").format(when=when) if when else "") + "; ".join(bits) + "."


def _first_leaving(coming: Sequence[EventFact]) -> EventFact | None:
    """The first of these later events to change the person's party, if it names the party
    left (a resignation, a defection from it): the person was in that party until then."""
    moves = sorted((e for e in coming if e.kind in MOVE_KINDS), key=lambda e: e.sort_date)
    return moves[0] if moves and moves[0].from_party is not None else None


def _unsure_moves(events: Sequence[EventFact]) -> bool:
    """Whether any of these events changes a party: then what came later says nothing of
    the party before it."""
    return any(e.kind in MOVE_KINDS for e in events)


def _party_history(
    roles: list[RoleFact], events: list[EventFact], mentions: list[ClaimView]
) -> str:
    """Parties in order: those of roles (undated, so first), then joins, departures and the
    defections that pro-government media claimed, each with its date.

    >>> from bot.desk import Desk
    >>> from bot.storage.person_facts import person_facts
    >>> from bot.storage.queries import sources_by_id
    >>> desk = Desk.open("sqlite://")
    >>> raiya = desk.people().resolve("Kung Raiya")[0].target
    >>> with desk.connect() as conn:
    ...     facts = person_facts(conn, raiya, sources_by_id(conn))
    >>> for step in _party_history(facts.roles, facts.events, []).split(" → "):
    ...     print(step)
    Candlelight Party
    left the Candlelight Party (16 June 2023, claimed by Kimsour Phearith, Candlelight spokesperson)
    Cambodian People's Party (June 2023)
    left the Cambodian People's Party (c. July 2023)
    >>> _party_history([], [], [])
    ''
    """
    steps: list[str] = []
    for role in roles:
        if role.party is not None and role.party.name not in steps:
            steps.append(role.party.name)
    steps = [
        shown_name(name) + (_(" (our inference)") if _party_inferred(roles, name) else "")
        for name in steps
    ]
    dated: list[tuple[date, str]] = []
    for e in events:
        when = partial_date_label(e.date_text, e.precision) + _claimed(e)
        if e.kind in ("defected", "joined") and e.to_party is not None:
            dated.append((e.sort_date, f"{shown_name(e.to_party.name)} ({when})"))
        elif e.kind == "resigned" and e.from_party is not None:
            left = _("left the {party} ({when})").format(
                party=shown_name(e.from_party.name), when=when
            )
            dated.append((e.sort_date, left))
    for v in mentions:
        dated.append(
            (
                v.reported_on,
                _("claimed to have left the {party} ({day}, a pro-government claim)").format(
                    party=joint_name(v.party_text), day=day(v.reported_on)
                ),
            )
        )
    steps += [text for _when, text in sorted(dated, key=lambda d: d[0])]
    return " → ".join(steps)


def _membership(
    states: list[EventFact],
) -> tuple[str | None, str | None, EventFact | None]:
    """(current party, party last left, the event that says so) as defect/join/resign events
    leave them."""
    member: str | None = None
    left: str | None = None
    deciding: EventFact | None = None
    for e in states:
        if e.kind in ("defected", "joined") and e.to_party is not None:
            member, left, deciding = e.to_party.name, None, e
        elif (
            e.kind == "resigned"
            and e.from_party is not None
            and member in (None, e.from_party.name)
        ):
            member, left, deciding = None, e.from_party.name, e
    return member, left, deciding


def _claimed(e: EventFact) -> str:
    """The words ", claimed by X" for an event its source reports as a claim, else nothing."""
    return _(", claimed by {who}").format(who=e.claimed_by) if e.reported_as == "claim" else ""


def _qualified(e: EventFact | None) -> str:
    """The words " (date not given, claimed by X)", or the part that applies, for the event
    that decides a party status."""
    if e is None:
        return ""
    said = [partial_date_label(None, e.precision)] if e.date_text is None else []
    if e.reported_as == "claim":
        said.append(_("claimed by {who}").format(who=e.claimed_by))
    return f" ({', '.join(said)})" if said else ""


def _happened_by(e: EventFact, day: date) -> bool | None:
    """Whether the event had certainly happened by ``day`` (True), certainly not (False), or
    its date cannot tell (None: too coarse, or not given)."""
    if e.date_start is None or e.date_end is None:
        return None
    if e.date_end <= day:
        return True
    return None if e.date_start <= day else False


def _known_by(events: list[EventFact], day: date) -> dict[EventFact, bool | None]:
    """For each event, :func:`_happened_by`, settled by the timeline's order where the data
    gives one: an event dated only "June 2023" but placed (``sort_date``) before one certainly
    past by ``day`` had happened too ("appointed on 19 June after joining the CPP"), and one
    placed after an event still to come had not. Undated events stay unsettled.

    >>> from bot.desk import Desk
    >>> from bot.storage.person_facts import person_facts
    >>> from bot.storage.queries import sources_by_id
    >>> desk = Desk.open("sqlite://")
    >>> raiya = desk.people().resolve("Kung Raiya")[0].target
    >>> with desk.connect() as conn:
    ...     facts = person_facts(conn, raiya, sources_by_id(conn))
    >>> joined = next(e for e in facts.events if e.kind == "defected")
    >>> [_known_by(facts.events, date(2023, 6, d))[joined] for d in (10, 18, 20)]
    [False, None, True]
    """
    known = {e: _happened_by(e, day) for e in events}
    for e, was in known.items():
        # Only where the data placed the event inside its span: a coarse date's default
        # place (its first day) says nothing of its order.
        if was is not None or e.date_start is None or e.sort_date == e.date_start:
            continue
        if any(k is True and other.sort_date > e.sort_date for other, k in known.items()):
            known[e] = True
        elif any(k is False and other.sort_date < e.sort_date for other, k in known.items()):
            known[e] = False
    return known


def _inference(inferred: bool, note: str | None) -> Part:
    """The note on something we inferred and no source states, or nothing."""
    return italic(_(" (our inference: {note})").format(note=note)) if inferred else ""


def _party_inferred(roles: list[RoleFact], party: str) -> bool:
    """Whether every role linking the person to ``party`` is our inference."""
    linked = [r for r in roles if r.party is not None and r.party.name == party]
    return bool(linked) and all(r.inferred for r in linked)


def _spelling(alias: str, info: AliasInfo | None) -> str:
    """An alias, saying when it is not from our sources or when taking it for this person is
    our inference."""
    if info is None:
        return alias
    if info.inferred:
        return alias + _(" (our inference: {note})").format(note=info.note)
    if info.source is None:
        return alias + _(" (not in our sources)")
    return alias


def write_disagreement(answer: Answer, d: DisagreementView, refs: Citations, *extra: str) -> None:
    """One disagreement: its topic and each side with its source; ``extra`` lines, then its note."""
    said: list[Part] = [bold(f"{d.topic}: ")]
    for side in d.sides:
        said += [side.says, " ", refs.ref(side.source), " "]
    answer.bullet(*said[:-1])
    for line in extra:
        answer.line(line)
    if d.note:
        answer.line(italic(d.note))


def _when(e: EventFact) -> str:
    return partial_date_label(e.date_text, e.precision)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _event_label(kind: str, summary: str) -> str:
    """The kind as a label, unless the summary already opens with it ("Convicted of ...")."""
    verb = EVENT_VERBS[kind]
    return "" if summary[:4].lower() == verb[:4].lower() else _("{verb}: ").format(verb=_(verb))
