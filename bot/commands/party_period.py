"""``[PARTY] [PERIOD]`` as /total, /chart and /export read it, in either order.

>>> from bot.desk import Desk
>>> desk = Desk.open("sqlite://")
>>> party, period = party_and_period(desk, "cnrp, june", "total")
>>> party.name, period.label
('Cambodia National Rescue Party', 'June 2023')

A joint combination as the table writes it (``CNRP / Candlelight``) and a comparison
(``CLP vs FUNCINPEC May``) are read here too, and answered by :mod:`bot.commands.joint` and
:mod:`bot.commands.compare`.
"""

from __future__ import annotations

import re
from contextlib import nullcontext

from sqlalchemy import Connection

from bot.commands.common import (
    Choice,
    PartyMatch,
    data_window,
    is_joint_text,
    resolve_joint,
    resolve_party,
)
from bot.core.answer import Answer, Button, fail
from bot.core.i18n import _
from bot.core.khmer import has_khmer_letters
from bot.core.periods import Period, PeriodError, split_trailing_period
from bot.desk import Desk

_PERIOD_OPENERS = frozenset(
    {"since", "from", "until", "till", "before", "after", "between", "through", "thru"}
)


# Words that say "a party" without naming one: "the Funcinpec party" is Funcinpec.


def party_and_period(
    desk: Desk, args: str, command: str, conn: Connection | None = None
) -> tuple[PartyMatch | None, Period | None] | Answer:
    """Read ``[PARTY] [PERIOD]`` (/total, /chart, /export): a party and a period, or an answer
    saying what could not be read (an impossible date, no such party, several candidates).

    A joint combination as the table writes it (``CNRP / Candlelight``) is answered here for
    /total: the joint rows naming exactly those parties (:mod:`bot.commands.joint`); so is a
    comparison (``CLP vs FUNCINPEC May``: :mod:`bot.commands.compare`). A suggestion keeps the
    rest of the question as typed: /total cnrp since Mayy offers /total Cambodia National
    Rescue Party since Mayy, never another period."""
    if _VERSUS.search(args):
        if command != "total":
            answer = fail(
                command,
                _(
                    "/{command} takes one party and one period; /compare sets two side by side."
                ).format(command=command),
            )
            answer.buttons.append(Button(f"/compare {args}", f"/compare {args}"))
            return answer
        from bot.commands.compare import answer_compare

        return answer_compare(desk, args)
    with nullcontext(conn) if conn is not None else desk.connect() as db:
        latest, span = data_window(desk, db)
        try:
            party_text, period = split_trailing_period(args, latest_year=latest, data=span)
        except PeriodError as exc:
            return fail(command, str(exc))
        if not party_text:
            return None, period
        if is_joint_text(party_text):
            return _joint(desk, db, party_text, period, command)
        typed = " ".join(args.split())
        if has_khmer_letters(typed):  # as split_trailing_period saw it: folded, spaced out
            from bot.core.khmer_periods import space_out

            typed = space_out(typed)
        if typed.startswith(party_text):  # PARTY [PERIOD]
            before, after = "", typed[len(party_text) :]
        else:  # PERIOD PARTY
            before, after = typed[: len(typed) - len(party_text)], ""
        words = party_text.split()
        cut = next((i for i, w in enumerate(words) if i and w.lower() in _PERIOD_OPENERS), None)
        if cut is not None and not before:
            # "cnrp since Mayy": the party is "cnrp"; "since Mayy" is a period not read here.
            core = " ".join(words[:cut])
            unread = typed[len(core) :]
            found = resolve_party(desk, core, command, db, _keeping(command, before, unread))
            if isinstance(found, PartyMatch):
                return fail(
                    command,
                    _(
                        "I read “{core}” as {name}, but not “{unread}” as a period. Try a month "
                        "(June 2023), a day (29/06/2023) or a range (1/5/2023 - 30/6/2023)."
                    ).format(core=core, name=found.name, unread=unread.strip()),
                )
            return found
        found = resolve_party(desk, party_text, command, db, _keeping(command, before, after))
    return found if isinstance(found, Answer) else (found, period)


def _keeping(command: str, before: str, after: str) -> Choice:
    """A candidate's command: the question as typed, with only the party's words replaced."""
    return lambda name: f"/{command} {before}{name}{after}"


_VERSUS = re.compile(r"\s(?:vs\.?|versus|v\.|compared (?:to|with))\s", re.IGNORECASE)


def _joint(desk: Desk, db: Connection, text: str, period: Period | None, command: str) -> Answer:
    def keep(whole: str, command: str = command) -> str:
        return " ".join(x for x in (f"/{command} {whole}", period.label if period else "") if x)

    joint = resolve_joint(desk, text, command, db, keep)
    if isinstance(joint, Answer):
        return joint
    if command != "total":
        answer = fail(
            command,
            _("/{command} takes one party. /total lists the joint rows naming {name}.").format(
                command=command, name=joint.name
            ),
        )
        answer.buttons.append(Button(f"/total {joint.name}", keep(joint.name, "total")))
        return answer
    from bot.commands.joint import answer_joint

    return answer_joint(db, joint, period)
