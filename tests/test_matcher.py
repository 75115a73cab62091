"""NameIndex: labelled name pairs (tests/data/name_pairs.tsv) plus behaviour tests."""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import bot.core.fuzzy
import bot.core.matcher
from bot.core.matcher import WORD_SCORE, AliasEntry, Candidate, NameIndex, looks_like_acronym
from bot.core.normalize import compact_key, normalize_name

PAIRS = Path(__file__).parent / "data" / "name_pairs.tsv"

# People and parties a query competes with in the pair tests: real Cambodian
# politicians and parties plus constructed near-neighbours sharing family names.
DISTRACTORS = (
    "Hun Sen", "Hun Manet", "Hun Manith", "Hun Many", "Hun Mana", "Hun To",
    "Kem Sokha", "Kem Monovithya", "Kem Ley", "Kem Samathida", "Kem Sovannara",
    "Sam Rainsy", "Sam Inn", "Sam Sundoeun", "Sam Kimsour",
    "Sok An", "Sok Eysan", "Sok Siphana", "Sok Chenda Sophea", "Sok Puthyvuth",
    "Chea Sim", "Chea Sophara", "Chea Vandeth", "Chea Chanto",
    "Heng Samrin", "Heng Sour", "Heng Rattana",
    "Ly Sophanna", "Ly Yong Phat", "Ly Thuch", "Lim Kean Hor", "Lim Kim Hor",
    "Chan Sarun", "Chan Cheng", "Ouk Rabun", "Ouk Phalla", "Prak Sokhonn", "Prak Sovann",
    "Meas Sophea", "Meas Sokchea", "Sar Kheng", "Sar Sokha", "Keo Remy", "Keo Puth Reasmey",
    "Nhem Saron", "Nhim Vanda", "Tea Banh", "Tea Seiha", "Say Chhum", "Say Sam Al",
    "Men Sam An", "Sun Chanthol", "Sun Chanthy", "Aun Pornmoniroth", "Hang Chuon Naron",
    "Vongsey Vissoth", "Mu Sochua", "Eng Chhai Eang", "Yim Sovann", "Son Chhay", "Ho Vann",
    "Pol Ham", "Pol Saroeun", "Ou Chanrith", "Ke Sovannaroth", "Long Ry", "Um Sam An",
    "Meach Sovannara", "Kong Korm", "Thach Setha", "Son Soubert", "Teav Vannol", "Rong Chhun",
    "Sem Hak", "Tum Bunthorn", "Thoeun Bunthorn", "Leok Sothea", "Long Phary",
    "Kimsour Phirith", "Sar Longdeth", "Khuong Sreng", "Yim Sinon", "Pey Peyly", "Kung Raiya",
    "Hun Kossal", "Norodom Ranariddh", "Norodom Chakravuth", "Norodom Arunrasmy",
    "Norodom Sirivudh", "You Hockry", "Nhek Bun Chhay", "Chheang Vun", "Suos Yara",
    "Ny Chakrya", "Kun Kim", "Neth Savoeun", "Hing Bun Heang", "Cheam Channy", "Chiem Yeap",
    "Pa Socheatvong", "Khuon Sudary", "Ouch Borith", "Kheng Samvada", "Sim Ka", "Ou Virak",
    "ហ៊ុន សែន", "ហ៊ុន ម៉ាណែត", "កឹម សុខា", "សម រង្ស៊ី",
    "Cambodian People's Party", "CPP", "Candlelight Party", "CLP", "Sam Rainsy Party", "SRP",
    "Cambodia National Rescue Party", "CNRP", "FUNCINPEC", "Human Rights Party", "HRP",
    "Khmer Will Party", "Khmer Power Party", "Khmer National United Party", "Khmer United Party",
    "Grassroots Democratic Party", "Grassroots Democracy Party", "League for Democracy Party",
    "Beehive Social Democratic Party", "Cambodian Nationality Party", "Cambodian Youth Party",
    "Kampucheaniyum Party", "Cambodian Reform Party", "Khmer Economic Development Party",
    "Democratic Party", "Cambodia Indigenous People’s Democracy Party",
)  # fmt: skip

TARGET = 1


