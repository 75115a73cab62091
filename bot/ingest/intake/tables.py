"""A monitor's log of moves as a table, one move a row, under a header that names its columns
("Date | Province | Number | From | To | Source"): one claim per row.

>>> from datetime import date
>>> from bot.ingest.intake.report import PartyName
>>> lexicon = Lexicon([PartyName("KNUP", (), ("KNUP",)), PartyName("CPP", (), ("CPP",))])
>>> text = "Date | Place | Number | From | To\\n03/01/2024 | Kandal | 60 | KNUP | CPP"
>>> [(p.date.isoformat(), p.number, p.from_parties, p.to_party)
...  for p in table_claims(text.splitlines(), lexicon, date(2024, 2, 1))]
[('2024-01-03', 60, ['KNUP'], 'CPP')]

A row whose "to" cell names no party ("resigned, no new party") is a departure. Only a table
whose header names both a "from" and a "to" column is read: without them a row's parties could
be either.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.ingest.intake.dates import find_dates
from bot.ingest.intake.groups import UNNAMED_PARTIES
from bot.ingest.intake.numbers import cell_count
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.people import people_named
from bot.ingest.intake.report import Proposal
from bot.ingest.intake.signals import not_a_claim

_COLUMNS = {
    "date": re.compile(r"^(?:date|day|when|កាលបរិច្ឆេទ|ថ្ងៃ(?:ទី)?)$", re.I),
    "number": re.compile(
        # ... "Reported figure", "Figure reported", "Total"
        # ... "Number claimed"
        r"^(?:(?:reported\s+|claimed\s+)?(?:number|count|figure|total)(?:\s+(?:reported|claimed))?|"
        # ... "Moved", "People moved"
        r"no\.?|people|who|(?:(?:people|persons)\s+)?moved|"
        r"how\s+many|ចំនួន(?:នាក់)?)$",
        re.I,
    ),
    # ... a CSV log's "from_party", "to_party"
    "from": re.compile(
        r"^(?:from(?:_party)?|former\s+party|left|party\s+left|មកពី|ពីគណបក្ស|ចាកចេញពី)$",
        re.I,
    ),
    "to": re.compile(
        r"^(?:to(?:_party)?|joined|new\s+party|party\s+joined|ចូល(?:គណបក្ស|ជាមួយ)?|ទៅ(?:គណបក្ស)?)$",
        re.I,
    ),
    "source": re.compile(r"^(?:source|reported\s+by|ប្រភព)$", re.I),
}
_TAKEN_BACK = (
    "a correction or retraction",
    "a claim called false",
    "an event postponed or called off",
    "a report the text leaves out",
)
# "| Candlelight Party; CPP says figure is false |": the other side's dispute, the claim stands
_DISPUTED_IN_CELL = re.compile(
    r"\b(?:says|said|calls|called)\s+(?:the\s+)?(?:figure|number|count|claim)\s+(?:is|was)?\s*"
    r"(?:false|untrue|fabricated|fake|inflated)\b",
    re.I,
)
_POST_DELETED = re.compile(
    r"\b(?:post|article|story|report)\s+(?:was\s+|has\s+been\s+)?(?:deleted|removed|taken\s+down)\b",
    re.I,
)
_FOOTNOTE = re.compile(r"^\s*(?P<mark>\*+|†)\s*\S")
_OTHER = re.compile(r"\bother|\bvarious|ផ្សេង|ដទៃ", re.I)


def _cells(line: str, mode: str = "|") -> list[str]:
    """A row's cells: between pipes, or (a log pasted as CSV or as columns aligned by spaces)
    between commas outside quotes, or between runs of two or more spaces."""
    if mode == ",":
        return [cell.strip() for cell in next(csv.reader([line]), [])]
    if mode == "  ":
        return re.split(r"\s{2,}", line.strip())
    if mode == " - ":
        return [cell.strip() for cell in re.split(r"\s+[-–]\s+", line.strip())]
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


_MOVE_COLUMN = re.compile(r"^(?:move|change|switch|from\s*(?:->|→)\s*to)$", re.I)


def _cut_move(cells: list[str], at: int | None) -> list[str]:
    """The cells with cell ``at`` ("Candlelight -> CPP") cut in two at the arrow."""
    if at is None or at >= len(cells):
        return cells
    m = _MOVE_CELL.match(cells[at])
    return [*cells[:at], *([m["left"], m["joined"]] if m else [cells[at], ""]), *cells[at + 1 :]]


def table_claims(lines: Sequence[str], lexicon: Lexicon, anchor: date | None) -> list[Proposal]:
    """The claims of the first table among ``lines`` whose header names its columns (a "Move"
    column, "Candlelight -> CPP", read as a "From" and a "To")."""
    for at, line in enumerate(lines):
        mode = (
            "|" if "|" in line
            else "," if line.count(",") >= 3
            else " - " if len(re.findall(r"\s[-–]\s", line)) >= 3
            else "  "
        )  # fmt: skip
        move = next((i for i, c in enumerate(_cells(line, mode)) if _MOVE_COLUMN.match(c)), None)
        header = _cut_move(_cells(line, mode), move)
        if move is not None:
            header[move : move + 2] = ["From", "To"]
        if len(header) < 3:
            continue
        columns = {
            name: i
            for i, cell in enumerate(header)
            for name, pattern in _COLUMNS.items()
            if pattern.match(cell)
        }
        if "from" in columns and "to" in columns:
            # "| 22 Jan | Kep | ... | 150 * |" under "* The Kep post was deleted on 23 January":
            # a row a footnote takes back
            gone = {
                m["mark"]
                for note in lines
                if (m := _FOOTNOTE.match(note))
                and (_POST_DELETED.search(note) or not_a_claim(note) in _TAKEN_BACK)
            }
            return [
                part
                for row in lines[at + 1 :]
                if len(cells := _cut_move(_cells(row, mode), move)) == len(header)
                and not any(cell.endswith(mark) for cell in cells for mark in gone)
                and (claim := _row(cells, columns, row, lexicon, anchor)) is not None
                for part in _by_party(claim, _from_and_number(cells, columns), lexicon)
            ]
    return _headless(lines, lexicon, anchor)


# "Candlelight Party: 15; Khmer Will Party: 7" in a "From" cell, or "210 (190 Candlelight, 20
# Grassroots Democratic)" in a "Number" cell: the row's group, by party
_PARTY_COUNT = re.compile(
    r"(?P<party>[^:;,()]+?):\s*(?P<n>\d[\d,]*)|[(,;]\s*(?P<n2>\d[\d,]*)\s+(?P<party2>[^,;()\d]+)"
)


def _from_and_number(cells: list[str], columns: dict[str, int]) -> str:
    return " ".join(cells[columns[name]] for name in ("from", "number") if name in columns)


def _by_party(claim: Proposal, cell: str, lexicon: Lexicon) -> list[Proposal]:
    """The row's claim, or one per party when its "From" cell gives each party's count and
    they add up to the row's number."""
    parts = []
    for m in _PARTY_COUNT.finditer(cell):
        said = (m["party"] or m["party2"]).strip()
        # ("20 Grassroots Democratic": a party of the row, shortened)
        names = [n.name for n in lexicon.mentions(said)] or [
            f for f in claim.from_parties if f.lower().startswith(said.lower()[:8])
        ]
        count = cell_count(m["n"] or m["n2"])
        if len(names) != 1 or count is None:
            return [claim]
        parts.append(
            replace(claim, from_parties=names, number=count.value, number_text=count.text)
        )
    if len(parts) < 2 or claim.number not in (None, sum(p.number or 0 for p in parts)):
        return [claim]
    return parts


