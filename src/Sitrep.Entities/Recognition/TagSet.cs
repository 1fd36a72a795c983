namespace Sitrep.Entities.Recognition;

/// <summary>
/// The BIO tag set the tagger predicts: <c>O</c>, then <c>B-</c> and <c>I-</c> for each of the four types. A tag is an
/// index: 0 is O, 1 + 2t is B of type t, 2 + 2t is I of type t.
/// </summary>
public static class TagSet
{
    /// <summary>Number of tags.</summary>
    public const int Count = 1 + (2 * EntityTypes.Count);

    /// <summary>The outside tag.</summary>
    public const int Outside = 0;

    /// <summary>The B tag of a type.</summary>
    public static int Begin(EntityType type) => 1 + (2 * (int)type);

    /// <summary>The I tag of a type.</summary>
    public static int Inside(EntityType type) => 2 + (2 * (int)type);

    /// <summary>True for B tags.</summary>
    public static bool IsBegin(int tag) => tag > 0 && (tag & 1) == 1;

    /// <summary>True for I tags.</summary>
    public static bool IsInside(int tag) => tag > 0 && (tag & 1) == 0;

    /// <summary>The type of a B or I tag.</summary>
    public static EntityType TypeOf(int tag) => (EntityType)((tag - 1) / 2);

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="previous"/> in BIO (I-X only after B-X or I-X).</summary>
    public static bool Allowed(int previous, int tag) => !IsInside(tag) || (previous != Outside && previous != -1 && TypeOf(previous) == TypeOf(tag));

    /// <summary>The tag's name: <c>O</c>, <c>B-PER</c>, …</summary>
    public static string Name(int tag) => tag == Outside ? "O" : (IsBegin(tag) ? "B-" : "I-") + EntityTypes.ToConll(TypeOf(tag));
}
