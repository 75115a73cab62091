"""What a value in a backup must be to be restored: the rules ``desk load`` and /add keep.

>>> check_value("claims", "number", -5)
Traceback (most recent call last):
...
ValueError: the number of defectors must be at least 1 (found -5)
>>> check_value("parties", "name", "Ｃａｎｄｌｅｌｉｇｈｔ Party")
Traceback (most recent call last):
...
ValueError: 'Ｃａｎｄｌｅｌｉｇｈｔ Party' is not in the form desk load stores ('Candlelight Party')
>>> check_value("subscriptions", "weekday", 3)

A backup is a file anyone can edit, so :func:`bot.ingest.backup.restore` holds every value to
the rules its entrance holds it to (:mod:`bot.core.bounds`: 1 to 100,000 defectors in a claim,
claims dated from 1993 to tomorrow in Phnom Penh, names in the form the loader stores and
without control characters), every key and kind to what the code knows, every number to the
32-bit ``integer`` (64-bit ``bigint``) both SQLite and PostgreSQL store, every timestamp to no
later than tomorrow, and the few JSON texts (what undoing a change needs, a watch's seen
events) to their shapes. :func:`check_rows` adds what holds across tables: a party's or a
person's name is one of its aliases, as the loader stores it.

A rule that a value breaks raises ValueError with words that name the bound; the caller says
which table, row and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String
from sqlalchemy.types import TypeEngine

from bot.core.bounds import (
    FIRST_DAY,
    FIRST_FACT_DAY,
    MAX_LINE,
    MAX_STATED_TOTAL,
    check_day,
    check_defectors,
    check_text,
    clean_name,
    last_day,
    refused_character,
    shorten,
)

Rule = Callable[[Any], None]
INT32 = (-(2**31), 2**31 - 1)  # an SQL integer, in PostgreSQL as in SQLite's use here
INT64 = (-(2**63), 2**63 - 1)  # a bigint (chat and user ids)
MAX_DATA_VERSION = 2**63 - 1  # a counter bumped once per change: a 64-bit one never runs out
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Whitespace that is a control character, which a claims table row may hold (as spaces).
_ROW_SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\n\r"


def between(low: int, high: int) -> Rule:
    def rule(value: Any) -> None:
        if not low <= value <= high:
            raise ValueError(f"{shorten(str(value), 30)} is not between {low:,} and {high:,}")

    return rule


def one_of(*allowed: str) -> Rule:
    def rule(value: Any) -> None:
        if value not in allowed:
            raise ValueError(f"{shorten(str(value))} is not one of {', '.join(allowed)}")

    return rule


def key(value: Any) -> None:
    if not _KEY.match(value):
        raise ValueError(f"{shorten(value)} is not a key (a-z, 0-9 and -)")


def name(value: Any) -> None:
    stored = clean_name(value)
    if stored != value:
        raise ValueError(
            f"{shorten(value)} is not in the form desk load stores ({shorten(stored)})"
        )


def defectors(value: Any) -> None:
    check_defectors(value)


def fact_text(value: Any) -> None:
    check_text(value, allow="\n\t")


def table_text(value: Any) -> None:
    """Text from a claims table row (the row itself, its party names, its note)."""
    bad = refused_character(value, allow=_ROW_SPACES)
    if bad is not None:
        raise ValueError(f"{bad}: remove it")
    if len(value) > MAX_LINE:
        raise ValueError(f"a row is at most {MAX_LINE:,} characters; this one has {len(value):,}")


def claim_day(value: Any) -> None:
    check_day(value)


def fact_day(value: Any) -> None:
    check_day(value, first=FIRST_FACT_DAY)


def fact_end(value: Any) -> None:
    """The last day a fact's date covers ("2026" ends on 31 December): up to that year's end."""
    year_end = date(last_day().year, 12, 31)
    if not FIRST_FACT_DAY <= value <= year_end:
        raise ValueError(f"{value:%d/%m/%Y} is not between 1 January 1900 and {year_end:%d/%m/%Y}")


def moment(value: Any) -> None:
    """Timestamps record when the desk did something: not before 1993, not after tomorrow."""
    latest = datetime.now(UTC) + timedelta(days=1)
    if not datetime(FIRST_DAY.year, 1, 1, tzinfo=UTC) <= value <= latest:
        raise ValueError(f"{value.isoformat()} is after {latest:%d/%m/%Y} or before 1993")


def timezone(value: Any) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"{shorten(value)} is not a timezone") from None


def data_version(value: Any) -> None:
    if not (isinstance(value, str) and value.isascii() and value.isdigit()) or (
        len(value) > 19 or int(value) > MAX_DATA_VERSION
    ):
        raise ValueError(f"data_version must be a whole number from 0 to {MAX_DATA_VERSION:,}")


def undo(value: Any) -> None:
    """What undoing a change needs: the claims it added (with, from intake, the parties it
    made and its proposal), the outlets it added to a claim, or the source's rows before it."""
    try:
        needs = json.loads(value)
    except (ValueError, RecursionError):
        needs = None
    claims = needs.get("claims") if isinstance(needs, dict) else None
    before = needs.get("before") if isinstance(needs, dict) else None
    added = _ids(claims)
    if isinstance(needs, dict) and "claim_sources" in needs:  # an outlet added to a claim
        added = _ids(needs["claim_sources"])
    if isinstance(needs, dict) and added:  # an intake Add: the parties it made, its proposal
        added = all(_ids(needs.get(k, [])) for k in ("parties", "named")) and _ids(
            [needs.get("intake", 1), needs.get("repeated", 1)]
        )
    replaced = (
        isinstance(needs, dict)
        and isinstance(needs.get("source"), str)
        and isinstance(before, list)
        and all(isinstance(line, str) for line in before)
    )
    if not (added or replaced):
        raise ValueError(f"{shorten(value)} is not what undoing a change needs")


