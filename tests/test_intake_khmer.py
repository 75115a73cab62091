"""Intake in Khmer through the fake Bot API: an admin whose chat is in Khmer gets the review,
its Add / Edit / Skip and field buttons, the edit prompt and Add's answer in Khmer, with the
same figures as an English admin's review of the same post; the change log keeps its English
summary; a Khmer user's look-up is in Khmer with the English look-up's figures and buttons
that still run the commands; a page that cannot be fetched is explained in Khmer.
SQLite and PostgreSQL (the ``db_url`` fixture).

Then the extractor's Khmer rules, one test each, on sentences written for them (no database):
what an unknown party's name is, "other parties", hosts, families, one person, per-party counts,
plans and history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from bot.commands import answer_text
from bot.commands.registry import console_chat
from bot.core.i18n import in_language
from bot.core.render import to_plain
from bot.desk import Desk
from bot.ingest.intake import Proposal, Report, propose
from bot.ingest.intake.corrections import correct
from bot.ingest.intake.numbers import person_counts
from bot.ingest.intake.parties import Lexicon
from bot.ingest.intake.people import people_named
from bot.ingest.intake.sentences import split_sentences
from bot.ingest.intake.signals import claim_verbs, not_a_claim
from bot.storage.tables import changes
from handlers.intake import prompt_text
from tests.botrig import USER, open_desk, running_bot
from tests.fake_bot_api import FakeBotAPI, channel_origin
from tests.test_intake_bot import (
    CHANNEL,
    NAMES,
    POST,
    POSTED,
    buttons,
    edits_of,
    forward,
    press,
    text_of,
)
from tests.test_intake_extract import lexicon_from_data
from tests.test_language import figures

ADMIN = 2002  # an admin whose chat is in English
KM_ADMIN = 2003  # an admin whose Telegram runs in Khmer
KM_USER = 3003  # a reader whose Telegram runs in Khmer


@pytest.fixture
def desk(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    monkeypatch.setenv("DESK_ADMIN_IDS", f"{ADMIN},{KM_ADMIN}")
    monkeypatch.setenv("DESK_INTAKE_ALLOW_PRIVATE", "127.0.0.1")
    monkeypatch.setenv("DESK_INTAKE_TIMEOUT", "1")
    desk = open_desk(db_url)
    yield desk
    desk.engine.dispose()


def chats(fake: FakeBotAPI) -> None:
    fake.add_private_chat(ADMIN, first_name="Editor", username="editor")
    fake.add_private_chat(KM_ADMIN, first_name="Dara", username="dara", language_code="km")
    fake.add_private_chat(KM_USER, first_name="Sophea", language_code="km")


def same_figures(english: str, khmer: str) -> bool:
    """The two texts carry the same numbers and dates (proposal numbers, which differ between
    two proposals of one post, left out)."""
    english, khmer = (re.sub(r"#[0-9]+", "#", t) for t in (english, khmer))
    return figures(english, "en") == figures(khmer, "km")


async def test_a_khmer_admin_gets_the_review_in_khmer(desk: Desk) -> None:
    origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
    async with running_bot(desk, setup=chats) as rig:
        (english,) = await forward(rig, ADMIN, ADMIN, origin, POST)
        (khmer,) = await forward(rig, KM_ADMIN, KM_ADMIN, origin, POST)
        shown = khmer.text or ""
        assert shown.startswith("ការអះអាងដែលបានស្នើ #")
        assert "ចំនួន៖ ៧១៣" in shown and "ថ្ងៃទី១ ខែកក្កដា ឆ្នាំ២០២៣" in shown
        assert "គណបក្សភ្លើងទៀន (Candlelight Party)" in shown
        assert "Proposed" not in shown and "Number:" not in shown
        assert same_figures(english.text or "", shown), (english.text, shown)
        pid = shown.split("#", 1)[1].split(" ", 1)[0]
        assert buttons(khmer) == [
            ("បន្ថែម", f"/intake_add {pid}"),
            ("កែ", f"/intake_edit {pid}"),
            ("រំលង", f"/intake_skip {pid}"),
        ]
        assert [label for label, _ in buttons(english)] == ["Add", "Edit", "Skip"]

        # Edit: the fields as Khmer buttons, a Khmer prompt, and the reply to it read.
        assert (await press(rig, KM_ADMIN, KM_ADMIN, khmer, "កែ"))["text"] == "វាលមួយណា?"
        await rig.fake.wait_for("editMessageReplyMarkup", predicate=lambda c: c.ok)
        fields = [label for label, _ in buttons(rig.fake.message(KM_ADMIN, khmer.message_id) or {})]
        assert fields[:3] == ["កាលបរិច្ឆេទ", "ចំនួន", "ពាក្យ"] and fields[-1] == "ត្រឡប់ក្រោយ"
        sent = len(rig.fake.sent_messages(KM_ADMIN))
        await press(rig, KM_ADMIN, KM_ADMIN, khmer, "ចំនួន")
        await rig.sent(KM_ADMIN, sent + 1)
        prompt = rig.fake.sent_messages(KM_ADMIN)[-1]
        with in_language("km"):
            assert prompt.text == prompt_text(pid, "number")
        assert (prompt.text or "").startswith(f"សំណើ #{pid}៖")

        rig.fake.push_reply(KM_ADMIN, KM_ADMIN, "ច្រើន", prompt.message_id)
        await rig.sent(KM_ADMIN, sent + 2)
        refused = rig.fake.sent_messages(KM_ADMIN)[-1].text or ""
        assert refused.startswith("មិនបានផ្លាស់ប្តូរទេ៖ ")
        assert refused.endswith("សូមឆ្លើយតបសំណួរខាងលើម្តងទៀតដោយតម្លៃផ្សេង។")

        edits = len(rig.calls("editMessageText"))
        rig.fake.push_reply(KM_ADMIN, KM_ADMIN, "714", prompt.message_id)
        await rig.sent(KM_ADMIN, sent + 3)
        assert rig.fake.sent_messages(KM_ADMIN)[-1].text == (
            f"សំណើ #{pid}៖ បានផ្លាស់ប្តូរ number (ខាងលើ)។"
        )
        await edits_of(rig, edits + 1)
        assert "ចំនួន៖ ៧១៤" in text_of(rig, KM_ADMIN, khmer)

        # Add: the answer in Khmer; the change log's summary stays English.
        assert not (await press(rig, KM_ADMIN, KM_ADMIN, khmer, "បន្ថែម")).get("show_alert")
        await edits_of(rig, edits + 2)
        added = text_of(rig, KM_ADMIN, khmer)
        assert added.startswith("បានបន្ថែមការអះអាង #")
        assert "៧១៤ · គណបក្សភ្លើងទៀន" in added and "/undo លុបវាចោលវិញ។" in added
        with desk.connect() as conn:
            summary = str(conn.scalar(select(changes.c.summary).order_by(changes.c.id.desc())))
        assert re.fullmatch(r"added claim #[0-9]+: 01/07/2023 · 714 · Candlelight Party", summary)
    assert rig.rejected() == []

    # /changes in Khmer: its fixed words translated, the stored summary as it was written.
    listed = to_plain(answer_text(desk, "/changes", console_chat("km")))
    assert f"ទទួលរបាយការណ៍៖ {summary}" in listed and "ម៉ោង" in listed
    assert "· intake:" in to_plain(answer_text(desk, "/changes", console_chat("en")))


async def test_a_khmer_readers_look_up_is_in_khmer_with_the_same_figures(desk: Desk) -> None:
    origin = channel_origin(CHANNEL, "Siem Reap News", 4412, POSTED, username="srnews")
    async with running_bot(desk, setup=chats) as rig:
        (english,) = await forward(rig, USER, USER, origin, NAMES)
        (khmer,) = await forward(rig, KM_USER, KM_USER, origin, NAMES)
        shown = khmer.text or ""
        assert shown.startswith("អ្វីដែលកំណត់ត្រាមានអំពីឈ្មោះក្នុងអត្ថបទនេះ")
        assert "គណបក្សភ្លើងទៀន (Candlelight Party) —" in shown and "Kung Raiya —" in shown
        assert "មិនបានបន្ថែមអ្វីទេ" in shown and "Nothing was added" not in shown
        assert same_figures(english.text or "", shown), (english.text, shown)
        # The buttons show the Khmer names and run the commands with the record's names.
        assert ("គណបក្សភ្លើងទៀន", "/total Candlelight Party") in buttons(khmer)
        assert ("Kung Raiya", "/who Kung Raiya") in buttons(khmer)
        assert ("Candlelight Party", "/total Candlelight Party") in buttons(english)

        # The card it opens is in Khmer too.
        await press(rig, KM_USER, KM_USER, khmer, "Kung Raiya")
        await edits_of(rig, 1)
        card = text_of(rig, KM_USER, khmer)
        assert card.startswith("Kung Raiya") and "ស្ថានភាព៖" in card and "Status:" not in card

        # A link the reader may not have read, and one an admin sends that cannot be fetched.
        (link,) = await rig.say(KM_USER, "https://example.org/news/1")
        assert (link.text or "").startswith("បូតអានតំណសម្រាប់តែអ្នកគ្រប់គ្រង Desk")
        (private,) = await rig.say(KM_ADMIN, "http://10.0.0.7/news")
        assert private.text == (
            "មិនអាចអានតំណបានទេ៖ 10.0.0.7 ជាអាសយដ្ឋានក្នុងបណ្តាញឯកជន (10.0.0.7)៖ "
            "Desk ទាញយកតែទំព័រវិបសាធារណៈប៉ុណ្ណោះ។"
        )
    assert rig.rejected() == []


# ------------------------------------------------------------ the extractor's Khmer rules --

CPP = "Cambodian People's Party"
CLP = "Candlelight Party"
CNRP = "Cambodia National Rescue Party"
KNUP = "Khmer National United Party"
GDP = "Grassroots Democracy Party"


def khmer_claims(text: str, published: date, title: str | None = None) -> list[Proposal]:
    return propose(Report(text, published=published, title=title), lexicon_from_data())


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a new party's name, set off or run on into its verb, after a word for its people
        ("អ្នកគាំទ្រគណបក្សអរុណខ្មែរ ៤០នាក់", ["គណបក្សអរុណខ្មែរ"]),
        ("សកម្មជនគណបក្សកសិករខ្មែរបានចូលរួម", ["គណបក្សកសិករខ្មែរ"]),
        ("បានចូលរួមជាមួយគណបក្សអរុណខ្មែរ", ["គណបក្សអរុណខ្មែរ"]),
        ("គណបក្សកសិករខ្មែរ បានប្រកាស", ["គណបក្សកសិករខ្មែរ"]),
        # the party's provincial office, its commune branch: the level is no name
        ("នៅទីស្នាក់ការគណបក្សខេត្តតាកែវ", []),
        ("មន្ត្រីគណបក្សថ្នាក់ឃុំ", []),
        ("លោកប្រធានក្រុមការងារគណបក្សឃុំ", []),
        # "the party" as a clause's subject, with its verb
        ("មន្ត្រីរូបនោះថា គណបក្សមិនបានបង្ខំនរណាទេ", []),
        ("ខណៈគណបក្សព្រមានថានឹងប្តឹង", []),
        ("លោកថា គណបក្សនឹងបើកសមាជ", []),
        # "of every party", "all parties": a determiner
        ("អ្នកតំណាងគណបក្សនានា", []),
        ("សមាជិកគណបក្សទាំងអស់", []),
    ],
)
def test_an_unknown_khmer_party_only_where_a_name_stands(text: str, names: list[str]) -> None:
    assert [m.name for m in Lexicon(lexicon_from_data()).mentions(text) if not m.known] == names


def test_khmer_other_parties_beside_a_named_one_are_unnamed_parties() -> None:
    for others in ("គណបក្សនយោបាយផ្សេងៗទៀត", "គណបក្សដទៃទៀត", "គណបក្សផ្សេងទៀត"):
        [p] = khmer_claims(
            f"អតីតសកម្មជនគណបក្សភ្លើងទៀន និង{others} ចំនួន ៧០នាក់ បានចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៤ ខែមីនា ឆ្នាំ២០២៣។",
            date(2023, 3, 6),
        )
        assert (p.number, p.from_parties, p.to_party) == (70, [CLP, "Unnamed Parties"], CPP)


def test_a_khmer_host_did_not_move_and_families_are_the_count_the_text_gives() -> None:
    # 30 families welcomed by a named deputy governor: 30, as the text counts, and he is the host.
    [p] = khmer_claims(
        "ប្រជាពលរដ្ឋ ៣០គ្រួសារ ដែលធ្លាប់គាំទ្រគណបក្សភ្លើងទៀន បានប្តូរមកគាំទ្រគណបក្សប្រជាជនកម្ពុជា "
        "ក្រោមការទទួលស្វាគមន៍ពីលោក ពៅ វណ្ណី អភិបាលរងខេត្ត។",
        date(2023, 3, 6),
    )
    assert (p.number, p.people, p.from_parties, p.to_party) == (30, [], [CLP], CPP)
    assert p.number_text is not None and "គ្រួសារ" in (p.evidence or "")
    # 165 people from 48 families: the people
    [f] = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន ចំនួន ១៦៥នាក់ មកពី ៤៨គ្រួសារ បានដាក់ពាក្យសុំចូលជាសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 3, 6),
    )
    assert f.number == 165
    # The families as a number of people: the people.
    [q] = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន ២០គ្រួសារ ស្មើនឹង ៦៤នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "ក្រោមអធិបតីភាព ឯកឧត្តម លោក ទិត្យ សំណាង។",
        date(2023, 3, 6),
    )
    assert (q.number, q.people) == (64, [])
    for host in ("ទទួលស្វាគមន៍ដោយ", "ដោយមានការចូលរួមពី"):
        [r] = khmer_claims(
            f"លោក សាន់ បូរ៉ា អតីតមន្ត្រីគណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា {host}"
            "លោក ម៉ៅ ធីតា។",
            date(2023, 3, 6),
        )
        assert (r.number, r.people) == (1, ["លោក សាន់ បូរ៉ា"]), host


def test_a_khmer_role_with_one_person_is_one_and_last_weekday_or_yesterday_dates_it() -> None:
    # Published Friday 10 March 2023: "last Tuesday" is 7 March, "yesterday" 9 March.
    [p] = khmer_claims(
        "មេភូមិម្នាក់របស់គណបក្សភ្លើងទៀន នៅស្រុកបាទី បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃអង្គារ។",
        date(2023, 3, 10),
    )
    assert (p.number, p.date, p.date_kind, p.from_parties) == (1, date(2023, 3, 7), "event", [CLP])
    [q] = khmer_claims(
        "មន្ត្រីគណបក្សភ្លើងទៀនខេត្តតាកែវម្នាក់ បានប្តូរមកគណបក្សប្រជាជនកម្ពុជា កាលពីម្សិលមិញ។",
        date(2023, 3, 10),
    )
    assert (q.number, q.date) == (1, date(2023, 3, 9))
    # "each of the new members" is no one person
    [r] = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ហើយសមាជិកថ្មីម្នាក់ៗ "
        "ទទួលបានអំណោយ។",
        date(2023, 3, 10),
    )
    assert r.number is None


def test_a_named_leaving_tells_who_the_one_unnamed_mover_was() -> None:
    proposals = khmer_claims(
        "សមាជិកក្រុមប្រឹក្សាឃុំម្នាក់របស់គណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃអង្គារ។ លោក ញឹម សារ៉ុន អាយុ ៤៨ឆ្នាំ បានសម្រេចចិត្តចាកចេញពីគណបក្សភ្លើងទៀន "
        "ដោយសារជម្លោះផ្ទៃក្នុង។",
        date(2023, 3, 10),
    )
    assert [(p.number, p.to_party, p.people, p.date) for p in proposals] == [
        (1, CPP, ["លោក ញឹម សារ៉ុន"], date(2023, 3, 7))
    ]


def test_khmer_counts_per_party_with_their_total_and_a_headline_of_the_same_event() -> None:
    proposals = khmer_claims(
        "នៅថ្ងៃទី 9 ខែមេសា ឆ្នាំ 2023 អតីតសមាជិកគណបក្សភ្លើងទៀន ចំនួន 640 នាក់ និងសមាជិក"
        "គណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន 58 នាក់ សរុបទាំងអស់ 698 នាក់ បានចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 4, 10),
        title="សមាជិកគណបក្សភ្លើងទៀន និងហ្វ៊ុនស៊ិនប៉ិច ជិត 700 នាក់ ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា",
    )
    assert [(p.number, p.from_parties, p.date) for p in proposals] == [
        (640, [CLP], date(2023, 4, 9)), (58, ["FUNCINPEC"], date(2023, 4, 9))
    ]


def test_among_them_is_a_part_never_a_claim_of_its_own() -> None:
    for text in (
        "សកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៤២០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី៩ "
        "ខែមេសា ឆ្នាំ២០២៣។ ក្នុងនោះ មានអតីតមេឃុំ ៣រូប ដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ដែរ។",
        "នៅថ្ងៃទី៩ ខែមេសា ឆ្នាំ២០២៣ គណបក្សប្រជាជនកម្ពុជា បានទទួលស្វាគមន៍សកម្មជនគណបក្សភ្លើងទៀន "
        "ចំនួន ៤២០នាក់ ក្នុងនោះមានអតីតមេឃុំ ៣រូប។",
    ):
        proposals = khmer_claims(text, date(2023, 4, 10))
        assert [(p.number, p.from_parties, p.to_party) for p in proposals] == [(420, [CLP], CPP)]


def test_a_khmer_plan_or_possibility_and_a_relative_clause_of_a_past_year_are_no_claims() -> None:
    published = date(2023, 6, 20)
    for text in (
        # he plans to apply after the election of 23 July, unless his party may stand
        "លោក ឈួន សុខា បានប្រាប់អ្នកយកព័ត៌មាន កាលពីថ្ងៃច័ន្ទ ថា លោកគ្រោងនឹងដាក់ពាក្យចូលជាសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា បន្ទាប់ពីការបោះឆ្នោតថ្ងៃទី២៣ ខែកក្កដា ប្រសិនបើគណបក្សភ្លើងទៀន "
        "នៅតែមិនអាចចូលរួមការបោះឆ្នោតបាន។",
        # his supporters may join too
        "អ្នកគាំទ្រគណបក្សភ្លើងទៀន ប្រមាណ ២០០នាក់ អាចចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ដែរ។",
        # a former official who joined the CPP back in May 2020 was appointed an adviser
        "លោក កែវ រតនៈ អតីតមន្ត្រីគណបក្សភ្លើងទៀន ដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីខែឧសភា ឆ្នាំ២០២០ ត្រូវបានតែងតាំងជាទីប្រឹក្សាក្រសួង នៅថ្ងៃទី១៩ ខែមិថុនា ឆ្នាំ២០២៣។",
    ):
        assert khmer_claims(text, published) == [], text
    # After the election, 23 July is a bound: the date of no event.
    [p] = khmer_claims(
        "សមាជិកគណបក្សភ្លើងទៀន ៣០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ដោយសន្យាគាំទ្រ"
        "បន្ទាប់ពីការបោះឆ្នោតថ្ងៃទី២៣ ខែកក្កដា។",
        published,
    )
    assert (p.number, p.date, p.date_kind) == (30, published, "published")


def test_named_people_with_their_own_former_parties_are_one_claim_each() -> None:
    for text, ex_cnrp, clp_official in (
        (
            "Mr. Keo Vannak, a former CNRP lawmaker, and Ms. Hing Dalis, a Candlelight Party "
            "provincial official, joined the CPP on 3 April 2023.",
            "Mr. Keo Vannak",
            "Ms. Hing Dalis",
        ),
        (
            "ឯកឧត្តម កែវ វណ្ណៈ អតីតតំណាងរាស្ត្រគណបក្សសង្គ្រោះជាតិ និងលោកស្រី ហ៊ីង ដាលីស "
            "មន្ត្រីគណបក្សភ្លើងទៀនខេត្តតាកែវ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី៣ "
            "ខែមេសា ឆ្នាំ២០២៣។",
            "ឯកឧត្តម កែវ វណ្ណៈ",
            "លោកស្រី ហ៊ីង ដាលីស",
        ),
    ):
        proposals = khmer_claims(text, date(2023, 4, 5))
        assert [(p.number, p.from_parties, p.people, p.to_party) for p in proposals] == [
            (1, ["Cambodia National Rescue Party"], [ex_cnrp], CPP),
            (1, [CLP], [clp_official], CPP),
        ], text
    # Two people of one party: one claim of two.
    [p] = khmer_claims(
        "លោក កែវ វណ្ណៈ និងលោក សុខ ដារ៉ា អតីតមន្ត្រីគណបក្សភ្លើងទៀន បានចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី៣ ខែមេសា ឆ្នាំ២០២៣។",
        date(2023, 4, 5),
    )
    assert (p.number, p.from_parties) == (2, [CLP])


def test_a_khmer_excellency_is_a_person_and_who_welcomes_or_speaks_is_the_host() -> None:
    [p] = khmer_claims(
        "ឯកឧត្តម ម៉ម វិចិត្រ អតីតមន្ត្រីគណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីម្សិលមិញ។ ឯកឧត្តម ទេព ធារី បានស្វាគមន៍ការចូលរួមនេះ។ ឯកឧត្តម ទេព ធារី "
        "បានមានប្រសាសន៍ថា សមាជិកថ្មីបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ដោយស្ម័គ្រចិត្ត។",
        date(2023, 4, 5),
    )
    assert (p.number, p.people, p.date) == (1, ["ឯកឧត្តម ម៉ម វិចិត្រ"], date(2023, 4, 4))


def test_a_khmer_sentence_about_the_group_told_before_adds_no_claim() -> None:
    text = (
        "លោក សុខ ដារា និងលោក កែវ វណ្ណា មកពីគណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃទី១ ខែឧសភា ឆ្នាំ២០២៥។ អ្នកទាំងពីររូប ត្រូវបានទទួលស្វាគមន៍ដោយ ឯកឧត្តម ជា សុខា។"
    )
    proposals = propose(Report(text=text, published=date(2025, 5, 4)), lexicon_from_data())
    assert [(p.date, p.number) for p in proposals] == [(date(2025, 5, 1), 2)]


LDP = "League for Democracy Party"


def test_khmer_taking_part_in_an_undertaking_or_a_noun_of_joining_is_no_move() -> None:
    published = date(2023, 9, 4)
    for text in (
        # they took part in building roads with the CPP
        "អ្នកភូមិ ២០០នាក់ បានចូលរួមកសាងផ្លូវ ជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃសៅរ៍។",
        # the governor thanked 900 members who took part in voting for the CPP
        "លោកអភិបាល បានអរគុណសមាជិក ៩០០នាក់ ដែលបានចូលរួមបោះឆ្នោតឱ្យគណបក្សប្រជាជនកម្ពុជា។",
        # a defector's words: "joining the ruling party was the right choice"
        "សកម្មជន ១០នាក់ បាននិយាយថា ការចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា គឺជាជម្រើសត្រឹមត្រូវ។",
    ):
        assert khmer_claims(text, published) == [], text


def test_a_khmer_welcoming_ceremony_and_a_habit_of_welcoming_are_no_act() -> None:
    published = date(2023, 9, 4)
    first = (
        "អតីតសកម្មជនគណបក្សភ្លើងទៀន ៤០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី២ "
        "ខែកញ្ញា ឆ្នាំ២០២៣។\n\n"
    )
    for then in (
        # the welcoming ceremony, held at a pagoda, with the commune chief looking on
        "ពិធីទទួលស្វាគមន៍ធ្វើឡើងនៅវត្តមួយ និងមានការចូលរួមពីលោក សេង ចិន្តា មេឃុំ។",
        # "the CPP always welcomes FUNCINPEC supporters who want to help build the nation"
        "លោកបានថ្លែងថា គណបក្សប្រជាជនកម្ពុជា តែងតែស្វាគមន៍អ្នកគាំទ្រគណបក្សហ្វ៊ុនស៊ិនប៉ិច "
        "ដែលចង់រួមចំណែកកសាងជាតិ។",
        # one of the new members thanked the hosts for the welcome
        "សមាជិកថ្មីម្នាក់ បានអរគុណចំពោះការទទួលស្វាគមន៍ពីគណបក្សប្រជាជនកម្ពុជា។",
    ):
        proposals = khmer_claims(first + then, published)
        assert [(p.date, p.number, p.from_parties, p.to_party, p.people) for p in proposals] == [
            (date(2023, 9, 2), 40, [CLP], CPP, [])
        ], then


def test_a_khmer_title_alone_is_no_name_and_chea_is_a_family_name() -> None:
    # "His Excellency said that the CPP welcomed all the new members": the host again, unnamed
    said = "ឯកឧត្តម បានថ្លែងថា គណបក្សប្រជាជនកម្ពុជា បានទទួលស្វាគមន៍សមាជិកថ្មីទាំងអស់។"
    assert people_named(said) == []
    [p] = khmer_claims(
        "លោក ជា វណ្ណី អតីតសមាជិកគណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃទី១ ខែកញ្ញា ឆ្នាំ២០២៣។\n\n" + said,
        date(2023, 9, 4),
    )
    assert (p.number, p.people) == (1, ["លោក ជា វណ្ណី"])


def test_one_khmer_speaker_for_a_group_is_no_one_person_who_moved() -> None:
    proposals = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន ៣៥នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី២ ខែកញ្ញា "
        "ឆ្នាំ២០២៣។\n\nតំណាងអ្នកគាំទ្រម្នាក់ បាននិយាយថា ពួកគេបានចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា ដោយស្ម័គ្រចិត្ត។",
        date(2023, 9, 4),
    )
    assert [(p.number, p.date) for p in proposals] == [(35, date(2023, 9, 2))]


def test_the_league_for_democracy_is_a_party_not_an_alliance_and_bak_is_short_for_party() -> None:
    [p] = khmer_claims(
        "សមាជិកគណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ ២៥នាក់ បានប្តូរទៅបក្សកាន់អំណាច "
        "កាលពីថ្ងៃទី៣ ខែកញ្ញា ឆ្នាំ២០២៣។",
        date(2023, 9, 4),
    )
    assert (p.number, p.from_parties, p.to_party) == (25, [LDP], CPP)
    # an alliance is still no claim
    assert khmer_claims(
        "គណបក្សភ្លើងទៀន និងគណបក្សខ្មែរក្រោក បានចងសម្ព័ន្ធភាពគ្នា ហើយសមាជិក ៥០នាក់ បានចូលរួម។",
        date(2023, 9, 4),
    ) == []


def test_a_khmer_date_ahead_or_of_the_election_is_no_date_of_the_move() -> None:
    for published, then in (
        # the host welcomed them and asked for their votes on 23 July, still ahead
        (date(2023, 6, 20), "លោក ស៊ុន ធារ៉ា បានស្វាគមន៍ ហើយសុំឱ្យពួកគេបោះឆ្នោតគាំទ្រ"
         "គណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី២៣ ខែកក្កដា ខាងមុខនេះ។"),
        # after the election: the host welcomed those who helped win the election of 23 July
        (date(2023, 8, 10), "លោក ស៊ុន ធារ៉ា បានស្វាគមន៍ ហើយអរគុណអ្នកដែលបានជួយឱ្យឈ្នះ"
         "ការបោះឆ្នោតជាតិ ថ្ងៃទី២៣ ខែកក្កដា។"),
    ):  # fmt: skip
        [p] = khmer_claims(
            "សកម្មជនគណបក្សភ្លើងទៀន ៥០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n" + then,
            published,
        )
        assert (p.number, p.date, p.date_kind) == (50, published, "published"), then


def test_the_party_voted_for_is_no_former_party() -> None:
    proposals = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន ៧០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី១៨ ខែមិថុនា "
        "ឆ្នាំ២០២៣។\n\nលោកប្រធានក្រុមការងារ បានស្វាគមន៍ ហើយសុំឱ្យពួកគេបោះឆ្នោតគាំទ្រ"
        "គណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 6, 20),
    )
    assert [(p.number, p.from_parties) for p in proposals] == [(70, [CLP])]


def test_a_khmer_count_since_the_start_of_the_year_is_a_running_total() -> None:
    proposals = khmer_claims(
        "លោក ហ៊ុយ សុខា អតីតមន្ត្រីគណបក្សភ្លើងទៀន បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "នៅថ្ងៃទី៥ ខែកញ្ញា ឆ្នាំ២០២៣។\n\nគិតចាប់ពីដើមឆ្នាំនេះ មកដល់ពេលនេះ សកម្មជនបក្សប្រឆាំង "
        "ជាង ២.០០០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ក្នុងខេត្តនេះ។",
        date(2023, 9, 6),
    )
    assert [(p.number, p.date) for p in proposals] == [(1, date(2023, 9, 5))]


def test_a_party_that_announces_in_the_khmer_passive_is_the_party_joined() -> None:
    # "were announced by the CPP to have joined as its members last Saturday"
    [p] = khmer_claims(
        "អ្នកគាំទ្រគណបក្សភ្លើងទៀនជាង ៩០នាក់ ត្រូវបានគណបក្សប្រជាជនកម្ពុជាប្រកាសថា "
        "បានចូលជាសមាជិករបស់ខ្លួន កាលពីថ្ងៃសៅរ៍។",
        date(2023, 9, 4),
    )
    assert (p.number, p.from_parties, p.to_party, p.date) == (90, [CLP], CPP, date(2023, 9, 2))


def test_khmer_relative_days_run_on_and_days_of_this_or_last_month() -> None:
    published = date(2023, 10, 4)
    for when, day in (
        ("កាលពីរសៀលម្សិលមិញ", date(2023, 10, 3)),  # yesterday afternoon
        ("ថ្ងៃម្សិលម៉ិញ", date(2023, 10, 3)),  # yesterday, typed with its sign
        ("ល្ងាចមិញ", date(2023, 10, 4)),  # this evening
        ("កាលពីថ្ងៃទី២ ខែនេះ", date(2023, 10, 2)),  # the 2nd of this month
        ("កាលពីថ្ងៃទី២៩ ខែមុន", date(2023, 9, 29)),  # the 29th of last month
    ):
        [p] = khmer_claims(
            f"{when} យុវជនគណបក្សភ្លើងទៀន ២៧នាក់ បានប្តូរមកចូលគណបក្សប្រជាជនកម្ពុជា។", published
        )
        assert (p.number, p.date, p.date_kind) == (27, day, "event"), when


def test_khmer_totals_over_a_period_propose_nothing_and_a_total_is_no_party() -> None:
    published = date(2024, 1, 10)
    for text in (
        # in the past three months, over 900 opposition activists joined the CPP
        "ក្នុងរយៈពេល ៣ ខែកន្លងមក សកម្មជនបក្សប្រឆាំងជាង ៩០០នាក់ បានចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា នៅស្រុកនេះ។",
        # in 2023, 2,400 Candlelight members joined the CPP in the province
        "ក្នុងឆ្នាំ២០២៣ សមាជិកគណបក្សភ្លើងទៀន ២.៤០០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        # from March up to the present, those who joined the CPP rose to 610
        "ចាប់ពីខែមីនា ដល់បច្ចុប្បន្ន អ្នកដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា មានចំនួន ៦១០នាក់។",
        # in the second half-year, 700 members joined, bringing the party's members in all to 90,000
        "ក្នុងឆមាសទី២ សមាជិក ៧០០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ធ្វើឲ្យសមាជិក"
        "គណបក្សសរុប មាន ៩០.០០០នាក់។",
    ):
        assert khmer_claims(text, published) == [], text
    # "the party's members in all": no party named "total"
    assert Lexicon(lexicon_from_data()).mentions("ធ្វើឲ្យសមាជិកគណបក្សសរុប មាន ៩០.០០០នាក់") == []


def test_a_khmer_list_line_by_line_under_a_total_is_a_claim_per_party() -> None:
    published = date(2023, 11, 6)
    total = (
        "កាលពីថ្ងៃទី៤ ខែវិច្ឆិកា ឆ្នាំ២០២៣ សមាជិកបក្សប្រឆាំងសរុប ៩៥នាក់ បានចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា នៅឃុំព្រៃរំដេង។\n\n"
    )
    # the total's parts, one party to a line, each party named before its count
    proposals = khmer_claims(
        total + "👉 មកពីគណបក្សភ្លើងទៀន ចំនួន ៧១នាក់\n👉 មកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ២៤នាក់",
        published,
    )
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in proposals] == [
        (date(2023, 11, 4), 71, [CLP], CPP),
        (date(2023, 11, 4), 24, ["FUNCINPEC"], CPP),
    ]
    # lines that do not make the total are no parts of it: the total stays one claim
    proposals = khmer_claims(total + "👉 មកពីគណបក្សភ្លើងទៀន ចំនួន ៧១នាក់", published)
    assert [(p.number, p.from_parties) for p in proposals] == [(95, [])]


def test_khmer_getting_ready_to_join_and_a_rejected_report_are_no_claims() -> None:
    published = date(2023, 11, 6)
    for text in (
        # 120 activists are getting ready to apply to join the CPP next month
        "សកម្មជនគណបក្សភ្លើងទៀន ១២០នាក់ កំពុងរៀបចំដាក់ពាក្យចូលគណបក្សប្រជាជនកម្ពុជា នៅខែក្រោយ។",
        # 40 officials are prepared to join the CPP
        "មន្ត្រីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ៤០រូប ត្រៀមខ្លួនចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        # the CLP rejected the report that 80 of its members had joined the CPP
        "គណបក្សភ្លើងទៀន បានច្រានចោលរបាយការណ៍ថា សមាជិករបស់ខ្លួន ៨០នាក់ "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
    ):
        assert khmer_claims(text, published) == [], text


def test_a_khmer_host_with_his_roles_before_coming_to_receive_or_preside_is_no_defector() -> None:
    published = date(2023, 11, 6)
    for host in (
        # the deputy district governor and deputy party chief came to welcome ...
        "លោក ស៊ុំ វិបុល អភិបាលរងស្រុក និងជាអនុប្រធានគណបក្សស្រុក បានអញ្ជើញទទួលស្វាគមន៍",
        # the commune chief received ...
        "លោក ស៊ុំ វិបុល មេឃុំ បានទទួលសមាជិក",
        # the deputy provincial governor came to preside over the receiving of ...
        "ឯកឧត្តម ស៊ុំ វិបុល អភិបាលរងខេត្ត បានអញ្ជើញជាអធិបតី ក្នុងពិធីទទួល",
        # the party's deputy chief thanked and welcomed ...
        "ឯកឧត្តម ស៊ុំ វិបុល អនុប្រធានគណបក្សខេត្ត បានអរគុណ និងស្វាគមន៍",
    ):
        [p] = khmer_claims(
            f"កាលពីថ្ងៃទី៥ ខែវិច្ឆិកា {host} អតីតសកម្មជនគណបក្សភ្លើងទៀន ៥៨នាក់ "
            "ដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            published,
        )
        assert (p.number, p.people, p.from_parties, p.to_party) == (58, [], [CLP], CPP), host
    # who received his own membership card is still the one who moved
    [p] = khmer_claims(
        "លោក ស៊ុំ វិបុល អតីតមេឃុំមកពីគណបក្សភ្លើងទៀន បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "ហើយបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៥ ខែវិច្ឆិកា។",
        published,
    )
    assert (p.number, p.people) == (1, ["លោក ស៊ុំ វិបុល"])


def test_a_khmer_move_back_in_a_past_year_or_a_count_as_of_a_month_is_no_claim() -> None:
    published = date(2024, 3, 2)
    for text in (
        # back in 2021, 300 CNRP activists joined the CPP: history
        "កាលពីឆ្នាំ២០២១ សកម្មជនគណបក្សសង្គ្រោះជាតិ ៣០០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        # as of February, over 6,000 opposition members had joined the CPP: a running total
        "គិតត្រឹមខែកុម្ភៈ ឆ្នាំ២០២៤ មានសមាជិកបក្សប្រឆាំងជាង ៦.០០០នាក់ "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
    ):
        assert khmer_claims(text, published) == [], text
    # this year's move, dated by its year alone, is still news
    [p] = khmer_claims(
        "កាលពីខែមករា ឆ្នាំ២០២៤ សកម្មជនគណបក្សភ្លើងទៀន ៤៥នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (p.number, p.from_parties) == (45, [CLP])


def test_monday_without_its_sign_is_counted_back_from_publication() -> None:
    # published Thursday 7 March 2024; "ថ្ងៃចន្ទ" (Monday, typed without ័) is 4 March
    [p] = khmer_claims(
        "លោក ពៅ សុផល មន្ត្រីគណបក្សភ្លើងទៀន បានចាកចេញពីគណបក្សភ្លើងទៀន កាលពីព្រឹកថ្ងៃចន្ទ។",
        date(2024, 3, 7),
    )
    assert (p.date, p.date_kind, p.from_parties) == (date(2024, 3, 4), "event", [CLP])


def test_the_old_party_or_ones_own_party_is_no_party_name() -> None:
    # he said he no longer trusted the old party / his own party: no party is named
    lexicon = Lexicon(lexicon_from_data())
    for text in (
        "លោកបាននិយាយថា សមាជិកអស់ជំនឿលើគណបក្សចាស់",
        "អតីតសកម្មជនគណបក្សមុន បាននិយាយ",
        "សមាជិកបានចាកចេញពីគណបក្សខ្លួន",
    ):
        assert [m.name for m in lexicon.mentions(text)] == [], text


def test_speaking_for_the_members_who_just_joined_is_no_claim_of_its_own() -> None:
    # on behalf of the activists who have just joined, Mr. X, a former Candlelight branch
    # chief, told us they want to see development
    text = (
        "តំណាងឱ្យសកម្មជនដែលទើបចូលរួមថ្មី លោក ឈិន វុទ្ធី អតីតប្រធានសាខាគណបក្សភ្លើងទៀន "
        "បានប្រាប់ថា ពួកគេចង់ឃើញការអភិវឌ្ឍ។"
    )
    assert khmer_claims(text, date(2023, 8, 14)) == []


def test_who_welcomed_in_the_passive_is_the_host() -> None:
    # Mr. X, a former KNUP commune chief, was welcomed into the CPP by H.E. Y
    [p] = khmer_claims(
        "លោក ម៉ក់ សារឿន អតីតមេឃុំមកពីគណបក្សខ្មែររួបរួមជាតិ ត្រូវបាន ឯកឧត្តម ហួត ចាន់ដា "
        "ទទួលស្វាគមន៍ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៣ ខែមេសា ឆ្នាំ២០២៤។",
        date(2024, 4, 4),
    )
    assert (p.number, p.people, p.from_parties) == (
        1, ["លោក ម៉ក់ សារឿន"], ["Khmer National United Party"],
    )  # fmt: skip


def test_welcoming_a_decision_is_no_act_of_welcoming_people() -> None:
    # the governor welcomed and praised the decision of the two former officials
    assert claim_verbs("លោកអភិបាល បានស្វាគមន៍ និងកោតសរសើរចំពោះការសម្រេចចិត្តរបស់អតីតមន្ត្រីទាំងពីររូប") == []
    assert claim_verbs("លោកអភិបាល បានស្វាគមន៍ចំពោះការសម្រេចចិត្តនេះ") == []
    # welcoming the activists themselves is still a welcome
    assert [v.kind for v in claim_verbs("លោកអភិបាល បានស្វាគមន៍សកម្មជន ៤០នាក់")] == ["join"]


def test_people_saying_they_never_applied_to_join_is_a_denial() -> None:
    # about 30 villagers shown in a post as joining the CPP say they never applied to join
    text = (
        "ប្រជាពលរដ្ឋប្រមាណ ៣០នាក់ ដែលគេបង្ហោះថាបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "បាននិយាយថា ពួកគេមិនដែលបានដាក់ពាក្យចូលគណបក្សណាមួយទេ។"
    )
    assert khmer_claims(text, date(2023, 6, 2)) == []


def test_activists_of_two_parties_welcomed_together_keep_both_parties() -> None:
    # the district governor welcomed activists of the CLP and the former CNRP who joined the CPP
    [p] = khmer_claims(
        "កាលពីថ្ងៃទី៨ ខែកក្កដា លោក ទេព សុខា អភិបាលស្រុក បានទទួលស្វាគមន៍ សកម្មជនគណបក្សភ្លើងទៀន "
        "និងអតីតគណបក្សសង្គ្រោះជាតិ ដែលបានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 7, 9),
    )
    assert sorted(p.from_parties) == sorted([CLP, "Cambodia National Rescue Party"])


def test_a_named_man_and_those_who_came_with_him_are_counted_together() -> None:
    published = date(2023, 5, 20)
    for text, number in (
        # Mr. X, a former Candlelight commune chief, together with 25 supporters, joined
        ("លោក សួន វាសនា អតីតមេឃុំគណបក្សភ្លើងទៀន រួមជាមួយអ្នកគាំទ្រ ២៥នាក់ "
         "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី១៥ ខែឧសភា។", 26),
        # Mr. X, a former Candlelight branch chief, and 9 other activists joined
        ("លោក សួន វាសនា អតីតប្រធានសាខាគណបក្សភ្លើងទៀន និងសកម្មជន ៩នាក់ទៀត "
         "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី១៥ ខែឧសភា។", 10),
    ):  # fmt: skip
        [p] = khmer_claims(text, published)
        assert (p.number, p.people) == (number, ["លោក សួន វាសនា"]), text


FUNCINPEC = "FUNCINPEC"


def test_a_total_split_by_party_after_among_them_is_a_claim_per_party() -> None:
    published = date(2023, 6, 10)
    for text in (
        # 75 new members joined the CPP on 8 June; among them, 60 from the CLP and 15 from FUNCINPEC
        "សមាជិកថ្មី ៧៥នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៨ ខែមិថុនា។ "
        "ក្នុងចំណោមនោះ មកពីគណបក្សភ្លើងទៀន ចំនួន ៦០នាក់ និងមកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ១៥នាក់។",
        # 75 activists, among them 60 from the CLP and 15 from FUNCINPEC, joined the CPP on 8 June
        "សកម្មជន ៧៥នាក់ ក្នុងនោះ មកពីគណបក្សភ្លើងទៀន ៦០នាក់ និងមកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ១៥នាក់ "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៨ ខែមិថុនា។",
    ):
        got = [(p.number, p.from_parties, p.to_party, p.date) for p in khmer_claims(text, published)]
        assert got == [
            (60, [CLP], CPP, date(2023, 6, 8)),
            (15, [FUNCINPEC], CPP, date(2023, 6, 8)),
        ], text
    # a part that is not the whole (10 village chiefs among the 75) splits nothing
    [p] = khmer_claims(
        "សកម្មជនគណបក្សភ្លើងទៀន ៧៥នាក់ ក្នុងនោះ មេភូមិ ១០រូប បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (p.number, p.from_parties) == (75, [CLP])


def test_a_defector_saying_in_quotes_why_we_left_adds_no_claim() -> None:
    # 40 CLP members joined the CPP on 3 June; Mr. X, their former branch head, said "my
    # friends and I decided to leave the CLP because it has no plan"
    text = (
        "សមាជិកគណបក្សភ្លើងទៀន ៤០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៣ ខែមិថុនា។\n\n"
        "លោក ណុប ចំរើន អតីតប្រធានសាខា បាននិយាយថា \"ខ្ញុំ និងមិត្តភក្តិ "
        "បានសម្រេចចិត្តចាកចេញពីគណបក្សភ្លើងទៀន ព្រោះគណបក្សគ្មានផែនការច្បាស់\"។"
    )
    got = [(p.number, p.from_parties, p.to_party) for p in khmer_claims(text, date(2023, 6, 4))]
    assert got == [(40, [CLP], CPP)]
    # «...» quotes the same way
    assert len(khmer_claims(text.replace('"', "«", 1).replace('"', "»", 1), date(2023, 6, 4))) == 1


def test_a_former_official_coming_back_to_his_own_party_is_no_claim() -> None:
    # Mr. X, a former CLP councillor who had left the party, came back to the CLP on 2 June
    text = (
        "លោក ទូច សំណាង អតីតសមាជិកក្រុមប្រឹក្សាគណបក្សភ្លើងទៀន ដែលបានចាកចេញពីគណបក្ស "
        "បានវិលត្រឡប់មកគណបក្សភ្លើងទៀនវិញ កាលពីថ្ងៃទី២ ខែមិថុនា។"
    )
    assert khmer_claims(text, date(2023, 6, 4)) == []
    # a former CLP councillor joining the CPP still moved
    [p] = khmer_claims(
        "លោក ទូច សំណាង អតីតសមាជិកក្រុមប្រឹក្សាគណបក្សភ្លើងទៀន "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី២ ខែមិថុនា។",
        date(2023, 6, 4),
    )
    assert (p.from_parties, p.to_party) == ([CLP], CPP)


def test_on_that_same_day_in_a_new_paragraph_is_the_day_told_before() -> None:
    # on 6 June 25 CLP activists joined the CPP. || On that same day, in another commune, 11
    # FUNCINPEC activists also joined the CPP.
    text = (
        "កាលពីថ្ងៃទី៦ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀន ២៥នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "នៅថ្ងៃដដែលនោះ នៅឃុំមួយទៀត សកម្មជនគណបក្សហ្វ៊ុនស៊ិនប៉ិច ១១នាក់ "
        "ក៏បានចូលគណបក្សប្រជាជនកម្ពុជាដែរ។"
    )
    got = [(p.number, p.date, p.date_kind) for p in khmer_claims(text, date(2023, 6, 9))]
    assert got == [(25, date(2023, 6, 6), "event"), (11, date(2023, 6, 6), "event")]


def test_taking_part_in_a_gathering_is_no_joining() -> None:
    # about 200 young people took part in a CPP gathering (in doing volunteer work) on Sunday
    for text in (
        "យុវជនប្រមាណ ២០០នាក់ បានចូលរួមក្នុងពិធីជួបជុំ របស់គណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃអាទិត្យ។",
        "យុវជនប្រមាណ ២០០នាក់ បានចូលរួមក្នុងការងារស្ម័គ្រចិត្ត របស់គណបក្សប្រជាជនកម្ពុជា។",
    ):
        assert khmer_claims(text, date(2023, 6, 5)) == [], text


def test_a_party_receiving_new_members_is_a_joining() -> None:
    # the CPP in a district received (gained) 64 new members, former CLP activists, on 1 June
    for verb in ("ទទួល", "ទទួលបាន"):
        [p] = khmer_claims(
            f"គណបក្សប្រជាជនកម្ពុជា ស្រុកកៀនស្វាយ បាន{verb}សមាជិកថ្មីចំនួន ៦៤នាក់ "
            "ដែលជាអតីតសកម្មជនគណបក្សភ្លើងទៀន កាលពីថ្ងៃទី១ ខែមិថុនា។",
            date(2023, 6, 3),
        )
        assert (p.number, p.from_parties, p.to_party, p.date) == (64, [CLP], CPP, date(2023, 6, 1))
    # the party gaining seats is no joining
    assert khmer_claims("គណបក្សប្រជាជនកម្ពុជា ទទួលបានអាសនៈ ១២០។", date(2023, 6, 3)) == []


def test_the_same_officials_named_again_are_no_second_claim() -> None:
    # two former CLP officials in a commune moved to the CPP; "the two officials, Mr A and Mr B,
    # received their cards": the same two, told again
    text = (
        "អតីតមន្ត្រីគណបក្សភ្លើងទៀន ពីររូប នៅឃុំព្រែកតាមាក់ បានប្តូរមកចូលគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "មន្ត្រីទាំងពីររូប គឺលោក សុខ វិចិត្រ និងលោក ម៉ៅ សំណាង ត្រូវបានលោក ហេង ចន្ទា "
        "ប្រគល់ប័ណ្ណសមាជិកជូន។"
    )
    got = [(p.number, p.from_parties, p.to_party) for p in khmer_claims(text, date(2024, 3, 2))]
    assert got == [(2, [CLP], CPP)]


def test_a_move_since_a_past_year_is_history() -> None:
    # he joined the CLP's activities since 2020 (in a 2024 report): who he is, not news
    text = "ក្រោយមក លោកបានចូលធ្វើសកម្មភាពជាមួយគណបក្សភ្លើងទៀន តាំងពីឆ្នាំ២០២០។"
    assert khmer_claims(text, date(2024, 5, 9)) == []
    # since the year of the report itself: still news
    assert khmer_claims(
        "សកម្មជន ១០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា តាំងពីឆ្នាំ២០២៤។", date(2024, 5, 9)
    ) != []


def test_saying_one_left_because_is_why() -> None:
    # one of the applicants, Mr X, said he decided to leave the CLP because its leaders ignored him
    said = (
        "លោក កែវ សុផល អតីតមេឃុំ បានប្រាប់ថា ខ្លួនសម្រេចចិត្តចាកចេញពីគណបក្សភ្លើងទៀន "
        "ព្រោះថ្នាក់ដឹកនាំមិនខ្វល់ពីសកម្មជន។"
    )
    assert claim_verbs(said) == []
    # with no reason given, his leaving is told as news
    assert claim_verbs("លោក កែវ សុផល បានប្រាប់ថា ខ្លួនបានចាកចេញពីគណបក្សភ្លើងទៀន។") != []


def test_among_those_n_applicants_splits_the_total_by_party() -> None:
    # 120 opposition members applied to join the CPP on 3 March; "among those 120 applicants,
    # there are 90 from the CLP and 30 from FUNCINPEC"
    text = (
        "សមាជិកគណបក្សប្រឆាំង ១២០នាក់ បានដាក់ពាក្យចូលគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២៤។\n\n"
        "ក្នុងចំណោមអ្នកដាក់ពាក្យទាំង ១២០នាក់នោះ មាន ៩០នាក់ មកពីគណបក្សភ្លើងទៀន "
        "និង ៣០នាក់ទៀត មកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច។"
    )
    got = [(p.number, p.from_parties) for p in khmer_claims(text, date(2024, 3, 4))]
    assert got == [(90, [CLP]), (30, [FUNCINPEC])]


def test_the_first_months_of_the_year_are_a_running_total() -> None:
    # the governor said that in the first five months of this year about 900 former opposition
    # activists joined the CPP
    text = (
        "លោកអភិបាលស្រុក បានឱ្យដឹងថា ក្នុងរយៈពេល ៥ខែដើមឆ្នាំនេះ មានអតីតសកម្មជនបក្សប្រឆាំង "
        "ប្រមាណ ៩០០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert khmer_claims(text, date(2024, 6, 2)) == []


def test_the_new_year_festival_is_no_joining() -> None:
    # five CLP councillors said they plan to apply to join the CPP after the Khmer New Year
    text = (
        "សមាជិកក្រុមប្រឹក្សាឃុំគណបក្សភ្លើងទៀន ៥រូប បាននិយាយថា ពួកគេគ្រោងនឹងដាក់ពាក្យសុំចូល"
        "គណបក្សប្រជាជនកម្ពុជា ក្រោយពិធីបុណ្យចូលឆ្នាំខ្មែរ។"
    )
    assert khmer_claims(text, date(2025, 3, 10)) == []
    assert [v.kind for v in claim_verbs("អ្នកភូមិ ២០០នាក់ ចូលឆ្នាំថ្មីជាមួយគ្នា")] == []


def test_a_group_told_with_its_total_counts_the_total() -> None:
    # a CLP commune chief, with 3 councillors and 20 activists, 24 in all, joined the CPP
    text = (
        "មេឃុំមកពីគណបក្សភ្លើងទៀនម្នាក់ រួមជាមួយសមាជិកក្រុមប្រឹក្សាឃុំ ៣រូប និងសកម្មជន ២០នាក់ "
        "សរុបទាំងអស់ ២៤នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី២ ខែមេសា ឆ្នាំ២០២៤។"
    )
    [p] = khmer_claims(text, date(2024, 4, 3))
    assert (p.number, p.from_parties, p.to_party) == (24, [CLP], CPP)


def test_a_range_from_one_number_to_another_counts_its_lower_bound() -> None:
    # the CPP says some 80 to 120 CLP supporters asked to join it on Wednesday 6 March
    text = (
        "គណបក្សប្រជាជនកម្ពុជា បានឱ្យដឹងថា អ្នកគាំទ្រគណបក្សភ្លើងទៀន ប្រហែលពី ៨០ ទៅ ១២០នាក់ "
        "បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃពុធ ទី៦ ខែមីនា ឆ្នាំ២០២៤។"
    )
    [p] = khmer_claims(text, date(2024, 3, 8))
    assert (p.number, p.qualifier, p.from_parties, p.to_party) == (80, "ប្រហែល", [CLP], CPP)


def test_resigning_membership_in_a_party_is_leaving_it() -> None:
    # Mr. X, the CLP's district secretary, resigned his post and his membership in the CLP
    # on Tuesday 4 June, going to no other party
    text = (
        "លោក ហេង សុវណ្ណ លេខាធិការគណបក្សភ្លើងទៀនប្រចាំស្រុក បានលាលែងពីតំណែង "
        "និងពីសមាជិកភាពក្នុងគណបក្សភ្លើងទៀន កាលពីថ្ងៃអង្គារ ទី៤ ខែមិថុនា ឆ្នាំ២០២៤។"
    )
    [p] = khmer_claims(text, date(2024, 6, 5))
    assert (p.number, p.from_parties, p.to_party, p.kind) == (1, [CLP], None, "departure")


def test_a_total_before_the_verb_split_by_party_after_it_is_a_claim_per_party() -> None:
    # on 2 May 140 opposition activists applied to join the CPP, among them 90 from the CLP
    # and 50 from FUNCINPEC
    text = (
        "នៅថ្ងៃទី២ ខែឧសភា ឆ្នាំ២០២៤ សកម្មជនបក្សប្រឆាំងសរុប ១៤០នាក់ បានដាក់ពាក្យសុំចូលជាសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា ក្នុងនោះ មកពីគណបក្សភ្លើងទៀន ចំនួន ៩០នាក់ "
        "និងមកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ៥០នាក់។"
    )
    got = [(p.number, p.from_parties, p.to_party) for p in khmer_claims(text, date(2024, 5, 3))]
    assert got == [(90, [CLP], CPP), (50, [FUNCINPEC], CPP)]
    # parts that do not make up the total (10 village chiefs among the 140) split nothing
    text = (
        "សកម្មជនគណបក្សភ្លើងទៀន ១៤០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "ក្នុងនោះ មានមេភូមិ ១០រូប និងមេឃុំ ២រូប។"
    )
    whole = [(p.number, p.from_parties) for p in khmer_claims(text, date(2024, 5, 3))]
    assert whole == [(140, [CLP])]


def test_an_office_with_its_rank_opening_the_sentence_is_one_person() -> None:
    # the second deputy chief of a commune, elected for the CLP, left his party and joined
    # the CPP on Monday 11 March
    text = (
        "ជំទប់ទីពីរនៃឃុំស្វាយ ដែលជាប់ឆ្នោតក្រោមឈ្មោះគណបក្សភ្លើងទៀន បានចាកចេញពីគណបក្សរបស់ខ្លួន "
        "ហើយចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃចន្ទ ទី១១ ខែមីនា ឆ្នាំ២០២៤។"
    )
    [p] = khmer_claims(text, date(2024, 3, 12))
    assert (p.number, p.from_parties, p.to_party) == (1, [CLP], CPP)


def test_a_heading_over_dated_bulleted_lines_is_a_claim_per_line() -> None:
    # "in one week, former CLP activists applied to join the CPP 👇", then one line per
    # ceremony: 10 March in one commune, 40 people; 12 March in another, 25 people
    text = (
        "📢 ស្រុកបាទី ខេត្តតាកែវ៖ ក្នុងរយៈពេលមួយសប្តាហ៍ អតីតសកម្មជនគណបក្សភ្លើងទៀន "
        "បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា 👇\n\n"
        "✅ ថ្ងៃទី១០ ខែមីនា ឆ្នាំ២០២៤៖ នៅឃុំត្រពាំងសាប ចំនួន ៤០នាក់\n"
        "✅ ថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៤៖ នៅឃុំពត់សរ ចំនួន ២៥នាក់\n\n"
        "#តាកែវ #គណបក្សប្រជាជនកម្ពុជា"
    )
    got = [
        (p.date, p.number, p.from_parties, p.to_party)
        for p in khmer_claims(text, date(2024, 3, 13))
    ]
    assert got == [
        (date(2024, 3, 10), 40, [CLP], CPP),
        (date(2024, 3, 12), 25, [CLP], CPP),
    ]
    # lines of one day may be parts of one occasion: no claim per line
    same_day = text.replace("ថ្ងៃទី១២", "ថ្ងៃទី១០")
    assert [p.number for p in khmer_claims(same_day, date(2024, 3, 13))] != [40, 25]


def test_under_the_shade_of_or_asking_to_become_a_member_of_names_the_party_joined() -> None:
    # "120 CLP members in one district left the opposition to come and stand under the shade
    # of the CPP", and "30 CLP activists quit the party and asked to become CPP members"
    shade = (
        "កាលពីថ្ងៃទី៥ ខែមីនា ឆ្នាំ២០២៤ សមាជិកគណបក្សភ្លើងទៀន ១២០នាក់ នៅស្រុកកៀនស្វាយ "
        "បានចាកចេញពីជួរប្រឆាំង ដើម្បីមកឈរនៅក្រោមម្លប់គណបក្សប្រជាជនកម្ពុជា។"
    )
    become = (
        "កាលពីថ្ងៃទី៦ ខែមីនា ឆ្នាំ២០២៤ សកម្មជនគណបក្សភ្លើងទៀន ៣០នាក់ នៅស្រុកបាទី "
        "បានដកខ្លួនចេញពីគណបក្ស ហើយសុំធ្វើជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    for text, number in ((shade, 120), (become, 30)):
        [p] = khmer_claims(text, date(2024, 3, 7))
        assert (p.number, p.from_parties, p.to_party) == (number, [CLP], CPP)


def test_transferring_membership_signing_up_as_members_and_joining_a_party_are_moves() -> None:
    # "40 CLP members transferred themselves to the CPP", "... transferred their membership to
    # the CPP", "25 LDP members joined the CPP", "60 CLP supporters signed up as CPP members"
    cases = [
        ("សមាជិកគណបក្សភ្លើងទៀនចំនួន ៤០នាក់ បានផ្ទេរខ្លួនមកគណបក្សប្រជាជនកម្ពុជា", 40, CLP),
        ("សមាជិកគណបក្សភ្លើងទៀន ៤០នាក់ បានផ្ទេរសមាជិកភាពមកគណបក្សប្រជាជនកម្ពុជា", 40, CLP),
        ("សមាជិកគណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ ២៥ នាក់ បានចូលរួមគណបក្សប្រជាជនកម្ពុជា", 25,
         "League for Democracy Party"),
        ("អ្នកគាំទ្រគណបក្សភ្លើងទៀន ៦០នាក់ បានចុះឈ្មោះជាសមាជិកគណបក្សប្រជាជនកម្ពុជា", 60, CLP),
    ]  # fmt: skip
    for words, number, former in cases:
        text = f"កាលពីថ្ងៃទី៨ ខែមេសា ឆ្នាំ២០២៤ {words}។"
        [p] = khmer_claims(text, date(2024, 4, 9))
        assert (p.number, p.from_parties, p.to_party) == (number, [former], CPP)


def test_the_road_into_the_village_is_no_joining() -> None:
    # "30 CLP activists said they plan to apply to join the CPP next month, once the road
    # into the village is finished": the plan is no move, nor is the road's "into"
    text = (
        "សកម្មជនគណបក្សភ្លើងទៀន ៣០នាក់ នៅស្រុកកំពង់ត្រាច បាននិយាយថា ពួកគេគ្រោងនឹងដាក់ពាក្យ"
        "ចូលគណបក្សប្រជាជនកម្ពុជា នៅខែក្រោយ បើផ្លូវចូលភូមិធ្វើរួចរាល់។"
    )
    assert khmer_claims(text, date(2024, 5, 2)) == []


def test_turning_or_joining_to_support_a_party_is_joining_it() -> None:
    published = date(2023, 5, 20)
    for verb in ("ងាកមកគាំទ្រ", "ចូលរួមគាំទ្រ", "ប្តូរមកគាំទ្រ"):
        # 140 CLP officials in Prey Veng turned to / joined in supporting the CPP
        [p] = khmer_claims(
            f"មន្ត្រីគណបក្សភ្លើងទៀន ជាង ១៤០នាក់ នៅខេត្តព្រៃវែង បាន{verb}គណបក្សប្រជាជនកម្ពុជា។",
            published,
        )
        assert (p.number, p.from_parties, p.to_party) == (140, [CLP], CPP), verb


def test_a_khmer_claim_disputed_after_but_is_still_the_claim_made() -> None:
    published = date(2023, 5, 20)
    # 400 CLP members joined the CPP, but the CLP's spokesman rejected the figure
    [p] = khmer_claims(
        "សមាជិកគណបក្សភ្លើងទៀន ប្រមាណ ៤០០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "ប៉ុន្តែអ្នកនាំពាក្យគណបក្សភ្លើងទៀន បានច្រានចោលតួលេខនេះ។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party) == (400, [CLP], CPP)
    # the rejection itself, with no "but" before it, stays no claim
    assert khmer_claims(
        "គណបក្សភ្លើងទៀន បានច្រានចោលថា សមាជិក ៤០០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។", published
    ) == []


def test_khmer_the_party_of_who_receives_or_announces_is_the_party_joined() -> None:
    published = date(2023, 4, 23)
    # the CPP's district committee received applications to join "the party" from 128 CLP
    # members and 36 former CNRP activists, 164 in all: a claim per party
    got = khmer_claims(
        "កាលពីថ្ងៃទី២២ ខែមេសា គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាស្រុក បានរៀបចំពិធីទទួលពាក្យសុំ"
        "ចូលជាសមាជិកគណបក្ស ពីសំណាក់សមាជិកគណបក្សភ្លើងទៀន ចំនួន ១២៨នាក់ និងអតីតសកម្មជន"
        "គណបក្សសង្គ្រោះជាតិ ចំនួន ៣៦នាក់ សរុបទាំងអស់ ១៦៤នាក់។",
        published,
    )
    assert [(p.number, p.from_parties, p.to_party) for p in got] == [
        (128, [CLP], CPP),
        (36, ["Cambodia National Rescue Party"], CPP),
    ]
    # a CPP official announced that "nearly 200" CLP members joined "its own party"
    [p] = khmer_claims(
        "មន្ត្រីគណបក្សប្រជាជនកម្ពុជា បានប្រកាសថា សមាជិកគណបក្សភ្លើងទៀន «ជិត ២០០នាក់» "
        "បានចូលរួមជាមួយគណបក្សរបស់ខ្លួន កាលពីថ្ងៃទី២២ ខែមេសា។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party) == (200, [CLP], CPP)


def test_khmer_sentences_that_only_speak_of_the_group_or_of_change_add_no_claim() -> None:
    published = date(2023, 6, 11)
    first = "សមាជិកគណបក្សភ្លើងទៀន ចំនួន ៤១៥នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី១០ ខែមិថុនា។\n\n"
    for then in (
        # the CLP members who joined this time came from six communes: A 82, B 65, ...
        "សមាជិកគណបក្សភ្លើងទៀនដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជាលើកនេះ មកពីឃុំចំនួន ៦ "
        "រួមមាន៖ ឃុំស្មោងជើង ៨២នាក់ ឃុំស្មោងត្បូង ៦៥នាក់។",
        # one of the new participants, Mr X, a former GDP branch chief, said ...
        "អ្នកចូលរួមថ្មីម្នាក់ឈ្មោះ លោក ឃឹម សុផាត ដែលធ្លាប់ជាប្រធានសាខាគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន "
        "បាននិយាយថា គណបក្សប្រជាជនកម្ពុជាធ្វើបានពិតៗ។",
        # X told the radio that they came to join of their own will, let down by the CLP
        "លោក គឹម រដ្ឋា ប្រាប់វិទ្យុថា ពួកគេបានមកចូលដោយខ្លួនឯង ក្រោយពីខកចិត្តចំពោះគណបក្សភ្លើងទៀន។",
        # an analyst: the change between small parties, rather than turning to the ruling party
        "អ្នកវិភាគ លោក ហែម ដារា ថា ការផ្លាស់ប្តូររវាងគណបក្សប្រឆាំងតូចៗ "
        "ជាជាងងាកទៅរកគណបក្សប្រជាជនកម្ពុជា។",
        # "saying 80 left the CLP on Sunday is not correct"
        "«ការនិយាយថា ៨០នាក់ចាកចេញពីគណបក្សភ្លើងទៀននៅថ្ងៃអាទិត្យ គឺមិនត្រឹមត្រូវទេ» លោកថា។",
    ):
        got = [(p.number, p.from_parties) for p in khmer_claims(first + then, published)]
        assert got == [(415, [CLP])], then


def test_a_khmer_fact_check_a_lawyer_and_a_party_activist() -> None:
    # Fact check: villagers say they were never CLP members and did not switch
    assert khmer_claims(
        "ពិនិត្យការពិត៖ អ្នកភូមិថា ពួកគេមិនដែលជាសមាជិកភ្លើងទៀន\n\n"
        "គេហទំព័រមួយ បានចុះផ្សាយថា សមាជិកភ្លើងទៀន ១២០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 5, 3),
    ) == []
    # lawyer X, the CLP's provincial chief, switched to the CPP: one person
    [p] = khmer_claims(
        "មេធាវី ទូច វិបុល ដែលជាប្រធានគណបក្សភ្លើងទៀនខេត្ត បានប្តូរទៅចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 6, 20),
    )
    assert (p.number, p.from_parties, p.to_party) == (1, [CLP], CPP)
    # "at the home of a party activist": a counter, no party's name
    lexicon = Lexicon(lexicon_from_data())
    assert [m.name for m in lexicon.mentions("នៅផ្ទះរបស់សកម្មជនគណបក្សម្នាក់")] == []


def test_khmer_returning_to_a_party_parts_of_the_group_and_its_leader() -> None:
    published = date(2023, 6, 19)
    # 140 opposition activists came back to serve the CPP on 18 June; among them 85 from the
    # CLP, 42 from the former CNRP and 13 from the KNUP: a claim per party
    got = khmer_claims(
        "នៅថ្ងៃទី១៨ ខែ៦ ឆ្នាំ២០២៣ សកម្មជនបក្សប្រឆាំងសរុបចំនួន ១៤០នាក់ "
        "បានវិលត្រឡប់មកបម្រើគណបក្សប្រជាជនកម្ពុជាវិញ។ ក្នុងចំណោមនោះ មកពីគណបក្សភ្លើងទៀន ចំនួន ៨៥នាក់ "
        "អតីតគណបក្សសង្គ្រោះជាតិ ចំនួន ៤២នាក់ និងគណបក្សខ្មែររួបរួមជាតិ ចំនួន ១៣នាក់។",
        published,
    )
    assert [(p.number, p.to_party) for p in got] == [(85, CPP), (42, CPP), (13, CPP)]
    # returning to the country is no party joined
    assert khmer_claims("លោក សុខ ដារា បានវិលត្រឡប់មកកម្ពុជាវិញ កាលពីថ្ងៃទី១៨ ខែមិថុនា។", published) == []
    first = "សកម្មជនគណបក្សភ្លើងទៀន ប្រមាណ ៣០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី១៦ ខែមិថុនា។\n\n"
    for then in (
        # among those who switched this time were Mr A and Mr B
        "ក្នុងចំណោមអ្នកដែលបានប្តូរមកគាំទ្រគណបក្សប្រជាជនកម្ពុជាលើកនេះ មាន លោក ណុប សារិន និងលោក កែវ ពិសី។",
        # Mr X told the press that he and his group applied to join the CPP
        "លោក អ៊ុក វណ្ណដារ៉ា បានប្រាប់សារព័ត៌មានថា លោក និងក្រុមរបស់លោក "
        "បានដាក់ពាក្យចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        # an official said only about 10 in that group had registered as members
        "មន្ត្រីម្នាក់ បានប្រាប់ថា មានតែមនុស្សប្រហែល ១០នាក់ប៉ុណ្ណោះ ក្នុងក្រុមនោះ "
        "ដែលបានចុះឈ្មោះជាសមាជិកគណបក្សភ្លើងទៀន។",
    ):
        seen = [(p.number, p.from_parties) for p in khmer_claims(first + then, published)]
        assert seen == [(30, [CLP])], then
    # an unknown party's name ends before a count's words
    lexicon = Lexicon(lexicon_from_data())
    assert [m.name for m in lexicon.mentions("សកម្មជនគណបក្សអរុណខ្មែរប្រមាណ ៦០នាក់")] == [
        "គណបក្សអរុណខ្មែរ"
    ]
    assert [m.name for m in lexicon.mentions("មកពីគណបក្សតូចមួយ")] == []


def test_khmer_hosts_owners_plans_and_the_person_told_before() -> None:
    published = date(2023, 6, 8)
    # 347 joined under the presidency of H.E. X, accompanied by Lok Chumteav Y: no one named moved
    [p] = khmer_claims(
        "សមាជិកគណបក្សភ្លើងទៀន ចំនួន ៣៤៧នាក់ បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "ក្រោមអធិបតីភាព ឯកឧត្តម ឈឹម សុវណ្ណារិទ្ធ ប្រធានក្រុមការងារ អមដោយលោកជំទាវ កែវ ច័ន្ទមុនី។",
        published,
    )
    assert (p.number, p.people) == (347, [])
    first = (
        "មេធាវី ញឹម វិបុល អតីតមន្ត្រីគណបក្សភ្លើងទៀន បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីម្សិលមិញ។\n\n"
    )
    for then in (
        # this lawyer was welcomed in person by H.E. X
        "មេធាវីរូបនេះ ត្រូវបានទទួលស្វាគមន៍ដោយផ្ទាល់ពី ឯកឧត្តម ហេង ប៊ុនធឿន។",
        # the CLP chief welcomed this joining
        "លោក យឹម សំណាង ប្រធានគណបក្សភ្លើងទៀនខេត្ត បានស្វាគមន៍ការចូលរួមនេះ។",
        # the CLP was barred from taking part in the election
        "គណបក្សភ្លើងទៀនត្រូវបានដកសិទ្ធិមិនឲ្យចូលរួមការបោះឆ្នោត ហើយគណបក្សប្រជាជនកម្ពុជាឈ្នះ។",
    ):
        seen = [(c.number, c.people) for c in khmer_claims(first + then, published)]
        assert seen == [(1, ["មេធាវី ញឹម វិបុល"])], then
    # Mr X's departure came a month after Mr Y left the CPP and joined the CLP: Y moved
    [q] = khmer_claims(
        "ការចាកចេញរបស់លោក ប៉ែន សុផល កើតឡើងជិតមួយខែ ក្រោយពេលដែលលោក អ៊ិន វណ្ណា "
        "បានលាលែងពីគណបក្សប្រជាជនកម្ពុជា ហើយចូលគណបក្សភ្លើងទៀន កាលពីថ្ងៃទី២០ ខែឧសភា។",
        published,
    )
    assert (q.number, q.people) == (1, ["លោក អ៊ិន វណ្ណា"])
    # he resigned from his post and the party, and has no plan to join any party: a departure
    [r] = khmer_claims(
        "ប្រធានគណបក្សភ្លើងទៀនខេត្ត លោក ទេព សារ៉ុន បានប្រកាសលាលែងពីតំណែង និងពីសមាជិកភាពគណបក្ស "
        "កាលពីម្សិលមិញ ហើយបានបញ្ជាក់ថា លោកមិនមានគម្រោងចូលគណបក្សនយោបាយណាមួយឡើយ។",
        published,
    )
    assert (r.kind, r.from_parties, r.to_party) == ("departure", [CLP], None)
    # "the members who applied to join the party at this ceremony included ...": told again
    lexicon = Lexicon(lexicon_from_data())
    assert [m.name for m in lexicon.mentions("សុំចូលគណបក្សនៅក្នុងពិធីនេះ")] == []


def test_a_named_khmer_leader_with_his_own_supporters_counts_them_and_himself() -> None:
    # Mr X, former CLP district chief, with his 35 supporters, joined the CPP: 36
    [p] = khmer_claims(
        "លោក សំ រិទ្ធ អតីតប្រធានគណបក្សភ្លើងទៀនស្រុក រួមជាមួយអ្នកគាំទ្ររបស់លោក ៣៥នាក់ "
        "បានសម្រេចចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីព្រឹកថ្ងៃទី២៨ ខែឧសភា។",
        date(2023, 6, 5),
    )
    assert (p.number, p.people, p.from_parties) == (36, ["លោក សំ រិទ្ធ"], [CLP])


def test_khmer_cards_received_days_before_yesterday_and_one_of_those_at_the_ceremony() -> None:
    published = date(2022, 11, 21)
    # on Saturday 210 CLP activists, 94 of them women, received CPP membership cards
    [p] = khmer_claims(
        "កាលពីថ្ងៃសៅរ៍ សកម្មជនគណបក្សភ្លើងទៀនចំនួន ២១០នាក់ ក្នុងនោះស្ត្រី ៩៤នាក់ "
        "បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party, p.date) == (210, [CLP], CPP, date(2022, 11, 19))
    # the day before yesterday, nine families of the GDP joined the CPP; twelve families in words
    [q] = khmer_claims(
        "កាលពីម្សិលម៉្ងៃ ប្រជាពលរដ្ឋចំនួន ៩គ្រួសារ ដែលពីមុនជាសមាជិកគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន "
        "បានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (q.number, q.date) == (9, date(2022, 11, 19))
    [r] = khmer_claims(
        "ថ្ងៃនេះ បងប្អូនប្រជាពលរដ្ឋ ដប់ពីរគ្រួសារ បានចាកចេញពីគណបក្សយុវជនកម្ពុជា "
        "មកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (r.number, r.from_parties, r.date) == (12, ["Cambodian Youth Party"], published)
    # "the working group received applications to join as members from 63 former opposition
    # activists (27 women)": the CPP's, 63
    [s] = khmer_claims(
        "ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយសង្កាត់ បានទទួលពាក្យសុំចូលជាសមាជិក "
        "ពីអតីតសកម្មជនគណបក្សប្រឆាំង ចំនួន 63 នាក់ (ស្ត្រី 27 នាក់)។",
        published,
    )
    assert (s.number, s.to_party) == (63, CPP)
    first = "សមាជិកគណបក្សភ្លើងទៀន ជាង ៥០០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី១៩ ខែវិច្ឆិកា។\n\n"
    for then in (
        # Mrs X, who attended that ceremony, said she decided to switch for a road
        "លោកស្រី ង៉ែត សុភាព ដែលបានចូលរួមពិធីនោះ ប្រាប់ថា គាត់សម្រេចចិត្តប្តូរ ដោយសារចង់បានផ្លូវ។",
        # Mr X told reporters that he left because of internal conflict in the CLP
        "លោក ទេព សារ៉េត ប្រាប់អ្នកយកព័ត៌មានថា លោកចាកចេញដោយសារជម្លោះផ្ទៃក្នុងគណបក្សភ្លើងទៀន។",
        # the deputy chief told the radio that those people applied and received the cards
        "លោក ហែម សុភ័ណ្ឌ បានប្រាប់វិទ្យុថា អ្នកទាំងនោះ បានទទួលប័ណ្ណសមាជិកគណបក្សរួចរាល់។",
    ):
        seen = [(c.number, c.people) for c in khmer_claims(first + then, published)]
        assert seen == [(500, [])], then
    # from early January up to yesterday, 1,250 new members in all: a running total
    assert khmer_claims(
        "ចាប់ពីដើមខែមករា មកដល់ម្សិលមិញ ស្រុកនេះទទួលបានសមាជិកថ្មីមកពីគណបក្សផ្សេងៗ សរុបចំនួន ១.២៥០នាក់។",
        published,
    ) == []


def test_a_khmer_leaving_headline_and_a_count_given_later_complete_the_claim() -> None:
    # headline: 67 families leave the CLP; body: on 25 Feb 67 families left it to join the CPP
    [p] = khmer_claims(
        "កាលពីថ្ងៃទី២៥ ខែកុម្ភៈ ឆ្នាំ២០២៣ ប្រជាពលរដ្ឋចំនួន ៦៧គ្រួសារ ដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀន "
        "បានសម្តែងឆន្ទៈចាកចេញពីគណបក្សនោះ មកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        date(2023, 2, 27),
        title="ប្រជាពលរដ្ឋ ៦៧គ្រួសារ នៅស្រុកមោងឫស្សី ចាកចេញពីគណបក្សភ្លើងទៀន",
    )
    assert (p.kind, p.number, p.to_party, p.date) == ("defection", 67, CPP, date(2023, 2, 25))
    # hundreds of LDP members joined; the new participants numbered 200 to 250
    [q] = khmer_claims(
        "កាលពីថ្ងៃទី២៧ ខែតុលា សមាជិកគណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យរាប់រយនាក់ "
        "បានចាកចេញពីគណបក្សនោះ មកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "លោក ឃឹម សុភារ័ត្ន បានឲ្យដឹងថា ចំនួនអ្នកចូលរួមថ្មីមានពី ២០០ ទៅ ២៥០នាក់។",
        date(2024, 10, 28),
    )
    assert (q.number, q.from_parties) == (200, ["League for Democracy Party"])


def test_khmer_weekly_columns_captions_and_the_same_ceremony() -> None:
    published = date(2023, 11, 18)
    # a column's items dated "Monday the 13th", "Wednesday the 15th", no month
    got = khmer_claims(
        "● ថ្ងៃច័ន្ទ ទី១៣៖ សមាជិកគណបក្សភ្លើងទៀនមួយរយម្ភៃនាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n"
        "● ថ្ងៃពុធ ទី១៥៖ លោក ចាន់ សុវណ្ណឫទ្ធិ បានប្រកាសលាលែងពីគណបក្សខ្មែររួបរួមជាតិ "
        "ហើយចូលរួមជាមួយគណបក្សភ្លើងទៀន។",
        published,
    )
    assert [(p.date, p.number) for p in got] == [(date(2023, 11, 13), 120), (date(2023, 11, 15), 1)]
    # a caption: the former members, 280 in all (131 women), pledged to support the CPP
    [p] = khmer_claims(
        "អតីតសមាជិកគណបក្សភ្លើងទៀន សរុប ២៨០នាក់ (ស្ត្រី ១៣១នាក់) លើកដៃប្តេជ្ញាចិត្តគាំទ្រ"
        "គណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (p.number, p.to_party) == (280, CPP)
    # a post whose date stands on a line of its own
    [q] = khmer_claims(
        "🗓 ថ្ងៃសៅរ៍ ទី១៨ ខែវិច្ឆិកា ឆ្នាំ២០២៣\n\nសកម្មជនគណបក្សភ្លើងទៀន បានដាក់ពាក្យស្ម័គ្រចិត្ត"
        "ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert q.date == date(2023, 11, 18)
    first = "ប្រជាពលរដ្ឋប្រមាណ ៤៦០នាក់ ជាអតីតសមាជិកគណបក្សភ្លើងទៀន បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីម្សិលមិញ។\n\n"
    for then in (
        # that same night a website said "more than 700" joined at that same ceremony
        "ប៉ុន្តែនៅយប់ដដែល គេហទំព័រមួយ បានចុះផ្សាយថា មានមនុស្ស «ជាង ៧០០នាក់» "
        "បានចូលរួមជាមួយគណបក្សកាន់អំណាចនៅក្នុងពិធីដដែលនោះ។",
        # the LDP took part in the election and won no seat
        "គណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ មិនបានទទួលអាសនៈណាមួយ ហើយបានចូលរួមការបោះឆ្នោតជាតិ។",
        # the CLP chief told the radio they held a meeting to welcome them
        "លោក កែវ រដ្ឋា បានប្រាប់វិទ្យុថា គណបក្សបានរៀបចំជំនួបតូចមួយ ដើម្បីទទួលស្វាគមន៍ពួកគេ។",
    ):
        seen = [(c.number, c.from_parties) for c in khmer_claims(first + then, published)]
        assert seen == [(460, [CLP])], then
    # the province party's deputy chief applied to join the CPP: the party the text speaks of
    got = khmer_claims(
        "ប្រធានគណបក្សភ្លើងទៀនប្រចាំខេត្ត លោក ស៊ឹម ច័ន្ទរដ្ឋា បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃសុក្រ។\n\nកាលពីថ្ងៃទី៥ ខែតុលា អនុប្រធានគណបក្សខេត្ត អ្នកស្រី សៅ គន្ធា "
        "ក៏បានដាក់ពាក្យចូលគណបក្សប្រជាជនកម្ពុជាដែរ។",
        published,
    )
    assert [(c.number, c.from_parties) for c in got] == [(1, [CLP]), (1, [CLP])]


def test_khmer_ceremonies_welcoming_new_members_lists_and_past_asides() -> None:
    published = date(2023, 5, 2)
    # the ceremony welcoming 456 new members, 213 of them women, who were CLP members
    [p] = khmer_claims(
        "នារសៀលថ្ងៃអាទិត្យ ទី៣០ ខែមេសា បានប្រព្រឹត្តទៅនូវពិធីទទួលស្វាគមន៍សមាជិកថ្មីចំនួន ៤៥៦នាក់ "
        "ក្នុងនោះស្ត្រី ២១៣នាក់ ដែលជាអតីតសមាជិកគណបក្សភ្លើងទៀន ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party) == (456, [CLP], CPP)
    # a former CNRP activist, who once helped organise protests, announced he joined the CPP
    [q] = khmer_claims(
        "លោក ផុន សុវណ្ណឌី អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ដែលធ្លាប់ចូលរួមរៀបចំបាតុកម្ម "
        "បានប្រកាសកាលពីថ្ងៃសៅរ៍ថា លោកបានសម្រេចចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
        published,
    )
    assert (q.number, q.from_parties, q.to_party) == (1, ["Cambodia National Rescue Party"], CPP)
    # among them: from the CLP 127, from party X (no party we know) 38 and from the GDP 20
    got = khmer_claims(
        "កាលពីថ្ងៃទី៣០ ខែមេសា ប្រជាពលរដ្ឋចំនួន ១៨៥នាក់ បានស្ម័គ្រចិត្តចាកចេញពីគណបក្សនយោបាយផ្សេងៗ "
        "មកចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។ ក្នុងចំណោមនោះ មកពីគណបក្សភ្លើងទៀន ១២៧នាក់ "
        "គណបក្សកសិករខ្មែរ ៣៨នាក់ និងគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន ២០នាក់។",
        published,
    )
    assert [(c.number, c.from_parties) for c in got] == [
        (127, [CLP]),
        (38, ["គណបក្សកសិករខ្មែរ"]),
        (20, ["Grassroots Democracy Party"]),
    ]
    # a lawyer switched "to" (ទៅកាន់) a party we do not know; "pledged to support the
    # government's policy" is no party joined
    [r] = khmer_claims(
        "លោក ហាក់ ពិសិដ្ឋ អតីតទីប្រឹក្សាគណបក្សភ្លើងទៀន បានប្ដូរទៅកាន់គណបក្សកសិករខ្មែរ កាលពីថ្ងៃទី២៩ ខែមេសា។",
        published,
    )
    assert (r.number, r.from_parties, r.to_party) == (1, [CLP], "គណបក្សកសិករខ្មែរ")
    assert khmer_claims(
        "លោក ប៊ុន សំអុល លើកដៃប្ដេជ្ញាគាំទ្រគោលនយោបាយរាជរដ្ឋាភិបាល។", published
    ) == []


def test_khmer_returns_among_them_after_the_count_and_past_years() -> None:
    published = date(2024, 2, 10)
    # 60 people who had joined the CPP before the election went back to the CLP on Wednesday
    [p] = khmer_claims(
        "ពលរដ្ឋប្រមាណ ៦០នាក់ ដែលបានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា មុនការបោះឆ្នោត "
        "បានប្រកាសប្រគល់ប័ណ្ណសមាជិកវិញ ហើយវិលត្រឡប់ទៅចូលជាសមាជិកគណបក្សភ្លើងទៀនវិញ កាលពីថ្ងៃពុធ។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party, p.date) == (60, [CPP], CLP, date(2024, 2, 7))
    # a ceremony for 126 new members, among them 84 from the CLP and 42 from party X
    got = khmer_claims(
        "នៅថ្ងៃទី៨ ខែកុម្ភៈ គណបក្សយើងបានរៀបចំពិធីទទួលស្វាគមន៍សមាជិកថ្មី ចំនួន ១២៦នាក់ "
        "ដែលក្នុងនោះ ៨៤នាក់ មកពីគណបក្សភ្លើងទៀន និង ៤២នាក់ទៀត មកពីគណបក្សកសិករខ្មែរ។",
        published,
    )
    assert [(c.number, c.from_parties) for c in got] == [(84, [CLP]), (42, ["គណបក្សកសិករខ្មែរ"])]
    # after the CNRP's dissolution in 2017 most supporters here turned to the CLP: history
    assert khmer_claims(
        "បន្ទាប់ពីការរំលាយគណបក្សសង្គ្រោះជាតិ នៅឆ្នាំ២០១៧ អ្នកគាំទ្របក្សប្រឆាំងនៅទីនេះ "
        "ភាគច្រើនបានងាកទៅគាំទ្រគណបក្សភ្លើងទៀន។",
        published,
    ) == []


def test_khmer_columns_with_day_and_month_his_party_and_totals_since_a_month() -> None:
    published = date(2024, 6, 3)
    # a column's items dated "Tuesday 28 May" (no "ខែ")
    got = khmer_claims(
        "ថ្ងៃព្រហស្បតិ៍ ៣០ ឧសភា — នៅស្រុកស្នួល អ្នកគាំទ្រគណបក្សភ្លើងទៀន ៦៤នាក់ "
        "ត្រូវបានគណបក្សប្រជាជនកម្ពុជាទទួលស្វាគមន៍ជាសមាជិកថ្មី។",
        published,
    )
    assert [(c.date, c.number, c.from_parties) for c in got] == [(date(2024, 5, 30), 64, [CLP])]
    # a CPP committee's deputy chief said 450 CLP supporters joined "his party" yesterday
    [p] = khmer_claims(
        "លោក ស៊ាន វណ្ណារ៉ា អនុប្រធានគណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាខេត្ត បានប្រាប់ថា "
        "អ្នកគាំទ្រគណបក្សភ្លើងទៀនចំនួន 450 នាក់ បានចូលជាសមាជិកគណបក្សរបស់លោក កាលពីម្សិលមិញ។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party) == (450, [CLP], CPP)
    # counting all since January, more than 4,000: a total
    assert khmer_claims(
        "បើរាប់ទាំងអស់តាំងពីខែមករាមក មានសមាជិកបក្សប្រឆាំងជាង ៤.០០០នាក់ "
        "បានចូលគណបក្សប្រជាជនកម្ពុជា។",
        published,
    ) == []


def test_khmer_our_party_and_a_past_year_in_who_clause() -> None:
    published = date(2024, 6, 10)
    # a CPP committee's release: "our party" welcomed 1,032 former CLP members who joined "our party"
    [p] = khmer_claims(
        "គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាខេត្ត សូមជម្រាបថា នាថ្ងៃសៅរ៍ ទី៨ ខែមិថុនា គណបក្សយើង"
        "បានរៀបចំពិធីស្វាគមន៍ប្រជាពលរដ្ឋចំនួន ១.០៣២នាក់ ដែលជាអតីតសមាជិកគណបក្សភ្លើងទៀន "
        "ហើយចូលរួមជាមួយគណបក្សយើង។",
        published,
    )
    assert (p.number, p.from_parties, p.to_party) == (1032, [CLP], CPP)
    # people who had joined the CPP after the CNRP's dissolution in 2017 have left it for the CLP
    [q] = khmer_claims(
        "ពលរដ្ឋប្រហែល ៦០នាក់ ដែលធ្លាប់ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា ក្រោយការរំលាយគណបក្ស"
        "សង្គ្រោះជាតិនៅឆ្នាំ២០១៧ បានចាកចេញពីគណបក្សកាន់អំណាច ហើយវិលត្រឡប់ទៅចូលជាសមាជិក"
        "គណបក្សភ្លើងទៀនវិញ កាលពីថ្ងៃទី៣ ខែមិថុនា។",
        published,
    )
    assert (q.number, q.from_parties, q.to_party) == (60, [CPP], CLP)


def _brief(text: str, published: date) -> list[tuple[object, ...]]:
    return [
        (p.date, p.number, p.from_parties, p.to_party) for p in khmer_claims(text, published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "មកចុះឈ្មោះចូលជាសមាជិក" (came to sign up to join as members): joining, no registration
        (
            "កាលពីថ្ងៃទី៨ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀន ៣២នាក់ បានមកចុះឈ្មោះចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 8), 32, [CLP], CPP)],
        ),
        # "ប្តូរមកជាសមាជិកគណបក្សX" (switched to become members of X): X is the party joined
        (
            "កាលពីថ្ងៃទី៧ ខែមិថុនា អតីតសកម្មជនគណបក្សភ្លើងទៀន ៤៤នាក់ បានប្តូរមកជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 7), 44, [CLP], CPP)],
        ),
        # "១ ៣០០នាក់": a thousands group set off by a space
        (
            "កាលពីថ្ងៃទី៦ ខែមិថុនា អ្នកគាំទ្រគណបក្សភ្លើងទៀនជាង ១ ៣០០នាក់ បានចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 6), 1300, [CLP], CPP)],
        ),
        # "មកពីគណបក្សផ្សេងៗ" (from other parties): none of them named
        (
            "កាលពីថ្ងៃទី៥ ខែមិថុនា ពលរដ្ឋមកពីគណបក្សផ្សេងៗ ចំនួន ៧៥នាក់ បានទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 5), 75, ["Unnamed Parties"], CPP)],
        ),
        # the party's branch "នៅខេត្ត..." between the party and its "បានប្រកាសថា" (announced
        # that); "ចូលជាសមាជិករបស់ខ្លួន" (became its members): the party that announces
        (
            "គណបក្សប្រជាជនកម្ពុជា នៅខេត្តតាកែវ បានប្រកាសថា កាលពីថ្ងៃទី៤ ខែមិថុនា "
            "អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ចំនួន ២៨នាក់ បានប្តូរមកចូលជាសមាជិករបស់ខ្លួន។",
            [(date(2024, 6, 4), 28, ["Cambodia National Rescue Party"], CPP)],
        ),
        # a party's working group "បានទទួលស្វាគមន៍" (received with welcome) the guests: the
        # host's party is the one joined
        (
            "កាលពីថ្ងៃទី៣ ខែមិថុនា ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយស្រុកបាទី ដឹកនាំដោយ "
            "លោក ស៊ុន ដារ៉ា បានទទួលស្វាគមន៍អតីតសមាជិកគណបក្សភ្លើងទៀន ចំនួន ១៩នាក់ "
            "ដែលបានសម្រេចចិត្តចាកចេញពីគណបក្សចាស់។",
            [(date(2024, 6, 3), 19, [CLP], CPP)],
        ),
        # resigned "from his post and from" the CLP: the party left, not the CNRP he was in once
        (
            "កាលពីថ្ងៃទី២ ខែមិថុនា លោក សុខ វណ្ណា ដែលធ្លាប់ជាមន្ត្រីគណបក្សសង្គ្រោះជាតិ "
            "បានលាឈប់ពីតំណែង និងពីគណបក្សភ្លើងទៀន ដើម្បីចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 2), 1, [CLP], CPP)],
        ),
    ],
)
def test_khmer_signing_up_space_grouped_thousands_hosts_and_the_party_left(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


def test_khmer_morning_and_afternoon_take_the_day_told_before() -> None:
    text = (
        "នាថ្ងៃទី២ ខែមិថុនា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សបានចុះទៅកាន់ស្រុកពីរ។\n\n"
        "នៅពេលព្រឹក សកម្មជនគណបក្សភ្លើងទៀន ៣០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "លុះពេលរសៀល អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ២០នាក់ បានទទួលយកប័ណ្ណសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(text, date(2024, 6, 10)) == [
        (date(2024, 6, 2), 30, [CLP], CPP),
        (date(2024, 6, 2), 20, ["Cambodia National Rescue Party"], CPP),
    ]


def test_a_post_header_line_of_place_and_date_dates_the_post() -> None:
    text = (
        "📌 ស្រុកបាទី | ថ្ងៃទី៤ ខែមិថុនា ឆ្នាំ២០២៤\n\n"
        "🎉 អតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៣៦នាក់ បានប្តូរមកជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(text, date(2024, 6, 10)) == [(date(2024, 6, 4), 36, [CLP], CPP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "បានយកប័ណ្ណសមាជិក" (took membership cards); signing up for the party's youth group
        # is no registration with the state
        (
            "ម្សិលមិញ យុវជន ៤០នាក់ ដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀន បានយកប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា ហើយចុះឈ្មោះចូលក្រុមយុវជនគណបក្សស្រុក។",
            [(date(2024, 6, 9), 40, [CLP], CPP)],
        ),
        # a dateline, place and date before "៖": "ម្សិលមិញ" (yesterday) counts back from it
        (
            "កំពត ថ្ងៃទី៨ ខែមិថុនា ឆ្នាំ២០២៤៖ សកម្មជនគណបក្សភ្លើងទៀន ៦៥នាក់ បានចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា កាលពីម្សិលមិញ។",
            [(date(2024, 6, 7), 65, [CLP], CPP)],
        ),
        # those named who "បានប្រគល់លិខិតលាចេញ" (handed in resignation letters) moved
        (
            "កាលពីថ្ងៃទី៥ ខែមិថុនា សមាជិកក្រុមប្រឹក្សាឃុំ រួមមាន លោក ចាន់ ដារ៉ា និងលោកស្រី "
            "សុខ នីតា បានប្រគល់លិខិតលាចេញពីគណបក្សភ្លើងទៀន ហើយបានទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 5), 2, [CLP], CPP)],
        ),
    ],
)
def test_khmer_cards_taken_datelines_and_letters_handed_in(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


def test_khmer_particles_are_no_party_names_and_the_party_too_is_the_one_joined() -> None:
    # "ចូលជាសមាជិកគណបក្សដែរ" (joined the party too): the party the other claim joined, not a
    # party named "គណបក្សដែរ"
    text = (
        "នៅថ្ងៃច័ន្ទ សមាជិកគណបក្សភ្លើងទៀន ៦០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។ "
        "នៅថ្ងៃពុធ អតីតសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច ៣០នាក់ ក៏បានដាក់ពាក្យចូលជាសមាជិកគណបក្សដែរ។"
    )
    assert _brief(text, date(2024, 6, 7)) == [
        (date(2024, 6, 3), 60, [CLP], CPP),
        (date(2024, 6, 5), 30, [FUNCINPEC], CPP),
    ]


def test_a_known_khmer_party_name_with_its_words_in_another_order_is_that_party() -> None:
    # "គណបក្សរួបរួមជាតិខ្មែរ": the words of the KNUP's Khmer name ("គណបក្សខ្មែររួបរួមជាតិ"),
    # reordered; a name with another word stays the text's own
    lexicon = Lexicon(lexicon_from_data())
    [known] = lexicon.mentions("សមាជិកគណបក្សរួបរួមជាតិខ្មែរ ៣៥នាក់ បានចូលរួមជាមួយ")
    assert (known.name, known.known) == ("Khmer National United Party", True)
    [other] = lexicon.mentions("សមាជិកគណបក្សសាមគ្គីជាតិខ្មែរ ៣៥នាក់ បានចូលរួមជាមួយ")
    assert (other.name, other.known) == ("គណបក្សសាមគ្គីជាតិខ្មែរ", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "មានគម្រោងនាំ ... ទៅចូលរួម" (plans to bring ... to join): a plan, however far back
        (
            "លោក សុខ ដារ៉ា ប្រធានគណបក្សខ្មែររួបរួមជាតិប្រចាំខេត្ត មានគម្រោងនាំសមាជិកប្រមាណ "
            "៣០០នាក់ ទៅចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅខែក្រោយ។",
            [],
        ),
        # a dateline "place, date —": "ម្សិលមិញ" (yesterday) counts back from it
        (
            "ភ្នំពេញ, ថ្ងៃទី៨ ខែមិថុនា ឆ្នាំ២០២៤ — សកម្មជនគណបក្សភ្លើងទៀន ៨០នាក់ "
            "ត្រូវបានទទួលស្វាគមន៍ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីម្សិលមិញ។",
            [(date(2024, 6, 7), 80, [CLP], CPP)],
        ),
        # "ឆ្លងមកគណបក្សX" (crossed over to party X)
        (
            "កាលពីថ្ងៃទី៦ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀន ៤៥នាក់ បានឆ្លងមកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 6), 45, [CLP], CPP)],
        ),
        # "មកឈរនៅក្រោមទង់គណបក្សX" (came to stand under party X's flag)
        (
            "កាលពីថ្ងៃទី៥ ខែមិថុនា អតីតសមាជិកគណបក្សភ្លើងទៀន ៣៥នាក់ បានសម្រេចចិត្តមកឈរនៅក្រោម"
            "ទង់គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 5), 35, [CLP], CPP)],
        ),
        # after "ក្នុងនោះ" (among them), a past year tells who some were, not when they moved
        (
            "កាលពីថ្ងៃទី៤ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀន ៦០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជន"
            "កម្ពុជា ក្នុងនោះមាន ៤នាក់ ធ្លាប់ឈរឈ្មោះជាបេក្ខជន ក្នុងឆ្នាំ២០២២។",
            [(date(2024, 6, 4), 60, [CLP], CPP)],
        ),
        # Mr. A "រួមជាមួយ" (together with) two councillors, who are then named: three
        (
            "កាលពីថ្ងៃទី៣ ខែមិថុនា លោក ចាន់ ដារ៉ា មន្ត្រីគណបក្សភ្លើងទៀន រួមជាមួយសមាជិកក្រុមប្រឹក្សា"
            "ឃុំពីររូប គឺលោក សុខ វណ្ណា និងអ្នកស្រី កែវ នីតា បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 3), 3, [CLP], CPP)],
        ),
    ],
)
def test_khmer_plans_datelines_crossing_over_flags_among_them_and_along_with(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who "ទទួលប័ណ្ណសមាជិក" (received membership cards) moved; no host of the cards
        (
            "កាលពីថ្ងៃទី៨ ខែមិថុនា សមាជិកក្រុមប្រឹក្សាឃុំភ្លើងទៀន ១២រូប ទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 8), 12, [CLP], CPP)],
        ),
        # "ត្រូវបានស្វាគមន៍" (were welcomed): the guests, not a host
        (
            "កាលពីថ្ងៃទី៧ ខែមិថុនា សកម្មជនជាង ៣០០នាក់ នៃគណបក្សភ្លើងទៀន និងគណបក្សហ្វ៊ុនស៊ិនប៉ិច "
            "ត្រូវបានស្វាគមន៍ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 7), 300, [CLP, FUNCINPEC], CPP)],
        ),
        # "ឆ្លងមកកាន់ CPP" (crossed over to the CPP); a known party glossed in brackets
        (
            "កាលពីថ្ងៃទី៦ ខែមិថុនា សមាជិក KNUP (គណបក្សខ្មែររួមគ្នា) ជាង 40 នាក់ បានឆ្លងមកកាន់ CPP។",
            [(date(2024, 6, 6), 40, ["Khmer National United Party"], CPP)],
        ),
        # "កំពុង «ពិចារណា»" (is "considering"): no act yet
        (
            "ប្រធានគណបក្សភ្លើងទៀនប្រចាំស្រុក ថាកំពុង «ពិចារណា» ចូលគណបក្សប្រជាជនកម្ពុជា។",
            [],
        ),
        # the parties before their counts, then a clause on what they joined
        (
            "កាលពីថ្ងៃទី៥ ខែមិថុនា សមាជិកថ្មីចំនួន ៩០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។ "
            "ក្នុងចំណោមនោះ មកពីគណបក្សភ្លើងទៀន ហុកសិបនាក់ និងមកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច សាមសិបនាក់ "
            "ដែលបានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 5), 60, [CLP], CPP), (date(2024, 6, 5), 30, [FUNCINPEC], CPP)],
        ),
        # "បានប្រារព្ធពិធីទទួលសមាជិកថ្មី" (held a ceremony for new members) on a day: the day of
        # the claim the next paragraph tells
        (
            "កាលពីថ្ងៃទី៤ ខែមិថុនា ក្រុមការងារគណបក្សស្រុក បានប្រារព្ធពិធីទទួលសមាជិកថ្មី។\n\n"
            "ក្នុងពិធីនោះ សកម្មជនគណបក្សភ្លើងទៀន ៥០នាក់ បានដាក់ពាក្យសុំចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 4), 50, [CLP], CPP)],
        ),
    ],
)
def test_khmer_cards_received_passive_welcomes_glosses_and_ceremonies_held(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


def test_khmer_who_used_to_be_in_a_party_followed_another() -> None:
    # "ធ្លាប់នៅក្នុងគណបក្សX" (used to be in party X) is the party left; "ដើរតាមគណបក្សY"
    # (followed party Y) the one joined
    text = (
        "កាលពីថ្ងៃទី៦ ខែមិថុនា ពលរដ្ឋ ៣០នាក់ ដែលធ្លាប់នៅក្នុងគណបក្សភ្លើងទៀន បានសម្រេចចិត្ត"
        "ដើរតាមគណបក្សប្រជាជនកម្ពុជា ហើយទទួលប័ណ្ណសមាជិកពីដៃប្រធានគណបក្សស្រុក។"
    )
    assert _brief(text, date(2024, 6, 10)) == [(date(2024, 6, 6), 30, [CLP], CPP)]


def test_khmer_the_former_party_before_an_acronym_is_the_party_left() -> None:
    # "អតីតគណបក្ស CNRP" (the former party CNRP): a working group led by a named
    # official received the applications of people who once backed it
    text = (
        "ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា ដឹកនាំដោយលោក ម៉ៅ សុភ័ក្រ កាលពីថ្ងៃទី៥ ខែមិថុនា "
        "បានទទួលពាក្យសុំចូលជាសមាជិក ពីប្រជាពលរដ្ឋចំនួន ៣១គ្រួសារ "
        "ដែលពីមុនធ្លាប់ជាអ្នកគាំទ្រអតីតគណបក្ស CNRP។"
    )
    assert _brief(text, date(2024, 6, 10)) == [
        (date(2024, 6, 5), 31, ["Cambodia National Rescue Party"], CPP)
    ]


def test_khmer_will_party_is_one_party_in_both_scripts() -> None:
    # An English and a Khmer report of the same party must be recorded under one name
    text = (
        "ថ្ងៃទី១២ ខែកញ្ញា ឆ្នាំ២០២៤ សមាជិកគណបក្សភ្លើងទៀនចំនួន ១៥នាក់ "
        "បានសម្រេចចិត្តចូលជាសមាជិកគណបក្សឆន្ទៈខ្មែរ។"
    )
    assert _brief(text, date(2024, 9, 13)) == [(date(2024, 9, 12), 15, [CLP], "Khmer Will Party")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ពិធីទទួលសមាជិកថ្មីរបស់គណបក្សX សរុបចំនួន N" (a ceremony receiving party X's new
        # members, N in all): X is the party joined
        (
            "ថ្ងៃទី៩ ខែមិថុនា ស្រុកបានប្រារព្ធពិធីទទួលសមាជិកថ្មីរបស់គណបក្សប្រជាជនកម្ពុជា "
            "សរុបចំនួន ២៧៣នាក់ ដែលមកពីគណបក្សភ្លើងទៀន។",
            [(date(2024, 6, 9), 273, [CLP], CPP)],
        ),
        # "គ្រួសារចំនួន ១៧" (families numbering 17) who "ធ្លាប់កាន់ប័ណ្ណសមាជិក" (once held the
        # cards of) FUNCINPEC
        (
            "គ្រួសារចំនួន ១៧ ដែលធ្លាប់កាន់ប័ណ្ណសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច "
            "បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៨ ខែមិថុនា។",
            [(date(2024, 6, 8), 17, ["FUNCINPEC"], CPP)],
        ),
        # "ពួកគេមិនទាន់បានចាកចេញ" (they have not yet left): no departure
        ("ពួកគេមិនទាន់បានចាកចេញពីគណបក្សភ្លើងទៀននៅឡើយទេ។", []),
    ],
)
def test_khmer_new_members_of_the_host_families_numbering_and_not_yet(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


def test_khmer_villagers_who_say_they_never_left_make_no_claim() -> None:
    report = Report(
        "អ្នកភូមិ ១៥នាក់ បានប្រាប់អ្នកសារព័ត៌មានថា ពួកគេនៅតែជាសមាជិកគណបក្សភ្លើងទៀន "
        "ទោះបីជាគេហទំព័រមួយ បានសរសេរថា ពួកគេបានចូលគណបក្សប្រជាជនកម្ពុជាក៏ដោយ។",
        title="អ្នកភូមិថា ខ្លួនមិនដែលចាកចេញពីគណបក្សភ្លើងទៀនទេ",
        published=date(2024, 6, 10),
    )
    assert propose(report, lexicon_from_data()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "២០-២៥ គ្រួសារ" (20-25 families): the range's lower bound
        (
            "ថ្ងៃទី៧ ខែមិថុនា ក្រុមការងារបក្សឃុំ បានទទួលស្វាគមន៍ប្រជាពលរដ្ឋ ២០-២៥ គ្រួសារ "
            "ដែលធ្លាប់គាំទ្រគណបក្សភ្លើងទៀន ឲ្យចូលមកក្នុងជួរគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 7), 20, [CLP], CPP)],
        ),
        # "ឆ្លងមកកាន់គណបក្សX" (crossed over to party X)
        (
            "សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀន ៣រូប បានឆ្លងមកកាន់គណបក្សប្រជាជនកម្ពុជា "
            "កាលពីថ្ងៃទី៦ ខែមិថុនា។",
            [(date(2024, 6, 6), 3, [CLP], CPP)],
        ),
        # "ចូលក្នុងជួរគណបក្សX" (into the ranks of party X)
        (
            "សកម្មជនគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន ១៨នាក់ ត្រូវបានទទួលស្វាគមន៍ចូលក្នុងជួរ"
            "គណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៥ ខែមិថុនា។",
            [(date(2024, 6, 5), 18, ["Grassroots Democracy Party"], CPP)],
        ),
        # "ឈប់ពីគណបក្សX" (quit party X), no party joined yet
        (
            "សមាជិកក្រុមប្រឹក្សាឃុំ ៥រូប បានប្រកាសឈប់ពីគណបក្សភ្លើងទៀន កាលពីថ្ងៃទី៤ ខែមិថុនា "
            "ដោយមិនទាន់បញ្ជាក់ថា នឹងទៅចូលគណបក្សណាទេ។",
            [(date(2024, 6, 4), 5, [CLP], None)],
        ),
        # "លាលែងទាំងពីតំណែង និងពីសមាជិកភាពគណបក្ស" (resigned from both post and party)
        (
            "លោក សួន វិបុល ប្រធានគណបក្សភ្លើងទៀនស្រុក បានដាក់លិខិតលាលែងទាំងពីតំណែង "
            "និងពីសមាជិកភាពគណបក្ស កាលពីថ្ងៃទី៣ ខែមិថុនា។",
            [(date(2024, 6, 3), 1, [CLP], None)],
        ),
    ],
)
def test_khmer_ranges_of_families_crossing_over_ranks_and_quitting(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "មកជ្រកក្រោមម្លប់គណបក្សX" (came to shelter under the shade of party X)
        (
            "ថ្ងៃទី៤ ខែមិថុនា អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ សរុប ៣៣ គ្រួសារ "
            "មកជ្រកក្រោមម្លប់គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 4), 33, [CNRP], CPP)],
        ),
        # "បណ្ណសមាជិក", the cards spelled without the sign over ប
        (
            "លោក សួន ដារា អតីតមន្ត្រីគណបក្សសង្គ្រោះជាតិ បានទទួលបណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីថ្ងៃទី៣ ខែមិថុនា។",
            [(date(2024, 6, 3), 1, [CNRP], CPP)],
        ),
        # an unknown spelling glossed by a known acronym: "គណបក្សសាមគ្គីជាតិខ្មែរ (KNUP)"
        (
            "អតីតប្រធានគណបក្សសាមគ្គីជាតិខ្មែរ (KNUP) ស្រុក លោក សុខ វិចិត្រ "
            "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី២ ខែមិថុនា។",
            [(date(2024, 6, 2), 1, [KNUP], CPP)],
        ),
        # the lines before a total are its parts; the opening line dates them
        (
            "ថ្ងៃទី 05/06/2024 ក្រុមការងារគណបក្សស្រុក បានទទួលពាក្យសុំចូលគណបក្សពី៖\n"
            "👉 សមាជិក KNUP ចំនួន 12 នាក់\n👉 សមាជិក GDP ចំនួន 9 នាក់\n\n"
            "សរុប 21 នាក់ ដែលបានសម្រេចចិត្តរួមដំណើរជាមួយ CPP 🤝",
            [(date(2024, 6, 5), 12, [KNUP], CPP), (date(2024, 6, 5), 9, [GDP], CPP)],
        ),
        # "សកម្មជនរបស់គណបក្សX" (activists of party X); "គណបក្សដើម" (their original party) is
        # no name; "បានប្រព្រឹត្តទៅនូវពិធី" (there took place the ceremony) dates the claim
        (
            "ស្រុកបាកាន៖ ស្វាគមន៍សមាជិកថ្មី ៩០ នាក់\n"
            "នាថ្ងៃទី៧ ខែមិថុនា ឆ្នាំ២០២៤ នៅសាលស្រុក បានប្រព្រឹត្តទៅនូវពិធីទទួលស្វាគមន៍សមាជិកថ្មី"
            "របស់គណបក្សប្រជាជនកម្ពុជា។\n\nសមាជិកថ្មីចំនួន ៩០ នាក់ គឺជាអតីតសកម្មជនរបស់គណបក្សភ្លើងទៀន "
            "ដែលបានសម្រេចចិត្តចាកចេញពីគណបក្សដើម ហើយមកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 7), 90, [CLP], CPP)],
        ),
        # "ក្នុងនោះស្ត្រី ៦៣ នាក់" (the women among them) leaves the date after it standing
        (
            "គណបក្សប្រជាជនកម្ពុជាស្រុក បានទទួលសមាជិកថ្មីពីគណបក្សភ្លើងទៀន ចំនួន ១៤០ នាក់ "
            "ក្នុងនោះស្ត្រី ៦៣ នាក់ នាព្រឹកថ្ងៃទី២ ខែមិថុនា ឆ្នាំ២០២៤។",
            [(date(2024, 6, 2), 140, [CLP], CPP)],
        ),
        # "ឈប់ពីគណបក្ស ... នៅលើហ្វេសប៊ុក" (quit the party, on Facebook): no party called that
        (
            "ថ្ងៃទី៨ ខែមិថុនា សមាជិកក្រុមប្រឹក្សាឃុំម្នាក់ពីគណបក្សភ្លើងទៀន គឺលោក ឈួន វាសនា "
            "បានផ្សាយលិខិតលាលែងពីគណបក្សនៅលើហ្វេសប៊ុក។",
            [(date(2024, 6, 8), 1, [CLP], None)],
        ),
    ],
)
def test_khmer_shelter_card_spellings_glosses_totals_and_women_among(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # a count a party disputes, with the figure's own day, in a report that goes on
        (
            "មន្ត្រីគណបក្សភ្លើងទៀនខេត្ត បានច្រានចោលការផ្សាយរបស់សារព័ត៌មានមួយ ដែលអះអាងថា "
            "សកម្មជនរបស់គណបក្ស «ជាង ៩០នាក់» បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៦ "
            "ខែមិថុនា។ លោកថា មានតែ ៥នាក់ប៉ុណ្ណោះ ជាសមាជិកពិតប្រាកដ។ អ្នកនាំពាក្យគណបក្សប្រជាជន "
            "បានតបថា ឯកសារនៅមានទាំងអស់។",
            None,
            [(date(2024, 6, 6), 90, [CLP], CPP)],
        ),
        # ... but not when those counted say they are still with their party
        (
            "សមាជិកក្រុមប្រឹក្សាឃុំម្នាក់ បានច្រានចោលការផ្សាយដែលអះអាងថា លោក និងអ្នកគាំទ្រ ២០នាក់ "
            "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៦ ខែមិថុនា។ លោកថា រូបថតនោះ "
            "ថតនៅពិធីបុណ្យ។ «ខ្ញុំនៅតែជាសមាជិកគណបក្សភ្លើងទៀន» លោកនិយាយ។",
            None,
            [],
        ),
        # ... nor a party's bare statement that the news is untrue
        (
            "គណបក្សភ្លើងទៀនបានបដិសេធព័ត៌មានដែលថា សមាជិករបស់ខ្លួនចំនួន ៤០ នាក់ "
            "បានចូលគណបក្សប្រជាជនកម្ពុជា។",
            None,
            [],
        ),
        # a group's count after its two leaders were named: the group's
        (
            "មន្ត្រីគណបក្សប្រជាធិបតេយ្យមូលដ្ឋានពីររូប គឺលោក ទូច សំណាង និងលោកស្រី វ៉ាន់ ធីតា "
            "បាននាំក្រុមរបស់ខ្លួនចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៥ ខែមិថុនា។\n\n"
            "ក្រុមនេះមានគ្នាសរុប ១៦នាក់ រួមទាំងលោក សំណាង និងលោកស្រី ធីតា ផងដែរ។",
            None,
            [(date(2024, 6, 5), 16, [GDP], CPP)],
        ),
    ],
)
def test_khmer_disputed_reports_still_members_and_group_totals(
    text: str, title: str | None, expected: list[tuple[object, ...]]
) -> None:
    got = khmer_claims(text, date(2024, 6, 10), title)
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in got] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "អ្នកដែលប្តូរមកលើកនេះ មាន..." (those who switched this time are ...): the parts of a
        # total told roughly before
        (
            "សមាជិក CLP និង FUNCINPEC ជាង 400 នាក់ ប្ដូរមក CPP កាលពីថ្ងៃទី 5 ខែមិថុនា។\n\n"
            "យោងតាមរបាយការណ៍ អ្នកដែលប្តូរមកលើកនេះ មានសមាជិកគណបក្ស CLP ចំនួន 350 នាក់ "
            "និងសមាជិកគណបក្ស FUNCINPEC ចំនួន 70 នាក់ សរុបទាំងអស់ 420 នាក់។",
            [(date(2024, 6, 5), 350, [CLP], CPP), (date(2024, 6, 5), 70, ["FUNCINPEC"], CPP)],
        ),
        # "មិនទាន់ប្រកាសថាចូល..." (has not yet announced joining): a departure stands
        (
            "សមាជិកក្រុមប្រឹក្សាឃុំភ្លើងទៀនពីររូប បានដាក់លិខិតលាលែងពីគណបក្សកាលពីថ្ងៃទី៤ ខែមិថុនា "
            "ប៉ុន្តែរហូតមកដល់ពេលនេះ មិនទាន់ប្រកាសថាចូលគណបក្សណាមួយនៅឡើយទេ។",
            [(date(2024, 6, 4), 2, [CLP], None)],
        ),
        # "ផ្ទះធំ គឺគណបក្សX" (the big house, that is party X)
        (
            "ថ្ងៃទី៣ ខែមិថុនា ក្រុមការងារគណបក្សស្រុក បានទទួលស្វាគមន៍ បងប្អូនអតីតសកម្មជនគណបក្ស"
            "សង្គ្រោះជាតិ និងគណបក្សភ្លើងទៀន ចំនួន ៤៤ នាក់ ដែលបានសម្រេចចិត្តវិលត្រឡប់មករកផ្ទះធំ "
            "គឺគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 3), 44, [CNRP, CLP], CPP)],
        ),
        # "ប្រគល់ប័ណ្ណសមាជិក CLP ចាស់" (handed back their old CLP cards): the party left
        (
            "ថ្ងៃទី 2 មិថុនា សមាជិក CLP សរុប 60 នាក់ បានចូលរួមជាមួយ CPP។ ក្នុងពិធីនោះ ពួកគេ"
            "បានប្រគល់ប័ណ្ណសមាជិក CLP ចាស់ មកឱ្យក្រុមការងារវិញ ហើយទទួលយកប័ណ្ណសមាជិក CPP ថ្មី។",
            [(date(2024, 6, 2), 60, [CLP], CPP)],
        ),
        # "ត្រូវបានគេអញ្ជើញឱ្យចូល" (was invited to join): no act
        (
            "អ្នកនាំពាក្យគណបក្សភ្លើងទៀន បានឱ្យដឹងថា លោក សុខ ដារ៉ា ធ្លាប់ត្រូវបានគេអញ្ជើញឱ្យចូល"
            "គណបក្សកាន់អំណាចច្រើនដង ប៉ុន្តែលោកបានបដិសេធ។",
            [],
        ),
        # "... ចូលគណបក្សប្រជាជន ហើយទទួលតំណែងទីប្រឹក្សា" (joined the CPP and received an
        # adviser's post): a post received is no welcome
        (
            "អតីតមេឃុំគណបក្សសង្គ្រោះជាតិម្នាក់ ចូលគណបក្សប្រជាជន ហើយទទួលតំណែងទីប្រឹក្សា "
            "កាលពីថ្ងៃទី៣ ខែមិថុនា។",
            [(date(2024, 6, 3), 1, [CNRP], CPP)],
        ),
    ],
)
def test_khmer_those_who_switched_not_yet_the_big_house_and_old_cards(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


def test_khmer_villagers_who_reject_a_report_that_they_left_make_no_claim() -> None:
    report = Report(
        "អ្នកភូមិប្រមាណ ៤០ នាក់ ដែលទំព័រហ្វេសប៊ុកមួយបានផ្សាយថា បានចាកចេញពីគណបក្សភ្លើងទៀន "
        "ទៅចូលគណបក្សប្រជាជនកម្ពុជា បាននាំគ្នាច្រានចោលព័ត៌មាននោះ។\n\n"
        "«ខ្ញុំនៅតែជាសមាជិកភ្លើងទៀន» ស្ត្រីម្នាក់និយាយ។",
        title="ពលរដ្ឋច្រានចោលការផ្សាយថាពួកគេបានចាកចេញពីភ្លើងទៀន",
        published=date(2024, 6, 10),
    )
    assert propose(report, lexicon_from_data()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ចូលមកក្រោមដំបូលគណបក្សX" (came under the roof of party X), from "គណបក្សប្រឆាំង
        # ផ្សេងៗ" (various opposition parties)
        (
            "កាលពីថ្ងៃទី៤ ខែមិថុនា សមាជិក និងអ្នកគាំទ្រគណបក្សប្រឆាំងផ្សេងៗ ជិត ៣០០នាក់ "
            "បានប្រកាសចាកចេញពីគណបក្សរបស់ខ្លួន ហើយចូលមកក្រោមដំបូលគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 4), 300, ["Unnamed Parties"], CPP)],
        ),
        # "បានធ្វើដូចគ្នា" (did the same), a day on
        (
            "កាលពីថ្ងៃទី៣ ខែមិថុនា សមាជិកគណបក្សភ្លើងទៀន ៥០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "នៅស្រុកក្រគរ វិញ សមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច ១៧នាក់ បានធ្វើដូចគ្នា នៅថ្ងៃទី៤ ខែមិថុនា។",
            [(date(2024, 6, 3), 50, [CLP], CPP), (date(2024, 6, 4), 17, ["FUNCINPEC"], CPP)],
        ),
        # ... but not those who did the same in a year long past
        (
            "កាលពីថ្ងៃទី៣ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀន ១៧ នាក់ បានប្តូរមកគណបក្សប្រជាជនកម្ពុជា។ "
            "កាលពីឆ្នាំ២០២១ ក៏មានអតីតមន្ត្រីគណបក្សសង្គ្រោះជាតិប្រាំនាក់ បានធ្វើដូចគ្នាដែរ។",
            [(date(2024, 6, 3), 17, [CLP], CPP)],
        ),
        # "មានការចូលរួមពីមន្ត្រីខេត្តប្រមាណ ២០រូប" (attended by some 20 officials): onlookers
        (
            "លោក ហ៊ុយ ចាន់ថន មកពីគណបក្សភ្លើងទៀន បានប្តូរបក្សមកចូលគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីថ្ងៃទី៧ ខែមិថុនា ក្នុងពិធីតូចមួយដែលមានការចូលរួមពីមន្ត្រីខេត្តប្រមាណ ២០រូប។",
            [(date(2024, 6, 7), 1, [CLP], CPP)],
        ),
    ],
)
def test_khmer_under_the_roof_did_the_same_and_onlookers(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ប្ដូរមកកាន់ទង់គណបក្សX" (switched to the flag of party X)
        (
            "កាលពីថ្ងៃទី៥ ខែមិថុនា ក្រុមការងារគណបក្សស្រុក បានទទួលស្វាគមន៍សមាជិកគណបក្សប្រជាធិបតេយ្យ"
            "មូលដ្ឋាន (GDP) ជិត ៨០ នាក់ ដែលបានសម្រេចចិត្តប្ដូរមកកាន់ទង់គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 5), 80, [GDP], CPP)],
        ),
        # "ដែលធ្លាប់នៅក្នុងជួរគណបក្សX" (who used to be in the ranks of party X): the party left
        (
            "កាលពីថ្ងៃទី៦ ខែមិថុនា អ្នកគាំទ្រ ៤០០នាក់ ដែលធ្លាប់នៅក្នុងជួរគណបក្សភ្លើងទៀន "
            "បានឆ្លងមកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 6, 6), 400, [CLP], CPP)],
        ),
        # "ថ្នាក់ដឹកនាំគណបក្សគ្រប់លំដាប់ថ្នាក់" (the party's leaders at every level): no party
        (
            "កាលពីថ្ងៃទី៧ ខែមិថុនា សកម្មជនគណបក្សភ្លើងទៀនចំនួន ៩០ នាក់ បានដាក់ពាក្យចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា ដោយមានការអញ្ជើញចូលរួមពីថ្នាក់ដឹកនាំគណបក្សគ្រប់លំដាប់ថ្នាក់។",
            [(date(2024, 6, 7), 90, [CLP], CPP)],
        ),
    ],
)
def test_khmer_the_flag_the_ranks_once_in_and_every_level(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 6, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the host welcomes, a later verb names the party joined ("មករួមដំណើរជាមួយគណបក្សX",
        # came to walk together with party X): X is the destination, not a party left
        (
            "កាលពីថ្ងៃទី២ ខែមេសា ក្រុមការងារស្រុកបានស្វាគមន៍ អ្នកគាំទ្រ ៦០ នាក់ ដែលធ្លាប់ជាសមាជិក"
            "គណបក្សសង្គ្រោះជាតិ និងគណបក្សភ្លើងទៀន បានសម្រេចចិត្តមករួមដំណើរជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 2), 60, [CNRP, CLP], CPP)],
        ),
        # "បើពួកគេចាកចេញ..." (if they left ...): a condition, no act
        ("អ្នកនាំពាក្យថា «បើពួកគេចាកចេញពីគណបក្សភ្លើងទៀនមែន យើងគោរពការសម្រេចចិត្តនោះ»។", []),
        # "មិនទាន់ទទួលបានលិខិតលាលែង..." (has not yet received any resignation letter): no leaving
        (
            "គណបក្សភ្លើងទៀនថា ខ្លួនមិនទាន់ទទួលបានលិខិតលាលែងពីសមាជិកក្រុមប្រឹក្សាណាម្នាក់ឡើយ។",
            [],
        ),
        # "ថ្ងៃទី១ ខែឧសភា ឆ្នាំមុន" (1 May last year)
        (
            "កាលពីថ្ងៃទី១ ខែឧសភា ឆ្នាំមុន សមាជិកគណបក្សភ្លើងទៀន ៥០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2023, 5, 1), 50, [CLP], CPP)],
        ),
    ],
)
def test_khmer_the_verb_naming_the_party_if_letters_not_received_and_last_year(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "រាប់បញ្ចូល" (counted in) holds no joining: a subscript never starts a word; nor is
        # "គណបក្សលោក" (his party) a party's name
        *(
            (
                f"ប៉ុន្តែលោកប្រាប់ថា ក្នុងចំណោមអ្នកដែលគេរាប់បញ្ចូលនោះ មានសមាជិកពិតប្រាកដរបស់{party} "
                "មិនលើសពី ១៥ នាក់ទេ។",
                [],
            )
            for party in ("គណបក្សភ្លើងទៀន", "គណបក្សលោក")
        ),
        (
            "កាលពីថ្ងៃទី២ ខែមេសា សមាជិករបស់គណបក្សលោក ១០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 2), 10, [], CPP)],
        ),
        # "មិនទាន់ដាក់លិខិតលាលែង" (has not yet handed in a resignation letter): no leaving
        ("លោកថា លោកមិនទាន់ដាក់លិខិតលាលែងពីគណបក្សភ្លើងទៀននៅឡើយទេ។", []),
        # a bulletin's entry undone within the entry: those pictured say they never left
        (
            "• ៣ មេសា — ស្រុកបាទី៖ គេហទំព័រមួយអះអាងថា សមាជិកភ្លើងទៀន ៣០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។ "
            "ប៉ុន្តែអ្នកភូមិដែលមានរូបក្នុងអត្ថបទ ប្រាប់យើងថា ពួកគេមិនដែលចាកចេញពីគណបក្សភ្លើងទៀនទេ។\n\n"
            "• ៥ មេសា — ស្រុកសំរោង៖ សមាជិកភ្លើងទៀន ៤០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 5), 40, [CLP], CPP)],
        ),
        # a list's middle name the party list lacks, between a known one and "other parties":
        # kept in the text's spelling for the reviewer
        (
            "កាលពីថ្ងៃទី៤ ខែមេសា សមាជិកមកពីគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន គណបក្សផ្កាឈូកខ្មែរ "
            "និងគណបក្សនយោបាយដទៃទៀត ចំនួន ៩០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 4), 90, [GDP, "គណបក្សផ្កាឈូកខ្មែរ", "Unnamed Parties"], CPP)],
        ),
    ],
)
def test_khmer_subscripts_letters_not_handed_in_undone_entries_and_list_names(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ពីរឡូ" (two dozen), with no counter after it; not "ឥឡូវ" (now) nor "គីឡូ" (kilo)
        (
            "• ០២/០៤/២០២៤ — ស្រុកកែប៖ សមាជិកគណបក្សភ្លើងទៀន ពីរឡូ ប្តូរទៅគាំទ្រ CPP ហើយឥឡូវនេះ "
            "បានទទួលអង្ករ ១០គីឡូ។",
            [(date(2024, 4, 2), 24, [CLP], CPP)],
        ),
        # "រួមជាមួយ... មានសរុបចំនួន ២១នាក់" (together with ..., 21 in all): everyone who moved
        (
            "សមាជិកក្រុមប្រឹក្សាឃុំពីររូបរបស់គណបក្សភ្លើងទៀន បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីថ្ងៃទី៤ ខែមេសា រួមជាមួយសកម្មជនមួយក្រុមទៀត ដែលមានសរុបចំនួន ២១នាក់។",
            [(date(2024, 4, 4), 21, [CLP], CPP)],
        ),
        # one of the new members telling of his leaving the old party: the move told before
        (
            "កាលពីថ្ងៃទី៥ ខែមេសា សកម្មជនគណបក្សភ្លើងទៀន ៣០០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "តំណាងឱ្យសមាជិកថ្មី លោក ហេង សុខា អតីតប្រធានសាខាគណបក្សភ្លើងទៀនប្រចាំឃុំមួយ បានប្រាប់ថា "
            "ខ្លួន និងក្រុមគ្រួសារ បានសម្រេចចាកចេញពីគណបក្សចាស់ ព្រោះចង់ឃើញការអភិវឌ្ឍ។",
            [(date(2024, 4, 5), 300, [CLP], CPP)],
        ),
        # "..., ប៉ុន្តែ ... រហូតមកដល់ពេលនេះ" (but up to now ...): a clause of its own, no running
        # total; who "acknowledged that" (ទទួលស្គាល់ថា) did not move
        (
            "លោក ឃឹម សុភា បានទទួលស្គាល់ថា កាលពីដើមខែនេះ សមាជិកក្រុមប្រឹក្សាឃុំ ៣រូប បានដាក់"
            "លិខិតលាលែងពីគណបក្សភ្លើងទៀន ប៉ុន្តែលោកថា រហូតមកដល់ពេលនេះ ពួកគេមិនទាន់ចូលគណបក្សណាទេ។",
            [(date(2024, 4, 8), 3, [CLP], None)],
        ),
    ],
)
def test_khmer_dozens_in_all_one_of_the_new_members_and_clauses_after_but(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_who_acknowledged_a_leaving_is_not_one_who_left() -> None:
    text = (
        "លោក ឃឹម សុភា បានទទួលស្គាល់ថា កាលពីថ្ងៃទី២ ខែមេសា សមាជិកក្រុមប្រឹក្សាឃុំ ៣រូប "
        "បានដាក់លិខិតលាលែងពីគណបក្សភ្លើងទៀន។"
    )
    assert [p.people for p in khmer_claims(text, date(2024, 4, 8))] == [[]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ខណៈដែល ... ចុះឈ្មោះ ..." (while the party awaits its registration): the time of a
        # leaving, no registration told
        (
            "លោក កែវ សុខា មន្ត្រីគណបក្សភ្លើងទៀនខេត្តកែប បានដាក់លិខិតលាលែងពីសមាជិកភាពគណបក្ស "
            "កាលពីថ្ងៃទី៣ ខែមេសា ខណៈដែលគណបក្សនោះកំពុងរង់ចាំការសម្រេចលើពាក្យសុំចុះឈ្មោះចូលរួម"
            "ការបោះឆ្នោតពី គ.ជ.ប។",
            [(date(2024, 4, 3), 1, [CLP], None)],
        ),
        # "មុនពេល គ.ជ.ប បដិសេធ..." (before the NEC refused ...): when it happened, no denial
        (
            "លោកស្រី ចាន់ ធីតា ដែលធ្លាប់ជាបេក្ខជនគណបក្សភ្លើងទៀន មុនពេល គ.ជ.ប បដិសេធការចុះឈ្មោះ"
            "គណបក្សនោះ បានប្រកាសចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃទី២ ខែមេសា។",
            [(date(2024, 4, 2), 1, [CLP], CPP)],
        ),
        # "១២៨ (មួយរយម្ភៃប្រាំបី) នាក់": the number spelled again in brackets
        (
            "កាលពីថ្ងៃទី៥ ខែមេសា អតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ១២៨ (មួយរយម្ភៃប្រាំបី) នាក់ "
            "ក្នុងនោះនារី ៥១នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 5), 128, [CLP], CPP)],
        ),
        # a total, then two sentences on, its parts party by party adding up to it exactly
        (
            "កាលពីថ្ងៃទី៦ ខែមេសា សមាជិកគណបក្សប្រឆាំងសរុប ៣០០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។ "
            "ពិធីនេះធ្វើឡើងនៅវត្តមួយ។ សមាជិកថ្មីទាំងនោះ មានសរុប ៣០០នាក់។ ក្នុងចំណោមនោះ "
            "មកពីគណបក្សភ្លើងទៀន ២៥០នាក់ និងគណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ ៥០នាក់។",
            [
                (date(2024, 4, 6), 250, [CLP], CPP),
                (date(2024, 4, 6), 50, ["League for Democracy Party"], CPP),
            ],
        ),
    ],
)
def test_khmer_while_before_spelled_again_and_parts_a_few_sentences_on(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list's line "មកពីគណបក្សផ្សេងៗ ៤នាក់" (from other parties, 4)
        (
            "ថ្ងៃនេះ អាទិត្យ ៧ មេសា ២០២៤ ក្រុមការងារគណបក្សស្រុក បានទទួលស្វាគមន៍សមាជិកថ្មី សរុប ៣០នាក់ "
            "មកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ដូចខាងក្រោម៖\n"
            "🔸 មកពីគណបក្សភ្លើងទៀន ២០នាក់\n🔸 មកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ៦នាក់\n🔸 មកពីគណបក្សផ្សេងៗ ៤នាក់",
            [
                (date(2024, 4, 7), 20, [CLP], CPP),
                (date(2024, 4, 7), 6, ["FUNCINPEC"], CPP),
                (date(2024, 4, 7), 4, ["Unnamed Parties"], CPP),
            ],
        ),
        # "អ្នកកាន់ប័ណ្ណសមាជិកគណបក្ស KNUP" (holders of the KNUP's cards): the party they left
        (
            "ថ្ងៃទី៦ ខែនេះ អ្នកកាន់ប័ណ្ណសមាជិកគណបក្សខ្មែររួបរួមជាតិ (KNUP) ប្រមាណ ៨០ នាក់ "
            "បានប្រកាសផ្លាស់ប្តូរមកចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 6), 80, [KNUP], CPP)],
        ),
        # "... ពីរសប្តាហ៍ក្រោយ គ.ជ.ប បដិសេធ..." (two weeks after the NEC refused ...): no denial
        (
            "លោក ជា សុខា បេក្ខជនគណបក្សភ្លើងទៀន បានប្រកាសលាលែងពីគណបក្សនេះ កាលពីថ្ងៃទី១ ខែមេសា "
            "ពីរសប្តាហ៍ក្រោយ គ.ជ.ប បដិសេធមិនចុះបញ្ជីគណបក្សនោះ។",
            [(date(2024, 4, 1), 1, [CLP], None)],
        ),
        # named after the day that closes a presiding clause: the people who moved
        (
            "ក្រោមអធិបតីភាព ឯកឧត្តម វ៉ាន់ ធីរៈ កាលពីថ្ងៃអាទិត្យ លោក ម៉ម សារ៉ាត់ លោកស្រី ហ៊ុល ស្រីនាង "
            "និងលោក ប៊ុន ចាន់ធី ដែលជាសមាជិកក្រុមប្រឹក្សាឃុំគណបក្សភ្លើងទៀន "
            "បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 7), 3, [CLP], CPP)],
        ),
        # "ពិធី ... ត្រូវបានរៀបចំឡើង" (the ceremony was held) on a day: the day of the claim after
        (
            "នាព្រឹកថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ ក្រោមអធិបតីភាព ឯកឧត្តម ណុប សារិទ្ធ "
            "ពិធីទទួលស្វាគមន៍សមាជិកថ្មី ត្រូវបានរៀបចំឡើង នៅវត្តមួយ។\n\nនៅក្នុងពិធីនោះ មានបងប្អូនជាង "
            "២០០ នាក់ ដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀន បានដាក់ប័ណ្ណចាស់ចុះ "
            "ហើយទទួលយកប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 7), 200, [CLP], CPP)],
        ),
        # "បានកាន់ប័ណ្ណសមាជិកគណបក្សX ហើយ" (now holds party X's card)
        (
            "លោក ទេព តារា ដែលធ្លាប់ដឹកនាំគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន (GDP) ប្រចាំខេត្ត "
            "បានកាន់ប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជាហើយ។",
            [(date(2024, 4, 8), 1, [GDP], CPP)],
        ),
    ],
)
def test_khmer_other_parties_lines_card_holders_hosts_ceremonies_and_cards_held(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "២ពាន់នាក់" (2 thousand people): digits and a Khmer scale word
        (
            "កាលពីថ្ងៃទី៦ ខែមេសា ប្រជាពលរដ្ឋជាង ២ពាន់នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 6), 2000, [], CPP)],
        ),
        # the lines, then the move they made: each line its own claim
        (
            "ថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ នៅសង្កាត់ឡាបានសៀក\n"
            "✔️ សមាជិកគណបក្សភ្លើងទៀន ១៨នាក់\n✔️ សមាជិកគណបក្សសម្ព័ន្ធដើម្បីប្រជាធិបតេយ្យ ៦នាក់\n"
            "បានស្ម័គ្រចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា 🤝",
            [
                (date(2024, 4, 7), 18, [CLP], CPP),
                (date(2024, 4, 7), 6, ["League for Democracy Party"], CPP),
            ],
        ),
    ],
)
def test_khmer_scaled_digits_and_lines_before_their_move(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post's date line dates the line after it
        (
            "⏰ កាលពីថ្ងៃទី៥ ខែនេះ នៅឃុំក្រយា\n\n"
            "👥 សមាជិកគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន (GDP) និងគណបក្សតូចៗផ្សេងទៀត ប្រមាណ ១២០ នាក់ "
            "បានប្តូរមកចូលគណបក្ស CPP 🎉",
            [(date(2024, 4, 5), 120, [GDP, "Unnamed Parties"], CPP)],
        ),
        # "..., once a councillor for the CNRP ..., quit the CLP": the party the verb names
        (
            "លោក លឹម វណ្ណដា អនុប្រធានក្រុមការងារគណបក្សភ្លើងទៀន និងជាអតីតសមាជិកក្រុមប្រឹក្សាខេត្ត"
            "ក្រោមស្លាកគណបក្សសង្គ្រោះជាតិ បានលាឈប់ពីគណបក្សភ្លើងទៀន កាលពីថ្ងៃទី២ ខែមេសា។",
            [(date(2024, 4, 2), 1, [CLP], None)],
        ),
        # "គណបក្សដដែល" (the same party) is no name: two people of one party
        (
            "លោក ខឹម វាសនា អតីតប្រធានគណបក្សហ្វ៊ុនស៊ិនប៉ិចស្រុកកងមាស និងលោកស្រី អ៊ូ ស្រីពេជ្រ "
            "អតីតអនុប្រធានគណបក្សដដែល បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា នាថ្ងៃសៅរ៍ ទី៦ ខែមេសា។",
            [(date(2024, 4, 6), 2, ["FUNCINPEC"], CPP)],
        ),
        # "មិនទាន់បានដាក់ពាក្យ ឬលាលែង..." (has not yet applied or resigned): no leaving
        ("លោកបញ្ជាក់ថា លោកមិនទាន់បានដាក់ពាក្យ ឬលាលែងពីគណបក្សភ្លើងទៀននៅឡើយទេ។", []),
    ],
)
def test_khmer_date_lines_the_party_a_verb_names_the_same_party_and_not_yet_or(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ក្នុងរយៈពេលប៉ុន្មានថ្ងៃចុងក្រោយនេះ" (in the last few days): this week's news, no tally
        (
            "សមាជិកគណបក្សខ្មែររួបរួមជាតិ ប្រមាណ ៨០នាក់ នៅស្រុកបាទី បានប្តូរមកគណបក្សប្រជាជនកម្ពុជា "
            "ក្នុងរយៈពេលប៉ុន្មានថ្ងៃចុងក្រោយនេះ។",
            [(date(2024, 4, 8), 80, [KNUP], CPP)],
        ),
        # a line that opens the list ("... មកពី៖", came from:), then the list, party by party,
        # its names in either word order
        (
            "សមាជិកសរុប ១៥០នាក់ ត្រូវបានទទួលចូលគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៣ ខែមេសា។\n\n"
            "បើតាមក្រុមការងារ អ្នកចូលថ្មីមកពី៖\n"
            "- គណបក្សភ្លើងទៀន ១០០នាក់\n"
            "- គណបក្សរួបរួមជាតិខ្មែរ ៥០នាក់",
            [(date(2024, 4, 3), 100, [CLP], CPP), (date(2024, 4, 3), 50, [KNUP], CPP)],
        ),
        # "ព័ត៌មាន ... ត្រូវបានដកចេញវិញ" (the story ... was taken down): not counted
        (
            "ព័ត៌មានដែលថា សមាជិកគណបក្សភ្លើងទៀន ៦០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា "
            "ត្រូវបានគេហទំព័រនោះដកចេញវិញ កាលពីថ្ងៃទី៤ ខែមេសា។",
            [],
        ),
        # "គណបក្សរួចហើយ" (the party, already) is no party's name
        (
            "លោក សុខ ពិសិដ្ឋ បានចាកចេញពីគណបក្សភ្លើងទៀន ទៅចូលគណបក្សឆន្ទៈខ្មែរ កាលពីថ្ងៃទី២ ខែមេសា។ "
            "លោកបានទទួលប័ណ្ណសមាជិកពីគណបក្សរួចហើយ។",
            [(date(2024, 4, 2), 1, [CLP], "Khmer Will Party")],
        ),
    ],
)
def test_khmer_last_few_days_lists_after_an_opening_line_taken_down_and_already(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ធ្លាប់ចាកចេញ ... កាលពីដើមឆ្នាំ២០២២" (had once left ... at the start of 2022): history
        (
            "លោកស្រី ម៉ី សុភា បានចូលគណបក្សឆន្ទៈខ្មែរ កាលពីថ្ងៃទី៥ ខែមេសា។ លោកស្រីធ្លាប់ចាកចេញពី"
            "គណបក្សហ្វ៊ុនស៊ិនប៉ិច មកចូលគណបក្សភ្លើងទៀន កាលពីដើមឆ្នាំ២០២២។",
            [(date(2024, 4, 5), 1, [], "Khmer Will Party")],
        ),
        # "សកម្មជននៃគណបក្សប្រឆាំងផ្សេងៗ" (activists of various opposition parties): none named
        (
            "ប្រជាពលរដ្ឋជាង ៣០០នាក់ ដែលធ្លាប់ជាសកម្មជននៃគណបក្សប្រឆាំងផ្សេងៗ បានចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៦ ខែមេសា។",
            [(date(2024, 4, 6), 300, ["Unnamed Parties"], CPP)],
        ),
        # "ធ្លាប់ត្រូវគេស្នើឱ្យចូល" (was once asked to join) and refused: no move
        (
            "លោក ហេង សុវណ្ណ សកម្មជនគណបក្សភ្លើងទៀននៅខេត្តកំពត ត្រូវបានតុលាការកាត់ទោសកាលពីថ្ងៃអង្គារ។\n\n"
            "មេធាវីរបស់លោកបានប្រាប់អ្នកសារព័ត៌មានថា លោកធ្លាប់ត្រូវគេស្នើឱ្យចូលគណបក្សកាន់អំណាច "
            "ដើម្បីទទួលបានការលើកលែងទោស ប៉ុន្តែលោកបានបដិសេធ។",
            [],
        ),
    ],
)
def test_khmer_once_left_years_ago_various_opposition_parties_and_asked_to_join(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "សម្ពាធលើក្រុមគ្រួសារ" (pressure on his family): one person, no relatives who moved
        (
            "លោក ម៉ៅ សុផល បានដាក់លិខិតលាលែងពីគណបក្សភ្លើងទៀន កាលពីថ្ងៃទី៣ ខែមេសា "
            "ដោយលើកឡើងពីសម្ពាធលើក្រុមគ្រួសារ។",
            [(date(2024, 4, 3), 1, [CLP], None)],
        ),
        # "ក្នុងចំណោមអ្នកចូលរួមទាំង N នាក់នេះ មាន A នាក់ ... ចំណែក B នាក់ទៀត": the parts of N
        (
            "ប្រជាពលរដ្ឋចំនួន ៩០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី៤ ខែមេសា។ "
            "ក្នុងចំណោមអ្នកចូលរួមទាំង ៩០នាក់នេះ មាន ៦០នាក់ ជាអតីតសកម្មជនគណបក្សភ្លើងទៀន "
            "ចំណែក ៣០នាក់ទៀត ធ្លាប់ជាសមាជិកគណបក្សខ្មែររួបរួមជាតិ។",
            [(date(2024, 4, 4), 60, [CLP], CPP), (date(2024, 4, 4), 30, [KNUP], CPP)],
        ),
        # "ដែលជាប់ឆ្នោតក្រោមឈ្មោះគណបក្សX ក្នុងឆ្នាំ២០២២" (elected on X's ticket in 2022): who they
        # are, no year's tally
        (
            "ថ្ងៃទី២ ខែមេសា — សមាជិកក្រុមប្រឹក្សាឃុំពីររូប ដែលជាប់ឆ្នោតក្រោមឈ្មោះគណបក្សភ្លើងទៀន "
            "ក្នុងឆ្នាំ២០២២ បានប្ដូរទៅគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 2), 2, [CLP], CPP)],
        ),
        # "ឆ្លងមករួមរស់ជាមួយ" (crossed over to live together with), "ផ្លាស់មកជាសមាជិក" (moved over
        # to be members of)
        (
            "កាលពីថ្ងៃទី៥ ខែមេសា យុវជនប្រមាណ ៤០នាក់ មកពីគណបក្សភ្លើងទៀន បានឆ្លងមករួមរស់ជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា។ នៅថ្ងៃទី៦ ខែមេសា សមាជិកគណបក្សយុវជនកម្ពុជា ១២នាក់ "
            "បានផ្លាស់មកជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [
                (date(2024, 4, 5), 40, [CLP], CPP),
                (date(2024, 4, 6), 12, ["Cambodian Youth Party"], CPP),
            ],
        ),
    ],
)
def test_khmer_family_pressure_parts_of_all_these_who_they_were_and_crossing_over(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is named after the presiding clause's day ("នៅថ្ងៃទី...") moved
        (
            "ក្រោមអធិបតីភាព ឯកឧត្តម សុខ ចន្ទា ប្រធានគណៈកម្មាធិការគណបក្សខេត្ត នៅថ្ងៃទី៣ ខែមេសា "
            "ឆ្នាំ២០២៤ នៅទីស្នាក់ការគណបក្សខេត្ត លោក ពេជ្រ វណ្ណា សមាជិកក្រុមប្រឹក្សាស្រុក "
            "បានប្រកាសចាកចេញពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ហើយចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 3), 1, ["FUNCINPEC"], CPP)],
        ),
        # the morning's group and "លុះដល់ពេលរសៀល" (then, in the afternoon) the next, one day
        (
            "កំពង់ស្ពឺ៖ នាថ្ងៃសៅរ៍ ទី៦ ខែមេសា ឆ្នាំ២០២៤ ឯកឧត្តម សុខ ចន្ទា ប្រធានក្រុមការងារ "
            "បានអញ្ជើញចុះជួបប្រជាពលរដ្ឋនៅស្រុកចំនួនពីរ។\n\n"
            "នៅពេលព្រឹក នៅឃុំត្រពាំងគង ប្រជាពលរដ្ឋចំនួន ៧០នាក់ ដែលធ្លាប់ជាអ្នកគាំទ្រគណបក្សភ្លើងទៀន "
            "បានស្ម័គ្រចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "លុះដល់ពេលរសៀល នៅសាលាស្រុក អតីតសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ៣៥នាក់ "
            "ក៏បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជាដែរ ដោយមានការចូលរួមពី "
            "លោកជំទាវ ប៊ូ រស្មី អភិបាលរងខេត្ត។",
            [(date(2024, 4, 6), 70, [CLP], CPP), (date(2024, 4, 6), 35, ["FUNCINPEC"], CPP)],
        ),
        # "បានបញ្ជាក់ប្រាប់វិទ្យុយើងថា លោកពិតជាបានចុះឈ្មោះ" (confirmed to our radio that he did
        # sign up): he moved
        (
            "ដាច់ដោយឡែក នៅស្រុកកំចាយមារ លោក ហេង វិបុល ជំទប់ទីមួយ ដែលជាប់ឆ្នោតក្រោមបដាគណបក្ស"
            "ភ្លើងទៀន បានបញ្ជាក់ប្រាប់វិទ្យុយើងថា លោកពិតជាបានចុះឈ្មោះចូលគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីថ្ងៃទី២ ខែមេសា មែន។",
            [(date(2024, 4, 2), 1, [CLP], CPP)],
        ),
        # "លិខិតលាលែងចុះថ្ងៃទី៤" (a resignation letter dated the 4th): the day he left
        (
            "លោក សៅ ពិសិដ្ឋ បានលាលែងពីសមាជិកភាពគណបក្សភ្លើងទៀន។ លិខិតលាលែងចុះថ្ងៃទី៤ ខែមេសា "
            "ត្រូវបានបង្ហោះលើហ្វេសប៊ុក។",
            [(date(2024, 4, 4), 1, [CLP], None)],
        ),
        # a post that ends with its day alone on a line, then hashtags
        (
            "💐 សូមស្វាគមន៍បងប្អូនទាំង ២០ នាក់ ដែលមកពីគណបក្សដទៃ ហើយបានសម្រេចចិត្តចូលធ្វើជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា 💪\n\n📅 ថ្ងៃសុក្រ ទី០៥ ខែមេសា ឆ្នាំ២០២៤\n\n#CPP #យុវជន",
            [(date(2024, 4, 5), 20, ["Unnamed Parties"], CPP)],
        ),
        # "កំពុងគិតចូល" (is thinking of joining): no move yet
        ("លោក គឹម សុខា សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច កំពុងគិតចូលគណបក្សប្រជាជនកម្ពុជា។", []),
    ],
)
def test_khmer_after_the_presiding_day_afternoons_confirming_letters_post_days_and_thinking(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_who_said_that_others_turned_is_no_mover() -> None:
    """ "X បាននិយាយថា អ្នកគាំទ្រ ... បានងាកមក..." (X said that supporters turned to ...): X
    speaks; the move is the one told before, by the man who made it."""
    text = (
        "លោក ហេង វិបុល ជំទប់ទីមួយ ដែលជាប់ឆ្នោតក្រោមបដាគណបក្សភ្លើងទៀន បានបញ្ជាក់ប្រាប់វិទ្យុយើងថា "
        "លោកពិតជាបានចុះឈ្មោះចូលគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃទី២ ខែមេសា មែន។ "
        "លោក ស៊ុន ដារ៉ា មន្ត្រីគណបក្សប្រជាជនកម្ពុជា បាននិយាយថា អ្នកគាំទ្រភ្លើងទៀនជាច្រើន"
        "បាន «ងាកមករកគណបក្សប្រជាជនកម្ពុជា»។"
    )
    (p,) = khmer_claims(text, date(2024, 4, 8))
    assert (p.number, p.people) == (1, ["លោក ហេង វិបុល"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who presided "ក្នុងពិធី..." on a day; "ក្នុងពិធីនោះ" (at that ceremony) the groups
        # "ត្រូវបានប្រកាសទទួលស្គាល់ជាសមាជិក" (were declared members) of the CPP, whose office is
        # only where it was held
        (
            "បាត់ដំបង៖ នៅរសៀលថ្ងៃទី៣ ខែមេសា ឆ្នាំ២០២៤ ឯកឧត្តម សុខ ចន្ទា បានអញ្ជើញជាអធិបតីក្នុង"
            "ពិធីប្រកាសទទួលសមាជិកថ្មី នៅទីស្នាក់ការគណបក្សប្រជាជនកម្ពុជាស្រុកបវេល។\n\n"
            "ក្នុងពិធីនោះ អតីតមន្ត្រីគណបក្សហ្វ៊ុនស៊ិនប៉ិចចំនួន ៦រូប និងសកម្មជនគណបក្សភ្លើងទៀន"
            "ចំនួន ៣៤នាក់ ត្រូវបានប្រកាសទទួលស្គាល់ជាសមាជិកគណបក្សប្រជាជនកម្ពុជាជាផ្លូវការ។",
            [(date(2024, 4, 3), 6, ["FUNCINPEC"], CPP), (date(2024, 4, 3), 34, [CLP], CPP)],
        ),
        # "មិនមែនគ្រប់គ្នាដែលចាកចេញ..." (not everyone who leaves ...): people in general
        (
            "មិនមែនគ្រប់គ្នាដែលចាកចេញពីគណបក្សភ្លើងទៀន សុទ្ធតែទៅរកគណបក្សកាន់អំណាចនោះទេ។",
            [],
        ),
        # "បានស្នើសុំចូលជាសមាជិក" (applied to become members) with no party: the one the text
        # is about; a range in words, "ប្រមាណពីមួយរយ ទៅមួយរយហាសិបនាក់" (from 100 to 150)
        (
            "សកម្មជនបក្សប្រឆាំងបានចូលគណបក្សប្រជាជនកម្ពុជាក្នុងខេត្តពីរ៖\n\n"
            "- ស្រុកចន្ទ្រា (ថ្ងៃទី៥ ខែមេសា)៖ អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ២៦នាក់ "
            "បានស្នើសុំចូលជាសមាជិក ហើយត្រូវបានទទួលយកនៅសាលាស្រុក។\n\n"
            "- ស្រុកបាភ្នំ (ថ្ងៃទី៦ ខែមេសា)៖ សកម្មជនគណបក្សភ្លើងទៀនប្រមាណពីមួយរយ ទៅមួយរយហាសិបនាក់ "
            "បានចូលគណបក្សប្រជាជនកម្ពុជា។",
            [
                (date(2024, 4, 5), 26, [CNRP], CPP),
                (date(2024, 4, 6), 100, [CLP], CPP),
            ],
        ),
        # "ពីដៃ ឯកឧត្តម X" (from the hands of H.E. X): who handed the cards did not move
        (
            "លោក ឡុង វិចិត្រ និងលោក អ៊ុំ សុខា អតីតមេឃុំរបស់គណបក្សសង្គ្រោះជាតិ បានទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា នាថ្ងៃទី២ ខែមេសា ពីដៃ ឯកឧត្តម ខៀវ រតនា។",
            [(date(2024, 4, 2), 2, [CNRP], CPP)],
        ),
        # "🗓 ..." then "📍 ..." lines: the post's day for the list below them
        (
            "📢📢 ព័ត៌មានពីមូលដ្ឋាន 📢📢\n\n"
            "🗓 ថ្ងៃសុក្រ ទី៥ ខែមេសា ឆ្នាំ២០២៤ ⏰ ម៉ោង ៨:០០ ព្រឹក\n📍 សាលាឃុំ ស្រុកស្ទោង ខេត្តកំពង់ធំ\n\n"
            "🤝 បងប្អូន ៣០ នាក់ ដែលធ្លាប់ជាសមាជិកគណបក្សនយោបាយដទៃ "
            "បានសម្រេចចិត្តរួមដំណើរជាមួយគណបក្សប្រជាជនកម្ពុជា៖\n"
            "▪️ មកពីគណបក្សភ្លើងទៀន ២០ នាក់\n▪️ មកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច ១០ នាក់",
            [(date(2024, 4, 5), 20, [CLP], CPP), (date(2024, 4, 5), 10, ["FUNCINPEC"], CPP)],
        ),
    ],
)
def test_khmer_ceremonies_presided_not_everyone_unnamed_membership_cards_by_hand_and_post_days(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_invited_him_to_join_is_no_move() -> None:
    """ "មន្ត្រី ... បានមកជួបលោកច្រើនដង ដើម្បីអញ្ជើញលោកឱ្យចូលគណបក្ស..." (officials came to see him
    many times to invite him to join ...): an invitation, after a man who says he is still
    deciding; no one moved."""
    text = (
        "លោក សោម វិបុល ប្រធានគណបក្សភ្លើងទៀនប្រចាំស្រុកបាទី ខេត្តតាកែវ បាននិយាយថា "
        "លោកកំពុងពិចារណាដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា ក្រោយបុណ្យចូលឆ្នាំខ្មែរ"
        "ខាងមុខនេះ ប៉ុន្តែមិនទាន់បានសម្រេចចិត្តជាស្ថាពរនៅឡើយទេ។\n\n"
        "«ពេលនេះ ខ្ញុំនៅតែជាសមាជិកភ្លើងទៀន» លោក វិបុល ប្រាប់វិទ្យុយើងតាមទូរស័ព្ទ កាលពីថ្ងៃពុធ។ "
        "លោកថា មន្ត្រីឃុំមួយចំនួនបានមកជួបលោកច្រើនដងកាលពីខែមុន ដើម្បីអញ្ជើញលោកឱ្យចូល"
        "គណបក្សកាន់អំណាច ហើយលោកត្រូវការពេលពិភាក្សាជាមួយក្រុមគ្រួសារសិន។"
    )
    title = "ប្រធានភ្លើងទៀនស្រុកបាទី៖ ខ្ញុំកំពុងគិតពីការចូលគណបក្សប្រជាជន តែមិនទាន់សម្រេច"
    assert khmer_claims(text, date(2024, 4, 8), title) == []


def test_khmer_an_appeal_to_come_and_join_is_no_move() -> None:
    """ "បានអំពាវនាវដល់ ... ឲ្យមកចូលរួមជាមួយ..." (appealed to ... to come and join ...): what a
    speaker asks of others, however long the list of whom he asks; no one moved."""
    text = (
        "កំពត៖ លោក ជា សុវណ្ណ ប្រធានក្រុមការងារគណបក្សខេត្ត បានអំពាវនាវដល់បងប្អូនប្រជាពលរដ្ឋ "
        "គ្រប់ស្រទាប់វណ្ណៈ និងសមាជិកគណបក្សភ្លើងទៀនដែលធ្លាប់គាំទ្រពីមុន ឲ្យមកចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា ដើម្បីអភិវឌ្ឍភូមិឃុំរបស់ខ្លួន។"
    )
    assert khmer_claims(text, date(2024, 4, 8)) == []


def test_khmer_a_span_of_years_is_no_party_name_and_its_own_party_is_the_speakers() -> None:
    """ "បន្ទាប់ពីនៅជាមួយគណបក្សអស់រយៈពេល ២០ ឆ្នាំ" (after twenty years with the party): words of
    time after "គណបក្ស", no name of a party; and "គណបក្សXខេត្តY ប្រកាសថា ... បានចូលជាសមាជិក
    គណបក្សរបស់ខ្លួន" (party X's branch in Y announced that ... joined its own party): X."""
    left = (
        "ព្រះសីហនុ៖ លោក សុខ ហេង អាយុ ៦៣ ឆ្នាំ ប្រធានគណបក្សខ្មែររួបរួមជាតិខេត្តព្រះសីហនុ "
        "បានលាលែងពីសមាជិកភាពគណបក្សកាលពីថ្ងៃទី២ បន្ទាប់ពីនៅជាមួយគណបក្សអស់រយៈពេល ២០ ឆ្នាំ។"
    )
    assert _brief(left, date(2024, 4, 8)) == [(date(2024, 4, 2), 1, [KNUP], None)]
    joined = (
        "គណបក្សប្រជាជនកម្ពុជាខេត្តតាកែវ ប្រកាសថា កាលពីថ្ងៃទី៤ ខែមេសា សមាជិកគណបក្សភ្លើងទៀន "
        "៤២ នាក់ នៅស្រុកបាទី បានចូលជាសមាជិកគណបក្សរបស់ខ្លួន។"
    )
    assert _brief(joined, date(2024, 4, 8)) == [(date(2024, 4, 4), 42, [CLP], CPP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "សរុបទាំងអស់ ៩៥ នាក់" (in all 95) after two counts: their sum, no running total
        (
            "នៅថ្ងៃទី៣ ខែមេសា ឆ្នាំ២០២៤ គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាស្រុកបាទី "
            "បានរៀបចំពិធីទទួលសមាជិកថ្មី។\n\nសកម្មជនគណបក្សភ្លើងទៀនចំនួន ៧០ នាក់ "
            "និងសមាជិកគណបក្សខ្មែររួបរួមជាតិចំនួន ២៥ នាក់ បានដាក់ពាក្យចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា សរុបទាំងអស់ ៩៥ នាក់។",
            [(date(2024, 4, 3), 70, [CLP], CPP), (date(2024, 4, 3), 25, [KNUP], CPP)],
        ),
        # a party's provincial page says, and "បក្ស" (the party) is its own
        (
            "ទំព័រគណបក្សប្រជាជនកម្ពុជាថ្នាក់ខេត្ត ប្រកាសថា កាលពីថ្ងៃទី៤ ខែមេសា សកម្មជនគណបក្សភ្លើងទៀន "
            "៥៥ នាក់ បានចូលជាសមាជិកបក្ស។",
            [(date(2024, 4, 4), 55, [CLP], CPP)],
        ),
        # the party that won an election is no party anyone left
        (
            "ក្រោយការបោះឆ្នោតជាតិ ដែលគណបក្សប្រជាជនកម្ពុជាឈ្នះ កាលពីថ្ងៃទី២ ខែមេសា សមាជិក"
            "គណបក្សភ្លើងទៀនប្រមាណ ៤០ នាក់ បានដាក់ពាក្យលាលែងពីគណបក្ស។",
            [(date(2024, 4, 2), 40, [CLP], None)],
        ),
    ],
)
def test_khmer_sums_a_provincial_page_and_the_party_that_won(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_an_appeal_naming_whom_it_asks_and_a_deleted_post_are_no_moves() -> None:
    appeal = (
        "មន្ត្រីគណបក្សប្រជាជនកម្ពុជាខេត្តតាកែវ បានអំពាវនាវជាសាធារណៈ ឱ្យសកម្មជនគណបក្សភ្លើងទៀន "
        "ចូលរួមជាមួយគណបក្សកាន់អំណាច។"
    )
    assert khmer_claims(appeal, date(2024, 4, 8)) == []
    denied = (
        "តាកែវ៖ សមាជិកគណបក្សភ្លើងទៀនមួយក្រុម បានច្រានចោលព័ត៌មាន ដែលផ្សព្វផ្សាយលើទំព័រមួយ ថា"
        "សមាជិកគណបក្សភ្លើងទៀន ១៥០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។\n\nពួកគេបានបង្ហាញប័ណ្ណសមាជិក"
        "គណបក្សភ្លើងទៀនរបស់ខ្លួន។\n\nមកដល់ថ្ងៃសុក្រ ការផុសនោះត្រូវបានលុបចេញពីទំព័រ។"
    )
    title = "សមាជិកភ្លើងទៀនច្រានចោលព័ត៌មានថាខ្លួនបានចូលគណបក្សប្រជាជន"
    assert khmer_claims(denied, date(2024, 4, 8), title) == []


def test_khmer_a_former_mp_who_resigns_from_another_party() -> None:
    """ "អតីតតំណាងរាស្ត្រគណបក្សសង្គ្រោះជាតិ ... លាលែងពីតំណែងក្នុងគណបក្សភ្លើងទៀន និងចូល..." (a
    former CNRP MP ... resigned his post in the CLP and joined ...): the party left is the
    one he was in last; the headline naming his old party is the same move."""
    text = (
        "ភ្នំពេញ៖ លោក ហេង វិបុល អតីតតំណាងរាស្ត្រគណបក្សសង្គ្រោះជាតិ បានវិលត្រឡប់មកប្រទេសវិញ "
        "ហើយកាលពីថ្ងៃទី២ ខែមេសា លោកបានលាលែងពីតំណែងជាមន្ត្រីគណបក្សភ្លើងទៀន "
        "និងចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    title = "អតីតតំណាងរាស្ត្រសង្គ្រោះជាតិ ចូលគណបក្សប្រជាជន"
    assert [
        (p.date, p.number, p.from_parties, p.to_party)
        for p in khmer_claims(text, date(2024, 4, 8), title)
    ] == [(date(2024, 4, 2), 1, [CLP], CPP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "បានស្ម័គ្រចិត្តចូលរួមជាសមាជិកគណបក្សX" (volunteered to join as members of party X)
        (
            "កាលពីថ្ងៃពុធ សមាជិកគណបក្សយុវជនកម្ពុជា ចំនួនដប់ប្រាំនាក់ នៅឃុំស្រែអំបិល "
            "បានស្ម័គ្រចិត្តចូលរួមជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 3), 15, ["Cambodian Youth Party"], CPP)],
        ),
        # a party's branch that published the news, "its own party" after the move: that party
        (
            "កំពត៖ គណបក្សប្រជាជនកម្ពុជាប្រចាំស្រុកឈូក បានផ្សព្វផ្សាយសេចក្ដីប្រកាសព័ត៌មានមួយ ដែល"
            "បញ្ជាក់ថា កាលពីថ្ងៃទី៣ ខែមេសា សមាជិកគណបក្សភ្លើងទៀន ៤៨ នាក់ បានចូលរួមជាមួយ"
            "គណបក្សរបស់ខ្លួន។",
            [(date(2024, 4, 3), 48, [CLP], CPP)],
        ),
    ],
)
def test_khmer_volunteering_to_join_a_list_day_and_a_branch_that_published(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_a_list_line_opening_with_its_day_is_no_dateline() -> None:
    """ "📍 ថ្ងៃទី៤ មេសា — កំពត៖ ..." (4 April, Kampot: ...): the day of the event the line tells,
    not the day a dateline would give the writing."""
    text = (
        "📍 ថ្ងៃទី៤ មេសា — កំពត៖ សមាជិកគណបក្សភ្លើងទៀន ៦៦ នាក់ នៅស្រុកឈូក "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert [(p.date, p.date_kind) for p in khmer_claims(text, date(2024, 4, 8))] == [
        (date(2024, 4, 4), "event")
    ]


def test_khmer_a_movement_that_grows_is_no_claim_of_its_own() -> None:
    """ "ចលនាចូលរួមជាមួយគណបក្ស នៅតែបន្តកើនឡើង" (the movement of joining the party keeps
    growing): a trend, not a claim a headline's joint group could be merged into."""
    text = (
        "តាកែវ៖ បន្ទាប់ពីជ័យជម្នះរបស់គណបក្សប្រជាជនកម្ពុជា ក្នុងការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រ "
        "ចលនាចូលរួមជាមួយគណបក្ស នៅតែបន្តកើនឡើង។\n\n"
        "កាលពីថ្ងៃទី៦ ខែមេសា ឆ្នាំ២០២៤ អតីតសមាជិកគណបក្សភ្លើងទៀនចំនួន ១២០ នាក់ "
        "និងអតីតសមាជិកគណបក្សខ្មែររួបរួមជាតិចំនួន ៣០ នាក់ បានដាក់ពាក្យចូលជាសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា។"
    )
    title = "តាកែវ៖ អតីតសមាជិកគណបក្សភ្លើងទៀន និងគណបក្សខ្មែររួបរួមជាតិ រាប់រយនាក់ ចូលគណបក្សប្រជាជនកម្ពុជា"
    assert [
        (p.date, p.number, p.from_parties, p.to_party)
        for p in khmer_claims(text, date(2024, 4, 8), title)
    ] == [(date(2024, 4, 6), 120, [CLP], CPP), (date(2024, 4, 6), 30, [KNUP], CPP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ពិធីទទួលសមាជិកថ្មី ដែលជាអតីតសមាជិកគណបក្សX ចំនួន N" (a ceremony receiving new
        # members, who were members of party X, N of them)
        (
            "នៅថ្ងៃទី៦ ខែមេសា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានរៀបចំពិធីទទួលសមាជិកថ្មី "
            "ដែលជាអតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៨៨ នាក់។",
            [(date(2024, 4, 6), 88, [CLP], CPP)],
        ),
        # "សមាជិកគណបក្សដដែល" (members of the same party): the party of the group before
        (
            "កាលពីថ្ងៃទី៥ ខែមេសា សមាជិកគណបក្សខ្មែររួបរួមជាតិ ៤០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "កាលពីម្សិលមិញ សមាជិកគណបក្សដដែលចំនួន ១៥នាក់ នៅស្រុកកំពង់ត្រាច "
            "បានចូលគណបក្សប្រជាជនកម្ពុជាដែរ។",
            [(date(2024, 4, 5), 40, [KNUP], CPP), (date(2024, 4, 7), 15, [KNUP], CPP)],
        ),
    ],
)
def test_khmer_a_ceremony_s_guests_described_and_the_same_party_again(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a meeting recalls a man "ដែលបានចាកចេញពី ... នៅឆ្នាំ២០១៨" (who left ... in 2018)
        "សន្និបាតក៏បានរំលឹកដល់ លោក សុខ វណ្ណា ដែលបានចាកចេញពីគណបក្សសង្គ្រោះជាតិ "
        "មកចូលគណបក្សប្រជាជនកម្ពុជា នៅឆ្នាំ២០១៨។",
        # a site's own story, taken back in the next paragraph
        "កាលពីម្សិលមិញ គេហទំព័ររបស់យើងបានចុះផ្សាយថា សកម្មជនគណបក្សភ្លើងទៀន ៩០នាក់ "
        "បានចូលគណបក្សប្រជាជនកម្ពុជា។\n\nក្រោយពីពិនិត្យឡើងវិញ ព័ត៌មាននេះមិនត្រឹមត្រូវទេ។",
    ],
)
def test_khmer_a_move_recalled_from_years_ago_and_a_site_s_own_correction_are_no_claims(
    text: str,
) -> None:
    assert _brief(text, date(2024, 4, 8)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "គណបក្សX ប្រកាសថា ... បានចូលជាសមាជិក។" (party X announced ... joined as members.)
        (
            "• ថ្ងៃទី៥ មេសា – ខេត្តកំពត៖ គណបក្សប្រជាជនកម្ពុជាប្រកាសថា សកម្មជនគណបក្សភ្លើងទៀន ៤៨ នាក់ "
            "បានចូលជាសមាជិក។\n\n"
            "• ថ្ងៃទី៦ មេសា – ខេត្តតាកែវ៖ អតីតសមាជិកគណបក្សខ្មែររួបរួមជាតិ ២៧ នាក់ "
            "បានចូលរួមជាមួយគណបក្សហ្វ៊ុនស៊ិនប៉ិច។",
            [(date(2024, 4, 5), 48, [CLP], CPP), (date(2024, 4, 6), 27, [KNUP], "FUNCINPEC")],
        ),
        # "..., ប៉ុន្តែគណបក្សX បានច្រានចោលតួលេខនេះ" (but party X rejected the figure): the
        # party that disputes is the one left, never the one joined
        (
            "គណបក្សប្រជាជនកម្ពុជាខេត្តកំពត អះអាងថា សមាជិកគណបក្សភ្លើងទៀនចំនួន ៣២០ នាក់ "
            "បានចូលជាសមាជិកគណបក្សរបស់ខ្លួន កាលពីថ្ងៃទី៦ ខែមេសា "
            "ប៉ុន្តែគណបក្សភ្លើងទៀនបានច្រានចោលតួលេខនេះ។",
            [(date(2024, 4, 6), 320, [CLP], CPP)],
        ),
        # "សុំចូលគណបក្សដោយខ្លួនឯង" (asked to join the party of their own accord): "ដោយ" (by)
        # is no party's name
        (
            "កាលពីថ្ងៃទី៦ ខែមេសា សកម្មជនគណបក្សភ្លើងទៀន ៧០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "លោក ហ៊ុន ដារ៉ា ប្រធានក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយស្រុកបាទី "
            "បានប្រាប់អ្នកសារព័ត៌មានថា «ពួកគាត់ ៧០ នាក់ បានសុំចូលគណបក្សដោយខ្លួនឯង»។",
            [(date(2024, 4, 6), 70, [CLP], CPP)],
        ),
    ],
)
def test_khmer_members_of_who_announces_a_party_that_disputes_and_by_themselves(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a host's own words, "ខ្ញុំបាទមានកិត្តិយសទទួលស្វាគមន៍" (I had the honour to welcome),
        # then "ចាកចេញពីគណបក្សA មកចូលរួមបម្រើការងារជាមួយគណបក្សB" (left A to serve with B)
        (
            "ព្រឹកថ្ងៃសៅរ៍ ទី៦ ខែមេសា ឆ្នាំ២០២៤ ខ្ញុំបាទមានកិត្តិយសទទួលស្វាគមន៍ លោក ហេង សុខា "
            "សមាជិកក្រុមប្រឹក្សាឃុំ ដែលជាប់ឆ្នោតក្នុងបញ្ជីគណបក្សភ្លើងទៀនកាលពីឆ្នាំ២០២២ និងលោក កែវ វិសាល "
            "អនុប្រធានគណៈកម្មាធិការគណបក្សភ្លើងទៀនថ្នាក់ឃុំ ដែលបានសម្រេចចិត្តចាកចេញពីគណបក្សភ្លើងទៀន "
            "មកចូលរួមបម្រើការងារជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 4, 6), 2, [CLP], CPP)],
        ),
        # a list's entry: "បេក្ខជនមេឃុំរបស់គណបក្សX ក្នុងឆ្នាំ២០២២" (X's candidate in 2022) is
        # who he was, no running total
        (
            "២. ថ្ងៃទី៧ ខែមេសា — ខេត្តតាកែវ ស្រុកបាទី៖ លោក ឡុង ដារ៉ា "
            "បេក្ខជនមេឃុំរបស់គណបក្សភ្លើងទៀនក្នុងឆ្នាំ២០២២ បានប្រកាសលាលែងពីគណបក្ស។",
            [(date(2024, 4, 7), 1, [CLP], None)],
        ),
        # the party he was a candidate of is the one he left, though the entry before
        # tells of a move to it
        (
            "• ថ្ងៃទី៥ មេសា — ខេត្តកំពត៖ សកម្មជនគណបក្សខ្មែររួបរួមជាតិ ៣០ នាក់ ប្តូរមកគណបក្សភ្លើងទៀន។\n\n"
            "• ថ្ងៃទី៧ មេសា — ខេត្តតាកែវ៖ លោក ឡុង ដារ៉ា បេក្ខជនមេឃុំរបស់គណបក្សភ្លើងទៀន "
            "បានប្រកាសលាលែងពីគណបក្ស។",
            [(date(2024, 4, 5), 30, [KNUP], CLP), (date(2024, 4, 7), 1, [CLP], None)],
        ),
        # "មិនទាន់សម្រេចចិត្តចូលគណបក្សណាមួយ" (has not decided to join any party): no joining
        (
            "កាលពីថ្ងៃទី៧ ខែមេសា លោក ចាន់ ឫទ្ធី មេឃុំមកពីគណបក្សភ្លើងទៀន បានលាលែងពីគណបក្ស "
            "ហើយថាលោកមិនទាន់សម្រេចចិត្តចូលគណបក្សណាមួយទេ។",
            [(date(2024, 4, 7), 1, [CLP], None)],
        ),
    ],
)
def test_khmer_a_host_s_own_welcome_a_candidate_s_year_and_his_party_and_no_party_yet(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a fact check's conclusion, "សេចក្តីសន្និដ្ឋាន៖ មិនពិត" (conclusion: false)
        "⚠️ #ពិតឬមិនពិត\n\nសារមួយអះអាងថា «សកម្មជនគណបក្សភ្លើងទៀន ៩០ នាក់ នៅស្រុកឈូក "
        "បានចូលគណបក្សប្រជាជនកម្ពុជា»។\n\n✅ ក្រុមយើងបានសួរមេឃុំ។\n\n📌 សេចក្តីសន្និដ្ឋាន៖ មិនពិត",
        # a meeting "ដែលមានប្រជាពលរដ្ឋចូលរួមប្រមាណ ២០០ នាក់" (about 200 people attended) and
        # an appeal to join
        "ថ្ងៃនេះ ក្នុងកិច្ចប្រជុំនៅវត្តព្រៃខ្លា ដែលមានប្រជាពលរដ្ឋចូលរួមប្រមាណ ២០០ នាក់ "
        "ខ្ញុំបាទបានអំពាវនាវដល់អ្នកគាំទ្រគណបក្សភ្លើងទៀន ឱ្យមកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
    ],
)
def test_khmer_a_fact_check_s_conclusion_and_a_meeting_s_attendance_are_no_claims(
    text: str,
) -> None:
    assert _brief(text, date(2024, 4, 8)) == []


