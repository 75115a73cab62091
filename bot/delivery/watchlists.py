"""Watchlists: a chat follows a person or a party and hears of every new or corrected record.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> print(to_plain(answer_watch(desk, 7, "private", 7, "Candlelight")).splitlines()[0])
Watching Candlelight Party: this chat will hear of every claim added or corrected that names it.

What is new. The change log (``changes``) says when the data last changed; a watch remembers
the moment up to which its chat has been told everything (``checked_to``). What is due for a
watch is what changed after that moment, up to the latest change: claims naming the person or
party whose ``created_at`` (added) or ``updated_at`` (corrected) falls in between, and, for a
person, events that a data load added or changed (their fingerprints differ from those the chat
has seen); for a party, the events of anyone joining or leaving it.

Once-only delivery follows the weekly digests (bot/delivery/weekly.py): before sending, a sender
claims
the (watch, round) row of ``watch_deliveries`` in its own transaction, where the unique key lets
one sender win, also across processes sharing PostgreSQL; after Telegram accepts the message the
row is marked sent and the watch moves on to the next round in one transaction. A claim left by
a dead process is taken over after the lease, or at once when it ran on this machine.
Limitation: a data change that is still uncommitted while a later one commits and is delivered
stamps its rows before that delivery's moment, so they are not reported (loads rarely overlap).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot.core.answer import Answer, Button, bold, fail, italic, number
from bot.core.citations import Citations, partial_date_label
from bot.core.claim_text import CLAIM_CAVEAT, claim_parts
from bot.core.formats import day
from bot.core.i18n import _, in_language, language, ngettext
from bot.core.shown_names import named, using_names
from bot.delivery.weekly import claim_once, settle, utc
from bot.desk import Desk
from bot.storage.chat_languages import stored_languages
from bot.storage.khmer_names import khmer_spellings
from bot.storage.models import (
    Change,
    Claim,
    ClaimParty,
    ClaimPerson,
    Event,
    Party,
    Person,
    Watch,
    WatchDelivery,
)
from bot.storage.queries import CLAIM_COLUMNS, ClaimView, views

LISTED = 10  # rows listed per section of an alert; the rest are counted
MAX_WATCHES = 50  # per chat
Kind = str  # "person" | "party"


# ------------------------------------------------------------------------------ targets --


@dataclass(frozen=True)
class Target:
    kind: Kind
    key: str
    id: int
    name: str


def resolve_target(desk: Desk, text: str, command: str = "watch") -> Target | Answer:
    """The person or party ``text`` names. ``person NAME`` / ``party NAME`` say which is meant.

    An exact name or alias of only one of them wins; otherwise a single close match; otherwise
    the candidates come back as buttons.
    """
    text = " ".join(text.split())
    kinds: tuple[Kind, ...] = ("person", "party")
    first, _, rest = text.partition(" ")
    if first.lower() in kinds and rest:
        kinds, text = (first.lower(),), rest
    if not text:
        return fail(
            command,
            f"Whom or which party? Send /{command} NAME or /{command} PARTY, "
            f"e.g. /{command} Kung Raiya or /{command} Candlelight.",
        )
    found = {
        kind: (desk.people() if kind == "person" else desk.parties()).resolve(text, limit=5)
        for kind in kinds
    }
    exact = {k: [c for c in cs if c.how in ("exact", "acronym")] for k, cs in found.items()}
    with desk.session() as s:
        if sum(bool(cs) for cs in exact.values()) == 1:
            kind = next(k for k, cs in exact.items() if cs)
            if len(exact[kind]) == 1:
                return _target(s, kind, exact[kind][0].target)
        every = [(k, c) for k, cs in found.items() for c in cs]
        if len(every) == 1:
            return _target(s, every[0][0], every[0][1].target)
        if every:
            answer = Answer(command=command, ok=False)
            answer.line(f"“{text}” could mean more than one. Which one?")
            for kind, c in every[:8]:
                name = _target(s, kind, c.target).name
                answer.bullet(bold(name), f" ({kind}; {c.how} match)")
                answer.buttons.append(Button(name, f"/{command} {kind} {name}"))
            return answer
    return fail(
        command,
        f"No person or party in the data matches “{text}”. /parties lists "
        "the parties; /who NAME finds people by loose spellings.",
    )


def _target(s: Session, kind: Kind, target_id: int) -> Target:
    model = Person if kind == "person" else Party
    key, name = s.execute(select(model.key, model.name).where(model.id == target_id)).one()
    return Target(kind, key, target_id, name)


def _target_id(s: Session, watch: Watch) -> int | None:
    model = Person if watch.kind == "person" else Party
    return s.scalar(select(model.id).where(model.key == watch.target_key))


# ------------------------------------------------------------------------------ events --


def _fingerprint(e: Event, person_key: str) -> str:
    """What identifies an event's content: any correction gives a new fingerprint."""
    raw = json.dumps(
        [
            person_key,
            e.kind,
            e.date_text,
            e.precision,
            e.summary,
            e.claimed_by,
            e.from_party.key if e.from_party else None,
            e.to_party.key if e.to_party else None,
            e.source.key,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def _events(s: Session, kind: Kind, target_id: int) -> list[tuple[str, Event, Person]]:
    """(fingerprint, event, person) for a person's events, or for events joining/leaving a party."""
    q = select(Event).options(
        selectinload(Event.person),
        selectinload(Event.from_party),
        selectinload(Event.to_party),
        selectinload(Event.source),
    )
    if kind == "person":
        q = q.where(Event.person_id == target_id)
    else:
        q = q.where(or_(Event.from_party_id == target_id, Event.to_party_id == target_id))
    rows = list(s.scalars(q.order_by(Event.sort_date, Event.position)))
    return [(_fingerprint(e, e.person.key), e, e.person) for e in rows]


# ------------------------------------------------------------------------------ answers --


def answer_watch(
    desk: Desk,
    chat_id: int,
    chat_type: str,
    user_id: int | None,
    args: str,
    thread_id: int | None = None,
) -> Answer:
    """Start watching in the chat; in a forum, alerts go to the topic ``thread_id``."""
    found = resolve_target(desk, args)
    if isinstance(found, Answer):
        return found
    now = datetime.now(UTC)  # wall clock: compared with the claims' created/updated stamps
    with desk.session() as s, s.begin():
        existing = s.scalar(
            select(Watch).where(
                Watch.chat_id == chat_id, Watch.kind == found.kind, Watch.target_key == found.key
            )
        )
        if existing is not None and existing.active:
            return fail(
                "watch",
                _("This chat already watches {name}. /watches lists what it watches.").format(
                    name=found.name
                ),
            )
        count = s.scalar(
            select(func.count(Watch.id)).where(Watch.chat_id == chat_id, Watch.active.is_(True))
        )
        if (count or 0) >= MAX_WATCHES:
            return fail(
                "watch",
                _(
                    "This chat already watches {n} names, the most it may. /unwatch one first."
                ).format(n=number(MAX_WATCHES)),
            )
        seen = [fp for fp, _, _ in _events(s, found.kind, found.id)]
        watch = existing or Watch(chat_id=chat_id, kind=found.kind, target_key=found.key)
        watch.chat_type, watch.label, watch.active, watch.created_by = (
            chat_type,
            found.name,
            True,
            user_id,
        )
        watch.thread_id = thread_id
        watch.created_at = watch.checked_to = now
        watch.round = (existing.round + 1) if existing else 0
        watch.seen_events = json.dumps(seen)
        s.add(watch)
    answer = Answer(command="watch")
    if thread_id is None:
        said = (
            _("Watching {name}: this chat will hear of every claim added or corrected that "
              "names it.")
            if found.kind == "party"
            else _(
                "Watching {name}: this chat will hear of every claim added or corrected that "
                "names them, and new or corrected events in their record."
            )
        )
    else:
        said = (
            _("Watching {name}: this topic will hear of every claim added or corrected that "
              "names it.")
            if found.kind == "party"
            else _(
                "Watching {name}: this topic will hear of every claim added or corrected that "
                "names them, and new or corrected events in their record."
            )
        )
    answer.line(said.format(name=found.name))
    answer.line(
        _("/watches lists what this chat watches; /unwatch {name} stops it.").format(
            name=found.name
        )
    )
    return answer


def _watching(desk: Desk, chat_id: int) -> list[Watch]:
    """The chat's active watches, by label."""
    with desk.session() as s:
        active = select(Watch).where(Watch.chat_id == chat_id, Watch.active.is_(True))
        return list(s.scalars(active.order_by(Watch.label)))


def answer_watches(desk: Desk, chat_id: int) -> Answer:
    watches = _watching(desk, chat_id)
    answer = Answer(command="watches")
    if not watches:
        answer.line(
            _(
                "This chat watches nobody. /watch NAME or /watch PARTY starts, e.g. "
                "/watch Kung Raiya or /watch Candlelight."
            )
        )
        return answer
    answer.line(bold(_("This chat watches")))
    for w in watches:
        sent = utc(w.last_sent_at) if w.last_sent_at else None
        last = (
            _("; last alert {when} UTC").format(when=f"{day(sent.date())} {sent:%H:%M}")
            if sent
            else ""
        )
        kind = _("person") if w.kind == "person" else _("party")
        answer.bullet(
            bold(w.label),
            _(" ({kind}) since {day}{last}").format(
                kind=kind, day=day(utc(w.created_at).date()), last=last
            ),
        )
        answer.buttons.append(
            Button(_("Stop: {name}").format(name=w.label), f"/unwatch {w.kind} {w.label}")
        )
    answer.line(_("/unwatch NAME stops one."))
    return answer


def answer_unwatch(desk: Desk, chat_id: int, args: str) -> Answer:
    text = " ".join(args.split())
    watches = _watching(desk, chat_id)
    if not watches:
        return fail("unwatch", _("This chat watches nobody."))
    if not text:
        answer = Answer(command="unwatch", ok=False)
        answer.line(_("Which one should this chat stop watching?"))
        for w in sorted(watches, key=lambda w: w.label):
            answer.buttons.append(Button(w.label, f"/unwatch {w.kind} {w.label}"))
        return answer
    found = resolve_target(desk, text, command="unwatch")
    chosen = None
    if isinstance(found, Target):
        chosen = next(
            (w for w in watches if (w.kind, w.target_key) == (found.kind, found.key)), None
        )
    else:  # the name may be gone from the data; the watch keeps its label
        wanted = text.lower().removeprefix("person ").removeprefix("party ")
        chosen = next((w for w in watches if w.label.lower() == wanted), None)
        if chosen is None:
            return found
    if chosen is None:
        assert isinstance(found, Target)
        return fail(
            "unwatch",
            _("This chat does not watch {name}. /watches lists what it watches.").format(
                name=found.name
            ),
        )
    with desk.session() as s, s.begin():
        s.execute(delete(Watch).where(Watch.id == chosen.id))
    answer = Answer(command="unwatch")
    answer.line(_("Stopped watching {name}.").format(name=chosen.label))
    return answer


# --------------------------------------------------------------------------- what is due --


@dataclass
class DueAlert:
    """One watch with something to tell: the round to claim and the alert to send."""

    watch_id: int
    chat_id: int
    round: int
    until: datetime
    answer: Answer
    seen_events: list[str] = field(default_factory=list)
    thread_id: int | None = None  # the forum topic the watch was set in


def latest_change(s: Session) -> datetime | None:
    at = s.scalar(select(func.max(Change.at)))
    return utc(at) if at is not None else None


def due_alerts(desk: Desk) -> list[DueAlert]:
    """Every active watch whose chat has not been told of the latest changes, with its alert."""
    with desk.session() as s:
        until = latest_change(s)
        if until is None:
            return []
        watches = list(
            s.scalars(
                select(Watch)
                .where(Watch.active.is_(True), Watch.checked_to < until)
                .order_by(Watch.id)
            )
        )
        out, idle = [], []
        chosen = stored_languages(s.connection())
        spellings = khmer_spellings(s.connection())
        khmer = {latin: found.name for (_kind, latin), found in spellings.items()}
        for w in watches:
            # The chat's language, and in Khmer the Khmer names (shown_names).
            with in_language(language(chosen.get(w.chat_id)) or "en"), using_names(khmer):
                alert = _alert(s, w, until)
            if alert is not None:
                out.append(alert)
            else:
                idle.append((w.id, w.round))
    if idle:
        # Nothing for these in the window: move them on, so the next check starts from here
        # (conditional on the round, in case another sender delivered meanwhile).
        with desk.session() as s, s.begin():
            for watch_id, round_ in idle:
                s.execute(
                    update(Watch)
                    .where(Watch.id == watch_id, Watch.round == round_, Watch.checked_to < until)
                    .values(checked_to=until)
                )
    return out


def _claims(
    s: Session, w: Watch, target_id: int, since: datetime, until: datetime, column: Any
) -> list[ClaimView]:
    link = ClaimPerson if w.kind == "person" else ClaimParty
    owner = ClaimPerson.person_id if w.kind == "person" else ClaimParty.party_id
    q = (
        select(*CLAIM_COLUMNS)
        .where(
            Claim.id.in_(select(link.claim_id).where(owner == target_id)),
            column > since,
            column <= until,
        )
        .order_by(Claim.reported_on, Claim.line_no)
    )
    if column is Claim.updated_at:
        q = q.where(Claim.created_at <= since)  # added in the window: listed once, as added
    return views(s, s.execute(q).all())


def _alert(s: Session, w: Watch, until: datetime) -> DueAlert | None:
    target_id = _target_id(s, w)
    if target_id is None:
        return None  # gone from the data; /watches still lists it, /unwatch removes it
    since = utc(w.checked_to)
    added = _claims(s, w, target_id, since, until, Claim.created_at)
    corrected = _claims(s, w, target_id, since, until, Claim.updated_at)
    seen = set(json.loads(w.seen_events or "[]"))
    events = _events(s, w.kind, target_id)
    new_events = [(e, p) for fp, e, p in events if fp not in seen]
    gone = len(seen - {fp for fp, _, _ in events})
    if not (added or corrected or new_events or gone):
        return None
    refs = Citations()
    answer = Answer(command="watch")
    answer.line(
        bold(_("Watchlist: {label}").format(label=named(w.label))),
        _(" — new in the data since {when} UTC").format(when=f"{day(since.date())} {since:%H:%M}"),
    )
    for rows, heading in (
        (
            added,
            ngettext(
                "{n} claim naming {label} added:", "{n} claims naming {label} added:", len(added)
            ),
        ),
        (
            corrected,
            ngettext(
                "{n} claim naming {label} corrected:",
                "{n} claims naming {label} corrected:",
                len(corrected),
            ),
        ),
    ):
        if rows:
            answer.line(heading.format(n=number(len(rows)), label=w.label))
            for view in rows[:LISTED]:
                answer.bullet(*claim_parts(view, refs))
            if len(rows) > LISTED:
                answer.line(
                    italic(_("… and {n} more (/export).").format(n=number(len(rows) - LISTED)))
                )
    if new_events:
        answer.line(
            _("New or corrected events:")
            if w.kind == "person"
            else _("New or corrected events of people joining or leaving {label}:").format(
                label=w.label
            )
        )
        for e, person in new_events[:LISTED]:
            who = "" if w.kind == "person" else f"{person.name}: "
            claim = (
                _(" (claimed by {who})").format(who=e.claimed_by)
                if e.reported_as == "claim"
                else ""
            )
            answer.bullet(
                f"{partial_date_label(e.date_text, e.precision)} — {who}{e.summary}{claim} ",
                refs.ref(e.source),
            )
        if len(new_events) > LISTED:
            answer.line(italic(_("… and {n} more.").format(n=number(len(new_events) - LISTED))))
    if gone:
        answer.line(
            italic(
                ngettext(
                    "{n} earlier event no longer in the record (removed or replaced by a "
                    "correction).",
                    "{n} earlier events no longer in the record (removed or replaced by a "
                    "correction).",
                    gone,
                ).format(n=number(gone))
            )
        )
    if added or corrected:
        claimants = sorted({v.claimant for v in added + corrected})
        said = _("Claimed by {claimants}.").format(claimants="; ".join(claimants))
        answer.line(italic(f"{said} {CLAIM_CAVEAT}"))
    refs.write(answer)
    more = f"/who {w.label}" if w.kind == "person" else f"/total {w.label}"
    answer.line(
        _("{more} for the full picture; /unwatch {label} stops these alerts.").format(
            more=more, label=w.label
        )
    )
    return DueAlert(
        w.id, w.chat_id, w.round, until, answer, [fp for fp, _, _ in events], w.thread_id
    )


# ------------------------------------------------------------------- once-only delivery --


def claim_alert(
    sessions: sessionmaker[Session], alert: DueAlert, worker: str, now: datetime
) -> bool:
    """Take the (watch, round) delivery for this worker; False if another holds or sent it."""

    def still_due(s: Session) -> bool:
        # Another sender may already have delivered this round and moved the watch on.
        return s.scalar(select(Watch.round).where(Watch.id == alert.watch_id)) == alert.round

    return claim_once(sessions, WatchDelivery, _keys(alert), worker, now, still_due=still_due)


def _keys(alert: DueAlert) -> dict[str, int]:
    return {"watch_id": alert.watch_id, "round": alert.round}


def mark_alert_sent(
    sessions: sessionmaker[Session],
    alert: DueAlert,
    worker: str,
    now: datetime,
    *,
    note: str | None = None,
) -> None:
    """Record the delivery (``note``: what nobody can tell about it, e.g. "possibly twice")
    and move the watch to its next round, in one transaction."""
    with sessions() as s, s.begin():
        settle(s, WatchDelivery, _keys(alert), worker, sent_at=now, error=note)
        _next_round(s, alert, last_sent_at=utc(now))


def mark_alert_failed(
    sessions: sessionmaker[Session],
    alert: DueAlert,
    worker: str,
    error: str,
    *,
    final: bool = False,
) -> None:
    with sessions() as s, s.begin():
        settle(s, WatchDelivery, _keys(alert), worker, error=error, final=final)
        if final:  # never sendable (e.g. refused as malformed): move on rather than retry forever
            _next_round(s, alert)


def _next_round(s: Session, alert: DueAlert, **values: Any) -> None:
    """Move the watch past what ``alert`` told (unless another sender already did)."""
    s.execute(
        update(Watch)
        .where(Watch.id == alert.watch_id, Watch.round == alert.round)
        .values(
            round=alert.round + 1,
            checked_to=alert.until,
            seen_events=json.dumps(alert.seen_events),
            **values,
        )
    )


def forget_watch_topic(sessions: sessionmaker[Session], watch_id: int) -> None:
    """The watch's topic is gone (deleted): its alerts go to the chat itself."""
    with sessions() as s, s.begin():
        s.execute(update(Watch).where(Watch.id == watch_id).values(thread_id=None))


def deactivate_chat(sessions: sessionmaker[Session], chat_id: int) -> None:
    """The bot was blocked or removed: that chat's watches end."""
    with sessions() as s, s.begin():
        s.execute(update(Watch).where(Watch.chat_id == chat_id).values(active=False))


def move_chat_watches(sessions: sessionmaker[Session], old_id: int, new_id: int) -> None:
    """A group became a supergroup: its watches follow it (unless it already has the same)."""
    with sessions() as s, s.begin():
        have = {
            (kind, key)
            for kind, key in s.execute(
                select(Watch.kind, Watch.target_key).where(Watch.chat_id == new_id)
            )
        }
        for w in s.scalars(select(Watch).where(Watch.chat_id == old_id)):
            if (w.kind, w.target_key) in have:
                s.delete(w)
            else:
                w.chat_id, w.chat_type = new_id, "supergroup"
