namespace Sitrep.Syntax.Parsing;

/// <summary>
/// The configuration of the arc-eager system over words 1..n with the artificial root at 0: a stack, the next buffer
/// word, and the arcs built so far with what the features read of them (left- and rightmost dependents, valencies and
/// label sets). Reused from sentence to sentence to avoid allocating.
/// </summary>
internal sealed class ParserState
{
    public int[] Stack = new int[64];
    public int Top;
    public int Buffer;
    public int Length;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64];
    public int[] Left2 = new int[64];
    public int[] Right1 = new int[64];
    public int[] Right2 = new int[64];
    public int[] LeftCount = new int[64];
    public int[] RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];
    public int RootChildren;

    /// <summary>Starts over for <paramref name="words"/> words.</summary>
    public void Reset(int words)
    {
        var size = words + 2;
        if (Head.Length < size)
        {
            var capacity = Math.Max(size, Head.Length * 2);
            Stack = new int[capacity];
            Head = new int[capacity];
            Label = new int[capacity];
            Left1 = new int[capacity];
            Left2 = new int[capacity];
            Right1 = new int[capacity];
            Right2 = new int[capacity];
            LeftCount = new int[capacity];
            RightCount = new int[capacity];
            LeftLabels = new ulong[capacity];
            RightLabels = new ulong[capacity];
        }

        Length = words;
        for (var i = 0; i < size; i++)
        {
            Head[i] = -1;
            Label[i] = -1;
            Left1[i] = -1;
            Left2[i] = -1;
            Right1[i] = -1;
            Right2[i] = -1;
            LeftCount[i] = 0;
            RightCount[i] = 0;
            LeftLabels[i] = 0;
            RightLabels[i] = 0;
        }

        Stack[0] = 0;
        Top = 0;
        Buffer = 1;
        RootChildren = 0;
    }

    public int S0 => Stack[Top];

    public int S1 => Top > 0 ? Stack[Top - 1] : -1;

    public bool BufferEmpty => Buffer > Length;

    public void AddArc(int head, int dependent, int label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        if (head == 0)
        {
            RootChildren++;
        }

        if (dependent < head)
        {
            if (Left1[head] < 0 || dependent < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dependent;
            }
            else if (Left2[head] < 0 || dependent < Left2[head])
            {
                Left2[head] = dependent;
            }

            LeftCount[head]++;
            LeftLabels[head] |= 1UL << (label & 63);
        }
        else
        {
            if (dependent > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dependent;
            }
            else if (dependent > Right2[head])
            {
                Right2[head] = dependent;
            }

            RightCount[head]++;
            RightLabels[head] |= 1UL << (label & 63);
        }
    }
}
