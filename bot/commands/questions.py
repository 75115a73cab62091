"""Plain-language questions → the command that answers them, by rules (no outside service).

>>> understand("How many Candlelight defections in June?", latest_year=2023)
'/total Candlelight June 2023'
>>> understand("who is Kung Raiya")
'/who Kung Raiya'
>>> understand("what happened on 26 June 2023", latest_year=2023)
'/on 26 June 2023'
>>> understand("what's the weather like") is None
True

A question is read only when it has one of the shapes below; anything else is None, and the
caller says it did not understand rather than guess. With a ``Desk``, names are checked
against the data: a "how many X defections" whose X is no party, or a bare line that is not
exactly a person's or party's name, is not understood either. Periods are echoed in full
("June" → "June 2023") so the reply shows exactly what was looked up. Replies stay English;
Khmer-script names are understood wherever the data has them as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.core.periods import (
    PeriodError,
    format_day,
    parse_day_or_range,
    parse_period,
    parse_week,
    split_trailing_period,
)

if TYPE_CHECKING:
    from bot.storage.desk import Desk

MAX_QUESTION = 300
_F = re.IGNORECASE

# Said before the question proper and carrying no meaning for it.
_POLITE = re.compile(
    r"^(?:(?:hi|hello|hey|ok|okay|so|please|pls|bot|desk)[,!.]?\s+)*"
    r"(?:(?:can|could|would) you\s+(?:please\s+)?(?:tell me|show me|give me|send me|find)?\s*|"
    r"(?:please\s+)?(?:tell me|show me|give me|send me|i (?:want|would like|need) to know|"
    r"i (?:want|would like|need)|do you know|let me (?:see|know))\s+)?",
    _F,
)
_TRAILING = re.compile(r"[\s?!.,;:]+$")

_WHO_STATUS = re.compile(
    r"^(?:what (?:was|is)|what's|whats)\s+(?P<name>.+?)(?:'s|’s|s')\s+(?:status|position|"
    r"party|situation)\s+(?:on|as of|as at|at|in|by)\s+(?P<when>.+)$",
    _F,
)
_WHO_WAS_WHEN = re.compile(
    r"^(?:who (?:was|is)|where (?:was|did)|what about)\s+(?P<name>.+?)\s+"
    r"(?:as of|as at|on|in|by)\s+(?P<when>.+)$",
    _F,
)
_WHO = re.compile(
    r"^(?:who (?:is|was|are)|who's|whos|tell me about|about|what about|what do you (?:know|have) "
    r"(?:about|on)|info(?:rmation)? (?:on|about)|(?:the )?profile (?:of|for)|look ?up|find|"
    r"search(?: for)?|what happened to|what became of|status of)\s+(?P<name>.+)$",
    _F,
)
_ON = re.compile(
    r"^(?:what (?:happened|was (?:reported|claimed|announced))|which (?:defections|claims) "
    r"were (?:reported|claimed|announced)|who defected|(?:any |the )?(?:defections|claims|"
    r"reports|news))\s+(?:(?:on|in|during)\s+)?(?P<when>(?:between|from)\s+.+|\d.*)$",
    _F,
)
_TOTAL = re.compile(r"\b(?:how many|how much|total|number of|count)\b", _F)
_DEFECT = re.compile(
    r"\b(?:defect\w*|left|quit|leav\w*|switch\w*|join\w*|claim\w*|figure\w*)\b", _F
)
_CHART = re.compile(r"\b(?:chart|graph|plot|visuali[sz]\w*|diagram)\b", _F)
_EXPORT = re.compile(
    r"\b(?:export|csv|spreadsheet|excel|download|the rows|raw data|data file)\b", _F
)
_SUMMARY = re.compile(r"\b(?:summary|summari[sz]e|recap|round-?up|digest)\b", _F)
_PARTIES = re.compile(
    r"^(?:which|what|list(?: the| all)?|all(?: the)?|show(?: the| all)?)\s+parties\b|"
    r"^parties$",
    _F,
)
_SOURCES = re.compile(
    r"\b(?:sources?|where (?:does|do) (?:the|this|your) (?:data|figures?|numbers?) come from)"
    r"\b",
    _F,
)
_ABOUT = re.compile(
    r"\b(?:about (?:the|this|your) data|(?:is|are) (?:this|it|these|the|your)\s*(?:data\s+|"
    r"figures\s+|numbers\s+|claims\s+)?(?:verified|true|reliable|accurate|facts?)|can i trust|"
    r"how reliable|what is this (?:data|bot))\b",
    _F,
)
_HELP = re.compile(r"^(?:help|what can you do|commands|what do you do|how does this work)$", _F)

# Words around the party in a "how many" question, stripped from its two ends only: inside a
# name they belong to it ("League for Democracy Party", "Cambodian People's Party").
_NOISE_WORDS = """how many much total number of count the a an were was is are there have has had
    been did do does claim claims claimed reported announced defection defections defector
    defectors defected defecting defect people persons members member activists officials
    supporters from left quit leaving leave switched switching lost lose suffered suffer in
    during for to so far altogether overall all chart graph plot diagram visualise visualize
    show me per week weekly by export csv spreadsheet excel download rows row raw data file
    as please give send make draw get fetch what which"""
_NOISE = frozenset(_NOISE_WORDS.split())
# Every claim in the data is a claimed defection *to* the ruling party: not a party filter.
_TO_CPP = re.compile(
    r"\b(?:to|into|joined|joining|join|for)\s+(?:the\s+)?(?:cpp|ruling party|"
    r"cambodian people'?s party)\b",
    _F,
)


@dataclass(frozen=True)
class _Context:
    desk: Desk | None
    year: int  # what a bare month means: the latest year with data
    today: date  # what "last week" means


def understand(
    text: str, desk: Desk | None = None, *, latest_year: int | None = None
) -> str | None:
    """The command (``/total Candlelight June 2023``) a question asks for, or None."""
    if not text or len(text) > MAX_QUESTION:
        return None
    today = desk.today() if desk is not None else date.today()
    year = latest_year or (desk.latest_year() if desk is not None else today.year)
    q = _TRAILING.sub("", " ".join(text.split()))
    q = _POLITE.sub("", q, count=1).strip()
    if not q or q.startswith("/"):
        return None
    ctx = _Context(desk, year, today)
    for reader in (_help, _who_as_of, _on, _file_or_total, _summary, _who, _catalog, _bare):
        command = reader(q, ctx)
        if command is not None:
            return command
    return None


def _help(q: str, _ctx: _Context) -> str | None:
    return "/help" if _HELP.match(q) else None


def _catalog(q: str, _ctx: _Context) -> str | None:
    if _PARTIES.search(q):
        return "/parties"
    if _ABOUT.search(q):
        return "/about"
    if _SOURCES.search(q):
        return "/sources"
    return None


def _who_as_of(q: str, ctx: _Context) -> str | None:
    m = _WHO_STATUS.match(q) or _WHO_WAS_WHEN.match(q)
    if not m:
        return None
    try:
        when = parse_period(m["when"], latest_year=ctx.year).label
    except PeriodError:
        return None
    name = _strip_articles(m["name"])
    return f"/who {name} as of {when}" if _is_person(name, ctx) else None


def _who(q: str, ctx: _Context) -> str | None:
    m = _WHO.match(q)
    if not m:
        return None
    name = _strip_articles(m["name"])
    if re.search(r"\bas (?:of|at)\b", name, _F):
        return None  # "who was X as of" an unreadable date: never drop the date silently
    return f"/who {name}" if name and _is_person(name, ctx) else None


def _on(q: str, ctx: _Context) -> str | None:
    m = _ON.match(q)
    when = m["when"] if m else q  # a bare date or range ("26 June 2023") asks what happened
    if m is None and not re.search(r"\d", q):
        return None
    try:
        period = parse_day_or_range(when, default_year=ctx.year)
    except PeriodError:
        return None
    return f"/on {period.label}"


def _summary(q: str, ctx: _Context) -> str | None:
    if not _SUMMARY.search(q) and not re.search(r"\b(?:last|this|previous) week\b", q, _F):
        return None
    rest = _SUMMARY.sub(" ", q)
    rest = re.sub(
        r"\b(?:the|a|weekly|week's|of|for|on|me|give|send|show|please|claims|defections)\b",
        " ",
        rest,
        flags=_F,
    )
    rest = " ".join(rest.split())
    if not rest:
        return "/summary"
    try:
        week = parse_week(rest, today=ctx.today, default_year=ctx.year)
    except PeriodError:
        try:
            bare = re.sub(r"^week\s+", "", rest, flags=_F)
            week = parse_week(bare, today=ctx.today, default_year=ctx.year)
        except PeriodError:
            return None
    if rest.lower() in ("last week", "previous week", "last", "previous"):
        return "/summary"
    return f"/summary {format_day(week.start)}"


def _file_or_total(q: str, ctx: _Context) -> str | None:
    if _CHART.search(q):
        command = "/chart"
    elif _EXPORT.search(q):
        command = "/export"
    elif _TOTAL.search(q):
        command = "/total"
    else:
        return None
    try:
        words, period = split_trailing_period(
            _party_words(_TO_CPP.sub(" ", q), lead=False), latest_year=ctx.year
        )
    except PeriodError:
        return None
    party = _party_words(words)
    if party and not _is_party(party, ctx):
        return None
    if command == "/total" and not party and not (_DEFECT.search(q) or _TO_CPP.search(q)):
        return None  # "how many days until ..." is not about the claims
    args = " ".join(x for x in (party, period.label if period else "") if x)
    return f"{command} {args}".rstrip()


def _party_words(words: str, *, lead: bool = True) -> str:
    """What is left of a question's words once the noise at both ends (or the end) is gone."""
    tokens = [t.strip(",;:-–?!.") for t in words.split()]
    tokens = [t for t in tokens if t]
    while lead and tokens and tokens[0].lower() in _NOISE:
        tokens.pop(0)
    while tokens and re.sub(r"(?:'s|’s)$", "", tokens[-1].lower()) in _NOISE:
        tokens.pop()
    if tokens:
        tokens[-1] = re.sub(r"(?:'s|’s)$", "", tokens[-1])
    return " ".join(tokens)


def _bare(q: str, ctx: _Context) -> str | None:
    """A line that is exactly a person's or a party's name (or alias), maybe with a period."""
    if ctx.desk is None or len(q) > 80:
        return None
    people = ctx.desk.people().resolve(q, limit=2)
    if len(people) == 1 and people[0].how in ("exact", "acronym"):
        return f"/who {q}"
    try:
        name, period = split_trailing_period(q, latest_year=ctx.year)
    except PeriodError:
        return None
    parties = ctx.desk.parties().resolve(name, limit=2) if name else []
    if len(parties) == 1 and parties[0].how in ("exact", "acronym"):
        return " ".join(x for x in ("/total", name, period.label if period else "") if x)
    return None


def _strip_articles(name: str) -> str:
    return re.sub(r"^(?:the|mr\.?|mrs\.?|ms\.?)\s+", "", name.strip(), flags=_F).strip(" ,;:")


def _is_person(name: str, ctx: _Context) -> bool:
    return ctx.desk is None or bool(ctx.desk.people().resolve(name, limit=1))


def _is_party(name: str, ctx: _Context) -> bool:
    return ctx.desk is None or bool(ctx.desk.parties().resolve(name, limit=1))
