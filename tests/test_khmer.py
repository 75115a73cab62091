"""Khmer-script party and person names: aliases in the data (each with where its spelling comes
from), kept intact by normalisation, matched exactly; replies stay in English."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.commands import answer_text
from bot.core.matcher import AliasEntry, NameIndex
from bot.core.normalize import compact_key, normalize_name
from bot.core.render import to_plain
from bot.desk import Desk
from tests.botrig import USER, expected, running_bot
from tests.conftest import DATA

KHMER = re.compile(r"[\u1780-\u17ff]")
WHERE_FROM = re.compile(
    r"Wikipedia|candlelightparty\.org|National Election Committee|VOA Khmer|RFI Khmer|Fresh News|"
    r"the same name without"
)
PARTY_NAMES = {
    "គណបក្សប្រជាជនកម្ពុជា": "Cambodian People's Party",
    "គណបក្សភ្លើងទៀន": "Candlelight Party",
    "ភ្លើងទៀន": "Candlelight Party",
    "គណបក្សសង្គ្រោះជាតិ": "Cambodia National Rescue Party",
    "គណបក្សហ្វ៊ុនស៊ិនប៉ិច": "FUNCINPEC",
    "ហ្វ៊ុនស៊ិនប៉ិច": "FUNCINPEC",
    "គណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន": "Grassroots Democracy Party",
}
PEOPLE_NAMES = {"ហ៊ុន សែន": "Hun Sen", "កឹម សុខា": "Kem Sokha"}


def khmer_aliases(file: str, section: str) -> list[dict[str, str]]:
    entries = yaml.safe_load((DATA / file).read_text(encoding="utf-8"))[section]
    return [
        alias
        for entry in entries
        for alias in entry.get("aliases", [])
        if isinstance(alias, dict) and KHMER.search(alias["name"])
    ]


@pytest.mark.parametrize(
    ("file", "section"), [("parties.yaml", "parties"), ("people.yaml", "people")]
)
def test_every_khmer_alias_says_where_its_spelling_comes_from(file: str, section: str) -> None:
    aliases = khmer_aliases(file, section)
    assert aliases
    for alias in aliases:
        origin = alias.get("origin", "")
        assert "not in the seed documents" in origin, alias  # honest: the seeds have no Khmer
        assert WHERE_FROM.search(origin), alias  # names where the spelling was read


def test_normalisation_keeps_khmer_letters() -> None:
    for name in [*PARTY_NAMES, *PEOPLE_NAMES]:
        assert normalize_name(name) == name
    assert compact_key("ភ្លើង\u200bទៀន") == compact_key("ភ្លើងទៀន") == "ភ្លើងទៀន"
    assert normalize_name("គណបក្ស ភ្លើងទៀន។") == "គណបក្ស ភ្លើងទៀន"


def test_matcher_matches_khmer_exactly() -> None:
    index = NameIndex(AliasEntry(i, name) for i, name in enumerate(PARTY_NAMES))
    for i, name in enumerate(PARTY_NAMES):
        (hit,) = index.resolve(name)
        assert (hit.target, hit.how, hit.score) == (i, "exact", 100.0)
    assert index.resolve("គណបក្ស ភ្លើងទៀន")[0].how == "exact"  # spacing does not matter


@pytest.mark.parametrize(("khmer", "english"), sorted(PARTY_NAMES.items()))
def test_total_by_khmer_party_name(desk: Desk, khmer: str, english: str) -> None:
    by_khmer = to_plain(answer_text(desk, f"/total {khmer} June"))
    by_english = to_plain(answer_text(desk, f"/total {english} June"))
    assert by_khmer == by_english
    assert by_khmer.startswith(f"{english}, June 2023: ")
    assert not KHMER.search(by_khmer)  # the reply stays in English


def test_candlelight_in_khmer_everywhere(desk: Desk) -> None:
    assert to_plain(answer_text(desk, "/total ភ្លើងទៀន")) == to_plain(
        answer_text(desk, "/total Candlelight")
    )
    assert to_plain(answer_text(desk, "/chart ភ្លើងទៀន June")).startswith(
        "Candlelight Party, June 2023"
    )
    answer = answer_text(desk, "how many ភ្លើងទៀន defections in June?")
    assert to_plain(answer).startswith("Showing /total ភ្លើងទៀន June 2023\n\nCandlelight Party")


@pytest.mark.parametrize(("khmer", "english"), sorted(PEOPLE_NAMES.items()))
def test_who_by_khmer_name(desk: Desk, khmer: str, english: str) -> None:
    for typed in (khmer, khmer.replace(" ", ""), khmer.replace(" ", "\u200b")):
        text = to_plain(answer_text(desk, f"/who {typed}"))
        assert text.splitlines()[0] == english
        assert "Also spelled: " in text and khmer in text


async def test_khmer_through_the_bot(desk: Desk) -> None:
    async with running_bot(desk) as rig:
        (total,) = await rig.say(USER, "/total ភ្លើងទៀន")
        (who,) = await rig.say(USER, "/who ហ៊ុន សែន")
        (on,) = await rig.say(USER, "/on ថ្ងៃទី២៩ ខែមិថុនា ឆ្នាំ២០២៣")
        (asked,) = await rig.say(USER, "គណបក្សភ្លើងទៀន ប៉ុន្មាននាក់ ខែមិថុនា?")
    assert on.text == expected(desk, "/on 29/06/2023")[0]
    assert (asked.text or "").startswith("Showing /total គណបក្សភ្លើងទៀន June 2023\n\n")
    assert (asked.text or "").endswith(expected(desk, "/total Candlelight June")[0])
    assert total.text == expected(desk, "/total Candlelight")[0]
    assert (total.text or "").startswith("Candlelight Party, all dates in the data")
    assert (who.text or "").startswith("Hun Sen\n")
    assert rig.rejected() == []
