"""``desk load`` on SQLite and PostgreSQL: totals, idempotence, updates, atomicity, errors."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.errors import InputError
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from bot.storage.models import Claim, ClaimPerson, Person, PersonAlias
from bot.storage.version import data_version
from tests.conftest import DATA


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def claims_snapshot(engine: Engine) -> list[tuple[int, date, int, str, datetime]]:
    with Session(engine) as s:
        return list(
            s.execute(
                select(
                    Claim.id, Claim.reported_on, Claim.number, Claim.party_text, Claim.updated_at
                ).order_by(Claim.id)
            )
        )


def test_bundled_data_loads_110_claims_totalling_6476(engine: Engine) -> None:
    report = load_paths(engine)
    assert (report.claims_added, report.claims_total) == (110, 110)
    with Session(engine) as s:
        assert s.scalar(select(func.sum(Claim.number))) == 6476
        assert s.scalar(select(func.count()).where(Claim.party_count > 1)) == 7


def test_reload_changes_nothing(engine: Engine) -> None:
    load_paths(engine)
    before = claims_snapshot(engine)
    with Session(engine) as s:
        version = data_version(s)
    report = load_paths(engine)
    assert not report.changed
    assert claims_snapshot(engine) == before
    with Session(engine) as s:
        assert data_version(s) == version


def test_edited_number_updates_that_row_in_place(engine: Engine, data_copy: Path) -> None:
    load_paths(engine, [data_copy])
    before = {row[0]: row for row in claims_snapshot(engine)}
    table = data_copy / "claims" / "pgm-claims-2023h1.txt"
    table.write_text(
        table.read_text().replace(
            "29/06/2023 613 Candlelight Party", "29/06/2023 612 Candlelight Party"
        )
    )
    report = load_paths(engine, [data_copy])
    assert (report.claims_added, report.claims_updated, report.claims_removed) == (0, 1, 0)
    after = {row[0]: row for row in claims_snapshot(engine)}
    changed = [cid for cid in before if before[cid] != after[cid]]
    assert len(changed) == 1 and after[changed[0]][2] == 612
    assert after[changed[0]][4] >= before[changed[0]][4]


def test_removed_and_added_rows_are_synced(engine: Engine, data_copy: Path) -> None:
    load_paths(engine, [data_copy])
    table = data_copy / "claims" / "pgm-claims-2023h1.txt"
    text = table.read_text().replace("21/01/2023 9 Candlelight Party\n", "")
    table.write_text(text + "01/07/2023 5 Funcinpec\n")
    report = load_paths(engine, [data_copy])
    assert (report.claims_added, report.claims_removed, report.claims_total) == (1, 1, 110)


def test_duplicate_rows_survive_reload(engine: Engine) -> None:
    load_paths(engine)
    load_paths(engine)
    with Session(engine) as s:
        dupes = s.scalar(
            select(func.count()).where(
                Claim.reported_on == date(2023, 6, 30),
                Claim.party_text == "Candlelight Party",
                Claim.number == 1,
            )
        )
    assert dupes == 2


def test_people_from_table_rows_are_created_or_linked(engine: Engine) -> None:
    load_paths(engine)
    with Session(engine) as s:
        table_people = set(s.scalars(select(Person.name).where(Person.origin == "table")))
        assert table_people == {
            "Long Phary",
            "Tum Bunthorn",
            "Kong Mas",
            "Thoeun Bunthorn",
            "Pey Pey Ly",
            "Hun Kosal",
            "Ear Channa",
        }
        linked = set(
            s.scalars(select(Person.key).join(ClaimPerson).where(Person.origin == "facts"))
        )
        assert linked == {
            "ket-khy",
            "sar-longdeth",
            "suong-sophorn",
            "yim-sinorn",
            "sam-inn",
            "sem-hak",
        }
        keys = s.scalars(
            select(PersonAlias.search_key).where(PersonAlias.alias == "Kimsour Phearith")
        ).all()
        assert keys == ["kimsour phearith"]


def test_unknown_party_is_refused_with_a_suggestion_and_changes_nothing(
    engine: Engine, data_copy: Path
) -> None:
    load_paths(engine, [data_copy])
    before = claims_snapshot(engine)
    people = data_copy / "people.yaml"
    people.write_text(people.read_text().replace("name: Kem Sokha", "name: Kem Sokha Edited"))
    table = data_copy / "claims" / "pgm-claims-2023h1.txt"
    lines = table.read_text().splitlines()
    line_no = lines.index("29/06/2023 613 Candlelight Party") + 1
    lines[line_no - 1] = "29/06/2023 613 Candlelite Party"
    table.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as caught:
        load_paths(engine, [data_copy])
    (problem,) = caught.value.problems
    assert problem.path.endswith("pgm-claims-2023h1.txt") and problem.line == line_no
    assert "unknown party 'Candlelite Party'" in problem.message
    assert "Did you mean 'Candlelight Party'?" in problem.message
    assert claims_snapshot(engine) == before
    with Session(engine) as s:
        assert s.scalar(select(Person.name).where(Person.key == "kem-sokha")) == "Kem Sokha"


@pytest.mark.parametrize(
    ("bad_line", "fragment"),
    [
        ("31/06/2023 5 Candlelight Party", "June 2023 has 30 days"),
        ("30/06/2023 -1 Candlelight Party", "cannot be negative"),
        ("30/06/2023 Candlelight Party", "missing number"),
    ],
)
def test_bad_row_rolls_back_everything(
    engine: Engine, data_copy: Path, bad_line: str, fragment: str
) -> None:
    table = data_copy / "claims" / "pgm-claims-2023h1.txt"
    table.write_text(table.read_text() + bad_line + "\n")
    with pytest.raises(InputError) as caught:
        load_paths(engine, [data_copy])
    assert fragment in str(caught.value)
    assert claims_snapshot(engine) == []


def test_yaml_schema_error_changes_nothing(engine: Engine, data_copy: Path) -> None:
    load_paths(engine, [data_copy])
    people = data_copy / "people.yaml"
    people.write_text(people.read_text().replace("precision: month", "precision: fortnight", 1))
    with pytest.raises(InputError) as caught:
        load_paths(engine, [data_copy])
    assert "people.yaml" in str(caught.value) and "precision" in str(caught.value)


def test_unknown_source_names_the_directive_line(engine: Engine, tmp_path: Path) -> None:
    load_paths(engine)
    table = tmp_path / "t.txt"
    table.write_text("# a comment\n# source: nowhere\n01/07/2023 1 CNRP\n")
    with pytest.raises(InputError) as caught:
        load_paths(engine, [table])
    (problem,) = caught.value.problems
    assert problem.line == 2 and "unknown source 'nowhere'" in problem.message


def test_progress_is_reported(engine: Engine) -> None:
    seen: list[tuple[str, int, int]] = []
    load_paths(engine, progress=lambda *a: seen.append(a))
    assert seen[-1] == ("claims", 110, 110)


def test_two_files_for_one_source_are_refused_naming_both(engine: Engine, tmp_path: Path) -> None:
    """Each table file is the whole truth for its source: two of them in one load would
    silently replace each other (110 rows became 1)."""
    load_paths(engine)
    before = claims_snapshot(engine)
    extra = tmp_path / "extra.txt"
    extra.write_text("# source: pgm-claims-2023h1\n01/07/2023 5 Funcinpec\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_paths(engine, [DATA, extra])
    (problem,) = caught.value.problems
    seed = DATA / "claims" / "pgm-claims-2023h1.txt"
    assert str(seed) in str(problem) and str(extra) in str(problem)
    assert "pgm-claims-2023h1" in problem.message
    assert claims_snapshot(engine) == before


def test_the_same_file_named_twice_is_read_once(engine: Engine) -> None:
    seed = DATA / "claims" / "pgm-claims-2023h1.txt"
    report = load_paths(engine, [DATA, seed, DATA / ".." / "data" / "claims"])
    assert (report.claims_added, report.claims_total) == (110, 110)
