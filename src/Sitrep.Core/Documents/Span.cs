namespace Sitrep.Documents;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in the text of one <see cref="Document"/>.
/// </summary>
/// <remarks>
/// Every annotation Sitrep produces is a span into the original text that the document owns, so every sentence of a
/// brief can be traced back to the exact characters it came from. Spans never copy text; call
/// <see cref="Document.Slice(Span)"/> to read it.
/// </remarks>
public readonly record struct Span
{
    /// <summary>Creates a span and validates that <paramref name="start"/> ≤ <paramref name="end"/>.</summary>
    public Span(string documentId, int start, int end)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        DocumentId = documentId;
        Start = start;
        End = end;
    }

    /// <summary>The id of the document whose text this span points into.</summary>
    public string DocumentId { get; }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Offset one past the last character.</summary>
    public int End { get; }

    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>The same range as a <see cref="TextRange"/>, without the document id.</summary>
    public TextRange Range => new(Start, End);

    /// <inheritdoc />
    public override string ToString() => $"{DocumentId}[{Start}..{End})";
}

/// <summary>A half-open range of characters inside a text whose owner is known from context.</summary>
public readonly record struct TextRange
{
    /// <summary>Creates a range and validates that <paramref name="start"/> ≤ <paramref name="end"/>.</summary>
    public TextRange(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Offset one past the last character.</summary>
    public int End { get; }

    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the two ranges share at least one character.</summary>
    public bool Overlaps(TextRange other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(TextRange other) => Start <= other.Start && other.End <= End;

    /// <summary>True when <paramref name="offset"/> lies inside this range.</summary>
    public bool Contains(int offset) => Start <= offset && offset < End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
