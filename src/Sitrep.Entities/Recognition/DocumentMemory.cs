namespace Sitrep.Entities.Recognition;

/// <summary>
/// What the tagger has read a capitalised word as earlier in the document (the extended prediction history of Ratinov
/// and Roth 2009): the type most often predicted for it, where a reading inside a name of several words ("Yevgeny
/// Prigozhin") outweighs any number of readings of the word alone ("over Prigozhin" as a place), so a one-off lone
/// reading is not repeated through the memory once the document names the word in full.
/// </summary>
internal sealed class DocumentMemory
{
    private readonly Dictionary<ulong, int[]> _alone = [];
    private readonly Dictionary<ulong, int[]> _inNames = [];
    /// <summary>Records that the word (its lowercase hash) was tagged <paramref name="bilouTag"/> (not outside).</summary>
    public void Add(ulong word, int bilouTag)
    {
        Count(_alone, word, bilouTag);
        if (Bilou.PartOf(bilouTag) != 3)
        {
            Count(_inNames, word, bilouTag);
        }
    }

    /// <summary>The type the document's earlier readings of the word give it, if any.</summary>
    public bool TryGetType(ulong word, out int type)
    {
        if ((_inNames.TryGetValue(word, out var counts)) || _alone.TryGetValue(word, out counts))
        {
            type = ArgMax(counts);
            return true;
        }

        type = -1;
        return false;
    }

    private static void Count(Dictionary<ulong, int[]> counts, ulong word, int bilouTag)
    {
        if (!counts.TryGetValue(word, out var counter))
        {
            counter = new int[EntityTypes.Count];
            counts[word] = counter;
        }

        counter[(int)Bilou.TypeOf(bilouTag)]++;
    }

    private static int ArgMax(int[] values)
    {
        var best = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[best])
            {
                best = t;
            }
        }

        return best;
    }
}
