"""``/chart [PARTY] [PERIOD]``: claimed defectors per week as a PNG, stacked by party.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> chart = make_chart(desk, "Candlelight June")
>>> chart.png[:4], chart.filename
(b'\\x89PNG', 'defection-claims-per-week_candlelight-party_june-2023.png')
>>> print(to_plain(chart.caption).splitlines()[0])
Candlelight Party, June 2023: claimed defectors per week

The figures are aggregated in SQL (per day and party), bucketed into Monday–Sunday weeks here,
and drawn with matplotlib's Agg backend (no display, no pyplot state). Rows naming one party are
stacked by party; joint rows ("Candlelight Party / Unnamed Parties") are hatched segments of their
own, never split between or credited to one party. Long spans are drawn per month instead.
"""

from __future__ import annotations

import io
import re
import textwrap
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.commands.common import (
    PartyMatch,
    defector_word,
    outside,
    outside_data,
    reports,
    sampled,
)
from bot.commands.party_period import party_and_period
from bot.core.answer import Answer, bold, fail, italic, number
from bot.core.citations import Citations, citation
from bot.core.claim_text import CLAIM_CAVEAT
from bot.core.formats import digits, month_name, month_year
from bot.core.i18n import _, current, in_language, ngettext
from bot.core.period_text import day_text, range_text, shown
from bot.core.periods import format_range
from bot.core.shown_names import named
from bot.desk import Desk
from bot.storage.day_totals import sums
from bot.storage.models import Claim, ClaimParty, Party
from bot.storage.queries import SourceInfo, cited, data_span, sources_by_id

# Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in greyscale.
PALETTE = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
GREY, LIGHT_GREY, PALE_GREY = "#8C8C8C", "#BDBDBD", "#E0E0E0"
INK, ACCENT = "#222222", "#B2182B"
HATCHES = ("///", "\\\\\\", "xxx", "...")
MAX_PARTY_SEGMENTS = 6  # more stacked colours than this cannot be told apart on a phone
MAX_JOINT_SEGMENTS = 3
MAX_WEEKS = 60  # beyond this, one bar per month
WIDTH_PX = 1080
DPI = 100
CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption

_RENDER_LOCK = threading.Lock()  # matplotlib is not thread-safe; answers run in worker threads


@dataclass
class Segment:
    """One stacked series: a party's own rows, or the joint rows naming one set of parties."""

    label: str
    values: list[int]
    joint: bool = False
    color: str = GREY
    hatch: str | None = None

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class Series:
    """What the chart shows, independent of how it is drawn (also the text answer's content)."""

    heading_name: str  # "Candlelight Party"
    heading_period: str  # "June 2023"
    buckets: list[tuple[date, date]]  # inclusive day spans, oldest first
    per: str  # "week" | "month"
    segments: list[Segment]
    party: PartyMatch | None
    span: tuple[date, date]  # the days asked about, clipped to the data
    period_asked: bool = True
    sources: list[tuple[SourceInfo, str]] = field(default_factory=list)
    sole_total: int = 0
    sole_reports: int = 0
    joint_total: int = 0
    joint_reports: int = 0
    file_heading: str = ""  # the heading in English, for the file's name in every language

    @property
    def totals(self) -> list[int]:
        return [sum(s.values[i] for s in self.segments) for i in range(len(self.buckets))]

    @property
    def heading(self) -> str:
        return f"{self.heading_name}, {self.heading_period}"

    @property
    def partial_ends(self) -> bool:
        """Whether the first or last bar covers days outside the period asked about."""
        first, last = self.buckets[0], self.buckets[-1]
        return self.period_asked and (first[0] < self.span[0] or last[1] > self.span[1])


@dataclass(frozen=True)
class Chart:
    png: bytes
    caption: Answer  # rendered as the photo's caption: keep it under 1,024 characters
    filename: str
    series: Series


