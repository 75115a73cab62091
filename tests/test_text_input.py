"""Files as an editor shows them: lines end only at \\n, \\r\\n or \\r; a UTF-8 byte-order mark
is accepted; a file that is not UTF-8 is named with its line; a huge line is never echoed whole.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.errors import InputError
from bot.ingest.claims_table import parse_table
from bot.ingest.fact_files import parse_facts
from bot.ingest.loader import load_paths, read_inputs
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from tests.conftest import DATA, REPO

TODAY = date(2023, 7, 3)
# Characters str.splitlines() ends a line at, which editors show inside a line.
NOT_LINE_ENDS = ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    upgrade(engine)
    load_paths(engine)
    yield engine
    engine.dispose()


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(InputError) as caught:
        parse_table(text, "t.txt", today=TODAY)
    return [(p.line, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("odd", NOT_LINE_ENDS)
def test_odd_separators_do_not_end_a_line(odd: str) -> None:
    text = (
        f"# source: s\n# a{odd}comment\n"
        f"29/06/2023 5 Candlelight{odd}Party\n"
        f"# more{odd}{odd}comment\n"
        "31/06/2023 5 Candlelight Party\n"
    )
    [(line, message)] = problems(text)
    assert line == 5 and "June 2023 has 30 days" in message


@pytest.mark.parametrize("odd", NOT_LINE_ENDS)
def test_odd_separators_inside_a_row_are_spaces(odd: str) -> None:
    table = parse_table(f"# source: s\n29/06/2023 5 Candlelight{odd}Party\n", "t.txt", today=TODAY)
    assert [(r.line_no, r.party_text) for r in table.rows] == [(2, "Candlelight Party")]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_each_editor_line_end_counts_once(end: str) -> None:
    text = end.join(["# source: s", "29/06/2023 5 CNRP", "", "31/06/2023 5 CNRP", "x"]) + end
    assert [line for line, _ in problems(text)] == [4, 5]


def test_mixed_line_ends() -> None:
    text = "# source: s\r\n29/06/2023 5 CNRP\r\r\n31/06/2023 5 CNRP\n"
    assert [line for line, _ in problems(text)] == [4]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    table = parse_table("\ufeff# source: s\n29/06/2023 5 CNRP\n", "t.txt", today=TODAY)
    assert table.source == "s" and len(table.rows) == 1
    folder = tmp_path / "data"
    folder.mkdir()
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            target = folder / path.relative_to(DATA)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    facts, tables = read_inputs([folder])
    assert [len(t.rows) for t in tables] == [110]
    assert sum(len(f.people) for f in facts) > 0


def test_a_byte_order_mark_in_a_table_loads(engine: Engine, tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_bytes(b"\xef\xbb\xbf" + (DATA / "claims" / "pgm-claims-2023h1.txt").read_bytes())
    report = load_paths(engine, [DATA / "sources.yaml", DATA / "parties.yaml", extra])
    assert report.claims_total == 110


@pytest.mark.parametrize("suffix", [".txt", ".yaml"])
def test_an_encoding_error_names_the_line(tmp_path: Path, suffix: str) -> None:
    bad = tmp_path / f"bad{suffix}"
    bad.write_bytes(b"# one\r\n# two\n# three \xff\xfe here\n# four\n")
    with pytest.raises(InputError) as caught:
        read_inputs([bad])
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (str(bad), 3)
    assert "UTF-8" in problem.message
    assert "position" not in problem.message and "byte offset" not in problem.message


def test_yaml_line_numbers_count_as_an_editor_does() -> None:
    text = (DATA / "parties.yaml").read_text(encoding="utf-8")
    assert "kind: party" in text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "kind: party")
    lines[at] = lines[at].replace("kind: party", "kind: faction")
    with pytest.raises(InputError) as caught:
        parse_facts("\r\n".join(lines), "parties.yaml")
    assert [p.line for p in caught.value.problems] == [at + 1]


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85"])
def test_yaml_line_breaks_editors_do_not_show_are_refused_at_their_line(odd: str) -> None:
    text = (DATA / "parties.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = 2
    assert lines[at - 1].startswith("#")
    lines[at - 1] += f" odd{odd}comment"
    with pytest.raises(InputError) as caught:
        parse_facts("\n".join(lines), "parties.yaml")
    (problem,) = caught.value.problems
    assert problem.line == at and f"U+{ord(odd):04X}" in problem.message


def test_a_yaml_reader_error_names_its_line() -> None:
    with pytest.raises(InputError) as caught:
        parse_facts("parties:\n  - key: x\n    name: a\x0cb\n    kind: party\n", "p.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3


HUGE = 20 * 1024 * 1024


@pytest.mark.parametrize(
    "line",
    [
        "x" * HUGE,  # one huge token
        "29/06/2023 " + "9" * HUGE + " CNRP",  # a huge number
        "29/06/2023 5 " + "Candlelight " * (HUGE // 12),  # a huge party name
        "29/06/2023 5 CNRP (including " + "Sok " * (HUGE // 4) + ")",
        "# stated_total: " + "1x" * (HUGE // 2),
        "# source: " + "s" * HUGE,
        "# claimant: " + "c" * HUGE,
        "\x00" * HUGE,
    ],
    ids=["token", "number", "party", "people", "stated_total", "source", "claimant", "nul"],
)
def test_a_huge_line_is_not_echoed_back(line: str) -> None:
    found = problems(f"# source: s\n{line}\n29/06/2023 1 CNRP\n")
    assert found and all(len(message) < 300 for _, message in found)
    assert all(line == 2 for line, _ in found)


def test_desk_load_reports_a_20_mb_line_in_a_few_words(tmp_path: Path) -> None:
    table = tmp_path / "big.txt"
    table.write_text("# source: pgm-claims-2023h1\n29/06/2023 " + "7" * HUGE + " CNRP\n")
    env = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "handlers.entry", "load", str(DATA), str(table)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert f"{table}:2: " in result.stderr
    assert len(result.stderr) < 1000 and "Traceback" not in result.stderr