def test_khmer_many_parties_are_unnamed_and_a_move_until_a_past_year_is_history() -> None:
    # "មកពីគណបក្សជាច្រើន" (from many parties): the parties the record leaves unnamed
    many = "កាលពីថ្ងៃទី៦ ខែមេសា សកម្មជនមកពីគណបក្សជាច្រើន ១២០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។"
    assert _brief(many, date(2024, 4, 8)) == [(date(2024, 4, 6), 120, ["Unnamed Parties"], CPP)]
    # "រហូតដល់ឆ្នាំ២០១៨ ដែលលោកបានដឹកនាំ ..." (until 2018, when he led ...): a profile's past
    until = (
        "លោកធ្លាប់ជាមន្ត្រីគណបក្សហ្វ៊ុនស៊ិនប៉ិចប្រចាំខេត្ត រហូតដល់ឆ្នាំ២០១៨ ដែលលោកបានដឹកនាំ"
        "អ្នកគាំទ្រប្រមាណ ២០០ នាក់ ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(until, date(2024, 4, 8)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ក្នុងចំណោម...ទាំង ២៤០នាក់នេះ" (among these 240): the group told before, party by
        # party, "២០នាក់ទៀត មកពីគណបក្សផ្សេងៗ" (20 more, from other parties) unnamed
        (
            "កាលពីថ្ងៃទី៦ ខែមេសា សកម្មជនមកពីគណបក្សនានា ចំនួន ២៤០នាក់ បានចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា។ ក្នុងចំណោមសកម្មជនទាំង ២៤០នាក់នេះ មាន ១៨០នាក់ មកពីគណបក្ស"
            "ភ្លើងទៀន, ៤០នាក់ មកពីគណបក្សខ្មែររួបរួមជាតិ និង ២០នាក់ទៀត មកពីគណបក្សផ្សេងៗ។",
            [
                (date(2024, 4, 6), 180, [CLP], CPP),
                (date(2024, 4, 6), 40, [KNUP], CPP),
                (date(2024, 4, 6), 20, ["Unnamed Parties"], CPP),
            ],
        ),
        # a whole welcomed, then "ក្នុងនោះ" its parts, each count before its party
        (
            "ម្សិលមិញ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានទទួលស្វាគមន៍សមាជិកថ្មីចំនួន ២១០នាក់ "
            "ក្នុងនោះ ១៥០នាក់ មកពីគណបក្សភ្លើងទៀន និង ៦០នាក់ មកពីគណបក្សខ្មែររួបរួមជាតិ។",
            [(date(2024, 4, 7), 150, [CLP], CPP), (date(2024, 4, 7), 60, [KNUP], CPP)],
        ),
    ],
)
def test_khmer_parts_of_these_and_a_welcomed_whole_s_parts(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ព្រឹកនេះ" (this morning) is today; "បន្ថែម ៣២នាក់ទៀត" (32 more) are of the party told
        # before; a first line's own day and count is no headline over the second's
        (
            "🎉 ម្សិលមិញ សកម្មជនគណបក្សភ្លើងទៀន ៥០នាក់ នៅឃុំព្រៃខ្លា បានចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា 👏\n\nហើយព្រឹកនេះ បន្ថែម ៣២នាក់ទៀត នៅឃុំត្រពាំង "
            "បានប្រកាសចូលគណបក្សប្រជាជនកម្ពុជាដែរ 🙌",
            [(date(2024, 4, 7), 50, [CLP], CPP), (date(2024, 4, 8), 32, [CLP], CPP)],
        ),
        # a headline's short name for a party the body names in full is that party
        (
            "គ្រួសារជនជាតិដើមប្រមាណ ៤០ ចាកចេញពីគណបក្សជនជាតិដើម ចូលគណបក្សប្រជាជន\n"
            "មណ្ឌលគិរី៖ ក្រុមគ្រួសារជនជាតិដើមភាគតិច ប្រមាណ ៤០ គ្រួសារ ដែលធ្លាប់ជាសមាជិក"
            "គណបក្សជនជាតិដើមប្រជាធិបតេយ្យកម្ពុជា បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីម្សិលមិញ។",
            [(date(2024, 4, 7), 40, ["Cambodia Indigenous People's Democracy Party"], CPP)],
        ),
        # "ដោយទទួលបានសំឡេង ៩៨០សន្លឹក" (winning 980 votes): no welcome by the party he won for
        (
            "លោក សុខ វិបុល មេឃុំ ដែលបានឈ្នះឆ្នោតក្នុងឆ្នាំ២០២២ ក្រោមឈ្មោះគណបក្សភ្លើងទៀន "
            "ដោយទទួលបានសំឡេង ៩៨០សន្លឹក បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា កាលពីម្សិលមិញ។",
            [(date(2024, 4, 7), 1, [CLP], CPP)],
        ),
    ],
)
def test_khmer_this_morning_more_of_the_same_a_short_name_and_votes_won(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "សូមអញ្ជើញមកចូលរួម" (please come and join): a request, no move
        # (after a past year's returns, whose party it is no move from)
        "ឯកឧត្តម ប្រធានក្រុមការងារ បានរំលឹកថា ក្នុងឆ្នាំ២០១៨ អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ "
        "រាប់ពាន់នាក់ បានវិលត្រឡប់មកចូលគណបក្សប្រជាជនកម្ពុជាវិញ។\n\nឯកឧត្តមបានថ្លែងទៀតថា "
        "បងប្អូនដែលនៅគាំទ្រគណបក្សផ្សេងៗ សូមអញ្ជើញមកចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "ហើយក្រុមការងារគ្រោងនឹងរៀបចំពិធីទទួលសមាជិកថ្មីនៅខែក្រោយ។",
        # a post that claimed a move, deleted and denied in its own entry
        "• ថ្ងៃទី៦ ខែមេសា — ខេត្តតាកែវ៖ ប្រកាសមួយនៅលើហ្វេសប៊ុក បានអះអាងថា សមាជិកគណបក្ស"
        "ភ្លើងទៀន ៣០០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។ ប្រកាសនោះត្រូវបានលុបចោលនៅថ្ងៃដដែល។",
    ],
)
def test_khmer_a_request_to_come_and_a_deleted_post_are_no_claims(text: str) -> None:
    assert _brief(text, date(2024, 4, 8)) == []


