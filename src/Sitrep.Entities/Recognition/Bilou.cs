namespace Sitrep.Entities.Recognition;

/// <summary>
/// The tag set the tagger decides in: BILOU (begin, inside, last, outside, unit), which Ratinov and Roth (2009) found
/// better than BIO for greedy decoding. Input and output stay BIO (<see cref="TagSet"/>); this is internal.
/// </summary>
internal static class Bilou
{
    public const int Count = 1 + (4 * EntityTypes.Count);

    public const int Outside = 0;

    public static int Make(EntityType type, int part) => 1 + (4 * (int)type) + part;

    public static EntityType TypeOf(int tag) => (EntityType)((tag - 1) / 4);

    /// <summary>0 begin, 1 inside, 2 last, 3 unit.</summary>
    public static int PartOf(int tag) => (tag - 1) % 4;

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="previous"/> (-1 at sentence start).</summary>
    public static bool Allowed(int previous, int tag)
    {
        var open = previous > 0 && PartOf(previous) is 0 or 1;
        if (!open)
        {
            return tag == Outside || PartOf(tag) is 0 or 3;
        }

        return tag != Outside && PartOf(tag) is 1 or 2 && TypeOf(tag) == TypeOf(previous);
    }

    public static int[] FromBio(int[] bio)
    {
        var result = new int[bio.Length];
        foreach (var (start, end, type) in ConllEvaluator.Chunks(bio))
        {
            if (end - start == 1)
            {
                result[start] = Make(type, 3);
                continue;
            }

            result[start] = Make(type, 0);
            for (var i = start + 1; i < end - 1; i++)
            {
                result[i] = Make(type, 1);
            }

            result[end - 1] = Make(type, 2);
        }

        return result;
    }

    public static int[] ToBio(int[] bilou)
    {
        var result = new int[bilou.Length];
        for (var i = 0; i < bilou.Length; i++)
        {
            var tag = bilou[i];
            if (tag == Outside)
            {
                continue;
            }

            var type = TypeOf(tag);
            var part = PartOf(tag);
            // A tag that opens a chunk is B; one that continues the previous chunk is I.
            var continues = part is 1 or 2 && i > 0 && bilou[i - 1] != Outside && TypeOf(bilou[i - 1]) == type && PartOf(bilou[i - 1]) is 0 or 1;
            result[i] = continues ? TagSet.Inside(type) : TagSet.Begin(type);
        }

        return result;
    }
}
