"""The console, ``desk ask`` and a Telegram private chat take the same path for any text.

Every line of :data:`INPUTS` (each command with usual and odd arguments, questions in words, odd
input) goes, in the same order, through

- the console: one ``desk chat`` session (:func:`bot.console.chat`);
- ``desk ask``: the CLI entry in-process, one call per line, and a few in real processes;
- the bot: the real Application, polling the fake Bot API over real HTTP, in a private chat;

each over its own copy of one seeded SQLite file (/add and /undo change the data, and each
channel must see the same data). All three must give the same text, and the same text as the
shared path itself (:func:`bot.commands.answer_text`) in a private chat: word for word, with
the same choices. Where the registry says a place differs, the test holds each to the registry:
the console answers a chat command (/subscribe, /watch, ...) with the command's ``elsewhere``
text; Telegram sends /chart and /export as a picture or file, whose caption's lines are lines
of the console's text.

The user is one of the desk's admins (DESK_ADMIN_IDS), as the console's operator is, so /add
and /undo answer alike. Every answer uses the real clock on every channel.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands import answer_text, attachment, not_here, read
from bot.commands.registry import Attachment, Chat, Command, console_chat
from bot.console import chat
from bot.core.answer import Answer
from bot.core.render import html_messages, to_plain
from bot.desk import Desk
from bot.storage.engine import make_engine
from handlers.files import caption_html
from handlers.reply import command_of_choice
from tests.botrig import USER, running_bot
from tests.conftest import REPO
from tests.fake_bot_api import Sent, parse_html

PRIVATE = Chat(USER, "private", USER, "Sokha (1001)")

# Written for this test. Lines that read or change nothing come first, then the chat commands
# (whose state only the bot and the private chat keep), then the data changes (/add, /undo),
# so every read sees the seed data on every channel.
READS = [
    # /who: names as typed, spellings, dates, odd arguments
    "/who Kung Raiya",
    "/who kung raya",
    "/who KUNG RAIYA",
    "/who   Kung    Raiya  ",
    "/who Kung Raiya as of 30 June 2023",
    "/who Kung Raiya as of 20 June 2023",
    "/who Kung Raiya as of 1 August 2023",
    "/who Kung Raiya as of 2019",
    "/who Kung Raiya as of the day after tomorrow",
    "/who Sok Eysan",
    "/who sok eisan",
    "/who Hun Sen",
    "/who hun sen as of May 2023",
    "/who Kem Sokha",
    "/who Sam Inn",
    "/who Sem Hak",
    "/who Bunthorn",
    "/who Tum Bunthorn",
    "/who Sar Longdeth",
    "/who Sarlong Det",
    "/who Yang Saing Koma",
    "/who Phil Robertson",
    "/who Mr Kung Raiya",
    "/who Nobody At All",
    "/who CNRP",
    "/who",
    "/who ?",
    "/who x",
    "/who 🕯️",
    "/who ហ៊ុន សែន",
    "/who <b>Kung Raiya</b>",
    "/who Kung & Raiya",
    "/who Kung Raiya " * 4,
    "/who " + "Raiya" * 130,
    # /total: parties, periods, both, neither
    "/total",
    "/total Candlelight",
    "/total candlelight june",
    "/total Candlelight Party June 2023",
    "/total CLP May",
    "/total CNRP",
    "/total CNRP 2023",
    "/total cnrp, june",
    "/total FUNCINPEC Q2 2023",
    "/total Funcinpec",
    "/total GDP",
    "/total KNUP",
    "/total Unnamed Parties",
    "/total Political Analyst",
    "/total CPP",
    "/total June",
    "/total 2023-06",
    "/total 29/06/2023",
    "/total 1/6/2023 - 15/6/2023",
    "/total May-June 2023",
    "/total July 2023",
    "/total 2024",
    "/total Candlelite June",
    "/total Zzyzx",
    "/total ភ្លើងទៀន",
    "/total គណបក្សសង្គ្រោះជាតិ June",
    "/total Candlelight 31/06/2023",
    "/total CNRP " * 120,
    # /on
    "/on 29/06/2023",
    "/on 2023-06-29",
    "/on 29 June 2023",
    "/on June 29",
    "/on 26-29 June 2023",
    "/on 26/06/2023 - 30/06/2023",
    "/on 25/06/2023",
    "/on 01/01/2023",
    "/on 31/06/2023",
    "/on yesterday-ish",
    "/on",
    "/on 29/06/2023\u202e",
    # /summary
    "/summary",
    "/summary 26/06/2023",
    "/summary 2023-W26",
    "/summary 2023-W25",
    "/summary 2023-W60",
    "/summary 01/01/2024",
    "/summary next tuesday",
    # /chart and /export: a picture or file in Telegram, text elsewhere
    "/chart",
    "/chart Candlelight",
    "/chart CNRP May",
    "/chart Candlelight June 2023",
    "/chart Funcinpec 2022",
    "/chart Nowhere Party",
    "/export",
    "/export CNRP June",
    "/export Candlelight 29/06/2023",
    "/export Candlelight 2022",
    "/export Zzyzx",
    # the catalogue
    "/parties",
    "/parties please",
    "/sources",
    "/about",
    "/help",
    "/help me",
    "/start",
    "/changes",
    "/lookup Long Phary met Candlelight and CNRP members",
    "/lookup",
    # suffixes, case, another bot's name
    "/who@DefectionDeskBot Kung Raiya",
    "/WHO@DefectionDeskBot kung raya",
    "/total@DefectionDeskBot CNRP",
    "/Total Candlelight",
    "/who@OtherBot Kung Raiya",
    "/help@SomeOtherBot",
    "/frobnicate@OtherBot",
    "/summary@DefectionDeskBot",
    # unknown commands and broken ones
    "/frobnicate",
    "/whois Kung Raiya",
    "/who_is Kung Raiya",
    "/totals CNRP",
    "/" + "z" * 32,
    "/" + "z" * 40,
    "/total-CNRP",
    "/ who Kung Raiya",
    "//who Kung Raiya",
    "/кто Кунг",
    "/who@x Kung Raiya",
    # questions in words
    "how many CNRP defections in June?",
    "How many Candlelight defections in June?",
    "how many people left the candlelight party in may",
    "how many defected in 2023",
    "total defections",
    "how many funcinpec defectors",
    "how many defections to the CPP in June",
    "how many Zzyzx defections in June?",
    "how many days until the election",
    "who is Kung Raiya",
    "Who is kung raya?",
    "who's Sok Eysan",
    "tell me about Hun Sen",
    "what happened to Kem Sokha",
    "who is the king of France",
    "what was Kung Raiya's status on 1 August 2023",
    "who was Kung Raiya as of 20 June 2023",
    "what happened on 26 June 2023",
    "what was reported on 29/06/2023",
    "any defections on 1 July 2023",
    "26 June 2023",
    "summary of last week",
    "weekly summary for the week of 26 June 2023",
    "give me the summary",
    "chart of Candlelight in June",
    "draw a graph of CNRP defections",
    "export the CNRP rows for June",
    "can I download the raw data",
    "which parties are in the data",
    "where does the data come from",
    "what is this data",
    "help",
    "Kung Raiya",
    "kung raiya june",
    "Candlelight",
    "CNRP June",
    "hi bot, how many CNRP defections in June please",
    "please tell me who is Sok Eysan",
    "what's the weather like",
    "hello",
    "thanks!",
    "ភ្លើងទៀន",
    "how many ភ្លើងទៀន defections in June?",
    "¿cuántos desertores hubo en junio?",
    "多少人叛逃",
    "how many CNRP defections in June? " * 12,
    # issue 20: periods as reporters write them, parts of party names, joint combinations,
    # rankings, comparisons, people and statements (commands and questions in words)
    "/total CNRP since May",
    "/total cnrp,june",
    "/total Candlelight last month",
    "/total first half",
    "/total Funcinpec the week of 26 June",
    "/total Youth Party",
    "/total funcinpec party",
    "/total Democracy since May",
    "/total CNRP / Candlelight",
    "/total CNRP / Funcinpec",
    "/top",
    "/top May",
    "/top claims June",
    "/top 3 days Candlelight June",
    "/top weeks since May",
    "/top days Democracy",
    "/compare CLP vs FUNCINPEC May",
    "/compare CNRP May vs June",
    "/compare June vs June",
    "/people fled",
    "/people arrested",
    "/people spokesperson CPP",
    "/people named May",
    "/people Candlelight",
    "/people",
    "/said Sok Eysan",
    "/said Bunthorn",
    "/said CPP",
    "how many CNRP defections since May?",
    "how many defections last week",
    "top parties in May",
    "largest claims in June",
    "which week had the most defections?",
    "compare May and June",
    "CLP vs FUNCINPEC in May",
    "who fled?",
    "who defected in May?",
    "who is the CPP spokesperson?",
    "what did Sok Eysan say?",
    "what did the Candlelight spokesman say",
    "Youth Party June",
    # odd input
    "/",
    "?",
    ".",
    "…",
    "\u200b",
    "👍",
    "🕯️🕯️🕯️",
    "<b>bold</b> & co",
    "&amp; &lt;",
    "\u202eeyaR gnuK",
    "ｗｈｏ ｉｓ Ｋｕｎｇ Ｒａｉｙａ",
    "ka" * 2000,
    "/who\u00a0Kung Raiya",
    "Kung\u3000Raiya",
]
# Commands that act on the chat: only the bot (and the private chat the reference answers in)
# keep their state; the console says why not, each time.
CHATS = [
    "/subscription",
    "/subscribe",
    "/subscription",
    "/subscribe friday 17:30",
    "/subscribe fri 7pm",
    "/subscribe someday",
    "/subscribe monday 25:00",
    "/subscribe tuesday 08:00 Europe/Paris",
    "/subscribe sunday 23:59 Mars/Olympus",
    "/subscribe America/Argentina",
    "/subscription",
    "/unsubscribe",
    "/unsubscribe",
    "/subscription",
    "/watches",
    "/watch Candlelight",
    "/watch CLP",
    "/watch kung raya",
    "/watch Bunthorn",
    "/watch person Sok Eysan",
    "/watch party CNRP",
    "/watch Nobody At All",
    "/watch",
    "/watches",
    "/unwatch Candlelight",
    "/unwatch Hun Sen",
    "/unwatch",
    "/unwatch party Cambodia National Rescue Party",
    "/unwatch kung raiya",
    "/unwatch person Sok Eysan",
    "/watches",
    "/unwatch Kung Raiya",
    "/subscribe@DefectionDeskBot wed 10:00",
    "/unsubscribe@DefectionDeskBot",
    "/watches@OtherBot",
    "/language",
    "/language fr",
    "/language en",
]
CHANGES = [
    "/undo",
    "/add",
    "/add 01/07/2023",
    "/add 01/07/2023 12",
    "/add 31/06/2023 12 Funcinpec",
    "/add 01/07/2023 twelve Funcinpec",
    "/add 01/07/2023 12 Zzyzx Party",
    "/add 01/07/2023 12 Funcinpec",
    "/total Funcinpec July 2023",
    "/on 01/07/2023",
    "/add 02/07/2023 7 Candlelight Party (including Sok Fixer)",
    "/undo",
    "/undo",
    "/undo",
    "/total Funcinpec July 2023",
    "/add@DefectionDeskBot 03/07/2023 4 CNRP / Candlelight Party",
    "/on 03/07/2023",
    "/undo",
    "/intake_add 999",
    "/intake_edit",
    "/intake_edit 999 number 5",
    "/intake_skip x",
]
INPUTS = READS + CHATS + CHANGES
# `desk ask` in a real process: lines that read only (each process gets a fresh copy).
IN_PROCESSES = [
    "/total candlelight june",
    "who defected in May?",
    "/compare CLP vs FUNCINPEC May",
    "how many CNRP defections in June?",
    "/who@OtherBot Kung Raiya",
    "/total ភ្លើងទៀន",
    "/subscribe friday 17:30",
    "/frobnicate",
    "\u200b",
]


PROMPT = "\u241edesk> "  # a record separator no answer contains
BUTTON = re.compile(r"^  \[\d+\] (.*)  \((/.*)\)$")
ASK_BUTTON = re.compile(r"^  \[button\] (.*): (/.*)$", re.MULTILINE)
SHOWN_CHOICES, LABEL_LIMIT = 8, 60  # what Telegram's keyboard shows (handlers/reply.py)


@dataclass
class Said:
    """What one channel showed for one line: its text, the choices offered, answered or not."""

    text: str
    choices: list[tuple[str, str]]
    ok: bool | None = None


@dataclass
class Expected:
    """The shared path's answer in a private chat, and the picture or file Telegram gets."""

    command: Command | None
    answer: Answer
    sent: Answer | Attachment
    console_refused: str | None  # the registry's text for the console, for a chat command

    @property
    def messages(self) -> list[str]:
        """What Telegram users see of each message (text, or a file's caption)."""
        if isinstance(self.sent, Attachment):
            return [parse_html(caption_html(self.sent.caption))[0]]
        return [parse_html(part)[0].strip() for part in html_messages(self.sent)]


