"""``/parties``, ``/sources``, ``/about``, ``/help``, ``/start``."""

from __future__ import annotations

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.conftest import ANALYSIS_CITATION


def text_of(desk: Desk, command: str) -> str:
    answer = answer_text(desk, command)
    assert answer.ok
    return to_plain(answer)


def test_parties_lists_sole_totals_and_joint_counts(desk: Desk) -> None:
    text = text_of(desk, "/parties")
    assert "• Candlelight Party (CLP): 4,716 in 60 reports; also in 7 reports jointly" in text
    assert (
        "• Cambodia National Rescue Party (CNRP): 380 in 26 reports; also in 5 reports "
        "jointly — dissolved 2017" in text
    )
    assert "• Political Analyst: 1 in 1 report — not a party" in text
    assert "Unnamed Parties: 193 in 3 reports; also in 2 reports jointly — party not named" in text
    # Real parties first, the two labels last.
    assert text.index("Khmer Win Party") < text.index("Political Analyst")
    # a party the list keeps for intake but no claim names is no former party "in the claims"
    assert "Khmer Will Party" not in text and "in 0 reports" not in text


def test_sources_describe_each_document(desk: Desk) -> None:
    text = text_of(desk, "/sources")
    assert "Cambodian Journalists Alliance Association (CamboJA) — news report, July 2023" in text
    assert "Table: 110 rows, adding up to 6,476 claimed defectors (its text says 6,473)" in text
    assert f"Cite as: {ANALYSIS_CITATION}" in text


def test_about_covers_every_caveat(desk: Desk) -> None:
    text = text_of(desk, "/about")
    for fragment in (
        "Claims, not facts",
        "Fresh News",
        "states 6,473 defections",
        "adds up to 6,476",
        "7 reports (407 people) name two parties",
        "dissolved in 2017",
        "“Political Analyst”",
        "“activists”",
    ):
        assert fragment in text, fragment


def test_help_and_start_list_commands(desk: Desk) -> None:
    for command in ("/help", "/start"):
        text = text_of(desk, command)
        for usage in (
            "/who NAME",
            "/total [PARTY] [PERIOD]",
            "/on DATE",
            "/summary [WEEK]",
            "/parties",
            "/sources",
            "/about",
        ):
            assert usage in text


def test_unknown_command_and_plain_text(desk: Desk) -> None:
    assert not answer_text(desk, "/frobnicate").ok
    assert not answer_text(desk, "hello").ok
    assert answer_text(desk, "/who@DefectionDeskBot Kung Raiya").ok


def test_overlong_argument_is_refused_politely(desk: Desk) -> None:
    answer = answer_text(desk, "/who " + "x" * 100_000)
    assert not answer.ok and "too long" in to_plain(answer)
