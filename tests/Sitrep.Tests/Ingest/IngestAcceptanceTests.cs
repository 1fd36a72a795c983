using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Sitrep.Ingest;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// The "Done when" list of issue 14 as whole runs of the <c>sitrep</c> command: the five hostile inputs side by side
/// with a good file, the sample corpus's PDF, Word memo, mail thread and Russian channel export as sources of its
/// brief (with who gave which figure), and <c>docs/ingest.md</c> naming every reader with what it keeps and loses.
/// </summary>
public sealed class IngestAcceptanceTests
{
    /// <summary>The row label of each shipped reader in the "what is kept and what is lost" table of docs/ingest.md.</summary>
    private static readonly Dictionary<string, string> FormatRows = new(StringComparer.Ordinal)
    {
        ["read.text"] = "Plain text",
        ["read.markdown"] = "Markdown",
        ["read.html"] = "HTML",
        ["read.feed"] = "RSS / Atom",
        ["read.jsonl"] = "JSON Lines",
        ["read.telegram"] = "Telegram",
        ["read.pdf"] = "PDF",
        ["read.docx"] = "Word",
        ["read.email"] = "E-mail",
    };

    [Fact]
    public void EachHostileInputOfTheIssueEndsInOneClearErrorAndTheRunGoesOn()
    {
        var dir = Some.TempDirectory();
        var inputs = Path.Combine(dir, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllBytes(Path.Combine(inputs, "locked.pdf"), BadDocumentTests.EncryptedPdf());
        File.WriteAllBytes(Path.Combine(inputs, "bomb.docx"), BadDocumentTests.ZipBombDocx());
        File.WriteAllBytes(Path.Combine(inputs, "deep.eml"), BadDocumentTests.DeepMime());
        WriteHundredMegabyteMbox(Path.Combine(inputs, "huge.mbox"));
        var pages = Enumerable.Range(1, 10_000).Select(n => (IReadOnlyList<string>)[$"Ledger page {n}."]).ToList();
        File.WriteAllBytes(Path.Combine(inputs, "ledger.pdf"), DocumentFactory.Pdf("Ledger", null, null, pages));
        File.WriteAllText(Path.Combine(inputs, "good.md"), "# Note\n\nThe **bridge** at Harlow was closed on Monday, the council said.\n");

        var result = SitrepProcess.Run(SitrepProcess.StartInfo(dir, "analyze", "in", "--out", "out", "--db", "s.db", "--quiet"), TimeSpan.FromMinutes(8));

        result.ExitCode.ShouldBe(2, result.Stderr);
        var expected = new (string File, string Code)[] { ("locked.pdf", "SR9101"), ("bomb.docx", "SR9105"), ("deep.eml", "SR1011"), ("huge.mbox", "SR1002"), ("ledger.pdf", "SR9104") };
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (file, code) in expected)
        {
            var about = lines.Where(l => Regex.IsMatch(l, @"^(error|warning) SR\d{4} ") && l.Contains(Path.DirectorySeparatorChar + file + ":", StringComparison.Ordinal)).ToList();
            about.ShouldHaveSingleItem($"one line for {file}: {result.Stderr}").ShouldStartWith((code == "SR9104" ? "warning " : "error ") + code);
        }

        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        var paths = brief.RootElement.GetProperty("documents").EnumerateArray().Select(d => Path.GetFileName(d.GetProperty("path").GetString()!)).ToList();
        paths.ShouldBe(["good.md", "ledger.pdf"], ignoreOrder: true);
    }

