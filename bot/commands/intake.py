"""Intake: a published report read into proposed claims that an admin adds, edits or skips;
and, for everyone, what the record holds about the people and parties a text names.

>>> from datetime import date
>>> from bot.core.render import to_plain
>>> from bot.desk import Desk
>>> from bot.ingest.intake.report import Proposal, Report
>>> desk = Desk.open("sqlite://")
>>> report = Report("Sixty Funcinpec members joined the CPP on 3 July.", outlet="Fresh News",
...                 url="https://example.org/a", published=date(2023, 7, 4), kind="link")
>>> found = [Proposal(date(2023, 7, 3), "event", 60, "Sixty", ["Funcinpec"],
...                   "Cambodian People's Party", report.text, claimant="Fresh News")]
>>> (review,) = review_report(desk, 42, 7, report, proposer=lambda r, p: found)
>>> [b.command for b in review.buttons]
['/intake_add 1', '/intake_edit 1', '/intake_skip 1']
>>> print(to_plain(add_proposal(desk, 1, 7, "@editor")).splitlines()[0])
Added claim #111: 03/07/2023 · 60 · FUNCINPEC, reported by Fresh News (change #2).

Nothing is written before Add. A proposal waits in the database (``intake_proposals``), so
its buttons work after a restart; they carry ``/intake_add ID`` and its kin, hidden commands
of the registry for the desk's admins, short enough for Telegram's 64 bytes. Add writes the
claim with its outlet, the change log entry and the day totals in one transaction, so /undo
removes it; a proposal that repeats a recorded claim (same party, within
:data:`DUPLICATE_DAYS` days, the same number or a person both name) adds its outlet to that
claim instead, so the event is counted once.

A claim needs a count: when the text gives none, Add says so and the admin may Edit the
number (if the text supports one) or Skip; the desk never makes a count up. The extractor is
:func:`bot.ingest.intake.propose`; a caller may hand in another as ``proposer``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, insert, select, update

from bot.commands.common import khmer_names
from bot.core.answer import Answer, Button, Part, bold, fail, italic, number
from bot.core.bounds import (
    check_day,
    check_defectors,
    clean_name,
    last_day,
    refused_character,
    shorten,
)
from bot.core.claim_text import day, outlet_label
from bot.core.i18n import N_, _, in_language, ngettext
from bot.core.matcher import SOUNDS_ALIKE
from bot.core.normalize import compact_key, normalize_name, sorted_tokens_key
from bot.core.shown_names import joint_name, named
from bot.core.shown_names import name as shown_name
from bot.desk import Desk
from bot.ingest.intake import PartyName, Proposal, Report, party_names, propose
from bot.storage import intake_proposals as pending
from bot.storage.claim_sources import add_outlet, outlets_of
from bot.storage.day_totals import refresh as refresh_day_totals
from bot.storage.day_totals import sums as day_sums
from bot.storage.queries import ClaimView, Outlet, Reader, views
from bot.storage.tables import (
    claim_parties,
    claim_people,
    claims,
    parties,
    party_aliases,
    person_aliases,
    sources,
)
from bot.storage.tables import people as people_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Proposer = Callable[[Report, Sequence[PartyName]], list[Proposal]]

INTAKE_SOURCE = "intake-reports"
DUPLICATE_DAYS = 3
MAX_REPORT = 50_000  # characters: a long article is ~20,000; more is not one report
MAX_FIELD = 1_000  # an edited evidence sentence or claimant
MAX_EVIDENCE = 400  # characters of the evidence a review shows (Add keeps all of it)
MAX_NAMES = 6  # people, and parties, a look-up lists (Telegram shows 8 buttons)
FIELDS = ("date", "number", "words", "qualifier", "from", "to", "people", "claimant", "evidence")
NO_OUTLET = "an unnamed outlet"
# A proposal's status as the review says it ("Already added.").
STATUSES = {"pending": N_("pending"), "added": N_("added"), "skipped": N_("skipped")}


# ------------------------------------------------------------------ reading a report --


@dataclass
class Resolved:
    """A proposal matched to the record: party ids (None: a party the record lacks), people
    (id None: proposed as new), the claim it may repeat."""

    proposal: Proposal
    from_ids: list[int | None]
    to_id: int | None
    people: list[tuple[str, int | None]]
    duplicate: ClaimView | None = None
    duplicate_outlets: list[str] = field(default_factory=list)


def _party_id(desk: Desk, conn: Connection, name: str) -> int | None:
    found = desk.parties(conn).resolve(name, limit=1)
    if found and (found[0].how in ("exact", "acronym") or found[0].score >= SOUNDS_ALIKE):
        return found[0].target
    return None


def _person_id(desk: Desk, conn: Connection, name: str) -> int | None:
    """A known person only on a whole-name match (exact or sounding alike): a shared surname
    is not the same person."""
    found = desk.people(conn).resolve(name, limit=2)
    if not found or found[0].how == "word" or found[0].score < SOUNDS_ALIKE:
        return None
    if len(found) > 1 and found[1].score >= found[0].score:
        return None  # two people answer to the name: proposed as new rather than guessed
    return found[0].target


def resolve(desk: Desk, conn: Connection, proposal: Proposal) -> Resolved:
    """Match the proposal's parties and people to the record (canonical names written back
    into it, unknown parties listed in ``new_parties``), and find a claim it may repeat."""
    from_ids = [_party_id(desk, conn, n) for n in proposal.from_parties]
    to_id = _party_id(desk, conn, proposal.to_party) if proposal.to_party else None
    known = {pid for pid in (*from_ids, to_id) if pid is not None}
    canonical = dict(
        conn.execute(select(parties.c.id, parties.c.name).where(parties.c.id.in_(known))).all()
    )
    names = [
        canonical.get(pid, n) if pid is not None else n
        for n, pid in zip(proposal.from_parties, from_ids, strict=True)
    ]
    to_name = canonical.get(to_id, proposal.to_party) if to_id else proposal.to_party
    new = [n for n, pid in zip(names, from_ids, strict=True) if pid is None]
    if proposal.to_party and to_id is None:
        new.append(proposal.to_party)
    proposal = replace(proposal, from_parties=names, to_party=to_name, new_parties=new)
    people = [(n, _person_id(desk, conn, n)) for n in proposal.people]
    found = Resolved(proposal, from_ids, to_id, people)
    dup = duplicate_of(conn, found)
    if dup is not None:
        found.duplicate = dup
        found.duplicate_outlets = outlet_names(conn, dup)
        found.proposal = replace(found.proposal, duplicate_of=dup.id)
    else:
        found.proposal = replace(found.proposal, duplicate_of=None)
    return found


def duplicate_of(db: Reader, found: Resolved) -> ClaimView | None:
    """A recorded claim the proposal may repeat: one of its former parties, reported within
    :data:`DUPLICATE_DAYS` days, with the same number or a named person in common; the
    nearest in date first."""
    p = found.proposal
    known = [pid for pid in found.from_ids if pid is not None]
    if p.date is None or not known:
        return None
    c = claims.c
    window = timedelta(days=DUPLICATE_DAYS)
    naming = select(claim_parties.c.claim_id).where(claim_parties.c.party_id.in_(known))
    q = select(
        c.id, c.reported_on, c.number, c.party_text, c.source_id, c.claimant, c.line_no,
        c.raw_line,
    ).where(
        c.id.in_(naming), c.reported_on >= p.date - window, c.reported_on <= p.date + window
    )  # fmt: skip
    people = {pid for _name, pid in found.people if pid is not None}
    if people:
        shared = select(claim_people.c.claim_id).where(claim_people.c.person_id.in_(people))
        q = q.where((c.number == p.number) | c.id.in_(shared))
    elif p.number is not None:
        q = q.where(c.number == p.number)
    else:
        return None
    rows = db.execute(q).all()
    if not rows:
        return None
    best = min(rows, key=lambda r: (abs((r[1] - p.date).days), r[0]))
    return views(db, [best])[0]


def outlet_names(db: Reader, view: ClaimView) -> list[str]:
    """Who reported a recorded claim: its outlets, or its table's claimant."""
    found = outlets_of(db, [view.id]).get(view.id, [])
    return [outlet_label(o) for o in found] or [view.claimant]


