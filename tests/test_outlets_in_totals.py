"""``/total``, ``/compare`` and ``/top`` name every outlet that reported the claims behind
their figures (issue 22: answers list every outlet that reported a claim), as /on and /who do
claim by claim; /sources lists the outlets with their latest link. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from bot.storage.claim_sources import add_outlet
from bot.storage.queries import Outlet
from bot.storage.tables import claim_parties, claims, parties
from tests.botrig import open_desk

LINE = "Outlets that reported these claims: "


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    # Two outlets for a Candlelight Party claim of 26 June 2023, one with a link.
    with opened.session() as s, s.begin():
        candlelight = s.scalar(select(parties.c.id).where(parties.c.name == "Candlelight Party"))
        claim = s.scalar(
            select(claims.c.id)
            .join(claim_parties, claim_parties.c.claim_id == claims.c.id)
            .where(claims.c.reported_on == date(2023, 6, 26))
            .where(claim_parties.c.party_id == candlelight)
            .where(claims.c.party_count == 1)
            .limit(1)
        )
        assert claim is not None
        add_outlet(s, claim, Outlet("Angkor Daily", "https://example.org/a", None, "link"))
        add_outlet(s, claim, Outlet("Siem Reap News", None, date(2023, 6, 27), "paste"))
    yield opened
    opened.engine.dispose()


def outlets_line(desk: Desk, line: str) -> str | None:
    text = to_plain(answer_text(desk, line))
    return next((s for s in text.splitlines() if s.startswith(LINE)), None)


def test_total_names_every_outlet_behind_its_figure(desk: Desk) -> None:
    expected = LINE + "Angkor Daily, Siem Reap News."
    assert outlets_line(desk, "/total Candlelight June 2023") == expected
    assert outlets_line(desk, "/total June 2023") == expected
    assert outlets_line(desk, "/total") == expected
    # Not behind these figures: another month, another party.
    assert outlets_line(desk, "/total Candlelight May 2023") is None
    assert outlets_line(desk, "/total CNRP June 2023") is None


def test_compare_and_top_name_the_outlets_too(desk: Desk) -> None:
    expected = LINE + "Angkor Daily, Siem Reap News."
    assert outlets_line(desk, "/compare Candlelight vs CNRP June 2023") == expected
    assert outlets_line(desk, "/compare May vs June") == expected
    assert outlets_line(desk, "/compare CNRP May vs June") is None
    assert outlets_line(desk, "/top June") == expected
    assert outlets_line(desk, "/top claims Candlelight June") == expected
    assert outlets_line(desk, "/top days CNRP") is None


def test_sources_lists_the_outlets_with_their_latest_link(desk: Desk) -> None:
    text = to_plain(answer_text(desk, "/sources"))
    assert "Outlets of the reports added through intake" in text
    assert "• Angkor Daily — 1 claim, latest: https://example.org/a" in text
    assert "• Siem Reap News — 1 claim" in text
