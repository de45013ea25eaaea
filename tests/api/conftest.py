"""A temporary store holding the sample (run through the real pipeline) and one hand-coded article whose
events, quotes and claims are fixed, so API behaviour is tested on known records whatever the stages find."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tacitus.contract import (
    Actor,
    Article,
    Claim,
    DateValue,
    Document,
    Event,
    Place,
    Quantity,
    Quote,
    Role,
    Sentence,
    Span,
    Timex,
)
from tacitus.store import Store

TOKEN = "test-token-123"
CODED_ID = "coded-0001"
CODED_TEXT = (
    "Russian Foreign Minister Sergey Lavrov met Hamas leaders in Moscow on Monday. "
    "Hamas asked Russia to guarantee a cease-fire. "
    "Israel rejected the proposal, officials said.\n\n"
    "\u201cWe want peace,\u201d Lavrov said. More than 130 hostages remain in Gaza."
)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle))


def coded_document() -> Document:
    """A small article coded by hand: three actors, three events, one quote, one claim, one time expression."""
    t = CODED_TEXT
    sentences = []
    cursor = 0
    for piece in [
        "Russian Foreign Minister Sergey Lavrov met Hamas leaders in Moscow on Monday.",
        "Hamas asked Russia to guarantee a cease-fire.",
        "Israel rejected the proposal, officials said.",
        "\u201cWe want peace,\u201d Lavrov said.",
        "More than 130 hostages remain in Gaza.",
    ]:
        start = t.index(piece, cursor)
        sentences.append(Sentence(start=start, end=start + len(piece)))
        cursor = start + len(piece)
    return Document(
        article=Article(
            id=CODED_ID,
            title="Lavrov meets Hamas in Moscow",
            published="2024-06-11",
            source="Hand-coded test article",
            text=t,
            content_hash="c" * 64,
        ),
        sentences=sentences,
        actors=[
            Actor(
                id="A1",
                name="Sergey Lavrov",
                type="person",
                country="RUS",
                kb_id="Q150851",
                aliases=["Lavrov"],
                roles=[Role(title="Foreign Minister", of="A4")],
                mentions=[_span(t, "Sergey Lavrov"), _span(t, "Lavrov", 1)],
            ),
            Actor(
                id="A2",
                name="Hamas",
                type="group",
                country="PSE",
                mentions=[_span(t, "Hamas"), _span(t, "Hamas", 1)],
            ),
            Actor(id="A3", name="Israel", type="country", country="ISR", mentions=[_span(t, "Israel")]),
            Actor(id="A4", name="Russia", type="country", country="RUS", mentions=[_span(t, "Russia")]),
        ],
        events=[
            Event(
                id="E1",
                type="CONSULT",
                mode="visit",
                sources=["A1"],
                targets=["A2"],
                confidence=0.9,
                date=DateValue(value="2024-06-10", text="Monday"),
                place=Place(name="Moscow", country="RUS", lat=55.75, lon=37.62),
                evidence=[Span(start=sentences[0].start, end=sentences[0].end)],
                rule="consult.met",
            ),
            Event(
                id="E2",
                type="REQUEST",
                status="requested",
                sources=["A2"],
                targets=["A4"],
                confidence=0.8,
                date=DateValue(value="2024-06-11", inferred=True),
                evidence=[Span(start=sentences[1].start, end=sentences[1].end)],
            ),
            Event(
                id="E3",
                type="REJECT",
                sources=["A3"],
                targets=["A2"],
                confidence=0.6,
                place=Place(name="Israel", country="ISR"),
                evidence=[Span(start=sentences[2].start, end=sentences[2].end)],
            ),
        ],
        quotes=[
            Quote(
                id="Q1", speaker="A1", text="We want peace,", cue="said", evidence=_span(t, "We want peace,")
            )
        ],
        claims=[
            Claim(
                id="C1",
                text="More than 130 hostages remain in Gaza.",
                quantity=Quantity(value=130, qualifier="more than", unit="hostages"),
                evidence=_span(t, "More than 130 hostages remain in Gaza."),
            )
        ],
        timexes=[
            Timex(
                start=t.index("Monday"),
                end=t.index("Monday") + 6,
                text="Monday",
                type="DATE",
                value="2024-06-10",
            )
        ],
    )


@pytest.fixture(scope="session")
def store_url(tmp_path_factory, sample_document) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'tacitus.db'}"
    store = Store(url)
    store.save(sample_document)
    store.save(coded_document())
    store.close()
    return url


@pytest.fixture(scope="session")
def app(store_url):
    return create_app(store_url, api_token=TOKEN)


@pytest.fixture(scope="session")
def client(app) -> TestClient:
    return TestClient(app)


@pytest.fixture(scope="session")
def read_only_client(store_url) -> TestClient:
    return TestClient(create_app(store_url))