def _visible(text: str | None) -> str | None:
    if text is None:
        return None
    return "".join(ch for ch in text if ch in "\n\t" or refused_character(ch) is None)


def visible(report: Report) -> Report:
    """The report without the invisible controls a page or post may carry (bidi marks, a
    byte-order mark, control characters but newline and tab): what the record may store.

    >>> visible(Report("9\\u200e members\\r\\njoined", outlet="\\ufeffFresh News")).outlet
    'Fresh News'
    """

    return replace(
        report,
        text=_visible(report.text) or "",
        outlet=_visible(report.outlet),
        url=_visible(report.url),
        title=_visible(report.title),
        author=_visible(report.author),
    )


def propose_for(desk: Desk, report: Report, *, proposer: Proposer | None = None) -> list[Resolved]:
    """The claims the report proposes (from its visible text), matched to the record. Nothing
    is written."""
    report = visible(report)
    with desk.connect() as conn:
        found = (proposer or propose)(report, party_names(conn))
        return [resolve(desk, conn, p) for p in found]


def check_report(report: Report) -> str | None:
    """Why this report cannot be read, or None."""
    if not report.text.strip():
        return _("The text is empty: forward a post, paste a report's text or send a link.")
    if len(report.text) > MAX_REPORT:
        return _(
            "The text is too long to be one report ({n} characters; at most {most}). Send "
            "the article itself."
        ).format(n=number(len(report.text)), most=number(MAX_REPORT))
    return None


def _status(status: str) -> str:
    return _(STATUSES[status]) if status in STATUSES else status


