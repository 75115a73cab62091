"""What a Khmer answer shows: periods and dates in Khmer, parties' and people's Khmer names,
Khmer words for errors and uploads; English answers and the commands behind buttons unchanged.

The figures of every command in both languages are compared in tests/test_language.py; here,
what the Khmer answer writes around them.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.commands import answer_text
from bot.commands.curation import upload_table
from bot.commands.registry import console_chat
from bot.core.i18n import _, in_language
from bot.core.khmer import has_khmer_letters
from bot.core.period_text import shown
from bot.core.periods import parse_day_or_range, parse_period, parse_week
from bot.core.render import to_plain
from bot.desk import Desk
from bot.errors import InputError, Problem, StorageError
from bot.storage.khmer_names import khmer_spellings
from handlers.inline import found

SPAN = (date(2023, 1, 21), date(2023, 6, 30))
# Every shape of period a reader can ask for: plain, relative (with their notes), weeks.
PERIODS = [
    "June", "June 2023", "2023", "Q2 2023", "H1", "May-June 2023", "1/5/2023 - 15/6/2023",
    "26-29 June 2023", "29/06/2023", "second half of June", "since May", "until 15 March",
    "before June", "last month", "last week", "last quarter", "last year", "the last 7 days",
    "the last 2 weeks", "last 3 months", "2023-W26", "week 20", "the week of 26 June",
    "28 December 2022 - 3 January 2023", "2022-2023",
]  # fmt: skip
_LATIN = re.compile(r"[A-Za-z]")


def khmer(desk: Desk, line: str) -> str:
    return to_plain(answer_text(desk, line, console_chat("km")))


def english(desk: Desk, line: str) -> str:
    return to_plain(answer_text(desk, line, console_chat("en")))


@pytest.mark.parametrize("text", PERIODS)
def test_a_period_reads_in_khmer_and_its_label_stays_english(text: str) -> None:
    period = parse_period(text, latest_year=2023, data=SPAN)
    assert shown(period) == period.label  # English answers show the label as it always was
    with in_language("km"):
        said = shown(period)
    assert not _LATIN.search(said), said  # months, digits and notes all in Khmer
    assert has_khmer_letters(said)
    assert period.label == parse_period(text, latest_year=2023, data=SPAN).label


def test_weeks_and_ranges_read_in_khmer() -> None:
    with in_language("km"):
        week = shown(parse_week("this", today=date(2023, 6, 28)))
        days = shown(parse_day_or_range("26-29 June 2023", default_year=2023))
    assert week == "សប្តាហ៍ ពីថ្ងៃទី២៦ ខែមិថុនា ដល់ថ្ងៃទី២ ខែកក្កដា ឆ្នាំ២០២៣ (កំពុងបន្ត)"
    assert days == "ពីថ្ងៃទី២៦ ដល់ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣"


def test_answers_carry_khmer_periods_and_english_commands(desk: Desk) -> None:
    total = khmer(desk, "/total Candlelight June")
    head = total.splitlines()[0]
    assert head.startswith("គណបក្សភ្លើងទៀន (Candlelight Party), ខែមិថុនា ឆ្នាំ២០២៣:")
    assert "June" not in head
    # The button's command is the same in both languages: any chat's reader can send it.
    assert "[button]" not in total  # to_plain leaves buttons out; they are compared below
    km = answer_text(desk, "/total Candlelight June", console_chat("km"))
    en = answer_text(desk, "/total Candlelight June", console_chat("en"))
    assert [b.command for b in km.buttons] == [b.command for b in en.buttons]
    assert km.share == en.share == "/total Candlelight Party June 2023"

    on = khmer(desk, "/on 29/06/2023").splitlines()[0]
    assert "ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣" in on and "June" not in on
    since = khmer(desk, "/top since May").splitlines()[0]
    assert since.endswith("ចាប់ពីថ្ងៃទី១ ខែឧសភា ឆ្នាំ២០២៣ (ទិន្នន័យបញ្ចប់នៅថ្ងៃទី៣០ ខែមិថុនា ឆ្នាំ២០២៣)")
    summary = khmer(desk, "/summary 26/06/2023").splitlines()[0]
    assert "សប្តាហ៍ ពីថ្ងៃទី២៦ ខែមិថុនា ដល់ថ្ងៃទី២ ខែកក្កដា ឆ្នាំ២០២៣" in summary
    # English answers are as they were.
    assert english(desk, "/on 29/06/2023").startswith("Claims reported on 29 June 2023:")
    assert english(desk, "/top since May").splitlines()[0].endswith(
        "since 1 May 2023 (the data ends on 30 June 2023)"
    )


def test_who_timeline_dates_are_khmer(desk: Desk) -> None:
    card = khmer(desk, "/who Kung Raiya")
    assert "ថ្ងៃទី១៦ ខែមិថុនា ឆ្នាំ២០២៣" in card and "16 June 2023" not in card
    assert "16 June 2023" in english(desk, "/who Kung Raiya")


def test_khmer_names_shown_where_the_data_has_them(desk: Desk) -> None:
    with desk.connect() as conn:
        spellings = khmer_spellings(conn)
    parties = khmer(desk, "/parties")
    # (a party no claim names, kept for intake, is in neither language's list)
    listed = english(desk, "/parties")
    shown_parties = [latin for (kind, latin) in spellings if kind == "party" and latin in listed]
    assert shown_parties
    for latin in shown_parties:
        assert f"{spellings[('party', latin)].name} ({latin}" in parties, latin
    # No Khmer spelling: the Latin name alone.
    assert "• Cambodia Nation Love Party:" in parties
    # Lists of rows: the Khmer name alone (the heading named the party in full).
    rows = khmer(desk, "/on 29/06/2023")
    assert "· គណបក្សហ្វ៊ុនស៊ិនប៉ិច [" in rows and "· Unnamed Parties [" in rows
    assert khmer(desk, "/who Hun Sen").splitlines()[0] == "ហ៊ុន សែន (Hun Sen)"
    assert khmer(desk, "/who Kung Raiya").splitlines()[0] == "Kung Raiya"  # none known
    top = khmer(desk, "/top")
    assert "1. គណបក្សភ្លើងទៀន (Candlelight Party): " in top
    compare = khmer(desk, "/compare CNRP vs Candlelight")
    assert "• គណបក្សសង្គ្រោះជាតិ (Cambodia National Rescue Party): " in compare
    assert "/total Cambodia National Rescue Party / Candlelight Party" in compare  # a command
    for line in ("/parties", "/on 29/06/2023", "/top", "/total Candlelight"):
        assert not has_khmer_letters(english(desk, line)), line
    assert english(desk, "/who Hun Sen").splitlines()[0] == "Hun Sen"


def test_period_errors_are_in_the_answers_language(desk: Desk) -> None:
    # Asked in English first: a remembered reading must not answer the Khmer question.
    said = english(desk, "/on 31/06/2023")
    assert said == "31/06/2023 is not a date: June 2023 has 30 days."
    assert khmer(desk, "/on 31/06/2023") == (
        "31/06/2023 មិនមែនជាកាលបរិច្ឆេទទេ៖ ខែមិថុនា ឆ្នាំ២០២៣ មានតែ ៣០ ថ្ងៃ។"
    )
    assert english(desk, "/on 31/06/2023") == said
    assert "ជាសប្តាហ៍បានទេ" in khmer(desk, "/summary blah")
    with in_language("km"), pytest.raises(ValueError, match="មិនមែនជារយៈពេលទេ"):
        parse_period("H3 2023", latest_year=2023)


def test_errors_shown_in_chat_are_translated() -> None:
    problems = InputError([Problem("table.txt", 2, "unknown party 'X'")])
    assert problems.chat_text().startswith("Nothing was changed; the input has problems:")
    database = StorageError("connection refused")
    with in_language("km"):
        assert problems.chat_text(_).endswith("\ntable.txt:2: unknown party 'X'")
        assert has_khmer_letters(problems.chat_text(_).splitlines()[0])
        assert has_khmer_letters(database.chat_text(_))
    assert "connection refused" not in database.chat_text(_)


def test_upload_answers_are_in_the_chats_language(desk: Desk) -> None:
    with in_language("km"):
        empty = upload_table(desk, 7, "@editor", "", "table.txt", apply=False)
    assert not empty.ok
    assert to_plain(empty.answer) == "table.txt គ្មានជួរតារាងទេ។"
    english_answer = upload_table(desk, 7, "@editor", "", "table.txt", apply=False)
    assert to_plain(english_answer.answer) == "table.txt holds no table rows."


def test_inline_results_use_khmer_names(desk: Desk) -> None:
    with in_language("km"):
        results = found(desk, "/total Candlelight June 2023", 1)
    assert results
    head = to_plain(results[0][1]).splitlines()[0]
    assert head.startswith("គណបក្សភ្លើងទៀន (Candlelight Party), ខែមិថុនា ឆ្នាំ២០២៣")
    assert results[0][1].share == "/total Candlelight Party June 2023"
