"""A correction notice's new figure or day, put into the claim it corrects.

>>> from datetime import date
>>> from bot.ingest.intake.report import Proposal
>>> from bot.ingest.intake.sentences import split_sentences
>>> p = Proposal(date(2023, 4, 18), "event", 1560, "1,560", ["Candlelight Party"], "CPP", "...")
>>> notice = split_sentences(
...     "Correction: An earlier version of this article said 1,560 members joined on Tuesday. "
...     "The correct figure is 1,056. The ceremony took place on Monday, April 17.")
>>> correct([p], notice, date(2023, 4, 20)) == [p]
True
>>> p.number, p.number_text, p.date
(1056, '1,056', datetime.date(2023, 4, 17))
>>> p.evidence.startswith("... [Correction: An earlier version")
True

The notice's sentence that tells the earlier version is no claim (signals reads it as a
correction); the sentences after it, in its paragraph, give the right values. Only a claim
that holds the wrong value changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.ingest.intake.dates import find_dates
from bot.ingest.intake.events import rough
from bot.ingest.intake.numbers import cell_count, person_counts
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.report import Proposal
from bot.ingest.intake.sentences import Sentence

_EARLIER_VERSION = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous)\s+version\b"
    r"|\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:reported|said|stated)\b"
    # ... "Correction: the figure of 350 in our first post included invited guests"
    r"|\b(?:figure|number|count|total)\s+of\s+(?P<wrong>[\d,.]+)\s+(?:given\s+)?in\s+(?:our|the|this)\s+"
    r"(?:first|earlier|original|previous|initial)\s+(?:post|report|article|story)\b"
    # ... 'In its first report on Sunday afternoon, the working group had said that "more
    # than 500" ... joined'
    r"|\b(?:first|earlier|initial)\s+(?:post|report|announcement|statement)\b[^.;]{0,80}?"
    # ... "Our earlier post said that more than 200 people had joined"
    r"\b(?:had\s+)?(?:said|reported|announced|put|given|posted)\b"
    # ... "In our post yesterday we reported that 98 ... joined"
    r"|\b(?:our|the|this\s+page's)\s+(?:post|report|article|story)\s+(?:of\s+)?(?:yesterday|this\s+morning|"
    r"last\s+night)\b[^.;]{0,40}?\b(?:said|reported|announced|wrote|stated)\b"
    # ... Khmer "របាយការណ៍ដំបូងរបស់ក្រុមការងារស្រុក បានបង្ហាញថា" (the district working group's
    # first report showed that)
    r"|(?:របាយការណ៍|ការផ្សាយ|ការប្រកាស)ដំបូង[^។]{0,60}?(?:បង្ហាញ|ថា|ប្រកាស|រាយការណ៍)",
    re.I,
)
# "The correct figure, according to the committee, is 1,056."
# ... "The number of Candlelight Party members who joined was 305."
_RIGHT_FIGURE = re.compile(
    r"\b(?:(?:correct|actual|right|accurate|final)\s+(?:figure|number|count|total)|number\s+of)\b"
    r"[^.;]*?"
    # ... "the final count stood at 563"
    r"\b(?:is|was|of|stood\s+at|stands\s+at)\s+(?P<n>(?:(?:about|some|around|more\s+than|nearly)\s+)?\d[\d,.]*)"
    # ... Khmer "ចំនួនពិតប្រាកដគឺ ៦៥នាក់" (the actual number is 65)
    r"|ចំនួន(?:ពិតប្រាកដ|ពិត|ត្រឹមត្រូវ|ចុងក្រោយ)\s*(?:គឺ|មាន)\s*(?P<kn>[0-9០-៩][0-9០-៩,.]*)",
    re.I,
)


# One sentence with both: "the correct figure is 140, not 400", Khmer "តួលេខត្រឹមត្រូវ គឺ ១៤០
# នាក់ មិនមែន ៤០០ នាក់ទេ" (the correct figure is 140, not 400)
_RIGHT_NOT_WRONG = re.compile(
    # ... "A total of 276 people ... joined the CPP today, not 200 as first posted"
    # ... 'its final figure: 276 people received cards on Sunday, not "more than 200" as first
    # reported'
    # ... "the number of new members is 134, not 126 as we first posted"
    r"(?:\b(?:a\s+)?total\s+of|\bfigure\s*[:,]|\bfigure\s+(?:is|was)|\bnumber\s+(?:of\s+[^.;,\d]{0,40}?)?"
    r"(?:is|was))\s+(?P<n2>[0-9][0-9,.]*)\b[^.;]{0,80}?,\s*"
    r"not\s+[\"“]?(?:more\s+than\s+|over\s+|about\s+|some\s+)?(?P<wrong2>[0-9][0-9,.]*)[\"”]?\s+"
    r"as\s+(?:we\s+)?(?:first\s+|earlier\s+|originally\s+|initially\s+)?(?:posted|reported|stated|announced|"
    r"said)\b|"
    # ... "the correct number of the new members is 1,064 persons, not 1,046"
    r"(?:\b(?:correct|actual|right|accurate)\s+(?:figure|number|count|total)\s+"
    r"(?:of\s+[^.;,\d]{0,40}?)?(?:is|was)\s+"
    r"|តួលេខ(?:ពិត|ត្រឹមត្រូវ|ពិតប្រាកដ)\s*(?:គឺ(?:ជា)?|មាន)?\s*)"
    r"(?P<n>[0-9០-៩][0-9០-៩,.]*)\s*(?:នាក់|រូប|people|persons|members|activists)?\s*,?\s*"
    r"(?:not|មិនមែន)\s*"
    r"(?P<wrong>[0-9០-៩][0-9០-៩,.]*)"
    # ... 'revised the number ..., raising it from "more than 200" to 276'
    r"|\b(?:revised|revising|raised|raising|lowered|lowering|corrected|updated)\b[^.;]{0,120}?\bfrom\s+"
    r"[\"“]?(?:more\s+than\s+|over\s+|about\s+|some\s+)?(?P<wrong4>[0-9][0-9,]*)[\"”]?\s+to\s+"
    r"(?P<n4>[0-9][0-9,]*)"
    # ... "គឺ ២៧៦ នាក់ មិនមែនជាង ២០០ នាក់ ដូចដែលបានរាយការណ៍ពីដំបូង" (is 276, not more than 200
    # as first reported)
    r"|គឺ\s*(?P<n3>[០-៩0-9][0-9០-៩,.]*)\s*(?:នាក់|រូប)?\s*មិនមែន\s*(?:ជា)?\s*(?:ជាង|ប្រមាណ|ប្រហែល)?\s*"
    # ... "... ដូចដែលបានចុះផ្សាយពីដំបូង" (as first published), "ដូចដែលបានសរសេរខាងលើ" (as written
    # above)
    r"(?P<wrong3>[០-៩0-9][0-9០-៩,.]*)\s*(?:នាក់|រូប)?\s*ដូច(?:ដែល|ការ)?\s*(?:បាន)?\s*(?:ចុះ)?(?:រាយការណ៍|ផ្សាយ|ប្រកាស|សរសេរ|បង្ហោះ|ផុស)",
    re.I,
)


# "the same page edited that post, stating the figure clearly as 342", Khmer "ទំព័រដដែល
# បានកែសម្រួលការបង្ហោះនោះ ដោយបញ្ជាក់តួលេខច្បាស់ថា ៣៤២នាក់": the one claim's count, revised
_REVISED_TO = re.compile(
    r"(?:កែ(?:សម្រួល|តម្រូវ|ប្រែ)|\b(?:edited|revised|updated|corrected)\b)[^។.]{0,60}?"
    r"(?:តួលេខ|\bfigure\b|\bnumber\b)[^។.\d០-៩]{0,30}?(?:ថា|គឺ|\bto\b|\bas\b|\bof\b|\bat\b|:)\s*"
    r"(?P<n>[0-9០-៩][0-9០-៩,.]*)"
    # ... "The final number of new members welcomed this morning is 276", Khmer "តួលេខចុងក្រោយ
    # គឺ ២៧៦នាក់" (the final figure is 276)
    # ... Khmer "ចំនួនសមាជិកថ្មីពិតប្រាកដ ដែលបានទទួលប័ណ្ណ ... គឺ ៣៤២ នាក់" (the actual number of new
    # members who received cards ... is 342)
    # ... "On Monday, a second post gave the figure as 276"
    r"|\b(?:second|later|new|updated|another)\s+(?:post|statement|report|update)\b[^.;]{0,40}?"
    r"\b(?:gave|put|set)\s+the\s+(?:figure|number|count|total)\s+(?:as|at)\s+"
    r"(?P<later>[0-9][0-9,.]*)"
    # ... "has confirmed the final number as 276"
    r"|\b(?:final|actual|exact)\s+(?:figure|number|count|total|tally)\b[^.;]{0,100}?"
    r"\b(?:is|was|stands\s+at|as)\s+"
    r"(?P<final>[0-9][0-9,.]*)|តួលេខ(?:ផ្លូវការ)?ចុងក្រោយ(?:[^។]{0,80}?(?:គឺ|មាន))?\s*(?P<khmer_final>[0-9០-៩][0-9០-៩,.]*)"
    r"|ចំនួន[^។]{0,40}?ពិតប្រាកដ[^។]{0,80}?គឺ\s*(?P<khmer_actual>[0-9០-៩][0-9០-៩,.]*)"
    # ... "ក្រោយពីផ្ទៀងផ្ទាត់ពាក្យសុំរួច ចំនួនសមាជិក ... មានចំនួនសរុប ១៧៣នាក់" (after checking the
    # applications, the number of members ... comes to 173 in all)
    r"|ផ្ទៀងផ្ទាត់[^។]{0,60}?ចំនួន[^។]{0,120}?សរុប\s*(?P<khmer_checked>[0-9០-៩][0-9០-៩,.]*)"
    # ... "បច្ចុប្បន្នភាព៖ យោងតាមបញ្ជីផ្លូវការ ... ចំនួនសកម្មជនដែលបានចូលរួមគឺ ២៧៦នាក់" (update:
    # according to the official list, the number of activists who joined is 276)
    r"|បច្ចុប្បន្នភាព\s*[៖:][^។]{0,120}?ចំនួន[^។]{0,80}?(?:គឺ|សរុប)\s*"
    r"(?P<khmer_update>[0-9០-៩][0-9០-៩,.]*)",
    re.I,
)


def correct(
    proposals: Sequence[Proposal],
    sentences: Sequence[Sentence],
    anchor: date | None,
    lexicon: Lexicon | None = None,
) -> list[Proposal]:
    """Put each correction notice's right count, day and party into the claims it corrects;
    the claims it changed."""
    changed: list[Proposal] = []
    if lexicon is not None:
        changed += _right_parties(proposals, sentences, lexicon)
    for k, told in enumerate(sentences):
        revised = _REVISED_TO.search(told.text)
        given = revised and (
            revised["n"]
            or revised["later"]
            or revised["final"]
            or revised["khmer_final"]
            or revised["khmer_actual"]
            or revised["khmer_checked"]
            or revised["khmer_update"]
        )
        now = cell_count(given) if given else None
        if now is None:
            continue
        # the one claim's count, revised; or the count of a claim its sentence before told with
        # none ("In Kandal, the group welcomed new CLP members. It first announced 120, but
        # later updated the figure to 132")
        before = sentences[k - 1].text[:60] if k else None
        uncounted = [
            p
            for p in proposals
            if p.number is None
            and p.number_text is None
            and before
            and p.evidence.startswith(before)
        ]
        if len(proposals) == 1 and proposals[0].number not in (None, now.value):
            p = proposals[0]
        elif len(uncounted) == 1:
            p = uncounted[0]
        else:
            continue
        p.number, p.number_text, p.qualifier = now.value, now.text, None
        p.evidence = f"{p.evidence} [{told.text}]"
        changed.append(p)
    for told in sentences:
        fix = _RIGHT_NOT_WRONG.search(told.text)
        now = cell_count(fix["n"] or fix["n2"] or fix["n3"] or fix["n4"]) if fix else None
        was = (
            cell_count(fix["wrong"] or fix["wrong2"] or fix["wrong3"] or fix["wrong4"])
            if fix
            else None
        )
        if now is None or was is None:
            continue
        for p in proposals:
            if p.number == was.value and p.number != now.value:
                p.number, p.number_text = now.value, now.text
                p.evidence = f"{p.evidence} [{told.text}]"
                changed.append(p)
    for k, told in enumerate(sentences):
        earlier = _EARLIER_VERSION.search(told.text)
        if earlier is None:
            continue
        # the notice's own date ("Correction, April 20: An earlier version ...") is no wrong day
        wrong_text = told.text[earlier.start() :]
        wrong_counts = {c.value for c in person_counts(wrong_text)}
        said = cell_count(earlier["wrong"]) if earlier["wrong"] else None
        if said is not None:
            wrong_counts.add(said.value)  # "the figure of 350 in our first post"
        wrong_days = {d.value for d in find_dates(wrong_text, anchor, False)}
        right = [s for s in sentences[k + 1 : k + 4] if s.paragraph == told.paragraph]
        figure = next((m for s in right if (m := _RIGHT_FIGURE.search(s.text))), None)
        count = cell_count(figure["n"] or figure["kn"]) if figure else None
        if count is None and wrong_counts:
            # "... has since clarified that 120 people joined": the one new count of people
            told_now = [c for s in right for c in person_counts(s.text)]
            new = [c for c in told_now if c.value not in wrong_counts]
            count = new[0] if len(new) == 1 else None
        day = next((d.value for s in right for d in find_dates(s.text, anchor, False)), None)
        # the reviewer sees the notice beside the sentence it corrects
        notice = " ".join(s.text for s in [told, *right])
        for p in proposals:
            corrected = False
            if count is not None and p.number in wrong_counts and p.number != count.value:
                p.number, p.number_text = count.value, count.text
                corrected = True
            if day is not None and p.date in wrong_days and p.date != day:
                p.date, p.date_kind = day, "event"
                corrected = True
            if corrected and notice not in p.evidence:
                p.evidence = f"{p.evidence} [{notice}]"
            if corrected:
                changed.append(p)
    return changed


# "We wrongly wrote that the 170 came from FUNCINPEC. In fact, they came from the CLP", Khmer
# "យើងបានសរសេរខុសថា ... មកពីគណបក្សA។ តាមពិត ពួកគាត់មកពីគណបក្សB"
_WRONGLY = re.compile(
    r"\b(?:wrongly|incorrectly|mistakenly|erroneously)\s+(?:wrote|said|stated|reported)\b"
    r"|(?:សរសេរ|ផ្សាយ|ប្រកាស)\s*ខុស",
    re.I,
)
_IN_FACT = re.compile(r"^\W*(?:in\s+fact|actually|in\s+reality)\b|^\W*(?:តាម|តាមការ)ពិត", re.I)


def _right_parties(
    proposals: Sequence[Proposal], sentences: Sequence[Sentence], lexicon: Lexicon
) -> list[Proposal]:
    """The claims whose former party a notice says was wrong, given the right one."""
    changed: list[Proposal] = []
    for k, told in enumerate(sentences[:-1]):
        after = sentences[k + 1]
        if not _WRONGLY.search(told.text) or not _IN_FACT.match(after.text):
            continue
        wrong = {m.name for m in lexicon.mentions(told.text)}
        right = [m.name for m in lexicon.mentions(after.text) if m.name not in wrong]
        if len(right) != 1:
            continue
        for p in proposals:
            if wrong & set(p.from_parties):
                p.from_parties = [right[0] if f in wrong else f for f in p.from_parties]
                p.evidence = f"{p.evidence} [{told.text} {after.text}]"
                changed.append(p)
    return changed


# "UPDATE: the final number ... is 276", Khmer "តួលេខចុងក្រោយ" (the final figure)
_FINAL_COUNT = re.compile(
    r"\b(?:final|updated|complete)\s+(?:number|count|figure|tally|total)\b"
    r"|តួលេខ(?:ផ្លូវការ)?ចុងក្រោយ",
    re.I,
)


def without_superseded(proposals: Sequence[Proposal]) -> list[Proposal]:
    """The claims without a first, rough count that a final count of the same move, told in
    its own sentence, supersedes ("more than 200 ... joined" then "UPDATE: the final number
    ... is 276").

    >>> def claim(n: int, q: str | None, said: str) -> Proposal:
    ...     return Proposal(date(2023, 5, 6), "event", n, str(n), ["CLP"], "CPP", said, qualifier=q)
    >>> first = claim(200, "more than", "More than 200 CLP members joined the CPP.")
    >>> final = claim(276, None, "UPDATE: the final number of CLP members who joined is 276.")
    >>> [p.number for p in without_superseded([first, final])]
    [276]
    """
    out = list(proposals)
    for final in [p for p in out if p.number and _FINAL_COUNT.search(p.evidence)]:
        out = [
            o
            for o in out
            if o is final
            or not (
                rough(o.qualifier)
                and o.number is not None
                and o.number < (final.number or 0)
                and o.date == final.date
                and o.to_party == final.to_party
                and set(o.from_parties) == set(final.from_parties)
            )
        ]
    return out