def _no_proposal(proposal_id: int) -> Answer:
    return fail("intake", _("There is no proposal #{id}.").format(id=proposal_id))


def _already(proposal_id: int, status: str) -> Answer:
    return fail(
        "intake",
        _("Proposal #{id} is already {status}.").format(id=proposal_id, status=_status(status)),
    )


# ------------------------------------------------------------------ review ------------


def review_report(
    desk: Desk,
    chat_id: int,
    actor_id: int | None,
    report: Report,
    *,
    proposer: Proposer | None = None,
) -> list[Answer]:
    """Propose the report's claims, store them as pending, and give one answer (message)
    each, with Add / Edit / Skip buttons; one answer saying so when there are none."""
    with khmer_names(desk):
        return _review_report(desk, chat_id, actor_id, report, proposer)


def _review_report(
    desk: Desk, chat_id: int, actor_id: int | None, report: Report, proposer: Proposer | None
) -> list[Answer]:
    problem = check_report(report)
    if problem is not None:
        return [fail("intake", problem)]
    report = visible(report)
    found = propose_for(desk, report, proposer=proposer)
    if not found:
        answer = Answer(command="intake")
        answer.line(_("No defection claim found in this text; nothing to add."))
        answer.line(
            italic(
                _(
                    "Alliances, petitions, registrations, intentions to join later and numbers "
                    "that count something else are not claims."
                )
            )
        )
        return [answer]
    report_json = report_to_json(report)
    with desk.session() as s, s.begin():
        ids = [
            pending.save(
                s,
                chat_id=chat_id,
                actor_id=actor_id,
                report=report_json,
                proposal=r.proposal.to_json(),
            )
            for r in found
        ]
    return [_show(i, r, report) for i, r in zip(ids, found, strict=True)]


def show_proposal(desk: Desk, proposal_id: int) -> Answer:
    """A stored proposal as the review shows it (matched to the record as it is now)."""
    with desk.connect() as conn:
        stored = pending.load(conn, proposal_id)
        if stored is None:
            return _no_proposal(proposal_id)
        found = resolve(desk, conn, proposal_from_json(stored.proposal))
    with khmer_names(desk):
        answer = _show(proposal_id, found, report_from_json(stored.report))
    if stored.status != "pending":
        answer.buttons.clear()
        answer.line(italic(_("Already {status}.").format(status=_status(stored.status))))
    return answer


def _date_line(p: Proposal) -> list[Part]:
    if p.date is None:
        return [_("none in the text and no publication date (Add needs one: edit the date)")]
    if p.date_kind == "event":
        return [bold(day(p.date)), _(" (the event's date)")]
    return [
        bold(day(p.date)),
        _(" (the day it was published or said; the text gives no date for the event)"),
    ]


def said_number(p: Proposal) -> str:
    """The text's words for the number, with its qualifier when they leave it out.

    >>> said_number(Proposal(None, "published", 300, "៣០០", [], None, "…", qualifier="ជាង"))
    'ជាង ៣០០'
    """
    words = p.number_text
    if words and p.qualifier and p.qualifier.lower() not in words.lower():
        words = f"{p.qualifier} {words}"
    return words or ""


def _number_line(p: Proposal) -> list[Part]:
    if p.number is None:
        return [_("none in the text (Add needs one: edit it if the text gives a count, or skip)")]
    parts: list[Part] = [bold(number(p.number))]
    words = said_number(p)
    if words:
        parts.append(_(" — the text says “{words}”").format(words=words))
    if p.qualifier:
        parts.append(
            italic(
                _(" (qualifier kept: {qualifier}; not an exact count)").format(
                    qualifier=p.qualifier
                )
            )
        )
    return parts


def _show(proposal_id: int, r: Resolved, report: Report) -> Answer:
    p = r.proposal
    answer = Answer(command="intake")
    head = (
        _("Proposed departure #{id}") if p.kind == "departure" else _("Proposed claim #{id}")
    ).format(id=proposal_id)
    answer.line(bold(head), _(" — from {outlet}").format(outlet=report.outlet or _(NO_OUTLET)))
    answer.line(_("Date: "), *_date_line(p))
    answer.line(_("Number: "), *_number_line(p))
    former = [
        _("{party} (new: not in the party list, as the text spells it)").format(party=n)
        if pid is None
        else named(n)
        for n, pid in zip(p.from_parties, r.from_ids, strict=True)
    ]
    answer.line(_("From: "), "; ".join(former) or _("no party named (recorded as Unnamed Parties)"))
    if p.to_party is None:
        answer.line(_("To: departure, no destination"))
    elif r.to_id is None:
        answer.line(_("To: "), _("{party} (new: not in the party list)").format(party=p.to_party))
    else:
        answer.line(_("To: "), named(p.to_party))
    if r.people:
        answer.line(
            _("People: "),
            ", ".join(
                (_("{name} (known)") if pid else _("{name} (new)")).format(name=n)
                for n, pid in r.people
            ),
        )
    answer.line(_("Claimant: "), p.claimant or report.outlet or _("not given"))
    evidence = p.evidence if len(p.evidence) <= MAX_EVIDENCE else p.evidence[:MAX_EVIDENCE] + "…"
    answer.line(_("Evidence: "), italic(f"“{evidence}”"))
    if report.url:
        answer.line(_("Link: "), report.url)
    if p.confidence == "low":
        answer.line(bold(_("Low confidence: ")), "; ".join(p.reasons) or _("no reason given"))
    if r.duplicate is not None:
        v = r.duplicate
        answer.line(
            bold(_("Likely already recorded: ")),
            _("claim #{id}, {day} · {number} · {parties}, reported by {outlets}.").format(
                id=v.id,
                day=day(v.reported_on),
                number=number(v.number),
                parties=joint_name(v.party_text),
                outlets=", ".join(r.duplicate_outlets),
            ),
        )
        answer.line(italic(_("Add records this report as another source of it, not a new claim.")))
    answer.buttons.extend(
        [
            Button(_("Add"), f"/intake_add {proposal_id}"),
            Button(_("Edit"), f"/intake_edit {proposal_id}"),
            Button(_("Skip"), f"/intake_skip {proposal_id}"),
        ]
    )
    return answer


