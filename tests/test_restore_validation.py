"""`desk restore` checks a backup against the rules `desk load` and /add keep before anything
changes: a tampered value is refused with a message naming its table, row and column (or the
part of the file), never a traceback, and the database stays as it was.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.desk import Desk
from bot.errors import InputError
from bot.ingest.backup import backup, restore
from tests.botrig import open_desk
from tests.conftest import REPO

HUGE = 2**70
DIGITS_5000 = "9" * 5000


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    opened = open_desk(db_url)
    yield opened
    opened.engine.dispose()


def saved(engine: Engine) -> dict[str, Any]:
    out = io.StringIO()
    backup(engine, out)
    document: dict[str, Any] = json.loads(out.getvalue())
    return document


def row_of(doc: dict[str, Any], table: str, index: int) -> dict[str, Any]:
    """Row ``index`` (0-based) of ``table`` as column → value, still tied to the document."""
    content = doc["tables"][table]
    return dict(zip(content["columns"], content["rows"][index], strict=True))


def set_value(doc: dict[str, Any], table: str, index: int, column: str, value: Any) -> None:
    content = doc["tables"][table]
    content["rows"][index][content["columns"].index(column)] = value


def refused(engine: Engine, text: str) -> str:
    """Restore ``text`` into ``engine``; the refusal's words (the database must not change)."""
    before = saved(engine)
    with pytest.raises(InputError) as caught:
        restore(engine, io.StringIO(text), name="tampered.json")
    after = saved(engine)
    before.pop("created_at"), after.pop("created_at")
    assert after == before
    return str(caught.value)


CASES: list[tuple[str, int, str, Any, str]] = [
    ("claims", 0, "number", -5, "the number of defectors must be at least 1 (found -5)"),
    ("claims", 0, "number", HUGE, "the number of defectors is at most 100,000"),
    ("claims", 0, "number", 0, "must be at least 1"),
    ("claims", 0, "reported_on", "9999-12-31", "31/12/9999 is after"),
    ("claims", 0, "reported_on", "1066-10-14", "14/10/1066 is before 1 January 1993"),
    ("claims", 0, "party_count", 0, "is not between 1 and"),
    ("claims", 0, "line_no", HUGE, "is not between 1 and"),
    ("claims", 0, "party_text", "Candlelight\x00Party", "U+0000"),
    ("parties", 1, "name", "<script>alert(1)</script>", "is not one of its aliases"),
    ("parties", 1, "name", "<script>" + "x" * 5000, "at most 200 characters"),
    ("parties", 1, "name", "Ｃａｎｄｌｅｌｉｇｈｔ Party", "not in the form desk load stores"),
    ("parties", 1, "kind", "cult", "'cult' is not one of"),
    ("parties", 1, "key", "Candle Light!", "is not a key"),
    ("party_aliases", 0, "alias", "CPP\u202e", "U+202E"),
    ("people", 0, "name", "Kung\tRaiya", "not in the form desk load stores"),
    ("sources", 0, "stated_total", HUGE, "is not between 0 and 10,000,000"),
    ("events", 0, "date_start", "9999-12-31", "31/12/9999 is after"),
    ("changes", 0, "at", "9999-12-31T00:00:00+00:00", "is after"),
    ("changes", 0, "undo", "{not json", "is not what undoing a change needs"),
    ("changes", 0, "kind", "delete-all", "is not one of"),
    ("meta", 0, "value", DIGITS_5000, "data_version"),
]


@pytest.mark.parametrize(("table", "index", "column", "value", "fragment"), CASES)
def test_a_tampered_value_is_refused_naming_where(
    desk: Desk, table: str, index: int, column: str, value: Any, fragment: str
) -> None:
    doc = saved(desk.engine)
    set_value(doc, table, index, column, value)
    said = refused(desk.engine, json.dumps(doc, ensure_ascii=False))
    assert f"table {table}, row {index + 1}" in said, said
    assert fragment in said, said


def test_tampered_subscriptions_are_refused(desk: Desk) -> None:
    from bot.commands.subscriptions import answer_subscribe

    assert answer_subscribe(desk, 42, "private", 42, "Monday 09:00").ok
    for column, value, fragment in [
        ("timezone", "Mars/Olympus", "is not a timezone"),
        ("weekday", 7, "is not between 0 and 6"),
        ("minute_of_day", 1440, "is not between 0 and 1,439"),
        ("chat_id", HUGE, "is not between"),
    ]:
        doc = saved(desk.engine)
        set_value(doc, "subscriptions", 0, column, value)
        said = refused(desk.engine, json.dumps(doc))
        assert "table subscriptions, row 1, column " + column in said, said
        assert fragment in said, said


def test_huge_numbers_and_deep_nesting_are_refused_not_crashed(desk: Desk) -> None:
    text = json.dumps(saved(desk.engine))
    cases = [
        (text.replace('"data_version": ', f'"data_version": {HUGE}0', 1), "data_version"),
        (text.replace('"data_version": ', f'"data_version": {DIGITS_5000}', 1), "5,00"),
        ("[" * 200_000 + "]" * 200_000, "nested"),
        ('{"format": "defection-desk-backup", "x": ' + "[" * 200_000 + "]" * 200_000 + "}", "nested"),
    ]
    number = row_of(saved(desk.engine), "claims", 0)["number"]
    first_row = f'[1, 1, "2023-06-30", {number}, '
    assert first_row in text
    cases.append((text.replace(first_row, f'[1, 1, "2023-06-30", {DIGITS_5000}, ', 1), "digits"))
    for tampered, fragment in cases:
        said = refused(desk.engine, tampered)
        assert fragment in said, said[:300]
        assert len(said) < 400, said[:300]  # named, not echoed


def test_the_cli_says_it_in_lines_not_a_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    desk = open_desk(url)
    try:
        doc = saved(desk.engine)
    finally:
        desk.engine.dispose()
    set_value(doc, "claims", 0, "number", -5)
    set_value(doc, "claims", 1, "reported_on", "9999-12-31")
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(doc).replace('"data_version": ', f'"data_version": {DIGITS_5000}', 1))
    env = {**os.environ, "DESK_DATABASE_URL": url}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    for file in (tampered, tmp_path / "nested.json"):
        if file.name == "nested.json":
            file.write_text("[" * 200_000 + "]" * 200_000)
        result = subprocess.run(
            [sys.executable, "-m", "handlers.entry", "restore", str(file)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.startswith("desk: "), result.stderr
        assert str(file) in result.stderr
