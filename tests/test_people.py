"""/people: people by what happened to them or what they are, and /said: what someone said
(issue 20). What each list must hold was read off the two seed documents and data/*.yaml."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.commands.people import read_people
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import BOT_USERNAME, GROUP, USER, expected, running_bot


def listed(desk: Desk, command: str) -> tuple[str, list[str]]:
    answer = answer_text(desk, command)
    assert answer.ok, to_plain(answer)
    lines = to_plain(answer).splitlines()
    return lines[0], [line[2:] for line in lines if line.startswith("• ")]


def who(entries: list[str]) -> list[str]:
    return [entry.split(" — ")[0] for entry in entries]


@pytest.mark.parametrize(
    ("args", "category", "party", "period"),
    [
        ("fled", "fled", "", None),
        ("CPP spokesperson", "spokesperson", "CPP", None),
        ("named in defection claims May", "named", "", "May 2023"),
        ("arrested Candlelight since June", "arrested", "Candlelight", "since 1 June 2023"),
        ("mass trial defendants", "trial", "", None),
        ("defected to the CPP in April", "defected", "", "April 2023"),
        ("Candlelight", None, "Candlelight", None),
    ],
)
def test_reading_what_is_asked(
    args: str, category: str | None, party: str, period: str | None
) -> None:
    asked = read_people(args, 2023, None)
    assert (asked.category.key if asked.category else None) == category
    assert asked.party_text == party
    assert (asked.period.label if asked.period else None) == period


def test_who_fled_with_each_event_its_date_and_source(desk: Desk) -> None:
    head, entries = listed(desk, "/people fled")
    assert head == "People who fled: 2 people"
    assert entries[0].startswith("Kung Raiya — date not given: Went to Thailand")
    assert entries[1].startswith("Thol Samnang — c. July 2023: Fled Cambodia")
    assert "(our inference: " in entries[1]
    assert entries[2].startswith("Kung Raiya — 9 July 2023: Left Cambodia")
    assert all(entry.endswith("[1]") for entry in entries)  # CamboJA, the one source cited


def test_who_was_arrested_includes_the_unnamed_officials_and_marks_claims(desk: Desk) -> None:
    head, entries = listed(desk, "/people arrested")
    assert head == "People arrested: 3 people and 1 group not named"
    assert who(entries) == [
        "Thoeun Bunthorn",
        "Kong Mas",
        "4 people of the Candlelight Party, not named",
        "Thol Samnang",
    ]
    assert "(claimed by Human Rights Watch)" in entries[3]
    assert "date not given" in entries[3]
    assert "described as “previously arrested for incitement”" in entries[1]
    text = to_plain(answer_text(desk, "/people arrested"))
    assert "Named in pro-government media's claims. These are claims, not verified facts." in text


def test_a_statement_that_mentions_arrest_is_no_arrest(desk: Desk) -> None:
    # Hun Sen threatened to arrest protesters: a statement, not an arrest.
    _, entries = listed(desk, "/people arrested")
    assert "Hun Sen" not in who(entries)


@pytest.mark.parametrize(
    ("command", "people"),
    [
        ("/people jailed", ["Kung Raiya", "Kung Raiya", "Sun Thun"]),
        ("/people convicted", ["Kung Raiya", "Kung Raiya", "Kem Sokha"]),
        ("/people resigned", ["Kung Raiya", "Kung Raiya"]),
        ("/people on trial", ["Tum Bunthorn", "Long Phary"]),
        ("/people spokesperson", ["Kimsour Phirith", "Ros Soveacha", "Sok Eysan"]),
        ("/people spokesperson CPP", ["Sok Eysan"]),
        ("/people leader Khmer Win Party", ["Suong Sophorn"]),
        (
            "/people named May",
            ["Ear Channa", "Pey Pey Ly", "Thoeun Bunthorn", "Kong Mas", "Ket Khy"],
        ),
        ("/people named June", ["Tum Bunthorn", "Sar Longdeth", "Long Phary"]),
        ("/people defected June", ["Tum Bunthorn", "Sar Longdeth", "Kung Raiya", "Long Phary"]),
    ],
)
def test_lists(desk: Desk, command: str, people: list[str]) -> None:
    _, entries = listed(desk, command)
    assert who(entries) == people


def test_a_period_names_the_records_it_cannot_place(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/people defected May"))
    assert (
        "Not placed in May 2023 (the sources give no date): Leok Sothea, Ly Chanvatey, "
        "Sar Longdeth, Sun Thun, Yang Saing Koma, Youk Neang."
    ) in text


def test_a_party_no_one_is_named_leaving_points_to_its_counts(desk: Desk) -> None:
    # The table claims FUNCINPEC defectors in four reports but names none of them.
    answer = answer_text(desk, "/people defected FUNCINPEC")
    text = to_plain(answer)
    assert text.splitlines()[0].endswith(": 0 people")
    assert "Most claims give a count and name no one; the counts: /total FUNCINPEC" in text
    assert answer.buttons[0].command == "/total FUNCINPEC"
    assert "472 claimed defectors in 4 reports" in to_plain(answer_text(desk, "/total FUNCINPEC"))
    dated = answer_text(desk, "/people defected CNRP June")
    assert dated.buttons[0].command == "/total Cambodia National Rescue Party June 2023"


def test_a_party_s_people_and_what_links_them(desk: Desk) -> None:
    head, entries = listed(desk, "/people CPP")
    assert head == "People linked to the Cambodian People's Party: 9 people"
    assert "Sok Eysan — spokesperson, Cambodian People's Party [1]" in entries
    assert "Kung Raiya — June 2023: Joined the CPP [1]" in entries
    assert any(e.startswith("Sun Thun — date not given: Defected to the CPP") for e in entries)


def test_candidates_keep_the_list_asked_for(desk: Desk) -> None:
    answer = answer_text(desk, "/people arrested Democracy")
    assert not answer.ok
    assert "/people arrested Grassroots Democracy Party" in {b.command for b in answer.buttons}


def test_people_without_what_or_party_is_the_usage(desk: Desk) -> None:
    answer = answer_text(desk, "/people")
    assert not answer.ok and "Which people?" in to_plain(answer)


# ------------------------------------------------------------------------------ /said --


def test_what_someone_said_attributed_dated_cited(desk: Desk) -> None:
    answer = answer_text(desk, "/said Sok Eysan")
    lines = to_plain(answer).splitlines()
    assert lines[0] == "What Sok Eysan said, in our words (paraphrases, not quotations)"
    assert lines[1] == "Sok Eysan: spokesperson, Cambodian People's Party [1]"
    assert lines[2].startswith("• c. July 2023 — Denied that anyone is coerced")
    assert lines[2].endswith("[1]")
    assert "quote only from the source itself" in lines[3]
    assert lines[-1].startswith("Cite as: Cambodian Journalists Alliance Association (CamboJA)")
    assert ("/who Sok Eysan", "/who Sok Eysan") in {(b.label, b.command) for b in answer.buttons}


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("/said Ket Khy", "Our sources record no statement by Ket Khy."),
        ("/said Bunthorn", "matches more than one person"),
        ("/said Nobody Here", "No one called “Nobody Here” is in the data."),
    ],
)
def test_said_without_a_statement(desk: Desk, command: str, says: str) -> None:
    assert says in to_plain(answer_text(desk, command))


def test_a_party_s_people_s_statements(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/said CPP"))
    assert "• Khuong Sreng, c. July 2023 — " in text
    assert "• Sok Eysan, c. July 2023 — " in text
    assert "2 statements" in text


# ------------------------------------------------------------------------- in Telegram --


async def test_new_questions_in_a_group_when_addressed_and_in_private(desk: Desk) -> None:
    mention = f"@{BOT_USERNAME}"
    entities = [{"type": "mention", "offset": 0, "length": len(mention)}]
    async with running_bot(desk) as rig:
        rig.fake.push_message(GROUP, USER, "who fled?")  # chatter: not addressed
        rig.fake.push_message(GROUP, USER, f"{mention} who fled?", entities=entities)
        await rig.sent(GROUP, 1)
        (private,) = await rig.say(USER, "what did Sok Eysan say?")
    (group,) = rig.fake.sent_messages(GROUP)
    assert group.text == expected(desk, "who fled?")[0]
    assert (group.text or "").startswith("Showing /people fled\n\nPeople who fled: 2 people")
    assert private.text == expected(desk, "what did Sok Eysan say?")[0]
    assert (private.text or "").startswith("Showing /said Sok Eysan")
    assert rig.rejected() == []
