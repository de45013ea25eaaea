"""The document contract `tacitus/document@1`: the one interface between the stages and everything downstream.

Every stage reads and adds to a `Document`; the store, the CLI, the API and the exports read it. The JSON
Schema in `tacitus/schema/document-1.json` is generated from these models (`python -m tacitus.contract`)
and a test checks that the committed copy is current, so the schema and the code never drift apart.

Offsets (`start`, `end`) index `article.text` unless a span names another `part` (`caption:0` indexes
`article.captions[0].text`), so a photo caption's meeting can be pointed at without putting the caption in the
body.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "tacitus/document@1"
SCHEMA_PATH = Path(__file__).parent / "schema" / "document-1.json"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ActorType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    MEDIA = "media"
    PLACE = "place"
    GROUP = "group"


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    REQUESTED = "requested"
    PROMISED = "promised"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    CONDITIONAL = "conditional"


class Span(Model):
    """A stretch of text an item was read from."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = None
    part: str | None = Field(default=None, description="None for article.text, 'caption:N' for a caption")


class Caption(Model):
    text: str
    credit: str | None = None


class Article(Model):
    id: str
    url: str | None = None
    source: str | None = Field(default=None, description="Site or outlet name, or the input path")
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = Field(
        default=None,
        description="ISO 8601 date or date-time of publication; YYYY-MM or YYYY when only that is known",
    )
    language: str | None = Field(default=None, description="ISO 639-1 code detected offline")
    text: str = Field(description="The clean body; every offset in the document indexes it")
    captions: list[Caption] = Field(default_factory=list)
    content_hash: str | None = Field(default=None, description="sha256 of the normalised body")
    warnings: list[str] = Field(default_factory=list, description="Flags such as 'non-english'")


class Sentence(Model):
    start: int
    end: int
    part: str | None = None


class Role(Model):
    title: str
    of: str | None = Field(default=None, description="Actor id or name of the organisation the role is in")
    since: str | None = None
    until: str | None = None


class Actor(Model):
    id: str
    name: str
    type: ActorType
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    sector: list[str] = Field(default_factory=list, description="CAMEO/PLOVER sector codes: GOV, MIL, REB…")
    roles: list[Role] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list, description="Actor ids of groups it belongs to")
    kb_id: str | None = Field(default=None, description="Knowledge-base entry it was coded from")
    coded_from: str | None = Field(
        default=None,
        description="Id of the earlier stored article whose text coded this actor (actor memory); None when "
        "this article's own text or the knowledge base coded it",
    )
    mentions: list[Span] = Field(default_factory=list)


class DateValue(Model):
    value: str | None = Field(default=None, description="TIMEX3 value: 2024-06-10, 2024-06, PAST_REF…")
    text: str | None = None
    inferred: bool = Field(default=False, description="True when taken from the article date, not the text")


class Place(Model):
    """An event's place: one of the document's places (`place_id`), or a name the text gives."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_id: str | None = Field(default=None, description="Id of the entry in document.places")
    geonames_id: int | None = None
    admin1: str | None = Field(default=None, description="First-order division (state, province) by name")
    precision: int | None = Field(
        default=None, description="ACLED-style: 1 the town itself, 2 a division, 3 the country only"
    )


class PlaceUse(StrEnum):
    LITERAL = "literal"
    METONYMIC = "metonymic"  # "Moscow said": the government, not the city
    ADJECTIVAL = "adjectival"  # a demonym or adjective: "Syrian", "the Syrian army"


class PlaceMention(Span):
    use: PlaceUse = PlaceUse.LITERAL


class DocumentPlace(Model):
    """One real place the article names, with every mention of it."""

    id: str
    name: str = Field(description="The gazetteer's name of the place")
    geonames_id: int | None = None
    feature: str = Field(description="country, admin1 (first-order division), capital or city")
    admin1: str | None = Field(default=None, description="Name of the first-order division it is in")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    lat: float | None = None
    lon: float | None = None
    mentions: list[PlaceMention] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Event(Model):
    id: str
    type: str = Field(description="PLOVER event type: CONSULT, REQUEST…")
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    status: EventStatus = EventStatus.OCCURRED
    sources: list[str] = Field(default_factory=list, description="Actor ids")
    targets: list[str] = Field(default_factory=list, description="Actor ids")
    date: DateValue | None = None
    place: Place | None = None
    attribution: str | None = Field(default=None, description="Actor id of who reports the event")
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    rule: str | None = Field(default=None, description="The coding rule that fired, for audit")


class Quote(Model):
    id: str
    speaker: str | None = Field(default=None, description="Actor id")
    text: str
    direct: bool = True
    cue: str | None = None
    medium: str | None = Field(default=None, description="Actor id or name of the outlet spoken to")
    date: DateValue | None = None
    evidence: Span


class Quantity(Model):
    value: float
    qualifier: str | None = None
    unit: str | None = None


class Claim(Model):
    id: str
    text: str
    quantity: Quantity | None = None
    attribution: str | None = Field(default=None, description="Actor id")
    evidence: Span


class Timex(Model):
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None = None
    part: str | None = None


class Document(Model):
    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    places: list[DocumentPlace] = Field(default_factory=list, description="Every place the article names")

    def to_json(self, **kwargs) -> str:
        return self.model_dump_json(by_alias=True, **kwargs)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    @classmethod
    def from_json(cls, data: str | bytes) -> Document:
        return cls.model_validate_json(data)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def _repr_html_(self) -> str:
        """Jupyter shows a document as its highlighted text (see `tacitus.render`)."""
        from tacitus.html_view import document_html

        return document_html(self)


def json_schema() -> dict:
    schema = Document.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Tacitus document"
    return schema


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


if __name__ == "__main__":
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
