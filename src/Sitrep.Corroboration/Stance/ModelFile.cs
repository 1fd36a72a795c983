using System.IO.Compression;
using System.Text;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// The container of a shipped stance model: gzip over a small binary header (magic, format version, component name)
/// followed by the model's own payload.
/// </summary>
internal static class ModelFile
{
    private const string Magic = "SITREP-STANCE";
    private const int FormatVersion = 1;

    public static void Save(string path, string name, Action<BinaryWriter> payload)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(name);
        payload(writer);
    }

    public static T Load<T>(Stream stream, string expectedName, Func<BinaryReader, T> payload)
    {
        try
        {
            return Read(stream, expectedName, payload);
        }
        catch (EndOfStreamException ex)
        {
            // A cut-off or foreign file: the same clear error as any other unreadable model, not a crash.
            throw new InvalidDataException($"The model file ends early: not a complete '{expectedName}' model.", ex);
        }
    }

    private static T Read<T>(Stream stream, string expectedName, Func<BinaryReader, T> payload)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        var magic = reader.ReadString();
        var version = reader.ReadInt32();
        if (!string.Equals(magic, Magic, StringComparison.Ordinal) || version != FormatVersion)
        {
            throw new InvalidDataException($"Not a Sitrep stance model (format '{magic}' v{version}).");
        }

        var name = reader.ReadString();

        if (!string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The model file holds '{name}', not '{expectedName}'.");
        }

        return payload(reader);
    }

    public static Stream OpenEmbedded(string fileName)
    {
        var resource = "Sitrep.Corroboration.Models." + fileName;
        return typeof(ModelFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The shipped model '{resource}' is missing from the assembly; rebuild Sitrep.Corroboration.");
    }
}