# ------------------------------------------------------------------ JSON -------------


def report_to_json(report: Report) -> dict[str, Any]:
    return {
        "text": report.text,
        "outlet": report.outlet,
        "url": report.url,
        "published": report.published.isoformat() if report.published else None,
        "kind": report.kind,
        "title": report.title,
        "author": report.author,
    }


def report_from_json(data: dict[str, Any]) -> Report:
    published = data.get("published")
    return Report(
        text=data["text"],
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=date.fromisoformat(published) if published else None,
        kind=data.get("kind", "paste"),
        title=data.get("title"),
        author=data.get("author"),
    )


def proposal_from_json(data: dict[str, Any]) -> Proposal:
    """The inverse of :meth:`Proposal.to_json` (keys it does not know are ignored)."""
    known = {k: v for k, v in data.items() if k in Proposal.__dataclass_fields__}
    when = known.get("date")
    known["date"] = date.fromisoformat(when) if when else None
    return Proposal(**known)


# ------------------------------------------------------------------ add / skip -------


def _intake_source(s: Session) -> int:
    return _found_or_added(
        s,
        sources,
        {
            "key": INTAKE_SOURCE,
            "outlet": "Defection Desk editors",
            "title": "[Reports added through intake, each with its outlets]",
            "published": f"{datetime.now(UTC):%Y}",
            "published_precision": "year",
            "kind": "curation",
            "description": "Claims read from published reports (forwarded posts, pasted texts, "
            "links) and added one by one by the desk's admins after review; each keeps the "
            "outlets that reported it, and is in the change log.",
            "claimant": "the outlet of each report",
            "content_hash": "",
        },
    )


def _found_or_added(s: Session, table: Table, values: dict[str, object]) -> int:
    """The id of ``table``'s row with ``values["key"]``, inserting ``values`` if there is none."""
    found = s.scalar(select(table.c.id).where(table.c.key == values["key"]))
    if found is not None:
        return int(found)
    new_id = s.scalar(insert(table).returning(table.c.id), values)
    assert new_id is not None
    return int(new_id)


def _new_party(s: Session, name: str, outlet: str) -> int:
    """A party the record lacks, as the report spells it, for the admin to complete later in
    data/parties.yaml."""
    name = clean_name(name, what="a party's name")
    slug = re.sub(r"[^a-z0-9]+", "-", normalize_name(name)).strip("-")
    if len(slug) < 2:  # e.g. a name in Khmer script: keys are a-z, 0-9 and -
        slug = hashlib.sha256(name.encode()).hexdigest()[:12]
    key = f"new-{slug}"[:100]
    found = s.scalar(select(parties.c.id).where(parties.c.key == key))
    if found is not None:
        return int(found)
    new_id = s.scalar(
        insert(parties).returning(parties.c.id),
        {
            "key": key,
            "name": name,
            "kind": "party",
            "note": f"Named in a report by {outlet} added through intake; not in "
            "data/parties.yaml.",
            "content_hash": "",
        },
    )
    assert new_id is not None
    s.execute(
        insert(party_aliases),
        {
            "party_id": new_id,
            "alias": name,
            "search_key": normalize_name(name),
            "compact_key": compact_key(name),
            "sorted_key": sorted_tokens_key(name),
            "acronym": False,
            "origin": f"as a report by {outlet} spells it",
        },
    )
    return int(new_id)


def _unnamed_party(s: Session) -> int | None:
    q = select(parties.c.id).where(parties.c.kind == "unnamed").order_by(parties.c.id).limit(1)
    return s.scalar(q)


