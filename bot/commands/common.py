"""Pieces several answers share: resolving a party, describing a claim row, citing claimants.

>>> from bot.storage.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> match = resolve_party(desk, "CLP")
>>> match.name, match.how
('Candlelight Party', 'acronym')
>>> defectors(1), people(1), people(193), agree(1, "names", "name")
('1 claimed defector', '1 person', '193 people', 'names')
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from bot.core.answer import Answer, Button, Part, bold, fail, italic, number, plural
from bot.core.citations import Citations
from bot.core.periods import Period, PeriodError, format_range, split_trailing_period
from bot.storage.desk import Desk
from bot.storage.queries import ClaimView, Reader, SourceInfo, party_infos
from bot.storage.tables import parties

CLAIM_CAVEAT = "These are claims, not verified facts."


def day(d: date) -> str:
    """Dates in answers are day first, as journalists in Cambodia write them."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"  # strftime, at several a line, cost more


@dataclass(frozen=True)
class PartyMatch:
    id: int
    name: str
    kind: str
    note: str | None
    dissolved: int | None
    how: str
    score: float
    typed: str


def resolve_party(
    desk: Desk,
    text: str,
    command: str = "total",
    conn: Connection | None = None,
    around: tuple[str, str] = ("", ""),
) -> PartyMatch | Answer:
    """The party named by ``text``, or an answer listing candidates / saying none matched
    (``conn``: the answer's connection, if it has one). Each candidate's button repeats the
    question with the name in place of ``text``: ``around`` is what the user typed before and
    after it, kept as it was."""
    with nullcontext(conn) if conn is not None else desk.connect() as db:
        index = desk.parties(db)
        parties = party_infos(db)
    before, after = around

    def choice(name: str) -> Button:
        return Button(name, f"/{command} {before}{name}{after}")

    candidates = index.resolve(text, limit=5)
    if len(candidates) == 1:
        c = candidates[0]
        p = parties[c.target]
        return PartyMatch(p.id, p.name, p.kind, p.note, p.dissolved, c.how, c.score, text)
    if candidates:
        answer = Answer(command=command, ok=False)
        answer.line(f"“{text}” could match several parties. Which one?")
        for c in candidates:
            answer.bullet(bold(parties[c.target].name), f" ({c.how} match, score {c.score:.0f})")
            answer.buttons.append(choice(parties[c.target].name))
        return answer
    close = index.suggest(text, limit=3)
    answer = fail(command, f"No party in the data matches “{text}”.")
    if close:
        names = [parties[c.target].name for c in close]
        answer.line("Closest: ", ", ".join(names), ". Send /parties for the full list.")
        answer.buttons.extend(choice(n) for n in names)
    return answer


# Words that open a period ("since May"), not a party's name: a party typed before one is read
# without it when the period could not be (the words stay in the question offered back).
_PERIOD_OPENERS = frozenset(
    {"since", "from", "until", "till", "before", "after", "between", "through", "thru"}
)


def party_and_period(
    desk: Desk, args: str, command: str, conn: Connection | None = None
) -> tuple[PartyMatch | None, Period | None] | Answer:
    """Read ``[PARTY] [PERIOD]`` (/total, /chart, /export): a party and a period, or an answer
    saying what could not be read (an impossible date, no such party, several candidates).
    A suggestion keeps the rest of the question as typed: /total cnrp since May offers
    /total Cambodia National Rescue Party since May, never another period."""
    try:
        party_text, period = split_trailing_period(args, latest_year=desk.latest_year(conn))
    except PeriodError as exc:
        return fail(command, str(exc))
    if not party_text:
        return None, period
    typed = " ".join(args.split())
    if typed.startswith(party_text):  # PARTY [PERIOD]
        before, after = "", typed[len(party_text) :]
    else:  # PERIOD PARTY
        before, after = typed[: len(typed) - len(party_text)], ""
    words = party_text.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PERIOD_OPENERS), None)
    if cut is not None and not before:
        # "cnrp since May": the party is "cnrp"; "since May" is a period not read here.
        core = " ".join(words[:cut])
        unread = typed[len(core) :]
        found = resolve_party(desk, core, command, conn, (before, unread))
        if isinstance(found, PartyMatch):
            return fail(
                command,
                f"I read “{core}” as {found.name}, but not “{unread.strip()}” as a period. "
                "Try a month (June 2023), a day (29/06/2023) or a range (1/5/2023 - 30/6/2023).",
            )
        return found
    found = resolve_party(desk, party_text, command, conn, (before, after))
    return found if isinstance(found, Answer) else (found, period)