_TO_CELL = re.compile(r"^(?:to|→|->)\s+\S", re.I)
# "Candlelight Party -> CPP": both parties in one cell, the arrow between them.
_MOVE_CELL = re.compile(r"^(?P<left>[^|]*?\S)\s*(?:->|→|=>)\s*(?P<joined>\S.*)$")
_COUNT_CELL = re.compile(
    r"^(?:over|about|around|roughly|approximately|some|nearly|more\s+than|up\s+to|almost)?\s*"
    r"[0-9][0-9,.]*(?:\s*[-–]\s*[0-9][0-9,.]*)?$",
    re.I,
)


def _headless(lines: Sequence[str], lexicon: Lexicon, anchor: date | None) -> list[Proposal]:
    """A log with no header row whose rows say where each move went in a cell of its own
    ("2 Sep | Tuek Phos | 65 | Candlelight and former CNRP | to CPP [source]"): the date
    first, the count in a cell that holds only a count, the party left just before the "to"
    cell (or before an arrow in the same cell: "Candlelight -> CPP"); read only when two rows
    or more have that shape.

    >>> from bot.ingest.intake.report import PartyName
    >>> lexicon = Lexicon([PartyName("KNUP", (), ("KNUP",)), PartyName("CPP", (), ("CPP",))])
    >>> rows = ["2 Sep | Kandal | 65 | KNUP | to CPP", "9 Sep | Kep | around 40 | KNUP -> CPP"]
    >>> [(p.date.isoformat(), p.number) for p in _headless(rows, lexicon, date(2024, 10, 1))]
    [('2024-09-02', 65), ('2024-09-09', 40)]
    """
    shaped: list[tuple[list[str], dict[str, int], str]] = []
    for row in lines:
        cells = _cells(row)
        move = next((i for i, cell in enumerate(cells) if _MOVE_CELL.match(cell)), None)
        if move is not None and (m := _MOVE_CELL.match(cells[move])):
            cells[move : move + 1] = [m["left"], f"to {m['joined']}"]
        to = next((i for i, cell in enumerate(cells) if _TO_CELL.match(cell)), None)
        if len(cells) < 4 or to is None or to < 2:
            continue
        columns = {"date": 0, "from": to - 1, "to": to}
        count = next((i for i in range(1, to - 1) if _COUNT_CELL.match(cells[i])), None)
        if move is not None and count is None:
            continue  # "12 activists | Khmer Win Party -> CPP": a row the sentences read
        if count is not None:
            columns["number"] = count
        shaped.append((cells, columns, row))
    if len(shaped) < 2:
        return []
    return [
        claim
        for cells, columns, row in shaped
        if (claim := _row(cells, columns, row, lexicon, anchor)) is not None
    ]


