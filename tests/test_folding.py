"""Answers that fold: the head first, long parts in expandable quotations in Telegram HTML,
the plain text unchanged, and every message one Telegram accepts (checked by the fake's
parser, as Telegram parses it, and through the running bot)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.commands import answer_text
from bot.core.answer import Answer, bold, folded, italic
from bot.core.render import CLOSE_FOLD, OPEN_FOLD, html_messages, to_html, to_plain
from bot.desk import Desk
from tests.botrig import USER, expected, open_desk, running_bot
from tests.fake_bot_api import ApiError, HTMLParseError, check_nesting, parse_html, utf16_len

QUOTES = ("blockquote", "expandable_blockquote")


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('fold') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def quotations(message: str) -> list[str]:
    """The text of each expandable quotation in one message, as Telegram shows it."""
    text, entities = parse_html(message)
    assert all(e["type"] != "blockquote" for e in entities), "only expandable quotations"
    units = text.encode("utf-16-le")
    return [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in entities
        if e["type"] == "expandable_blockquote"
    ]


def accepted(message: str) -> None:
    """What the fake (after tdlib) checks of a message's text: parse, nesting, length."""
    text, entities = parse_html(message)
    check_nesting(entities)
    assert 0 < utf16_len(text.strip()) <= 4096


def long_answer(rows: int, folded_rows: bool = True) -> Answer:
    a = Answer(command="x")
    a.line(bold("Head"), ": 1,234 claimed defectors")
    a.blank()
    a.line(bold("Timeline"))
    with a.folded():
        for i in range(rows):
            a.bullet(f"{i} — ", bold("Joined"), " a party & <another> one ", italic("[1]"))
    a.line(italic("Claims, not verified."))
    a.blank()
    a.line(italic("Sources:"))
    with a.folded():
        a.line("[1] CamboJA, [Report], July 2023")
    return a


def test_folded_lines_become_one_quotation_per_run_and_the_plain_text_stays() -> None:
    a = long_answer(3)
    html = to_html(a)
    assert html.count(OPEN_FOLD) == 2 and html.count(CLOSE_FOLD) == 2
    assert html.startswith("<b>Head</b>")  # the head is not in a quotation
    assert parse_html(html)[0] == to_plain(a)
    assert [q.count("\n") for q in quotations(html)] == [2, 0]  # 3 rows; 1 source
    assert [line for line in a.head] == a.lines[:3]


def test_a_long_folded_answer_splits_without_cutting_a_quotation_open() -> None:
    a = long_answer(400)
    messages = html_messages(a)
    assert len(messages) > 2
    for message in messages:
        accepted(message)
        assert message.count(OPEN_FOLD) == message.count(CLOSE_FOLD)
    # Every row is still in a quotation, and nothing is lost or doubled.
    quoted = "\n".join(q for m in messages for q in quotations(m))
    assert all(f"• {i} — Joined" in quoted for i in range(400))
    assert "\n".join(parse_html(m)[0].strip() for m in messages) == to_plain(a)


def test_one_enormous_folded_line_is_cut_into_quoted_pieces() -> None:
    a = Answer(command="x")
    a.line("Head")
    with a.folded():
        a.line(bold("&" * 3000), " ", "word " * 2000)
    messages = html_messages(a)
    assert len(messages) > 1
    for message in messages:
        accepted(message)
    assert all(quotations(m) for m in messages[1:])


def test_the_fake_refuses_what_telegram_would_drop() -> None:
    """Telegram keeps no quotation in a quotation, link or code: the fake refuses them."""
    for html in (
        "<blockquote expandable>a <blockquote>b</blockquote></blockquote>",
        '<a href="https://example.org">a <blockquote>b</blockquote></a>',
        "<code>a <b>b</b></code>",
    ):
        _, entities = parse_html(html)
        with pytest.raises(ApiError) as refused:
            check_nesting(entities)
        assert refused.value.status == 400 and "can't parse entities" in refused.value.description
    with pytest.raises(HTMLParseError):
        parse_html("<blockquote expandable>not closed")
    accepted(
        "<blockquote expandable><b>bold</b>, <code>code</code> and a "
        '<a href="https://example.org">link</a> inside</blockquote>'
    )


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("/who Kung Raiya", "Status: "),
        ("/total Candlelight", "Separately"),
        ("/on June 2023", "Claims reported in June 2023"),
        ("/total CNRP / Candlelight", "Each row gives one figure"),
    ],
)
def test_long_parts_fold_under_the_head(desk: Desk, question: str, heading: str) -> None:
    answer = answer_text(desk, question)
    head = "\n".join(parse_html(html_messages(answer)[0].split(OPEN_FOLD)[0])[0].splitlines())
    assert heading in head and "Sources:" not in head
    folds = [q for m in html_messages(answer) for q in quotations(m)]
    assert any(q.startswith("• ") for q in folds)  # the list folds
    assert any(q.startswith("[1] ") for q in folds)  # and the sources
    # The folded lines are exactly the lines marked so, and the plain text has them all.
    assert sum(folded(line) for line in answer.lines) == sum(q.count("\n") + 1 for q in folds)


def test_a_short_on_list_stays_open(desk: Desk) -> None:
    answer = answer_text(desk, "/on 26/06/2023")
    (message,) = html_messages(answer)
    (sources,) = quotations(message)  # only the sources fold
    assert sources.startswith("[1] ")
    head = parse_html(message.split(OPEN_FOLD)[0])[0]
    assert "• 26/06/2023 · 986 · Candlelight Party [1]" in head


async def test_folded_answers_go_through_the_bot(desk: Desk) -> None:
    """Sent as they render, accepted, with Telegram's expandable quotations."""
    questions = ["/who Kung Raiya", "/total Candlelight", "/on 01/01/2023 - 30/06/2023"]
    async with running_bot(desk) as rig:
        for question in questions:
            want = expected(desk, question)
            sent = await rig.say(USER, question, replies=len(want))
            assert [s.text for s in sent] == want
            kinds = {e["type"] for s in sent for e in s.message.get("entities", [])}
            assert "expandable_blockquote" in kinds and "blockquote" not in kinds
    assert rig.rejected() == []
