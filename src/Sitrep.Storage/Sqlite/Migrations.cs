namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The store's schema as an ordered list of migrations. The schema version lives in <c>PRAGMA user_version</c>; each
/// migration runs in its own transaction, so a store is always at one whole version. Append, never edit (making a
/// statement idempotent with <c>IF NOT EXISTS</c> does not change the schema it makes).
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: documents, their paths, structure, annotations, full-text index, analyst settings.
        """
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            title TEXT,
            kind TEXT NOT NULL,
            outlet TEXT,
            author TEXT,
            url TEXT,
            published TEXT,
            reliability TEXT,
            language TEXT,
            length INTEGER NOT NULL,
            text TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS document_paths (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            PRIMARY KEY (doc_id, path)
        );
        CREATE TABLE IF NOT EXISTS posts (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            post_id TEXT NOT NULL,
            parent_id TEXT,
            depth INTEGER NOT NULL,
            author TEXT,
            time_text TEXT,
            time_value TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            header_start INTEGER,
            header_end INTEGER,
            PRIMARY KEY (doc_id, post_id)
        );
        CREATE TABLE IF NOT EXISTS boilerplate (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE TABLE IF NOT EXISTS annotations (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            component TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (doc_id, layer)
        );
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        """,

        // 2: the external-content FTS index follows every change of a document's title and every deletion (a stale
        // index fails FTS5's integrity-check and stops finding the new title); stores made before are re-indexed once.
        """
        CREATE TRIGGER IF NOT EXISTS documents_fts_title AFTER UPDATE OF title, text ON documents
        WHEN old.title IS NOT new.title OR old.text IS NOT new.text
        BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents
        BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
        """,

        // 3: the analyst's sources file (one row per outlet, remembered across runs) and the raw snapshots of fetched
        // web pages with their fetch time and final address.
        """
        CREATE TABLE IF NOT EXISTS outlets (
            name TEXT PRIMARY KEY,
            reliability TEXT,
            notes TEXT,
            aliases TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS snapshots (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT,
            charset TEXT,
            sha256 TEXT NOT NULL,
            bytes BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS snapshots_url ON snapshots (url, fetched_at);
        """,

        // 4: the analyst's decisions made in the workbench (merge, split, retype, rating, hypothesis, grade) with who,
        // when and why, in the order made; and the journal of uploaded files, so an upload acknowledged before a crash
        // is analysed after the restart, once.
        """
        CREATE TABLE IF NOT EXISTS decisions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            value TEXT NOT NULL,
            who TEXT NOT NULL,
            made_at TEXT NOT NULL,
            why TEXT
        );
        CREATE INDEX IF NOT EXISTS decisions_kind ON decisions (kind, subject);
        CREATE TABLE IF NOT EXISTS uploads (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            received_at TEXT NOT NULL,
            analysed_at TEXT
        );
        """,

        // 5: a document's layout (regions such as PDF pages and headings, and the map of a rebuilt text to its input)
        // is kept with it, so that a document read back from the store is the document that was analysed.
        """
        ALTER TABLE documents ADD COLUMN layout TEXT;
        CREATE INDEX IF NOT EXISTS documents_path ON documents (path, id);
        """,

        // 6: the picture the corpus stages made over the whole story (entities, propositions, figures, timeline
        // entries): each item with the component that made it, its lookup keys and the units (mentions, claims, cited
        // sentences) it is made of, so that a new document updates only the items it touches.
        """
        CREATE TABLE IF NOT EXISTS picture_items (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            component TEXT NOT NULL,
            json TEXT NOT NULL,
            units INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, id)
        );
        CREATE INDEX IF NOT EXISTS picture_items_size ON picture_items (kind, units DESC, id);
        CREATE TABLE IF NOT EXISTS picture_keys (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (kind, key, id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS picture_keys_item ON picture_keys (kind, id);
        CREATE TABLE IF NOT EXISTS picture_units (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            unit TEXT NOT NULL,
            doc_id TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS picture_units_item ON picture_units (kind, id, unit);
        CREATE INDEX IF NOT EXISTS picture_units_doc ON picture_units (kind, id, doc_id);
        """,

        // 7: an item's latest units read without sorting all of them (the index ends with the rowid), so that reading
        // an item of a hundred thousand mentions costs what reading one of a hundred does.
        """
        CREATE INDEX IF NOT EXISTS picture_units_latest ON picture_units (kind, id);
        """,

        // 8: team mode's local accounts (a password hash, never the password; a stamp that ends old sessions when the
        // password changes), each account's role per story ('*' for every story in the store), and every sign-in
        // attempt, which the lockout counts and the audit log shows.
        """
        CREATE TABLE IF NOT EXISTS accounts (
            name_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            stamp TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS account_roles (
            name_key TEXT NOT NULL REFERENCES accounts(name_key) ON DELETE CASCADE,
            story TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (name_key, story)
        );
        CREATE TABLE IF NOT EXISTS sign_ins (
            id INTEGER PRIMARY KEY,
            name_key TEXT NOT NULL,
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            at TEXT NOT NULL,
            ok INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sign_ins_name ON sign_ins (name_key, at);
        CREATE INDEX IF NOT EXISTS sign_ins_at ON sign_ins (at);
        """,
    ];

    /// <summary>The tables every store at the current version holds; a store that lacks one is damaged.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["documents", "document_paths", "posts", "boilerplate", "annotations", "settings", "outlets", "snapshots", "decisions", "uploads", "picture_items", "picture_keys", "picture_units", "accounts", "account_roles", "sign_ins"];

    /// <summary>The full-text index: derived from <c>documents</c>, so it is rebuilt rather than refused when missing.</summary>
    public const string FullTextTable = "documents_fts";

    /// <summary>Recreates the full-text index from the documents.</summary>
    public const string RebuildFullText = """
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
        """;
}
