"""The second quota of the gold picker: same hash order and word limits, check part only, none re-picked."""

from __future__ import annotations

from gold_pick import MAX_WORDS, MIN_WORDS, SourceArticle, hash_order, pick, pick_extra_check
from splits import article_part


def _articles(count: int, words: int = 200) -> list[SourceArticle]:
    return [SourceArticle("polnear", f"article-{n}", "word " * words, None) for n in range(count)]


def test_extra_check_takes_only_check_articles_in_hash_order_and_skips_those_taken():
    articles = _articles(60)
    first = pick(articles, 8)
    taken = {a.key for a in first}
    extra = pick_extra_check(articles, 3, taken)
    assert len(extra) == 3
    assert all(article_part("gold", a.key) == "check" for a in extra)
    assert not taken & {a.key for a in extra}
    ordered = sorted(articles, key=lambda a: hash_order(a.dataset, a.id))
    expected = [a for a in ordered if a.key not in taken and article_part("gold", a.key) == "check"][:3]
    assert [a.id for a in extra] == [a.id for a in expected]


def test_extra_check_keeps_the_word_limits():
    short = _articles(30, words=MIN_WORDS - 1)
    long = [SourceArticle("polnear", f"long-{n}", "word " * (MAX_WORDS + 1), None) for n in range(30)]
    assert pick_extra_check(short + long, 2, set()) == []
