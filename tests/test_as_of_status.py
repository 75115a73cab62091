"""``/who NAME as of DATE``: the status line and the party history use only what was true by
that day, and the status line names the party the person was in.

What the CamboJA report (seed 004) says of Kung Raiya, read by hand: convicted in 2015,
released 2017, convicted again in 2020 and escaped the sentence by going to Thailand (no date
given); resigned from the Candlelight Party on 16 June 2023 (the Candlelight spokesperson's
claim); joined the CPP in June 2023 and was appointed Education Ministry advisor on 19 June
"after defecting"; left Cambodia on 9 July; resigned from the CPP on a Tuesday of July.
"""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk

CPP = "Cambodian People's Party"


def card(desk: Desk, day: str) -> tuple[str, str, str]:
    """(status line, party history line, whole card) of Kung Raiya as of ``day``."""
    text = to_plain(answer_text(desk, f"/who Kung Raiya as of {day}"))
    (status,) = [line for line in text.splitlines() if line.startswith("Status on ")]
    (history,) = [line for line in text.splitlines() if line.startswith("Party history: ")]
    return status, history, text


def test_end_of_june_leads_with_the_party_not_2020(desk: Desk) -> None:
    status, history, _ = card(desk, "30 June 2023")
    assert status.startswith(f"Status on 30 June 2023: last known party: {CPP}; ")
    assert "Thailand" not in status
    # The latest change by then is named; the 2020 conviction comes after it, as earlier.
    assert "latest recorded change: appointed advisor to the Ministry of Education" in status
    assert "(19 June 2023)" in status
    assert status.index("earlier: convicted of incitement again") > status.index("19 June")
    assert history.endswith(f"→ {CPP} (June 2023)")


def test_after_the_appointment_he_had_joined_the_cpp(desk: Desk) -> None:
    # Appointed on 19 June "after defecting": by 20 June he was in the CPP, although the
    # report dates the defection only "June".
    status, history, text = card(desk, "20 June 2023")
    assert f"last known party: {CPP}" in status
    assert "no later party recorded" not in status and "no longer in" not in status
    assert history.endswith(f"→ {CPP} (June 2023)")
    assert "(may be after 20 June 2023)" not in text.split("Joined the CPP")[1].splitlines()[0]
    assert "joined the CPP (June 2023)" not in text  # not among the events not counted


@pytest.mark.parametrize("day", ["10 June 2023", "1 June 2023", "15 June 2023"])
def test_before_leaving_candlelight(desk: Desk, day: str) -> None:
    # He left Candlelight on 16 June and joined the CPP after: neither is in the card yet.
    status, history, text = card(desk, day)
    assert history == "Party history: Candlelight Party"
    assert CPP not in history and CPP not in status
    assert status.startswith(f"Status on {day}: in the Candlelight Party")
    assert "Joined the CPP" not in text and "16 June" not in text


def test_undated_events_are_shown_but_not_counted(desk: Desk) -> None:
    status, _, text = card(desk, "30 June 2023")
    assert "Went to Thailand" in text and "(may be after 30 June 2023)" in text
    assert "went to Thailand" not in status
    assert "Not counted, as their dates may fall after that day: went to Thailand" in text


def test_the_full_card_names_the_party_first(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/who Kung Raiya"))
    (status,) = [line for line in text.splitlines() if line.startswith("Status: ")]
    assert status.startswith(
        f"Status: as of c. July 2023: no longer in the {CPP}, no later party recorded; "
    )
    assert "left Cambodia citing fear for his safety" in status
