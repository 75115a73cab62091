"""Property tests of everything that reads user or file input: the claims-table parser, date
parsing, schedules, and every command through ``answer_text``.

Whatever arrives (any Unicode, Khmer script, HTML-like text, 100 KB, nothing, only whitespace),
parsers raise only their documented errors, and every command answers with messages Telegram
accepts: valid HTML for the fake's strict parser, at most 4096 characters, never empty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import answer_text
from bot.commands.registry import BY_NAME, EVERYWHERE, console_chat
from bot.commands.registry import COMMANDS as REGISTRY
from bot.core.answer import Answer
from bot.core.bounds import MAX_DEFECTORS
from bot.core.periods import (
    PeriodError,
    parse_day,
    parse_day_or_range,
    parse_partial_date,
    parse_period,
    parse_week,
    split_trailing_period,
)
from bot.core.render import TELEGRAM_LIMIT, html_messages
from bot.delivery.weekly import ScheduleError, parse_schedule
from bot.desk import Desk
from bot.errors import InputError
from bot.ingest.claims_table import TableRow, parse_day_first, parse_row, parse_table
from bot.ingest.text_lines import editor_lines
from tests.fake_bot_api import parse_html, utf16_len

EXAMPLES = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

KHMER = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x1780, max_codepoint=0x17FF),
        st.characters(min_codepoint=0x19E0, max_codepoint=0x19FF),  # Khmer symbols
        st.sampled_from(" \u200b\u200c\u200d"),
    ),
    max_size=60,
)
HTML_BITS = st.sampled_from(
    [
        "<b>", "</b>", "<i>", "</a>", '<a href="x">', "<script>alert(1)</script>", "&", "&amp;",
        "&lt;", "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "&amp", "<", ">", '"', "'",
        "<tg-spoiler>", "<pre><code class='language-x'>", "</", "<>", "<br/>", "&#65;",
    ]
)  # fmt: skip
HTML_LIKE = st.lists(st.one_of(HTML_BITS, st.text(max_size=8)), max_size=12).map("".join)
WHITESPACE = st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2003\u200b\u3000\u2028\u180e", max_size=20)
DATE_BITS = st.sampled_from(
    [
        "29/06/2023", "31/06/2023", "2023-06-29", "June", "jun", "2023", "Q2", "Q5", "H1", "W26",
        "2023-W53", "-", " - ", "–", "to", "between", "and", "29", "0", "00/00/0000", "1/13/2023",
        "9999", "1899", "last", "this", "week", "before", "May-June", "Sept", "29th", "of",
        "/", "//", "-1", "+5", "１２", "٢٠٢٣",
    ]
)  # fmt: skip
DATE_LIKE = st.lists(DATE_BITS, max_size=8).map(" ".join)
# Long input, built by repetition: generating 100 KB character by character is slow.
HUGE = st.builds(
    lambda s, n: (s * n)[:100_000], st.text(min_size=1, max_size=12), st.integers(1, 100_000)
)
ANY_TEXT = st.one_of(st.text(max_size=300), KHMER, HTML_LIKE, WHITESPACE, DATE_LIKE)
ARGUMENT = st.one_of(ANY_TEXT, HUGE, st.just(""))
# The shared database is read-only here: no command that changes data or a chat's settings.
READING = sorted(c.name for c in REGISTRY if c.who == "anyone" and c.where == EVERYWHERE)
COMMANDS = [*READING, "frobnicate", "WHO", "Total", "subscribe", "x" * 32]
NAMES = st.sampled_from(["Kung Raiya", "Bunthorn", "CLP", "Candlelight", "June", "ហ៊ុន សែន"])


def check_messages(answer: Answer) -> None:
    """What the bot would send for ``answer`` is accepted by the fake Telegram, part by part."""
    assert isinstance(answer, Answer)
    parts = html_messages(answer)
    assert parts
    for part in parts:
        assert len(part) <= TELEGRAM_LIMIT
        text, _entities = parse_html(part)  # raises HTMLParseError if Telegram would refuse it
        assert text.strip(), "Telegram refuses an empty message"
        assert utf16_len(text.strip()) <= TELEGRAM_LIMIT


# --------------------------------------------------------------------------- the table parser


@EXAMPLES
@given(st.one_of(ANY_TEXT, HUGE), st.integers(1, 10**6))
def test_parse_row_raises_only_value_error(line: str, line_no: int) -> None:
    try:
        row = parse_row(line, line_no)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(row, TableRow) and 1 <= row.number <= MAX_DEFECTORS and row.party_names


ROW_BITS = st.sampled_from(
    [
        "29/06/2023", "31/02/2023", "1/1/2023", "\t", " ", "613", "1,234", "-5", "+7", "1,23",
        "Candlelight Party", "/", " / ", "Unnamed Parties", "(including lawyer Ket Khy)",
        "(including", ")", "(", "()", "# source: s", "# stated_total: x", "# claimant:",
        "Date Reported", "\n", "\r\n", "ស", "<b>", "&",
    ]
)  # fmt: skip
TABLE_TEXT = st.one_of(
    st.lists(st.one_of(ROW_BITS, st.text(max_size=10)), max_size=40).map("".join),
    st.text(max_size=500),
    HUGE,
)


@EXAMPLES
@given(TABLE_TEXT)
def test_parse_table_raises_only_input_error_naming_lines(text: str) -> None:
    try:
        table = parse_table(text, "t.txt")
    except InputError as exc:
        assert exc.problems
        assert all(p.path == "t.txt" for p in exc.problems)
        assert len(exc.problems) <= 51  # stops after 50 bad lines
        lines = editor_lines(text)  # as an editor numbers them
        for p in exc.problems:
            assert p.line is None or 1 <= p.line <= len(lines)
    else:
        assert all(1 <= row.number <= MAX_DEFECTORS for row in table.rows)


# --------------------------------------------------------------------------- dates


@EXAMPLES
@given(st.one_of(ANY_TEXT, HUGE))
def test_date_parsers_raise_only_their_errors(text: str) -> None:
    calls: list[Callable[[], object]] = [
        lambda: parse_day(text, default_year=2023),
        lambda: parse_day_or_range(text, default_year=2023),
        lambda: parse_period(text, latest_year=2023),
        lambda: split_trailing_period(text, latest_year=2023),
        lambda: parse_week(text, today=date(2023, 7, 3)),
    ]
    for call in calls:
        try:
            call()
        except PeriodError as exc:
            assert str(exc)
    for strict in (parse_partial_date, parse_day_first):
        try:
            strict(text)
        except ValueError as exc:
            assert str(exc)


@EXAMPLES
@given(st.one_of(ANY_TEXT, st.sampled_from(["America/Argentina", "Asia/" + "x" * 300, "UTC"])))
def test_schedules_raise_only_schedule_error(text: str) -> None:
    try:
        schedule = parse_schedule(text, default_timezone="Asia/Phnom_Penh")
    except ScheduleError as exc:
        assert str(exc)
    else:
        assert 0 <= schedule.weekday <= 6 and 0 <= schedule.minute_of_day < 24 * 60


# --------------------------------------------------------------------------- every command


@EXAMPLES
@given(command=st.sampled_from(COMMANDS), argument=ARGUMENT, at_bot=st.booleans())
def test_every_command_answers_with_valid_messages(
    desk: Desk, command: str, argument: str, at_bot: bool
) -> None:
    text = f"/{command}{'@DefectionDeskBot' if at_bot else ''} {argument}"
    check_messages(answer_text(desk, text))


@EXAMPLES
@given(st.one_of(ARGUMENT, st.builds(lambda a, b: a + "/" + b, ANY_TEXT, ANY_TEXT)))
def test_plain_text_and_broken_commands_answer(desk: Desk, text: str) -> None:
    check_messages(answer_text(desk, text))


@FEW
@given(
    command=st.sampled_from(READING),
    argument=st.one_of(
        ANY_TEXT,
        st.builds(
            lambda s, n: (s * n)[:4096], st.text(min_size=1, max_size=12), st.integers(1, 4096)
        ),
        st.builds(lambda name, junk: f"{name} {junk}", NAMES, ANY_TEXT),
    ),
)
def test_answer_functions_take_what_telegram_can_deliver(
    desk: Desk, command: str, argument: str
) -> None:
    """Past answer_text's length cap too: anything up to Telegram's own 4096-character message
    limit must be answered by the answer functions themselves."""
    check_messages(BY_NAME[command].answer(desk, " ".join(argument.split()), console_chat()))


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "/", "/who", "/who ", "/who \u200b", "/total \u3000", "/on \t",
        "/summary " + "ស" * 600, "/who " + "x" * 100_000, "/on " + "<b>" * 30,
        "/who Kung Raiya & <Co>", "/total CLP 31/06/2023", "/subscribe America/Argentina",
        "/WHO@DefectionDeskBot kung raya", "/who@OtherBot x", "hello", "/start@",
        "/" + "a" * 33, "/who\x00", "/total \x00\x01\x02", "/on 29/06/2023\u202e",
    ],
)  # fmt: skip
def test_edge_cases_answer_with_valid_messages(desk: Desk, text: str) -> None:
    check_messages(answer_text(desk, text))
