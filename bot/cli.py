"""The ``desk`` command: ask, chat, run the bot, and look after the data.

>>> import os
>>> from unittest import mock
>>> in_memory = mock.patch.dict(os.environ, {"DESK_DATABASE_URL": "sqlite://"})
>>> with in_memory:  # a fresh database: the bundled data is loaded first
...     main(["ask", "/on 26/06/2023"])  # doctest: +ELLIPSIS
Claims reported on 26 June 2023: 4 reports, 1,201 claimed defectors
...
0
>>> with in_memory:
...     main(["ask", "/frobnicate"])  # doctest: +ELLIPSIS
I don't know /frobnicate...
1
>>> import contextlib, io
>>> with contextlib.redirect_stderr(io.StringIO()) as said:
...     status = _report(StorageError("the database does not answer"), None)
>>> print(status, said.getvalue(), end="")
2 desk: the database does not answer

Run ``desk --help`` for the list. A failure is one clear line (``desk: ...``), never a
traceback, and the exit status says what kind (README, "Exit status"; bot/errors.py draws
the tree of errors and gives each its status):

- 0: done (``desk ask``: answered; ``desk health``: healthy);
- 1: not done, for a reason in what was asked: a question not answered, input with problems
  (nothing was changed), a file that cannot be read or written, an unhealthy database
  (``desk health``, which never exits 2: Docker reserves it), a summary that could not be sent;
- 2: the desk is not set up to do it: bad settings or command-line usage, a database that does
  not answer or was never set up where that matters, no Telegram token for ``desk digests run``;
  Telegram rejecting the token, not answering or refusing a request at start, a webhook address
  that cannot be listened on (``desk run``, ``desk digests run``);
- 70: an unexpected failure, a bug: one line naming it (``DESK_LOG_LEVEL=DEBUG`` adds the
  traceback);
- 130: interrupted (Ctrl-C);
- 141: the output was closed early (``desk export | head``): nothing is said.

Secrets (the token, the webhook secret) are redacted from all of it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from bot.errors import FileAccessError, InputError, SettingsError, StorageError, explained
from bot.settings import Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.desk import Desk
    from bot.ingest.intake import Report

EXIT_UNEXPECTED = 70  # EX_SOFTWARE in sysexits.h: an internal error
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a reader that stopped early

NO_TOKEN_HELP = """\
No Telegram token is configured, so the bot cannot connect to Telegram.
To run it on Telegram:
  1. In Telegram, talk to @BotFather, send /newbot and follow the steps.
  2. Put the token it gives you in the environment (or a .env file):
       export TELEGRAM_BOT_TOKEN=123456:ABC...
  3. Run `desk run` again.
