"""Every failure the desk explains in words: one tree, one root.

>>> from bot.core.periods import parse_day
>>> try:
...     parse_day("31/06/2023", default_year=2023)
... except DeskError as exc:
...     print(f"{type(exc).__name__} (exit {exc.exit_code}): {exc}")
PeriodError (exit 1): 31/06/2023 is not a date: June 2023 has 30 days.

The tree, with the exit status ``desk`` gives each (every class is defined here; the modules
that raise them import them from here)::

    DeskError              the root: its message says what went wrong and what would work
    ├── InputError         problems in a file (data, an upload, a backup), each at file:line;
    │                      nothing was applied                                          exit 1
    ├── ParseError         words typed to a command cannot be read; the message is for the
    │   │                  user as it is (also a ValueError)                            exit 1
    │   ├── PeriodError    a date, range or period: "31/06/2023", "Q5"
    │   └── ScheduleError  the /subscribe arguments: "25:00", "Mars/Olympus"
    ├── FileAccessError    a file to read or write cannot be opened (path and reason)   exit 1
    ├── PageError          a page sent by link cannot be read as a report: not http(s), an
    │                      address inside the network, too slow, too big, not HTML, no
    │                      article text (bot/ingest/intake/pages.py)                    exit 1
    ├── SettingsError      bad settings; names every bad variable (Telegram rejecting the
    │                      token is one)                                               exit 2
    ├── StorageError       the database cannot be used as it is: it does not answer, a
    │                      command that needs it set up finds it never was, or its schema
    │                      is not the one this code expects                            exit 2
    └── ServiceError       the bot cannot start on Telegram: the Bot API does not answer,
                           refuses what the bot asks at start, or the webhook's address
                           cannot be listened on                                       exit 2

The ``desk`` command prints one of these as one clear line (``desk: ...``, an InputError's
problems below it) and exits with its status; the Telegram error handler sends a chat
:meth:`DeskError.chat_text`, or a short apology for what should not be shown there.
:func:`explained` also translates the outside failures the desk knows how to put in words
(the database server does not answer; PostgreSQL's driver is not installed; the operating
system refuses a file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

__all__ = [
    "DeskError",
    "FileAccessError",
    "InputError",
    "PageError",
    "ParseError",
    "PeriodError",
    "Problem",
    "ScheduleError",
    "ServiceError",
    "SettingsError",
    "StorageError",
    "explained",
]


class DeskError(Exception):
    """The root of every failure the desk explains; never raised itself.

    ``exit_code`` is what ``desk`` exits with when one reaches it.
    """

    exit_code: ClassVar[int] = 1

    def chat_text(self, _: Callable[[str], str] = str) -> str | None:
        """What a Telegram chat may be shown, or None for the handler's general apology.
        ``_`` translates the fixed words into the chat's language (bot.core.i18n's, which
        this module, below every layer, cannot import)."""
        return None


# ----------------------------------------------------------------------------- input files --


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in an input file.

    >>> str(Problem("data/claims/x.txt", 12, "31/06/2023 is not a date: June 2023 has 30 days."))
    'data/claims/x.txt:12: 31/06/2023 is not a date: June 2023 has 30 days.'
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class InputError(DeskError):
    """One or more problems in input files; nothing was applied.

    >>> print(InputError([Problem("a.txt", 2, "unknown party 'X'"), Problem("b", None, "empty")]))
    a.txt:2: unknown party 'X'
    b: empty
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def chat_text(self, _: Callable[[str], str] = str) -> str:
        # The files are the admin's own uploads or lines: what is wrong in them is theirs to see.
        # The problems' own lines (file:line: ...) stay as the loader writes them, in English.
        return _("Nothing was changed; the input has problems:") + f"\n{self}"


# ------------------------------------------------------------------------- words typed in --


class ParseError(DeskError, ValueError):
    """The words typed to a command cannot be read; the message says what would work.

    A ValueError too, so code that reads several kinds of text can catch them all as one.
    Messages quote the user's input: escape them for HTML.
    """

    def chat_text(self, _: Callable[[str], str] = str) -> str:
        return str(self)  # written in the answer's language where it was raised


