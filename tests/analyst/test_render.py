"""`Document._repr_html_` (Jupyter) and `tacitus.render` on the sample and on hostile text."""

from __future__ import annotations

from html.parser import HTMLParser

import tacitus
from tacitus.contract import Actor, Article, Document, Event, Span


class TextOf(HTMLParser):
    """Collects the text inside `<div class="text">` and the highlighted spans' classes and ids."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.marks = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag == "div"
            if tag == "span":
                self.marks.append((attrs.get("class", ""), attrs.get("data-ids", ""), attrs.get("title", "")))
        elif tag == "div" and attrs.get("class") == "text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def parsed(html: str) -> TextOf:
    parser = TextOf()
    parser.feed(html)
    return parser


def test_render_sample_keeps_the_text_and_marks_every_record(sample_document, tmp_path):
    page = tacitus.render(sample_document, tmp_path / "sample.html")
    assert (tmp_path / "sample.html").read_text(encoding="utf-8") == page
    assert page.startswith("<!doctype html>") and sample_document.article.title in page
    found = parsed(page)
    assert "".join(found.text) == sample_document.article.text
    ids = " ".join(ids for _, ids, _ in found.marks).split()
    body_actors = {a.id for a in sample_document.actors if any(m.part is None for m in a.mentions)}
    assert {f"actor-{i}" for i in body_actors} <= set(ids)
    body_events = {e.id for e in sample_document.events if any(s.part is None for s in e.evidence)}
    assert {f"event-{i}" for i in body_events} <= set(ids)
    assert any("hl-timex" in classes for classes, _, _ in found.marks)
    assert any("hl-quote" in classes for classes, _, _ in found.marks)
    event = next(e for e in sample_document.events if e.sources and any(s.part is None for s in e.evidence))
    titles = [title for _, ids, title in found.marks if f"event-{event.id}" in ids.split()]
    assert any(event.type in t and sample_document.actor(event.sources[0]).name in t for t in titles)


def test_repr_html_is_the_fragment_jupyter_shows(sample_document):
    fragment = sample_document._repr_html_()
    assert fragment.startswith('<div class="tacitus-doc">') and fragment in tacitus.render(sample_document)


def test_render_escapes_article_text_and_names():
    text = 'Mallory <script>alert("x")</script> & "Eve" met <b>Bob</b>.'
    document = Document(
        article=Article(id="x", title="<i>T</i>", text=text),
        actors=[
            Actor(
                id="A1", name="<img src=x onerror=alert(1)>", type="person", mentions=[Span(start=0, end=7)]
            )
        ],
        events=[Event(id="E1", type="CONSULT", sources=["A1"], evidence=[Span(start=43, end=46)])],
    )
    page = tacitus.render(document)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "<i>T" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert "".join(parsed(page).text) == text


def test_render_rejects_what_is_not_a_document():
    import pytest

    with pytest.raises(TypeError, match="dict"):
        tacitus.render({"article": {}})
