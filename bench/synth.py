"""Seeded synthetic data for the benchmarks: romanized Khmer names, their spelling variants,
misspelled queries with known answers, and claims tables / fact files in the `data/` formats.

Everything is a pure function of its seed, so two runs (or two machines) bench the same data:

>>> people = person_names(3, seed=1)
>>> people == person_names(3, seed=1), len(people)
(True, 3)
>>> all(isinstance(alias, str) for aliases in people for alias in aliases)
True

Names are built the way Cambodian names are written in English-language copy: a family name
first ("Sok", "Chea", "Khieu"), then a given name of one or two syllables, sometimes written as
two words ("Sar Longdeth" / "Sarlong Deth"). Aliases of one person differ the way press
romanizations do (ea/ia, ou/u, ey/ei, final h/th, doubled final n, word order, spacing);
queries add typing mistakes on top (a letter dropped, doubled, swapped or mistyped), an
honorific now and then, and random case.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bot.core.bounds import MAX_DEFECTORS
from bot.core.normalize import compact_key

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SOURCE_KEY = "bench-synthetic"

SURNAMES = (
    "Chan", "Chea", "Sok", "Kim", "Ly", "Lim", "Heng", "Hun", "Keo", "Kem", "Khieu", "Kong",
    "Leng", "Long", "Mao", "Meas", "Men", "Nhem", "Nuon", "Ouk", "Pen", "Phan", "Pich", "Prak",
    "Ros", "Sam", "Sar", "Say", "Seng", "Sim", "Sin", "Son", "Srey", "Suon", "Tan", "Tep",
    "Thach", "Touch", "Ung", "Vann", "Yim", "Yin", "Yos", "Chhim", "Chhay", "Chhoeun", "Hem",
    "Hor", "Im", "In", "Khim", "Kuy", "Lay", "Loeung", "Mam", "Mean", "Ngin", "Nop", "Oum",
    "Pal", "Pok", "Pou", "Rath", "Ream", "Sao", "Sieng", "Soeung", "Som", "Sorn", "Tith", "Tum",
    "Thoeun", "Uch", "Vong", "Yem", "Yun", "Nhek", "Pheng", "Phok", "Chum", "Dy", "Eang", "Ieng",
    "Kang", "Khuon", "Kuoch", "Lach", "Meng", "Norng", "Oeur", "Poeuv", "Tak", "Teav", "Tuy",
    "Yoeun", "Chab", "Dim", "Hak", "Hong", "Khat", "Kol", "Koy", "Mok", "Nak", "Ouch", "Peou",
    "Roeun", "Sous", "Khuong", "Kimsour", "Kung", "Norodom", "Sisowath", "Bou", "Chhun", "Ek",
    "Huot", "Kheng", "Lao", "Moeun", "Nget", "Pum", "Sun", "Thon", "Var",
)  # fmt: skip

# Syllables of given names as they are usually romanized.
SYLLABLES = (
    "so", "kha", "rai", "ya", "bun", "thorn", "sok", "cheat", "da", "ra", "vi", "chea", "pheap",
    "phea", "srey", "mom", "pheak", "dey", "tha", "pi", "seth", "van", "na", "chan", "thy", "ma",
    "lis", "ko", "sal", "sam", "nang", "ri", "vu", "rith", "bo", "pha", "lea", "khe", "kim",
    "sour", "phi", "sreng", "long", "deth", "ly", "vy", "nith", "rong", "phal", "sak", "sa",
    "rin", "chhor", "neang", "mony", "sey", "ha", "la", "kun", "thea", "chen", "vuth", "sal",
    "phors", "ta", "phat", "tola", "vat", "kosal", "veas", "leakh", "rak", "smey", "pov", "vath",
    "dara", "thou", "heng", "thol", "ry", "mas", "khy", "net", "sen", "sy", "chhun", "vong",
    "nary", "pov", "ka", "mean", "reth", "thida", "sinat", "hour", "vicheka", "lin", "mealea",
    "som", "nea", "chak", "sothy", "thyda", "tey", "sophal", "boran", "chhay", "eang", "kanha",
    "kosom", "makara", "nika", "oudom", "pisey", "reaksa", "sambath", "sovann", "theary",
    "udom", "vannak", "visal", "yuthea", "channa", "dalin", "hout", "kimly", "leap", "malin",
)  # fmt: skip

# Whole given names seen in Cambodian press copy; mixed with generated ones.
GIVEN = (
    "Sokha", "Dara", "Vichea", "Sophea", "Sreymom", "Pheakdey", "Ratha", "Piseth", "Vanna",
    "Sothea", "Chanthy", "Malis", "Sopheap", "Kosal", "Samnang", "Rithy", "Vuthy", "Narith",
    "Bopha", "Leakhena", "Sokunthea", "Chenda", "Mony", "Seyha", "Phalla", "Raiya", "Bunthorn",
    "Sreng", "Longdeth", "Phary", "Khy", "Mas", "Manet", "Sen", "Kheng", "Rainsy", "Sokhom",
    "Chantha", "Sovannara", "Monovithya", "Samrin", "Sarun", "Rabun", "Sokhonn", "Vandeth",
    "Peyly", "Phirith", "Sinon", "Kossal", "Chhum", "Sophara", "Chanto", "Rattana", "Eysan",
    "Siphana", "Puthyvuth", "Remy", "Saron", "Vanda", "Banh", "Seiha", "Sokchea", "Sundoeun",
)  # fmt: skip

HONORIFICS = ("H.E.", "Mr.", "Ms.", "Samdech", "Oknha", "Dr.", "Lok Chumteav")

# Romanization alternatives: (pattern, replacement), tried in random order on one word.
SPELLINGS = (
    ("ea", "ia"), ("ia", "ea"), ("ou", "u"), ("oeu", "eu"), ("ey", "ei"), ("ei", "ey"),
    ("th", "t"), ("chh", "ch"), ("ch", "chh"), ("kh", "k"), ("ph", "p"), ("v", "w"),
    ("y", "i"), ("o", "au"), ("nn", "n"), ("an", "ann"), ("eng", "ing"), ("ng", "ngh"),
    ("oe", "eu"), ("u", "ou"), ("ai", "ay"), ("ay", "ai"), ("ie", "ia"), ("k", "g"),
)  # fmt: skip

# Keys near each other on a QWERTY keyboard: the common mistyping.
NEIGHBOURS = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "wa", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}  # fmt: skip


def _given(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(GIVEN)
    if roll < 0.45:
        return rng.choice(SYLLABLES).capitalize()
    while True:
        given = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        if len(given) <= 10:
            return given.capitalize()


def _full_name(rng: random.Random) -> str:
    name = f"{rng.choice(SURNAMES)} {_given(rng)}"
    if rng.random() < 0.12:  # a two-word given name ("Nhek Bun Chhay")
        name += f" {rng.choice(SYLLABLES).capitalize()}"
    return name


def respell(name: str, rng: random.Random) -> str:
    """Another romanization of the same name (one or two changes), or the name itself."""
    words = name.split()
    for _ in range(rng.choice((1, 1, 2))):
        i = rng.randrange(len(words))
        word = words[i].lower()
        options = [(a, b) for a, b in SPELLINGS if a in word]
        if not options:
            continue
        a, b = rng.choice(options)
        at = rng.choice([k for k in range(len(word)) if word.startswith(a, k)])
        changed = word[:at] + b + word[at + len(a) :]
        if "hhh" not in changed and "uuu" not in changed:
            words[i] = changed.capitalize()
    roll = rng.random()
    if len(words) >= 2 and roll < 0.15:
        words = words[1:] + words[:1]  # Western order: given name first
    elif len(words) >= 2 and roll < 0.25:
        # Spacing differs between outlets: "Sar Longdeth" / "Sarlong Deth".
        joined = words[0] + words[1].lower()
        vowels = "aeiouy"
        cuts = [
            k
            for k in range(2, len(joined) - 1)
            if joined[k - 1] in vowels and joined[k] not in vowels and k != len(words[0])
        ]
        cut = rng.choice(cuts) if cuts else len(words[0])
        words = [joined[:cut].capitalize(), joined[cut:].capitalize(), *words[2:]]
    return " ".join(words)


def misspell(alias: str, rng: random.Random) -> str:
    """A query a journalist might type for ``alias``: typos, respelling, case, honorific."""
    text = respell(alias, rng) if rng.random() < 0.4 else alias
    chars = list(text)
    letters = [i for i, ch in enumerate(chars) if ch.isalpha()]
    for _ in range(rng.choice((1, 1, 1, 2))):
        if not letters:
            break
        i = rng.choice(letters)
        kind = rng.random()
        ch = chars[i].lower()
        if kind < 0.3 and ch in NEIGHBOURS:
            chars[i] = rng.choice(NEIGHBOURS[ch])
        elif kind < 0.55 and len(letters) > 4:
            chars[i] = ""
        elif kind < 0.8:
            chars[i] = chars[i] * 2
        elif i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    text = "".join(chars)
    roll = rng.random()
    if roll < 0.3:
        text = text.lower()
    elif roll < 0.4:
        text = text.upper()
    if rng.random() < 0.1:
        text = f"{rng.choice(HONORIFICS)} {text}"
    return text


def person_names(count: int, *, seed: int = 7, max_aliases: int = 4) -> list[list[str]]:
    """``count`` people, each a list of aliases (canonical name first), all compact keys unique.

    About 2.5 aliases a person on average (1 to ``max_aliases``).
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    people: list[list[str]] = []
    while len(people) < count:
        name = _full_name(rng)
        key = compact_key(name)
        if key in seen:
            continue
        seen.add(key)
        aliases = [name]
        wanted = min(max_aliases, 1 + rng.choice((0, 1, 1, 1, 2, 2, 3)))
        for _ in range(wanted * 3):
            if len(aliases) >= wanted:
                break
            variant = respell(name, rng)
            vkey = compact_key(variant)
            if vkey and vkey not in seen:
                seen.add(vkey)
                aliases.append(variant)
        people.append(aliases)
    return people


