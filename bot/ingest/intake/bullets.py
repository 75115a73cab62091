"""A heading that tells a move without a count, over a bulleted list of occasions, each
with its own date and count ("members of A joined B 👇", "🔹 5 May: 65", "🔹 6 May: 48"):
one claim per line, with the heading's parties and its verb.

>>> from datetime import date
>>> from bot.ingest.intake.parties import Lexicon
>>> from bot.ingest.intake.sentences import split_sentences
>>> text = ("Former CLP members joined the CPP:\\n- 5 May 2023: 65 members\\n"
...         "- 6 May 2023: 48 members")
>>> heading = Proposal(date(2023, 5, 7), "published", None, None, ["CLP"], "CPP",
...                    "Former CLP members joined the CPP:")
>>> [(p.date.isoformat(), p.number, p.from_parties) for p in per_bullet(
...     [heading], split_sentences(text), Lexicon([]), date(2023, 5, 7))]
[('2023-05-05', 65, ['CLP']), ('2023-05-06', 48, ['CLP'])]

Only lines that open with a mark that is no letter or digit ("🔹", "-", "•"), tell no move
of their own, name no party but the one joined, and hold one date and one count each, with
every line on another day: lines on one day may be parts of one occasion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.ingest.intake.dates import find_dates
from bot.ingest.intake.numbers import person_counts
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.report import Proposal
from bot.ingest.intake.sentences import Sentence
from bot.ingest.intake.signals import claim_verbs

_BULLET = re.compile(r"^[^\w\s\"'(«“]")


def _line(sentence: str, lexicon: Lexicon, to: str | None, anchor: date | None) -> Proposal | None:
    """The date and count of one bulleted line, as a claim's fields, or None."""
    if not _BULLET.match(sentence) or claim_verbs(sentence):
        return None
    if any(m.name != to for m in lexicon.mentions(sentence)):
        return None
    dates = [d for d in find_dates(sentence, anchor, False) if not (d.reported or d.bound)]
    if len(dates) != 1:
        return None
    counts = person_counts(sentence, skip=[(d.start, d.end) for d in dates])
    if len(counts) != 1 or counts[0].value is None:
        return None
    count = counts[0]
    return Proposal(
        dates[0].value, "event", count.value, count.text, [], to, sentence, count.qualifier
    )


def per_bullet(
    out: list[Proposal], sentences: Sequence[Sentence], lexicon: Lexicon, anchor: date | None
) -> list[Proposal]:
    """The claims, each heading claim without a count that a list of dated, counted lines
    follows replaced by one claim per line."""
    result: list[Proposal] = []
    for p in out:
        at = next(
            (i for i, s in enumerate(sentences) if s.text == p.evidence),
            None,
        )
        if at is None or p.number is not None or p.number_text is not None or p.people:
            result.append(p)
            continue
        lines: list[Proposal] = []
        for sentence in sentences[at + 1 :]:
            line = _line(sentence.text, lexicon, p.to_party, anchor)
            if line is None:
                break
            lines.append(line)
        if len(lines) < 2 or len({line.date for line in lines}) < len(lines):
            result.append(p)
            continue
        reasons = [r for r in p.reasons if "is no count" not in r]
        result += [
            replace(
                p,
                date=line.date,
                date_kind="event",
                number=line.number,
                number_text=line.number_text,
                qualifier=line.qualifier,
                evidence=f"{p.evidence} {line.evidence}",
                reasons=reasons,
                confidence="low" if reasons else "high",
            )
            for line in lines
        ]
    return result
