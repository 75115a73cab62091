"""Parse mode and link previews come from the Application's ``Defaults`` (handlers/app.py),
never from per-call arguments: every message the bot sends, and the benchmarks' bots that
stand for it (bench/botproc.py), send HTML without link previews the one way. An explicit
``parse_mode=None`` (plain text, e.g. the admins' traceback) is an override, not a repeat."""

from __future__ import annotations

import ast
from pathlib import Path

from telegram.constants import ParseMode

from handlers.app import DEFAULTS

REPO = Path(__file__).resolve().parent.parent
PER_CALL = {"disable_web_page_preview", "link_preview_options", "parse_mode"}


def per_call_arguments(source: str) -> list[tuple[int, str]]:
    """(line, keyword) of each call passing what the Defaults hold; reply_html and the like
    count too, as they set the parse mode per call.

    >>> per_call_arguments("m.reply_text(t, parse_mode=None)\\nDefaults(parse_mode='HTML')")
    []
    >>> per_call_arguments("m.reply_html(t)\\nm.send(t, disable_web_page_preview=True)")
    [(1, 'reply_html'), (2, 'disable_web_page_preview')]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or (
            isinstance(node.func, ast.Name) and node.func.id == "Defaults"
        ):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name.endswith(("_html", "_markdown", "_markdown_v2")):
            found.append((node.lineno, name))
        for kw in node.keywords:
            plain = isinstance(kw.value, ast.Constant) and kw.value.value is None
            if kw.arg in PER_CALL and not (kw.arg == "parse_mode" and plain):
                found.append((node.lineno, kw.arg))
    return found


def test_the_defaults_hold_html_without_previews() -> None:
    assert DEFAULTS.parse_mode == ParseMode.HTML
    assert DEFAULTS.link_preview_options is not None
    assert DEFAULTS.link_preview_options.is_disabled is True


def test_no_call_repeats_the_defaults() -> None:
    files = sorted([*(REPO / "handlers").glob("*.py"), *(REPO / "bench").glob("*.py")])
    assert len(files) > 20
    found = {
        f"{path.relative_to(REPO)}:{line}": what
        for path in files
        for line, what in per_call_arguments(path.read_text(encoding="utf-8"))
    }
    assert found == {}
