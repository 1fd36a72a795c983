using System.Globalization;
using System.Text.Json;
using Sitrep.Claims.Evaluation;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Claims.Frames;

/// <summary>One hand-labelled sentence of the frames gold set (format in tests/gold/frames/README.md).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Class">The event class of its claim's predicate, or null when none of the classes applies.</param>
/// <param name="Lemma">The predicate's lemma.</param>
/// <param name="Participants">Role and phrase as written, each phrase found in <paramref name="Text"/>.</param>
public sealed record FrameGoldItem(string Id, string Text, string? Class, string? Lemma, IReadOnlyList<(ParticipantRole Role, string Phrase)> Participants);

/// <summary>The scores of one way of reading frames on a gold set.</summary>
/// <param name="Items">Sentences scored.</param>
/// <param name="ClassCorrect">Sentences whose first claim has the gold event class (null included).</param>
/// <param name="LemmaCorrect">Sentences whose first claim's predicate lemma is the gold one.</param>
/// <param name="ParticipantsCorrect">Predicted participants with the gold role whose head word lies in a gold phrase of that role.</param>
/// <param name="ParticipantsPredicted">Predicted participants.</param>
/// <param name="ParticipantsGold">Gold participants.</param>
/// <param name="Errors">One line per disagreement.</param>
public sealed record FrameEvaluation(int Items, int ClassCorrect, int LemmaCorrect, int ParticipantsCorrect, int ParticipantsPredicted, int ParticipantsGold, IReadOnlyList<string> Errors)
{
    /// <summary>Share of sentences with the right event class.</summary>
    public double ClassAccuracy => Items == 0 ? 0 : ClassCorrect / (double)Items;

    /// <summary>Share of sentences with the right predicate lemma.</summary>
    public double LemmaAccuracy => Items == 0 ? 0 : LemmaCorrect / (double)Items;

    /// <summary>Participant precision (0 when nothing is predicted).</summary>
    public double Precision => ParticipantsPredicted == 0 ? 0 : ParticipantsCorrect / (double)ParticipantsPredicted;

    /// <summary>Participant recall.</summary>
    public double Recall => ParticipantsGold == 0 ? 0 : ParticipantsCorrect / (double)ParticipantsGold;

    /// <summary>Harmonic mean of participant precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores claim frames against hand-labelled sentences: each sentence is analysed as a document of its own (sentences,
/// timexes, then the claims stage with or without the parse), and the frame of its first claim is compared with the
/// gold one. A predicted participant is right when its role is the gold role and its head word lies inside a gold
/// phrase of that role (each gold phrase matched once), the head-word rule of CoNLL-2008 semantic role scoring.
/// </summary>
public static class FrameEvaluator
{
    /// <summary>Reads a JSONL gold file; blank lines are skipped.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid item, or a phrase is not in its sentence.</exception>
    public static IReadOnlyList<FrameGoldItem> Read(string path) => JsonLines.Read(path, ParseItem);

    private static FrameGoldItem ParseItem(string line)
    {
        var raw = JsonSerializer.Deserialize<RawItem>(line, JsonLines.Options) ?? throw new InvalidDataException("empty item");
        if (string.IsNullOrEmpty(raw.Id) || string.IsNullOrEmpty(raw.Text))
        {
            throw new InvalidDataException("'id' and 'text' are required");
        }

        var participants = new List<(ParticipantRole, string)>();
        foreach (var pair in raw.Participants ?? [])
        {
            if (pair.Length != 2 || ParticipantRoles.Parse(pair[0]) is not { } role || !raw.Text.Contains(pair[1], StringComparison.Ordinal))
            {
                throw new InvalidDataException($"participant [{string.Join(", ", pair)}] needs a role (agent, patient, location, recipient) and a phrase of the text");
            }

            participants.Add((role, pair[1]));
        }

        return new FrameGoldItem(raw.Id, raw.Text, raw.Class, raw.Lemma, participants);
    }

    /// <summary>Scores the frames read with the parse (<paramref name="useSyntax"/>) or from trigger words alone.</summary>
    public static FrameEvaluation Evaluate(IEnumerable<FrameGoldItem> items, bool useSyntax, SyntaxModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var analyzer = new ClaimAnalyzer(new ClaimOptions { UseSyntax = useSyntax });
        var sentences = new SentenceStage();
        var timexes = new TimexStage();
        var syntax = new SyntaxStage(SyntaxOptions.OnDemandDefault with { Model = model });
        int count = 0, classRight = 0, lemmaRight = 0, right = 0, predicted = 0, gold = 0;
        var errors = new List<string>();
        foreach (var item in items)
        {
            count++;
            var analyzed = new AnalyzedDocument(Document.Create(item.Text, item.Id).Build());
            sentences.Process(analyzed, CancellationToken.None);
            timexes.Process(analyzed, CancellationToken.None);
            if (useSyntax)
            {
                syntax.Process(analyzed, CancellationToken.None);
            }

            var frame = analyzer.Analyze(analyzed).Where(c => c.DerivedFrom is null).Select(c => c.Frame).FirstOrDefault() ?? ClaimFrame.Empty;
            if (string.Equals(frame.EventClass, item.Class, StringComparison.Ordinal))
            {
                classRight++;
            }
            else
            {
                errors.Add($"{item.Id} class {frame.EventClass ?? "-"} (gold {item.Class ?? "-"}): {item.Text}");
            }

            if (string.Equals(frame.Lemma, item.Lemma, StringComparison.OrdinalIgnoreCase))
            {
                lemmaRight++;
            }

            var open = item.Participants.Select(p => (p.Role, Range: RangeOf(item.Text, p.Phrase), p.Phrase)).ToList();
            gold += open.Count;
            foreach (var p in frame.Participants)
            {
                predicted++;
                var match = open.FindIndex(g => g.Role == p.Role && g.Range.Start <= p.Head.Start && p.Head.End <= g.Range.End);
                if (match >= 0)
                {
                    right++;
                    open.RemoveAt(match);
                }
                else
                {
                    errors.Add($"{item.Id} extra {ParticipantRoles.Of(p.Role)}={p.Text} (head '{item.Text[p.Head.Start..p.Head.End]}')");
                }
            }

            errors.AddRange(open.Select(g => $"{item.Id} missed {ParticipantRoles.Of(g.Role)}={g.Phrase}"));
            if (useSyntax && errors.Count > 0 && errors[^1].StartsWith(item.Id + " ", StringComparison.Ordinal) && analyzed.Layers.Find<SyntaxLayer>()?.Of(0) is { } parse)
            {
                errors.Add($"{item.Id} parse: " + string.Join(' ', parse.Select((w, i) => $"{i}:{w.Form}/{w.Upos}/{w.Lemma}>{w.Head}:{w.Relation}")));
            }
        }

        return new FrameEvaluation(count, classRight, lemmaRight, right, predicted, gold, errors);
    }

    /// <summary>One line of figures.</summary>
    public static string Describe(FrameEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"event class {e.ClassAccuracy:0.000} ({e.ClassCorrect}/{e.Items}), lemma {e.LemmaAccuracy:0.000}, participants P {e.Precision:0.000} R {e.Recall:0.000} F1 {e.F1:0.000} ({e.ParticipantsCorrect} / {e.ParticipantsPredicted} / {e.ParticipantsGold})");
    }

    private static TextRange RangeOf(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        return new TextRange(at, at + phrase.Length);
    }

    private sealed record RawItem(string Id, string Text, string? Class, string? Lemma, string[][]? Participants);
}
