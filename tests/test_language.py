"""English and Khmer: the same answers with the same figures, a language per chat, the catalog.

Every command of the registry is asked in English and in Khmer, at the console and in two
Telegram private chats of the fake Bot API (one left in English, one whose user's Telegram
runs in Khmer), and each pair of answers must carry the same figures: every number, with the
Khmer digits read back and the thousands separators dropped, and every date (dd/mm/yyyy in
English, ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣ in Khmer) as the same day. /language is used through
the fake Bot API, with its buttons; a weekly summary goes to each chat in the chat's language.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
from collections import Counter
from datetime import UTC, datetime

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from bot.commands import answer_text
from bot.commands.registry import COMMANDS, Chat, console_chat
from bot.core.formats import latin_digits
from bot.core.i18n import LOCALE_DIR, UNREVIEWED, in_language, language, reviewer
from bot.core.render import html_messages, to_plain
from bot.desk import Desk
from bot.storage.chat_languages import set_language
from tests.botrig import USER, Rig, open_desk, running_bot
from tests.conftest import REPO
from tests.fake_bot_api import FakeBotAPI

KHMER_USER = 2002  # a private chat whose user's Telegram runs in Khmer

# At least one line per command of the registry (tests check that none is missing).
ASKED = [
    "/who Kung Raiya",
    "/who kung raya as of 30 June 2023",
    "/who Nobody Atall",
    "/total",
    "/total Candlelight June",
    "/total CNRP",
    "/total CNRP / Candlelight June",
    "/total CPP",
    "/total Candlelite",
    "/top",
    "/top claims June",
    "/compare CLP vs FUNCINPEC May",
    "/compare May vs June",
    "/people fled",
    "/said Sok Eysan",
    "/on 29/06/2023",
    "/on 26-30 June 2023",
    "/on 1 January 2020",
    "/summary 26/06/2023",
    "/summary 2023-W20",
    "/chart Candlelight June",
    "/export CNRP June",
    "/parties",
    "/sources",
    "/about",
    "/help",
    "/start",
    "/subscription",
    "/watches",
    "/language",
    "/frobnicate",
    "how many Candlelight defections in June?",
]
# Chat commands and the desk admins' commands: at the console (Telegram's own tests cover who
# may use them there).
CONSOLE_ONLY = [
    "/subscribe",
    "/unsubscribe",
    "/watch Kung Raiya",
    "/unwatch Kung Raiya",
    "/changes",
]
TELEGRAM_ONLY = ["/subscribe friday 17:00", "/watch Kung Raiya", "/unwatch Kung Raiya"]

_MONTHS = {name: number for number, name in Locale("km").months["format"]["wide"].items()}
_ENGLISH_MONTHS = {name: number for number, name in Locale("en").months["format"]["wide"].items()}
# Python's \d is any digit, Khmer's too: the digits are spelled out.
_DAY = re.compile(r"(?<![0-9])([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?![0-9])")
_MONTH = re.compile(rf"\b({'|'.join(_ENGLISH_MONTHS)})\b")
_KHMER_MONTH = re.compile(f"ខែ({'|'.join(_MONTHS)})")
# Latin digits with "," between thousands (English, and the data's own words in any answer);
# Khmer digits with "." between thousands.
_LATIN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+")
_KHMER = re.compile(r"[០-៩]{1,3}(?:\.[០-៩]{3})+(?![០-៩])|[០-៩]+")


def figures(text: str, lang: str) -> Counter[str]:
    """Every number and date of an answer, as one language-free multiset: a date's day and
    year are numbers and its month a month (29/06/2023, 29 June 2023 and ថ្ងៃទី២៩ ខែមិថុនា
    ឆ្នាំ២០២៣ alike; so are ranges, "26–29 June 2023" and its Khmer)."""
    months: list[str] = []

    def month(number: int) -> str:
        months.append(f"month {number}")
        return " "

    text = _DAY.sub(lambda m: f" {m[1]} {month(int(m[2]))} {m[3]} ", text)
    text = _MONTH.sub(lambda m: month(_ENGLISH_MONTHS[m[1]]), text)
    if lang == "km":
        text = _KHMER_MONTH.sub(lambda m: month(_MONTHS[m[1]]), text)
    numbers = [n.replace(",", "") for n in _LATIN.findall(text)]
    numbers += [latin_digits(n).replace(".", "") for n in _KHMER.findall(text)]
    return Counter([*months, *(str(int(n)) for n in numbers)])


def test_figures_read_both_languages_alike() -> None:
    english = "Claimed defectors, 01/06/2023: 6,476 in 110 reports"
    khmer = "អ្នកប្តូរបក្ស ថ្ងៃទី១ ខែមិថុនា ឆ្នាំ២០២៣៖ ៦.៤៧៦ ក្នុង របាយការណ៍ ១១០"
    assert figures(english, "en") == figures(khmer, "km")
    assert figures(english, "en") != figures(khmer.replace("៦.៤៧៦", "៦.៤៧៣"), "km")


def test_every_command_is_asked() -> None:
    asked = {line.split()[0].lstrip("/") for line in ASKED + CONSOLE_ONLY + TELEGRAM_ONLY}
    # /add and /undo change the data; the intake review's commands and /lookup are tested with
    # intake (tests/test_intake_*).
    assert {c.name for c in COMMANDS} - asked <= {
        "add", "undo", "intake_add", "intake_edit", "intake_skip", "lookup"
    }  # fmt: skip


@pytest.mark.parametrize("line", ASKED + CONSOLE_ONLY)
def test_the_console_gives_the_same_figures_in_khmer(desk: Desk, line: str) -> None:
    english = to_plain(answer_text(desk, line, console_chat("en")))
    khmer = to_plain(answer_text(desk, line, console_chat("km")))
    assert khmer != english, "nothing of the answer was written in Khmer"
    assert figures(khmer, "km") == figures(english, "en"), (english, khmer)


def test_khmer_numbers_and_dates_are_the_press_forms(desk: Desk) -> None:
    khmer = to_plain(answer_text(desk, "/total", console_chat("km")))
    assert "៦.៤៧៦" in khmer and "6,476" not in khmer
    on = to_plain(answer_text(desk, "/on 29/06/2023", console_chat("km")))
    assert "ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣" in on


async def test_telegram_gives_the_same_figures_in_khmer(desk: Desk) -> None:
    def khmer_user(fake: FakeBotAPI) -> None:
        fake.add_private_chat(KHMER_USER, "Dara", language_code="km")

    async def ask(rig: Rig, chat: Chat, line: str) -> str:
        """What the chat is sent for the line: its messages' texts, or a file's caption."""
        before = len(rig.fake.sent_messages(chat.id))
        parts = (
            1
            if line.startswith(("/chart", "/export"))
            else len(html_messages(answer_text(desk, line, chat)))
        )
        rig.fake.push_message(chat.id, chat.id, line)
        for _ in range(400):
            if len(rig.fake.sent_messages(chat.id)) >= before + parts:
                break
            await asyncio.sleep(0.05)
        sent = rig.fake.sent_messages(chat.id)[before:]
        assert len(sent) == parts, (line, sent)
        return "\n".join(s.text or "" for s in sent)

    english = Chat(USER, "private", USER, "Sokha", None)
    khmer = Chat(KHMER_USER, "private", KHMER_USER, "Dara", "km")
    async with running_bot(desk, setup=khmer_user) as rig:
        for line in ASKED:
            en_text, km_text = await ask(rig, english, line), await ask(rig, khmer, line)
            assert km_text != en_text, line
            assert figures(km_text, "km") == figures(en_text, "en"), (line, en_text, km_text)
        assert rig.rejected() == []


async def test_language_with_its_buttons(db_url: str) -> None:
    desk = open_desk(db_url)
    async with running_bot(desk) as rig:
        (shown,) = await rig.say(USER, "/language")
        assert "English" in (shown.text or "")
        buttons = [b for row in shown.message["reply_markup"]["inline_keyboard"] for b in row]
        khmer = next(b for b in buttons if b["text"] == "ខ្មែរ")
        rig.fake.push_callback_query(USER, USER, shown.message_id, khmer["callback_data"])
        (edited,) = await rig.fake.wait_for("editMessageText")
        said = str(edited.params["text"])
        assert "ភាសាខ្មែរ" in said, said
        (total,) = await rig.say(USER, "/total")
        assert "៦.៤៧៦" in (total.text or "")
        (back,) = await rig.say(USER, "/language en")
        assert (back.text or "").startswith("From now on this chat is answered in English")
        (total,) = await rig.say(USER, "/total")
        assert "6,476" in (total.text or "")
        assert rig.rejected() == []


async def test_the_telegram_language_is_only_a_first_guess(db_url: str) -> None:
    desk = open_desk(db_url)

    def khmer_user(fake: FakeBotAPI) -> None:
        fake.add_private_chat(KHMER_USER, "Dara", language_code="km-KH")

    async with running_bot(desk, setup=khmer_user) as rig:
        (guessed,) = await rig.say(KHMER_USER, "/total")
        assert "៦.៤៧៦" in (guessed.text or "")
        await rig.say(KHMER_USER, "/language en")
        (chosen,) = await rig.say(KHMER_USER, "/total")
        assert "6,476" in (chosen.text or "")


async def test_menus_and_descriptions_in_khmer(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        await rig.stop()
    private = {"type": "all_private_chats"}
    english = rig.fake.commands(scope=private)
    khmer = rig.fake.commands(scope=private, language_code="km")
    assert [c["command"] for c in khmer] == [c["command"] for c in english]  # names stay Latin
    assert all(k["description"] != e["description"] for k, e in zip(khmer, english, strict=True))
    assert rig.fake.description() and rig.fake.description(language_code="km")
    assert rig.fake.description(short=True) != rig.fake.description(language_code="km", short=True)


def test_a_weekly_summary_in_the_chats_language(db_url: str) -> None:
    from bot.core.periods import parse_week
    from bot.delivery.weekly import DueDigest
    from handlers.delivery import DigestTexts

    desk = open_desk(db_url)
    with desk.connect() as conn, conn.begin():
        set_language(conn, 7, "km", 7, datetime(2023, 7, 1, tzinfo=UTC))
    week = parse_week("26/06/2023", today=desk.today())
    due = [DueDigest(1, chat, week, desk.now(), None) for chat in (6, 7)]
    texts = DigestTexts.for_run(desk, due)
    english, khmer = (texts._build(item).parts for item in due)
    assert english[0].startswith("<b>Weekly summary of defection claims")
    assert "សេចក្តីសង្ខេបប្រចាំសប្តាហ៍" in khmer[0]
    assert figures(" ".join(khmer), "km") == figures(" ".join(english), "en")


def test_language_codes() -> None:
    assert [language(c) for c in ("km", "km-KH", "km_KH", "EN", "en-GB")] == [
        "km",
        "km",
        "km",
        "en",
        "en",
    ]
    assert language("fr") is None and language("") is None


# -------------------------------------------------------------------------- the catalog --


def _texts(value: object) -> list[str]:
    """A catalog entry's text or texts (a plural has several)."""
    if isinstance(value, str):
        return [value]
    assert isinstance(value, (tuple, list)), value
    return [str(v) for v in value]


