using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>Writes the brief in one format. Renderers only read the model and the texts they are handed.</summary>
public interface IBriefRenderer
{
    /// <summary>File name in the output folder, e.g. <c>brief.html</c>.</summary>
    string FileName { get; }

    /// <summary>Writes the brief.</summary>
    void Render(BriefContext context, TextWriter writer);
}

/// <summary>The brief and the texts its citations point into.</summary>
/// <param name="Report">The brief model.</param>
/// <param name="Texts">Document text by document id.</param>
public sealed record BriefContext(BriefReport Report, IReadOnlyDictionary<string, string> Texts)
{
    /// <summary>The cited characters, or an empty string when the span is out of range.</summary>
    public string Quote(BriefSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        return Texts.TryGetValue(span.Doc, out var text) && span.End <= text.Length && span.Start <= span.End
            ? text[span.Start..span.End]
            : string.Empty;
    }

    /// <summary>The document entry for an id.</summary>
    public BriefDocument? DocumentOf(string id) => ReportIndex.Of(Report).Documents.GetValueOrDefault(id);

    /// <summary>
    /// Where a citation lies in its document: "p. 4, chars 120–180" when the document has pages (a span that runs onto
    /// the next page says "pp. 4–5"), else "chars 120–180".
    /// </summary>
    public string Location(BriefSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var chars = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chars {span.Start}–{span.End}");
        var pages = DocumentOf(span.Doc)?.Pages ?? [];
        var first = pages.FirstOrDefault(p => p.Length == 3 && p[1] <= span.Start && span.Start < p[2]);
        if (first is null)
        {
            return chars;
        }

        var last = pages.LastOrDefault(p => p.Length == 3 && p[1] < span.End && span.End <= p[2]) ?? first;
        return last[0] > first[0]
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pp. {first[0]}–{last[0]}, {chars}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p. {first[0]}, {chars}");
    }

    /// <summary>A short label for a citation: the path and the Admiralty reliability when known.</summary>
    public string SourceLabel(BriefSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var doc = DocumentOf(span.Doc);
        if (doc is null)
        {
            return span.Doc;
        }

        var outlet = doc.Source.Outlet ?? doc.Path;
        return doc.Source.Reliability is { } grade ? $"{outlet} ({grade})" : outlet;
    }
}

/// <summary>The renderers Sitrep ships.</summary>
public static class BriefRenderers
{
    /// <summary>JSON, Markdown and HTML.</summary>
    public static IReadOnlyList<IBriefRenderer> All { get; } = [new JsonBriefRenderer(), new MarkdownBriefRenderer(), new HtmlBriefRenderer(), new CsvAchRenderer()];

    /// <summary>
    /// Writes every renderer's file into <paramref name="directory"/> as a set: all files are rendered into a staging
    /// folder beside it first, then renamed into place; when any of them cannot be written or renamed, the brief that
    /// was there before is left whole and no staging file remains.
    /// </summary>
    /// <returns>The paths written, in the order of <see cref="All"/>.</returns>
    /// <exception cref="IOException">The folder or a file cannot be written (full disk, a folder in the way, …).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static IReadOnlyList<string> WriteAll(BriefContext context, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        return OutputFileSet.Write(directory, [.. All.Select(r => new OutputFile(r.FileName, w => r.Render(context, w)))]);
    }
}
