"""Time the region tagger alone on generated articles: articles/s and build time.

    .venv/bin/python tools/bench_tagger.py [--articles 3000] [--texts FILE]

`--texts` reads (or, when missing, writes) the articles as JSON, so a run before and after a
gazetteer change tags the same text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metroviewer.core.text import fold_same_length  # noqa: E402
from metroviewer.regions.gazetteer import load_gazetteer  # noqa: E402
from metroviewer.regions.tagger import RegionTagger, mentions_of  # noqa: E402


def texts_of(articles: int) -> list[str]:
    import random

    from bench.corpus import _Writer
    from metroviewer.regions.gazetteer import default_gazetteer

    writer = _Writer(random.Random(7), default_gazetteer())
    return [f"{t}\n{b}" for t, b, _ in (writer.article() for _ in range(articles))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--texts", type=Path)
    args = parser.parse_args()
    if args.texts and args.texts.exists():
        texts = json.loads(args.texts.read_text(encoding="utf-8"))
    else:
        texts = texts_of(args.articles)
        if args.texts:
            args.texts.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    tagger = RegionTagger(gazetteer)
    build = time.perf_counter() - started
    folded = [fold_same_length(t) for t in texts]
    best = None
    for _ in range(3):
        started = time.perf_counter()
        tags = 0
        for text in folded:
            tags += len(mentions_of(tagger.positions_folded(text)))
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    chars = sum(len(t) for t in texts)
    print(json.dumps({"articles": len(texts), "characters": chars, "regions": len(gazetteer.regions),
                      "keys": len(tagger._keys), "build_s": round(build, 3),
                      "articles_per_s": round(len(texts) / best), "mchars_per_s": round(chars / best / 1e6, 2),
                      "tags_per_article": round(tags / len(texts), 2)}))


if __name__ == "__main__":
    main()
