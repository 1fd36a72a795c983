using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The reads a served request makes every time (an account, its roles, where the analyst's work stands), on
/// connections of their own rather than on the store's one connection behind its lock.
/// </summary>
/// <remarks>
/// <para>
/// WAL lets readers read beside the writer: each statement sees the last committed state, as a read on the store's own
/// connection does between its transactions (which hold the lock whole, so a read there never sees half of one). A
/// change committed by any connection, in this process or another (<c>sitrep user</c>), is seen by the next read.
/// </para>
/// <para>
/// Why: under load every team-mode request took the lock three times and queued behind the others, and a thread
/// pre-empted while holding it stalled them all (docs/BENCHMARKS.md, "Read endpoints in team mode without a store round
/// trip"). A read connection is taken from a lock-free stack and never waited for (a new one is opened when none is
/// free); up to <see cref="KeptReaders"/> are kept, each with its statements prepared, since a new connection reads the
/// schema before its first statement; <c>query_only</c> forbids them to write.
/// </para>
/// </remarks>
public sealed partial class SqliteDocumentStore
{
    /// <summary>Read connections kept open between reads; more are opened when as many reads run at once, then closed.</summary>
    internal const int KeptReaders = 32;

    // A stack rather than a bag: a bag's count stops every thread, and taking from another thread's list takes a lock.
    private readonly ConcurrentStack<ReadConnection> _readers = new();
    private int _keptReaders;

    // The file as the store's connection opened it, so a read connection opens the same one whatever the working folder.
    private readonly string _readPath;
    private volatile bool _disposed;

    /// <summary>Runs one read statement on a read connection, never taking the store's lock.</summary>
    private T Read<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReadConnection? connection = null;
        var reusable = false;
        try
        {
            if (_readers.TryPop(out connection))
            {
                Interlocked.Decrement(ref _keptReaders);
            }
            else
            {
                connection = ReadConnection.Open(_readPath);
            }

            var result = connection.Run(sql, read, parameters);
            reusable = true;
            return result;
        }
        catch (SqliteException ex)
        {
            throw Failure(Path, ex);
        }
        finally
        {
            if (connection is not null && !(reusable && Keep(connection)))
            {
                connection.Dispose();
            }
        }
    }

    // The count is only a bound: it may lag the stack for a moment, never by more than the reads under way.
    private bool Keep(ReadConnection connection)
    {
        if (_disposed)
        {
            return false;
        }

        if (Interlocked.Increment(ref _keptReaders) > KeptReaders)
        {
            Interlocked.Decrement(ref _keptReaders);
            return false;
        }

        _readers.Push(connection);

        // Disposed meanwhile: the stack was already emptied, so this one would stay open.
        if (_disposed)
        {
            CloseReaders();
        }

        return true;
    }

    private void CloseReaders()
    {
        while (_readers.TryPop(out var connection))
        {
            Interlocked.Decrement(ref _keptReaders);
            connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="body"/> holding the store's lock, as a write does (tests show reads do not wait for it).</summary>
    internal T WhileLocked<T>(Func<T> body) => Guarded(body);

    /// <summary>One read connection and the statements prepared on it; used by one thread at a time.</summary>
    private sealed class ReadConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private ReadConnection(SqliteConnection connection) => _connection = connection;

        public static ReadConnection Open(string path)
        {
            // ReadWrite, not ReadWriteCreate: a store whose file went away fails rather than reading a new empty one.
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            var connection = new SqliteConnection(builder.ToString());
            try
            {
                connection.Open();
                Execute(connection, "PRAGMA busy_timeout=10000; PRAGMA query_only=ON;");
                return new ReadConnection(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public T Run<T>(string sql, Func<SqliteDataReader, T> read, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands[sql] = command;
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            using var reader = command.ExecuteReader();
            return read(reader);
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