def chart_series(desk: Desk, args: str, command: str = "chart") -> Series | Answer:
    """The figures behind ``/chart``, or an answer saying why there are none."""
    read = party_and_period(desk, args, command)
    if isinstance(read, Answer):
        return read
    party, period = read
    with desk.session() as s:
        data = data_span(s)
        if data is None:
            return fail(command, _("The database holds no claims yet. Run `desk load`."))
        start = max(period.start, data[0]) if period else data[0]
        end = min(period.end, data[1]) if period else data[1]
        label = (
            shown(period)
            if period
            else _("all dates in the data ({span})").format(span=range_text(*data))
        )
        with in_language("en"):
            english = period.label if period else _("all dates in the data ({span})").format(
                span=format_range(*data)
            )
        if period is not None and outside(period, data):
            said = _("{period} is outside the data: nothing to chart.").format(
                period=f"{label[:1].upper()}{label[1:]}"
            )
            answer = fail(command, said)
            refs = Citations()
            outside_data(answer, label, data, refs, sources_by_id(s).values())
            refs.write(answer)
            return answer
        buckets, per = _buckets(start, end)
        name = named(party.name) if party else _("All parties")
        series = Series(name, label, buckets, per, [], party, (start, end), period is not None)
        series.file_heading = f"{party.name if party else 'All parties'}, {english}"
        _fill(s, series, start, end)
        if not any(series.totals):
            what = _(" naming {name}").format(name=named(party.name)) if party else ""
            answer = fail(
                command,
                _("The table has no rows{what} in {label}: nothing to chart.").format(
                    what=what, label=label
                ),
            )
            refs = Citations()
            sampled(answer, refs, sources_by_id(s).values())
            refs.write(answer)
            return answer
        found = sums(s, start, end, party_id=party.id if party else None)
        series.sources = cited(sources_by_id(s), found.sources)
    return series


def make_chart(desk: Desk, args: str) -> Chart | Answer:
    series = chart_series(desk, args)
    if isinstance(series, Answer):
        return series
    return Chart(render_png(series), caption(series), _filename(series), series)


def answer_chart(desk: Desk, args: str) -> Answer:
    """``/chart`` where no picture can be shown (``desk ask``, ``desk chat``): the figures."""
    series = chart_series(desk, args)
    if isinstance(series, Answer):
        return series
    answer = Answer(command="chart")
    answer.line(bold(series.heading), _per(series.per))
    segments = series.segments
    for (first, last), total, *values in zip(
        series.buckets, series.totals, *(s.values for s in segments), strict=True
    ):
        shown = [(seg, v) for seg, v in zip(segments, values, strict=True) if v]
        parts = "; ".join(f"{seg.label} {number(v)}" for seg, v in shown)
        if shown and all(seg.joint for seg, _ in shown):
            # What the picture hatches: a figure no party can be credited with alone.
            bare = (seg.label.removesuffix(" (joint)") for seg, _ in shown)
            parts = _("all in joint rows: ") + "; ".join(
                f"{label} {number(v)}" for label, (_, v) in zip(bare, shown, strict=True)
            )
        answer.bullet(
            f"{_bucket_label(first, last, series.per)}: ",
            bold(number(total)),
            f" ({parts})" if len(shown) > 1 or all(seg.joint for seg, _v in shown) else "",
        )
    answer.blank()
    _caption_body(answer, series)
    answer.line(
        _(
            "In Telegram, /chart sends this as a picture; at the command line: "
            "desk chart [PARTY] [PERIOD] -o chart.png"
        )
    )
    return answer


# ---------------------------------------------------------------------------- figures --


def _buckets(start: date, end: date) -> tuple[list[tuple[date, date]], str]:
    monday = start - timedelta(days=start.weekday())
    weeks = []
    while monday <= end:
        weeks.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    if len(weeks) <= MAX_WEEKS:
        return weeks, "week"
    months = []
    first = start.replace(day=1)
    while first <= end:
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        months.append((first, following - timedelta(days=1)))
        first = following
    return months, "month"


