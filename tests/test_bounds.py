"""Bounds at the data entrances: a defection count is 1 to 100,000 people, a claim's date lies
between 1 January 1993 and tomorrow in Phnom Penh, and names hold no control characters.

The same rules hold for ``desk load`` (claims tables and fact files) and for ``/add``, which
reads its line with the table parser; the command-line cases run real ``desk`` processes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.commands import answer_text
from bot.commands.curation import add_claim, upload_table
from bot.core.bounds import FIRST_DAY, MAX_DEFECTORS, MAX_STATED_TOTAL
from bot.core.render import to_plain
from bot.desk import Desk
from bot.errors import InputError, Problem
from bot.ingest.claims_table import parse_row, parse_table
from bot.ingest.fact_files import parse_facts
from bot.ingest.loader import load_paths
from bot.storage.models import Claim
from tests.botrig import open_desk
from tests.conftest import DATA, REPO, SEED_TABLE

ADMIN = 2002
TODAY = date(2023, 7, 3)


def problem_of(text: str, *, today: date = TODAY) -> Problem:
    """The one problem parse_table finds in ``text`` (its rows start on line 2)."""
    with pytest.raises(InputError) as caught:
        parse_table(f"# source: s\n{text}\n", "t.txt", today=today)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("t.txt", 2), problem
    return problem


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def totals(desk: Desk) -> tuple[int, int]:
    with desk.session() as s:
        count, total = s.execute(select(func.count(Claim.id), func.sum(Claim.number))).one()
        return int(count), int(total)


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "number",
    [
        "9223372036854775807",  # SQLite's largest integer
        "9223372036854775808",  # 2^63: more than SQLite can store
        str(2**70),
        "9" * 1900,  # more digits than fit in any database column
        "2147483648",  # PostgreSQL's integer column overflows here
        "100001",
        "100,001",
        "1,000,000,000",
    ],
)
def test_numbers_above_the_bound_are_refused_with_the_line(number: str) -> None:
    problem = problem_of(f"29/06/2023 {number} Candlelight Party")
    assert "at most 100,000" in problem.message
    assert len(problem.message) < 200


@pytest.mark.parametrize("number", ["0", "-5", "-0"])
def test_numbers_below_one_are_refused(number: str) -> None:
    problem = problem_of(f"29/06/2023 {number} Candlelight Party")
    assert "at least 1" in problem.message or "cannot be negative" in problem.message


@pytest.mark.parametrize(("number", "value"), [("1", 1), ("100000", 100_000), ("100,000", 100_000)])
def test_numbers_at_the_bounds_are_read(number: str, value: int) -> None:
    assert parse_row(f"29/06/2023 {number} Candlelight Party", 1, today=TODAY).number == value
    assert value <= MAX_DEFECTORS


@pytest.mark.parametrize(
    "value", ["99999999999999999999", str(2**70), "9" * 5000, str(MAX_STATED_TOTAL + 1)]
)
def test_stated_total_is_bounded(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_table(f"# stated_total: {value}\n29/06/2023 1 CNRP\n", "t.txt", today=TODAY)
    (problem,) = caught.value.problems
    assert problem.line == 1 and "stated_total" in problem.message
    assert len(problem.message) < 200


def test_stated_total_in_sources_yaml_is_bounded() -> None:
    text = (DATA / "sources.yaml").read_text(encoding="utf-8")
    bad = text.replace("stated_total: 6473", f"stated_total: {2**70}")
    assert bad != text
    with pytest.raises(InputError) as caught:
        parse_facts(bad, "sources.yaml")
    assert "stated_total" in str(caught.value)


def test_add_refuses_a_huge_number_and_every_answer_still_works(desk: Desk) -> None:
    for number in ("9223372036854775807", str(2**64)):
        answer = add_claim(desk, ADMIN, "@ed", f"01/07/2023 {number} Funcinpec")
        assert not answer.ok and "at most 100,000" in to_plain(answer)
    assert totals(desk) == (110, 6476)
    for command in ("/total", "/parties", "/about", "/chart"):
        assert answer_text(desk, command).ok, command


def test_the_largest_counts_stay_inside_the_database_integers(desk: Desk) -> None:
    """200 claims of 100,000 on one day (20 million, 2 billion on a 10,000-row day would still
    fit a 64-bit sum): stored, summed and charted on both databases."""
    table = "".join(f"02/07/2023 {MAX_DEFECTORS:,} CNRP\n" for _ in range(200))
    result = upload_table(desk, ADMIN, "@ed", table, "max.txt", apply=True)
    assert result.ok, to_plain(result.answer)
    assert totals(desk) == (310, 6476 + 200 * MAX_DEFECTORS)
    assert "20,000,000" in to_plain(answer_text(desk, "/on 02/07/2023"))
    for command in ("/total", "/parties", "/about", "/chart", "/total CNRP July 2023"):
        assert answer_text(desk, command).ok, command


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("day", "fragment"),
    [
        ("31/12/1992", "before 1 January 1993"),
        ("01/01/0001", "before 1 January 1993"),
        ("29/06/1923", "before 1 January 1993"),
        ("31/12/9999", "after 4 July 2023"),
        ("05/07/2023", "after 4 July 2023"),
    ],
)
def test_dates_outside_the_window_are_refused(day: str, fragment: str) -> None:
    problem = problem_of(f"{day} 5 Candlelight Party")
    assert fragment in problem.message


@pytest.mark.parametrize("day", ["01/01/1993", "29/06/2023", "03/07/2023", "04/07/2023"])
def test_dates_inside_the_window_are_read(day: str) -> None:
    row = parse_row(f"{day} 5 Candlelight Party", 1, today=TODAY)
    assert FIRST_DAY <= row.reported_on <= TODAY + timedelta(days=1)


def test_the_window_ends_tomorrow_in_phnom_penh_by_default() -> None:
    tomorrow = datetime.now(ZoneInfo("Asia/Phnom_Penh")).date() + timedelta(days=1)
    later = tomorrow + timedelta(days=2)  # two days of slack: the test may cross midnight
    assert parse_row(f"{tomorrow - timedelta(days=1):%d/%m/%Y} 5 CNRP", 1).number == 5
    with pytest.raises(ValueError, match="is after"):
        parse_row(f"{later:%d/%m/%Y} 5 CNRP", 1)


def test_add_refuses_a_date_outside_the_window(desk: Desk) -> None:
    for day in ("31/12/9999", "31/12/1992"):
        answer = add_claim(desk, ADMIN, "@ed", f"{day} 5 Funcinpec")
        assert not answer.ok and "Nothing added" in to_plain(answer)
    assert totals(desk) == (110, 6476)


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('date: "2023-06-19"', 'date: "9999-12-31"', "after"),
        ('date: "2023-06-19"', 'date: "1899-12-31"', "before 1 January 1900"),
    ],
)
def test_fact_file_dates_are_bounded(old: str, new: str, fragment: str) -> None:
    text = (DATA / "people.yaml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(InputError) as caught:
        parse_facts(text.replace(old, new, 1), "people.yaml")
    assert fragment in str(caught.value)


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Candlelight\x00Party", "U+0000"),
        ("Candlelight Party\x01", "U+0001"),
        ("Candlelight\x7fParty", "U+007F"),
        ("Candlelight\x9bParty", "U+009B"),  # a C1 control
        ("\u202eytraP thgildnaC", "U+202E"),  # right-to-left override
        ("Candlelight \u2066Party\u2069", "U+2066"),
        ("Candlelight\ufeffParty", "U+FEFF"),
    ],
)
def test_control_characters_in_names_are_refused(name: str, code: str) -> None:
    problem = problem_of(f"29/06/2023 5 {name}")
    assert code in problem.message


def test_control_characters_in_named_people_are_refused() -> None:
    problem = problem_of("29/06/2023 5 Candlelight Party (including lawyer Ket\x00 Khy)")
    assert "U+0000" in problem.message


def test_control_characters_in_the_claimant_line_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_table("# claimant: Fresh\x00News\n29/06/2023 5 CNRP\n", "t.txt", today=TODAY)
    (problem,) = caught.value.problems
    assert problem.line == 1 and "U+0000" in problem.message


def test_fullwidth_forms_are_read_as_what_they_mean() -> None:
    row = parse_row(
        "２９/０６/２０２３ １２ Ｃａｎｄｌｅｌｉｇｈｔ Ｐａｒｔｙ／Ｕｎｎａｍｅｄ Ｐａｒｔｉｅｓ",
        1,
        today=TODAY,
    )
    assert (row.reported_on, row.number) == (date(2023, 6, 29), 12)
    assert row.party_names == ("Candlelight Party", "Unnamed Parties")
    assert row.party_text == "Candlelight Party/Unnamed Parties"  # spacing kept, as in ASCII
    assert parse_row("29/06/2023 5 Party ２０２３", 1, today=TODAY).party_text == "Party 2023"


def test_khmer_digits_are_read_and_other_scripts_digits_refused() -> None:
    assert parse_row("២៩/០៦/២០២៣ ៦១៣ Candlelight Party", 1, today=TODAY).number == 613
    problem = problem_of("29/06/2023 ٦١٣ Candlelight Party")  # Arabic-Indic digits
    assert "missing number" in problem.message


def test_a_fullwidth_copy_of_a_row_is_the_same_row(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    desk = open_desk(db_url, data=folder)
    table = folder / "claims" / SEED_TABLE.name
    text = table.read_text(encoding="utf-8")
    assert "29/06/2023 613 Candlelight Party\n" in text
    table.write_text(
        text.replace(
            "29/06/2023 613 Candlelight Party\n", "29/06/2023 613 Ｃａｎｄｌｅｌｉｇｈｔ Party\n"
        ),
        encoding="utf-8",
    )
    report = load_paths(desk.engine, [folder])
    assert (report.claims_added, report.claims_updated, report.claims_removed) == (0, 0, 0)
    desk.engine.dispose()


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("name: Kem Sokha\n", 'name: "Kem\\0Sokha"\n', "U+0000"),
        ("name: Kem Sokha\n", 'name: "\\u202eKem Sokha"\n', "U+202E"),
        ("name: Kem Sokha\n", 'name: "Kem\\x9bSokha"\n', "U+009B"),
        ("name: Kem Sokha\n", 'name: "Kem\\eSokha"\n', "U+001B"),
    ],
)
def test_fact_file_names_refuse_control_characters(old: str, new: str, code: str) -> None:
    text = (DATA / "people.yaml").read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(InputError) as caught:
        parse_facts(text.replace(old, new, 1), "people.yaml")
    (problem,) = caught.value.problems
    assert problem.line == line and code in problem.message


def test_fact_file_text_refuses_control_characters_but_keeps_line_breaks() -> None:
    text = (DATA / "people.yaml").read_text(encoding="utf-8")
    bad = text.replace("summary: Released from prison}", 'summary: "Released\\a from prison"}')
    with pytest.raises(InputError) as caught:
        parse_facts(bad, "people.yaml")
    assert "U+0007" in str(caught.value)
    two_lines = text.replace("summary: Released from prison}", 'summary: "Released\\nfrom prison"}')
    summaries = [e.summary for p in parse_facts(two_lines, "p.yaml").people for e in p.events]
    assert "Released\nfrom prison" in summaries


def test_fact_file_names_in_fullwidth_are_normalised() -> None:
    text = (DATA / "people.yaml").read_text(encoding="utf-8")
    facts = parse_facts(text.replace("name: Kem Sokha\n", "name: Ｋｅｍ Ｓｏｋｈａ\n", 1), "p.yaml")
    assert "Kem Sokha" in [p.name for p in facts.people]
    parties = (DATA / "parties.yaml").read_text(encoding="utf-8")
    assert parse_facts(parties, "parties.yaml") == parse_facts(parties, "parties.yaml")


# --------------------------------------------------------------------------- desk load itself


def desk_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{db}"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "handlers.entry", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_desk_load_names_file_and_line_for_huge_numbers(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "# source: chat-additions\n# claimant: an editor\n"
        "01/07/2023 9223372036854775807 Funcinpec\n"
        f"01/07/2023 {2**63} CNRP\n",
        encoding="utf-8",
    )
    result = desk_cli("load", str(DATA), str(extra), db=db)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr
    assert f"{extra}:3: " in result.stderr and f"{extra}:4: " in result.stderr
    assert "at most 100,000" in result.stderr
