namespace Sitrep.Storage.Sqlite;

/// <summary>The SQLite store holds a whole story (<see cref="IStoryStore"/>): declared apart so the store's own files stay as they are.</summary>
public sealed partial class SqliteDocumentStore : IStoryStore;
