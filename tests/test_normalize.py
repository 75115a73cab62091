"""Search-key normalization: honorifics, quotes, accents, Khmer script, whitespace."""

from __future__ import annotations

import pytest

import bot.core.normalize
from bot.core.normalize import (
    HONORIFICS,
    compact_key,
    normalize_name,
    sorted_tokens_key,
    sounds_key,
    sounds_word,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Samdech Hun Sen", "hun sen"),
        ("Samdech Techo Hun Sen", "hun sen"),
        ("Samdech Akka Moha Sena Padei Techo Hun Sen", "hun sen"),
        ("Samdech Moha Bovor Thipadei Hun Manet", "hun manet"),
        ("H.E. Sar Kheng", "sar kheng"),
        ("H. E. Sar Kheng", "sar kheng"),
        ("HE Sar Kheng", "sar kheng"),
        ("His Excellency Sar Kheng", "sar kheng"),
        ("Excellency Sar Kheng", "sar kheng"),
        ("Oknha Ly Yong Phat", "ly yong phat"),
        ("Neak Oknha Ly Yong Phat", "ly yong phat"),
        ("Lok Chumteav Men Sam An", "men sam an"),
        ("Dr. Kem Ley", "kem ley"),
        ("Mr Kem Sokha", "kem sokha"),
        ("Mrs. Mu Sochua", "mu sochua"),
        ("Ms Mu Sochua", "mu sochua"),
        ("H.E. Dr. Hang Chuon Naron", "hang chuon naron"),
        ("Prince Norodom Ranariddh", "norodom ranariddh"),
        # However they are spaced or hyphenated.
        ("Lok Chum Teav Men Sam An", "men sam an"),
        ("Ok-nha Ly Yong Phat", "ly yong phat"),
        ("Sam Dech Hun Sen", "hun sen"),
        ("Samdech-Techo Hun Sen", "hun sen"),
        ("H. E. Dr Hang Chuon Naron", "hang chuon naron"),
    ],
)
def test_leading_honorifics_are_stripped(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Prime Minister Hun Manet", "prime minister hun manet"),  # job titles stay
        ("Minister Sar Kheng", "minister sar kheng"),
        ("Samdech", "samdech"),  # never emptied
        ("Mr. HE", "he"),
        ("Hun Sen Samdech", "hun sen samdech"),  # only leading
        ("Henry Kem", "henry kem"),  # whole words only
        ("Drith Sok", "drith sok"),
    ],
)
def test_what_is_not_stripped(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


def test_honorifics_are_written_in_normalized_form() -> None:
    for honorific in HONORIFICS:
        assert bot.core.normalize._fold(honorific) == honorific


@pytest.mark.parametrize(
    "variant",
    [
        "Cambodia Indigenous People’s Democracy Party",
        "Cambodia Indigenous People's Democracy Party",
        "Cambodia Indigenous People‘s Democracy Party",
        "Cambodia Indigenous Peopleʼs Democracy Party",
        "Cambodia Indigenous People´s Democracy Party",
        "Cambodia Indigenous People`s Democracy Party",
        "Cambodia Indigenous Ｐｅｏｐｌｅ＇ｓ Democracy Party",
        "CAMBODIA INDIGENOUS PEOPLES DEMOCRACY PARTY",
    ],
)
def test_apostrophes_quotes_and_case(variant: str) -> None:
    assert normalize_name(variant) == "cambodia indigenous peoples democracy party"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Sén Hùn", "sen hun"),
        ("Nguyễn Đức", "nguyen duc"),
        ("Søk Œuvre", "sok oeuvre"),
        ("Straße", "strasse"),
        ("e\u0301", "e"),  # decomposed accent
    ],
)
def test_accents_fold_to_ascii(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Kem-Sokha", "kem sokha"),
        ("Kem–Sokha", "kem sokha"),  # en dash
        ("Kem, Sokha.", "kem sokha"),
        ("“Kem” Sokha!", "kem sokha"),
        ("Sam Rainsy (CNRP)", "sam rainsy cnrp"),
        ("C.N.R.P.", "c n r p"),
        ("  Hun\t\n Sen\u00a0 ", "hun sen"),
        ("Hun\u200bSen", "hun sen"),  # zero width space is a word break
        ("Hun\u200dSen\u00ad", "hunsen"),  # other invisible format characters vanish
        ("Sam Rainsy & Kem Sokha", "sam rainsy kem sokha"),
        ("Sam #1 Rainsy?", "sam 1 rainsy"),
        ("", ""),
        ("?!", ""),
        ("\U0001f56f\ufe0f", ""),  # an emoji and its variation selector: no letters
        ("\u2764\ufe0f Hun Sen", "hun sen"),
    ],
)
def test_punctuation_and_whitespace(raw: str, key: str) -> None:
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    "khmer",
    ["ហ៊ុន សែន", "កឹម សុខា", "សម រង្ស៊ី", "ស្រីស្នំ", "ព្រះ", "សម្តេច"],
)
def test_khmer_script_is_preserved(khmer: str) -> None:
    assert normalize_name(khmer) == khmer


