using System.Collections.Generic;

namespace CaseServer.Cases.Storage;

/// <summary>The PostgreSQL schema, step by step (the same <c>schema_migrations</c> table as SQLite's).</summary>
internal static class PostgresMigrations
{
    /// <summary>Every step, in order.</summary>
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "cases and comments, versions from a sequence, derived columns, full-text search", """
            CREATE SEQUENCE case_versions;
            CREATE TABLE cases (
                seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id          text NOT NULL UNIQUE,
                version     bigint NOT NULL,
                document    jsonb NOT NULL,
                -- Derived from the document by PostgreSQL itself: they cannot disagree with it.
                title       text GENERATED ALWAYS AS (document ->> 'title') STORED,
                description text GENERATED ALWAYS AS (document ->> 'description') STORED,
                status      text GENERATED ALWAYS AS (document ->> 'status') STORED,
                created_at  text GENERATED ALWAYS AS (document ->> 'created_at') STORED,
                updated_at  text GENERATED ALWAYS AS (document ->> 'updated_at') STORED,
                closed_at   text GENERATED ALWAYS AS (document ->> 'closed_at') STORED,
                reporter    text GENERATED ALWAYS AS (document -> 'created_by' ->> 'username') STORED,
                search_title       tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(document ->> 'title', ''))) STORED,
                search_description tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(document ->> 'description', ''))) STORED
            );
            CREATE INDEX cases_created_at ON cases (created_at);
            CREATE INDEX cases_updated_at ON cases (updated_at);
            CREATE INDEX cases_closed_at ON cases (closed_at);
            CREATE INDEX cases_title ON cases (title COLLATE "C");
            CREATE INDEX cases_status ON cases (status);
            CREATE INDEX cases_reporter ON cases (reporter);
            CREATE INDEX cases_tags ON cases USING gin ((document -> 'tags'));
            CREATE INDEX cases_search ON cases USING gin ((search_title || search_description));

            CREATE TABLE comments (
                seq      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id       text NOT NULL UNIQUE,
                case_id  text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
                version  bigint NOT NULL,
                document jsonb NOT NULL
            );
            CREATE INDEX comments_case ON comments (case_id, seq);
            """),
    ];
}
