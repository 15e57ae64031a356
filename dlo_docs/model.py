"""The data model: a regulation and the registry it refers to (pydantic v2).

Numbers are never stored: chapters, paragraphs, clauses and items are numbered when rendered
(see ``context.py``). Every element has a stable ``id`` so that a clause can be followed when its
number changes. A text is a plain string (the document's first language) or a mapping by language.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from . import model_checks
from .model_methods import PositionMethods, RegistryMethods, RegulationMethods
from .model_methods import own_position as own_position
from .model_methods import walk_items as walk_items

# isort: off
from .model_types import (  # the field types, exported with the models
    FIRST_YEAR as FIRST_YEAR,
    LANGS as LANGS,
    LAST_YEAR as LAST_YEAR,
    MAX_EDITION as MAX_EDITION,
    Date as Date,
    Fact as Fact,
    Id as Id,
    Lang as Lang,
    LangMap as LangMap,
    NonEmpty as NonEmpty,
    Strict as Strict,
    Text as Text,
    TimeZone as TimeZone,
    sane_date as sane_date,
    text_in as text_in,
)

# isort: on

# --- the registry -------------------------------------------------------------------------


class Organisation(Strict):
    id: Id
    name: LangMap
    short: LangMap = {}
    city: LangMap = {}
    timezone: TimeZone = "+05:00"
    approvers: list[Id] = Field(
        default_factory=list,
        description="positions whose holders may approve the organisation's regulations (by "
        "order or signature); empty: any position",
    )


class Unit(Strict):
    id: Id
    name: LangMap
    organisation: Id | None = Field(
        None, description="another organisation this unit belongs to (default: the registry's)"
    )
    parent: Id | None = None
    head: Id | None = Field(None, description="position that heads the unit")


# a path inside the project, relative to its root: no absolute path, no "..", no backslash
ProjectPath = Annotated[
    str, StringConstraints(min_length=1, max_length=300), AfterValidator(model_checks.project_path)
]


class HolderCertificate(Strict):
    """An X.509 certificate of the person who holds (or held) a position, for signed decisions."""

    file: ProjectPath = Field(description="PEM (or DER) certificate file, relative to the project")
    since: dt.date | None = Field(
        None, description="first day the holder of this certificate held the position"
    )
    until: dt.date | None = Field(
        None, description="last day the holder of this certificate held the position"
    )
    holder: LangMap | None = Field(
        None,
        description="name of this certificate's holder, when not the position's current holder",
    )


# the events an official may sign with their own key (and a registry may require signed)
SignedKind = Literal[
    "agreed",
    "rejected",
    "approved",
    "registered",
    "withdrawn",
    "reviewed",
    "acknowledged",
    "corrected",
]


class Signatures(Strict):
    """Signed decisions: the CA certificates trusted, and which events must be signed."""

    trust: list[ProjectPath] = Field(
        default_factory=list,
        description="PEM files of the trusted CA certificates, relative to the project",
    )
    required: list[SignedKind] = Field(
        default_factory=list, description="events that must be signed with the official's own key"
    )
    since: dt.date | None = Field(
        None,
        description="the day signatures became required: events recorded before it may be "
        "unsigned (default: every event must be)",
    )


class Position(PositionMethods, Strict):
    id: Id
    title: LangMap
    unit: Id | None = None
    reports_to: Id | None = None
    holder: LangMap | None = Field(None, description="name of the current holder")
    title_genitive: LangMap | None = Field(
        None,
        description="the title in the genitive, as an approval by this official's order names "
        "it: 'Председателя Правления – Ректора', 'Басқарма Төрағасы – Ректордың'",
    )
    mentions: dict[Lang, list[NonEmpty]] = Field(
        default_factory=dict,
        description="word stems by which a text names this position (case endings follow)",
    )
    certificates: list[HolderCertificate] = Field(
        default_factory=list,
        description="certificates of the holders, current and former, for signed decisions",
    )


class NormativeDocument(Strict):
    id: Id
    code: NonEmpty | None = None
    title: LangMap
    number: NonEmpty | None = None
    date: Date | None = None


class Abbreviation(Strict):
    id: Id
    short: LangMap
    expansion: LangMap


class Registry(RegistryMethods, Strict):
    organisation: Organisation
    organisations: list[Organisation] = Field(
        default_factory=list,
        description="other organisations whose regulations are kept here (imported)",
    )
    units: list[Unit] = []
    positions: list[Position] = []
    normative_documents: list[NormativeDocument] = []
    abbreviations: list[Abbreviation] = []
    review_period_years: Annotated[int, Field(ge=1, le=10)] = 3
    clerk: Id | None = Field(
        None,
        description="position whose holder records workflow events (overridden by DLO_CLERK or "
        "--clerk)",
    )
    signatures: Signatures = Signatures()


# --- the regulation -----------------------------------------------------------------------


class Silence(Strict):
    """Silences one lint rule for this element (and what it contains), with a stated reason."""

    model_config = ConfigDict(json_schema_extra={"required": ["rule", "reason"]})
    rule: Annotated[str, StringConstraints(pattern=r"^DLO1[0-9][0-9]$")]
    # optional here so that `dlo check` can report a missing reason as a lint problem (DLO100);
    # the JSON Schema requires it, so an editor flags it as you type
    reason: Annotated[str | None, WithJsonSchema({"type": "string", "minLength": 1})] = None


class Item(Strict):
    id: Id
    text: Text
    items: list[Item] = []
    ref: Id | None = Field(None, description="normative document or abbreviation this item defines")
    source_number: NonEmpty | None = None
    silence: list[Silence] = Field(
        default_factory=list, description="lint rules silenced here, each with a reason"
    )
    note: Text | None = Field(
        None, description="the drafter's rationale for changing this element (comparison table)"
    )


class Clause(Strict):
    id: Id
    text: Text
    items: list[Item] = []
    items_style: Literal["numbered", "dashed", "subclauses"] = Field(
        "numbered",
        description='how the clause\'s own items are marked: "1)" (numbered), "–" (dashed), or '
        'as its sub-clauses "<clause>.1." (subclauses)',
    )
    states: Fact | None = Field(None, description="the structured fact this clause states in prose")
    source_number: NonEmpty | None = None
    silence: list[Silence] = Field(
        default_factory=list, description="lint rules silenced here, each with a reason"
    )
    note: Text | None = Field(
        None, description="the drafter's rationale for changing this element (comparison table)"
    )


class Paragraph(Strict):
    id: Id
    title: Text
    clauses: Annotated[list[Clause], Field(min_length=1)]
    source_number: NonEmpty | None = None
    silence: list[Silence] = Field(
        default_factory=list, description="lint rules silenced here, each with a reason"
    )
    note: Text | None = Field(
        None, description="the drafter's rationale for changing this element (comparison table)"
    )


class Chapter(Strict):
    id: Id
    title: Text
    clauses: list[Clause] = []
    paragraphs: list[Paragraph] = []
    source_number: NonEmpty | None = None
    silence: list[Silence] = Field(
        default_factory=list, description="lint rules silenced here, each with a reason"
    )
    note: Text | None = Field(
        None, description="the drafter's rationale for changing this element (comparison table)"
    )


class Agreement(Strict):
    approvers: Annotated[list[Id], Field(min_length=1)]
    route: Literal["sequential", "parallel"] = "sequential"


class Approval(Strict):
    by: Id
    form: Literal["order", "signature"] = Field(
        "order",
        description="order: approved by the official's order (БЕКІТІЛДІ / УТВЕРЖДЕНО); "
        "signature: by the official's own signature (БЕКІТЕМІН / УТВЕРЖДАЮ)",
    )


class Sheets(Strict):
    agreement: bool = True
    acquaintance: bool = True
    changes: bool = True
    review: bool = True


class Regulation(RegulationMethods, Strict):
    id: Id
    kind: Literal["job_instruction", "unit_regulation"]
    code: NonEmpty
    title: Text
    organisation: Id
    unit: Id
    position: Id | None = None
    languages: Annotated[list[Lang], Field(min_length=1)]
    edition: Annotated[int, Field(ge=1, le=MAX_EDITION)] = 1
    numbering: Literal["document", "chapter"] = Field(
        "document",
        description='clauses numbered through the whole document ("11."), or within their '
        'chapter ("3.5.", as many organisations number them)',
    )
    agreement: Agreement
    approval: Approval
    change_initiators: Annotated[list[Id], Field(min_length=1)]
    instructions_from: list[Id] = Field(
        default_factory=list,
        description="positions it takes instructions from (default: reports_to)",
    )
    sheets: Sheets = Sheets()
    silence: list[Silence] = Field(
        default_factory=list, description="lint rules silenced here, each with a reason"
    )
    chapters: Annotated[list[Chapter], Field(min_length=1)]