def _checked(p: Proposal, today: date) -> tuple[date, int]:
    """The date and number Add writes, within the bounds (ValueError says what is missing)."""
    if p.number is None:
        raise ValueError(
            _(
                "the text gives no count. Edit the number if the report supports one "
                "(/intake_edit ID number N), or skip it: the desk does not make a count up."
            )
        )
    if p.date is None:
        raise ValueError(_("no date: edit it (/intake_edit ID date DD/MM/YYYY)."))
    return check_day(p.date, latest=last_day(today)), check_defectors(p.number)


def add_proposal(desk: Desk, proposal_id: int, actor_id: int, actor: str) -> Answer:
    """Add the pending proposal: a new claim with its outlet, or, when it repeats a recorded
    claim, its outlet added to that claim. One transaction with the change log entry."""
    from bot.commands.curation import _record  # the ORM: imported when a claim is written

    try:
        with desk.session() as s, s.begin():
            stored = pending.load(s, proposal_id, for_update=True)
            if stored is None:
                return _no_proposal(proposal_id)
            if stored.status != "pending":
                return _already(proposal_id, stored.status)
            report = report_from_json(stored.report)
            conn = s.connection()
            found = resolve(desk, conn, proposal_from_json(stored.proposal))
            p = found.proposal
            when, count = _checked(p, desk.today())
            outlet = Outlet(
                report.outlet or p.claimant or NO_OUTLET,
                report.url,
                report.published,
                report.kind,
                report.title,
            )
            if found.duplicate is not None:
                v = found.duplicate
                text = f"{outlet.outlet} as another source of claim #{v.id}"  # the log's, English
                change = _record(
                    s, actor_id, actor, "intake", f"added {text}", {"claim_sources": []}
                )
                # Not marked updated: the claim is the same, and watch alerts would call it
                # corrected.
                source_row = add_outlet(s, v.id, outlet, change)
                linked = _link_people(s, v.id, found.people)
                undo = {
                    "claim_sources": [source_row],
                    "repeated": v.id,
                    "named": linked,
                    "intake": proposal_id,
                }
                _set_undo(s, change, undo)
                pending.decide(s, proposal_id, "added", claim_id=v.id, change_id=change)
                answer = Answer(command="intake")
                answer.line(
                    _(
                        "Added {outlet} as another source of claim #{id} (change #{change}); "
                        "counted once."
                    ).format(outlet=outlet.outlet, id=v.id, change=change)
                )
                answer.line(
                    _("Reported by: "), ", ".join([*found.duplicate_outlets, outlet_label(outlet)])
                )
                answer.line(italic(_("/undo removes this source again.")))
                return answer
            claim_id, party_text, new_parties = _write_claim(s, found, report, outlet, when, count)
            with in_language("en"):  # the change log's summary is stored in English
                logged = _claim_text(when, count, party_text, departure=p.to_party is None)
            change = _record(
                s, actor_id, actor, "intake", f"added claim #{claim_id}: {logged}", None
            )
            add_outlet(s, claim_id, outlet, change)
            undo = {"claims": [claim_id], "parties": new_parties, "intake": proposal_id}
            _set_undo(s, change, undo)
            pending.decide(s, proposal_id, "added", claim_id=claim_id, change_id=change)
    except ValueError as exc:
        return fail(
            "intake", _("Nothing added: {why}").format(why=exc).replace("ID", str(proposal_id))
        )
    answer = Answer(command="intake")
    with khmer_names(desk):
        shown = _claim_text(when, count, party_text, departure=p.to_party is None)
    answer.line(
        _("Added claim #{id}: {claim}, reported by {outlet} (change #{change}).").format(
            id=claim_id, claim=shown, outlet=outlet.outlet, change=change
        )
    )
    if new_parties:
        answer.line(
            italic(
                ngettext(
                    "{n} new party added to the party list as the report spells them: "
                    "complete them in data/parties.yaml.",
                    "{n} new parties added to the party list as the report spells them: "
                    "complete them in data/parties.yaml.",
                    len(new_parties),
                ).format(n=number(len(new_parties)))
            )
        )
    answer.line(italic(_("/undo removes it.")))
    return answer


def _claim_text(when: date, count: int, party_text: str, *, departure: bool) -> str:
    """How an added claim reads: in the change log (English) and in Add's answer.

    >>> _claim_text(date(2023, 7, 3), 60, "FUNCINPEC", departure=True)
    '03/07/2023 · 60 · FUNCINPEC (departure, no destination)'
    """
    text = f"{day(when)} · {number(count)} · {joint_name(party_text)}"
    return text + _(" (departure, no destination)") if departure else text


def _set_undo(s: Session, change_id: int, undo: dict[str, object]) -> None:
    import json

    from bot.storage.tables import changes

    s.execute(update(changes).where(changes.c.id == change_id).values(undo=json.dumps(undo)))


