using System.Collections.Generic;

namespace CaseServer.Cases.Storage;

/// <summary>
/// The SQLite schema, step by step. Version 1 is the table the first CaseServer created (so its databases
/// migrate in place); version 2 adds what the whole case lifecycle needs; version 3 indexes the tags; version 4 keeps both
/// indexes once per transaction.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>Every step, in order.</summary>
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "cases: one JSON document per case", """
            CREATE TABLE IF NOT EXISTS cases (
                seq      INTEGER PRIMARY KEY,
                id       TEXT NOT NULL UNIQUE,
                document TEXT NOT NULL
            ) STRICT;
            """),
        new(2, "versions from one counter, derived columns, comments, full-text search", """
            -- Version 1 used the row number as the version: keep those, and go on from the largest.
            ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
            UPDATE cases SET version = seq;
            CREATE TABLE case_version (value INTEGER NOT NULL) STRICT;
            INSERT INTO case_version (value) SELECT COALESCE(MAX(seq), 0) FROM cases;

            -- Derived from the document by SQLite itself: they cannot disagree with it.
            ALTER TABLE cases ADD COLUMN title TEXT GENERATED ALWAYS AS (json_extract(document, '$.title')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN description TEXT GENERATED ALWAYS AS (json_extract(document, '$.description')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN status TEXT GENERATED ALWAYS AS (json_extract(document, '$.status')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN created_at TEXT GENERATED ALWAYS AS (json_extract(document, '$.created_at')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN updated_at TEXT GENERATED ALWAYS AS (json_extract(document, '$.updated_at')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN closed_at TEXT GENERATED ALWAYS AS (json_extract(document, '$.closed_at')) VIRTUAL;
            ALTER TABLE cases ADD COLUMN reporter TEXT GENERATED ALWAYS AS (json_extract(document, '$.created_by.username')) VIRTUAL;
            CREATE INDEX cases_created_at ON cases (created_at);
            CREATE INDEX cases_updated_at ON cases (updated_at);
            CREATE INDEX cases_closed_at ON cases (closed_at);
            CREATE INDEX cases_title ON cases (title);
            CREATE INDEX cases_status ON cases (status);
            CREATE INDEX cases_reporter ON cases (reporter);

            CREATE TABLE comments (
                seq      INTEGER PRIMARY KEY,
                id       TEXT NOT NULL UNIQUE,
                case_id  TEXT NOT NULL,
                version  INTEGER NOT NULL,
                document TEXT NOT NULL
            ) STRICT;
            CREATE INDEX comments_case ON comments (case_id, seq);

            -- Kept by triggers, so in the same transaction as the write. Diacritics kept, as PostgreSQL's 'simple'.
            CREATE VIRTUAL TABLE cases_fts USING fts5(title, description, tokenize = 'unicode61 remove_diacritics 0');
            INSERT INTO cases_fts (rowid, title, description) SELECT seq, title, description FROM cases;
            CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
                INSERT INTO cases_fts (rowid, title, description) VALUES (new.seq, json_extract(new.document, '$.title'), json_extract(new.document, '$.description'));
            END;
            CREATE TRIGGER cases_fts_update AFTER UPDATE OF document ON cases BEGIN
                UPDATE cases_fts SET title = json_extract(new.document, '$.title'), description = json_extract(new.document, '$.description') WHERE rowid = new.seq;
            END;
            CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
                DELETE FROM cases_fts WHERE rowid = old.seq;
            END;
            """),
        new(3, "an index of the cases' tags, so find's tag filter does not read every case", """
            -- Kept by triggers, in the write's own transaction, as the full-text index is.
            CREATE TABLE case_tags (
                tag      TEXT NOT NULL,
                case_seq INTEGER NOT NULL,
                PRIMARY KEY (tag, case_seq)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX case_tags_case ON case_tags (case_seq);
            INSERT INTO case_tags (tag, case_seq) SELECT DISTINCT t.value, c.seq FROM cases c, json_each(c.document, '$.tags') t;
            CREATE TRIGGER case_tags_insert AFTER INSERT ON cases BEGIN
                INSERT INTO case_tags (tag, case_seq) SELECT DISTINCT value, new.seq FROM json_each(new.document, '$.tags');
            END;
            CREATE TRIGGER case_tags_update AFTER UPDATE OF document ON cases BEGIN
                DELETE FROM case_tags WHERE case_seq = old.seq;
                INSERT INTO case_tags (tag, case_seq) SELECT DISTINCT value, new.seq FROM json_each(new.document, '$.tags');
            END;
            CREATE TRIGGER case_tags_delete AFTER DELETE ON cases BEGIN
                DELETE FROM case_tags WHERE case_seq = old.seq;
            END;
            """),
        new(4, "the search and tag indexes brought up to date once per transaction, not once per write", """
            -- FTS5 writes its pending terms out at every savepoint, and group commit runs each write in its own:
            -- indexing there wrote one tiny FTS5 segment per case, merged again and again (a third of a create's
            -- SQL time). The triggers now only note which cases changed; the writer indexes them all just before
            -- its transaction commits (SqliteCaseStore.IndexChangedCasesSql), so readers never see a stale index.
            DROP TRIGGER cases_fts_insert;
            DROP TRIGGER cases_fts_update;
            DROP TRIGGER cases_fts_delete;
            DROP TRIGGER case_tags_insert;
            DROP TRIGGER case_tags_update;
            DROP TRIGGER case_tags_delete;
            CREATE TABLE cases_to_index (seq INTEGER PRIMARY KEY) STRICT;
            CREATE TRIGGER cases_to_index_insert AFTER INSERT ON cases BEGIN
                INSERT OR IGNORE INTO cases_to_index (seq) VALUES (new.seq);
            END;
            CREATE TRIGGER cases_to_index_update AFTER UPDATE OF document ON cases BEGIN
                INSERT OR IGNORE INTO cases_to_index (seq) VALUES (new.seq);
            END;
            CREATE TRIGGER cases_to_index_delete AFTER DELETE ON cases BEGIN
                INSERT OR IGNORE INTO cases_to_index (seq) VALUES (old.seq);
            END;
            """),
    ];
}
