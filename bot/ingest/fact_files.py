"""The YAML fact files (sources, parties, people): schema and validated reading.

>>> text = "parties:\\n  - {key: clp, name: Candlelight Party, kind: party}\\n"
>>> facts = parse_facts(text, "p.yaml")
>>> facts.parties[0].name
'Candlelight Party'
>>> event = EventFact(kind="fled", date="unknown", summary="Left", source="s", claimed_by="X")
>>> event.precision, event.reported_as, event.span
('unknown', 'claim', None)

The schema is documented in data/README.md; these models are its executable form. Errors come
back as :class:`bot.errors.InputError` naming the file and the line of the offending value.

The bounds of :mod:`bot.core.bounds` hold here too: names in NFKC form without control
characters, no control character in any text but line breaks and tabs, dates from 1900 to
tomorrow in Phnom Penh. YAML ends a line at U+0085, U+2028 and U+2029 where editors show none,
so those are refused: line numbers stay the editor's, and a comment cannot hide a value.

What a record says beyond its source is marked, so an answer can say so: an event the source
attributes to someone is ``reported_as: claim`` with ``claimed_by``; a date the source does not
give is ``unknown``; a spelling not in the sources has an ``origin``; a link we drew ourselves
(two spellings taken for one person, say) is ``inferred: true`` with a ``note``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.core.bounds import (
    FIRST_FACT_DAY,
    MAX_STATED_TOTAL,
    check_day,
    check_text,
    clean_name,
    shorten,
)
from bot.core.khmer import has_khmer_letters
from bot.core.periods import parse_partial_date
from bot.errors import InputError, Problem
from bot.ingest.text_lines import line_at

Precision = Literal["day", "month", "year", "approximate"]
# An event's date may be one the source does not give: ``date: unknown``, precision ``unknown``.
UNKNOWN = "unknown"
EventPrecision = Literal["day", "month", "year", "approximate", "unknown"]
ReportedAs = Literal["fact", "claim"]
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
    # Whether its table lists every report ("complete") or, in its author's words, a sample.
    coverage: Literal["complete", "sample"] | None = None
    coverage_note: str | None = None

    _published = field_validator("published", mode="before")(_fact_date)


class _Provenance(_Strict):
    """``inferred: true`` marks what we concluded and no source states; ``note`` says from what."""

    inferred: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _inference_explained(self) -> _Provenance:
        if self.inferred and not self.note:
            raise ValueError("inferred: true needs a note saying what we inferred, and from what")
        return self


class AliasFact(_Provenance):
    name: Name
    acronym: bool = False
    origin: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _khmer_says_where_from(self) -> AliasFact:
        # The first Khmer-script alias is the name answers show in Khmer
        # (bot/storage/khmer_names.py): its spelling must say where it comes from.
        if has_khmer_letters(self.name) and not (self.origin or self.source):
            raise ValueError(
                f"Khmer-script alias {self.name!r} needs an origin saying where its spelling "
                "comes from (and 'needs review' until a Khmer-speaking editor has checked it)"
            )
        return self


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

    @field_validator("aliases")
    @classmethod
    def _party_aliases(cls, aliases: tuple[AliasFact, ...]) -> tuple[AliasFact, ...]:
        if any(a.inferred or a.note for a in aliases):
            raise ValueError("a party alias keeps name, acronym and origin; say more in the note")
        return aliases


class RoleFact(_Provenance):
    title: str
    source: str
    party: str | None = None
    organization: str | None = None


class _EventBase(_Provenance):
    """What happened, when (or ``unknown``), per which source, and whether as fact or claim."""

    kind: EventKind
    date: str
    precision: EventPrecision
    summary: str = Field(min_length=1)
    source: str
    reported_as: ReportedAs
    claimed_by: str | None = None
    sort_date: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            if str(data.get("date")) == UNKNOWN:
                data.setdefault("precision", UNKNOWN)
            data.setdefault("reported_as", "claim" if data.get("claimed_by") else "fact")
        return data

    @field_validator("date", "sort_date", mode="before")
    @classmethod
    def _dates(cls, v: Any) -> str | None:
        if v is None:
            return None
        return str(v) if str(v) == UNKNOWN else _fact_date(v)

    @model_validator(mode="after")
    def _consistent(self) -> _EventBase:
        if (self.date == UNKNOWN) != (self.precision == UNKNOWN):
            raise ValueError("date: unknown goes with precision: unknown, and only with it")
        if self.sort_date == UNKNOWN:
            raise ValueError("sort_date must be a date")
        if (self.reported_as == "claim") != bool(self.claimed_by):
            raise ValueError("reported_as: claim needs claimed_by (who claims it), and only it")
        return self

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the date covers; None when the source gives no date."""
        return None if self.date == UNKNOWN else parse_partial_date(self.date)

    @property
    def sort_key(self) -> dt.date | None:
        """Where the event goes in a timeline; None for an unknown date without ``sort_date``."""
        if self.sort_date:
            return parse_partial_date(self.sort_date)[0]
        return self.span[0] if self.span else None


class EventFact(_EventBase):
    from_party: str | None = None
    to_party: str | None = None


class GroupEventFact(_EventBase):
    """An event about people the source does not name ("four officials were arrested")."""

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    party: str | None = None
    people_count: int | None = Field(default=None, ge=1)


class PersonFact(_Strict):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=200)
    name: Name
    aliases: tuple[AliasFact, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    events: tuple[EventFact, ...] = ()

    _split_aliases = field_validator("aliases", mode="before")(_aliases)

    @field_validator("aliases")
    @classmethod
    def _spellings_say_where_from(cls, aliases: tuple[AliasFact, ...]) -> tuple[AliasFact, ...]:
        for a in aliases:
            if not (a.source or a.origin):
                raise ValueError(
                    f"alias {a.name!r} needs a source, or an origin saying where it comes from"
                )
        return aliases


class SideFact(_Strict):
    """One side of a disagreement: what a source says, in our words."""

    source: str
    says: str = Field(min_length=1)


class DisagreementFact(_Strict):
    """Where the sources (or one source's text and its table) do not agree.

    Shown on the /who card of ``person`` when it concerns one; otherwise in /about, which adds
    the claims table's own figures for ``party`` when one is given.
    """

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    topic: str = Field(min_length=1)
    sides: tuple[SideFact, ...] = Field(min_length=2)
    person: str | None = None
    party: str | None = None
    note: str | None = None


class FactsFile(_Strict):
    sources: tuple[SourceFact, ...] = ()
    parties: tuple[PartyFact, ...] = ()
    people: tuple[PersonFact, ...] = ()
    group_events: tuple[GroupEventFact, ...] = ()
    disagreements: tuple[DisagreementFact, ...] = ()


SECTIONS = ("sources", "parties", "people", "group_events", "disagreements")


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
            [Problem(path, 1, f"expected a mapping with {', '.join(s + ':' for s in SECTIONS)}")]
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
    for section in SECTIONS:
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
