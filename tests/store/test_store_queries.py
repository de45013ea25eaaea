import pytest


def ids(rows, field="article_id", item=None):
    return [(getattr(r, field), getattr(r, item)) if item else getattr(r, field) for r in rows]


def test_store_articles_are_listed_by_publication_date(filled):
    rows = filled.articles()
    assert ids(rows) == ["doha", "moscow", "paris"]
    moscow = rows[1]
    assert (moscow.title, moscow.actors, moscow.events, moscow.quotes, moscow.claims) == (
        "Hamas official in Russia",
        4,
        3,
        1,
        1,
    )
    assert rows[2].warnings == "non-english" and rows[2].published is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "lavrov"}, ["moscow"]),
        ({"actor": "ÖLUND"}, ["paris"]),
        ({"country": "qat"}, ["doha"]),
        ({"type": "consult"}, ["doha", "moscow"]),
        ({"since": "2024"}, ["moscow"]),
        ({"until": "2023-02"}, ["doha"]),
        ({"since": "2023-02-27", "until": "2024-06-11"}, ["doha", "moscow"]),
        ({"article": "paris"}, ["paris"]),
        ({"limit": 1, "offset": 1}, ["moscow"]),
    ],
)
def test_store_articles_filters(filled, filters, expected):
    assert ids(filled.articles(**filters)) == expected


def test_store_actors_row_is_flat(filled):
    marzouk = filled.actors(actor="A1", article="moscow")[0]
    assert marzouk.name == "Mousa Abu Marzouk"
    assert marzouk.aliases == "Marzouk; Abu Marzouk"
    assert marzouk.roles == "official (Hamas)"
    assert (marzouk.sector, marzouk.mentions, marzouk.country) == ("REB", 2, "PSE")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "marzouk"}, [("moscow", "A1")]),
        ({"actor": "A2"}, [("doha", "A2"), ("moscow", "A2")]),
        ({"type": "COUNTRY"}, [("doha", "A2"), ("moscow", "A4")]),
        ({"country": "RUS"}, [("moscow", "A3"), ("moscow", "A4")]),
        ({"country": "RUS", "type": "person"}, [("moscow", "A3")]),
        ({"since": "2024-06-11"}, [("moscow", f"A{i}") for i in range(1, 5)]),
        ({"article": "paris"}, [("paris", "A1")]),
        ({"actor": "100%_"}, []),
    ],
)
def test_store_actors_filters(filled, filters, expected):
    assert ids(filled.actors(**filters), item="actor_id") == expected


def test_store_event_row_names_its_actors(filled):
    consult = filled.events(article="moscow", type="CONSULT")[0]
    assert (consult.source_ids, consult.source_names, consult.source_countries) == (
        "A1",
        "Mousa Abu Marzouk",
        "PSE",
    )
    assert (consult.target_ids, consult.target_names, consult.target_countries) == (
        "A3",
        "Sergey Lavrov",
        "RUS",
    )
    assert (consult.date, consult.date_text, consult.place, consult.place_country) == (
        "2024-06-10",
        "Monday",
        "Moscow",
        "RUS",
    )
    assert consult.evidence == "met Russian Foreign Minister Sergey Lavrov in Moscow"
    assert (consult.confidence, consult.rule, consult.published) == (0.9, "consult.met", "2024-06-11")


def test_store_events_are_listed_in_date_order(filled):
    # Paris (2022), Doha (2023-03), Moscow E1 (2024-06-10), then E2 and E3 dated by the article (2024-06-11).
    assert ids(filled.events(), item="event_id") == [
        ("paris", "E1"),
        ("doha", "E1"),
        ("moscow", "E1"),
        ("moscow", "E2"),
        ("moscow", "E3"),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "Lavrov"}, [("moscow", "E1")]),
        ({"actor": "hamas"}, [("moscow", "E3")]),
        ({"actor": "A1", "article": "doha"}, [("doha", "E1")]),
        ({"type": "consult"}, [("doha", "E1"), ("moscow", "E1")]),
        ({"status": "PLANNED"}, [("doha", "E1")]),
        ({"status": "requested"}, [("moscow", "E2")]),
        ({"country": "QAT"}, [("doha", "E1")]),
        ({"country": "PSE"}, [("moscow", "E1"), ("moscow", "E2"), ("moscow", "E3")]),
        ({"country": "FRA"}, [("paris", "E1")]),
        ({"since": "2024-06-11"}, [("moscow", "E2"), ("moscow", "E3")]),
        ({"since": "2023", "until": "2023"}, [("doha", "E1")]),
        ({"until": "2024-06-10"}, [("paris", "E1"), ("doha", "E1"), ("moscow", "E1")]),
        ({"since": "2023-03", "until": "2023-03-31"}, [("doha", "E1")]),
        ({"min_confidence": 0.7}, [("doha", "E1"), ("moscow", "E1")]),
        ({"limit": 2}, [("paris", "E1"), ("doha", "E1")]),
        ({"limit": 2, "offset": 3}, [("moscow", "E2"), ("moscow", "E3")]),
        ({"type": "CONSULT", "country": "RUS", "min_confidence": 0.5}, [("moscow", "E1")]),
        ({"dyad": "marzouk:lavrov"}, [("moscow", "E1")]),
        ({"dyad": ("A1", "A4"), "article": "moscow"}, [("moscow", "E2")]),
        ({"dyad": "lavrov:marzouk"}, []),  # directed: source, then target
        ({"quad": "verbal_cooperation"}, [("doha", "E1"), ("moscow", "E1")]),
        ({"quad": "material-cooperation"}, [("moscow", "E3")]),
        ({"quad": 4}, [("paris", "E1")]),
    ],
)
def test_store_events_filters(filled, filters, expected):
    assert ids(filled.events(**filters), item="event_id") == expected


