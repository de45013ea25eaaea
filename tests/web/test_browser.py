"""The workspace in a real browser: the sample's article view, hover and follow an event to an actor page,
filter the events table, export CSV, the map, search, and submitting an article from the browser."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import expect

from tacitus.contract import Article, Document
from tacitus.store import Store
from tests.web.conftest import TOKEN


def test_article_view_highlights_every_kind_of_record(page, sample_document):
    page.goto(f"/articles/{sample_document.article.id}")
    expect(page.locator("h1")).to_have_text(sample_document.article.title)
    assert page.locator(".hl-actor").count() >= len(sample_document.actors)
    assert page.locator(".hl-quote").count() >= len(sample_document.quotes)
    assert page.locator(".hl-timex").count() >= len([t for t in sample_document.timexes if t.part is None])
    if sample_document.events:
        assert page.locator(".hl-event").count() >= 1


def test_hover_an_event_shows_its_coding_and_click_follows_it_to_an_actor_page(page, sample_document):
    event = next(e for e in sample_document.events if e.sources or e.targets)
    page.goto(f"/articles/{sample_document.article.id}")
    segment = page.locator(f'.hl[data-ids~="event-{event.id}"]').first
    segment.hover()
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(event.type)
    page.locator(f'.records a.open[href$="/events/{sample_document.article.id}/{event.id}"]').click()
    expect(page).to_have_url(re.compile(f"/events/{sample_document.article.id}/{event.id}$"))
    expect(page.locator("h1 .type")).to_have_text(event.type)
    expect(page.locator(".evidence-block mark").first).not_to_be_empty()
    actor = sample_document.actor((event.sources or event.targets)[0])
    page.locator("dl.coding a.actor", has_text=actor.name).first.click()
    expect(page.locator("h1")).to_have_text(actor.name)
    expect(page.locator("svg.network, svg.timeline").first).to_be_visible()


def test_record_links_back_to_its_highlighted_sentence(page, sample_document):
    quote = sample_document.quotes[0]
    page.goto(f"/quotes/{sample_document.article.id}/{quote.id}")
    page.locator("a.back").first.click()
    expect(page).to_have_url(re.compile(f"#quote-{quote.id}$"))
    expect(page.locator(f'.hl.target[data-ids~="quote-{quote.id}"]').first).to_be_visible()


def test_filter_the_events_table_by_type(page, sample_document):
    wanted = sample_document.events[0].type
    page.goto(f"/?article={sample_document.article.id}")
    expect(page.locator("#total")).to_have_text(str(len(sample_document.events)))
    page.select_option("select[name=type]", wanted)
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(f"type={wanted}"))
    types = page.locator("#events-table tbody td:nth-child(2) a.type").all_inner_texts()
    assert types and set(types) == {wanted}
    assert len(types) == sum(e.type == wanted for e in sample_document.events)


def test_a_bad_date_in_the_filters_shows_a_message(page):
    page.goto("/?since=last+week")
    expect(page.locator(".error")).to_contain_text("since")


def test_export_csv_downloads_the_filtered_rows(page, sample_document, tmp_path):
    page.goto(f"/?article={sample_document.article.id}")
    with page.expect_download() as info:
        page.click("#export-csv")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(sample_document.events)
    assert {r["article_id"] for r in rows} == {sample_document.article.id}


def test_map_draws_the_world_and_event_places(page, sample_document):
    page.goto("/map")
    assert page.locator("svg.world path.land").count() > 150
    placed = [e for e in sample_document.events if e.place and (e.place.country or e.place.lat is not None)]
    if placed:
        assert page.locator("svg.world .place circle").count() >= 1


def test_search_box_finds_an_actor(page, sample_document):
    actor = sample_document.actors[0]
    page.goto("/")
    page.fill("header input[name=q]", actor.name)
    page.press("header input[name=q]", "Enter")
    expect(page.locator("section").first.locator("a.actor").first).to_have_text(actor.name)


def test_submit_an_article_from_the_browser(page):
    page.goto("/submit")
    page.fill(
        "textarea[name=text]",
        "Turkish President Recep Tayyip Erdogan hosted Iranian Foreign Minister Abbas "
        "Araghchi in Ankara on Monday. The two sides discussed trade.",
    )
    page.fill("input[name=published]", "2024-06-11")
    page.fill("input[name=token]", TOKEN)
    page.click("form.submit button")
    expect(page).to_have_url(re.compile(r"/articles/\w+\?submitted=stored"))
    expect(page.locator(".notice")).to_contain_text("stored")
    expect(page.locator(".hl-actor").first).to_be_visible()


def test_script_in_an_article_shows_as_text(page, web_store_url):
    text = 'Officials met in Geneva. <script>window.pwned = true</script><img src=x onerror="window.pwned=1">'
    with Store(web_store_url) as store:
        article_id = store.save(
            Document(article=Article(id="script-test", title="<b>bold?</b>", text=text))
        ).article_id
    page.goto(f"/articles/{article_id}")
    assert page.evaluate("window.pwned") is None
    expect(page.locator(".text").first).to_contain_text("<script>window.pwned = true</script>")
    expect(page.locator("h1")).to_have_text("<b>bold?</b>")


def test_submit_without_the_token_is_refused(page):
    page.goto("/submit")
    page.fill("textarea[name=text]", "Egypt and Qatar mediated between the two sides on Sunday.")
    page.click("form.submit button")
    expect(page.locator(".error")).to_contain_text("token")


def test_cluster_page_puts_the_reports_side_by_side(page):
    page.goto("/clusters")
    # The hand-coded meeting is the Moscow cluster that more than one outlet reported.
    reported_twice = page.locator("td.n-sources", has_text=re.compile(r"^\s*([2-9]|\d\d+)\s*$"))
    page.locator("table.clusters tr", has_text="Moscow").filter(has=reported_twice).first.locator(
        "a"
    ).first.click()
    reports = page.locator(".report")
    expect(reports.filter(has_text="tass.example.ru")).to_have_count(1)
    expect(reports.filter(has_text="June 10")).to_have_count(1)
    first, second = reports.nth(0).bounding_box(), reports.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 5 and second["x"] > first["x"]  # side by side, not stacked
    expect(page.locator(".n-sources")).to_have_text(str(reports.count()))
