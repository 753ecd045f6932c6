"""Near-duplicate fingerprints of an article's text, for grouping the versions of one story.

MinHash over character shingles of the folded text (letters and digits only: punctuation,
spaces and line breaks do not count), with locality-sensitive hashing by bands: two texts whose
shingle sets overlap (Jaccard) by J share at least one band with probability
1 - (1 - J^ROWS)^LSH_BANDS. Pure numpy, deterministic across processes (no `hash()`); computed on
the import's workers. Candidates found by bands are confirmed by `similar` (the estimated
Jaccard, or how much of the shorter text the longer one contains). No Qt, no SQL.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 4  # characters (Han text: two words; Latin text: a short syllable run)
BANDS = 32
ROWS = 3
PERMUTATIONS = BANDS * ROWS
# The bands looked up and stored: the first LSH_BANDS of the signature's BANDS (the whole
# signature still estimates the Jaccard). A text overlapping another by J shares a band with
# probability 1 - (1 - J^ROWS)^LSH_BANDS: 0.96 at J = 0.5 with 24 bands, 0.99 with 32.
LSH_BANDS = 24
MIN_SHINGLES = 25  # shorter texts group only as exact reprints
# Grouping thresholds (the settings): estimated Jaccard of the two texts' shingles, or the share
# of the shorter text found in the longer (a trimmed version, a lead with an editor's line).
JACCARD = 0.5
CONTAINMENT = 0.8
CONTAINMENT_MIN_JACCARD = 0.25
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Fingerprint:
    """What grouping needs of an article: the hash of its cleaned text, its MinHash signature
    (PERMUTATIONS × uint32 as bytes, empty when too short) with its shingle count, and band keys."""

    text_hash: str
    signature: bytes
    shingles: int
    bands: tuple[int, ...]


def cleaned(folded_text: str) -> str:
    """The text as compared: folded (core.text.fold_same_length) and without punctuation or spaces."""
    return _NOT_WORD.sub("", folded_text)


_TABLE_SIZE = 0x10000  # the Basic Multilingual Plane: a 64 KB table, built in a few milliseconds


@lru_cache(maxsize=1)
def _is_word_table() -> np.ndarray:
    """BMP code point → True when `cleaned` keeps it: built by running `_NOT_WORD` over every
    such code point once, so the array and the regular expression cannot disagree."""
    import numpy as np

    every = np.arange(_TABLE_SIZE, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    kept = _NOT_WORD.sub("", every).encode("utf-32-le", "surrogatepass")
    table = np.zeros(_TABLE_SIZE, dtype=bool)
    table[np.frombuffer(kept, dtype=np.uint32)] = True
    return table


def _cleaned_codes(folded_text: str) -> np.ndarray:
    """The code points of `cleaned(folded_text)`, picked with one array look-up (an article's
    text has a punctuation mark every few words: the regular expression substitutes each)."""
    import numpy as np

    codes = np.frombuffer(folded_text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    try:
        return codes[_is_word_table()[codes]]
    except IndexError:  # a character beyond the BMP (rare): the regular expression itself
        return np.frombuffer(cleaned(folded_text).encode("utf-32-le"), dtype=np.uint32)


_FNV = 0x100000001B3


def _shingle_hashes(codes: np.ndarray) -> np.ndarray:
    """The 64-bit hashes of the SHINGLE-character runs of the code points `codes`, sorted
    (repeats kept: the minimum ignores them). Array integer arithmetic wraps silently."""
    import numpy as np

    n = len(codes) - SHINGLE + 1
    h = codes[:n].astype(np.uint64)
    prime = np.uint64(_FNV)
    for i in range(1, SHINGLE):
        h *= prime
        h += codes[i:i + n]
    h ^= h >> np.uint64(29)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(32)
    h.sort()
    return h


def _one_permutation_minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash by one permutation (Li, Owen & Zhang 2012): each shingle's hash falls in one of
    PERMUTATIONS bins and each bin keeps its least value; an empty bin borrows the value of the
    next non-empty one, with that bin's offset (densification, Shrivastava 2017), so that the
    share of equal bins estimates the Jaccard like classic MinHash, at a fraction of its cost."""
    import numpy as np

    bins = (hashes % np.uint64(PERMUTATIONS)).astype(np.intp)
    values = (hashes >> np.uint64(32)).astype(np.uint32)
    signature = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    np.minimum.at(signature, bins, values)
    if not (signature == 0xFFFFFFFF).any():
        return signature  # every bin filled (an article's hundreds of shingles nearly always fill all)
    filled = np.zeros(PERMUTATIONS, dtype=bool)
    filled[bins] = True
    if not filled.all():
        full = np.flatnonzero(filled)
        # Each empty bin takes the next filled bin to its right (wrapping round).
        nxt = full[np.searchsorted(full, np.arange(PERMUTATIONS)) % len(full)]
        distance = (nxt - np.arange(PERMUTATIONS)) % PERMUTATIONS
        signature = np.where(filled, signature,
                             signature[nxt] + (distance.astype(np.uint32) * np.uint32(0x9E3779B1)))
    return signature


