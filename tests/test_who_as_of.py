"""``/who NAME as of DATE``: the status line computed from the events up to that day (Kung Raiya
joined the CPP in June 2023 and left it, and Cambodia, in July 2023)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands import answer_text
from bot.commands.who import answer_who, split_as_of
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import USER, expected, running_bot


def status(desk: Desk, question: str) -> str:
    text = to_plain(answer_text(desk, question))
    (line,) = [line for line in text.splitlines() if line.startswith("Status")]
    return line


def test_before_and_after_july_2023(desk: Desk) -> None:
    june = status(desk, "/who Kung Raiya as of 30 June 2023")
    assert june.startswith("Status on 30 June 2023: ")
    assert "last known party: Cambodian People's Party" in june
    assert "left Cambodia" not in june
    august = status(desk, "/who Kung Raiya as of 1 August 2023")
    assert "no longer in the Cambodian People's Party, no later party recorded" in august
    assert "left Cambodia citing fear for his safety" in august
    # Today's card says the same as August's: nothing later is recorded.
    assert "no longer in the Cambodian People's Party" in status(desk, "/who Kung Raiya")


def test_a_month_means_its_last_day(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/who Kung Raiya as of July 2023"))
    assert text.splitlines()[0] == "Kung Raiya — as of 31 July 2023 (the end of July 2023)"
    assert split_as_of("Kung Raiya as of 2023", 2023)[1] == date(2023, 12, 31)


def test_coarse_dates_are_not_counted_either_way(desk: Desk) -> None:
    # "Joined the CPP" is dated June 2023 only: by 18 June it may or may not have happened
    # (the appointment "after joining" is of 19 June; see tests/test_as_of_status.py for 20 June).
    text = to_plain(answer_text(desk, "/who Kung Raiya as of 18 June 2023"))
    assert (
        "no longer in the Candlelight Party (claimed by Kimsour Phearith, Candlelight "
        "spokesperson), no later party recorded"
    ) in text
    # The flight to Thailand has no date in the source: it cannot be counted either.
    assert (
        "Not counted, as their dates may fall after that day: went to Thailand and so did not "
        "serve the two-year sentence (the report does not say when) (date not given); "
        "joined the CPP (June 2023)."
    ) in text
    assert "Joined the CPP (may be after 18 June 2023)" in text


def test_later_entries_are_left_out(desk: Desk) -> None:
    answer = answer_text(desk, "/who Kung Raiya as of 1 June 2023")
    text = to_plain(answer)
    assert "9 July 2023" not in text and "16 June 2023" not in text
    # The June move to the CPP came after the 16 June resignation: it is a later entry too.
    assert "6 later entries not shown; /who Kung Raiya gives the full card." in text
    assert [(b.label, b.command) for b in answer.buttons] == [("Full card", "/who Kung Raiya")]


def test_loose_spellings_and_forms(desk: Desk) -> None:
    want = status(desk, "/who Kung Raiya as of 30 June 2023")
    for question in (
        "/who kung raya as of 30/06/2023",
        "/who Kung Raiya AS OF 2023-06-30",
        "/who Kung Raiya as at 30 June",
    ):
        assert status(desk, question) == want
    assert to_plain(answer_who(desk, "Kung Raiya", as_of=date(2023, 6, 30))).startswith(
        "Kung Raiya — as of 30 June 2023"
    )


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        ("/who Kung Raiya as of 31/06/2023", "31/06/2023 is not a date: June 2023 has 30 days."),
        ("/who Nobody Anywhere as of 30 June 2023", "No one called “Nobody Anywhere”"),
    ],
)
def test_errors(desk: Desk, question: str, fragment: str) -> None:
    answer = answer_text(desk, question)
    assert not answer.ok and fragment in to_plain(answer)


async def test_as_of_through_the_bot(desk: Desk) -> None:
    question = "/who Kung Raiya as of 30 June 2023"
    async with running_bot(desk) as rig:
        (reply,) = await rig.say(USER, question)
    assert reply.text == expected(desk, question)[0]
    buttons = reply.message["reply_markup"]["inline_keyboard"]
    assert buttons[0] == [{"text": "Full card", "callback_data": "/who Kung Raiya"}]
    assert [b["text"] for row in buttons[1:] for b in row] == ["Copy citation", "Share in another chat"]
    assert rig.rejected() == []
