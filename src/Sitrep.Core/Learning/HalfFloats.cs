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
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        }

        writer.Write(bytes);
    }

    /// <summary>Reads <paramref name="count"/> halves back as floats.</summary>
    /// <param name="reader">Where they come from.</param>
    /// <param name="count">How many.</param>
    /// <exception cref="EndOfStreamException">The file ends before them.</exception>
    public static float[] Read(BinaryReader reader, int count)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bytes = reader.ReadBytes(count * 2);
        if (bytes.Length != count * 2)
        {
            throw new EndOfStreamException("The model file is truncated.");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
        }

        return values;
    }
}
