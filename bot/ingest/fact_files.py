"""The YAML fact files (sources, parties, people): schema and validated reading.

>>> text = "parties:\\n  - {key: clp, name: Candlelight Party, kind: party}\\n"
>>> facts = parse_facts(text, "p.yaml")
>>> facts.parties[0].name
'Candlelight Party'

The schema is documented in data/README.md; these models are its executable form. Errors come
back as :class:`bot.errors.InputError` naming the file and the line of the offending value.

The bounds of :mod:`bot.core.bounds` hold here too: names in NFKC form without control
characters, no control character in any text but line breaks and tabs, dates from 1900 to
tomorrow in Phnom Penh. YAML ends a line at U+0085, U+2028 and U+2029 where editors show none,
so those are refused: line numbers stay the editor's, and a comment cannot hide a value.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.bounds import (
    FIRST_FACT_DAY,
    MAX_STATED_TOTAL,
    check_day,
    check_text,
    clean_name,
    shorten,
)
from bot.core.periods import parse_partial_date
from bot.errors import InputError, Problem
from bot.ingest.text_lines import line_at

Precision = Literal["day", "month", "year", "approximate"]
EventKind = Literal[
    "defected",
    "joined",
    "resigned",
    "appointed",
    "fled",
    "arrested",
    "convicted",
    "released",
    "sentenced",
    "stated",
    "other",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, v: Any) -> Any:
        return check_text(v, allow="\n\t") if isinstance(v, str) else v


def _fact_date(v: Any) -> str | None:
    """A date as the files write it (YYYY, YYYY-MM or YYYY-MM-DD), from 1900 to tomorrow."""
    if v is None:
        return None
    text = str(v)
    check_day(parse_partial_date(text)[0], first=FIRST_FACT_DAY)
    return text


# A name as stored and matched: NFKC, single spaces, no control characters.
Name = Annotated[str, Field(min_length=1), AfterValidator(clean_name)]
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)]


class SourceFact(_Strict):
    key: Key
    outlet: str
    title: str
    published: str
    published_precision: Precision
    kind: str = Field(max_length=50)
    description: str
    attribution_note: str | None = None
    claimant: str | None = None
    stated_total: int | None = Field(default=None, ge=0, le=MAX_STATED_TOTAL)
    seed_file: str | None = None
    url: str | None = None

    _published = field_validator("published", mode="before")(_fact_date)


class AliasFact(_Strict):
    name: Name
    acronym: bool = False
    origin: str | None = None
    source: str | None = None


def _aliases(v: Any) -> Any:
    if isinstance(v, list):
        return [{"name": a} if isinstance(a, str) else a for a in v]
    return v


class PartyFact(_Strict):
    key: Key
    name: Name
    kind: Literal["party", "unnamed", "non_party"]
    aliases: tuple[AliasFact, ...] = ()
    dissolved: int | None = Field(default=None, ge=1900, le=2100)
    note: str | None = None
    source: str | None = None

    _split_aliases = field_validator("aliases", mode="before")(_aliases)


class RoleFact(_Strict):
    title: str
    source: str
    party: str | None = None
    organization: str | None = None


class EventFact(_Strict):
    kind: EventKind
    date: str
    precision: Precision
    summary: str = Field(min_length=1)
    source: str
    claimed_by: str | None = None
    from_party: str | None = None
    to_party: str | None = None
    sort_date: str | None = None

    _dates = field_validator("date", "sort_date", mode="before")(_fact_date)

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return parse_partial_date(self.date)

    @property
    def sort_key(self) -> dt.date:
        return parse_partial_date(self.sort_date)[0] if self.sort_date else self.span[0]


class PersonFact(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)
    name: Name
    aliases: tuple[AliasFact, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    events: tuple[EventFact, ...] = ()

    _split_aliases = field_validator("aliases", mode="before")(_aliases)


class FactsFile(_Strict):
    sources: tuple[SourceFact, ...] = ()
    parties: tuple[PartyFact, ...] = ()
    people: tuple[PersonFact, ...] = ()


_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_facts(text: str, path: str) -> FactsFile:
    """Validate one YAML fact file; raise InputError with file:line problems."""
    text = text[1:] if text[:1] == "\ufeff" else text
    _refuse_yaml_line_breaks(text, path)
    try:
        # Parsed once (what safe_load does, keeping the node for line numbers), with libyaml
        # when PyYAML has it: a 100,000-person file took minutes parsed twice in pure Python.
        loader = _YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        raise InputError([_reader_problem(exc, text, path)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError([Problem(path, line, f"not valid YAML: {exc}")]) from exc
    if raw is None:
        return FactsFile()
    if not isinstance(raw, dict):
        raise InputError(
            [Problem(path, 1, "expected a mapping with sources:, parties: or people:")]
        )
    try:
        facts = FactsFile.model_validate(raw)
    except ValidationError as exc:
        raise InputError(
            [Problem(path, _line_of(node, err["loc"]), _describe(err)) for err in exc.errors()]
        ) from exc
    _check_unique_keys(facts, path, node)
    return facts


def _refuse_yaml_line_breaks(text: str, path: str) -> None:
    """InputError at the first U+0085, U+2028 or U+2029, which YAML reads as a line break."""
    if text.isascii():
        return
    found = [i for i in (text.find(c) for c in "\x85\u2028\u2029") if i >= 0]
    if found:
        at = min(found)
        raise InputError(
            [
                Problem(
                    path,
                    line_at(text, at),
                    f"U+{ord(text[at]):04X} ends a line for YAML but not in an editor: "
                    "use a plain line break, or a space",
                )
            ]
        )


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    """Where and what the character YAML refused is; libyaml counts UTF-8 bytes."""
    at = exc.position
    if _YAML_LOADER is not yaml.SafeLoader:
        at = len(text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore"))
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Problem(
        path,
        line_at(text, at),
        f"U+{ord(char):04X} is not allowed in a YAML file ({shorten(exc.reason)}): remove it",
    )


def _describe(err: Any) -> str:
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the composed YAML to the line it points at."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
            if found is None:
                break
            node = found
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _check_unique_keys(facts: FactsFile, path: str, node: yaml.Node | None) -> None:
    problems = []
    for section in ("sources", "parties", "people"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(facts, section)):
            if item.key in seen:
                problems.append(
                    Problem(
                        path,
                        _line_of(node, (section, i)),
                        f"{section}: key {item.key!r} appears twice",
                    )
                )
            seen.add(item.key)
    if problems:
        raise InputError(problems)
