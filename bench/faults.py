"""The fault table of issue 21: what becomes of replies and weekly summaries when Telegram fails
a share of the bot's sends in each way it can (tests/faultrig.py runs it; the test of the
send policy, tests/test_fault_table.py, asserts on a smaller run of the same table).

    .venv/bin/python -m bench.faults                  # 500 commands and 200 summaries a row
    .venv/bin/python -m bench.faults --small          # the test's size
    .venv/bin/python -m bench.faults --real-time      # the issue's 7 s, against a 20 s wait
    .venv/bin/python -m bench.faults --no-cap         # faults as often as they come

A row's messages are lost when the chat never got them, duplicated for each copy beyond the
first; "Sorry" counts the apologies the chats got. By default the delays are a tenth of the
real ones (a 0.7 s slow answer against a 2 s wait, as the test runs), and no message meets a
fault more than three times (an unsure one once; twice in the mix).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

from bench.common import command_line, environment_block, loadavg, log, table, update_section


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="the test's size")
    parser.add_argument("--real-time", action="store_true", help="7 s against a 20 s wait")
    parser.add_argument("--no-cap", action="store_true", help="no cap on faults per message")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()

    from bot.desk import Desk
    from tests.botrig import open_desk
    from tests.faultrig import FULL, REAL, SCALED, SMALL, Table, run_table

    scale = SMALL if args.small else FULL
    timing = REAL if args.real_time else SCALED
    before = loadavg()
    with tempfile.TemporaryDirectory() as tmp:
        desk: Desk = open_desk(f"sqlite:///{Path(tmp) / 'desk.sqlite3'}")
        try:
            result: Table = asyncio.run(
                run_table(desk, scale, timing, at_most=None if args.no_cap else 3)
            )
        finally:
            desk.engine.dispose()
    header = (
        "fault", "injected", "replies", "lost", "duplicated", '"Sorry" sent',
        "summaries", "lost", "duplicated",
    )  # fmt: skip
    lines = []
    for o in result.outcomes:
        injected = f"{o.injected(o.replies)} + {o.injected(o.summaries)}"
        replies = (len(o.replies), o.lost(o.replies), o.extra(o.replies), o.apologies)
        summaries = (len(o.summaries), o.lost(o.summaries), o.extra(o.summaries))
        lines.append((o.row.name, injected, *replies, *summaries))
    body = "\n\n".join(
        [
            environment_block(before, loadavg(), command_line()),
            f"- Bot waits {timing.send_timeout:g} s for an answer (DESK_SEND_TIMEOUT); "
            f"slow answers take {timing.slow:g} s, late ones {timing.late:g} s; "
            + ("no cap on faults per message" if args.no_cap else "at most 3 faults a message"),
            table(header, lines),
            "`send_due_digests` reported:\n\n"
            + "\n".join(f"- {run.summary()}" for run in result.runs),
        ]
    )
    print(body)
    if args.write:
        title = "Telegram failing: the fault table of issue 21 (bench/faults.py)"
        update_section("faults", title, body)
        log("bench/RESULTS.md updated")


if __name__ == "__main__":
    main()
