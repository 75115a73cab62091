"""Input problems that point at a file and line.

>>> p = Problem("data/claims/x.txt", 12, "31/06/2023 is not a date: June 2023 has 30 days.")
>>> str(p)
'data/claims/x.txt:12: 31/06/2023 is not a date: June 2023 has 30 days.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class InputError(Exception):
    """One or more problems in input files; nothing was applied."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