def test_the_inputs_cover_every_command_and_then_some() -> None:
    from bot.commands.registry import COMMANDS

    assert len(INPUTS) >= 200
    named = (re.match(r"/(\w+)", line) for line in INPUTS)
    assert {c.name for c in COMMANDS} <= {m[1].lower() for m in named if m}
    # The console reads a line at a time and answers none that is blank or a choice's number.
    assert all("\n" not in line and line.strip() and not line.strip().isdigit() for line in INPUTS)
    assert not any(line.strip().lower() in ("quit", "exit", "q") for line in INPUTS)
    assert not any(line.startswith("-") for line in INPUTS)  # argparse would read an option


# --------------------------------------------------------------------------- channels --


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One seeded SQLite file, copied for each channel (and for the reference)."""
    folder = tmp_path_factory.mktemp("same")
    seed = folder / "seed.sqlite3"
    Desk.open(f"sqlite:///{seed}").engine.dispose()
    assert not Path(f"{seed}-wal").exists() or Path(f"{seed}-wal").stat().st_size == 0
    urls = {}
    for name in ("reference", "console", "ask", "bot", "processes"):
        shutil.copyfile(seed, folder / f"{name}.sqlite3")
        urls[name] = f"sqlite:///{folder / f'{name}.sqlite3'}"
    return urls


@pytest.fixture(scope="module")
def expected(copies: dict[str, str]) -> Iterator[list[Expected]]:
    desk = Desk.open(copies["reference"])
    found = []
    for line in INPUTS:
        route = read(desk, line)
        refused = not_here(route, console_chat())
        console_refused = to_plain(refused) if refused is not None else None
        command = route.command
        sent: Answer | Attachment | None = None
        if command is not None and command.file is not None and route.problem is None:
            sent = attachment(desk, route, PRIVATE)  # files only read: this may run twice
        answer = answer_text(desk, line, PRIVATE)
        found.append(Expected(command, answer, sent or answer, console_refused))
    yield found
    desk.engine.dispose()


@pytest.fixture(scope="module")
def console(copies: dict[str, str]) -> Iterator[list[Said]]:
    desk = Desk.open(copies["console"])
    out = StringIO()
    chat(desk, StringIO("".join(f"{line}\n" for line in INPUTS)), out, prompt=PROMPT)
    desk.engine.dispose()
    # Before the first prompt nothing; after the last one, the end of input.
    chunks = out.getvalue().split(PROMPT)[1:-1]
    assert len(chunks) == len(INPUTS)
    said = []
    for chunk in chunks:
        lines = chunk.removesuffix("\n").split("\n")
        assert lines.pop() == "", chunk
        choices: list[tuple[str, str]] = []
        while lines and (button := BUTTON.match(lines[-1])):
            choices.insert(0, (button[1], button[2]))
            lines.pop()
        said.append(Said("\n".join(lines), choices))
    yield said


@pytest.fixture(scope="module")
def asked(copies: dict[str, str]) -> list[Said]:
    """``desk ask LINE`` through the CLI's entry point, in this process, one call per line."""
    said = []
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DESK_DATABASE_URL", copies["ask"])
        env.delenv("TELEGRAM_BOT_TOKEN", raising=False)
        for line in INPUTS:
            out, err = StringIO(), StringIO()
            with redirect_stdout(out), redirect_stderr(err):
                code = main(["ask", line])
            assert code in (0, 1), (line, err.getvalue())
            choices = [(m[0], m[1]) for m in ASK_BUTTON.findall(err.getvalue())]
            said.append(Said(out.getvalue().removesuffix("\n"), choices, code == 0))
    return said


