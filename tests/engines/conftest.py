"""A real local Ray (2 CPUs) started once per session through the engine's own start-up, or a skip saying why;
and twelve small, distinct made-up news articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLES = [
    (
        "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday to discuss "
        "trade and security in Central Asia. Lavrov said Moscow and Beijing would sign a new energy agreement next "
        "month, and Wang praised what he called a deepening partnership between the two neighbours.",
        "2024-04-09",
    ),
    (
        "Thousands of farmers protested in Paris on Monday against new environmental rules, blocking roads around "
        "the capital with tractors. The French agriculture minister promised to meet union leaders on Thursday, "
        "while police said 40 people were detained after clashes near the National Assembly building.",
        "2024-01-29",
    ),
    (
        "The United Nations Security Council will vote on Friday on a resolution demanding a cease-fire in Sudan, "
        "diplomats said. The United States and the United Kingdom drafted the text after fighting between the army "
        "and the Rapid Support Forces displaced more than two million people in the Darfur region this year.",
        "2024-03-06",
    ),
    (
        "Kenyan President William Ruto accused opposition leader Raila Odinga of inciting violence after protests in "
        "Nairobi left three people dead on Wednesday. Odinga rejected the accusation and called for a national "
        "dialogue, saying his supporters had the right to demonstrate peacefully against rising food prices.",
        "2023-07-13",
    ),
    (
        "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations and reopen embassies within two "
        "months, in a deal brokered by China. The foreign ministers of both countries said in a joint statement that "
        "they would respect each other's sovereignty and revive a security cooperation pact signed in 2001.",
        "2023-03-10",
    ),
    (
        "Israeli aircraft struck targets in southern Lebanon overnight after Hezbollah fired rockets at army posts in "
        "the north of Israel, the Israeli military said on Sunday. Lebanese officials said two civilians were killed "
        "in the strikes, and the United Nations urged both sides to show restraint along the border.",
        "2024-02-18",
    ),
    (
        "German Chancellor Olaf Scholz visited Kyiv on Monday and promised Ukraine additional air defence systems "
        "before the winter. Ukrainian President Volodymyr Zelensky thanked Germany for its support and asked European "
        "partners to speed up deliveries of artillery ammunition, which he said was running short at the front.",
        "2023-12-04",
    ),
    (
        "Venezuela's government and the opposition resumed talks in Mexico City on Saturday, with Norway acting as "
        "mediator. The delegations said they would discuss the release of political prisoners and conditions for the "
        "presidential election, while Washington said it could ease oil sanctions if the talks made real progress.",
        "2023-10-14",
    ),
    (
        "Police in Dhaka arrested dozens of opposition activists on Thursday ahead of a planned rally by the "
        "Bangladesh Nationalist Party. The party said the arrests were an attempt to crush dissent before the "
        "general election, and the European Union called on the authorities to respect freedom of assembly.",
        "2023-10-26",
    ),
    (
        "North Korea fired a ballistic missile into the sea off its east coast on Wednesday, South Korea's military "
        "said, the third launch this month. Japan protested through diplomatic channels in Beijing, and the United "
        "States condemned the test as a violation of several Security Council resolutions.",
        "2023-11-22",
    ),
    (
        "Turkey's parliament approved Sweden's bid to join NATO on Tuesday after months of delay, clearing one of the "
        "last obstacles to the alliance's expansion. Swedish Prime Minister Ulf Kristersson welcomed the vote and said "
        "his country would be a reliable ally, while Hungary has yet to hold its own ratification vote.",
        "2024-01-23",
    ),
    (
        "Brazilian President Luiz Inacio Lula da Silva hosted Argentine officials in Brasilia on Friday and offered "
        "loans to help Argentina pay for imports. Lula said South American countries must trade in their own "
        "currencies, and the Argentine economy minister said both governments would sign the agreement in June.",
        "2023-05-05",
    ),
]


def write_articles(path: Path, *, extra_lines: list[str] = ()) -> Path:
    """The twelve articles as JSONL (ids a01…a12, each with its own URL), then any extra raw lines."""
    lines = [
        json.dumps(
            {
                "id": f"a{index:02d}",
                "url": f"https://news.example.org/{index:02d}",
                "title": text.split(",")[0],
                "published": published,
                "text": text,
            }
        )
        for index, (text, published) in enumerate(ARTICLES, start=1)
    ]
    path.write_text("\n".join([*lines, *extra_lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def ray_session():
    """Start a local Ray once, as `--engine ray` would (2 CPUs, short temp dir, no dashboard); every Ray test
    reuses it (the engine leaves an already running Ray alone). Skips with the reason if Ray cannot start."""
    ray = pytest.importorskip("ray")
    from tacitus.engines import ray_engine
    from tacitus.errors import EngineError

    try:
        started = ray_engine.connect(2, None)
    except EngineError as error:
        pytest.skip(f"Ray cannot start on this machine: {error}")
    yield ray
    if started:
        ray.shutdown()
