using Sitrep.Documents;

namespace Sitrep.Claims.Attribution;

/// <summary>
/// The quoted stretches of a text: “curly” pairs and straight double-quote pairs, each kept within a paragraph. An
/// opening mark without its closing one runs to the paragraph's end; a closing mark without its opening one starts at
/// the paragraph's start (quotes that open before the excerpt began).
/// </summary>
internal sealed class QuoteRegions
{
    private readonly List<TextRange> _regions;

    private QuoteRegions(List<TextRange> regions) => _regions = regions;

    /// <summary>No quoted stretch at all.</summary>
    public static QuoteRegions None { get; } = new([]);

    /// <summary>The regions (the text between the marks), in text order.</summary>
    public IReadOnlyList<TextRange> Regions => _regions;

    /// <summary>Finds the regions of a text.</summary>
    public static QuoteRegions Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var regions = new List<TextRange>();
        var paragraphStart = 0;
        int? open = null;
        var straightOpen = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && IsBlankLineAhead(text, i))
            {
                if (open is { } o)
                {
                    regions.Add(new TextRange(o, i));
                }

                open = null;
                straightOpen = false;
                paragraphStart = i + 1;
                continue;
            }

            switch (c)
            {
                case '“' or '«' when open is null:
                    open = i + 1;
                    break;
                case '”' or '»':
                    regions.Add(new TextRange(open ?? paragraphStart, i));
                    open = null;
                    straightOpen = false;
                    break;
                case '"':
                    if (straightOpen && open is { } s)
                    {
                        regions.Add(new TextRange(s, i));
                        open = null;
                        straightOpen = false;
                    }
                    else if (open is null)
                    {
                        open = i + 1;
                        straightOpen = true;
                    }

                    break;
            }
        }

        if (open is { } last)
        {
            regions.Add(new TextRange(last, text.Length));
        }

        return new QuoteRegions(regions);
    }

    /// <summary>True when the offset lies inside a quoted stretch.</summary>
    public bool Inside(int offset)
    {
        // Binary search: regions are sorted and do not overlap.
        int lo = 0, hi = _regions.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var r = _regions[mid];
            if (offset < r.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The region that contains the offset, or null.</summary>
    public TextRange? At(int offset)
    {
        foreach (var r in _regions)
        {
            if (r.Contains(offset))
            {
                return r;
            }

            if (r.Start > offset)
            {
                break;
            }
        }

        return null;
    }

    private static bool IsBlankLineAhead(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }

        return true;
    }
}
