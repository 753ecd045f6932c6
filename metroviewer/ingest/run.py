"""The import run: walk, prepare, and write in batches, with progress and cancel. No Qt.

Each batch of files is one transaction, so a crash or a cancel leaves whole files or
nothing of them; running the same import again finishes the job (unchanged files are
recognised by their content hash and skipped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.models import FailedFile, ImportReport, PreparedArticle, PreparedFile
from ..regions.gazetteer import Gazetteer, default_gazetteer
from ..store import Store
from .parallel import prepare_in_workers, worker_count
from .prepare import ArticlePreparer, read_bytes
from .walk import Candidate, display_path, find_files

# One transaction per batch: big enough that commits (FTS5 flushes its segment then) are
# rare, small enough that a cancel or a crash loses little and the window sees progress.
BATCH_ARTICLES = 1500
# ... and as many files: folders of one article a file get batches as large as exports do
# (with 500 they committed, flushed the index and grouped stories three times as often).
BATCH_FILES = 1500
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 40


@dataclass
class Progress:
    files_done: int
    files_total: int
    articles: int
    current: str


@dataclass
class PreviewRow:
    """An article a dry run found: what the import would create (or skip as a duplicate)."""

    title: str
    source: str
    published_at: str | None
    regions: list[str]
    path: str
    duplicate: bool
    date_is_file_time: bool = False


@dataclass
class Preview:
    rows: list[PreviewRow] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    files: int = 0
    skipped: list[FailedFile] = field(default_factory=list)  # not articles: README, LICENSE …


ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]


def _never() -> bool:
    return False


class ImportRun:
    """Imports files and folders into a store (open the store on the thread that runs this)."""

    def __init__(self, store: Store, gazetteer: Gazetteer | None = None, *,
                 include: list[str] | None = None, exclude: list[str] | None = None,
                 workers: int | None = None, ignore: list[str] | None = None, follow_outside_links: bool = False):
        self.store = store
        self.follow_outside_links = follow_outside_links
        self.gazetteer = gazetteer or default_gazetteer()
        self.preparer = ArticlePreparer(self.gazetteer)
        self.include, self.exclude = include, exclude
        # The skip list of names that are not articles; None: not_articles.py's default list.
        self.ignore = ignore
        # Worker processes that prepare files (0: prepare here, in this thread).
        self.workers = worker_count() if workers is None else workers
        store.regions.sync(self.gazetteer)

    def candidates(self, paths: list[str | Path]) -> list[Candidate]:
        return list(find_files(list(paths), include=self.include, exclude=self.exclude, ignore=self.ignore,
                               follow_outside_links=self.follow_outside_links))

    def _split_skipped(self, paths: list[str | Path]) -> tuple[list[Candidate], list[FailedFile]]:
        """(the files to read, the files passed over as not articles)."""
        found = self.candidates(paths)
        skipped = [FailedFile(display_path(c.path.absolute()), c.skipped) for c in found if c.skipped]
        return [c for c in found if not c.skipped], skipped

    def run(self, paths: list[str | Path], progress: ProgressFn | None = None,
            cancelled: CancelFn = _never) -> ImportReport:
        candidates, skipped_files = self._split_skipped(paths)
        report = ImportReport(skipped=skipped_files)
        run_id = self.store.imports.start_run([display_path(p) for p in paths])
        batch: list[PreparedFile] = []
        batch_articles = 0
        articles_seen = 0
        to_prepare = [c for c in candidates if not self._unchanged(c, report)]
        skipped = len(candidates) - len(to_prepare)
        report.files += skipped
        stream = self._prepared(to_prepare)
        for n, (candidate, prepared) in enumerate(zip(to_prepare, stream, strict=False), start=skipped):
            if cancelled():
                report.cancelled = True
                stream.close()
                break
            report.files += 1
            if prepared.failure:
                report.failed.append(FailedFile(prepared.path, prepared.failure))
            batch.append(prepared)
            batch_articles += len(prepared.articles)
            articles_seen += len(prepared.articles)
            if batch_articles >= BATCH_ARTICLES or len(batch) >= BATCH_FILES:
                self.store.imports.write_batch(batch, run_id, report)
                batch, batch_articles = [], 0
            if progress:
                progress(Progress(n + 1, len(candidates), articles_seen, str(candidate.path)))
        if batch and not report.cancelled:
            self.store.imports.write_batch(batch, run_id, report)
        elif batch:
            # Cancelled: the files prepared since the last batch are dropped whole, not half-written.
            report.files -= len(batch)
            report.failed = [f for f in report.failed if f.path not in {b.path for b in batch}]
        self.store.imports.finish_run(run_id, report)
        return report

    def _prepared(self, candidates: list[Candidate]) -> Iterator[PreparedFile]:
        if self.workers >= 1 and len(candidates) >= PARALLEL_MIN_FILES:
            return prepare_in_workers(candidates, self.gazetteer, workers=self.workers)
        return (self.preparer.prepare_file(c) for c in candidates)

    def _unchanged(self, candidate: Candidate, report: ImportReport) -> bool:
        """True when the file is already in the store with the same content; its articles
        then count as duplicates and it is not parsed again."""
        if candidate.failure:
            return False
        known = self.store.imports.known_document(display_path(candidate.path.absolute()))
        if not known or known.status != "ok":
            return False
        try:
            data = read_bytes(candidate.path)
        except OSError:
            return False
        digest = hashlib.sha256(data).hexdigest()
        if digest != known.content_hash:
            # Changed: what was read and hashed here goes on with the file (read and hashed once).
            candidate.data, candidate.digest = data, digest
            return False
        report.duplicates += known.articles
        return True

    def preview(self, paths: list[str | Path], progress: ProgressFn | None = None,
                cancelled: CancelFn = _never) -> Preview:
        """A dry run: what the import would create and which files would fail; writes nothing."""
        candidates, skipped_files = self._split_skipped(paths)
        preview = Preview(files=len(candidates), skipped=skipped_files)
        seen: set[str] = set()
        stream = self._prepared(candidates)
        for n, (candidate, prepared) in enumerate(zip(candidates, stream, strict=False)):
            if cancelled():
                stream.close()
                break
            if prepared.failure:
                preview.failed.append(FailedFile(prepared.path, prepared.failure))
            existing = self.store.imports.existing_hashes([a.content_hash for a in prepared.articles])
            for a in prepared.articles:
                preview.rows.append(self._preview_row(a, prepared.path, a.content_hash in existing | seen))
                seen.add(a.content_hash)
            if progress:
                progress(Progress(n + 1, len(candidates), len(preview.rows), str(candidate.path)))
        return preview

    def _preview_row(self, a: PreparedArticle, path: str, duplicate: bool) -> PreviewRow:
        names = [self.gazetteer.regions[m.region_id].name for m in sorted(a.tags, key=lambda m: m.first_pos)]
        return PreviewRow(a.title, a.source, a.published_at, names, path, duplicate, a.published_is_fallback)