def test_store_event_with_an_unknown_actor_id_keeps_the_id(store, corpus):
    document = corpus[2]
    document.events[0].targets = ["A9"]
    store.save(document)
    row = store.events()[0]
    assert (row.target_ids, row.target_names, row.target_countries) == ("A9", "A9", None)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("doha", "Q1"), ("moscow", "Q1")]),  # undated Doha quote takes its article's date, 2023-02-27
        ({"actor": "blinken"}, [("doha", "Q1")]),
        ({"country": "PSE"}, [("moscow", "Q1")]),
        ({"since": "2024-06-11"}, []),  # the quote is dated the day before publication
        ({"until": "2024-06-10"}, [("doha", "Q1"), ("moscow", "Q1")]),
        ({"article": "doha"}, [("doha", "Q1")]),
    ],
)
def test_store_quotes_filters(filled, filters, expected):
    assert ids(filled.quotes(**filters), item="quote_id") == expected


def test_store_quote_row(filled):
    quote = filled.quotes(article="moscow")[0]
    assert (quote.speaker_id, quote.speaker, quote.text, quote.direct, quote.cue, quote.date) == (
        "A1",
        "Mousa Abu Marzouk",
        "We will free the Russian hostages",
        True,
        "said",
        "2024-06-10",
    )
    assert quote.end - quote.start == len(quote.text)


def test_store_claims_filters_and_row(filled):
    claim = filled.claims(actor="hamas")[0]
    assert (claim.claim_id, claim.value, claim.unit, claim.attribution_id, claim.attribution) == (
        "C1",
        2.0,
        "citizen",
        "A2",
        "Hamas",
    )
    assert filled.claims(country="USA") == []
    assert len(filled.claims(since="2024-06")) == 1


@pytest.mark.parametrize(
    ("method", "filters", "message"),
    [
        ("actors", {"status": "planned"}, "filter status does not apply to actors"),
        ("quotes", {"type": "CONSULT"}, "filter type does not apply to quotes"),
        ("events", {"since": "last week"}, r"\[T101\] since 'last week' is not a date"),
        ("events", {"country": "Russia"}, "country 'Russia' is not an ISO 3166 alpha-3"),
        ("events", {"limit": -1}, "limit -1"),
        ("articles", {"actor": "  "}, "actor must be 1 to 200 characters"),
        ("events", {"dyad": "Hamas"}, "dyad 'Hamas' is not SOURCE:TARGET"),
        ("events", {"quad": "5"}, "quad '5' is not a quad class"),
        ("actors", {"dyad": "a:b"}, "filter dyad does not apply to actors"),
        ("events", {"since": "2016-13"}, r"\[T101\] since '2016-13' is not a date"),
        ("events", {"until": "2024-02-30"}, "no such day"),
        ("events", {"type": "CONSLT"}, r"\[T104\] type 'CONSLT' is not one of: AGREE, CONSULT"),
        ("events", {"status": "maybe"}, "status 'maybe' is not one of: occurred"),
        ("actors", {"type": "alien"}, "type 'alien' is not one of: person"),
        ("events", {"sort": "colour"}, "sort 'colour' is not one of: date"),
    ],
)
def test_store_bad_filters_are_clear_errors(filled, method, filters, message):
    with pytest.raises(ValueError, match=message):
        getattr(filled, method)(**filters)


def test_store_unknown_filter_names_the_valid_ones(filled):
    with pytest.raises(TypeError, match="unknown filter.*colour.*actor"):
        filled.events(colour="red")


def test_store_none_filters_are_ignored(filled):
    assert len(filled.events(actor=None, since=None, limit=None)) == 5
