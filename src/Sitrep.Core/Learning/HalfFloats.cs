using System.Buffers.Binary;

namespace Sitrep.Learning;

/// <summary>Weights stored as half-precision floats, little-endian, as the project's small networks keep them on disk.</summary>
public static class HalfFloats
{
    /// <summary>Writes <paramref name="values"/> as halves.</summary>
    /// <param name="writer">Where they go.</param>
    /// <param name="values">The weights.</param>
    public static void Write(BinaryWriter writer, float[] values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToBytes(values));
    }

    /// <summary>The halves of <paramref name="values"/>, two bytes each.</summary>
    /// <param name="values">The floats.</param>
    public static byte[] ToBytes(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        }

        return bytes;
    }

    /// <summary>
    /// The <paramref name="count"/> floats whose halves <paramref name="bytes"/> holds, or null when it holds another
    /// number of bytes (a damaged row).
    /// </summary>
    /// <param name="bytes">Two bytes a value.</param>
    /// <param name="count">How many values are expected.</param>
    public static float[]? FromBytes(ReadOnlySpan<byte> bytes, int count)
    {
        if (bytes.Length != count * 2)
        {
            return null;
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
        }

        return values;
    }

    /// <summary>Reads <paramref name="count"/> halves back as floats.</summary>
    /// <param name="reader">Where they come from.</param>
    /// <param name="count">How many.</param>
    /// <exception cref="EndOfStreamException">The file ends before them.</exception>
    public static float[] Read(BinaryReader reader, int count)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return FromBytes(reader.ReadBytes(count * 2), count) ?? throw new EndOfStreamException("The model file is truncated.");
    }
}
