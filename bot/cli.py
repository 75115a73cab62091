"""The ``desk`` command: ask, chat, run the bot, and look after the data.

>>> main(["ask", "/help"]) if False else 0
0

Run ``desk --help`` for the list. Errors are reported in one clear line (exit 2 for setup
problems, 1 for a question that could not be answered); never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.errors import InputError
from bot.settings import Settings, SettingsError, load_settings

NO_TOKEN_HELP = """\
No Telegram token is configured, so the bot cannot connect to Telegram.
To run it on Telegram:
  1. In Telegram, talk to @BotFather, send /newbot and follow the steps.
  2. Put the token it gives you in the environment (or a .env file):
       export TELEGRAM_BOT_TOKEN=123456:ABC...
  3. Run `desk run` again.
Meanwhile, here is the local console with the same answers:
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="desk", description=__doc__.splitlines()[0] if __doc__ else "")
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND")
    ask = sub.add_parser(
        "ask", help='print the answer the bot would send, e.g. desk ask "/who Kung Raiya"'
    )
    ask.add_argument("text", nargs="+")
    sub.add_parser("chat", help="interactive console over the same answers")
    run = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    run.add_argument("--webhook", metavar="URL", help="public HTTPS URL Telegram should POST to")
    run.add_argument("--listen", metavar="HOST", help="address to listen on in webhook mode")
    run.add_argument("--port", type=int, help="port to listen on in webhook mode")
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    whole_process = argv is None  # the console script, not a caller in a longer process
    if whole_process and args.cmd == "ask":
        # A one-shot answer: its time is mostly importing (SQLAlchemy makes ~10^5 objects),
        # during which the collector keeps re-scanning that growing heap for nothing.
        gc.disable()
    try:
        return _main(args)
    finally:
        if whole_process:
            # At exit the interpreter garbage-collects every object the imports made:
            # measured ~0.15 s of a ~0.9 s `desk ask`. Frozen objects are skipped, and
            # the operating system takes the memory back anyway.
            gc.freeze()


def _main(args: argparse.Namespace) -> int:
    if args.cmd is None:
        _parser().print_help()
        return 0
    try:
        settings = load_settings()
        return int(_dispatch(args, settings))
    except SettingsError as exc:
        print(f"desk: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print("desk: nothing was changed; the input has problems:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a message, not a traceback
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            print(
                f"desk: cannot use the database ({exc.orig}); check DESK_DATABASE_URL",
                file=sys.stderr,
            )
            return 2
        raise


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    from bot.storage.desk import Desk

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
        # Before Desk.open: these must not migrate or load anything by themselves.
        return _ops(args, settings)
    desk = Desk.open(settings.database_url, timezone=settings.timezone)
    if args.cmd == "ask":
        from bot.commands import answer_text
        from bot.core.render import to_plain

        answer = answer_text(desk, " ".join(args.text))
        print(to_plain(answer))
        for button in answer.buttons:
            print(f"  [button] {button.label}: {button.command}", file=sys.stderr)
        return 0 if answer.ok else 1
    if args.cmd == "chat":
        return _chat(desk)
    if args.cmd == "check":
        from bot.ingest.quality import quality_report, render_report

        print(render_report(quality_report(desk.engine)))
        return 0
    if args.cmd == "digests":
        return _digests_run(desk, settings, args.as_of)
    if args.cmd == "chart":
        return _chart_file(desk, " ".join(args.words), args.output)
    if args.cmd == "run":
        if settings.telegram_bot_token is None:
            print(NO_TOKEN_HELP, file=sys.stderr)
            return _chat(desk)
        from handlers.app import run_bot

        return run_bot(desk, settings, webhook_url=args.webhook, listen=args.listen, port=args.port)
    raise AssertionError(args.cmd)


def _ops(args: argparse.Namespace, settings: Settings) -> int:
    from bot.storage.backup import OpsError, backup, export_claims, restore
    from bot.storage.engine import make_engine

    if args.cmd == "health":
        from bot.storage.health import check_health, health_engine

        health = check_health(health_engine(settings.database_url))
        print(f"{'ok' if health.ok else 'unhealthy'}: {health.message}")
        return 0 if health.ok else 1
    engine = make_engine(settings.database_url)
    try:
        if args.cmd == "export":
            if args.output is None:
                count = export_claims(engine, sys.stdout, args.format)
            else:
                with args.output.open("w", encoding="utf-8", newline="") as out:
                    count = export_claims(engine, out, args.format)
            print(f"Exported {count:,} claims.", file=sys.stderr)
        elif args.cmd == "backup":
            if str(args.file) == "-":
                report = backup(engine, sys.stdout)
            else:
                # Written beside the target and renamed: a failed backup never leaves half a file.
                partial = args.file.with_name(args.file.name + ".partial")
                with partial.open("w", encoding="utf-8") as out:
                    report = backup(engine, out)
                partial.replace(args.file)
            print(f"Backed up {report.summary()}", file=sys.stderr)
        else:
            if str(args.file) == "-":
                report = restore(engine, sys.stdin, name="<stdin>")
            else:
                try:
                    with args.file.open(encoding="utf-8") as stream:
                        report = restore(engine, stream, name=str(args.file))
                except OSError as exc:
                    print(f"desk: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
                    return 1
            print(f"Restored {report.summary()}")
    except OpsError as exc:
        print(f"desk: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0


def _timestamp(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 timestamp") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _digests_run(desk: object, settings: Settings, as_of: datetime | None) -> int:
    import asyncio
    from datetime import timedelta

    from bot.storage.desk import Desk
    from handlers.app import build_application
    from handlers.delivery import send_due_digests
    from handlers.watches import send_watch_alerts

    assert isinstance(desk, Desk)
    if settings.telegram_bot_token is None:
        print(
            "desk: TELEGRAM_BOT_TOKEN is not set; digests need the bot to send them.",
            file=sys.stderr,
        )
        return 2

    async def run() -> int:
        app = build_application(desk, settings)
        async with app:  # initialises the bot and its rate limiter; no polling
            report = await send_due_digests(
                app.bot,
                desk,
                as_of or desk.now(),
                grace=timedelta(hours=settings.digest_grace_hours),
            )
            # Watchlist alerts go out on the same runs: what changed since each chat's last.
            alerts = await send_watch_alerts(app.bot, desk)
        print(report.summary())
        print(alerts.summary())
        return 0 if report.failed == 0 and alerts.failed == 0 else 1

    return asyncio.run(run())


def _chart_file(desk: object, words: str, output: Path) -> int:
    from bot.commands.chart import make_chart
    from bot.core.answer import Answer
    from bot.core.render import to_plain
    from bot.storage.desk import Desk

    assert isinstance(desk, Desk)
    chart = make_chart(desk, words)
    if isinstance(chart, Answer):
        print(to_plain(chart), file=sys.stderr)
        return 1
    try:
        output.write_bytes(chart.png)
    except OSError as exc:
        print(f"desk: cannot write {output}: {exc.strerror}", file=sys.stderr)
        return 1
    print(to_plain(chart.caption))
    print(f"Wrote {output}.", file=sys.stderr)
    return 0


def _chat(desk: object) -> int:
    from bot.console import GREETING, chat
    from bot.storage.desk import Desk

    assert isinstance(desk, Desk)
    interactive = sys.stdin.isatty()
    if interactive:
        print(GREETING)
    chat(desk, sys.stdin, sys.stdout, prompt="desk> " if interactive else "")
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
