"""The array fast paths of preparing an article give exactly what the plain versions give.

Stores already hold fingerprints, index text and title keys made by the earlier code, and new
imports are compared with them: so each fast path is checked here against the straightforward
version it replaced (kept below as the reference), on varied text: empty, short, without Han,
with astral and lone surrogate characters, punctuation only, underscores, long runs.
"""

from __future__ import annotations

import hashlib
import random
import re

import numpy as np
import pytest

from metroviewer.core import search_text, sort_keys, stories, text

# -- the reference versions ---------------------------------------------------------------------


def reference_fingerprint(folded_text: str) -> stories.Fingerprint:
    cleaned = re.sub(r"[\W_]+", "", folded_text)
    text_hash = hashlib.blake2b(cleaned.encode("utf-8"), digest_size=12).hexdigest()
    if len(cleaned) - stories.SHINGLE + 1 < stories.MIN_SHINGLES:
        return stories.Fingerprint(text_hash, b"", 0, ())
    codes = np.frombuffer(cleaned.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - stories.SHINGLE + 1
    h = codes[:n].copy()
    with np.errstate(over="ignore"):
        for i in range(1, stories.SHINGLE):
            h = h * np.uint64(0x100000001B3) + codes[i:i + n]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    h.sort()
    distinct = 1 + int(np.count_nonzero(h[1:] != h[:-1]))
    perms = stories.PERMUTATIONS
    bins = (h % np.uint64(perms)).astype(np.intp)
    signature = np.full(perms, 0xFFFFFFFF, dtype=np.uint32)
    np.minimum.at(signature, bins, (h >> np.uint64(32)).astype(np.uint32))
    filled = np.zeros(perms, dtype=bool)
    filled[bins] = True
    if not filled.all():
        full = np.flatnonzero(filled)
        nxt = full[np.searchsorted(full, np.arange(perms)) % len(full)]
        distance = (nxt - np.arange(perms)) % perms
        signature = np.where(filled, signature, signature[nxt] + (distance.astype(np.uint32) * np.uint32(0x9E3779B1)))
    rows = signature.reshape(stories.BANDS, stories.ROWS)[:stories.LSH_BANDS].astype(np.uint64)
    with np.errstate(over="ignore"):
        key = np.arange(1, stories.LSH_BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for r in range(stories.ROWS):
            key = (key ^ rows[:, r]) * np.uint64(0x100000001B3)
        key ^= key >> np.uint64(31)
    return stories.Fingerprint(text_hash, signature.tobytes(), distinct, tuple(key.view(np.int64).tolist()))


def reference_pairs_and_characters(value: str) -> tuple[str, str]:
    """The earlier array version: its exact output (spaces included) is what stores hold."""
    codes = np.frombuffer(value.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han = text.han_table()[codes].astype(np.int8)
    if not han.any():
        return value, ""
    followed = np.zeros_like(han)
    followed[:-1] = han[1:]
    pair = han & followed
    starts = np.empty_like(han)
    starts[0] = han[0]
    np.greater(han[1:], han[:-1], out=starts[1:])
    lengths = (1 + 2 * pair + starts).astype(np.intp)
    ends = np.cumsum(lengths)
    at = ends - lengths + starts
    out = np.full(int(ends[-1]), ord(" "), dtype=np.uint32)
    keep = np.flatnonzero((han == 0) | pair)
    out[at[keep]] = codes[keep]
    in_pair = np.flatnonzero(pair)
    out[at[in_pair] + 1] = codes[in_pair + 1]
    distinct = np.unique(codes[han.view(bool)])
    spaced = np.full(2 * distinct.size - 1, ord(" "), dtype=np.uint32)
    spaced[::2] = distinct
    return (out.tobytes().decode("utf-32-le", "surrogatepass"),
            spaced.tobytes().decode("utf-32-le", "surrogatepass"))


def reference_language(value: str) -> str:
    sample = value[:1000]
    han = len(sample) - len(text.HAN_RUN.sub("", sample))
    return "zh" if han >= len(re.findall(r"[A-Za-z]+", sample)) else "en"


def reference_title_key(title: str) -> str:
    import unicodedata

    value = unicodedata.normalize("NFKC", title)
    letters, tones, end = [], [], 0
    for run in sort_keys._HAN_RUN.finditer(value):
        letters.append(sort_keys._latin_letters(value[end:run.start()]))
        for word in sort_keys._words(run.group()):
            word_letters, word_tones = sort_keys._word_reading(word)
            letters.append(word_letters)
            tones.append(word_tones)
        end = run.end()
    letters.append(sort_keys._latin_letters(value[end:]))
    return "".join(letters) + sort_keys.TONES + "".join(tones)


# -- varied text ----------------------------------------------------------------------------------

ALPHABET = (
    "成都都市圈重庆市同城化轨道交通长江经济带" "龍門灣" "\u3400\u4dbf\u9fff\uf900\ufaff"  # Han, ranges' ends
    "abcXYZ éÅß İ" "0123456789" "１２Ａｂ" "，。、：；！？（）《》“”—-_ \n\t" "\U00020000\U0002a6d6\U0001f600"
    "\ud800\udfff" "٣٤" "ⅻ½"  # lone surrogates, other digits and numerals
)


def varied_texts() -> list[str]:
    rng = random.Random(18)
    texts = ["", "a", "成", "成都", "，。", "___", "成都 都市圈", "Hello, world", "\ud800", "\U00020000" * 40]
    for length in (3, 27, 28, 29, 30, 63, 64, 65, 100, 300, 2000):
        for _ in range(12):
            texts.append("".join(rng.choice(ALPHABET) for _ in range(length)))
    for _ in range(10):  # long Han runs and long runs without Han
        texts.append("".join(rng.choice("都市圈成渝") for _ in range(rng.randint(60, 400))))
        texts.append("".join(rng.choice("metro area, 2024! ") for _ in range(rng.randint(60, 400))))
    return texts


TEXTS = varied_texts()


@pytest.mark.parametrize("value", TEXTS)
def test_the_fingerprint_is_the_one_the_plain_version_makes(value):
    folded = text.fold_same_length(value)
    assert stories.fingerprint(folded) == reference_fingerprint(folded)
    assert stories.fingerprint(value) == reference_fingerprint(value)


def test_short_texts_leave_empty_bins_and_still_match():
    # 30 characters: 27 shingles over 96 bins, so most bins borrow their neighbour's value.
    value = "".join(chr(0x4E00 + i * 7) for i in range(30))
    print_ = stories.fingerprint(value)
    assert print_.shingles == 27 and print_ == reference_fingerprint(value)


def test_band_keys_of_stored_signatures_are_the_fingerprints_own():
    for value in TEXTS:
        print_ = stories.fingerprint(value)
        assert stories.band_keys(print_.signature) == print_.bands


@pytest.mark.parametrize("value", TEXTS)
def test_index_pairs_and_characters_are_the_earlier_ones(value):
    if not value:
        return
    assert search_text._pairs_and_characters(value) == reference_pairs_and_characters(value)
    pairs, _ = search_text._pairs_and_characters(value)
    assert pairs.split() == search_text._HAN_RUN.sub(search_text._pairs, value).split()


@pytest.mark.parametrize("value", TEXTS)
def test_the_language_is_read_as_before(value):
    assert text.detect_language(value) == reference_language(value)


def test_english_text_with_a_few_chinese_names_is_english():
    assert text.detect_language("The Chengdu (成都) and Chongqing (重庆) metro plan, 2024") == "en"
    assert text.detect_language("成都重庆 metro") == "zh"


def test_title_keys_are_the_same_whether_runs_were_seen_before_or_not():
    titles = ["成都都市圈建设提速（3）", "成都都市圈：长江经济带", "Chengdu 成都都市圈 Metro 12", "重庆银行长沙分行",
              "", "ＡＢ１ 北京", "\U00020000成都"] + [t for t in TEXTS if len(t) < 120]
    sort_keys._run_reading.cache_clear()
    cold = [sort_keys.title_sort_key(t) for t in titles]
    warm = [sort_keys.title_sort_key(t) for t in titles]
    assert cold == warm == [reference_title_key(t) for t in titles]
