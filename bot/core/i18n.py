"""The language an answer is written in, and its translated strings (gettext catalogs).

>>> _("These are claims, not verified facts.")
'These are claims, not verified facts.'
>>> with in_language("km"):
...     _("These are claims, not verified facts.") != "These are claims, not verified facts."
True
>>> current()
'en'

English is the source language: its strings are the code's own, so an English answer loads no
catalog at all. Khmer comes from ``bot/locale/km/LC_MESSAGES/desk.mo``, compiled with Babel's
``pybabel compile`` from ``desk.po`` (README, "Translations"), loaded on the first Khmer string.

The language is a context variable, set around one answer by :func:`in_language`: the bot
answers in worker threads (``asyncio.to_thread`` copies the context into the thread), so each
answer sees its own chat's language and never another's. Strings kept in module constants are
marked with :func:`N_` (extracted, not translated there) and translated where they are used.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Final, Literal

Language = Literal["en", "km"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "km")
LANGUAGE_NAMES: Final[dict[Language, str]] = {"en": "English", "km": "ខ្មែរ"}
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
DOMAIN: Final = "desk"

_BY_CODE: Final[dict[str, Language]] = {lang: lang for lang in LANGUAGES}
# None: no answer has chosen a language here (English is written); see chosen().
_language: ContextVar[Language | None] = ContextVar("desk_language", default=None)


def language(text: str | None) -> Language | None:
    """A language code as the desk knows it: Telegram's ``language_code`` ("km", "km-KH"),
    DESK_LANGUAGE or ``--lang``; None for any other.

    >>> language("km-KH"), language("EN"), language("fr"), language(None)
    ('km', 'en', None, None)
    """
    if not text:
        return None
    base = text.strip().lower().replace("_", "-").split("-")[0]
    return _BY_CODE.get(base)


def current() -> Language:
    """The language of the answer being written."""
    return _language.get() or "en"


def chosen() -> Language | None:
    """The language chosen around this code by :func:`in_language`, or None when none was
    (the bot looks a chat's language up once per update: the outermost step does)."""
    return _language.get()


@contextmanager
def in_language(lang: Language) -> Iterator[None]:
    """Write everything inside in ``lang``; the language before is restored after."""
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)


@cache
def _catalog(lang: Language) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """``message`` (English, the source) in the current language."""
    lang = _language.get()
    return message if lang is None or lang == "en" else _catalog(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` things in the current language (Khmer has one form).

    >>> ngettext("{n} report", "{n} reports", 2).format(n=2)
    '2 reports'
    """
    lang = _language.get()
    if lang is None or lang == "en":
        return singular if n == 1 else plural
    return _catalog(lang).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant's English text for the catalog; :func:`_` translates it where used.

    >>> N_("Sources:")
    'Sources:'
    """
    return message


class LazyText(str):
    """A constant's English text that is written in the current language wherever it is
    formatted (``f"{CONSTANT}"``, ``str(CONSTANT)``): for constants used in f-strings.

    >>> CAVEAT = lazy("These are claims, not verified facts.")
    >>> with in_language("km"):
    ...     f"{CAVEAT}" == _("These are claims, not verified facts.")
    True
    """

    __slots__ = ()

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def lazy(message: str) -> LazyText:
    """Mark a constant's English text for the catalog, translated wherever it is formatted."""
    return LazyText(message)


# What the Last-Translator header of a catalog says until a Khmer-speaking editor has
# reviewed it and put their name there (README, "Translations").
UNREVIEWED = "UNREVIEWED"


def reviewer(lang: Language) -> str | None:
    """Who reviewed the language's catalog (its Last-Translator header), or None while it is
    an unreviewed draft; English, the source, needs no review.

    >>> reviewer("en")
    'source language'
    >>> reviewer("km") is None  # until an editor has reviewed it
    True
    """
    if lang == "en":
        return "source language"
    who = _catalog(lang).info().get("last-translator", UNREVIEWED)
    return None if who.startswith(UNREVIEWED) else who
