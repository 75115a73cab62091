"""NameIndex behaviour: exact, acronym, sounds-alike, word and fuzzy lookups, suggestions.

The labelled query/person pairs are in tests/test_name_pairs.py.
"""

from __future__ import annotations

import random
import threading

import pytest

from bot.core.matcher import (
    CUTOFF,
    SOUNDS_ALIKE,
    WORD_SCORE,
    AliasEntry,
    Candidate,
    NameIndex,
    looks_like_acronym,
)


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


def test_the_party_acronyms_each_find_their_party() -> None:
    index = _index((1, "CNRP"), (2, "CLP"), (3, "CPP"), (1, "Cambodia National Rescue Party"))
    for text, target in [("CNRP", 1), ("clp", 2), ("C.P.P.", 3), ("cnrp", 1)]:
        assert [(c.target, c.how) for c in index.resolve(text)] == [(target, "acronym")], text


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


def test_spelled_alike_answers_alone() -> None:
    index = _index((1, "Sok Eysan"), (2, "Sok An"), (3, "Sok Eysa"))
    assert index.resolve("Sok Eisan") == [Candidate(1, "Sok Eysan", SOUNDS_ALIKE, "fuzzy")]
    assert index.resolve("Eisan Sok") == [Candidate(1, "Sok Eysan", SOUNDS_ALIKE, "fuzzy")]
    assert index.resolve("Sarlong Deth") == []  # no one spelled so
    spaced = _index((1, "Sar Longdeth"))
    assert [c.score for c in spaced.resolve("Sarlong Det")] == [SOUNDS_ALIKE]


def test_word_match() -> None:
    index = _index((1, "Kung Raiya"), (2, "Candlelight Party"), (3, "Kem Sokha"))
    assert index.resolve("Raiya") == [Candidate(1, "Kung Raiya", WORD_SCORE, "word")]
    assert index.resolve("Reiya") == [Candidate(1, "Kung Raiya", WORD_SCORE, "word")]
    assert index.resolve("candlelight") == [Candidate(2, "Candlelight Party", WORD_SCORE, "word")]


def test_some_words_of_a_longer_name() -> None:
    index = _index((1, "Yang Saing Koma"), (2, "Yang Sokha"))
    assert [(c.target, c.how) for c in index.resolve("Saing Koma")] == [(1, "word")]


def test_word_match_ambiguity_and_limit() -> None:
    index = _index((1, "Kem Sokha"), (2, "Kem Ley"), (3, "Kem Monovithya"), (4, "Sam Rainsy"))
    result = index.resolve("kem")
    assert [(c.target, c.how) for c in result] == [(1, "word"), (2, "word"), (3, "word")]
    assert [c.target for c in index.resolve("kem", limit=2)] == [1, 2]


def test_word_match_needs_three_letters() -> None:
    index = _index((1, "Ly Sophanna"), (2, "Kung Raiya"))
    assert index.resolve("Ly") == []
    assert index.suggest("Ly", limit=1)[0].target == 1


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
    assert result[0].score == 100.0 > result[1].score >= CUTOFF


def test_a_slip_in_a_long_word_answers_a_changed_short_word_does_not() -> None:
    index = _index((1, "Kimsour Phirith"), (2, "Sem Hak"), (3, "Hun Manet"))
    assert [c.target for c in index.resolve("Kimsour Phirth")] == [1]
    assert index.resolve("Sem Hal") == []
    assert index.suggest("Sem Hal", limit=1)[0].target == 2
    assert index.resolve("Hun Many") == []
    assert index.resolve("Hun Seng") == []


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


@pytest.mark.parametrize("text", ["🕯️", "🕯", "❤️❤️", "...", "\u200b", "？！"])
def test_a_query_with_no_letters_matches_and_suggests_nothing(text: str) -> None:
    index = _index((1, "Kem Sokha"), (2, "CNRP"), (3, "ហ៊ុន សែន"))
    assert index.resolve(text) == []
    assert index.suggest(text) == []


def test_precomputed_keys_are_used_as_given() -> None:
    entry = AliasEntry(1, "Displayed Name", key="kung raiya")
    index = NameIndex([entry])
    assert index.resolve("Kung Raiya") == [Candidate(1, "Displayed Name", 100.0, "exact")]
    assert index.resolve("Raiya")[0].how == "word"


def test_len_counts_indexed_aliases() -> None:
    assert len(_index((1, "Hun Sen"), (1, "CPP"), (2, "..."))) == 2
    assert len(NameIndex([])) == 0


