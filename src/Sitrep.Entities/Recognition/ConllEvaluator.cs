using System.Globalization;
using System.Text;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// Entity-level precision, recall and F1 computed the way the conlleval script computes them: a chunk is correct when
/// the guessed and gold chunks start and end at the same tokens with the same type.
/// </summary>
public sealed class ConllEvaluator
{
    private readonly Dictionary<EntityType, (int Gold, int Guessed, int Correct)> _byType = [];

    /// <summary>Tokens seen.</summary>
    public int Tokens { get; private set; }

    /// <summary>Tokens whose tag was right.</summary>
    public int CorrectTags { get; private set; }

    /// <summary>Gold chunks.</summary>
    public int Gold => _byType.Values.Sum(v => v.Gold);

    /// <summary>Guessed chunks.</summary>
    public int Guessed => _byType.Values.Sum(v => v.Guessed);

    /// <summary>Correct chunks.</summary>
    public int Correct => _byType.Values.Sum(v => v.Correct);

    /// <summary>Overall precision.</summary>
    public double Precision => Guessed == 0 ? 0 : (double)Correct / Guessed;

    /// <summary>Overall recall.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Overall F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>conlleval's start-of-chunk rule.</summary>
    public static bool StartOfChunk(string previousTag, string tag, string previousType, string type)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var start = (previousTag, tag) switch
        {
            ("B", "B") or ("I", "B") or ("O", "B") or ("O", "I") or ("E", "E") or ("E", "I") or ("O", "E") or ("S", "B") or ("S", "I") => true,
            (_, "S") => true,
            ("E", "B") => true,
            _ => false,
        };
        return start || (tag != "O" && tag != "." && !string.Equals(previousType, type, StringComparison.Ordinal));
    }

    /// <summary>Adds one sentence: gold and guessed tags as <see cref="TagSet"/> indices.</summary>
    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> guessed)
    {
        if (gold.Length != guessed.Length)
        {
            throw new ArgumentException("Gold and guessed tags differ in length.", nameof(guessed));
        }

        Tokens += gold.Length;
        for (var i = 0; i < gold.Length; i++)
        {
            if (gold[i] == guessed[i])
            {
                CorrectTags++;
            }
        }

        var goldChunks = Chunks(gold);
        var guessedChunks = Chunks(guessed);
        foreach (var chunk in goldChunks)
        {
            Bump(chunk.Type, 1, 0, 0);
        }

        foreach (var chunk in guessedChunks)
        {
            Bump(chunk.Type, 0, 1, goldChunks.Contains(chunk) ? 1 : 0);
        }
    }

    /// <summary>The chunks of a BIO sequence: an I after O or after another type starts a chunk, as conlleval reads it.</summary>
    public static HashSet<(int Start, int End, EntityType Type)> Chunks(ReadOnlySpan<int> tags)
    {
        var chunks = new HashSet<(int, int, EntityType)>();
        var start = -1;
        for (var i = 0; i <= tags.Length; i++)
        {
            var tag = i < tags.Length ? tags[i] : TagSet.Outside;
            var continues = start >= 0 && TagSet.IsInside(tag) && TagSet.TypeOf(tag) == TagSet.TypeOf(tags[start]);
            if (start >= 0 && !continues)
            {
                chunks.Add((start, i, TagSet.TypeOf(tags[start])));
                start = -1;
            }

            if (tag != TagSet.Outside && start < 0)
            {
                start = i;
            }
        }

        return chunks;
    }

    /// <summary>The report conlleval prints, then <c>F1: 0.xxxx</c>.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(string.Create(inv, $"processed {Tokens} tokens with {Gold} phrases; found: {Guessed} phrases; correct: {Correct}."));
        text.AppendLine(string.Create(inv, $"accuracy: {Percent(CorrectTags, Tokens),6:0.00}%; precision: {100 * Precision,6:0.00}%; recall: {100 * Recall,6:0.00}%; FB1: {100 * F1,6:0.00}"));
        foreach (var type in _byType.Keys.OrderBy(t => EntityTypes.ToConll(t), StringComparer.Ordinal))
        {
            var (g, p, c) = _byType[type];
            var precision = p == 0 ? 0 : 100.0 * c / p;
            var recall = g == 0 ? 0 : 100.0 * c / g;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            text.AppendLine(string.Create(inv, $"{EntityTypes.ToConll(type),17}: precision: {precision,6:0.00}%; recall: {recall,6:0.00}%; FB1: {f1,6:0.00}  {p}"));
        }

        text.Append(string.Create(inv, $"F1: {F1:0.0000}"));
        return text.ToString();
    }

    private static double Percent(int a, int b) => b == 0 ? 0 : 100.0 * a / b;

    private void Bump(EntityType type, int gold, int guessed, int correct)
    {
        var (g, p, c) = _byType.GetValueOrDefault(type);
        _byType[type] = (g + gold, p + guessed, c + correct);
    }
}
