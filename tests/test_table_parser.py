"""The claims-table parser on every row shape in the seed table, and on bad input."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.errors import InputError
from bot.ingest.claims_table import NamedPerson, parse_row, parse_table
from tests.conftest import SEED_TABLE


def test_seed_table_parses_whole() -> None:
    table = parse_table(SEED_TABLE.read_text(), str(SEED_TABLE))
    assert len(table.rows) == 110
    assert sum(r.number for r in table.rows) == 6476
    assert (table.source, table.stated_total) == ("pgm-claims-2023h1", 6473)
    assert table.claimant == "pro-government media, chiefly Fresh News"


def test_plain_row_keeps_original_line() -> None:
    row = parse_row("29/06/2023 613 Candlelight Party", 7)
    assert (row.line_no, row.reported_on, row.number) == (7, date(2023, 6, 29), 613)
    assert row.party_names == ("Candlelight Party",)
    assert row.people == () and row.note is None
    assert row.raw_line == "29/06/2023 613 Candlelight Party"


@pytest.mark.parametrize(
    ("line", "parties"),
    [
        (
            "25/06/2023 145 Candlelight Party / Unnamed Parties",
            ("Candlelight Party", "Unnamed Parties"),
        ),
        (
            "11/06/2023 9 Cambodia National Rescue Party / Candlelight Party",
            ("Cambodia National Rescue Party", "Candlelight Party"),
        ),
    ],
)
def test_joint_rows_stay_joint(line: str, parties: tuple[str, ...]) -> None:
    row = parse_row(line, 1)
    assert row.party_names == parties
    assert row.party_text == " / ".join(parties)


@pytest.mark.parametrize(
    ("line", "name", "descriptor"),
    [
        (
            "19/06/2023 1 Cambodia National Rescue Party (including mass trial defendant Long Phary)",
            "Long Phary",
            "mass trial defendant",
        ),
        (
            "13/06/2023 1 Candlelight Party (including Phnom Penh working group head Sar Longdeth)",
            "Sar Longdeth",
            "Phnom Penh working group head",
        ),
        ("19/05/2023 1 Candlelight Party (including lawyer Ket Khy)", "Ket Khy", "lawyer"),
        (
            "10/05/2023 1 Cambodia National Rescue Party (including Kong Mas, previously arrested for "
            "incitement)",
            "Kong Mas",
            "previously arrested for incitement",
        ),
        (
            "08/05/2023 2 Candlelight Party (including Ratanakiri party official Thoeun Bunthorn, who was "
            "arrested for plotting)",
            "Thoeun Bunthorn",
            "Ratanakiri party official, who was arrested for plotting",
        ),
        (
            "05/05/2023 2 Candlelight Party (including Pey Pey Ly, prominent youth CNRP activist)",
            "Pey Pey Ly",
            "prominent youth CNRP activist",
        ),
        (
            "30/04/2023 1 Khmer Win Party (including party president Suong Sophorn)",
            "Suong Sophorn",
            "party president",
        ),
        (
            "02/04/2023 1 Grassroots Democracy Party (including Sem Hak, former party secretary-general)",
            "Sem Hak",
            "former party secretary-general",
        ),
    ],
)
def test_including_notes_name_people(line: str, name: str, descriptor: str) -> None:
    row = parse_row(line, 1)
    assert row.people == (NamedPerson(name, descriptor),)
    assert "(" not in row.party_text


def test_curly_apostrophe_party_is_kept_verbatim() -> None:
    row = parse_row("26/05/2023 2 Cambodia Indigenous People’s Democracy Party", 1)
    assert row.party_names == ("Cambodia Indigenous People’s Democracy Party",)


def test_non_party_row_parses_like_any_other() -> None:
    assert parse_row("20/05/2023 1 Political Analyst", 1).party_names == ("Political Analyst",)


def test_tabs_thousands_header_and_comments() -> None:
    text = (
        "# source: s\n\nDate Reported\tNumber of Defectors\tFormer Party\n"
        "01/07/2023\t1,234\tCandlelight Party\n# a comment\n"
    )
    table = parse_table(text, "t.tsv")
    assert [(r.number, r.line_no) for r in table.rows] == [(1234, 4)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("31/06/2023 5 Candlelight Party", "31/06/2023 is not a date: June 2023 has 30 days"),
        ("29/02/2023 5 Candlelight Party", "February 2023 has 28 days"),
        ("12/13/2023 5 Candlelight Party", "there is no month 13"),
        ("2023-06-29 5 Candlelight Party", "not a date in the form DD/MM/YYYY"),
        ("29/06/2023 -5 Candlelight Party", "cannot be negative"),
        ("29/06/2023 Candlelight Party", "missing number of defectors"),
        ("29/06/2023 5", "missing the former party"),
        ("29/06/2023 5 Candlelight Party /  / CNRP", "empty party name"),
    ],
)
def test_bad_rows_name_line_and_problem(line: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_table(f"# source: s\n{line}\n", "bad.txt")
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == ("bad.txt", 2)
    assert message in problem.message


def test_every_bad_line_is_reported() -> None:
    with pytest.raises(InputError) as caught:
        parse_table("31/06/2023 1 A\n01/01/2023 1 B\n01/01/2023 x B\n", "t.txt")
    assert [p.line for p in caught.value.problems] == [1, 3]


# Row shapes and odd characters: each line with what it reads as (date, number, party text,
# party names, note), or the start of the error it gets.
SHAPES = [
    ("25/06/2023\t145\tCandlelight Party / Unnamed Parties",
     (date(2023, 6, 25), 145, "Candlelight Party / Unnamed Parties",
      ("Candlelight Party", "Unnamed Parties"), None)),
    ("25/06/2023 1,145 Candlelight Party/Unnamed Parties",
     (date(2023, 6, 25), 1145, "Candlelight Party/Unnamed Parties",
      ("Candlelight Party", "Unnamed Parties"), None)),
    ("25/06/2023  7   Cambodia  National Rescue Party  ",
     (date(2023, 6, 25), 7, "Cambodia National Rescue Party",
      ("Cambodia National Rescue Party",), None)),
    ("25/06/2023 7\u00a0Candlelight Party",
     (date(2023, 6, 25), 7, "Candlelight Party", ("Candlelight Party",), None)),
    ("１２/０６/２０２３ １２ Ｃａｎｄｌｅ", (date(2023, 6, 12), 12, "Candle", ("Candle",), None)),
    ("២៩/០៦/២០២៣ ៦១៣ Candlelight Party",
     (date(2023, 6, 29), 613, "Candlelight Party", ("Candlelight Party",), None)),
    ("29/06/2023 +7 CNRP", (date(2023, 6, 29), 7, "CNRP", ("CNRP",), None)),
    ("29/06/2023 ² CNRP", (date(2023, 6, 29), 2, "CNRP", ("CNRP",), None)),
    ("29/06/2023 5 CNRP (note) ", (date(2023, 6, 29), 5, "CNRP", ("CNRP",), "note")),
    ("25/06/2023 7 / Candlelight Party", "an empty party name in '/ Candlelight Party'"),
    ("29/06/2023 5 CNRP // FUNCINPEC", "an empty party name in 'CNRP // FUNCINPEC'"),
    ("29/06/2023 12,34 CNRP", "missing number of defectors after the date (found '12,34')"),
    ("29/06/2023\x0b5\x1cCNRP", "missing number of defectors after the date (found '5\\x1cCNRP')"),
    ("29/06/2023 100001 CNRP", "the number of defectors is at most 100,000 in one report"),
    ("29/06/2023 99999999999 CNRP", "the number of defectors is at most 100,000 in one report"),
    ("01/01/1992 5 CNRP", "01/01/1992 is before 1 January 1993"),
    ("29/06/2023 5 CNRP\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE) at character 18: remove it"),
    ("29/06/2023 5 ()", "missing the former party after the number"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), SHAPES)
def test_row_shapes_and_odd_characters(line: str, expected: tuple[object, ...] | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(ValueError, match="^" + re.escape(expected)):
            parse_row(line, 7)
    else:
        row = parse_row(line, 7)
        assert (row.reported_on, row.number, row.party_text, row.party_names, row.note) == expected
        assert (row.line_no, row.raw_line) == (7, line)
