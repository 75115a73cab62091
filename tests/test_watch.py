"""Watchlists: /watch NAME|PARTY, /watches, /unwatch; alerts for new or corrected records,
delivered once per change (a claimed delivery row, as for the weekly digests), from the bot's
minute ticker and from ``desk digests run``."""

from __future__ import annotations

import asyncio
import shutil
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.core.render import to_plain
from bot.delivery.watchlists import (
    Target,
    answer_watch,
    claim_alert,
    due_alerts,
    latest_change,
    resolve_target,
)
from bot.delivery.weekly import utc
from bot.desk import Desk
from bot.ingest.loader import load_paths
from bot.storage.models import Watch, WatchDelivery
from handlers.entry import main
from handlers.watches import send_watch_alerts
from tests.botrig import FIXED_NOW, GROUP, USER, running_bot, settings_for
from tests.conftest import DATA
from tests.digestrig import sending_bot
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

TABLE = Path("claims") / "pgm-claims-2023h1.txt"
NEW_ROW = "04/07/2023 12 Candlelight Party (including Kung Raiya)\n"
NEW_EVENT = """      - {kind: stated, date: "2023-08-01", precision: day, source: camboja-2023-07-raiya,
         summary: Said from abroad that he would not return}
"""


@pytest.fixture
def fresh_desk(db_url: str) -> Iterator[Desk]:
    desk = Desk.open(db_url, clock=lambda: FIXED_NOW)
    yield desk
    desk.engine.dispose()


def change_data(
    desk: Desk, tmp_path: Path, *, row: bool = True, correct: bool = True, event: bool = False
) -> None:
    """Load a copy of the data with a new row, a corrected figure and/or a new event."""
    data = tmp_path / f"data-{datetime.now(UTC).timestamp()}"
    shutil.copytree(DATA, data)
    table = data / TABLE
    text = table.read_text(encoding="utf-8")
    if correct:
        text = text.replace("29/06/2023 613 Candlelight Party", "29/06/2023 612 Candlelight Party")
    table.write_text(text + (NEW_ROW if row else ""), encoding="utf-8")
    if event:
        people = data / "people.yaml"
        marker = "         summary: Told CamboJA he left the CPP over security fears"
        text = people.read_text(encoding="utf-8")
        end = text.index("\n", text.index(marker)) + 1
        people.write_text(text[:end] + NEW_EVENT + text[end:], encoding="utf-8")
    load_paths(desk.engine, [data])


def watch(desk: Desk, chat_id: int, *names: str) -> None:
    for name in names:
        assert answer_watch(desk, chat_id, "private", chat_id, name).ok


def target(desk: Desk, text: str) -> Target:
    found = resolve_target(desk, text)
    assert isinstance(found, Target), to_plain(found)
    return found


def test_names_resolve_to_people_or_parties(desk: Desk) -> None:
    assert target(desk, "Candlelight").name == "Candlelight Party"
    assert target(desk, "CNRP").kind == "party"
    assert target(desk, "kung raya").name == "Kung Raiya"
    assert target(desk, "person Hun Sen").kind == "person"
    ambiguous = resolve_target(desk, "Bunthorn")
    assert not isinstance(ambiguous, Target)
    assert {b.command for b in ambiguous.buttons} == {
        "/watch person Tum Bunthorn",
        "/watch person Thoeun Bunthorn",
    }


async def test_watch_commands_through_the_bot(fresh_desk: Desk) -> None:
    async with running_bot(fresh_desk) as rig:
        (first,) = await rig.say(USER, "/watch Candlelight")
        (again,) = await rig.say(USER, "/watch CLP")
        (person,) = await rig.say(USER, "/watch kung raya")
        (listed,) = await rig.say(USER, "/watches")
        (stopped,) = await rig.say(USER, "/unwatch Candlelight")
        (after,) = await rig.say(USER, "/watches")
        (nobody,) = await rig.say(USER, "/unwatch Hun Sen")
    assert (first.text or "").startswith("Watching Candlelight Party: this chat will hear of")
    assert "already watches Candlelight Party" in (again.text or "")
    assert (person.text or "").startswith("Watching Kung Raiya:")
    assert "• Candlelight Party (party) since" in (listed.text or "")
    assert "• Kung Raiya (person) since" in (listed.text or "")
    assert stopped.text == "Stopped watching Candlelight Party."
    assert "Candlelight" not in (after.text or "") and "Kung Raiya" in (after.text or "")
    assert "does not watch Hun Sen" in (nobody.text or "")
    assert rig.rejected() == []


