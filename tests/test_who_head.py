"""A /who card's visible head, for every person in the data: what Telegram shows before the
first expandable quotation carries the status line and fits a phone's screen (~600
characters), without a screenshot: the card's Telegram HTML, cut at the first quotation and
read as Telegram parses it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from bot.commands.who import person_card
from bot.core.render import OPEN_FOLD, html_messages
from bot.desk import Desk
from bot.storage.tables import people
from tests.botrig import open_desk
from tests.fake_bot_api import parse_html

HEAD_LIMIT = 600


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    opened = open_desk(f"sqlite:///{tmp_path_factory.mktemp('head') / 'desk.sqlite3'}")
    yield opened
    opened.engine.dispose()


def visible_head(html: str) -> str:
    """The text before the first expandable quotation, as the reader sees it."""
    assert OPEN_FOLD in html, "the card folds nothing"
    text, _ = parse_html(html.split(OPEN_FOLD, 1)[0])
    return text.strip()


@pytest.mark.parametrize("as_of", [None, date(2023, 6, 30)])
def test_every_card_s_head_carries_the_status_and_fits(desk: Desk, as_of: date | None) -> None:
    with desk.connect() as conn:
        everyone = conn.execute(select(people.c.id, people.c.name)).all()
        assert len(everyone) >= 20
        heads = {
            name: visible_head(
                html_messages(person_card(conn, pid, as_of=as_of, as_of_label="30 June 2023"))[0]
            )
            for pid, name in everyone
        }
    status = "Status on 30 June 2023: " if as_of else "Status: "
    for name, head in heads.items():
        lines = head.splitlines()
        assert lines[0].startswith(name), name
        assert any(line.startswith(status) for line in lines), (name, head)
        assert len(head) <= HEAD_LIMIT, (name, len(head), head)
    # The head is the headline, not the whole card: the timeline and sources are folded.
    assert not any("Sources:" in head or "Cite as:" in head for head in heads.values())
