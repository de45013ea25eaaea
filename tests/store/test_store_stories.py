"""Syndicated copies become sources of one stored story; different stories stay apart; across store openings."""

from pathlib import Path

from tacitus.contract import Actor, Article, Document, Event, Span
from tacitus.store import SaveResult, Store

BODY = (Path(__file__).parents[1] / "fixtures" / "hamas-russia-mediation.txt").read_text(encoding="utf-8")
OTHER = (Path(__file__).parents[1] / "fixtures" / "ingest" / "scraped.txt").read_text(encoding="utf-8")


def _document(article_id: str, url: str, text: str, *, events: bool = True) -> Document:
    actors = [
        Actor(id="A1", name="Hamas", type="group", country="PSE"),
        Actor(id="A2", name="Russia", type="country", country="RUS"),
    ]
    found = [Event(id="E1", type="CONSULT", sources=["A1"], targets=["A2"], evidence=[Span(start=0, end=10)])]
    return Document(
        article=Article(id=article_id, url=url, source=url.split("/")[2], published="2024-06-12", text=text),
        actors=actors if events else [],
        events=found if events else [],
    )


def _syndicated(text: str) -> str:
    edited = text.replace(" said ", " stated ", 2).replace(" also ", " too ", 1)
    return f"By Ana Ruiz, Staff Reporter\nShare\nSubscribe to our newsletter\n{edited}\n© 2024 Wire Daily. All rights reserved."


def test_store_syndicated_copy_adds_a_source_and_no_events(store):
    assert store.save(_document("wire", "https://wire.example.com/a", BODY)).status == "stored"
    result = store.save(_document("courier", "https://courier.example.org/b", _syndicated(BODY)))
    assert result == SaveResult("wire", "copy")
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["story_sources"]) == (1, 1, 2)
    [row] = store.articles()
    assert row.n_sources == 2
    assert row.sources == "https://wire.example.com/a; https://courier.example.org/b"


def test_store_copy_seen_again_by_url_is_a_duplicate(store):
    store.save(_document("wire", "https://wire.example.com/a", BODY))
    copy = _document("courier", "https://courier.example.org/b", _syndicated(BODY))
    store.save(copy)
    assert store.save(copy) == SaveResult("wire", "duplicate")
    assert store.known(url="https://courier.example.org/b") == "wire"


def test_store_different_stories_stay_apart(store):
    store.save(_document("wire", "https://wire.example.com/a", BODY))
    assert store.save(_document("other", "https://other.example.com/c", OTHER)).status == "stored"
    assert sorted(row.n_sources for row in store.articles()) == [1, 1]


def test_store_copy_found_after_reopening_the_store(store_url):
    with Store(store_url) as first:
        first.save(_document("wire", "https://wire.example.com/a", BODY))
    with Store(store_url) as second:
        assert (
            second.save(_document("courier", "https://courier.example.org/b", _syndicated(BODY))).status
            == "copy"
        )


def test_store_short_bodies_are_never_called_copies(store):
    store.save(_document("one", "https://a.example.com/1", "Talks resumed.", events=False))
    assert (
        store.save(_document("two", "https://b.example.com/2", "Talks resumed today.", events=False)).status
        == "stored"
    )