async def test_buttons_act_on_the_chat(fresh_desk: Desk) -> None:
    async with running_bot(fresh_desk) as rig:
        (choices,) = await rig.say(USER, "/watch Bunthorn")
        button = choices.message["reply_markup"]["inline_keyboard"][0][0]
        rig.fake.push_callback_query(USER, USER, choices.message_id, button["callback_data"])
        (edit,) = await rig.fake.wait_for("editMessageText", predicate=lambda c: c.ok)
    assert edit.params["text"].startswith(f"Watching {button['text']}:")
    with fresh_desk.session() as s:
        assert s.scalar(select(Watch.label)) == button["text"]


async def test_in_groups_only_admins_change_watches(fresh_desk: Desk) -> None:
    async with running_bot(fresh_desk) as rig:
        (refused,) = await rig.say(GROUP, "/watch Candlelight")
        (listed,) = await rig.say(GROUP, "/watches")
    assert "only this group's administrators" in (refused.text or "")
    assert (listed.text or "").startswith("This chat watches nobody.")


async def test_new_and_corrected_claims_are_sent_once(fresh_desk: Desk, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(11)
        fake.add_private_chat(12)
        watch(fresh_desk, 11, "Candlelight")
        watch(fresh_desk, 12, "CNRP")
        nothing = await send_watch_alerts(bot, fresh_desk)
        assert nothing.due == 0
        change_data(fresh_desk, tmp_path)
        run = await send_watch_alerts(bot, fresh_desk)
        again = await send_watch_alerts(bot, fresh_desk)
        assert (run.due, run.sent, again.due) == (1, 1, 0)
        assert fake.sent_messages(12) == []  # nothing about the CNRP changed
        with fresh_desk.session() as s:  # ... so its watch moved on without a delivery
            cnrp = s.scalar(select(Watch).where(Watch.chat_id == 12))
            assert cnrp is not None and cnrp.round == 0
            assert utc(cnrp.checked_to) == latest_change(s)
        (alert,) = fake.sent_messages(11)
        text = alert.text or ""
        assert text.startswith("Watchlist: Candlelight Party — new in the data since ")
        assert (
            "1 claim naming Candlelight Party added:\n• 04/07/2023 · 12 · Candlelight Party"
            " — names Kung Raiya [1]" in text
        )
        assert (
            "1 claim naming Candlelight Party corrected:\n• 29/06/2023 · 612 · Candlelight"
            " Party [1]" in text
        )
        assert "These are claims, not verified facts." in text
        assert text.endswith("/unwatch Candlelight Party stops these alerts.")
        # A later change is a new alert; the earlier ones are not repeated.
        change_data(fresh_desk, tmp_path, correct=False, row=False)  # undoes the edits
        await send_watch_alerts(bot, fresh_desk)
        assert len(fake.sent_messages(11)) == 2
        third = fake.sent_messages(11)[-1].text or ""
        assert "1 claim naming Candlelight Party corrected:\n• 29/06/2023 · 613" in third
        assert "added" not in third
    with fresh_desk.session() as s:
        rounds = s.execute(select(WatchDelivery.round, WatchDelivery.status)).all()
        assert sorted(rounds) == [(0, "sent"), (1, "sent")]


async def test_a_person_hears_of_claims_and_new_events(fresh_desk: Desk, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(21)
        watch(fresh_desk, 21, "Kung Raiya")
        change_data(fresh_desk, tmp_path, correct=False, event=True)
        await send_watch_alerts(bot, fresh_desk)
        (alert,) = fake.sent_messages(21)
        text = alert.text or ""
        assert "1 claim naming Kung Raiya added:\n• 04/07/2023 · 12 · Candlelight Party" in text
        assert (
            "New or corrected events:\n• 1 August 2023 — Said from abroad that he would "
            "not return [" in text
        )
        assert text.endswith(
            "/who Kung Raiya for the full picture; /unwatch Kung Raiya stops these alerts."
        )
        assert (await send_watch_alerts(bot, fresh_desk)).due == 0


async def test_an_event_reported_as_a_claim_is_worded_as_one(
    fresh_desk: Desk, tmp_path: Path
) -> None:
    """Thol Samnang's arrest rests on Human Rights Watch's word: a corrected summary's alert
    says so, as his card does."""
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(22)
        watch(fresh_desk, 22, "Thol Samnang")
        data = tmp_path / "data"
        shutil.copytree(DATA, data)
        people = data / "people.yaml"
        text = people.read_text(encoding="utf-8")
        people.write_text(text.replace("Arrested by Thai authorities;", "Held by Thai police;"))
        load_paths(fresh_desk.engine, [data])
        await send_watch_alerts(bot, fresh_desk)
        (alert,) = fake.sent_messages(22)
        assert "Held by Thai police;" in (alert.text or "")
        assert "(claimed by Human Rights Watch) [" in (alert.text or "")


async def test_competing_senders_deliver_once(fresh_desk: Desk, tmp_path: Path) -> None:
    other = Desk.open(
        str(fresh_desk.engine.url.render_as_string(hide_password=False)), clock=lambda: FIXED_NOW
    )  # a second process's own engine
    try:
        async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
            for chat in range(31, 36):
                fake.add_private_chat(chat)
                watch(fresh_desk, chat, "Candlelight")
            change_data(fresh_desk, tmp_path)
            runs = await asyncio.gather(
                send_watch_alerts(bot, fresh_desk, worker="a"),
                send_watch_alerts(bot, other, worker="b"),
                send_watch_alerts(bot, fresh_desk, worker="c"),
            )
            assert sum(r.sent for r in runs) == 5
            for chat in range(31, 36):
                assert len(fake.sent_messages(chat)) == 1
    finally:
        other.engine.dispose()


async def test_a_dead_senders_claim_is_taken_over(fresh_desk: Desk, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(41)
        fake.add_private_chat(42)
        watch(fresh_desk, 41, "Candlelight")
        watch(fresh_desk, 42, "Kung Raiya")
        change_data(fresh_desk, tmp_path)
        alerts = {a.chat_id: a for a in due_alerts(fresh_desk)}
        now = datetime.now(UTC)
        dead = f"{socket.gethostname()}:999999:dead"  # this machine, no such process
        assert claim_alert(fresh_desk.sessions, alerts[41], dead, now)
        assert claim_alert(fresh_desk.sessions, alerts[42], "elsewhere:1:alive", now)
        run = await send_watch_alerts(bot, fresh_desk)
        assert (run.sent, run.skipped) == (1, 1)  # the other host's claim holds its lease
        assert len(fake.sent_messages(41)) == 1 and fake.sent_messages(42) == []


async def test_403_ends_the_chats_watches(fresh_desk: Desk, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_private_chat(51)
        watch(fresh_desk, 51, "Candlelight")
        change_data(fresh_desk, tmp_path)
        fake.inject("sendMessage", "403", chat_id=51)
        run = await send_watch_alerts(bot, fresh_desk)
        assert run.deactivated == 1
        assert (await send_watch_alerts(bot, fresh_desk)).due == 0
    with fresh_desk.session() as s:
        assert s.scalar(select(Watch.active)) is False


async def test_the_minute_ticker_sends_alerts(fresh_desk: Desk, tmp_path: Path) -> None:
    async with running_bot(fresh_desk) as rig:
        assert rig.app.job_queue is not None
        (job,) = rig.app.job_queue.get_jobs_by_name("watchlist-alerts")
        await rig.say(USER, "/watch Candlelight")
        change_data(fresh_desk, tmp_path)
        before = len(rig.fake.sent_messages(USER))
        await job.run(rig.app)
        await rig.sent(USER, before + 1)
        await job.run(rig.app)  # nothing new: nothing sent
    texts = [m.text or "" for m in rig.fake.sent_messages(USER)]
    assert sum(t.startswith("Watchlist: Candlelight Party") for t in texts) == 1


def test_desk_digests_run_sends_alerts_too(
    fresh_desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with FakeBotAPI() as fake:
        fake.add_private_chat(61)
        watch(fresh_desk, 61, "Candlelight")
        change_data(fresh_desk, tmp_path)
        settings = settings_for(fake.url)
        monkeypatch.setenv(
            "DESK_DATABASE_URL", fresh_desk.engine.url.render_as_string(hide_password=False)
        )
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", DEFAULT_TOKEN)
        monkeypatch.setenv("TELEGRAM_API_URL", settings.telegram_api_url)
        assert main(["digests", "run", "--as-of", "2023-07-03T09:05+07:00"]) == 0
        assert main(["digests", "run"]) == 0
        (alert,) = fake.sent_messages(61)
    assert (alert.text or "").startswith("Watchlist: Candlelight Party")
    out = capsys.readouterr().out
    assert "1 watchlist alerts due: 1 sent" in out and "0 watchlist alerts due" in out


async def test_a_migrated_group_keeps_its_watches(fresh_desk: Desk, tmp_path: Path) -> None:
    async with FakeBotAPI() as fake, sending_bot(fresh_desk, fake) as bot:
        fake.add_group(-71, "Newsroom")
        assert answer_watch(fresh_desk, -71, "group", USER, "Candlelight").ok
        change_data(fresh_desk, tmp_path)
        fake.inject("sendMessage", "migrate", chat_id=-71)
        run = await send_watch_alerts(bot, fresh_desk)
        assert run.sent == 1
        (alert,) = fake.sent_messages()
        assert alert.chat_id != -71
    with fresh_desk.session() as s:
        assert s.scalar(select(Watch.chat_id)) == alert.chat_id
