"""The YAML fact files: the bundled ones validate, and schema errors name file and line."""

from __future__ import annotations

import pytest

from bot.errors import InputError
from bot.ingest.fact_files import parse_facts
from tests.conftest import DATA


@pytest.mark.parametrize(
    "name",
    ["sources.yaml", "parties.yaml", "people.yaml", "group_events.yaml", "disagreements.yaml"],
)
def test_bundled_fact_files_validate(name: str) -> None:
    parse_facts((DATA / name).read_text(), name)


def test_people_have_sources_and_spelling_variants() -> None:
    people = {p.key: p for p in parse_facts((DATA / "people.yaml").read_text(), "p").people}
    assert {a.name for a in people["kimsour-phirith"].aliases} == {"Kimsour Phearith"}
    assert {a.name for a in people["khuong-sreng"].aliases} == {"Khoung Sreng"}
    assert {a.name for a in people["sar-longdeth"].aliases} == {"Sarlong Det"}
    # Two spellings taken for one person: our inference, each with its reason.
    assert all(
        a.inferred and a.note
        for k in ("kimsour-phirith", "sar-longdeth")
        for a in people[k].aliases
    )
    assert all(e.source for p in people.values() for e in p.events)
    kinds = {e.kind for p in people.values() for e in p.events}
    assert {
        "defected",
        "resigned",
        "appointed",
        "fled",
        "arrested",
        "convicted",
        "released",
        "sentenced",
        "stated",
    } <= kinds


def test_parties_mark_non_party_and_unnamed_rows() -> None:
    parties = {p.key: p for p in parse_facts((DATA / "parties.yaml").read_text(), "p").parties}
    assert parties["political-analyst"].kind == "non_party"
    assert parties["unnamed"].kind == "unnamed"
    assert parties["cnrp"].dissolved == 2017


@pytest.mark.parametrize(
    ("yaml_text", "line", "fragment"),
    [
        (
            "people:\n  - key: a\n    name: A\n    events:\n"
            "      - {kind: fled, date: '2023-13', precision: day, summary: x, source: s}\n",
            5,
            "month must be in 1..12",
        ),
        (
            "people:\n  - key: a\n    name: A\n    events:\n"
            "      - {kind: vanished, date: '2023', precision: year, summary: x, source: s}\n",
            5,
            "people.0.events.0.kind",
        ),
        ("parties:\n  - key: x\n    name: X\n    kind: party\n    colour: red\n", 5, "colour"),
        ("parties:\n  - key: x\n    name: X\n", 2, "parties.0.kind: Field required"),
        ("sources: [unclosed\n", 2, "not valid YAML"),
        (
            "parties:\n  - {key: a, name: A, kind: party}\n  - {key: a, name: B, kind: party}\n",
            3,
            "appears twice",
        ),
        # What goes beyond the sources must say so.
        ("people:\n  - key: a\n    name: A\n    aliases: [B]\n", 4, "needs a source, or an origin"),
        (
            "people:\n  - key: a\n    name: A\n    roles:\n"
            "      - {title: t, source: s, inferred: true}\n",
            5,
            "inferred: true needs a note",
        ),
        (
            "people:\n  - key: a\n    name: A\n    events:\n"
            "      - {kind: fled, date: unknown, precision: year, summary: x, source: s}\n",
            5,
            "date: unknown goes with precision: unknown",
        ),
        (
            "people:\n  - key: a\n    name: A\n    events:\n"
            "      - {kind: fled, date: '2023', precision: year, summary: x, source: s,\n"
            "         reported_as: claim}\n",
            5,
            "reported_as: claim needs claimed_by",
        ),
        (
            "disagreements:\n  - key: d\n    topic: T\n    sides:\n      - {source: s, says: x}\n",
            5,
            "at least 2 items",
        ),
        (
            "parties:\n  - key: x\n    name: X\n    kind: party\n"
            "    aliases: [{name: Y, inferred: true, note: n}]\n",
            5,
            "a party alias keeps name, acronym and origin",
        ),
    ],
)
def test_schema_errors_point_at_the_line(yaml_text: str, line: int, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_facts(yaml_text, "f.yaml")
    problem = caught.value.problems[0]
    assert problem.path == "f.yaml"
    assert problem.line == line, str(problem)
    assert fragment in problem.message
