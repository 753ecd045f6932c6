"""Side by side with Recoll on one article a file: `python -m bench.recoll --articles 20000`.

Recoll (Xapian, CJK as bigrams) is the standard desktop indexer of document folders. Both
index the same generated corpus of one article a file (bench/corpus.py, shape "single"); the
output (JSON) gives for each its import rate, store size, search times of the first page of 50
with snippets (p50 / p95 over the benchmark's queries, 3 rounds) and recall: the share of the
articles holding every term of a query as a plain substring that the search finds.

Optional: skipped with a message when `recollindex` is not installed (Debian: recollcmd, and
python3-recoll for the searches, which run in the system's Python that has the module).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store

from .__main__ import QUERIES, machine, percentile
from .corpus import generate
from .cpu import DescendantsCPU
from .reference import load_articles

QUERY_ROUNDS = 3
# Run by the system's Python, where python3-recoll lives: times each query's first page of 50
# with snippets, and lists every result's file for recall.
_RECOLL_SEARCH = r"""
import json, sys, time
from recoll import recoll
confdir, queries, rounds = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
db = recoll.connect(confdir=confdir)
out = {}
for q in queries:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        query = db.query()
        query.execute(q)
        for doc in query.fetchmany(50):
            query.makedocabstract(doc)
        times.append((time.perf_counter() - t) * 1000)
    query = db.query()
    total = query.execute(q)
    found = [doc.url[len("file://"):] for doc in query.fetchmany(total)] if total else []
    out[q] = {"ms": times, "found": found}
print(json.dumps(out))
"""


def expected_files(articles: list[tuple[str, str, str, str | None]], query: str) -> set[str]:
    """The files whose article holds every term of `query` as a plain substring (case-insensitive;
    a trailing * is a prefix, so the stem is the substring)."""
    terms = [t.rstrip("*").lower() for t in query.split()]
    return {path for path, title, body, _when in articles
            if all(t in f"{title}\n{body}".lower() for t in terms)}


def recall(found: set[str], expected: set[str]) -> float | None:
    return round(len(found & expected) / len(expected), 3) if expected else None


def _summary(times: list[float]) -> dict[str, float]:
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 95), 2)}


def measure_metroviewer(corpus: Path, work: Path, articles: list[tuple[str, str, str, str | None]],
                        rounds: int) -> dict[str, object]:
    db = work / "metroviewer.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store(db)
    t, cpu = time.perf_counter(), time.process_time()
    with DescendantsCPU() as workers:
        report = ImportRun(store, default_gazetteer()).run([corpus])
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.search.search("预热", limit=1)
    times, recalls = [], {}
    for q in QUERIES:
        for _ in range(rounds):
            t = time.perf_counter()
            store.search.search(q, limit=50)
            times.append((time.perf_counter() - t) * 1000)
        ids = store.search.ranked_ids(q, limit=len(articles) + 1)
        found = {row[0] for row in store.db.execute(
            "SELECT d.path FROM articles a JOIN documents d ON d.id = a.document_id "
            "WHERE a.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])}
        recalls[q] = recall(found, expected_files(articles, q))
    store.close()
    return {"files_per_s": round(report.added / seconds), "seconds": round(seconds, 1),
            "cpu_s": round(cpu + (workers.seconds or 0), 1), "store_mb": round(db.stat().st_size / 1e6, 1),
            "search": _summary(times), "recall": recalls}


def measure_recoll(corpus: Path, work: Path, articles: list[tuple[str, str, str, str | None]],
                   rounds: int) -> dict[str, object]:
    confdir = work / "recoll"
    shutil.rmtree(confdir, ignore_errors=True)
    confdir.mkdir(parents=True)
    (confdir / "recoll.conf").write_text(f"topdirs = {corpus}\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(["recollindex", "-c", str(confdir), "-z"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(f.stat().st_size for f in (confdir / "xapiandb").rglob("*") if f.is_file())
    out: dict[str, object] = {"files_per_s": round(len(articles) / seconds), "seconds": round(seconds, 1),
                              "cpu_s": round(cpu, 1), "store_mb": round(size / 1e6, 1)}
    python = shutil.which("python3", path="/usr/bin") or "python3"
    r = subprocess.run([python, "-c", _RECOLL_SEARCH, str(confdir), json.dumps(QUERIES), str(rounds)],
                       capture_output=True, text=True, env=dict(os.environ, RECOLL_CONFDIR=str(confdir)))
    if r.returncode != 0:
        out["search"] = f"not measured: the recoll Python module failed ({r.stderr.strip()[-300:]})"
        return out
    results = json.loads(r.stdout)
    out["search"] = _summary([ms for q in QUERIES for ms in results[q]["ms"]])
    out["recall"] = {q: recall(set(results[q]["found"]), expected_files(articles, q)) for q in QUERIES}
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work", help="folder for the corpus and both indexes (default: a temporary one)")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args()
    if not shutil.which("recollindex"):
        print("skipped: recollindex is not installed (Debian/Ubuntu: apt-get install recollcmd python3-recoll)")
        return 0
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="mv-recoll-"))
    corpus = work / f"corpus-{args.articles}-single"
    if not corpus.exists():
        generate(corpus, args.articles, seed=args.seed, shape="single")
    articles = load_articles(corpus)
    result = {"articles": len(articles), "machine": machine(), "load_average": os.getloadavg(),
              "metroviewer": measure_metroviewer(corpus, work, articles, QUERY_ROUNDS),
              "recoll": measure_recoll(corpus, work, articles, QUERY_ROUNDS),
              "expected_matches": {q: len(expected_files(articles, q)) for q in QUERIES},
              "load_average_at_end": os.getloadavg()}
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
