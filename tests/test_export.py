"""``/export``: the rows behind an answer as a CSV document, so every figure can be checked;
``/total`` offers them with a "Show the rows" button whose press sends the file. ``desk export``
writes every row with the same writer.

Reference figures as in tests/test_total.py (awk over the seed table): Candlelight alone in June
3,483 in 26 reports; joint rows with Candlelight in June 236 in 5; all of June 4,942 in 55.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import answer_text
from bot.commands.export import COLUMNS, ExportFile, export_claims, export_rows
from bot.core.answer import Answer
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import USER, running_bot
from tests.conftest import ANALYSIS_CITATION, REPO
from tests.fake_bot_api import UploadedFile, parse_html


def rows_of(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_rows_add_up_to_the_total_figure(desk: Desk) -> None:
    file = export_rows(desk, "Candlelight June")
    assert isinstance(file, ExportFile)
    rows = rows_of(file.data)
    assert tuple(rows[0]) == COLUMNS
    single = [r for r in rows if r["row_type"] == "single party"]
    joint = [r for r in rows if r["row_type"] == "joint"]
    assert (len(single), sum(int(r["number"]) for r in single)) == (26, 3483)
    assert (len(joint), sum(int(r["number"]) for r in joint)) == (5, 236)
    assert all("Candlelight Party" in r["parties"] for r in rows)
    assert {r["source"] for r in rows} == {ANALYSIS_CITATION}
    assert {r["claimant"] for r in rows} == {"pro-government media, chiefly Fresh News"}
    assert rows[0]["date"] == "2023-06-01" and rows[0]["original_line"].startswith("01/06/2023 3 ")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    caption = to_plain(file.caption)
    assert "26 rows marked “single party” add up to 3,483: the /total figure." in caption
    assert "5 rows marked “joint” (236)" in caption
    assert file.filename == "defection-claims_candlelight-party_june-2023.csv"


def test_all_rows_of_a_month_and_named_people(desk: Desk) -> None:
    file = export_rows(desk, "June")
    assert isinstance(file, ExportFile)
    rows = rows_of(file.data)
    assert (len(rows), sum(int(r["number"]) for r in rows)) == (55, 4942)
    named = [r for r in rows if r["named_people"]]
    assert any("Long Phary (mass trial defendant)" in r["named_people"] for r in named)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("Candlelite", "No party in the data matches “Candlelite”"),
        ("2022", "2022 is outside the data, which covers reports dated 21 January – 30 June 2023"),
        ("CNRP 31/06/2023", "31/06/2023 is not a date"),
    ],
)
def test_no_rows_says_why(desk: Desk, args: str, fragment: str) -> None:
    answer = export_rows(desk, args)
    assert isinstance(answer, Answer) and not answer.ok
    assert fragment in to_plain(answer)


def test_console_describes_the_file(desk: Desk) -> None:
    answer = answer_text(desk, "/export CNRP")
    assert answer.ok
    assert "In Telegram, /export sends these rows as a CSV file" in to_plain(answer)


@pytest.mark.parametrize(
    ("question", "command"),
    [
        ("/total Candlelight June", "/export Candlelight Party June 2023"),
        ("/total CLP 1/6/2023 - 15/6/2023", "/export Candlelight Party 1–15 June 2023"),
        ("/total June", "/export June 2023"),
        ("/total", "/export"),
    ],
)
def test_total_offers_its_rows(desk: Desk, question: str, command: str) -> None:
    answer = answer_text(desk, question)
    assert [(b.label, b.command) for b in answer.buttons] == [("Show the rows", command)]
    # The button's words select exactly the rows behind the figure.
    file = export_rows(desk, command.removeprefix("/export").strip())
    assert isinstance(file, ExportFile)
    figure = to_plain(answer).splitlines()[0].split(": ")[1].split()[0]
    single = [r for r in rows_of(file.data) if r["row_type"] == "single party"]
    if "Candlelight" in question or "CLP" in question:
        assert f"{sum(int(r['number']) for r in single):,}" == figure


def test_no_button_when_there_are_no_rows(desk: Desk) -> None:
    assert answer_text(desk, "/total Candlelight 2022").buttons == []


async def test_export_is_sent_as_a_document(desk: Desk) -> None:
    want = export_rows(desk, "Candlelight June")
    assert isinstance(want, ExportFile)
    async with running_bot(desk) as rig:
        rig.fake.push_message(USER, USER, "/export Candlelight June")
        (call,) = await rig.fake.wait_for("sendDocument", predicate=lambda c: c.ok)
    document = call.params["document"]
    assert isinstance(document, UploadedFile)
    assert document.filename == want.filename and document.data == want.data
    assert parse_html(call.params["caption"])[0] == to_plain(want.caption)
    assert rig.rejected({"sendDocument"}) == []


async def test_show_the_rows_button_sends_the_file(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (total,) = await rig.say(USER, "/total Candlelight June")
        keyboard = total.message["reply_markup"]["inline_keyboard"]
        (button,) = [b for row in keyboard for b in row]
        assert button["text"] == "Show the rows"
        rig.fake.push_callback_query(USER, USER, total.message_id, button["callback_data"])
        (call,) = await rig.fake.wait_for("sendDocument", predicate=lambda c: c.ok)
        await rig.fake.wait_for("answerCallbackQuery")
    assert call.params["chat_id"] == USER
    assert call.params["document"].filename == "defection-claims_candlelight-party_june-2023.csv"
    # The answer stays on screen: the press sends a file rather than editing the message.
    assert rig.calls("editMessageText") == []
    stored = rig.fake.message(USER, total.message_id)
    assert stored is not None and stored["text"] == total.text
    assert rig.rejected() == []


async def test_export_without_rows_answers_in_text(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (reply,) = await rig.say(USER, "/export Zzyzx Party")
    assert "No party in the data matches" in (reply.text or "")
    assert rig.calls("sendDocument") == []


# ------------------------------------------------------------------------------ desk export --

TOTAL_ROWS, TOTAL_DEFECTORS = 110, 6_476


def test_desk_export_writes_what_export_sends_for_every_row(desk: Desk) -> None:
    """One writer: `desk export` is byte for byte the /export file of all rows (BOM aside)."""
    everything = export_rows(desk, "")
    assert isinstance(everything, ExportFile) and everything.rows == TOTAL_ROWS
    out = io.StringIO(newline="")
    assert export_claims(desk.engine, out, "csv") == TOTAL_ROWS
    assert out.getvalue().encode("utf-8-sig") == everything.data
    rows = rows_of(everything.data)
    assert sum(int(r["number"]) for r in rows) == TOTAL_DEFECTORS
    joint = [
        r
        for r in rows
        if r["original_line"] == "25/06/2023 145 Candlelight Party / Unnamed Parties"
    ]
    assert len(joint) == 1 and joint[0]["parties"] == "Candlelight Party / Unnamed Parties"
    assert joint[0]["row_type"] == "joint"


def test_desk_export_json_has_the_same_columns_with_lists(desk: Desk) -> None:
    out = io.StringIO()
    assert export_claims(desk.engine, out, "json") == TOTAL_ROWS
    records = json.loads(out.getvalue())
    assert isinstance(records, list) and len(records) == TOTAL_ROWS
    assert all(tuple(r) == COLUMNS for r in records)
    assert sum(r["number"] for r in records) == TOTAL_DEFECTORS
    assert all(isinstance(r["number"], int) and isinstance(r["parties"], list) for r in records)
    joint = [r for r in records if len(r["parties"]) > 1]
    assert len(joint) == 7 and all(r["row_type"] == "joint" for r in joint)
    assert all(" / ".join(r["parties"]) in r["original_line"] for r in joint)
    (named,) = [r for r in records if "Long Phary" in r["original_line"]]
    assert named["named_people"] == ["Long Phary (mass trial defendant)"]
    assert (named["date"], named["number"]) == ("2023-06-19", 1)
    # The CSV's cells are these values, lists joined.
    csv_out = io.StringIO(newline="")
    export_claims(desk.engine, csv_out, "csv")
    line = next(
        r
        for r in csv.DictReader(io.StringIO(csv_out.getvalue()))
        if "Long Phary" in r["original_line"]
    )
    assert line == {
        **named,
        "number": "1",
        "parties": "Cambodia National Rescue Party",
        "named_people": "Long Phary (mass trial defendant)",
        "reported_by": "",  # outlets of claims added through intake; a table row has none
        "links": "",
    }


def test_desk_export_on_the_command_line(tmp_path: Path) -> None:
    env = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}"}
    env.pop("TELEGRAM_BOT_TOKEN", None)

    def desk_export(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "handlers.entry", "export", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    result = desk_export()  # an empty database: set up and loaded first, as for desk ask
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(COLUMNS)  # no byte-order mark on a pipe
    assert "Exported 110 claims." in result.stderr
    csv_file = tmp_path / "claims.csv"
    assert desk_export("-o", str(csv_file)).returncode == 0
    data = csv_file.read_bytes()
    assert b"\r\r\n" not in data  # the csv module's line ends, untranslated
    assert len(rows_of(data)) == TOTAL_ROWS  # with the byte-order mark, as /export sends
    json_file = tmp_path / "claims.json"
    assert desk_export("--format", "json", "-o", str(json_file)).returncode == 0
    assert len(json.loads(json_file.read_text(encoding="utf-8"))) == TOTAL_ROWS
    result = desk_export("-o", str(tmp_path / "missing" / "x.csv"))
    assert (result.returncode, result.stderr) == (
        1,
        f"desk: cannot write {tmp_path}/missing/x.csv: No such file or directory\n",
    )
