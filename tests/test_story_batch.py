"""A batch's story candidates found at once (core/story_batch.py) agree with comparing the
articles two by two (core/stories.similar), and a band keeps only its first few articles."""

from __future__ import annotations

import random

from metroviewer.core import stories as fp
from metroviewer.core.story_batch import CANDIDATES_PER_BAND, BatchArticle, batch_matches

WORDS = ["成都", "德阳", "眉山", "资阳", "轨道交通", "同城化", "公共服务", "产业协同", "签约", "项目", "投资", "亿元",
         "开工", "建设", "通勤", "医保", "互认", "市民", "高铁", "园区"]


def _texts(seed: int, stories: int, versions: int) -> list[str]:
    """Stories of several versions: each version drops or swaps a few words of its story."""
    rng = random.Random(seed)
    texts = []
    for _ in range(stories):
        base = [rng.choice(WORDS) for _ in range(60)]
        for _ in range(versions):
            words = list(base)
            for _ in range(rng.randint(0, 12)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            texts.append("".join(words))
    rng.shuffle(texts)
    return texts


def _article(text: str) -> tuple[fp.Fingerprint, BatchArticle]:
    print_ = fp.fingerprint(text)
    return print_, BatchArticle(print_.bands, print_.signature, print_.shingles, True)


def test_every_alike_pair_scores_as_comparing_the_two_articles():
    prints, batch = zip(*(_article(t) for t in _texts(3, 12, 5)), strict=True)
    matches = batch_matches(list(batch), {}, {})
    found = 0
    for i, alike in enumerate(matches.alike):
        for score, other in alike:
            assert 0 <= other < i  # an earlier article of the batch
            expected = fp.similar(prints[i].signature, prints[i].shingles, prints[other].signature,
                                  prints[other].shingles)
            assert score == expected > 0
            found += 1
    assert found > 20  # versions of one story find each other


def test_stored_articles_are_candidates_and_fill_their_bands():
    texts = _texts(5, 4, 4)
    stored = [_article(t)[0] for t in texts[:8]]
    new_prints, batch = zip(*(_article(t) for t in texts[8:]), strict=True)
    stored_bands: dict[int, list[int]] = {}
    for aid, print_ in enumerate(stored, start=100):
        for band in print_.bands:
            if len(stored_bands.setdefault(band, [])) < CANDIDATES_PER_BAND:
                stored_bands[band].append(aid)
    stored_prints = {aid: (p.signature, p.shingles) for aid, p in enumerate(stored, start=100)}
    matches = batch_matches(list(batch), stored_bands, stored_prints)
    from_store = [(i, ~c, s) for i, alike in enumerate(matches.alike) for s, c in alike if c < 0]
    assert from_store
    for i, aid, score in from_store:
        p = stored_prints[aid]
        assert score == fp.similar(new_prints[i].signature, new_prints[i].shingles, p[0], p[1])
    # A band row is kept only while the band has fewer than CANDIDATES_PER_BAND articles.
    for band, position in matches.band_rows:
        earlier = sum(1 for b, q in matches.band_rows if b == band and q < position)
        assert len(stored_bands.get(band, ())) + earlier < CANDIDATES_PER_BAND


def test_a_reprint_offers_no_bands_and_a_crowded_band_keeps_its_first_articles():
    text = _texts(7, 1, 1)[0]
    print_ = fp.fingerprint(text)
    copies = [BatchArticle(print_.bands, print_.signature, print_.shingles, True) for _ in range(6)]
    copies.append(BatchArticle(print_.bands, print_.signature, print_.shingles, False))  # an exact reprint
    matches = batch_matches(copies, {}, {})
    kept = {position for _band, position in matches.band_rows}
    assert kept == set(range(CANDIDATES_PER_BAND))
    assert matches.alike[6] == []  # a reprint joins its text's story without comparing
    assert [c for _s, c in matches.alike[5]] == list(range(CANDIDATES_PER_BAND))