def _write_claim(
    s: Session, found: Resolved, report: Report, outlet: Outlet, when: date, count: int
) -> tuple[int, str, list[int]]:
    """Insert the claim, its parties and people; (its id, its party text, new party ids)."""

    p = found.proposal
    new_parties: list[int] = []
    party_ids: list[int] = []
    for name, pid in zip(p.from_parties, found.from_ids, strict=True):
        if pid is None:
            pid = _new_party(s, name, outlet.outlet)
            new_parties.append(pid)
        party_ids.append(pid)
    if not party_ids:
        unnamed = _unnamed_party(s)
        if unnamed is None:
            raise ValueError(_("no former party: edit it (/intake_edit ID from PARTY)."))
        party_ids.append(unnamed)
    party_ids = list(dict.fromkeys(party_ids))
    to_id = found.to_id
    if p.to_party is not None and to_id is None:
        to_id = _new_party(s, p.to_party, outlet.outlet)
        new_parties.append(to_id)
    names = dict(s.execute(select(parties.c.id, parties.c.name)).all())
    party_text = " / ".join(names[pid] for pid in party_ids)
    source_id = _intake_source(s)
    c = claims.c
    occurrence = s.scalar(
        select(func.count()).where(
            c.source_id == source_id, c.reported_on == when, c.party_text == party_text
        )
    )
    line_no = (s.scalar(select(func.max(c.line_no)).where(c.source_id == source_id)) or 0) + 1
    raw_line = f"{when:%d/%m/%Y} {count} {party_text}"
    now = datetime.now(UTC)
    claim_id = s.scalar(
        insert(claims).returning(c.id),
        {
            "source_id": source_id,
            "reported_on": when,
            "number": count,
            "party_text": party_text,
            "occurrence": occurrence or 0,
            "party_count": len(party_ids),
            "note": None,
            "claimant": (_visible(p.claimant or report.outlet) or NO_OUTLET)[:MAX_FIELD],
            "raw_line": raw_line,
            "line_no": line_no,
            "created_at": now,
            "updated_at": now,
            "to_party_id": to_id,
            "kind": "departure" if p.to_party is None else "defection",
            "qualifier": _visible(p.qualifier),
            "number_text": _visible(p.number_text),
            "evidence": _visible(p.evidence),
        },
    )
    assert claim_id is not None
    s.execute(
        insert(claim_parties),
        [{"claim_id": claim_id, "position": i, "party_id": pid} for i, pid in enumerate(party_ids)],
    )
    _link_people(s, claim_id, found.people)
    refresh_day_totals(s, {when})
    return claim_id, party_text, new_parties


def _link_people(s: Session, claim_id: int, named: list[tuple[str, int | None]]) -> list[int]:
    """Link the people a report names to the claim (new ones made, as table rows' are),
    those it does not name yet; their ids."""
    from bot.ingest.loader import PersonLinker

    linker = PersonLinker(s)
    already = set(
        s.scalars(select(claim_people.c.person_id).where(claim_people.c.claim_id == claim_id))
    )
    ids: dict[int, None] = {}
    for name, pid in named:
        person = pid if pid is not None else linker.person_id(clean_name(name, limit=90))
        if person not in already:
            ids[person] = None
    if ids:
        s.execute(
            insert(claim_people),
            [{"claim_id": claim_id, "person_id": pid, "descriptor": None} for pid in ids],
        )
    return list(ids)


def skip_proposal(desk: Desk, proposal_id: int) -> Answer:
    """Skip the pending proposal: nothing is written but its status."""
    with desk.session() as s, s.begin():
        stored = pending.load(s, proposal_id, for_update=True)
        if stored is None:
            return _no_proposal(proposal_id)
        if stored.status != "pending":
            return _already(proposal_id, stored.status)
        pending.decide(s, proposal_id, "skipped")
    answer = Answer(command="intake")
    answer.line(_("Skipped proposal #{id}; nothing was added.").format(id=proposal_id))
    return answer


# ------------------------------------------------------------------ edit -------------


def edit_proposal(desk: Desk, proposal_id: int, args: str) -> Answer:
    """``FIELD VALUE``: change one field of a pending proposal (checked as Add would); with
    no field, how to."""
    field_name, _sep, value = args.strip().partition(" ")
    field_name, value = field_name.lower(), value.strip()
    if not field_name:
        answer = show_proposal(desk, proposal_id)
        if answer.ok:
            answer.blank()
            answer.line(bold(_("To edit, send: ")), f"/intake_edit {proposal_id} FIELD VALUE")
            answer.line(
                italic(
                    _(
                        "Fields: date DD/MM/YYYY · number N · words TEXT · qualifier TEXT|none · "
                        "from PARTY[; PARTY] · to PARTY|none · people NAME[; NAME]|none · "
                        "claimant TEXT · evidence TEXT"
                    )
                )
            )
        return answer
    if field_name not in FIELDS:
        return fail(
            "intake",
            _("No field {field}: edit one of {fields}.").format(
                field=repr(field_name), fields=", ".join(FIELDS)
            ),
        )
    try:
        with desk.session() as s, s.begin():
            stored = pending.load(s, proposal_id, for_update=True)
            if stored is None:
                return _no_proposal(proposal_id)
            if stored.status != "pending":
                return _already(proposal_id, stored.status)
            p = _edited(proposal_from_json(stored.proposal), field_name, value, desk.today())
            pending.replace_proposal(s, proposal_id, p.to_json())
    except ValueError as exc:
        return fail("intake", _("Not changed: {why}").format(why=exc))
    answer = show_proposal(desk, proposal_id)
    answer.lines.insert(0, (italic(_("Edited {field}.").format(field=field_name)),))
    return answer