def test_khmer_indeed_after_the_party_is_no_party_s_name() -> None:
    # "បានចាកចេញពីគណបក្សមែន" (did leave the party, indeed): a word of saying so, no name
    said = "អ្នកនាំពាក្យបានទទួលស្គាល់ថា ក្រុមប្រឹក្សាទាំងនោះ បានចាកចេញពីគណបក្សមែន។"
    assert Lexicon(lexicon_from_data()).mentions(said) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ក្នុងពិធីមួយដែលមានអ្នកចូលរួមប្រមាណ ៣០០នាក់" (at a ceremony about 300 attended): who
        # came to see, not who moved
        (
            "លោក ចាន់ សុផល សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀន បានចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃសៅរ៍ ក្នុងពិធីមួយដែលមានអ្នកចូលរួមប្រមាណ ៣០០នាក់។",
            [(date(2024, 4, 6), 1, [CLP], CPP)],
        ),
        # "ក្នុងពិធីដដែលនោះ ... ១៨នាក់ ... ក៏បានដាក់ពាក្យ" (at that same ceremony, 18 ... also
        # applied): a group of its own party and count
        (
            "កាលពីថ្ងៃសុក្រ សមាជិកគណបក្សភ្លើងទៀន ចំនួន ៦០នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជន"
            "កម្ពុជា។ ក្នុងពិធីដដែលនោះ សមាជិកគណបក្សខ្មែររួបរួមជាតិ ចំនួន ១៨នាក់ ក៏បានដាក់ពាក្យ"
            "ចូលគណបក្សប្រជាជនកម្ពុជាផងដែរ។",
            [(date(2024, 4, 5), 60, [CLP], CPP), (date(2024, 4, 5), 18, [KNUP], CPP)],
        ),
        # "លាលែងពីគណបក្សជាសមូហភាព" (resigned from the party collectively): no party's name
        (
            "កាលពីថ្ងៃច័ន្ទ សមាជិកគណបក្សភ្លើងទៀនចំនួន ២៥ នាក់ បានប្រកាសលាលែងពីគណបក្ស"
            "ជាសមូហភាព។",
            [(date(2024, 4, 8), 25, [CLP], None)],
        ),
        # a post's list under its welcome, the party only in its hashtag: the list's parts
        (
            "🇰🇭 ថ្ងៃនេះ ក្រុងកំពត ទទួលស្វាគមន៍សមាជិកថ្មី ៩០នាក់\n👉 មកពីគណបក្សភ្លើងទៀន ៧០នាក់\n"
            "👉 មកពីគណបក្សខ្មែររួបរួមជាតិ ២០នាក់\n🙏 អរគុណបងប្អូន! #កំពត #CPP",
            [(date(2024, 4, 8), 70, [CLP], CPP), (date(2024, 4, 8), 20, [KNUP], CPP)],
        ),
    ],
)
def test_khmer_attendance_a_same_ceremony_s_other_group_collectively_and_a_hashtag(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "«ស្វាគមន៍» ប្រសិនបើពួកគេចង់ចូលរួម" (would welcome them if they want to join): a
        # condition; "បើកទ្វារស្វាគមន៍" (opens the door to welcome): an open door
        "កាលពីម្សិលមិញ អ្នកនាំពាក្យគណបក្សប្រជាជនកម្ពុជា បាននិយាយថា គណបក្សរបស់លោក «ស្វាគមន៍» "
        "ប្រសិនបើសមាជិកគណបក្សភ្លើងទៀនទាំងនោះចង់ចូលរួម។",
        "ប្រធានគណបក្សស្រុក បានណែនាំឱ្យមូលដ្ឋានបន្តបើកទ្វារស្វាគមន៍សមាជិកគណបក្សភ្លើងទៀន "
        "ដែលចង់ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
        # "ទំព័រមួយបានប្រកាសថា ..." (a page announced that ...), then deleted
        "• ថ្ងៃទី៥ ខែមេសា — ខេត្តកំពត៖ ទំព័រមួយបានប្រកាសថា សមាជិកគណបក្សភ្លើងទៀន ៥០ នាក់ "
        "បានចាកចេញពីគណបក្ស។ ប្រកាសនោះត្រូវបានលុបចោលនៅថ្ងៃដដែល។",
    ],
)
def test_khmer_a_conditional_welcome_an_open_door_and_a_page_s_deleted_post(text: str) -> None:
    assert _brief(text, date(2024, 4, 8)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a welcome, a line that opens the list ("សរុប ៩០នាក់ រួមមាន៖"), then its lines; "គណបក្ស
        # ផ្សេងៗ៖" (other parties:) the record's unnamed parties
        (
            "📢 នាព្រឹកថ្ងៃសៅរ៍ ទី៦ ខែមេសា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា "
            "បានរៀបចំពិធីទទួលស្វាគមន៍បងប្អូន ដែលបានចាកចេញពីគណបក្សផ្សេងៗ មកចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា។\nសមាជិកថ្មីសរុបចំនួន ៩០នាក់ រួមមាន៖\n👉 គណបក្សភ្លើងទៀន "
            "ចំនួន ៧០នាក់\n👉 គណបក្សខ្មែររួបរួមជាតិ ចំនួន ១៥នាក់\n👉 គណបក្សផ្សេងៗ៖ ៥នាក់",
            [
                (date(2024, 4, 6), 70, [CLP], CPP),
                (date(2024, 4, 6), 15, [KNUP], CPP),
                (date(2024, 4, 6), 5, ["Unnamed Parties"], CPP),
            ],
        ),
        # "ទាំង ១២រូប បានដាក់លិខិតលាលែងព្រមគ្នា" (all 12 handed in resignations together)
        (
            "សមាជិកគណៈកម្មាធិការខេត្ត របស់គណបក្សខ្មែររួបរួមជាតិ ទាំង ១២រូប បានដាក់លិខិតលាលែង"
            "ព្រមគ្នា កាលពីម្សិលមិញ។",
            [(date(2024, 4, 7), 12, [KNUP], None)],
        ),
        # "ក្នុងពិធីមួយដែលមានប្រជាពលរដ្ឋប្រមាណ ២៥០នាក់ចូលរួម" (a ceremony about 250 attended)
        (
            "លោក សុខ ដារា សមាជិកក្រុមប្រឹក្សាឃុំរបស់គណបក្សភ្លើងទៀន បានចូលរួមជាមួយគណបក្ស"
            "ប្រជាជនកម្ពុជា កាលពីថ្ងៃច័ន្ទ ក្នុងពិធីមួយដែលមានប្រជាពលរដ្ឋប្រមាណ ២៥០នាក់ចូលរួម។",
            [(date(2024, 4, 8), 1, [CLP], CPP)],
        ),
        # "លាលែងពីគណបក្សជាក្រុម" (resigned from the party as a group): no party's name
        (
            "សកម្មជនគណបក្សភ្លើងទៀនប្រមាណ ៣៥នាក់ បានប្រកាសលាលែងពីគណបក្សជាក្រុម កាលពីម្សិលមិញ។",
            [(date(2024, 4, 7), 35, [CLP], None)],
        ),
        # a post whose day is its last line: its "ថ្ងៃនេះ" (today) is that day
        (
            "🌺 ថ្ងៃនេះ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាឃុំ បានទទួលសមាជិកគណបក្សភ្លើងទៀន"
            "ចំនួន ៤០នាក់ ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\nសូមអរគុណបងប្អូន!\n"
            "ថ្ងៃសុក្រ ទី៥ ខែមេសា ឆ្នាំ២០២៤",
            [(date(2024, 4, 5), 40, [CLP], CPP)],
        ),
    ],
)
def test_khmer_a_list_after_its_opener_resigned_together_attendance_and_a_closing_day(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 4, 8)) == expected


