using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shouldly;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void TheSampleCorpusYieldsABriefInThreeFormatsWithCitedTakeaways()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");

        var result = SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db");

        result.ExitCode.ShouldBe(0, result.Stderr);
        File.Exists(Path.Combine(dir, "out", "brief.html")).ShouldBeTrue();
        File.Exists(Path.Combine(dir, "out", "brief.md")).ShouldBeTrue();
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        var root = brief.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("sitrep.brief/1");
        var documents = root.GetProperty("documents").EnumerateArray().ToList();
        // 13 text reports, a Russian channel export, a PDF, a Word memo, one e-mail thread and the file attached to one of its messages.
        documents.Count.ShouldBe(18);
        var wire = documents.Single(d => d.GetProperty("path").GetString()!.EndsWith("01-wire-rostov.txt", StringComparison.Ordinal));
        var russian = documents.Single(d => d.GetProperty("path").GetString()!.EndsWith("14-telegram-ru.json", StringComparison.Ordinal));
        russian.GetProperty("language").GetString().ShouldBe("ru");
        russian.GetProperty("source").GetProperty("outlet").GetString()!.ShouldStartWith("Степной курьер");
        File.ReadAllText(Path.Combine(dir, "out", "brief.md")).ShouldContain("Степной курьер");
        var russianId = russian.GetProperty("id").GetString();
        var wireId = wire.GetProperty("id").GetString();
        var prigozhin = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString()!.Contains("Prigozhin", StringComparison.Ordinal));
        var cited = prigozhin.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("doc").GetString()).ToHashSet();
        cited.ShouldContain(russianId);
        cited.ShouldContain(wireId);
        var force = root.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("cite").GetProperty("doc").GetString() == russianId)).ToList();
        force.ShouldNotBeEmpty("a figure of the Russian post sits beside the English ones");
        wire.GetProperty("source").GetProperty("outlet").GetString().ShouldBe("Meridian Wire");
        wire.GetProperty("source").GetProperty("reliability").GetString().ShouldBe("B");
        var pasted = documents.Single(d => d.GetProperty("path").GetString()!.EndsWith("12-pasted-explainer.txt", StringComparison.Ordinal));
        pasted.GetProperty("source").GetProperty("outlet").ValueKind.ShouldBe(JsonValueKind.Null);

        // The document owns its text: the stored text, which for Markdown, PDF, Word and e-mail is the text read out of the file.
        var texts = StoredTexts(Path.Combine(dir, "s.db"));
        texts.Keys.ShouldBe(documents.Select(d => d.GetProperty("id").GetString()!), ignoreOrder: true);
        var takeaways = root.GetProperty("takeaways").EnumerateArray().ToList();
        takeaways.ShouldNotBeEmpty();
        foreach (var takeaway in takeaways)
        {
            var cite = takeaway.GetProperty("cites")[0];
            if (texts[cite.GetProperty("doc").GetString()!] is not { } text)
            {
                continue; // the Telegram export's text is its messages, not the file
            }

            var quoted = text[cite.GetProperty("start").GetInt32()..cite.GetProperty("end").GetInt32()];
            // A takeaway quotes its first citation verbatim, alone or inside estimative framing ("Very likely (…): “…”"),
            // with at most the person an opening "He" or "She" stands for added in brackets.
            var said = System.Text.RegularExpressions.Regex.Replace(takeaway.GetProperty("text").GetString()!, @"\b(He|She) \[[^\]]+\]", "$1");
            said.ShouldContain(Normalize(quoted));
        }
    }

    [Fact]
    public void RunningTwiceOnTheSeedsLeavesTheDocumentCountUnchanged()
    {
        var seeds = SharedData.Require("seeds");
        var dir = Some.TempDirectory();

        var first = SitrepProcess.Run(dir, "analyze", seeds, "--out", "x", "--db", "s.db");
        var second = SitrepProcess.Run(dir, "analyze", seeds, "--out", "x", "--db", "s.db");

        first.ExitCode.ShouldBe(0, first.Stderr);
        second.ExitCode.ShouldBe(0, second.Stderr);
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "x", "brief.json")));
        brief.RootElement.GetProperty("documents").GetArrayLength().ShouldBe(5);
        CountDocuments(Path.Combine(dir, "s.db")).ShouldBe(5);
        first.Stdout.ShouldContain("(5 new in s.db)");
        second.Stdout.ShouldContain("(0 new in s.db)");
    }

    [Fact]
    public void TheBriefIsDeterministic()
    {
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        var a = Some.TempDirectory();
        var b = Some.TempDirectory();
        SitrepProcess.Run(a, "analyze", samples, "--out", "out", "--db", "s.db", "--jobs", "1").ExitCode.ShouldBe(0);
        SitrepProcess.Run(b, "analyze", samples, "--out", "out", "--db", "s.db", "--jobs", "2").ExitCode.ShouldBe(0);
        foreach (var file in new[] { "brief.json", "brief.md", "brief.html" })
        {
            File.ReadAllText(Path.Combine(b, "out", file)).ShouldBe(File.ReadAllText(Path.Combine(a, "out", file)), file);
        }
    }

    [Fact]
    public void SearchFindsStoredDocumentsAfterAnalysis()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");
        SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db").ExitCode.ShouldBe(0);

        var result = SitrepProcess.Run(dir, "search", "\"working in the Kremlin\"", "--db", "s.db");

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("[working in the Kremlin]");
    }

    [Fact]
    public void TheStoreAndTheBriefInsideAnInputFolderAreNeverReadAsReports()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "a.txt"), "The convoy stopped two hundred kilometres short of the capital.");
        SitrepProcess.Run(dir, "analyze", ".", "--out", "out", "--db", "s.db").ExitCode.ShouldBe(0);

        var again = SitrepProcess.Run(dir, "analyze", ".", "--out", "out", "--db", "s.db");

        again.ExitCode.ShouldBe(0, again.Stderr);
        again.Stderr.ShouldNotContain("s.db");
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        brief.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ShouldBe(["a.txt"]);
    }

    [Fact]
    public void VersionPrintsTheVersion()
    {
        var result = SitrepProcess.Run(Some.TempDirectory(), "--version");
        result.ExitCode.ShouldBe(0);
        result.Stdout.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void AfterAKillMidRunTheStoreOpensHoldsNoHalfWrittenDocumentAndTheNextRunCompletes()
    {
        var dir = Some.TempDirectory();
        var inputs = Path.Combine(dir, "inputs");
        Directory.CreateDirectory(inputs);
        const int Files = 2500;
        for (var i = 0; i < Files; i++)
        {
            var body = string.Concat(Enumerable.Repeat($"Report {i}: the column of trucks stopped {i % 300} km from the capital and turned back. ", 60));
            File.WriteAllText(Path.Combine(inputs, $"{i:D5}.txt"), body);
        }

        var db = Path.Combine(dir, "s.db");
        var info = SitrepProcess.StartInfo(dir, "analyze", "inputs", "--out", "out", "--db", "s.db", "--quiet", "--jobs", "1");
        using (var process = Process.Start(info)!)
        {
            var clock = Stopwatch.StartNew();
            while (CountDocumentsOrZero(db) == 0 && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(10);
            }

            process.HasExited.ShouldBeFalse("the run must still be going when it is killed; make the corpus larger");
            process.Kill(); // SIGKILL on Unix: no chance to clean up
            process.WaitForExit();
        }

        var stored = CountDocuments(db);
        stored.ShouldBeGreaterThan(0);
        stored.ShouldBeLessThan(Files);
        using (var connection = Open(db))
        {
            Scalar(connection, "PRAGMA integrity_check;").ShouldBe("ok");
            Scalar(connection, "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check'); SELECT 'ok';").ShouldBe("ok");
            Scalar(connection, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.doc_id = d.id)").ShouldBe("0");
            Scalar(connection, "SELECT count(*) FROM documents WHERE length(text) <> length").ShouldBe("0");
        }

        var again = SitrepProcess.Run(SitrepProcess.StartInfo(dir, "analyze", "inputs", "--out", "out", "--db", "s.db", "--quiet"), TimeSpan.FromMinutes(5));
        again.ExitCode.ShouldBe(0, again.Stderr);
        CountDocuments(db).ShouldBe(Files);
        again.Stdout.ShouldContain($"({Files - stored} new in s.db)");
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        connection.Open();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> StoredTexts(string db)
    {
        using var connection = Open(db);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, text FROM documents";
        using var reader = cmd.ExecuteReader();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            texts[reader.GetString(0)] = reader.GetString(1);
        }

        return texts;
    }

    private static long CountDocuments(string db)
    {
        using var connection = Open(db);
        return long.Parse(Scalar(connection, "SELECT count(*) FROM documents")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long CountDocumentsOrZero(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            return CountDocuments(db);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
