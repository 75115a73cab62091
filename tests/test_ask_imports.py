"""`desk ask` stays light: what a one-shot answer imports, in a real `desk` process.

Start-up is most of a `desk ask` (issue 3: "well under a second, start-up included"), and
imports are most of start-up. Answers read Core tables, so the ORM is never imported; an exact
name, or a question that names no one, never imports numpy or rapidfuzz, and a misspelled one
on data of this size imports rapidfuzz but not numpy; Babel is imported for a Khmer answer
(``--lang km``) only. The times themselves
are measured by bench/ask.py, not asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HEAVY = (
    "sqlalchemy.orm", "numpy", "rapidfuzz", "alembic", "pydantic", "telegram", "yaml", "babel"
)  # fmt: skip
# Runs the console entry point in-process, then reports which heavy modules it imported.
PROBE = """
import json, sys
from bot.cli import main
code = main(["ask", *sys.argv[2:], sys.argv[1]])
print(json.dumps({"code": code, "heavy": [m for m in HEAVY if m in sys.modules]}))
"""


def ask(question: str, db: Path, *options: str) -> tuple[int, list[str], str]:
    env = {**os.environ, "DESK_DATABASE_URL": f"sqlite:///{db}"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{PROBE}", question, *options],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    *answer, report = result.stdout.splitlines()
    found = json.loads(report)
    return found["code"], found["heavy"], "\n".join(answer)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ask") / "desk.sqlite3"
    code, _, answer = ask("/about", path)  # an empty database: loads the bundled data
    assert code == 0, answer
    return path


@pytest.mark.parametrize(
    "question",
    [
        "/who Kung Raiya",
        "/who CNRP",  # not a person: "no one called", via suggest (fuzzy)
        "/total Candlelight June",
        "/total CLP",
        "/on 29/06/2023",
        "/summary 2023-W26",
        "/parties",
        "/sources",
        "/about",
        "/help",
    ],
)
def test_answers_never_import_the_orm(db: Path, question: str) -> None:
    _, heavy, answer = ask(question, db)
    assert answer
    assert "sqlalchemy.orm" not in heavy
    assert not {"alembic", "pydantic", "telegram", "yaml"} & set(heavy)


@pytest.mark.parametrize(
    "question",
    [
        "/who Kung Raiya",
        "/total Candlelight June",
        "/on 29/06/2023",
        "/parties",
        "/about",
        "/top May",
        "/people fled",
        "/said Sok Eysan",
        "/compare CLP vs FUNCINPEC May",
        "top parties in May",
        "who fled?",
        "compare May and June",
        "how many CNRP defections since May?",
    ],
)
def test_exact_names_and_nameless_questions_skip_numpy(db: Path, question: str) -> None:
    code, heavy, _ = ask(question, db)
    assert code == 0
    assert heavy == []


@pytest.mark.parametrize("question", ["/who kung raya", "/total Candlelght June"])
def test_misspelled_names_match_without_numpy_on_data_this_size(db: Path, question: str) -> None:
    # rapidfuzz scores a misspelled name; nothing here needs numpy.
    code, heavy, answer = ask(question, db)
    assert code == 0, answer
    assert "Kung Raiya" in answer or "Candlelight Party" in answer
    assert heavy == ["rapidfuzz"]


@pytest.mark.parametrize("question", ["/total Candlelight June", "/on 29/06/2023", "/who Kung Raiya"])
def test_babel_is_imported_for_khmer_answers_only(db: Path, question: str) -> None:
    # English answers are the code's own strings: no catalog, no Babel (the test above).
    code, heavy, answer = ask(question, db, "--lang", "km")
    assert code == 0, answer
    assert heavy == ["babel"]
    assert any("\u17e0" <= c <= "\u17e9" for c in answer)  # Khmer digits
