namespace Sitrep.Ingest.Readers.Html;

/// <summary>Tells HTML from other text by its head.</summary>
internal static class HtmlSniffer
{
    public static bool LooksLikeHtml(ReadOnlySpan<char> head)
    {
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || (head.Contains("<p>", StringComparison.OrdinalIgnoreCase) && head.Contains("</p>", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase));
    }
}
