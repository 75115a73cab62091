"""Intake's storage and review: proposals kept in the database, Add (a new claim with its
outlet, or another outlet for a recorded claim), Edit, Skip, /undo, the change log, outlets in
answers, the read-only look-up, backups and ``desk load``; SQLite and PostgreSQL.

The extractor (``propose``) is another helper's work: these tests hand the review the
proposals it would make, so that what is checked here is what the desk does with them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from bot.commands import answer_text
from bot.commands.curation import recent_changes, undo_last
from bot.commands.intake import (
    Proposer,
    add_proposal,
    edit_proposal,
    look_up,
    review_report,
    show_proposal,
    skip_proposal,
)
from bot.core.render import to_html, to_plain
from bot.desk import Desk
from bot.ingest.backup import backup, restore
from bot.ingest.intake.report import PartyName, Proposal, Report
from bot.ingest.loader import load_paths
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from bot.storage.tables import (
    claim_sources,
    claims,
    intake_proposals,
    parties,
    people,
)
from tests.botrig import open_desk

ADMIN = 2002
CPP = "Cambodian People's Party"
FRESH = Report(
    "More than 700 Candlelight Party members in Kandal joined the CPP on 1 July 2023, "
    "among them councillor Sok Dara and Long Phary.",
    outlet="Fresh News",
    url="https://example.org/fresh/1",
    published=date(2023, 7, 2),
    kind="link",
    title="Candlelight members join",
)


def claim() -> Proposal:
    """What the extractor would propose for FRESH (tests change it with ``replace``)."""
    return Proposal(
        date=date(2023, 7, 1),
        date_kind="event",
        number=700,
        number_text="More than 700",
        from_parties=["Candlelight Party"],
        to_party=CPP,
        evidence=FRESH.text,
        qualifier="more than",
        people=["Sok Dara", "Long Phary"],
        claimant="Fresh News",
    )


def proposing(*found: Proposal) -> Proposer:
    def proposer(_report: Report, _parties: Sequence[PartyName]) -> list[Proposal]:
        return list(found)

    return proposer


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def counts(desk: Desk) -> tuple[int, int, int]:
    """Claims, their sum, outlets."""
    with desk.connect() as conn:
        n, total = conn.execute(select(func.count(claims.c.id), func.sum(claims.c.number))).one()
        outlets = conn.scalar(select(func.count(claim_sources.c.id)))
    return int(n), int(total), int(outlets or 0)


def review(desk: Desk, report: Report, *found: Proposal) -> list[int]:
    answers = review_report(desk, ADMIN, ADMIN, report, proposer=proposing(*found))
    return [int(a.buttons[0].command.split()[1]) for a in answers]


def test_review_shows_each_field_and_writes_nothing_but_the_proposal(desk: Desk) -> None:
    before = counts(desk)
    (answer,) = review_report(desk, ADMIN, ADMIN, FRESH, proposer=proposing(claim()))
    text = to_plain(answer)
    assert "Date: 01/07/2023 (the event's date)" in text
    assert "Number: 700 — the text says “More than 700” (qualifier kept: more than;" in text
    assert "From: Candlelight Party" in text and f"To: {CPP}" in text
    assert "People: Sok Dara (new), Long Phary (known)" in text
    assert "Claimant: Fresh News" in text and "Evidence: “More than 700 Candlelight" in text
    assert [b.label for b in answer.buttons] == ["Add", "Edit", "Skip"]
    assert all(len(b.command.encode()) <= 64 for b in answer.buttons)  # Telegram's limit
    assert counts(desk) == before
    with desk.connect() as conn:
        assert conn.scalar(select(intake_proposals.c.status)) == "pending"


def test_publication_date_and_unknown_party_and_departure_are_said(desk: Desk) -> None:
    found = replace(
        claim(),
        date=date(2023, 7, 2),
        date_kind="published",
        from_parties=["Khmer Dawn Party", "CNRP"],
        to_party=None,
        kind="departure",
        people=[],
    )
    (answer,) = review_report(desk, ADMIN, ADMIN, FRESH, proposer=proposing(found))
    text = to_plain(answer)
    assert "Proposed departure" in text
    assert "02/07/2023 (the day it was published or said; the text gives no date for the event)" in text
    assert "From: Khmer Dawn Party (new: not in the party list, as the text spells it); " in text
    assert "Cambodia National Rescue Party" in text  # the acronym, matched to its party
    assert "To: departure, no destination" in text


def test_add_then_undo(desk: Desk) -> None:
    (pid,) = review(desk, FRESH, claim())
    added = add_proposal(desk, pid, ADMIN, "@ed")
    assert added.ok, to_plain(added)
    assert "Added claim #111: 01/07/2023 · 700 · Candlelight Party, reported by Fresh News" in (
        to_plain(added)
    )
    assert counts(desk) == (111, 6476 + 700, 1)
    with desk.connect() as conn:
        row = conn.execute(
            select(
                claims.c.kind, claims.c.qualifier, claims.c.number_text, claims.c.evidence,
                parties.c.key, claims.c.claimant,
            ).join(parties, parties.c.id == claims.c.to_party_id).where(claims.c.id == 111)
        ).one()  # fmt: skip
        outlet = conn.execute(select(claim_sources)).one()
    assert tuple(row) == (
        "defection",
        "more than",
        "More than 700",
        FRESH.text,
        "cpp",
        "Fresh News",
    )
    assert (outlet.outlet, outlet.url, outlet.published, outlet.kind) == (
        "Fresh News", FRESH.url, date(2023, 7, 2), "link",
    )  # fmt: skip
    # It counts, and the answers that list claims say who reported it, with the link.
    assert "7,176" in to_plain(answer_text(desk, "/total"))
    on = answer_text(desk, "/on 01/07/2023")
    assert "reported by Fresh News, 02/07/2023" in to_plain(on)
    assert f'<a href="{FRESH.url}">Fresh News, 02/07/2023</a>' in to_html(on)
    assert "reported by Fresh News" in to_plain(answer_text(desk, "/who Long Phary"))
    assert "Sok Dara" in to_plain(answer_text(desk, "/who Sok Dara"))
    assert "Fresh News — 1 claim" in to_plain(answer_text(desk, "/sources"))
    assert "@ed · intake: added claim #111" in to_plain(recent_changes(desk))
    # A second press changes nothing.
    again = add_proposal(desk, pid, ADMIN, "@ed")
    assert not again.ok and "already added" in to_plain(again)
    assert counts(desk) == (111, 7176, 1)

    undone = undo_last(desk, ADMIN, "@ed")
    assert undone.ok and "Undone: change #" in to_plain(undone)
    assert counts(desk) == (110, 6476, 0)
    assert "6,476" in to_plain(answer_text(desk, "/total"))
    with desk.connect() as conn:
        assert conn.scalar(select(intake_proposals.c.status)) == "pending"
        assert conn.scalar(select(func.count()).where(people.c.name == "Sok Dara")) == 0


def test_a_recorded_claim_from_another_outlet_adds_a_source_not_a_claim(desk: Desk) -> None:
    # The table holds 29/06/2023 613 Candlelight Party; a report a day later with that figure.
    report = Report(
        "613 Candlelight members joined the CPP.",
        outlet="Khmer Times",
        url="https://t.me/khmertimes/5",
        published=date(2023, 6, 30),
        kind="forward",
    )
    found = replace(
        claim(),
        date=date(2023, 6, 30),
        number=613,
        number_text="613",
        qualifier=None,
        people=["Sok Dara"],
        evidence=report.text,
        claimant="Khmer Times",
    )
    (answer,) = review_report(desk, ADMIN, ADMIN, report, proposer=proposing(found))
    text = to_plain(answer)
    assert "Likely already recorded: claim #" in text and "29/06/2023 · 613" in text
    assert "reported by pro-government media, chiefly Fresh News" in text
    pid = int(answer.buttons[0].command.split()[1])
    added = add_proposal(desk, pid, ADMIN, "@ed")
    assert added.ok and "counted once" in to_plain(added)
    assert counts(desk) == (110, 6476, 1)
    assert "reported by Khmer Times, 30/06/2023" in to_plain(answer_text(desk, "/on 29/06/2023"))
    # The person this report names is linked to the recorded claim, until /undo.
    assert "29/06/2023" in to_plain(answer_text(desk, "/who Sok Dara"))
    undo_last(desk, ADMIN, "@ed")
    assert counts(desk) == (110, 6476, 0)
    assert not answer_text(desk, "/who Sok Dara").ok


def test_the_same_event_from_two_outlets_is_one_claim_with_both(desk: Desk) -> None:
    (first,) = review(desk, FRESH, claim())
    assert add_proposal(desk, first, ADMIN, "@ed").ok
    other = Report(
        "Kandal: over 700 CLP members defect to the ruling party.",
        outlet="CamboJA",
        url="https://example.org/camboja/9",
        published=date(2023, 7, 3),
        kind="link",
    )
    found = replace(claim(), date=date(2023, 7, 2), people=["Long Phary"], claimant="CamboJA")
    (answer,) = review_report(desk, ADMIN, ADMIN, other, proposer=proposing(found))
    assert "Likely already recorded: claim #111" in to_plain(answer)
    assert "reported by Fresh News, 02/07/2023" in to_plain(answer)
    assert add_proposal(desk, int(answer.buttons[0].command.split()[1]), ADMIN, "@ed").ok
    assert counts(desk) == (111, 7176, 2)
    on = to_plain(answer_text(desk, "/on 01/07/2023"))
    assert "reported by Fresh News, 02/07/2023, CamboJA, 03/07/2023" in on


def test_no_count_is_never_made_up(desk: Desk) -> None:
    (pid,) = review(desk, FRESH, replace(claim(), number=None, number_text=None, qualifier=None))
    assert "Number: none in the text" in to_plain(show_proposal(desk, pid))
    refused = add_proposal(desk, pid, ADMIN, "@ed")
    assert not refused.ok and "the text gives no count" in to_plain(refused)
    assert f"/intake_edit {pid} number N" in to_plain(refused)
    assert counts(desk) == (110, 6476, 0)
    edited = edit_proposal(desk, pid, "number 2")
    assert edited.ok and "Number: 2" in to_plain(edited)
    assert add_proposal(desk, pid, ADMIN, "@ed").ok
    assert counts(desk) == (111, 6478, 1)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ("number 0", "Not changed:"),
        ("number 200000", "Not changed:"),
        ("number many", "is not a whole number"),
        ("date 31/06/2023", "is not a date"),
        ("date 01/01/1980", "before 1 January 1993"),
        ("date 01/01/2030", "Not changed:"),
        ("colour red", "No field 'colour'"),
        ("evidence", "cannot be empty"),
    ],
)
def test_bad_edits_change_nothing(desk: Desk, args: str, fragment: str) -> None:
    (pid,) = review(desk, FRESH, claim())
    before = to_plain(show_proposal(desk, pid))
    answer = edit_proposal(desk, pid, args)
    assert not answer.ok and fragment in to_plain(answer)
    assert to_plain(show_proposal(desk, pid)) == before


def test_edit_every_field_then_add(desk: Desk) -> None:
    (pid,) = review(desk, FRESH, claim())
    help_text = to_plain(edit_proposal(desk, pid, ""))
    assert f"To edit, send: /intake_edit {pid} FIELD VALUE" in help_text
    for args in (
        "date 30/06/2023", "number 650", "words about 650", "qualifier about",
        "from Funcinpec; CNRP", "to CPP", "people Long Phary", "claimant Fresh News editor",
        "evidence About 650 members joined.",
    ):  # fmt: skip
        assert edit_proposal(desk, pid, args).ok, args
    text = to_plain(show_proposal(desk, pid))
    assert (
        "Date: 30/06/2023" in text
        and "Number: 650 — the text says “about 650” (qualifier kept: about" in text
    )
    assert "From: FUNCINPEC; Cambodia National Rescue Party" in text
    assert "People: Long Phary (known)" in text and "Claimant: Fresh News editor" in text
    added = add_proposal(desk, pid, ADMIN, "@ed")
    assert added.ok and "30/06/2023 · 650 · FUNCINPEC / Cambodia National Rescue Party" in (
        to_plain(added)
    )
    assert "joint row" in to_plain(answer_text(desk, "/on 30/06/2023"))


def test_skip_writes_nothing_and_ends_the_proposal(desk: Desk) -> None:
    (pid,) = review(desk, FRESH, claim())
    assert skip_proposal(desk, pid).ok
    assert not add_proposal(desk, pid, ADMIN, "@ed").ok
    assert not skip_proposal(desk, pid).ok
    assert counts(desk) == (110, 6476, 0)
    assert not add_proposal(desk, 999, ADMIN, "@ed").ok  # no such proposal


def test_departure_and_new_party_are_recorded_apart_and_undone(desk: Desk) -> None:
    found = replace(
        claim(), from_parties=["Khmer Dawn Party"], to_party=None, kind="departure", people=[]
    )
    (pid,) = review(desk, FRESH, found)
    added = add_proposal(desk, pid, ADMIN, "@ed")
    assert added.ok and "(departure, no destination)" in to_plain(added)
    assert "1 new party added to the party list" in to_plain(added)
    cpp = to_plain(answer_text(desk, "/total CPP"))
    assert "Claimed defections to the Cambodian People's Party in the data: 6,476" in cpp
    assert "Left out: 1 report (700 people)" in cpp
    assert "700" in to_plain(answer_text(desk, "/total Khmer Dawn Party"))
    undo_last(desk, ADMIN, "@ed")
    with desk.connect() as conn:
        assert conn.scalar(select(func.count()).where(parties.c.name == "Khmer Dawn Party")) == 0
    assert "Every claim in the data is a claimed defection" in to_plain(
        answer_text(desk, "/total CPP")
    )


def test_proposals_outlive_a_restart(db_url: str) -> None:
    first = open_desk(db_url)
    (pid,) = review(first, FRESH, claim())
    first.engine.dispose()
    second = open_desk(db_url)
    try:
        assert add_proposal(second, pid, ADMIN, "@ed").ok
    finally:
        second.engine.dispose()


def test_bad_reports_are_refused_and_store_nothing(desk: Desk) -> None:
    for text, fragment in (("  ", "The text is empty"), ("x" * 60_000, "too long")):
        (answer,) = review_report(desk, ADMIN, ADMIN, Report(text), proposer=proposing(claim()))
        assert not answer.ok and fragment in to_plain(answer)
    (none,) = review_report(desk, ADMIN, ADMIN, FRESH, proposer=proposing())
    assert "No defection claim found" in to_plain(none) and not none.buttons
    with desk.connect() as conn:
        assert conn.scalar(select(func.count(intake_proposals.c.id))) == 0


def test_lookup_names_what_the_record_holds_and_writes_nothing(desk: Desk) -> None:
    from bot.storage.version import data_version

    with desk.connect() as conn:
        version = data_version(conn)
    answer = look_up(desk, "Long Phary and Candlelight (ភ្លើងទៀន) members met the CNRP.")
    text = to_plain(answer)
    assert "Long Phary —" in text and "Candlelight Party —" in text
    assert "Cambodia National Rescue Party —" in text and "claimed defector" in text
    assert {b.command for b in answer.buttons} >= {"/who Long Phary", "/total Candlelight Party"}
    assert "names no person or party" in to_plain(look_up(desk, "Nothing here at all."))
    assert "Long Phary" in to_plain(answer_text(desk, "/lookup Long Phary spoke"))
    with desk.connect() as conn:
        assert data_version(conn) == version
    assert counts(desk) == (110, 6476, 0)


def test_watch_alerts_and_summaries_see_an_added_claim(desk: Desk) -> None:
    from bot.delivery.watchlists import answer_watch, due_alerts

    assert answer_watch(desk, 555, "private", 555, "Candlelight").ok
    (pid,) = review(desk, FRESH, claim())
    assert add_proposal(desk, pid, ADMIN, "@ed").ok
    (alert,) = [a for a in due_alerts(desk) if a.chat_id == 555]
    assert "reported by Fresh News" in to_plain(alert.answer)
    assert "700" in to_plain(answer_text(desk, "/summary 2023-W26"))


def test_backup_round_trip_keeps_outlets_and_proposals(desk: Desk, db_url: str) -> None:
    pids = review(desk, FRESH, claim(), replace(claim(), number=None))
    assert add_proposal(desk, pids[0], ADMIN, "@ed").ok
    other = replace(FRESH, outlet="CamboJA", url="https://example.org/c/2", kind="paste")
    (repeat,) = review(desk, other, replace(claim(), people=["Chea Mony"], claimant="CamboJA"))
    assert "another source" in to_plain(add_proposal(desk, repeat, ADMIN, "@ed"))
    saved = io.StringIO()
    backup(desk.engine, saved)
    copy = make_engine("sqlite://")
    report = restore(copy, io.StringIO(saved.getvalue()))
    assert report.rows["claim_sources"] == 2 and report.rows["intake_proposals"] == 3
    with copy.connect() as conn:
        row = conn.execute(
            select(claims.c.qualifier, claims.c.to_party_id).where(claims.c.id == 111)
        ).one()
        assert row.qualifier == "more than" and row.to_party_id is not None
        assert conn.scalar(select(claim_sources.c.url).order_by(claim_sources.c.id)) == FRESH.url
    restored = Desk(copy, clock=desk.clock)
    on = to_plain(answer_text(restored, "/on 01/07/2023"))
    assert "reported by Fresh News, 02/07/2023, CamboJA, 02/07/2023" in on
    # And undo still works there: the change log came along.
    assert undo_last(restored, ADMIN, "@ed").ok and undo_last(restored, ADMIN, "@ed").ok
    with copy.connect() as conn:
        assert conn.scalar(select(func.count(claims.c.id))) == 110
        assert conn.scalar(select(func.count(claim_sources.c.id))) == 0
    copy.dispose()


def test_desk_load_keeps_intake_claims_and_their_outlets(desk: Desk) -> None:
    (pid,) = review(desk, FRESH, claim())
    assert add_proposal(desk, pid, ADMIN, "@ed").ok
    load_paths(desk.engine)
    assert counts(desk) == (111, 7176, 1)


def test_migration_gives_table_rows_the_cpp_and_goes_down_and_up(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0005s")
    load = make_engine(db_url)
    upgrade(load)
    load_paths(load)
    with load.connect() as conn:
        cpp = conn.scalar(select(parties.c.id).where(parties.c.key == "cpp"))
        destinations = set(conn.scalars(select(claims.c.to_party_id).distinct()))
    assert destinations == {cpp}
    from alembic import command

    from bot.storage.migrate import alembic_config

    cfg = alembic_config()
    with load.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005s")
    upgrade(load)  # up again: the backfill names the CPP for the rows already there
    with load.connect() as conn:
        assert set(conn.scalars(select(claims.c.to_party_id).distinct())) == {cpp}
        assert conn.scalar(select(func.count(claims.c.id))) == 110
    engine.dispose()
    load.dispose()


def test_two_presses_of_add_at_once_add_one_claim(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    first, second = open_desk(db_url), open_desk(db_url)
    try:
        (pid,) = review(first, FRESH, claim())
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda d: add_proposal(d, pid, ADMIN, "@ed"), (first, second)))
        assert sorted(r.ok for r in results) == [False, True]
        assert counts(first) == (111, 7176, 1)
    finally:
        first.engine.dispose()
        second.engine.dispose()


def test_invisible_controls_in_a_report_are_not_stored(desk: Desk) -> None:
    """A post may carry bidi marks and a byte-order mark; the extractor reads, and the record
    keeps, the visible text, so a backup of it restores."""
    text = "\ufeffTwelve Funcinpec members\u200e joined the CPP on 1 July 2023.\r\n"
    report = Report(text, outlet="\u202bFresh News\u202c", published=date(2023, 7, 2))
    (answer,) = review_report(desk, ADMIN, ADMIN, report)  # the real extractor
    assert "Number: 12" in to_plain(answer), to_plain(answer)
    assert add_proposal(desk, int(answer.buttons[0].command.split()[1]), ADMIN, "@ed").ok
    with desk.connect() as conn:
        stored = conn.execute(select(claims.c.evidence, claims.c.claimant).where(
            claims.c.id == 111)).one()  # fmt: skip
    assert stored.claimant == "Fresh News" and "\u200e" not in stored.evidence
    saved = io.StringIO()
    backup(desk.engine, saved)
    copy = make_engine("sqlite://")
    assert restore(copy, io.StringIO(saved.getvalue())).rows["claims"] == 111
    copy.dispose()
