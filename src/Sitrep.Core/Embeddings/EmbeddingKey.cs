using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Embeddings;

/// <summary>The cache key of one sentence's vector: the first 128 bits of SHA-256 over the model name and the text.</summary>
/// <param name="Hash">The 128-bit hash.</param>
public readonly record struct EmbeddingKey(UInt128 Hash)
{
    /// <summary>The key of <paramref name="text"/> encoded by <paramref name="model"/> (a versioned model name).</summary>
    public static EmbeddingKey For(string model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);

        // The model name is length-prefixed so that ("ab", "c") and ("a", "bc") never share a key.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(model.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", model, "\n", text));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        return new EmbeddingKey(BinaryPrimitives.ReadUInt128BigEndian(digest));
    }

    /// <summary>The 16 bytes of the hash, big-endian (for a BLOB key).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Hash);
        return bytes;
    }

    /// <summary>The key whose <see cref="ToBytes"/> is <paramref name="bytes"/>.</summary>
    public static EmbeddingKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 16 ? new EmbeddingKey(BinaryPrimitives.ReadUInt128BigEndian(bytes)) : throw new ArgumentException("An embedding key is 16 bytes.", nameof(bytes));

    /// <summary>Where each distinct key stands in <paramref name="keys"/> (a batch may ask for one sentence twice).</summary>
    public static Dictionary<EmbeddingKey, List<int>> Positions(IReadOnlyList<EmbeddingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var positions = new Dictionary<EmbeddingKey, List<int>>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (!positions.TryGetValue(keys[i], out var list))
            {
                positions[keys[i]] = list = [];
            }

            list.Add(i);
        }

        return positions;
    }
}