def alias_entries(count: int, *, seed: int = 7) -> list[tuple[int, str]]:
    """Exactly ``count`` (person number, alias) pairs: the people of :func:`person_names`."""
    out: list[tuple[int, str]] = []
    batch = max(16, count // 2)
    people = person_names(batch, seed=seed)
    while sum(len(a) for a in people) < count:
        batch *= 2
        people = person_names(batch, seed=seed)
    for target, aliases in enumerate(people):
        for alias in aliases:
            if len(out) == count:
                return out
            out.append((target, alias))
    return out


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # what the journalist typed
    target: int  # the person meant
    alias: str  # the stored alias it was derived from


def queries(entries: Sequence[tuple[int, str]], count: int, *, seed: int = 11) -> list[Query]:
    """``count`` misspelled queries for random aliases of ``entries``; never an exact alias."""
    rng = random.Random(seed)
    keys = {compact_key(alias) for _, alias in entries}
    out: list[Query] = []
    while len(out) < count:
        target, alias = entries[rng.randrange(len(entries))]
        text = misspell(alias, rng)
        key = compact_key(text)
        if key and key not in keys:
            out.append(Query(text, target, alias))
    return out


# ----------------------------------------------------------------------------- data files


@dataclass(frozen=True, slots=True)
class PartyName:
    key: str
    text: str  # how table rows write it
    weight: float


# How often each party appears in synthetic rows, written as the source table writes them.
PARTY_ROWS = (
    PartyName("clp", "Candlelight Party", 40),
    PartyName("cnrp", "Cambodia National Rescue Party", 25),
    PartyName("funcinpec", "Funcinpec", 8),
    PartyName("knup", "Khmer National United Party", 5),
    PartyName("gdp", "Grassroots Democracy Party", 4),
    PartyName("cyp", "Cambodian Youth Party", 3),
    PartyName("cnlp", "Cambodia Nation Love Party", 3),
    PartyName("ldp", "League for Democracy Party", 3),
    PartyName("unnamed", "Unnamed Parties", 6),
    PartyName("kwp", "Khmer Win Party", 2),
    PartyName("political-analyst", "Political Analyst", 1),
)
DESCRIPTORS = (
    "commune chief", "provincial councillor", "youth leader", "lawyer", "activist",
    "former commune councillor", "district working group head", "mass trial defendant",
    "village chief", "Phnom Penh working group head",
)  # fmt: skip
FIRST_DAY = date(2010, 1, 1)
LAST_DAY = date(2023, 6, 30)

SOURCES_YAML = f"""\
sources:
  - key: {SOURCE_KEY}
    outlet: Synthetic benchmark data
    title: Generated claims table for benchmarks (not real)
    published: 2023-07
    published_precision: month
    kind: synthetic
    description: Generated by bench/synth.py with a fixed seed; not real claims.
    claimant: synthetic pro-government outlet
"""


def _party_texts() -> tuple[list[str], list[float]]:
    return [p.text for p in PARTY_ROWS], [p.weight for p in PARTY_ROWS]


def claim_lines(
    rows: int, named: Sequence[str], *, seed: int = 3, named_share: float = 0.1
) -> Iterator[str]:
    """``rows`` table lines (newest first, like the source), ~6% joint, some naming people."""
    rng = random.Random(seed)
    texts, weights = _party_texts()
    span = (LAST_DAY - FIRST_DAY).days
    days = sorted((rng.randrange(span + 1) for _ in range(rows)), reverse=True)
    for offset in days:
        day = FIRST_DAY + timedelta(days=offset)
        number = int(rng.paretovariate(1.3)) if rng.random() < 0.9 else rng.randint(50, 900)
        number = min(number, MAX_DEFECTORS)  # the heavy tail passes the loader's bound at 1M rows
        parties = rng.choices(texts, weights)[0]
        if rng.random() < 0.06:
            other = rng.choices(texts, weights)[0]
            if other != parties:
                parties = f"{parties} / {other}"
        line = f"{day:%d/%m/%Y} {number:,} {parties}"
        if named and rng.random() < named_share:
            line += f" (including {rng.choice(DESCRIPTORS)} {rng.choice(named)})"
        yield line


def write_table(path: Path, rows: int, named: Sequence[str], *, seed: int = 3) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# source: {SOURCE_KEY}\n# claimant: synthetic pro-government outlet\n")
        out.write("Date Reported Number of Defectors Former Party\n")
        for line in claim_lines(rows, named, seed=seed):
            out.write(line + "\n")
    return path


def _yaml_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_people(path: Path, people: Sequence[Sequence[str]], *, seed: int = 5) -> Path:
    """A people.yaml: every person with aliases; a third with a role and a dated event."""
    rng = random.Random(seed)
    keys = [p.key for p in PARTY_ROWS if p.key not in ("unnamed", "political-analyst")]
    with path.open("w", encoding="utf-8") as out:
        out.write("people:\n")
        for n, aliases in enumerate(people):
            out.write(f"  - key: p{n}\n    name: {_yaml_str(aliases[0])}\n")
            if len(aliases) > 1:
                # Every alias says where it comes from (data/README.md): here, the synthetic source.
                spellings = ", ".join(
                    f"{{name: {_yaml_str(a)}, source: {SOURCE_KEY}}}" for a in aliases[1:]
                )
                out.write(f"    aliases: [{spellings}]\n")
            if rng.random() < 0.33:
                party = rng.choice(keys)
                when = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
                out.write(
                    f"    roles: [{{title: {rng.choice(DESCRIPTORS)}, party: {party}, "
                    f"source: {SOURCE_KEY}}}]\n"
                    f"    events: [{{kind: defected, date: '{when:%Y-%m-%d}', precision: day, "
                    f"from_party: {party}, to_party: cpp, source: {SOURCE_KEY}, "
                    "summary: Reported as joining the CPP}]\n"
                )
    return path


def write_dataset(
    folder: Path, *, claims: int, people: int, seed: int = 7
) -> tuple[Path, list[list[str]]]:
    """A data folder: bundled sources/parties, the synthetic source, people and one table.

    Returns the folder and the people (aliases per person, in file order).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("sources.yaml", "parties.yaml"):
        (folder / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bench-sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    names = person_names(people, seed=seed)
    write_people(folder / "bench-people.yaml", names, seed=seed + 1)
    claims_dir = folder / "claims"
    claims_dir.mkdir(exist_ok=True)
    # Rows name people by their canonical name, so every named person links to a fact person.
    named = [aliases[0] for aliases in names]
    write_table(claims_dir / "bench-claims.txt", claims, named, seed=seed + 2)
    return folder, names