def _index_of(buckets: list[tuple[date, date]]) -> dict[date, int]:
    out: dict[date, int] = {}
    for i, (first, last) in enumerate(buckets):
        day = first
        while day <= last:
            out[day] = i
            day += timedelta(days=1)
    return out


def _fill(s: Session, series: Series, start: date, end: date) -> None:
    """Sole rows summed per (day, party) and joint rows per (day, party set), in SQL."""
    where = (Claim.reported_on >= start, Claim.reported_on <= end)
    index = _index_of(series.buckets)
    n = len(series.buckets)
    parties = {p.id: p for p in s.scalars(select(Party))}
    sole: defaultdict[int, list[int]] = defaultdict(lambda: [0] * n)
    q = (
        select(ClaimParty.party_id, Claim.reported_on, func.sum(Claim.number), func.count())
        .join(Claim, Claim.id == ClaimParty.claim_id)
        .where(Claim.party_count == 1, *where)
        .group_by(ClaimParty.party_id, Claim.reported_on)
    )
    if series.party is not None:
        q = q.where(ClaimParty.party_id == series.party.id)
    for party_id, day, total, count in s.execute(q):
        sole[party_id][index[day]] += int(total)
        series.sole_total += int(total)
        series.sole_reports += int(count)
    joint_ids = select(Claim.id).where(Claim.party_count > 1, *where)
    if series.party is not None:
        joint_ids = joint_ids.where(
            Claim.id.in_(select(ClaimParty.claim_id).where(ClaimParty.party_id == series.party.id))
        )
    members: defaultdict[int, list[int]] = defaultdict(list)
    for claim_id, party_id in s.execute(
        select(ClaimParty.claim_id, ClaimParty.party_id)
        .where(ClaimParty.claim_id.in_(joint_ids))
        .order_by(ClaimParty.claim_id, ClaimParty.position)
    ):
        members[claim_id].append(party_id)
    joint: defaultdict[tuple[int, ...], list[int]] = defaultdict(lambda: [0] * n)
    for claim_id, day, value in s.execute(
        select(Claim.id, Claim.reported_on, Claim.number).where(Claim.id.in_(joint_ids))
    ):
        joint[tuple(members[claim_id])][index[day]] += value
        series.joint_total += value
        series.joint_reports += 1
    series.segments = _party_segments(sole, parties, n) + _joint_segments(joint, parties, n)


def short_name(party: Party) -> str:
    """The acronym where the data has one ("CLP"), else the name: legends must stay short."""
    acronyms = [a.alias for a in party.aliases if a.acronym and a.alias != party.name]
    if party.kind == "unnamed":
        return "Party not named"
    if party.kind == "non_party":
        return f"{party.name} (not a party)"
    if acronyms and len(party.name) > 12:
        return f"{party.name} ({acronyms[0]})" if len(party.name) <= 18 else acronyms[0]
    return party.name


def acronym(party: Party) -> str:
    """The shortest fair label: "CLP" for the Candlelight Party, else the short name."""
    acronyms = [a.alias for a in party.aliases if a.acronym and a.alias != party.name]
    return acronyms[0] if acronyms and party.kind == "party" else short_name(party)


def _party_segments(sole: dict[int, list[int]], parties: dict[int, Party], n: int) -> list[Segment]:
    ranked = sorted(sole, key=lambda pid: (parties[pid].kind != "party", -sum(sole[pid])))
    real = [pid for pid in ranked if parties[pid].kind == "party"]
    shown = real[:MAX_PARTY_SEGMENTS]
    rest = [pid for pid in ranked if pid not in shown]
    segments = [
        Segment(short_name(parties[pid]), sole[pid], color=PALETTE[i % len(PALETTE)])
        for i, pid in enumerate(shown)
    ]
    others = [pid for pid in rest if parties[pid].kind == "party"]
    if others:
        values = [sum(sole[pid][i] for pid in others) for i in range(n)]
        others_label = ngettext("{n} other party", "{n} other parties", len(others)).format(
            n=number(len(others))
        )
        segments.append(Segment(others_label, values, color=GREY))
    for pid in rest:
        if parties[pid].kind != "party":
            tone = LIGHT_GREY if parties[pid].kind == "unnamed" else PALE_GREY
            segments.append(Segment(short_name(parties[pid]), sole[pid], color=tone))
    return segments


