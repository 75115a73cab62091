"""Pieces several answers share: resolving a party, describing a claim row, citing claimants.

>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> match = resolve_party(desk, "CLP")
>>> match.name, match.how
('Candlelight Party', 'acronym')
>>> defectors(1), people(1), people(193), agree(1, "names", "name")
('1 claimed defector', '1 person', '193 people', 'names')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.caveats import claimed_by as claimed_by_line
from bot.core.citations import Citations
from bot.core.claim_text import CLAIM_CAVEAT
from bot.core.i18n import N_, _, current, ngettext
from bot.core.normalize import normalize_name
from bot.core.period_text import range_text, shown
from bot.core.periods import Period
from bot.core.shown_names import loaded, using_names
from bot.desk import Desk
from bot.storage import tables
from bot.storage.claim_sources import outlets_between
from bot.storage.queries import Reader, SourceInfo, data_span, party_infos
from bot.storage.tables import parties, party_aliases

if TYPE_CHECKING:
    from bot.core.matcher import Candidate


@contextmanager
def khmer_names(desk: Desk) -> Iterator[None]:
    """Show parties' and people's Khmer names (bot.storage.khmer_names) in a Khmer answer
    written inside: read once per answer; nothing is read for an English one.

    >>> from bot.core.i18n import in_language
    >>> from bot.core.shown_names import named
    >>> desk = Desk.open("sqlite://")
    >>> with in_language("km"), khmer_names(desk):
    ...     named("Candlelight Party")
    'គណបក្សភ្លើងទៀន (Candlelight Party)'
    """
    if current() == "en" or loaded():
        yield
        return
    from bot.storage.khmer_names import khmer_spellings

    with desk.connect() as conn:
        spellings = khmer_spellings(conn)
    with using_names({latin: found.name for (_kind, latin), found in spellings.items()}):
        yield


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


Choice = Callable[[str], str]


def resolve_party(
    desk: Desk,
    text: str,
    command: str = "total",
    conn: Connection | None = None,
    choice: Choice | None = None,
) -> PartyMatch | Answer:
    """The party named by ``text``, or an answer listing candidates / saying none matched
    (``conn``: the answer's connection, if it has one; ``choice``: the command a candidate's
    button runs, given its name, so that it keeps the rest of the question; by default
    ``/command NAME``).

    Besides a name, alias or acronym (acronyms only exactly), any run of whole words of a
    name finds it, however spaced ("Nation Love", "KhmerWin", "funcinpec party")."""
    button = choice or (lambda name: f"/{command} {name}")
    with nullcontext(conn) if conn is not None else desk.connect() as db:
        index = desk.parties(db)
        parties = party_infos(db)
        candidates = index.resolve(text, limit=5)
        if not candidates:
            candidates = _by_words(db, text)
    if len(candidates) == 1:
        c = candidates[0]
        p = parties[c.target]
        return PartyMatch(p.id, p.name, p.kind, p.note, p.dissolved, c.how, c.score, text)
    if candidates:
        answer = Answer(command=command, ok=False)
        answer.line(_("“{text}” could match several parties. Which one?").format(text=text))
        for c in candidates:
            answer.bullet(
                bold(parties[c.target].name),
                _(" ({how}, score {score})").format(
                    how=how_matched(c.how), score=number(round(c.score))
                ),
            )
            answer.buttons.append(Button(parties[c.target].name, button(parties[c.target].name)))
        return answer
    close = index.suggest(text, limit=3)
    answer = fail(command, _("No party in the data matches “{text}”.").format(text=text))
    if close:
        names = [parties[c.target].name for c in close]
        answer.line(
            _("Closest: {names}. Send /parties for the full list.").format(names=", ".join(names))
        )
        answer.buttons.extend(Button(n, button(n)) for n in names)
    return answer


# Words that open a period ("since May"), not a party's name: a party typed before one is read
# without it when the period could not be (the words stay in the question offered back).
_GENERIC = frozenset({"the", "party", "parties", "partys"})


def _by_words(db: Connection, text: str) -> list[Candidate]:
    """Parties one of whose names holds the text's words, spaced any way, as a run of whole
    words ("khmerwin" in "Khmer Win Party"), words like "party" and "the" aside; an acronym
    only whole ("the CNRP party")."""
    from bot.core.matcher import Candidate  # a dataclass: no fuzzy machinery is imported

    words = [w for w in normalize_name(text).split() if w not in _GENERIC]
    typed = "".join(words)
    if not words:
        return []
    found: dict[int, Candidate] = {}
    for party_id, alias, key, acronym in db.execute(_PARTY_WORDS):
        if party_id in found:
            continue
        if acronym:
            if key.replace(" ", "") == typed:
                found[party_id] = Candidate(party_id, alias, 100.0, "acronym")
            continue
        names = [w for w in key.split() if w not in _GENERIC]
        if typed == "".join(names):
            found[party_id] = Candidate(party_id, alias, 100.0, "exact")
        elif len(typed) >= 4 and typed in {
            "".join(names[i:j]) for i in range(len(names)) for j in range(i + 1, len(names) + 1)
        }:
            found[party_id] = Candidate(party_id, alias, 90.0, "word")
    exact = [c for c in found.values() if c.how in ("exact", "acronym")]
    return exact if len(exact) == 1 else list(found.values())[:5]


_PARTY_WORDS = select(
    party_aliases.c.party_id,
    party_aliases.c.alias,
    party_aliases.c.search_key,
    party_aliases.c.acronym,
).order_by(party_aliases.c.party_id, party_aliases.c.id)


@dataclass(frozen=True)
class JointMatch:
    """A combination of parties as a joint row of the table names them ("CNRP / Candlelight")."""

    parties: tuple[PartyMatch, ...]
    typed: str

    @property
    def name(self) -> str:
        return " / ".join(p.name for p in self.parties)


def is_joint_text(text: str) -> bool:
    """Whether a party text names several parties the way a joint row does ("A / B").

    >>> is_joint_text("CNRP / Candlelight"), is_joint_text("Candlelight")
    (True, False)
    """
    return "/" in text and all(part.strip() for part in text.split("/"))


def resolve_joint(
    desk: Desk,
    text: str,
    command: str,
    conn: Connection | None = None,
    choice: Choice | None = None,
) -> JointMatch | Answer:
    """Each party of ``A / B`` (see :func:`is_joint_text`), or the answer for the first part
    that names no one party (its buttons put the chosen name in that part's place)."""
    parts = [" ".join(part.split()) for part in text.split("/")]
    found: list[PartyMatch] = []
    for i, part in enumerate(parts):

        def in_place(name: str, i: int = i) -> str:
            whole = " / ".join(name if j == i else p for j, p in enumerate(parts))
            return choice(whole) if choice else f"/{command} {whole}"

        match = resolve_party(desk, part, command, conn, in_place)
        if isinstance(match, Answer):
            return match
        if any(m.id == match.id for m in found):
            return fail(
                command, _("“{text}” names {name} twice.").format(text=text, name=match.name)
            )
        found.append(match)
    return JointMatch(tuple(found), text)


def data_window(desk: Desk, conn: Connection) -> tuple[int, tuple[date, date] | None]:
    """What undated words mean here: the latest year with data (a month or day without a
    year is in it), and the first and last day with data (where "since May" stops and "last
    month" is counted back from)."""
    span = data_span(conn)
    return (span[1].year if span else desk.today().year), span


def claimed_by(answer: Answer, refs: Citations, pairs: list[tuple[SourceInfo, str]]) -> None:
    """Say who made the claims behind a figure and where they were tallied."""
    for source, claimant in pairs:
        answer.line(italic(f"{claimed_by_line(claimant, refs.ref(source))} {CLAIM_CAVEAT}"))


OUTLETS_LISTED = 12


def reported_by(
    answer: Answer, db: Reader, start: date | None, end: date | None, party_id: int | None
) -> None:
    """Name every outlet that published the claims behind a figure (the claims added through
    intake have theirs, bot/storage/claim_sources.py); nothing when none has one."""
    name_outlets(answer, outlets_between(db, start, end, party_id=party_id))


def name_outlets(answer: Answer, outlets: list[str]) -> None:
    """The line of :func:`reported_by` for outlets already found.

    >>> from bot.core.render import to_plain
    >>> answer = Answer(command="compare")
    >>> name_outlets(answer, ["Fresh News", "CamboJA"]); name_outlets(answer, [])
    >>> to_plain(answer)
    'Outlets that reported these claims: Fresh News, CamboJA.'
    """
    if not outlets:
        return
    shown = ", ".join(outlets[:OUTLETS_LISTED])
    if len(outlets) > OUTLETS_LISTED:
        more = number(len(outlets) - OUTLETS_LISTED)
        shown += _(" and {n} more (/sources)").format(n=more)
    answer.line(italic(_("Outlets that reported these claims: {outlets}.").format(outlets=shown)))


def reports(n: int) -> str:
    return ngettext("{n} report", "{n} reports", n).format(n=number(n))


def defectors(n: int) -> str:
    return ngettext("{n} claimed defector", "{n} claimed defectors", n).format(n=number(n))


def defector_word(n: int) -> str:
    """The noun after a count shown apart (in bold): "1 claimed defector", "2 claimed defectors"."""
    return ngettext("claimed defector", "claimed defectors", n)


def people(n: int) -> str:
    return ngettext("{n} person", "{n} people", n).format(n=number(n))


_HOW = {
    "exact": N_("exact match"),
    "acronym": N_("acronym match"),
    "fuzzy": N_("fuzzy match"),
    "word": N_("word match"),
}


def how_matched(how: str) -> str:
    """How a candidate matched ("fuzzy match"), in the answer's language."""
    return _(_HOW[how]) if how in _HOW else f"{how} match"


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
        _(
            "The data covers reports dated {span}, so it says nothing either way about "
            "{label} — not that no defections were claimed then."
        ).format(span=range_text(*span), label=label)
    )
    sampled(answer, refs, sources)


