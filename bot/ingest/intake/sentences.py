"""A report's text cleaned, its hard-wrapped lines joined again, and cut into sentences, each
knowing its paragraph.

>>> [s.text for s in split_sentences("Mr. Sok Dara joined. He was welcomed.\\n- 4 July: 9 left")]
['Mr. Sok Dara joined.', 'He was welcomed.', '- 4 July: 9 left']
>>> [s.text for s in split_sentences("Nine joined on Aug. 23, officials said. Ten left.")]
['Nine joined on Aug. 23, officials said.', 'Ten left.']
>>> [s.paragraph for s in split_sentences("A joined។ B joined។\\n\\nC joined.")]
[0, 0, 1]
>>> clean_text("ខេត្ដ") == "ខេត្ត"
True

Written here rather than with a sentence splitter library (pysbd, NLTK's punkt) because
those know neither the Khmer full stop "។" nor that a bulletin's lines are separate items, and
what intake needs is small: a line is a paragraph, a sentence ends at ". ! ? ។ ៕" unless the
word before the full stop is a courtesy title or an initial ("Mr.", "H.E.").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The two subscript forms of ដ/ត look alike and are typed interchangeably ("ខេត្ដ"/"ខេត្ត").
_FOLDS = str.maketrans(
    {
        "\u200b": None,  # zero-width space, common in Khmer text
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "\u00a0": " ",
    }
)

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "lt", "gen", "col", "h.e", "e", "u.s", "vs", "sen", "gov",
    "rep", "maj", "capt", "prof", "dept", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "incl", "excl", "ca",
}  # fmt: skip
# A semicolon before a capital or a count ends a bulletin's entry ("Kratie, 15 May — 60
# joined; Stung Treng, 16 May — 25 joined") or a headline's clause ("18 quit; two move to
# X"); ", while" starts another event ("150 joined on Saturday, while in Pailin 24 did the
# same on Sunday"), as does ", and a further 33 ...".
_END = re.compile(
    r"[.!?។៕]+[\"')\]]*(?=\s|$)|[។៕]|;(?=\s+(?:[A-Z0-9]|(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|another|a\s+further)\s))|"
    r",(?=\s+(?:while|whereas|and\s+that|and\s+(?:a\s+further|another)\s+\d[\d,]*)\s)"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, the paragraph (non-empty line block) and its place in the text."""

    text: str
    paragraph: int
    index: int


# A register sign typed before a subscript consonant (ហ៊្វ) instead of after it (ហ្វ៊) looks the
# same and is the same word; Unicode gives both signs combining class 0, so NFC keeps both.
_SIGN_BEFORE_SUBSCRIPT = re.compile("([\u17c9\u17ca])(\u17d2[\u1780-\u17a2])")


def clean_text(text: str) -> str:
    """NFC, the Khmer subscript ្ដ folded into ្ត, a register sign put after the subscript it
    was typed before, curly quotes straightened, invisible characters removed, the arrow emoji
    ("310 CLP members ➡️ CPP") a plain arrow.

    >>> clean_text("ហ៊្វុនស៊ិនប៉ិច") == "ហ្វ៊ុនស៊ិនប៉ិច"
    True
    """
    text = text.replace("\u27a1\ufe0f", "→").replace("\u27a1", "→")
    return fold_khmer(unicodedata.normalize("NFC", text).translate(_FOLDS))


def fold_khmer(text: str) -> str:
    """The Khmer spellings that look alike made one, every offset kept (the same length).

    >>> fold_khmer("ខេត្ដ") == "ខេត្ត", len(fold_khmer("ហ៊្វុន")) == len("ហ៊្វុន")
    (True, True)
    """
    return _SIGN_BEFORE_SUBSCRIPT.sub(r"\2\1", text.replace("្ដ", "្ត"))