def _joint_segments(
    joint: dict[tuple[int, ...], list[int]], parties: dict[int, Party], n: int
) -> list[Segment]:
    ranked = sorted(joint, key=lambda ids: -sum(joint[ids]))
    segments = []
    for i, ids in enumerate(ranked[:MAX_JOINT_SEGMENTS]):
        label = " + ".join(acronym(parties[p]) for p in ids) + _(" (joint)")
        segments.append(Segment(label, joint[ids], joint=True, color="#FFFFFF", hatch=HATCHES[i]))
    rest = ranked[MAX_JOINT_SEGMENTS:]
    if rest:
        values = [sum(joint[ids][i] for ids in rest) for i in range(n)]
        segments.append(
            Segment(_("Other joint rows"), values, joint=True, color="#FFFFFF", hatch=HATCHES[-1])
        )
    return [s for s in segments if s.total]


# ---------------------------------------------------------------------------- caption --


def _claimants(series: Series) -> str:
    return "; ".join(
        _("claimed by {who}, tallied in {source}").format(who=who, source=citation(src))
        for src, who in series.sources
    )


def _caption_body(answer: Answer, series: Series) -> None:
    if series.party is not None:
        answer.line(
            _("{total} in {reports} naming {name} alone.").format(
                total=number(series.sole_total),
                reports=reports(series.sole_reports),
                name=series.party.name,
            )
        )
        if series.joint_reports:
            answer.line(
                _(
                    "Hatched: {total} in {rows} naming it with another party (not split "
                    "between parties)."
                ).format(total=number(series.joint_total), rows=_joint_rows(series.joint_reports))
            )
    else:
        total = series.sole_total + series.joint_total
        count = series.sole_reports + series.joint_reports
        answer.line(
            _("{total} {defectors} in {reports}.").format(
                total=number(total), defectors=defector_word(total), reports=reports(count)
            )
        )
        if series.joint_reports:
            answer.line(
                _("Hatched: {rows} ({total}) naming several parties, not split.").format(
                    rows=_joint_rows(series.joint_reports), total=number(series.joint_total)
                )
            )
    if series.partial_ends:
        span = range_text(*series.span)
        answer.line(
            _(
                "Only {span} is counted, so the first or last week is partial. Weeks run "
                "Monday–Sunday."
            ).format(span=span)
            if series.per == "week"
            else _("Only {span} is counted, so the first or last month is partial.").format(
                span=span
            )
        )
    claimants = _claimants(series)
    answer.line(italic(f"{claimants[:1].upper()}{claimants[1:]}. {CLAIM_CAVEAT}"))


def _per(per: str) -> str:
    return (
        _(": claimed defectors per week") if per == "week" else _(": claimed defectors per month")
    )


def _joint_rows(n: int) -> str:
    return ngettext("{n} joint row", "{n} joint rows", n).format(n=number(n))


def caption(series: Series) -> Answer:
    answer = Answer(command="chart")
    answer.line(bold(series.heading), _per(series.per))
    _caption_body(answer, series)
    from bot.core.render import to_plain

    if len(to_plain(answer)) > CAPTION_LIMIT:  # many sources: name the first, count the rest
        src, who = series.sources[0]
        answer.lines[-1] = (
            italic(
                ngettext(
                    "Claimed by {who} and others; tallied in {source} and {n} other source.",
                    "Claimed by {who} and others; tallied in {source} and {n} other sources.",
                    len(series.sources) - 1,
                ).format(who=who, source=citation(src), n=number(len(series.sources) - 1))
                + f" {CLAIM_CAVEAT}"
            ),
        )
    return answer