def fingerprint(folded_text: str) -> Fingerprint:
    """The fingerprint of a text already folded for tagging (title excluded: headlines change)."""
    import numpy as np

    codes = _cleaned_codes(folded_text)
    text = codes.tobytes().decode("utf-32-le")  # `cleaned` keeps no surrogate
    text_hash = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
    if len(codes) - SHINGLE + 1 < MIN_SHINGLES:
        return Fingerprint(text_hash, b"", 0, ())
    hashes = _shingle_hashes(codes)
    distinct = 1 + int(np.count_nonzero(hashes[1:] != hashes[:-1]))
    signature = _one_permutation_minhash(hashes)
    return Fingerprint(text_hash, signature.tobytes(), distinct, _band_keys_of(signature))


def band_keys(signature: bytes) -> tuple[int, ...]:
    """The LSH keys of a signature: one signed 64-bit integer per band of ROWS values."""
    import numpy as np

    if not signature:
        return ()
    return _band_keys_of(np.frombuffer(signature, dtype=np.uint32))


@lru_cache(maxsize=1)
def _band_seeds() -> np.ndarray:
    import numpy as np

    with np.errstate(over="ignore"):
        return np.arange(1, LSH_BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def _band_keys_of(signature: np.ndarray) -> tuple[int, ...]:
    import numpy as np

    rows = signature[:LSH_BANDS * ROWS].reshape(LSH_BANDS, ROWS).astype(np.uint64)
    key = _band_seeds().copy()
    prime = np.uint64(_FNV)
    for r in range(ROWS):
        key ^= rows[:, r]
        key *= prime
    key ^= key >> np.uint64(31)
    return tuple(key.view(np.int64).tolist())


def similarity(sig_a: bytes, n_a: int, sig_b: bytes, n_b: int) -> tuple[float, float]:
    """(estimated Jaccard, estimated share of the shorter text contained in the longer)."""
    import numpy as np

    if not sig_a or not sig_b:
        return 0.0, 0.0
    j = float(np.count_nonzero(np.frombuffer(sig_a, np.uint32) == np.frombuffer(sig_b, np.uint32))) / PERMUTATIONS
    smaller = min(n_a, n_b)
    containment = j * (n_a + n_b) / ((1 + j) * smaller) if smaller else 0.0
    return j, min(containment, 1.0)


def similar(sig_a: bytes, n_a: int, sig_b: bytes, n_b: int, jaccard: float = JACCARD,
            containment: float = CONTAINMENT) -> float:
    """How alike two texts are, 0 when not enough to be one story: one is when the estimated
    Jaccard passes `jaccard`, or the shorter text's share in the longer passes `containment`."""
    j, c = similarity(sig_a, n_a, sig_b, n_b)
    if j >= jaccard or (c >= containment and j >= CONTAINMENT_MIN_JACCARD):
        return max(j, c)  # a trimmed version ranks the fuller text it came from first
    return 0.0
