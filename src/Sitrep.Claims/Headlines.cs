using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// The name a reader can give a document that has no outlet: its headline as the claims stage read it
/// (<see cref="ClaimLayer.Headline"/>), clipped to a few words, so that the brief says “Russia Coup Unraveled: Winners,
/// Losers …” rather than a file name. A document with no headline keeps its file name.
/// </summary>
public static class Headlines
{
    /// <summary>Most words of a headline shown as a document's name.</summary>
    public const int MaxWords = 10;

    /// <summary>
    /// The document's headline as a name, clipped to <see cref="MaxWords"/> words; without one (a thread's opening post
    /// has no headline claim), its first heading (the title its reader found), else a thread's first sentence; null when it
    /// has none of them.
    /// </summary>
    public static string? Of(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Layers.Find<ClaimLayer>()?.Headline is { } headline)
        {
            var text = document.Document.Slice(headline.Span).Trim().TrimStart('#').Trim();
            return text.Length == 0 ? null : Clip(text);
        }

        if (document.Document.Title is { } title && Name(title) is { } heading)
        {
            return heading;
        }

        // A thread's opening post is what its forum lists it by.
        return document.Document.Kind == DocumentKind.Thread && document.Sentences.Count > 0 ? Name(document.Document.Slice(document.Sentences[0].Range)) : null;
    }

    /// <summary>A heading or sentence as a name: markup and closing punctuation dropped, clipped; null without a letter.</summary>
    private static string? Name(string text)
    {
        var name = text.Trim().TrimStart('#', '*', '>', ' ').TrimEnd(' ', ':', '.', '*');
        return name.Any(char.IsLetter) ? Clip(name) : null;
    }

    /// <summary>The name a reader knows the document by: the outlet, else “its headline”, else its file name.</summary>
    public static string NameOf(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Document.Source.Outlet
            ?? (Of(document) is { } headline ? "“" + headline + "”" : Path.GetFileName(document.Document.Path));
    }

    private static string Clip(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxWords ? string.Join(' ', words) : string.Join(' ', words.Take(MaxWords)) + " …";
    }
}
