namespace Sitrep.Storage.Postgres;

/// <summary>
/// The PostgreSQL store's schema as an ordered list of migrations, apart from the SQLite store's (the two evolve on
/// their own). The version is the highest row of <c>schema_version</c>; each migration runs in its own transaction with
/// the row that records it, so a store is always at one whole version. Append, never edit.
/// </summary>
/// <remarks>
/// Timestamps the contract hands back as given (<see cref="StoredDecision.When"/>, an upload's times, a document's
/// publication date) are kept as ISO 8601 text, as the SQLite store keeps them, so the offset they were written with
/// reads back unchanged; times the store sets itself are <c>timestamptz</c>.
/// </remarks>
internal static class PostgresMigrations
{
    /// <summary>
    /// Characters of a document's text that went into its search vector at version 1 (PostgreSQL refuses a vector over
    /// 1 MB); since version 4 the vector covers one stretch (<see cref="StretchCharacters"/>) and
    /// <c>search_tail</c> the rest.
    /// </summary>
    public const int IndexedCharacters = 400_000;

    /// <summary>
    /// Characters in one searched stretch of a text. A <c>tsvector</c> counts word positions only up to 16,383, past
    /// which a phrase is no longer found, so a stretch holds about 8,000 words of ordinary prose.
    /// </summary>
    public const int StretchCharacters = 50_000;

    /// <summary>Characters two neighbouring stretches share, so a phrase across a seam is found.</summary>
    public const int StretchOverlap = 1_000;

    /// <summary>Where each stretch after the first starts after the one before (<see cref="TailStretches"/>).</summary>
    public const int StretchStride = StretchCharacters - StretchOverlap;

