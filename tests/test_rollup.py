"""The per-day rollup behind /total: its figures equal the plain SQL aggregates (bot/storage/queries.py)
on the seed data, for every party and period, and again after another process changes the data.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from bot.commands import answer_text
from bot.commands.curation import add_claim, undo_last
from bot.core.render import to_plain
from bot.storage.desk import Desk
from bot.storage.models import Party
from bot.storage.queries import (
    ClaimView,
    Sum,
    data_span,
    joint_total,
    kind_total,
    party_joint_claims,
    party_joint_total,
    party_sole_total,
    sources_in,
    stated_mismatches,
    total_between,
)
from bot.storage.rollup import JointLine
from tests.botrig import open_desk

ADMIN = 2002
QUICK = 0.05  # s a version read is trusted by the "running bot" below
RANGES = [
    (None, None),
    (date(2023, 6, 1), date(2023, 6, 30)),
    (date(2023, 6, 26), date(2023, 6, 26)),
    (date(2023, 1, 1), date(2023, 3, 31)),
    (date(2023, 6, 15), None),
    (None, date(2023, 5, 31)),
    (date(2019, 1, 1), date(2019, 12, 31)),  # no rows at all
]


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def shown(line: JointLine | ClaimView) -> tuple[object, ...]:
    """What /total shows of a claim row (bot.commands.common.claim_parts), and its id."""
    return (
        line.id,
        line.reported_on,
        line.number,
        line.party_text,
        line.parties,
        line.joint,
        line.people,
        line.source,
    )


def assert_agrees_with_sql(desk: Desk) -> None:
    rollup = desk.rollup()
    with desk.session() as s:
        assert rollup.span() == data_span(s)
        assert {src.id: summed for src, _, summed in stated_mismatches(s)} == {
            sid: total
            for sid, total in rollup.source_totals.items()
            if desk.sources()[sid].stated_total not in (None, total)
        }
        parties = list(s.scalars(select(Party.id)))
        for start, end in RANGES:
            assert rollup.everything.between(start, end) == total_between(s, start, end)
            assert rollup.joint.between(start, end) == joint_total(s, start, end)
            for kind in ("party", "unnamed", "non_party"):
                assert rollup.kind(kind).between(start, end) == kind_total(s, kind, start, end)
            assert sorted(rollup.sources(start, end)) == sorted(
                (src.id, who) for src, who in sources_in(s, start, end)
            )
            for pid in parties:
                assert rollup.sole(pid).between(start, end) == party_sole_total(s, pid, start, end)
                assert rollup.party_joint(pid).between(start, end) == party_joint_total(
                    s, pid, start, end
                )
                listed = party_joint_claims(s, pid, start, end, limit=20)
                lines = rollup.joint_lines(pid, start, end, 20, desk.sources())
                assert [shown(line) for line in lines] == [shown(view) for view in listed]
                assert sorted(rollup.sources(start, end, pid)) == sorted(
                    (src.id, who) for src, who in sources_in(s, start, end, pid)
                )


def test_rollup_agrees_with_sql_on_the_seed_data(desk: Desk) -> None:
    assert_agrees_with_sql(desk)
    # The seed's own figures, as computed with awk in tests/test_total.py.
    rollup = desk.rollup()
    june = (date(2023, 6, 1), date(2023, 6, 30))
    candlelight = desk.parties().resolve("Candlelight Party")[0].target
    assert rollup.everything.between(None, None) == Sum(6476, 110)
    assert rollup.sole(candlelight).between(*june) == Sum(3483, 26)
    assert rollup.party_joint(candlelight).between(*june) == Sum(236, 5)


def test_joint_rows_stay_out_of_each_partys_figure(desk: Desk) -> None:
    rollup = desk.rollup()
    cnrp = desk.parties().resolve("CNRP")[0].target
    assert rollup.sole(cnrp).between(None, None) == Sum(380, 26)
    assert rollup.party_joint(cnrp).between(None, None) == Sum(214, 5)


def test_another_process_change_is_seen_once_the_version_is_read_again(db_url: str) -> None:
    # The running bot, warm; it trusts a version read for 50 ms (see tests/test_kept.py).
    bot = open_desk(db_url, version_max_age=QUICK)
    admin = open_desk(db_url)  # another process: an admin's /add through its own engine
    try:
        bot.warm()
        assert bot.is_warm()
        before = bot.rollup()
        assert add_claim(admin, ADMIN, "@ed", "01/07/2023 12 Funcinpec / CNRP").ok
        time.sleep(QUICK)
        assert not bot.is_warm()  # the data version moved
        assert "6,488 in 111 reports" in to_plain(answer_text(bot, "/total"))
        assert bot.rollup() is not before
        assert_agrees_with_sql(bot)
        text = to_plain(answer_text(bot, "/total CNRP July 2023"))
        assert "Separately, 1 report name" in text and "totalling 12" in text
        assert undo_last(admin, ADMIN, "@ed").ok
        time.sleep(QUICK)
        assert "6,476 in 110 reports" in to_plain(answer_text(bot, "/total"))
        assert_agrees_with_sql(bot)
    finally:
        bot.engine.dispose()
        admin.engine.dispose()