    [Fact]
    public void TheSampleBriefShowsItsPdfWordMemoMailThreadAndRussianExportAsSourcesAndWhoGaveEachFigure()
    {
        var dir = Some.TempDirectory();
        var samples = Path.Combine(SharedData.RepositoryRoot, "samples", "wagner-2023");

        var result = SitrepProcess.Run(dir, "analyze", samples, "--out", "out", "--db", "s.db", "--quiet");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var brief = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "brief.json")));
        var root = brief.RootElement;
        var documents = root.GetProperty("documents").EnumerateArray().ToDictionary(d => Path.GetFileName(d.GetProperty("path").GetString()!), d => d);
        var markdown = File.ReadAllText(Path.Combine(dir, "out", "brief.md"));
        var html = File.ReadAllText(Path.Combine(dir, "out", "brief.html"));
        var cited = root.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("doc").GetString()).ToHashSet();
        foreach (var file in new[] { "20-osint-assessment.pdf", "21-desk-memo.docx", "22-newsroom-thread.mbox", "14-telegram-ru.json" })
        {
            // An mbox's thread is named after its root message: "22-newsroom-thread.mbox#<Message-ID>".
            var document = documents.Where(d => d.Key == file || d.Key.StartsWith(file + "#", StringComparison.Ordinal) && d.Value.GetProperty("kind").GetString() == "thread")
                .Select(d => d.Value).ShouldHaveSingleItem(file);
            var outlet = document.GetProperty("source").GetProperty("outlet").GetString();
            outlet.ShouldNotBeNullOrWhiteSpace(file);
            markdown.ShouldContain(file);
            html.ShouldContain(file);
            cited.ShouldContain(document.GetProperty("id").GetString(), $"{file} holds claims of the brief");
        }

        // The Russian channel: Prigozhin's 25,000 and the channel's source's "не более 8 тысяч" disagree, and the brief says who gave which.
        var russian = documents["14-telegram-ru.json"].GetProperty("id").GetString();
        var force = root.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("cite").GetProperty("doc").GetString() == russian && v.GetProperty("measure").GetProperty("role").GetString() == "force"));
        force.GetProperty("verdict").GetString().ShouldBe("dispute");
        var values = force.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("cite").GetProperty("doc").GetString() == russian).ToList();
        values.ShouldContain(v => v.GetProperty("source").GetString()!.StartsWith("Пригожин", StringComparison.Ordinal) && v.GetProperty("measure").GetProperty("min").GetDouble() == 25_000);
        values.ShouldContain(v => !v.GetProperty("source").GetString()!.StartsWith("Пригожин", StringComparison.Ordinal) && v.GetProperty("measure").GetProperty("max").GetDouble() == 8_000);
        markdown.ShouldContain("Пригожин (via Степной курьер");
    }

    [Fact]
    public void DocsIngestNamesEveryShippedReaderWithWhatItKeepsAndWhatItLoses()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "ingest.md"));
        var table = doc[doc.IndexOf("## Every format: what is kept and what is lost", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n**", StringComparison.Ordinal)];
        // A cell may hold an escaped bar ("cells joined by \" \| \""): it is text, not a column.
        var rows = table.Replace("\\|", "/", StringComparison.Ordinal).Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Format", StringComparison.Ordinal)).ToList();
        var names = DocumentIngestor.CreateReaders(IngestOptions.Default).Select(r => r.Name)
            .Concat(DocumentIngestor.CreateBinaryReaders(IngestOptions.Default).Select(r => r.Name)).ToList();

        names.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var name in names)
        {
            doc.ShouldContain($"`{name}`", customMessage: $"the reader table names {name}");
            var family = name[..name.LastIndexOf(".v", StringComparison.Ordinal)];
            FormatRows.ShouldContainKey(family, $"docs/ingest.md: give {name} a row in 'Every format' and this test its label");
            var row = rows.SingleOrDefault(r => r.Split('|')[1].Contains(FormatRows[family], StringComparison.Ordinal));
            row.ShouldNotBeNull($"a kept/lost row for {name}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            cells.Length.ShouldBe(5, row);
            cells[2].Length.ShouldBeGreaterThan(5, $"what {name} keeps");
            cells[3].Length.ShouldBeGreaterThan(2, $"what {name} loses");
        }
    }

    private static void WriteHundredMegabyteMbox(string path)
    {
        var body = string.Join(' ', Enumerable.Repeat("The column moved north along the motorway overnight.", 36));
        using var file = new FileStream(path, FileMode.Create);
        for (var n = 1; file.Length < 100L * 1024 * 1024; n++)
        {
            file.Write(Encoding.ASCII.GetBytes($"From x@example.org Sat Jun 24 10:00:00 2023\nFrom: X <x@example.org>\nSubject: note {n}\nMessage-ID: <{n}@example.org>\nDate: Sat, 24 Jun 2023 10:00:00 +0300\n\n{body}\n\n"));
        }
    }
}
