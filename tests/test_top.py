"""/top: rankings and superlatives (issue 20). Figures tallied by hand from the seed table."""

from __future__ import annotations

import re

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk


def lines(desk: Desk, command: str) -> list[str]:
    answer = answer_text(desk, command)
    assert answer.ok, to_plain(answer)
    return to_plain(answer).splitlines()


def test_parties_in_may_are_ranked_by_their_own_rows(desk: Desk) -> None:
    text = lines(desk, "/top May")
    assert text[0] == "Parties ranked by claimed defectors, May 2023"
    ranked = [line for line in text if re.match(r"\d+=?\. ", line)]
    assert ranked == [
        "1. Candlelight Party: 409 in 25 reports; also in 2 joint rows",
        "2. Cambodia National Rescue Party: 8 in 8 reports; also in 2 joint rows",
        "3=. Cambodia Indigenous People's Democracy Party: 2 in 1 report",
        "3=. League for Democracy Party: 2 in 1 report",
    ]
    assert "• Cambodia National Rescue Party / Candlelight Party: 171 in 2 reports" in text
    assert "• Unnamed Parties (reports that did not say which party): 95 in 1 report" in text
    assert "• Political Analyst (not a party): 1 in 1 report" in text
    assert "Every claim, May 2023: 688 in 39 reports." in text


def test_every_row_is_in_exactly_one_place_of_the_ranking(desk: Desk) -> None:
    """Parties alone + joint combinations + unnamed + not a party = every claim: a joint row
    is counted once, as joint, never as "unnamed" nor for one of its parties."""
    text = "\n".join(lines(desk, "/top"))
    figures = [
        int(f.replace(",", "")) for f in re.findall(r"(?m)^(?:\d+=?\. |• ).*?: ([\d,]+) in", text)
    ]
    assert sum(figures) == 6476
    assert "• Candlelight Party / Unnamed Parties: 193 in 2 reports" in text
    assert "• Unnamed Parties (reports that did not say which party): 193 in 3 reports" in text
    assert "1. Candlelight Party: 4,716 in 60 reports; also in 7 joint rows" in text


def test_the_largest_claims_say_their_ties(desk: Desk) -> None:
    text = lines(desk, "/top claims CNRP")
    assert text[0].startswith("Largest single claims naming Cambodia National Rescue Party")
    assert text[2] == "1. 07/06/2023 · 200 · Cambodia National Rescue Party [1]"
    assert (
        text[3]
        == "2. 21/05/2023 · 120 · Cambodia National Rescue Party / Candlelight Party (joint row) [1]"
    )
    ranked = [line for line in text if re.match(r"\d+=?\. ", line)]
    assert len(ranked) == 10 and ranked[-1].startswith("10=. ")
    # 31 rows name the CNRP (26 alone, 5 joint); 22 of them are of 1, one listed
    assert "… and 21 more rows of 1, tied with the last one listed (/export)." in text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/top days", ["1. 26/06/2023: 1,201 in 4 reports", "2. 29/06/2023: 1,071 in 8 reports",
                       "3. 07/06/2023: 765 in 5 reports (31 of them in 1 joint row, not split)"]),
        ("/top 2 weeks", ["1. week of 26 June – 2 July 2023: 2,281 in 18 reports",
                          "2. week of 12–18 June 2023: 1,300 in 13 reports"]),
        ("/top months", ["1. June 2023: 4,942 in 55 reports (236 of them in 5 joint rows, not split)",
                         "2=. January 2023: 688 in 3 reports",
                         "2=. May 2023: 688 in 39 reports (171 of them in 2 joint rows, not split)"]),
        ("/top 3 days Candlelight June", ["1. 26/06/2023: 987 in 2 reports",
                                          "2. 13/06/2023: 717 in 4 reports",
                                          "3. 29/06/2023: 616 in 2 reports"]),
    ],
)  # fmt: skip
def test_busiest_days_weeks_and_months(desk: Desk, command: str, expected: list[str]) -> None:
    ranked = [line for line in lines(desk, command) if re.match(r"\d+=?\. ", line)]
    assert ranked[: len(expected)] == expected


def test_a_party_s_busiest_weeks_leave_its_joint_rows_apart(desk: Desk) -> None:
    # 5–11 June: CNRP alone 1 + 200 + 1 = 202; with the Candlelight Party jointly 31 + 9
    text = lines(desk, "/top weeks CNRP")
    assert (
        "1. week of 5–11 June 2023: 202 in 3 reports (also 40 in 2 joint rows naming it with "
        "another party, not included)"
    ) in text


def test_a_week_cut_by_the_period_says_so(desk: Desk) -> None:
    assert (
        "1. week of 26 June – 2 July 2023: 2,281 in 18 reports (only 26–30 June 2023 counted)"
        in (lines(desk, "/top weeks since May"))
    )


def test_every_ranking_cites_who_claimed_it(desk: Desk) -> None:
    for command in ("/top", "/top claims June", "/top days", "/top weeks"):
        text = "\n".join(lines(desk, command))
        assert "Claimed by pro-government media, chiefly Fresh News; tallied in [1]." in text
        assert "These are claims, not verified facts." in text
        assert "\nCite as: Unattributed analysis" in text


def test_no_claims_in_the_period_says_what_the_data_covers(desk: Desk) -> None:
    text = lines(desk, "/top claims July")
    assert text == ["No claims in July 2023.", "The data covers 21 January – 30 June 2023."]


def test_candidates_keep_the_rest_of_the_ranking(desk: Desk) -> None:
    answer = answer_text(desk, "/top 3 days Democracy June")
    assert not answer.ok
    assert "/top 3 days Grassroots Democracy Party June 2023" in {b.command for b in answer.buttons}


def test_ranking_one_party_is_refused_with_the_usage(desk: Desk) -> None:
    answer = answer_text(desk, "/top parties Candlelight")
    assert not answer.ok and "/top [N]" in to_plain(answer)