def test_khmer_spacing_honorifics_and_punctuation() -> None:
    assert normalize_name("ហ៊ុន\u200bសែន") == "ហ៊ុន សែន"
    assert compact_key("ហ៊ុន\u200bសែន") == compact_key("ហ៊ុនសែន") == "ហ៊ុនសែន"
    assert normalize_name("សម្តេចតេជោ ហ៊ុន សែន") == "ហ៊ុន សែន"
    assert normalize_name("ឯកឧត្តម ហ៊ុន ម៉ាណែត") == "ហ៊ុន ម៉ាណែត"
    assert normalize_name("ហ៊ុន សែន។") == "ហ៊ុន សែន"
    assert normalize_name("ហ៊ុន\u17b4 សែន") == "ហ៊ុន សែន"  # invisible inherent vowel
    assert normalize_name("Hun Sen ហ៊ុន សែន") == "hun sen ហ៊ុន សែន"


def test_idempotent() -> None:
    for raw in ["H.E. Dr. Hang Chuon Naron", "People’s", "ហ៊ុន\u200bសែន", "Nguyễn-Đức"]:
        key = normalize_name(raw)
        assert normalize_name(key) == key


def test_compact_and_sorted_keys() -> None:
    assert compact_key("Sar Longdeth") == compact_key("Sarlong-Deth") == "sarlongdeth"
    assert compact_key("Pey Pey Ly") == compact_key("Pey Peyly")
    assert sorted_tokens_key("Sokha Kem") == sorted_tokens_key("H.E. Kem Sokha") == "kem sokha"
    assert sorted_tokens_key("") == compact_key("") == ""


@pytest.mark.parametrize(
    ("spellings", "pattern"),
    [
        (["eysan", "eisan", "aysan", "aisan"], "ey/ei/ay/ai"),
        (["soveacha", "soviacha", "soviecha"], "ea/ia/ie"),
        (["sokha", "sukha", "soukha"], "o/u/ou"),
        (["khuong", "khoung", "kuong"], "uo/ou, kh/k"),
        (["thoeun", "theun", "thoen", "toeun", "thoeurn"], "oeu/eu/oe, th/t, silent r"),
        (["chhay", "chay", "chhai"], "chh/ch, ay/ai"),
        (["longdeth", "longdet", "longdett"], "final th/t, doubled t"),
        (["sokha", "sokhah", "sokhaa"], "silent final h, doubled vowel"),
        (["sinorn", "sinon", "sinnorn"], "silent r before a final n, doubled n"),
        (["sovann", "sovan", "sowan"], "doubled n, w/v"),
        (["phary", "phari", "pary"], "y/i, ph/p"),
        (["ly", "li", "lee"], "y/i/ee"),
        (["kung", "kunng", "kong"], "doubled n, o/u"),
    ],
)
def test_respellings_sound_alike(spellings: list[str], pattern: str) -> None:
    assert len({sounds_word(s) for s in spellings}) == 1, (
        pattern,
        [sounds_word(s) for s in spellings],
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("kem", "kim"),
        ("sen", "seng"),
        ("manet", "many"),
        ("sothea", "sothy"),
        ("sam", "sem"),
        ("inn", "ith"),
        ("sokha", "sokhom"),
        ("hak", "hok"),
    ],
)
def test_different_names_do_not_sound_alike(one: str, other: str) -> None:
    assert sounds_word(one) != sounds_word(other)


def test_sounds_of_other_scripts_and_digits_are_unchanged() -> None:
    assert sounds_word("ហ៊ុន") == "ហ៊ុន"
    assert sounds_word("2023") == "2023"
    assert sounds_key("ឯកឧត្តម ហ៊ុន សែន") == "ហ៊ុន សែន"


def test_sounds_key_is_normalized_first() -> None:
    assert sounds_key("H.E. Sok EISAN") == sounds_key("sok eysan") == "sok esan"
    assert sounds_key("Sarlong Det").replace(" ", "") == sounds_key("Sar Longdeth").replace(" ", "")
