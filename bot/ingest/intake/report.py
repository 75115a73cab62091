"""What intake reads (a :class:`Report`) and what it proposes (a :class:`Proposal`).

>>> from datetime import date
>>> r = Report(text="Nine Candlelight members joined the CPP.", outlet="Fresh News",
...            url="https://example.org/a", published=date(2023, 7, 3), kind="link")
>>> p = Proposal(date=r.published, date_kind="published", number=9, number_text="Nine",
...              from_parties=["Candlelight Party"], to_party="Cambodian People's Party",
...              evidence=r.text)
>>> p.to_json()["date"], p.confidence
('2023-07-03', 'high')

A proposal holds the text's words, matched to the party list where a party is known; the
commands layer links people and finds recorded claims it may repeat (``duplicate_of``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Literal

ReportKind = Literal["forward", "paste", "link", "file"]
DateKind = Literal["event", "published"]
Confidence = Literal["high", "low"]
ProposalKind = Literal["defection", "departure"]


@dataclass(frozen=True)
class Report:
    """One published text and where it came from (``outlet``: a site's or channel's name)."""

    text: str
    outlet: str | None = None
    url: str | None = None  # the page, or a t.me/<channel>/<id> link for a forwarded post
    published: date | None = None
    kind: ReportKind = "paste"
    title: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class PartyName:
    """A party as the extractor may match it: its canonical name and every other spelling
    (aliases, acronyms, Khmer names) the database knows."""

    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()


@dataclass
class Proposal:
    """One claim a text makes. ``from_parties`` hold canonical names for known parties and the
    text's own spelling for unknown ones (listed again in ``new_parties``). ``to_party`` is
    None for a departure with no destination (``kind="departure"``)."""

    date: date | None
    date_kind: DateKind
    number: int | None
    number_text: str | None
    from_parties: list[str]
    to_party: str | None
    evidence: str
    qualifier: str | None = None  # "more than", "about", "at least", "ជាង", …
    new_parties: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    claimant: str | None = None  # the outlet or channel, or the person the text quotes
    confidence: Confidence = "high"
    reasons: list[str] = field(default_factory=list)  # why the confidence is low
    kind: ProposalKind = "defection"
    duplicate_of: int | None = None  # a recorded claim's id, set by the commands layer

    def to_json(self) -> dict[str, object]:
        """The ``desk intake --json`` object (dates as YYYY-MM-DD)."""
        out = asdict(self)
        out["date"] = self.date.isoformat() if self.date else None
        return out