# A line a hard wrap broke ends mid-sentence: no full stop, colon or sign after its last word.
_OPEN_END = re.compile(r"[\w,'’-]$")
_WRAPPED_BEFORE = re.compile(
    r"\b(?:the|a|an|of|to|and|or|in|on|at|for|with|by|from|as|that|who|which|its|their|his|her|"
    r"was|were|had|has|have|been|is|are)$|,$",
    re.I,
)
# ... and the line after it goes on with a word, not a list's next item or a hashtag
_KHMER_LETTER_END = re.compile(r"[\u1780-\u17d2\u17dd\u17e0-\u17e9]$")
# (a count may open the next line, "25នាក់ មកពី...", but not a bulletin row's day "០៨/០៣")
_KHMER_GOES_ON = re.compile(r"[\u1780-\u17b3]|[\d០-៩][\d០-៩,.]*\s*(?:នាក់|រូប|គ្រួសារ)")
_GOES_ON = re.compile(r"[A-Za-z\d\"'(](?!\d{0,1}[.)]\s)")


# A photo gallery's captions, "1/8 - ...", "2/8 - ...": numbers of photos, no dates.
_PHOTO_NUMBER = re.compile(r"^\s*(\d{1,2})/(\d{1,2})\s*[-–—:|]\s+")


def _without_photo_numbers(lines: list[str]) -> list[str]:
    numbered = [m for m in map(_PHOTO_NUMBER.match, lines) if m]
    totals = {m.group(2) for m in numbered}
    if len(numbered) < 3 or len(totals) != 1:
        return lines
    if not all(1 <= int(m.group(1)) <= int(m.group(2)) for m in numbered):
        return lines
    return [_PHOTO_NUMBER.sub("", line) for line in lines]


# A pasted web page's lists after the story: "Related articles", "Most read", Khmer "ព័ត៌មាន
# ទាក់ទង" (related news), "អានបន្ថែម" (read more) on a line of their own.
_AFTER_THE_STORY = re.compile(
    r"^\W*(?:related(?:\s+(?:articles|news|stories|posts|reading))?|read\s+(?:more|also|next)|"
    r"see\s+also|more\s+(?:news|stories|from\s+[\w ]{1,30})|most\s+(?:read|popular|viewed)|"
    r"you\s+may\s+also\s+like|"
    r"ព័ត៌មាន(?:ទាក់ទង|ពាក់ព័ន្ធ|ពេញនិយម|ថ្មីៗ)|អត្ថបទ(?:ទាក់ទង|ពាក់ព័ន្ធ)|អាន(?:បន្ថែម|បន្ត|ផងដែរ))"
    r"\W*$",
    re.I | re.M,
)


def without_page_clutter(text: str) -> str:
    """The text up to a pasted web page's list of other stories, whose headlines and numbers
    are not this report's.

    >>> without_page_clutter("40 joined the CPP.\\n\\nRelated articles\\n• 900 join the CPP")
    '40 joined the CPP.\\n'
    """
    end = next((m for m in _AFTER_THE_STORY.finditer(text) if text[: m.start()].strip()), None)
    return text if end is None else text[: end.start()]


# A monitor's list of items it leaves out, under a line of its own: "Not counted:", "Excluded
# from the count:", Khmer "មិនរាប់បញ្ចូល៖" (not counted in).
_LEFT_OUT = re.compile(
    r"^[^\w\n]*(?:not\s+(?:counted|included)|excluded|left\s+out|listed\s+separately|"
    r"មិន(?:បាន)?រាប់បញ្ចូល)\b[^\n]{0,60}?[:៖]\s*\n(?:[ \t]*\S[^\n]*(?:\n|$))*",
    re.I | re.M,
)


def without_left_out(text: str) -> str:
    """The text without the items a monitor lists as left out of its count (posts withdrawn,
    ceremonies postponed), a list under a line of its own, up to the next blank line.

    >>> without_left_out("40 joined the CPP.\\n\\nNot counted:\\n- 200 (post removed)\\n\\nEnd.")
    '40 joined the CPP.\\n\\n\\nEnd.'
    """
    return _LEFT_OUT.sub("", text)