def claim_parts(view: ClaimView, refs: Citations | None = None) -> list[Part]:
    """One claim row as line parts: date, number, party (joint marked), named people."""
    parts: list[Part] = [
        f"{day(view.reported_on)} · ",
        bold(number(view.number)),
        f" · {view.party_text}",
    ]
    if view.joint:
        parts.append(italic(" (joint row)"))
    tail = ""
    if view.people:
        named = ", ".join(f"{name} ({desc})" if desc else name for _, name, desc in view.people)
        tail = f" — names {named}"
    if refs is not None:
        tail += " " + refs.ref(view.source)
    if tail:
        parts.append(tail)
    return parts


def claimed_by(answer: Answer, refs: Citations, pairs: list[tuple[SourceInfo, str]]) -> None:
    """Say who made the claims behind a figure and where they were tallied."""
    for source, claimant in pairs:
        answer.line(italic(f"Claimed by {claimant}; tallied in {refs.ref(source)}. {CLAIM_CAVEAT}"))


def reports(n: int) -> str:
    return plural(n, "report")


def defectors(n: int) -> str:
    return plural(n, "claimed defector")


def defector_word(n: int) -> str:
    """The noun after a count shown apart (in bold): "1 claimed defector", "2 claimed defectors"."""
    return agree(n, "claimed defector", "claimed defectors")


def people(n: int) -> str:
    return plural(n, "person", "people")


def agree(n: int, one: str, many: str) -> str:
    """The verb (or any word) that agrees with a count: agree(n, "names", "name")."""
    return one if n == 1 else many


# The claims tables are of defections *to* this party (the seed table's own title), so it is
# the party joined in every claim, never a former party unless a row names it as one.
JOINED_PARTY_KEY = "cpp"


def joined_party_id(db: Reader) -> int | None:
    """The id of the party every claim is a defection to, if the data has it."""
    return db.scalar(select(parties.c.id).where(parties.c.key == JOINED_PARTY_KEY))


def outside(period: Period, span: tuple[date, date]) -> bool:
    """Whether the period has no day in common with the data's span."""
    return period.end < span[0] or period.start > span[1]


def sampled(answer: Answer, refs: Citations, sources: Iterable[SourceInfo]) -> None:
    """The note of each source whose table is a sample: a period without rows is not one
    without claims."""
    for src in sources:
        if src.coverage == "sample" and src.coverage_note:
            answer.line(italic(src.coverage_note), " ", refs.ref(src))


def outside_data(
    answer: Answer,
    label: str,
    span: tuple[date, date],
    refs: Citations,
    sources: Iterable[SourceInfo],
) -> None:
    """Say that ``label`` (a period) lies outside the data, which is no sign that nothing
    was claimed then."""
    answer.line(
        f"The data covers reports dated {format_range(*span)}, so it says nothing either way "
        f"about {label} — not that no defections were claimed then."
    )
    sampled(answer, refs, sources)


def partly_outside(answer: Answer, period: Period, span: tuple[date, date]) -> None:
    """Say which days of the period the data covers, when it does not cover all of them."""
    if period.start < span[0] or period.end > span[1]:
        answer.line(
            italic(
                f"The data covers reports dated {format_range(*span)}: the rest of "
                f"{period.label} is not in it."
            )
        )