    /// <summary>
    /// The <c>search_tail</c> rows of the documents <paramref name="where"/> selects (a condition on <c>d</c>): one
    /// vector per stretch of <see cref="StretchCharacters"/> after the first, each starting <see cref="StretchStride"/>
    /// after the one before, so every word of a text of any length is searchable and a phrase is found wherever it is.
    /// </summary>
    public static string TailStretches(string where) => $"""
        INSERT INTO search_tail (doc_id, start, search)
        SELECT d.id, s, to_tsvector('simple'::regconfig, substr(d.text, s + 1, {StretchCharacters}))
        FROM documents d, generate_series({StretchStride}, d.length - {StretchOverlap} - 1, {StretchStride}) s
        WHERE {where}
        """;

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    public static IReadOnlyList<string> All { get; } =
    [
        // 1: documents with their paths, structure, layout and layers, the full-text vector (a generated column over
        // the title and the text, GIN-indexed), the analyst's settings.
        $$"""
        CREATE TABLE documents (
            id text PRIMARY KEY,
            content_hash text NOT NULL UNIQUE,
            path text NOT NULL,
            title text,
            kind text NOT NULL,
            outlet text,
            author text,
            url text,
            published text,
            reliability text,
            language text,
            length integer NOT NULL,
            text text NOT NULL,
            layout text,
            first_seen timestamptz NOT NULL,
            last_seen timestamptz NOT NULL,
            search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
                || setweight(to_tsvector('simple'::regconfig, left(text, {{IndexedCharacters}})), 'B')) STORED
        );
        CREATE INDEX documents_path ON documents (path COLLATE "C", id COLLATE "C");
        CREATE INDEX documents_search ON documents USING gin (search);
        CREATE TABLE document_paths (
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            path text NOT NULL,
            PRIMARY KEY (doc_id, path)
        );
        CREATE INDEX document_paths_path ON document_paths (path text_pattern_ops);
        CREATE TABLE posts (
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            post_id text NOT NULL,
            parent_id text,
            depth integer NOT NULL,
            author text,
            time_text text,
            time_value text,
            start integer NOT NULL,
            "end" integer NOT NULL,
            header_start integer,
            header_end integer,
            PRIMARY KEY (doc_id, post_id)
        );
        CREATE TABLE boilerplate (
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start integer NOT NULL,
            "end" integer NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE TABLE annotations (
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer text NOT NULL,
            component text NOT NULL,
            json text NOT NULL,
            PRIMARY KEY (doc_id, layer)
        );
        CREATE TABLE settings (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        """,

        // 2: the analyst's outlets and the raw snapshots of fetched pages; the workbench's decisions and the journal of
        // uploaded files.
        """
        CREATE TABLE outlets (
            name text PRIMARY KEY,
            reliability text,
            notes text,
            aliases text[] NOT NULL
        );
        CREATE TABLE snapshots (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            url text NOT NULL,
            final_url text NOT NULL,
            fetched_at text NOT NULL,
            status integer NOT NULL,
            content_type text,
            charset text,
            sha256 text NOT NULL,
            bytes bytea NOT NULL
        );
        CREATE INDEX snapshots_url ON snapshots (url, fetched_at);
        CREATE INDEX snapshots_final_url ON snapshots (final_url, fetched_at);
        CREATE TABLE decisions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind text NOT NULL,
            subject text NOT NULL,
            value text NOT NULL,
            who text NOT NULL,
            made_at text NOT NULL,
            why text
        );
        CREATE INDEX decisions_kind ON decisions (kind, subject);
        CREATE TABLE uploads (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sha256 text NOT NULL UNIQUE,
            name text NOT NULL,
            path text NOT NULL,
            received_at text NOT NULL,
            analysed_at text
        );
        """,

        // 3: sentence vectors (PostgresEmbeddingCache): 16-byte key, little-endian float16 values.
        """
        CREATE TABLE embeddings (
            key bytea PRIMARY KEY,
            dimensions integer NOT NULL,
            vector bytea NOT NULL
        );
        """,

        // 4: texts of any length searchable, phrases included (documents.search now covers the title and the first
        // stretch of the text, search_tail one vector per further stretch), and the character U+0000, which PostgreSQL text
        // cannot hold, kept: documents.nuls lists where the text had one (stored as a space, put back on reading).
        $"""
        ALTER TABLE documents ADD COLUMN nuls integer[];
        ALTER TABLE documents DROP COLUMN search;
        ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, left(text, {StretchCharacters})), 'B')) STORED;
        CREATE INDEX documents_search ON documents USING gin (search);
        CREATE TABLE search_tail (
            doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start integer NOT NULL,
            search tsvector NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE INDEX search_tail_search ON search_tail USING gin (search);
        {TailStretches($"d.length > {StretchCharacters}")};
        """,

        // 5: team mode's local accounts, their roles per story ('*' for every story in the database) and every sign-in
        // attempt. Times are ISO 8601 text as the contract hands them back (created_at, at), compared as text: every
        // writer gives them in UTC with the same format.
        """
        CREATE TABLE accounts (
            name_key text PRIMARY KEY,
            name text NOT NULL,
            password_hash text NOT NULL,
            stamp text NOT NULL,
            created_at text NOT NULL
        );
        CREATE TABLE account_roles (
            name_key text NOT NULL REFERENCES accounts(name_key) ON DELETE CASCADE,
            story text NOT NULL,
            role text NOT NULL,
            PRIMARY KEY (name_key, story)
        );
        CREATE TABLE sign_ins (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name_key text NOT NULL,
            name text NOT NULL,
            address text NOT NULL,
            at text NOT NULL,
            ok boolean NOT NULL
        );
        CREATE INDEX sign_ins_name ON sign_ins (name_key, at);
        CREATE INDEX sign_ins_at ON sign_ins (at);
        """,

        // 6: the picture the corpus stages made over the whole story (entities, propositions, figures, timeline
        // entries), as the SQLite store keeps it (its migrations 6 and 7): each item with the component that made it,
        // its lookup keys and the units it is made of. seq stands for SQLite's rowid: an item's latest units are read
        // first, through an index, however many it holds.
        """
        CREATE TABLE picture_items (
            kind text NOT NULL,
            id text NOT NULL,
            component text NOT NULL,
            json text NOT NULL,
            units integer NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, id)
        );
        CREATE INDEX picture_items_size ON picture_items (kind, units DESC, id COLLATE "C");
        CREATE TABLE picture_keys (
            kind text NOT NULL,
            key text NOT NULL,
            id text NOT NULL,
            PRIMARY KEY (kind, key, id)
        );
        CREATE INDEX picture_keys_item ON picture_keys (kind, id);
        CREATE TABLE picture_units (
            seq bigint GENERATED ALWAYS AS IDENTITY,
            kind text NOT NULL,
            id text NOT NULL,
            unit text NOT NULL,
            doc_id text NOT NULL,
            PRIMARY KEY (kind, id, unit)
        );
        CREATE INDEX picture_units_latest ON picture_units (kind, id, seq DESC);
        CREATE INDEX picture_units_doc ON picture_units (kind, id, doc_id);
        """,
    ];

    /// <summary>The tables every store at the current version holds; a store that lacks one is damaged.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["documents", "document_paths", "posts", "boilerplate", "annotations", "settings", "outlets", "snapshots", "decisions", "uploads", "embeddings", "search_tail", "accounts", "account_roles", "sign_ins", "picture_items", "picture_keys", "picture_units"];
}
