using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Support;

/// <summary>Object mother: small documents built by hand for unit tests.</summary>
public static class Some
{
    public static Document Document(string text = "Wagner fighters seized the headquarters in Rostov. The Kremlin denied it.", string path = "some.txt") =>
        Documents.Document.Create(text, path).WithKind(DocumentKind.Article).Build();

    /// <summary>A document with tokens and sentences already assigned.</summary>
    public static AnalyzedDocument Analyzed(string text, string path = "some.txt")
    {
        var analyzed = new AnalyzedDocument(Document(text, path));
        new SentenceStage().Process(analyzed, CancellationToken.None);
        return analyzed;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "sitrep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
