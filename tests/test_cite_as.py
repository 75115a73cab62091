"""Copy-ready citations: every person card and every /total answer ends with one
"Cite as: outlet, “title”, date" line a journalist can paste into a story."""

from __future__ import annotations

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import USER, running_bot
from tests.conftest import ANALYSIS_CITATION, CAMBOJA_CITATION

ANALYSIS = ANALYSIS_CITATION
CAMBOJA = CAMBOJA_CITATION


@pytest.mark.parametrize(
    ("question", "cite"),
    [
        ("/total", ANALYSIS),
        ("/total Candlelight June", ANALYSIS),
        ("/total CNRP 2023", ANALYSIS),
        ("/who Kung Raiya", f"{ANALYSIS}; {CAMBOJA}"),
        ("/who Kung Raiya as of 30 June 2023", f"{ANALYSIS}; {CAMBOJA}"),
        ("/who Long Phary", ANALYSIS),
    ],
)
def test_answers_end_with_a_cite_as_line(desk: Desk, question: str, cite: str) -> None:
    answer = answer_text(desk, question)
    assert answer.ok
    assert to_plain(answer).splitlines()[-1] == f"Cite as: {cite}"


def test_cite_as_names_what_the_numbered_sources_name(desk: Desk) -> None:
    lines = to_plain(answer_text(desk, "/who Kung Raiya")).splitlines()
    numbered = [line.split("] ", 1)[1] for line in lines if line[:1] == "["]
    assert lines[-1] == "Cite as: " + "; ".join(numbered)


async def test_cite_as_is_the_last_line_in_telegram(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (total,) = await rig.say(USER, "/total Candlelight June")
        (card,) = await rig.say(USER, "/who Kung Raiya")
    assert (total.text or "").splitlines()[-1] == f"Cite as: {ANALYSIS}"
    assert (card.text or "").splitlines()[-1] == f"Cite as: {ANALYSIS}; {CAMBOJA}"
