namespace Sitrep.Ingest.Files;

/// <summary>A file found among the inputs.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="DisplayPath">Path as shown to the analyst and stored: relative to the working directory when inside it.</param>
public sealed record InputFile(string FullPath, string DisplayPath);

/// <summary>The raw bytes of an input file, read within the size limit.</summary>
/// <param name="File">Which file.</param>
/// <param name="Bytes">Its bytes.</param>
public sealed record RawInput(InputFile File, byte[] Bytes)
{
    /// <summary>The file name extension in lower case, with the dot.</summary>
    /// <remarks>For a compressed file (<c>page.html.gz</c>) this is the extension of the file inside (<c>.html</c>).</remarks>
    public string Extension
    {
        get
        {
            var path = File.FullPath;
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^3];
            }

            return Path.GetExtension(path).ToLowerInvariant();
        }
    }

    /// <summary>The first bytes, for sniffing.</summary>
    public ReadOnlySpan<byte> Head(int count) => Bytes.AsSpan(0, Math.Min(count, Bytes.Length));
}