def _row(
    cells: list[str], columns: dict[str, int], row: str, lexicon: Lexicon, anchor: date | None
) -> Proposal | None:
    parties = [m.name for m in lexicon.mentions(cells[columns["from"]])]
    if not parties and _OTHER.search(cells[columns["from"]]):
        parties = [UNNAMED_PARTIES]
    joined = [m.name for m in lexicon.mentions(cells[columns["to"]])]
    if not parties and not joined:
        return None  # no party on either side: no move the record can keep
    why = not_a_claim(row)
    if why == "a claim called false" and _DISPUTED_IN_CELL.search(row):
        why = None
    if why in _TAKEN_BACK or _POST_DELETED.search(row):
        # "| 3 May | ... | 40 | Report withdrawn by the publishing site |", "| ... | Facebook
        # page; post deleted on 17 Apr ... |"
        return None
    count = cell_count(cells[columns["number"]]) if "number" in columns else None
    # "Ms. Prum Sothea, former member of ...": the one person the cell names
    named = people_named(cells[columns["number"]])[:1] if "number" in columns and not count else []
    dates = find_dates(cells[columns["date"]] if "date" in columns else row, anchor, False)
    return Proposal(
        date=dates[0].value if dates else anchor,
        date_kind="event" if dates else "published",
        number=count.value if count else (1 if named else None),
        number_text=count.text if count else None,
        people=named,
        qualifier=count.qualifier if count else None,
        from_parties=[p for p in parties if p not in joined[:1]],
        to_party=joined[0] if joined else None,
        evidence=row.strip(),
        claimant=cells[columns["source"]] or None if "source" in columns else None,
        kind="defection" if joined else "departure",
    )