def _ids(items: Any) -> bool:
    return isinstance(items, list) and all(
        type(i) is int and INT32[0] <= i <= INT32[1] for i in items
    )


def json_object(value: Any) -> None:
    try:
        found = json.loads(value)
    except (ValueError, RecursionError):
        found = None
    if not isinstance(found, dict):
        raise ValueError(f"{shorten(value)} is not a JSON object")


def string_list(value: Any) -> None:
    try:
        items = json.loads(value)
    except (ValueError, RecursionError):
        items = None
    if not (isinstance(items, list) and all(isinstance(i, str) for i in items)):
        raise ValueError(f"{shorten(value)} is not a JSON list of texts")


def _literal(alias: Any) -> tuple[str, ...]:
    return tuple(get_args(alias))


def _rules() -> dict[tuple[str, str], Rule]:
    from bot.ingest.fact_files import EventKind, EventPrecision, Precision, ReportedAs

    events: dict[str, Rule] = {
        "kind": one_of(*_literal(EventKind)),
        "date_start": fact_day,
        "date_end": fact_end,
        "sort_date": fact_day,
        "precision": one_of(*_literal(EventPrecision)),
        "summary": fact_text,
        "reported_as": one_of(*_literal(ReportedAs)),
        "claimed_by": fact_text,
        "note": fact_text,
    }
    chat_type = one_of("private", "group", "supergroup", "channel")
    status = one_of("claimed", "sent", "failed", "abandoned")
    tables: dict[str, dict[str, Rule]] = {
        "sources": {
            "key": key,
            "outlet": fact_text,
            "title": fact_text,
            "published_precision": one_of(*_literal(Precision)),
            "description": fact_text,
            "stated_total": between(0, MAX_STATED_TOTAL),
            "coverage": one_of("complete", "sample"),
        },
        "parties": {
            "key": key,
            "name": name,
            "kind": one_of("party", "unnamed", "non_party"),
            "dissolved": between(1900, 2100),
            "note": fact_text,
        },
        "party_aliases": {"alias": name},
        "people": {"name": name, "origin": one_of("facts", "table")},
        "person_aliases": {"alias": name, "note": fact_text},
        "roles": {"title": fact_text, "organization": fact_text, "note": fact_text},
        "events": events,
        "group_events": {**events, "key": key, "people_count": between(1, INT32[1])},
        "disagreements": {"key": key, "topic": fact_text, "note": fact_text},
        "disagreement_sides": {"says": fact_text},
        "claims": {
            "reported_on": claim_day,
            "number": defectors,
            "party_text": table_text,
            "occurrence": between(0, INT32[1]),
            "party_count": between(1, 100),
            "note": table_text,
            "raw_line": table_text,
            "line_no": between(1, INT32[1]),
            "kind": one_of("defection", "departure"),
            "qualifier": fact_text,
            "number_text": fact_text,
            "evidence": fact_text,
        },
        "claim_sources": {
            "position": between(0, INT32[1]),
            "outlet": fact_text,
            "url": fact_text,
            "published": claim_day,
            "kind": one_of("forward", "paste", "link", "file", "table"),
            "title": fact_text,
        },
        "intake_proposals": {
            "report": json_object,
            "proposal": json_object,
            "status": one_of("pending", "added", "skipped"),
        },
        "subscriptions": {
            "chat_type": chat_type,
            "weekday": between(0, 6),
            "minute_of_day": between(0, 24 * 60 - 1),
            "timezone": timezone,
        },
        "deliveries": {"status": status, "attempts": between(0, INT32[1])},
        "changes": {
            "kind": one_of("add", "table", "intake", "undo", "load", "restore"),
            "undo": undo,
        },
        "watches": {
            "chat_type": chat_type,
            "kind": one_of("person", "party"),
            "round": between(0, INT32[1]),
            "seen_events": string_list,
        },
        "chat_languages": {"language": one_of("en", "km")},
        "watch_deliveries": {
            "round": between(0, INT32[1]),
            "status": status,
            "attempts": between(0, INT32[1]),
        },
    }
    return {(t, c): rule for t, columns in tables.items() for c, rule in columns.items()}


