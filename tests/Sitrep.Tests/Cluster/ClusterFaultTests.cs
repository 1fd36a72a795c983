using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Shouldly;
using Sitrep.Cluster.Grains;
using Sitrep.Cluster.Hosting;
using Sitrep.Cluster.Story;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cluster;

/// <summary>
/// Three silos (<c>sitrep serve --cluster</c> child processes) on loopback over one PostgreSQL server; a client sends
/// reports with retries and the silo holding the story grain is killed (SIGKILL) a third of the way through. Every
/// acknowledged report must be stored exactly once, the story grain must come back on another silo with its persisted
/// queue, the picture it kept must hold every unit (claim, mention, value, timeline sentence) a single node's holds, and,
/// computed again over the whole story, must equal a single node's in every part of <see cref="PictureDigest"/>. The number of reports is
/// <c>SITREP_CLUSTER_REPORTS</c> (default <see cref="DefaultReports"/>; <c>scripts/cluster-fault.sh</c> runs 2,000).
/// </summary>
public sealed class ClusterFaultTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int DefaultReports = 60;
    private const string Story = "cluster";

    [Fact(Timeout = 1_800_000)]
    public async Task WhenTheStorySiloIsKilledMidIngest_EveryAcknowledgedReportIsStoredOnceAndThePictureConvergesToOneNodes()
    {
        var storeDb = postgres.NewDatabase();
        var clusterDb = postgres.NewDatabase();
        var referenceDb = postgres.NewDatabase();
        var count = int.TryParse(Environment.GetEnvironmentVariable("SITREP_CLUSTER_REPORTS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultReports;
        var reports = Enumerable.Range(0, count).Select(SyntheticReport).ToList();
        var work = Directory.CreateTempSubdirectory("sitrep-cluster-").FullName;
        var silos = new List<Silo>();
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(Silo.Start(work, i, storeDb, clusterDb));
            }

            foreach (var silo in silos)
            {
                await silo.WaitServingAsync(TimeSpan.FromMinutes(3));
            }

            var started = clock.Elapsed;
            await using var client = await ClusterClient.ConnectAsync(clusterDb, responseTimeout: TimeSpan.FromSeconds(20), cancellationToken: TestContext.Current.CancellationToken);
            var story = client.Grains.GetGrain<IStoryGrain>(Story);
            var acks = new ReportAck?[count];
            var done = 0;
            Silo? killed = null;
            using var gate = new SemaphoreSlim(6);
            var sends = reports.Select(async (report, i) =>
            {
                await gate.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    acks[i] = await client.SendAsync(Story, report, attempts: 12, TestContext.Current.CancellationToken);
                }
                finally
                {
                    gate.Release();
                }

                if (Interlocked.Increment(ref done) == count / 3)
                {
                    // The silo the story grain is active on dies without a goodbye, in the middle of the ingest.
                    var holder = (await story.Status()).Silo;
                    killed = silos.First(s => holder.Contains(":" + s.SiloPort.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal));
                    killed.Kill();
                }
            }).ToList();
            await Task.WhenAll(sends);
            var ingested = clock.Elapsed - started;
            killed.ShouldNotBeNull();
            var status = await story.Drain(TimeSpan.FromMinutes(10));
            status.Pending.ShouldBe(0, "the story grain's queue should be empty: " + status.LastError);
            status.Silo.ShouldNotContain(":" + killed.SiloPort.ToString(CultureInfo.InvariantCulture) + ":");

            // Every acknowledged report is stored, exactly once.
            var acknowledged = acks.Select(a => a.ShouldNotBeNull()).SelectMany(a => a.DocumentIds).ToList();
            acknowledged.Count.ShouldBe(count);
            acknowledged.Distinct(StringComparer.Ordinal).Count().ShouldBe(count);
            var (rows, distinct, ids) = Documents(storeDb);
            rows.ShouldBe(count);
            distinct.ShouldBe(count);
            ids.SetEquals(acknowledged).ShouldBeTrue();

            // The story grain's queue was persisted (Orleans' grain state in PostgreSQL), and every document was added
            // to the picture at least once: a batch applied but not yet recorded when its silo died is applied again.
            ClusterStateRows(clusterDb).ShouldBeGreaterThan(0, "the story grain's state was never written");
            status.Applied.ShouldBeGreaterThanOrEqualTo(count);

            // The picture against a single node's: the same reports through the same analysis, the picture computed over
            // the whole story (PictureDigest: per kind the units held and how they are grouped, figure verdicts and
            // their conflicting values, proposition contradictions).
            using var reference = new StoryUpdate(referenceDb);
            var analysis = new ReportAnalysis(reference.Pipeline);
            foreach (var report in reports)
            {
                analysis.Analyse(reference.Store, report.Name, report.Content, TestContext.Current.CancellationToken);
            }

            reference.Settle(TestContext.Current.CancellationToken);
            var (digest, items, parts) = PictureDigest.OfParts(reference.Pipeline, reference.Store);
            string[] expected = [.. parts.Select(p => p.Key + "=" + p.Value)];

            // The incremental picture the cluster kept through the kill holds every unit of every acknowledged report,
            // each kind's units exactly the single node's; how they are grouped may differ, as an incremental update's
            // may (StoryPicture: a unit stays in the item it first joined), so the groups are reported, not compared.
            var incremental = await story.Digest();
            incremental.Parts.Where(p => p.Contains(".units=", StringComparison.Ordinal)).ShouldBe(expected.Where(p => p.Contains(".units=", StringComparison.Ordinal)));

            // Computed again over the whole story in PostgreSQL, the cluster's picture is the single node's, every part.
            var cluster = await story.Settle();
            cluster.Documents.ShouldBe(count);
            cluster.Items.ShouldBe([.. items.Select(i => i.Key + "=" + i.Value.ToString(CultureInfo.InvariantCulture))]);
            cluster.Parts.ShouldBe(expected);
            cluster.Digest.ShouldBe(digest);
            var differing = incremental.Parts.Except(expected, StringComparer.Ordinal).Select(p => p.Split('=')[0]).ToList();
            TestContext.Current.SendDiagnosticMessage(
                $"cluster fault: story grain applied {status.Applied} in {status.Updates} updates; {count} reports acknowledged in {ingested.TotalSeconds:F1} s through 3 silos ({count / ingested.TotalSeconds:F1}/s), silo on port {killed.SiloPort} killed after {count / 3}; "
                + $"incremental picture {string.Join(", ", incremental.Items)} (differs from one node's in {(differing.Count == 0 ? "nothing" : string.Join(", ", differing))}); settled {string.Join(", ", cluster.Items)}, digest {digest[..16]}; {clock.Elapsed.TotalSeconds:F0} s in all");
        }
        finally
        {
            var logs = Environment.GetEnvironmentVariable("SITREP_CLUSTER_LOGS");
            foreach (var silo in silos)
            {
                silo.Dispose();
                if (!string.IsNullOrEmpty(logs))
                {
                    File.WriteAllText(Path.Combine(Directory.CreateDirectory(logs).FullName, "silo" + silo.SiloPort.ToString(CultureInfo.InvariantCulture) + ".log"), silo.Output());
                }
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A made-up report: who said how many were hurt where and when, varied enough to make many items.</summary>
    internal static ReportSubmission SyntheticReport(int i)
    {
        string[] towns = ["Velmora", "Ostrakh", "Dunmere", "Kalvik", "Serrano Bay", "Tirsk", "Harlow Gap", "Nesvald"];
        string[] sources = ["the regional governor", "the defence ministry", "a police spokesman", "the mayor's office", "local medics", "an aid agency"];
        string[] outlets = ["Northern Courier", "Coastal Wire", "Evening Ledger", "Field Radio"];
        var town = towns[i % towns.Length];
        var source = sources[(i / towns.Length) % sources.Length];
        var day = 1 + (i % 27);
        var hurt = 3 + ((i * 7) % 40);
        var dead = i % 5 == 0 ? "at least " + (1 + (i % 9)).ToString(CultureInfo.InvariantCulture) : "no";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{outlets[i % outlets.Length]}, report {i}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"A fire broke out at the grain depot in {town} on 2024-03-{day:00}, {source} said. ")
            .Append(CultureInfo.InvariantCulture, $"{hurt} people were injured and {dead} people were killed, according to {source}. ")
            .Append(CultureInfo.InvariantCulture, $"Firefighters from {towns[(i + 3) % towns.Length]} were sent to help, and the road to {towns[(i + 5) % towns.Length]} was closed.\n")
            .ToString();
        return new ReportSubmission { Name = "reports/r" + i.ToString("D5", CultureInfo.InvariantCulture) + ".txt", Content = Encoding.UTF8.GetBytes(text) };
    }

    /// <summary>Grain state rows holding a payload in the cluster's database (Orleans' ADO.NET grain persistence).</summary>
    private static long ClusterStateRows(string db)
    {
        using var connection = new NpgsqlConnection(db + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NOT NULL", connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static (long Rows, long Distinct, HashSet<string> Ids) Documents(string db)
    {
        using var connection = new NpgsqlConnection(db + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand("SELECT id, content_hash FROM documents", connection);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;
        while (reader.Read())
        {
            rows++;
            ids.Add(reader.GetString(0));
            hashes.Add(reader.GetString(1));
        }

        return (rows, hashes.Count, ids);
    }

    /// <summary>One <c>sitrep serve --cluster</c> child process.</summary>
    private sealed class Silo : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Silo(Process process, int siloPort)
        {
            _process = process;
            SiloPort = siloPort;
        }

        public int SiloPort { get; }

        public static Silo Start(string work, int index, string storeDb, string clusterDb)
        {
            var siloPort = PostgresServer.FreePort();
            var gatewayPort = PostgresServer.FreePort();
            var httpPort = PostgresServer.FreePort();
            var directory = Directory.CreateDirectory(Path.Combine(work, "silo" + index.ToString(CultureInfo.InvariantCulture))).FullName;
            var info = SitrepProcess.StartInfo(
                directory,
                "serve",
                "--db", storeDb,
                "--story", Story,
                "--cluster", clusterDb,
                "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
                "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
                "--urls", "http://127.0.0.1:" + httpPort.ToString(CultureInfo.InvariantCulture));
            var silo = new Silo(Process.Start(info)!, siloPort);
            silo._process.OutputDataReceived += (_, e) => silo.Line(e.Data);
            silo._process.ErrorDataReceived += (_, e) => silo.Line(e.Data);
            silo._process.BeginOutputReadLine();
            silo._process.BeginErrorReadLine();
            return silo;
        }

        public async Task WaitServingAsync(TimeSpan timeout)
        {
            var finished = await Task.WhenAny(_serving.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
            if (finished != _serving.Task)
            {
                throw new TimeoutException($"The silo on port {SiloPort} did not start serving: " + Output());
            }
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        public string Output()
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }

        private void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (line.StartsWith("Serving ", StringComparison.Ordinal))
            {
                _serving.TrySetResult();
            }
        }
    }
}
