using Shouldly;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Manifest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

/// <summary>Reads the ingest fixtures (written for these tests) through the real ingestor.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Ingest", "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static ReadResult Read(string name, IngestOptions? options = null) => ReadFile(PathOf(name), options);

    public static ReadResult ReadFile(string path, IngestOptions? options = null)
    {
        var ingestor = new DocumentIngestor(options ?? IngestOptions.Default, SourceManifest.Empty);
        return ingestor.Ingest(new InputFile(path, System.IO.Path.GetFileName(path)));
    }

    public static ReadResult ReadBytes(string fileName, byte[] bytes, IngestOptions? options = null)
    {
        var ingestor = new DocumentIngestor(options ?? IngestOptions.Default, SourceManifest.Empty);
        return ingestor.Ingest(new RawInput(new InputFile("/virtual/" + fileName, fileName), bytes));
    }

    public static Document Single(string name)
    {
        var result = Read(name);
        result.Documents.Count.ShouldBe(1, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Documents[0];
    }

    public static string HeaderText(Document document, Post post) => post.Header is { } h ? document.Slice(h) : string.Empty;
}
