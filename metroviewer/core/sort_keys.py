"""Title sort keys: the order a Chinese reader expects (pinyin), with Latin titles among them.

A key compares letter by letter, the way an index is alphabetised: Chinese characters count as
their pinyin (北京 as "beijing"), Latin letters in lower case without accents, and spaces and
punctuation not at all. So Latin titles interleave with Chinese ones by their letters: "Beijing"
sorts with 北京, "Chengdu Metro" with 成都 (after 成都都市圈: chengdud… < chengdum…), instead of
all coming before them. A run of digits compares as a number (9 before 10), and numbers come
before letters. Equal letters are told apart by the tones (北京 bei3jing1 before 背景
bei4jing3; a Latin title, toneless, first), then by the list's id. Characters pypinyin has no
reading for sort after every letter, as themselves.

The stored keys order the list (store/articles.py pages by (title_key, id)); they are written at
import, on a title edit and by the m016 migration, all with `title_sort_key`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Between the letters and the tones: below every character a key's letters can hold, so
# "beijing" (then its tones) sorts before "beijingshi".
TONES = "\x01"
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_DIGITS = re.compile(r"\d+")
# Phrases of up to four characters: 98 % of pypinyin's phrase dictionary. The 1,000 longer ones
# are mostly idioms and sayings, rare in policy titles; cut into shorter phrases, 39 of them read
# a character otherwise (三百六十行 ...xing, not ...hang). Looking them up too would treble the
# lookups per character.
LONGEST_PHRASE = 4
# A character outside any listed phrase takes pypinyin's first reading, except where titles
# about places mean another: 长 alone is mostly a place (长治, 长宁区, 长三角: cháng); its
# zhǎng is in phrases (市长, 增长, 董事长) that the dictionary reads so.
_SINGLE_READINGS = {"长": ("chang", "2")}


def title_sort_key(title: str) -> str:
    """The key that sorts `title` among others in pinyin order (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", title)  # full-width ＡＢ１ as AB1
    letters: list[str] = []
    tones: list[str] = []
    end = 0
    for run in _HAN_RUN.finditer(text):
        letters.append(_latin_letters(text[end:run.start()]))
        run_letters, run_tones = _run_reading(run.group())
        letters.append(run_letters)
        tones.append(run_tones)
        end = run.end()
    letters.append(_latin_letters(text[end:]))
    return "".join(letters) + TONES + "".join(tones)


@lru_cache(maxsize=50_000)
def _run_reading(run: str) -> tuple[str, str]:
    """A run of Chinese characters' pinyin letters and tone digits, word by word. Titles of one
    subject repeat whole runs (成都都市圈, 同城化), so each run is cut into words once."""
    letters, tones = [], []
    for word in _words(run):
        word_letters, word_tones = _word_reading(word)
        letters.append(word_letters)
        tones.append(word_tones)
    return "".join(letters), "".join(tones)


def _words(run: str) -> list[str]:
    """A run of Chinese characters cut into the longest phrases pypinyin's phrase dictionary
    lists, left to right, and single characters between them. The phrases are what pick a
    polyphonic character's reading (重庆 chongqing, 长沙 changsha, 银行 yinhang)."""
    phrases = _phrases()
    words, i, n = [], 0, len(run)
    while i < n:
        for length in range(min(LONGEST_PHRASE, n - i), 1, -1):
            if run[i:i + length] in phrases:
                break
        else:
            length = 1
        words.append(run[i:i + length])
        i += length
    return words


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[list[str]]]:
    """pypinyin's phrase dictionary, loaded on the first key: it takes half a second to load
    (a 2.5 MB JSON file), which a window that only lists articles should not wait for. Keys
    are made on the import's worker processes (ingest/prepare.py), so the window's process
    loads it only for a title edit or the m016 migration."""
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@lru_cache(maxsize=200_000)
def _word_reading(word: str) -> tuple[str, str]:
    """A word's pinyin letters and tone digits (5: neutral). Converting is most of the cost of
    a key and titles share their words, so each word is converted once."""
    if word in _SINGLE_READINGS:
        return _SINGLE_READINGS[word]
    from pypinyin import Style, lazy_pinyin

    letters, tones = [], []
    for syllable in lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True):
        if syllable[-1:].isdigit():
            letters.append(syllable[:-1])
            tones.append(syllable[-1])
        else:  # no reading known: the character itself
            letters.append(syllable)
    return "".join(letters).replace("ü", "v"), "".join(tones)


def _latin_letters(text: str) -> str:
    """Letters and digits only, lower case, accents dropped; each number as its length and its
    digits, so that numbers compare by value."""
    if not text:
        return ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    kept = "".join(c for c in plain.casefold() if c.isalnum())
    return _DIGITS.sub(_number, kept)


def _number(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    # One digit says how long the number is (up to 9 digits; longer ones compare as text after).
    return str(min(len(digits), 9)) + digits
