using System.Text;
using Shouldly;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Ingest.Sources;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Ingest.Sources;

public sealed class OutletCatalogTests
{
    private const string Csv = """
        outlet,reliability,notes,aliases
        Meridian Wire,B,wire service,meridianwire.example.com; Meridian
        Southern Wind,E,"pro-Wagner channel, often first",t.example.net; Южный ветер
        Rumour Mill,Z,,
        """;

    private static OutletCatalog Catalog() => OutletCatalog.Parse(new StringReader(Csv), "sources.csv");

    [Fact]
    public void EachRowIsAnOutletAndABadGradeIsOneErrorNamingItsLine()
    {
        var catalog = Catalog();

        catalog.Outlets.Select(o => o.Name).ShouldBe(["Meridian Wire", "Southern Wind", "Rumour Mill"]);
        catalog.Outlets[1].Notes.ShouldBe("pro-Wagner channel, often first");
        catalog.Outlets[1].Aliases.ShouldBe(["t.example.net", "Южный ветер"]);
        catalog.Outlets[2].Reliability.ShouldBeNull();
        var error = catalog.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(SitrepErrors.SourcesValue.Code);
        error.Message.ShouldContain("line 4");
        error.Message.ShouldContain("'Z'");
    }

    [Theory]
    [InlineData("Meridian Wire", null, Reliability.B)]
    [InlineData("meridian  wire", null, Reliability.B)]
    [InlineData("Meridian", null, Reliability.B)]
    [InlineData("Южный ветер", null, Reliability.E)]
    [InlineData(null, "https://meridianwire.example.com/world/2023/06/24/x", Reliability.B)]
    [InlineData(null, "https://www.t.example.net/s/southern_wind", Reliability.E)]
    public void AnOutletIsFoundByNameAliasOrDomain(string? outlet, string? url, Reliability grade)
    {
        var source = Catalog().Apply(new Source(outlet, Url: url));

        source.Reliability.ShouldBe(grade);
        source.Outlet.ShouldNotBeNull();
    }

    [Fact]
    public void AGradeAlreadyGivenIsNeverReplacedAndAnUnknownOutletIsLeftAlone()
    {
        var catalog = Catalog();

        catalog.Apply(new Source("Meridian Wire", Reliability: Reliability.A)).Reliability.ShouldBe(Reliability.A);
        catalog.Apply(new Source("Other Paper", Url: "https://example.org/x")).ShouldBe(new Source("Other Paper", Url: "https://example.org/x"));
    }

    [Fact]
    public void ALaterFileReplacesTheOutletsItNamesAndKeepsTheOthers()
    {
        var later = OutletCatalog.Parse(new StringReader("outlet,reliability\nmeridian wire,C\n"), "later.csv");

        var merged = Catalog().Then(later);

        merged.Find(new Source("Meridian Wire"))!.Reliability.ShouldBe(Reliability.C);
        merged.Find(new Source("Southern Wind"))!.Reliability.ShouldBe(Reliability.E);
    }

    [Fact]
    public void AFileWithoutAnOutletColumnIsRefused()
    {
        var ex = Should.Throw<SitrepException>(() => OutletCatalog.Parse(new StringReader("name,grade\nX,B\n"), "bad.csv"));

        ex.ErrorCode.ShouldBe(SitrepErrors.SourcesUnreadable);
        ex.Message.ShouldContain("name, grade");
    }

    [Fact]
    public void TheManifestOverridesPerFileAndTheCatalogGradesTheRest()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "manifest.csv"), "path,outlet,reliability\nlisted.txt,Meridian Wire,A\nungraded.txt,Meridian Wire,\n");
        var manifest = SourceManifest.Load(Path.Combine(dir, "manifest.csv"));
        var ingestor = new DocumentIngestor(IngestOptions.Default, manifest) { Outlets = Catalog() };

        var listed = ingestor.Ingest(Raw(dir, "listed.txt", "Wagner fighters seized the headquarters in Rostov on Saturday morning."));
        var ungraded = ingestor.Ingest(Raw(dir, "ungraded.txt", "The Kremlin said the criminal case against the fighters would be dropped."));

        listed.Documents.ShouldHaveSingleItem().Source.Reliability.ShouldBe(Reliability.A);
        ungraded.Documents.ShouldHaveSingleItem().Source.Reliability.ShouldBe(Reliability.B);
        listed.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AFileTheManifestDoesNotListIsNamedInAWarning()
    {
        var dir = Some.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "manifest.csv"), "path,outlet,reliability\nlisted.txt,Meridian Wire,A\n");
        var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Load(Path.Combine(dir, "manifest.csv"))) { Outlets = Catalog() };

        var stray = ingestor.Ingest(Raw(dir, "stray.txt", "A text pasted in with no outlet, no address and no date at all, about the mutiny."));

        var warning = stray.Errors.ShouldHaveSingleItem();
        warning.Code.ShouldBe(SitrepErrors.NotInManifest.Code);
        warning.Severity.ShouldBe(ErrorSeverity.Warning);
        warning.Path.ShouldBe("stray.txt");
        warning.Message.ShouldContain("no reliability grade");
    }

    [Fact]
    public void WithoutAManifestNoFileIsWarnedAbout()
    {
        var ingestor = new DocumentIngestor(IngestOptions.Default, SourceManifest.Empty);

        ingestor.Ingest(Raw(Some.TempDirectory(), "any.txt", "Wagner fighters seized the headquarters in Rostov on Saturday morning.")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void TheSourcesFileIsRememberedInTheStoreForLaterRuns()
    {
        var dir = Some.TempDirectory();
        var sources = Path.Combine(dir, "sources.csv");
        File.WriteAllText(sources, Csv);
        using (var store = SqliteDocumentStore.Open(Path.Combine(dir, "s.db")))
        {
            SourceSettings.Load(store, sources).Outlets.Count.ShouldBe(3);
        }

        using var reopened = SqliteDocumentStore.Open(Path.Combine(dir, "s.db"));
        var remembered = SourceSettings.Load(reopened, sourcesPath: null);

        remembered.Find(new Source(null, Url: "https://t.example.net/s/x"))!.Name.ShouldBe("Southern Wind");
        remembered.Find(new Source("Meridian"))!.Reliability.ShouldBe(Reliability.B);
    }

    [Fact]
    public void ASnapshotIsKeptWithItsBytesFetchTimeAndFinalAddress()
    {
        using var store = SqliteDocumentStore.Open(Path.Combine(Some.TempDirectory(), "s.db"));
        var at = new DateTimeOffset(2023, 6, 24, 7, 0, 0, TimeSpan.Zero);
        ISourceStore sources = store;

        sources.SaveSnapshot(new StoredSnapshot("https://a.example/x", "https://a.example/y", at, 200, "text/html", "utf-8", Encoding.UTF8.GetBytes("<p>Привет</p>")));

        var kept = sources.Snapshots("https://a.example/x").ShouldHaveSingleItem();
        kept.FinalUrl.ShouldBe("https://a.example/y");
        kept.FetchedAt.ShouldBe(at);
        Encoding.UTF8.GetString(kept.Bytes).ShouldBe("<p>Привет</p>");
        sources.Snapshots("https://a.example/y").Count.ShouldBe(1);
    }

    private static RawInput Raw(string dir, string name, string text)
    {
        var full = Path.Combine(dir, name);
        File.WriteAllText(full, text);
        return new RawInput(new InputFile(full, name), Encoding.UTF8.GetBytes(text));
    }
}
