using System.Globalization;
using Sitrep.Brief.Model;
using Sitrep.Claims.Frames;
using Sitrep.Corroboration.Figures;
using Sitrep.Corroboration.State;
using Sitrep.Pipeline;

namespace Sitrep.Brief.Building;

/// <summary>Maps the figure and story-state layers into the brief's figures[] and states[].</summary>
internal static class FigureSection
{
    public static List<BriefFigure> Figures(Corpus corpus) =>
        [.. (corpus.Layers.Find<FigureLayer>()?.Figures ?? []).Select(f => new BriefFigure(
            f.Id,
            f.Label,
            FigureNames.Of(f.Verdict),
            f.Reason,
            [.. f.Values.Select(v => new BriefFigureValue(
                v.ClaimKey,
                v.Source,
                v.Measure.Describe(),
                ToBrief(v.Measure),
                v.ReportTime?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
                v.Likelihood,
                BriefBuilder.ToBrief(v.Cite)))],
            [.. f.Conflicts.Select(c => new BriefContradiction(c.Earlier.ClaimKey, c.Later.ClaimKey, c.IsUpdate ? "update" : "contradiction", c.Reason) { Proposition = f.Id })]))];

    public static List<BriefStoryState> States(Corpus corpus) =>
        [.. (corpus.Layers.Find<StoryStateLayer>()?.States ?? []).Select(s => new BriefStoryState(
            s.Topic,
            s.Now,
            s.Summary,
            s.Disputed,
            [.. s.Steps.Select(ToBrief)])
        {
            Disputing = [.. s.Disputing.Select(ToBrief)],
        })];

    private static BriefStatusStep ToBrief(StatusStep step) =>
        new(step.Status, step.ClaimKey, step.Source, step.ReportTime?.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), BriefBuilder.ToBrief(step.Cite));

    public static BriefMeasure ToBrief(Measure m) =>
        new(m.Role, m.Counted, Round(m.Min), Round(m.Max), m.Unit, m.Text, m.Range.Start, m.Range.End);

    private static double? Round(double? v) => v is { } x && !double.IsInfinity(x) ? Math.Round(x, 3) : null;
}
