"""Near-duplicate article bodies (syndicated copies) by MinHash over word shingles, banded for LSH.

Copies of one wire story differ in what outlets wrap around it — a byline, "Share"/"Subscribe" lines, a
dateline, a credit — and in a few edited words. So the body is normalised first: lines that look like page
furniture are dropped, the rest casefolded to words; then 5-word shingles, so one edited word disturbs only
the five shingles that cover it. MinHash (datasketch, fixed seed, so signatures stored in a database stay
comparable across runs) estimates the Jaccard similarity; 32 bands of 4 rows find candidates at a Jaccard
of about 0.4 and above, and a candidate is a copy when the estimate reaches `COPY_THRESHOLD`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 32, 4
SEED = 7
SHINGLE = 5
COPY_THRESHOLD = 0.5  # estimated Jaccard; chosen on bench/stories_syndication.py data, see docs/dedup.md
MIN_WORDS = 20  # a body shorter than this is too short to call a copy of anything

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
_FURNITURE = re.compile(
    r"^\s*(?:by\s+[\w.'’ -]{2,60}$|(?:share|subscribe|follow us|sign up|read more|related|advertisement|"
    r"click here|newsletter|copyright|all rights reserved|©|reporting by|editing by|writing by|photo:|"
    r"image:|credit:|updated|published)\b)",
    re.IGNORECASE,
)


def body_words(text: str) -> list[str]:
    """The casefolded words of the body, without lines that look like bylines, sharing prompts or credits."""
    kept = [line for line in text.splitlines() if not _FURNITURE.match(line)]
    return _WORD.findall("\n".join(kept).casefold())


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = body_words(text)
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # NUM_PERM uint64

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").astype(np.uint64))

    def bands(self) -> list[tuple[int, str]]:
        """(band number, hash) per LSH band: two bodies sharing any band are candidates."""
        return [
            (
                band,
                hashlib.blake2b(
                    self.values[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes(), digest_size=8
                ).hexdigest(),
            )
            for band in range(BANDS)
        ]

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two bodies' shingle sets."""
        return float(np.mean(self.values == other.values))


def signature(text: str) -> Signature | None:
    """The body's MinHash signature, or None when it has too few words to compare."""
    if len(body_words(text)) < MIN_WORDS:
        return None
    from datasketch import MinHash  # imported here: reading a store never needs it, and it is slow to import

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles(text)))
    return Signature(minhash.hashvalues.astype(np.uint64))
