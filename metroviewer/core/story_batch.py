"""A batch's story candidates, found and scored at once with array operations.

Grouping places a batch of new articles one after another (store/story_grouping.py), but which
articles each one is compared with does not depend on where the earlier ones went: its
candidates are the first CANDIDATES_PER_BAND earlier articles of the batch sharing a band with
it, and the first ones the store keeps for each of its bands. So every pair of the batch is
found and scored here in a few vector steps, and the walk in order only picks, among the pairs
alike enough, the story to join. Scores are those of core.stories.similar. No SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from .stories import CONTAINMENT, CONTAINMENT_MIN_JACCARD, JACCARD, PERMUTATIONS

if TYPE_CHECKING:
    import numpy as np

# A band shared by more than this many articles says little (boilerplate, templated text):
# only its first few articles are candidates, so a look-up's cost is bounded.
CANDIDATES_PER_BAND = 4
_PAIRS_AT_ONCE = 32_768  # pairs compared per step (bounds the memory of the comparison)


@dataclass
class BatchArticle:
    """What the batch pass needs of a new article. `offers_bands`: it is neither an exact
    reprint of an earlier text nor too short, so it looks for candidates and can be one."""

    bands: tuple[int, ...]
    signature: bytes
    shingles: int
    offers_bands: bool


@dataclass
class BatchMatches:
    """`alike[i]`: the candidates alike enough to article i, as (score, candidate), where a
    candidate ≥ 0 is a position in the batch and one < 0 is ~(a stored article's id).
    `band_rows`: the (band, position) rows the store keeps (a band's first few articles)."""

    alike: list[list[tuple[float, int]]]
    band_rows: list[tuple[int, int]]


def batch_matches(batch: list[BatchArticle], stored_bands: dict[int, list[int]],
                  stored_prints: dict[int, tuple[bytes, int]], jaccard: float = JACCARD,
                  containment: float = CONTAINMENT) -> BatchMatches:
    """The alike pairs of a batch (see the module's docstring). `stored_bands`: band → the
    first stored articles keeping it (in the store's order); `stored_prints`: those that can
    be compared (signature, shingle count): a band row of an article no longer in a story is
    counted as taking its place but is no candidate."""
    import numpy as np

    alike: list[list[tuple[float, int]]] = [[] for _ in batch]
    offering = [i for i, a in enumerate(batch) if a.offers_bands and a.bands]
    if not offering:
        return BatchMatches(alike, [])
    keys = np.fromiter(chain.from_iterable(batch[i].bands for i in offering), dtype=np.int64)
    owner = np.repeat(np.array(offering, dtype=np.int64), [len(batch[i].bands) for i in offering])
    order = np.lexsort((owner, keys))  # by band, then by place in the batch
    keys, owner = keys[order], owner[order]
    entries = np.arange(len(keys))
    group_start = np.maximum.accumulate(np.where(np.r_[True, keys[1:] != keys[:-1]], entries, 0))
    rank = entries - group_start  # how many earlier articles of the batch share this band

    stored_keys, stored_ids = _stored_rows(stored_bands)
    low = np.searchsorted(stored_keys, keys, "left")
    high = np.searchsorted(stored_keys, keys, "right")
    kept_rows = rank + (high - low) < CANDIDATES_PER_BAND
    band_rows = list(zip(keys[kept_rows].tolist(), owner[kept_rows].tolist(), strict=True))

    comparable = {aid: n for n, aid in enumerate(a for a in dict.fromkeys(stored_ids.tolist()) if a in stored_prints)}
    stored_row = np.array([comparable.get(a, -1) for a in stored_ids.tolist()], dtype=np.int64)
    firsts, seconds = [], []
    for k in range(CANDIDATES_PER_BAND):
        earlier = rank > k  # the batch's k-th article of the band came before this one
        firsts.append(owner[earlier])
        seconds.append(owner[group_start[earlier] + k])
        kept = low + k < high
        row = stored_row[low[kept] + k]
        firsts.append(owner[kept][row >= 0])
        seconds.append(len(batch) + row[row >= 0])
    size = len(batch) + len(comparable)
    pairs = np.concatenate(firsts) * size + np.concatenate(seconds)
    pairs.sort()  # then each pair once (a candidate shares several bands): cheaper than np.unique's hashing
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if pairs.size else pairs
    pairs = pairs[pairs // size != pairs % size]  # an article whose two bands' keys collide is not its own candidate
    if not pairs.size:
        return BatchMatches(alike, band_rows)

    signatures = _signature_matrix([a.signature for a in batch] + [stored_prints[a][0] for a in comparable])
    shingles = np.array([a.shingles for a in batch] + [stored_prints[a][1] for a in comparable], dtype=np.float64)
    mine, theirs = pairs // size, pairs % size
    scores = np.concatenate([_scores(signatures, shingles, mine[s:s + _PAIRS_AT_ONCE], theirs[s:s + _PAIRS_AT_ONCE],
                                     jaccard, containment) for s in range(0, len(pairs), _PAIRS_AT_ONCE)])
    stored_id = np.array(list(comparable), dtype=np.int64)
    found = np.flatnonzero(scores >= 0)
    candidate = theirs[found]
    from_store = candidate >= len(batch)
    candidate[from_store] = ~stored_id[candidate[from_store] - len(batch)]
    for i, score, c in zip(mine[found].tolist(), scores[found].tolist(), candidate.tolist(), strict=True):
        alike[i].append((score, c))
    return BatchMatches(alike, band_rows)


def _stored_rows(stored_bands: dict[int, list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """The stored band rows as two arrays sorted by band, each band's articles in stored order."""
    import numpy as np

    keys = np.fromiter(chain.from_iterable([band] * len(ids) for band, ids in stored_bands.items()), dtype=np.int64)
    ids = np.fromiter(chain.from_iterable(stored_bands.values()), dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    return keys[order], ids[order]


def _signature_matrix(signatures: list[bytes]) -> np.ndarray:
    import numpy as np

    blank = bytes(4 * PERMUTATIONS)  # too short to have one: never a candidate, never compared
    return np.frombuffer(b"".join(s or blank for s in signatures), np.uint32).reshape(len(signatures), PERMUTATIONS)


def _scores(signatures: np.ndarray, shingles: np.ndarray, mine: np.ndarray, theirs: np.ndarray,
            jaccard: float, containment: float) -> np.ndarray:
    """Each pair's score as core.stories.similar gives it, or -1 when not alike enough."""
    import numpy as np

    j = np.count_nonzero(signatures[mine] == signatures[theirs], axis=1) / PERMUTATIONS
    a, b = shingles[mine], shingles[theirs]
    smaller = np.minimum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(smaller > 0, np.minimum(j * (a + b) / ((1 + j) * smaller), 1.0), 0.0)
    ok = (j >= jaccard) | ((c >= containment) & (j >= CONTAINMENT_MIN_JACCARD))
    return np.where(ok, np.maximum(j, c), -1.0)