def unwrap(text: str) -> str:
    """The text with its hard-wrapped lines joined again (a press release pasted from a PDF or
    an e-mail, broken every hundred characters): a line joins the next when it ends without a
    full stop and the next goes on with a small letter, or it ends with a word that needs more
    ("the", "of", ","), or it runs as wide as its paragraph's widest line; a word the wrap
    broke with a hyphen is one word again. Lists, posts and bulletins keep their lines; a
    photo gallery's captions lose their numbers ("3/8 - ..."), which read as dates.

    >>> wrapped = "The working group held a ceremony on Sunday to\\nwelcome forty former opposition"
    >>> text = unwrap(wrapped + " members of the\\nCLP.\\n- 9 more")
    >>> text.split("\\n")[0][37:], text.split("\\n")[1]
    ('Sunday to welcome forty former opposition members of the CLP.', '- 9 more')
    >>> unwrap("Welcome home 🇰🇭\\n45 members joined today")
    'Welcome home 🇰🇭\\n45 members joined today'
    """
    lines = _without_photo_numbers(text.split("\n"))
    widths: list[int] = []
    block: list[int] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(len(line.rstrip()))
            continue
        widths += [max(block)] * len(block) + [0] if block else [0]
        block = []
    out: list[str] = []
    for i, line in enumerate(lines):
        end = line.rstrip()
        after = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        wrapped = (
            len(end.strip()) >= 40
            and after
            # (not a table's rows, "From | To | Number | ...")
            and end.count("|") < 2
            and _OPEN_END.search(end)
            and _GOES_ON.match(after)
            and (
                after[0].islower()
                or _WRAPPED_BEFORE.search(end)
                # (not before a line that opens with a day: a bulletin's next entry)
                or (widths[i] >= 60 and len(end) >= 0.8 * widths[i] and after[0].isalpha())
            )
        )
        # ... and Khmer broken at a space as wide as its block, the sentence going on
        wrapped = wrapped or bool(
            widths[i] >= 60
            and len(end) >= 0.8 * widths[i]
            and _KHMER_LETTER_END.search(end)
            and _KHMER_GOES_ON.match(after)
            # (not before a line a label opens: "សរុប៖ ៤៥នាក់ ..." (in all: 45 ...))
            and not re.match(r"\S{1,20}\s*[៖:]", after)
        )
        if wrapped and re.search(r"[a-z]-$", end) and after[0].islower():
            out.append(end[:-1])  # "offici-" ¶ "als": a word the wrap broke with a hyphen
        else:
            out.append(end + " " if wrapped else line + "\n")
    return "".join(out)[:-1]


def _cut(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _END.finditer(line):
        before = line[start : m.start()].split()
        word = before[-1].lower().lstrip("([\"'“‘") if before else ""  # '(incl. 44 women)', '"Mr.'"
        if m.group().startswith(".") and (
            # a list's number opening the line ("2. The new members are ...", "១. លោក ...")
            re.fullmatch(r"\s*[\d០-៩]{1,2}", line[start : m.start()]) is not None
            or word in _ABBREVIATIONS
            or (len(word) == 1 and word.isalpha())
            # a dotted acronym: "គ.ស.ជ." (the CNRP), "U.N." (not "... គ.ប.ក.។", a full stop after)
            or (
                re.fullmatch(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}", word) is not None
                and "។" not in m.group()
            )
        ):
            continue
        piece = line[start : m.end()].strip()
        if piece:
            pieces.append(piece)
        start = m.end()
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """The cleaned text's sentences. Every line is its own paragraph (a bulletin's items,
    a post's lines), so a date on one line never reaches another.

    >>> [(s.text, s.paragraph) for s in split_sentences("H.E. Sok joined. Ten left.\\n- 9 more")]
    [('H.E. Sok joined.', 0), ('Ten left.', 0), ('- 9 more', 1)]
    """
    out: list[Sentence] = []
    paragraph = 0
    for line in clean_text(text).splitlines():
        if not line.strip():
            continue
        for piece in _cut(line):
            out.append(Sentence(piece, paragraph, len(out)))
        paragraph += 1
    return out