@pytest.fixture(scope="module")
def telegram(copies: dict[str, str], expected: list[Expected]) -> list[list[Sent]]:
    """The bot in a private chat with USER, one of the desk's admins: what it sent per line."""
    desk = Desk.open(copies["bot"])
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DESK_ADMIN_IDS", str(USER))
        sent = asyncio.run(_through_the_bot(desk, [len(e.messages) for e in expected]))
    desk.engine.dispose()
    return sent


async def _through_the_bot(desk: Desk, counts: list[int]) -> list[list[Sent]]:
    got = []
    async with running_bot(desk) as rig:
        for line, count in zip(INPUTS, counts, strict=True):
            before = len(rig.fake.sent_messages(USER))
            rig.fake.push_message(USER, USER, line)
            for _ in range(4000):  # 20 s
                if len(rig.fake.sent_messages(USER)) >= before + count:
                    break
                await asyncio.sleep(0.005)
            got.append(rig.fake.sent_messages(USER)[before : before + count])
            assert len(got[-1]) == count, f"the bot sent {len(got[-1])} of {count} for {line!r}"
    # The app has stopped, so every update was handled: nothing else went out.
    assert len(rig.fake.sent_messages(USER)) == sum(counts)
    assert rig.rejected() == []
    return got


# -------------------------------------------------------------------------- the checks --


