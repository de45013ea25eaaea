"""Fuzzing the readers and the cleaner with hypothesis (bounded: a fixed number of examples and a deadline):
whatever bytes arrive, each input gives an `Article` or an `InputError`, never an exception, and the text
that comes out can be stored (no NUL, no lone surrogate)."""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.contract import Article
from tacitus.errors import InputError
from tacitus.ingest import read_inputs
from tacitus.ingest.cleaner import clean_extracted, clean_text
from tacitus.ingest.decode import decode_bytes
from tacitus.ingest.readers import read_jsonl

FUZZ = settings(
    max_examples=150,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
WORDS = st.sampled_from(
    [
        "Lavrov",
        "met",
        "Hamas",
        "in",
        "Moscow",
        "on",
        "Monday",
        ".",
        "\u201c",
        "\u2014",
        "<p>",
        "</p>",
        "\n",
        "\n\n",
    ]
)
PROSE = st.lists(WORDS, max_size=60).map(" ".join)
TEXTS = st.one_of(st.text(max_size=400), PROSE)
HOSTILE = st.one_of(
    st.binary(max_size=600),
    TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(PROSE, st.binary(max_size=4)).map(lambda p: p[0].encode() + p[1] + p[0].encode()),
)


def _storable(article: Article) -> None:
    for value in (article.text, article.title or "", article.url or "", article.id):
        assert "\x00" not in value
        value.encode("utf-8")  # no lone surrogate


@FUZZ
@given(data=HOSTILE)
def test_fuzz_decode_gives_text_or_an_input_error(data):
    try:
        text, encoding = decode_bytes(data, "fuzz")
    except InputError:
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(text=TEXTS)
def test_fuzz_cleaner_never_raises(text):
    for cleaned in (clean_text(text), clean_extracted(text, title=text[:20] or None)):
        assert isinstance(cleaned.body, str)


@FUZZ
@given(
    lines=st.lists(
        st.one_of(
            HOSTILE,
            st.dictionaries(
                st.sampled_from(["id", "url", "title", "published", "text", "html", "source"]),
                st.one_of(TEXTS, st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
            ).map(lambda r: json.dumps(r).encode()),
        ),
        max_size=6,
    )
)
def test_fuzz_jsonl_lines_each_give_an_article_or_an_error(lines):
    stream = io.BytesIO(b"\n".join(line.replace(b"\n", b" ") for line in lines))
    for item in read_jsonl(stream, "fuzz.jsonl"):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            _storable(item)


@FUZZ
@given(
    data=HOSTILE,
    cut=st.integers(min_value=0, max_value=200),
    name=st.sampled_from(["a.txt", "a.html", "a.jsonl.gz"]),
)
def test_fuzz_files_never_stop_the_batch(tmp_path_factory, data, cut, name):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / name
    if name.endswith(".gz"):
        packed = gzip.compress(data)
        path.write_bytes(packed[: max(len(packed) - cut, 0)])
    else:
        path.write_bytes(data)
    last = folder / "z-last.txt"
    last.write_text("Lavrov met Hamas leaders in Moscow on Monday.")
    items = list(read_inputs([str(path), str(last)]))
    assert all(isinstance(i, Article | InputError) for i in items)
    assert isinstance(items[-1], Article) and items[-1].text.startswith("Lavrov")
    for item in items:
        if isinstance(item, Article):
            _storable(item)