def _bucket_label(first: date, last: date, per: str) -> str:
    if per == "month":
        return month_year(first)
    return _("week of {day}").format(day=day_text(first))


def _filename(series: Series) -> str:
    return f"defection-claims-per-{series.per}_{slug(series.file_heading or series.heading)}.png"


def slug(text: str) -> str:
    """
    >>> slug("Candlelight Party, 1 May – 15 June 2023")
    'candlelight-party_1-may-15-june-2023'
    >>> slug("CNRP, since 1 May 2023 (the data ends on 30 June 2023)")  # a period's note goes
    'cnrp_since-1-may-2023'
    """
    text = re.sub(r" ?\(the [^()]*\)", "", text).replace("–", "-").replace("—", "-")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in ascii_text.split(",")]
    return "_".join(p for p in parts if p)[:120] or "claims"


# ---------------------------------------------------------------------------- drawing --


def _tick(first: date, per: str) -> str:
    if current() != "en":  # Khmer has no short month names: the full name, and the digits
        if per == "month":
            return month_year(first)
        return f"{digits(first.day)} {month_name(first.month)}"
    return first.strftime("%b %Y") if per == "month" else f"{first.day} {first:%b}"


def render_png(series: Series) -> bytes:
    """A portrait PNG, 1,080 px wide: weeks top to bottom, bars stacked left to right."""
    with _RENDER_LOCK, _text_style():
        return _render(series)


@contextmanager
def _text_style() -> Iterator[None]:
    """Khmer pictures are drawn in Noto Sans Khmer, from the font package the desk installs
    (fontpkg-noto-sans-khmer), shaped by matplotlib's text layout (libraqm: subscript
    consonants and vowels placed as the script needs; tests/test_khmer_chart.py checks the
    glyphs against HarfBuzz's). English pictures are drawn as before."""
    if current() == "en":
        yield
        return
    from matplotlib import rc_context

    with rc_context({"font.family": [_khmer_font(), "DejaVu Sans"], "text.language": "km"}):
        yield


@cache
def _khmer_font() -> str:
    """Register the packaged Khmer font with matplotlib; its family name."""
    import logging

    from fontpkg_noto_sans_khmer import FAMILY, ROOT
    from matplotlib import font_manager

    for path in sorted(ROOT.glob("files/*.ttf")):
        font_manager.fontManager.addfont(str(path))
    # The package's one variable font has no separate bold: bold words are drawn in its
    # regular weight, which matplotlib would otherwise log at every bold text.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    return str(FAMILY)


