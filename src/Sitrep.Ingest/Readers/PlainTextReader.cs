using Sitrep.Documents;
using Sitrep.Ingest.Files;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Plain text and Markdown. The first non-empty line becomes the title when it looks like a headline (short, no final
/// full stop). Structure recovery (threads, live blogs, boilerplate) is left to the structure stages.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    private const int MaxTitleLength = 200;

    /// <inheritdoc />
    public string Name => "read.text.v1";

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
        var document = Document.Create(text, input.File.DisplayPath)
            .WithTitle(GuessTitle(text))
            .WithKind(DocumentKind.Other)
            .Build();
        return ReadResult.Of(document);
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