def choices_of(sent: list[Sent], bot_url: str) -> list[tuple[str, str | None]]:
    """The choices under the last message, as (label, command); a long command is read from
    the bot's database, where it kept it."""
    markup = sent[-1].message.get("reply_markup") if sent else None
    if not markup:
        return []
    desk = Desk(make_engine(bot_url))
    return [
        (b["text"], command_of_choice(desk, b["callback_data"]))
        for row in markup["inline_keyboard"]
        for b in row
        if "callback_data" in b  # the copy and share buttons are Telegram's alone
    ]


def shown(choices: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """The choices as Telegram's keyboard shows them: the first few, labels cut short."""
    return [(label[:LABEL_LIMIT], command) for label, command in choices[:SHOWN_CHOICES]]


def words(text: str) -> list[str]:
    """The text's lines without blank ones: a long answer split into messages loses the blank
    line where it was split."""
    return [line for line in text.split("\n") if line.strip()]


def test_console_desk_ask_and_the_bot_say_the_same(
    console: list[Said],
    asked: list[Said],
    telegram: list[list[Sent]],
    expected: list[Expected],
    copies: dict[str, str],
) -> None:
    differ: list[tuple[object, ...]] = []
    for line, c, a, t, e in zip(INPUTS, console, asked, telegram, expected, strict=True):
        if (a.text, a.choices) != (c.text, c.choices):
            differ.append((line, "desk ask", a.text, "console", c.text))
        if e.console_refused is not None:
            continue  # the console is no Telegram chat: held to the registry below
        if isinstance(e.sent, Attachment):
            caption = words(t[0].text or "")
            it = iter(words(c.text))
            if not all(line in it for line in caption):  # in order, each a line of the text
                differ.append((line, "bot caption", t[0].text, "console", c.text))
            continue
        told = "\n".join(s.text or "" for s in t)
        if (told if len(t) == 1 else words(told)) != (c.text if len(t) == 1 else words(c.text)):
            differ.append((line, "bot", told, "console", c.text))
        if choices_of(t, copies["bot"]) != shown(c.choices):
            differ.append((line, "bot choices", choices_of(t, copies["bot"]), "console", c.choices))
    assert differ == [], f"{len(differ)} lines differ; the first: {differ[:3]}"


def test_each_is_the_shared_path_s_answer(
    console: list[Said],
    asked: list[Said],
    telegram: list[list[Sent]],
    expected: list[Expected],
    copies: dict[str, str],
) -> None:
    """Word for word per message, with the same choices and the same 'answered or not'."""
    for line, c, a, t, e in zip(INPUTS, console, asked, telegram, expected, strict=True):
        assert [s.text for s in t] == e.messages, line
        if isinstance(e.sent, Attachment):
            assert e.command is not None
            assert e.command.sends == ("photo" if t[0].method == "sendPhoto" else "document")
            if t[0].method == "sendDocument":
                assert t[0].message["document"]["file_name"] == e.sent.filename
        else:
            bot_choices = choices_of(t, copies["bot"])
            assert bot_choices == shown([(b.label, b.command) for b in e.sent.buttons]), line
        if e.console_refused is None:
            assert c.text == to_plain(e.answer), line
            assert a.ok == e.answer.ok, line
        else:
            assert c.text == e.console_refused and a.ok is False, line


def test_chat_commands_answer_in_telegram_and_say_why_not_in_the_console(
    console: list[Said], telegram: list[list[Sent]], expected: list[Expected]
) -> None:
    refused = [
        (line, c, t, e.command)
        for line, c, t, e in zip(INPUTS, console, telegram, expected, strict=True)
        if e.console_refused is not None
    ]
    assert {line for line, *_ in refused} == set(CHATS)
    for line, c, t, command in refused:
        assert command is not None and c.text == command.elsewhere
        assert "I don't know" not in (t[0].text or "") and t[0].text != c.text, line


def test_desk_ask_in_real_processes(
    copies: dict[str, str], console: list[Said], expected: list[Expected]
) -> None:
    env = {**os.environ, "DESK_DATABASE_URL": copies["processes"]}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    for line in IN_PROCESSES:
        result = subprocess.run(
            [sys.executable, "-m", "handlers.entry", "ask", line],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        i = INPUTS.index(line)
        assert result.stdout.removesuffix("\n") == console[i].text, line
        answered = expected[i].console_refused is None and expected[i].answer.ok
        assert result.returncode == (0 if answered else 1), (line, result.stderr)


def test_desk_run_without_a_token_is_the_same_console(
    copies: dict[str, str], console: list[Said]
) -> None:
    """The README's first command: with no token, `desk run` opens this console."""
    lines = ["how many CNRP defections in June?", "/subscribe friday 17:30", "Kung Raiya"]
    env = {**os.environ, "DESK_DATABASE_URL": copies["processes"]}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    result = subprocess.run(
        [sys.executable, "-m", "handlers.entry", "run"],
        cwd=REPO,
        env=env,
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "@BotFather" in result.stderr
    said = [console[INPUTS.index(line)] for line in lines]
    assert result.stdout == "".join(
        f"{s.text}\n"
        + "".join(
            f"  [{i}] {label}  ({command})\n" for i, (label, command) in enumerate(s.choices, 1)
        )
        + "\n"
        for s in said
    )
