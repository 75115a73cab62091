"""Khmer script as typed: which text holds it, and the spellings that differ only in how typed.

>>> has_khmer_letters("/total ភ្លើងទៀន"), has_khmer_letters("២០២៣"), has_khmer_letters("June")
(True, False, False)
>>> fold_khmer("សប្ដាហ៍ ២៦") == fold_khmer("សប្តាហ៍\u200b២៦") == "សប្តាហ៍ 26"
True

Two subscript letters, COENG DA (្ដ) and COENG TA (្ត), look alike under a consonant and Khmer
typists use both for the same word (សម្ដេច / សម្តេច, សប្ដាហ៍ / សប្តាហ៍): they are folded into one,
COENG TA, wherever Khmer text is compared (here, and in the name keys of
:mod:`bot.core.normalize`), and so are the other spellings that show alike but are typed in
another order (:func:`fold_lookalikes`). Khmer digits (០–៩) are read as the digits they are.

This module imports nothing heavy: periods and the name keys use it for every Khmer input.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["KHMER_DIGITS", "fold_khmer", "fold_lookalikes", "has_khmer_letters"]

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# COENG (U+17D2) + DA (U+178A) → COENG + TA (U+178F).
_COENG_DA, _COENG_TA = "\u17d2\u178a", "\u17d2\u178f"
_CONSONANT = "[\u1780-\u17a2]"
_REORDER = (
    # MUUSIKATOAN or TRIISAP, then a subscript: Unicode puts the subscript first.
    (re.compile(f"([\u17c9\u17ca])(\u17d2{_CONSONANT})"), r"\2\1"),
    # COENG RO before another subscript: Unicode puts RO last (ស្គ្រ, not ស្រ្គ).
    (re.compile(f"(\u17d2\u179a)(\u17d2{_CONSONANT})"), r"\2\1"),
    # NIKAHIT (ំ) before U or AA: after them (ុំ, ាំ).
    (re.compile("(\u17c6)([\u17bb\u17b6])"), r"\2\1"),
)
# E (េ) + II (ី) shows as OE (ើ); E + AA (ា) as OO (ោ).
_SPLIT_VOWELS = (("\u17c1\u17b8", "\u17be"), ("\u17c1\u17b6", "\u17c4"))
# Khmer letters, vowel signs and marks, but not the digits (U+17E0–U+17E9) nor the symbols
# after them: "២០២៣" alone is a year, not Khmer words.
_LETTERS = re.compile("[\u1780-\u17dd]")
# Invisible characters typists insert: ZERO WIDTH SPACE marks a word break (a space here);
# ZERO WIDTH (NON-)JOINER and the deprecated inherent vowels U+17B4/U+17B5 show nothing.
_INVISIBLE = str.maketrans({"\u200b": " ", "\u200c": None, "\u200d": None, "\u17b4": None,
                            "\u17b5": None})  # fmt: skip


def has_khmer_letters(text: str) -> bool:
    """Whether ``text`` holds Khmer letters (Khmer digits alone do not count).

    >>> has_khmer_letters("ខែ ៦"), has_khmer_letters("៦/២០២៣")
    (True, False)
    """
    return _LETTERS.search(text) is not None


def fold_lookalikes(text: str) -> str:
    """Khmer spellings that show the same but are typed differently, in one form: COENG DA as
    COENG TA; a register shifter or COENG RO typed before a subscript moved after it; a vowel
    typed in two parts (េ + ី, េ + ា) as the one character it shows; NIKAHIT before a vowel
    after it.

    >>> fold_lookalikes("សម្ដេច") == "សម្តេច"
    True
    >>> fold_lookalikes("ហ៊្វុនស៊ិនប៉ិច") == "ហ្វ៊ុនស៊ិនប៉ិច"
    True
    >>> fold_lookalikes("សង្រ្គោះ") == "សង្គ្រោះ", fold_lookalikes("ភ្លេីង") == "ភ្លើង"
    (True, True)

    Both orders are typed because both render alike: the National Election Committee's list of
    2023 spells FUNCINPEC "ហ៊្វុន…" (HA, TRIISAP, COENG VO), Wikipedia "ហ្វ៊ុន…" (Unicode's order,
    subscript first); "សង្រ្គោះ" (COENG RO first) is as common in print as "សង្គ្រោះ".
    """
    text = text.replace(_COENG_DA, _COENG_TA)
    for pattern, replacement in _REORDER:
        text = pattern.sub(replacement, text)
    for pair, vowel in _SPLIT_VOWELS:
        text = text.replace(pair, vowel)
    return text


def fold_khmer(text: str) -> str:
    """Khmer input in one form: NFC, one subscript form, ASCII digits, no invisible characters,
    single spaces.

    >>> fold_khmer(" ថ្ងៃទី២៩  ខែមិថុនា ")
    'ថ្ងៃទី29 ខែមិថុនា'
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(KHMER_DIGITS)
    return " ".join(fold_lookalikes(text).split())
