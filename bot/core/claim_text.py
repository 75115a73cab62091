"""How a stored claim row reads in answers and alerts: its date, its parts, the caveat.

>>> from datetime import date
>>> day(date(2023, 6, 29))
'29/06/2023'
>>> f"{CLAIM_CAVEAT}"
'These are claims, not verified facts.'

Shared by the answers (:mod:`bot.commands`) and the watchlist alerts (:mod:`bot.delivery`), so
that a claim reads the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.core.answer import Part, Span, bold, italic, number
from bot.core.caveats import CLAIM_CAVEAT as CLAIM_CAVEAT  # kept with the caveats
from bot.core.formats import day as day  # the one formatter (bot.core.formats)
from bot.core.i18n import _
from bot.core.shown_names import joint_name

if TYPE_CHECKING:
    from bot.core.citations import Citations
    from bot.storage.queries import ClaimView, Outlet


def claim_parts(view: ClaimView, refs: Citations | None = None) -> list[Part]:
    """One claim row as line parts: date, number, party (joint marked), named people."""
    parts: list[Part] = [
        f"{day(view.reported_on)} · ",
        bold(number(view.number)),
        f" · {joint_name(view.party_text)}",
    ]
    if view.joint:
        parts.append(italic(_(" (joint row)")))
    tail = ""
    if view.people:
        named = ", ".join(f"{name} ({desc})" if desc else name for _, name, desc in view.people)
        tail = _(" — names {named}").format(named=named)
    if refs is not None:
        tail += " " + refs.ref(view.source)
    if tail:
        parts.append(tail)
    parts.extend(outlet_parts(view.outlets))
    return parts


def outlet_parts(outlets: Sequence[Outlet]) -> list[Part]:
    """ " — reported by" every outlet of a claim, each linked to its page or post.

    >>> from datetime import date
    >>> from bot.storage.queries import Outlet
    >>> [p.text for p in outlet_parts([Outlet("Fresh News", "https://t.me/f/1", None, "forward"),
    ...                                Outlet("CamboJA", None, date(2023, 7, 2), "paste")])]
    [' — reported by ', 'Fresh News', ', ', 'CamboJA, 02/07/2023']
    """
    if not outlets:
        return []
    parts: list[Part] = [Span(_(" — reported by "))]
    for i, o in enumerate(outlets):
        if i:
            parts.append(Span(", "))
        label = outlet_label(o)
        parts.append(Span(label, "a", o.url) if o.url else Span(label))
    return parts


def outlet_label(outlet: Outlet) -> str:
    """An outlet and its date as answers show them, the date in the answer's language
    (``Outlet.label`` keeps the one form that exports write).

    >>> from datetime import date
    >>> from bot.core.i18n import in_language
    >>> from bot.storage.queries import Outlet
    >>> with in_language("km"):
    ...     outlet_label(Outlet("CamboJA", None, date(2023, 7, 2), "paste"))
    'CamboJA, ថ្ងៃទី២ ខែកក្កដា ឆ្នាំ២០២៣'
    """
    if outlet.published is None:
        return outlet.outlet
    return f"{outlet.outlet}, {day(outlet.published)}"
