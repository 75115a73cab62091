"""How a stored claim row reads in answers and alerts: its date, its parts, the caveat.

>>> day(date(2023, 6, 29))
'29/06/2023'
>>> CLAIM_CAVEAT
'These are claims, not verified facts.'

Shared by the answers (:mod:`bot.commands`) and the watchlist alerts (:mod:`bot.delivery`), so
that a claim reads the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bot.core.answer import Part, Span, bold, italic, number

if TYPE_CHECKING:
    from bot.core.citations import Citations
    from bot.storage.queries import ClaimView, Outlet

CLAIM_CAVEAT = "These are claims, not verified facts."


def day(d: date) -> str:
    """Dates in answers are day first, as journalists in Cambodia write them."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"  # strftime, at several a line, cost more


def claim_parts(view: ClaimView, refs: Citations | None = None) -> list[Part]:
    """One claim row as line parts: date, number, party (joint marked), named people."""
    parts: list[Part] = [
        f"{day(view.reported_on)} · ",
        bold(number(view.number)),
        f" · {view.party_text}",
    ]
    if view.joint:
        parts.append(italic(" (joint row)"))
    tail = ""
    if view.people:
        named = ", ".join(f"{name} ({desc})" if desc else name for _, name, desc in view.people)
        tail = f" — names {named}"
    if refs is not None:
        tail += " " + refs.ref(view.source)
    if tail:
        parts.append(tail)
    parts.extend(outlet_parts(view.outlets))
    return parts


def outlet_parts(outlets: Sequence[Outlet]) -> list[Part]:
    """" — reported by" every outlet of a claim, each linked to its page or post.

    >>> from bot.storage.queries import Outlet
    >>> [p.text for p in outlet_parts([Outlet("Fresh News", "https://t.me/f/1", None, "forward"),
    ...                                Outlet("CamboJA", None, date(2023, 7, 2), "paste")])]
    [' — reported by ', 'Fresh News', ', ', 'CamboJA, 02/07/2023']
    """
    if not outlets:
        return []
    parts: list[Part] = [Span(" — reported by ")]
    for i, o in enumerate(outlets):
        if i:
            parts.append(Span(", "))
        parts.append(Span(o.label(), "a", o.url) if o.url else Span(o.label()))
    return parts
