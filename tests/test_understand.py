"""Plain-language questions: mapped to commands by rules, the interpretation echoed back,
anything else answered with a short help, never a guess."""

from __future__ import annotations

import pytest

from bot.commands import NOT_UNDERSTOOD, answer_text
from bot.commands.questions import understand
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import BOT_USERNAME, GROUP, USER, expected, running_bot, texts
from tests.fake_bot_api import parse_html


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("how many Candlelight defections in June?", "/total Candlelight June 2023"),
        ("How many people defected from the CNRP in 2023?", "/total CNRP 2023"),
        ("how many defections were claimed in total", "/total"),
        ("how many defections to the CPP in May", "/total May 2023"),
        (
            "Please, how many FUNCINPEC defectors were there in June 2023?",
            "/total FUNCINPEC June 2023",
        ),
        (
            "How many members of the League for Democracy Party defected?",
            "/total League for Democracy Party",
        ),
        ("total for Candlelight in June", "/total Candlelight June 2023"),
        ("did anyone leave the Candlelight Party?", "/people defected Candlelight Party"),
        ("how many reports in May?", "/total May 2023"),
        ("how many reports about the CNRP", "/total CNRP"),
        ("who is Sam Rainsy", "/who Sam Rainsy"),  # not in the data: /who says so
        ("who claimed these defections?", "/about"),
        ("what does a joint row mean", "/about"),
        ("why is it 6,473 and not 6,476", "/about"),
        ("has anybody been leaving FUNCINPEC in May", "/people defected FUNCINPEC May 2023"),
        ("who is Kung Raiya", "/who Kung Raiya"),
        ("Who's kung raya?", "/who kung raya"),
        ("tell me about Hun Sen", "/who Hun Sen"),
        ("what was Kung Raiya's status on 1 August 2023", "/who Kung Raiya as of 1 August 2023"),
        ("who was Kung Raiya as of 30 June 2023", "/who Kung Raiya as of 30 June 2023"),
        ("what happened on 26 June 2023", "/on 26 June 2023"),
        ("What was reported on 29/06/2023?", "/on 29 June 2023"),
        ("what happened between 26 and 29 June", "/on 26–29 June 2023"),
        ("26 June 2023", "/on 26 June 2023"),
        ("chart of Candlelight defections in June", "/chart Candlelight June 2023"),
        (
            "can you send me the rows for Candlelight in June as a spreadsheet",
            "/export Candlelight June 2023",
        ),
        ("summary of last week", "/summary"),
        ("weekly summary for the week of 26 June", "/summary 26 June 2023"),
        ("which parties", "/parties"),
        ("where does the data come from", "/sources"),
        ("is this data verified?", "/about"),
        ("help", "/help"),
        ("Kung Raiya", "/who Kung Raiya"),
        ("Candlelight June", "/total Candlelight June 2023"),
    ],
)
def test_questions_map_to_commands(desk: Desk, question: str, command: str) -> None:
    assert understand(question, desk) == command


@pytest.mark.parametrize(
    "question",
    [
        "hello",
        "what's the weather like",
        "how many days until the election",
        "who is the president",  # no such person in the data: not a guess
        "how many Zzyzx defections in June",  # no such party
        "who was Kung Raiya as of yesterday",  # an unreadable date is never dropped
        "/total Candlelight",  # commands are not questions
        "x" * 400,
    ],
)
def test_anything_else_is_not_understood(desk: Desk, question: str) -> None:
    assert understand(question, desk) is None


def test_the_interpretation_heads_the_answer(desk: Desk) -> None:
    answer = answer_text(desk, "how many Candlelight defections in June?")
    direct = answer_text(desk, "/total Candlelight June 2023")
    lines = to_plain(answer).splitlines()
    assert lines[0] == "Showing /total Candlelight June 2023"
    assert lines[1] == ""
    assert "\n".join(lines[2:]) == to_plain(direct)
    assert answer.ok and answer.buttons == direct.buttons


def test_not_understood_is_a_short_help(desk: Desk) -> None:
    answer = answer_text(desk, "what's the weather like")
    assert not answer.ok
    assert to_plain(answer) == NOT_UNDERSTOOD
    assert "/help" in NOT_UNDERSTOOD


async def test_private_questions_are_answered(desk: Desk) -> None:
    questions = ["how many Candlelight defections in June?", "who is Kung Raiya", "blah blah"]
    async with running_bot(desk) as rig:
        replies = [(await rig.say(USER, q))[0] for q in questions]
    for question, reply in zip(questions, replies, strict=True):
        assert reply.text == expected(desk, question)[0]
    assert (replies[0].text or "").startswith("Showing /total Candlelight June 2023\n\n")
    assert (replies[1].text or "").startswith("Showing /who Kung Raiya\n\nKung Raiya")
    assert replies[2].text == NOT_UNDERSTOOD
    assert rig.rejected() == []


async def test_groups_answer_only_when_the_bot_is_mentioned(desk: Desk) -> None:
    mention = f"@{BOT_USERNAME}"
    question = f"{mention} how many CNRP defections in June?"
    async with running_bot(desk) as rig:
        rig.fake.push_message(GROUP, USER, "how many CNRP defections in June?")  # chatter
        rig.fake.push_message(GROUP, USER, "@SomeoneElse who is Kung Raiya")
        entities = [{"type": "mention", "offset": 0, "length": len(mention)}]
        before = len(rig.fake.sent_messages(GROUP))
        rig.fake.push_message(GROUP, USER, question, entities=entities)
        await rig.sent(GROUP, before + 1)
    (reply,) = rig.fake.sent_messages(GROUP)
    assert reply.text == expected(desk, "how many CNRP defections in June?")[0]
    assert (reply.text or "").startswith("Showing /total CNRP June 2023")
    assert texts(rig.fake.sent_messages(GROUP)) == [reply.text]


async def test_a_question_for_a_chart_gets_the_picture(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        rig.fake.push_message(USER, USER, "chart of Candlelight defections in June")
        (call,) = await rig.fake.wait_for("sendPhoto", predicate=lambda c: c.ok)
    caption = parse_html(call.params["caption"])[0]
    assert caption.startswith(
        "Showing /chart Candlelight June 2023\n"
        "Candlelight Party, June 2023: claimed defectors per week"
    )


async def test_a_command_after_the_mention_is_run_as_it_is(desk: Desk) -> None:
    mention = f"@{BOT_USERNAME}"
    entities = [{"type": "mention", "offset": 0, "length": len(mention)}]
    async with running_bot(desk) as rig:
        rig.fake.push_message(GROUP, USER, f"{mention} /total CNRP", entities=entities)
        await rig.sent(GROUP, 1)
    (reply,) = rig.fake.sent_messages(GROUP)
    assert reply.text == expected(desk, "/total CNRP")[0]


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        # 28–30 June in the seed table: 1 + 8 + 3 rows, 1 + 1,071 + 3 claimed defectors
        ("what happened since 28 June?", "Claims reported since 28 June 2023 (the data ends on 30 June 2023): 12 reports, 1,075"),
        # the week of 26 June: 26–30 June, 18 rows, 2,281
        ("what happened last week?", "Claims reported in the week of 26 June – 2 July 2023: 18 reports, 2,281"),
        ("what happened the week of 26 June", "Claims reported in the week of 26 June – 2 July 2023: 18 reports, 2,281"),
    ],
)
def test_what_happened_in_weeks_and_open_periods(desk: Desk, question: str, first_line: str) -> None:
    answer = answer_text(desk, question)
    assert answer.ok
    assert to_plain(answer).splitlines()[2].startswith(first_line)
