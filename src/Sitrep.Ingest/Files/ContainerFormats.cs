namespace Sitrep.Ingest.Files;

/// <summary>
/// Magic bytes of the binary formats Sitrep has readers for, so that binary sniffing lets them through to those readers
/// instead of refusing them as binary.
/// </summary>
public static class ContainerFormats
{
    /// <summary>How far into a file a PDF header may start: readers accept junk before <c>%PDF-</c> within the first KiB.</summary>
    public const int PdfHeaderWindow = 1024;

    /// <summary>True when the head holds a PDF header (<c>%PDF-</c>) within its first KiB.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> head) =>
        head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>True when the head is a ZIP local file header (<c>PK\x03\x04</c>), as every Office Open XML file is.</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    /// <summary>True when some reader may take the file although it looks binary.</summary>
    public static bool IsReadable(ReadOnlySpan<byte> head) => IsPdf(head) || IsZip(head);
}
