"""The data says only what the two source documents say, and answers show where it goes further.

One test per mended record (issue 20, "The data says only what the sources say"), on the bundled
seed data. The claims table's figures are computed here, from the claims file, by a parser of
this module's own (not the project's), so a wrong figure in the code cannot hide in the test.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.commands import answer_text
from bot.core.render import to_plain
from bot.desk import Desk
from bot.ingest.fact_files import UNKNOWN, FactsFile, PersonFact, parse_facts
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from tests.conftest import CAMBOJA_CITATION, DATA, SEED_TABLE

CLP = "Candlelight Party"
CNRP = "Cambodia National Rescue Party"


@dataclass(frozen=True)
class Row:
    day: str  # YYYY-MM-DD
    number: int
    parties: tuple[str, ...]
    including: str


_ROW = re.compile(r"^(\d\d)/(\d\d)/(\d{4}) +(\d[\d,]*) +(.+?)(?: *\(including ([^)]*)\))?$")


def table_rows() -> list[Row]:
    rows = []
    for line in SEED_TABLE.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line.strip())
        if m:
            parties = tuple(p.strip() for p in m[5].split(" / "))
            rows.append(
                Row(f"{m[3]}-{m[2]}-{m[1]}", int(m[4].replace(",", "")), parties, m[6] or "")
            )
    return rows


def facts(name: str) -> FactsFile:
    return parse_facts((DATA / f"{name}.yaml").read_text(encoding="utf-8"), name)


def person(key: str) -> PersonFact:
    return next(p for p in facts("people").people if p.key == key)


def card(desk: Desk, name: str) -> str:
    answer = answer_text(desk, f"/who {name}")
    assert answer.ok
    return to_plain(answer)


def ask(desk: Desk, command: str) -> str:
    return to_plain(answer_text(desk, command))


def test_the_independent_parser_reads_the_whole_table() -> None:
    rows = table_rows()
    assert len(rows) == 110 and sum(r.number for r in rows) == 6476


# ------------------------------------------------------------------- roles and claims --


@pytest.mark.parametrize("key", ["yang-saing-koma", "leok-sothea"])
def test_named_among_leaders_and_activists_not_each_a_leader(desk: Desk, key: str) -> None:
    record = person(key)
    assert all(r.title != "leader" for r in record.roles)
    (role,) = record.roles
    assert role.title.startswith("named among the leaders and activists")
    # The analysis gives no party for them: reading it from the sentence is ours.
    assert role.party == "gdp" and role.inferred and role.note
    text = card(desk, record.name)
    assert "• leader" not in text
    assert f"{role.title} — Grassroots Democracy Party [1] (our inference: {role.note})" in text
    assert "Party history: Grassroots Democracy Party (our inference) →" in text


@pytest.mark.parametrize("key", ["yang-saing-koma", "leok-sothea"])
def test_their_defection_is_a_claim_as_sam_inns_and_sem_haks(desk: Desk, key: str) -> None:
    # Sam Inn and Sem Hak, listed with them, reach the data only as rows of the claims table.
    named = {r.including: r for r in table_rows() if r.including}
    for who in ("Sam Inn", "Sem Hak"):
        (row,) = [r for text, r in named.items() if who in text]
        assert (row.day, row.parties) == ("2023-04-02", ("Grassroots Democracy Party",))
        assert "(a claim, not verified)" in card(desk, who)
    (event,) = person(key).events
    assert (event.kind, event.reported_as, event.date) == ("defected", "claim", UNKNOWN)
    assert event.claimed_by == "pro-government media, as reviewed by the analysis"
    text = card(desk, person(key).name)
    assert (
        "date not given — Defected to the CPP "
        "(claimed by pro-government media, as reviewed by the analysis) [1]"
    ) in text
    assert (
        "Status: last known party: Cambodian People's Party (date not given, claimed by "
        "pro-government media, as reviewed by the analysis)."
    ) in text


def test_kem_sokha_is_an_opposition_member_not_leader(desk: Desk) -> None:
    assert [r.title for r in person("kem-sokha").roles] == ["opposition member"]
    text = card(desk, "Kem Sokha")
    assert "• opposition member [1]" in text and "leader" not in text
    # February, with the year read from the analysis's period: marked as ours.
    (sentenced,) = person("kem-sokha").events
    assert (sentenced.date, sentenced.inferred) == ("2023-02", True)
    assert "February 2023 — Sentenced to 27 years of house arrest [1] (our inference:" in text


def test_hun_sen_gets_no_party_the_sources_do_not_give(desk: Desk) -> None:
    assert [(r.title, r.party) for r in person("hun-sen").roles] == [("Prime Minister", None)]
    text = card(desk, "Hun Sen")
    assert "• Prime Minister [1]" in text and "People's Party" not in text


def test_credits_are_not_turned_into_jobs(desk: Desk) -> None:
    (goldstein,) = person("leila-goldstein").roles
    (narim,) = person("khuon-narim").roles
    assert goldstein.organization is None and "additional reporting" in goldstein.title
    assert narim.organization is None and "photo" in narim.title


# -------------------------------------------------------------------------- dates --


def test_dates_the_sources_do_not_give_are_unknown(desk: Desk) -> None:
    (protests,) = person("yim-sinorn").events
    assert protests.date == UNKNOWN and protests.span is None
    voa = next(e for e in person("kimsour-phirith").events if "VOA" in e.summary)
    assert voa.date == UNKNOWN
    assert (
        "date not given — Reported: Organised labour protests among Cambodian migrant "
        "workers in South Korea [1]"
    ) in card(desk, "Yim Sinorn")
    assert "date not given — Statement: Estimated, in a VOA report" in card(desk, "Kimsour")
    # No year-only "approximate" guesses are left.
    guessed = [
        (p.key, e.summary)
        for p in facts("people").people
        for e in p.events
        if e.precision == "approximate" and len(e.date) == 4
    ]
    assert guessed == []


def test_every_unknown_date_is_shown_as_not_given(desk: Desk) -> None:
    unknown = [(p, e) for p in facts("people").people for e in p.events if e.date == UNKNOWN]
    assert len(unknown) >= 9
    for p, e in unknown:
        lines = card(desk, p.name).splitlines()
        assert any(
            line.startswith("• date not given — ") and e.summary[:30] in line for line in lines
        ), (p.key, e.summary)


def test_an_unknown_date_is_stored_without_dates(desk: Desk) -> None:
    from sqlalchemy import select

    from bot.storage.tables import events

    with desk.connect() as conn:
        rows = conn.execute(
            select(
                events.c.date_text, events.c.date_start, events.c.date_end, events.c.precision
            ).where(events.c.precision == "unknown")
        ).all()
    assert rows and all(r[:3] == (None, None, None) for r in rows)


# ------------------------------------------------------------ spellings and inferences --


def test_every_alias_says_where_it_comes_from(desk: Desk) -> None:
    for p in facts("people").people:
        for alias in p.aliases:
            assert alias.source or alias.origin, (p.key, alias.name)
    (samdech,) = [a for a in person("hun-sen").aliases if a.name == "Samdech Hun Sen"]
    assert samdech.origin and samdech.source is None
    assert "Also spelled: Samdech Hun Sen (not in our sources)" in card(desk, "Hun Sen")


def test_the_sarlong_det_merge_is_our_inference(desk: Desk) -> None:
    (row,) = [r for r in table_rows() if "Sar Longdeth" in r.including]
    assert (row.day, row.parties) == ("2023-06-13", (CLP,))
    (alias,) = person("sar-longdeth").aliases
    assert (alias.name, alias.inferred) == ("Sarlong Det", True) and alias.note
    text = card(desk, "Sarlong Det")
    assert text.splitlines()[0] == "Sar Longdeth"
    assert f"Also spelled: Sarlong Det (our inference: {alias.note})" in text


def test_every_inference_is_shown_with_its_note(desk: Desk) -> None:
    shown = 0
    for p in facts("people").people:
        marked = [*p.aliases, *p.roles, *p.events]
        for item in (m for m in marked if m.inferred):
            assert f"(our inference: {item.note})" in card(desk, p.name), (p.key, item.note)
            shown += 1
    assert shown >= 8


# --------------------------------------------------------------------------- claims --


def test_every_claim_names_who_claims_it(desk: Desk) -> None:
    claims = [(p, e) for p in facts("people").people for e in p.events if e.reported_as == "claim"]
    assert {p.key for p, _ in claims} >= {
        "kung-raiya",
        "thol-samnang",
        "yang-saing-koma",
        "leok-sothea",
    }
    for p, e in claims:
        assert f"(claimed by {e.claimed_by})" in card(desk, p.name)


def test_statements_are_attributed_dated_and_cited(desk: Desk) -> None:
    for name, fragment in (
        ("Khuong Sreng", "c. July 2023 — Statement: Said belonging to a political party"),
        ("Sok Eysan", "c. July 2023 — Statement: Denied that anyone is coerced"),
        ("Phil Robertson", "c. July 2023 — Statement: Said in an email"),
        ("Ros Soveacha", "c. July 2023 — Statement: Declined to comment"),
    ):
        text = card(desk, name)
        assert fragment in text, name
        assert f"[1] {CAMBOJA_CITATION}" in text, name


def test_thol_samnang_arrest_is_human_rights_watchs_report(desk: Desk) -> None:
    text = card(desk, "Thol Samnang")
    assert "Arrested by Thai authorities" in text and "(claimed by Human Rights Watch)" in text
    # That he is the Candlelight activist who fled is read from the sentence order: ours.
    assert text.count("(our inference:") == 2


# ------------------------------------------------------------------- disagreements --


def test_jailed_twice_against_one_prison_term_on_raiya_card(desk: Desk) -> None:
    text = card(desk, "Kung Raiya")
    section = text.split("Where the sources disagree\n", 1)[1]
    assert section.startswith("• Prison terms: The analysis says he had been “jailed twice”. [1]")
    assert "CamboJA describes one prison term" in section.splitlines()[0]
    assert section.splitlines()[0].endswith("[2]")
    # The card's own timeline: one release, from one prison term.
    assert text.count("Released from prison") == 1


def test_six_thousand_candlelight_members_against_the_table(desk: Desk) -> None:
    rows = table_rows()
    sole = [r.number for r in rows if r.parties == (CLP,)]
    joint = [r.number for r in rows if len(r.parties) > 1 and CLP in r.parties]
    assert (sum(sole), len(sole), sum(joint), len(joint)) == (4716, 60, 407, 7)
    assert sum(sole) + sum(joint) < 6000  # the table does not reach CamboJA's figure
    text = ask(desk, "/about")
    assert "more than 6,000 Candlelight members" in text
    assert (
        f"Our figures from the claims table: {sum(sole):,} in {len(sole)} reports naming the "
        f"Candlelight Party alone, and {sum(joint):,} in {len(joint)} reports naming it "
        "jointly with another party (never split, so not its own)."
    ) in text
    assert "from all opposition parties together, not from Candlelight alone" in text


def test_the_45_activists_text_against_the_table_row(desk: Desk) -> None:
    (row,) = [r for r in table_rows() if r.number == 45]
    assert (row.day, row.parties) == ("2023-06-21", (CNRP,))
    text = ask(desk, "/about")
    assert "The 45 “activists” said to have joined the CPP in one day:" in text
    assert "45 Candlelight Party and CNRP “activists”" in text
    assert "only row of 45 (21 June 2023) gives the CNRP alone" in text


def test_the_table_is_a_sampling(desk: Desk) -> None:
    (analysis,) = [s for s in facts("sources").sources if s.key == "pgm-claims-2023h1"]
    assert analysis.coverage == "sample"
    for command in ("/about", "/sources"):
        assert "calls its count “a sampling of the reports”" in ask(desk, command)


def test_four_officials_arrested_without_names(desk: Desk) -> None:
    (event,) = facts("group_events").group_events
    assert (event.kind, event.party, event.people_count, event.source) == (
        "arrested",
        "clp",
        4,
        "camboja-2023-07-raiya",
    )
    assert (
        "Reported without names: four Candlelight Party officials arrested in the week before "
        "the report, accused of urging voters to spoil ballots at the election "
        "(c. July 2023) [2]"
    ) in ask(desk, "/about")


# ---------------------------------------------------------------- loading and schema --


def test_an_edited_disagreement_is_loaded_again(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    engine = make_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    upgrade(engine)
    assert load_paths(engine, [data]).other_facts_changed == 4  # 1 group event, 3 disagreements
    assert not load_paths(engine, [data]).changed
    path = data / "disagreements.yaml"
    path.write_text(path.read_text().replace("Prison terms", "Time in prison"))
    report = load_paths(engine, [data])
    assert report.other_facts_changed == 1 and report.people_changed == 0
    desk = Desk(engine)
    assert "• Time in prison: The analysis says" in card(desk, "Kung Raiya")
    engine.dispose()
