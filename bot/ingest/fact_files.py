"""The YAML fact files (sources, parties, people): schema and validated reading.

>>> text = "parties:\\n  - {key: clp, name: Candlelight Party, kind: party}\\n"
>>> facts = parse_facts(text, "p.yaml")
>>> facts.parties[0].name
'Candlelight Party'

The schema is documented in data/README.md; these models are its executable form. Errors come
back as :class:`bot.errors.InputError` naming the file and the line of the offending value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.periods import parse_partial_date
from bot.errors import InputError, Problem

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


class SourceFact(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    outlet: str
    title: str
    published: str
    published_precision: Precision
    kind: str
    description: str
    attribution_note: str | None = None
    claimant: str | None = None
    stated_total: int | None = Field(default=None, ge=0)
    seed_file: str | None = None
    url: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, v: Any) -> str:
        text = str(v)
        parse_partial_date(text)
        return text


class AliasFact(_Strict):
    name: str = Field(min_length=1)
    acronym: bool = False
    origin: str | None = None
    source: str | None = None


def _aliases(v: Any) -> Any:
    if isinstance(v, list):
        return [{"name": a} if isinstance(a, str) else a for a in v]
    return v


class PartyFact(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
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

    @field_validator("date", "sort_date", mode="before")
    @classmethod
    def _dates(cls, v: Any) -> str | None:
        if v is None:
            return None
        text = str(v)
        parse_partial_date(text)
        return text

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return parse_partial_date(self.date)

    @property
    def sort_key(self) -> dt.date:
        return parse_partial_date(self.sort_date)[0] if self.sort_date else self.span[0]


class PersonFact(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
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
    try:
        # Parsed once (what safe_load does, keeping the node for line numbers), with libyaml
        # when PyYAML has it: a 100,000-person file took minutes parsed twice in pure Python.
        loader = _YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
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
