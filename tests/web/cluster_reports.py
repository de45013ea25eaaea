"""Two hand-coded reports of one meeting from different outlets, for the cluster pages."""

from __future__ import annotations

from tacitus.contract import Actor, Article, DateValue, Document, Event, Place, Sentence, Span

REPORTS = {
    "tass-lavrov": (
        "2024-06-11",
        "tass.example.ru",
        "Monday",
        "Sergey Lavrov met Hamas leaders in Moscow on Monday, the ministry said in a statement.",
    ),
    "reuters-lavrov": (
        "2024-06-12",
        "reuters.example.com",
        "June 10",
        "Hamas officials held talks with Sergey Lavrov in Moscow on June 10, according to diplomats.",
    ),
}


def cluster_reports() -> list[Document]:
    documents = []
    for article_id, (published, site, date_text, text) in REPORTS.items():
        trigger = "met" if "met" in text else "held talks with"
        start = text.index(trigger)
        documents.append(
            Document(
                article=Article(
                    id=article_id,
                    url=f"https://{site}/{article_id}",
                    source=site,
                    title=f"Report {site}",
                    published=published,
                    text=text,
                ),
                sentences=[Sentence(start=0, end=len(text))],
                actors=[
                    Actor(id="A1", name="Sergey Lavrov", type="person", country="RUS"),
                    Actor(id="A2", name="Hamas", type="group", country="PSE"),
                ],
                events=[
                    Event(
                        id="E1",
                        type="CONSULT",
                        sources=["A1"] if trigger == "met" else ["A2"],
                        targets=["A2"] if trigger == "met" else ["A1"],
                        date=DateValue(value="2024-06-10", text=date_text),
                        place=Place(name="Moscow", country="RUS"),
                        evidence=[Span(start=start, end=start + len(trigger))],
                        confidence=0.9,
                    )
                ],
            )
        )
    return documents