def test_the_khmer_catalog_is_complete_and_marked_for_review() -> None:
    with (LOCALE_DIR / "km" / "LC_MESSAGES" / "desk.po").open("rb") as po:
        catalog = read_po(po)
    assert len(catalog) > 100
    for message in catalog:
        strings = _texts(message.string)
        assert all(strings) and "fuzzy" not in message.flags, message.id
        wanted = {p for s in _texts(message.id) for p in re.findall(r"\{(\w*)\}", s)}
        assert {p for s in strings for p in re.findall(r"\{(\w*)\}", s)} == wanted, message.id
    caveats = [m for m in catalog if any(c.startswith("CAVEAT") for c in m.auto_comments)]
    assert len(caveats) >= 6  # the caveats an editor checks first (bot/core/caveats.py)
    assert (catalog.last_translator or "").startswith(UNREVIEWED)
    assert reviewer("km") is None
    with in_language("km"):
        about = to_plain(answer_text(Desk.open("sqlite://"), "/about", console_chat("km")))
    assert "មិនទាន់ត្រូវបានពិនិត្យ" in about  # the draft says it is one


def test_the_catalog_check_passes() -> None:
    """tests/run.sh runs it too: a string missing from the catalog or stale in it fails."""
    bin_dir = REPO / ".venv" / "bin"
    env_bin = {"PYBABEL": str(bin_dir / "pybabel"), "PYTHON": str(bin_dir / "python")}
    result = subprocess.run(
        ["bash", "bot/locale/catalog.sh", "check"],
        cwd=REPO,
        env={**env_bin, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_a_chat_language_is_stored_per_chat(db_url: str) -> None:
    desk = open_desk(db_url)
    here = Chat(USER, "private", USER, "Sokha (1001)", "en")
    other = Chat(USER + 1, "private", USER + 1, "Dara", "en")
    answer_text(desk, "/language km", here)
    assert "៦.៤៧៦" in to_plain(answer_text(desk, "/total", here))
    assert "6,476" in to_plain(answer_text(desk, "/total", other))


def test_watch_alerts_in_each_chats_language(db_url: str) -> None:
    from bot.commands.curation import add_claim
    from bot.delivery.watchlists import answer_watch, due_alerts

    desk = Desk.open(db_url)
    with desk.connect() as conn, conn.begin():
        set_language(conn, 8, "km", 8, datetime(2023, 7, 1, tzinfo=UTC))
    for chat in (7, 8):
        assert answer_watch(desk, chat, "private", chat, "Candlelight").ok
    assert add_claim(desk, 1, "editor (1)", "01/07/2023 1234 Candlelight Party").ok
    alerts = {a.chat_id: to_plain(a.answer) for a in due_alerts(desk)}
    assert alerts[7].startswith("Watchlist: Candlelight Party")
    assert alerts[8].startswith("បញ្ជីតាមដាន៖ គណបក្សភ្លើងទៀន (Candlelight Party)")  # its Khmer name
    assert "១.២៣៤" in alerts[8] and "1,234" in alerts[7]
    # The time of the last check differs by the moment each was read: compare the figures.
    english = figures(alerts[7], "en")
    khmer = figures(alerts[8], "km")
    assert english["1234"] == khmer["1234"] == 1