class PeriodError(ParseError):
    """The text could not be read as the date or period asked for (raised by bot.core.periods).

    >>> from bot.core.periods import parse_day
    >>> try:
    ...     parse_day("31/06/2023", default_year=2023)
    ... except PeriodError as e:
    ...     print(e)
    31/06/2023 is not a date: June 2023 has 30 days.

    The message is plain English for the user and says what was wrong or what would work.
    """


class ScheduleError(ParseError):
    """The /subscribe arguments could not be read (raised by bot.delivery.weekly).

    >>> from bot.delivery.weekly import parse_schedule
    >>> parse_schedule("25:00", default_timezone="UTC")
    Traceback (most recent call last):
    bot.errors.ScheduleError: 25:00 is not a time of day; use HH:MM, e.g. 09:00.
    """


# --------------------------------------------------------------------- files and set-up --


class FileAccessError(DeskError):
    """A file the command reads or writes cannot be opened or written.

    >>> print(FileAccessError("/backups/desk.json", "write", "Permission denied"))
    cannot write /backups/desk.json: Permission denied
    """

    def __init__(self, path: str, action: str, reason: str) -> None:
        self.path, self.action, self.reason = path, action, reason
        super().__init__(f"cannot {action} {path}: {reason}")


class PageError(DeskError):
    """A linked page cannot be read as a report; the message says why, for the one who sent it.

    >>> PageError("ftp://example.org/a is not a web page link (http:// or https://).").exit_code
    1
    """

    def chat_text(self, _: Callable[[str], str] = str) -> str:
        return str(self)  # the page's problem, in the words pages.py gives it


class SettingsError(DeskError):
    """A setting has a bad value; the message names each bad variable (raised by bot.settings)."""

    exit_code = 2


class StorageError(DeskError):
    """The database cannot be used as it is; the message says why and what to run.

    >>> StorageError("the database does not answer (connection refused)").exit_code
    2
    """

    exit_code = 2

    def chat_text(self, _: Callable[[str], str] = str) -> str:
        # The operator's details (host names, paths) are not for the chat.
        return _("Sorry, the desk's database is not answering right now. Please try again later.")


class ServiceError(DeskError):
    """The bot cannot start on Telegram; the message says why and what to check.

    >>> ServiceError("cannot reach Telegram's Bot API at https://api.telegram.org").exit_code
    2
    """

    exit_code = 2


def explained(error: BaseException | None) -> DeskError | None:
    """``error`` as a DeskError: itself, or the words for an outside failure the desk knows.

    >>> explained(PeriodError("Q5 is not a period.")).chat_text()
    'Q5 is not a period.'
    >>> explained(ModuleNotFoundError("No module named 'psycopg'", name="psycopg"))
    StorageError("PostgreSQL needs the psycopg driver (pip install -e '.[postgres]')")
    >>> print(explained(PermissionError(13, "Permission denied", ".env")))
    cannot use .env: Permission denied
    >>> explained(KeyError("x")) is None
    True
    """
    if isinstance(error, DeskError):
        return error
    if isinstance(error, OSError) and error.filename is not None:
        # The operating system refused a file the command reached (a settings file it may
        # not read, a folder it may not write): the file's, not the code's, problem.
        return FileAccessError(str(error.filename), "use", error.strerror or str(error))
    if isinstance(error, ModuleNotFoundError) and (error.name or "").startswith("psycopg"):
        return StorageError(
            "PostgreSQL needs the psycopg driver (pip install -e '.[postgres]')"
        )
    from sqlalchemy.exc import OperationalError  # here: bot.core imports this module

    if isinstance(error, OperationalError):
        reason = getattr(error, "orig", None) or error
        first = (str(reason).strip().splitlines() or [type(reason).__name__])[0]
        return StorageError(f"cannot use the database ({first}); check DESK_DATABASE_URL")
    return None

