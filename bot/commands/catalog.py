"""``/parties``, ``/sources``, ``/about``, ``/help`` and ``/start``: what the data holds and is.

>>> from bot.desk import Desk
>>> from bot.core.render import to_plain
>>> desk = Desk.open("sqlite://")
>>> "6,473" in to_plain(answer_about(desk))
True
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from bot.commands.common import defectors, joined_party_id, people, reports
from bot.commands.language import review_note
from bot.commands.who import write_disagreement
from bot.core.answer import Answer, Part, Span, bold, italic, number, plural
from bot.core.caveats import (
    claimed_by,
    joint_never_split,
    mismatch_kept,
    not_verified,
)
from bot.core.citations import Citations, citation, partial_date_label
from bot.core.claim_text import CLAIM_CAVEAT
from bot.core.formats import digits
from bot.core.i18n import N_, _, ngettext
from bot.core.period_text import range_text
from bot.core.shown_names import name, named
from bot.desk import Desk
from bot.storage.claim_sources import outlet_counts
from bot.storage.day_totals import NO_CLAIMS, Sums, kinds, party_sums, source_sums
from bot.storage.queries import (
    Sum,
    data_span,
    not_joining,
    party_infos,
    sources_by_id,
    stated_mismatches,
)
from bot.storage.source_notes import disagreements_about, group_events
from bot.storage.tables import party_aliases


# The bot's description (shown in an empty chat) and short description (its profile), set in
# every language the desk answers in (handlers/app.py).
def answer_help(commands: Sequence[tuple[str, str]]) -> Answer:
    """/help: ``commands`` are (usage, what it does), from bot.commands.registry.help_lines."""
    answer = Answer(command="help")
    answer.line(
        bold("Defection Desk"),
        _(
            " answers questions about defections to Cambodia's ruling party claimed in "
            "pro-government media, January–June 2023."
        ),
    )
    answer.blank()
    for usage, what in commands:
        answer.line(bold(usage), f" — {_(what)}")
    answer.blank()
    answer.line(
        _(
            "Dates are day first (29/06/2023). Names may be spelled loosely: /who kung raya "
            "finds Kung Raiya. /who NAME as of DATE gives their status on that day."
        )
    )
    answer.line(
        _(
            "Or just ask: “how many Candlelight defections in June?”, “who is Kung Raiya”. "
            "Party names in Khmer script work too (/total ភ្លើងទៀន)."
        )
    )
    answer.line(_("Answers in English or Khmer: /language."))
    answer.line(
        italic(_("Every figure is a claim with its source. {caveat}").format(caveat=CLAIM_CAVEAT))
    )
    answer.line(
        _(
            "Desk admins can also /add a claim, send a table file, /undo their last change; "
            "/changes lists every change."
        )
    )
    return answer


def answer_start(commands: Sequence[tuple[str, str]]) -> Answer:
    answer = Answer(command="start")
    answer.line(
        _(
            "Hello! I answer journalists' questions about claimed political defections in "
            "Cambodia, with the source of every figure."
        )
    )
    answer.blank()
    answer.extend(answer_help(commands))
    return answer


# Each party's acronyms, in the order they were stored (as /parties lists them).
_ACRONYMS = (
    select(party_aliases.c.party_id, party_aliases.c.alias)
    .where(party_aliases.c.acronym)
    .order_by(party_aliases.c.id)
)


def answer_parties(desk: Desk) -> Answer:
    answer = Answer(command="parties")
    refs = Citations()
    with desk.connect() as conn:
        sources = sources_by_id(conn)
        parties = list(party_infos(conn).values())
        acronyms_of: dict[int, list[str]] = {}
        for party_id, alias in conn.execute(_ACRONYMS):
            acronyms_of.setdefault(party_id, []).append(alias)
        figures = party_sums(conn)
        none = Sum(0, 0)
        joint_counts = {p.id: figures[p.id].joint.reports for p in parties if p.id in figures}
        sole = {p.id: figures[p.id].sole if p.id in figures else none for p in parties}
        tallied = source_sums(conn)
        with_rows = sorted(tallied)
        joined = next((p for p in parties if p.id == joined_party_id(conn)), None)
        answer.line(
            bold(_("Former parties in the claims")),
            _(" (rows naming the party alone; joint rows counted separately)"),
        )
        ordered = sorted(parties, key=lambda p: (p.kind != "party", -sole[p.id].total, p.name))
        for p in ordered:
            if p is joined and p.id not in figures:  # listed apart below, as the party joined
                continue
            if not sole[p.id].reports and not joint_counts.get(p.id):
                continue  # in the party list (for intake) but in no claim: no former party yet

            acronyms = [a for a in acronyms_of.get(p.id, ()) if a != p.name]
            name = named(p.name, *acronyms)
            parts: list[Part] = [
                bold(name),
                ": ",
                number(sole[p.id].total),
                _(" in {reports}").format(reports=reports(sole[p.id].reports)),
            ]
            if joint_counts.get(p.id):
                parts.append(
                    _("; also in {reports} jointly").format(reports=reports(joint_counts[p.id]))
                )
            if p.kind == "non_party":
                parts.append(_(" — not a party"))
            elif p.kind == "unnamed":
                parts.append(_(" — party not named in the reports"))
            if p.dissolved:
                parts.append(_(" — dissolved {year}").format(year=digits(p.dissolved)))
            answer.bullet(*parts)
        if joined is not None:
            elsewhere = not_joining(conn, joined.id, None, None)
            every = sum(t.total for t in tallied.values()) - elsewhere.total
            count = sum(t.reports for t in tallied.values()) - elsewhere.reports
            acronyms = [a for a in acronyms_of.get(joined.id, ()) if a != joined.name]
            answer.blank()
            answer.line(bold(_("The party joined")))
            answer.bullet(
                bold(named(joined.name, *acronyms)),
                _(": every claim is a claimed defection to it — {total} in {reports}").format(
                    total=number(every), reports=reports(count)
                )
                if not elsewhere.reports
                else _(
                    ": {total} claimed defectors to it in {reports}; {apart} of people who "
                    "went elsewhere or nowhere apart"
                ).format(
                    total=number(every),
                    reports=reports(count),
                    apart=reports(elsewhere.reports),
                ),
            )
        answer.blank()
        for src in (sources[sid] for sid in with_rows):
            claimant = src.claimant or _("the source")
            answer.line(italic(f"{claimed_by(claimant, refs.ref(src))} {CLAIM_CAVEAT}"))
        refs.write(answer)
    return answer


def answer_sources(desk: Desk) -> Answer:
    answer = Answer(command="sources")
    with desk.connect() as conn:
        tallied = source_sums(conn)
        answer.line(bold(_("Where the data comes from")))
        for src in sorted(sources_by_id(conn).values(), key=lambda src: src.id):
            answer.blank()
            answer.line(
                bold(src.outlet),
                f" — {src.kind}, {partial_date_label(src.published, src.published_precision)}",
            )
            answer.line(f"“{src.title}”")
            answer.line(src.description)
            if src.attribution_note:
                answer.line(italic(src.attribution_note))
            if src.coverage_note:
                answer.line(italic(src.coverage_note))
            if src.id in tallied:
                rows = tallied[src.id].reports
                line = _("Table: {rows}, adding up to {defectors}").format(
                    rows=ngettext("{n} row", "{n} rows", rows).format(n=number(rows)),
                    defectors=defectors(tallied[src.id].total),
                )
                if src.stated_total is not None and src.stated_total != tallied[src.id].total:
                    line += _(" (its text says {n})").format(n=number(src.stated_total))
                answer.line(line + _("; claims made by {claimant}.").format(claimant=src.claimant))
            answer.line(_("Cite as: "), citation(src))
        outlets = outlet_counts(conn)
    if outlets:
        answer.blank()
        answer.line(bold(_("Outlets of the reports added through intake")))
        for outlet, count, link in outlets:
            latest: list[Part] = [_(", latest: "), Span(link, "a", link)] if link else []
            answer.bullet(f"{outlet} — {plural(count, 'claim')}", *latest)
    return answer


def answer_about(desk: Desk) -> Answer:
    answer = Answer(command="about")
    refs = Citations()
    with desk.connect() as conn:
        span = data_span(conn)
        answer.line(bold(_("What this data is — and is not")))
        review_note(answer)  # a Khmer /about says first that its translation is a draft
        answer.bullet(not_verified())
        if span:
            answer.bullet(_("It covers reports dated {span}.").format(span=range_text(*span)))
        sources = sources_by_id(conn)
        for src in sources.values():
            if src.coverage == "sample" and src.coverage_note:
                answer.bullet(src.coverage_note, " ", refs.ref(src))
        for src, stated, summed in stated_mismatches(conn):
            answer.bullet(mismatch_kept(number(stated), number(summed), refs.ref(src)))
        by_kind = kinds(conn, None, None, None, "unnamed", "non_party")
        joint = by_kind.get(None, NO_CLAIMS).joint
        if joint.reports:
            answer.bullet(
                joint_never_split(joint.reports, reports(joint.reports), people(joint.total))
            )
        # Only rows naming nothing else: a joint row with "Unnamed Parties" names a party too.
        unnamed = by_kind.get("unnamed", NO_CLAIMS).sole
        if unnamed.reports:
            answer.bullet(
                ngettext(
                    "{reports} ({people}) does not name the party at all.",
                    "{reports} ({people}) do not name the party at all.",
                    unnamed.reports,
                ).format(reports=reports(unnamed.reports), people=people(unnamed.total))
            )
        non_party = by_kind.get("non_party", NO_CLAIMS).sole
        if non_party.reports:
            answer.bullet(
                ngettext(
                    "{reports} is about someone outside any party, e.g. a “Political Analyst”.",
                    "{reports} are about someone outside any party, e.g. a “Political Analyst”.",
                    non_party.reports,
                ).format(reports=reports(non_party.reports))
            )
        for p in sorted(party_infos(conn).values(), key=lambda p: p.id):
            if not p.dissolved:
                continue
            answer.bullet(
                _(
                    "The {name} was dissolved in {year}, so the real affiliation of people "
                    "later reported as its defectors is unclear."
                ).format(name=name(p.name), year=digits(p.dissolved))
            )
        answer.bullet(
            _(
                "Reports often call defectors “activists” without saying whether they "
                "were officials, organisers or simply voters."
            )
        )
        answer.bullet(
            _(
                "Independent reporting (e.g. CamboJA) describes pressure and threats "
                "behind some defections; /who shows what the sources say about each person."
            )
        )
        unnamed_events = group_events(conn, sources)
        disputes = disagreements_about(conn, None, sources)
        names = {p.id: p.name for p in party_infos(conn).values()}
        party_figures = party_sums(conn)
        for g in unnamed_events:
            when = partial_date_label(g.date_text, g.precision)
            claim = (
                _(", claimed by {who}").format(who=g.claimed_by) if g.reported_as == "claim" else ""
            )
            answer.bullet(
                _("Reported without names: {what} ({when}) ").format(
                    what=f"{g.summary[:1].lower()}{g.summary[1:]}", when=f"{when}{claim}"
                ),
                refs.ref(g.source),
            )
        if disputes:
            answer.blank()
            answer.line(bold(_("Where the sources disagree")))
        for d in disputes:
            figures = (
                []
                if d.party_id is None
                else [_table_figures(names[d.party_id], party_figures.get(d.party_id, NO_CLAIMS))]
            )
            write_disagreement(answer, d, refs, *figures)
        refs.write(answer)
    return answer


def _table_figures(name: str, figures: Sums) -> str:
    """What the claims table itself adds up to for a party: alone, and in joint rows."""
    sole, joint = figures.sole, figures.joint
    line = _(
        "Our figures from the claims table: {total} in {reports} naming the {name} alone"
    ).format(total=number(sole.total), reports=reports(sole.reports), name=name)
    if joint.reports:
        # CAVEAT: joint rows are never split between parties.
        line += _(
            ", and {total} in {reports} naming it jointly with another party (never split, "
            "so not its own)"
        ).format(total=number(joint.total), reports=reports(joint.reports))
    return line + "."


# The bot's profile on Telegram (set at every start): the description shows in an empty chat
# with the bot, the short one on its profile and when it is shared.
BOT_DESCRIPTION = N_(
    "Ask about political defections in Cambodia as pro-government media announced them: how "
    "many, from which party, who, when. Every figure says who claimed it and cites its "
    "source: claims, not verified facts. Try /who Kung Raiya or /total Candlelight June, or "
    "ask in words; /about says what the data is and is not."
)
BOT_SHORT_DESCRIPTION = N_(
    "Claimed political defections in Cambodia, each figure with who claimed it and its "
    "source: claims, not verified."
)