Meanwhile, here is the local console with the same answers:
"""


class TelegramSide(Protocol):
    """What ``desk run`` and ``desk digests run`` need from the Telegram package.

    ``bot/`` imports nothing from Telegram: the ``desk`` console script
    (:mod:`handlers.entry`) hands this in, and every other subcommand runs without it.
    """

    def run_bot(
        self,
        desk: Desk,
        settings: Settings,
        *,
        webhook_url: str | None,
        listen: str | None,
        port: int | None,
    ) -> int: ...

    def send_due(self, desk: Desk, settings: Settings, as_of: datetime | None) -> int: ...


def _telegram(side: TelegramSide | None) -> TelegramSide:
    if side is None:
        raise SettingsError(
            "this command talks to Telegram: run it as `desk` (or `python -m handlers.entry`)"
        )
    return side


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="desk", description=__doc__.splitlines()[0] if __doc__ else "")
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND")
    ask = sub.add_parser(
        "ask", help='print the answer the bot would send, e.g. desk ask "/who Kung Raiya"'
    )
    ask.add_argument("text", nargs="+")
    ask.add_argument("--lang", choices=("en", "km"), help="answer in English or Khmer")
    chat = sub.add_parser("chat", help="interactive console over the same answers")
    chat.add_argument("--lang", choices=("en", "km"), help="answer in English or Khmer")
    run = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    run.add_argument(
        "--webhook", metavar="URL", type=_url, help="public HTTPS URL Telegram should POST to"
    )
    run.add_argument("--listen", metavar="HOST", help="address to listen on in webhook mode")
    run.add_argument("--port", type=_port, help="port to listen on in webhook mode")
    load = sub.add_parser("load", help="load data files (default: the bundled data/)")
    load.add_argument("paths", nargs="*", type=Path)
    sub.add_parser("check", help="print the data-quality report")
    dig = sub.add_parser("digests", help="weekly summaries: `desk digests run` sends those due")
    dig_sub = dig.add_subparsers(dest="digests_cmd", metavar="ACTION", required=True)
    dig_run = dig_sub.add_parser("run", help="send every weekly summary due now, then exit")
    dig_run.add_argument(
        "--as-of",
        metavar="TIMESTAMP",
        type=_timestamp,
        help="act as if it were this moment (ISO 8601, e.g. 2023-07-03T09:05+07:00)",
    )
    chart = sub.add_parser("chart", help="draw /chart as a PNG file: desk chart [PARTY] [PERIOD]")
    chart.add_argument("words", nargs="*", metavar="PARTY/PERIOD")
    chart.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        default=Path("chart.png"),
        help="where to write the picture (default: chart.png)",
    )
    mig = sub.add_parser("migrate", help="create or upgrade the database schema")
    mig.add_argument("--revision", default="head")
    sub.add_parser("health", help="check the database answers (exit 0) or not (exit 1)")
    exp = sub.add_parser("export", help="write every claim row as CSV or JSON")
    exp.add_argument("--format", choices=("csv", "json"), default="csv")
    exp.add_argument("-o", "--output", metavar="FILE", type=Path, help="default: standard output")
    bak = sub.add_parser("backup", help="write the whole database to a JSON file ('-': stdout)")
    bak.add_argument("file", metavar="FILE", type=Path)
    res = sub.add_parser("restore", help="replace the database's contents with a backup file")
    res.add_argument("file", metavar="FILE", type=Path)
    intake = sub.add_parser(
        "intake", help="propose the claims a report makes (a text file, a URL or '-' for stdin)"
    )
    intake.add_argument("source", metavar="FILE|URL|-")
    intake.add_argument("--json", action="store_true", help="print a JSON list, one per claim")
    intake.add_argument("--apply", action="store_true", help="add them, after asking")
    intake.add_argument("--yes", action="store_true", help="with --apply: do not ask")
    intake.add_argument("--outlet", help="who published a file's or stdin's text")
    intake.add_argument(
        "--published", type=_day, metavar="YYYY-MM-DD", help="when it was published"
    )
    return p


def main(argv: Sequence[str] | None = None, telegram: TelegramSide | None = None) -> int:
    args = _parser().parse_args(argv)
    whole_process = argv is None  # the console script, not a caller in a longer process
    if whole_process and args.cmd == "ask":
        # A one-shot answer: its time is mostly importing (SQLAlchemy makes ~10^5 objects),
        # during which the collector keeps re-scanning that growing heap for nothing.
        gc.disable()
    try:
        return _main(args, telegram)
    except BrokenPipeError:
        # Whoever read the output stopped early (`desk export | head`): nothing to say, and
        # nothing more to write (the interpreter's own flush at exit would fail again).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    finally:
        if whole_process:
            # At exit the interpreter garbage-collects every object the imports made:
            # measured ~0.15 s of a ~0.9 s `desk ask`. Frozen objects are skipped, and
            # the operating system takes the memory back anyway.
            gc.freeze()


def _main(args: argparse.Namespace, telegram: TelegramSide | None) -> int:
    if args.cmd is None:
        _parser().print_help()
        return 0
    settings: Settings | None = None
    try:
        settings = load_settings()
        code = int(_dispatch(args, settings, telegram))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise  # main's: output closed early is no failure to explain
    except Exception as exc:  # the last line of defence: words, not a traceback
        code = _report(exc, settings)
    if args.cmd == "health":
        return min(code, 1)  # Docker reserves 2 for health checks; anything wrong is "unhealthy"
    return code


def _report(exc: Exception, settings: Settings | None) -> int:
    """Print ``exc`` as ``desk: ...`` on standard error; the exit status for it."""
    error = explained(exc)
    if isinstance(error, InputError):
        _say("nothing was changed; the input has problems:", settings)
        for problem in error.problems:
            print(_redacted(f"  {problem}", settings), file=sys.stderr)
        return error.exit_code
    if error is not None:
        _say(str(error), settings)
        return error.exit_code
    _say(
        f"unexpected error ({type(exc).__name__}: {exc}). This is a bug; please report it"
        " (DESK_LOG_LEVEL=DEBUG shows the details).",
        settings,
    )
    level = settings.log_level if settings else os.environ.get("DESK_LOG_LEVEL", "")
    if level.upper() == "DEBUG":
        import traceback

        print(_redacted("".join(traceback.format_exception(exc)), settings), file=sys.stderr)
    return EXIT_UNEXPECTED


def _say(message: str, settings: Settings | None) -> None:
    print(_redacted(f"desk: {message}", settings), file=sys.stderr)


def _redacted(text: str, settings: Settings | None) -> str:
    # Longest first: the whole token before its secret half.
    for secret in sorted(settings.secret_texts() if settings else [], key=len, reverse=True):
        text = text.replace(secret, "<secret>")
    return text


def _dispatch(args: argparse.Namespace, settings: Settings, telegram: TelegramSide | None) -> int:
    from bot.desk import Desk

    if args.cmd == "migrate":
        from bot.storage.engine import make_engine
        from bot.storage.migrate import current_revision, upgrade

        engine = make_engine(settings.database_url)
        upgrade(engine, args.revision)
        print(f"Schema at revision {current_revision(engine)}.")
        return 0
    if args.cmd == "load":
        from bot.ingest.loader import load_paths

        desk = Desk.open(settings.database_url, timezone=settings.timezone, load_if_empty=False)
        report = load_paths(desk.engine, args.paths or None, progress=_progress)
        print(report.summary())
        return 0
    if args.cmd in ("health", "export", "backup", "restore"):
        # Before Desk.open: each decides for itself what an empty database gets (README).
        return _ops(args, settings)
    if args.cmd == "intake" and args.apply and not args.yes and args.source == "-":
        raise SettingsError(
            "desk intake - --apply reads the report from standard input, so it cannot ask "
            "there too: add --yes, or give the report as a file"
        )
    if args.cmd == "digests" and settings.telegram_bot_token is None:
        # Before Desk.open: a run that cannot send sets nothing up.
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set; digests need the bot to send them.")
    desk = Desk.open(settings.database_url, timezone=settings.timezone)
    if args.cmd == "ask":
        from bot.commands import answer_text
        from bot.commands.registry import console_chat
        from bot.core.render import to_plain

        answer = answer_text(
            desk, " ".join(args.text), console_chat(args.lang or settings.language)
        )
        print(to_plain(answer))
        for button in answer.buttons:
            print(f"  [button] {button.label}: {button.command}", file=sys.stderr)
        return 0 if answer.ok else 1
    if args.cmd == "chat":
        return _chat(desk, args.lang or settings.language)
    if args.cmd == "check":
        from bot.ingest.quality import quality_report, render_report

        print(render_report(quality_report(desk.engine)))
        return 0
    if args.cmd == "digests":
        return _telegram(telegram).send_due(desk, settings, args.as_of)
    if args.cmd == "chart":
        return _chart_file(desk, " ".join(args.words), args.output)
    if args.cmd == "intake":
        return _intake(desk, args, settings)
    if args.cmd == "run":
        if settings.telegram_bot_token is None:
            print(NO_TOKEN_HELP, file=sys.stderr)
            return _chat(desk, settings.language)
        return _telegram(telegram).run_bot(
            desk, settings, webhook_url=args.webhook, listen=args.listen, port=args.port
        )
    raise AssertionError(args.cmd)


def _ops(args: argparse.Namespace, settings: Settings) -> int:
    if args.cmd == "health":
        from bot.storage.health import check_url

        health = check_url(settings.database_url)
        print(f"{'ok' if health.ok else 'unhealthy'}: {health.message}")
        return 0 if health.ok else 1
    if args.cmd == "export":
        from bot.commands.export import export_claims
        from bot.desk import Desk

        # Sets up and loads an empty database first, as `desk ask` does: the rows are the
        # ones the bot answers from.
        desk = Desk.open(settings.database_url, timezone=settings.timezone)
        try:
            if args.output is None:
                count = export_claims(desk.engine, sys.stdout, args.format)
            else:
                # CSV files get a byte-order mark, as /export's do: spreadsheets read UTF-8.
                encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
                with _writing(args.output, encoding) as out:
                    count = export_claims(desk.engine, out, args.format)
        finally:
            desk.engine.dispose()
        print(f"Exported {count:,} claims.", file=sys.stderr)
        return 0
    if args.cmd == "backup":
        return _backup(args.file, settings)
    return _restore(args.file, settings)


def _backup(file: Path, settings: Settings) -> int:
    from bot.ingest.backup import backup
    from bot.storage.health import absent_file

    missing = absent_file(settings.database_url)
    if missing is not None:  # checked first: connecting would create it
        raise StorageError(
            f"no database at {missing}: there is nothing to back up. "
            "Is DESK_DATABASE_URL the database you mean?"
        )
    engine = _engine(settings)
    try:
        if str(file) == "-":
            report = backup(engine, sys.stdout)
        else:
            # Written beside the target and renamed: a failed backup never leaves half a file,
            # nor an empty one.
            partial = file.with_name(file.name + ".partial")
            try:
                with _writing(partial, "utf-8", shown=file) as out:
                    report = backup(engine, out)
                try:
                    partial.replace(file)
                except OSError as exc:
                    raise FileAccessError(str(file), "write", exc.strerror or str(exc)) from None
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
    finally:
        engine.dispose()
    print(f"Backed up {report.summary()}", file=sys.stderr)
    return 0


def _restore(file: Path, settings: Settings) -> int:
    from bot.ingest.backup import restore

    if str(file) == "-":
        stream: TextIO = sys.stdin
    else:
        try:  # before the database is touched: a wrong name changes nothing
            stream = file.open(encoding="utf-8")
        except OSError as exc:
            raise FileAccessError(str(file), "read", exc.strerror or str(exc)) from None
    engine = _engine(settings)
    try:
        report = restore(engine, stream, name="<stdin>" if stream is sys.stdin else str(file))
    finally:
        engine.dispose()
        if stream is not sys.stdin:
            stream.close()
    print(f"Restored {report.summary()}")
    return 0


def _engine(settings: Settings) -> Engine:
    from bot.storage.engine import make_engine

    return make_engine(settings.database_url)


@contextmanager
def _writing(path: Path, encoding: str, *, shown: Path | None = None) -> Iterator[TextIO]:
    """``path`` open for writing text; an operating-system refusal becomes a FileAccessError
    (naming ``shown``, the file the operator asked for, when ``path`` stands in for it)."""
    try:
        with path.open("w", encoding=encoding, newline="") as out:
            yield out
    except OSError as exc:
        raise FileAccessError(str(shown or path), "write", exc.strerror or str(exc)) from None


def _port(text: str) -> int:
    port = int(text) if text.isascii() and text.isdigit() else -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (1-65535)")
    return port


def _url(text: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (reading it checks it)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a URL; expected e.g. https://bot.example.org/telegram/hook"
        )
    return text


def _timestamp(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 timestamp") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _chart_file(desk: object, words: str, output: Path) -> int:
    from bot.commands.chart import make_chart
    from bot.core.answer import Answer
    from bot.core.render import to_plain
    from bot.desk import Desk

    assert isinstance(desk, Desk)
    chart = make_chart(desk, words)
    if isinstance(chart, Answer):
        print(to_plain(chart), file=sys.stderr)
        return 1
    try:
        output.write_bytes(chart.png)
    except OSError as exc:
        raise FileAccessError(str(output), "write", exc.strerror or str(exc)) from None
    print(to_plain(chart.caption))
    print(f"Wrote {output}.", file=sys.stderr)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _intake_report(args: argparse.Namespace, settings: Settings) -> Report:
    from dataclasses import replace

    from bot.ingest.intake import Report

    source: str = args.source
    if source.startswith(("http://", "https://")):
        from bot.ingest.intake.pages import fetch_report

        report = fetch_report(source, settings)
    elif source == "-":
        report = Report(sys.stdin.read(), kind="paste")
    else:
        try:
            text = Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            raise FileAccessError(source, "read", why or str(exc)) from None
        report = Report(text, kind="file")
    if args.outlet:
        report = replace(report, outlet=args.outlet)
    if args.published:
        report = replace(report, published=args.published)
    return report


def _intake(desk: object, args: argparse.Namespace, settings: Settings) -> int:
    import json

    from bot.commands.intake import (
        apply_report,
        check_report,
        proposals_json,
        proposals_table,
        propose_for,
    )
    from bot.commands.registry import console_chat
    from bot.core.render import to_plain
    from bot.desk import Desk
    from bot.errors import Problem

    assert isinstance(desk, Desk)
    report = _intake_report(args, settings)
    problem = check_report(report)
    if problem is not None:
        raise InputError([Problem(args.source, None, problem)])
    found = propose_for(desk, report)
    if args.json:
        print(json.dumps(proposals_json(found), ensure_ascii=False, indent=2))
    elif found:
        print(proposals_table(found))
    else:
        print("No defection claim found in this text.")
    if not args.apply or not found:
        return 0
    if not args.yes:
        sys.stderr.write(f"Add {len(found)} claim{'s' if len(found) > 1 else ''}? [y/N] ")
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            print("Nothing added.", file=sys.stderr)
            return 1
    chat = console_chat()
    results = apply_report(desk, report, chat.id, chat.user)
    for result in results:
        print(to_plain(result).splitlines()[0], file=sys.stderr)
    return 0 if all(r.ok for r in results) else 1


def _chat(desk: object, language: str = "en") -> int:
    from bot.console import GREETING, chat
    from bot.core.i18n import _, in_language
    from bot.core.i18n import language as known
    from bot.desk import Desk

    assert isinstance(desk, Desk)
    interactive = sys.stdin.isatty()
    if interactive:
        with in_language(known(language) or "en"):
            print(_(GREETING))
    chat(desk, sys.stdin, sys.stdout, prompt="desk> " if interactive else "", language=language)
    return 0


def _progress(stage: str, done: int, total: int) -> None:
    if total >= 10_000 and (done == total or done % 50_000 < 5_000):
        print(
            f"\r{stage}: {done:,}/{total:,}",
            end="\n" if done == total else "",
            file=sys.stderr,
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
