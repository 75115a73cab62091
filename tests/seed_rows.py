"""The seed table read on its own, for expected figures that do not come from the code under
test: a line is ``DD/MM/YYYY NUMBER PARTY [/ PARTY] [(including ...)]`` (data/claims/ holds
the table as the analysis prints it, row for row: 110 rows adding up to 6,476).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tests.conftest import SEED_TABLE

_ROW = re.compile(r"^(\d{2})/(\d{2})/(\d{4}) (\d+) (.+?)(?: \(including .*\))?$")
UNNAMED = "Unnamed Parties"


@dataclass(frozen=True)
class Row:
    day: date
    number: int
    parties: tuple[str, ...]

    @property
    def joint(self) -> bool:
        return len(self.parties) > 1


def seed_rows() -> list[Row]:
    rows = []
    for line in SEED_TABLE.read_text(encoding="utf-8").splitlines():
        if m := _ROW.match(line.strip()):
            parties = tuple(p.strip() for p in m[5].split(" / "))
            rows.append(Row(date(int(m[3]), int(m[2]), int(m[1])), int(m[4]), parties))
    return rows


def tally(
    keep: Callable[[Row], bool], start: date | None = None, end: date | None = None
) -> tuple[int, int]:
    """(people, reports) of the rows ``keep`` accepts, between ``start`` and ``end``."""
    chosen = [
        r
        for r in seed_rows()
        if keep(r) and (start is None or r.day >= start) and (end is None or r.day <= end)
    ]
    return sum(r.number for r in chosen), len(chosen)
