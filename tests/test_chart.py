"""``/chart``: weekly figures stacked by party (joint rows apart), a PNG sent with sendPhoto and
a caption, the same figures in text for the console, and ``desk chart -o FILE``.

Reference figures as in tests/test_total.py: Candlelight alone in June 3,483 in 26 reports, joint
rows with Candlelight in June 236 in 5; the week of 26 June – 2 July 2,281 in 18 reports.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands import answer_text
from bot.commands.chart import Chart, Series, chart_series, make_chart
from bot.core.answer import Answer
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import BOT_USERNAME, GROUP, USER, running_bot
from tests.conftest import ANALYSIS_TITLE
from tests.fake_bot_api import parse_html

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def series(desk: Desk, args: str) -> Series:
    found = chart_series(desk, args)
    assert isinstance(found, Series), to_plain(found)
    return found


def test_weeks_stack_single_party_rows_and_keep_joint_rows_apart(desk: Desk) -> None:
    s = series(desk, "Candlelight June")
    assert s.per == "week" and s.buckets[0][0].isoformat() == "2023-05-29"  # Monday before 1 June
    sole = [seg for seg in s.segments if not seg.joint]
    joint = [seg for seg in s.segments if seg.joint]
    assert [seg.label for seg in sole] == ["Candlelight Party (CLP)"]
    assert sum(seg.total for seg in sole) == s.sole_total == 3483 and s.sole_reports == 26
    assert sum(seg.total for seg in joint) == s.joint_total == 236 and s.joint_reports == 5
    assert all(seg.hatch for seg in joint) and not any(seg.hatch for seg in sole)
    assert {seg.label for seg in joint} == {"CNRP + CLP (joint)", "CLP + Party not named (joint)"}


def test_all_parties_per_week(desk: Desk) -> None:
    s = series(desk, "")
    weeks = {
        first.isoformat(): total for (first, _), total in zip(s.buckets, s.totals, strict=True)
    }
    assert weeks["2023-06-26"] == 2281
    assert sum(s.totals) == 6476
    labels = [seg.label for seg in s.segments]
    assert "Political Analyst (not a party)" in labels and "Party not named" in labels
    assert not s.partial_ends  # no period asked: the data's own span


def test_png_is_phone_sized_with_caption(desk: Desk) -> None:
    chart = make_chart(desk, "Candlelight June")
    assert isinstance(chart, Chart)
    width, height = png_size(chart.png)
    assert width == 1080 and 700 <= height <= 2600
    caption = to_plain(chart.caption)
    assert caption.splitlines()[0] == "Candlelight Party, June 2023: claimed defectors per week"
    assert "3,483 in 26 reports naming Candlelight Party alone." in caption
    assert "Hatched: 236 in 5 joint rows" in caption and "not split" in caption
    assert "These are claims, not verified facts." in caption
    assert ANALYSIS_TITLE in caption
    assert len(caption) <= 1024
    assert chart.filename == "defection-claims-per-week_candlelight-party_june-2023.png"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("Candlelite", "No party in the data matches “Candlelite”"),
        ("CNRP 31/06/2023", "31/06/2023 is not a date"),
        ("2022", "2022 is outside the data: nothing to chart."),
        ("Khmer Win Party January", "The table has no rows naming Khmer Win Party in January 2023"),
    ],
)
def test_nothing_to_chart_says_why(desk: Desk, args: str, fragment: str) -> None:
    chart = make_chart(desk, args)
    assert isinstance(chart, Answer) and not chart.ok
    assert fragment in to_plain(chart)


def test_suggestions_keep_the_period(desk: Desk) -> None:
    chart = make_chart(desk, "Candlelite June")
    assert isinstance(chart, Answer)
    assert chart.buttons[0].command == "/chart Candlelight Party June"  # as typed


def test_console_gets_the_figures_in_text(desk: Desk) -> None:
    answer = answer_text(desk, "/chart Candlelight June")
    text = to_plain(answer)
    assert answer.ok
    assert (
        "• week of 19 June 2023: 456 (Candlelight Party (CLP) 263; CLP + Party not named (joint) 193)"
        in text
    )
    assert "desk chart [PARTY] [PERIOD] -o chart.png" in text


def test_a_year_of_weeks_becomes_months(desk: Desk) -> None:
    s = series(desk, "2022-2023")
    assert s.per == "week"  # clipped to the data: 24 weeks
    from bot.commands.chart import _buckets

    buckets, per = _buckets(*(s.span[0].replace(year=2021), s.span[1]))
    assert per == "month" and buckets[0][0].day == 1


async def test_chart_is_sent_as_a_photo_with_its_caption(desk: Desk) -> None:
    want = make_chart(desk, "Candlelight June")
    assert isinstance(want, Chart)
    async with running_bot(desk) as rig:
        rig.fake.push_message(USER, USER, "/chart Candlelight June")
        rig.fake.push_message(GROUP, USER, f"/chart@{BOT_USERNAME} CNRP")
        calls = await rig.fake.wait_for("sendPhoto", count=2, predicate=lambda c: c.ok)
    by_chat = {c.params["chat_id"]: c for c in calls}
    private = by_chat[USER]
    width, _ = png_size(private.params["photo"].data)
    assert width == 1080
    assert private.params["photo"].filename == want.filename
    caption = parse_html(private.params["caption"])[0]
    assert caption == to_plain(want.caption)
    assert parse_html(by_chat[GROUP].params["caption"])[0].startswith(
        "Cambodia National Rescue Party, all dates in the data"
    )
    assert rig.rejected({"sendPhoto", "sendMessage"}) == []


async def test_chart_without_figures_answers_in_text(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (reply,) = await rig.say(USER, "/chart Candlelite")
    assert "No party in the data matches" in (reply.text or "")
    assert rig.calls("sendPhoto") == []


def test_desk_chart_writes_a_png(
    seeded_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DESK_DATABASE_URL", seeded_url)
    out = tmp_path / "c.png"
    assert main(["chart", "Candlelight", "June", "-o", str(out)]) == 0
    assert png_size(out.read_bytes())[0] == 1080
    printed = capsys.readouterr()
    assert printed.out.startswith("Candlelight Party, June 2023: claimed defectors per week")
    assert f"Wrote {out}" in printed.err
    assert main(["chart", "Zzyzx", "-o", str(tmp_path / "no.png")]) == 1
    assert not (tmp_path / "no.png").exists()
