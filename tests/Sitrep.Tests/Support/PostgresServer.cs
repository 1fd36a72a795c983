using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sitrep.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the store's contract tests, started by <c>scripts/postgres-test-server.sh</c>:
/// Debian's <c>postgresql</c> installed when missing (as root, through apt), <c>initdb</c> as the <c>postgres</c> OS
/// user in a temporary folder, the server on 127.0.0.1 on a free port, fsync off; stopped and removed after the class.
/// Each test takes a database of its own (<see cref="NewDatabase"/>), which skips the test with the script's own words
/// where no server could be started.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static int _databases;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sitrep-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string? _connectionString;
    private string? _skipReason;

    /// <summary>The server's maintenance connection string (database <c>sitrep</c>).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(_skipReason);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var script = Path.Combine(SharedData.RepositoryRoot, "scripts", "postgres-test-server.sh");
        if (!OperatingSystem.IsLinux() || !File.Exists(script))
        {
            _skipReason = "PostgreSQL tests need Linux and scripts/postgres-test-server.sh.";
            return;
        }

        var (code, output) = await RunAsync(script, "start", _directory, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        if (code == 0 && last.StartsWith("Host=", StringComparison.Ordinal))
        {
            _connectionString = last;
        }
        else
        {
            _skipReason = "Skipped: no PostgreSQL server could be started (scripts/postgres-test-server.sh start): " + output.Trim();
        }
    }

    /// <summary>
    /// A new empty database on the server, as a connection string; skips the test when there is no server. With
    /// <paramref name="tablespace"/>, the database's tables are kept in that tablespace.
    /// </summary>
    public string NewDatabase(string? tablespace = null)
    {
        if (_connectionString is null)
        {
            Assert.Skip(_skipReason ?? "Skipped: no PostgreSQL server.");
        }

        var name = "t" + Interlocked.Increment(ref _databases).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(_connectionString + ";Pooling=false"))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}" + (tablespace is null ? string.Empty : " TABLESPACE " + tablespace), connection);
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(_connectionString) { Database = name }.ToString();
    }

    /// <summary>Stops the server (a fast shutdown: sessions are ended, nothing is lost), keeping its data for <see cref="ResumeAsync"/>.</summary>
    public Task HaltAsync(CancellationToken cancellationToken) => ControlAsync("halt", cancellationToken);

    /// <summary>Starts the halted server again, on the same port with the same settings.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => ControlAsync("resume", cancellationToken);

    private async Task ControlAsync(string command, CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(Path.Combine(SharedData.RepositoryRoot, "scripts", "postgres-test-server.sh"), [command, _directory], cancellationToken);
        if (code != 0)
        {
            throw new InvalidOperationException($"postgres-test-server.sh {command} failed ({code}): {output}");
        }
    }

    /// <summary>Runs SQL on the database <paramref name="connectionString"/> names, outside any store.</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            await RunAsync(Path.Combine(SharedData.RepositoryRoot, "scripts", "postgres-test-server.sh"), "stop", _directory);
        }
    }

    /// <summary>A TCP port nothing listens on now (the server binds it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<(int Code, string Output)> RunAsync(string script, params string[] arguments) => RunAsync(script, arguments, CancellationToken.None);

    private static async Task<(int Code, string Output)> RunAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PG_FAST"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stderr) + (await stdout));
    }
}
