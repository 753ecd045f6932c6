"""The schema, created and upgraded by sqlite-utils migrations."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("metroviewer")

# Pseudo-regions in region_counts: every article, and each workflow topic, counted like regions.
ALL_ARTICLES = "@all"
TOPIC_PREFIX = "@topic:"


@migrations()
def m001_documents_articles_runs(db: Database) -> None:
    db.execute(
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            content_hash TEXT,
            size INTEGER,
            format TEXT,
            encoding TEXT,
            status TEXT NOT NULL,            -- ok | failed | duplicate
            failure_reason TEXT,
            modified_at TEXT,
            imported_at TEXT NOT NULL,
            run_id INTEGER
        )"""
    )
    db.execute(
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            source_raw TEXT NOT NULL DEFAULT '',
            published_at TEXT,
            published_is_fallback INTEGER NOT NULL DEFAULT 0,
            topic TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            summary TEXT,                      -- JSON: core_viewpoint, groups
            url TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL UNIQUE,
            is_read INTEGER NOT NULL DEFAULT 0,
            is_starred INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX articles_by_date ON articles(published_at DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_document ON articles(document_id)")
    db.execute("CREATE INDEX articles_by_topic ON articles(topic, published_at DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_source ON articles(source)")
    db.execute("CREATE INDEX articles_starred ON articles(is_starred) WHERE is_starred = 1")
    # Contentless: the index holds derived text (Han runs as character pairs, see
    # core/search_text.py); titles and bodies stay in `articles`, snippets come from there.
    db.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5("
        "title, body, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        """CREATE TABLE import_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            paths TEXT NOT NULL,
            files INTEGER DEFAULT 0,
            added INTEGER DEFAULT 0,
            updated INTEGER DEFAULT 0,
            duplicates INTEGER DEFAULT 0,
            failed INTEGER DEFAULT 0,
            cancelled INTEGER DEFAULT 0
        )"""
    )


@migrations()
def m002_regions(db: Database) -> None:
    db.execute(
        """CREATE TABLE regions (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            national INTEGER NOT NULL DEFAULT 0,
            sort_key INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE TABLE region_edges (parent TEXT NOT NULL, child TEXT NOT NULL, PRIMARY KEY (parent, child))")
    db.execute(
        """CREATE TABLE article_regions (
            article_id INTEGER NOT NULL,
            region_id TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            first_pos INTEGER NOT NULL,
            PRIMARY KEY (article_id, region_id)
        ) WITHOUT ROWID"""
    )
    # Every region an article falls under (its tags and all their ancestors), each once:
    # list paging and roll-up counts read this instead of walking the tree per query.
    db.execute(
        """CREATE TABLE article_scope (
            region_id TEXT NOT NULL,
            published_at TEXT,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (region_id, published_at, article_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX article_scope_by_article ON article_scope(article_id)")
    db.execute(
        """CREATE TABLE region_counts (
            region_id TEXT PRIMARY KEY,
            total INTEGER NOT NULL,
            unread INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    # Read state changes one article at a time: keep the unread counts current here.
    db.execute(
        """CREATE TRIGGER articles_read_changed AFTER UPDATE OF is_read ON articles
           WHEN NEW.is_read != OLD.is_read
           BEGIN
             UPDATE region_counts SET unread = unread + (CASE NEW.is_read WHEN 1 THEN -1 ELSE 1 END)
             WHERE region_id IN (SELECT region_id FROM article_scope WHERE article_id = NEW.id);
           END"""
    )


@migrations()
def m003_count_indexes(db: Database) -> None:
    # The tree's "All articles" and topic counts read only these columns: keep them in indexes.
    db.execute("CREATE INDEX articles_by_read ON articles(is_read)")
    db.execute("CREATE INDEX articles_topic_read ON articles(topic, is_read)")



@migrations()
def m004_index_regions_and_prefixes(db: Database) -> None:
    """The index gained a `regions` column (tokens of every region an article falls under, so a
    region filter is one more term FTS5 intersects) and a one-character prefix index. m006
    replaced that layout and writes the index again, so nothing is written here."""
    db.execute("DROP TABLE article_fts")
    db.execute(
        "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, regions, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1')"
    )


@migrations()
def m005_counts_for_all_and_topics(db: Database) -> None:
    """The tree's "All articles" and topic counts come from region_counts too: counting a
    million rows at each refresh was the slowest part of selecting a region."""
    db.execute(
        "INSERT OR REPLACE INTO region_counts (region_id, total, unread) "
        f"SELECT '{ALL_ARTICLES}', count(*), total(is_read = 0) FROM articles")
    db.execute(
        "INSERT OR REPLACE INTO region_counts (region_id, total, unread) "
        f"SELECT '{TOPIC_PREFIX}' || topic, count(*), total(is_read = 0) FROM articles WHERE topic != '' "
        "GROUP BY topic")
    db.execute("DROP TRIGGER articles_read_changed")
    db.execute(
        f"""CREATE TRIGGER articles_read_changed AFTER UPDATE OF is_read ON articles
           WHEN NEW.is_read != OLD.is_read
           BEGIN
             UPDATE region_counts SET unread = unread + (CASE NEW.is_read WHEN 1 THEN -1 ELSE 1 END)
             WHERE region_id IN (SELECT region_id FROM article_scope WHERE article_id = NEW.id)
                OR region_id = '{ALL_ARTICLES}' OR region_id = '{TOPIC_PREFIX}' || NEW.topic;
           END""")


@migrations()
def m006_index_characters_instead_of_prefixes(db: Database) -> None:
    """One-character queries read columns of each article's distinct Han characters instead
    of a one-character prefix index over every token, and the pair text no longer ends each
    run with its last character: the index is a fifth smaller and written 40 % faster."""
    from . import fts

    fts.rebuild(db.conn)


@migrations()
def m007_themes(db: Database) -> None:
    """The themes of each article (figures/themes.py), for the summary panels and briefings,
    as a JSON column of the article; filled for the articles already in the store."""
    db.execute("ALTER TABLE articles ADD COLUMN themes TEXT NOT NULL DEFAULT '{}'")
    from .analysis import reanalyse_all

    reanalyse_all(db.conn)


@migrations()
def m008_article_keywords_authors_references(db: Database) -> None:
    """A paper's keywords (JSON list), authors and affiliations, and reference list, kept beside
    its body: shown by the reader, never tagged, searched or quoted. (`url` was in m001.)"""
    db.execute("ALTER TABLE articles ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE articles ADD COLUMN reference_list TEXT NOT NULL DEFAULT ''")



@migrations()
def m009_region_tags_about(db: Database) -> None:
    """Whether an article is mainly about a region it is tagged with (in its title, mentioned
    often, or first in its lead) rather than merely mentioning it; 0 until the next re-tag."""
    db.execute("ALTER TABLE article_regions ADD COLUMN about INTEGER NOT NULL DEFAULT 0")


@migrations()
def m010_deletions_and_edits(db: Database) -> None:
    """What the user removed (a tombstone by content hash, with the article kept for undo and
    for `import --restore-deleted`) and what the user edited (title, source, date), so that
    re-importing brings back neither the deleted article nor the old title."""
    db.execute(
        """CREATE TABLE deleted_articles (
            content_hash TEXT PRIMARY KEY,
            document_path TEXT NOT NULL,
            title TEXT NOT NULL,
            deleted_at TEXT NOT NULL,
            saved TEXT NOT NULL              -- JSON: the article's row, tags and scope
        )""")
    db.execute("CREATE INDEX deleted_articles_path ON deleted_articles(document_path)")
    db.execute(
        """CREATE TABLE article_edits (
            content_hash TEXT PRIMARY KEY,
            title TEXT,
            source TEXT,
            published_at TEXT,
            edited_at TEXT NOT NULL
        )""")


@migrations()
def m011_briefing_recipes_and_runs(db: Database) -> None:
    """Briefing recipes (a scope, sections and options saved under a name, with the time of their
    last run for "since the previous run") and the briefings made, by scope, so a briefing can say
    what is new since the previous one of the same scope."""
    db.execute(
        """CREATE TABLE briefing_recipes (
            name TEXT PRIMARY KEY,
            options TEXT NOT NULL,           -- JSON: briefing.recipe.Recipe's fields
            created_at TEXT NOT NULL,
            last_run_at TEXT
        )""")
    db.execute(
        """CREATE TABLE briefing_runs (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,             -- briefing.compose.Briefing.scope_key
            compiled_at TEXT NOT NULL,
            articles INTEGER NOT NULL
        )""")
    db.execute("CREATE INDEX briefing_runs_by_scope ON briefing_runs(scope, compiled_at)")


@migrations()
def m012_about_in_scope_and_counts(db: Database) -> None:
    """Whether an article is mainly about a region (its tag's `about`, rolled up to the
    region's ancestors) in its scope rows, and how many articles are about each region; 0 until
    the next re-tag (the gazetteer's new version asks for one)."""
    db.execute("ALTER TABLE article_scope ADD COLUMN about INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE region_counts ADD COLUMN about INTEGER NOT NULL DEFAULT 0")


@migrations()
def m013_mention_positions(db: Database) -> None:
    """Where each region is named in an article's indexed text (title, newline, body), kept from
    the import so that figures find their regions without tagging the text again."""
    db.execute("CREATE TABLE article_positions (article_id INTEGER PRIMARY KEY, positions TEXT NOT NULL)")


@migrations()
def m014_analyst_layer(db: Database) -> None:
    """The analyst's own layer: saved searches, followed regions and searches (with the last
    article seen, for "new since I last looked"), labels, and notes and highlights with their own
    full-text index. Labels and notes are keyed by the article's content hash, so they survive a
    re-import; a changed article's notes are re-anchored on their quoted text (store/analyst.py)."""
    from .analyst import create_tables

    create_tables(db.conn)


@migrations()
def m015_stories(db: Database) -> None:
    """Stories: the versions of one piece of news grouped as one (store/stories.py): each
    article's story and whether it is the version the list shows, text fingerprints and their
    LSH bands, and the user's splits and merges by content hash; the articles already in the
    store are fingerprinted and grouped here."""
    from .stories import create_tables as create_story_tables
    from .stories import regroup_all

    create_story_tables(db.conn)
    regroup_all(db.conn, keep_counts=False)  # the counts' story columns come with m017, which fills them


@migrations()
def m016_title_sort_keys(db: Database) -> None:
    """The list sorts by title in pinyin order (core/sort_keys.py): each article's sort key beside
    its title, filled here for the articles already in the store, and an index that pages the
    list by (key, id)."""
    from .title_keys import fill_title_keys

    db.execute("ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT ''")
    fill_title_keys(db.conn)
    db.execute("CREATE INDEX articles_by_title_key ON articles(title_key)")


@migrations()
def m017_story_counts(db: Database) -> None:
    """The roll-up counts count stories too (store/counts.py): per region, the stories whose lead
    version falls under it, those unread and those mainly about it, so that the tree can count
    stories or articles; the read trigger keeps the stories' unread count as well."""
    from .counts import recount

    for column in ("stories", "stories_unread", "stories_about"):
        db.execute(f"ALTER TABLE region_counts ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
    db.execute("DROP TRIGGER articles_read_changed")
    db.execute(
        f"""CREATE TRIGGER articles_read_changed AFTER UPDATE OF is_read ON articles
           WHEN NEW.is_read != OLD.is_read
           BEGIN
             UPDATE region_counts SET unread = unread + (CASE NEW.is_read WHEN 1 THEN -1 ELSE 1 END),
                    stories_unread = stories_unread + (CASE WHEN NEW.story_lead = 0 THEN 0
                                                            WHEN NEW.is_read = 1 THEN -1 ELSE 1 END)
             WHERE region_id IN (SELECT region_id FROM article_scope WHERE article_id = NEW.id)
                OR region_id = '{ALL_ARTICLES}' OR region_id = '{TOPIC_PREFIX}' || NEW.topic;
           END""")
    recount(db.conn)


@migrations()
def m018_monthly_counts(db: Database) -> None:
    """Articles and stories per month for each region, "@all" and each topic (store/rollups.py),
    kept with the counts, so that the monthly chart does not count every article's date."""
    from . import rollups

    rollups.create_table(db.conn)
    rollups.rebuild(db.conn)


@migrations()
def m019_analyst_windows(db: Database) -> None:
    """The import-time date windows: the last look at every selection (followed or not), for
    "since I last looked", and the newest article id at each briefing made, for "since the last
    briefing" (store/analyst.py)."""
    from .analyst import create_window_tables

    create_window_tables(db.conn)


@migrations()
def m020_cross_language_keys(db: Database) -> None:
    """Cross-language grouping (store/cross_language.py): the index that finds, for a new article
    that has no version in its own language, the articles of the other language about the same
    city within days; filled here for the articles already in the store (their stories are kept
    as they are: `stories --regroup` groups them across languages too)."""
    from .cross_language import create_table, fill_keys

    create_table(db.conn)
    fill_keys(db.conn)


@migrations()
def m021_story_leads_index(db: Database) -> None:
    """The lead versions of each story, indexed: an import compares a story's new versions with
    its lead alone (store/story_grouping.py mark_leads), not with all of its versions."""
    db.execute("CREATE INDEX IF NOT EXISTS articles_story_leads ON articles(story_id) WHERE story_lead = 1")


def migrate(db: Database) -> None:
    migrations.apply(db)