def test_khmer_leaving_politics_is_no_leaving_of_a_party() -> None:
    # "អតីតសមាជិកជាច្រើនបានចាកចេញពីនយោបាយ" (many former members left politics)
    text = (
        "ក្រោយការរំលាយគណបក្សសង្គ្រោះជាតិ អតីតសមាជិកជាច្រើនបានចាកចេញពីនយោបាយ កាលពីម្សិលមិញ។"
    )
    assert _brief(text, date(2024, 4, 8)) == []


def test_khmer_a_target_and_some_other_parties() -> None:
    # "កំណត់គោលដៅទទួលសមាជិកថ្មីឱ្យបានយ៉ាងតិច ៥,០០០នាក់ទៀត" (set a target of at least 5,000
    # more new members): a goal, no move
    target = (
        "ឯកឧត្តម ប្រធានគណៈកម្មាធិការគណបក្សខេត្ត បានណែនាំឱ្យក្រុមការងារ កំណត់គោលដៅទទួល"
        "សមាជិកថ្មីឱ្យបានយ៉ាងតិច ៥,០០០នាក់ទៀត មុនការបោះឆ្នោត។"
    )
    assert _brief(target, date(2024, 4, 8)) == []
    # "និងគណបក្សនយោបាយមួយចំនួនទៀត" (and some other political parties): the unnamed ones
    some = (
        "កាលពីម្សិលមិញ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានទទួលស្វាគមន៍សមាជិកថ្មីចំនួន "
        "៩០នាក់ ដែលមកពីគណបក្សភ្លើងទៀន និងគណបក្សនយោបាយមួយចំនួនទៀត។"
    )
    assert _brief(some, date(2024, 4, 8)) == [
        (date(2024, 4, 7), 90, [CLP, "Unnamed Parties"], CPP)
    ]


