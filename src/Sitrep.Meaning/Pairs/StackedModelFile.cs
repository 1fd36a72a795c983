using System.IO.Compression;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// The file both sentence-pair models are stored in (the NLI classifier and the same-event classifier): a gzip stream
/// with a magic word and format version, the model's and its encoder's names, the feature layout, an optional flag
/// (the NLI model's "reads WordNet"), the softmax temperature, the networks and the optional stacked trees.
/// </summary>
internal static class StackedModelFile
{
    /// <summary>What one kind of model file must say about itself.</summary>
    /// <param name="Magic">The first string of the file.</param>
    /// <param name="FormatVersion">The format version that follows it.</param>
    /// <param name="Layout">The feature layout this build computes.</param>
    /// <param name="Kind">The kind of model in error messages ("NLI", "same-event").</param>
    /// <param name="TrainCommand">The command that retrains it, for error messages.</param>
    /// <param name="HasFlag">True when the file carries the flag after the layout.</param>
    /// <param name="MinNetworks">The fewest networks a valid file holds.</param>
    public sealed record Format(string Magic, int FormatVersion, int Layout, string Kind, string TrainCommand, bool HasFlag, int MinNetworks);

    /// <summary>What a model file holds.</summary>
    public sealed record Contents(string Name, string EncoderName, bool Flag, float Temperature, DenseMlp[] Networks, BoostedTrees? Trees);

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Save(string path, Format format, Contents contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, System.Text.Encoding.UTF8);
        writer.Write(format.Magic);
        writer.Write(format.FormatVersion);
        writer.Write(contents.Name);
        writer.Write(contents.EncoderName);
        writer.Write(format.Layout);
        if (format.HasFlag)
        {
            writer.Write(contents.Flag);
        }

        writer.Write(contents.Temperature);
        writer.Write(contents.Networks.Length);
        foreach (var network in contents.Networks)
        {
            network.Write(writer);
        }

        writer.Write(contents.Trees is not null);
        contents.Trees?.Write(writer);
    }

    /// <summary>Reads the model file at <paramref name="path"/>, written for an encoder named <paramref name="encoderName"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a model, or was trained for another encoder or layout.</exception>
    public static Contents Load(string path, Format format, string encoderName)
    {
        using var file = File.OpenRead(path);
        return Read(file, format, encoderName);
    }

    /// <summary>Reads the model shipped in this assembly as <c>Models/<paramref name="fileName"/></c>.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a broken build).</exception>
    public static Contents LoadShipped(string fileName, Format format, string encoderName)
    {
        var resource = "Sitrep.Meaning.Models." + fileName;
        using var stream = typeof(StackedModelFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The shipped model '{resource}' is missing from the assembly; rebuild Sitrep.Meaning.");
        return Read(stream, format, encoderName);
    }

    /// <summary>
    /// Checks that <paramref name="replacement"/> produces the vectors the model <paramref name="modelName"/> was
    /// trained on (the same encoder name: a cache around the encoder qualifies).
    /// </summary>
    /// <exception cref="InvalidDataException">The encoders differ.</exception>
    public static void RequireSameEncoder(string modelName, string trainedOn, string replacement)
    {
        if (!string.Equals(trainedOn, replacement, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The model '{modelName}' was trained on '{trainedOn}' vectors, not '{replacement}'.");
        }
    }

    /// <summary>Reads a model file written for an encoder named <paramref name="encoderName"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a model, or was trained for another encoder or layout.</exception>
    public static Contents Read(Stream stream, Format format, string encoderName)
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            using var buffered = new BufferedStream(gzip, 1 << 16);
            using var reader = new BinaryReader(buffered, System.Text.Encoding.UTF8);
            var magic = reader.ReadString();
            var version = reader.ReadInt32();
            if (!string.Equals(magic, format.Magic, StringComparison.Ordinal) || version != format.FormatVersion)
            {
                throw new InvalidDataException($"Not a Sitrep {format.Kind} model (format '{magic}' v{version}).");
            }

            var name = reader.ReadString();
            var trainedOn = reader.ReadString();
            var layout = reader.ReadInt32();
            RequireSameEncoder(name, trainedOn, encoderName);

            if (layout != format.Layout)
            {
                throw new InvalidDataException($"The model '{name}' uses feature layout {layout}; this build computes layout {format.Layout}. Retrain it with '{format.TrainCommand}'.");
            }

            var flag = format.HasFlag && reader.ReadBoolean();
            var temperature = reader.ReadSingle();
            var count = reader.ReadInt32();
            if (count < format.MinNetworks || count > 64)
            {
                throw new InvalidDataException($"The model '{name}' claims {count} networks; expected {format.MinNetworks} to 64.");
            }

            var networks = new DenseMlp[count];
            for (var i = 0; i < count; i++)
            {
                networks[i] = DenseMlp.Read(reader);
            }

            var trees = reader.ReadBoolean() ? BoostedTrees.Read(reader) : null;
            return new Contents(name, trainedOn, flag, temperature, networks, trees);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"The model file ends early: not a complete {format.Kind} model.", ex);
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"The model file is not a gzip {format.Kind} model: " + ex.Message, ex);
        }
    }
}
