"""Labelled name pairs: whom /who finds for names spelled as the press spells them.

>>> pairs = load_pairs()
>>> sum(p.same for p in pairs) >= 300, sum(not p.same for p in pairs) >= 60
(True, True)

tests/data/name_pairs.tsv holds two kinds of pair:

- **same**: a query naming a person of the seed data, spelled another way (ey/ei/ay, ea/ia/ie,
  ou/u/o, oeu/eu, chh/ch, final h or th, doubled letters, spacing and hyphens, word order,
  honorifics) or with one typing mistake. That person must be what /who shows first: the
  person it answers with, or the first of the names it lists.
- **other**: a query naming someone the index does not hold, who shares a family name (or
  a given name) with someone it does. /who must not answer it with anyone's card; listing
  names ("did you mean") is fine.

The index is the seed data's people as ``desk load`` stores them, plus the people the file
lists (real public figures and a few made-up names), so that near namesakes compete; for an
*other* pair the person its query names is left out. bench/names.py reports the same figures
beside a plain rapidfuzz baseline (bench/RESULTS.md).
"""

from __future__ import annotations

import doctest
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.commands.who import _clear_winner
from bot.core.matcher import AliasEntry, NameIndex

PAIRS = Path(__file__).parent / "data" / "name_pairs.tsv"


@dataclass(frozen=True, slots=True)
class Pair:
    """One labelled query: `person` is whom it names (same) or must not be taken for (other)."""

    query: str
    person: str
    same: bool
    pattern: str
    leave_out: str = ""  # other pairs: the index's person the query names, left out

    def __str__(self) -> str:
        return f"{self.query} -> {self.person}"


def _rows() -> list[list[str]]:
    lines = PAIRS.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def load_pairs() -> list[Pair]:
    """The labelled pairs, in file order."""
    return [
        Pair(row[1], row[2], row[0] == "same", row[3], *row[4:5])
        for row in _rows()
        if row[0] in ("same", "other")
    ]


def extra_people() -> list[str]:
    """The people the index holds besides the seed data's."""
    return [row[1] for row in _rows() if row[0] == "person"]


@dataclass(frozen=True)
class People:
    """Everyone the pair tests look up, as alias rows, and each person's name by id."""

    rows: tuple[AliasEntry, ...]
    names: dict[int, str]

    def index(self, leave_out: str = "") -> NameIndex:
        return NameIndex(row for row in self.rows if self.names[row.target] != leave_out)

    def id_of(self, name: str) -> int:
        return next(pid for pid, known in self.names.items() if known == name)


@functools.cache
def people() -> People:
    """The seed data's people with their aliases (loaded as ``desk load`` does), and the extras."""
    from sqlalchemy import select

    from bot.desk import Desk
    from bot.storage.queries import PERSON_ALIAS_ENTRIES
    from bot.storage.tables import people as people_table

    desk = Desk.open("sqlite://")
    with desk.connect() as conn:
        rows = [AliasEntry(*row) for row in conn.execute(PERSON_ALIAS_ENTRIES)]
        found = conn.execute(select(people_table.c.id, people_table.c.name))
        names: dict[int, str] = {pid: name for pid, name in found}
    desk.engine.dispose()
    first = max(names) + 1
    for n, name in enumerate(extra_people(), first):
        names[n] = name
        rows.append(AliasEntry(n, name, canonical=True))
    return People(tuple(rows), names)


def shown_first(index: NameIndex, query: str) -> int | None:
    """Whom /who shows first: the answer or first candidate, else the first suggestion."""
    found = index.resolve(query, limit=6) or index.suggest(query, limit=3)
    return found[0].target if found else None


def answered(index: NameIndex, query: str) -> int | None:
    """Whom /who answers with a person's card, by its own rule (bot.commands.who)."""
    candidates = index.resolve(query, limit=6)
    chosen = _clear_winner(candidates) if candidates else None
    return chosen.target if chosen else None


@pytest.fixture(scope="module")
def everyone() -> People:
    return people()


@pytest.fixture(scope="module")
def full_index(everyone: People) -> NameIndex:
    return everyone.index()


def test_the_pair_file_is_large_and_names_known_people(everyone: People) -> None:
    pairs = load_pairs()
    same = [p for p in pairs if p.same]
    other = [p for p in pairs if not p.same]
    assert len(same) >= 300 and len(other) >= 60
    seed = set(list(everyone.names.values())[: -len(extra_people())])
    assert {p.person for p in same} <= seed  # every seed person has queries ...
    assert seed - {p.person for p in same} == set()  # ... and every query a seed person
    known = set(everyone.names.values())
    assert {p.person for p in other} <= known
    assert {p.leave_out for p in other if p.leave_out} <= known
    assert len({(p.query, p.person) for p in pairs}) == len(pairs)  # no pair twice
    # A query of an *other* pair names no one left in its index.
    for p in other:
        assert p.query not in known - {p.leave_out}, p


@pytest.mark.parametrize("pair", [p for p in load_pairs() if p.same], ids=str)
def test_the_person_named_is_shown_first(
    pair: Pair, everyone: People, full_index: NameIndex
) -> None:
    got = shown_first(full_index, pair.query)
    assert got == everyone.id_of(pair.person), (
        f"{pair.pattern}: {pair.query!r} shows {everyone.names.get(got or -1)!r} first"
    )


@pytest.mark.parametrize("pair", [p for p in load_pairs() if not p.same], ids=str)
def test_someone_else_is_never_the_answer(pair: Pair, everyone: People) -> None:
    got = answered(everyone.index(pair.leave_out), pair.query)
    assert got is None, f"{pair.pattern}: {pair.query!r} answered as {everyone.names[got]!r}"


def test_most_respellings_are_answered_not_only_listed(
    everyone: People, full_index: NameIndex
) -> None:
    """Respellings (not typing mistakes) get the card itself, not a list to choose from."""
    respelled = [p for p in load_pairs() if p.same and not p.pattern.startswith("typo")]
    hits = [p for p in respelled if answered(full_index, p.query) == everyone.id_of(p.person)]
    missed = [str(p) for p in respelled if p not in hits]
    assert len(hits) >= 0.97 * len(respelled), missed


def test_what_the_bot_says(everyone: People) -> None:
    """The same through /who on the seed data: a card, a list, or nothing matched."""
    from bot.commands import answer_text
    from bot.core.render import to_plain
    from bot.desk import Desk

    desk = Desk.open("sqlite://")
    try:
        card = answer_text(desk, "/who Sok Eisan")
        assert card.ok and to_plain(card).splitlines()[0] == "Sok Eysan"
        other = answer_text(desk, "/who Kem Monovithya")
        assert not other.ok and "Closest names: Kem Sokha" in to_plain(other)
        candle = answer_text(desk, "/who 🕯️")
        text = to_plain(candle)
        assert not candle.ok and "No one called" in text and "Closest" not in text
        assert candle.buttons == []
    finally:
        desk.engine.dispose()


def test_doctests() -> None:
    assert doctest.testmod(sys.modules[__name__]).failed == 0