def _none(value: str) -> bool:
    return value.lower() in ("", "none", "-")


def _edited(p: Proposal, name: str, value: str, today: date) -> Proposal:
    """The proposal with one field changed, validated."""
    from bot.ingest.claims_table import parse_day_first

    if name == "date":
        try:
            when = date.fromisoformat(value) if "-" in value else parse_day_first(value)
        except ValueError as exc:
            raise ValueError(
                _("{value} is not a date (DD/MM/YYYY): {why}").format(value=shorten(value), why=exc)
            ) from None
        return replace(p, date=check_day(when, latest=last_day(today)), date_kind="event")
    if name == "number":
        digits = value.replace(",", "")
        if not digits.isdigit() or len(digits) > 9:
            raise ValueError(_("{value} is not a whole number").format(value=shorten(value)))
        return replace(p, number=check_defectors(int(digits)))
    if name in ("words", "qualifier", "claimant", "evidence"):
        text = None if _none(value) and name != "evidence" else clean_name(value, limit=MAX_FIELD)
        if name == "evidence" and not text:
            raise ValueError(_("the evidence sentence cannot be empty"))
        if name == "words":
            return replace(p, number_text=text)
        if name == "qualifier":
            return replace(p, qualifier=text)
        if name == "claimant":
            return replace(p, claimant=text)
        return replace(p, evidence=text or p.evidence)
    if name == "from":
        parts = [] if _none(value) else re.split(r"[;/]", value)
        return replace(p, from_parties=[clean_name(n) for n in parts if n.strip()])
    if name == "to":
        if _none(value):
            return replace(p, to_party=None, kind="departure")
        return replace(p, to_party=clean_name(value), kind="defection")
    # people
    parts = [] if _none(value) else value.split(";")
    return replace(p, people=[clean_name(n, limit=90) for n in parts if n.strip()])


# ------------------------------------------------------------------ look-up ----------


def look_up(desk: Desk, text: str) -> Answer:
    """What the record holds about the people and parties a text names: each one found, a
    one-line status and a button for its card. Read-only, for everyone."""
    if not text.strip():
        return fail("lookup", _("The text is empty."))
    with khmer_names(desk):
        return _look_up(desk, text[:MAX_REPORT])


def _look_up(desk: Desk, text: str) -> Answer:
    from bot.commands.common import defectors, reports

    with desk.connect() as conn:
        party_ids = named_parties(conn, text)
        person_ids = named_people(conn, text)
        more = max(len(party_ids) - MAX_NAMES, 0) + max(len(person_ids) - MAX_NAMES, 0)
        party_ids, person_ids = party_ids[:MAX_NAMES], person_ids[:MAX_NAMES]
        answer = Answer(command="lookup")
        if not party_ids and not person_ids:
            answer.line(_("This text names no person or party the record knows."))
            return answer
        answer.line(bold(_("What the record holds about the names in this text")))
        from bot.commands.who import person_card

        person_names = dict(
            conn.execute(
                select(people_table.c.id, people_table.c.name).where(
                    people_table.c.id.in_(person_ids)
                )
            ).all()
        )
        status_head = _("Status: ")
        for pid in person_ids:
            card = person_card(conn, pid)
            latin = person_names.get(pid) or str(pid)
            status = next(
                ("".join(s.text for s in line[1:]) for line in card.lines
                 if line and line[0].text == status_head),
                _("in the record; no change of party recorded"),
            )  # fmt: skip
            answer.bullet(bold(named(latin)), f" — {status}")
            answer.buttons.append(Button(shown_name(latin), f"/who {latin}"))
        names = dict(
            conn.execute(
                select(parties.c.id, parties.c.name).where(parties.c.id.in_(party_ids))
            ).all()
        )
        for pid in party_ids:
            latin = names[pid]
            figures = day_sums(conn, None, None, party_id=pid)
            if figures.all.reports:
                status = _("{defectors} in {reports} (claims, not verified)").format(
                    defectors=defectors(figures.all.total), reports=reports(figures.all.reports)
                )
            else:
                status = _("no claimed defections from it recorded")
            answer.bullet(bold(named(latin)), f" — {status}")
            answer.buttons.append(Button(shown_name(latin), f"/total {latin}"))
    if more:
        answer.line(
            italic(
                ngettext(
                    "… and {n} more name the text mentions.",
                    "… and {n} more names the text mentions.",
                    more,
                ).format(n=number(more))
            )
        )
    answer.line(italic(_("Nothing was added: this is what the record already holds.")))
    return answer