_RULES: dict[tuple[str, str], Rule] | None = None


def check_value(table: str, column: str, value: Any) -> None:
    """Raise ValueError when ``value`` (decoded, not None) breaks the column's rule."""
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    rule = _RULES.get((table, column))
    if rule is not None:
        rule(value)


def check_type_bounds(kind: TypeEngine[Any], value: Any) -> None:
    """What every value of its column's type must be: a number the databases store (32-bit
    ``integer``, 64-bit ``bigint``), a timestamp from 1993 to tomorrow, a date from 1900 to the
    end of this year, text within a ``varchar``'s length."""
    if isinstance(kind, Integer) and not isinstance(kind, Boolean):
        between(*(INT64 if isinstance(kind, BigInteger) else INT32))(value)
    elif isinstance(kind, DateTime):
        moment(value)
    elif isinstance(kind, Date):
        fact_end(value)
    elif isinstance(kind, String) and kind.length is not None and len(value) > kind.length:
        raise ValueError(f"is at most {kind.length} characters (found {len(value):,})")


def check_meta(key_name: str, value: str) -> None:
    if key_name == "data_version":
        data_version(value)


def check_rows(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[tuple[str, int, str]]:
    """(table, row number, what is wrong) for what must hold across tables: every party's and
    person's name is one of its own aliases, as the loader stores it."""
    problems: list[tuple[str, int, str]] = []
    for owners, aliases, owner_id in (
        ("parties", "party_aliases", "party_id"),
        ("people", "person_aliases", "person_id"),
    ):
        known: dict[Any, set[Any]] = {}
        for alias in rows.get(aliases, ()):
            known.setdefault(alias.get(owner_id), set()).add(alias.get("alias"))
        for number, owner in enumerate(rows.get(owners, ()), start=1):
            if "name" in owner and owner["name"] not in known.get(owner.get("id"), set()):
                said = f"its name {shorten(str(owner['name']))} is not one of its aliases"
                problems.append((owners, number, said))
    return problems