def _pairs() -> list[tuple[str, str, bool, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        header = next(rows)
        assert header == ["query", "target", "should_match", "note"]
        out = []
        for query, target, should_match, note in rows:
            assert should_match in ("true", "false"), (query, should_match)
            out.append((query, target, should_match == "true", note))
    return out


def _index_for(query: str, target: str) -> NameIndex:
    """Distractors plus the target; other spellings of query or target are left out."""
    own = {compact_key(query), compact_key(target)}
    entries = [
        AliasEntry(1000 + n, alias)
        for n, alias in enumerate(DISTRACTORS)
        if compact_key(alias) not in own
    ]
    entries.append(AliasEntry(TARGET, target))
    return NameIndex(entries)


def test_pairs_file_is_large_and_balanced() -> None:
    pairs = _pairs()
    assert len(pairs) >= 60
    assert sum(match for *_, match, _ in pairs) >= 25
    assert sum(not match for *_, match, _ in pairs) >= 25


@pytest.mark.parametrize(
    ("query", "target", "should_match", "note"),
    _pairs(),
    ids=[f"{q}->{t}" for q, t, *_ in _pairs()],
)
def test_name_pair(query: str, target: str, should_match: bool, note: str) -> None:
    index = _index_for(query, target)
    candidates = index.resolve(query, limit=len(index))
    mine = [c for c in candidates if c.target == TARGET]
    if should_match:
        assert mine, f"{note}: {target!r} not found for {query!r}; got {candidates}"
        assert mine[0].score == candidates[0].score, f"{note}: outranked: {candidates}"
    else:
        assert not mine, f"{note}: {query!r} wrongly matched {target!r}: {mine}"


def _index(*aliases: tuple[int, str] | AliasEntry) -> NameIndex:
    return NameIndex(a if isinstance(a, AliasEntry) else AliasEntry(*a) for a in aliases)


def test_exact_match_wins_outright() -> None:
    index = _index((1, "Hun Manet"), (2, "Hun Maneth"), (3, "Hun Manith"))
    assert index.resolve("hun  MANET") == [Candidate(1, "Hun Manet", 100.0, "exact")]


def test_exact_match_on_compact_key() -> None:
    index = _index((1, "Pey Peyly"), (2, "Pey Pey Lyy"))
    assert [(c.target, c.how) for c in index.resolve("Pey Pey-Ly")] == [(1, "exact")]


def test_shared_alias_is_an_ambiguity() -> None:
    index = _index((1, "Sok Chea"), (2, "Sok Chea"), (3, "Sok Cheaa"))
    result = index.resolve("sok chea")
    assert [(c.target, c.how, c.score) for c in result] == [
        (1, "exact", 100.0),
        (2, "exact", 100.0),
    ]


def test_acronyms_match_exactly_never_fuzzily() -> None:
    index = _index((1, "CPP"), (2, "Candlelight Party"), AliasEntry(3, "Funcinpec", acronym=True))
    assert index.resolve("CLP") == []
    assert index.resolve("CPPP") == []
    assert index.resolve("Funcinpek") == []
    assert [(c.target, c.how) for c in index.resolve("c.p.p")] == [(1, "acronym")]
    assert [(c.target, c.how) for c in index.resolve("FUNCINPEC")] == [(3, "acronym")]


def test_acronym_and_full_name_of_same_party_both_exact() -> None:
    index = _index((1, "CLP"), (1, "Candlelight Party"), (2, "CPP"))
    assert index.resolve("clp") == [Candidate(1, "CLP", 100.0, "acronym")]


def test_looks_like_acronym() -> None:
    assert looks_like_acronym("CNRP")
    assert looks_like_acronym("C.N.R.P.")
    assert looks_like_acronym("FUNCINPEC")
    assert not looks_like_acronym("Funcinpec")
    assert not looks_like_acronym("HUN SEN")
    assert not looks_like_acronym("X")


def test_word_match() -> None:
    index = _index((1, "Kung Raiya"), (2, "Candlelight Party"), (3, "Kem Sokha"))
    assert index.resolve("Raiya") == [Candidate(1, "Kung Raiya", WORD_SCORE, "word")]
    assert index.resolve("candlelight") == [Candidate(2, "Candlelight Party", WORD_SCORE, "word")]


def test_word_match_ambiguity_and_limit() -> None:
    index = _index((1, "Kem Sokha"), (2, "Kem Ley"), (3, "Kem Monovithya"), (4, "Sam Rainsy"))
    result = index.resolve("kem")
    assert [(c.target, c.how) for c in result] == [(1, "word"), (2, "word"), (3, "word")]
    assert [c.target for c in index.resolve("kem", limit=2)] == [1, 2]


def test_word_match_needs_three_letters_and_a_single_word() -> None:
    index = _index((1, "Ly Sophanna"), (2, "Kung Raiya"))
    assert index.resolve("Ly") == []
    assert index.resolve("Raiya Raiya") == []


def test_word_score_respects_cutoff() -> None:
    index = _index((1, "Kung Raiya"))
    assert index.resolve("Raiya", cutoff=WORD_SCORE + 1) == []


def test_fuzzy_word_order_and_best_per_target() -> None:
    index = _index((1, "Kem Sokha"), (1, "Kem Sokhaa"), (2, "Kem Sokhar"))
    result = index.resolve("Sokha Kem")
    assert [(c.target, c.alias, c.how) for c in result] == [
        (1, "Kem Sokha", "fuzzy"),
        (2, "Kem Sokhar", "fuzzy"),
    ]
    assert result[0].score == 100.0 > result[1].score >= 88


def test_fuzzy_results_best_first_and_limited() -> None:
    index = _index(*((n, f"Chea Sophara{'a' * n}") for n in range(1, 5)))
    result = index.resolve("Chea Sophar", limit=3, cutoff=0)
    assert [c.target for c in result] == [1, 2, 3]
    assert [c.score for c in result] == sorted((c.score for c in result), reverse=True)


def test_no_match_and_empty_queries() -> None:
    index = _index((1, "Hun Sen"))
    assert index.resolve("Sam Rainsy") == []
    assert index.resolve("") == []
    assert index.resolve(" .,- ") == []
    assert index.resolve("Hun Sen", limit=0) == []


def test_precomputed_keys_are_used_as_given() -> None:
    entry = AliasEntry(1, "Displayed Name", key="kung raiya", compact="kungraiya", sorted_key="x")
    index = NameIndex([entry])
    assert index.resolve("Kung Raiya") == [Candidate(1, "Displayed Name", 100.0, "exact")]
    assert index.resolve("Raiya")[0].how == "word"


def test_len_counts_indexed_aliases() -> None:
    assert len(_index((1, "Hun Sen"), (1, "CPP"), (2, "..."))) == 2
    assert len(NameIndex([])) == 0


def test_khmer_aliases() -> None:
    index = _index((1, "ហ៊ុន សែន"), (2, "ហ៊ុន ម៉ាណែត"), (3, "Hun Sen"))
    assert index.resolve("ហ៊ុនសែន") == [Candidate(1, "ហ៊ុន សែន", 100.0, "exact")]
    assert index.resolve("ឯកឧត្តម ហ៊ុន ម៉ាណែត")[0].target == 2


def test_suggest_is_never_empty_for_a_nonempty_index() -> None:
    index = _index((1, "Kem Sokha"), (2, "Sam Rainsy"), (3, "CNRP"))
    assert index.suggest("zzzz qqqq")
    assert len(index.suggest("xyz", limit=5)) == 3
    assert NameIndex([]).suggest("Kem Sokha") == []
    assert index.suggest("...") == []


def test_suggest_ranks_closest_and_includes_acronyms() -> None:
    index = _index((1, "Kem Sokha"), (2, "Kem Ley"), (3, "CNRP"), (4, "CPP"))
    assert [c.target for c in index.suggest("Kim Sukha", limit=1)] == [1]
    assert index.suggest("CNPR", limit=1)[0].alias == "CNRP"
    assert index.suggest("kem sokha") == [Candidate(1, "Kem Sokha", 100.0, "exact")]


def _reference_scores(compacts: list[str], query: str) -> dict[int, float]:
    """Brute force of the documented scorer, to check the index's pruning."""
    tokens = normalize_name(query).split()
    orders = (
        itertools.permutations(tokens)
        if len(tokens) <= 3
        else (tokens[i:] + tokens[:i] for i in range(len(tokens)))
    )
    rows = {"".join(order) for order in orders}
    return {
        target: max(fuzz.ratio(row, compact) for row in rows)
        for target, compact in enumerate(compacts)
    }


_KHMER = ["ហ៊ុន", "សែន", "កឹម", "សុខា", "សម", "រង្ស៊ី", "ជា", "ស៊ីម"]


def test_letter_code_of_one_key_equals_the_vectorised_codes() -> None:
    rng = random.Random(7)
    alphabet = "aaaannhhiiteokbcdfgjlmpqrsuvwxyz0123?" + "ហ៊ុនសែ"
    keys: list[bytes | str] = []
    for _ in range(3000):
        key = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        keys.append(bot.core.matcher.stored(key))
    codes = bot.core.fuzzy.letter_codes(keys)
    assert [int(bot.core.fuzzy.letter_code(key)) for key in keys] == codes.tolist()
    # The code distance never exceeds the indel distance it stands in for.
    for a, b in zip(keys[::2], keys[1::2], strict=True):
        x = a if isinstance(a, str) else a.decode()
        y = b if isinstance(b, str) else b.decode()
        indel = round((len(x) + len(y)) * (1 - fuzz.ratio(x, y) / 100))
        assert int(bot.core.fuzzy.letter_code(a) ^ bot.core.fuzzy.letter_code(b)).bit_count() <= indel


def _random_names(rng: random.Random, count: int) -> list[str]:
    families = ["Hun", "Kem", "Sam", "Sok", "Chea", "Heng", "Ly", "Lim", "Ouk", "Prak", "Meas"]
    syllables = ["so", "kha", "ra", "iya", "san", "phea", "rith", "vath", "dy", "chan", "thy"]
    names: set[str] = set()
    while len(names) < count:
        given = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        extra = f" {rng.choice(syllables).title()}" if rng.random() < 0.3 else ""
        names.add(f"{rng.choice(families)} {given.title()}{extra}")
    return sorted(names)


# The plain half (bot.core.fuzzy_small), and bot.core.fuzzy's letter-code scan of every key and its
# bucketed scan (what indexes above bot.core.fuzzy._FLAT_KEYS use).
@pytest.mark.parametrize(("size", "flat_keys"), [(300, None), (3000, 20_000), (3000, 0)])
@pytest.mark.parametrize("seed", range(5))
def test_bucket_pruning_matches_brute_force(
    seed: int, size: int, flat_keys: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if flat_keys is not None:
        monkeypatch.setattr(bot.core.fuzzy, "_FLAT_KEYS", flat_keys)
    rng = random.Random(seed)
    aliases = _random_names(rng, size)
    # Some keys outside a-z (Khmer script, digits): letter codes put them in a class of their own.
    aliases += [
        f"{rng.choice(_KHMER)} {rng.choice(_KHMER)}{n % 7 or ''}" for n in range(size // 20)
    ]
    compacts = [compact_key(alias) for alias in aliases]
    index = NameIndex(AliasEntry(n, alias) for n, alias in enumerate(aliases))
    for _ in range(20):
        base = rng.choice(aliases)
        chars = list(base)
        chars[rng.randrange(len(chars))] = rng.choice("aeiouhn")
        query = "".join(chars) + ("" if rng.random() < 0.5 else "x")
        if compact_key(query) in compacts:
            continue  # exact path, covered elsewhere
        expected = _reference_scores(compacts, query)
        if len(normalize_name(query).split()) == 1:
            continue  # single words add word matches; covered elsewhere
        # Both are exact, ties included: equal (rounded) scores go to the earlier alias.
        nearest = sorted(expected, key=lambda target: (-round(expected[target], 2), target))
        got = index.resolve(query, limit=10)
        assert [c.target for c in got] == [t for t in nearest if expected[t] >= 88.0][:10]
        for c in got:
            assert c.score == pytest.approx(expected[c.target], abs=0.01)
        top = index.suggest(query, limit=5)
        assert [c.target for c in top] == nearest[:5]


@pytest.mark.parametrize("flat_keys", [20_000, 0])
def test_suggest_for_names_far_from_every_alias_matches_brute_force(
    flat_keys: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "did you mean" whose closest names score low goes through every tier of bounds, down
    to the last (every key); it still gives the exact best, ties to the earlier alias."""
    monkeypatch.setattr(bot.core.fuzzy, "_FLAT_KEYS", flat_keys)
    aliases = _random_names(random.Random(11), 3000)
    compacts = [compact_key(alias) for alias in aliases]
    index = NameIndex(AliasEntry(n, alias) for n, alias in enumerate(aliases))
    queries = ["Zzqx Wvvw", "Qqq Xxx Zzz", "a b", "Jfw", "12345 678", "Sokharavath Xyz", "ហ៊ុនសែន"]
    for query in queries:
        expected = _reference_scores(compacts, query)
        nearest = sorted(expected, key=lambda target: (-round(expected[target], 2), target))
        for limit in (1, 3, 7):
            got = index.suggest(query, limit=limit)
            assert [c.target for c in got] == nearest[:limit], query
            for c in got:
                assert c.score == pytest.approx(expected[c.target], abs=0.01)
    assert index.suggest("Zzqx Wvvw", limit=3)[-1].score < 50  # the deepest tiers were used


@pytest.mark.parametrize("seed", range(6))
def test_small_and_bucketed_fuzzy_halves_agree(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    aliases = [*_random_names(rng, 400), "CNRP", "CLP", "FUNCINPEC"]
    small = NameIndex(AliasEntry(n, alias) for n, alias in enumerate(aliases))
    assert type(small.fuzzy()).__name__ == "SmallFuzzyIndex"  # built now, on first use
    monkeypatch.setattr(bot.core.matcher, "SMALL_INDEX", 0)
    bucketed = NameIndex(AliasEntry(n, alias) for n, alias in enumerate(aliases))
    assert type(bucketed.fuzzy()).__name__ == "FuzzyIndex"
    queries = [rng.choice(aliases) for _ in range(40)]
    queries = [q[:-1] + rng.choice("aeiouhn") for q in queries] + ["Hun", "Sokha", "CNPR", "Lim"]
    for query in queries:
        for limit in (1, 5):
            assert small.resolve(query, limit=limit) == bucketed.resolve(query, limit=limit)
            assert small.suggest(query, limit=limit) == bucketed.suggest(query, limit=limit)


def test_exact_lookups_agree_between_the_dict_and_the_sorted_buckets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Small indexes find exact names in a dict, large ones by binary search in sorted buckets;
    both give the same hits, also for a name several people share and for buckets that mix
    Khmer-script keys (str) with ASCII ones (bytes)."""
    rng = random.Random(3)
    aliases = [*_random_names(rng, 2000), *_KHMER, "Bcdf", "Prtk", "Kltr Smrt"]
    entries = [AliasEntry(n, alias) for n, alias in enumerate(aliases)]
    entries += [AliasEntry(10_000 + n, alias) for n, alias in enumerate(aliases[::40])]
    by_dict = NameIndex(entries)
    monkeypatch.setattr(bot.core.matcher, "EXACT_MAP", 0)
    by_search = NameIndex(entries)
    assert by_dict._exact_ids is not None and by_search._exact_ids is None
    mixed = [keys for keys, _ in by_search._buckets.values() if len({type(k) for k in keys}) > 1]
    assert mixed  # "ហ៊ុន" and "bcdf": four letters outside the classes each
    for alias in [*aliases, "No Such Name", "ហ៊ុនសែនៗ"]:
        assert by_search.resolve(alias, limit=10) == by_dict.resolve(alias, limit=10)
    shared = by_search.resolve(aliases[0], limit=10)
    assert [c.target for c in shared] == [0, 10_000] and {c.how for c in shared} == {"exact"}


def test_kept_letter_code_distances_equal_new_ones() -> None:
    """A scan reuses the last query's letter-code distances (a "did you mean" after a resolve
    of the same name): slices of them, and them widened, equal distances worked out anew."""
    import numpy as np

    from bot.core.fuzzy import FuzzyIndex, letter_code

    index = NameIndex(
        AliasEntry(n, name) for n, name in enumerate(_random_names(random.Random(5), 3000))
    )
    fuzzy = index.fuzzy()
    assert isinstance(fuzzy, FuzzyIndex)
    size = len(fuzzy._codes)
    for word in (b"kemsokha", b"sokhakem", b"kemsokha"):
        letters = letter_code(word)
        for start, stop in [(100, 900), (200, 300), (0, size), (0, 50), (size - 10, size), (5, 5)]:
            want = np.bitwise_count(fuzzy._codes[start:stop] ^ letters)
            assert fuzzy._code_distances(letters, start, stop).tolist() == want.tolist()
