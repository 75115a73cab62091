"""``/who``: person cards, fuzzy spellings, ambiguity, no match."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.core.answer import Answer
from bot.core.render import to_plain
from bot.desk import Desk


def card(desk: Desk, name: str) -> tuple[Answer, str]:
    answer = answer_text(desk, f"/who {name}")
    return answer, to_plain(answer)


def test_kung_raiya_card(desk: Desk) -> None:
    answer, text = card(desk, "Kung Raiya")
    assert answer.ok
    lines = text.splitlines()
    assert lines[0] == "Kung Raiya"
    assert "member of the central committee (former) — Candlelight Party" in text
    # Timeline in date order, each event with a source reference.
    order = [
        text.index(s)
        for s in (
            "2015 — Convicted",
            "2017 — Released",
            "2020 — Convicted",
            "16 June 2023 — Resigned",
            "June 2023 — Defected",
            "19 June 2023 — Appointed",
            "9 July 2023 — Fled",
        )
    ]
    assert order == sorted(order)
    # The resignation rests on the Candlelight spokesperson's word: worded as his claim.
    assert (
        "16 June 2023 — Resigned from the Candlelight Party "
        "(claimed by Kimsour Phearith, Candlelight spokesperson)"
    ) in text
    assert "Status: as of c. July 2023" in text
    assert "left Cambodia citing fear for his safety" in text.split("Status:")[1]
    assert "no longer in the Cambodian People's Party" in text.split("Status:")[1]
    assert "CamboJA" in text and "[1]" in text and "Sources:" in text
    assert (
        "Party history: Candlelight Party → left the Candlelight Party (16 June 2023, claimed by "
        "Kimsour Phearith, Candlelight spokesperson) → "
        "Cambodian People's Party (June 2023) → left the Cambodian People's Party "
        "(c. July 2023)"
    ) in text


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("kung raya", "Kung Raiya"),
        ("KUNG RAIYA", "Kung Raiya"),
        ("Sarlong Det", "Sar Longdeth"),
        ("Kimsour Phearith", "Kimsour Phirith"),
        ("Khoung Sreng", "Khuong Sreng"),
        ("Samdech Hun Sen", "Hun Sen"),
        ("Raiya", "Kung Raiya"),
    ],
)
def test_spelling_variants_find_the_person(desk: Desk, typed: str, canonical: str) -> None:
    answer, text = card(desk, typed)
    assert answer.ok, text
    assert text.splitlines()[0] == canonical


def test_alias_spellings_are_listed(desk: Desk) -> None:
    _, text = card(desk, "Sar Longdeth")
    assert "Also spelled: Sarlong Det" in text
    assert (
        "13/06/2023 — Named in a defection claim: 1 from Candlelight Party, described as "
        "“Phnom Penh working group head”; claimed by pro-government media" in text
    )


def test_person_known_only_from_the_table(desk: Desk) -> None:
    answer, text = card(desk, "Long Phary")
    assert answer.ok
    assert "19/06/2023 — Named in a defection claim" in text
    assert "Known only from a pro-government defection claim" in text
    assert (
        "Party history: claimed to have left the Cambodia National Rescue Party "
        "(19/06/2023, a pro-government claim)"
    ) in text


def test_ambiguous_name_lists_candidates_with_buttons(desk: Desk) -> None:
    answer, text = card(desk, "Bunthorn")
    assert not answer.ok
    assert "matches more than one person" in text
    assert {b.command for b in answer.buttons} == {"/who Tum Bunthorn", "/who Thoeun Bunthorn"}
    assert "score" in text


def test_different_people_sharing_a_family_name_are_not_confused(desk: Desk) -> None:
    answer, text = card(desk, "Sam Inn")
    assert answer.ok and text.splitlines()[0] == "Sam Inn"
    answer, text = card(desk, "Sem Hak")
    assert answer.ok and text.splitlines()[0] == "Sem Hak"


def test_no_match_suggests_closest(desk: Desk) -> None:
    answer, text = card(desk, "Sam Rainsy")
    assert not answer.ok
    assert "No one called “Sam Rainsy” is in the data." in text
    assert "Closest names:" in text and answer.buttons


def test_who_without_a_name_asks_for_one(desk: Desk) -> None:
    answer, text = card(desk, "")
    assert not answer.ok and "Whom should I look up?" in text


def test_candidate_names_come_from_the_index_or_else_the_database(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Suggestions and ambiguous answers name people without reading the database: the name
    index keeps each person's name (one of their aliases). Where it has none the database is
    read, and the answer is the same."""
    from sqlalchemy import select

    from bot.core.matcher import NameIndex
    from bot.storage.tables import people

    with desk.connect() as conn:
        stored = dict(conn.execute(select(people.c.id, people.c.name)).all())
    index = desk.people()
    assert {i: index.name_of(i) for i in stored} == stored
    assert index.name_of(max(stored) + 1) is None
    texts = ["/who Sam Rainsy", "/who Bunthorn"]
    with_index = [to_plain(answer_text(desk, t)) for t in texts]
    monkeypatch.setattr(NameIndex, "name_of", lambda self, target: None)
    assert [to_plain(answer_text(desk, t)) for t in texts] == with_index
    assert "Tum Bunthorn" in with_index[1] and "Closest names:" in with_index[0]
