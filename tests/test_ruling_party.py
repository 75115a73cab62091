"""The ruling party: every claim in the table is a defection *to* the CPP (the table is titled
so), and no row names it as the party left. /total CPP gives the figure of every claim, not
"0 in 0 reports"; /parties lists it apart, as the party joined, not among the former parties.

Expected figures: the seed table read by tests/seed_rows.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.seed_rows import seed_rows, tally

CPP = "Cambodian People's Party"


def test_no_row_names_the_cpp_as_the_party_left() -> None:
    named = {p.replace("’", "'") for r in seed_rows() for p in r.parties}
    assert CPP not in named and "CPP" not in named


@pytest.mark.parametrize(
    ("question", "label", "period"),
    [
        ("/total CPP", "all dates in the data (21 January – 30 June 2023)", (None, None)),
        ("/total cpp june", "June 2023", (date(2023, 6, 1), date(2023, 6, 30))),
        ("/total Cambodian People's Party 2023", "2023", (None, None)),
    ],
)
def test_total_for_the_party_joined(
    desk: Desk, question: str, label: str, period: tuple[date | None, date | None]
) -> None:
    answer = answer_text(desk, question)
    said = to_plain(answer)
    people, count = tally(lambda r: True, *period)
    assert said.splitlines()[0] == (
        f"{CPP}, {label}: the party the defectors are claimed to have joined."
    )
    assert (
        f"Every claim in the data is a claimed defection to the {CPP}: {people:,} claimed "
        f"defectors in {count} reports."
    ) in said
    assert "No row names it as the party the defectors left." in said
    assert "0 in 0" not in said and "0 claimed defectors" not in said
    assert "Claimed by pro-government media, chiefly Fresh News" in said
    # Its rows are every row: the export offered is that of the period, not of a party.
    assert [b.command for b in answer.buttons][-1].startswith("/export")
    assert CPP not in answer.buttons[-1].command


def test_parties_lists_it_apart(desk: Desk) -> None:
    said = to_plain(answer_text(desk, "/parties"))
    former, joined = said.split("The party joined")
    assert CPP not in former
    people, count = tally(lambda r: True)
    assert (
        f"• {CPP} (CPP): every claim is a claimed defection to it — {people:,} in {count} reports"
    ) in joined
