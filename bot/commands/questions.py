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
("June" → "June 2023") so the reply shows exactly what was looked up. Khmer-script names are
understood wherever the data has them as aliases, and a plain Khmer question is read as the
English question it asks (:mod:`bot.core.khmer_questions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.core.khmer import has_khmer_letters
from bot.core.periods import (
    Period,
    PeriodError,
    format_day,
    parse_day_or_range,
    parse_period,
    parse_week,
    split_trailing_period,
)

if TYPE_CHECKING:
    from bot.desk import Desk

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
    r"reports|news))\s+(?:(?:on|in|during)\s+)?"
    r"(?P<when>(?:between|from|since|after|until|before|the week of|week|last|the last)\s+.+"
    r"|\d.*)$",
    _F,
)
_TOTAL = re.compile(r"\b(?:how many|how much|total|number of|count)\b", _F)
_DEFECT = re.compile(
    r"\b(?:defect\w*|left|quit|leav\w*|switch\w*|join\w*|claim\w*|figure\w*|reports?)\b", _F
)
# "Candlelight defections in June": the noun alone asks for the figure.
_DEFECTIONS = re.compile(r"\b(?:defections|defectors)\b", _F)
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
    r"how reliable|what is this (?:data|bot)|who (?:claimed|claims|made|makes|announced|"
    r"reported) (?:these|those|this|the|them|it)\b(?! on\b)|what (?:is|are|does) (?:a |the )?"
    r"joint (?:rows?|figures?|claims?)|(?:why|what|which)\b.*\b6,?47[36])\b",
    _F,
)
_HELP = re.compile(r"^(?:help|what can you do|commands|what do you do|how does this work)$", _F)

# Words around the party in a "how many" question, stripped from its two ends only: inside a
# name they belong to it ("League for Democracy Party", "Cambodian People's Party").
_NOISE_WORDS = """how many much total number of count the a an were was is are there have has had
    been did do does claim claims claimed report reports reported announced defection defections
    defector defectors defected defecting defect people persons members member activists officials
    supporters from left quit leaving leave switched switching lost lose suffered suffer in
    during for to so far altogether overall all chart graph plot diagram visualise visualize
    show me per week weekly by export csv spreadsheet excel download rows row raw data file
    as please give send make draw get fetch what which joint jointly about"""
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
    today: date  # what "last week" means in /summary
    data: tuple[date, date] | None = (
        None  # the data's first and last day ("since May", "last month")
    )

    def split(self, text: str) -> tuple[str, Period | None]:
        """(the rest, the period) of ``text``, as commands split them."""
        return split_trailing_period(text, latest_year=self.year, data=self.data)


def understand(
    text: str, desk: Desk | None = None, *, latest_year: int | None = None
) -> str | None:
    """The command (``/total Candlelight June 2023``) a question asks for, or None."""
    if not text or len(text) > MAX_QUESTION:
        return None
    today = desk.today() if desk is not None else date.today()
    data: tuple[date, date] | None = None
    if desk is not None:
        from bot.commands.common import data_window

        with desk.connect() as conn:
            year, data = data_window(desk, conn)
        year = latest_year or year
    else:
        year = latest_year or today.year
    q = _TRAILING.sub("", " ".join(text.split()))
    q = _POLITE.sub("", q, count=1).strip()
    if not q or q.startswith("/"):
        return None
    ctx = _Context(desk, year, today, data)
    for reader in READERS:
        command = reader(q, ctx)
        if command is not None:
            return command
    if has_khmer_letters(q):
        return _khmer(q, ctx)
    return None


def _khmer(q: str, ctx: _Context) -> str | None:
    """A plain Khmer question, read as the English question it asks (bot.core.khmer_questions)."""
    from bot.core.khmer_questions import NameKind, english_question  # the segmenter: Khmer only

    def known(name: str, kind: NameKind) -> bool:
        return _is_one_party(name, ctx) if kind == "party" else _exact_person(name, ctx)

    english = english_question(q, known if ctx.desk is not None else None)
    if english is None:
        return None
    for reader in READERS:
        command = reader(english, ctx)
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
        when = parse_period(m["when"], latest_year=ctx.year, data=ctx.data).label
    except PeriodError:
        return None
    name = _strip_articles(m["name"])
    return f"/who {name} as of {when}" if _is_person(name, ctx) else None


# Questions about one person's moves, answered by their card: its timeline and status.
_ABOUT_PERSON = re.compile(
    r"^(?:(?:when|where|why|how|did|has|have|had|is|was) (?:did |was |is |has |had )?(?P<a>.+?) "
    r"(?:leave|left|defect\w*|join\w*|flee|fled|resign\w*|arrested|convicted|released|"
    r"appointed|jailed|sentenced|go|went|quit|still|ever|now|currently)\b.*|"
    r"(?:is|was) (?P<b>.+?) (?:still |now |currently |ever )?(?:in|with|a member of|part of) "
    r"(?:the )?\S.*)$",
    _F,
)


def _who(q: str, ctx: _Context) -> str | None:
    m = _WHO.match(q)
    if not m:
        about = _ABOUT_PERSON.match(q)
        name = _strip_articles(about["a"] or about["b"]) if about else ""
        if name and ctx.desk is not None and _exact_person(name, ctx):
            return f"/who {name}"
        return None
    name = _strip_articles(m["name"])
    if re.search(r"\bas (?:of|at)\b", name, _F):
        return None  # "who was X as of" an unreadable date: never drop the date silently
    if name and (_is_person(name, ctx) or (_NAME_SHAPED.match(name) and not _is_party(name, ctx))):
        return f"/who {name}"  # someone not in the data is told so, with the closest names
    return None


# "Sam Rainsy", "Mu Sochua": two to four capitalised words, the shape of a Cambodian name.
_NAME_SHAPED = re.compile(r"^[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,3}$")


def _on(q: str, ctx: _Context) -> str | None:
    m = _ON.match(q)
    when = m["when"] if m else q  # a bare date or range ("26 June 2023") asks what happened
    if m is None and not re.search(r"\d", q):
        return None
    try:
        period = parse_day_or_range(when, default_year=ctx.year)
    except PeriodError:
        if m is None:
            return None
        try:  # a week or an open end ("since 20 June"), as /on reads them
            period = parse_period(when, latest_year=ctx.year, data=ctx.data)
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


# Who made the claims is said by every answer: "did pro-government media claim" names no party.
_CLAIMED_BY = re.compile(
    r"\b(?:(?:did|do|does|has|have|had) )?(?:the )?(?:pro-?government|government-aligned|state)"
    r"(?: media| news| outlets?| press)+(?: (?:claim|report|announce)\w*)?|"
    r"\b(?:did|has|have|had) fresh ?news (?:claim|report|announce)\w*|"
    r"\b(?:according to|as claimed by|claimed by|reported by|in) (?:the )?(?:pro-?government "
    r"media|fresh ?news|the data)\b",
    _F,
)
# Rows that name no party are the data's "Unnamed Parties".
_NO_PARTY = re.compile(
    r"\b(?:(?:had|have|with|where|whose|that)\s+)?(?:no party (?:was |is )?(?:named|given|"
    r"stated|specified)|(?:the )?party (?:was |is )?(?:not|never) (?:named|given|stated|"
    r"specified)|unknown part(?:y|ies)|unspecified part(?:y|ies)|without (?:a )?party)\b",
    _F,
)


def _file_or_total(q: str, ctx: _Context) -> str | None:
    q = _NO_PARTY.sub(" Unnamed Parties ", _CLAIMED_BY.sub(" ", q))
    q = " ".join(q.split())
    if _CHART.search(q):
        command = "/chart"
    elif _EXPORT.search(q):
        command = "/export"
    elif _TOTAL.search(q) or _DEFECTIONS.search(q):
        command = "/total"
    else:
        return None
    asked = _TO_CPP.sub(" ", q)
    try:
        # The period as typed ("... last week"), else once trailing noise is gone ("... in
        # June so far").
        words, period = ctx.split(asked)
        if period is None:
            words, period = ctx.split(_party_words(asked, lead=False))
    except PeriodError:
        return None
    party = _party_words(words)
    if party and not (_is_party(party, ctx) or _is_joint(party, ctx)):
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
        name, period = ctx.split(q)
    except PeriodError:
        return None
    parties = ctx.desk.parties().resolve(name, limit=2) if name else []
    # A name, or two or more whole words of one ("Youth Party"): one word alone ("Love") is
    # as likely chatter.
    named = len(parties) == 1 and (
        parties[0].how in ("exact", "acronym") or (parties[0].how == "word" and " " in name)
    )
    if named or (" " in name and _is_one_party(name, ctx)):
        return " ".join(x for x in ("/total", name, period.label if period else "") if x)
    return None


def _strip_articles(name: str) -> str:
    return re.sub(r"^(?:the|mr\.?|mrs\.?|ms\.?)\s+", "", name.strip(), flags=_F).strip(" ,;:")


def _exact_person(name: str, ctx: _Context) -> bool:
    """Whether ``name`` is one person's name or a close spelling of it."""
    assert ctx.desk is not None
    found = ctx.desk.people().resolve(name, limit=2)
    return len(found) == 1 or (bool(found) and found[0].how in ("exact", "acronym"))


def _is_person(name: str, ctx: _Context) -> bool:
    return ctx.desk is None or bool(ctx.desk.people().resolve(name, limit=1))


def _is_party(name: str, ctx: _Context) -> bool:
    """Whether ``name`` names a party, or several (the answer then lists them)."""
    return (
        ctx.desk is None
        or bool(ctx.desk.parties().resolve(name, limit=1))
        or _is_one_party(name, ctx)
    )


def _is_joint(name: str, ctx: _Context) -> bool:
    """A joint combination as the table writes it ("CNRP / Candlelight"), each part a party."""
    parts = name.split("/")
    return len(parts) > 1 and all(part.strip() and _is_one_party(part, ctx) for part in parts)


def _is_one_party(name: str, ctx: _Context, *, kind: str | None = None) -> bool:
    """Whether ``name`` names exactly one party (as /total would find it; of this kind)."""
    if ctx.desk is None:
        return True
    from bot.commands.common import PartyMatch, resolve_party

    found = resolve_party(ctx.desk, name.strip())
    return isinstance(found, PartyMatch) and kind in (None, found.kind)


def _with(command: str, *words: str) -> str:
    return " ".join([command, *(w for w in words if w)])


# ------------------------------------------------------------------- what someone said --

_SAID = re.compile(
    r"^(?:what (?:did|does|do|has|have|had) (?P<a>.+?) (?:say|said|tell \w+|told \w+|state|"
    r"comment|respond|reply)(?P<rest>.*)|"
    r"(?:(?:any|the|all) )?(?:statements?|quotes?|quotations?|comments?|remarks?|words) "
    r"(?:by|from|of) (?P<b>.+)|"
    r"(?:did|has|have) (?P<c>.+?) (?:say|said|comment(?:ed)?|spoken)(?: anything)?(?P<rest2>.*)|"
    r"how did (?P<d>.+?) (?:respond|react|reply)(?P<rest3>.*)|"
    r"what (?:was|were|is|are) (?P<e>.+?)(?:'s|’s) (?:response|reaction|comments?|statements?|"
    r"words|position)(?P<rest4>.*))$",
    _F,
)
_ABOUT_TOPIC = re.compile(r"^\s*(?:about|on|regarding|concerning|of)\s+.+$", _F)
_SPOKESPERSON_OF = re.compile(
    r"^(?:the )?(?:(?P<p>.+?) )?spokes\w+(?: (?:of|for) (?:the )?(?P<q>.+))?$", _F
)


def _said(q: str, ctx: _Context) -> str | None:
    m = _SAID.match(q)
    if not m:
        return None
    name = _strip_articles(next(g for g in (m["a"], m["b"], m["c"], m["d"], m["e"]) if g))
    rest = next((g for g in (m["rest"], m["rest2"], m["rest3"], m["rest4"]) if g), "").strip()
    period: Period | None = None
    if rest:
        try:
            left, period = ctx.split(rest)
        except PeriodError:
            return None
        left = re.sub(r"^(?:in|on|during|since)\s*$", "", left.strip(), flags=_F)
        if left and not _ABOUT_TOPIC.match(left):
            return None
    when = period.label if period else ""
    spokes = _SPOKESPERSON_OF.match(name)
    if spokes and (spokes["p"] or spokes["q"]):
        holder = _spokesperson(spokes["p"] or spokes["q"] or "", ctx)
        return _with("/said", holder, when) if holder else None
    if _is_person(name, ctx) or _is_one_party(name, ctx, kind="party"):
        return _with("/said", name, when)
    return None


def _spokesperson(party: str, ctx: _Context) -> str | None:
    """The one person our data gives as the party's spokesperson, if exactly one."""
    if ctx.desk is None or not _is_one_party(party, ctx):
        return None
    from bot.commands.common import PartyMatch, resolve_party
    from bot.storage.person_lists import everyone_s_roles
    from bot.storage.queries import sources_by_id

    found = resolve_party(ctx.desk, party)
    assert isinstance(found, PartyMatch)
    with ctx.desk.connect() as conn:
        roles = everyone_s_roles(conn, sources_by_id(conn))
    holders = {r.person for r in roles if r.party_id == found.id and "spokes" in r.role.title}
    return holders.pop() if len(holders) == 1 else None


# -------------------------------------------------------------------------- comparisons --

_COMPARE = re.compile(
    r"^(?:(?:please )?(?:compare|contrast|comparison(?: of| between)?|difference between|"
    r"(?:what is|what's) the difference between)\s+(?P<body>.+)|"
    r"how (?:does|did|do) (?P<a>.+?) compare (?:to|with|against) (?P<b>.+)|"
    r"(?P<whole>.+?\s(?:vs\.?|versus|compared (?:to|with))\s.+))$",
    _F,
)
_COMPARE_NOISE = re.compile(
    r"\b(?:the|number of|numbers of|figures? (?:for|of)|totals? (?:for|of)|claimed|claims?|"
    r"defections?|defectors?|reported|side by side|in terms of)\b",
    _F,
)


def _compare(q: str, ctx: _Context) -> str | None:
    m = _COMPARE.match(q)
    if not m:
        return None
    body = m["body"] or m["whole"] or f"{m['a']} vs {m['b']}"
    body = " ".join(_COMPARE_NOISE.sub(" ", body).split())
    from bot.commands.compare import split_sides

    try:
        sides = split_sides(body, ctx.year, ctx.data, is_party=lambda t: _is_one_party(t, ctx))
    except PeriodError:
        return None
    if len(sides) != 2 or not all(_side_ok(s.party_text, ctx) for s in sides):
        return None
    a, b = sides
    label = [s.period.label if s.period else "" for s in sides]
    if label[0] == label[1]:
        return _with("/compare", a.party_text, "vs", b.party_text, label[0])
    if a.party_text.lower() == b.party_text.lower():
        return _with("/compare", a.party_text, label[0], "vs", label[1])
    return _with("/compare", a.party_text, label[0], "vs", b.party_text, label[1])


def _side_ok(party_text: str, ctx: _Context) -> bool:
    return not party_text or _is_one_party(party_text, ctx)


# ----------------------------------------------------------------------------- rankings --

_TOP = re.compile(
    r"\b(?:top|biggest|largest|most|highest|busiest|leading|rank(?:ing|ed)?|greatest|"
    r"heaviest|peak|record|fewest|least)\b",
    _F,
)
_KIND_WORDS = (
    ("claims", r"claims?|reports?|announcements?|single|stories|story|rows?|batch(?:es)?"),
    ("days", r"days?|dates?|when"),
    ("weeks", r"weeks?"),
    ("months", r"months?"),
    ("parties", r"part(?:y|ies)|opposition"),
)
_TOP_COUNT = re.compile(
    r"\b(?:top|the|biggest|largest|busiest) (\d{1,2})\b|"
    r"\b(\d{1,2}) (?:top|biggest|largest|busiest)\b",
    _F,
)
_TOP_NOISE_WORDS = """top biggest largest most highest busiest leading rank ranking ranked greatest
    heaviest peak record which what who whose when was were is are the a an had has have did do does
    lose lost suffered saw see seen with of in on for by by far defections defection defectors
    claimed claim number numbers figure figures ever overall so far total list show me give
    single one ones day days date dates week weeks month months claims reports report rows
    parties party announcements announcement stories story members people biggest-ever
    order sorted sort by from during to there it its been biggest that this opposition
    defected defect left second third fourth fifth fewest least pro-government media fresh
    news"""
_TOP_NOISE = frozenset(_TOP_NOISE_WORDS.split())


def _top(q: str, ctx: _Context) -> str | None:
    if not _TOP.search(q) or _WHO_PERSON.match(q):
        return None
    try:
        rest, period = ctx.split(_TO_CPP.sub(" ", q))
    except PeriodError:
        return None
    count = _TOP_COUNT.search(rest)
    kind = "parties"
    for name, pattern in _KIND_WORDS:
        if re.search(rf"\b(?:{pattern})\b", rest, _F):
            kind = name
            break
    else:
        if re.search(r"\b(?:biggest|largest|single)\s+(?:defection|claim)\b", rest, _F):
            kind = "claims"
    if kind != "parties" and re.search(r"\b(?:fewest|least)\b", rest, _F):
        return None  # /top lists the largest first: only a full ranking of parties shows the least
    words = [w.strip(",;:?!.'’") for w in rest.split()]
    words = [w for w in words if w and w.lower() not in _TOP_NOISE and not w.isdigit()]
    party = " ".join(words)
    if party and not _is_one_party(party, ctx):
        return None
    if party and kind == "parties":
        kind = "claims"  # "Candlelight's biggest" asks for its largest claims
    number = (count[1] or count[2]) if count else ""
    return _with("/top", number, kind, party, period.label if period else "")


# The people readers stay away from questions about one named person.
_WHO_PERSON = re.compile(r"^(?:who (?:is|was)|who's)\s+(?!the\b)\S+\s+\S+$", _F)


# -------------------------------------------------------------------------------- people --

_PEOPLE_LEAD = re.compile(
    r"^(?:who(?:m)?|which (?:people|persons|officials|members|activists|politicians|ones|names|"
    r"defectors)|"
    r"(?:list|name|show|give)(?: me)?(?: all| the| any)* (?:people|persons|officials|members|"
    r"names|activists)|(?:the )?(?:people|persons|anyone|anybody|someone)|"
    r"(?:has|did|have|had|were|was|is|are) (?:any(?:one|body)?|someone|there any (?:people|"
    r"persons|officials))|are there (?:any )?(?:people|persons|officials)|"
    r"how many (?:people|persons|officials|activists))\b(?P<rest>.*)$",
    _F,
)
_PARTY_PEOPLE = re.compile(
    r"^(?:who (?:is|are|was|were) (?:in|with|from|of|members of)|(?:the )?(?:people|persons|"
    r"members|officials|figures|names) (?:of|in|from|linked to|tied to)|who belongs? to|"
    r"which people (?:are|were) (?:in|from|linked to)|(?:list|show|name)(?: me)? (?:all )?"
    r"(?:the )?(?:people|members|officials|names) (?:of|in|from))\s+(?P<party>.+)$",
    _F,
)
_WHICH_OF = re.compile(
    r"^which (?P<party>(?:\S+ ){0,4}?\S+?)(?:'s|’s)? (?:members|officials|activists|people|"
    r"figures|defectors|politicians|leaders)\b(?P<rest>.*)$",
    _F,
)
_PEOPLE_NOISE = re.compile(
    r"\b(?:cambodia|the country|country|abroad|overseas|thailand|so far|ever|already|recently|"
    r"this year|in the data|in your data|do you have|do you know(?: of)?|are there|is there|"
    r"have been|has been|had been|got|were|was|is|are|did|any|anyone|anybody|someone)\b",
    _F,
)


def _people(q: str, ctx: _Context) -> str | None:
    from bot.commands.people import read_people

    if m := _PARTY_PEOPLE.match(q):
        try:
            party, period = ctx.split(_strip_articles(m["party"]))
        except PeriodError:
            return None
        if party and _is_one_party(party, ctx):
            return _with("/people", party, period.label if period else "")
    party_words = ""
    m = _PEOPLE_LEAD.match(q)
    if not m and (of := _WHICH_OF.match(q)):  # "which Candlelight members defected in June"
        m, party_words = of, of["party"]
    if not m:
        return None
    lead = q[: m.start("rest")].lower()
    try:
        asked = read_people(
            f"{party_words} {_PEOPLE_NOISE.sub(' ', m['rest'])}", ctx.year, ctx.data
        )
    except PeriodError:
        return None
    if asked.category is None:
        return None
    if lead.startswith("how many") and asked.category.key in ("defected", "named"):
        return None  # "how many people defected" asks for the claimed figure (/total)
    if asked.category.role and not asked.party_text and _ONE_HOLDER.match(q):
        return None  # "who is the president": of what? Not a guess at every leader.
    if asked.party_text and not _is_one_party(asked.party_text, ctx):
        return None
    return _with(
        "/people",
        asked.category.key,
        asked.party_text,
        asked.period.label if asked.period else "",
    )


_ONE_HOLDER = re.compile(r"^who(?:'s|’s| is| was)\b", _F)

READERS = (
    _help,
    _who_as_of,
    _on,
    _said,
    _compare,
    _people,
    _top,
    _file_or_total,
    _summary,
    _who,
    _catalog,
    _bare,
)