MAX_NGRAM = 5


def _grams(text: str) -> set[str]:
    words = normalize_name(text).split()
    return {
        " ".join(words[i : i + n])
        for n in range(1, MAX_NGRAM + 1)
        for i in range(len(words) - n + 1)
    }


def named_parties(db: Reader, text: str) -> list[int]:
    """Parties whose name, alias or acronym the text contains (as whole words; Khmer names,
    written without spaces, anywhere), in the order of the record."""
    grams = _grams(text)
    compact = compact_key(text)
    found: dict[int, None] = {}
    q = select(party_aliases.c.party_id, party_aliases.c.search_key, party_aliases.c.acronym)
    for pid, key, acronym in db.execute(q.order_by(party_aliases.c.party_id)):
        if key in grams:
            if acronym and not re.search(rf"\b{re.escape(key)}\b", text, re.IGNORECASE):
                continue
            found[pid] = None
        elif not key.isascii() and compact_key(key) and compact_key(key) in compact:
            found[pid] = None
    return list(found)


def named_people(db: Reader, text: str) -> list[int]:
    """People an alias of whom (two words or more) the text contains, by the aliases' index."""
    grams = [g for g in _grams(text) if " " in g]
    found: dict[int, None] = {}
    for i in range(0, len(grams), 1000):
        q = select(person_aliases.c.person_id).where(
            person_aliases.c.search_key.in_(grams[i : i + 1000])
        )
        for (pid,) in db.execute(q.order_by(person_aliases.c.person_id)):
            found[pid] = None
    return list(found)


# ------------------------------------------------------------------ desk intake ------

TABLE_COLUMNS = ("date", "number", "from", "to", "people", "claimant", "conf.", "repeats")


def proposals_json(found: Sequence[Resolved]) -> list[dict[str, Any]]:
    """``desk intake --json``: one object per proposal (see :meth:`Proposal.to_json`).

    >>> p = Proposal(None, "published", None, None, ["Candlelight Party"], None, "…")
    >>> proposals_json([Resolved(p, [1], None, [])])[0]["date"] is None
    True
    """
    return [r.proposal.to_json() for r in found]


def proposals_table(found: Sequence[Resolved]) -> str:
    """``desk intake``: the proposals as a table, each with its evidence under it.

    >>> p = Proposal(date(2023, 7, 1), "event", 700, "more than 700", ["Candlelight Party"],
    ...              "Cambodian People's Party", "More than 700 … joined.", qualifier="more than")
    >>> lines = proposals_table([Resolved(p, [2], 1, [])]).splitlines()
    >>> lines[0].split()
    ['#', 'date', 'number', 'from', 'to', 'people', 'claimant', 'conf.', 'repeats']
    >>> lines[1].split("  ")[:3]
    ['1', '01/07/2023 event', '700 (“more than 700”)']
    >>> lines[2].strip()
    'evidence: More than 700 … joined.'
    """
    rows: list[tuple[str, ...]] = []
    for r in found:
        p = r.proposal
        rows.append(
            (
                f"{day(p.date)} {p.date_kind}" if p.date else "-",
                (f"{number(p.number)}" if p.number is not None else "none")
                + (f" (“{said_number(p)}”)" if p.number_text else ""),
                "; ".join(
                    n + ("" if pid is not None else " (new)")
                    for n, pid in zip(p.from_parties, r.from_ids, strict=True)
                )
                or "-",
                p.to_party or "departure",
                "; ".join(f"{n}{'' if pid else ' (new)'}" for n, pid in r.people) or "-",
                p.claimant or "-",
                p.confidence,
                f"claim #{p.duplicate_of}" if p.duplicate_of is not None else "-",
            )
        )
    header = ("#", *TABLE_COLUMNS)
    cells = [header] + [(str(i), *row) for i, row in enumerate(rows, start=1)]
    widths = [max(len(row[c]) for row in cells) for c in range(len(header))]
    lines = []
    for i, row in enumerate(cells):
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if i:
            p = found[i - 1].proposal
            pad = " " * (widths[0] + 2)
            lines.append(f"{pad}evidence: {p.evidence}")
            if p.confidence == "low" and p.reasons:
                lines.append(f"{pad}low confidence: {'; '.join(p.reasons)}")
    return "\n".join(lines)


def apply_report(
    desk: Desk,
    report: Report,
    actor_id: int,
    actor: str,
    *,
    proposer: Proposer | None = None,
) -> list[Answer]:
    """``desk intake --apply``: review the report as an admin would, then Add every
    proposal; one answer each (a proposal Add refuses, e.g. without a count, stays pending)."""
    reviewed = review_report(desk, actor_id, actor_id, report, proposer=proposer)
    results: list[Answer] = []
    for answer in reviewed:
        if not answer.buttons:
            results.append(answer)
            continue
        pid = int(answer.buttons[0].command.split()[1])
        results.append(add_proposal(desk, pid, actor_id, actor))
    return results
