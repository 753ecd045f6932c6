"""Run the benchmark: `python -m bench --articles 100000` (prints JSON; see docs/performance.md)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from metroviewer.ingest.run import ImportRun
from metroviewer.regions.gazetteer import default_gazetteer
from metroviewer.store import Store
from metroviewer.store import imports as imports_module
from metroviewer.store.articles import ArticleFilter
from metroviewer.store.stories import group_new_articles
from metroviewer.summary.data import panel_data

from .corpus import SHAPES, generate
from .cpu import DescendantsCPU
from .reference import bare_insert, load_articles, minimal_insert

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["成", "资", "都", "成都", "资阳", "德阳", "南京", "同城", "重装之都", "产业协同", "轨道交通", "公共服务",
           "Chengdu", "metropolitan", "investment", "railway", "metropol*", "integr*", "commut*", "Nanjing 都市圈"]
REGION_FILTER = "长三角"


def machine() -> dict[str, object]:
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cores": os.cpu_count(), "memory_mb": mem, "cpu": cpu, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "platform": platform.platform()}


def time_calls(obj: object, name: str) -> list[float]:
    """Wrap obj.name to add up the seconds spent in it; returns the one-element total."""
    total = [0.0]
    original = getattr(obj, name)

    def timed(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - start

    setattr(obj, name, timed)
    return total


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure_search(store: Store, rounds: int) -> dict[str, object]:
    timings: dict[str, list[float]] = {"no_filter": [], "region_filter": []}
    per_query: dict[str, float] = {}
    region = ArticleFilter(region=REGION_FILTER)
    for _ in range(rounds):
        for q in QUERIES:
            for key, f in (("no_filter", ArticleFilter()), ("region_filter", region)):
                t = time.perf_counter()
                store.search.search(q, f, limit=50)
                elapsed = (time.perf_counter() - t) * 1000
                timings[key].append(elapsed)
                per_query[f"{q} [{key}]"] = max(per_query.get(f"{q} [{key}]", 0), elapsed)
    every = timings["no_filter"] + timings["region_filter"]
    return {"p50_ms": round(statistics.median(every), 2), "p95_ms": round(percentile(every, 95), 2),
            "max_ms": round(max(every), 2),
            "p95_no_filter_ms": round(percentile(timings["no_filter"], 95), 2),
            "p95_region_filter_ms": round(percentile(timings["region_filter"], 95), 2),
            "slowest": dict(sorted(per_query.items(), key=lambda kv: -kv[1])[:5])}


def measure_region_select(store: Store) -> dict[str, object]:
    """What selecting a region costs the window: the list's first page, the tree's counts and
    the summary panels' data (charts' numbers, and the figures read from the newest articles)."""
    gazetteer = default_gazetteer()
    panel_data(store, gazetteer, ArticleFilter(region="德阳"))  # builds the tagger once, as the window does
    results, panels = {}, {}
    for region in (None, "长三角", "成都都市圈", "德阳", "南京/鼓楼区"):
        samples, panel_samples = [], []
        for _ in range(5):
            t = time.perf_counter()
            store.articles.page(ArticleFilter(region=region), limit=200)
            store.regions.counts()
            store.articles.topics()
            store.articles.totals()
            t_panels = time.perf_counter()
            panel_data(store, gazetteer, ArticleFilter(region=region))
            samples.append((time.perf_counter() - t) * 1000)
            panel_samples.append((time.perf_counter() - t_panels) * 1000)
        name = region or "all articles"
        results[name] = round(statistics.median(samples), 2)
        panels[name] = round(statistics.median(panel_samples), 2)
    return {"median_ms_by_region": results, "of_which_panels_ms": panels, "worst_ms": max(results.values())}


def measure_story_listing(store: Store) -> dict[str, object]:
    """Issue 16: listing a region's stories (each story once, as its lead version, with its
    number of sources; tree counts and panels counting stories) against listing its articles,
    as the window does in each mode (the View menu's toggle)."""
    gazetteer = default_gazetteer()
    out: dict[str, dict[str, float]] = {}
    for region in (None, "长三角", "成都都市圈", "德阳", "南京/鼓楼区"):
        timings: dict[str, list[float]] = {"articles": [], "stories": []}
        for _ in range(5):
            for mode, stories in (("articles", False), ("stories", True)):
                f = ArticleFilter(region=region, one_per_story=stories)
                t = time.perf_counter()
                store.stories.attach(store.articles.page(f, limit=200))
                store.regions.counts(stories=stories)
                panel_data(store, gazetteer, f)
                timings[mode].append((time.perf_counter() - t) * 1000)
        out[region or "all articles"] = {mode: round(statistics.median(v), 2) for mode, v in timings.items()}
    return {"median_ms_by_region": out,
            "worst_articles_ms": max(v["articles"] for v in out.values()),
            "worst_stories_ms": max(v["stories"] for v in out.values())}


def measure_references(corpus_dir: Path, work: Path, imported: dict[str, float]) -> dict[str, object]:
    """Both references on the same articles, each with the import's ratio to it (reference.py):
    by wall-clock rate (the goal's measure), and by CPU seconds an article (the steadier one on
    a shared machine; the import's CPU is its importing process's and its workers' together)."""
    articles = load_articles(corpus_dir)
    import_cpu = imported["importer_cpu_s"] + (imported.get("workers_cpu_s") or 0)
    out: dict[str, object] = {}
    for key, insert in (("bare_insert", bare_insert), ("minimal_reference", minimal_insert)):
        ref_db = work / f"{key}-{corpus_dir.name}.db"  # runs of both shapes may share a folder
        _remove_store(ref_db)
        cpu = time.process_time()
        seconds = insert(ref_db, articles)
        cpu = time.process_time() - cpu
        rate = len(articles) / seconds
        out[key] = {"seconds": round(seconds, 1), "cpu_s": round(cpu, 1), "articles_per_s": round(rate),
                    "import_ratio": round(imported["articles_per_s"] / rate, 2),
                    "import_cpu_ratio": round(cpu / import_cpu, 2) if import_cpu else None}
        print(f"{key}: {out[key]}", file=sys.stderr)
        _remove_store(ref_db)
    return out


def _remove_store(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def gui_probe(mode: str, *args: str) -> dict[str, object]:
    # Output goes to files, not pipes: worker processes of the probe's import inherit them.
    with tempfile.TemporaryDirectory() as tmp:
        out, log = Path(tmp) / "result.json", Path(tmp) / "log.txt"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_RESULT=str(out))
        with open(log, "w") as log_file:
            env["BENCH_T0"] = str(time.time())
            subprocess.run([sys.executable, "-m", "bench.gui_probe", mode, *args], cwd=ROOT, env=env,
                           stdout=log_file, stderr=log_file, timeout=3600)
        if not out.exists():
            return {"error": log.read_text()[-400:]}
        return json.loads(out.read_text())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, default=3000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--shape", choices=SHAPES, default="mix",
                   help="mix: workflow exports of 20 articles and single-article files; single: one article a file")
    p.add_argument("--work", help="folder for the corpus and stores (default: a temporary one)")
    p.add_argument("--skip-reference", action="store_true", help="skip the bare-insert reference")
    p.add_argument("--skip-gui", action="store_true")
    p.add_argument("--reuse-store", action="store_true",
                   help="measure search, region selection and the GUI on the store a previous run left")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="mv-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.shape == "mix" else f"-{args.shape}"
    corpus_dir = work / f"corpus-{args.articles}{suffix}"
    result: dict[str, object] = {"articles": args.articles, "shape": args.shape, "machine": machine(),
                                 "load_average": os.getloadavg()}
    t = time.perf_counter()
    if not corpus_dir.exists():
        corpus = generate(corpus_dir, args.articles, seed=args.seed, shape=args.shape)
        result["corpus"] = {"files": corpus.files, "characters": corpus.characters}
    result["generate_s"] = round(time.perf_counter() - t, 1)
    print(f"corpus ready in {result['generate_s']} s", file=sys.stderr)

    db = work / f"store-{args.articles}{suffix}.db"
    if args.reuse_store and db.exists():
        store = Store(db)
        result["import"] = "not measured: --reuse-store"
    else:
        _remove_store(db)
        store = Store(db)
        writing = time_calls(store.imports, "write_batch")
        grouping = time_calls(imports_module, "group_new_articles")  # story grouping's share of writing
        t, cpu = time.perf_counter(), time.process_time()
        with DescendantsCPU() as workers_cpu:
            report = ImportRun(store, default_gazetteer()).run([corpus_dir])
        import_s, import_cpu = time.perf_counter() - t, time.process_time() - cpu
        result["import"] = {"seconds": round(import_s, 1), "added": report.added,
                            "articles_per_s": round(report.added / import_s), "failed": len(report.failed),
                            # where the importing process spent the run: writing batches, and its CPU
                            # time in all (writing, receiving prepared files, bookkeeping)
                            "writing_s": round(writing[0], 1), "of_which_stories_s": round(grouping[0], 1),
                            "importer_cpu_s": round(import_cpu, 1), "workers_cpu_s": workers_cpu.seconds}
        imports_module.group_new_articles = group_new_articles
        print(f"import: {result['import']}", file=sys.stderr)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result["store_mb"] = round(db.stat().st_size / 1e6, 1)

    if not args.skip_reference and not args.reuse_store:
        result.update(measure_references(corpus_dir, work, result["import"]))  # type: ignore[arg-type]

    store.close()
    reader = Store(db)
    reader.search.search("预热", limit=1)
    result["search"] = measure_search(reader, rounds=3)
    print(f"search: {result['search']}", file=sys.stderr)
    result["select_region"] = measure_region_select(reader)
    result["stories_vs_articles"] = measure_story_listing(reader)
    print(f"stories: {result['stories_vs_articles']}", file=sys.stderr)
    reader.close()

    if not args.skip_gui:
        result["gui_cold_start"] = gui_probe("coldstart", str(db))
        stall_corpus = work / "stall-corpus"
        if not stall_corpus.exists():
            generate(stall_corpus, min(20000, max(2000, args.articles // 5)), seed=args.seed + 1)
        stall_db = work / "stall.db"
        with Store(db) as source:
            source.copy_to(stall_db)
        result["gui_during_import"] = gui_probe("stall", str(stall_db), str(stall_corpus))
        _remove_store(stall_db)
    result["briefing_pdf"] = gui_probe("brief", str(db)) if not args.skip_gui else "skipped"
    result["load_average_at_end"] = os.getloadavg()
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
