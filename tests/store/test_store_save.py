import pytest
from sqlalchemy import create_engine, text

from tacitus.contract import Actor, Article, Document
from tacitus.errors import StoreError
from tacitus.store import SaveResult, Store


def test_store_save_stores_then_reports_duplicate(store, corpus):
    assert store.save(corpus[0]) == SaveResult("moscow", "stored")
    assert store.save(corpus[0]) == SaveResult("moscow", "duplicate")
    assert store.stats()["articles"] == 1
    assert store.stats()["events"] == 3


def test_store_same_body_under_another_url_is_a_copy_of_the_story(store, corpus):
    store.save(corpus[0])
    copy = corpus[0].model_copy(deep=True)
    copy.article.id, copy.article.url = "moscow-again", "https://mirror.example.net/moscow"
    assert store.save(copy) == SaveResult("moscow", "copy")
    assert store.save(copy) == SaveResult("moscow", "duplicate")
    assert store.stats()["articles"] == 1
    [row] = store.articles()
    assert row.n_sources == 2
    assert row.sources.split("; ")[1] == "https://mirror.example.net/moscow"


def test_store_same_body_and_id_under_other_urls_keeps_every_url(store, corpus):
    # Ingest gives an article a content-derived id, so a word-for-word copy arrives with the story's own id.
    copies = []
    for number in (1, 2):
        copy = corpus[0].model_copy(deep=True)
        copy.article.url = f"https://mirror{number}.example.net/moscow"
        copies.append(copy)
    results = store.save_many([corpus[0], *copies, copies[0]], batch_size=4)
    assert [r.status for r in results] == ["stored", "copy", "copy", "duplicate"]
    [row] = store.articles()
    assert row.sources.split("; ") == [
        "https://example.org/moscow",
        "https://mirror1.example.net/moscow",
        "https://mirror2.example.net/moscow",
    ]


def test_store_same_body_without_url_is_a_duplicate(store, corpus):
    store.save(corpus[0])
    copy = corpus[0].model_copy(deep=True)
    copy.article.id, copy.article.url = "moscow-again", None
    assert store.save(copy) == SaveResult("moscow", "duplicate")


def test_store_duplicate_by_url_with_changed_text(store, corpus):
    store.save(corpus[0])
    edited = corpus[0].model_copy(deep=True)
    edited.article.id, edited.article.text, edited.article.content_hash = (
        "moscow-2",
        "Updated text.",
        "b" * 64,
    )
    assert store.save(edited) == SaveResult("moscow", "duplicate")


def test_store_without_content_hash_hashes_the_text(store):
    first = Document(article=Article(id="one", text="Same body."))
    second = Document(article=Article(id="two", text="Same body."))
    assert store.save(first).status == "stored"
    assert store.save(second) == SaveResult("one", "duplicate")
    assert store.known(content_hash=None, url=None) is None


def test_store_known_finds_by_hash_or_url(filled):
    assert filled.known(content_hash="a" * 64) == "moscow"
    assert filled.known(url="https://example.org/doha") == "doha"
    assert filled.known(url="https://example.org/nowhere") is None


def test_store_unique_constraints_hold_without_the_pre_check(store, corpus):
    """The database itself refuses a second row with the same hash, whatever the caller checked."""
    store.save(corpus[0])
    engine = create_engine(store.engine.url.render_as_string(hide_password=False))
    with pytest.raises(Exception, match="(?i)unique|duplicate"), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, content_hash, document, ingested_at) "
                "VALUES ('other', :hash, '{}', CURRENT_TIMESTAMP)"
            ),
            {"hash": "a" * 64},
        )
    engine.dispose()


def test_store_document_round_trip_is_exact(filled, corpus):
    for document in corpus:
        assert filled.document(document.article.id) == document
    assert filled.document("missing") is None


def test_store_round_trip_of_the_extracted_sample(store, sample_document):
    assert store.save(sample_document).status == "stored"
    stored = store.document(sample_document.article.id)
    assert stored == sample_document
    assert stored.to_json() == sample_document.to_json()
    assert store.stats()["actors"] == len(sample_document.actors)
    assert store.stats()["timexes"] == len(sample_document.timexes)


def test_store_bad_document_is_rolled_back_whole(store):
    twin_ids = Document(
        article=Article(id="twins", text="A and B."),
        actors=[Actor(id="A1", name="A", type="person"), Actor(id="A1", name="B", type="person")],
    )
    with pytest.raises(StoreError, match="twins"):
        store.save(twin_ids)
    assert store.stats()["articles"] == 0
    assert store.stats()["actors"] == 0


@pytest.mark.parametrize("batch_size", [1, 10])
def test_store_save_many_goes_on_after_a_failing_document(store, corpus, batch_size):
    bad = Document(
        article=Article(id="bad", text="Broken."),
        actors=[Actor(id="A1", name="X", type="person"), Actor(id="A1", name="Y", type="person")],
    )
    results = store.save_many([corpus[0], bad, corpus[1], "not a document", corpus[2]], batch_size=batch_size)
    assert [r.status for r in results] == ["stored", "failed", "stored", "failed", "stored"]
    assert store.stats()["articles"] == 3
    failures = store.failures()
    assert [f.source for f in failures][0] == "bad"
    assert "bad" in failures[0].reason and len(failures) == 2


def test_store_batched_save_many_stores_what_one_by_one_saves_store(store, corpus):
    again = corpus[0].model_copy(deep=True)
    results = store.save_many([corpus[0], again, corpus[1], corpus[2]], batch_size=4)
    assert [(r.article_id, r.status) for r in results] == [
        ("moscow", "stored"),
        ("moscow", "duplicate"),
        ("doha", "stored"),
        ("paris", "stored"),
    ]
    assert store.document("doha") == corpus[1]
    assert store.stats()["events"] == sum(len(d.events) for d in corpus)
    assert store.failures() == []


def test_store_same_id_for_different_text_is_an_error(store, corpus):
    store.save(corpus[1])
    clash = Document(article=Article(id="doha", text="Something else entirely."))
    with pytest.raises(StoreError, match="doha.*already stored"):
        store.save(clash)


def test_store_record_failure_is_listed(store):
    store.record_failure("broken.html", "truncated HTML")
    store.record_failure("empty.txt", "empty file")
    failures = store.failures()
    assert [(f.source, f.reason) for f in failures] == [
        ("broken.html", "truncated HTML"),
        ("empty.txt", "empty file"),
    ]
    assert failures[0].failed_at.endswith("+00:00")


def test_store_stats_counts_every_table(filled):
    assert filled.stats() == {
        "articles": 3,
        "actors": 7,
        "events": 5,
        "event_actors": 9,
        "quotes": 2,
        "claims": 1,
        "timexes": 1,
        "failures": 0,
        "actor_identities": 7,
        "actor_facts": 5,
        "actor_fact_keys": 8,
        "story_sources": 3,
        "story_signatures": 1,
        "story_bands": 32,
        "event_clusters": 5,
        "cluster_members": 5,
    }


def test_store_save_rejects_what_is_not_a_document(store):
    with pytest.raises(TypeError, match="Document"):
        store.save({"article": {}})


def test_store_unmigrated_database_says_what_to_do(store_url):
    with Store(store_url, upgrade=False) as store, pytest.raises(StoreError, match="tacitus db upgrade"):
        store.articles()
