"""Khmer input: periods in the press's own forms, Khmer digits, the two subscript forms, word
segmentation, the Khmer names to show with their origins, and the issue's failing examples.

Every Khmer period is checked against the English form it means: both must give the same
Period, label and all, so a Khmer reader gets exactly the English reader's answer.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import answer_text
from bot.commands.questions import understand
from bot.core.khmer import fold_khmer, fold_lookalikes, has_khmer_letters
from bot.core.khmer_periods import english_period, khmer_months, space_out
from bot.core.khmer_questions import english_question, segment
from bot.core.matcher import AliasEntry, NameIndex
from bot.core.normalize import compact_key, normalize_name
from bot.core.periods import (
    PeriodError,
    parse_day,
    parse_day_or_range,
    parse_period,
    parse_week,
    split_trailing_period,
)
from bot.core.render import to_plain
from bot.desk import Desk
from bot.errors import InputError
from bot.ingest.fact_files import parse_facts
from bot.storage.khmer_names import khmer_name, khmer_spellings
from tests.conftest import REPO

SPAN = (date(2023, 1, 21), date(2023, 6, 30))
KHMER_DIGITS_FOUND = re.compile("[០-៩]")

# (Khmer, the English it means) for parse_period, as /total, /chart, /export and /top read it.
PERIODS = [
    ("ខែមិថុនា", "June"),
    ("មិថុនា", "June"),
    ("មិថុនា ២០២៣", "June 2023"),
    ("ខែមិថុនា ឆ្នាំ២០២៣", "June 2023"),
    ("ខែ មិថុនា ឆ្នាំ ២០២៣", "June 2023"),
    ("ខែ៦ ឆ្នាំ២០២៣", "June 2023"),
    ("ខែកុម្ភៈ", "February"),
    ("ខែកុម្ភះ", "February"),  # ះ typed for ៈ
    ("ខែធ្នូ ឆ្នាំ២០២២", "December 2022"),
    ("ឆ្នាំ២០២៣", "2023"),
    ("២០២៣", "2023"),
    ("ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣", "29 June 2023"),
    ("ថ្ងៃទី២៩ខែមិថុនាឆ្នាំ២០២៣", "29 June 2023"),
    ("ថ្ងៃទី 29 ខែមិថុនា ឆ្នាំ 2023", "29 June 2023"),
    ("២៩ មិថុនា ២០២៣", "29 June 2023"),
    ("២៩/០៦/២០២៣", "29/06/2023"),
    ("ថ្ងៃ២៩ ខែមិថុនា", "29 June"),
    ("ត្រីមាសទី២", "Q2"),
    ("ត្រីមាសទី២ ឆ្នាំ២០២៣", "Q2 2023"),
    ("ឆមាសទី១", "H1"),
    ("ឧសភា-មិថុនា ២០២៣", "May-June 2023"),
    ("ពីខែឧសភា ដល់ខែមិថុនា", "from May to June"),
    ("ពីថ្ងៃទី១ ដល់ថ្ងៃទី១៥ ខែមិថុនា", "1-15 June"),
    ("ចន្លោះថ្ងៃទី១ និងថ្ងៃទី១៥ ខែមិថុនា", "between 1 and 15 June"),
    ("ថ្ងៃទី២៦-២៩ ខែមិថុនា", "26-29 June"),
    ("ថ្ងៃទី២៦ ដល់ ២៩ ខែមិថុនា ឆ្នាំ២០២៣", "26-29 June 2023"),
    ("ចាប់ពីខែឧសភា", "since May"),
    ("ចាប់តាំងពីថ្ងៃទី២០ ខែមិថុនា", "since 20 June"),
    ("តាំងពីខែឧសភា", "since May"),
    ("បន្ទាប់ពីខែឧសភា", "after May"),
    ("រហូតដល់ថ្ងៃទី១៥ ខែមិថុនា", "until 15 June"),
    ("ដល់ខែមីនា", "until March"),
    ("មុនខែមេសា", "before April"),
    ("ចាប់ពីដើមខែមិថុនា", "since the start of June"),
    ("រហូតដល់ចុងខែកុម្ភៈ", "up to the end of February"),
    ("ខែមុន", "last month"),
    ("ខែចុងក្រោយ", "last month"),
    ("សប្ដាហ៍មុន", "last week"),
    ("សប្តាហ៍មុន", "last week"),
    ("៧ ថ្ងៃចុងក្រោយ", "the last 7 days"),
    ("២ សប្តាហ៍ចុងក្រោយ", "the last 2 weeks"),
    ("ត្រីមាសចុងក្រោយ", "last quarter"),
    ("សប្តាហ៍ទី២៦", "week 26"),
    ("ឆ្នាំនេះ", "this year"),
    ("ក្នុងខែមិថុនា", "June"),
    ("ខែមិថុនា។", "June"),
]


@pytest.mark.parametrize(("khmer", "english"), PERIODS)
def test_khmer_periods_read_as_their_english(khmer: str, english: str) -> None:
    assert parse_period(khmer, latest_year=2023, data=SPAN) == parse_period(
        english, latest_year=2023, data=SPAN
    )


# Labels as a Khmer reply may write them (buttons send them back): each reads as the English.
LABELS = [
    ("ថ្ងៃទី២៦–២៩ ខែមិថុនា ឆ្នាំ២០២៣", "26–29 June 2023"),
    ("ខែឧសភា–មិថុនា ឆ្នាំ២០២៣", "May–June 2023"),
    ("ខែមករា ឆ្នាំ២០២៣ – ខែមិថុនា ឆ្នាំ២០២៣", "January 2023 – June 2023"),
    ("ថ្ងៃទី២៥ ខែធ្នូ ឆ្នាំ២០២២ – ថ្ងៃទី១ ខែមករា ឆ្នាំ២០២៣", "25 December 2022 – 1 January 2023"),
    ("សប្តាហ៍នៃថ្ងៃទី២៦ ខែមិថុនា – ២ ខែកក្កដា ឆ្នាំ២០២៣", "week of 26 June – 2 July 2023"),
    (
        "ចាប់ពីថ្ងៃទី១ ខែឧសភា ឆ្នាំ២០២៣ (ទិន្នន័យបញ្ចប់នៅថ្ងៃទី៣០ ខែមិថុនា ឆ្នាំ២០២៣)",
        "since 1 May 2023 (the data ends on 30 June 2023)",
    ),
]


@pytest.mark.parametrize(("khmer", "english"), LABELS)
def test_khmer_labels_read_back(khmer: str, english: str) -> None:
    assert parse_period(khmer, latest_year=2023, data=SPAN) == parse_period(
        english, latest_year=2023, data=SPAN
    )


def test_every_month_name_comes_from_the_locale_data() -> None:
    from babel import Locale

    assert sorted(khmer_months().values()) == list(range(1, 13))
    for month, name in Locale("km").months["format"]["wide"].items():
        period = parse_period(f"ខែ{name} ឆ្នាំ២០២៣", latest_year=2023)
        assert (period.start, period.end.month) == (date(2023, int(month), 1), int(month))


def test_days_ranges_and_weeks_in_khmer() -> None:
    assert parse_day("ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣", default_year=2023) == date(2023, 6, 29)
    assert parse_day_or_range("ថ្ងៃទី២៦ ដល់ថ្ងៃទី២៩ ខែមិថុនា", default_year=2023).label == (
        "26–29 June 2023"
    )
    today = date(2023, 7, 5)
    for khmer, english in [("សប្ដាហ៍មុន", "last"), ("សប្តាហ៍នេះ", "this"),
                           ("ថ្ងៃទី២៦ ខែមិថុនា", "26 June"), ("សប្តាហ៍ទី២៦", "W26")]:  # fmt: skip
        assert parse_week(khmer, today=today, default_year=2023) == parse_week(
            english, today=today, default_year=2023
        )


def test_impossible_khmer_dates_are_refused_not_guessed() -> None:
    with pytest.raises(PeriodError, match="June 2023 has 30 days"):
        parse_period("ថ្ងៃទី៣១ ខែមិថុនា", latest_year=2023)
    with pytest.raises(PeriodError):
        split_trailing_period("ភ្លើងទៀន ថ្ងៃទី៣១ ខែមិថុនា", latest_year=2023)
    with pytest.raises(PeriodError):
        parse_period("ភ្លើងទៀន", latest_year=2023)  # no period at all


@pytest.mark.parametrize(
    ("typed", "rest", "label"),
    [
        ("ភ្លើងទៀន ខែមិថុនា", "ភ្លើងទៀន", "June 2023"),
        ("ភ្លើងទៀនខែមិថុនា", "ភ្លើងទៀន", "June 2023"),  # no space before the month
        ("ភ្លើងទៀន មិថុនា ២០២៣", "ភ្លើងទៀន", "June 2023"),
        ("ភ្លើងទៀន ក្នុងខែមិថុនា", "ភ្លើងទៀន", "June 2023"),
        ("ភ្លើងទៀន ក្នុង ខែមិថុនា", "ភ្លើងទៀន", "June 2023"),  # ក្នុង ("in") is dropped
        ("គណបក្សភ្លើងទៀនចាប់ពីថ្ងៃទី១ខែឧសភា", "គណបក្សភ្លើងទៀន", "since 1 May 2023"),
        ("ខែមិថុនា ភ្លើងទៀន", "ភ្លើងទៀន", "June 2023"),  # the period first
        ("ហ៊ុន សែន", "ហ៊ុន សែន", None),
        ("កញ្ញា សុខ", "កញ្ញា សុខ", None),  # កញ្ញា ("Miss") before a name is no September
    ],
)
def test_split_trailing_khmer_period(typed: str, rest: str, label: str | None) -> None:
    got_rest, period = split_trailing_period(typed, latest_year=2023)
    assert (got_rest, period.label if period else None) == (rest, label)


def test_khmer_digits_and_invisible_characters() -> None:
    assert fold_khmer("០១២៣៤៥៦៧៨៩") == "0123456789"
    assert fold_khmer("ខែ\u200bមិថុនា") == "ខែ មិថុនា"
    assert has_khmer_letters("ខែ") and not has_khmer_letters("២០២៣")
    assert english_period("ថ្ងៃទី\u200b២៩ ខែ\u200bមិថុនា") == "29 June"
    assert space_out("ភ្លើងទៀនខែមិថុនា") == "ភ្លើងទៀន ខែមិថុនា"


def test_the_two_subscript_forms_are_one() -> None:
    da, ta = "សម្ដេច", "សម្តេច"  # COENG DA, COENG TA
    assert da != ta and normalize_name(da) == normalize_name(ta) == ta
    assert compact_key("ក្រុមស្ដី") == compact_key("ក្រុមស្តី")
    index = NameIndex([AliasEntry(1, "ស្ដីក្រុម"), AliasEntry(2, "ភ្លើងទៀន")])
    (hit,) = index.resolve("ស្តីក្រុម")
    assert (hit.target, hit.how) == (1, "exact")
    # A register shifter typed before the subscript (as the NEC's 2023 list spells FUNCINPEC),
    # COENG RO before another subscript, a vowel typed in two parts, NIKAHIT before U.
    assert normalize_name("ហ៊្វុនស៊ិនប៉ិច") == normalize_name("ហ្វ៊ុនស៊ិនប៉ិច")
    assert normalize_name("សង្រ្គោះជាតិ") == normalize_name("សង្គ្រោះជាតិ")
    assert normalize_name("ភ្លេីងទៀន") == normalize_name("ភ្លើងទៀន")
    assert fold_lookalikes("ជំុ") == "ជុំ" and fold_lookalikes("ខេាង") == "ខោង"
    assert parse_period("សប្ដាហ៍ទី២៦", latest_year=2023) == parse_period("សប្តាហ៍ទី២៦", latest_year=2023)


def test_segmentation_cuts_khmer_into_words() -> None:
    assert segment("គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់") == ["គណបក្ស", "ភ្លើង", "ទៀន", "ប៉ុន្មាន", "នាក់"]
    assert segment("ហ៊ុន សែន ជានរណា") == ["ហ៊ុន", "សែន", "ជា", "នរណា"]


@pytest.mark.parametrize(
    ("khmer", "english"),
    [
        ("គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់ ខែមិថុនា?", "how many គណបក្សភ្លើងទៀន defections June"),
        ("តើមាននរណាខ្លះបានរត់ចោលស្រុក?", "who fled"),
        ("ហ៊ុន សែន ជានរណា?", "who is ហ៊ុន សែន"),
        ("តើមានអ្វីកើតឡើងនៅថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣?", "what happened on 29 June 2023"),
        ("គណបក្សណាបាត់បង់សមាជិកច្រើនជាងគេក្នុងខែឧសភា?", "top parties May"),
        ("ប្រៀបធៀបខែឧសភា និងខែមិថុនា", "compare May and June"),
        ("ជំនួយ", "help"),
    ],
)
def test_khmer_questions_as_english_questions(khmer: str, english: str) -> None:
    assert english_question(khmer) == english


def test_what_is_not_asked_is_not_guessed(desk: Desk) -> None:
    for chatter in ("អាកាសធាតុយ៉ាងម៉េច?", "សួស្តី", "ខ្ញុំចូលចិត្តបាយ"):  # weather, hello, rice
        assert understand(chatter, desk) is None, chatter
        assert to_plain(answer_text(desk, chatter)).startswith("I didn't understand")


# Pieces of Khmer periods and questions, shuffled: whatever is typed, a period is read or
# refused with a PeriodError, and a question is read or not, never a crash.
PIECES = st.sampled_from(
    ["ថ្ងៃទី", "ខែ", "ឆ្នាំ", "មិថុនា", "កញ្ញា", "កុម្ភៈ", "ចាប់ពី", "រហូតដល់", "ពី", "ដល់", "និង",
     "ចន្លោះ", "ត្រីមាសទី", "ឆមាសទី", "សប្ដាហ៍", "មុន", "ចុងក្រោយ", "ក្នុង", "ភ្លើងទៀន",
     "ប៉ុន្មាន", "នាក់", "នរណា", "ជា", "៥", "២៩", "២០២៣", "0", "31", "-", "/", " ", "\u200b",
     "្", "៊", "េ", "ី", "?", "។"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_any_khmer_is_read_or_refused_cleanly(text: str) -> None:
    with contextlib.suppress(PeriodError):
        parse_period(text, latest_year=2023, data=SPAN)
    with contextlib.suppress(PeriodError):
        split_trailing_period(text, latest_year=2023, data=SPAN)
    asked = english_question(text)
    assert asked is None or not KHMER_DIGITS_FOUND.search(asked)  # digits come out as ASCII


# ------------------------------------------------------- the issue's failing examples --


def test_total_candlelight_june_in_khmer(desk: Desk) -> None:
    answer = answer_text(desk, "/total ភ្លើងទៀន ខែមិថុនា")
    text = to_plain(answer)
    assert text == to_plain(answer_text(desk, "/total Candlelight June"))
    assert text.startswith("Candlelight Party, June 2023: ")
    assert "No party" not in text
    # Its buttons keep the month.
    assert answer.buttons and all("June 2023" in b.command for b in answer.buttons)


def test_a_suggestion_keeps_the_khmer_month(desk: Desk) -> None:
    answer = answer_text(desk, "/total ភ្លើង ខែមិថុនា")  # half a name: candidates
    assert answer.buttons
    for button in answer.buttons:
        assert button.command.endswith(" ខែមិថុនា"), button.command
    first = to_plain(answer_text(desk, answer.buttons[0].command))
    assert first.startswith("Candlelight Party, June 2023: ")


def test_total_with_month_and_year_in_khmer_is_that_month(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/total ភ្លើងទៀន មិថុនា ២០២៣"))
    assert text == to_plain(answer_text(desk, "/total Candlelight June 2023"))
    assert "all dates" not in text and "2023:" not in text.split(",")[0]


def test_on_in_the_press_date_form(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/on ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣"))
    assert text == to_plain(answer_text(desk, "/on 29/06/2023"))
    assert text.startswith("Claims reported on 29 June 2023: 8 reports, 1,071")


def test_the_plain_khmer_question_of_the_issue(desk: Desk) -> None:
    question = "គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់ ខែមិថុនា?"
    assert understand(question, desk) == "/total គណបក្សភ្លើងទៀន June 2023"
    text = to_plain(answer_text(desk, question))
    assert "Candlelight Party, June 2023: 3,483 claimed defectors" in text


# ------------------------------------------------------------- Khmer names to show --


def test_khmer_names_to_show_say_where_they_come_from(desk: Desk) -> None:
    with desk.connect() as conn:
        spellings = khmer_spellings(conn)
        assert khmer_name(conn, "Candlelight Party") == "គណបក្សភ្លើងទៀន"
        assert khmer_name(conn, "FUNCINPEC", "party") == "គណបក្សហ្វ៊ុនស៊ិនប៉ិច"
        assert khmer_name(conn, "Sok Eysan") == "សុខ ឥសាន"
        assert khmer_name(conn, "Kung Raiya") is None  # no known Khmer spelling: Latin
        assert khmer_name(conn, "Khmer Win Party") is None
        assert khmer_name(conn, "Hun Sen", "party") is None
    main = {"Cambodian People's Party", "Candlelight Party", "Cambodia National Rescue Party",
            "FUNCINPEC", "Grassroots Democracy Party", "League for Democracy Party",
            "Khmer National United Party", "Cambodian Youth Party"}  # fmt: skip
    assert main <= {name for kind, name in spellings if kind == "party"}
    for (_, name), spelling in spellings.items():
        assert has_khmer_letters(spelling.name), name
        assert spelling.origin and "not in the seed documents" in spelling.origin, name
    review = {name for (_, name), s in spellings.items() if s.needs_review}
    assert {"Khmer National United Party", "Sam Inn"} <= review
    assert "Candlelight Party" not in review


def test_a_khmer_alias_without_an_origin_is_refused() -> None:
    bad = "parties:\n  - {key: x, name: X Party, kind: party, aliases: [គណបក្សX]}\n"
    with pytest.raises(InputError, match="needs an origin"):
        parse_facts(bad, "p.yaml")
    good = bad.replace("[គណបក្សX]", "[{name: គណបក្សX, origin: 'its leaflets; needs review'}]")
    assert parse_facts(good, "p.yaml").parties[0].aliases[0].origin


# ------------------------------------------------------------------ what is imported --

PROBE = """
import json, sys
from bot.cli import main
code = main(["ask", sys.argv[1]])
print(json.dumps({"code": code, "loaded": [m for m in ("babel", "khmercut") if m in sys.modules]}))
"""


def _ask(question: str, db: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{db}"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, question],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    return found["code"], found["loaded"]


def test_babel_and_the_segmenter_load_only_for_khmer(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    assert _ask("/about", db) == (0, [])  # loads the bundled data
    assert _ask("/total Candlelight June", db) == (0, [])
    assert _ask("how many CNRP defections since May?", db) == (0, [])
    assert _ask("/total ភ្លើងទៀន ខែមិថុនា", db) == (0, ["babel"])
    assert _ask("ហ៊ុន សែន ជានរណា?", db)[1] == ["babel", "khmercut"]
