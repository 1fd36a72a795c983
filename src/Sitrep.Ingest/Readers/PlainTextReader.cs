using Sitrep.Documents;
using Sitrep.Errors;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Structure;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Plain text and Markdown. The first non-empty line becomes the title when it looks like a headline (short, no final
/// full stop). Structure recovery runs here, so documents arrive with their posts, updates, boilerplate and a kind.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    private const int MaxTitleLength = 200;
    private readonly IngestOptions _options;

    /// <summary>Creates the reader.</summary>
    public PlainTextReader(IngestOptions? options = null) => _options = options ?? IngestOptions.Default;

    /// <inheritdoc />
    public string Name => "read.text.v2";

    /// <inheritdoc />
    public int Score(RawInput input, ReadOnlySpan<char> head)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Extension is ".txt" or ".md" or ".markdown" or ".text" ? 50 : 1;
    }

    /// <inheritdoc />
    public ReadResult Read(RawInput input, string text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _options.MaxDocumentChars)
        {
            // The same character cap as every other format; the cut never splits a surrogate pair.
            var cut = char.IsHighSurrogate(text[_options.MaxDocumentChars - 1]) ? _options.MaxDocumentChars - 1 : _options.MaxDocumentChars;
            var error = SitrepErrors.TextTruncated.At(input.File.DisplayPath, text.Length, _options.MaxDocumentChars);
            var cutText = text[..cut];
            return new ReadResult([Build(cutText, input.File.DisplayPath, GuessTitle(cutText), Source.Unknown)], [error]);
        }

        // A page copied from a news site keeps its "Published: March 13, 2013" line: the report's date when nothing else gives one.
        var source = PublishedLine.Find(text) is { } published ? Source.Unknown with { Published = published } : Source.Unknown;
        return ReadResult.Of(Build(text, input.File.DisplayPath, GuessTitle(text), source));
    }

    /// <summary>Builds a document from plain text with its recovered structure; shared by the other readers.</summary>
    public static Document Build(string text, string path, string? title, Source source, DocumentKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var structure = StructureRecovery.Recover(text);
        return Document.Create(text, path)
            .WithTitle(title)
            .WithKind(kind ?? structure.Kind)
            .WithSource(source)
            .WithLanguage(Language.LanguageIdentifier.Identify(text))
            .AddPosts(structure.Posts)
            .AddBoilerplates(structure.Boilerplate)
            .Build();
    }

    /// <summary>The first non-empty line when it reads like a headline, with Markdown heading marks removed.</summary>
    public static string? GuessTitle(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            line = line.TrimStart('#').Trim();
            if (line.Length is 0 or > MaxTitleLength || line[^1] is '.' or ',' or ';')
            {
                return null;
            }

            return line.ToString();
        }

        return null;
    }
}
