"""Text files as an editor shows them: UTF-8, lines ended by ``\\n``, ``\\r\\n`` or ``\\r``.

>>> editor_lines("\\ufeffa\\u2028b\\r\\nc\\rd\\x0ce\\n")
['a\\u2028b', 'c', 'd\\x0ce', '']
>>> line_at("a\\r\\nb\\rc", 5)
3
>>> decode_utf8(b"# ok\\n# caf\\xe9\\n", "t.txt")
Traceback (most recent call last):
...
bot.errors.InputError: t.txt:2: not UTF-8 text (byte 0xE9 after column 5): save it as UTF-8

``str.splitlines`` also ends a line at a form feed, U+0085, U+2028 and a few more, which
editors show inside a line: a problem reported on the line it counts would point elsewhere.
A byte-order mark at the start is accepted and dropped (Windows editors write one).
"""

from __future__ import annotations

from bot.errors import InputError, Problem


def editor_lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor numbers them, without a leading byte-order mark."""
    if text[:1] == "\ufeff":
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def line_at(text: str, offset: int) -> int:
    """The editor's line number (from 1) of the character at ``offset`` in ``text``."""
    before = text[:offset]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def decode_utf8(data: bytes, path: str) -> str:
    """``data`` as text, without a leading byte-order mark; InputError naming the line and
    column of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        column = len(editor_lines(good)[-1])
        raise InputError(
            [
                Problem(
                    path,
                    line_at(good, len(good)),
                    f"not UTF-8 text (byte 0x{data[exc.start]:02X} after column {column}): "
                    "save it as UTF-8",
                )
            ]
        ) from None
    return text[1:] if text[:1] == "\ufeff" else text