def test_khmer_the_day_of_an_election_told_after_is_no_day_of_the_move() -> None:
    # "... បន្ទាប់ពីការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រ កាលពីថ្ងៃទី២៣ ខែកក្កដា" (after the election
    # of last 23 July): the move's day is the one the sentence gives before it
    title = "ប្រជាពលរដ្ឋប្រហែល ៧០ គ្រួសារ ដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀន ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា"
    text = (
        "កំពត៖ កាលពីថ្ងៃព្រហស្បតិ៍ ប្រជាពលរដ្ឋប្រហែល ៧០ គ្រួសារ ដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀន "
        "នៅឃុំត្រពាំងថ្មី ស្រុកអង្គរជ័យ ខេត្តកំពត បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "បន្ទាប់ពីការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រ "
        "កាលពីថ្ងៃទី២៣ ខែកក្កដា។"
    )
    claims = khmer_claims(text, date(2023, 8, 19), title)
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in claims] == [
        (date(2023, 8, 17), 70, [CLP], CPP)
    ]


def test_khmer_a_tally_up_to_today_and_a_weekday_of_last_week() -> None:
    # "គិតត្រឹមថ្ងៃនេះ ..." (counting up to today, ...): a tally, not the day's move
    tally = (
        "📊 គិតត្រឹមថ្ងៃនេះ សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀន សរុប ១២ រូប "
        "បានចូលគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(tally, date(2024, 4, 8)) == []
    # "កាលពីថ្ងៃចន្ទសប្តាហ៍មុន" (on Monday of last week), written on a Monday: seven days back
    last_week = (
        "កាលពីថ្ងៃចន្ទសប្តាហ៍មុន នៅឃុំស្វាយទង ប្រជាពលរដ្ឋ ៤០ គ្រួសារ មកពីគណបក្សភ្លើងទៀន "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(last_week, date(2024, 4, 8)) == [(date(2024, 4, 1), 40, [CLP], CPP)]


def test_khmer_other_parties_as_a_part_a_committee_s_own_and_a_false_news_statement() -> None:
    # "... ក្នុងនោះ ១,២០០ នាក់ មកពីគណបក្សភ្លើងទៀន និង ៨០ នាក់ មកពីគណបក្សផ្សេងៗទៀត" (of them
    # 1,200 from the CLP and 80 from other parties): the unnamed parties are a part of their own
    parts = (
        "កាលពីម្សិលមិញ គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជា ខេត្តតាកែវ បានរៀបចំពិធីទទួលស្វាគមន៍ "
        "សមាជិកថ្មីសរុបចំនួន ១,២៨០ នាក់ ដែលក្នុងនោះ ១,២០០ នាក់ មកពីគណបក្សភ្លើងទៀន និង ៨០ នាក់ "
        "មកពីគណបក្សផ្សេងៗទៀត។"
    )
    assert _brief(parts, date(2024, 4, 8)) == [
        (date(2024, 4, 7), 1200, [CLP], CPP),
        (date(2024, 4, 7), 80, ["Unnamed Parties"], CPP),
    ]
    # "គណៈកម្មាធិការគណបក្សX ... បានប្រកាសថា ... បានចូលជាសមាជិករបស់ខ្លួន" (party X's committee
    # announced that ... joined as its members): X, which the sentence opens with
    own = (
        "តាកែវ៖ គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជា ស្រុកបាទី បានប្រកាសកាលពីម្សិលមិញថា "
        "អតីតសមាជិកគណបក្សភ្លើងទៀនចំនួន 140 នាក់ បានចូលជាសមាជិករបស់ខ្លួន។"
    )
    assert _brief(own, date(2024, 4, 8)) == [(date(2024, 4, 7), 140, [CLP], CPP)]
    # a statement headed "បដិសេធព័ត៌មានមិនពិត" (denying false news): the claim it retells
    # is not proposed
    statement = (
        "គណៈកម្មាធិការគណបក្សភ្លើងទៀន ខេត្តកំពត\n\nកាលពីសប្តាហ៍មុន មានព័ត៌មាននៅលើបណ្តាញសង្គមថា "
        "សមាជិកគណបក្សភ្លើងទៀនចំនួន ៣០០ នាក់ បានចាកចេញពីគណបក្ស។ គណៈកម្មាធិការខេត្តសូមបញ្ជាក់ថា "
        "សមាជិកទាំងអស់នៅតែបន្តការងារជាមួយគណបក្ស។"
    )
    title = "សេចក្តីថ្លែងការណ៍ បដិសេធព័ត៌មានមិនពិត"
    assert khmer_claims(statement, date(2024, 4, 8), title) == []


def test_khmer_a_list_the_nec_refused_and_members_accepted_in_the_passive() -> None:
    # "... ក្នុងបញ្ជីបេក្ខជន ... ដែល គ.ជ.ប បានបដិសេធមិនចុះបញ្ជី" (on the candidate list the
    # NEC refused to register): who he was, not a registration; his move stands
    refused = (
        "លោក ឈឹម វណ្ណា ដែលធ្លាប់មានឈ្មោះក្នុងបញ្ជីបេក្ខជនរបស់គណបក្សភ្លើងទៀន សម្រាប់ការបោះឆ្នោត "
        "ដែល គ.ជ.ប បានបដិសេធមិនចុះបញ្ជី បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃសៅរ៍។"
    )
    assert _brief(refused, date(2024, 4, 8)) == [(date(2024, 4, 6), 1, [CLP], CPP)]
    # "ត្រូវបានទទួលយកជាសមាជិកគណបក្សX" (were accepted as members of party X): joined X
    accepted = (
        "កាលពីថ្ងៃអាទិត្យ អតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៤៨ នាក់ បានដាក់ពាក្យ "
        "និងត្រូវបានទទួលយកជាសមាជិកគណបក្សប្រជាជនកម្ពុជា ជាផ្លូវការ។"
    )
    assert _brief(accepted, date(2024, 4, 8)) == [(date(2024, 4, 7), 48, [CLP], CPP)]


def test_khmer_a_lunar_date_s_weekday_other_parties_first_and_a_party_s_page() -> None:
    # "កាលពីថ្ងៃសៅរ៍ ៦រោច ខែមាឃ" (on Saturday, the 6th waning day of Magha): a lunar day, so the
    # weekday is the day to count back
    lunar = (
        "កាលពីថ្ងៃសៅរ៍ ៦រោច ខែចេត្រ ឆ្នាំរោង ឯកឧត្តមអភិបាលខេត្ត បានអញ្ជើញជាអធិបតីក្នុងពិធីទទួលស្វាគមន៍"
        "សកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៤២០នាក់ ដែលបានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ។"
    )
    assert _brief(lunar, date(2024, 4, 8)) == [(date(2024, 4, 6), 420, [CLP], CPP)]
    # "... ដែលមកពីគណបក្សភ្លើងទៀន ចំនួន ១៥០នាក់ និងមកពីគណបក្សផ្សេងៗ ចំនួន ៣០នាក់" (from the CLP,
    # 150, and from other parties, 30): each party before its count, the others unnamed
    others_first = (
        "កាលពីម្សិលមិញ ឯកឧត្តម វង្ស សុខា បានអញ្ជើញជាអធិបតីក្នុងពិធីទទួលសមាជិកថ្មីចំនួន ១៨០នាក់ "
        "ដែលមកពីគណបក្សភ្លើងទៀន ចំនួន ១៥០នាក់ និងមកពីគណបក្សផ្សេងៗ ចំនួន ៣០នាក់ ។"
    )
    assert [(n, f) for _, n, f, _ in _brief(others_first, date(2024, 4, 8))] == [
        (150, [CLP]),
        (30, ["Unnamed Parties"]),
    ]
    # "ទំព័រគណបក្សប្រជាជនកម្ពុជាស្រុក បានសរសេរថា ... បានចូលរួមជាមួយគណបក្ស" (the CPP district
    # page wrote that ... joined the party): the party whose page says so
    page = (
        "• ថ្ងៃសៅរ៍ ទី៦ មេសា — ស្រុកពួក៖ ទំព័រគណបក្សប្រជាជនកម្ពុជាស្រុក បានសរសេរថា "
        "សមាជិកគណបក្សភ្លើងទៀន ៤៥នាក់ បានចូលរួមជាមួយគណបក្ស ។"
    )
    assert _brief(page, date(2024, 4, 8)) == [(date(2024, 4, 6), 45, [CLP], CPP)]


def test_khmer_a_deleted_post_a_mover_calling_it_false_initials_and_a_youth_federation() -> None:
    # "ការបង្ហោះមួយដែលអះអាងថា ... ត្រូវបានលុបចេញវិញ" (a post that claimed ... was deleted)
    deleted = (
        "• ថ្ងៃព្រហស្បតិ៍ ទី៤ មេសា — ភ្នំពេញ៖ ការបង្ហោះមួយដែលអះអាងថា អតីតសមាជិកគណបក្ស"
        "សង្គ្រោះជាតិ ៣០នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា ត្រូវបានលុបចេញវិញក្នុងរយៈពេលពីរម៉ោង ។"
    )
    assert _brief(deleted, date(2024, 4, 8)) == []
    # "a page wrote that I, X, and 40 activists joined the CPP. This news is entirely false."
    mine = (
        "ម្សិលមិញ មានទំព័រហ្វេសប៊ុកមួយបានចែករំលែករូបថតខ្ញុំ ហើយសរសេរថា ខ្ញុំ ខៀវ សំណាង "
        "ព្រមទាំងសកម្មជន ៤០ នាក់ បានចូលគណបក្សប្រជាជនកម្ពុជា។ ព័ត៌មាននេះ មិនពិតទាំងស្រុង ❌"
    )
    assert _brief(mine, date(2024, 4, 8)) == []
    # "គ.ស.ជ." (the CNRP's initials, dotted) ends no sentence; "គ.ប.ក" is the CPP
    initials = (
        "កាលពីថ្ងៃសៅរ៍ អតីតសកម្មជន គ.ស.ជ. ប្រមាណ ៦០ នាក់ នៅស្រុកកៀនស្វាយ "
        "បានមកចូលរួមជាមួយ គ.ប.ក 🇰🇭"
    )
    assert _brief(initials, date(2024, 4, 8)) == [(date(2024, 4, 6), 60, [CNRP], CPP)]
    # "សម្ព័ន្ធយុវជនគណបក្សX" (party X's youth federation) is no alliance of parties
    youth = (
        "កញ្ញា ស៊ាង ស្រីពេជ្រ ដែលជាអតីតអនុប្រធានសម្ព័ន្ធយុវជនគណបក្សភ្លើងទៀនខេត្តបាត់ដំបង "
        "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា កាលពីថ្ងៃព្រហស្បតិ៍។"
    )
    assert _brief(youth, date(2024, 4, 8)) == [(date(2024, 4, 4), 1, [CLP], CPP)]


def test_khmer_a_post_s_closing_day_after_its_place() -> None:
    # "📍 ឃុំ... ស្រុក... ខេត្ត... — ថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤" after the hashtags: the day of
    # the claim above, which gives none
    post = (
        "🎉 សូមស្វាគមន៍សមាជិកថ្មី 🎉\nសមាជិក ៦៥ នាក់ មកពីគណបក្សភ្លើងទៀន "
        "បានដាក់ពាក្យស្ម័គ្រចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា 🙏\n#គបក #សមាជិកថ្មី\n"
        "📍 ឃុំអូរស្វាយ ស្រុកជើងព្រៃ ខេត្តកំពង់ចាម — ថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤"
    )
    assert _brief(post, date(2024, 4, 9)) == [(date(2024, 4, 7), 65, [CLP], CPP)]


def test_khmer_months_that_followed_a_full_stop_after_initials_last_sunday_and_viewers() -> None:
    # "ក្នុងរយៈពេលប៉ុន្មានខែបន្ទាប់ ... ជាង ២០០ រូប បានចូលរួម..." (in the months that followed,
    # over 200 joined): many moves over a span, no one event
    following = (
        "តុលាការកំពូលបានរំលាយ គ.ស.ជ. នៅខែវិច្ឆិកា ឆ្នាំ២០១៧។ ក្នុងរយៈពេលប៉ុន្មានខែបន្ទាប់ "
        "អតីតសមាជិកក្រុមប្រឹក្សាឃុំ ជាង ២០០ រូប បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(following, date(2024, 4, 8)) == []
    # "... បានចូល គ.ប.ក.។ ..." (joined the CPP.): a full stop after the dotted initials ends
    # the sentence, whose parts the next one tells
    parts = (
        "ថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ — ខេត្តកំពង់ចាម៖ ជាង ៣០០ នាក់ បានចូល គ.ប.ក.។ "
        "តាមទំព័ររដ្ឋបាលខេត្ត អ្នកទាំងនោះ ២៨០ នាក់ មកពីគណបក្សភ្លើងទៀន និង ៣៥ នាក់ "
        "មកពីគណបក្សខ្មែររួបរួមជាតិ។"
    )
    assert [(n, f) for _, n, f, _ in _brief(parts, date(2024, 4, 8))] == [
        (280, [CLP]),
        (35, [KNUP]),
    ]
    # "កាលពីថ្ងៃអាទិត្យកន្លងទៅ" (last Sunday), written on a Sunday: a week back
    last_sunday = (
        "សមាជិកក្រុមប្រឹក្សាឃុំចំនួន ៣ រូប មកពីគណបក្សភ្លើងទៀន បានដាក់លិខិតលាលែងពីគណបក្សនោះ "
        "កាលពីថ្ងៃអាទិត្យកន្លងទៅ។"
    )
    assert _brief(last_sunday, date(2024, 4, 7)) == [(date(2024, 3, 31), 3, [CLP], None)]
    # "វីដេអូ ដែលមានអ្នកទស្សនាជាង ២.០០០ នាក់" (a video with over 2,000 viewers): an audience
    viewers = (
        "លោក ហួត វិសាល ប្រធានយុវជនគណបក្សភ្លើងទៀនខេត្តកំពត បានប្រកាសលាលែងពីគណបក្សកាលពីម្សិលមិញ "
        "តាមរយៈវីដេអូផ្សាយផ្ទាល់មួយ ដែលមានអ្នកទស្សនាជាង ២.០០០ នាក់។"
    )
    assert _brief(viewers, date(2024, 4, 8)) == [(date(2024, 4, 7), 1, [CLP], None)]


def test_khmer_a_party_attending_a_holiday_s_date_an_opening_date_line_and_lost_cards() -> None:
    # "សមាជិកគណបក្សចូលរួមប្រមាណ ៩០០ នាក់" (about 900 party members attended): no party named
    # "ចូលរួម"
    attending = (
        "កាលពីថ្ងៃព្រហស្បតិ៍ សកម្មជនគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ៤៨ នាក់ បានប្រកាសចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា ក្នុងពិធីមួយ ដែលមានសមាជិកគណបក្សចូលរួមប្រមាណ ៩០០ នាក់។"
    )
    assert _brief(attending, date(2024, 4, 8)) == [(date(2024, 4, 4), 48, ["FUNCINPEC"], CPP)]
    # "ខួបលើកទី ៤៥ នៃទិវាជ័យជម្នះ ៧ មករា" (the 45th anniversary of the 7 January victory day): a
    # holiday's name, not the day of the move the sentence gives before it
    holiday = (
        "នៅថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ ក្នុងឱកាសប្រារព្ធខួបលើកទី ៤៥ នៃទិវាជ័យជម្នះ ៧ មករា "
        "អ្នកគាំទ្របក្សប្រឆាំង ចំនួន ៦០ នាក់ បានប្រកាសចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(holiday, date(2024, 4, 8)) == [(date(2024, 4, 7), 60, [], CPP)]
    # a post's first line "🎉 កាលពីថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ 🎉": the day of the lines below
    # ("កាលពី", back on, is no place of a dateline)
    post = (
        "🎉 កាលពីថ្ងៃអាទិត្យ ទី៧ ខែមេសា ឆ្នាំ២០២៤ 🎉\n\nក្រុមការងារគណបក្សប្រជាជនកម្ពុជា "
        "ឃុំស្វាយ បានទទួលស្វាគមន៍ សកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៥៦ នាក់ "
        "ដែលបានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា 🏠"
    )
    assert _brief(post, date(2024, 4, 9)) == [(date(2024, 4, 7), 56, [CLP], CPP)]
    # "សមាជិកចាស់ ១៣០ នាក់ ដែលបាត់ប័ណ្ណ ឬប័ណ្ណហួសសុពល" (130 old members whose cards were lost
    # or had expired): new cards for members, no move
    cards = (
        "ក្នុងឱកាសនោះ សមាជិកចាស់ ១៣០ នាក់ ដែលបាត់ប័ណ្ណ ឬប័ណ្ណហួសសុពល បានទទួលប័ណ្ណសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជាថ្មី។"
    )
    assert _brief(cards, date(2024, 4, 8)) == []


def test_khmer_a_return_to_the_party_once_left_and_an_expected_crowd() -> None:
    # "អ្នកភូមិ ... ដែលធ្លាប់ចាកចេញពីគណបក្សA ទៅចូលគណបក្សB ... បានវិលត្រឡប់មកគណបក្សAវិញ" (villagers
    # who once left A for B came back to A): from B to A
    back = (
        "កាលពីម្សិលមិញ អ្នកភូមិជាង ១២០ នាក់ នៅឃុំស្វាយទាប ដែលធ្លាប់ចាកចេញពីគណបក្សប្រជាជនកម្ពុជា "
        "ទៅចូលគណបក្សភ្លើងទៀន មុនការបោះឆ្នោតឃុំសង្កាត់ បានវិលត្រឡប់មកគណបក្សប្រជាជនកម្ពុជាវិញ។"
    )
    assert _brief(back, date(2024, 4, 8)) == [(date(2024, 4, 7), 120, [CLP], CPP)]
    # "រំពឹងថានឹងមានសកម្មជន ... ប្រមាណ ៥០០ នាក់ មកចូលរួម" (expects some 500 activists to come and
    # join): a ceremony still to come
    expected = (
        "គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជា ស្រុកមង្គលបុរី នឹងរៀបចំពិធីទទួលសមាជិកថ្មី "
        "ដោយរំពឹងថានឹងមានសកម្មជនគណបក្សភ្លើងទៀន ប្រមាណ ៥០០ នាក់ មកចូលរួម។"
    )
    assert _brief(expected, date(2024, 4, 8)) == []


def test_khmer_dotted_initials_before_claims_that_are_who_says_it() -> None:
    # a headline's "គ.ប.ក. អះអាងថា ... ខណៈភ្លើងទៀនបដិសេធ" (the CPP claims ..., while the CLP
    # denies): the CPP says it, no party the 150 left
    title = "គ.ប.ក. អះអាងថា សមាជិកភ្លើងទៀន ១៥០ នាក់ ប្តូរគណបក្ស ខណៈភ្លើងទៀនបដិសេធ"
    text = (
        "ទំព័រហ្វេសប៊ុករបស់ គ.ប.ក. ខេត្តបានបង្ហោះថា នៅថ្ងៃអាទិត្យ ទី៧ ខែមេសា "
        "សមាជិកគណបក្សភ្លើងទៀនចំនួន ១៥០ នាក់ នៅស្រុកស្វាយអន្លង់ បានចូលជាសមាជិក គ.ប.ក.។"
    )
    claims = khmer_claims(text, date(2024, 4, 9), title)
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in claims] == [
        (date(2024, 4, 7), 150, [CLP], CPP)
    ]


def test_khmer_who_took_part_an_open_letter_no_member_has_to_leave_and_true_or_false() -> None:
    # "ដែលមានការចូលរួមជាង ១,៥០០ នាក់" (which over 1,500 took part in), "ដែលមានប្រជាពលរដ្ឋ
    # និងយុវជនចូលរួមជាង ៥,០០០ នាក់" (with over 5,000 citizens and youths taking part): the crowd
    crowd = (
        "នៅថ្ងៃទី៧ ខែមេសា ឆ្នាំ២០២៤ ក្នុងយុទ្ធនាការមួយ ដែលមានប្រជាពលរដ្ឋ និងយុវជនចូលរួមជាង "
        "៥,០០០ នាក់ អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ជាង ៧០ នាក់ បានប្រកាសចូលរួមជាមួយ"
        "គណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(crowd, date(2024, 4, 8)) == [(date(2024, 4, 7), 70, [CNRP], CPP)]
    # "លាលែងពីគណបក្សតាមរយៈលិខិតចំហ" (resigned from the party by an open letter): no party
    # named "តាមរយៈ..." (by ...)
    letter = (
        "លោក សេង ម៉ារ៉ាឌី អនុប្រធានគណបក្សខ្មែររួបរួមជាតិ ប្រចាំខណ្ឌសែនសុខ "
        "បានប្រកាសលាលែងពីគណបក្សតាមរយៈលិខិតចំហ កាលពីម្សិលមិញ។"
    )
    assert _brief(letter, date(2024, 4, 8)) == [(date(2024, 4, 7), 1, [KNUP], None)]
    # "គ្មានសមាជិកណាម្នាក់ត្រូវចាកចេញពីគណបក្ស" (no member has to leave the party): no one did
    none = (
        "អ្នកនាំពាក្យគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន បានបញ្ជាក់ថា «នេះមិនមែនជាការរួមបញ្ចូលគណបក្សទេ "
        "ហើយគ្មានសមាជិកណាម្នាក់ត្រូវចាកចេញពីគណបក្សរបស់ខ្លួនដែរ»។"
    )
    assert _brief(none, date(2024, 4, 8)) == []
    # a fact check headed "ពិតឬមិនពិត៖ ..." (true or false: ...): the claim it checks is no claim
    title = "ពិតឬមិនពិត៖ វីដេអូ «សមាជិកភ្លើងទៀន ៣.០០០ នាក់ ចូល គបក» មិនមែនជាព្រឹត្តិការណ៍ថ្មីទេ"
    text = (
        "ការអះអាង៖ វីដេអូមួយ អះអាងថា «សមាជិកគណបក្សភ្លើងទៀន ៣.០០០ នាក់ ទើបតែចូល"
        "គណបក្សប្រជាជនកម្ពុជា»។"
    )
    assert khmer_claims(text, date(2024, 4, 8), title) == []


def test_khmer_i_and_she_the_sheets_the_whole_year_and_together() -> None:
    # "ខ្ញុំបាទ X ... បានលាឈប់ពីគណបក្សX" (I, X, ... resigned from party X): one person, the writer
    i_quit = (
        "ខ្ញុំបាទ ម៉ៅ សុខា អនុប្រធានសាខាភូមិ សូមជម្រាបថា កាលពីថ្ងៃទី២ ខែឧសភា ខ្ញុំបានលាឈប់ពី"
        "គណបក្សខ្មែររួបរួមជាតិ ហើយបានចូលជាសមាជិកគណបក្សភ្លើងទៀន។"
    )
    assert _brief(i_quit, date(2024, 5, 6)) == [(date(2024, 5, 2), 1, [KNUP], CLP)]
    # "នាងបានដាក់លិខិតលាឈប់ពីគណបក្សX" (she handed in a letter resigning from party X): one
    she_quit = (
        "កាលពីថ្ងៃអង្គារ នាងបានដាក់លិខិតលាឈប់ពីគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន ហើយបានចុះឈ្មោះ"
        "ជាសមាជិកគណបក្សភ្លើងទៀន។"
    )
    assert _brief(she_quit, date(2024, 5, 6)) == [(date(2024, 4, 30), 1, [GDP], CLP)]
    # "ពាក្យសុំចូលជាសមាជិកចំនួន ២០០ សន្លឹក" (200 sheets of application forms): paper, no people
    forms = (
        "ក្រុមការងារបានចែកពាក្យសុំចូលជាសមាជិកចំនួន ២០០ សន្លឹក ដល់ប្រជាពលរដ្ឋក្នុងភូមិ "
        "ដើម្បីយកទៅពិចារណា។"
    )
    assert _brief(forms, date(2024, 5, 6)) == []
    # "ពេញមួយឆ្នាំ២០២៣ ... សរុប" (throughout 2023 ... in all): a year's tally, no event
    year = (
        "មន្ត្រីគណបក្សបានឱ្យដឹងថា ពេញមួយឆ្នាំ២០២៣ ខេត្តតាកែវទទួលបានសមាជិកថ្មីពីគណបក្សភ្លើងទៀន"
        "សរុបប្រមាណ ១៥.០០០ នាក់។"
    )
    assert _brief(year, date(2024, 5, 6)) == []
    # "គិតចាប់ពីក្រោយការបោះឆ្នោត ... មក" (counting from after the election): a tally too
    since = (
        "លោកអភិបាលរងបាននិយាយថា គិតចាប់ពីក្រោយការបោះឆ្នោតមក ស្រុកនេះបានទទួលសមាជិកថ្មីពី"
        "គណបក្សភ្លើងទៀន សរុប ៣.៤០០ នាក់។"
    )
    assert _brief(since, date(2024, 5, 6)) == []
    # "លាលែងពីគណបក្សព្រមៗគ្នា" (resigned from the party together): no party named "ព្រមៗគ្នា"
    together = (
        "សមាជិកគណបក្សខ្មែររួបរួមជាតិ ១៤ នាក់ នៅខេត្តកំពត បានលាលែងពីគណបក្សព្រមៗគ្នា "
        "កាលពីថ្ងៃទី៤ ខែឧសភា។"
    )
    assert _brief(together, date(2024, 5, 6)) == [(date(2024, 5, 4), 14, [KNUP], None)]


def test_khmer_a_withdrawn_post_a_dissolved_party_and_a_list_of_names() -> None:
    # "បានបង្ហោះថា ... ប៉ុន្តែបានដកការបង្ហោះនោះវិញ" (posted that ..., but withdrew that post)
    withdrawn = (
        "ទំព័រ គបក ឃុំមួយ បានបង្ហោះថា សមាជិកគណបក្សភ្លើងទៀន ៣៥០ នាក់ បានចូល គបក "
        "ប៉ុន្តែទំព័រនោះបានដកការបង្ហោះនោះវិញនៅព្រឹកបន្ទាប់។"
    )
    assert _brief(withdrawn, date(2024, 5, 6)) == []
    # "...គណបក្សសង្គ្រោះជាតិ ដែលត្រូវបានរំលាយកាលពីឆ្នាំ២០១៧" (the CNRP, dissolved in 2017): the
    # party's end, not the move, which the post's first line dates
    dissolved = (
        "📅 ម្សិលមិញ ថ្ងៃអាទិត្យ\n\nអតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ដែលត្រូវបានរំលាយកាលពីឆ្នាំ២០១៧ "
        "ចំនួនបីរយនាក់ បានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(dissolved, date(2024, 5, 6)) == [(date(2024, 5, 5), 300, [CNRP], CPP)]
    # "ដែលមានឈ្មោះខាងក្រោមនេះ ... ដោយមានការស្វាគមន៍ពីលោក X" (whose names are below ..., welcomed
    # by Mr X) and a numbered list: as many as it names, the host not among them
    listed = (
        "កាលពីថ្ងៃទី៣ ខែឧសភា បងប្អូនសកម្មជនគណបក្សភ្លើងទៀន ដែលមានឈ្មោះខាងក្រោមនេះ "
        "បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា ដោយមានការស្វាគមន៍ពីលោក ជា សុផល មេឃុំ៖\n"
        "១. លោក កែវ សារុន អាយុ ៤៥ ឆ្នាំ\n"
        "២. លោកស្រី សុខ ម៉ាលី អាយុ ៣៨ ឆ្នាំ\n"
        "៣. លោក ហេង វិបុល អាយុ ៥១ ឆ្នាំ"
    )
    assert _brief(listed, date(2024, 5, 6)) == [(date(2024, 5, 3), 3, [CLP], CPP)]


def test_khmer_a_list_of_ceremonies_that_received_counts_of_people() -> None:
    # a district's list of ceremonies: "ទទួលបងប្អូនចំនួន ៧៥ នាក់ ដែលមកពីគណបក្សA" (received 75
    # brothers and sisters from party A), "ទទួល ៤០ គ្រួសារ" (received 40 families); the party
    # that receives them is the one the post names
    text = (
        "ក្រុមការងារចុះជួយស្រុកកោះអណ្តែត បានរៀបចំពិធីទទួលសមាជិកថ្មីជាច្រើនលើក ដូចខាងក្រោម៖\n\n"
        "១. ថ្ងៃអង្គារ ទី៣០ ខែមេសា – ឃុំក្រពុំឈ្ងុំ៖ ទទួលបងប្អូនចំនួន ៧៥ នាក់ "
        "ដែលមកពីគណបក្សខ្មែររួបរួមជាតិ។\n\n"
        "២. ថ្ងៃព្រហស្បតិ៍ ទី២ ខែឧសភា – ឃុំពេជ្រសារ៖ ទទួល ៤០ គ្រួសារ ដែលធ្លាប់គាំទ្រគណបក្សភ្លើងទៀន។\n\n"
        "សូមស្វាគមន៍មកកាន់គណបក្សប្រជាជនកម្ពុជា 🇰🇭"
    )
    assert _brief(text, date(2024, 5, 6)) == [
        (date(2024, 4, 30), 75, [KNUP], CPP),
        (date(2024, 5, 2), 40, [CLP], CPP),
    ]


def test_khmer_tags_closing_days_list_rows_and_a_correction_in_one_sentence() -> None:
    # a post's tags ("#ស្វាគមន៍សមាជិកថ្មី #២៣កក្កដា") are no sentence, so no second claim
    tags = (
        "ព្រឹកនេះ សមាជិកគណបក្សភ្លើងទៀន ចំនួន ៦៥ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "#គណបក្សប្រជាជនកម្ពុជា #ស្វាគមន៍សមាជិកថ្មី #ភ្លើងទៀន #២៣កក្កដា"
    )
    assert _brief(tags, date(2024, 5, 6)) == [(date(2024, 5, 6), 65, [CLP], CPP)]
    # "ថ្ងៃនេះ" (today) in a post whose closing line, a place and its day, is a day before it
    # was published, with who signs it after
    closing = (
        "នៅថ្ងៃនេះ ក្រុមការងារបានទទួលសមាជិកគណបក្សខ្មែររួបរួមជាតិ ចំនួន ៣៨ នាក់ "
        "ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\nបាទី, ថ្ងៃអាទិត្យ ទី៥ ខែឧសភា ឆ្នាំ២០២៤\n"
        "ផ្នែកផ្សព្វផ្សាយ ក្រុមការងារស្រុក"
    )
    assert _brief(closing, date(2024, 5, 6)) == [(date(2024, 5, 5), 38, [KNUP], CPP)]
    # the day alone on its line after the claim, then the place and the tags
    pinned = (
        "សូមស្វាគមន៍ បងប្អូនអតីតសមាជិកគណបក្សភ្លើងទៀន ចំនួន ២៩ នាក់ "
        "ដែលបានសម្រេចចិត្តចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n📅 ០៤/០៥/២០២៤\n"
        "📍 សាលាឃុំព្រែកអំពិល\n\n#CPP"
    )
    assert _brief(pinned, date(2024, 5, 6)) == [(date(2024, 5, 4), 29, [CLP], CPP)]
    # a log's row "២) អង្គារ ៣០/០៤ | ...": the weekday and the day before the place
    row = (
        "របាយការណ៍ប្រចាំសប្តាហ៍\n\n២) អង្គារ ៣០/០៤ | កំពត | ទំព័រ គបក ស្រុក៖ សមាជិកគណបក្ស"
        "ភ្លើងទៀន ៤៤ នាក់ បានចូល គបក។"
    )
    assert _brief(row, date(2024, 5, 6)) == [(date(2024, 4, 30), 44, [CLP], CPP)]
    # "តួលេខត្រឹមត្រូវ គឺ ៩០ នាក់ មិនមែន ៩០០ នាក់ទេ" (the correct figure is 90, not 900)
    fixed = (
        "ទំព័រ គបក ស្រុកកំពង់សៀម បានបង្ហោះកាលពីថ្ងៃសៅរ៍ថា សមាជិកគណបក្សភ្លើងទៀន ៩០០ នាក់ "
        "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា នៅថ្ងៃដដែល។\n\nប៉ុន្តែនៅថ្ងៃអាទិត្យ ទំព័រនោះបានកែសម្រួល"
        "ការបង្ហោះ ដោយសរសេរថា តួលេខត្រឹមត្រូវ គឺ ៩០ នាក់ មិនមែន ៩០០ នាក់ទេ។"
    )
    assert _brief(fixed, date(2024, 5, 6)) == [(date(2024, 5, 4), 90, [CLP], CPP)]


def test_khmer_at_that_time_the_royalist_party_and_its_own_members() -> None:
    # an interview's "ចម្លើយ៖ ពេលនោះ ..." (A: at that time ...) after a question about 2017
    interview = (
        "លោក សុខ ដារ៉ា ធ្លាប់ជាអនុប្រធានគណបក្សភ្លើងទៀនប្រចាំខេត្តតាកែវ។ កាលពីថ្ងៃទី២ ខែឧសភា "
        "លោកបានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "សំណួរ៖ នៅឆ្នាំ២០១៧ តើលោកបានធ្វើអ្វី?\n"
        "ចម្លើយ៖ ពេលនោះ មិត្តរួមការងាររបស់ខ្ញុំ ៩ នាក់ បានចូល គបក ភ្លាមៗ។"
    )
    title = "បទសម្ភាសន៍៖ អតីតអនុប្រធានភ្លើងទៀនខេត្តតាកែវ ពន្យល់ពីមូលហេតុចូលគណបក្សប្រជាជន"
    assert [
        (p.date, p.number, p.from_parties, p.to_party)
        for p in khmer_claims(interview, date(2024, 5, 6), title)
    ] == [(date(2024, 5, 2), 1, [CLP], CPP)]
    # "គណបក្សរាជានិយម" (the royalist party) is FUNCINPEC described, no party of its own
    royal = (
        "លោកស្រី ចាន់ សុភា សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀន បានចូលជាសមាជិក"
        "គណបក្សហ្វ៊ុនស៊ិនប៉ិច កាលពីថ្ងៃអាទិត្យ នៅទីស្នាក់ការខេត្តរបស់គណបក្សរាជានិយម។"
    )
    assert _brief(royal, date(2024, 5, 6)) == [(date(2024, 5, 5), 1, [CLP], "FUNCINPEC")]
    # "គណបក្សX បានបង្ហោះរូបថត ... ដោយអះអាងថា ... បានចូលជាសមាជិករបស់ខ្លួន" (party X posted photos,
    # claiming that ... joined as its members): X is the party joined
    posted = (
        "កាលពីថ្ងៃសៅរ៍ គណបក្សខ្មែររួបរួមជាតិ បានបង្ហោះរូបថតនៅលើហ្វេសប៊ុក ដោយអះអាងថា "
        "សមាជិកគណបក្សភ្លើងទៀនចំនួន ៣១ នាក់ បានចូលជាសមាជិករបស់ខ្លួន។"
    )
    assert _brief(posted, date(2024, 5, 6)) == [(date(2024, 5, 4), 31, [CLP], KNUP)]
    # a FUNCINPEC committee's release: the party joined is the one it names besides those left
    release = (
        "គណបក្សហ្វ៊ុនស៊ិនប៉ិច\nគណៈកម្មាធិការខេត្តកំពត\n\n"
        "នៅថ្ងៃសៅរ៍ ទី៤ ខែឧសភា ឆ្នាំ២០២៤ គណៈកម្មាធិការខេត្តបានរៀបចំពិធីទទួលសមាជិកថ្មីចំនួន ៥០ នាក់ "
        "ដែលក្នុងនោះ ៣៥ នាក់ ជាអតីតសមាជិកគណបក្សភ្លើងទៀន និង ១៥ នាក់ ជាអតីតសមាជិកគណបក្សខ្មែររួបរួមជាតិ។"
    )
    assert _brief(release, date(2024, 5, 6)) == [
        (date(2024, 5, 4), 35, [CLP], "FUNCINPEC"),
        (date(2024, 5, 4), 15, [KNUP], "FUNCINPEC"),
    ]


def test_khmer_lines_with_their_own_days_a_mistaken_post_and_a_list_of_candidates() -> None:
    # a week's list, each commune's line with its own day: one claim a line, not one a party
    week = (
        "ក្នុងសប្តាហ៍នេះ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយស្រុកឈូក បានទទួលសមាជិកថ្មី "
        "នៅតាមឃុំដូចខាងក្រោម៖\n\n"
        "🔹 ឃុំដំបូកខ្ពស់ (ថ្ងៃអង្គារ ទី៣០)៖ ២៤ នាក់ មកពីគណបក្សភ្លើងទៀន\n"
        "🔹 ឃុំច្រេស (ថ្ងៃព្រហស្បតិ៍ ទី២)៖ ៤១ នាក់ មកពីគណបក្សភ្លើងទៀន"
    )
    assert _brief(week, date(2024, 5, 6)) == [
        (date(2024, 4, 30), 24, [CLP], CPP),
        (date(2024, 5, 2), 41, [CLP], CPP),
    ]
    # "ការបង្ហោះរបស់ទំព័រយើង ... ដែលសរសេរថា «...» គឺមានកំហុស" (our page's post which wrote
    # "..." was mistaken), they were old members "ជំនួសប័ណ្ណចាស់" (replacing old cards)
    mistaken = (
        "ការបង្ហោះរបស់ទំព័រយើង កាលពីម្សិលមិញ ដែលសរសេរថា «បងប្អូនចំនួន ២០០ នាក់ មកពីគណបក្សភ្លើងទៀន "
        "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា» គឺមានកំហុសឆ្គង។\n\n"
        "តាមពិត អ្នកទាំងនោះ គឺជាសមាជិកចាស់ដែលបានមកទទួលប័ណ្ណសមាជិកថ្មី ជំនួសប័ណ្ណចាស់ដែលខូច។"
    )
    assert _brief(mistaken, date(2024, 5, 6)) == []
    # "ក្នុងបញ្ជីបេក្ខជនរបស់គណបក្សX" (on party X's list of candidates): the party he left, when
    # the next sentence tells only that he took another party's card
    candidate = (
        "កាលពីឆ្នាំមុន លោក សុខ វិបុល បានជាប់ឆ្នោតជាសមាជិកក្រុមប្រឹក្សាឃុំ ក្នុងបញ្ជីបេក្ខជនរបស់"
        "គណបក្សខ្មែររួបរួមជាតិ។ កាលពីថ្ងៃសុក្រ លោកបានឡើងលើវេទិកា ហើយទទួលប័ណ្ណសមាជិក"
        "គណបក្សប្រជាជនកម្ពុជា ពីដៃអភិបាលរងខេត្ត។"
    )
    assert _brief(candidate, date(2024, 5, 6)) == [(date(2024, 5, 3), 1, [KNUP], CPP)]


def test_khmer_a_dateline_in_brackets_counts_in_words_and_photo_captions() -> None:
    # "ខេត្ត (៤ ឧសភា ២០២៤)៖ ព្រឹកនេះ ..." (place (4 May 2024): this morning ...): the dateline's day
    dateline = (
        "កំពត (៤ ឧសភា ២០២៤)៖ ព្រឹកនេះ សមាជិកគណបក្សខ្មែររួបរួមជាតិ ចំនួន ៣៣ នាក់ "
        "បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(dateline, date(2024, 5, 6)) == [(date(2024, 5, 4), 33, [KNUP], CPP)]
    # "ពិធីទទួលសមាជិកថ្មី មកពីគណបក្សX ចំនួនមួយរយ..." (a ceremony receiving new members from
    # party X, one hundred ...): the party before the count, the count in words
    words = (
        "ម្សិលមិញ គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាស្រុក បានរៀបចំពិធីទទួលសមាជិកថ្មី មកពី"
        "គណបក្សភ្លើងទៀន ចំនួនមួយរយសែសិបនាក់ មកពីឃុំចំនួនពីរ។"
    )
    assert _brief(words, date(2024, 5, 6)) == [(date(2024, 5, 5), 140, [CLP], CPP)]
    # photo captions: "សុន្ទរកថាស្វាគមន៍" (a welcome speech) welcomes nobody, and the new
    # members' representative is one of them
    captions = (
        "ព្រឹកនេះ ក្រុមការងារបានរៀបចំពិធីទទួលសមាជិកថ្មី ចំនួន ៩០ នាក់ មកពីគណបក្សភ្លើងទៀន "
        "ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "រូបទី១៖ ឯកឧត្តមប្រធានក្រុមការងារ ថ្លែងសុន្ទរកថាស្វាគមន៍ នៅចំពោះមុខប្រជាពលរដ្ឋជាង ៥០០ នាក់។\n\n"
        "រូបទី២៖ តំណាងសមាជិកថ្មី លោក កែវ ដារ៉ា អតីតប្រធានសាខាភ្លើងទៀនឃុំ "
        "អានលិខិតប្រកាសចាកចេញពីគណបក្សចាស់។"
    )
    assert _brief(captions, date(2024, 5, 6)) == [(date(2024, 5, 6), 90, [CLP], CPP)]


def test_khmer_totals_of_families_advice_and_a_new_generation_of_cards() -> None:
    # a list of villages' families, then "➡️ សរុបទាំងអស់ ៥២ គ្រួសារ" (in all, 52 families)
    families = (
        "កាលពីថ្ងៃសៅរ៍ ទី៤ ខែឧសភា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយឃុំ "
        "បានទទួលស្វាគមន៍អតីតសកម្មជនគណបក្សភ្លើងទៀន មកពីភូមិដូចខាងក្រោម៖\n\n"
        "១. ភូមិត្រពាំងរុន ចំនួន ២០ គ្រួសារ\n"
        "២. ភូមិព្រៃខ្លា ចំនួន ៣២ គ្រួសារ\n\n"
        "➡️ សរុបទាំងអស់ ៥២ គ្រួសារ។"
    )
    assert _brief(families, date(2024, 5, 6)) == [(date(2024, 5, 4), 52, [CLP], CPP)]
    # "កំពុងពិចារណាថា តើគួរប្តូរ..." (are considering whether they should switch) and "គួរតែ
    # លាលែង" (should resign): nobody moved
    considering = (
        "កំពត៖ សមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀនចំនួន ១២ រូប នៅស្រុកឈូក កំពុងពិចារណាថា "
        "តើគួរប្តូរទៅគណបក្សផ្សេងឬយ៉ាងណា ក្រោយពីគណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត (គជប) "
        "បានប្រកាសកាលពីថ្ងៃសុក្រ ថា មិនចុះបញ្ជីគណបក្សភ្លើងទៀន។"
    )
    assert _brief(considering, date(2024, 5, 6)) == []
    should = (
        "មេឃុំ លោក ហេង សុខា មកពីគណបក្សប្រជាជនកម្ពុជា បាននិយាយថា នាងមានសិទ្ធិជ្រើសរើសគណបក្ស "
        "ប៉ុន្តែនាងគួរតែលាលែងពីតំណែងជំទប់ ព្រោះនាងជាប់ឆ្នោតក្រោមឈ្មោះគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(should, date(2024, 5, 6)) == []
    # "ប័ណ្ណសមាជិក ... ជំនាន់ថ្មី" (the new generation of membership cards) for old members
    cards = (
        "សមាជិក ៩០០ នាក់ ទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា ជំនាន់ថ្មី នៅសាលាស្រុក "
        "កាលពីថ្ងៃសៅរ៍។"
    )
    assert _brief(cards, date(2024, 5, 6)) == []


def test_khmer_he_left_and_joined_a_total_then_its_parts_and_standing_for_a_party() -> None:
    # "លោកបានចាកចេញពីគណបក្សA ហើយចូលជាសមាជិកគណបក្សB" (he left A and joined B): one person
    he = (
        "កាលពីថ្ងៃព្រហស្បតិ៍ ទី២ ខែឧសភា លោកបានចាកចេញពីគណបក្សភ្លើងទៀន "
        "ហើយចូលជាសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច។"
    )
    assert _brief(he, date(2024, 5, 6)) == [(date(2024, 5, 2), 1, [CLP], "FUNCINPEC")]
    # "ពិធីទទួលសមាជិកថ្មី ចំនួនសរុប ១៥០ នាក់" (a ceremony receiving 150 new members in all),
    # then "among them, 110 from A and 40 from B": a claim per party
    parts = (
        "កាលពីថ្ងៃអាទិត្យ ទី៥ ខែឧសភា ឆ្នាំ២០២៤ ឯកឧត្តមប្រធានក្រុមការងារ បានអញ្ជើញជាអធិបតីក្នុង"
        "ពិធីទទួលសមាជិកថ្មី ចំនួនសរុប ១៥០ នាក់។\n\n"
        "ក្នុងចំណោមសមាជិកថ្មីទាំងនេះ មកពីគណបក្សភ្លើងទៀន ចំនួន ១១០ នាក់ និងមកពីគណបក្សខ្មែររួបរួមជាតិ "
        "ចំនួន ៤០ នាក់។\n\n#CPP"
    )
    assert _brief(parts, date(2024, 5, 6)) == [
        (date(2024, 5, 5), 110, [CLP], CPP),
        (date(2024, 5, 5), 40, [KNUP], CPP),
    ]
    # a headline's "ចាកចេញពីគណបក្សA ទៅឈរឈ្មោះឲ្យគណបក្សB" (left A to stand for B): B joined;
    # "គណបក្សម្ខាងទៀត" (the other party) names no party
    title = "មេភូមិម្នាក់ ចាកចេញពីគណបក្សកាន់អំណាច ទៅឈរឈ្មោះឲ្យគណបក្សភ្លើងទៀន"
    text = "គណបក្សទាំងពីរ បានអះអាងថាបានទទួលសមាជិកមកពីគណបក្សម្ខាងទៀត។"
    assert [
        (p.number, p.from_parties, p.to_party) for p in khmer_claims(text, date(2024, 5, 6), title)
    ] == [(1, [CPP], CLP)]


def test_khmer_a_monitors_name_a_procession_a_couple_and_she_resigned() -> None:
    # a monitor named "សម្ព័ន្ធឃ្លាំមើល..." (a monitoring coalition) is no alliance of parties:
    # its log's lines still tell claims
    log = (
        "សម្ព័ន្ធឃ្លាំមើលការបោះឆ្នោត ប្រមូលការអះអាងជាសាធារណៈ អំពីការផ្លាស់ប្តូរគណបក្ស។\n\n"
        "២ ឧសភា — ខេត្តតាកែវ៖ ទំព័រ គបក ស្រុកបាទី អះអាងថា សមាជិកគណបក្សភ្លើងទៀន ៧៧ នាក់ "
        "បានចូលគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(log, date(2024, 5, 6)) == [(date(2024, 5, 2), 77, [CLP], CPP)]
    # "ចូលរួមក្នុងក្បួនដង្ហែយុទ្ធនាការ" (took part in a campaign procession): a crowd, no move
    procession = (
        "ព្រឹកថ្ងៃនេះ ប្រជាពលរដ្ឋជាង ៣ ០០០ នាក់ បានចូលរួមក្នុងក្បួនដង្ហែយុទ្ធនាការ "
        "របស់គណបក្សប្រជាជនកម្ពុជា នៅក្រុងតាខ្មៅ។"
    )
    assert _brief(procession, date(2024, 5, 6)) == []
    # a headline's "ប្តីប្រពន្ធ" (husband and wife): two people
    title = "ប្តីប្រពន្ធនៅកំពត ចាកចេញពីគណបក្សកាន់អំណាច ទៅចូលគណបក្សភ្លើងទៀន"
    text = "កាលពីថ្ងៃអាទិត្យ អ្នកទាំងពីរ បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សនោះរួមគ្នា។"
    assert [
        (p.number, p.from_parties, p.to_party) for p in khmer_claims(text, date(2024, 5, 6), title)
    ] == [(2, [CPP], CLP)]
    # "លោកស្រីបានដាក់លិខិតលាលែងពីសមាជិកភាពគណបក្សX" (she handed in a letter resigning from
    # party X): one person
    she = "កាលពីថ្ងៃសុក្រ លោកស្រីបានដាក់លិខិតលាលែងពីសមាជិកភាពគណបក្សភ្លើងទៀន និងពីតំណែងក្រុមប្រឹក្សាឃុំ។"
    assert _brief(she, date(2024, 5, 6)) == [(date(2024, 5, 3), 1, [CLP], None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "she had served as the CPP's village group leader ... On Monday she went to the
        # Candlelight office and filled in a form to join": the party she served, told before
        (
            "តាកែវ៖ អ្នកស្រី ម៉ៅ សុភី អាយុ ៤៧ ឆ្នាំ ធ្លាប់ធ្វើជាអនុប្រធានក្រុមគណបក្សប្រជាជនកម្ពុជា "
            "ប្រចាំភូមិអស់រយៈពេល ៩ ឆ្នាំ។\n\nកាលពីថ្ងៃច័ន្ទ អ្នកស្រីបានទៅស្នាក់ការគណបក្សភ្លើងទៀន "
            "ហើយបានបំពេញពាក្យសុំចូលជាសមាជិកគណបក្សភ្លើងទៀន។",
            [(date(2024, 5, 6), 1, [CPP], CLP)],
        ),
        # "Mrs X has sold noodles ... On Thursday she shut her noodle shop for the morning to go and sign up as a member of
        # the GDP. She had been a CPP activist in the village.": one woman, her party after
        (
            "កំពត៖ អ្នកស្រី ហេង ធារី អាយុ ៤១ ឆ្នាំ លក់គុយទាវនៅផ្សារកំពតអស់ ១០ ឆ្នាំ។ "
            "កាលពីថ្ងៃព្រហស្បតិ៍ អ្នកស្រីបានបិទហាងគុយទាវមួយព្រឹក ដើម្បីទៅចុះឈ្មោះចូលជាសមាជិក"
            "គណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន។ អ្នកស្រីធ្លាប់ជាសកម្មជនគណបក្សប្រជាជនកម្ពុជាក្នុងភូមិ។",
            [(date(2024, 5, 9), 1, [CPP], GDP)],
        ),
        # "900 members of the CLP received new membership cards": existing members, no move
        (
            "សមាជិកគណបក្សភ្លើងទៀនចំនួន ៩០០ នាក់ ទទួលបានប័ណ្ណសមាជិកថ្មី នៅស្រុកបាទី។",
            [],
        ),
        # "... more than 800 had left the opposition and joined the ruling party. ¶ A villager,
        # Mrs X, said she is a former CLP member": her own past, not the group's
        (
            "គេហទំព័រមួយបានរាយការណ៍ថា មនុស្សជាង ៨០០នាក់ បានចាកចេញពីគណបក្សប្រឆាំង "
            "ហើយចូលរួមជាមួយគណបក្សកាន់អំណាច កាលពីថ្ងៃអាទិត្យ។\n\nលោកស្រី ឈិន ស្រីពៅ "
            "អ្នកភូមិម្នាក់ បានប្រាប់ថា គាត់ជាអតីតសមាជិកគណបក្សភ្លើងទៀន។",
            [(date(2024, 5, 5), 800, [], CPP)],
        ),
    ],
)
def test_a_woman_told_of_a_past_she_served_and_cards_for_members(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a rumour that I will lead more than 200 activists to join the CPP": a plan told of
        (
            "មានអ្នកផ្សព្វផ្សាយថា ខ្ញុំបាទនឹងដឹកនាំសកម្មជនជាង ២០០ នាក់ ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
            "នៅចុងខែនេះ។",
            [],
        ),
        # "the ceremony to welcome about 80 CLP activists ... set for Sunday has been postponed"
        (
            "ពិធីទទួលស្វាគមន៍អតីតសកម្មជនគណបក្សភ្លើងទៀន ប្រមាណ ៨០ នាក់ មកចូលរួមជាមួយគណបក្សប្រជាជន"
            "កម្ពុជា ដែលគ្រោងនឹងប្រារព្ធធ្វើនៅព្រឹកថ្ងៃអាទិត្យ ស្អែកនេះ ត្រូវបានពន្យារពេល "
            "ដោយសារភ្លៀងធ្លាក់ខ្លាំង។",
            [],
        ),
        # "the figure is 215, not more than 150 as first reported": the one claim, corrected
        (
            "សកម្មជនគណបក្សភ្លើងទៀនជាង ១៥០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅព្រឹកនេះ។\n\n"
            "បច្ចុប្បន្នភាព៖ តួលេខផ្លូវការ គឺ ២១៥ នាក់ មិនមែនជាង ១៥០ នាក់ ដូចដែលបានរាយការណ៍ពីដំបូងទេ។",
            [(date(2024, 5, 10), 215, [CLP], CPP)],
        ),
        # "counting from 1 January to 30 April, the party received 1,870 new members": a tally
        (
            "ពិធីនេះទទួលស្វាគមន៍អតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៧០នាក់ កាលពីថ្ងៃអង្គារ។\n\n"
            "គិតចាប់ពីថ្ងៃទី១ ខែមករា ដល់ថ្ងៃទី៣០ ខែមេសា ឆ្នាំ២០២៤ គណបក្សបានទទួលសមាជិកថ្មីសរុបចំនួន "
            "១.៨៧០នាក់ ដែលមកពីគណបក្សនយោបាយផ្សេងៗ។",
            [(date(2024, 5, 7), 70, [CLP], None)],
        ),
        # a bulletin's verbless line: "day — place — 64 people — from party A to party B"
        (
            "០៧/០៥/២០២៤ (អង្គារ) — កំពត ស្រុកឈូក — ៦៤នាក់ — ពីគណបក្សភ្លើងទៀន ទៅគណបក្សប្រជាជនកម្ពុជា "
            "— ប្រភព៖ ទំព័រស្រុក",
            [(date(2024, 5, 7), 64, [CLP], CPP)],
        ),
        # "among the former CLP members were 3 former councillors who resigned from their posts
        # early in the year": their posts, no party left
        (
            "កាលពីថ្ងៃអង្គារ គណបក្សប្រជាជនកម្ពុជាបានទទួលស្វាគមន៍អតីតសមាជិកគណបក្សភ្លើងទៀន ចំនួន "
            "៩០នាក់។ ក្នុងចំណោមអតីតសមាជិកគណបក្សភ្លើងទៀន មានអតីតសមាជិកក្រុមប្រឹក្សាឃុំចំនួន ៣រូប "
            "ដែលបានលាឈប់ពីតំណែងកាលពីដើមឆ្នាំ។",
            [(date(2024, 5, 7), 90, [CLP], CPP)],
        ),
        # a notice whose sentence a list of names interrupts: "On Monday 6 May 2024, 2
        # councillors ..., namely: - A - B ¶ handed in letters leaving the CLP and joined the
        # CPP"
        (
            "កាលពីថ្ងៃច័ន្ទ ទី៦ ខែឧសភា ឆ្នាំ២០២៤ សមាជិកក្រុមប្រឹក្សាឃុំចំនួន ០២រូប គឺ៖\n"
            "- លោក ហេង វុទ្ធី\n- លោកស្រី ចាន់ សុភា\n"
            "បានដាក់លិខិតលាឈប់ពីគណបក្សភ្លើងទៀន ហើយបានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 6), 2, [CLP], CPP)],
        ),
        # "organised a ceremony to welcome former CLP members, about 30 to 40 families"
        (
            "នាព្រឹកថ្ងៃពុធ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជាចុះជួយស្រុកឈូក បានរៀបចំពិធីទទួលស្វាគមន៍ "
            "អតីតសមាជិកគណបក្សភ្លើងទៀន ប្រមាណពី ៣០ ទៅ ៤០គ្រួសារ។",
            [(date(2024, 5, 8), 30, [CLP], CPP)],
        ),
        # "a few hours later the page edited the post, stating the figure clearly as 264"
        (
            "ទំព័ររដ្ឋបាលស្រុកបានបង្ហោះកាលពីថ្ងៃព្រហស្បតិ៍ថា អតីតសកម្មជនគណបក្សភ្លើងទៀន «ជាង ២០០នាក់» "
            "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\nប៉ុន្មានម៉ោងក្រោយមក ទំព័រដដែលបានកែសម្រួលការបង្ហោះ"
            "នោះ ដោយបញ្ជាក់តួលេខច្បាស់ថា ២៦៤នាក់។",
            [(date(2024, 5, 9), 264, [CLP], CPP)],
        ),
    ],
)
def test_plans_postponements_corrections_tallies_and_notices(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_the_day_of_an_election_with_its_mandate_is_no_day_of_the_move() -> None:
    # "two months after the fifth-mandate commune election on 5 June 2022, a councillor
    # elected for the CLP handed in a letter leaving the party"
    text = (
        "ពីរខែក្រោយការបោះឆ្នោតឃុំ សង្កាត់ អាណត្តិទី៥ នាថ្ងៃទី៥ ខែមិថុនា ឆ្នាំ២០២២ "
        "សមាជិកក្រុមប្រឹក្សាសង្កាត់ម្នាក់ ដែលជាប់ឆ្នោតពីគណបក្សភ្លើងទៀន "
        "បានដាក់លិខិតលាលែងពីសមាជិកភាពគណបក្ស។"
    )
    assert _brief(text, date(2022, 8, 10)) == [(date(2022, 8, 10), 1, [CLP], None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a monitor's rows: "day | place | from party A to party B | count | source"; a row
        # with no count given; a row whose post its page deleted
        (
            "១. ០៦/០៥/២០២៤ | ខេត្តកំពត ស្រុកឈូក | ពីគណបក្សភ្លើងទៀន ទៅគណបក្សប្រជាជនកម្ពុជា | ៧៥ នាក់ "
            "| ប្រភព៖ ទំព័រស្រុក\n"
            "២. ០៨/០៥/២០២៤ | ខេត្តតាកែវ | ពីគណបក្សភ្លើងទៀន ទៅគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន | "
            "មិនបញ្ជាក់ចំនួន | ប្រភព៖ ទំព័រគណបក្ស\n"
            "៣. ០៩/០៥/២០២៤ | ខេត្តកែប | ការផ្សាយអះអាងថា សមាជិកគណបក្សភ្លើងទៀន ៣០០ នាក់ "
            "ចូលគណបក្សប្រជាជនកម្ពុជា | កំណត់សម្គាល់៖ ការផ្សាយនេះ ត្រូវបានទំព័រដើមលុបចោលវិញ",
            [(date(2024, 5, 6), 75, [CLP], CPP), (date(2024, 5, 8), None, [CLP], GDP)],
        ),
        # "... the actual number of new members who received cards this morning is 188"
        (
            "ព្រឹកនេះ សមាជិកគណបក្សភ្លើងទៀនជាង ១៥០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "ព័ត៌មានបន្ថែម៖ យោងតាមបញ្ជីឈ្មោះចុងក្រោយ ចំនួនសមាជិកថ្មីពិតប្រាកដ "
            "ដែលបានទទួលប័ណ្ណសមាជិកនៅព្រឹកនេះ គឺ ១៨៨ នាក់។",
            [(date(2024, 5, 10), 188, [CLP], CPP)],
        ),
        # "... the final figure of those who became new members this morning is 121"
        (
            "ព្រឹកនេះ សមាជិកគណបក្សភ្លើងទៀនជាង ១០០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "បច្ចុប្បន្នភាព៖ តួលេខចុងក្រោយនៃបងប្អូនដែលបានចូលជាសមាជិកថ្មីនៅព្រឹកនេះ គឺ ១២១នាក់។",
            [(date(2024, 5, 10), 121, [CLP], CPP)],
        ),
        # "X, who left the CPP in 2015, came back to this party on Wednesday after resigning
        # from the CLP"
        (
            "លោក ហ៊ុយ វណ្ណា អតីតមេឃុំ ដែលបានចាកចេញពីគណបក្សប្រជាជនកម្ពុជា កាលពីឆ្នាំ២០១៥ "
            "បានវិលត្រឡប់មកគណបក្សនេះវិញ កាលពីថ្ងៃពុធ ក្រោយពីបានដាក់លិខិតលាឈប់ពីគណបក្សភ្លើងទៀន។",
            [(date(2024, 5, 8), 1, [CLP], CPP)],
        ),
        # "at a meeting attended by over 2,000 CPP members, 64 former CLP activists received
        # CPP cards": those who came to watch are not those who moved
        (
            "កាលពីថ្ងៃអាទិត្យ ក្នុងពិធីប្រជុំមួយ ដែលមានសមាជិក សមាជិកាគណបក្សប្រជាជនកម្ពុជាចូលរួមជាង "
            "២,០០០នាក់ អតីតសកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៦៤នាក់ បានឡើងទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 5), 64, [CLP], CPP)],
        ),
        # "Mr X, a CLP commune chief, joined the CPP yesterday together with 30 CLP activists
        # who are his supporters": thirty-one
        (
            "លោក សុខ ពិសិដ្ឋ មេឃុំមកពីគណបក្សភ្លើងទៀន បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីម្សិលមិញ រួមជាមួយសកម្មជនគណបក្សភ្លើងទៀន ដែលជាអ្នកគាំទ្ររបស់លោក ចំនួន ៣០នាក់។",
            [(date(2024, 5, 9), 31, [CLP], CPP)],
        ),
    ],
)
def test_bulletin_rows_final_figures_speakers_and_crowds(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_does_not_mean_that_they_switch_is_no_act() -> None:
    # "taking part does not mean that they switch party": a denial, no verb of an act
    assert claim_verbs("ការចូលរួមនេះ មិនមានន័យថា ពួកគេប្តូរគណបក្សនោះទេ។") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in the first three weeks of 2024 the province received over 300 activists from
        # other parties": a tally, no event
        (
            "កាលពីថ្ងៃចន្ទ សកម្មជនគណបក្សភ្លើងទៀនចំនួន ៤២ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។ "
            "លោកបានបញ្ជាក់ថា ក្នុងរយៈពេល ៣សប្តាហ៍ដំបូងនៃឆ្នាំ២០២៤ ខេត្តកំពតបានទទួលសកម្មជនមកពី"
            "គណបក្សផ្សេងៗ សរុបជាង ៣០០នាក់ហើយ។",
            [(date(2024, 5, 6), 42, [CLP], CPP)],
        ),
        # "at a meeting at his house which about 25 activists attended": who came, not who moved
        (
            "លោក ហួត វិសាល អតីតមេឃុំមកពីគណបក្សសង្គ្រោះជាតិ បានចូលរួមជាមួយគណបក្សភ្លើងទៀនជាផ្លូវការ "
            "កាលពីថ្ងៃសុក្រ នៅក្នុងជំនួបមួយនៅផ្ទះរបស់លោក ដែលមានសកម្មជនចូលរួមប្រមាណ ២៥នាក់។",
            [(date(2024, 5, 10), 1, [CNRP], CLP)],
        ),
        # "... came home to the CPP at a ceremony attended by H.E. X and about 150 officials":
        # the guest of honour is no mover
        (
            "កាលពីថ្ងៃសៅរ៍ លោក ជា សុវណ្ណ អតីតបេក្ខជនរបស់គណបក្សភ្លើងទៀន បានវិលត្រឡប់មកផ្ទះវិញ "
            "គឺគណបក្សប្រជាជនកម្ពុជា ក្នុងពិធីមួយដែលមានការអញ្ជើញចូលរួមពី ឯកឧត្តម ម៉ៅ ធារី "
            "ប្រធានក្រុមការងារ ព្រមទាំងមន្ត្រី និងសមាជិកគណបក្សប្រមាណ ១៥០នាក់។",
            [(date(2024, 5, 4), 1, [CLP], CPP)],
        ),
        # "... signed an application to join FUNCINPEC, welcomed by H.E. X and about 60 party
        # officials": who welcomed him
        (
            "កាលពីម្សិលមិញ លោក ឡុង វិចិត្រ អតីតអនុប្រធានគណបក្សភ្លើងទៀនខេត្តកំពត "
            "បានចុះហត្ថលេខាលើលិខិតស្នើសុំ ចូលជាសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិចជាផ្លូវការ "
            "ដោយមានការទទួលស្វាគមន៍ពី ឯកឧត្តម ទេព សុខា និងមន្ត្រីគណបក្សប្រមាណ ៦០នាក់។",
            [(date(2024, 5, 9), 1, [CLP], "FUNCINPEC")],
        ),
        # "... applied to join and were recognised officially as members of the CPP"
        (
            "នៅថ្ងៃទី៨ ខែឧសភា ឆ្នាំ២០២៤ ក្រុមការងារបានរៀបចំពិធីទទួលសមាជិកថ្មី ដែលក្នុងនោះ "
            "អតីតសមាជិកគណបក្សភ្លើងទៀនចំនួន ៤៤នាក់ បានដាក់ពាក្យសុំចូល "
            "និងត្រូវបានទទួលស្គាល់ជាសមាជិកគណបក្សប្រជាជនកម្ពុជាជាផ្លូវការ។",
            [(date(2024, 5, 8), 44, [CLP], CPP)],
        ),
        # "X joined the CPP on 7 May after a land official told him his title would be
        # delayed": not a ceremony postponed
        (
            "លោក ទិត្យ សុផល ជំទប់ទី១ មកពីគណបក្សភ្លើងទៀន បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "នៅថ្ងៃទី៧ ខែឧសភា ឆ្នាំ២០២៤ បន្ទាប់ពីមន្ត្រីសុរិយោដីបានប្រាប់លោកថា "
            "ការចេញប្លង់ដីរបស់លោកនឹងត្រូវពន្យារពេល។",
            [(date(2024, 5, 7), 1, [CLP], CPP)],
        ),
    ],
)
def test_tallies_onlookers_hosts_and_recognition(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report pasted with its lines broken at spaces, the count on the next line
        (
            "កាលពីថ្ងៃសៅរ៍ ឯកឧត្តម អភិបាលរងខេត្ត បានចូលរួមក្នុងពិធីទទួលស្វាគមន៍សមាជិកគណបក្សភ្លើងទៀន ប្រមាណ\n"
            "៤០នាក់ មកពីឃុំ ២ ដែលបានស្ម័គ្រចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 4), 40, [CLP], CPP)],
        ),
        # "33 CLP members applied to join the CPP, but not yet approved"
        (
            "សមាជិកគណបក្សភ្លើងទៀនចំនួន ៣៣នាក់ បានដាក់ពាក្យស្នើសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីដើមសប្តាហ៍នេះ។ ពាក្យស្នើសុំទាំងអស់ នៅមិនទាន់ត្រូវបានអនុម័តនៅឡើយទេ។",
            [],
        ),
        # a weekly list whose columns a dash separates: "day - place - count - left - joined"
        (
            "កាលបរិច្ឆេទ - ខេត្ត - ចំនួន - ចាកចេញពី - ចូលជាមួយ - ប្រភព\n"
            "០៦/០៥/២០២៤ - កំពត - ៧២នាក់ - គណបក្សភ្លើងទៀន - គណបក្សប្រជាជនកម្ពុជា - ទំព័រស្រុក\n"
            "០៨/០៥/២០២៤ - កែប - ១១នាក់ - គណបក្សភ្លើងទៀន - គណបក្សហ្វ៊ុនស៊ិនប៉ិច - ទំព័រគណបក្ស",
            [(date(2024, 5, 6), 72, [CLP], CPP), (date(2024, 5, 8), 11, [CLP], "FUNCINPEC")],
        ),
    ],
)
def test_wrapped_lines_families_applications_and_dashed_lists(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_families_with_their_people_and_who_looked_on() -> None:
    # "families numbering 52, 160 people in all ..., in the presence of over 900 people": the
    # people are the count; who looked on is none
    text = (
        "បងប្អូនប្រជាពលរដ្ឋ គ្រួសារចំនួន ៥២ សរុប ១៦០នាក់ បានប្រគល់ប័ណ្ណសមាជិកគណបក្សភ្លើងទៀន "
        "ក្រោមវត្តមានមន្ត្រី និងប្រជាពលរដ្ឋ ជាង ៩០០នាក់។"
    )
    assert [c.value for c in person_counts(text)] == [160]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "... received a CPP card on Monday, with about 25 party officials taking part": those
        # who came to look on are no count
        (
            "លោក ស៊ុំ វណ្ណា អតីតអនុប្រធានគណបក្សភ្លើងទៀនខេត្តកំពត បានទទួលប័ណ្ណសមាជិកគណបក្ស"
            "ប្រជាជនកម្ពុជា កាលពីថ្ងៃចន្ទ នៅទីស្នាក់ការគណបក្សក្រុង ដោយមានមន្ត្រីគណបក្សប្រមាណ ២៥នាក់ចូលរួម។",
            [(date(2024, 5, 6), 1, [CLP], CPP)],
        ),
    ],
)
def test_officials_looking_on_and_never_thinking_of_leaving(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_never_thought_of_leaving_is_no_act() -> None:
    # '"I have never thought of leaving the CLP"': a denial, no verb of an act
    assert claim_verbs("«ខ្ញុំមិនដែលគិតចាកចេញពីគណបក្សភ្លើងទៀនទេ។") == []


def test_a_title_before_an_office_names_no_one() -> None:
    # "ឯកឧត្តម អភិបាលរងខេត្ត" (H.E. the deputy provincial governor): a title and an office, no
    # name to propose as one who moved; "ឯកឧត្តម ហេង សុវណ្ណ ប្រធានក្រុមការងារ" names H.E. Heng Sovann
    assert people_named("កាលពីថ្ងៃសៅរ៍ ឯកឧត្តម អភិបាលរងខេត្ត បានចូលរួមក្នុងពិធី") == []
    assert people_named("ឯកឧត្តម ហេង សុវណ្ណ ប្រធានក្រុមការងារ") == ["ឯកឧត្តម ហេង សុវណ្ណ"]


def test_a_page_deleting_its_post_whose_words_it_quotes() -> None:
    # "the item on this page yesterday evening which said «40 CLP activists join the CPP» has
    # been deleted": the page takes back its own claim
    text = (
        "ការផ្សាយនៅលើទំព័រនេះ កាលពីល្ងាចម្សិលមិញ ដែលសរសេរថា «សកម្មជនគណបក្សភ្លើងទៀន ៤០ នាក់ "
        "ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា» ត្រូវបានលុបចោលហើយ។"
    )
    assert _brief(text, date(2024, 5, 10)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a monitor's rows separated by dashes: "from party A to party B — 75 people", and "A's
        # activists and B's former activists to party C — 40"
        (
            "១. ថ្ងៃព្រហស្បតិ៍ ទី២ ខែឧសភា — ខេត្តកែប — ពីគណបក្សភ្លើងទៀន ទៅគណបក្សប្រជាជនកម្ពុជា — "
            "ចំនួន ៧៥ នាក់។\n\n"
            "២. ថ្ងៃសៅរ៍ ទី៤ ខែឧសភា — ខេត្តកំពត — សកម្មជនគណបក្សភ្លើងទៀន និងអតីតសកម្មជន"
            "គណបក្សសង្គ្រោះជាតិ ទៅគណបក្សប្រជាជនកម្ពុជា — ចំនួន ៤០ នាក់។",
            [(date(2024, 5, 2), 75, [CLP], CPP), (date(2024, 5, 4), 40, [CLP, CNRP], CPP)],
        ),
        # "among all 120 above, 100 are from A and 20 from B": the parts, each a claim
        (
            "កាលពីថ្ងៃសៅរ៍ សកម្មជនគណបក្សប្រឆាំងសរុប ១២០ នាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។ "
            "ក្នុងចំណោមអ្នកទាំង ១២០ នាក់ខាងលើ មាន ១០០ នាក់ មកពីគណបក្សភ្លើងទៀន និង ២០ នាក់ "
            "មកពីគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន។",
            [(date(2024, 5, 4), 100, [CLP], CPP), (date(2024, 5, 4), 20, [GDP], CPP)],
        ),
        # "on the next day, 30 more joined"
        (
            "កាលពីថ្ងៃសៅរ៍ សកម្មជនគណបក្សភ្លើងទៀន ៥០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "នៅថ្ងៃបន្ទាប់ សកម្មជនគណបក្សភ្លើងទៀន ៣០ នាក់ទៀត ក៏បានចូលរួមជាមួយគណបក្សដែរ។",
            [(date(2024, 5, 4), 50, [CLP], CPP), (date(2024, 5, 5), 30, [CLP], CPP)],
        ),
        # a month's list, a day on each line, then the total: each line on its own day
        (
            "ក្នុងខែឧសភានេះ ក្រុមការងារបានរៀបចំពិធីទទួលសមាជិកថ្មី ដូចខាងក្រោម៖\n"
            "១. ស្រុកកំពង់ត្រាច - ថ្ងៃព្រហស្បតិ៍ ទី២ ខែឧសភា៖ សកម្មជនគណបក្សភ្លើងទៀន ៣៣នាក់\n"
            "២. ស្រុកឈូក - ថ្ងៃអង្គារ ទី៧ ខែឧសភា៖ សកម្មជនគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន ១២នាក់\n"
            "សរុប៖ ៤៥នាក់ ដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 2), 33, [CLP], CPP), (date(2024, 5, 7), 12, [GDP], CPP)],
        ),
    ],
)
def test_dashed_rows_parts_above_next_days_and_lines_with_their_own_days(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_some_villagers_disputing_a_count_leave_the_claim() -> None:
    # "some villagers say they were never CLP members ... ¶ on that Saturday the CPP working
    # group announced that more than 300 CLP activists applied to join the CPP"
    text = (
        "ប្រជាពលរដ្ឋមួយចំនួននៅស្រុកឈូក បាននិយាយថា ពួកគេមិនដែលជាសមាជិកគណបក្សភ្លើងទៀនទេ។\n\n"
        "កាលពីថ្ងៃសៅរ៍ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានប្រកាសថា សកម្មជនគណបក្សភ្លើងទៀនជាង "
        "៣០០ នាក់ បានដាក់ពាក្យចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(text, date(2024, 5, 10)) == [(date(2024, 5, 4), 300, [CLP], CPP)]


def test_a_news_bulletin_s_hour_is_no_day_of_the_event() -> None:
    # "the morning news programme, broadcast at 6 on Friday morning 10 May ... The first news
    # this morning: 80 CLP activists joined the CPP ... ¶ Yesterday afternoon ... 80 ..."
    text = (
        "នេះគឺជាកម្មវិធីព័ត៌មានពេលព្រឹក នៅម៉ោង ៦ ព្រឹកថ្ងៃសុក្រ ទី១០ ខែឧសភា ឆ្នាំ២០២៤។ "
        "ព័ត៌មានដំបូងនៅព្រឹកនេះ៖ សកម្មជនគណបក្សភ្លើងទៀន ចំនួន ៨០ នាក់ នៅស្រុកឈូក "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "កាលពីរសៀលម្សិលមិញ ក្រុមការងារបានរៀបចំពិធីទទួលស្វាគមន៍សកម្មជនគណបក្សភ្លើងទៀនចំនួន "
        "៨០ នាក់ ចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(text, date(2024, 5, 10)) == [(date(2024, 5, 9), 80, [CLP], CPP)]


def test_he_and_his_group_counted_with_him() -> None:
    # "a former CLP councillor who joined the CPP on the 4th of this month ... ¶ On the 4th he
    # and his group, 30 people in all, counting him, received CPP cards": his move, 30
    text = (
        "អតីតសមាជិកក្រុមប្រឹក្សាឃុំមកពីគណបក្សភ្លើងទៀនម្នាក់ ដែលបានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "កាលពីថ្ងៃទី៤ ខែនេះ បាននិយាយថា លោកសម្រេចចិត្តដោយខ្លួនឯង។\n\n"
        "កាលពីថ្ងៃទី៤ លោក និងក្រុមរបស់លោកសរុប ៣០ នាក់ រាប់ទាំងលោកផង "
        "បានទទួលប័ណ្ណសមាជិកគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert _brief(text, date(2024, 5, 10)) == [(date(2024, 5, 4), 30, [CLP], CPP)]


def test_the_day_a_party_rejected_a_claim_is_not_the_day_of_the_move() -> None:
    # "the CLP rejected on Wednesday the CPP's claim that 150 of its members joined the CPP ¶
    # the CPP page posted that the ceremony was held on Saturday the 4th ¶ a CLP official said
    # no more than 10 of them had been members"
    text = (
        "គណបក្សភ្លើងទៀន បានច្រានចោលនៅថ្ងៃពុធនេះ នូវការអះអាងរបស់ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា "
        "ដែលថា សមាជិករបស់ខ្លួន ជាង ១៥០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "ទំព័រហ្វេសប៊ុករបស់ក្រុមការងារ បានបង្ហោះថា ពិធីទទួលស្វាគមន៍សមាជិកថ្មី បានធ្វើឡើងនៅថ្ងៃសៅរ៍ "
        "ទី៤ ខែឧសភា។\n\n"
        "ប៉ុន្តែ មន្ត្រីគណបក្សភ្លើងទៀនម្នាក់ បានប្រាប់ថា ក្នុងចំណោមអ្នកទាំងនោះ មិនលើសពី ១០នាក់ទេ "
        "ដែលធ្លាប់ជាសមាជិករបស់គណបក្ស។"
    )
    assert _brief(text, date(2024, 5, 10)) == [(date(2024, 5, 4), 150, [CLP], CPP)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table whose "to" column is headed "ទៅគណបក្ស" (to party)
        (
            "កាលបរិច្ឆេទ | ទីកន្លែង | ចំនួន | ពីគណបក្ស | ទៅគណបក្ស\n"
            "០២/០៥/២០២៤ | ខេត្តកែប | ៤៤នាក់ | គណបក្សភ្លើងទៀន | គណបក្សប្រជាជនកម្ពុជា\n"
            "០៧/០៥/២០២៤ | ខេត្តកំពត | ១៨នាក់ | គណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន | គណបក្សប្រជាជនកម្ពុជា",
            [(date(2024, 5, 2), 44, [CLP], CPP), (date(2024, 5, 7), 18, [GDP], CPP)],
        ),
        # one man's card "with about 20 district party members taking part as witnesses"
        (
            "លោក កែវ សុផល អតីតប្រធានគណបក្សភ្លើងទៀនស្រុកឈូក កាលពីម្សិលមិញ បានទទួលប័ណ្ណសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា ដោយមានសមាជិកគណបក្សថ្នាក់ស្រុក ប្រមាណ ២០នាក់ ចូលរួមជាសាក្សី។",
            [(date(2024, 5, 9), 1, [CLP], CPP)],
        ),
        # "more than 90 ... ¶ More news: after checking the applications, the number of CLP
        # members who joined that morning comes to 104 in all": the checked count
        (
            "នៅព្រឹកថ្ងៃសៅរ៍ ទី៤ ខែឧសភា ឆ្នាំ២០២៤ សកម្មជនគណបក្សភ្លើងទៀន ជាង ៩០នាក់ "
            "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "ព័ត៌មានបន្ថែម៖ ក្រោយពីផ្ទៀងផ្ទាត់ពាក្យសុំរួច ចំនួនសមាជិកគណបក្សភ្លើងទៀន "
            "ដែលបានចូលរួមក្នុងពិធីព្រឹកនោះ មានចំនួនសរុប ១០៤នាក់។",
            [(date(2024, 5, 4), 104, [CLP], CPP)],
        ),
    ],
)
def test_to_party_columns_witnesses_and_counts_checked_later(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_an_update_s_official_list() -> None:
    # "on 4 May more than 80 CLP activists joined the CPP ¶ 🔄 Update: according to the
    # working group's official list, the number of activists who joined is 97"
    updated = (
        "📢 កែប៖ ថ្ងៃទី៤ ខែឧសភា ឆ្នាំ២០២៤ សកម្មជនគណបក្សភ្លើងទៀនជាង ៨០នាក់ "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "🔄 បច្ចុប្បន្នភាព៖ យោងតាមបញ្ជីផ្លូវការរបស់ក្រុមការងារ ចំនួនសកម្មជនដែលបានចូលរួមគឺ ៩៧នាក់។"
    )
    assert _brief(updated, date(2024, 5, 10)) == [(date(2024, 5, 4), 97, [CLP], CPP)]


def test_news_circulated_on_social_media_is_a_rumour() -> None:
    # "the CLP in Kep rejected yesterday news circulated on social media that its chief and
    # about 150 members had left to join the CPP": a rumour, denied
    rumour = (
        "កែប៖ គណបក្សភ្លើងទៀនខេត្តកែប បានច្រានចោលកាលពីម្សិលមិញ នូវព័ត៌មានដែលចែកចាយលើបណ្ដាញសង្គម "
        "ថា ប្រធានគណបក្សប្រចាំខេត្ត និងសមាជិកប្រមាណ ១៥០នាក់ បានចាកចេញទៅចូលគណបក្សប្រជាជនកម្ពុជា។"
    )
    assert not_a_claim(rumour) == "a rumour"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at a volleyball match in which 6 teams and over 150 youths took part, 23 youths who
        # were CLP members announced they were joining the CPP": who took part is no count
        (
            "កាលពីថ្ងៃទី៥ ខែឧសភា ក្នុងការប្រកួតបាល់ទះ ដែលមានក្រុមចូលរួមចំនួន ៦ ក្រុម "
            "និងយុវជនជាង ១៥០ នាក់ យុវជនដែលធ្លាប់ជាសមាជិកគណបក្សភ្លើងទៀនចំនួន ២៣ នាក់ "
            "បានប្រកាសចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 5), 23, [CLP], CPP)],
        ),
        # "the working group received CLP activists who joined the CPP in two communes ¶ on
        # Saturday, in Angkaol, 41 CLP activists announced they were joining, at a ceremony
        # about 250 people attended ...": the party the opening named
        (
            "ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានទទួលសកម្មជនគណបក្សភ្លើងទៀន ដែលស្ម័គ្រចិត្ត"
            "ចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា នៅឃុំចំនួន ២ ក្នុងខេត្តកែប។\n\n"
            "កាលពីថ្ងៃសៅរ៍ នៅឃុំអង្កោល សកម្មជនគណបក្សភ្លើងទៀនចំនួន ៤១នាក់ "
            "បានប្រកាសចូលរួមក្រោមអធិបតីភាព លោកអភិបាលរងខេត្ត ក្នុងពិធីដែលមានការចូលរួមពី"
            "ប្រជាពលរដ្ឋប្រមាណ ២៥០នាក់។\n\n"
            "ម្សិលមិញ ថ្ងៃអាទិត្យ នៅឃុំពងទឹក សកម្មជនគណបក្សភ្លើងទៀនចំនួន ១៩នាក់ទៀត "
            "បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 4), 41, [CLP], CPP), (date(2024, 5, 5), 19, [CLP], CPP)],
        ),
        # "... 30 CLP activists joined the CPP yesterday, while some other activists in Kep
        # city also resigned from the CLP, but have not yet decided on a party": two groups
        (
            "សកម្មជនគណបក្សភ្លើងទៀនចំនួន ៣០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីម្សិលមិញ។ ខណៈដែលសកម្មជនមួយចំនួនទៀតនៅក្រុងកែប ក៏បានប្រកាសលាឈប់ពី"
            "គណបក្សភ្លើងទៀន កាលពីម្សិលមិញដែរ ប៉ុន្តែមិនទាន់សម្រេចចិត្តចូលបក្សណាមួយនៅឡើយទេ។",
            [(date(2024, 5, 9), 30, [CLP], CPP), (date(2024, 5, 9), None, [CLP], None)],
        ),
        # "... speaking for the newcomers, Mr. X told the gathering that he himself decided to
        # join of his own free will": one of the group, telling why (a guard: the code before
        # read his "ចូលរួម" as taking part, and so proposed nothing either)
        (
            "កាលពីថ្ងៃទី៨ ខែឧសភា សកម្មជនគណបក្សភ្លើងទៀនចំនួន ៧៥នាក់ បានចូលរួមជាមួយ"
            "គណបក្សប្រជាជនកម្ពុជា។\n\nតំណាងឱ្យអ្នកចូលថ្មី លោក សុខ វណ្ណា បានប្រាប់អង្គពិធីថា "
            "ខ្លួនសម្រេចចិត្តចូលរួមដោយស្ម័គ្រចិត្ត។",
            [(date(2024, 5, 8), 75, [CLP], CPP)],
        ),
    ],
)
def test_who_took_part_announced_joining_some_others_and_one_of_the_group(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "... the chief said no member at all in Kampot district left the party": no one
        (
            "ប្រធានគណបក្សខេត្ត បានថ្លែងថា ក៏គ្មានសមាជិកណាម្នាក់ នៅស្រុកកំពត "
            "ចាកចេញពីគណបក្សភ្លើងទៀនដែរ។",
            [],
        ),
        # "organised a ceremony to receive new members, who came from: ✅ 33 former FUNCINPEC
        # members ✅ 12 former CNRP activists" (the host: the CPP's district committee)
        (
            "កាលពីថ្ងៃទី៤ ខែឧសភា គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាស្រុកកំពត "
            "បានរៀបចំពិធីទទួលសមាជិកថ្មី ដែលមកពី៖\n\n"
            "✅ អតីតសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិច ចំនួន ៣៣នាក់\n"
            "✅ អតីតសកម្មជនគណបក្សសង្គ្រោះជាតិ ចំនួន ១២នាក់",
            [(date(2024, 5, 4), 33, ["FUNCINPEC"], CPP), (date(2024, 5, 4), 12, [CNRP], CPP)],
        ),
        # "20 villagers, who had once joined the CPP last year, came back to the CLP on Sunday"
        (
            "ប្រជាពលរដ្ឋចំនួន ២០នាក់ នៅស្រុកកំពត ដែលធ្លាប់បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា "
            "កាលពីឆ្នាំមុន បានវិលត្រឡប់មកគណបក្សភ្លើងទៀនវិញ កាលពីថ្ងៃអាទិត្យ។",
            [(date(2024, 5, 5), 20, [CPP], CLP)],
        ),
        # a headline's "... return to the CLP, after joining the ruling party last year"
        (
            "អ្នកភូមិ ២០នាក់ នៅកំពត វិលត្រឡប់ទៅគណបក្សភ្លើងទៀនវិញ "
            "ក្រោយចូលគណបក្សប្រជាជនកម្ពុជាកាលពីឆ្នាំមុន",
            [(date(2024, 5, 10), 20, [CPP], CLP)],
        ),
        # "36 households (ខ្នងផ្ទះ) of CLP members", and "9 families (31 people)": the people
        (
            "ម្សិលមិញ សមាជិកគណបក្សភ្លើងទៀន ៣៦ខ្នងផ្ទះ នៅស្រុកកំពត "
            "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 9), 36, [CLP], CPP)],
        ),
        (
            "ម្សិលមិញ សមាជិកគណបក្សភ្លើងទៀន ចំនួន 9 គ្រួសារ (31 នាក់) "
            "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 9), 31, [CLP], CPP)],
        ),
    ],
)
def test_no_one_lists_after_a_ceremony_first_reports_returns_and_households(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "held welcoming ceremonies for new members, 2 times (លើក)": no count of people; "in
        # Kampot district, 80 former opposition activists ...": an event of its own that day
        (
            "កាលពីថ្ងៃសៅរ៍ ទី៤ ខែឧសភា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា "
            "បានរៀបចំពិធីទទួលស្វាគមន៍សមាជិកថ្មីចំនួន ២ លើក នៅស្រុកកំពត និងស្រុកទឹកឈូ។\n\n"
            "នៅស្រុកកំពត អតីតសកម្មជនបក្សប្រឆាំង ៨០នាក់ "
            "បានដាក់ពាក្យសុំចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "នៅស្រុកទឹកឈូ សមាជិកគណបក្សផ្សេងៗ ៥០នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 4), 80, [], CPP), (date(2024, 5, 4), 50, ["Unnamed Parties"], CPP)],
        ),
        # a letter, "Subject: request to resign from the post and from CLP membership", its
        # writer resigning in the first person: one person
        (
            "កម្មវត្ថុ៖ សំណើសុំលាលែងពីតួនាទី និងពីសមាជិកភាពគណបក្សភ្លើងទៀន\n\n"
            "ខ្ញុំបាទសូមលាលែងពីសមាជិកភាពគណបក្សភ្លើងទៀន ចាប់ពីថ្ងៃទី៨ ខែឧសភា ឆ្នាំ២០២៤ "
            "នេះតទៅ ដោយហេតុផលផ្ទាល់ខ្លួន។",
            [(date(2024, 5, 10), 1, [CLP], None)],
        ),
        # a decision: "having seen the applications of 27 persons who left the CLP and the
        # GDP ... Done at Kampot, 7 May 2024": both parties left, the day it was signed
        (
            "គណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជា ស្រុកកំពត\n\n"
            "- បានឃើញពាក្យស្នើសុំចូលជាសមាជិក របស់បុគ្គលចំនួន ២៧ នាក់ "
            "ដែលបានចាកចេញពីគណបក្សភ្លើងទៀន និងគណបក្សប្រជាធិបតេយ្យមូលដ្ឋាន\n\n"
            "ធ្វើនៅស្រុកកំពត ថ្ងៃទី០៧ ខែឧសភា ឆ្នាំ២០២៤",
            [(date(2024, 5, 7), 27, [CLP, GDP], CPP)],
        ),
        # "Mr. X, former CLP district chief, handed back his CLP card and joined the CPP": he
        # moved, no host handing cards
        (
            "ព្រឹកថ្ងៃទី៨ ខែឧសភា លោក ម៉ៅ សុខា អតីតប្រធានគណបក្សភ្លើងទៀនស្រុកកំពត "
            "បានប្រគល់ប័ណ្ណសមាជិកគណបក្សភ្លើងទៀន ហើយចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 8), 1, [CLP], CPP)],
        ),
    ],
)
def test_rounds_of_ceremonies_letters_decisions_and_cards_handed_back(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_who_says_it_with_their_place() -> None:
    # a headline, "ruling-party officials in Kampot say dozens of CLP members joined the party,
    # while the CLP says the number is unclear": the ruling party says it, the CLP disputes
    title = (
        "មន្ត្រីបក្សកាន់អំណាចនៅកំពតថា សមាជិកភ្លើងទៀនរាប់សិបនាក់ចូលបក្ស ខណៈភ្លើងទៀនថា"
        "ចំនួននោះមិនច្បាស់"
    )
    body = (
        "មន្ត្រីគណបក្សប្រជាជនកម្ពុជា និយាយថា សមាជិកគណបក្សភ្លើងទៀនចំនួន ៦០ នាក់ "
        "បានចូលរួមជាមួយគណបក្សរបស់លោក កាលពីថ្ងៃអាទិត្យ។"
    )
    got = khmer_claims(body, date(2024, 5, 10), title)
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in got] == [
        (date(2024, 5, 5), 60, [CLP], CPP)
    ]


def test_a_first_report_s_count_corrected_by_the_actual_number() -> None:
    # "the working group's first report showed 40 CLP members had applied to join. But after
    # the list was checked, the actual number is 44": the count the claim holds, corrected
    # (beside the headline's claim, which already holds 44)
    headline = Proposal(date(2024, 5, 4), "event", 44, "៤៤", [CLP], CPP, "...")
    claim = Proposal(date(2024, 5, 4), "event", 40, "៤០", [CLP], CPP, "...")
    sentences = split_sentences(
        "របាយការណ៍ដំបូងរបស់ក្រុមការងារ បានបង្ហាញថា មានសមាជិកគណបក្សភ្លើងទៀនចំនួន ៤០នាក់ "
        "ដែលបានដាក់ពាក្យសុំចូល។ ប៉ុន្តែក្រោយពីបានផ្ទៀងផ្ទាត់បញ្ជីឈ្មោះ ចំនួនពិតប្រាកដគឺ ៤៤នាក់។"
    )
    assert correct([headline, claim], sentences, date(2024, 5, 10)) == [claim]
    assert claim.number == 44


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "... is 58, not 50 as first published": the count corrected
        (
            "ម្សិលមិញ សមាជិកគណបក្សភ្លើងទៀនចំនួន ៥០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "កំណត់សម្គាល់៖ ចំនួនសមាជិកដែលបានចូលរួមកាលពីម្សិលមិញ គឺ ៥៨ នាក់ មិនមែន ៥០ នាក់ "
            "ដូចដែលបានចុះផ្សាយពីដំបូងឡើយ។",
            [(date(2024, 5, 9), 58, [CLP], CPP)],
        ),
        # "... is 44, not 40 as written above"
        (
            "ម្សិលមិញ សមាជិកគណបក្សភ្លើងទៀនចំនួន ៤០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
            "✏️ កែតម្រូវ៖ ចំនួនសមាជិកថ្មី គឺ ៤៤ នាក់ មិនមែន ៤០ នាក់ ដូចដែលបានសរសេរខាងលើនោះទេ។",
            [(date(2024, 5, 9), 44, [CLP], CPP)],
        ),
        # a visit with gifts and "new infrastructure" (ហេដ្ឋារចនាសម្ព័ន្ធ), no alliance; "about 30
        # people from various parties joined the CPP on that occasion"
        (
            "កែប៖ នាព្រឹកថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២៤ ក្រុមការងារគណបក្សប្រជាជនកម្ពុជា បានចុះសួរសុខទុក្ខ"
            "ប្រជាពលរដ្ឋ ដោយនាំយកនូវអំណោយ និងហេដ្ឋារចនាសម្ព័ន្ធថ្មី។\n\n"
            "ក្នុងឱកាសនោះដែរ ប្រជាពលរដ្ឋប្រហែល ៣០ នាក់ មកពីគណបក្សនយោបាយផ្សេងៗ "
            "បានស្ម័គ្រចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 5), 30, ["Unnamed Parties"], CPP)],
        ),
        # "Declaration ¶ I, named X, ... declare that from today I resign from the CLP and join
        # the CPP": the writer, one person
        (
            "សេចក្តីប្រកាស\n\nខ្ញុំបាទឈ្មោះ ហេង សុភា ជាសមាជិកក្រុមប្រឹក្សាឃុំ សូមប្រកាសជាសាធារណៈថា "
            "ចាប់ពីថ្ងៃនេះ ខ្ញុំបាទសុំលាលែងពីគណបក្សភ្លើងទៀន ហើយចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា។",
            [(date(2024, 5, 10), 1, [CLP], CPP)],
        ),
        # "it should be recalled that X left the CLP and joined the CPP in March with more than
        # 100 members": background to his appointment, no news
        (
            "លោក ហេង សុភា ត្រូវបានតែងតាំងជាទីប្រឹក្សាគណៈអភិបាលខេត្តកែប។\n\n"
            "គួររំលឹកថា លោក ហេង សុភា បានចាកចេញពីគណបក្សភ្លើងទៀន ហើយចូលរួមជាមួយគណបក្ស"
            "ប្រជាជនកម្ពុជា កាលពីខែមីនា ឆ្នាំ២០២៤ ជាមួយសមាជិកជាង ១០០ នាក់។",
            [],
        ),
        # "a ceremony welcoming new members who came from the CLP, nearly 90, and the GDP, 11"
        (
            "នាថ្ងៃទី៥ ខែឧសភា ឆ្នាំ២០២៤ ឯកឧត្តម ប្រធានគណៈកម្មាធិការគណបក្សប្រជាជនកម្ពុជាខេត្តកែប "
            "បានអញ្ជើញជាអធិបតីក្នុងពិធីទទួលស្វាគមន៍សមាជិកថ្មី ដែលមកពីគណបក្សភ្លើងទៀនជិត ៩០ នាក់ "
            "និងគណបក្សប្រជាធិបតេយ្យមូលដ្ឋានចំនួន ១១ នាក់។",
            [(date(2024, 5, 5), 90, [CLP], CPP), (date(2024, 5, 5), 11, [GDP], CPP)],
        ),
    ],
)
def test_first_published_counts_infrastructure_declarations_recalls_and_who_came_from(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_some_villagers_saying_they_never_joined_leave_the_claims_standing() -> None:
    # a headline "some villagers say they were never CLP members, though announced as joining
    # the ruling party" over a report that tells the claims and the doubt
    title = "ពលរដ្ឋខ្លះថា ពួកគេមិនដែលជាសមាជិកភ្លើងទៀនទេ ទោះគេប្រកាសថាពួកគេបានចូលគណបក្សកាន់អំណាច"
    body = (
        "នៅស្រុកកំពត ក្រុមការងារគណបក្សបានប្រកាសថា សមាជិកគណបក្សភ្លើងទៀនចំនួន ១២០ នាក់ "
        "បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា ក្នុងពិធីមួយកាលពីថ្ងៃសៅរ៍។\n\n"
        "ក្នុងចំណោមអ្នកភូមិ ៥ នាក់ ដែលយើងបានសម្ភាស ៣ នាក់ ថាពួកគេមិនដែលជាសមាជិកគណបក្សភ្លើងទៀនទេ។"
    )
    got = khmer_claims(body, date(2024, 5, 10), title)
    assert [(p.date, p.number, p.from_parties, p.to_party) for p in got] == [
        (date(2024, 5, 4), 120, [CLP], CPP)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "I, X, former FUNCINPEC district chief, and my wife have been FUNCINPEC members since
        # 1993. ¶ Today the two of us
        # decided to join the CPP": the party the writer named just before
        (
            "ខ្ញុំបាទ សុខ ផល អតីតប្រធានគណបក្សហ្វ៊ុនស៊ិនប៉ិចប្រចាំស្រុកកំពត និងភរិយាខ្ញុំ "
            "បានធ្វើជាសមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិចតាំងពីឆ្នាំ១៩៩៣ មក។\n"
            "ថ្ងៃនេះ យើងទាំងពីរនាក់ បានសម្រេចចិត្តចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជា ដោយស្ម័គ្រចិត្ត។",
            [(date(2024, 5, 10), 2, ["FUNCINPEC"], CPP)],
        ),
        # "... this morning the two of us joined the CPP. ¶ Before, we were CLP youth": the
        # party the next sentence says they were in
        (
            "ព្រឹកនេះ យើងខ្ញុំទាំងពីរនាក់ បានចូលជាសមាជិកគណបក្សប្រជាជនកម្ពុជាជាផ្លូវការហើយ។\n"
            "ពីមុនយើងជាយុវជនគណបក្សភ្លើងទៀន តាំងពីឆ្នាំ២០២២។",
            [(date(2024, 5, 10), 2, [CLP], CPP)],
        ),
        # a correction of the party: "we wrongly wrote that the 80 came from FUNCINPEC. In
        # fact, they came from the CLP"
        (
            "ម្សិលមិញ សមាជិកគណបក្សហ្វ៊ុនស៊ិនប៉ិចចំនួន ៨០ នាក់ បានដាក់ពាក្យសុំចូលជាសមាជិក"
            "គណបក្សប្រជាជនកម្ពុជា។\n"
            "✏️ កំណែតម្រូវ៖ យើងបានសរសេរខុសថា សមាជិកទាំង ៨០ នាក់ មកពីគណបក្សហ្វ៊ុនស៊ិនប៉ិច។ "
            "តាមពិត ពួកគាត់មកពីគណបក្សភ្លើងទៀន។",
            [(date(2024, 5, 9), 80, [CLP], CPP)],
        ),
    ],
)
def test_a_writer_s_party_before_or_after_and_a_corrected_party(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _brief(text, date(2024, 5, 10)) == expected


def test_really_left_the_party_and_only_some_of_the_group() -> None:
    lexicon = Lexicon(lexicon_from_data())
    # "... who really left the party": no party called "គណបក្សពិត"
    assert [m.name for m in lexicon.mentions("ដែលបានចាកចេញពីគណបក្សពិតមែន")] == []
    # "the CLP says only 4 of the 44 members ... really left": some of the group, disputed
    says = "ភ្លើងទៀនកំពតថា មានតែសមាជិក ៤ នាក់ ក្នុងចំណោម ៤៤ នាក់ ដែលបានចាកចេញពីគណបក្សពិតមែន"
    assert not_a_claim(says) == "a part of a group counted before"


def test_three_among_those_who_joined_as_posted_and_a_declaration_told_after() -> None:
    # "three activists among those who joined the CPP phoned him": some of the group
    some = (
        "លោកបានប្រាប់ RFA ថា សកម្មជន ៣ នាក់ ក្នុងចំណោមអ្នកដែលបានចូលគណបក្សប្រជាជន "
        "បានទូរស័ព្ទមកលោក។"
    )
    assert not_a_claim(some) == "a part of a group counted before"
    # "... is 75, not 60 as first posted"
    posted = (
        "ម្សិលមិញ សមាជិកគណបក្សភ្លើងទៀនចំនួន ៦០ នាក់ បានចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា។\n\n"
        "📝 កែតម្រូវ៖ ចំនួនសមាជិក គឺ ៧៥ នាក់ មិនមែន ៦០ នាក់ ដូចដែលបានបង្ហោះពីដំបូងនោះទេ។"
    )
    assert _brief(posted, date(2024, 5, 10)) == [(date(2024, 5, 9), 75, [CLP], CPP)]
    # "Declaration ¶ I, named X, a commune councillor from the CLP. ¶ ... I declare that I
    # resign from the CLP and join the CPP from today": the writer, one person
    declared = (
        "សេចក្តីប្រកាស\nខ្ញុំបាទឈ្មោះ ម៉ៅ សុខា ជាសមាជិកក្រុមប្រឹក្សាឃុំ មកពីគណបក្សភ្លើងទៀន។\n"
        "ខ្ញុំបាទសូមប្រកាសលាលែងពីគណបក្សភ្លើងទៀន ហើយចូលរួមជាមួយគណបក្សប្រជាជនកម្ពុជា "
        "ចាប់ពីថ្ងៃនេះតទៅ។"
    )
    assert _brief(declared, date(2024, 5, 10)) == [(date(2024, 5, 10), 1, [CLP], CPP)]
