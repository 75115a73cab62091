"""``desk intake FILE|URL|-``: the proposals as a table or JSON, ``--apply`` after asking or
with ``--yes``; bad input changes nothing. In-process on both databases, and once as a real
process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.desk import Desk
from bot.storage.engine import make_engine
from bot.storage.tables import claim_sources, claims, intake_proposals
from tests.conftest import REPO
from tests.pagerig import ARTICLE, PageServer

REPORT = (
    "Phnom Penh, 2 July 2023 (Fresh News) - More than 700 Candlelight Party members in Kandal "
    "province joined the Cambodian People's Party on 1 July 2023, the provincial governor said."
)
KEYS = {
    "date", "date_kind", "number", "number_text", "from_parties", "to_party", "people",
    "claimant", "evidence", "confidence", "duplicate_of",
}  # fmt: skip


@pytest.fixture
def url(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("DESK_DATABASE_URL", db_url)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    Desk.open(db_url).engine.dispose()  # set up and loaded once, as `desk load` would
    yield db_url


def counts(url: str) -> tuple[int, int, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = (
            int(conn.scalar(select(func.count(claims.c.id))) or 0),
            int(conn.scalar(select(func.count(claim_sources.c.id))) or 0),
            int(conn.scalar(select(func.count(intake_proposals.c.id))) or 0),
        )
    engine.dispose()
    return found


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_lists_each_proposal_and_writes_nothing(
    url: str, report: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        monkeypatch, capsys, "intake", str(report), "--json", "--outlet", "Fresh News"
    )
    assert code == 0
    (found,) = json.loads(out)
    assert set(found) >= KEYS
    assert found["date"] == "2023-07-01" and found["date_kind"] == "event"
    assert found["number"] == 700 and found["from_parties"] == ["Candlelight Party"]
    assert found["to_party"] == "Cambodian People's Party" and found["duplicate_of"] is None
    assert found["confidence"] == "high" and "More than 700" in found["evidence"]
    assert counts(url) == (110, 0, 0)


def test_a_text_proposing_nothing_prints_an_empty_list(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        monkeypatch, capsys, "intake", "-", "--json",
        stdin="The Candlelight Party registered for the July election.",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == []
    assert counts(url) == (110, 0, 0)


def test_table_then_apply_after_asking(
    url: str, report: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, "intake", str(report), "--outlet", "Fresh News")
    assert code == 0
    header, row, evidence = out.splitlines()[:3]
    assert header.split()[:4] == ["#", "date", "number", "from"]
    assert "01/07/2023 event" in row and "Candlelight Party" in row
    assert evidence.strip().startswith("evidence: ") and "More than 700" in evidence
    # Asked, and told no: nothing added.
    code, _, err = run(monkeypatch, capsys, "intake", str(report), "--apply", stdin="n\n")
    assert code == 1 and "Add 1 claim? [y/N]" in err and "Nothing added." in err
    assert counts(url) == (110, 0, 0)
    code, _, err = run(
        monkeypatch, capsys, "intake", str(report), "--apply", "--outlet", "Fresh News",
        "--published", "2023-07-02", stdin="y\n",
    )  # fmt: skip
    assert code == 0 and "Added claim #111: 01/07/2023 · 700 · Candlelight Party" in err
    assert counts(url) == (111, 1, 1)
    # The same report again is the same claim: --yes adds nothing twice.
    code, out, _ = run(monkeypatch, capsys, "intake", str(report), "--json")
    assert json.loads(out)[0]["duplicate_of"] == 111
    code, _, err = run(
        monkeypatch, capsys, "intake", "-", "--apply", "--yes", "--outlet", "CamboJA",
        stdin=REPORT,
    )  # fmt: skip
    assert code == 0 and "as another source of claim #111" in err
    assert counts(url) == (111, 2, 2)
    code, out, _ = run(monkeypatch, capsys, "ask", "/on 01/07/2023")
    assert "reported by Fresh News, 02/07/2023, CamboJA" in out


def test_bad_input_changes_nothing(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "intake", str(empty), "--apply", "--yes")
    assert code == 1 and "The text is empty" in err
    code, _, err = run(monkeypatch, capsys, "intake", str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err
    binary = tmp_path / "page.bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = run(monkeypatch, capsys, "intake", str(binary))
    assert code == 1 and "not UTF-8 text" in err
    code, _, err = run(monkeypatch, capsys, "intake", "-", "--apply", stdin=REPORT)
    assert code == 2 and "add --yes" in err
    code, _, err = run(monkeypatch, capsys, "intake", "http://10.0.0.1/a", "--json")
    assert code != 0 and err.startswith("desk: ")
    assert counts(url) == (110, 0, 0)


def test_a_link_is_fetched_and_read(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DESK_INTAKE_ALLOW_PRIVATE", "127.0.0.1")
    with PageServer() as site:
        site.add("/a", ARTICLE)
        code, out, _ = run(monkeypatch, capsys, "intake", site.url("/a"), "--json")
    assert code == 0
    (found,) = json.loads(out)
    assert found["number"] == 40 and found["from_parties"] == ["Candlelight Party"]
    assert found["claimant"] and counts(url) == (110, 0, 0)


def test_as_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "handlers.entry", "intake", "-", "--apply", "--yes", "--json",
         "--outlet", "Fresh News"],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "DESK_DATABASE_URL": f"sqlite:///{db}", "HOME": str(tmp_path)},
        input=REPORT,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["number"] == 700
    assert "Added claim #111" in result.stderr


def test_a_khmer_report_reads_its_digits_qualifier_and_date(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "សមាជិកគណបក្សភ្លើងទៀនជាង ៣០០ នាក់ បានចូលជាមួយគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣។"
    code, out, _ = run(monkeypatch, capsys, "intake", "-", "--json", stdin=text)
    assert code == 0
    (found,) = json.loads(out)
    assert (found["date"], found["number"], found["qualifier"]) == ("2023-06-29", 300, "ជាង")
    assert found["from_parties"] == ["Candlelight Party"]
    assert found["to_party"] == "Cambodian People's Party"


def test_the_table_shows_the_qualifier_the_words_leave_out(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    khmer = "សមាជិកគណបក្សភ្លើងទៀនជាង ៣០០ នាក់ បានចូលជាមួយគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣។"
    english = (
        "On 4 July 2023, more than 300 members of the Candlelight Party in Kandal joined the "
        "Cambodian People's Party."
    )
    for text, said in ((khmer, "300 (“ជាង ៣០០”)"), (english, "300 (“more than 300”)")):
        code, out, _ = run(monkeypatch, capsys, "intake", "-", stdin=text)
        assert code == 0
        row = out.splitlines()[1]
        assert said in row, row
    assert counts(url) == (110, 0, 0)