def _render(series: Series) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    rows = len(series.buckets)
    dense = rows > 30
    heading = (
        [series.heading]
        if len(series.heading) <= 50
        else [
            *textwrap.wrap(series.heading_name, 50),
            *textwrap.wrap(series.heading_period[:1].upper() + series.heading_period[1:], 50),
        ]
    )
    cites = "; ".join(dict.fromkeys(citation(src) for src, _ in series.sources))
    notes = []
    if any(seg.joint for seg in series.segments):
        notes.append(_("Hatched: joint rows naming several parties, never split between them."))
    if series.per == "week":
        notes.append(_("Weeks run Monday to Sunday."))
    if series.partial_ends:
        notes.append(
            _("Only {span} is counted: the first or last bar is partial.").format(
                span=range_text(*series.span)
            )
        )
    footer = textwrap.wrap(" ".join(notes), 70) + textwrap.wrap(_("Source: ") + cites, 70)
    # Layout in inches from the top (100 dpi: 1 in = 100 px); type sizes that stay legible
    # when Telegram shrinks the 1,080 px picture to a phone's width.
    row_h = 0.62 if rows <= 12 else 0.46 if rows <= 30 else 0.32
    head = 1.2 + 0.42 * len(heading) + 0.75
    columns = 2 if max(len(seg.label) for seg in series.segments) <= 28 else 1
    legend_h = 0.42 * -(-len(series.segments) // columns) + 0.3
    plot_top = head + legend_h + 0.45
    plot_h = max(2.6, rows * row_h)
    height = plot_top + plot_h + 1.0 + 0.34 * len(footer) + 0.75
    fig = Figure(figsize=(WIDTH_PX / DPI, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    x0 = 0.045
    fig.text(
        x0,
        y(0.35),
        _("Claimed defectors per week")
        if series.per == "week"
        else _("Claimed defectors per month"),
        fontsize=34,
        fontweight="bold",
        color=INK,
        va="top",
    )
    fig.text(x0, y(1.2), "\n".join(heading), fontsize=24, color=INK, va="top", linespacing=1.25)
    fig.text(
        x0,
        y(head - 0.6),
        _("Claims by pro-government media, not verified"),
        fontsize=22,
        color=ACCENT,
        fontweight="bold",
        va="top",
    )
    handles = [
        Patch(
            facecolor=seg.color,
            edgecolor=INK if seg.joint else seg.color,
            hatch=seg.hatch,
            linewidth=1.2 if seg.joint else 0,
            label=seg.label,
        )
        for seg in series.segments
    ]
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(x0 - 0.008, y(head + 0.1)),
        ncol=columns,
        fontsize=20,
        frameon=False,
        columnspacing=1.5,
        handlelength=1.8,
        handleheight=1.0,
        labelspacing=0.35,
        borderaxespad=0,
        borderpad=0,
    )

    left, right = 0.17, 0.93
    ax = fig.add_axes((left, y(plot_top + plot_h), right - left, plot_h / height))
    lefts = [0] * rows
    for seg in series.segments:
        shown = [i for i, v in enumerate(seg.values) if v]  # no hairlines for empty weeks
        ax.barh(
            shown,
            [seg.values[i] for i in shown],
            left=[lefts[i] for i in shown],
            height=0.74,
            color=seg.color,
            hatch=seg.hatch,
            edgecolor=INK if seg.joint else "white",
            linewidth=1.0 if seg.joint else 0.6,
        )
        lefts = [a + b for a, b in zip(lefts, seg.values, strict=True)]
    totals = series.totals
    peak = max(totals) or 1
    ax.set_xlim(0, peak * 1.18)
    ax.set_ylim(rows - 0.5, -0.5)  # oldest at the top: read down like a timeline
    value_size = 14 if dense else 19
    for pos, total in enumerate(totals):
        ax.text(
            total + peak * 0.015,
            pos,
            number(total),
            va="center",
            ha="left",
            fontsize=value_size,
            color=INK if total else "#9A9A9A",
            fontweight="bold" if total else "normal",
        )
    ax.set_yticks(range(rows), [_tick(first, series.per) for first, _ in series.buckets])
    ax.tick_params(axis="y", labelsize=15 if dense else 20, length=0, pad=8, colors=INK)
    ax.tick_params(axis="x", labelsize=17, colors="#555555")
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(int(v))))
    ax.grid(axis="x", color="#E3E3E3", linewidth=1)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#999999")
    ax.set_xlabel(_("claimed defectors"), fontsize=18, color="#555555")
    fig.text(
        left - 0.012,
        y(plot_top - 0.08),
        _("Week of") if series.per == "week" else _("Month"),
        fontsize=16,
        color="#555555",
        ha="right",
        va="bottom",
    )

    fig.text(
        x0,
        y(plot_top + plot_h + 1.0),
        "\n".join(footer),
        fontsize=17,
        color="#444444",
        va="top",
        linespacing=1.3,
    )
    fig.text(
        0.955,
        0.25 / height,
        "Defection Desk",
        fontsize=15,
        color="#999999",
        ha="right",
        va="bottom",
    )
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()