def test_name_of_is_the_first_canonical_alias() -> None:
    index = _index(
        AliasEntry(2, "Sen"),
        AliasEntry(2, "Hun Sen", canonical=True),
        AliasEntry(1, "Kem Sokha", canonical=True),
        AliasEntry(2, "Samdech Hun Sen", canonical=True),
    )
    assert [index.name_of(n) for n in (1, 2, 3)] == ["Kem Sokha", "Hun Sen", None]


def test_khmer_aliases() -> None:
    index = _index((1, "ហ៊ុន សែន"), (2, "ហ៊ុន ម៉ាណែត"), (3, "Hun Sen"))
    assert index.resolve("ហ៊ុនសែន") == [Candidate(1, "ហ៊ុន សែន", 100.0, "exact")]
    assert index.resolve("ឯកឧត្តម ហ៊ុន ម៉ាណែត")[0].target == 2
    assert [c.target for c in index.suggest("ហ៊ុន សែនៗ", limit=1)] == [1]


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


def _random_names(rng: random.Random, count: int) -> list[str]:
    families = ["Hun", "Kem", "Sam", "Sok", "Chea", "Heng", "Ly", "Lim", "Ouk", "Prak", "Meas"]
    syllables = ["so", "kha", "ra", "iya", "san", "phea", "rith", "vath", "dy", "chan", "thy"]
    names: set[str] = set()
    while len(names) < count:
        given = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
        extra = f" {rng.choice(syllables).title()}" if rng.random() < 0.3 else ""
        names.add(f"{rng.choice(families)} {given.title()}{extra}")
    return sorted(names)


def _misspelled(rng: random.Random, name: str) -> str:
    chars = list(name)
    at = rng.randrange(len(chars))
    chars[at] = rng.choice(["", chars[at] * 2, rng.choice("aeiouhn")])
    words = "".join(chars).split()
    if rng.random() < 0.3:
        words = words[1:] + words[:1]
    return " ".join(words)


@pytest.mark.parametrize("seed", range(2))
def test_suggest_after_resolve_equals_suggest_alone(seed: int) -> None:
    """The index keeps the last query's candidates for the suggest() that follows a resolve()
    that found no one; that suggest() equals one on an index that saw no resolve()."""
    rng = random.Random(seed)
    aliases = _random_names(rng, 3000)
    entries = [AliasEntry(n, alias) for n, alias in enumerate(aliases)]
    used, fresh = NameIndex(entries), NameIndex(entries)
    queries = {_misspelled(rng, rng.choice(aliases)) for _ in range(30)}
    for query in queries:  # each new to `fresh`: it has kept nothing for it
        used.resolve(query)
        assert used.suggest(query, limit=5) == fresh.suggest(query, limit=5), query


@pytest.mark.parametrize("seed", range(3))
def test_misspelled_names_come_first_in_a_large_index(seed: int) -> None:
    """Among 3,000 similar names, a name with one slip is what the bot shows first (the
    answer, or else the first suggestion) for nearly every query."""
    rng = random.Random(seed)
    aliases = _random_names(rng, 3000)
    index = NameIndex(AliasEntry(n, alias) for n, alias in enumerate(aliases))
    first = 0
    for _ in range(100):
        target = rng.randrange(len(aliases))
        query = _misspelled(rng, aliases[target])
        shown = index.resolve(query) or index.suggest(query)
        first += shown[0].target == target
    assert first >= 88, first


def test_concurrent_lookups_agree() -> None:
    """The bot answers from several threads: lookups sharing the index's kept candidates give
    what a lookup alone gives."""
    rng = random.Random(4)
    aliases = _random_names(rng, 2000)
    entries = [AliasEntry(n, alias) for n, alias in enumerate(aliases)]
    queries = [_misspelled(rng, rng.choice(aliases)) for _ in range(40)]
    one = NameIndex(entries)
    alone = {q: (one.resolve(q), one.suggest(q)) for q in queries}
    shared = NameIndex(entries)
    failures: list[str] = []

    def ask(order: list[str]) -> None:
        for q in order:
            if (shared.resolve(q), shared.suggest(q)) != alone[q]:
                failures.append(q)

    threads = [
        threading.Thread(target=ask, args=(rng.sample(queries, len(queries)),)) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_long_queries_are_cut_to_a_name() -> None:
    index = _index((1, "Kung Raiya"))
    assert index.resolve("x" * 100_000) == []
    assert index.suggest("Kung Raiya " + "x " * 5000, limit=1)[0].target == 1
