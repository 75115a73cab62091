"""Party and person names as a Khmer answer shows them: the Khmer spelling where the data has
one, the Latin name beside it where a reader needs to find it again.

>>> from bot.core.i18n import in_language
>>> names = {"Candlelight Party": "គណបក្សភ្លើងទៀន"}
>>> with in_language("km"), using_names(names):
...     named("Candlelight Party"), name("Candlelight Party"), name("Kung Raiya")
('គណបក្សភ្លើងទៀន (Candlelight Party)', 'គណបក្សភ្លើងទៀន', 'Kung Raiya')
>>> with using_names(names):  # an English answer
...     named("Candlelight Party")
'Candlelight Party'

The names come from the database (:mod:`bot.storage.khmer_names`: the first Khmer-script alias
of a party or person, each with its origin), which this layer cannot read: the commands layer
loads them once per Khmer answer and sets them around it with :func:`using_names`. A name with
no Khmer spelling, and every name in an English answer, is shown as it is.

:func:`named` is for a name's first mention (a heading, a ranked row): the Khmer name and the
Latin one in brackets, so that a reader can search the sources for it. :func:`name` is for the
mentions after it and for long lists of rows: the Khmer name alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from bot.core.i18n import current

__all__ = ["joint_name", "loaded", "name", "named", "using_names"]

# Latin name, lower-cased (the claims table writes "Funcinpec", the party list "FUNCINPEC")
# → its Khmer spelling.
_names: ContextVar[Mapping[str, str] | None] = ContextVar("desk_khmer_names", default=None)


@contextmanager
def using_names(names: Mapping[str, str]) -> Iterator[None]:
    """Show ``names`` (Latin name → Khmer spelling) in the answers written inside."""
    token = _names.set({latin.lower(): khmer for latin, khmer in names.items()})
    try:
        yield
    finally:
        _names.reset(token)


def loaded() -> bool:
    """Whether names are set around this code (the commands layer loads them once).

    >>> loaded()
    False
    """
    return _names.get() is not None


def _khmer(latin: str) -> str | None:
    names = _names.get()
    if not names or current() == "en":
        return None
    return names.get(latin.strip().lower())


def name(latin: str) -> str:
    """The name to show after its first mention: its Khmer spelling in a Khmer answer.

    >>> name("Kung Raiya")
    'Kung Raiya'
    """
    return _khmer(latin) or latin


def named(latin: str, *also: str) -> str:
    """A name's first mention: "គណបក្សភ្លើងទៀន (Candlelight Party)" in a Khmer answer;
    ``also`` (acronyms) in the brackets after the Latin name.

    >>> named("Candlelight Party", "CLP")
    'Candlelight Party (CLP)'
    """
    khmer = _khmer(latin)
    if khmer:
        return f"{khmer} ({', '.join([latin, *also])})"
    return f"{latin} ({', '.join(also)})" if also else latin


def joint_name(text: str) -> str:
    """A claim row's party text, each party of a joint row ("A / B") by :func:`name`.

    >>> from bot.core.i18n import in_language
    >>> with in_language("km"), using_names({"Funcinpec": "ហ្វ៊ុនស៊ិនប៉ិច"}):
    ...     joint_name("Funcinpec / Unnamed Parties")
    'ហ្វ៊ុនស៊ិនប៉ិច / Unnamed Parties'
    """
    if _khmer_free():
        return text
    return " / ".join(name(part) for part in text.split(" / "))


def _khmer_free() -> bool:
    return current() == "en" or not _names.get()
