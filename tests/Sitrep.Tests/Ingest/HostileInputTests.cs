using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Encoding;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Regression tests for issue 18, the input side: each case once hung a run, took quadratic time or lost a whole file.
/// Cases that used to hang run under a generous cancellation token, so a regression fails the test instead of
/// hanging the suite; nothing asserts on elapsed time.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WhenALineIsMegabytesLong_TheHeadingFilterLooksOnlyNearEachMention()
    {
        // 2 MB of prose with no line break; the filter is asked about 20,000 mentions along it. Scanning the whole line
        // for each (as it once did) is 40 billion character reads.
        var text = Prose(2_000_000);
        var headings = await Bounded(() =>
        {
            var found = 0;
            for (var at = 0; at < text.Length - 10; at += 100)
            {
                found += MentionFilter.InHeadingOrLabel(text, at, at + 5) ? 1 : 0;
            }

            return found;
        });

        headings.ShouldBe(0);
    }

    [Fact]
    public void WhenALabelOpensALongLine_TheWordsBeforeItsColonAreStillALabel()
    {
        var text = "Information cut-off: " + Prose(5_000);
        MentionFilter.InHeadingOrLabel(text, 0, 11).ShouldBeTrue();
        MentionFilter.InHeadingOrLabel(text, 4_000, 4_005).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenEightMegabytesHaveNoLineBreak_SentencesAndTokensAreStillSplit()
    {
        var text = Prose(8_000_000);
        var (tokens, sentences) = await Bounded(() =>
        {
            var t = new List<Token>();
            var s = new List<Sentence>();
            SentenceSplitter.Split(text, [new TextRange(0, text.Length)], t, s);
            return (t.Count, s.Count);
        });

        tokens.ShouldBeGreaterThan(1_000_000);
        sentences.ShouldBeGreaterThan(50_000);
    }

    [Fact]
    public async Task WhenOneSentenceIsMegabytesLong_TheTimelineLabelsEachOfItsDatesFromItsHeadOnly()
    {
        // One sentence of 2 MB (commas, no full stop) holding about 30,000 dates: flattening the whole sentence for
        // each date, as the timeline once did, is 60 billion character copies.
        var text = "On 20 June 2023 " + Prose(2_000_000).Replace(". ", ", on 24 June 2023 ", StringComparison.Ordinal).Replace('.', ',');
        var analyzed = new AnalyzedDocument(Document.Create(text, "one.txt").Build());
        new SentenceStage().Process(analyzed, CancellationToken.None);
        new TimexStage().Process(analyzed, CancellationToken.None);
        var corpus = new Corpus([analyzed]);

        await Bounded(() =>
        {
            new Sitrep.Time.Timeline.TimelineStage().Process(corpus, CancellationToken.None);
            return 0;
        });

        analyzed.Sentences.Count.ShouldBe(1);
        var entries = corpus.Layers.Find<Sitrep.Time.Timeline.TimelineLayer>().ShouldNotBeNull().Entries;
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Label.Length <= 200);
    }

    [Fact]
    public async Task WhenADocumentHoldsTwoHundredThousandDates_EachClaimFindsItsEventTimeWithoutWalkingFromTheStart()
    {
        // Claims ask for the first date inside their range; walking the timex list from the document's start for each
        // one made the claim stage quadratic in document length (36 s at 8 MB).
        const int count = 200_000;
        var text = new string('x', count * 10);
        var timexes = Enumerable.Range(0, count).Select(i => new Timex(new TextRange(i * 10, (i * 10) + 4), TimexType.Date, "2023-06-24", AnchorKind.Absolute)).ToList();
        var analyzed = new AnalyzedDocument(Document.Create(text, "dates.txt").Build());
        analyzed.Layers.Set(new TimexLayer(timexes, null, []));

        var found = await Bounded(() => Enumerable.Range(0, count).Count(i => EventTimes.For(analyzed, new TextRange(i * 10, (i * 10) + 8)).EventTimex is { } at && at.Start == i * 10));

        found.ShouldBe(count);
    }

    [Fact]
    public async Task WhenAnInputFolderHoldsANamedPipe_ItIsSkippedWithSR1010AndTheRestIsRead()
    {
        var dir = Some.TempDirectory();
        var fifo = Path.Combine(dir, "pipe.txt");
        SkipUnless(Run("mkfifo", fifo), "mkfifo is not available here");
        File.WriteAllText(Path.Combine(dir, "good.txt"), "The ferry resumed on Monday after the storm, the port said.");

        var (scan, results) = await Bounded(() =>
        {
            var found = InputScanner.Scan([dir], dir);
            var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty);
            return (found, found.Files.Select(ingestor.Ingest).ToList());
        });

        scan.Files.Count.ShouldBe(2);
        results.SelectMany(r => r.Documents).ShouldHaveSingleItem().Text.ShouldContain("ferry");
        var error = results.SelectMany(r => r.Errors).ShouldHaveSingleItem();
        error.Code.ShouldBe(SitrepErrors.NotRegularFile.Code);
        error.Message.ShouldContain("named pipe");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task WhenTheInputIsDevZero_ItIsACharacterDeviceNotAnEmptyFile()
    {
        SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "no /dev/zero here");

        var result = await Bounded(() => Fixture.ReadFile("/dev/zero"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(SitrepErrors.NotRegularFile.Code);
        error.Message.ShouldContain("character device");
    }

    [Fact]
    public async Task WhenFoldersLinkTwiceToTheNextTwentyTimesOver_EachFileIsFoundOnce()
    {
        // folder i holds two links to folder i+1: 2^20 routes lead to the one file at the bottom.
        var dir = Some.TempDirectory();
        const int levels = 20;
        for (var i = 0; i <= levels; i++)
        {
            Directory.CreateDirectory(Path.Combine(dir, "d" + i));
        }

        File.WriteAllText(Path.Combine(dir, "d" + levels, "report.txt"), "The bridge reopened on Friday.");
        try
        {
            for (var i = 0; i < levels; i++)
            {
                Directory.CreateSymbolicLink(Path.Combine(dir, "d" + i, "a"), Path.Combine(dir, "d" + (i + 1)));
                Directory.CreateSymbolicLink(Path.Combine(dir, "d" + i, "b"), Path.Combine(dir, "d" + (i + 1)));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("symbolic links cannot be made here: " + ex.Message);
        }

        var scan = await Bounded(() => InputScanner.Scan([Path.Combine(dir, "d0")], dir));

        scan.Files.ShouldHaveSingleItem().FullPath.ShouldEndWith("report.txt");
        scan.Errors.ShouldBeEmpty();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void WhenALinkLeadsBackUp_ItIsStillReportedAsALoop()
    {
        var dir = Some.TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "a", "b"));
        File.WriteAllText(Path.Combine(dir, "a", "b", "r.txt"), "Text.");
        Directory.CreateSymbolicLink(Path.Combine(dir, "a", "b", "up"), Path.Combine(dir, "a"));

        var scan = InputScanner.Scan([Path.Combine(dir, "a")], dir);

        scan.Files.ShouldHaveSingleItem();
        scan.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.DirectoryLoop.Code);
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("<div/>")]
    [InlineData("<div></x>")]
    [InlineData("<b>")]
    public async Task WhenTagsThatCannotCloseNest100000Deep_TheDepthGuardStillCatchesThem(string unit)
    {
        var html = new StringBuilder("<html><body>").Insert(12, unit, 100_000).Append("The deepest sentence survives.</body></html>").ToString();

        var result = await Bounded(() => Fixture.ReadBytes("deep.html", Encoding.UTF8.GetBytes(html)));

        result.Documents.ShouldHaveSingleItem().Text.ShouldContain("The deepest sentence survives.");
        result.Errors.ShouldContain(e => e.Code == SitrepErrors.NestingTooDeep.Code);
    }

    [Fact]
    public void WhenTagsCloseProperly_ManySiblingsAreNotDepth()
    {
        var html = new StringBuilder("<html><body>").Insert(12, "<div><p>One more paragraph about the harbour.<br/><img src=x></div>", 5_000).Append("</body></html>").ToString();

        var result = Fixture.ReadBytes("wide.html", Encoding.UTF8.GetBytes(html));

        result.Errors.ShouldNotContain(e => e.Code == SitrepErrors.NestingTooDeep.Code);
        result.Documents.ShouldHaveSingleItem().Text.ShouldContain("harbour");
    }

    [Fact]
    public void WhenManyGzipFilesEachFitTheFileLimit_TheRunBudgetStopsThemTogether()
    {
        var options = IngestOptions.Default with { MaxDecompressedBytes = 1_000_000, MaxDecompressedBytesPerRun = 2_000_000 };
        var ingestor = new DocumentIngestor(options, SourceManifest.Empty);
        var text = Encoding.UTF8.GetBytes(Prose(900_000));
        var results = Enumerable.Range(0, 3)
            .Select(i => ingestor.Ingest(new RawInput(new InputFile($"/virtual/{i}.txt.gz", $"{i}.txt.gz"), Gzip(text))))
            .ToList();

        results[0].Documents.ShouldHaveSingleItem();
        results[1].Documents.ShouldHaveSingleItem();
        results[2].Documents.ShouldBeEmpty();
        results[2].Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.DecompressionBudgetSpent.Code);
    }

    [Fact]
    public async Task WhenAFileIsOverTwoGigabytesAndTheLimitIsFour_ItIsRefusedClearlyWithoutOverflow()
    {
        var path = SparseFile(3L << 30);
        var options = IngestOptions.Default with { MaxBytes = 4_000_000_000 };

        var result = await Bounded(() => Fixture.ReadFile(path, options));

        result.Documents.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(SitrepErrors.TooLargeToHold.Code);
        error.Message.ShouldContain("3,221,225,472");
        File.Delete(path);
    }

    [Fact]
    public async Task WhenABigFileLooksBinary_ItIsRefusedFromItsHead()
    {
        var path = SparseFile(900L << 20);
        var options = IngestOptions.Default with { MaxBytes = 4_000_000_000 };

        var result = await Bounded(() => Fixture.ReadFile(path, options));

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.Binary.Code);
        File.Delete(path);
    }

    [Fact]
    public void WhenOneJsonLineHoldsALoneSurrogate_OnlyThatLineIsDroppedWithAWarning()
    {
        const string jsonl = "{\"text\":\"The army moved to the city on Monday, officials said.\"}\n{\"text\":\"Bad \\udc00 line.\"}\n{\"text\":\"The bridge reopened on Friday.\"}\n";

        var result = Fixture.ReadBytes("a.jsonl", Encoding.UTF8.GetBytes(jsonl));

        result.Documents.Count.ShouldBe(2);
        var warning = result.Errors.ShouldHaveSingleItem();
        warning.Code.ShouldBe(SitrepErrors.LineDropped.Code);
        warning.Severity.ShouldBe(ErrorSeverity.Warning);
        warning.Message.ShouldContain("line 2");
    }

    [Fact]
    public void WhenOneTelegramMessageHoldsALoneSurrogate_OnlyThatMessageIsDropped()
    {
        const string export = """
            {"name": "Channel", "messages": [
              {"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "from": "Channel", "text": "First report from the front."},
              {"id": 2, "type": "message", "date": "2024-01-01T11:00:00", "from": "Channel", "text": "Broken \udc00 text."},
              {"id": 3, "type": "message", "date": "2024-01-01T12:00:00", "from": "Channel", "text": "Third report from the port."}
            ]}
            """;

        var result = Fixture.ReadBytes("result.json", Encoding.UTF8.GetBytes(export));

        result.Documents.ShouldHaveSingleItem().Posts.Count.ShouldBe(2);
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.LineDropped.Code);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59+14:00", "Tomorrow the army will move. Next month it will leave. In three hours it ends. Next year is next.")]
    [InlineData("0001-01-01T00:00:00Z", "Yesterday the army moved. Last month it left. Three hours ago it ended. Last year was last.")]
    public void WhenAReportIsDatedAtTheEdgeOfTheCalendar_ItsRelativeDatesClampAndItIsAnalysed(string published, string text)
    {
        var document = Document.Create(text, "edge.txt").WithSource(new Source(Published: DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture))).Build();
        var analyzed = new AnalyzedDocument(document);
        new SentenceStage().Process(analyzed, CancellationToken.None);

        Should.NotThrow(() => new TimexStage().Process(analyzed, CancellationToken.None));
        var values = analyzed.Layers.Find<TimexLayer>().ShouldNotBeNull().Items.Select(t => t.Value).ToList();
        values.ShouldNotBeEmpty();
        values.ShouldAllBe(v => v == null || !v.StartsWith("10000", StringComparison.Ordinal));
    }

    [Fact]
    public void WhenUtf16HasNoByteOrderMark_ItIsStillDecoded()
    {
        var bytes = Encoding.Unicode.GetBytes("The ferry resumed on Monday after the storm.");

        TextDecoder.SniffBinary(bytes).ShouldBeNull();
        var (text, warning) = TextDecoder.Decode(bytes, "a.txt");

        text.ShouldBe("The ferry resumed on Monday after the storm.");
        warning.ShouldNotBeNull().Code.ShouldBe(SitrepErrors.DecodedAs.Code);
        Encoding.BigEndianUnicode.GetBytes("Big end first.").ShouldSatisfyAllConditions(b => TextDecoder.Decode(b, "b.txt").Text.ShouldBe("Big end first."));
    }

    [Fact]
    public void WhenOneStrayByteSpoilsValidUtf8_ItBecomesAReplacementCharacterWithAWarning()
    {
        const string sentence = "Łukaszenka said the café – «deal» – was done.";
        var good = Encoding.UTF8.GetBytes(sentence);
        byte[] bytes = [.. good[..10], 0xFF, .. good[10..]];

        var (text, warning) = TextDecoder.Decode(bytes, "a.txt");

        text.ShouldNotBeNull().ShouldContain('\uFFFD');
        text.Replace("\uFFFD", string.Empty, StringComparison.Ordinal).ShouldBe(sentence);
        warning.ShouldNotBeNull().Code.ShouldBe(SitrepErrors.InvalidBytesReplaced.Code);
        warning.Severity.ShouldBe(ErrorSeverity.Warning);
    }

    [Fact]
    public void WhenEnglishTextIsInWindows1252_ItIsReadAsWindows1252()
    {
        const string english = "The minister said the café on the “old bridge” was closed – and the naïve plan of the council was dropped after the vote. It is over, they said, and there will be no more talk of it in the town hall.";
        var bytes = CodePages(1252).GetBytes(english);

        var (text, warning) = TextDecoder.Decode(bytes, "a.txt");

        text.ShouldBe(english);
        warning.ShouldNotBeNull().Message.ShouldContain("1252");
    }

    [Fact]
    public void WhenAFileNameIsNotUtf8_ItIsReportedAsSuchNotAsAPipe()
    {
        SkipUnless(OperatingSystem.IsLinux(), "only Linux file names are raw bytes");
        var dir = Some.TempDirectory();
        SkipUnless(Run("sh", ["-c", "printf 'The port reopened.' > \"$(printf '\\377\\376')x.txt\""], dir), "cannot make a non-UTF-8 name here");

        var scan = InputScanner.Scan([dir], dir);
        var result = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty).Ingest(scan.Files.ShouldHaveSingleItem());

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.NameUndecodable.Code);
        Run("rm", ["-rf", dir], null); // .NET cannot name the file to delete it
    }

    [Fact]
    public void WhenAFileNameHoldsABackslash_ItIsShownAsItIs()
    {
        SkipUnless(!OperatingSystem.IsWindows(), "a backslash separates folders on Windows");
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "a\\b.txt"), "The port reopened.");

        var scan = InputScanner.Scan([dir], dir);

        scan.Files.ShouldHaveSingleItem().DisplayPath.ShouldBe("a\\b.txt");
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void WhenPlainTextIsOverTheCharacterCap_ItIsCutWithAWarningLikeTheOtherFormats()
    {
        var options = IngestOptions.Default with { MaxDocumentChars = 10_000 };

        var result = Fixture.ReadBytes("long.txt", Encoding.UTF8.GetBytes(Prose(50_000)), options);

        result.Documents.ShouldHaveSingleItem().Text.Length.ShouldBeLessThanOrEqualTo(10_000);
        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(SitrepErrors.TextTruncated.Code);
    }

    [Fact]
    public void WhenAFeedHoldsMoreItemsThanTheLimit_TheDroppedOnesAreCountedAsAnError()
    {
        var feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
        for (var i = 0; i < 5; i++)
        {
            feed.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><title>Item {i}</title><description>The ferry {i} resumed on Monday after the storm.</description></item>");
        }

        var result = Fixture.ReadBytes("feed.rss", Encoding.UTF8.GetBytes(feed.Append("</channel></rss>").ToString()), IngestOptions.Default with { MaxItems = 3 });

        result.Documents.Count.ShouldBe(3);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(SitrepErrors.ItemsDropped.Code);
        error.Severity.ShouldBe(ErrorSeverity.Error);
        error.Message.ShouldStartWith("2 of 5 items");
    }

    internal static string Prose(int chars)
    {
        string[] words = ["the", "army", "said", "troops", "moved", "toward", "Kharkiv", "on", "Monday", "while", "officials", "denied", "reports", "that", "a", "bridge", "was", "hit"];
        var random = new Random(3);
        var builder = new StringBuilder(chars + 100);
        while (builder.Length < chars)
        {
            var start = builder.Length;
            var count = random.Next(6, 16);
            for (var i = 0; i < count; i++)
            {
                builder.Append(i == 0 ? string.Empty : " ").Append(words[random.Next(words.Length)]);
            }

            builder[start] = char.ToUpperInvariant(builder[start]);
            builder.Append(". ");
        }

        return builder.ToString(0, chars);
    }

    private static async Task<T> Bounded<T>(Func<T> work)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Generous);
        return await Task.Run(work, timeout.Token).WaitAsync(timeout.Token);
    }

    private static string SparseFile(long length)
    {
        var path = Path.Combine(Some.TempDirectory(), "big.txt");
        using var stream = File.Create(path);
        stream.SetLength(length); // sparse on Linux and macOS: no disk, no time
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private static Encoding CodePages(int page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(page);
    }

    private static bool Run(string program, string arg) => Run(program, [arg], null);

    private static bool Run(string program, string[] args, string? directory)
    {
        try
        {
            var info = new ProcessStartInfo(program) { UseShellExecute = false, WorkingDirectory = directory ?? Environment.CurrentDirectory };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void SkipUnless(bool condition, string reason)
    {
        if (!condition)
        {
            Assert.Skip(reason);
        }
    }
}
