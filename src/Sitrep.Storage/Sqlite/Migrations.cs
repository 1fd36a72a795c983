namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The store's schema as an ordered list of migrations. The schema version lives in <c>PRAGMA user_version</c>; each
/// migration runs in its own transaction, so a store is always at one whole version. Append, never edit.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: documents, their paths, structure, annotations, full-text index, analyst settings.
        """
        CREATE TABLE documents (
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
        CREATE TABLE document_paths (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            PRIMARY KEY (doc_id, path)
        );
        CREATE TABLE posts (
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
        CREATE TABLE boilerplate (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE TABLE annotations (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            layer TEXT NOT NULL,
            component TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (doc_id, layer)
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        """,
    ];
}
