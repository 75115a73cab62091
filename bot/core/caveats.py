"""The caveats, in one place: what every figure must be read with, in each language.

>>> from bot.core.i18n import in_language
>>> f"{CLAIM_CAVEAT}"
'These are claims, not verified facts.'
>>> mismatch("[1]", "6,473", "6,476")
'Caveat: the text of [1] states 6,473 defections; its table rows add up to 6,476.'
>>> with in_language("km"):
...     "៦.៤៧៦" in mismatch("[1]", "៦.៤៧៣", "៦.៤៧៦")
True

These are the sentences a wrong translation would do most harm with: that the figures are
claims, not verified; that a joint row gives one figure for several parties and is never split
or counted twice; that the analysis's text and its table disagree (its text says 6,473, its
table's rows add up to 6,476). A
Khmer-speaking editor reviewing the catalog should check these first (README, "Translations");
their entries in ``bot/locale/km/LC_MESSAGES/desk.po`` carry the comment "CAVEAT".
"""

from __future__ import annotations

from bot.core.i18n import _, lazy, ngettext

# CAVEAT: the desk's first rule. "Claims" are announcements by pro-government media.
CLAIM_CAVEAT = lazy("These are claims, not verified facts.")


def claimed_by(claimant: str, ref: str) -> str:
    """Who made the claims behind a figure, and where they were tallied."""
    # CAVEAT: {claimant} is who announced the defections; {ref} the source's number, "[1]".
    return _("Claimed by {claimant}; tallied in {ref}.").format(claimant=claimant, ref=ref)


def mismatch(ref: str, stated: str, summed: str) -> str:
    """A source whose text states one total and whose table adds up to another."""
    # CAVEAT: the analysis's text states 6,473; its table's rows add up to 6,476.
    return _(
        "Caveat: the text of {ref} states {stated} defections; its table rows add up to {summed}."
    ).format(ref=ref, stated=stated, summed=summed)


def mismatch_kept(stated: str, summed: str, ref: str) -> str:
    """/about's line on the same mismatch: both numbers are shown, the table kept as published."""
    # CAVEAT: the 6,473 (text) against 6,476 (table) mismatch, as /about explains it.
    return _(
        "The analysis's text states {stated} defections, but its own table adds up to "
        "{summed} {ref}. We keep the table as published and show both numbers."
    ).format(stated=stated, summed=summed, ref=ref)


def joint_not_split() -> str:
    """Under a joint combination's figure (/total A / B)."""
    # CAVEAT: a joint row gives ONE figure for several parties together.
    return _(
        "Each row gives one figure for these parties together: it is not split between "
        "them, and /total of either party lists it apart from that party's own figure."
    )


def joint_apart(n: int, reports: str, party: str, total: str) -> str:
    """Under one party's own figure: the ``n`` joint rows naming it, not included in it."""
    # CAVEAT: {reports} is e.g. "3 reports"; the joint rows are NOT in the party's figure.
    return ngettext(
        "Separately, {reports} names {party} jointly with another party, totalling {total}. "
        "Those figures are not broken down by party and are not included above:",
        "Separately, {reports} name {party} jointly with another party, totalling {total}. "
        "Those figures are not broken down by party and are not included above:",
        n,
    ).format(reports=reports, party=party, total=total)


def joint_in_all(n: int, total: str, reports: str) -> str:
    """In the all-parties figure: how much of it is in the ``n`` joint rows."""
    # CAVEAT: part of the whole figure is in rows naming several parties together.
    return ngettext(
        "{total} of them in {reports} that names several parties jointly (not split between them)",
        "{total} of them in {reports} that name several parties jointly (not split between them)",
        n,
    ).format(total=total, reports=reports)


def joint_never_split(n: int, reports: str, people: str) -> str:
    """/about's line on the ``n`` joint rows."""
    # CAVEAT: "Candlelight Party / Unnamed Parties" is a row of the table, kept as it is.
    return ngettext(
        "{reports} ({people}) names two parties for one figure, e.g. “Candlelight Party / "
        "Unnamed Parties”. We never split these or credit them to one party.",
        "{reports} ({people}) name two parties for one figure, e.g. “Candlelight Party / "
        "Unnamed Parties”. We never split these or credit them to one party.",
        n,
    ).format(reports=reports, people=people)


def not_verified() -> str:
    """/about's first line."""
    # CAVEAT: nobody at the desk has verified the claims.
    return _(
        "Claims, not facts: almost every figure is a defection announced by pro-government "
        "media, chiefly Fresh News, as tallied by an analysis of those reports. Nobody here "
        "has verified them."
    )
