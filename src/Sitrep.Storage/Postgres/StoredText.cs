namespace Sitrep.Storage.Postgres;

/// <summary>
/// Text as PostgreSQL can hold it. Its <c>text</c> type refuses the character U+0000, which a document read from a
/// damaged or binary-ish file may still carry: a document's text is stored with each U+0000 as a space and the places
/// listed apart (<c>documents.nuls</c>), so it reads back character for character and every span into it still holds;
/// in any other value (a title, an author, a decision's reason) a U+0000 becomes U+FFFD, the replacement character,
/// rather than failing the batch.
/// </summary>
internal static class StoredText
{
    private const char Nul = '\0';

    /// <summary><paramref name="text"/> with each U+0000 as a space (same length, so offsets are unchanged).</summary>
    public static string Of(string text) => text.Contains(Nul, StringComparison.Ordinal) ? text.Replace(Nul, ' ') : text;

    /// <summary>Where <paramref name="text"/> holds U+0000, or null when it holds none.</summary>
    public static int[]? NulsOf(string text)
    {
        var at = text.IndexOf(Nul, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var places = new List<int>();
        for (; at >= 0; at = text.IndexOf(Nul, at + 1))
        {
            places.Add(at);
        }

        return [.. places];
    }

    /// <summary>The text as it was saved: <paramref name="stored"/> with U+0000 put back at <paramref name="nuls"/>.</summary>
    public static string Restore(string stored, int[]? nuls)
    {
        if (nuls is null || nuls.Length == 0)
        {
            return stored;
        }

        return string.Create(stored.Length, (stored, nuls), static (span, state) =>
        {
            state.stored.AsSpan().CopyTo(span);
            foreach (var at in state.nuls)
            {
                if ((uint)at < (uint)span.Length)
                {
                    span[at] = Nul;
                }
            }
        });
    }

    /// <summary>A command parameter's value: null as <see cref="DBNull"/>, U+0000 in a string as U+FFFD.</summary>
    public static object Parameter(object? value) => value switch
    {
        null => DBNull.Value,
        string s when s.Contains(Nul, StringComparison.Ordinal) => s.Replace(Nul, '\uFFFD'),
        _ => value,
    };
}