def partly_outside(answer: Answer, period: Period, span: tuple[date, date]) -> None:
    """Say which days of the period the data covers, when it does not cover all of them."""
    if period.start < span[0] or period.end > span[1]:
        answer.line(
            italic(
                _("The data covers reports dated {span}: the rest of {label} is not in it.").format(
                    span=range_text(*span), label=shown(period)
                )
            )
        )


@dataclass(frozen=True)
class PersonMatch:
    id: int
    name: str
    how: str
    score: float


def resolve_person(
    desk: Desk, text: str, command: str, conn: Connection, choice: Choice | None = None
) -> PersonMatch | Answer:
    """The person ``text`` names, as /who finds them (an exact spelling, else the one clear
    best match), or an answer listing the candidates or saying no one matched; ``choice``
    as for :func:`resolve_party`."""
    button = choice or (lambda name: f"/{command} {name}")
    index = desk.people(conn)
    candidates = index.resolve(text, limit=6)
    exact = [c for c in candidates if c.how in ("exact", "acronym")]
    chosen = candidates[0] if len(candidates) == 1 else (exact[0] if len(exact) == 1 else None)
    if chosen is not None:
        return PersonMatch(chosen.target, _person_names(conn, [chosen.target])[chosen.target],
                           chosen.how, chosen.score)  # fmt: skip
    if candidates:
        names = _person_names(conn, [c.target for c in candidates])
        answer = Answer(command=command, ok=False)
        answer.line(_("“{text}” matches more than one person. Did you mean:").format(text=text))
        for c in candidates:
            answer.bullet(
                bold(names[c.target]),
                _(" — {how}, score {score}").format(
                    how=how_matched(c.how), score=number(round(c.score))
                ),
            )
            answer.buttons.append(Button(names[c.target], button(names[c.target])))
        return answer
    answer = fail(command, _("No one called “{text}” is in the data.").format(text=text))
    close = index.suggest(text, limit=3)
    if close:
        names = _person_names(conn, [c.target for c in close])
        answer.line(
            _("Closest names: {names}.").format(names=", ".join(names[c.target] for c in close))
        )
        answer.buttons.extend(Button(names[c.target], button(names[c.target])) for c in close)
    return answer


def _person_names(conn: Connection, ids: list[int]) -> dict[int, str]:
    p = tables.people.c
    rows = conn.execute(select(p.id, p.name).where(p.id.in_(ids)))
    return {pid: name for pid, name in rows}
