"""What goes in and out of the API: request bodies, pages of rows, single records with their evidence.

List items are the store's own row types (the same columns the CLI exports), so a notebook reading
`/api/events` and one reading `tacitus events --format csv` see the same fields.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from tacitus.contract import Actor, Article, Claim, Event, Quote
from tacitus.store.rows import ActorRow, ArticleRow, ClaimRow, ClusterMember, ClusterRow, EventRow, QuoteRow

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_TEXT = (
    1_000_000  # characters of one submitted article (the request-size limit is in bytes, see limits.py)
)

# Free text in a query parameter: bounded, not blank, and without NUL or other control characters (PostgreSQL
# rejects NUL in text values; a newline would reach a header).
Text = Annotated[
    str,
    StringConstraints(
        min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*[^\x00-\x1f\x7f\s][^\x00-\x1f\x7f]*$"
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventPage(Strict):
    total: int = Field(description="Rows matching the filters, before limit and offset (counted up to 1,000)")
    total_exact: bool = Field(
        True, description="False when more than 1,000 rows match: total is then 1,000, a lower bound"
    )
    limit: int | None
    offset: int
    items: list[EventRow]


class ClusterPage(Strict):
    """Real-world events across articles, one row each (`limit`/`offset` paging)."""

    limit: int
    offset: int
    items: list[ClusterRow]


class ClusterDetail(Strict):
    """One real-world event and every report of it, first report first, side by side."""

    cluster: ClusterRow
    reports: list[ClusterMember]


class ArticlePage(Strict):
    total: int
    total_exact: bool = True
    limit: int | None
    offset: int
    items: list[ArticleRow]


class ActorPage(Strict):
    total: int
    total_exact: bool = True
    limit: int | None
    offset: int
    items: list[ActorRow]


class QuotePage(Strict):
    total: int
    total_exact: bool = True
    limit: int | None
    offset: int
    items: list[QuoteRow]


class ClaimPage(Strict):
    total: int
    total_exact: bool = True
    limit: int | None
    offset: int
    items: list[ClaimRow]


class ArticleIn(Strict):
    """An article to extract: its text or HTML, or a URL to fetch (give one of `text` and `url`, or both)."""

    text: str | None = Field(
        default=None, max_length=MAX_TEXT, description="Plain text or HTML of the article"
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        pattern=r"^https?://\S+$",
        description="The article's address: fetched when `text` is absent",
    )
    published: str | None = Field(
        default=None,
        pattern=ISO_DATE,
        description="Publication date (YYYY-MM-DD); anchors 'Monday', 'last week'…",
    )


class SubmitResult(Strict):
    article_id: str
    status: str = Field(description="'stored', or 'duplicate' when the same text or URL was stored before")
    actors: int
    events: int
    quotes: int
    claims: int
    timexes: int
    article_url: str = Field(description="The article view in the web UI")


class EvidenceOut(Strict):
    start: int
    end: int
    part: str | None
    text: str
    sentence: str = Field(description="The whole sentence the span is in")
    view: str = Field(description="The article view with this record highlighted")


class ArticleRef(Strict):
    id: str
    title: str | None
    published: str | None
    url: str | None


class ActorRef(Strict):
    id: str
    name: str
    key: str = Field(description="Cross-article actor key for /api/actors/{key}")


class EventDetail(Strict):
    article: ArticleRef
    event: Event
    sources: list[ActorRef]
    targets: list[ActorRef]
    evidence: list[EvidenceOut]


class QuoteDetail(Strict):
    article: ArticleRef
    quote: Quote
    speaker: ActorRef | None
    evidence: EvidenceOut


class ClaimDetail(Strict):
    article: ArticleRef
    claim: Claim
    attribution: ActorRef | None
    evidence: EvidenceOut


class RoleOut(Strict):
    title: str
    of: str | None
    first: str | None
    last: str | None
    articles: int


class CounterpartOut(Strict):
    key: str
    name: str
    as_source: int
    as_target: int
    types: dict[str, int]


class ActorProfileOut(Strict):
    key: str
    name: str
    types: list[str]
    countries: list[str]
    aliases: list[str]
    sectors: list[str]
    roles: list[RoleOut]
    articles: list[ArticleRef]
    events: list[EventRow]
    quotes: list[QuoteRow]
    network: list[CounterpartOut]
    mentions: list[Actor] = Field(default_factory=list, description="The actor as coded in each article")


class Stats(Strict):
    articles: int
    actors: int
    events: int
    quotes: int
    claims: int


__all__ = ["Article", "ArticleIn", "EventPage", "SubmitResult"]
