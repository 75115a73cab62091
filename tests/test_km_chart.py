"""A Khmer /chart: drawn in the packaged Khmer font, every glyph found, the script shaped.

Khmer needs shaping: a consonant after the coeng (្) is drawn as a subscript glyph, some vowels
before the consonant they follow in the text. Drawn one character at a time, "ប្តូរ" would show
the coeng as a dotted circle and the subscript as a full letter. matplotlib (3.11, libraqm)
lays text out for Agg with ``FT2Font.set_text``; these tests check that, in the chart's text
style, the glyphs it lays out for the chart's Khmer words are HarfBuzz's shaping of them (the
reference shaper) and not the characters' own glyphs, and that the picture misses no glyph.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import uharfbuzz as hb
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import FT2Font, LoadFlags

from bot.commands.chart import Chart, _text_style, make_chart
from bot.core.i18n import _, in_language
from bot.desk import Desk

WORDS = ("Claimed defectors per week", "Claims by pro-government media, not verified", "Month")


def khmer_words() -> list[str]:
    with in_language("km"):
        return [_(w) for w in WORDS]


def harfbuzz_glyphs(path: str, text: str) -> list[int]:
    font = hb.Font(hb.Face(hb.Blob.from_file_path(path)))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


def laid_out(font: FT2Font, text: str) -> list[int]:
    """The glyphs matplotlib lays out for ``text`` (what Agg draws)."""
    return [item.glyph_index for item in font._layout(text, LoadFlags.NO_HINTING, language="km")]


def test_khmer_text_is_shaped_as_harfbuzz_shapes_it() -> None:
    words = khmer_words()
    assert all(any("\u1780" <= c <= "\u17ff" for c in w) for w in words)  # they are Khmer
    with in_language("km"), _text_style():
        path = findfont(FontProperties())
    assert "NotoSansKhmer" in Path(path).name, path  # the packaged font, not a fallback
    font = get_font(path)
    font.set_size(24, 100)
    for word in words:
        shaped = laid_out(font, word)
        assert shaped == harfbuzz_glyphs(path, word), word
        assert 0 not in shaped, word  # no glyph is missing
        as_characters = [font.get_char_index(ord(c)) for c in word]
        if "\u17d2" in word:  # a coeng: a subscript consonant, which shaping must form
            assert shaped != as_characters, word
        # The layout Agg draws with (set_text) has the shaped glyph count, not one per character.
        positions = font.set_text(word, 0.0, LoadFlags.NO_HINTING, language="km")
        assert len(positions) == len(shaped), word


def test_without_the_khmer_font_the_words_would_miss_glyphs() -> None:
    """The check above can fail: the default font has no Khmer glyphs at all."""
    font = get_font(findfont(FontProperties(family="DejaVu Sans")))
    for word in khmer_words():
        assert 0 in [font.get_char_index(ord(c)) for c in word if not c.isspace()], word


def test_a_khmer_chart_draws_every_glyph(desk: Desk) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with in_language("km"):
            khmer = make_chart(desk, "Candlelight June")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []
    english = make_chart(desk, "Candlelight June")
    assert isinstance(khmer, Chart) and isinstance(english, Chart)
    assert khmer.png[:4] == b"\x89PNG" and khmer.png != english.png
    assert khmer.filename == english.filename
