"""The Khmer-script names to show for parties and people, with where each spelling comes from.

>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> with desk.connect() as conn:
...     names = khmer_spellings(conn)
...     khmer_name(conn, "Candlelight Party"), khmer_name(conn, "Kung Raiya")
('គណបក្សភ្លើងទៀន', None)
>>> names[("person", "Hun Sen")].name, names[("person", "Hun Sen")].needs_review
('ហ៊ុន សែន', False)

The seed documents contain no Khmer, so every Khmer spelling is an alias with an ``origin``
(data/parties.yaml, data/people.yaml) saying where it comes from. The first Khmer-script alias
listed for a party or person is the one shown; later ones are other spellings people type
(without គណបក្ស "party", or as another outlet writes it). An origin that says "needs review"
marks a spelling a Khmer-speaking editor has yet to confirm. A party or person without a
Khmer-script alias has no Khmer name: answers show the Latin one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Table, select

from bot.core.khmer import has_khmer_letters
from bot.storage.queries import Reader
from bot.storage.tables import parties, party_aliases, people, person_aliases

Kind = Literal["party", "person"]
NEEDS_REVIEW = "needs review"


@dataclass(frozen=True, slots=True)
class KhmerSpelling:
    name: str  # in Khmer script
    origin: str | None  # where the spelling comes from
    needs_review: bool  # not yet confirmed by a Khmer-speaking editor


def khmer_spellings(conn: Reader) -> dict[tuple[Kind, str], KhmerSpelling]:
    """Every party's and person's Khmer name, by ("party" or "person", the name in Latin)."""
    found: dict[tuple[Kind, str], KhmerSpelling] = {}
    owners: tuple[tuple[Kind, Table, Table], ...] = (
        ("party", parties, party_aliases),
        ("person", people, person_aliases),
    )
    for kind, owner, aliases in owners:
        query = (
            select(owner.c.name, aliases.c.alias, aliases.c.origin)
            .join_from(aliases, owner)
            .order_by(aliases.c.id)
        )
        for name, alias, origin in conn.execute(query):
            key: tuple[Kind, str] = (kind, name)
            if key not in found and has_khmer_letters(alias):
                review = origin is not None and NEEDS_REVIEW in origin.lower()
                found[key] = KhmerSpelling(alias, origin, review)
    return found


def khmer_name(conn: Reader, name: str, kind: Kind | None = None) -> str | None:
    """The Khmer name to show for the party or person called ``name`` (its Latin name as the
    answers give it), or None: then show ``name``. ``kind`` None looks at parties first."""
    spellings = khmer_spellings(conn)
    for k in (kind,) if kind else ("party", "person"):
        found = spellings.get((k, name))
        if found is not None:
            return found.name
    return None
